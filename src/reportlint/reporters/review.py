"""The review page (`--format html`): one self-contained HTML file for the person who reviews reports.

Why a page and not a list of codes: the reviewer of fifty subordinate reports is a civil
servant, not a developer. They want each table drawn as the national format draws it (the
grids come from `writers.layout`, so the page and the writers agree), the wrong cell
marked with the figure it should have, the message on hover and in a list, the rule's
documentation one click away, and a page that prints on A4 for the colleague who fixes it.

What the page must survive: report text is untrusted (everything is escaped with
`html.escape`); the file is opened offline (inline CSS and JS, nothing fetched); a batch
of 1,000 files (the overview's rows are rendered once and filtered by toggling `hidden`;
a report's section is laid out only when it is opened).

The reporter needs the report models, so it offers `render_results(results)`, which the
command line prefers; `render(diagnostics, sources)` (the reporter protocol) still gives
a page, with the findings but without the tables.
"""

from __future__ import annotations

import html
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from reportlint import __version__
from reportlint.diagnostics import Diagnostic, Severity
from reportlint.document import Span
from reportlint.model import CellValue, Paragraph, Report, TableData
from reportlint.template import TableSpec, Template, load
from reportlint.writers.layout import GridCell, grid

if TYPE_CHECKING:
    from reportlint.api import FileResult

# severity → (css name, label, marker): the marker makes the severity visible without colour
_SEVERITY = {
    Severity.ERROR: ("error", "错误", "✖"),
    Severity.WARNING: ("warning", "警告", "▲"),
    Severity.INFO: ("info", "提示", "●"),
}
_TEMPLATE_NAMES = {"gov-2021": "2021年格式", "gov-2019": "2019年试行格式"}
_SHOWN = 5  # more info findings than this in one list, or more of one code, are folded into a <details>
_SHOWN_OF_MANY = 3  # of a code folded away, the first ones still shown
_TOKEN = "\x00"  # marks a value cell of the grid drawn from placeholders (see _Marks.grid)


def _e(text: object) -> str:
    """Escape for HTML text and attribute values alike: report text is untrusted."""
    return html.escape(str(text), quote=True)


def _figure(value: Any) -> str:
    """A value as a reviewer writes it: 5 not 5.0, lists joined with 、."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.2f}".rstrip("0").rstrip(".")
    if isinstance(value, (list, tuple)):
        return "、".join(_figure(v) for v in value)
    return str(value)


def _scalar(value: Any) -> bool:
    return value is not None and not isinstance(value, (list, tuple, dict))


def _is_figure(cell: CellValue | None, d: Diagnostic) -> bool:
    """The diagnostic's actual value is the cell's figure, so its expected value is the cell's too.

    M402 says of （七）总计 "3, should be 0"; M403 names a cell of the 勾稽关系 but its values
    are the two sides' sums, which written in the cell would read as a wrong correction.
    """
    if cell is None or not _scalar(d.expected) or not _scalar(d.actual):
        return False
    if isinstance(d.actual, (int, float)) and cell.value is not None:
        return abs(float(d.actual) - float(cell.value)) < 1e-9
    return str(d.actual) == (cell.raw or _figure(cell.value))


def _overlaps(a: Span, b: Span) -> bool:
    """Two source ranges share a character (a zero-width range counts as one character)."""
    a_end = max((a.end_line, a.end_column), (a.line, a.column + 1))
    b_end = max((b.end_line, b.end_column), (b.line, b.column + 1))
    return (a.line, a.column) < b_end and (b.line, b.column) < a_end


@dataclass
class _Finding:
    """One diagnostic of a report, numbered, with the place on the page it belongs to."""

    number: int
    diagnostic: Diagnostic
    table: str | None = None  # the table it is shown in, or None for a text finding
    where: str = ""  # the place in words: "（七）总计 · 自然人", "第三部分 · 第 12 行"
    highlighted: bool = False  # marked in the section text
    of_cell: bool = False  # its expected value is the cell's own (M402), not a sum's (M403)

    @property
    def css(self) -> str:
        return _SEVERITY[self.diagnostic.severity][0]

    @property
    def marker(self) -> str:
        return f"{_SEVERITY[self.diagnostic.severity][2]}{self.number}"

    @property
    def hover(self) -> str:
        d = self.diagnostic
        return f"{d.code}［{_SEVERITY[d.severity][1]}］{d.message}"


@dataclass
class _Marks:
    """Which findings mark which cell of one table: by value cell, by row, by label, or the table."""

    cells: dict[tuple[str, str], list[_Finding]] = field(default_factory=dict)
    rows: dict[str, list[_Finding]] = field(default_factory=dict)
    labels: list[tuple[str, str, _Finding]] = field(default_factory=list)  # (expected, found, finding)
    table: list[_Finding] = field(default_factory=list)

    def all(self) -> list[_Finding]:
        found = {id(f): f for group in self.cells.values() for f in group}
        found.update({id(f): f for group in self.rows.values() for f in group})
        found.update({id(f): f for _, _, f in self.labels})
        found.update({id(f): f for f in self.table})
        return sorted(found.values(), key=lambda f: f.number)


class ReviewReporter:
    """`--format html`: the review page."""

    def render(self, diagnostics: Sequence[Diagnostic], sources: dict[str, list[str]]) -> str:
        """Without the report models: the overview and each file's findings, no tables."""
        from reportlint.api import FileResult

        by_path: dict[str, list[Diagnostic]] = {path: [] for path in sources}
        for d in diagnostics:
            by_path.setdefault(d.path, []).append(d)
        results = [FileResult(path, None, found, sources.get(path, [])) for path, found in by_path.items()]
        return self.render_results(results)

    def render_results(self, results: Sequence[FileResult]) -> str:
        return render_page(results)


def render_page(results: Sequence[FileResult]) -> str:
    """The whole page: overview of the batch, then one section per file, worst file first."""
    ordered = sorted((_with_report(r) for r in results), key=_badness)
    catalogue = _catalogue()
    root = _common_folder([r.path for r in ordered])
    parts = [_head(), _banner(ordered, root), _overview(ordered, root, catalogue)]
    for index, result in enumerate(ordered, 1):
        parts.append(_ReportPage(index, len(ordered), result, root, catalogue).html())
    parts.append(f"<script>{_SCRIPT}</script>\n</body>\n</html>\n")
    return "".join(parts)


