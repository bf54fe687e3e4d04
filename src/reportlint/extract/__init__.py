"""Document → Report: the template-driven extractor, written once for every format."""

from __future__ import annotations

from collections.abc import Sequence

from reportlint.document import Document
from reportlint.extract.fused import Identity
from reportlint.extract.meta import find_fee_statement, find_old_signatures, find_title, find_year
from reportlint.extract.sections import Heading, find_headings
from reportlint.extract.stream import Token, build
from reportlint.extract.tables import extract_table
from reportlint.model import Located, Paragraph, Report, Section
from reportlint.template import Template, for_year, load


def extract(
    document: Document,
    template_id: str | None = None,
    year: int | None = None,
    identities: Sequence[Identity] = (),
) -> Report:
    """Read a Document as a report; `template_id` and `year` override what the text says.

    `identities` (the rule packs' table identities) let rows whose digits ran together be
    recovered; without them such rows stay not assessable.
    """
    tokens = build(document)
    title = find_title(tokens)
    found_year, year_source = find_year(tokens, title)
    if year is not None:
        found_year, year_source = year, "config"
    template = load(template_id) if template_id else for_year(found_year)
    old_signatures = find_old_signatures(tokens, load("gov-2019")) if template.first_year >= 2021 else []
    if not template_id and _drawn_on(old_signatures):
        template = load("gov-2019")  # read the tables as drawn; L202 says they are the wrong ones
    report = Report(path=document.path, template=template.id, year=found_year, year_source=year_source)
    report.old_template_signatures = old_signatures
    if title:
        report.title, report.title_span, report.agency = title.text, title.span, title.agency

    tokens = _drop_cut_off_label(tokens, template)
    headings, duplicates = find_headings(tokens, template)
    tokens, regions = _cut_sections(tokens, headings)
    order = sorted(range(len(headings)), key=lambda i: (headings[i].token, headings[i].start))
    for position, i in enumerate(order):
        heading, (first, last) = headings[i], regions[i]
        report.sections.append(
            Section(
                key=heading.section.key,
                found=True,
                heading=tokens[first - 1].text.strip(),
                standard=heading.standard,
                span=tokens[first - 1].span,
                text="\n".join(t.text.strip() for t in tokens[first:last] if not t.cell),
                position=position,
                paragraphs=_paragraphs(tokens[first:last]),
            )
        )
    report.preamble = _paragraphs(tokens[: min((r[0] for r in regions), default=len(tokens)) - 1])
    found_keys = {h.section.key for h in headings}
    report.sections += [Section(key=s.key, found=False) for s in template.sections if s.key not in found_keys]
    report.sections.sort(key=lambda s: [t.key for t in template.sections].index(s.key))
    report.duplicate_sections = [Located(f"{h.section.ordinal}、{h.section.title}", None) for h in duplicates]

    _read_tables(report, template, tokens, headings, regions, identities)
    other = next((r for h, r in zip(headings, regions, strict=True) if h.section.key == "other"), None)
    if other:
        report.fee_statement = find_fee_statement(tokens[other[0] : other[1]])
    return report


def _drawn_on(signatures: list[Located]) -> bool:
    """The tables themselves carry the old template's labels (not just a citation of it)."""
    drawn = load("gov-2019").signatures
    return sum(1 for s in signatures if s.text in drawn and "〔" not in s.text and "试行" not in s.text) >= 2


def _drop_cut_off_label(tokens: list[Token], template: Template) -> list[Token]:
    """A file that stops in the middle of a label ("行政强") ends on a fragment, not on a typo."""
    if not tokens:
        return tokens
    last = tokens[-1].norm
    labels = (label for table in template.tables.values() for label in table.vocabulary)
    if len(last) >= 2 and any(label != last and label.startswith(last) for label in labels):
        return tokens[:-1]
    return tokens


def _paragraphs(tokens: list[Token]) -> list[Paragraph]:
    """The prose among tokens (not table cells), each able to locate a phrase in the source."""
    out = []
    for token in tokens:
        text = token.text
        stripped = text.strip()
        if stripped and not token.cell:
            lead = len(text) - len(text.lstrip())
            out.append(Paragraph(stripped, token.span, token.fragment, token.start + lead))
    return out


def _cut_sections(tokens: list[Token], headings: list[Heading]) -> tuple[list[Token], list[tuple[int, int]]]:
    """Give every heading a token of its own; return each section's token range (after its heading)."""
    cuts: dict[int, list[tuple[int, int]]] = {}
    for h in headings:
        cuts.setdefault(h.token, []).append((h.start, h.end))
    result: list[Token] = []
    starts: dict[tuple[int, int], int] = {}
    for i, token in enumerate(tokens):
        if i not in cuts:
            result.append(token)
            continue
        ranges = sorted(cuts[i])
        for piece in token.split_at(ranges):
            result.append(piece)
            for a, b in ranges:
                if piece.start == token.index[a] and piece.end == token.index[b - 1] + 1:
                    starts[(i, a)] = len(result)
    heading_starts = sorted(starts[(h.token, h.start)] for h in headings)
    regions = []
    for h in headings:
        first = starts[(h.token, h.start)]
        later = [s for s in heading_starts if s > first]
        regions.append((first, (later[0] - 1) if later else len(result)))
    return result, regions


_ROWS_TO_CLAIM_A_TABLE = 3  # rows of a table found under another section's heading before it counts


def _read_tables(
    report: Report,
    template: Template,
    tokens: list[Token],
    headings: list[Heading],
    regions: list[tuple[int, int]],
    identities: Sequence[Identity],
) -> None:
    region_of = {h.section.key: r for h, r in zip(headings, regions, strict=True)}
    keys = [s.key for s in template.sections]
    for spec in template.tables.values():
        borrowed = spec.section not in region_of
        if borrowed:
            # the heading is missing: the table may have run on in the section before it
            earlier = [region_of[k] for k in keys[: keys.index(spec.section)] if k in region_of]
            if not earlier or spec.layout != "rows":
                continue
            region = earlier[-1]
        else:
            region = region_of[spec.section]
        result = extract_table(spec, tokens[region[0] : region[1]], identities, template.id)
        if borrowed and len(result.data.rows) < _ROWS_TO_CLAIM_A_TABLE:
            continue
        report.tables[spec.key] = result.data
        report.labels += result.labels
        if result.missing_rows:
            report.missing_rows[spec.key] = result.missing_rows
        report.unexpected_rows += result.unexpected_rows
        report.unaligned_rows += result.unaligned_rows
        report.recovered_rows += result.recovered_rows
