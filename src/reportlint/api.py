"""The library entry points: lint files, bytes or text; parse a file into the Report model.

The pipeline is linear: bytes → reader → Document → extractor → Report → schema → rules →
diagnostics. Each file is handled on its own; a bad file gives diagnostics, never an
exception, so the other files of a run go on.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import re
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlint import config, limits, plugins, suppress
from reportlint.across import Outline, Relations, section_sketches
from reportlint.cache import Cache
from reportlint.config import Config, Selection
from reportlint.diagnostics import Diagnostic, Severity, diagnostic_from_json
from reportlint.document import Document, Span
from reportlint.engine import engine_rule, run_rules
from reportlint.extract import extract
from reportlint.extract.meta import fee_sentences
from reportlint.limits import LimitExceeded, Limits
from reportlint.lines import KeptLines, with_lines
from reportlint.model import Located, Report, Section, report_from_json
from reportlint.readers import ReadError, reader_for
from reportlint.readers.decode import DecodeError, decode
from reportlint.readers.text import parse_text
from reportlint.rule import Context
from reportlint.schema import conforms, validate
from reportlint.template import load


class PathError(OSError):
    """A path given on the command line does not exist or cannot be read (exit 2)."""


# settings a caller (the command line) may set over the configuration files
OVERRIDABLE = (
    "lang", "template", "year", "previous", "similarity", "select", "extend_select", "ignore", "fail_on", "exclude",
)  # fmt: skip


_NO_CONFIG = Config()


@dataclass
class Options:
    """What the caller says; None leaves the setting to the configuration found beside each file."""

    lang: str | None = None
    template: str | None = None
    year: int | None = None
    previous: list[str] | None = None  # last year's reports: files or folders
    similarity: float | None = None  # X803's threshold
    select: list[str] | None = None
    extend_select: list[str] | None = None
    ignore: list[str] | None = None
    fail_on: str | None = None
    exclude: list[str] | None = None
    config: str | None = None  # a configuration file to use instead of looking for one
    find_config: bool = True  # look for .reportlint.yaml / pyproject.toml above each file

    # one run's settings by file and configuration by folder: a folder of 10,000 reports is
    # looked up once, not 10,000 times (for_run gives each run its own, so edits between runs count)
    _by_path: dict[str, Config] = field(default_factory=dict, init=False, repr=False, compare=False)
    _by_folder: dict[Path | str, Config] = field(default_factory=dict, init=False, repr=False, compare=False)
    _merged: dict[int, tuple[Config, Config]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _for_run: bool = field(default=False, init=False, repr=False, compare=False)

    def settings(self, path: str) -> Config:
        found = self._by_path.get(path)
        if found is None:
            base = (
                config.for_path(path, self.config, self._by_folder)
                if (self.find_config or self.config)
                else _NO_CONFIG
            )
            merged = self._merged.get(id(base))  # one object for the files one configuration covers
            if merged is None or merged[0] is not base:
                merged = self._merged[id(base)] = (
                    base,
                    base.merged({k: getattr(self, k) for k in OVERRIDABLE}),
                )
            found = self._by_path[path] = merged[1]
        return found

    def for_run(self) -> Options:
        """A copy that looks the configuration up afresh; a copy already made for a run is that
        run's own (finding the files and linting them look each folder up once between them)."""
        if self._for_run:
            return self
        copy = dataclasses.replace(self)
        copy._for_run = True
        return copy

    def __getstate__(self) -> dict[str, Any]:  # sent to workers without what this process looked up
        return {**self.__dict__, "_by_path": {}, "_by_folder": {}, "_merged": {}}


@dataclass
class FileResult:
    path: str
    report: Report | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    source_lines: Sequence[str] = field(default_factory=list)
    settings: Config = field(default_factory=Config)

    def failed(self) -> bool:
        """Something at or above the file's `fail-on` severity was found."""
        threshold = Severity.parse(self.settings.fail_on)
        return any(d.severity >= threshold for d in self.diagnostics)

    def worst(self) -> Severity | None:
        return max((d.severity for d in self.diagnostics), default=None)


def supported_extensions() -> set[str]:
    return {ext for reader in plugins.readers() for ext in reader.extensions if ext}