def _with_report(result: FileResult) -> FileResult:
    """The result with its report model: a file linted in a worker process or taken from the
    cache comes back without one, and the page cannot draw tables from diagnostics alone."""
    if result.report is not None or any(d.code == "E001" for d in result.diagnostics):
        return result
    from reportlint.api import Options, PathError, parse_file

    settings = result.settings
    try:
        parsed = parse_file(
            result.path, Options(template=settings.template, year=settings.year, find_config=False)
        )
    except (PathError, ValueError):  # gone since it was linted, or stdin: the findings alone
        return result
    return replace(result, report=parsed.report, source_lines=result.source_lines or parsed.source_lines)


def _badness(result: FileResult) -> tuple[int, int, int, str]:
    counts = Counter(d.severity for d in result.diagnostics)
    return (-counts[Severity.ERROR], -counts[Severity.WARNING], -counts[Severity.INFO], result.path)


def _catalogue() -> dict[str, Any]:
    """Code → rule (the first registered under the code: a code checked under two templates is one rule)."""
    from reportlint import plugins

    found: dict[str, Any] = {}
    for rule in plugins.rules():
        found.setdefault(rule.code, rule)
    return found


def _common_folder(paths: list[str]) -> str:
    """The folder all files are in, shown once above the overview instead of on every row."""
    if len(paths) < 2:
        return os.path.dirname(paths[0]) + os.sep if paths and os.path.dirname(paths[0]) else ""
    try:
        folder = os.path.commonpath(paths)
    except ValueError:  # absolute and relative paths mixed
        return ""
    if folder in paths:  # one path is a prefix of the others' folder: not a folder of them all
        folder = os.path.dirname(folder)
    return folder + os.sep if folder else ""


def _short(path: str, root: str) -> str:
    return path[len(root) :] if root and path.startswith(root) else path


def _rule_doc(rule: Any) -> str:
    return str(getattr(rule, "doc", "") or getattr(rule, "summary", ""))


def _head() -> str:
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="reportlint {_e(__version__)}">\n'
        "<title>政府信息公开工作年度报告审阅</title>\n"
        "<script>document.documentElement.className='js';</script>\n"
        f"<style>{_STYLE}</style>\n</head>\n<body>\n"
    )


def _banner(results: Sequence[FileResult], root: str) -> str:
    counts = Counter(d.severity for r in results for d in r.diagnostics)
    folder = f"<span>目录：<code>{_e(root)}</code></span>" if root else ""
    return (
        '<header class="banner">\n<h1>政府信息公开工作年度报告审阅</h1>\n'
        f'<p class="summary">共 {len(results)} 个文件：'
        f'<span class="n-error">{_SEVERITY[Severity.ERROR][2]} 错误 {counts[Severity.ERROR]} 个</span>'
        f'<span class="n-warning">{_SEVERITY[Severity.WARNING][2]} 警告 {counts[Severity.WARNING]} 个</span>'
        f'<span class="n-info">{_SEVERITY[Severity.INFO][2]} 提示 {counts[Severity.INFO]} 个</span>'
        f"{folder}<span>由 reportlint {_e(__version__)} 生成</span></p>\n</header>\n"
    )


