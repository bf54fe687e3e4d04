"""Make scanned-looking test pages from the test PDFs, as a scanner would.

For each document in DOCS, the pages that hold table 三 (and its section heading) are
rendered with `pdftoppm -gray` at 150 and 200 dpi, then varied:

  clean       as rendered
  turned      rotated by a fixed ±1–2° (per page, seeded), white fill, as a sheet fed askew
  speckled    salt-and-pepper specks (1–2 px dark dots, white drop-outs) + mild grain
  turned+speckled   both

and a few pages are bound into image-only PDFs (Pillow, JPEG inside) like a scanner's PDF.
Ground truth: `reportlint parse --format json` of the original, in scans/gt/DOC.json.

    python bench/ocr/make_scans.py          # -> bench/ocr/scans/ (not committed)
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

HERE = Path(__file__).resolve().parent
SCANS = HERE / "scans"
DATA = HERE.parent.parent / "tests" / "data" / "pdf"
REPORTLINT = [sys.executable, "-m", "reportlint"]  # the reportlint of the venv this runs in

# document -> pages (1-based) that carry table 三: heading page .. last table page
DOCS = {
    "hz-2024": [3, 4],  # real WPS export, A4
    "seed-libreoffice": [2, 3],  # LibreOffice, A5
    "m402-chromium": [2, 3, 4, 5],  # Chromium print, A5, table split over 3 pages
}
DPIS = (150, 200)
VARIANTS = ("clean", "turned", "speckled", "turned+speckled")


def render(pdf: Path, page: int, dpi: int, out: Path) -> Path:
    prefix = out / f"r{dpi}"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-gray",
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(prefix),
        ],
        check=True,
    )
    return prefix.with_suffix(".png")


def turned(img: Image.Image, rng: random.Random) -> tuple[Image.Image, float]:
    angle = rng.choice((-1, 1)) * rng.uniform(1.0, 2.0)
    return img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255), angle


def speckled(img: Image.Image, rng: random.Random) -> Image.Image:
    a = np.asarray(img, dtype=np.int16).copy()
    g = np.random.default_rng(rng.randrange(1 << 30))
    h, w = a.shape
    a += g.normal(0, 12, a.shape).astype(np.int16)  # sensor grain
    n = int(h * w * 0.002)  # dark specks, 1-2 px
    ys, xs = g.integers(0, h - 2, n), g.integers(0, w - 2, n)
    a[ys, xs] = g.integers(0, 90, n)
    big = g.random(n) < 0.3
    a[ys[big] + 1, xs[big]] = 40
    a[ys[big], xs[big] + 1] = 40
    m = int(h * w * 0.002)  # white drop-outs (in strokes and rules too)
    a[g.integers(0, h, m), g.integers(0, w, m)] = 255
    out = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")
    return out.filter(ImageFilter.GaussianBlur(0.4))  # a scanner's optics


def main() -> None:
    SCANS.mkdir(exist_ok=True)
    (SCANS / "gt").mkdir(exist_ok=True)
    manifest: dict = {}
    for doc, pages in DOCS.items():
        pdf = DATA / f"{doc}.pdf"
        gt = subprocess.run(
            [*REPORTLINT, "parse", "--format", "json", str(pdf)], capture_output=True, check=True
        ).stdout
        (SCANS / "gt" / f"{doc}.json").write_bytes(gt)
        manifest[doc] = {"pdf": str(pdf), "pages": pages, "images": {}}
        for dpi in DPIS:
            for page in pages:
                rng = random.Random(f"{doc}-{page}-{dpi}")
                d = SCANS / doc / str(dpi)
                d.mkdir(parents=True, exist_ok=True)
                base = Image.open(render(pdf, page, dpi, d)).convert("L")
                imgs = {"clean": base}
                imgs["turned"], angle = turned(base, rng)
                imgs["speckled"] = speckled(base, rng)
                imgs["turned+speckled"] = speckled(imgs["turned"], rng)
                for variant, img in imgs.items():
                    name = d / f"p{page}-{variant.replace('+', '-')}.png"
                    img.save(name)
                    manifest[doc]["images"].setdefault(f"{dpi}/{variant}", {})[page] = {
                        "path": str(name),
                        "angle": angle if "turned" in variant else 0.0,
                    }
                os.remove(d / f"r{dpi}.png")
        # a scanner's image-only PDF: 200 dpi, turned+speckled, JPEG inside
        imgs = [Image.open(manifest[doc]["images"]["200/turned+speckled"][p]["path"]) for p in pages]
        out = SCANS / f"{doc}-scan.pdf"
        imgs[0].save(out, "PDF", resolution=200.0, save_all=True, append_images=imgs[1:], quality=75)
        manifest[doc]["scan_pdf"] = str(out)
    (SCANS / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    print(f"wrote {SCANS}", file=sys.stderr)


if __name__ == "__main__":
    main()
