"""Which files make one disclosure: a narrative and its tables join; two complete documents never merge."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from cnbudget.model import Block, Document, Identity, Line, SourceFile, SourceResult
from cnbudget.official.regions import resolve_region
from cnbudget.pipeline.build import build
from cnbudget.recognise.group import collisions, complete_each_other, holds_tables

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("summary", "function", "basic_economic")
UNIT = "无锡市教育局"


def _source(name: str, tables: tuple[str, ...] = (), prose: bool = True) -> SourceResult:
    lines = [Line(1, ("无锡市教育局2026年度部门预算",))]
    blocks = ([Block("narrative", "", lines, None)] if prose else []) + [Block(kind, kind, lines, None) for kind in tables]
    document = Document(SourceFile(Path(name), name.encode().hex().ljust(64, "0")[:64], 1), lines)
    identity = Identity(UNIT, [], None, 2026, "budget", "department", resolve_region(UNIT), None, (UNIT,))
    return SourceResult(Path(name), document, blocks, identity)


def test_a_narrative_and_its_tables_complete_each_other() -> None:
    narrative, tables = _source("a.pdf"), _source("a_tables.pdf", TABLES, prose=False)
    assert not holds_tables(narrative) and holds_tables(tables)
    assert complete_each_other([narrative, tables])
    assert collisions([narrative, tables], [], {narrative.path: "a.pdf", tables.path: "a_tables.pdf"}) == []
    # one table inside a narrative (a 基本支出 breakdown) does not make it the tables file
    assert complete_each_other([_source("b.pdf", ("basic_economic",)), tables])


def test_two_complete_documents_both_fail_and_each_names_the_other() -> None:
    one, two = _source("dept.pdf", TABLES), _source("dept-again.pdf", TABLES)
    names = {one.path: "dept.pdf", two.path: "dept-again.pdf"}
    found = collisions([one, two], [], names)
    assert [m.path.name for m, _ in found] == ["dept.pdf", "dept-again.pdf"]
    assert "dept-again.pdf" in found[0][1] and "dept.pdf" in found[1][1]
    assert "jiangsu-wuxi-jiaoyu-bureau-" in found[0][1]
    # two tables files, or two narratives, do not complete each other either
    assert not complete_each_other([_source("t1.pdf", TABLES, prose=False), _source("t2.pdf", TABLES, prose=False)])
    assert not complete_each_other([_source("n1.pdf"), _source("n2.pdf")])


def test_the_build_publishes_neither_of_two_complete_documents_with_one_id(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    seed = ROOT / "sources" / "001_2144913dcf78a833.txt"
    shutil.copy(seed, src / "first.txt")
    # the same unit, year, kind and scope, other figures: another document, not a copy
    text = seed.read_text(encoding="utf-8")
    (src / "second.txt").write_text(re.sub(r"(\d+)\.(\d\d)(?!\d)", lambda m: f"{int(m.group(1)) + 1}.{m.group(2)}", text), encoding="utf-8")
    report = build([src], tmp_path / "out", None, ROOT / "templates", log=lambda _m: None)
    entries = {Path(str(e["path"])).name: e for e in report.entries}
    assert {e["code"] for e in entries.values()} == {"disclosure-id-collision"}
    assert "second.txt" in str(entries["first.txt"]["message"]) and "first.txt" in str(entries["second.txt"]["message"])
    assert report.disclosures == []