def _overview(results: Sequence[FileResult], root: str, catalogue: dict[str, Any]) -> str:
    """The batch at a glance: the files table (sortable, filterable) and the totals per code."""
    code_counts: Counter[str] = Counter()
    code_files: Counter[str] = Counter()
    code_severity: dict[str, Severity] = {}
    agencies: set[str] = set()
    rows = []
    for index, result in enumerate(results, 1):
        counts = Counter(d.severity for d in result.diagnostics)
        codes = Counter(d.code for d in result.diagnostics)
        code_counts.update(codes)
        code_files.update(codes.keys())
        for d in result.diagnostics:
            code_severity[d.code] = max(code_severity.get(d.code, d.severity), d.severity)
        report = result.report
        agency = (report.agency if report else None) or ""
        if agency:
            agencies.add(agency)
        year = str(report.year) if report and report.year else ""
        template = _TEMPLATE_NAMES.get(report.template, report.template) if report else ""
        title = (report.title if report else None) or ""
        severities = " ".join(_SEVERITY[s][0] for s in sorted(counts, reverse=True)) or "clean"
        shown = _short(result.path, root)
        query = " ".join((shown, agency, year, title)).lower()
        chips = " ".join(
            f'<span class="chip sev-{_SEVERITY[code_severity[c]][0]}">{_e(c)}'
            + (f"<small>×{n}</small>" if n > 1 else "")
            + "</span>"
            for c, n in sorted(codes.items(), key=lambda item: (-item[1], item[0]))
        )
        rows.append(
            f'<tr data-rank="{index}" data-path="{_e(shown)}" data-agency="{_e(agency)}" '
            f'data-year="{_e(year)}" data-template="{_e(template)}" '
            f'data-e="{counts[Severity.ERROR]}" data-w="{counts[Severity.WARNING]}" '
            f'data-i="{counts[Severity.INFO]}" data-codes=" {_e(" ".join(codes))} " '
            f'data-sev="{severities}" data-q="{_e(query)}">'
            f'<td class="file"><a href="#r{index}" title="{_e(result.path)}">{_e(shown)}</a>'
            + (f'<div class="title">{_e(title)}</div>' if title else "")
            + f"</td><td>{_e(agency) or '<span class=unknown>未识别</span>'}</td>"
            f"<td class=num>{_e(year)}</td><td>{_e(template)}</td>"
            f'<td class="num n-error">{_count(counts[Severity.ERROR])}</td>'
            f'<td class="num n-warning">{_count(counts[Severity.WARNING])}</td>'
            f'<td class="num n-info">{_count(counts[Severity.INFO])}</td>'
            f'<td class="codes">{chips}</td></tr>\n'
        )
    code_options = "".join(
        f'<option value="{_e(c)}">{_e(c)}（{code_files[c]} 个文件）</option>' for c in sorted(code_counts)
    )
    agency_options = "".join(f'<option value="{_e(a)}">{_e(a)}</option>' for a in sorted(agencies))
    filters = (
        '<div class="filters" role="search">\n'
        f'<label>问题代码 <select id="f-code"><option value="">全部</option>{code_options}</select></label>\n'
        '<label>严重程度 <select id="f-sev"><option value="">全部</option>'
        '<option value="error">有错误</option><option value="warning">有警告</option>'
        '<option value="info">有提示</option><option value="clean">无问题</option></select></label>\n'
        f'<label>机关 <select id="f-agency"><option value="">全部</option>{agency_options}</select></label>\n'
        '<label>查找 <input id="f-text" type="search" placeholder="文件名、机关、年度、标题" autocomplete="off"></label>\n'
        '<button type="button" id="f-reset">清除筛选</button>\n'
        f'<output id="f-count" aria-live="polite">显示 {len(results)} / {len(results)} 个文件</output>\n'
        '<label class="show-all"><input type="checkbox" id="f-all"> 在本页显示全部报告</label>\n'
        "</div>\n"
    )
    head = (
        '<thead><tr><th data-key="path" data-type="text">文件</th>'
        '<th data-key="agency" data-type="text">机关</th>'
        '<th data-key="year" data-type="num">年度</th>'
        '<th data-key="template" data-type="text">格式</th>'
        '<th data-key="e" data-type="num" aria-sort="descending">错误</th>'
        '<th data-key="w" data-type="num">警告</th>'
        '<th data-key="i" data-type="num">提示</th>'
        '<th data-key="rank" data-type="num" title="按问题多少排列（默认）">问题代码</th></tr></thead>'
    )
    totals = "".join(
        f'<tr data-code="{_e(code)}"><td><button type="button" class="code-filter chip '
        f'sev-{_SEVERITY[code_severity[code]][0]}" data-code="{_e(code)}" title="只看有 {_e(code)} 的文件">'
        f"{_e(code)}</button></td><td>{_rule_cell(code, catalogue)}</td>"
        f"<td>{_SEVERITY[code_severity[code]][2]} {_SEVERITY[code_severity[code]][1]}</td>"
        f"<td class=num>{n}</td><td class=num>{code_files[code]}</td></tr>\n"
        for code, n in sorted(code_counts.items(), key=lambda item: (-item[1], item[0]))
    )
    codes_table = (
        '<h2>按问题代码统计</h2>\n<table class="totals" id="totals"><thead><tr><th>代码</th><th>规则</th>'
        "<th>级别</th><th>出现次数</th><th>涉及文件</th></tr></thead>\n"
        f"<tbody>{totals}</tbody></table>\n"
        if totals
        else "<p>未发现问题。</p>\n"
    )
    return (
        '<section id="overview" class="overview">\n<h2>文件总览 <small>（问题最多的文件排在最前；点击表头排序）</small></h2>\n'
        f'{filters}<div class="scroll"><table class="files" id="files">{head}\n<tbody>\n{"".join(rows)}</tbody></table></div>\n'
        f"{codes_table}</section>\n"
    )


def _count(n: int) -> str:
    return str(n) if n else '<span class="zero">0</span>'


def _rule_cell(code: str, catalogue: dict[str, Any]) -> str:
    rule = catalogue.get(code)
    if rule is None:
        return "<span class=unknown>（规则目录中没有此代码）</span>"
    return (
        f'<details class="doc"><summary>{_e(rule.summary)}</summary>'
        f"<pre>{_e(_rule_doc(rule))}</pre></details>"
    )


