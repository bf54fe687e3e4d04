"""Hostile input: every case ends in diagnostics or a clean result, fast, small, and the run goes on.

Each case is a file nobody should have to trust — a zip bomb named .docx, XML that reaches
for /etc/passwd, a page nested 100,000 levels deep, 200 MB of text — linted by the command
line in a subprocess of its own, next to a good report. The case passes when

- the hostile file gets the outcome written beside it (a diagnostic, or none of E003),
- the good report of the same run is still linted (its W901 is there),
- the exit status is 0 or 1 and stderr holds no traceback,
- the run took under 10 s and under 500 MiB (measured in the child).

The rest are run in-process: a file that disappears or becomes a folder between being
found and being read, no network connection opened, configuration that tries to run code,
and `--fix` killed mid-write leaving the original intact.
"""

from __future__ import annotations

import functools
import io
import json
import socket
import struct
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from reportlint.api import Options, lint_paths, parse_file
from reportlint.model import Report
from reportlint.writers import render

from conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
SECONDS, MIB = 10.0, 500
MB = 1024 * 1024

# the child reports its own peak memory on its last stderr line
_CHILD = """
import resource, sys
from reportlint.cli import main
try:
    code = main(sys.argv[1:])
finally:
    sys.stderr.write("\\nmaxrss_kib=%d\\n" % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
sys.exit(code)
"""


@dataclass
class Outcome:
    status: int
    diagnostics: list[dict[str, object]]
    stderr: str
    seconds: float
    mib: float

    def codes(self, path: Path) -> set[str]:
        return {str(d["code"]) for d in self.diagnostics if d["path"] == str(path)}

    def messages(self, path: Path) -> str:
        return "\n".join(str(d["message"]) for d in self.diagnostics if d["path"] == str(path))


def check(*paths: Path, cwd: Path | None = None) -> Outcome:
    """`reportlint check --format json --lang en PATHS` in a child, timed and measured."""
    started = time.monotonic()
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _CHILD,
            "check",
            "--format",
            "json",
            "--lang",
            "en",
            "--no-cache",
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        timeout=SECONDS * 3,  # a hang fails here; the 10 s bound is asserted below
        cwd=cwd,
    )
    seconds = time.monotonic() - started
    stderr, _, rss = done.stderr.rpartition("maxrss_kib=")
    return Outcome(done.returncode, json.loads(done.stdout or "[]"), stderr, seconds, int(rss or 0) / 1024)


# ── building the hostile files ───────────────────────────────────────────────


@functools.cache
def seed_report() -> Report:
    """The sample's model (read once: many cases render it)."""
    report = parse_file(str(SEED)).report
    assert report is not None
    return report


def docx_bytes() -> bytes:
    return render(seed_report(), "docx")


def rezip(package: bytes, change: dict[str, Callable[[bytes], bytes]] | None = None) -> bytes:
    """The package with some parts changed."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            archive.writestr(info.filename, (change or {}).get(info.filename, lambda b: b)(data))
    return out.getvalue()


def with_dtd(dtd: bytes, reference: bytes) -> Callable[[bytes], bytes]:
    """A part with a DTD after its XML declaration and an entity reference in its first text run."""

    def change(xml: bytes) -> bytes:
        head, _, rest = xml.partition(b"?>")
        return head + b"?>" + dtd + rest.replace(b"<w:t>", b"<w:t>" + reference, 1)

    return change


XXE = b'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
LAUGHS = (
    b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>"
)


def stated_size(package: bytes, name: bytes, size: int, local_too: bool = False) -> bytes:
    """The package with the unpacked size of entry `name` restated (central directory, local header)."""
    data = bytearray(package)
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        (length,) = struct.unpack("<H", data[at + 28 : at + 30])
        if bytes(data[at + 46 : at + 46 + length]) == name:
            data[at + 24 : at + 28] = struct.pack("<I", size)
            if local_too:
                (local,) = struct.unpack("<I", data[at + 42 : at + 46])
                data[local + 22 : local + 26] = struct.pack("<I", size)
        at = data.find(b"PK\x01\x02", at + 4)
    return bytes(data)


def compressible_bomb() -> bytes:
    """A 300 KB package with a 256 MiB part of zeros (deflate packs about 1000:1)."""
    out = io.BytesIO()
    source = zipfile.ZipFile(io.BytesIO(docx_bytes()))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for info in source.infolist():
            archive.writestr(info.filename, source.read(info.filename))
        with archive.open("word/media/zeros.bin", "w", force_zip64=True) as part:
            block = bytes(MB)
            for _ in range(256):
                part.write(block)
    return out.getvalue()


def many_entries() -> bytes:
    out = io.BytesIO()
    source = zipfile.ZipFile(io.BytesIO(docx_bytes()))
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            archive.writestr(info.filename, source.read(info.filename))
        for k in range(20_000):
            archive.writestr(f"word/media/{k}.bin", b"")
    return out.getvalue()


def pdf_bytes() -> bytes:
    import tempfile

    import pdf_writer

    with tempfile.TemporaryDirectory() as folder:
        return Path(pdf_writer.render_pdf(seed_report(), Path(folder) / "seed.pdf")).read_bytes()


def pdf_with_count(count: int) -> bytes:
    """A one-page PDF whose page tree claims `count` pages."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count %d >>" % count,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def many_pages(pages: int) -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pen = canvas.Canvas(out, pagesize=(200, 200))
    for n in range(pages):
        pen.drawString(20, 100, f"page {n}")
        pen.showPage()
    pen.save()
    return out.getvalue()


