"""The review page (`check --format html`), opened in a real browser, and the progress bar.

The batch is corpus-like and written here from the seed: the seed as it is (its label
typo 本年度止件数), a broken copy whose （七）总计 is wrong, a crawl-like copy whose fused
rows are recovered, and one whose rows are fused and whose （七）总计 is wrong (M402), as in
平潭 2020. The browser tests use Debian's chromium through Playwright and are skipped,
with the reason, where either is missing; each run saves a screenshot to a temporary
folder (its path is printed) and to tests/artifacts/.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reportlint import api, plugins
from reportlint.progress import ProgressBar, bar
from reportlint.reporters.review import render_page

from conftest import ROOT, SEED, run_cli

SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_AGENCY = "延津县塔铺街道"
NEW, TOTAL, CARRY = "一、本年新收政府信息公开申请数量", "(七) 总计", "四、结转下年度继续办理"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WAIT_MS = 10_000  # how long an expectation waits for the page to reach the state it asserts

try:  # the browser tests are skipped without playwright (the `browser` fixture says why)
    from playwright.sync_api import expect
except ImportError:
    expect = None


def _with_row(text: str, label: str, values: list[int]) -> str:
    """The report with one table-三 row's figures replaced (tab-separated, as the seed writes them)."""
    lines = text.splitlines()
    for n, line in enumerate(lines):
        if line.startswith(label):
            lines[n] = "\t".join([label, "", *map(str, values), ""])
    return "\n".join(lines) + "\n"


def _fused(text: str, labels: list[str]) -> str:
    """The given rows with their figures run together, as a crawl that lost the cells writes them."""
    lines = text.splitlines()
    for n, line in enumerate(lines):
        if any(line.startswith(label) for label in labels):
            cells = [c for c in line.split("\t") if c]
            lines[n] = cells[0] + "".join(c for c in cells[1:] if c.isdigit())
    return "\n".join(lines) + "\n"


def _renamed(text: str, agency: str) -> str:
    return text.replace(SEED_AGENCY, agency).replace("塔铺街道", agency)


def write_batch(folder: Path) -> dict[str, Path]:
    """Four reports: the seed, a wrong （七）总计, fused rows recovered, fused rows with M402."""
    folder.mkdir(parents=True, exist_ok=True)
    broken = _with_row(_renamed(SEED_TEXT, "示例县乙街道"), TOTAL, [3, 0, 0, 0, 0, 0, 3])
    consistent = _with_row(_with_row(SEED_TEXT, NEW, [64, 0, 0, 2, 0, 4, 70]), CARRY, [64, 0, 0, 2, 0, 4, 70])
    recovered = _fused(_renamed(consistent, "示例县甲镇"), [NEW, CARRY])
    wrong_total = _with_row(consistent, TOTAL, [5, 0, 0, 0, 0, 0, 5])
    fused_m402 = _fused(_renamed(wrong_total, "示例县丙镇"), [NEW, CARRY])
    files = {
        "seed": folder / SEED.name,
        "broken": folder / "示例县乙街道2024年政府信息公开工作年度报告.txt",
        "recovered": folder / "示例县甲镇2024年政府信息公开工作年度报告.txt",
        "fused_m402": folder / "示例县丙镇2024年政府信息公开工作年度报告.txt",
    }
    files["seed"].write_text(SEED_TEXT, encoding="utf-8")
    files["broken"].write_text(broken, encoding="utf-8")
    files["recovered"].write_text(recovered, encoding="utf-8")
    files["fused_m402"].write_text(fused_m402, encoding="utf-8")
    return files


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_batch(tmp_path_factory.mktemp("batch") / "reports")


@pytest.fixture(scope="module")
def page(batch: dict[str, Path]) -> Path:
    """The review page of the batch, written by the command line as a user runs it."""
    out = batch["seed"].parent.parent / "review.html"
    result = run_cli("check", str(batch["seed"].parent), "--format", "html", "--output-file", str(out))
    assert result.returncode == 1, result.stderr  # the broken reports have errors
    assert result.stderr == ""
    return out


def test_the_batch_gives_what_the_page_must_show(batch: dict[str, Path]) -> None:
    """The inputs are what the browser tests assume: otherwise a pass there would mean nothing."""
    results = {Path(r.path).name: r for r in api.lint_paths([str(batch["seed"].parent)])}
    codes = {key: {d.code for d in results[path.name].diagnostics} for key, path in batch.items()}
    assert "L201" in codes["seed"] and not codes["seed"] & {"M401", "M402"}
    assert "M402" in codes["broken"]
    assert "V308" in codes["recovered"] and not codes["recovered"] & {"M401", "M402", "V307"}
    assert {"V308", "M402"} <= codes["fused_m402"] and "V307" not in codes["fused_m402"]