class _ReportPage:
    """One file's section: its tables with the marked cells, its findings, its text."""

    def __init__(self, index: int, total: int, result: FileResult, root: str, catalogue: dict[str, Any]):
        self.index = index
        self.total = total
        self.result = result
        self.report: Report | None = result.report
        self.root = root
        self.catalogue = catalogue
        self.template: Template | None = load(self.report.template) if self.report else None
        self.findings = [_Finding(n, d) for n, d in enumerate(result.diagnostics, 1)]
        self.marks: dict[str, _Marks] = {}
        self.highlights: dict[int, list[tuple[int, int, _Finding]]] = {}  # id(paragraph) → ranges
        self._place()

    def id(self, suffix: str = "") -> str:
        return f"r{self.index}" + (f"-{suffix}" if suffix else "")

    # -- where each finding goes ---------------------------------------------------------

    def _place(self) -> None:
        report, template = self.report, self.template
        if report is None or template is None:
            for f in self.findings:
                f.where = self._line_place(f.diagnostic)
            return
        self.marks = {key: _Marks() for key in template.tables}
        paragraphs = [(key, p) for key, p in report.prose()]
        for f in self.findings:
            d = f.diagnostic
            if d.cell is not None and d.cell.table in self.marks:
                self._place_cell(f, template.tables[d.cell.table])
            elif d.span is not None and self._place_uncelled(f, report, template):
                pass
            else:
                f.where = self._line_place(d)
                self._highlight(f, paragraphs)

    def _place_cell(self, f: _Finding, spec: TableSpec) -> None:
        cell = f.diagnostic.cell
        assert cell is not None
        marks = self.marks[spec.key]
        f.table = spec.key
        row = next((r for r in spec.rows if r.key == cell.row), None)
        column = next((c for c in spec.columns if c.key == cell.column), None)
        if row is None:
            marks.table.append(f)
            f.where = "表格"
        elif column is None:  # the whole row ("*")
            marks.rows.setdefault(row.key, []).append(f)
            f.where = f"{row.label}（整行）"
        else:
            marks.cells.setdefault((row.key, column.key), []).append(f)
            f.where = f"{row.label} · {column.label}"
            table = self.report.tables.get(spec.key) if self.report else None
            f.of_cell = _is_figure(table.cell(row.key, column.key) if table else None, f.diagnostic)

    def _place_uncelled(self, f: _Finding, report: Report, template: Template) -> bool:
        """A finding without a cell that still belongs to a table: a label, a row, the table itself."""
        span = f.diagnostic.span
        assert span is not None
        for finding in report.labels:
            if finding.span == span and finding.table in self.marks:
                self.marks[finding.table].labels.append((finding.expected, finding.found, f))
                f.table, f.where = finding.table, f"标签“{finding.found}”"
                return True
        for key, table in report.tables.items():
            if key not in self.marks or not table.found:
                continue
            if table.span == span and f.diagnostic.code[0] in "LSV":  # about the table as a whole
                self.marks[key].table.append(f)
                f.table, f.where = key, "整个表格"
                return True
            row = _row_at(table, span)
            if row is not None:
                self.marks[key].rows.setdefault(row, []).append(f)
                f.table, f.where = key, f"{template.tables[key].row(row).label}（整行）"
                return True
        return False

    def _line_place(self, d: Diagnostic) -> str:
        span = d.span
        if span is None:
            return "全文"
        where = span.locator or f"第 {span.line} 行"
        section = self._section_at(span)
        return f"{section} · {where}" if section else where

    def _section_at(self, span: Span) -> str:
        """The section a line falls in (the last heading at or above it), named by its ordinal."""
        if self.report is None or self.template is None:
            return ""
        found = sorted(
            (s for s in self.report.sections if s.found and s.span is not None),
            key=lambda s: (s.span.line, s.span.column) if s.span else (0, 0),
        )
        before = [
            s
            for s in found
            if s.span is not None and (s.span.line, s.span.column) <= (span.line, span.column)
        ]
        if not before:
            return "标题及前言" if found else ""
        return f"第{self.template.section(before[-1].key).ordinal}部分"

    def _highlight(self, f: _Finding, paragraphs: list[tuple[str | None, Paragraph]]) -> None:
        span = f.diagnostic.span
        if span is None or span.locator:
            return
        for _, paragraph in paragraphs:
            where = _locate(paragraph, span)
            if where is not None:
                self.highlights.setdefault(id(paragraph), []).append((*where, f))
                f.highlighted = True
                return

    # -- the page ------------------------------------------------------------------------

    def html(self) -> str:
        result, report = self.result, self.report
        counts = Counter(d.severity for d in result.diagnostics)
        title = (report.title if report else None) or _short(result.path, self.root)
        meta = [f"文件 <code>{_e(result.path)}</code>"]
        if report is not None:
            meta.append(f"机关 {_e(report.agency or '未识别')}")
            meta.append(f"年度 {_e(report.year or '未识别')}")
            if self.template is not None:
                meta.append(
                    f'格式 <span title="{_e(self.template.name)}">{_e(_TEMPLATE_NAMES.get(report.template, report.template))}</span>'
                )
        tally = "，".join(
            f'<span class="n-{css}">{mark} {label} {counts[severity]} 个</span>'
            for severity, (css, label, mark) in _SEVERITY.items()
        )
        previous = f'<a href="#r{self.index - 1}">← 上一份</a>' if self.index > 1 else ""
        following = f'<a href="#r{self.index + 1}">下一份 →</a>' if self.index < self.total else ""
        parts = [
            f'<section class="report" id="{self.id()}" data-index="{self.index}">\n'
            f'<nav class="report-nav"><a href="#overview">↑ 返回总览</a>{previous}{following}'
            f'<button type="button" class="print" data-report="{self.index}">打印本报告</button></nav>\n'
            f'<h2 class="report-title">{_e(title)}</h2>\n'
            f'<p class="meta">{" · ".join(meta)}</p>\n<p class="tally">{tally}</p>\n',
            _LEGEND,
        ]
        if report is not None and self.template is not None:
            for spec in self.template.tables.values():
                parts.append(self._table_block(spec, report.tables.get(spec.key)))
        text_findings = [f for f in self.findings if f.table is None]
        parts.append(self._text_findings(text_findings))
        if report is not None and self.template is not None:
            parts.append(self._text())
        parts.append(self._rules())
        parts.append("</section>\n")
        return "".join(parts)

    def _table_block(self, spec: TableSpec, table: TableData | None) -> str:
        assert self.template is not None
        marks = self.marks[spec.key]
        heading = self.template.section(spec.section).heading
        out = [f'<div class="table-block" id="{self.id(spec.key)}">\n<h3>{_e(heading)}</h3>\n']
        if table is None or not table.found:
            out.append('<p class="absent">报告中未找到此表。</p>\n')
        else:
            out.append(self._grid(spec, table, marks))
        found = marks.all()
        if found:
            out.append(self._list(found))
        elif table is not None and table.found:
            out.append('<p class="clean">此表未发现问题。</p>\n')
        out.append("</div>\n")
        return "".join(out)

    def _grid(self, spec: TableSpec, table: TableData, marks: _Marks) -> str:
        assert self.template is not None and self.report is not None
        # the layout draws placeholders; each value cell's text then names its row and column
        placeholders = {
            row.key: {c.key: CellValue("text", raw=f"{_TOKEN}{row.key}{_TOKEN}{c.key}") for c in row.columns}
            for row in spec.rows
        }
        drawn = grid(self.template, spec.key, placeholders)
        label_texts = {cell.text for line in drawn for cell in line if not cell.value}
        row_labels = {row.label: row.key for row in spec.rows}
        row_marks = dict(marks.rows)
        for key, found in marks.rows.items():  # a row without a label cell of its own: its first cell
            if spec.row(key).label not in label_texts:
                first = spec.row(key).columns[0].key
                marks.cells.setdefault((key, first), []).extend(found)
                del row_marks[key]
        pending = list(marks.labels)
        missing = set(self.report.missing_rows.get(spec.key, []))
        lines = []
        for line in drawn:
            cells = []
            for cell in line:
                if cell.value and cell.text.startswith(_TOKEN):
                    _, row_key, column_key = cell.text.split(_TOKEN)
                    cells.append(
                        self._value_cell(cell, table, row_key, column_key, marks, row_key in missing)
                    )
                else:
                    found = list(row_marks.pop(row_labels[cell.text], [])) if cell.text in row_labels else []
                    label = next((item for item in pending if item[0] == cell.text), None)
                    if label is not None:
                        pending.remove(label)
                    cells.append(self._label_cell(cell, found, label))
            lines.append(f"<tr>{''.join(cells)}</tr>")
        for _, _, f in pending:  # a label the grid does not draw: listed with the table
            marks.table.append(f)
        return (
            f'<div class="scroll"><table class="grid grid-{_e(spec.key)}">\n'
            + "\n".join(lines)
            + "\n</table></div>\n"
        )

    def _value_cell(
        self, cell: GridCell, table: TableData, row: str, column: str, marks: _Marks, row_missing: bool
    ) -> str:
        value = table.cell(row, column)
        found = marks.cells.get((row, column), [])
        classes: list[str] = []
        title = ""
        if value is None:
            classes.append("st-missing")
            shown = '<span class="st">缺行</span>' if row_missing else '<span class="st">缺</span>'
            title = "报告中没有此行" if row_missing else "报告中没有此单元格"
        elif value.status in ("number", "na"):
            classes += ["st-na"] if value.status == "na" else []
            shown = _e(value.raw or _figure(value.value))
        elif value.status == "blank":
            classes.append("st-blank")
            shown = '<span class="st">空白</span>'
            title = "单元格为空（空白不等于0）"
        elif value.status == "missing":
            classes.append("st-missing")
            shown = '<span class="st">缺</span>'
            title = "本行的数字少于格式的列数"
        elif value.status in ("fused", "unaligned"):
            classes.append("st-unassessable")
            shown = '<span class="st">无法核对</span>'
            title = f"数字无法与列对应：{value.raw}" if value.raw else "数字无法与列对应"
        else:  # text
            classes.append("st-text")
            shown = _e(value.raw)
            title = "不是数字"
        expected = ""
        if found:
            worst = max(found, key=lambda f: f.diagnostic.severity)
            classes += ["marked", f"sev-{worst.css}"]
            title = "\n".join([*(f.hover for f in found), *([title] if title else [])])
            wanted = next((f.diagnostic.expected for f in found if f.of_cell), None)
            if wanted is not None:
                expected = f'<span class="exp">→ 应为 {_e(_figure(wanted))}</span>'
        attrs = f' class="{" ".join(classes)}"' if classes else ""
        if cell.colspan > 1:
            attrs += f' colspan="{cell.colspan}"'
        if title:
            attrs += f' title="{_e(title)}"'
        attrs += f' data-cell="{_e(row)}/{_e(column)}"'
        return f"<td{attrs}>{shown}{expected}{self._markers(found)}</td>"

    def _label_cell(
        self, cell: GridCell, found: list[_Finding], label: tuple[str, str, _Finding] | None
    ) -> str:
        classes = ["lab"]
        text = f"{_e(cell.text)}"
        if label is not None:
            expected, written, finding = label
            found = [*found, finding]
            text = f'<span class="found">{_e(written)}</span><span class="exp">→ 应为 {_e(expected)}</span>'
        if found:
            worst = max(found, key=lambda f: f.diagnostic.severity)
            classes += ["marked", f"sev-{worst.css}"]
        attrs = f' class="{" ".join(classes)}"'
        if cell.rowspan > 1:
            attrs += f' rowspan="{cell.rowspan}"'
        if cell.colspan > 1:
            attrs += f' colspan="{cell.colspan}"'
        if found:
            attrs += f' title="{_e(chr(10).join(f.hover for f in found))}"'
        return f"<th{attrs}>{text}{self._markers(found)}</th>"

    def _markers(self, found: list[_Finding]) -> str:
        return "".join(
            f'<a class="mk sev-{f.css}" id="{self.id(f"m{f.number}")}" href="#{self.id(f"d{f.number}")}">{f.marker}</a>'
            for f in found
        )

    def _item(self, f: _Finding) -> str:
        """A finding in a list: marker, severity, code (to its rule), place, actual → expected, message."""
        d = f.diagnostic
        back = ""
        if f.table is not None or f.highlighted:
            back = f' href="#{self.id(f"m{f.number}")}"'
        change = ""
        if f.of_cell or (f.table is None and _scalar(d.expected) and _scalar(d.actual)):
            change = f'<span class="change">{_e(_figure(d.actual))} → 应为 {_e(_figure(d.expected))}</span>'
        return (
            f'<li id="{self.id(f"d{f.number}")}" class="sev-{f.css}" data-code="{_e(d.code)}">'
            f'<a class="mk sev-{f.css}"{back}>{f.marker}</a> '
            f'<span class="sev">{_SEVERITY[d.severity][1]}</span> '
            f'<a class="code" href="#{self.id("rule-" + d.code)}">{_e(d.code)}</a> '
            f'<span class="where">{_e(f.where)}</span> {change}'
            f'<span class="msg">{_e(d.message)}</span></li>\n'
        )

    def _list(self, found: list[_Finding]) -> str:
        """The findings in order, the repetitive ones folded away: many info findings (a crawl's
        recovered rows), or one code over and over (a column of blank cells), would bury the rest."""
        by_code = Counter(f.diagnostic.code for f in found)
        infos = [f for f in found if f.diagnostic.severity == Severity.INFO]
        shown: list[_Finding] = []
        folded: dict[str, list[_Finding]] = {}
        seen: Counter[str] = Counter()
        for f in found:
            code = f.diagnostic.code
            seen[code] += 1
            if f.diagnostic.severity == Severity.INFO and len(infos) > _SHOWN:
                folded.setdefault("", []).append(f)
            elif (
                by_code[code] > _SHOWN
                and seen[code] > _SHOWN_OF_MANY
                and f.diagnostic.severity < Severity.ERROR
            ):
                folded.setdefault(code, []).append(f)
            else:
                shown.append(f)
        out = f'<ol class="findings">{"".join(self._item(f) for f in shown)}</ol>\n' if shown else ""
        for code, group in folded.items():
            what = f"另有 {len(group)} 条提示" if not code else f"另有 {len(group)} 条 {_e(code)}"
            out += (
                f'<details class="more"><summary>{what}</summary>'
                f'<ol class="findings">{"".join(self._item(f) for f in group)}</ol></details>\n'
            )
        return out

    def _text_findings(self, found: list[_Finding]) -> str:
        if not found:
            return ""
        return (
            f'<div class="text-findings" id="{self.id("text-findings")}">\n<h3>正文及其他问题</h3>\n'
            f"{self._list(found)}</div>\n"
        )

    def _text(self) -> str:
        """The report's prose by section, with the text findings highlighted where they are."""
        assert self.report is not None and self.template is not None
        out = [f'<details class="report-text" id="{self.id("text")}" open>\n<summary>报告正文</summary>\n']
        if self.report.preamble:
            out.append('<div class="section"><h4>标题及前言</h4>\n')
            out += [self._paragraph(p) for p in self.report.preamble]
            out.append("</div>\n")
        for spec in self.template.sections:
            section = self.report.section(spec.key)
            if section is None or not section.found:
                out.append(
                    f'<div class="section"><h4 class="absent">{_e(spec.heading)}（未找到此部分）</h4></div>\n'
                )
                continue
            out.append(f'<div class="section"><h4>{_e(section.heading or spec.heading)}</h4>\n')
            if section.paragraphs:
                out += [self._paragraph(p) for p in section.paragraphs]
            else:
                out += [f"<p>{_e(line)}</p>\n" for line in section.text.split("\n") if line.strip()]
            out.append("</div>\n")
        out.append("</details>\n")
        return "".join(out)

    def _paragraph(self, paragraph: Paragraph) -> str:
        text = paragraph.text
        ranges = sorted(self.highlights.get(id(paragraph), []), key=lambda item: (item[0], -item[1]))
        out, at = [], 0
        for start, end, f in ranges:
            if start < at:  # overlaps the previous highlight: its marker alone
                out.append(self._markers([f]))
                continue
            out.append(_e(text[at:start]))
            out.append(
                f'<mark class="hl sev-{f.css}" title="{_e(f.hover)}">{_e(text[start:end])}</mark>{self._markers([f])}'
            )
            at = end
        out.append(_e(text[at:]))
        return f"<p>{''.join(out)}</p>\n"

    def _rules(self) -> str:
        codes = sorted({f.diagnostic.code for f in self.findings})
        if not codes:
            return '<p class="clean">未发现问题。</p>\n'
        items = []
        for code in codes:
            rule = self.catalogue.get(code)
            summary = _e(rule.summary) if rule is not None else "（规则目录中没有此代码）"
            doc = f"<pre>{_e(_rule_doc(rule))}</pre>" if rule is not None else ""
            items.append(
                f'<details class="doc" id="{self.id("rule-" + code)}"><summary><code>{_e(code)}</code> '
                f"{summary}</summary>{doc}</details>\n"
            )
        return f'<div class="rules"><h3>规则说明</h3>\n{"".join(items)}</div>\n'


