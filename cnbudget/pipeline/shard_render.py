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

A shard whose inputs (its view of the packages, the templates, the code, the settings) are those
of the shard already published is not rendered again: its files are linked from the published
site (hard links, or copies where the file system has none), so one changed source renders one
shard.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import io
import logging
import shutil
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cnbudget.package.publish import link_tree
from cnbudget.pipeline.cache import FileHashes, code_digest
from cnbudget.pipeline.workers import Bounds, Stopped, run_bounded
from cnbudget.render.config import SiteConfig, load_config
from cnbudget.render.shards import REPORT, Shard, prune_assets, write_index, write_views

Log = Callable[[str], None]
SHARD_DIGEST = ".cnbudget-digest"


def tree_digest(folder: Path, seed: str, hashes: FileHashes | None = None) -> str:
    """SHA-256 of every file under `folder` (links followed), by path and bytes' digest, after `seed`."""
    hashes = hashes if hashes is not None else FileHashes(None)
    digest = hashlib.sha256(seed.encode())
    for path in sorted(folder.rglob("*")):
        if path.is_dir():
            continue
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
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
) -> None:
    """Every shard into `staging/<slug>/` (linked from `published` where unchanged), and the national index."""
    config = config if config is not None else load_config()
    seed = code_digest() + repr(config) + tree_digest(templates, "")
    with tempfile.TemporaryDirectory(prefix="cnbudget-views-") as tmp:
        views = write_views(datapackages, shards, Path(tmp))
        tasks: list[tuple[Path, Path, str]] = []
        configs: dict[Path, SiteConfig] = {}
        reused = 0
        for shard in shards:
            view, out = views[shard.slug], staging / shard.slug
            digest = tree_digest(view, seed + shard.slug, hashes)
            old = published / shard.slug / SHARD_DIGEST
            if old.is_file() and old.read_text(encoding="utf-8") == digest:
                link_tree(published / shard.slug, out)
                reused += 1
                continue
            tasks.append((view, out, digest))
            configs[view] = shard_config(config, shard)
        log(f"render: {len(shards)} shards, {len(tasks)} to render, {reused} unchanged")
        if tasks:
            logs = _render_dask(tasks, templates, configs, scheduler) if scheduler else _render_local(tasks, templates, configs, jobs)
            for (view, _, _), lines in zip(tasks, logs):
                for line in lines:
                    log(f"{view.name}: {line}")
    from cnbudget.render.site import SITE_NAME

    write_index(staging, shards, SITE_NAME)
    if (datapackages / REPORT).is_file():
        shutil.copyfile(datapackages / REPORT, staging / REPORT)
