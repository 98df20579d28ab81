"""Who a document is about: one unit under all its spellings, and files paired by what they say."""

from __future__ import annotations

from pathlib import Path

from cnbudget.model import Document, Identity, Line, SourceFile, SourceResult
from cnbudget.official.regions import resolve_region
from cnbudget.read import text_to_lines
from cnbudget.recognise.group import pair_by_figures
from cnbudget.recognise.identify import canonical_unit, choose_unit_name, identify

JIANGSU = resolve_region("江苏省")


def test_spellings_of_one_unit_share_a_key() -> None:
    spellings = ["中国共产党江苏省委员会办公厅", "中共江苏省委办公厅", "省委办公厅", "江苏省委办公厅"]
    assert len({canonical_unit(n, JIANGSU) for n in spellings}) == 1
    assert canonical_unit("江苏省人大常委会办公厅", JIANGSU) == canonical_unit("省人大办公厅", JIANGSU)


def test_different_units_keep_different_keys() -> None:
    units = ["江苏省人大常委会办公厅", "江苏省政协办公厅", "中共江苏省委办公厅", "江苏省高级人民法院", "江苏省人民检察院"]
    assert len({canonical_unit(n, JIANGSU) for n in units}) == len(units)
    # the same name in another region is another unit
    assert canonical_unit("区委办公室", resolve_region("四川省达州市达川区")) != canonical_unit("区委办公室", resolve_region("重庆市潼南区"))


def test_the_fullest_spelling_is_the_unit_name() -> None:
    name, aliases = choose_unit_name(("省人大办公厅", "省人大办公厅", "江苏省人大常委会办公厅"), JIANGSU)
    assert name == "江苏省人大常委会办公厅"
    assert aliases == ["省人大办公厅"]


def test_a_tables_file_names_its_year_in_a_table_title() -> None:
    lines = text_to_lines("收支预算总表\n部门：\t江苏省人大常委会办公厅\t单位：万元\n合计\t1.00\n2019年政府采购预算表\n部门：\t江苏省人大常委会办公厅\n")
    identity = identify(lines, lines[:3])
    assert (identity.unit_name, identity.fiscal_year, identity.kind) == ("江苏省人大常委会办公厅", 2019, "budget")


def test_a_cover_with_the_year_after_the_title() -> None:
    lines = text_to_lines("上海市普陀区财政局\n年度部门决算\n2024\n目录\n")
    identity = identify(lines, [])
    assert (identity.unit_name, identity.fiscal_year, identity.kind) == ("上海市普陀区财政局", 2024, "final_account")


def _result(name: str, text: str, unit: str, year: int = 2019) -> SourceResult:
    lines = [Line(1, (t,)) for t in text.split("\n")]
    document = Document(SourceFile(Path(name), "0" * 64, 1), lines)
    return SourceResult(Path(name), document, [], Identity(unit, [], None, year, "budget", "department", JIANGSU, None, (unit,) if unit else ()))


def test_a_narrative_without_a_unit_name_pairs_with_the_tables_that_print_its_figures() -> None:
    orphan = _result("a.pdf", "收入总计 18,330.37 万元，其中基本支出 9,312.90 万元，项目支出 6,459.58 万元。", "")
    ours = _result("b.pdf", "合计\t18,330.37\n基本支出\t9,312.90\n项目支出\t6,459.58", "江苏省人大常委会办公厅")
    other = _result("c.pdf", "合计\t20,702.25\n基本支出\t9,964.07", "中共江苏省委办公厅")
    groups = {("x", 2019, "budget", "department"): [ours], ("y", 2019, "budget", "department"): [other]}
    assert pair_by_figures(orphan, groups) == ("x", 2019, "budget", "department")
    # a different year never pairs, and too few shared figures do not either
    assert pair_by_figures(orphan, {("x", 2018, "budget", "department"): [ours]}) is None
    assert pair_by_figures(_result("d.pdf", "收入总计 18,330.37 万元", ""), groups) is None
