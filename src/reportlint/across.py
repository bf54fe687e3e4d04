"""Reports related to each other: last year's report of the same agency, and near-identical texts.

The rules X801–X803 read what this module finds. Last year's report is taken from the same
run, from `--previous` (a file or a folder), or by convention from the report's own folder
(a file whose name carries last year). Near-identical sections (雷同) are found through a
one-permutation MinHash of each section's character 5-grams, with figures and years
masked, banded so that a run of many reports is not compared pair by pair.
"""

from __future__ import annotations

import functools
import operator
import re
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlint.model import Report
from reportlint.template.labels import normalise

COMPARED_SECTIONS = ("overview", "problems")  # the prose a copied report carries over
_BINS = 64  # one-permutation MinHash: the least 5-gram hash in each of 64 ranges of the hash space
_BAND = 4  # bins per band: two sections sharing a whole band are compared
_SHINGLE = 5
_MIN_CHARS = 80  # shorter sections are too short to call copied
CANDIDATES = 50  # sections compared at most for one section
_DIGITS = re.compile(r"\d+")
_EMPTY = -1

Sketch = tuple[int, ...]


@dataclass(frozen=True)
class Similar:
    section: str
    other: str  # the other report's path (the most similar)
    score: float
    last_year: bool
    count: int = 1  # how many reports of the run are this similar


def sketch(text: str) -> Sketch | None:
    """One-permutation MinHash of the text's 5-grams (figures and years masked); None if too short."""
    norm = _DIGITS.sub("#", normalise(text))
    if len(norm) < _MIN_CHARS:
        return None
    mins = [_EMPTY] * _BINS
    for i in range(len(norm) - _SHINGLE + 1):
        h = zlib.crc32(norm[i : i + _SHINGLE].encode("utf-8"))
        b = h >> 26  # the top 6 bits choose the bin
        if mins[b] == _EMPTY or h < mins[b]:
            mins[b] = h
    return tuple(mins)


def section_sketches(report: Report) -> dict[str, list[int] | None]:
    """The sketch of each compared section, as a light report carries it."""
    found: dict[str, list[int] | None] = {}
    for key in COMPARED_SECTIONS:
        made = _section_sketch(report, key)
        found[key] = list(made) if made else None
    return found


def _section_sketch(report: Report, key: str) -> Sketch | None:
    section = report.section(key)
    return sketch(section.text) if section and section.found else None


def similarity(a: Sketch, b: Sketch) -> float:
    """The share of bins whose least hash agrees: an estimate of the 5-gram Jaccard similarity.
    A bin empty in both (a short text) does not count; the rest is counted in C, since a run
    of ten thousand reports makes hundreds of thousands of these comparisons."""
    same: int = sum(map(operator.eq, a, b))
    if _EMPTY in a and _EMPTY in b:
        both: int = (_empty_bins(a) & _empty_bins(b)).bit_count()
        used = _BINS - both
        return (same - both) / used if used else 0.0
    return same / _BINS


@functools.lru_cache(maxsize=1 << 16)
def _empty_bins(found: Sketch) -> int:
    return sum(1 << i for i, h in enumerate(found) if h == _EMPTY)


def _bands(found: Sketch) -> list[tuple[int, Sketch]]:
    return [(i, found[i : i + _BAND]) for i in range(0, _BINS, _BAND)]


@dataclass(frozen=True)
class Outline:
    """What the comparisons know of a report they do not hold: who, which year, where. A run
    of 10,000 reports keeps these and its sketches; a whole report is made when one is needed."""

    path: str
    agency: str | None
    year: int | None


Known = Report | Outline


class Relations:
    """Last year's reports and near-identical sections for the reports of one run."""

    def __init__(
        self,
        reports: Iterable[Known],
        previous: Iterable[Report] = (),
        threshold: float = 0.9,
        load: Callable[[str], Report | None] | None = None,
        sketches: Mapping[str, Mapping[str, Sequence[int] | None]] | None = None,
        expand: Callable[[Outline], Report | None] | None = None,
    ) -> None:
        """`sketches` by path and section: those worked out where the report was read (a
        worker, the cache), so that its text need not travel. `expand` makes the Report of an
        Outline (last year's, when a rule reads its tables)."""
        self.reports = [r for r in reports]
        self.threshold = threshold
        self._load = load
        self._expand = expand
        self._by_agency: dict[tuple[str, int], Known] = {}
        for report in (*previous, *self.reports):
            if report.agency and report.year:
                self._by_agency.setdefault((report.agency, report.year), report)
        self._folders: set[tuple[Path, int]] = set()
        self._sketches: dict[tuple[str, str], Sketch | None] = {
            (path, key): tuple(found) if found else None
            for path, by_key in (sketches or {}).items()
            for key, found in by_key.items()
        }
        self._bands: dict[tuple[str, int, Sketch], list[Known]] = defaultdict(list)
        for report in self.reports:
            for key in COMPARED_SECTIONS:
                for band in _bands(self._sketch(report, key) or ()):
                    if any(h != _EMPTY for h in band[1]):
                        self._bands[(key, *band)].append(report)

    def previous(self, report: Known) -> Report | None:
        """Last year's report of the same agency, whole."""
        found = self._last(report)
        if isinstance(found, Outline):
            return self._expand(found) if self._expand else None
        return found

    def _last(self, report: Known) -> Known | None:
        if not report.agency or not report.year:
            return None
        key = (report.agency, report.year - 1)
        if key not in self._by_agency and report.path:
            self._look_beside(Path(report.path).parent, report.year - 1)
        return self._by_agency.get(key)

    def similar(self, report: Known) -> list[Similar]:
        found: list[Similar] = []
        last = self._last(report)
        for key in COMPARED_SECTIONS:
            mine = self._sketch(report, key)
            if mine is None:
                continue
            if last is not None and (theirs := self._sketch(last, key)) is not None:
                score = similarity(mine, theirs)
                if score >= self.threshold:
                    found.append(Similar(key, last.path, score, True))
            others = self._candidates(report, last, key, mine)
            scored = sorted(
                ((similarity(mine, s), path) for path, o in others.items() if (s := self._sketch(o, key))),
                reverse=True,
            )
            close = [(score, path) for score, path in scored if score >= self.threshold]
            if close:
                found.append(Similar(key, close[0][1], close[0][0], False, len(close)))
        return found

    def _candidates(self, report: Known, last: Known | None, key: str, mine: Sketch) -> dict[str, Known]:
        """The first CANDIDATES reports sharing a band with this section: where a run holds
        thousands of copies of one text, a report is not compared with every one of them."""
        others: dict[str, Known] = {}
        skip = {report.path, last.path if last else None}
        for band in _bands(mine):
            for other in self._bands.get((key, *band), ()):
                if other.path not in skip:
                    others.setdefault(other.path, other)
                    if len(others) >= CANDIDATES:
                        return others
        return others

    def _sketch(self, report: Known, key: str) -> Sketch | None:
        cache_key = (report.path or str(id(report)), key)
        if cache_key not in self._sketches:
            self._sketches[cache_key] = _section_sketch(report, key) if isinstance(report, Report) else None
        return self._sketches[cache_key]

    def _look_beside(self, folder: Path, year: int) -> None:
        """By convention last year's report sits in the same folder, its name carrying the year."""
        if self._load is None or (folder, year) in self._folders or not folder.is_dir():
            return
        self._folders.add((folder, year))
        for candidate in sorted(folder.iterdir()):
            if str(year) in candidate.name and candidate.is_file():
                report = self._load(str(candidate))
                if report is not None and report.agency and report.year:
                    self._by_agency.setdefault((report.agency, report.year), report)