# -- without a browser ---------------------------------------------------------------------


def test_the_page_is_self_contained(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", text, re.I)
    assert "<link" not in text and "@import" not in text and "url(" not in text
    assert "@media print" in text


def test_report_text_is_escaped(tmp_path: Path) -> None:
    hostile = SEED_TEXT.replace(
        "延津县塔铺街道 2024 年政府信息公开工作年度报告",
        "延津县塔铺街道 2024 年政府信息公开工作年度报告<script>alert(1)</script>",
    ).replace("存在的主要问题：", '存在的主要问题：<img src=x onerror="alert(2)">')
    path = tmp_path / "hostile.txt"
    path.write_text(hostile, encoding="utf-8")
    html = render_page(api.lint_paths([str(path)], api.Options(find_config=False)))
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html and "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in html
    assert html.count("<script>") == 2  # the page's own two: the class switch and the behaviour


def test_the_reporter_is_registered_and_renders_without_reports(batch: dict[str, Path]) -> None:
    """`render(diagnostics, sources)` (the plain reporter protocol) still gives the page."""
    results = api.lint_paths([str(batch["broken"])], api.Options(find_config=False))
    diagnostics = [d for r in results for d in r.diagnostics]
    html = plugins.reporters()["html"].render(diagnostics, {r.path: r.source_lines for r in results})
    assert 'data-cell="total_results/natural_person"' in html  # the report was read again for its tables
    assert "M402" in html


def test_a_seed_cell_and_label_carry_their_marks(batch: dict[str, Path]) -> None:
    html = render_page(api.lint_paths([str(batch["broken"]), str(batch["seed"])]))
    cell = re.search(
        r'<td class="marked sev-error"[^>]*data-cell="total_results/natural_person">(.*?)</td>', html
    )
    assert cell is not None and cell.group(1).startswith('3<span class="exp">→ 应为 0</span>')
    assert re.search(r'<th class="lab marked sev-warning"[^>]*><span class="found">本年度止件数</span>', html)


# -- terminal comfort ----------------------------------------------------------------------


def test_the_progress_bar_draws_only_for_long_runs_and_erases_itself() -> None:
    stream = io.StringIO()
    with bar(stream, enabled=True, threshold=3) as progress:
        assert progress is not None
        progress(1, 3)
        assert stream.getvalue() == ""  # a short run: no bar
        progress(4, 4)
        assert "检查文件 [" in stream.getvalue() and "4/4" in stream.getvalue()
    assert stream.getvalue().endswith("\r\x1b[K")
    with bar(stream, enabled=False) as progress:
        assert progress is None
    quiet = ProgressBar(io.StringIO())
    quiet.close()  # nothing drawn, nothing erased
    assert quiet.stream.getvalue() == ""  # type: ignore[attr-defined]


def test_lint_paths_reports_each_prepared_file(batch: dict[str, Path]) -> None:
    seen: list[tuple[int, int]] = []
    api.lint_paths([str(batch["seed"].parent)], progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]


def _many(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        (folder / f"r{n:02d}.txt").write_text(SEED_TEXT, encoding="utf-8")
    return folder


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
@pytest.mark.parametrize(("fmt", "drawn"), [("text", True), ("json", False)])
def test_check_draws_the_bar_on_a_terminal_only_for_text(tmp_path: Path, fmt: str, drawn: bool) -> None:
    import pty

    folder = _many(tmp_path / "many", 25)
    primary, secondary = pty.openpty()
    chunks: list[bytes] = []

    def drain() -> None:  # read as it comes: a full terminal buffer would block the child
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # the terminal's other end is closed: all is read
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "reportlint", "check", str(folder), "--format", fmt],
            stdout=subprocess.PIPE,
            stderr=secondary,
            timeout=300,
        )
    finally:
        os.close(secondary)
    reader.join(timeout=10)
    os.close(primary)
    stderr = b"".join(chunks).decode("utf-8", "replace")
    assert ("检查文件 [" in stderr) is drawn
    assert ("25/25" in stderr) is drawn
    stdout = result.stdout.decode("utf-8")
    if fmt == "text":
        assert stdout.rstrip().splitlines()[-1].startswith("共检查 25 个文件")


def test_no_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    folder = _many(tmp_path / "many", 25)
    result = run_cli("check", str(folder))
    assert "检查文件" not in result.stderr
    assert result.stdout.rstrip().splitlines()[-1].startswith("共检查 25 个文件")


# -- in a real browser ---------------------------------------------------------------------


def _chromium() -> str | None:
    return shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _chromium()
    if executable is None:
        pytest.skip("chromium is not installed (apt-get install chromium): browser tests skipped")
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install -e '.[test]'): browser tests skipped")
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Error as exc:
            pytest.skip(f"chromium does not start here ({str(exc).splitlines()[0]}): browser tests skipped")
        expect.set_options(timeout=WAIT_MS)
        yield launched
        launched.close()


