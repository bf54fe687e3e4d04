"""KeptLines reads as the list padded with "" that it stands for."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportlint.lines import KeptLines, with_lines

_KEPT = st.dictionaries(st.integers(1, 30), st.text(max_size=5))


@given(_KEPT, st.integers(0, 40), st.integers(-45, 45))
def test_reads_as_the_padded_list(kept, length, index):
    lines = KeptLines(kept, length)
    padded = [kept.get(n, "") for n in range(1, max(length, max(kept, default=0)) + 1)]
    assert len(lines) == len(padded) and list(lines) == padded and lines == padded
    assert lines[index:] == padded[index:] and lines[:index] == padded[:index]
    if -len(padded) <= index < len(padded):
        assert lines[index] == padded[index]
    else:
        with pytest.raises(IndexError):
            lines[index]
    assert pickle.loads(pickle.dumps(lines)) == padded


@given(_KEPT, _KEPT)
def test_lines_put_back_are_read_either_way(kept, shown):
    padded = [kept.get(n, "") for n in range(1, max(kept, default=0) + 1)]
    assert list(with_lines(KeptLines(kept), shown)) == list(with_lines(padded, shown))
    for number, text in shown.items():
        assert with_lines(KeptLines(kept), shown)[number - 1] == text
