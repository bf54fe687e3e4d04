"""W9xx: writing — a character written twice, unbalanced brackets, half-width punctuation in Chinese.

These rules read the report's prose: every paragraph of every section and the lines before
section 一 (`Report.prose()`), never a table cell. A paragraph is a line of the source (a
line of PDF text, a block of a Word file, a <p> of a page).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from reportlint.diagnostics import Diagnostic, Severity
from reportlint.hookspecs import hookimpl
from reportlint.model import Paragraph
from reportlint.rule import Context, Rule
from reportlint.template.labels import has_traditional, to_simplified


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function characters that standard written Chinese never writes twice in a row (no AA
# reduplication, unlike 常常, 人人, 层层, 项项). Each comes with the two-character words it
# forms: where the first of a pair closes one of them (为了|了解) or the second opens one
# (对|对象), the pair is a word boundary, not a typo.
_NEVER_DOUBLED: dict[str, frozenset[str]] = {
    char: _words(words)
    for char, words in {
        "的": "目的 有的 别的 的确",
        "了": "为了 除了 不了 罢了 了解 了结 了却 了然 了如",
        "是": "但是 还是 就是 于是 凡是 而是 总是 正是 只是 或是 要是 若是 即是 便是 可是 也是 都是 "
        "不是 别是 其是 更是 则是 乃是 真是 倒是 算是 像是 是否 是非 是以",
        "在": "存在 现在 正在 所在 实在 内在 外在 自在 好在 旨在 意在 潜在 在线 在职 在岗 在建 在编 "
        "在于 在场 在校 在内 在册 在办 在审 在押 在途 在库 在案 在意 在先",
        "和": "共和 总和 平和 温和 缓和 柔和 调和 附和 祥和 谦和 和谐 和平 和睦 和美 和解 和气",
        "与": "参与 给与 赋与 授与 与会 与其 与否 与日 与时 与共",
        "及": "以及 涉及 危及 波及 顾及 普及 企及 触及 论及 提及 来及 不及 及时 及早 及其",
        "并": "合并 兼并 吞并 归并 并且 并非 并不 并未 并重 并行 并举 并列 并购 并入 并存 并发 并网",
        "将": "即将 必将 终将 行将 将来 将近 将要 将会 将其",
        "对": "针对 面对 核对 比对 相对 绝对 反对 应对 配对 校对 查对 对象 对外 对应 对比 对接 对照 "
        "对待 对话 对口 对策 对手 对方 对于 对称 对立 对标 对账 对内 对面 对此 对其",
        "把": "一把 把关 把握 把控 把手 把脉",
        "被": "被告 被动 被迫 被害 被申 被诉",
        "向": "方向 导向 趋向 走向 面向 偏向 倾向 去向 动向 意向 取向 指向 转向 一向 向导 向来 向往",
        "于": "由于 对于 关于 至于 在于 属于 基于 等于 处于 用于 便于 善于 易于 难于 过于 终于 于是",
        "而": "从而 因而 进而 然而 继而 反而 而且 而是 而言 而后",
        "或": "或者 或是 或许 或多 抑或 或其",
        "从": "服从 自从 听从 遵从 从事 从严 从而 从业 从来 从未 从中 从此 从速 从重 从宽",
    }.items()
}
# Words that are never repeated back to back (a word, unlike 研究研究 or 一步一步, that has no
# ABAB form): a repeat is a slip of copy and paste.
_NEVER_REPEATED = _words(
    "我们 我局 我委 我办 我部 我院 我厅 我市 我县 我区 我镇 我乡 我街道 我单位 本机关 本单位 本部门 "
    "进一步 以及 并且 而且 或者 但是 因此 同时 其中 关于 对于 根据 按照 依据 通过 为了 由于 已经 "
    "正在 不断 切实 持续 积极 严格 及时 全面 认真 加强 推进 做好 开展 进行 落实 完善"
)
_REPEATED_WORD = re.compile("(" + "|".join(sorted(_NEVER_REPEATED, key=len, reverse=True)) + r")\1")
# A title or a quoted name is cited as written: 《》, “”, ‘’, 「」, 『』 and straight quotes.
_QUOTED = re.compile(r"《[^《》]*》|“[^“”]*”|‘[^‘’]*’|「[^「」]*」|『[^『』]*』|\"[^\"]*\"")


def _quoted(text: str) -> set[int]:
    return {i for m in _QUOTED.finditer(text) for i in range(m.start(), m.end())}


def _doubled(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, single form) of each character or word written twice."""
    plain = to_simplified(text) if has_traditional(text) else text  # keeps the offsets
    skip = _quoted(plain)
    for i in range(len(plain) - 1):
        char = plain[i]
        if char not in _NEVER_DOUBLED or plain[i + 1] != char or i in skip:
            continue
        words = _NEVER_DOUBLED[char]
        before, after = plain[i - 1 : i + 1] if i else "", plain[i + 1 : i + 3]
        aabb = (i >= 2 and plain[i - 2] == plain[i - 1]) or plain[i + 2 : i + 3] == plain[i + 3 : i + 4] != ""
        if before not in words and after not in words and not aabb:
            yield i, i + 2, text[i]
    for match in _REPEATED_WORD.finditer(plain):
        if match.start() not in skip:
            yield match.start(), match.end(), text[match.start(1) : match.end(1)]


