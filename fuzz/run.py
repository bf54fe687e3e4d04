"""Run every fuzz target: `python fuzz/run.py --runs 100000` (not part of the test run).

Needs atheris (`pip install atheris`, Linux and macOS wheels; coverage-guided, libFuzzer).

Each target runs in its own process (libFuzzer stops a target at its first crash and
writes the input to fuzz/crashes/); the summary says how many inputs each ran, how long
it took and what it found. `--only text,html` picks targets; `--parallel 2` runs two at once.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGETS = ("text", "html", "markdown", "docx", "pdf", "data")
# pdfminer's time grows with the file (a damaged one is scanned whole for objects): PDF inputs
# are kept to 4 KiB, which still holds a valid one-page file with a ruled table (the seed
# small.pdf), so that 100,000 inputs take an hour rather than three.
MAX_LEN = {"pdf": 4096}


def run(target: str, runs: int, seconds: int) -> tuple[str, int, float, list[str]]:
    """(target, inputs run, seconds, crash files) for one target."""
    crashes = HERE / "crashes"
    crashes.mkdir(exist_ok=True)
    log = HERE / "logs" / f"{target}.log"
    log.parent.mkdir(exist_ok=True)
    before = set(crashes.iterdir())
    command = [
        sys.executable, str(HERE / f"fuzz_{target}.py"), f"-runs={runs}", "-timeout=90", "-rss_limit_mb=2048",
        f"-artifact_prefix={crashes}/{target}-", "-print_final_stats=1",
    ]  # fmt: skip
    if target in MAX_LEN:
        command.append(f"-max_len={MAX_LEN[target]}")
    if seconds:
        command.append(f"-max_total_time={seconds}")
    started = time.monotonic()
    with log.open("w") as out:
        subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, cwd=HERE, check=False)
    elapsed = time.monotonic() - started
    text = log.read_text(errors="replace")
    done = re.findall(r"stat::number_of_executed_units:\s*(\d+)", text) or re.findall(
        r"Done (\d+) runs", text
    )
    # its own findings only: targets run side by side share the folder
    found = sorted(str(p) for p in set(crashes.iterdir()) - before if p.name.startswith(f"{target}-"))
    return target, int(done[-1]) if done else 0, elapsed, found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100_000, help="inputs per target (default 100000)")
    parser.add_argument(
        "--seconds", type=int, default=0, help="stop each target after this long (0: no limit)"
    )
    parser.add_argument("--only", default=",".join(TARGETS), help="comma-separated targets")
    parser.add_argument("--parallel", type=int, default=1, help="targets run at once")
    args = parser.parse_args()
    chosen = [t.strip() for t in args.only.split(",") if t.strip()]
    with ThreadPoolExecutor(max(1, args.parallel)) as pool:
        outcomes = list(pool.map(lambda t: run(t, args.runs, args.seconds), chosen))
    failed = False
    for target, runs, elapsed, found in outcomes:
        print(
            f"{target:<9} {runs:>8} inputs in {elapsed:7.0f} s  {'crash: ' + ', '.join(found) if found else 'no crash'}"
        )
        failed = failed or bool(found)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