@pytest.fixture
def opened(browser: Any, page: Path) -> Iterator[tuple[Any, list[str]]]:
    """The page in a fresh tab, and the errors it logs (console errors and uncaught exceptions)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort()
    )
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("requestfailed", lambda request: errors.append(f"request: {request.url}"))
    tab.goto(page.as_uri())
    yield tab, errors
    context.close()


def _visible_paths(tab: Any) -> list[str]:
    return [
        str(p)
        for p in tab.eval_on_selector_all(
            "#files tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.path)"
        )
    ]


def _expect_paths(tab: Any, expected: list[str], ordered: bool = False) -> None:
    """Wait until the overview shows exactly these files (in this order, if `ordered`)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    want = expected if ordered else sorted(expected)
    try:
        tab.wait_for_function(
            """([want, ordered]) => {
                const rows = document.querySelectorAll('#files tbody tr:not([hidden])');
                const got = Array.from(rows, r => r.dataset.path);
                return JSON.stringify(ordered ? got : got.sort()) === JSON.stringify(want);
            }""",
            arg=[want, ordered],
            timeout=WAIT_MS,
        )
    except PlaywrightTimeout:
        shown = _visible_paths(tab)
        assert (shown if ordered else sorted(shown)) == want  # says what was shown instead


def _open_report(tab: Any, path: Path) -> Any:
    """Click the file in the overview and wait until its report is the one shown."""
    link = tab.locator(f'#files a:text-is("{path.name}")')
    target = link.get_attribute("href")
    link.click()
    section = tab.locator(f"section.report{target}")
    expect(section).to_have_class(re.compile(r"\bcurrent\b"))
    expect(section).to_be_visible()
    expect(tab.locator("#overview")).to_be_hidden()
    return section


def _first_line(locator: Any) -> str:
    return str(locator.inner_text()).split("\n")[0].strip()


def test_the_page_opens_without_errors_and_shows_the_batch(
    opened: tuple[Any, list[str]], batch: dict[str, Path]
) -> None:
    tab, errors = opened
    expect(tab).to_have_title("政府信息公开工作年度报告审阅")
    _expect_paths(tab, [p.name for p in batch.values()])
    assert _visible_paths(tab)[-1] == batch["seed"].name  # worst first: the seed has no error
    expect(tab.locator("section.report").first).to_be_hidden()  # reports are opened one at a time
    expect(tab.locator("#totals button[data-code=M402]")).to_be_visible()
    assert errors == []


def test_the_wrong_total_is_marked_with_the_sums_it_should_have(
    opened: tuple[Any, list[str]], batch: dict[str, Path]
) -> None:
    tab, errors = opened
    section = _open_report(tab, batch["broken"])
    for column, actual in (("natural_person", "3"), ("total", "3")):
        cell = section.locator(f'table.grid-applications td[data-cell="total_results/{column}"]')
        expect(cell).to_be_visible()
        expect(cell).to_have_class(re.compile(r"\bsev-error\b"))
        expect(cell).to_contain_text("→ 应为 0")
        expect(cell).to_contain_text("✖")  # a mark, not colour alone
        expect(cell).to_have_attribute("title", re.compile("M402"))
        assert _first_line(cell) == actual
    # M403 names a cell of the 勾稽关系, but its values are the two sides' sums: no "应为" in the cell
    balance = section.locator('table.grid-applications td[data-cell="carried_forward/natural_person"]')
    expect(balance).to_have_class(re.compile(r"\bsev-error\b"))
    expect(balance).not_to_contain_text("应为")
    listed = section.locator(
        "table.grid-applications ~ ol.findings li[data-code=M402], .table-block ol.findings li[data-code=M402]"
    )
    expect(listed.first).to_contain_text("3 → 应为 0")
    assert listed.count() >= 2
    assert errors == []


def test_the_seed_label_typo_is_marked_in_section_two(
    opened: tuple[Any, list[str]], batch: dict[str, Path]
) -> None:
    tab, errors = opened
    section = _open_report(tab, batch["seed"])
    label = section.locator("table.grid-proactive th.marked")
    expect(label).to_have_count(1)
    expect(label).to_be_visible()
    expect(label).to_contain_text("本年度止件数")
    expect(label).to_contain_text("应为 本年废止件数")
    expect(label).to_contain_text("▲")
    expect(label).to_have_class(re.compile(r"\bsev-warning\b"))
    expect(label).to_have_attribute("title", re.compile("L201"))
    doubled = section.locator("mark.hl")
    expect(doubled).to_have_count(1)
    expect(doubled).to_have_text("对对")
    expect(doubled).to_be_visible()
    # the rule's documentation, one click away
    section.locator("a.code", has_text="L201").first.click()
    doc = section.locator(f"details#{section.get_attribute('id')}-rule-L201")
    expect(doc).to_have_attribute("open", "")
    expect(doc).to_contain_text("本年废止件数")
    assert errors == []


