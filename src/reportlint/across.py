"""Reports related to each other: last year's report of the same agency, and near-identical texts.

The rules X801–X803 read what this module finds. Last year's report is taken from the same
run, from `--previous` (a file or a folder), or by convention from the report's own folder
(a file whose name carries last year). Near-identical sections (雷同) are found through a
bottom-k sketch of each section's character 5-grams, with figures and years masked, so that
a run of many reports is not compared pair by pair.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from reportlint.model import Report
from reportlint.template.labels import normalise

COMPARED_SECTIONS = ("overview", "problems")  # the prose a copied report carries over
_SKETCH = 128
_SHINGLE = 5
_MIN_CHARS = 80  # shorter sections are too short to call copied
_COMMON = 50  # a sketch entry shared by more sections than this is boilerplate, not evidence
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Similar:
    section: str
    other: str  # the other report's path
    score: float
    last_year: bool


def sketch(text: str) -> frozenset[int] | None:
    """The smallest hashes of the text's 5-grams (figures and years masked), or None if too short."""
    norm = _DIGITS.sub("#", normalise(text))
    if len(norm) < _MIN_CHARS:
        return None
    shingles = {zlib.crc32(norm[i : i + _SHINGLE].encode("utf-8")) for i in range(len(norm) - _SHINGLE + 1)}
    return frozenset(sorted(shingles)[:_SKETCH])


def similarity(a: frozenset[int], b: frozenset[int]) -> float:
    """Jaccard similarity estimated from two bottom-k sketches."""
    union = sorted(a | b)[:_SKETCH]
    return sum(1 for h in union if h in a and h in b) / len(union) if union else 0.0


class Relations:
    """Last year's reports and near-identical sections for the reports of one run."""

    def __init__(
        self,
        reports: Iterable[Report],
        previous: Iterable[Report] = (),
        threshold: float = 0.9,
        load: Callable[[str], Report | None] | None = None,
    ) -> None:
        self.reports = [r for r in reports]
        self.threshold = threshold
        self._load = load
        self._by_agency: dict[tuple[str, int], Report] = {}
        for report in (*previous, *self.reports):
            if report.agency and report.year:
                self._by_agency.setdefault((report.agency, report.year), report)
        self._folders: set[tuple[Path, int]] = set()
        self._sketches: dict[tuple[str, str], frozenset[int]] = {}
        index: dict[tuple[str, int], list[str]] = defaultdict(list)
        for report in self.reports:
            for key in COMPARED_SECTIONS:
                found = self._sketch(report, key)
                for h in found or ():
                    index[(key, h)].append(report.path)
        self._index = {k: v for k, v in index.items() if len(v) <= _COMMON}

    def previous(self, report: Report) -> Report | None:
        if not report.agency or not report.year:
            return None
        key = (report.agency, report.year - 1)
        if key not in self._by_agency and report.path:
            self._look_beside(Path(report.path).parent, report.year - 1)
        return self._by_agency.get(key)

    def similar(self, report: Report) -> list[Similar]:
        found: list[Similar] = []
        last = self.previous(report)
        for key in COMPARED_SECTIONS:
            mine = self._sketch(report, key)
            if mine is None:
                continue
            if last is not None and (theirs := self._sketch(last, key)) is not None:
                score = similarity(mine, theirs)
                if score >= self.threshold:
                    found.append(Similar(key, last.path, score, True))
            shared: dict[str, int] = defaultdict(int)
            for h in mine:
                for path in self._index.get((key, h), ()):
                    if path != report.path and (last is None or path != last.path):
                        shared[path] += 1
            for path, count in shared.items():
                if count >= self.threshold * len(mine) * 0.8:
                    other = next(r for r in self.reports if r.path == path)
                    theirs = self._sketch(other, key)
                    score = similarity(mine, theirs) if theirs else 0.0
                    if score >= self.threshold:
                        found.append(Similar(key, path, score, False))
        return found

    def _sketch(self, report: Report, key: str) -> frozenset[int] | None:
        cache_key = (report.path or str(id(report)), key)
        if cache_key not in self._sketches:
            section = report.section(key)
            found = sketch(section.text) if section and section.found else None
            self._sketches[cache_key] = found if found is not None else frozenset()
        return self._sketches[cache_key] or None

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
