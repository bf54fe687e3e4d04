"""D7xx: the report's years and dates, and how it cites the format."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from reportlint.diagnostics import Diagnostic, Severity
from reportlint.hookspecs import hookimpl
from reportlint.model import Paragraph
from reportlint.rule import Context, Rule
from reportlint.template.labels import normalise_with_map

# "2023年，我局…" opening a paragraph: the year the paragraph is about
_OPENING_YEAR = re.compile(
    r"^(?:[(（][一二三四五六七八九十]+[)）])?[^，,。]{0,12}?(20\d\d)年(?:度)?(?:[,，]|以来|全年|我|本)"
)
_PERIOD_CUE = re.compile(r"统计(?:期限|时限|期间|时间|周期|区间)|数据(?:统计)?(?:截止|期限)")
_PERIOD = re.compile(
    r"(20\d\d)年(\d{1,2})月(\d{1,2})日?(?:起)?(?:至|到|—|-|~)(?:(20\d\d)年)?(\d{1,2})月(\d{1,2})日"
)
_GARBLED_DATE = re.compile(r"20\d\d(?:\d{1,2}月|\d{2,4}日)")
_PUBLISHED = re.compile(r"(?:发布|公开|成文|印发)(?:时间|日期)[:：]?(20\d\d)[-年./](\d{1,2})[-月./](\d{1,2})")
_FORMAT_NAME = re.compile(r"[《〈<]([^《》〈〉<>]{0,30}年度报告格式[^《》〈〉<>]{0,6})[》〉>]")
_NOTICE = re.compile(r"国办公开办函(.{0,10})")
FORMAT_NAME = "中华人民共和国政府信息公开工作年度报告格式"
FORMAT_NUMBER = "〔2021〕30号"
_GOVERNMENT = re.compile(r"(人民政府|政府|管委会|管理委员会|街道办事处|街道|镇|乡|实验区|新区)$")


def _search(pattern: re.Pattern[str], paragraph: Paragraph) -> Iterator[tuple[re.Match[str], Any]]:
    """Matches in the normalised paragraph, each with a function giving the source span of a group."""
    norm, index = normalise_with_map(paragraph.text, simplify=False)
    for match in pattern.finditer(norm):

        def span(group: int = 0, match: re.Match[str] = match) -> Any:
            return paragraph.span_of(index[match.start(group)], index[match.end(group) - 1] + 1)

        yield match, span


class YearMismatch(Rule):
    """A year in the report disagrees with the reporting year.

    A report describes one calendar year. A paragraph that opens with another (past) year
    — "2023年，我局…" left in a 2024 report — is last year's text carried over; the title
    and the statistics period must name the same year. Spec §6 (statistics period, title).
    Section 五 may speak of last year's problems and next year's plans, so it is not read.

    Wrong (a 2024 report)::

        2023年，我局坚持以习近平新时代中国特色社会主义思想为指导……

    Right::

        2024年，我局坚持以习近平新时代中国特色社会主义思想为指导……
    """

    code = "D701"
    name = "year-mismatch"
    summary = "正文、标题或统计期限中的年份与报告年度不一致"
    summary_en = "a year in the text, title or statistics period differs from the reporting year"
    severity = Severity.ERROR

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        year = ctx.report.year
        if year is None:
            return
        for key, paragraph in ctx.report.prose():
            if key == "problems":
                continue
            for match, span in _search(_OPENING_YEAR, paragraph):
                found = int(match.group(1))
                if found < year:
                    yield self.diagnostic(
                        ctx,
                        ctx.t(
                            f"段落以“{found}年”开头，而报告年度为{year}年：是否沿用了往年的文字？",
                            f"a paragraph opens with {found}, the report is for {year}: text carried over?",
                        ),
                        span(1),
                        expected=year,
                        actual=found,
                    )


class StatisticsPeriod(Rule):
    """The statistics period is missing, unreadable, or not 1 January – 31 December of the reporting year.

    The figures cover the calendar year the report is for; the opening states it
    ("本报告所列数据统计期限自2024年1月1日起至2024年12月31日止"). A period of another year
    or a broken date ("20241月1日") is an error; a report that states no period at all gets
    an info note, since stating it is practice rather than a rule. Spec §6 (statistics
    period), DB51/T 2660—2019 §2.1.

    Wrong (a 2024 report)::

        本报告中所列数据统计期限自2023年1月1日起至2023年12月31日止。

    Right::

        本报告中所列数据统计期限自2024年1月1日起至2024年12月31日止。
    """

    code = "D702"
    name = "statistics-period"
    summary = "统计期限缺失、无法识别或不是报告年度的1月1日至12月31日"
    summary_en = (
        "the statistics period is missing, unreadable or not 1 January – 31 December of the reporting year"
    )
    severity = Severity.ERROR

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        year = ctx.report.year
        stated = False
        for _, paragraph in ctx.report.prose():
            for cue, cue_span in _search(_PERIOD_CUE, paragraph):
                stated = True
                rest = paragraph.text
                norm, _ = normalise_with_map(rest, simplify=False)
                period = _PERIOD.search(norm, cue.end())
                if period is None:
                    if _GARBLED_DATE.search(norm, cue.end()):
                        yield self.diagnostic(
                            ctx,
                            ctx.t(
                                "统计期限的日期残缺，无法识别", "the statistics period's dates are garbled"
                            ),
                            cue_span(),
                        )
                    continue
                y1, m1, d1, y2, m2, d2 = period.groups()
                start, end = (int(y1), int(m1), int(d1)), (int(y2 or y1), int(m2), int(d2))
                if year is not None and (start, end) != ((year, 1, 1), (year, 12, 31)):
                    yield self.diagnostic(
                        ctx,
                        ctx.t(
                            f"统计期限为{start[0]}年{start[1]}月{start[2]}日至{end[0]}年{end[1]}月{end[2]}日，应为{year}年1月1日至{year}年12月31日",
                            f"the statistics period {start}–{end} should be {year}-01-01 to {year}-12-31",
                        ),
                        cue_span(),
                    )
        if not stated and ctx.report.sections and any(s.found for s in ctx.report.sections):
            missing = self.diagnostic(
                ctx,
                ctx.t(
                    "报告未说明数据的统计期限（如“统计期限自…年1月1日起至12月31日止”）",
                    "the report states no statistics period",
                ),
            )
            missing.severity = Severity.INFO
            yield missing


class LatePublication(Rule):
    """The report was published after the statutory deadline.

    条例 Art. 49: a department of a people's government at or above county level publishes
    its report by 31 January; a local people's government's own report is published by
    31 March; 乡镇 and 街道 follow local rules, and are flagged only after 31 March. The
    publication date is read where the file or its page header shows one ("发布时间：").

    Wrong (a bureau's 2024 report)::

        发布时间：2025-02-05

    Right::

        发布时间：2025-01-24
    """

    code = "D703"
    name = "late-publication"
    summary = "发布日期晚于法定期限（部门1月31日，政府3月31日）"
    summary_en = (
        "published after the statutory deadline (31 January for departments, 31 March for governments)"
    )

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        year, agency = ctx.report.year, ctx.report.agency
        if year is None:
            return
        government = agency is None or bool(_GOVERNMENT.search(agency))
        deadline = date(year + 1, 3, 31) if government else date(year + 1, 1, 31)
        for _, paragraph in ctx.report.prose():
            for match, span in _search(_PUBLISHED, paragraph):
                try:
                    published = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
                except ValueError:
                    continue
                if published > deadline:
                    yield self.diagnostic(
                        ctx,
                        ctx.t(
                            f"发布日期{published.isoformat()}晚于法定期限{deadline.isoformat()}",
                            f"published {published.isoformat()}, after the deadline {deadline.isoformat()}",
                        ),
                        span(),
                        expected=deadline.isoformat(),
                        actual=published.isoformat(),
                    )
                return


class FormatCitation(Rule):
    """The format is cited with a wrong name or number.

    Where a report cites the format, it cites it exactly: 《中华人民共和国政府信息公开工作
    年度报告格式》, 国办公开办函〔2021〕30号. A real report cited 《中华人民共和国政府信息
    年度报告格式》. Citing the 2019 trial format is L202's. Spec §6 (citation accuracy).

    Wrong::

        按照《中华人民共和国政府信息年度报告格式》（国办公开办函〔2021〕30号）要求

    Right::

        按照《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求
    """

    code = "D704"
    name = "format-citation"
    summary = "引用年度报告格式的名称或文号不准确"
    summary_en = "the format's name or notice number is cited wrongly"

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        for _, paragraph in ctx.report.prose():
            for match, span in _search(_FORMAT_NAME, paragraph):
                name = match.group(1)
                if name != FORMAT_NAME and "试行" not in name:
                    yield self.diagnostic(
                        ctx,
                        ctx.t(
                            f"格式名称“{name}”不准确，应为“{FORMAT_NAME}”",
                            f"the format is named “{name}”, not “{FORMAT_NAME}”",
                        ),
                        span(1),
                        suggestion=FORMAT_NAME,
                    )
            for match, span in _search(_NOTICE, paragraph):
                number = match.group(1)
                if not number.startswith((FORMAT_NUMBER, "〔2019〕60号")):
                    yield self.diagnostic(
                        ctx,
                        ctx.t(
                            f"文号“国办公开办函{number}”不准确，应为“国办公开办函{FORMAT_NUMBER}”",
                            f"the notice number is cited as “{number}”",
                        ),
                        span(),
                        suggestion=f"国办公开办函{FORMAT_NUMBER}",
                    )


@hookimpl
def reportlint_add_rules() -> list[Any]:
    return [YearMismatch(), StatisticsPeriod(), LatePublication(), FormatCitation()]
