"""Reading on a Dask cluster: ``--scheduler ADDRESS`` hands the read stage to Dask distributed.

Each task carries the source's bytes (workers need no shared file system) and returns the same
SourceResult a local worker would, so a cluster build gives the same packages as a local one.
The rest of the build (grouping, normalising, checking, packaging, the site) stays on the
machine that runs ``build.py``: it is light next to reading PDFs. On a cluster the per-source
time limit is not enforced (Dask runs tasks in threads, where no timer can interrupt them);
use Dask's own worker lifetime settings instead.
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from cnbudget.model import SourceResult
from cnbudget.pipeline.per_source import Limits, read_one


def read_bytes_as(name: str, data: bytes, debug: bool, limits: Limits) -> SourceResult:
    """A worker's task: write the bytes to a private temporary file named like the source, read it."""
    with tempfile.TemporaryDirectory(prefix="cnbudget-") as folder:
        path = Path(folder) / Path(name).name
        path.write_bytes(data)
        return read_one(path, debug, limits)


def read_on_cluster(scheduler: str, files: list[Path], debug: bool, limits: Limits) -> list[SourceResult]:
    """Every file read on the cluster at ``scheduler`` (a Dask address, or a Client), in order."""
    try:
        from distributed import Client
    except ImportError as exc:  # an optional dependency: say how to get it
        raise SystemExit("--scheduler needs Dask distributed: pip install 'cnbudget[cluster]'") from exc
    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)  # type: ignore[no-untyped-call]
    try:
        futures = [client.submit(read_bytes_as, f.name, f.read_bytes(), debug, limits, pure=False) for f in files]
        results: list[SourceResult] = client.gather(futures)  # type: ignore[no-untyped-call]
    finally:
        if not isinstance(scheduler, Client):
            client.close()  # type: ignore[no-untyped-call]
    for f, result in zip(files, results):
        result.path = f
        if result.document is not None:
            result.document.source = dataclasses.replace(result.document.source, path=f)
    return results