def _row_at(table: TableData, span: Span) -> str | None:
    """The row of a table whose cells (or row span) the range covers: a row-level finding (V307, V308)."""
    for row, cells in table.rows.items():
        if table.row_spans.get(row) == span:
            return row
        if any(c.span is not None and not c.span.locator and _overlaps(c.span, span) for c in cells.values()):
            return row
    return None


def _locate(paragraph: Paragraph, span: Span) -> tuple[int, int] | None:
    """Where a source range is in a paragraph's text (start, end), if the paragraph can say.

    Positions grow with the offset, so a binary search over the fragment's `span_of` finds
    the start and the end; the range must match exactly, or nothing is highlighted.
    """
    text, fragment = paragraph.text, paragraph.fragment
    if not text or fragment is None or (fragment.span.locator and fragment.positions is None):
        return None

    def at(offset: int) -> Span:
        return fragment.span_of(paragraph.offset + offset, paragraph.offset + offset + 1)

    def first(target: tuple[int, int], end: bool) -> int:
        """The first offset whose character starts (or ends) at or after the target."""
        low, high = 0, len(text)
        while low < high:
            middle = (low + high) // 2
            s = at(middle)
            if ((s.end_line, s.end_column) if end else (s.line, s.column)) < target:
                low = middle + 1
            else:
                high = middle
        return low

    start = first((span.line, span.column), end=False)
    if start >= len(text) or (at(start).line, at(start).column) != (span.line, span.column):
        return None
    last = first((span.end_line, span.end_column), end=True)
    if last >= len(text) or last < start:
        return None
    if (at(last).end_line, at(last).end_column) != (span.end_line, span.end_column):
        return None
    return start, last + 1