def discover(paths: Iterable[str], options: Options | None = None) -> Iterator[str]:
    """Files to lint: files as given, folders walked for the extensions a reader claims (sorted).

    A file found in a folder is left out where its configuration's `exclude` matches it; a
    file named on the command line is always linted.
    """
    extensions = supported_extensions()
    options = options or Options(find_config=False)
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [
                    os.path.join(root, f)
                    for f in files
                    if os.path.splitext(f)[1].lower() in extensions
                    and not f.startswith(".")
                    and _report_like(os.path.join(root, f))
                ]
            yield from (f for f in sorted(found) if not config.excluded(f, options.settings(f)))
        elif path.is_file():
            yield given
        elif path.exists():
            raise PathError(f"{given}: not a regular file or folder")
        else:
            raise PathError(f"{given}: no such file or folder")


_DATA_REPORT = re.compile(rb"""^\s*["']?template["']?\s*:""", re.M)


def _report_like(path: str) -> bool:
    """In a folder, a JSON or YAML file counts as a report only if it says which template it follows."""
    if os.path.splitext(path)[1].lower() not in (".json", ".yaml", ".yml"):
        return True
    try:
        with open(path, "rb") as handle:
            return bool(_DATA_REPORT.search(handle.read(4096)))
    except OSError:
        return True  # let the run report why it cannot be read


def lint_paths(paths: Iterable[str], options: Options | None = None, **run: Any) -> list[FileResult]:
    """Lint files and folders as one run: `lint_files` on what `discover` finds in them
    (`run`: its jobs, cache_dir, progress and keep_reports)."""
    options = (options or Options()).for_run()
    return lint_files(list(discover(paths, options)), options, **run)


