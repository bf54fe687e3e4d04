"""The report templates (gov-2021, gov-2019) as data, and the choice of template by year."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlint.resources import load_data_yaml
from reportlint.template.labels import normalise

TEMPLATE_IDS = ("gov-2021", "gov-2019")


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    label: str
    en: str
    kind: str = "count"  # count | amount
    unit: str | None = None
    signed: bool = False


@dataclass(frozen=True)
class RowSpec:
    key: str
    label: str
    en: str
    columns: tuple[ColumnSpec, ...]
    caption: str | None = None


@dataclass(frozen=True)
class GroupSpec:
    """A group of rows that a report may print as one row of its own (its label and the sum)."""

    key: str
    label: str
    en: str
    rows: tuple[str, ...]


@dataclass(frozen=True)
class SectionSpec:
    key: str
    ordinal: str
    title: str
    en: str
    keywords: tuple[str, ...]
    variants: tuple[str, ...] = ()

    @property
    def heading(self) -> str:
        return f"{self.ordinal}、{self.title}"


@dataclass(frozen=True)
class TableSpec:
    key: str
    section: str
    name: str
    en: str
    layout: str  # rows: each row starts with its label; flat: one line of figures after the header
    rows: tuple[RowSpec, ...]
    headers: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    condensed: tuple[GroupSpec, ...] = ()

    @functools.cached_property
    def columns(self) -> tuple[ColumnSpec, ...]:
        seen: dict[str, ColumnSpec] = {}
        for row in self.rows:
            for column in row.columns:
                seen.setdefault(column.key, column)
        return tuple(seen.values())

    def row(self, key: str) -> RowSpec:
        return next(r for r in self.rows if r.key == key)

    @functools.cached_property
    def vocabulary(self) -> dict[str, tuple[str, str, str]]:
        """Normalised label → (kind, key, label as the template writes it)."""
        vocab: dict[str, tuple[str, str, str]] = {}
        for text in self.headers:
            vocab[normalise(text)] = ("header", text, text)
        for text in self.groups:
            vocab[normalise(text)] = ("group", text, text)
        for text in self.captions:
            vocab[normalise(text)] = ("caption", text, text)
        for column in self.columns:
            vocab.setdefault(normalise(column.label), ("column", column.key, column.label))
        for row in self.rows:
            vocab[normalise(row.label)] = ("row", row.key, row.label)
        return vocab


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    first_year: int
    last_year: int | None
    sections: tuple[SectionSpec, ...]
    tables: dict[str, TableSpec]
    signatures: tuple[str, ...] = field(default=())
    pre2019_signatures: tuple[str, ...] = field(default=())

    def section(self, key: str) -> SectionSpec:
        return next(s for s in self.sections if s.key == key)


def _columns(raw: list[dict[str, Any]]) -> tuple[ColumnSpec, ...]:
    return tuple(ColumnSpec(**item) for item in raw)


def _table(key: str, raw: dict[str, Any]) -> TableSpec:
    rows: list[RowSpec] = []
    captions: list[str] = []
    for block in raw["blocks"]:
        caption = block.get("caption")
        if caption:
            captions.append(caption)
        columns = _columns(block["columns"])
        rows += [RowSpec(r["key"], r["label"], r["en"], columns, caption) for r in block["rows"]]
    return TableSpec(
        key=key,
        section=str(raw["section"]),
        name=str(raw["name"]),
        en=str(raw["en"]),
        layout=str(raw["layout"]),
        rows=tuple(rows),
        headers=tuple(raw.get("headers", ())),
        groups=tuple(raw.get("groups", ())),
        captions=tuple(captions),
        condensed=tuple(
            GroupSpec(g["key"], g["label"], g["en"], tuple(g["rows"])) for g in raw.get("condensed", ())
        ),
    )


@functools.cache
def load(template_id: str) -> Template:
    if template_id not in TEMPLATE_IDS:
        raise KeyError(f"unknown template {template_id!r}; known: {', '.join(TEMPLATE_IDS)}")
    text = (Path(__file__).parent / f"{template_id}.yaml").read_text(encoding="utf-8")
    raw = load_data_yaml(text)
    sections = tuple(
        SectionSpec(
            key=s["key"],
            ordinal=s["ordinal"],
            title=s["title"],
            en=s["en"],
            keywords=tuple(s["keywords"]),
            variants=tuple(s.get("variants", ())),
        )
        for s in raw["sections"]
    )
    return Template(
        id=raw["id"],
        name=raw["name"],
        first_year=raw["first_year"],
        last_year=raw["last_year"],
        sections=sections,
        tables={key: _table(key, value) for key, value in raw["tables"].items()},
        signatures=tuple(raw.get("signatures", ())),
        pre2019_signatures=tuple(raw.get("pre2019_signatures", ())),
    )


def for_year(year: int | None) -> Template:
    """The template a report for `year` must follow: 2019–2020 the trial format, later the 2021 one."""
    if year is not None and year <= 2020:
        return load("gov-2019")
    return load("gov-2021")