_LEGEND = (
    '<p class="legend">图例：<span class="chip sev-error">✖ 错误</span>'
    '<span class="chip sev-warning">▲ 警告</span><span class="chip sev-info">● 提示</span>'
    '<span class="chip st-blank"><span class="st">空白</span> 未填写</span>'
    '<span class="chip st-unassessable"><span class="st">无法核对</span> 数字粘连或无法对齐</span>'
    "<span>“3 → 应为 5”：表中的数字与应有的数字；鼠标停在单元格上可看说明</span></p>\n"
)

_STYLE = """
:root{--error:#b3261e;--error-bg:#fde7e5;--warning:#8a5a00;--warning-bg:#fff1cc;--info:#1f5fa6;--info-bg:#e4effb;
--line:#b9bec7;--muted:#5f6673;--head:#eef1f5}
*{box-sizing:border-box}
body{margin:0;font:15px/1.6 "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;color:#1d1f23;background:#f6f7f9}
.banner{background:#24364f;color:#fff;padding:14px 24px}
.banner h1{margin:0;font-size:22px}
.banner .summary{margin:4px 0 0}.banner .summary span{margin-right:14px}
.banner code{color:#fff}
.overview,.report{background:#fff;margin:16px 24px;padding:16px 20px;border:1px solid #dde1e7;border-radius:4px}
h2{font-size:19px;margin:4px 0 12px}h2 small{font-size:13px;color:var(--muted);font-weight:normal}
h3{font-size:16px;margin:18px 0 8px;border-left:4px solid #24364f;padding-left:8px}
h4{font-size:15px;margin:14px 0 4px}
code{font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:.92em}
.filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;margin-bottom:10px}
.filters select,.filters input,.filters button{font:inherit;padding:3px 6px}
.filters input[type=search]{width:16em}
#f-count{color:var(--muted)}
.scroll{overflow-x:auto}
table{border-collapse:collapse}
table.files,table.totals{width:100%;font-size:14px}
.files th,.files td,.totals th,.totals td{border-bottom:1px solid #e3e6eb;padding:5px 8px;text-align:left;vertical-align:top}
.files thead th,.totals thead th{background:var(--head);position:sticky;top:0}
.files th[data-key]{cursor:pointer;user-select:none;white-space:nowrap}
.files th[data-key]:hover{background:#dfe5ee}
.files th[aria-sort=ascending]::after{content:" ▲"}.files th[aria-sort=descending]::after{content:" ▼"}
.files tr[hidden]{display:none}
td.num,th.num{text-align:right}
.files .title{font-size:12px;color:var(--muted)}
.zero,.unknown{color:#9aa0aa}
.n-error{color:var(--error);font-weight:600}.n-warning{color:var(--warning);font-weight:600}.n-info{color:var(--info)}
.banner .n-error,.banner .n-warning,.banner .n-info{color:#fff}
.chip{display:inline-block;border:1px solid var(--line);border-radius:3px;padding:0 5px;margin:1px 4px 1px 0;font-size:12px;line-height:1.6;background:#fff;white-space:nowrap}
.chip small{margin-left:2px;color:var(--muted)}
.chip.sev-error{border-color:var(--error);color:var(--error)}
.chip.sev-warning{border-color:var(--warning);color:var(--warning)}
.chip.sev-info{border-color:var(--info);color:var(--info)}
button.chip{cursor:pointer;font:inherit;font-size:13px}
.totals tr.active td{background:#f0f4fa}
details.doc summary{cursor:pointer}
details.doc pre{white-space:pre-wrap;background:#f6f7f9;border:1px solid #e3e6eb;padding:8px;font-size:13px;margin:6px 0}
.report-nav{display:flex;gap:16px;align-items:center;font-size:14px;margin-bottom:4px}
.report-nav .print{margin-left:auto;font:inherit;padding:3px 10px;cursor:pointer}
.meta,.tally{margin:2px 0;color:var(--muted);font-size:14px}
.legend{font-size:13px;color:var(--muted);margin:8px 0}
.legend .chip{margin-right:8px}
table.grid{font-size:13px;margin:4px 0;background:#fff}
.grid th,.grid td{border:1px solid var(--line);padding:3px 6px;vertical-align:middle}
.grid th{background:var(--head);font-weight:normal;text-align:center;min-width:3em}
.grid td{text-align:right;white-space:nowrap;min-width:3.5em}
.grid .exp{display:block;font-size:12px;font-weight:600;white-space:nowrap}
.grid th .found{text-decoration:underline wavy}
.st{font-size:12px;color:var(--muted);font-style:italic}
.st-blank{background:repeating-linear-gradient(135deg,#fff,#fff 4px,#eceef2 4px,#eceef2 6px)}
.st-unassessable{background:#f1f1f1}
.st-missing{background:#f7f7f7}
.marked{position:relative}
.grid .sev-error,.hl.sev-error{background:var(--error-bg);outline:2px solid var(--error);outline-offset:-2px}
.grid .sev-warning,.hl.sev-warning{background:var(--warning-bg);outline:2px dashed var(--warning);outline-offset:-2px}
.grid td.sev-info,.hl.sev-info{background:var(--info-bg)}
.grid .sev-info,.hl.sev-info{outline:1px dotted var(--info);outline-offset:-2px}
details.more summary{cursor:pointer;color:var(--muted);font-size:14px}
.grid .sev-error .exp{color:var(--error)}.grid .sev-warning .exp{color:var(--warning)}.grid .sev-info .exp{color:var(--info)}
a.mk{display:inline-block;text-indent:0;font-size:11px;font-weight:700;text-decoration:none;border-radius:2px;padding:0 3px;margin-left:3px;line-height:1.4;vertical-align:super;color:#fff}
a.mk.sev-error{background:var(--error)}a.mk.sev-warning{background:var(--warning)}a.mk.sev-info{background:var(--info)}
ol.findings{list-style:none;padding:0;margin:8px 0;font-size:14px}
ol.findings li{padding:4px 8px;border-left:4px solid var(--line);margin:3px 0;background:#fafbfc}
ol.findings li.sev-error{border-left-color:var(--error)}
ol.findings li.sev-warning{border-left-color:var(--warning);border-left-style:dashed}
ol.findings li.sev-info{border-left-color:var(--info);border-left-style:dotted}
ol.findings li:target{background:#fff8d6}
ol.findings a.mk{vertical-align:baseline;margin:0 4px 0 0}
ol.findings .sev{font-size:12px;color:var(--muted)}
ol.findings .code{font-family:"DejaVu Sans Mono",Consolas,monospace;font-weight:600;margin-right:4px}
ol.findings .where{color:#333;font-weight:600;margin-right:6px}
ol.findings .change{font-weight:700;margin-right:6px;white-space:nowrap}
ol.findings .msg{color:#333}
.absent{color:var(--muted);font-style:italic}
.clean{color:#2e7d32}
.report-text summary{cursor:pointer;font-weight:600;font-size:16px;margin-top:18px}
.report-text p{margin:4px 0;text-indent:2em;white-space:pre-wrap;word-break:break-all}
.hl{padding:0 1px}
.rules details{margin:2px 0}
.js .report{display:none}
.js body.all .report,.js body.single .report.current{display:block}
.js body.all:not(.single) .report{content-visibility:auto;contain-intrinsic-size:auto 3000px}
.js body.single #overview{display:none}
html:not(.js) .print{display:none}
@media print{
@page{size:A4;margin:12mm 10mm}
body{background:#fff;font-size:10pt;line-height:1.45}
.banner{background:none;color:#000;padding:0 0 4pt;border-bottom:1.5pt solid #000}
.banner h1{font-size:14pt}.banner .n-error,.banner .n-warning,.banner .n-info,.banner code{color:#000}
.overview,.report{margin:0;padding:0;border:0}
.report{break-before:page;content-visibility:visible}
.js body.single .banner,.js body.single #overview{display:none}
.js body.single .report.current{break-before:auto}
.filters,.report-nav,.legend .hint,details.doc pre,.rules,.code-filter{display:none}
.js body:not(.single):not(.all) .report{display:none}
a{color:inherit;text-decoration:none}
.scroll{overflow:visible}
.table-block{break-inside:avoid}
table.grid{width:100%;font-size:7.5pt;break-inside:avoid}
.grid th,.grid td{border:.6pt solid #000;padding:1pt 2pt;min-width:0}
.grid td{white-space:normal}
.grid th{background:none;font-weight:bold}
.grid .sev-error,.grid .sev-warning,.grid .sev-info,.hl.sev-error,.hl.sev-warning,.hl.sev-info,.st-blank,.st-unassessable,.st-missing{background:none!important;color:#000!important}
.grid .sev-error{outline:2pt solid #000}.grid .sev-warning{outline:1.2pt dashed #000}.grid .sev-info{outline:.8pt dotted #000}
.hl.sev-error{outline:none;text-decoration:underline 1.5pt solid}.hl.sev-warning{outline:none;text-decoration:underline 1pt dashed}.hl.sev-info{outline:none;text-decoration:underline .8pt dotted}
a.mk{color:#000!important;background:none!important;border:.6pt solid #000;font-size:6.5pt}
.grid .exp,.change,.n-error,.n-warning,.n-info,.chip{color:#000!important}
ol.findings{font-size:8.5pt}
ol.findings li{background:none;border-left-color:#000!important;break-inside:avoid}
ol.findings li:target{background:none}
.report-text p{font-size:9pt}
.report-text summary{list-style:none}
.files{font-size:8pt}
}
"""

