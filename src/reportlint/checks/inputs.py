"""E0xx: problems with the input itself. The engine raises these; the classes document them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reportlint.diagnostics import Diagnostic, Severity
from reportlint.hookspecs import hookimpl
from reportlint.rule import Context, Rule


class _EngineRule(Rule):
    severity = Severity.ERROR

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        return ()


class Unreadable(_EngineRule):
    """The file cannot be read: not text in any encoding reports use, or a format no reader reads.

    Wrong: a file with bytes that are neither UTF-8 nor GB18030, or a binary file named ``.txt``.

    Right: the report saved as UTF-8 (or GB18030) text, HTML, Markdown, DOCX or PDF.
    """

    code = "E001"
    name = "unreadable-file"
    summary = "文件无法读取（编码或格式无法识别）"
    summary_en = "the file cannot be read (encoding or format)"


class NoReport(_EngineRule):
    """The file holds no annual report: no title, no section heading, no table of the format.

    Wrong: a notice, a web page's navigation, an empty file.

    Right: a file whose text is a 政府信息公开工作年度报告.
    """

    code = "E002"
    name = "no-report"
    summary = "文件中未找到政府信息公开工作年度报告"
    summary_en = "no annual report found in the file"


class RuleCrashed(_EngineRule):
    """A rule, a reader or the extractor raised an exception. The other rules and files still
    ran; please report the bug.

    Wrong: any E003 — it is reportlint's fault, not the report's.

    Right: no E003.
    """

    code = "E003"
    name = "rule-crashed"
    summary = "规则或读取器运行出错（其他规则和文件照常检查）"
    summary_en = "a rule or reader crashed (the other rules and files still ran)"


class ModelInvalid(_EngineRule):
    """The report model does not conform to schemas/report.schema.json.

    For an extracted report this is a reportlint bug; for a report given as JSON or YAML
    data it names the value that is wrong.

    Wrong::

        {"template": "gov-2021", "year": "二〇二四", ...}

    Right::

        {"template": "gov-2021", "year": 2024, ...}
    """

    code = "E004"
    name = "model-invalid"
    summary = "报告数据不符合 report.schema.json"
    summary_en = "the report data does not conform to report.schema.json"


class UnusedSuppression(_EngineRule):
    """A suppression comment suppresses nothing.

    A `reportlint: disable…` comment whose codes match no diagnostic on the lines it covers
    is left over from a fix, or names the wrong code; like ruff's unused `noqa`, it is
    reported so that suppressions do not silently outlive their reason.

    Wrong (no M401 on the next line)::

        <!-- reportlint: disable-next-line=M401 -->

    Right: no comment, or one that names the diagnostic it silences.
    """

    code = "E005"
    name = "unused-suppression"
    summary = "抑制注释没有抑制任何诊断"
    summary_en = "a suppression comment suppresses nothing"
    severity = Severity.WARNING


class LimitExceeded(_EngineRule):
    """The file goes past one of the bounds that keep a run safe, and is not read further.

    The bounds are the configuration's `max-file-size` (50 MB), `max-decompressed-size`
    (200 MB unpacked, for a DOCX), `max-entries` (10,000 zip entries), `max-pages` (300 PDF
    pages), `max-cells` (200,000 table cells) and `timeout` (60 s for one file, reading and
    rules). A file past one is a zip bomb, a crawl gone wrong or something that is not one
    report; the message names the bound, and the other files of the run go on. A real report
    that needs more raises the bound in the configuration (0 switches it off).

    Wrong: a 200 MB text file, a DOCX whose parts unpack to gigabytes.

    Right: one report, a few hundred kilobytes; or ``max-file-size: 500 MB`` in
    ``.reportlint.yaml`` for the archive that really is that large.
    """

    code = "E006"
    name = "limit-exceeded"
    summary = "文件超出读取限制（大小、解压大小、条目数、页数、单元格数或时间）"
    summary_en = "the file exceeds a bound (size, unpacked size, entries, pages, cells or time)"


@hookimpl
def reportlint_add_rules() -> list[Any]:
    return [Unreadable(), NoReport(), RuleCrashed(), ModelInvalid(), UnusedSuppression(), LimitExceeded()]
