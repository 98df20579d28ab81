"""Sources → disclosures: a narrative file and its tables file together, copies of one document skipped.

Files are grouped by what they say (unit under any spelling, year, kind, scope); a file that names its
year but no unit joins the disclosure whose tables print the most of its figures. Files join only when
they complete each other (one holds the narrative, the other the tables): two that each hold the tables
(two complete documents) or each only the narrative are never merged, both fail as a collision.
"""

from __future__ import annotations

import re
from pathlib import Path

from cnbudget.model import Identity, SourceResult
from cnbudget.recognise.ids import canonical_unit, disclosure_slug, unit_slug

# A file holds the tables when it prints at least this many kinds of standard table; a narrative
# may embed one or two (a 基本支出 breakdown) without being the disclosure's tables.
TABLE_KINDS = 3


def _contents(result: SourceResult) -> set[str]:
    kinds = {b.kind for b in result.blocks if b.kind != "narrative"}
    return kinds or {"narrative"}


def holds_tables(result: SourceResult) -> bool:
    """Whether a file prints the disclosure's tables (on their own, or after its narrative)."""
    return len(_contents(result) - {"narrative"}) >= TABLE_KINDS


def complete_each_other(members: list[SourceResult]) -> bool:
    """Whether files make one disclosure: at most one holds the tables and at most one only the narrative."""
    tables = sum(1 for m in members if holds_tables(m))
    return tables <= 1 and len(members) - tables <= 1


def collisions(members: list[SourceResult], dropped: list[tuple[SourceResult, str, str]], names: dict[Path, str]) -> list[tuple[SourceResult, str]]:
    """The files of one would-be disclosure that do not complete each other, each with why it fails (naming the others).

    Two complete documents (or two tables files, or two narratives) that give the same unit, year,
    kind and scope are two disclosures the documents do not tell apart: merging them would publish
    one disclosure made of two, so none is published. Copies of them (``dropped``) fail with them.
    """
    if complete_each_other(members):
        return []
    identity = members[0].identity
    assert identity is not None
    slug = disclosure_slug(unit_slug(identity.unit_name, identity.region), identity.fiscal_year or 0, identity.kind or "budget", identity.scope)
    out = []
    for m in members:
        others = ", ".join(names[o.path] for o in members if o is not m)
        what = "the tables" if holds_tables(m) else "only a narrative"
        out.append((m, f"gives the same disclosure ({slug}) as {others}, but the files do not complete each other (this one holds {what}, and so does another); none is published: check that each document names its own unit, year, kind and 部门/单位 scope, or remove the one that is not wanted"))
    colliding = ", ".join(names[o.path] for o in members)
    out += [(m, f"a copy of one of {colliding}, which would be the same disclosure ({slug}) without completing each other; not published") for m, _, _ in dropped]
    return out


def _same_content(a: SourceResult, b: SourceResult) -> bool:
    """Whether two files print mostly the same figures: two copies of one document, not a narrative and its tables."""
    fa, fb = _figures(a), _figures(b)
    if not fa or not fb:
        return False
    return len(fa & fb) / len(fa | fb) >= 0.7


def drop_duplicates(members: list[SourceResult], names: dict[Path, str]) -> tuple[list[SourceResult], list[tuple[SourceResult, str, str]]]:
    """The sources that make up one disclosure, and those that repeat it (with a code and why).

    A narrative file and a tables file complement each other and share only a few figures; two
    files that print mostly the same figures are two copies of the disclosure. The same bytes twice: the first by name
    is kept. Different files: the one with more recognised tables, then the first by name.
    """
    kept: list[SourceResult] = []
    dropped: list[tuple[SourceResult, str, str]] = []
    ranked = sorted(members, key=lambda r: (-len(_contents(r) - {"narrative"}), names[r.path]))
    for result in ranked:
        assert result.document is not None
        same = next((k for k in kept if k.document is not None and k.document.source.sha256 == result.document.source.sha256), None)
        if same is not None:
            dropped.append((result, "duplicate-source", f"the same bytes as {names[same.path]}, which is used"))
            continue
        clash = next((k for k in kept if _same_content(k, result)), None)
        if clash is not None:
            why = "it has more recognised tables" if len(_contents(clash)) > len(_contents(result)) else "it comes first by name"
            dropped.append((result, "duplicate-disclosure", f"gives the same disclosure as {names[clash.path]}, which is used because {why}; remove one of the two, or check that they are the same document"))
            continue
        kept.append(result)
    kept.sort(key=lambda r: names[r.path])
    return kept, dropped


_AMOUNT = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})*\.\d{2}(?!\d)|(?<![\d.,])\d{2,}\.\d{2}(?!\d)")


def _figures(result: SourceResult) -> set[str]:
    """The distinct amounts (with two decimals) a source prints, commas removed."""
    assert result.document is not None
    return {m.replace(",", "") for line in result.document.lines for m in _AMOUNT.findall(line.text)}


Key = tuple[str, int | None, str | None, str]


def pair_by_figures(orphan: SourceResult, groups: dict[Key, list[SourceResult]]) -> Key | None:
    """The disclosure a file that names no unit belongs to: same year and kind, one it completes, the most shared figures.

    A narrative file whose cover is an image still states its totals; the tables file of the
    same disclosure prints the same amounts. At least three shared figures, and a clear winner.
    """
    assert orphan.identity is not None
    mine = _figures(orphan)
    scores = []
    for key, members in groups.items():
        # only a disclosure the file completes: a narrative for tables, tables for a narrative
        if key[1] == orphan.identity.fiscal_year and key[2] == orphan.identity.kind and complete_each_other([*members, orphan]):
            theirs = set().union(*(_figures(m) for m in members))
            scores.append((len(mine & theirs), key))
    scores.sort(key=lambda s: -s[0])
    if not scores or scores[0][0] < 3 or (len(scores) > 1 and scores[1][0] * 2 > scores[0][0]):
        return None
    return scores[0][1]


def disclosure_key(identity: Identity) -> Key:
    """What one disclosure shares across its files: the unit (canonical with its region), fiscal year, kind and scope."""
    return (canonical_unit(identity.unit_name, identity.region), identity.fiscal_year, identity.kind, identity.scope)