_SCRIPT = r"""
(function () {
  'use strict';
  var body = document.body;
  var table = document.getElementById('files');
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var fCode = document.getElementById('f-code'), fSev = document.getElementById('f-sev');
  var fAgency = document.getElementById('f-agency'), fText = document.getElementById('f-text');
  var fAll = document.getElementById('f-all'), count = document.getElementById('f-count');
  var collator = new Intl.Collator('zh-CN', {numeric: true});

  function filter() {
    var code = fCode.value, sev = fSev.value, agency = fAgency.value;
    var query = fText.value.trim().toLowerCase(), shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var d = rows[i].dataset;
      var ok = (!code || d.codes.indexOf(' ' + code + ' ') >= 0) &&
        (!sev || (' ' + d.sev + ' ').indexOf(' ' + sev + ' ') >= 0) &&
        (!agency || d.agency === agency) && (!query || d.q.indexOf(query) >= 0);
      if (rows[i].hidden === ok) { rows[i].hidden = !ok; }
      if (ok) { shown++; }
    }
    count.textContent = '显示 ' + shown + ' / ' + rows.length + ' 个文件';
    var totals = document.querySelectorAll('#totals tbody tr');
    for (var j = 0; j < totals.length; j++) {
      totals[j].classList.toggle('active', totals[j].getAttribute('data-code') === code);
    }
  }
  var timer = 0;
  fText.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(filter, 150); });
  [fCode, fSev, fAgency].forEach(function (el) { el.addEventListener('change', filter); });
  document.getElementById('f-reset').addEventListener('click', function () {
    fCode.value = ''; fSev.value = ''; fAgency.value = ''; fText.value = ''; filter();
  });
  fAll.addEventListener('change', function () { body.classList.toggle('all', fAll.checked); });
  Array.prototype.forEach.call(document.querySelectorAll('.code-filter'), function (button) {
    button.addEventListener('click', function () {
      fCode.value = button.getAttribute('data-code'); filter();
      table.scrollIntoView({block: 'start'});
    });
  });

  var sortKey = 'e', ascending = false;
  function sortBy(th) {
    var key = th.getAttribute('data-key'), numeric = th.getAttribute('data-type') === 'num';
    ascending = key === sortKey ? !ascending : (!numeric || key === 'rank');
    sortKey = key;
    var keyed = rows.map(function (row) {
      var v = row.dataset[key] || '';
      return {row: row, v: numeric ? (v === '' ? -Infinity : Number(v)) : v, rank: Number(row.dataset.rank)};
    });
    keyed.sort(function (a, b) {
      var c = numeric ? (a.v - b.v) : collator.compare(a.v, b.v);
      if (!ascending) { c = -c; }
      return c || (a.rank - b.rank);
    });
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (k) { fragment.appendChild(k.row); });
    tbody.appendChild(fragment);
    rows = keyed.map(function (k) { return k.row; });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      if (cell === th) { cell.setAttribute('aria-sort', ascending ? 'ascending' : 'descending'); }
      else { cell.removeAttribute('aria-sort'); }
    });
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    th.addEventListener('click', function () { sortBy(th); });
  });

  function route() {
    var hash = decodeURIComponent(location.hash.slice(1));
    var match = /^r(\d+)(?:-|$)/.exec(hash);
    var current = document.querySelector('.report.current');
    var section = match ? document.getElementById('r' + match[1]) : null;
    if (current && current !== section) { current.classList.remove('current'); }
    if (!section) { body.classList.remove('single'); return; }
    section.classList.add('current');
    body.classList.add('single');
    var target = document.getElementById(hash) || section;
    for (var d = target; d && d !== section; d = d.parentElement) {
      if (d.tagName === 'DETAILS') { d.open = true; }
    }
    if (target === section) { window.scrollTo(0, 0); } else { target.scrollIntoView({block: 'start'}); }
  }
  window.addEventListener('hashchange', route);
  route();

  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('button.print') : null;
    if (!button) { return; }
    var id = 'r' + button.getAttribute('data-report');
    if (location.hash !== '#' + id) { location.hash = id; route(); }
    window.print();
  });
})();
"""
