"""Linting on a Dask cluster (`reportlint.dask`, `check --dask`) gives what a local run gives.

The cluster is a real `distributed.LocalCluster` of worker processes: the files are read,
extracted and checked on the workers, the comparisons across reports (X8xx) on the client.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reportlint.api import Options, lint_paths

from conftest import SEED, run_cli

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
reportlint_dask = pytest.importorskip("reportlint.dask")

SEED_TEXT = SEED.read_text(encoding="utf-8")
DATA = Path(__file__).parent / "data" / "reports"


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Real reports with faults of every kind, plus last year's report and a near copy, so that
    the comparisons across reports (X801, X803) have something to find."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for path in sorted(DATA.glob("*.txt")):
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "塔铺街道2024年报.txt").write_text(SEED_TEXT, encoding="utf-8")
    (folder / "塔铺街道2023年报.txt").write_text(
        SEED_TEXT.replace("2024", "2023").replace(
            "四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0", "四、结转下年度继续办理\t\t2\t0\t0\t0\t0\t0\t2"
        ),
        encoding="utf-8",
    )
    (folder / "第九街道2024年报.txt").write_text(SEED_TEXT.replace("塔铺街道", "第九街道"), encoding="utf-8")
    return folder


def as_json(results) -> list[list[dict]]:
    return [[d.to_json() for d in r.diagnostics] for r in results]


def test_dask_run_matches_the_local_run(client, corpus):
    local = lint_paths([str(corpus)], Options(find_config=False))
    with distributed.get_task_stream(client) as stream:
        remote = reportlint_dask.lint_paths(
            [str(corpus)], Options(find_config=False), scheduler=client, partition_size=8
        )
    assert [r.path for r in remote] == [r.path for r in local]
    assert as_json(remote) == as_json(local)
    codes = {d["code"] for found in as_json(remote) for d in found}
    assert {
        "M401",
        "L201",
        "E001",
        "X801",
        "X803",
    } <= codes  # faults of each reader and rule family, and across
    ran_on = {task["worker"] for task in stream.data if task["key"][0].startswith("_lint_partition")}
    assert len(ran_on) == 2  # the files were linted on both workers, not on the client


def test_command_line_on_a_scheduler_address(client, corpus, tmp_path):
    address = client.scheduler.address
    cache = tmp_path / "cache"
    local = run_cli("check", "--format", "json", "--no-cache", "-j", "1", str(corpus))
    remote = run_cli("check", "--format", "json", "--dask", address, "--cache-dir", str(cache), str(corpus))
    assert remote.returncode == local.returncode == 1
    assert remote.stdout == local.stdout and json.loads(remote.stdout)
    assert list(cache.rglob("*.json"))  # the workers filled the cache the client named
    warm = run_cli("check", "--format", "json", "--dask", address, "--cache-dir", str(cache), str(corpus))
    assert warm.stdout == local.stdout


def test_bag_of_results_composes_with_other_dask_work(client, corpus):
    import dask.bag

    paths = sorted(str(p) for p in corpus.iterdir())
    bag = reportlint_dask.lint_bag(dask.bag.from_sequence(paths, npartitions=3), Options(find_config=False))
    codes = (
        bag.map(lambda r: [d.code for d in r.diagnostics]).flatten().frequencies().compute(scheduler=client)
    )
    local = [d.code for r in lint_paths(paths, Options(find_config=False)) for d in r.diagnostics]
    alone = [code for code in local if not code.startswith("X8")]
    assert dict(codes) == {code: alone.count(code) for code in set(alone)}


def test_unreachable_scheduler_is_a_one_line_error(corpus):
    env = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "1s"}
    done = subprocess.run(
        [sys.executable, "-m", "reportlint", "check", "--dask", "tcp://127.0.0.1:9", str(corpus)],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.startswith("reportlint: cannot reach the Dask scheduler tcp://127.0.0.1:9")
    assert "Traceback" not in done.stderr and not done.stdout
