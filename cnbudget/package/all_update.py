"""``all/`` updated for the packages that changed, in time proportional to the change.

``all/`` is each resource's header and every package's rows in disclosure-id order, as the packages
hold them (``write.write_all_from_packages``); a shared resource (the classifications) keeps each
key's first row, in key order. So when a few packages change, each resource's new file is the old
one with those packages' byte ranges replaced: the ranges come from the old packages' file sizes,
and each replaced range is compared with the old package's rows before it is dropped (any mismatch,
and the caller writes ``all/`` whole). A resource whose changed packages hold the same rows as before
is linked unchanged; a shared resource that changed is written again from every package (it is small).

Its check (``key_errors``) is what ``all/`` adds to the packages, each validated already: the
descriptor and every header, each disclosure id once and in order, and the changed packages'
classification keys present in ``all/``.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
from pathlib import Path

from cnbudget.package.structure import _descriptor_errors, compiled
from cnbudget.package.write import SHARED, csv_line, shared_rows, write_text
from cnbudget.schema import RESOURCES


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _copy_range(src: int, dst: int, offset: int, count: int) -> None:
    """``count`` bytes of ``src`` from ``offset`` appended to ``dst`` (in the kernel where it can)."""
    while count > 0:
        try:
            done = os.copy_file_range(src, dst, count, offset)
        except OSError:
            done = 0
        if done <= 0:  # no copy_file_range here: read and write
            data = os.pread(src, min(count, 1 << 20), offset)
            if not data:
                raise ValueError("all/ is shorter than its packages")
            done = os.write(dst, data)
        offset += done
        count -= done


def _write(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _body(path: Path, header: bytes) -> bytes | None:
    """A package CSV's bytes after its header; None when its header is not ``header``."""
    data = path.read_bytes()
    return data[len(header) :] if data.startswith(header) else None


def _splice(old_file: Path, target: Path, header: bytes, before: list[str], after: list[str], old_of: Path, new_of: Path, touched: set[str]) -> bool:
    """``target``: ``old_file`` with the ``touched`` packages' rows replaced; False when ``old_file`` is not what its packages add up to."""
    sizes = {i: (old_of / i / old_file.name).stat().st_size - len(header) for i in before}
    if len(header) + sum(sizes.values()) != old_file.stat().st_size:
        return False
    offsets, at = {}, len(header)
    for i in before:
        offsets[i], at = at, at + sizes[i]
    kept = set(before) - touched
    with old_file.open("rb") as src, target.open("wb", buffering=0) as dst:
        if src.read(len(header)) != header:
            return False
        _write(dst.fileno(), header)
        run: tuple[int, int] | None = None  # a stretch of unchanged packages' rows, copied in one go
        for i in sorted(set(before) | set(after)):
            if i in kept:
                run = (run[0], offsets[i] + sizes[i]) if run is not None and run[1] == offsets[i] else _flush(src, dst, run, (offsets[i], offsets[i] + sizes[i]))
                continue
            run = _flush(src, dst, run, None)
            if i in sizes and _body(old_of / i / old_file.name, header) != os.pread(src.fileno(), sizes[i], offsets[i]):
                return False  # all/ does not hold this package's old rows where they should be
            if i in after:
                new = _body(new_of / i / old_file.name, header)
                if new is None:
                    return False
                _write(dst.fileno(), new)
        _flush(src, dst, run, None)
    return True


def _flush(src: object, dst: object, run: tuple[int, int] | None, nxt: tuple[int, int] | None) -> tuple[int, int] | None:
    if run is not None:
        _copy_range(src.fileno(), dst.fileno(), run[0], run[1] - run[0])  # type: ignore[attr-defined]
    return nxt


def update_all(published: Path, view: Path, folder: Path, before: list[str], after: list[str], changed: set[str], descriptor: str) -> bool:
    """``folder`` (the new ``all/``) from the published one, for packages ``changed`` (in ``view``) and those added or removed.

    ``before`` and ``after`` are the package ids of the published ``all/`` and of the new one, sorted.
    False (``folder`` left to the caller) when the published ``all/`` is not the sum of its packages.
    """
    old = published / "all"
    touched = changed | (set(before) ^ set(after))
    folder.mkdir(parents=True, exist_ok=True)
    for resource in RESOURCES:
        name = f"{resource.name}.csv"
        header = csv_line(resource.field_names).encode()
        if not (old / name).is_file():
            return False
        same = set(before) == set(after) and all(_body(published / i / name, header) == _body(view / i / name, header) for i in sorted(touched))
        if same:
            _link(old / name, folder / name)
        elif resource.name in SHARED:
            with (folder / name).open("w", encoding="utf-8", newline="") as out:
                out.write(csv_line(resource.field_names))
                out.writelines(shared_rows(resource, [view / i / name for i in after]))
        elif not _splice(old / name, folder / name, header, before, after, published, view, touched):
            return False
    write_text(folder / "datapackage.json", descriptor)
    return True


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def key_errors(folder: Path, after: list[str], changed: list[Path]) -> list[str]:
    """What ``all/`` in ``folder`` adds to its packages' own validity: descriptor, headers, ids, the ``changed`` packages' classification keys."""
    try:
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"package: package-error: datapackage.json cannot be read as JSON ({exc})"]
    errors, resources = _descriptor_errors(descriptor)
    for resource in resources:
        try:
            names = compiled(resource["schema"]).names
        except (ValueError, KeyError, TypeError) as exc:
            errors.append(f"{resource['name']}: schema-error: {exc}")
            continue
        path = folder / str(resource["path"])
        with path.open(encoding="utf-8", newline="") as handle:
            if next(csv.reader(handle), None) != names:
                errors.append(f"{resource['name']}: blank-header: the header is not the schema's fields")
    if errors:
        return errors
    first = RESOURCES[0].field_names.index("disclosure_id")
    ids = [row[first] for row in _rows(folder / "disclosure.csv")[1:]]
    if ids != after:
        errors.append(f"disclosure: primary-key: the disclosure ids of all/ are not each package's once, in order ({len(ids)} rows, {len(after)} packages)")
    for shared in (r for r in RESOURCES if r.name in SHARED):
        key = [shared.field_names.index(f) for f in shared.primary_key]
        known = {tuple(row[i] for i in key) for row in _rows(folder / f"{shared.name}.csv")[1:]}
        for package in changed:
            missing = [[row[i] for i in key] for row in _rows(package / f"{shared.name}.csv")[1:] if tuple(row[i] for i in key) not in known]
            if missing:
                errors.append(f"{shared.name}: foreign-key: {package.name}'s keys {missing[:3]} are not in all/")
    return errors