class DoubledCharacter(Rule):
    """A function character or word is written twice in a row.

    Chinese doubles many characters on purpose (常常, 层层把关, 项项落实, 认认真真), but
    never a preposition, conjunction or particle such as 对, 的, 了, 在, 和, 与, 及, 并,
    nor a word such as 我们 or 进一步: written twice, it is a typing slip the author will
    want to fix before publishing (the format asks for an accurate report, spec §2). The
    rule knows a fixed list of such characters and words, and the words each character
    forms, so that a pair across a word boundary (为了了解, 对对象) is left alone; so is
    the text of a 《title》 or a quoted name.

    Wrong::

        三是对对政务公开工作的宣传引导不足。

    Right::

        三是对政务公开工作的宣传引导不足。
    """

    code = "W901"
    name = "doubled-character"
    summary = "字或词重复（如“对对”）"
    summary_en = "a character or word written twice (对对)"

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        report = ctx.report
        texts = [p for _, p in report.prose()]
        lines = {p.span.line for p in texts if p.span}
        if report.title and not (report.title_span and report.title_span.line in lines):
            texts.append(Paragraph(report.title, report.title_span))  # a title not among the lines
        for paragraph in texts:
            text = paragraph.text
            for start, end, single in _doubled(text):
                phrase = text[max(0, start - 2) : end + 2]
                fixed = phrase.replace(text[start:end], single, 1)
                yield self.diagnostic(
                    ctx,
                    ctx.t(
                        f"“{phrase}”中“{single}”重复，应为“{fixed}”",
                        f"“{single}” is written twice in “{phrase}”; write “{fixed}”",
                    ),
                    paragraph.span_of(start, end),
                    suggestion=single,
                )


# Bracket and quote pairs, half-width folded onto full-width: （一) is balanced.
_OPENERS = {"（": "（", "(": "（", "【": "【", "《": "《", "“": "“", "‘": "‘", "「": "「", "『": "『"}
_CLOSERS = {"）": "（", ")": "（", "】": "【", "》": "《", "”": "“", "’": "‘", "」": "「", "』": "『"}
_PAIRS = {"（": "）", "【": "】", "《": "》", "“": "”", "‘": "’", "「": "」", "『": "』"}
# An item number closed by a bracket alone: "1)", "2）", "a)", "一）" at the start of a paragraph
# or after a separator. This is numbering, not a bracket left open.
_NUMBERING = re.compile(r"(?:^|[\s:：;；,，。、])\s*(?:\d{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,3})\s*$")


# A paragraph that ends like this is finished; one that ends otherwise stops mid-sentence.
_FINISHED = re.compile(r"[。！？!?.；;…”’」』）)》】]\s*$")


def _strays(paragraphs: list[Paragraph], whole: bool) -> Iterator[tuple[Paragraph, int, str]]:
    """(paragraph, offset, bracket) of each bracket not matched within its paragraph.

    An opening bracket left at the end of a paragraph may be closed at the start of the
    next one (a line of PDF text, a hard-wrapped line): only then are the two read as one.
    With `whole`, brackets are matched across all the paragraphs (a table's labels, one
    cell per line).
    """
    carried: list[tuple[Paragraph, int]] = []  # opened before this paragraph, not closed yet
    for paragraph in paragraphs:
        text = paragraph.text
        stacks: dict[str, list[tuple[Paragraph, int]]] = {}
        for item in carried:
            stacks.setdefault(_OPENERS[item[0].text[item[1]]], []).append(item)
        for i, char in enumerate(text):
            if char in _OPENERS:
                stacks.setdefault(_OPENERS[char], []).append((paragraph, i))
            elif char in _CLOSERS:
                stack = stacks.get(_CLOSERS[char])
                if stack:
                    stack.pop()
                elif not _NUMBERING.search(text[:i]):
                    yield paragraph, i, char
        carried = [item for stack in stacks.values() for item in stack]
        if not whole:
            yield from ((p, i, p.text[i]) for p, i in carried if p is not paragraph)
            carried = [item for item in carried if item[0] is paragraph]
    yield from ((p, i, p.text[i]) for p, i in carried)


