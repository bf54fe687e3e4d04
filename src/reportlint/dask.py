"""Lint a corpus beyond one machine: the files mapped over a `dask.bag`, the results gathered.

The same two phases as `reportlint.api.lint_paths`, so the same results in the same order:
each file on its own, here on the workers of a Dask scheduler, then the comparisons across
reports (X8xx) on the client once every report is in (the workers send back a light report
for them). Every worker needs reportlint installed and the files at the paths the client
names (a shared file system); a `cache_dir` they share is used by all of them. Needs the
`dask` extra: ``pip install 'reportlint[dask]'``.

    from reportlint.dask import lint_paths
    results = lint_paths(["reports/"], scheduler="tcp://10.0.0.5:8786")
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

import dask.bag

from reportlint.api import FileResult, Options, _across, _Alone, _configure, _lint_alone, discover
from reportlint.cache import Cache

LOCAL_SCHEDULERS = ("threads", "processes", "synchronous", "sync", "single-threaded")


def lint_paths(
    paths: Iterable[str],
    options: Options | None = None,
    scheduler: Any = None,
    cache_dir: str | None = None,
    partition_size: int = 64,
) -> list[FileResult]:
    """Lint files and folders as one run on Dask. `scheduler` is a `distributed.Client`, a
    scheduler's address (``tcp://host:8786``), a scheduler file (``scheduler.json``), ``local``
    for a LocalCluster on this machine, one of Dask's local schedulers (``processes``), or
    None for Dask's default."""
    options = (options or Options()).for_run()
    files = list(discover(paths, options))
    if not files:
        return []
    bag = dask.bag.from_sequence(files, partition_size=partition_size)
    with _scheduler(scheduler) as chosen:
        alone: list[_Alone] = list(_alone_bag(bag, options, cache_dir).compute(scheduler=chosen))
    return _across(alone, options)


def lint_bag(
    paths: dask.bag.Bag, options: Options | None = None, cache_dir: str | None = None
) -> dask.bag.Bag:
    """A lazy bag of each path's FileResult, linted on its own (to compose with other Dask work,
    e.g. ``.map(lambda r: [d.to_json() for d in r.diagnostics]).flatten().to_dataframe()``).
    The comparisons across reports need every
    report at once: `lint_paths` runs them."""
    return _alone_bag(paths, options or Options(), cache_dir).map(_result)


def _result(alone: _Alone) -> FileResult:
    return alone.result


def _alone_bag(paths: dask.bag.Bag, options: Options, cache_dir: str | None) -> dask.bag.Bag:
    return paths.map_partitions(_lint_partition, options=options, cache_dir=cache_dir)


def _lint_partition(paths: Iterable[str], options: Options, cache_dir: str | None) -> list[_Alone]:
    """One worker's share: plugins hear the settings first, as in a local run; the reports stay
    light (only what the comparisons across reports read travels back)."""
    paths = list(paths)
    if paths:
        _configure(options.settings(paths[0]))
    store = Cache(cache_dir) if cache_dir else None
    return [_lint_alone(path, options, store, keep_report=False) for path in paths]


class _scheduler:
    """The scheduler to compute on; a LocalCluster or Client made here is closed afterwards."""

    def __init__(self, scheduler: Any) -> None:
        self.given = scheduler
        self.made: list[Any] = []

    def __enter__(self) -> Any:
        given = self.given
        if given is None or not isinstance(given, str) or given in LOCAL_SCHEDULERS:
            return given
        from distributed import Client, LocalCluster

        if given == "local":
            cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
            cluster = LocalCluster(n_workers=cores or 1, threads_per_worker=1, dashboard_address=None)
            self.made.append(cluster)
            client = Client(cluster)
        elif given.endswith(".json"):
            client = Client(scheduler_file=given)
        else:
            client = Client(given)
        self.made.insert(0, client)
        return client

    def __exit__(self, *exc: object) -> None:
        for made in self.made:
            made.close()
