"""Encodings: UTF-8, UTF-8 with BOM, GB18030/GBK, UTF-16; what is not text gives E001, never a traceback."""

from __future__ import annotations

import pytest

from reportlint.api import lint_bytes
from reportlint.readers.decode import DecodeError, decode

from conftest import SEED

SAMPLE = "延津县塔铺街道2024年政府信息公开工作年度报告\n一、总体情况\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("gbk"), "gb18030"),
        (SAMPLE.encode("utf-16"), "utf-16"),
    ],
)
def test_decodes(data, encoding):
    text, found = decode(data)
    assert text.lstrip("\ufeff") == SAMPLE
    assert found == encoding


def test_binary_is_refused():
    with pytest.raises(DecodeError):
        decode(bytes(range(256)) * 4)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_the_seed_in_another_encoding_lints_the_same(encoding):
    text = SEED.read_text(encoding="utf-8")
    expected = {d.code for d in lint_bytes("seed.txt", text.encode("utf-8")).diagnostics}
    found = {d.code for d in lint_bytes("seed.txt", text.encode(encoding)).diagnostics}
    assert found == expected


def test_undecodable_bytes_give_e001():
    result = lint_bytes("broken.txt", b"\x00\x01\x02\xff\xfe\x00garbage\x00" * 50)
    assert [d.code for d in result.diagnostics] == ["E001"]
    assert result.report is None
