"""S107–S110: what sections 一, 五 and 六 say, and how the report numbers its parts.

These rules apply to both templates (gov-2021 and gov-2019): the six sections and what
sections 一, 五 and 六 report are the same in both formats.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from reportlint.diagnostics import Diagnostic, Severity
from reportlint.hookspecs import hookimpl
from reportlint.model import Report, Section
from reportlint.rule import Context, Rule
from reportlint.template.labels import normalise

# The five aspects section 一 covers (spec §2.1), each recognised by any of its keywords.
_ASPECTS = (
    ("主动公开", "主动公开"),
    ("依申请公开", "申请"),
    ("政府信息管理", "管理|审查|审核"),
    ("政府信息公开平台建设", "平台|网站|门户|专栏|新媒体"),
    ("监督保障", "监督|保障|考核|问责|追究"),
)
# What a people's government also reports under 监督保障 (条例 Art. 50(4); spec §2.1).
_GOVERNMENT_ITEMS = (("工作考核", "考核"), ("社会评议", "评议"), ("责任追究", "追究|问责"))
# The items section 六 is expected to cover besides the fee (spec §2.6; the fee is F501's).
_OTHER_ITEMS = (
    ("上级年度政务公开工作要点落实情况", "要点"),
    ("人大代表建议和政协提案办理结果公开情况", "建议|提案"),
    ("政务公开工作创新情况", "创新"),
)
_MIN_PROBLEMS = 15  # Chinese characters: fewer cannot name a problem and its improvement
_NOTHING = re.compile(r"^(?:暂无|无|没有|暂未发现|未发现)$")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_ORDINAL = re.compile(r"^\s*([一二三四五六七八九十]{1,3})\s*[、.．]")
_ORDINALS = "一二三四五六七八九十"
_TOP_LEVEL = re.compile(r"^\s*([一二三四五六七八九十])、(?![一二三四五六七八九十])")
_SUB_LEVEL = re.compile(r"^\s*[（(][一二三四五六七八九十]{1,3}[）)]")
_YEAR_SUFFIX = re.compile(r"(?:[0-9０-９〇零一二三四五六七八九]{4}\s*年度?)+$")


def _missing(text: str, items: Iterable[tuple[str, str]]) -> list[str]:
    return [name for name, keywords in items if not re.search(keywords, text)]


def _is_government(report: Report) -> bool:
    """A people's government's own report (the agency is 某某人民政府 or 某某政府), not a department's."""
    name = report.agency
    if not name and report.title and "政府信息公开" in report.title:
        name = _YEAR_SUFFIX.sub("", report.title[: report.title.index("政府信息公开")].strip())
    return bool(name) and str(name).endswith("政府")


def _followed(report: Report, section: Section) -> bool:
    """A later section was found: the section is not where a cut-short file stops."""
    return any(s.found and s.position > section.position for s in report.sections)


class OverviewAspects(Rule):
    """Section 一 does not cover one of its five aspects.

    Section 一、总体情况 summarises the year under five aspects: 主动公开, 依申请公开,
    政府信息管理, 政府信息公开平台建设 and 监督保障 (spec §2.1); a people's government
    also reports 工作考核、社会评议和责任追究结果情况 (条例 Art. 50(4)). An aspect counts as
    covered when one of its keywords appears in the section (平台 or 网站 for the platform;
    监督, 保障 or 考核 for 监督保障). A section 一 that nothing follows is where a
    cut-short file stops (S101 says so), and is not judged.

    Wrong::

        一、总体情况
        （一）主动公开 …（二）依申请公开 …（三）政府信息管理 …

    Right::

        一、总体情况
        （一）主动公开 …（二）依申请公开 …（三）政府信息管理 …
        （四）政府信息公开平台建设 …（五）监督保障 …
    """

    code = "S107"
    name = "overview-aspects"
    summary = "第一部分缺少“五个方面”之一"
    summary_en = "section 一 misses one of its five aspects"

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        section = ctx.report.section("overview")
        if section is None or not section.found or not _followed(ctx.report, section):
            return
        text = normalise(section.text)
        missing = _missing(text, _ASPECTS)
        if _is_government(ctx.report):
            missing += _missing(text, _GOVERNMENT_ITEMS)
        if missing:
            yield self.diagnostic(
                ctx,
                ctx.t(
                    f"第一部分“总体情况”未写到：{'、'.join(missing)}",
                    f"section 一 does not cover: {', '.join(missing)}",
                ),
                section.span,
                actual=missing,
            )