def test_fused_rows_recovered_and_the_fused_report_with_m402(
    opened: tuple[Any, list[str]], batch: dict[str, Path]
) -> None:
    tab, errors = opened
    section = _open_report(tab, batch["recovered"])
    row = section.locator('table.grid-applications th.marked:has-text("一、本年新收")')
    expect(row).to_be_visible()
    expect(row).to_have_class(re.compile(r"\bsev-info\b"))
    figures = [
        _first_line(section.locator(f'td[data-cell="new_received/{c}"]'))
        for c in ("natural_person", "public_interest", "other_org", "total")
    ]
    assert figures == ["64", "2", "4", "70"]
    expect(section.locator("td.sev-error")).to_have_count(0)
    section.locator("a[href='#overview']").click()
    expect(tab.locator("#overview")).to_be_visible()
    section = _open_report(tab, batch["fused_m402"])
    cell = section.locator('td[data-cell="total_results/total"]')
    expect(cell).to_have_class(re.compile(r"\bsev-error\b"))
    expect(cell).to_contain_text("5")
    expect(cell).to_contain_text("→ 应为 0")
    assert errors == []


def test_filters_hide_the_other_files(opened: tuple[Any, list[str]], batch: dict[str, Path]) -> None:
    tab, errors = opened
    with_errors = [batch["broken"].name, batch["fused_m402"].name]
    tab.select_option("#f-code", "M402")
    _expect_paths(tab, with_errors)
    expect(tab.locator("#f-count")).to_have_text("显示 2 / 4 个文件")
    expect(tab.locator(f'#files tr[data-path="{batch["seed"].name}"]')).to_be_hidden()
    tab.select_option("#f-code", "L201")
    expect(tab.locator(f'#files tr[data-path="{batch["seed"].name}"]')).to_be_visible()
    tab.click("#f-reset")
    tab.select_option("#f-agency", SEED_AGENCY)
    _expect_paths(tab, [batch["seed"].name])
    tab.click("#f-reset")
    tab.select_option("#f-sev", "error")
    _expect_paths(tab, with_errors)
    tab.click("#f-reset")
    tab.fill("#f-text", "甲镇")
    _expect_paths(tab, [batch["recovered"].name])
    tab.click("#f-reset")
    _expect_paths(tab, [p.name for p in batch.values()])
    tab.click("#totals button[data-code=V308]")  # a code of the totals table filters too
    _expect_paths(tab, [batch["recovered"].name, batch["fused_m402"].name])
    assert errors == []


def test_sorting_by_a_header(opened: tuple[Any, list[str]], batch: dict[str, Path]) -> None:
    tab, errors = opened
    header = tab.locator("#files th[data-key=path]")
    header.click()
    expect(header).to_have_attribute("aria-sort", "ascending")  # set once the rows are in order
    ascending = _visible_paths(tab)
    assert sorted(ascending) == sorted(p.name for p in batch.values())
    header.click()
    expect(header).to_have_attribute("aria-sort", "descending")
    _expect_paths(tab, list(reversed(ascending)), ordered=True)
    warnings_header = tab.locator("#files th[data-key=w]")
    warnings_header.click()  # numbers sort as numbers, most first
    expect(warnings_header).to_have_attribute("aria-sort", "descending")
    warnings = [
        int(n) for n in tab.eval_on_selector_all("#files tbody tr", "rows => rows.map(r => r.dataset.w)")
    ]
    assert warnings == sorted(warnings, reverse=True)
    assert errors == []


def test_screenshot_is_saved(opened: tuple[Any, list[str]], batch: dict[str, Path], tmp_path: Path) -> None:
    tab, errors = opened
    section = _open_report(tab, batch["broken"])
    shot = tmp_path / "review-broken.png"
    tab.screenshot(path=str(shot), full_page=True)
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(shot, ARTIFACTS / "review-broken.png")
    section.locator("a[href='#overview']").click()
    expect(tab.locator("#overview")).to_be_visible()
    tab.screenshot(path=str(ARTIFACTS / "review-overview.png"))
    print(f"screenshot: {shot} (and {ARTIFACTS / 'review-broken.png'})")
    assert shot.stat().st_size > 10_000
    # the print stylesheet: one report, no overview, no navigation
    _open_report(tab, batch["broken"])
    tab.emulate_media(media="print")
    expect(tab.locator("#overview")).to_be_hidden()
    expect(tab.locator(".report-nav").first).to_be_hidden()
    expect(tab.locator("section.report.current table.grid-applications")).to_be_visible()
    tab.emulate_media(media="screen")
    assert errors == []
