"""Rendering a sharded site: each shard in a process of its own, locally (`--jobs`) or on Dask (`--scheduler`).

The main process never holds a page: it reads each package's `disclosure.csv` to plan the shards
(`cnbudget/render/shards.py`), writes each shard's view of the packages in one pass over `all/`,
and hands every shard whose inputs changed to a worker. A worker renders one shard with
`render_site` and ends (a fresh process per shard, so a shard's memory is given back before the
next), so memory grows with the largest shard, not with the collection. Locally, the workers are
the build's bounded workers (`workers.py`), forked from the build after it loaded mkdocs and
jieba's dictionary once (a spawned worker loaded them for itself: seconds a shard), and killed with
the build. On Dask a task carries its
shard's view and the templates as a tar archive and returns the rendered shard the same way, so
workers need no shared file system, and the output is the same bytes as a local render.

A shard whose inputs (its packages' files, its part of `all/` and of the report, the templates,
the code, the settings) are those of the shard already published is not rendered again, and its
view is not written: over a published sharded site it is not staged at all (the site is staged
in part, `publication.py`), otherwise its files are linked from the published site (hard links,
or copies where the file system has none), so one changed source renders and publishes one shard.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import io
import logging
import os
import shutil
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cnbudget.package.outputs import MARKER
from cnbudget.package.partial import is_partial, remove_on_publish
from cnbudget.package.publish import link_tree
from cnbudget.pipeline.cache import FileHashes, code_digest, entry_digests, files_under
from cnbudget.pipeline.workers import Bounds, Stopped, run_bounded
from cnbudget.render.config import SiteConfig, load_config
from cnbudget.render.published import ALL
from cnbudget.render.shards import REPORT, Shard, all_files, is_shared, prune_assets, published_parts, shard_descriptor, shard_report, write_index, write_views

Log = Callable[[str], None]
SHARD_DIGEST = ".cnbudget-digest"


def tree_digest(folder: Path, seed: str, hashes: FileHashes | None = None) -> str:
    """SHA-256 of every file under `folder` (links followed), by path and bytes' digest, after `seed`."""
    hashes = hashes if hashes is not None else FileHashes(None)
    digest = hashlib.sha256(seed.encode())
    for relative, path in files_under(folder):
        digest.update(relative.encode() + b"\0")
        digest.update(hashes.of(path).encode())
    return digest.hexdigest()


def shard_config(config: SiteConfig, shard: Shard) -> SiteConfig:
    """A shard's settings: the site's address with the shard's folder after it."""
    return dataclasses.replace(config, site_url=f"{config.site_url}{shard.slug}/" if config.site_url else "")


def render_one(view: str, out: str, templates: str, config: SiteConfig, digest: str) -> list[str]:
    """A worker's task: render the shard whose packages are in `view` into `out`; its log lines."""
    from cnbudget.render.site import render_site

    lines: list[str] = []
    render_site(Path(view), Path(out), Path(templates), log=lines.append, config=config)
    prune_assets(Path(out))
    (Path(out) / SHARD_DIGEST).write_text(digest, encoding="utf-8")
    return lines


def _pack(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        tar.add(folder, arcname=".", recursive=True, filter=None)
    return buffer.getvalue()


def _pack_view(view: Path) -> bytes:
    """The view with its linked package folders as real folders."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", dereference=True) as tar:
        tar.add(view, arcname=".")
    return buffer.getvalue()


def _unpack(data: bytes, folder: Path) -> None:
    with tarfile.open(fileobj=io.BytesIO(data), mode="r") as tar:
        tar.extractall(folder, filter="data")


def render_packed(view: bytes, templates: bytes, config: SiteConfig, digest: str) -> tuple[bytes, list[str]]:
    """A Dask task: the same as `render_one`, its inputs and output carried as tar archives."""
    with tempfile.TemporaryDirectory(prefix="cnbudget-shard-") as tmp:
        root = Path(tmp)
        _unpack(view, root / "view")
        _unpack(templates, root / "templates")
        lines = render_one(str(root / "view"), str(root / "site"), str(root / "templates"), config, digest)
        return _pack(root / "site"), lines


class ShardRenderError(Exception):
    """A shard's worker died without rendering it."""


def warm_render() -> None:
    """Load once, before the shard workers are forked, what each would load for itself: mkdocs, Material and jieba's dictionary."""
    import jieba
    import mkdocs.commands.build
    import mkdocs.config  # noqa: F401

    from cnbudget.render import site  # noqa: F401

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()


def _render_local(tasks: list[tuple[Path, Path, str]], templates: Path, configs: dict[Path, SiteConfig], jobs: int) -> list[list[str]]:
    """Each shard in a worker forked from this process (so it starts warm, and dies with the build), in order."""
    warm_render()
    calls = [functools.partial(render_one, str(view), str(out), str(templates), configs[view], digest) for view, out, digest in tasks]
    logs: list[list[str]] = []
    for (view, _, _), outcome in zip(tasks, run_bounded(calls, jobs, Bounds(0.0, 0, 0.0)), strict=True):
        if isinstance(outcome, Stopped):
            raise ShardRenderError(f"rendering the shard {view.name} stopped: {outcome}")
        logs.append(outcome)
    return logs


def _render_dask(tasks: list[tuple[Path, Path, str]], templates: Path, configs: dict[Path, SiteConfig], scheduler: Any) -> list[list[str]]:
    try:
        from distributed import Client
    except ImportError as exc:
        raise SystemExit("--scheduler needs Dask distributed: pip install 'cnbudget[cluster]'") from exc
    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)  # type: ignore[no-untyped-call]
    try:
        packed = client.scatter(_pack(templates), broadcast=True)  # type: ignore[no-untyped-call]
        futures = [client.submit(render_packed, _pack_view(view), packed, configs[view], digest, pure=False) for view, _, digest in tasks]
        logs = []
        for (_, out, _), future in zip(tasks, futures):
            data, lines = future.result()
            _unpack(data, out)
            logs.append(lines)
            del data
        return logs
    finally:
        if not isinstance(scheduler, Client):
            client.close()  # type: ignore[no-untyped-call]