class ProblemsEmpty(Rule):
    """Section 五 is empty, says only "无", or is too short to name a problem.

    Section 五 reports the main problems of the year's disclosure work and how they were or
    will be improved (条例 Art. 50(4); spec §2.5); "无" or a phrase of a few characters is
    the 敷衍塞责 the format's responsibility clause names (spec §2). Fewer than 15 Chinese
    characters is taken as too short.

    Wrong::

        五、存在的主要问题及改进情况
        无。

    Right::

        五、存在的主要问题及改进情况
        一是信息更新不够及时。下一步将建立更新台账，每月核对一次栏目内容。
    """

    code = "S108"
    name = "problems-empty"
    summary = "第五部分为空、只写“无”或过于简略"
    summary_en = "section 五 is empty, only 无, or too short"

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        section = ctx.report.section("problems")
        if section is None or not section.found:
            return
        chinese = "".join(_CJK.findall(section.text))
        if (
            chinese
            and not _NOTHING.match(chinese)
            and len(chinese) >= ctx.option(self, "min-chars", _MIN_PROBLEMS)
        ):
            return
        said = section.text.strip().replace("\n", " ")
        yield self.diagnostic(
            ctx,
            ctx.t(
                f"第五部分“存在的主要问题及改进情况”{f'只写了“{said}”' if said else '没有内容'}，"
                "应写明本年度存在的主要问题和改进措施",
                f"section 五 {f'says only “{said}”' if said else 'is empty'}: "
                "state the year's main problems and how they are being improved",
            ),
            section.span,
        )


class OtherItems(Rule):
    """Section 六 does not mention an item it is expected to cover.

    Besides the information processing fee (F501), section 六 usually reports how the
    superior's annual 政务公开工作要点 were carried out, how the results of handling 人大代表建议
    and 政协提案 were made public, and the year's innovations (spec §2.6: practice, not a
    quotation of the notice, hence info). One diagnostic names every item not mentioned; "无"
    fits only if none of them applies.

    Wrong::

        六、其他需要报告的事项
        本年度未收取信息处理费。

    Right::

        六、其他需要报告的事项
        本年度未收取信息处理费。我局按照市政务公开工作要点逐项落实……；
        本年度办理人大代表建议5件、政协提案3件，办理结果均已公开；创新开展“政府开放日”活动。
    """

    code = "S109"
    name = "other-items"
    summary = "第六部分未提及年度工作要点、建议提案办理或创新情况"
    summary_en = "section 六 does not mention the work plan, proposals or innovation"
    severity = Severity.INFO

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        section = ctx.report.section("other")
        if section is None or not section.found:
            return
        missing = _missing(normalise(section.text), _OTHER_ITEMS)
        if missing:
            yield self.diagnostic(
                ctx,
                ctx.t(
                    f"第六部分未提及：{'、'.join(missing)}（如有，宜予说明）",
                    f"section 六 does not mention: {', '.join(missing)}",
                ),
                section.span,
                actual=missing,
            )


class Numbering(Rule):
    """The report's numbering is broken: a second top-level numbering, or a wrong ordinal.

    The six parts are numbered 一、 to 六、, and the five aspects of section 一 are numbered
    （一）to （五）. Two faults seen in real reports (spec §2.1 and §8 E7): the aspects
    numbered 一、二、三, a second top-level numbering inside section 一; and a heading whose
    ordinal is not its part's ("四、收到和处理政府信息公开申请情况", or parts 二–六 numbered
    一–五). A non-standard title itself is S103's.

    Wrong::

        一、总体情况
        一、主动公开情况 …
        二、依申请公开情况 …

    Right::

        一、总体情况
        （一）主动公开情况 …
        （二）依申请公开情况 …
    """

    code = "S110"
    name = "numbering"
    summary = "序号编排错误（一级序号重复使用或序号与标题不符）"
    summary_en = "numbering faults (a second top-level numbering, an ordinal that does not match)"

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        yield from self._second_numbering(ctx)
        yield from self._wrong_ordinals(ctx)

    def _second_numbering(self, ctx: Context) -> Iterable[Diagnostic]:
        overview = ctx.report.section("overview")
        paragraphs = overview.paragraphs if overview and overview.found else []
        nested = any(_SUB_LEVEL.match(p.text) for p in paragraphs)  # the items sit under （一）…
        for paragraph in paragraphs:
            match = _TOP_LEVEL.match(paragraph.text)
            if match:
                line, ordinal = paragraph.text[:24], match.group(1)
                lower = f"{_ORDINALS.index(ordinal) + 1}." if nested else f"（{ordinal}）"
                yield self.diagnostic(
                    ctx,
                    ctx.t(
                        f"第一部分内的“{line}”又用了部分标题一级的序号“{ordinal}、”，应改用下级序号“{lower}”",
                        f"“{line}” inside section 一 uses the parts' top-level “{ordinal}、”; number it “{lower}”",
                    ),
                    paragraph.span_of(match.start(1), match.end()),
                    suggestion=lower,
                )

    def _wrong_ordinals(self, ctx: Context) -> Iterable[Diagnostic]:
        for section in ctx.report.sections:
            match = _ORDINAL.match(section.heading) if section.found else None
            expected = ctx.template.section(section.key).ordinal
            if match and match.group(1) != expected:
                yield self.diagnostic(
                    ctx,
                    ctx.t(
                        f"标题“{section.heading}”的序号“{match.group(1)}”与其内容不符，应为“{expected}”",
                        f"“{section.heading}” is numbered {match.group(1)}; this part is {expected}",
                    ),
                    section.span,
                    expected=expected,
                    actual=match.group(1),
                    suggestion=expected + section.heading[match.end(1) :],
                )


@hookimpl
def reportlint_add_rules() -> list[Any]:
    return [OverviewAspects(), ProblemsEmpty(), OtherItems(), Numbering()]
