"""Template-driven table extraction: find each row label, align the figures that follow it.

The same procedure serves every layout. Within a table's region of the token stream:

1. cut labels out of tokens that hold labels and figures run together ("四、结转下年度
   继续办理 0 0 0 0 0 0 0", or a crawl's fused line) and split figures printed with spaces;
2. classify every token: a template label (exactly, or within a typo's distance), a
   figure, a blank cell, or other text;
3. take the row labels in template order and, after each, the figures of its physical
   row — or, where a row holds fewer slots than the template has columns (one cell per
   line), the figures of the following rows;
4. align the figures with the template's columns (`align`).

Blank cells stay blank. A row whose figures cannot be aligned is kept as not assessable,
never guessed.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlint.extract.fused import FusedRow, Identity, resolve
from reportlint.extract.stream import NOT_APPLICABLE, VALUE, Token, is_value_text, is_values
from reportlint.model import FIGURE_DIGITS, CellValue, LabelFinding, Located, TableData
from reportlint.template import RowSpec, TableSpec
from reportlint.template.labels import nearest

LABEL_KINDS = ("row", "column", "header", "group", "caption")
_HEADER_LABELS_FOR_A_TABLE = 3


@dataclass
class Classified:
    token: Token
    kind: str  # row | column | header | group | caption | value | blank | text
    key: str = ""
    expected: str = ""  # the template's label, for a fuzzy match
    exact: bool = True


@dataclass
class TableResult:
    data: TableData
    labels: list[LabelFinding]
    missing_rows: list[str]
    unexpected_rows: list[Located]
    unaligned_rows: list[Located]
    recovered_rows: list[Located] = field(default_factory=list)


@dataclass
class _Found:
    """What reading a table's rows collects besides the cells."""

    unaligned: list[Located] = field(default_factory=list)
    fused: list[FusedRow] = field(default_factory=list)


def extract_table(
    spec: TableSpec, tokens: list[Token], identities: Sequence[Identity] = (), template_id: str = ""
) -> TableResult:
    items = classify(spec, _cut_labels(spec, tokens))
    labels = [
        LabelFinding(spec.key, c.kind, c.key, c.expected, c.token.text, c.token.span)
        for c in items
        if c.kind in LABEL_KINDS and not c.exact
    ]
    data = TableData(spec.key)
    found = _Found()
    if spec.layout == "flat":
        missing = [] if _read_flat(spec, items, data, found) else [r.key for r in spec.rows]
    else:
        missing = _read_rows(spec, items, data, found)
    recovered, not_recovered = resolve(spec, data, found.fused, identities, template_id)
    headers = {c.key for c in items if c.kind in ("header", "caption", "column") and c.exact}
    # a table cut short after its header is still the table: its rows are what is missing
    data.found = len(missing) < len(spec.rows) or len(headers) >= _HEADER_LABELS_FOR_A_TABLE
    label_tokens = [c.token for c in items if c.kind in LABEL_KINDS]
    if data.found and label_tokens:
        first, last = label_tokens[0].span, items[-1].token.span
        # a table's range in a line-based source; where cells have their own locators, its first label
        data.span = (
            first if first.locator else type(first)(first.line, first.column, last.end_line, last.end_column)
        )
    unexpected = _unexpected_rows(spec, items) if data.found else []
    unaligned = found.unaligned + not_recovered
    return TableResult(data, labels, missing if data.found else [], unexpected, unaligned, recovered)


# -- 1. cutting labels out of run-together text -------------------------------------------


def _cut_labels(spec: TableSpec, tokens: list[Token]) -> list[Token]:
    vocab = spec.vocabulary
    ordered = tuple(sorted((n for n in vocab if len(n) >= 2), key=len, reverse=True))
    result: list[Token] = []
    for token in tokens:
        if token.cell and (token.norm in vocab or not token.norm):
            result.append(token)
            continue
        cuts = _label_cuts(token.norm, ordered)
        pieces = token.split_at(cuts) if cuts and _is_table_material(token, cuts) else [token]
        for piece in pieces:
            if not piece.cell and piece.norm not in vocab and is_values(piece):
                result += piece.words()
            else:
                result.append(piece)
    return result