def shard_digest(shard: Shard, seed: str, entries: dict[str, str], parts: tuple[dict[str, object] | None, object], shared: str) -> str:
    """What a shard is made from: its packages' files (`entries`: each package's digest), its `all/` descriptor and report, the shared resources."""
    descriptor, report = parts
    digest = hashlib.sha256((seed + shard.slug).encode())
    for name in shard.packages:
        digest.update(f"{name}\0{entries.get(name, '')}\0".encode())
    digest.update(shard_descriptor(descriptor, shard).encode() if descriptor is not None else b"-")
    digest.update(shard_report(report, shard).encode() if report is not None else b"-")
    digest.update(shared.encode())
    return digest.hexdigest()


def render_shards(
    datapackages: Path,
    shards: list[Shard],
    staging: Path,
    published: Path,
    templates: Path,
    *,
    jobs: int = 1,
    scheduler: Any = None,
    log: Log = print,
    config: SiteConfig | None = None,
    hashes: FileHashes | None = None,
    entries: dict[str, str] | None = None,
) -> None:
    """Every shard into `staging/<slug>/` (left or linked from `published` where unchanged), and the national index.

    `entries` are the digests of the packages folder's entries (`cache.entry_digests`). Staged in
    part (`is_partial(staging)`), an unchanged shard is not staged at all: it stays where it is published.
    """
    config = config if config is not None else load_config()
    hashes = hashes if hashes is not None else FileHashes(None)
    entries = entries if entries is not None else entry_digests(datapackages, hashes)
    seed = code_digest() + repr(config) + tree_digest(templates, "", hashes)
    parts = published_parts(datapackages)
    shared = "".join(f"{path}\0{hashes.of(datapackages / ALL / path)}\0" for path in all_files(parts[0]) if is_shared(datapackages / ALL / path))
    partial = is_partial(staging)
    todo: list[Shard] = []
    kept: set[str] = set()
    digests: dict[str, str] = {}
    for shard in shards:
        digests[shard.slug] = digest = shard_digest(shard, seed, entries, parts, shared)
        old = published / shard.slug / SHARD_DIGEST
        if old.is_file() and old.read_text(encoding="utf-8") == digest:
            if not partial:
                link_tree(published / shard.slug, staging / shard.slug)
            kept.add(shard.slug)
            continue
        todo.append(shard)
    log(f"render: {len(shards)} shards, {len(todo)} to render, {len(kept)} unchanged")
    if todo:
        with tempfile.TemporaryDirectory(prefix="cnbudget-views-") as tmp:
            views = write_views(datapackages, todo, Path(tmp))
            tasks = [(views[s.slug], staging / s.slug, digests[s.slug]) for s in todo]
            configs = {views[s.slug]: shard_config(config, s) for s in todo}
            logs = _render_dask(tasks, templates, configs, scheduler) if scheduler else _render_local(tasks, templates, configs, jobs)
            for (view, _, _), lines in zip(tasks, logs):
                for line in lines:
                    log(f"{view.name}: {line}")
    from cnbudget.render.site import SITE_NAME

    write_index(staging, shards, SITE_NAME)
    if (datapackages / REPORT).is_file():
        shutil.copyfile(datapackages / REPORT, staging / REPORT)
    if partial:  # the published site's other entries (shards no longer planned, a one site's folders) go
        remove_on_publish(staging, [n for n in os.listdir(published) if n not in kept and n != MARKER])
