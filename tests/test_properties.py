"""Property tests: whatever the input, linting ends in diagnostics, never an exception, and the
same input gives the same output.

Four kinds of input: random bytes given to every reader (by the name's extension), random
text, random tables built from the template's own labels with random cells, and the sample
report with random edits. Each property holds for the result of `lint_bytes` / `lint_text`:
it is a FileResult, it serialises to JSON, no rule crashed (E003), and linting the same
input again gives the same JSON. The example counts are modest so the suite stays fast;
`fuzz/run.py` is the long run.
"""

from __future__ import annotations

import io
import json
import os
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint.api import FileResult, Options, lint_bytes, lint_text
from reportlint.template import load

from conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
EXTENSIONS = [".txt", ".html", ".md", ".docx", ".pdf", ".json", ".yaml"]
OPTIONS = Options(find_config=False)
# REPORTLINT_EXAMPLES=5000 for a long run; the default keeps the suite fast
EXAMPLES = int(os.environ.get("REPORTLINT_EXAMPLES", "40"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def outcome(result: FileResult) -> str:
    """The result as JSON (what must not differ between two runs), after the contract's checks."""
    assert isinstance(result, FileResult)
    codes = [d.code for d in result.diagnostics]
    assert "E003" not in codes, [d.message for d in result.diagnostics if d.code == "E003"]
    return json.dumps(
        [d.to_json() for d in result.diagnostics], ensure_ascii=False, sort_keys=True, allow_nan=False
    )


def lint_twice(name: str, data: bytes) -> None:
    first = outcome(lint_bytes(name, data, OPTIONS))
    assert outcome(lint_bytes(name, data, OPTIONS)) == first


# ── random bytes, every reader ───────────────────────────────────────────────

MAGIC = st.sampled_from(
    [b"", b"PK\x03\x04", b"%PDF-1.4\n", b"<html><body>", b"\xef\xbb\xbf", b"\xff\xfe", b"{", b"template: "]
)


@FAST
@given(extension=st.sampled_from(EXTENSIONS), head=MAGIC, body=st.binary(max_size=2000))
def test_random_bytes_to_every_reader(extension: str, head: bytes, body: bytes) -> None:
    lint_twice(f"report{extension}", head + body)


def _package(document: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document)
    return out.getvalue()


_CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@FAST
@given(
    body=st.lists(
        st.one_of(
            st.text(max_size=30).map(lambda t: f"<w:p><w:r><w:t>{_escape(t)}</w:t></w:r></w:p>"),
            st.lists(st.text(max_size=8), min_size=1, max_size=6).map(
                lambda cells: (
                    "<w:tbl><w:tr>"
                    + "".join(f"<w:tc><w:p><w:r><w:t>{_escape(c)}</w:t></w:r></w:p></w:tc>" for c in cells)
                    + "</w:tr></w:tbl>"
                )
            ),
            st.sampled_from(
                ["<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", "<w:p>", "</w:p>", "<x/>", "&amp;"]
            ),
        ),
        max_size=20,
    )
)
def test_random_word_documents(body: list[str]) -> None:
    """A package that opens, with random (possibly broken) XML for its body."""
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body>{"".join(body)}</w:body></w:document>'
    lint_twice("report.docx", _package(xml.encode()))


def _escape(text: str) -> str:
    clean = "".join(
        c
        for c in text
        if c in "\t\n\r" or (c >= " " and c not in "\ufffe\uffff" and not "\ud800" <= c <= "\udfff")
    )
    return clean.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ── random text ──────────────────────────────────────────────────────────────


@FAST
@given(text=st.text(max_size=3000))
def test_random_text(text: str) -> None:
    first = outcome(lint_text(text, "r.txt", OPTIONS))
    assert outcome(lint_text(text, "r.txt", OPTIONS)) == first
    lint_twice("r.txt", text.encode("utf-8", "surrogatepass"))


# ── random tables from the template's labels ─────────────────────────────────

TEMPLATE = load("gov-2021")
ROWS = [(row.label, len(row.columns)) for spec in TEMPLATE.tables.values() for row in spec.rows]
HEADINGS = [f"{s.ordinal}、{s.title}" for s in TEMPLATE.sections]
CELLS = st.one_of(
    st.integers(-5, 10**6).map(str),
    st.sampled_from(
        [
            "",
            "/",
            "-",
            "—",
            "０１２",
            "一千二百",
            "1.5",
            "5000元",
            "9" * 1000,
            "１，２００",
            "暂无",
            "0 0",
            "−3",
        ]
    ),
    st.text(alphabet="0123456789,.，-", max_size=12),
)


@st.composite
def reports(draw: st.DrawFn) -> str:
    """A report in text: title, the section headings, and rows of the template with random cells."""
    lines = [draw(st.sampled_from(["某某局2024年政府信息公开工作年度报告", "", "2023年度报告"]))]
    headings = draw(st.lists(st.sampled_from(HEADINGS), max_size=8))
    for heading in headings or [""]:
        lines.append(heading)
        for label, width in draw(st.lists(st.sampled_from(ROWS), max_size=12)):
            cells = draw(st.lists(CELLS, min_size=0, max_size=width + 2))
            separator = draw(st.sampled_from(["\t", " | ", " "]))
            lines.append(separator.join([label, *cells]))
    return "\n".join(lines) + "\n"


@FAST
@given(report=reports())
def test_random_tables(report: str) -> None:
    first = outcome(lint_text(report, "r.txt", OPTIONS))
    assert outcome(lint_text(report, "r.txt", OPTIONS)) == first
    lint_twice("r.md", report.encode())


# ── the sample report with random edits ──────────────────────────────────────


@st.composite
def edited(draw: st.DrawFn) -> str:
    """The sample with a few random edits: cut, insert, duplicate a line, swap two lines."""
    text = SEED_TEXT
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["cut", "insert", "duplicate", "swap", "digits"]))
        at = draw(st.integers(0, len(text)))
        if kind == "cut":
            text = text[:at] + text[at + draw(st.integers(1, 200)) :]
        elif kind == "insert":
            text = text[:at] + draw(st.text(max_size=20)) + text[at:]
        elif kind == "digits":
            text = (
                text[:at]
                + draw(st.sampled_from(["9" * 40, "０１２", "一千二百", "-7", "\x00", "\t\t"]))
                + text[at:]
            )
        else:
            lines = text.split("\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            if kind == "duplicate":
                lines.insert(j, lines[i])
            else:
                lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
    return text


@FAST
@given(text=edited(), encoding=st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_the_sample_with_random_edits(text: str, encoding: str) -> None:
    data = text.encode(encoding, "replace")
    lint_twice("r.txt", data)
