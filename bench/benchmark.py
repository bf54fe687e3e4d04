"""The speed benchmark of issue 7, in one run, with check-jsonschema as the yardstick.

    python bench/benchmark.py [--sizes 1 1000 10000] [--formats txt html docx] [--pdf 20] [--repeat 7]

It generates its corpus from the project's own test reports (tests/data/reports/layout_*.txt
and the sample): N copies with their agency varied so that no two are identical, in each
format; the same reports' models as JSON for check-jsonschema (installed on demand into a
temporary folder). For each size it times reportlint cold (no cache) on 1 core and on all
cores, warm (a second run over the unchanged files: the whole run's output is kept) and warm
with one file edited (the per-file cache and the comparisons across reports), and
check-jsonschema on the JSON; every figure is printed with its ratio to check-jsonschema's
and with the peak memory of the largest process. Run by hand; the test suite does not.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "examples" / "延津县塔铺街道2024年政府信息公开工作年度报告.txt",
    *sorted((ROOT / "tests" / "data" / "reports").glob("layout_*.txt")),
]


def _reports(count: int) -> list[tuple[str, str]]:
    """(name, text) for `count` reports made from the test reports, each agency its own."""
    texts = [p.read_text(encoding="utf-8") for p in SOURCES if "gb18030" not in p.name]
    out = []
    for n in range(count):
        text = texts[n % len(texts)]
        out.append((f"report-{n:05d}", text.replace("街道", f"第{n}街道", 1).replace("局", f"第{n}局", 1)))
    return out


def _write(folder: Path, reports: list[tuple[str, str]], fmt: str) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from reportlint.readers.text import parse_text
    from reportlint.writers import docx, html
    from reportlint.writers.layout import document_blocks

    folder.mkdir(parents=True)
    for name, text in reports:
        if fmt == "txt":
            (folder / f"{name}.txt").write_text(text, encoding="utf-8")
            continue
        blocks = document_blocks(parse_text(name, text))
        if fmt == "html":
            (folder / f"{name}.html").write_bytes(html.render_blocks(blocks))
        elif fmt == "docx":
            (folder / f"{name}.docx").write_bytes(docx.render_blocks(blocks))
        elif fmt == "pdf":
            from pdf_writer import render_pdf_blocks

            render_pdf_blocks(blocks, folder / f"{name}.pdf")


def _models(folder: Path, out: Path) -> None:
    from reportlint.api import Options, parse_file

    out.mkdir(parents=True)
    for path in sorted(folder.iterdir()):
        report = parse_file(str(path), Options(find_config=False)).report
        if report is not None:
            (out / f"{path.stem}.json").write_text(
                json.dumps(report.to_json(), ensure_ascii=False), encoding="utf-8"
            )


def _pages(folder: Path) -> int:
    """Pages in the PDF set (reportlab writes each page object uncompressed)."""
    return sum(len(re.findall(rb"/Type\s*/Page(?!s)", p.read_bytes())) for p in folder.glob("*.pdf"))


def _interleaved(runs: list[tuple[str, list[str]]], cwd: Path, repeat: int) -> dict[str, tuple[float, float]]:
    """(median wall seconds, peak MiB) of each command, run in turn `repeat` times: on a shared
    machine the speed drifts from minute to minute, and taking turns exposes the yardstick and
    reportlint to the same drift. The cache is filled once, in the first round."""
    seen: dict[str, list[tuple[float, float]]] = {what: [] for what, _ in runs}
    for round_ in range(repeat):
        for what, command in runs:
            if round_ and what == "cache filled":
                continue
            seen[what].append(_timed(command, cwd))
    return {what: (sorted(t)[len(t) // 2][0], max(p for _, p in t)) for what, t in seen.items()}


def _timed(command: list[str], cwd: Path) -> tuple[float, float]:
    wrapper = (
        "import resource, subprocess, sys, time; t = time.perf_counter();"
        " subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
        " print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    done = subprocess.run([sys.executable, "-c", wrapper, *command], cwd=cwd, capture_output=True, text=True)
    wall, peak = done.stdout.split()
    return float(wall), int(peak) / 1024


def _edit_first(folder: Path) -> list[str]:
    """A command prefix that appends an empty line to the set's first file, then runs the rest."""
    first = min(folder.iterdir())
    return ["sh", "-c", 'printf "\\n" >> "$0" && exec "$@"', str(first)]


def _check_jsonschema(tmp: Path) -> list[str]:
    """check-jsonschema, installed into its own folder (it is the yardstick, not a dependency)."""
    target = tmp / "cj"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--target", str(target), "check-jsonschema"],
        check=True,
    )
    runner = f"import sys; sys.path.insert(0, {str(target)!r}); from check_jsonschema import main; main()"
    return [sys.executable, "-c", runner]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 1000])
    parser.add_argument("--formats", nargs="+", default=["txt", "html", "docx"])
    parser.add_argument("--pdf", type=int, default=20, help="reports in the PDF set")
    parser.add_argument(
        "--repeat", type=int, default=7, help="runs of each command on sets of up to 10 files (the median)"
    )
    args = parser.parse_args()
    # byte-compiled as an installed wheel is (pip compiles on install): an editable install
    # under PYTHONDONTWRITEBYTECODE would otherwise compile reportlint's source on every start
    import reportlint

    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(Path(reportlint.__file__).parent)], check=True
    )
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        checker = _check_jsonschema(tmp)
        schema = ROOT / "schemas" / "report.schema.json"
        print(f"{'set':<16}{'run':<22}{'seconds':>9}{'× cj':>8}{'ms/file':>9}{'peak MiB':>10}")
        plan = [(fmt, n) for fmt in args.formats for n in args.sizes] + (
            [("pdf", args.pdf)] if args.pdf else []
        )
        for fmt, count in plan:
            folder = tmp / f"{fmt}-{count}"
            _write(folder, _reports(count), fmt)
            models = tmp / f"json-{fmt}-{count}"
            _models(folder, models)
            files = sorted(str(p) for p in models.iterdir())
            repeat = args.repeat if count <= 10 else 1
            cache = tmp / f"cache-{fmt}-{count}"
            lint = [sys.executable, "-m", "reportlint", "check", "--format", "json", str(folder)]
            runs = [
                ("check-jsonschema", [*checker, "--schemafile", str(schema), *files]),
                ("cold, 1 core", [*lint, "--no-cache", "-j", "1"]),
                (f"cold, {cores} cores", [*lint, "--no-cache", "-j", str(cores)]),
                ("cache filled", [*lint, "--cache-dir", str(cache)]),
                ("warm (unchanged)", [*lint, "--cache-dir", str(cache)]),
                # one file edited before each run: the run cache misses, the per-file cache serves the rest
                ("warm, 1 file edited", [*_edit_first(folder), *lint, "--cache-dir", str(cache)]),
            ]
            measured = _interleaved(runs, tmp, repeat)
            yardstick = measured["check-jsonschema"][0]
            pages = _pages(folder) if fmt == "pdf" else 0
            for n, (what, _) in enumerate(runs):
                wall, peak = measured[what]
                print(
                    f"{f'{fmt} × {count}' if n == 0 else '':<16}{what:<22}{wall:>9.3f}{wall / yardstick:>8.2f}"
                    f"{1000 * wall / count:>9.1f}{peak:>10.0f}"
                    + (f"   {wall / pages:.3f} s a page ({pages} pages)" if pages and n else ""),
                    flush=True,
                )
            shutil.rmtree(folder)


if __name__ == "__main__":
    main()