def lint_files(
    files: list[str],
    options: Options | None = None,
    jobs: int = 1,
    cache_dir: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    keep_reports: bool = True,
) -> list[FileResult]:
    """Lint files as one run: each file on its own (on `jobs` processes, skipping files the
    cache has seen unchanged), then the reports against each other (X8xx).
    `progress(done, total)` is called after each file is prepared (a progress bar).
    `keep_reports=False` leaves each FileResult's report out (a run of 10,000 files then holds
    only their findings, as a run on several cores always does)."""
    options = (options or Options()).for_run()
    if files:
        _configure(options.settings(files[0]))
    store = Cache(cache_dir) if cache_dir else None
    values: dict[int, int] = {}
    # files the cache has seen are taken from it here; only the others go to the workers
    alone: list[_Alone | None] = (
        [_from_store(p, options, store, values) for p in files] if store else [None] * len(files)
    )
    todo = [n for n, item in enumerate(alone) if item is None]
    count = len(files) - len(todo)
    if progress is not None and count:
        progress(count, len(files))
    if jobs > 1 and len(todo) >= 4 * jobs:
        import multiprocessing

        work = functools.partial(_lint_alone, options=options, store=store, keep_report=False, looked_up=True)
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            done = pool.imap(work, [files[n] for n in todo], chunksize=max(1, len(todo) // (jobs * 8)))
            for n, item in zip(todo, done, strict=True):
                count += 1
                alone[n] = _ticked(item, count, len(files), progress, values)
    else:
        for n in todo:
            count += 1
            alone[n] = _ticked(
                _lint_alone(files[n], options, store, keep_report=keep_reports, looked_up=True),
                count,
                len(files),
                progress,
                values,
            )
    return _across([item for item in alone if item is not None], options)


def _from_store(path: str, options: Options, store: Cache | None, values: dict[int, int]) -> _Alone | None:
    """The file's result as the cache kept it, if its content, settings and rules are unchanged."""
    settings = options.settings(path)
    try:
        bound = Limits.of(settings).max_file_size
        if store is None or (bound and os.stat(path).st_size > bound):
            return None
        data = Path(path).read_bytes()
    except OSError:
        return None  # the file's own run says why
    entry = store.get(_cache_key(store, path, data, settings))
    return _slim(_from_cache(path, entry, settings), values) if entry is not None else None


def _ticked(
    item: _Alone, done: int, total: int, progress: Callable[[int, int], None] | None, values: dict[int, int]
) -> _Alone:
    """Report one more file prepared to the caller's progress callback, if any."""
    if progress is not None:
        progress(done, total)
    return _slim(item, values)


def _slim(item: _Alone, values: dict[int, int]) -> _Alone:
    """Keep of a light report only what the comparisons read of every report — who, which year,
    the sketches, whether it has suppression comments — and the rest packed: held for every
    file of a run until the end, its Report would cost ten times as much. A run's reports share
    most of their sketches' values (boilerplate, copies): `values` keeps one int object for each."""
    light = item.light
    if light is not None and "packed" not in light:
        rest = {k: v for k, v in light.items() if k not in ("sketches", "comments")}
        item.light = {
            "path": light["path"],
            "agency": light.get("agency"),
            "year": light.get("year"),
            "comments": light.get("comments", True),
            "sketches": {
                key: tuple(values.setdefault(h, h) for h in found) if found else None
                for key, found in (light.get("sketches") or {}).items()
            },
            "packed": zlib.compress(json.dumps(rest, ensure_ascii=False).encode("utf-8"), 1),
        }
        item.report = None
    return item


def _unpacked(light: dict[str, Any]) -> Report:
    """The Report of a light report, packed by `_slim` or not."""
    if "packed" in light:
        return report_from_json(json.loads(zlib.decompress(light["packed"])))
    return report_from_json(light)


def lint_file(path: str, options: Options | None = None) -> FileResult:
    return lint_paths([path], options)[0]


def lint_bytes(path: str, data: bytes, options: Options | None = None) -> FileResult:
    options = (options or Options()).for_run()
    settings = options.settings(path)
    bounds = Limits.of(settings)
    try:
        with limits.guard(bounds):
            bounds.check("max-file-size", len(data))
            document = _read(path, data, settings)
            if not isinstance(document, FileResult):
                return lint_document(document, options)
    except LimitExceeded as exc:
        document = _exceeded(path, exc, settings)
    _select(document, Selection(settings, path), None)
    return _across([_Alone(document)], options)[0]


def lint_text(text: str, path: str = "<text>", options: Options | None = None) -> FileResult:
    return lint_document(parse_text(path, text), options or Options(find_config=False))


def lint_document(document: Document, options: Options) -> FileResult:
    options = options.for_run()
    settings = options.settings(document.path)
    _configure(settings)
    return _across([_lint_document_alone(document, settings)], options)[0]


def _configure(settings: Config) -> None:
    """Plugins hear the run's settings before any rule runs (and before workers are forked)."""
    plugins.manager().hook.reportlint_configure(config=settings.as_dict())


@dataclass
class _Alone:
    """A file linted on its own: its result, and the report the comparisons across reports need."""

    result: FileResult
    report: Report | None = None  # the whole report in this process; a light one from a worker or the cache
    light: dict[str, Any] | None = None
    all_lines: bool = True  # False: only the lines shown or pointed at were kept (a worker, the cache)


def _within_bounds(lint: Callable[..., _Alone]) -> Callable[..., _Alone]:
    """One file's work within its bounds (reportlint.limits): its size is checked before it is
    read, and reading, extraction and its rules run under its time bound. A bound exceeded is
    E006, a file that went away or became unreadable since it was found is E001: either way
    the run goes on with the other files."""

    @functools.wraps(lint)
    def bounded(path: str, options: Options, *args: Any, **kwargs: Any) -> _Alone:
        settings = options.settings(path)
        bounds = Limits.of(settings)
        try:
            with limits.guard(bounds):
                bounds.check("max-file-size", os.stat(path).st_size)
                return lint(path, options, *args, **kwargs)
        except LimitExceeded as exc:
            result = _exceeded(path, exc, settings)
        except OSError as exc:
            cause = exc.__cause__ if isinstance(exc.__cause__, OSError) else exc
            result = _unreadable(path, cause.strerror or str(cause), settings)
        _select(result, Selection(settings, path), None)
        return _Alone(result)

    return bounded


def _cache_key(store: Cache, path: str, data: bytes, settings: Config) -> str:
    return store.key(path, data, {**settings.as_dict(), "rules": rule_signature()})


@_within_bounds
def _lint_alone(
    path: str, options: Options, store: Cache | None, keep_report: bool, looked_up: bool = False
) -> _Alone:
    """One file on its own; `looked_up`: the caller has already found it missing from `store`."""
    settings = options.settings(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise PathError(f"{path}: {exc.strerror or exc}") from exc
    key = _cache_key(store, path, data, settings) if store else ""
    if store and not looked_up and (entry := store.get(key)) is not None:
        return _from_cache(path, entry, settings)
    document = _read(path, data, settings)
    if isinstance(document, FileResult):
        _select(document, Selection(settings, path), None)
        alone = _Alone(document)
    else:
        alone = _lint_document_alone(document, settings)
    if store:
        store.put(key, _to_cache(alone))
    if not keep_report:  # sent back from a worker, kept for the whole run: only what is shown
        kept = _kept_lines(alone)
        alone.report, alone.result.report, alone.all_lines = None, None, False
        alone.result.source_lines = KeptLines(kept)
    return alone


@functools.lru_cache(maxsize=1)
def rule_signature() -> list[str]:
    """The rules and readers in force (plugins included), the libraries they use and reportlint's
    own files: a new or removed plugin, a library installed, upgraded or removed, or an edited
    checkout makes every cached result stale."""
    from reportlint.dependencies import own_files, stamps

    rules = (f"{rule.code}:{rule.name}:{type(rule).__module__}" for rule in plugins.rules())
    readers = (f"reader:{reader.name}:{','.join(reader.extensions)}" for reader in plugins.readers())
    return sorted([*rules, *readers, *plugins.versions(), *stamps(plugins.readers()), *own_files()])


def _lint_document_alone(document: Document, settings: Config) -> _Alone:
    """Read, extract, and run every rule that needs this report alone; select and suppress."""
    prepared = _prepare(document, settings)
    result, report = prepared.result, prepared.result.report
    selection = Selection(settings, result.path)
    if prepared.ready and report is not None:
        chosen = [
            r for r in plugins.rules()
            if not r.across and (selection.enabled(r.code, r.name) or r.code.startswith("E"))
        ]  # fmt: skip
        result.diagnostics += run_rules(
            report, load(report.template), document, chosen, settings.lang, rule_options=settings.rule_options
        )
    _select(result, selection, document)
    if not prepared.ready or report is None:
        return _Alone(result)
    return _Alone(result, report, _light(report, result.source_lines))


def _light(report: Report, lines: Sequence[str]) -> dict[str, Any]:
    """What the comparisons across reports read of a report: who, when, carry-overs, the
    sketches of two texts, and whether its source holds suppression comments."""
    comments = any("reportlint:" in line for line in lines)
    data = report.to_json()
    keep = {
        "applications": ("carried_over", "carried_forward"),
        "proactive": ("regulations", "normative_documents"),
    }
    tables = {
        key: {
            "found": t["found"],
            "rows": {r: cells for r, cells in t["rows"].items() if r in keep.get(key, ())},
        }
        for key, t in data["tables"].items()
    }
    sections = [
        {**s, "text": ""} for s in data["sections"]
    ]  # the span stays: a finding points at the heading
    fields = {k: data[k] for k in ("path", "template", "year", "agency", "title")}
    sketches = section_sketches(report)
    return {**fields, "sections": sections, "tables": tables, "sketches": sketches, "comments": comments}


def _kept_lines(alone: _Alone) -> dict[int, str]:
    """The source lines kept of a file once it is read: those its findings point at, and those
    of the spans a light report keeps (headings, carried-over rows), where a finding across
    reports may point. Ten thousand files' lines need not stay in memory for the few printed."""
    result = alone.result
    wanted = {d.span.line for d in result.diagnostics if d.span and not d.span.locator}
    wanted |= _span_lines(alone.light)
    return {n: result.source_lines[n - 1] for n in sorted(wanted) if 1 <= n <= len(result.source_lines)}


def _span_lines(node: Any) -> set[int]:
    if isinstance(node, dict):
        span = node.get("span")
        found = {span["line"]} if isinstance(span, dict) and isinstance(span.get("line"), int) else set()
        return found.union(*(_span_lines(v) for k, v in node.items() if k != "span"))
    if isinstance(node, list):
        return set().union(*(_span_lines(v) for v in node))
    return set()


def _to_cache(alone: _Alone) -> dict[str, Any]:
    result = alone.result
    return {
        "diagnostics": [{**d.to_json(), "has_span": d.span is not None} for d in result.diagnostics],
        "lines": {str(n): text for n, text in _kept_lines(alone).items()},
        "light": alone.light,
    }


def _from_cache(path: str, entry: dict[str, Any], settings: Config) -> _Alone:
    source = KeptLines({int(n): text for n, text in entry.get("lines", {}).items()})
    result = FileResult(path, None, [diagnostic_from_json(d) for d in entry["diagnostics"]], source, settings)
    return _Alone(result, None, entry.get("light"), all_lines=False)


def _across(alone: list[_Alone], options: Options) -> list[FileResult]:
    """The comparisons across reports (X8xx): each report with last year's and its look-alikes.
    A report that is not held whole is made from its light form when its turn comes, and let go."""
    known = [_known(a) for a in alone]
    by_path = {a.light["path"]: a.light for a in alone if a.report is None and a.light}
    settings = [a.result.settings for a in alone]
    previous = sorted({path for s in settings for path in previous_paths(s)})
    similarity = settings[0].similarity if settings else 0.9
    sketches = {a.light["path"]: a.light["sketches"] for a in alone if a.light and "sketches" in a.light}
    relations = Relations(
        [k for k in known if k], _previous_reports(previous), similarity, _report_of, sketches,
        expand=lambda outline: _unpacked(by_path[outline.path]) if outline.path in by_path else None,
    )  # fmt: skip
    across = [r for r in plugins.rules() if r.across]
    for item, outline in zip(alone, known, strict=True):
        result = item.result
        selection = Selection(result.settings, result.path)
        chosen = [r for r in across if selection.enabled(r.code, r.name)]
        if outline is None or not chosen:
            continue
        report = item.report if item.report is not None else _unpacked(item.light or {})
        found = run_rules(
            report, load(report.template), None, chosen, result.settings.lang,
            relations.previous(outline), relations.similar(outline), result.settings.rule_options,
        )  # fmt: skip
        if found:
            commented = item.light is None or item.light.get("comments", True)
            lines = _source_lines(result) if commented and not item.all_lines else result.source_lines
            extra = FileResult(result.path, None, found, lines, result.settings)
            _select(extra, selection, _format_of(result.path))
            result.diagnostics = sorted(result.diagnostics + extra.diagnostics, key=Diagnostic.sort_key)
            _show_lines(result, extra)
    return [a.result for a in alone]


def _known(item: _Alone) -> Report | Outline | None:
    """What the comparisons hold of a file: its Report where the run keeps it, else its outline."""
    if item.report is not None:
        return item.report
    if item.light is None:
        return None
    light = item.light
    return Outline(light["path"], light.get("agency"), light.get("year"))


def _show_lines(result: FileResult, extra: FileResult) -> None:
    """The lines of findings made across reports, put back where a worker left them out."""
    lines = extra.source_lines
    shown = {
        d.span.line: lines[d.span.line - 1]
        for d in extra.diagnostics
        if d.span and not d.span.locator and 1 <= d.span.line <= len(lines)
    }
    result.source_lines = with_lines(result.source_lines, shown)


def _source_lines(result: FileResult) -> Sequence[str]:
    """The file's lines, read again: a worker or the cache kept only some of them, and a finding
    made after the file was read needs its suppression comments."""
    try:
        return decode(Path(result.path).read_bytes())[0].splitlines()
    except (OSError, DecodeError):
        return result.source_lines


def _format_of(path: str) -> Document:
    """A stand-in Document that only says which comments its format can hold."""
    suffix = Path(path).suffix.lower()
    fmt = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}.get(suffix, "text")
    if suffix in (".json", ".yaml", ".yml"):
        fmt = "data"
    elif suffix in (".docx", ".pdf"):
        fmt = suffix[1:]
    return Document(path, fmt, None, [])


@dataclass
class _Prepared:
    """A file read and extracted, waiting for its rules (which may need the run's other reports)."""

    result: FileResult
    document: Document | None = None
    ready: bool = False  # the report exists and rules are to run


def _prepare(document: Document, settings: Config) -> _Prepared:
    rules = plugins.rules()
    result = FileResult(document.path, None, source_lines=document.source_lines, settings=settings)
    if document.format == "data":
        report, invalid = _data_report(document, settings, rules)
        if report is None:
            result.diagnostics += invalid
            return _Prepared(result, document)
    else:
        try:
            report = extract(document, settings.template, settings.year, plugins.identities())
        except Exception as exc:  # a bug the document found: this file gets E003, the run goes on
            result.diagnostics += _crashed(document.path, "extractor", "提取", exc, settings).diagnostics
            return _Prepared(result, document)
    result.report = report
    ctx = Context(report, load(report.template), document, settings.lang)
    if not report.found_anything:
        message = ctx.t(
            "文件中未找到政府信息公开工作年度报告（无标题、无部分标题、无表格）",
            "no annual report found in the file",
        )
        result.diagnostics.append(engine_rule(rules, "E002").diagnostic(ctx, message))
        return _Prepared(result, document)
    if document.format != "data" and not conforms(report.to_json(), "report.schema.json"):
        for violation in validate(report.to_json(), "report.schema.json"):
            result.diagnostics.append(
                engine_rule(rules, "E004").diagnostic(ctx, f"{violation.pointer}: {violation.message}")
            )
    return _Prepared(result, document, ready=True)


def _select(result: FileResult, selection: Selection, document: Document | None) -> None:
    """Drop what the configuration deselects or a comment suppresses; apply severity overrides."""
    kept = [d for d in result.diagnostics if selection.enabled(d.code, d.rule)]
    for diagnostic in kept:
        diagnostic.severity = selection.severity(diagnostic.code, diagnostic.rule, diagnostic.severity)
    fmt = document.format if document else ""
    kept, unused = suppress.apply(kept, result.source_lines, fmt, result.settings, result.path)
    rule = engine_rule(plugins.rules(), "E005")
    for directive in unused:
        if selection.enabled("E005", rule.name):
            span = Span(directive.line, directive.column, directive.line, directive.column + 1)
            message = (
                f"reportlint: {directive.kind}={','.join(directive.codes)} suppresses nothing"
                if result.settings.lang == "en"
                else f"抑制注释 {directive.kind}={','.join(directive.codes)} 没有抑制任何诊断"
            )
            kept.append(Diagnostic("E005", rule.severity, message, result.path, span, rule.name))
    result.diagnostics = sorted(kept, key=Diagnostic.sort_key)


def previous_paths(settings: Config) -> list[str]:
    """Last year's reports the settings name (`previous`), read from the configuration's own folder."""
    return [
        p if Path(p).is_absolute() or settings.source is None else str(settings.root / p)
        for p in settings.previous
    ]


def _previous_reports(paths: list[str]) -> list[Report]:
    found = []
    for path in discover(paths) if paths else ():
        report = _report_of(path)
        if report is not None:
            found.append(report)
    return found


def _report_of(path: str) -> Report | None:
    """A report for reference only (last year's): read and extracted, no rules, no errors raised."""
    try:
        return parse_file(path).report
    except PathError:
        return None


def parse_file(path: str, options: Options | None = None) -> FileResult:
    """The Report model of a file (and E001 or E004 if there is none), without running rules."""
    options = (options or Options()).for_run()
    settings = options.settings(path)
    bounds = Limits.of(settings)
    try:
        with limits.guard(bounds):
            return _parse_bounded(path, settings, bounds)
    except LimitExceeded as exc:
        return _exceeded(path, exc, settings)


def _parse_bounded(path: str, settings: Config, bounds: Limits) -> FileResult:
    try:
        bounds.check("max-file-size", os.stat(path).st_size)
        data = Path(path).read_bytes()
    except OSError as exc:
        raise PathError(f"{path}: {exc.strerror or exc}") from exc
    document = _read(path, data, settings)
    if isinstance(document, FileResult):
        return document
    if document.format == "data":
        report, invalid = _data_report(document, settings, plugins.rules())
        return FileResult(path, report, invalid, document.source_lines, settings)
    report = extract(document, settings.template, settings.year, plugins.identities())
    return FileResult(path, report, source_lines=document.source_lines, settings=settings)


def _read(path: str, data: bytes, settings: Config) -> Document | FileResult:
    reader: Any = None
    try:
        reader = reader_for(path, plugins.readers(), data)
        document: Document = reader.read(path, data)
    except (ReadError, DecodeError) as exc:
        return _unreadable(path, str(exc), settings)
    except Exception as exc:  # a bug the file found (a reader's or its parser's): E003 for this file only
        name = getattr(reader, "name", "?")
        return _crashed(path, f"{name} reader", f"读取器 {name}", exc, settings)
    return document


def _crashed(path: str, what: str, what_zh: str, exc: Exception, settings: Config) -> FileResult:
    report = Report(path=path, template=settings.template or "gov-2021")
    ctx = Context(report, load(report.template), None, settings.lang)
    message = ctx.t(
        f"{what_zh}运行出错：{type(exc).__name__}: {exc}（reportlint 的缺陷，请报告）",
        f"the {what} crashed: {type(exc).__name__}: {exc} (a bug in reportlint: please report it)",
    )
    return FileResult(
        path, None, [engine_rule(plugins.rules(), "E003").diagnostic(ctx, message)], settings=settings
    )


def _data_report(
    document: Document, settings: Config, rules: tuple[Any, ...]
) -> tuple[Report | None, list[Diagnostic]]:
    """A report given as data: validated by the schema (E004 at the value's line), then taken as it is."""
    placeholder = Report(path=document.path, template=settings.template or "gov-2021")
    ctx = Context(placeholder, load(placeholder.template), document, settings.lang)
    rule = engine_rule(rules, "E004")
    invalid = [
        rule.diagnostic(
            ctx,
            ctx.t(f"{v.pointer or '/'}：{v.message}", f"{v.pointer or '/'}: {v.message}"),
            document.pointers.get(v.pointer),
        )
        for v in validate(document.data, "report.schema.json")
    ]
    if invalid:
        return None, invalid
    report = report_from_json(document.data, document.path)
    _locate_data(report, document.pointers)
    _complete_sections(report)
    return report, []


def _complete_sections(report: Report) -> None:
    """A section the data leaves out is a section the report lacks."""
    order = [s.key for s in load(report.template).sections]
    given = {s.key for s in report.sections}
    report.sections += [Section(key, found=False) for key in order if key not in given]
    report.sections.sort(key=lambda s: order.index(s.key) if s.key in order else len(order))


def _locate_data(report: Report, pointers: dict[str, Span]) -> None:
    """Point each value of a data report at its place in the data file.

    Spans carried in the data refer to the document it was once extracted from, not to
    this file, so they are replaced.
    """
    report.title_span = pointers.get("/title")
    for index, section in enumerate(report.sections):
        section.span = pointers.get(f"/sections/{index}")
    for index, finding in enumerate(report.labels):
        finding.span = pointers.get(f"/labels/{index}")
    for key, table in report.tables.items():
        table.span = pointers.get(f"/tables/{key}")
        for row, cells in table.rows.items():
            table.row_spans[row] = pointers.get(f"/tables/{key}/rows/{row}") or Span(1, 1, 1, 2)
            for column, cell in cells.items():
                cell.span = pointers.get(f"/tables/{key}/rows/{row}/{column}")
    other = report.section("other")
    if report.fee_statement is None and other is not None and other.found:
        sentences = fee_sentences(other.text)
        report.fee_statement = Located("".join(sentences), other.span) if sentences else None
    elif report.fee_statement is not None:
        report.fee_statement.span = pointers.get("/fee_statement")


def _unreadable(path: str, reason: str, settings: Config) -> FileResult:
    report = Report(path=path, template=settings.template or "gov-2021")
    ctx = Context(report, load(report.template), None, settings.lang)
    rule = engine_rule(plugins.rules(), "E001")
    message = ctx.t(f"无法读取文件：{reason}", f"cannot read the file: {reason}")
    return FileResult(path, None, [rule.diagnostic(ctx, message)], settings=settings)


def _exceeded(path: str, exc: LimitExceeded, settings: Config) -> FileResult:
    """E006: the file went past a bound; the message names the bound and the key that raises it."""
    report = Report(path=path, template=settings.template or "gov-2021")
    ctx = Context(report, load(report.template), None, settings.lang)
    rule = engine_rule(plugins.rules(), "E006")
    return FileResult(path, None, [rule.diagnostic(ctx, exc.message(settings.lang))], settings=settings)
