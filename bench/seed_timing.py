"""Wall time of `reportlint check` on the sample report and on many copies of it.

    python bench/seed_timing.py [--copies 1000] [--repeat 3]

Each figure is the best of `--repeat` runs of the installed command in a fresh process,
as a user or a pre-commit hook would run it. Run by hand; the test suite does not.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "延津县塔铺街道2024年政府信息公开工作年度报告.txt"


def best_of(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if result.returncode not in (0, 1):
            sys.exit(f"{' '.join(command[:3])} … failed: {result.stderr.strip()}")
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    command = [sys.executable, "-m", "reportlint", "check", "--format", "json"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        for i in range(args.copies):
            shutil.copyfile(SEED, folder / f"report-{i:05d}.txt")
        one = best_of([*command, str(SEED)], args.repeat)
        many = best_of([*command, str(folder)], args.repeat)
    print(f"one report (cold process):   {one:7.3f} s")
    print(
        f"{args.copies} copies (one process): {many:7.3f} s  ({1000 * many / args.copies:.1f} ms per report)"
    )


if __name__ == "__main__":
    main()