def cell(label: str, value: str) -> str:
    """The sample with the first and last figure of the table-三 row `label` set to `value`."""
    line = next(r for r in SEED_TEXT.splitlines() if label in r and r.count("\t") >= 7)
    head = line[: line.index(label) + len(label)]
    figures = line[len(head) :].split("\t")
    at = [i for i, f in enumerate(figures) if f.strip().isdigit()]
    figures[at[0]] = value
    return SEED_TEXT.replace(line, head + "\t".join(figures), 1)


def html_page(body: str, doctype: str = "") -> bytes:
    return f"{doctype}<html><body>{body}</body></html>".encode()


def fused_line(size: int) -> bytes:
    """The sample with its line breaks and tabs gone (a crawl), repeated to `size` bytes, one line."""
    one = SEED_TEXT.replace("\n", " ").replace("\t", " ").encode()
    return (one * (size // len(one) + 1))[:size].decode("utf-8", "ignore").encode()


def write_big_text(path: Path) -> None:
    one = SEED_TEXT.encode()
    with path.open("wb") as out:
        while out.tell() < 200 * MB:
            out.write(one * 200)


@dataclass
class Case:
    """A hostile file, what the run must say about it, and any configuration beside it."""

    name: str
    build: Callable[[Path], None]  # writes the file at the given path
    expect: Callable[[Outcome, Path], bool]
    config: str = ""  # .reportlint.yaml beside it
    why: str = ""


def gives(*codes: str) -> Callable[[Outcome, Path], bool]:
    """The file gets (at least) these codes."""
    return lambda outcome, path: set(codes) <= outcome.codes(path)


def names(code: str, *words: str) -> Callable[[Outcome, Path], bool]:
    """The file gets `code` with a message that names each of `words` (the bound, the reason)."""
    return lambda outcome, path: (
        code in outcome.codes(path) and all(w in outcome.messages(path) for w in words)
    )


def linted(outcome: Outcome, path: Path) -> bool:
    """The file was read as a report: diagnostics, but no E00x about the input."""
    return not outcome.codes(path) & {"E001", "E003", "E006"}


def writes(data: bytes | Callable[[], bytes]) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data() if callable(data) else data)


def _no_passwd(outcome: Outcome, path: Path) -> bool:
    return "root:" not in json.dumps(outcome.diagnostics) and "E003" not in outcome.codes(path)


def _not_expanded(outcome: Outcome, path: Path) -> bool:
    return "lollollol" not in json.dumps(outcome.diagnostics) and "E003" not in outcome.codes(path)


def _one_thousand_digits(outcome: Outcome, path: Path) -> bool:
    return "V301" in outcome.codes(path) and "E003" not in outcome.codes(path)


CASES = [
    Case("docx-declared-4-GiB.docx", writes(lambda: stated_size(docx_bytes(), b"word/document.xml", 0xFFFFFFF0)),
         names("E006", "max-decompressed-size"), why="the central directory states 4 GiB unpacked"),
    Case("docx-compressible-bomb.docx", writes(compressible_bomb), names("E006", "max-decompressed-size"),
         why="300 KB packing a 256 MiB part: refused before unpacking"),
    Case("docx-understated-size.docx",
         writes(lambda: stated_size(docx_bytes(), b"word/document.xml", 100, local_too=True)), gives("E001"),
         why="a part larger than it says: zipfile stops at the stated size, the CRC fails"),
    Case("docx-20000-entries.docx", writes(many_entries), names("E006", "max-entries")),
    Case("docx-xxe.docx", writes(lambda: rezip(docx_bytes(), {"word/document.xml": with_dtd(XXE, b"&x;")})),
         names("E001", "DTD"), why="file:///etc/passwd is never read"),
    Case("docx-billion-laughs.docx",
         writes(lambda: rezip(docx_bytes(), {"word/document.xml": with_dtd(LAUGHS, b"&lol9;")})), names("E001", "DTD")),
    Case("html-xxe.html", writes(html_page("<p>&x; 政府信息公开</p>", '<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>')),
         _no_passwd),
    Case("html-billion-laughs.html", writes(b'<?xml version="1.0"?>' + LAUGHS + html_page("<p>&lol9;</p>")), _not_expanded),
    Case("html-nested-100000.html", writes(html_page("<div>" * 100_000 + "二〇二四年政府信息公开" + "</div>" * 100_000)),
         gives("E002"), why="libxml2 keeps 256 levels; the walk is iterative"),
    Case("html-unknown-marked-section.html", writes(lambda: b"<![DOCTYPE x lang>" + render(seed_report(), "html")),
         linted, why="found by fuzzing: Python 3.11's HTML parser raised AssertionError on <![DOCTYPE"),
    Case("html-300000-cells.html", writes(html_page("<table>" + ("<tr>" + "<td>0</td>" * 100 + "</tr>") * 3000 + "</table>")),
         names("E006", "max-cells")),
    Case("markdown-nested-100000.md", writes(("> " * 100_000 + "一\n" + "- " * 50_000 + "x\n").encode()), gives("E002")),
    Case("markdown-300000-cells.md", writes(("| a | b |\n|---|---|\n" + "| 1 | 2 |\n" * 150_000).encode()),
         names("E006", "max-cells"), why="counted before markdown-it parses the table"),
    Case("docx-300000-paragraphs.docx",
         writes(lambda: rezip(docx_bytes(), {"word/document.xml": lambda xml: xml.replace(
             b"<w:body>", b"<w:body>" + b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 300_000, 1)})),
         names("E006", "timeout"), config="timeout: 3\n", why="70 KB that takes about a minute: the watchdog ends it"),
    Case("text-200-MB.txt", write_big_text, names("E006", "max-file-size"), why="refused by stat, never read"),
    Case("binary-named.txt", writes(bytes(range(256)) * 40), gives("E001")),
    Case("truncated.docx", writes(lambda: docx_bytes()[:20_000]), gives("E001")),
    Case("truncated.pdf", writes(lambda: pdf_bytes()[:3_000]), gives("E001")),
    Case("pdf-page-tree-says-a-million.pdf", writes(pdf_with_count(1_000_000)), names("E006", "max-pages")),
    Case("pdf-400-pages.pdf", writes(lambda: many_pages(400)), names("E006", "max-pages")),
    Case("nul-bytes.txt", writes(SEED_TEXT.replace("。", "。\x00", 8).encode()), linted),
    Case("invalid-utf8.txt", writes(b"\x80\x81\xfe" * 1000), gives("E001")),
    Case("mixed-utf8-gbk.txt", writes(SEED_TEXT[:2000].encode() + SEED_TEXT[2000:].encode("gbk")),
         lambda o, p: bool(o.codes(p) & {"E001", "E002"}) or linted(o, p)),
    Case("single-line-10-MB.txt", writes(("政府信息公开工作" * (10 * MB // 24)).encode()), gives("E002")),
    Case("fused-report-line-10-MB.txt", writes(lambda: fused_line(10 * MB)), names("E006", "timeout"),
         config="timeout: 3\n", why="a whole archive on one line: the watchdog ends it"),
    Case("cell-1000-digits.txt", writes(cell("一、本年新收", "9" * 1000).encode()), _one_thousand_digits),
    Case("cell-5000-digits.txt", writes(cell("一、本年新收", "9" * 5000).encode()), _one_thousand_digits,
         why="past Python's 4300-digit limit for int()"),
    Case("cell-negative.txt", writes(cell("一、本年新收", "-3").encode()), gives("V303")),
    Case("cell-full-width.txt", writes(cell("一、本年新收", "０１２").encode()),
         lambda o, p: linted(o, p) and "V301" not in o.codes(p), why="read as 12"),
    Case("cell-chinese-numerals.txt", writes(cell("一、本年新收", "一千二百").encode()), gives("V301")),
    Case("yaml-billion-laughs.yaml",
         writes(b"template: gov-2021\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
                + b"".join(b"%c: &%c [" % (98 + i, 98 + i) + b", ".join([b"*%c" % (97 + i)] * 10) + b"]\n" for i in range(9))),
         names("E006", "max-cells")),
    Case("yaml-self-reference.yaml", writes(b"template: gov-2021\na: &a [*a]\n"), gives("E001")),
    Case("json-nested-100000.json", writes(b'{"template": "gov-2021", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"),
         gives("E001")),
]  # fmt: skip


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_file(folder: Path, case: Case) -> None:
    where = folder / case.name.replace(".", "-")
    where.mkdir()
    if case.config:
        (where / ".reportlint.yaml").write_text(case.config, encoding="utf-8")
    path = where / case.name
    case.build(path)
    good = where / "good.txt"
    good.write_text(SEED_TEXT, encoding="utf-8")
    try:
        outcome = check(path, good)
    finally:
        path.unlink()  # 200 MB and friends do not outlive their case
    print(
        f"{case.name}: exit {outcome.status}, {outcome.seconds:.1f} s, {outcome.mib:.0f} MiB, {sorted(outcome.codes(path))}"
    )
    assert "Traceback" not in outcome.stderr and outcome.status in (0, 1), outcome.stderr
    assert case.expect(outcome, path), (sorted(outcome.codes(path)), outcome.messages(path)[:500])
    assert "W901" in outcome.codes(good), "the good report of the same run was not linted"
    assert outcome.seconds < SECONDS, f"{outcome.seconds:.1f} s"
    assert outcome.mib < MIB, f"{outcome.mib:.0f} MiB"


def test_a_symlink_loop_in_a_folder_is_e001_and_the_rest_is_linted(tmp_path: Path) -> None:
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "up").symlink_to("..")  # a folder link back up: not followed
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    (tmp_path / "good.txt").write_text(SEED_TEXT, encoding="utf-8")
    outcome = check(tmp_path)
    assert outcome.status == 1 and "Traceback" not in outcome.stderr
    assert outcome.codes(tmp_path / "loop.txt") == {"E001"} and "symbolic links" in outcome.messages(
        tmp_path / "loop.txt"
    )
    assert outcome.codes(tmp_path / "a.txt") == {"E001"}
    assert "W901" in outcome.codes(tmp_path / "good.txt")
    assert outcome.seconds < SECONDS


def _folder_of_three(tmp_path: Path) -> list[Path]:
    paths = [tmp_path / f"{n}.txt" for n in ("a", "b", "c")]
    for path in paths:
        path.write_text(SEED_TEXT, encoding="utf-8")
    return paths


@pytest.mark.parametrize("how", ["deleted", "replaced-by-a-folder"])
def test_a_file_that_goes_away_during_the_run_is_e001(tmp_path: Path, how: str) -> None:
    """The next file is taken away while the run is under way (after discovery, before reading)."""
    a, b, c = _folder_of_three(tmp_path)

    def meanwhile(done: int, total: int) -> None:
        if done == 1:
            b.unlink()
            if how == "replaced-by-a-folder":
                b.mkdir()  # unreadable as a file even to root, who chmod 000 does not stop

    results = {r.path: r for r in lint_paths([str(tmp_path)], Options(find_config=False), progress=meanwhile)}
    assert [d.code for d in results[str(b)].diagnostics] == ["E001"]
    assert "W901" in {d.code for d in results[str(a)].diagnostics}
    assert "W901" in {d.code for d in results[str(c)].diagnostics}


def test_no_network_connection_is_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every format linted with the network blocked at the socket: nothing even tries."""
    tried: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        tried.append(args)
        raise OSError("network blocked by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    report = seed_report()
    files = {
        "r.txt": SEED.read_bytes(),
        "r.html": render(report, "html"),
        "r.md": render(report, "md"),
        "r.docx": render(report, "docx"),
        "r.pdf": pdf_bytes(),
        "r.json": json.dumps(report.to_json(), ensure_ascii=False).encode(),
        "xxe.html": html_page('<p>&x;</p><img src="http://example.invalid/x.png">',
                              '<!DOCTYPE html SYSTEM "http://example.invalid/x.dtd">'),
        "xxe.docx": rezip(docx_bytes(), {"word/document.xml": with_dtd(
            b'<!DOCTYPE w:document [<!ENTITY x SYSTEM "http://example.invalid/x">]>', b"&x;")}),
    }  # fmt: skip
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "r.yaml").write_text(
        "template: gov-2021\n$schema: http://example.invalid/schema.json\nyear: 2024\n", encoding="utf-8"
    )
    results = lint_paths(sorted(str(p) for p in tmp_path.iterdir()), Options(find_config=False))
    assert len(results) == len(files) + 1
    assert tried == []
    for result in results:
        assert "E003" not in {d.code for d in result.diagnostics}, result.path


def test_configuration_is_data_never_code(tmp_path: Path) -> None:
    """A YAML tag that would run Python is refused (exit 2); nothing runs."""
    marker = tmp_path / "ran"
    (tmp_path / ".reportlint.yaml").write_text(
        f"select: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8"
    )
    (tmp_path / "r.txt").write_text(SEED_TEXT, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "reportlint", "check", str(tmp_path / "r.txt")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr and ".reportlint.yaml" in done.stderr
    assert not marker.exists()


_KILLED_AT_REPLACE = """
import os, signal, sys
from reportlint.cli import main
def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)  # the moment after the new text is written, before the rename
os.replace = die
sys.exit(main(sys.argv[1:]))
"""


def test_fix_killed_mid_write_leaves_the_original_intact(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(SEED.read_bytes())
    done = subprocess.run(
        [sys.executable, "-c", _KILLED_AT_REPLACE, "check", "--fix", "--no-cache", str(path)],
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == -9  # killed, mid-write
    assert path.read_bytes() == SEED.read_bytes()
    leftovers = [p for p in tmp_path.iterdir() if p.name.startswith(".r.txt.")]
    assert len(leftovers) == 1  # the new text, written in full beside it; the original untouched
    assert (
        b"\xe6\x9c\xac\xe5\xb9\xb4\xe5\xba\x9f\xe6\xad\xa2" in leftovers[0].read_bytes()
    )  # 本年废止: the fix


def test_a_reader_that_crashes_is_e003_for_that_file_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug a file finds in a reader (or the parser under it) is that file's E003, naming the
    reader; the run does not stop and the other files are linted."""
    from reportlint.readers import html

    def broken(self: object, path: str, data: bytes) -> None:
        raise RuntimeError("parser state lost")

    monkeypatch.setattr(html.HtmlReader, "read", broken)
    page = tmp_path / "a.html"
    page.write_bytes(render(seed_report(), "html"))
    text = tmp_path / "b.txt"
    text.write_text(SEED_TEXT, encoding="utf-8")
    results = {
        Path(r.path).name: r for r in lint_paths([str(tmp_path)], Options(find_config=False, lang="en"))
    }
    crashed = [d for d in results["a.html"].diagnostics if d.code == "E003"]
    assert len(crashed) == 1 and "html reader crashed: RuntimeError: parser state lost" in crashed[0].message
    assert "W901" in {d.code for d in results["b.txt"].diagnostics}