class UnbalancedBrackets(Rule):
    """A bracket or quotation mark is opened and not closed, or closed and not opened.

    Checked paragraph by paragraph for （）, (), 【】, 《》, “”, ‘’, 「」 and 『』 (a
    half-width and a full-width bracket pair with each other: mixing them is W903's
    concern). An unmatched mark usually means a cut or a pasted fragment: a 《title》 whose
    end is lost, a remark in brackets that never ends. An item number closed by a bracket
    alone ("1)", "2）" at the start of a paragraph or after a separator) is numbering and
    is not reported; an opening bracket closed on the next line (PDF text, hard-wrapped
    lines) counts as closed, and so does one closed anywhere in a section reported by
    table (its labels are often laid one cell per line). A bracket left open in a paragraph
    that stops mid-sentence, without a full stop (the last line of a file cut short, a
    page that lost characters, a line of PDF text), is not reported: the cut may have
    taken its end. Crossed pairs (《…（…》…）) are not reported.

    Wrong::

        依据《中华人民共和国政府信息公开条例规定，现将本年度报告公布如下。

    Right::

        依据《中华人民共和国政府信息公开条例》规定，现将本年度报告公布如下。
    """

    code = "W902"
    name = "unbalanced-brackets"
    summary = "括号或引号不成对"
    summary_en = "unbalanced brackets or quotes"

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        prose = ctx.report.prose()
        groups: dict[str | None, list[Paragraph]] = {}
        for key, paragraph in prose:
            groups.setdefault(key, []).append(paragraph)
        tabular = {spec.section for spec in ctx.template.tables.values()}
        for key, paragraphs in groups.items():
            for paragraph, i, mark in _strays(paragraphs, whole=key in tabular):
                opening = mark in _OPENERS
                if opening and not _FINISHED.search(paragraph.text):
                    continue  # the paragraph stops mid-sentence: cut, not left open
                other = _PAIRS[_OPENERS[mark]] if opening else _CLOSERS[mark]
                phrase = paragraph.text[max(0, i - 6) : i + 7]
                yield self.diagnostic(
                    ctx,
                    ctx.t(
                        f"“{phrase}”中的“{mark}”没有对应的“{other}”",
                        f"“{mark}” in “{phrase}” has no matching “{other}”",
                    ),
                    paragraph.span_of(i, i + 1),
                )


# Half-width marks and the full-width forms Chinese text uses instead (GB/T 15834).
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# Chinese context: a Chinese character, or a full-width mark (，。、《》“” …) next to one.
_CHINESE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u3001-\u3011\uff01-\uff1f\u201c\u201d\u2018\u2019]")


def _half_width_between_cjk(text: str) -> list[int]:
    """Half-width marks with Chinese on both sides, at least one of them a character."""
    return [
        i
        for i in range(1, len(text) - 1)
        if text[i] in _FULL_WIDTH
        and _CHINESE.match(text[i - 1])
        and _CHINESE.match(text[i + 1])
        and (_CJK.match(text[i - 1]) or _CJK.match(text[i + 1]))
    ]


class MixedPunctuation(Rule):
    """A half-width , ; : ? ! ( ) between Chinese characters, in a paragraph that uses full-width marks.

    Chinese text takes full-width punctuation (GB/T 15834); a half-width comma between two
    Chinese characters in a paragraph that otherwise writes ，and （） is a slip of the
    input method and looks careless in print. Only marks with a Chinese character on both
    sides are reported, so numbers (1,234; 12:30), web addresses, e-mail and English are
    never touched; and only in a paragraph that also uses full-width marks, because a text
    written in half-width throughout (as some web pages convert it) is consistent, not
    mixed. Info: it does not change what the report says.

    Wrong::

        做好主动公开，依申请公开,政府信息管理等工作。

    Right::

        做好主动公开，依申请公开，政府信息管理等工作。
    """

    code = "W903"
    fixable = True
    name = "mixed-punctuation"
    summary = "中文之间混用了半角标点"
    summary_en = "half-width punctuation between Chinese characters"
    severity = Severity.INFO

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        for _, paragraph in ctx.report.prose():
            text = paragraph.text
            if not any(mark in text for mark in _FULL_WIDTH.values()):
                continue
            for i in _half_width_between_cjk(text):
                mark, full = text[i], _FULL_WIDTH[text[i]]
                phrase = text[max(0, i - 4) : i + 5]
                yield self.diagnostic(
                    ctx,
                    ctx.t(
                        f"“{phrase}”中的半角“{mark}”应为全角“{full}”",
                        f"half-width “{mark}” in “{phrase}” should be full-width “{full}”",
                    ),
                    paragraph.span_of(i, i + 1),
                    suggestion=full,
                )


@hookimpl
def reportlint_add_rules() -> list[Any]:
    return [DoubledCharacter(), UnbalancedBrackets(), MixedPunctuation()]
