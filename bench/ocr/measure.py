"""Measure OCR engines on the scanned test pages (make_scans.py) through the whole reader.

For each engine, document and variant, the pages holding table 三 are replaced by what
ocr_page.page_from_image makes of their image (the other pages read from the PDF as
usual), the reader lays them out (read_page: pdfplumber's table finder on the image's
rules), reportlint's extractor reads the report, and:

  cells   % of table 三's cells (the `applications` rows' values in `reportlint parse`)
          whose value equals the original's, matched by row and column key;
  labels  % of table 三's row/column labels (its cells with Chinese text in the original,
          whitespace removed) found verbatim among the OCR'd pages' table cells;
  s/page  median seconds a page (deskew + rules + OCR), warm; cold = import + model load
          + the first page, in a fresh process.

"scan-pdf" is the image-only PDF (200 dpi, turned+speckled, JPEG) read on its own through
ocr_page.read_scanned_pdf: no page of it has text.

    python measure.py                 # run every engine (one at a time), then print the table
    python measure.py --print         # print the table from results/*.json
    python measure.py --run ENGINE    # one engine (rapidocr3, rapidocr1, tesseract) -> results/ENGINE.json
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
SCANS = HERE / "scans"
RESULTS = HERE / "results"
ENGINES = ("rapidocr3", "rapidocr1", "tesseract")
VARIANTS = (
    "150/clean",
    "200/clean",
    "150/turned",
    "200/turned",
    "200/speckled",
    "150/turned+speckled",
    "scan-pdf",
)
if os.environ.get("MEASURE_VARIANTS"):  # e.g. "200/clean,150/turned+speckled" for a quicker run
    VARIANTS = tuple(os.environ["MEASURE_VARIANTS"].split(","))
CJK = re.compile(r"[\u4e00-\u9fff]")


def norm(text: str) -> str:
    return "".join(text.split())


def applications(report_json: dict) -> dict[tuple[str, str], object]:
    rows = report_json.get("tables", {}).get("applications", {}).get("rows", {})
    return {(r, c): v.get("value") for r, cols in rows.items() for c, v in cols.items()}


def table_cells(document, pages: set[int] | None = None) -> list:
    out = []
    for block in document.blocks:
        if block.kind != "table":
            continue
        for row in block.rows:
            for cell in row.cells:
                page = int(cell.span.locator.split(",")[0].split()[1]) if cell.span.locator else 0
                if pages is None or page in pages:
                    out.append(cell)
    return out


def ground_truth(doc: str, pdf: str) -> dict:
    from reportlint.readers.pdf import PdfReader

    gt = json.loads((SCANS / "gt" / f"{doc}.json").read_text())
    rows = gt["tables"]["applications"].get("rows", {})
    locators = {v["span"]["locator"] for cols in rows.values() for v in cols.values()}
    document = PdfReader().read(pdf, Path(pdf).read_bytes())
    # the table blocks that hold table 三's figures, and their cells with Chinese text
    labels = []
    for block in document.blocks:
        if block.kind == "table" and any(c.span.locator in locators for r in block.rows for c in r.cells):
            labels += [norm(c.text) for r in block.rows for c in r.cells if CJK.search(c.text)]
    return {"cells": applications(gt), "labels": labels}


def score(report, document, pages: set[int] | None, truth: dict) -> dict:
    got = applications(report.to_json())
    want = truth["cells"]
    right = sum(1 for k, v in want.items() if k in got and got[k] == v)
    seen = Counter(norm(c.text) for c in table_cells(document, pages))
    found = 0
    for label in truth["labels"]:
        if seen[label] > 0:
            seen[label] -= 1
            found += 1
    return {
        "cells": right,
        "cells_of": len(want),
        "labels": found,
        "labels_of": len(truth["labels"]),
        "misread": sum(1 for k, v in want.items() if got.get(k) is not None and got[k] != v),
        "wrong_cells": [
            f"{k[0]}.{k[1]}: {got.get(k)!r} != {v!r}" for k, v in want.items() if got.get(k) != v
        ][:8],
        "missing_labels": [
            lb for lb in truth["labels"] if lb not in {norm(c.text) for c in table_cells(document, pages)}
        ][:8],
    }


def run(engine_name: str) -> None:
    t0 = time.perf_counter()
    import ocr_page
    import pypdfium2 as pdfium

    from reportlint.document import Document
    from reportlint.extract import extract
    from reportlint.readers.pdf import join_paragraphs, read_page
    from reportlint.readers.pdfium_page import page_primitives

    engine = ocr_page.ENGINES[engine_name]()
    load = time.perf_counter() - t0
    manifest = json.loads((SCANS / "manifest.json").read_text())
    out: dict = {"engine": engine.name, "load_s": load, "runs": {}}
    first_page = None
    for doc, spec in manifest.items():
        truth = ground_truth(doc, spec["pdf"])
        pdf = pdfium.PdfDocument(spec["pdf"])
        originals = []
        for i in range(len(pdf)):
            page = pdf[i]
            originals.append(page_primitives(page))
            page.close()
        for variant in VARIANTS:
            times: list[float] = []
            if variant == "scan-pdf":
                t = time.perf_counter()
                document = ocr_page.read_scanned_pdf(spec["scan_pdf"], engine)
                times.append((time.perf_counter() - t) / len(spec["pages"]))
                pages = None
            else:
                blocks = []
                for n, (chars, edges, bbox) in enumerate(originals, 1):
                    if n in spec["pages"]:
                        rec = spec["images"][variant][str(n)]
                        t = time.perf_counter()
                        chars, edges, bbox, _info = ocr_page.page_from_image(
                            rec["path"], (bbox[2], bbox[3]), engine
                        )
                        times.append(time.perf_counter() - t)
                        if first_page is None:
                            first_page = times[-1]
                    blocks += read_page(chars, edges, bbox, n)
                document = Document(
                    path=spec["pdf"], format="pdf", encoding=None, blocks=join_paragraphs(blocks)
                )
                pages = set(spec["pages"])
            report = extract(document)
            result = score(report, document, pages, truth)
            result["seconds"] = times
            out["runs"][f"{doc}|{variant}"] = result
            print(
                engine_name,
                doc,
                variant,
                f"cells {result['cells']}/{result['cells_of']}",
                f"labels {result['labels']}/{result['labels_of']}",
                f"{statistics.median(times):.2f}s/page",
                flush=True,
            )
    out["cold_s"] = load + (first_page or 0.0)
    out["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{engine_name}.json").write_text(json.dumps(out, ensure_ascii=False, indent=1))


def table() -> str:
    lines = []
    head = "| engine | variant | table-三 cells right | of them misread (wrong number, not missing) | labels right | s/page warm (median) |"
    lines += [head, "|---|---|---|---|---|---|"]
    summary = []
    for name in ENGINES:
        path = RESULTS / f"{name}.json"
        if not path.exists():
            continue
        r = json.loads(path.read_text())
        allc = alll = allc_of = alll_of = 0
        secs = []
        for variant in VARIANTS:
            runs = [v for k, v in r["runs"].items() if k.endswith("|" + variant)]
            if not runs:
                continue
            c, co = sum(x["cells"] for x in runs), sum(x["cells_of"] for x in runs)
            lb, lo = sum(x["labels"] for x in runs), sum(x["labels_of"] for x in runs)
            s = [t for x in runs for t in x["seconds"]]
            secs += s
            allc, allc_of, alll, alll_of = allc + c, allc_of + co, alll + lb, alll_of + lo
            mis = sum(x.get("misread", 0) for x in runs)
            lines.append(
                f"| {r['engine']} | {variant} | {100 * c / co:.1f}% ({c}/{co}) | {mis} | {100 * lb / lo:.1f}% ({lb}/{lo}) | {statistics.median(s):.2f} |"
            )
        summary.append(
            f"| {r['engine']} | {100 * allc / allc_of:.1f}% | {100 * alll / alll_of:.1f}% | {r['cold_s']:.1f} | "
            f"{statistics.median(secs):.2f} | {r['max_rss_mb']:.0f} |"
        )
    lines += [
        "",
        "| engine | cells right, all | labels right, all | cold s (import+load+1st page) | warm s/page | max RSS MB |",
        "|---|---|---|---|---|---|",
        *summary,
    ]
    return "\n".join(lines)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--run")
    p.add_argument("--print", action="store_true")
    p.add_argument("--engines", default=",".join(ENGINES))
    a = p.parse_args()
    if a.run:
        run(a.run)
        return
    if not a.print:
        for name in a.engines.split(","):  # one heavy job at a time
            subprocess.run([sys.executable, __file__, "--run", name], check=True)
    print(table())


if __name__ == "__main__":
    main()
