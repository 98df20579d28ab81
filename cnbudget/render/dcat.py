"""Whether ``data.json`` is a DCAT-US 1.1 catalogue: its JSON Schema (vendored in ``cnbudget/data/dcat-us-1.1/``)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "dcat-us-1.1"
# `non-federal` is DCAT-US 1.1 for publishers outside the US federal government; `federal` adds the
# US OMB bureau and program codes (see the README beside the schemas).
VARIANTS = ("non-federal", "federal")


def _is_uri(value: object) -> bool:
    """A URI names its scheme (`https:`, `mailto:` …); a path relative to the site is not one."""
    return not isinstance(value, str) or bool(urlsplit(value).scheme)


@cache
def validator(variant: str = "non-federal") -> Draft4Validator:
    """A draft-4 validator of whole catalogues, its `$ref`s resolved from the vendored files only (no network)."""
    folder = SCHEMAS / variant
    resources = [Resource.from_contents(json.loads(p.read_text(encoding="utf-8")), default_specification=DRAFT4) for p in sorted(folder.glob("*.json"))]
    registry: Registry[Any] = Registry().with_resources((r.id() or "", r) for r in resources).crawl()
    catalog = json.loads((folder / "catalog.json").read_text(encoding="utf-8"))
    formats = FormatChecker(formats=())
    formats.checks("uri")(_is_uri)
    return Draft4Validator(catalog, registry=registry, format_checker=formats)


def catalogue_errors(catalogue: object, variant: str = "non-federal") -> list[str]:
    """Every way ``catalogue`` breaks DCAT-US 1.1, as "where: what" lines; empty when it is valid."""
    errors = sorted(validator(variant).iter_errors(catalogue), key=lambda e: [str(p) for p in e.absolute_path])
    return [f"{'/'.join(str(p) for p in e.absolute_path) or '(catalogue)'}: {e.message[:300]}" for e in errors]
