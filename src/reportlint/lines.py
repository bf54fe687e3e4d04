"""A file's source lines of which only some are kept.

A run of 10,000 files keeps each file's findings until the end, and with them the lines the
findings quote; a list as long as each file would hold a slot for each of its lines. The
lines not kept read as "", as a list padded with "" would.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import overload


class KeptLines(Sequence[str]):
    __slots__ = ("kept", "length")

    def __init__(self, kept: Mapping[int, str], length: int | None = None) -> None:
        """`kept`: text by line number (from 1); `length`: the lines the file has, at least the last kept."""
        self.kept = kept if isinstance(kept, dict) else dict(kept)
        self.length = max(length or 0, max(self.kept, default=0))

    def __len__(self) -> int:
        return self.length

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self.kept.get(n + 1, "") for n in range(*index.indices(self.length))]
        number = index + 1 if index >= 0 else self.length + index + 1
        if not 1 <= number <= self.length:
            raise IndexError(index)
        return self.kept.get(number, "")

    def __iter__(self) -> Iterator[str]:
        return (self.kept.get(n, "") for n in range(1, self.length + 1))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and len(other) == self.length and list(self) == list(other)

    def __repr__(self) -> str:
        return f"KeptLines({self.kept!r}, {self.length})"

    def __getstate__(self) -> tuple[dict[int, str], int]:
        return self.kept, self.length

    def __setstate__(self, state: tuple[dict[int, str], int]) -> None:
        self.kept, self.length = state


def with_lines(lines: Sequence[str], shown: Mapping[int, str]) -> Sequence[str]:
    """`lines` with the lines `shown` (by number) put in, where they were left out."""
    if not shown:
        return lines
    if isinstance(lines, KeptLines):
        return KeptLines({**lines.kept, **shown}, max(len(lines), *shown))
    grown = [*lines, *[""] * max(0, max(shown) - len(lines))]
    for number, text in shown.items():
        grown[number - 1] = text
    return grown