def _label_cuts(norm: str, ordered: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """Where the labels (longest first) stand in the text, without overlapping. Reports repeat
    the same cells and labels, so short texts are answered from a cache."""
    if len(norm) < 2:  # every label has two characters or more
        return ()
    if len(norm) <= _CACHED_TEXT:
        return _label_cuts_cached(norm, ordered)
    return _find_label_cuts(norm, ordered)


_CACHED_TEXT = 80  # longer texts (prose, a hostile file's one line) are not kept


@functools.lru_cache(maxsize=8192)
def _label_cuts_cached(norm: str, ordered: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    return _find_label_cuts(norm, ordered)


def _find_label_cuts(norm: str, ordered: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    taken = [False] * len(norm)
    cuts: list[tuple[int, int]] = []
    for label in ordered:
        start = norm.find(label)
        while start != -1:
            end = start + len(label)
            if not any(taken[start:end]):
                cuts.append((start, end))
                taken[start:end] = [True] * (end - start)
            start = norm.find(label, end)
    return tuple(sorted(cuts))


def _is_table_material(token: Token, cuts: Sequence[tuple[int, int]]) -> bool:
    """Cut a token only if it is labels and figures, not a sentence that names a label."""
    if len(cuts) == 1 and cuts[0] == (0, len(token.norm)):
        return False
    rest = []
    cursor = 0
    for a, b in cuts:
        rest.append(token.piece(cursor, a) if a > cursor else None)
        cursor = b
    rest.append(token.piece(cursor, len(token.norm)) if cursor < len(token.norm) else None)
    stray = sum(len(p.norm) for p in rest if p is not None and not is_values(p))
    if len(cuts) == 1:
        return stray == 0
    return stray <= 0.2 * len(token.norm)


# -- 2. classification ---------------------------------------------------------------------


def classify(spec: TableSpec, tokens: list[Token]) -> list[Classified]:
    vocab = spec.vocabulary
    by_norm = {norm: norm for norm in vocab}
    items: list[Classified] = []
    pending = ""  # the rest of a label wrapped onto a later line
    cut_rest = ""  # the rest of a merged cell's label that a page break cut, in a cell of the next page
    skip = False
    for i, token in enumerate(tokens):
        if skip:
            skip = False
            continue
        norm = token.norm
        if cut_rest and token.cell and norm == cut_rest:
            cut_rest = ""
            continue
        if pending and norm.startswith(pending) and not token.cell:
            # the second half of a wrapped label: drop it, keep any figures after it
            rest = token.piece(len(pending), len(norm)) if len(norm) > len(pending) else None
            pending = ""
            if rest is not None and is_values(rest):
                items += [Classified(word, "value") for word in rest.words()]
            continue
        if not norm:
            items.append(Classified(token, "blank"))
        elif norm in vocab:
            kind, key, _ = vocab[norm]
            items.append(Classified(token, kind, key))
        elif is_value_text(token.folded):
            items.append(Classified(token, "value"))
        elif i + 1 < len(tokens) and (norm + tokens[i + 1].norm) in vocab and _short(token, tokens[i + 1]):
            # a header cell broken over two lines ("商业" / "企业")
            joined = tokens[i + 1]
            merged = Token(
                token.fragment, token.start, token.end, norm + joined.norm, token.index, token.row, token.cell
            )
            kind, key, _ = vocab[merged.norm]
            items.append(Classified(merged, kind, key))
            skip = True
        elif token.cell and (cut := _cut_by_page(norm, tokens[i + 1 : i + 1 + _CUT_LOOKAHEAD], vocab)):
            kind, key, _ = vocab[cut]
            items.append(Classified(token, kind, key))
            cut_rest = cut[len(norm) :]
        elif (wrapped := _wrapped_label(token, vocab)) is not None:
            label, start, end = wrapped
            kind, key, _ = vocab[label]
            items.append(Classified(token.piece(start, end), kind, key))
            if end < len(norm):
                items += [Classified(word, "value") for word in token.piece(end, len(norm)).words()]
            pending = label[end - start :]
        else:
            match = nearest(norm, by_norm) if len(norm) <= 60 else None
            if match is not None:
                kind, key, label = vocab[match[0]]
                items.append(Classified(token, kind, key, expected=label, exact=False))
            else:
                items.append(Classified(token, "text"))
    return items


_WRAPPED_PREFIX = 6  # characters of a long label that identify it when the rest wrapped to the next line
_SCRAP = 4  # characters of another label's scrap that may run into the start of a line


_CUT_LOOKAHEAD = 60  # tokens: a row or two of table 三, to the top of the next page


def _cut_by_page(norm: str, following: list[Token], vocab: dict[str, tuple[str, str, str]]) -> str:
    """The label a cell's text begins, where the rest of it stands alone in a cell that follows.

    A merged cell cut by a page break prints "（五）不予处" at the foot of one page and "理" at
    the top of the next; a person reads （五）不予处理. Only where the rest is found: a label
    cut short in the report itself stays a typo (L201).
    """
    if len(norm) < 4:
        return ""
    cuts = [label for label in vocab if label.startswith(norm) and 0 < len(label) - len(norm) <= 3]
    if len(cuts) != 1:
        return ""
    rest = cuts[0][len(norm) :]
    return cuts[0] if any(t.cell and t.norm == rest for t in following) else ""


def _wrapped_label(token: Token, vocab: dict[str, tuple[str, str, str]]) -> tuple[str, int, int] | None:
    """(label, where its first part starts, where it ends) for a long label wrapped over lines.

    A narrow column wraps a long label ("（二）部分公开（区分处理的，只计这一情形，" / "不计其他情形）"),
    the figures may stand after either part, and in a PDF text layer a scrap of a merged
    cell's label ("其他处") may run into the line before it.
    """
    norm = token.norm
    found = []
    for offset in range(0, _SCRAP + 1):
        if offset and not any(norm[:offset] in label for label in vocab):
            break
        for label in vocab:
            if len(label) <= _WRAPPED_PREFIX + 2:
                continue
            size = 0
            while offset + size < len(norm) and size < len(label) and norm[offset + size] == label[size]:
                size += 1
            end = offset + size
            if _WRAPPED_PREFIX <= size < len(label) and (
                end == len(norm) or is_values(token.piece(end, len(norm)))
            ):
                found.append((label, offset, end))
        if found:
            break
    return found[0] if len(found) == 1 else None


def _short(a: Token, b: Token) -> bool:
    return len(a.norm) <= 6 and len(b.norm) <= 6


# -- 3. rows -------------------------------------------------------------------------------


def _read_rows(spec: TableSpec, items: list[Classified], data: TableData, found: _Found) -> list[str]:
    order = [row.key for row in spec.rows]
    hits: dict[str, int] = {}
    next_rank = 0
    for i, item in enumerate(items):
        if item.kind == "row" and item.key not in hits:
            rank = order.index(item.key)
            if rank >= next_rank:
                hits[item.key] = i
                next_rank = rank + 1
    for key, i in hits.items():
        row = spec.row(key)
        slots = _slots_after(items, i, len(row.columns))
        _fill(spec, (row,), items[i].token, slots, data, found)
    _read_condensed(spec, items, data, found, set(hits))
    return [key for key in order if key not in hits]


def _read_condensed(
    spec: TableSpec, items: list[Classified], data: TableData, found: _Found, hits: set[str]
) -> None:
    """A group's label with figures of its own and none of its rows: the group printed as one row."""
    for group in spec.condensed:
        if hits & set(group.rows):
            continue
        at = next((i for i, c in enumerate(items) if c.kind == "group" and c.key == group.label), None)
        if at is None:
            continue
        member = spec.row(group.rows[0])
        slots = _slots_after(items, at, len(member.columns))
        if not any(s.kind == "value" for s in slots):
            continue
        scratch, aside = TableData(spec.key), _Found()
        condensed_row = RowSpec(group.key, group.label, group.en, member.columns)
        _fill(spec, (condensed_row,), items[at].token, slots, scratch, aside)
        if aside.fused or aside.unaligned:  # figures that do not fit the columns: not a row to sum
            text = " ".join(s.token.text for s in slots)
            found.unaligned.append(Located(f"{group.label}: {text}", slots[0].token.span, spec.key))
            continue
        data.groups[group.key] = scratch.rows[group.key]
        data.row_spans[group.key] = scratch.row_spans[group.key]


def _slots_after(items: list[Classified], i: int, wanted: int) -> list[Classified]:
    """The figures that belong to the label at items[i]."""
    return _collect(items, i + 1, items[i].token.row, wanted)


def _collect(items: list[Classified], k: int, row: int, wanted: int) -> list[Classified]:
    """Slots from items[k] on: the rest of physical row `row`, or more rows if it is too short."""
    same_row: list[Classified] = []
    while k < len(items) and items[k].token.row == row and items[k].kind not in LABEL_KINDS:
        same_row.append(items[k])
        k += 1
    if len(same_row) >= wanted or sum(1 for s in same_row if s.kind != "blank") >= wanted:
        return same_row
    # one cell per line: keep reading figures from the following rows
    slots = [s for s in same_row if s.kind != "blank"]
    while k < len(items) and len(slots) < wanted:
        item = items[k]
        if item.kind in LABEL_KINDS or item.kind == "text":
            break
        if item.kind == "value":
            slots.append(item)
        k += 1
    return slots if slots or not same_row else same_row


def _read_flat(spec: TableSpec, items: list[Classified], data: TableData, found: _Found) -> bool:
    """A table printed as one line of figures under its header (section 四).

    The figures are the first row that holds only figures (two or more), after the header
    if there is one; a header whose figures are fused or spread one per line is read from
    its first figure on.
    """
    wanted = sum(len(r.columns) for r in spec.rows)
    first_label = next((i for i, c in enumerate(items) if c.kind in LABEL_KINDS), None)
    rows: dict[int, list[Classified]] = {}
    for item in items[first_label or 0 :]:
        rows.setdefault(item.token.row, []).append(item)
    slots: list[Classified] | None = None
    for row_items in rows.values():
        figures = [c for c in row_items if c.kind == "value" and not NOT_APPLICABLE.match(c.token.folded)]
        if len(figures) >= 2 and all(c.kind in ("value", "blank") for c in row_items):
            slots = row_items
            break
    if slots is None:
        if first_label is None:
            return False
        start = next((i for i in range(first_label, len(items)) if items[i].kind == "value"), None)
        headers = sum(1 for c in items if c.kind in LABEL_KINDS)
        if start is None and headers < 3:
            return False
        # a header without figures is a table left empty: every cell is missing
        slots = _collect(items, start, items[start].token.row, wanted) if start is not None else []
    anchor = items[first_label].token if first_label is not None else slots[0].token
    _fill(spec, spec.rows, anchor, slots, data, found)
    return True


# -- 4. alignment --------------------------------------------------------------------------


def align(slots: list[Classified], wanted: int) -> list[Classified | None] | str:
    """Fit the slots after a label to `wanted` columns.

    Returns the aligned slots (None where the row has no cell), or "fused" when figures
    have run together, or "unaligned" when there are more figures than columns.
    """
    filled: list[Classified | None] = [s for s in slots if s.kind != "blank"]
    if len(slots) == wanted:
        return list(slots)
    if len(filled) == wanted:
        return filled
    if len(slots) > wanted:
        trimmed = list(slots)
        while len(trimmed) > wanted and trimmed[0].kind == "blank":
            trimmed.pop(0)
        while len(trimmed) > wanted and trimmed[-1].kind == "blank":
            trimmed.pop()
        return list(trimmed) if len(trimmed) == wanted else "unaligned"
    if all(s.token.cell for s in slots):
        return [*slots, *([None] * (wanted - len(slots)))]  # a table cut short: the rest is missing
    # figures from running text, fewer than the columns: where the gaps are is unknown
    runs = [s.token.folded for s in slots if s.kind != "blank"]
    return "fused" if any(len(r) > 1 and not NOT_APPLICABLE.match(r) for r in runs) else "unaligned"


def _fill(
    spec: TableSpec,
    rows: tuple[RowSpec, ...],
    label: Token,
    slots: list[Classified],
    data: TableData,
    found: _Found,
) -> None:
    """Put the slots after a label into the cells of `rows` (one row, or all rows of a flat table)."""
    columns = [(row, column) for row in rows for column in row.columns]
    aligned = align(slots, len(columns))
    for row in rows:
        data.rows[row.key] = {}
        data.row_spans[row.key] = label.span
    if isinstance(aligned, str):
        text = " ".join(s.token.text for s in slots)
        span = slots[0].token.span if slots else label.span
        for row, column in columns:
            data.rows[row.key][column.key] = CellValue(aligned, raw=text, span=span)
        if aligned == "fused":
            found.fused.append(FusedRow(rows, label, [s.token for s in slots]))
        else:
            name = rows[0].label if len(rows) == 1 else spec.name
            found.unaligned.append(Located(f"{name}: {text}", span, spec.key))
        return
    for (row, column), slot in zip(columns, aligned, strict=True):
        data.rows[row.key][column.key] = read_cell(slot)


def read_cell(slot: Classified | None) -> CellValue:
    if slot is None:
        return CellValue("missing")
    token = slot.token
    raw = token.text.strip()
    if slot.kind == "blank":
        return CellValue("blank", raw=raw, span=token.span)
    folded = token.folded
    if NOT_APPLICABLE.match(folded):
        return CellValue("na", raw=raw, span=token.span)
    match = VALUE.match(folded)
    if match is None:
        return CellValue("text", raw=raw, span=token.span)
    number = match.group("number").replace(",", "").replace("，", "").replace("−", "-")
    if len(number.lstrip("-").split(".")[0]) > FIGURE_DIGITS:  # no count is that long (V301)
        return CellValue("text", raw=raw, span=token.span)
    value: int | float = float(number) if "." in number else int(number)
    return CellValue("number", raw=raw, value=value, span=token.span, unit=match.group("unit"))


def _unexpected_rows(spec: TableSpec, items: list[Classified]) -> list[Located]:
    """A row of its own whose first cell is unknown text followed by figures: a row the template lacks."""
    if spec.layout != "rows":
        return []
    rows = [i for i, c in enumerate(items) if c.kind == "row"]
    if not rows:
        return []
    labelled = {items[i].token.row for i in rows}
    found = []
    for i in range(rows[0], rows[-1]):
        item = items[i]
        if item.kind != "text" or not item.token.cell or item.token.row in labelled:
            continue  # text in a row the template names is that row's cell, not a new row
        after = [c for c in items[i + 1 :] if c.token.row == item.token.row]
        values = [c for c in after if c.kind == "value"]
        if len(values) >= 2 and all(c.kind in ("value", "blank") for c in after):
            found.append(Located(item.token.text, item.token.span, spec.key))
    return found
