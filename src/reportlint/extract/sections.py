"""Finding the six section headings, on their own lines or run into the text.

A heading on a line of its own is trusted first. Crawled pages often flatten a whole
report into one line; there a heading is recognised inside the text by its ordinal and
its title (allowing the typos real reports have), and only where it fits between the
headings already found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlint.extract.stream import Token
from reportlint.template import SectionSpec, Template
from reportlint.template.labels import allowed_distance, distance, normalise

_ORDINAL = re.compile(r"([一二三四五六])[、.]")


@dataclass
class Heading:
    section: SectionSpec
    token: int  # index in the token list
    start: int  # normalised offsets of the heading inside the token
    end: int
    standard: bool
    strong: bool  # stands at the start of its own line or block


def find_headings(tokens: list[Token], template: Template) -> tuple[list[Heading], list[Heading]]:
    """The heading of each section found (in template order) and repeated headings."""
    candidates = [c for i, token in enumerate(tokens) for c in _candidates(i, token, template)]
    chosen: dict[str, Heading] = {}
    duplicates: list[Heading] = []
    strong = [c for c in candidates if c.strong]
    # the format's own title wins over a look-alike sub-heading ("二、主动公开方面" inside 一)
    for heading in sorted(strong, key=lambda c: not c.standard):
        if heading.section.key not in chosen:
            chosen[heading.section.key] = heading
        elif heading.standard:
            duplicates.append(heading)
    order = [s.key for s in template.sections]
    for heading in (c for c in candidates if not c.strong):
        key = heading.section.key
        if key in chosen:
            continue
        rank = order.index(key)
        before = [chosen[k] for k in order[:rank] if k in chosen]
        after = [chosen[k] for k in order[rank + 1 :] if k in chosen]
        position = (heading.token, heading.start)
        if all((h.token, h.start) < position for h in before) and all(
            position < (h.token, h.start) for h in after
        ):
            chosen[key] = heading
    return [chosen[k] for k in order if k in chosen], duplicates


def _candidates(index: int, token: Token, template: Template) -> list[Heading]:
    norm = token.norm
    found: list[Heading] = []
    for match in _ORDINAL.finditer(norm):
        after = norm[match.end() :]
        heading = _match_title(after, match.group(1), template)
        if heading is None:
            continue
        section, length, exact = heading
        end = match.end() + length
        strong = match.start() == 0 and len(norm) - end <= 2
        standard = exact and match.group(1) == section.ordinal
        found.append(Heading(section, index, match.start(), end, standard, strong))
    if not found:
        for section in template.sections:
            if norm == normalise(section.title):  # the title without its ordinal
                found.append(Heading(section, index, 0, len(norm), False, True))
    return found


def _match_title(after: str, ordinal: str, template: Template) -> tuple[SectionSpec, int, bool] | None:
    """(section, length of the title in `after`, exact?) for a heading's text after its ordinal."""
    for section in template.sections:
        for title in (section.title, *section.variants):
            norm_title = normalise(title)
            if after.startswith(norm_title):
                return section, len(norm_title), title == section.title
    section = next(s for s in template.sections if s.ordinal == ordinal)
    norm_title = normalise(section.title)
    limit = allowed_distance(norm_title)
    sizes = [n for n in range(len(norm_title) - limit, len(norm_title) + limit + 1) if 0 < n <= len(after)]
    scored = sorted((distance(after[:n], norm_title, limit), abs(n - len(norm_title)), n) for n in sizes)
    if scored and scored[0][0] <= limit:
        return section, scored[0][2], False
    # a short heading of its own with the section's ordinal and keyword ("五、存在的主要问题及整改措施")
    if len(after) <= 20 and any(k in after for k in section.keywords):
        return section, len(after), False
    return None
