"""Title, reporting year and agency; the fee statement; signatures of the old template."""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass

from reportlint.document import Span
from reportlint.extract.stream import Token
from reportlint.model import Located
from reportlint.template import Template
from reportlint.template.labels import normalise

CORE_TITLE = "政府信息公开工作年度报告"
_TITLE = re.compile(r"(?:政府|政务)信息公开(?:工作)?(?:的)?(?:年度)?(?:信息公开)?(?:工作)?报告(?!格式)")
# words a sentence puts before a title it names: "现公布某某局2024年…报告", "现将…报告如下"
_LEAD_IN = re.compile(r"^(?:标题|题目|[现特]?(?:向社会)?(?:予以|予)?公布|现将|发布|编制完成|编制)")
_AGENCY_LINE = re.compile(r"^[\u4e00-\u9fff()]{2,30}$")
_LABELLED_TITLE = re.compile(r"^(?:标题|题目|title):", re.I)
_YEAR_IN_PREFIX = re.compile(r"(20\d\d)年度?")
_PERIOD = re.compile(r"(20\d\d)年1月1日")
_YEAR_OF_REPORT = re.compile(r"(20\d\d)年度")
_ANY_YEAR = re.compile(r"(20\d\d)年")
_FEE = re.compile(r"信息处理费|处理费|收费|费用")
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")


@dataclass
class Title:
    text: str
    span: Span
    year: int | None
    agency: str | None


def find_title(tokens: list[Token]) -> Title | None:
    """The report's own title: a line that is the title, else the first title named in the opening."""
    best: tuple[int, int, Title] | None = None
    for order, token in enumerate(tokens[:60]):
        for match in _TITLE.finditer(token.norm):
            prefix = _prefix_before(token.norm, match.start())
            start = match.start() - len(prefix)
            if (start > 0 and token.norm[start - 1] in "《〈<") or "关于" in prefix:
                continue  # a title cited inside another (《…格式》, 关于做好…报告的通知), not this report's
            lead = _LEAD_IN.match(prefix)
            if lead:
                prefix, start = prefix[lead.end() :], start + lead.end()
            whole = start == 0 and match.end() >= len(token.norm) - 2
            labelled = bool(_LABELLED_TITLE.match(token.norm[:start]))
            score = 2 if (whole or labelled) else 1
            year, agency = _split_prefix(prefix)
            text, span = token.norm[start : match.end()], token.piece(start, match.end()).span
            if agency is None and whole and order > 0 and _AGENCY_LINE.match(tokens[order - 1].norm):
                # a title printed on two lines: the agency above, the year and the core below
                agency = tokens[order - 1].norm
                text, span = agency + text, tokens[order - 1].span
            title = Title(text, span, year, agency)
            if best is None or score > best[0]:
                best = (score, -order, title)
        if best and best[0] == 2:
            break
    return best[2] if best else None


_PREFIX_CHAR = re.compile(r"[\u4e00-\u9fff\d()]")
_LONGEST_PREFIX = 200  # an agency and a year; more is running text, not a title's prefix


def _prefix_before(norm: str, end: int) -> str:
    """The run of Chinese, digits and brackets that ends at `end` (the title's prefix),
    found walking back from `end`: searching `[…]*$` in the text before it costs the text's
    length squared, and a crawl can put a whole archive on one line."""
    start = end
    while start > 0 and end - start < _LONGEST_PREFIX and _PREFIX_CHAR.match(norm[start - 1]):
        start -= 1
    return norm[start:end]


def _split_prefix(prefix: str) -> tuple[int | None, str | None]:
    prefix = _LEAD_IN.sub("", prefix)
    match = _YEAR_IN_PREFIX.search(prefix)
    year = int(match.group(1)) if match else None
    agency = prefix
    if match:
        agency = prefix[: match.start()] if match.start() > 0 else prefix[match.end() :]
    agency = agency.strip("()_-")
    if len(agency) < 2 or agency.startswith(("我", "本")):  # "本级", "我局": no name given
        return year, None
    return year, agency


def find_year(tokens: list[Token], title: Title | None) -> tuple[int | None, str | None]:
    """The reporting year: the title's, else the statistics period's, else the year the text names most."""
    if title and title.year:
        return title.year, "title"
    text = "".join(t.norm for t in tokens)
    for pattern, source in ((_PERIOD, "period"), (_YEAR_OF_REPORT, "body")):
        match = pattern.search(text)
        if match:
            return int(match.group(1)), source
    counts = Counter(int(y) for y in _ANY_YEAR.findall(text[:6000]))
    if counts:
        return counts.most_common(1)[0][0], "body"
    return None, None


def fee_sentences(text: str) -> list[str]:
    """The sentences of a text that speak of fees."""
    return [
        m.group(0).strip() for m in _SENTENCE.finditer(text) if m.group(0).strip() and _FEE.search(m.group(0))
    ]


def find_fee_statement(tokens: list[Token]) -> Located | None:
    """The sentences of section 六 that speak of fees, read across the lines a PDF or a page wraps."""
    prose = [t for t in tokens if not t.cell]
    text = "".join(t.text.strip() for t in prose)
    starts, offset = [], 0
    for token in prose:
        starts.append(offset)
        offset += len(token.text.strip())
    found = [(m.start(), m.group(0).strip()) for m in _SENTENCE.finditer(text) if _FEE.search(m.group(0))]
    if not found:
        return None
    first = max(i for i, start in enumerate(starts) if start <= found[0][0])
    return Located("".join(s for _, s in found), prose[first].span)


def find_old_signatures(tokens: list[Token], old: Template) -> list[Located]:
    """Labels and citations that only the old template has, each where it first occurs."""
    found: list[Located] = []
    cites_current = any("国办公开办函〔2021〕30号" in t.norm for t in tokens)
    labels = [
        normalise(s) for s in (*old.signatures, *old.pre2019_signatures) if "〔" not in s and "试行" not in s
    ]
    # the tokens' text joined once: each signature is looked for in C, not token by token
    joined = "\x00".join(t.norm for t in tokens)
    starts = list(itertools.accumulate((len(t.norm) + 1 for t in tokens[:-1]), initial=0))
    for signature in (*old.signatures, *old.pre2019_signatures):
        if cites_current and "〔2019〕60号" in signature:
            continue
        needle = normalise(signature)
        at = joined.find(needle) if tokens else -1
        while at != -1:  # the first token holding it where it stands as a label (if it is one)
            n = bisect.bisect_right(starts, at) - 1
            token, start = tokens[n], at - starts[n]
            if needle not in labels or _is_label_here(token.norm, needle, labels):
                found.append(Located(signature, token.piece(start, start + len(needle)).span))
                break
            at = joined.find(needle, starts[n] + len(token.norm) + 1)
    return found


def _is_label_here(norm: str, needle: str, labels: list[str]) -> bool:
    """A label stands as a table label: a cell or line of its own, or among the old template's other labels.

    A sentence that mentions 采购总金额 is not a table drawn on the old template.
    """
    return len(norm) <= len(needle) + 4 or sum(1 for label in labels if label in norm) >= 2
