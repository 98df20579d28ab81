"""Per-source work: read and recognise one source within its limits, in worker processes or on a cluster."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from cnbudget.model import SourceResult
from cnbudget.pipeline.cache import Cache
from cnbudget.pipeline.cluster import read_on_cluster
from cnbudget.pipeline.per_source import Limits, read_one
from cnbudget.pipeline.workers import read_in_workers


def read_all(
    files: list[Path],
    jobs: int,
    debug: bool,
    limits: Limits,
    progress: Callable[[int, int], None] | None = None,
    cache: Cache | None = None,
    scheduler: str | None = None,
) -> list[SourceResult]:
    """Every source read, in the order of ``files`` whatever the number of workers.

    A source whose bytes and reader are unchanged since it was last read comes from the cache;
    the others are read in worker processes (``jobs``) or on a Dask cluster (``scheduler``).
    """
    found: dict[Path, SourceResult] = {}
    if cache is not None:
        for f in files:
            hit = cache.get(f)
            if hit is not None:
                found[f] = hit
    todo = [f for f in files if f not in found]
    done = len(found)

    def tick() -> None:
        if progress:
            progress(done, len(files))

    tick()
    if scheduler is not None and todo:
        fresh: Iterable[SourceResult] = read_on_cluster(scheduler, todo, debug, limits)
    else:  # each source in a worker process bounded in time and memory
        fresh = read_in_workers(read_one, todo, jobs, debug, limits)
    for f, result in zip(todo, fresh):
        found[f] = result
        if cache is not None:
            cache.put(f, result)
        done += 1
        tick()
    return [found[f] for f in files]
