"""Who a document is about: one unit under all its spellings, and files paired by what they say."""

from __future__ import annotations

from pathlib import Path

from cnbudget.model import Block, Document, Identity, Line, SourceFile, SourceResult
from cnbudget.official.regions import resolve_region
from cnbudget.read import text_to_lines
from cnbudget.read.html import read_html
from cnbudget.recognise.group import pair_by_figures
from cnbudget.recognise.identify import canonical_unit, choose_unit_name, disclosure_slug, identify, is_unit_name, unit_level, unit_slug

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


TABLES = ("summary", "function", "basic_economic")


def _result(name: str, text: str, unit: str, year: int = 2019, tables: tuple[str, ...] = (), prose: bool = True) -> SourceResult:
    """A read source: its lines, the standard tables it holds (and a narrative block unless ``prose`` is false)."""
    lines = [Line(1, (t,)) for t in text.split("\n")]
    document = Document(SourceFile(Path(name), name.encode().hex().ljust(64, "0")[:64], 1), lines)
    blocks = ([Block("narrative", "", lines, None)] if prose else []) + [Block(kind, kind, lines, None) for kind in tables]
    return SourceResult(Path(name), document, blocks, Identity(unit, [], None, year, "budget", "department", JIANGSU, None, (unit,) if unit else ()))


def test_a_narrative_without_a_unit_name_pairs_with_the_tables_that_print_its_figures() -> None:
    orphan = _result("a.pdf", "收入总计 18,330.37 万元，其中基本支出 9,312.90 万元，项目支出 6,459.58 万元。", "")
    ours = _result("b.pdf", "合计\t18,330.37\n基本支出\t9,312.90\n项目支出\t6,459.58", "江苏省人大常委会办公厅", tables=TABLES, prose=False)
    other = _result("c.pdf", "合计\t20,702.25\n基本支出\t9,964.07", "中共江苏省委办公厅", tables=TABLES, prose=False)
    groups = {("x", 2019, "budget", "department"): [ours], ("y", 2019, "budget", "department"): [other]}
    assert pair_by_figures(orphan, groups) == ("x", 2019, "budget", "department")
    # a different year never pairs, and too few shared figures do not either
    assert pair_by_figures(orphan, {("x", 2018, "budget", "department"): [ours]}) is None
    assert pair_by_figures(_result("d.pdf", "收入总计 18,330.37 万元", ""), groups) is None


def test_a_complete_document_never_pairs_by_figures_with_another() -> None:
    # the 本级 unit budget prints many of its department's figures; both hold narrative and tables
    text = "合计\t18,330.37\n基本支出\t9,312.90\n项目支出\t6,459.58"
    department = _result("dept.pdf", text, "江苏省人大常委会办公厅", tables=TABLES)
    unit = _result("unit.pdf", text + "\n其他\t1.00", "", tables=TABLES)
    assert pair_by_figures(unit, {("x", 2019, "budget", "department"): [department]}) is None


# ---------------------------------------------------------------------------
# Identity by kind of layout (issue “Read any province's disclosure right”, item 3)
# ---------------------------------------------------------------------------


def _lines(*rows: str | tuple[str, ...], page: int = 1) -> list[Line]:
    return [Line(page, (r,) if isinstance(r, str) else r) for r in rows]


def test_a_tables_only_file_names_its_unit_in_the_last_table_without_a_colon() -> None:
    # 预算01–13表: page 1 is only the first table; the unit and year come in 预算13表
    lines = _lines("预算01表收支总表", "金额单位：万元", ("收入", "", "支出", ""), ("一、一般公共预算拨款收入", "4,695.064898", "五、教育支出", "19.400000"))
    lines += _lines("预算13表 部门整体支出绩效目标表", "（2026年度）", ("部门名称", "", "北京市重大项目建设指挥部办公室", "", "", ""), page=18)
    identity = identify(lines, lines)
    assert (identity.unit_name, identity.fiscal_year, identity.kind, identity.scope) == ("北京市重大项目建设指挥部办公室", 2026, "budget", "department")
    assert identity.region is not None and identity.region.province == "北京市"
    assert identity.level == "province"


def test_a_year_the_text_layer_pulled_off_the_title_is_put_back() -> None:
    lines = _lines(("重庆市商务委员会", "年部门预算情况说明"), "2026", ("一", "单位基本情况"), "表一", "年部门收支总体情况表", "2026")
    tables = _lines(("单位名称", "重庆市商务委员会", "单位", "万元"), (":", ":"), ("合计", "174,900.64", "合计", "174,900.64"))
    identity = identify(lines + tables, tables)
    assert (identity.unit_name, identity.fiscal_year, identity.kind) == ("重庆市商务委员会", 2026, "budget")


def test_a_narrative_without_a_cover_and_without_年() -> None:
    lines = _lines("北京市人民政府国有资产监督管理委员会", "2026 部门预算情况的说明", "一、部门情况说明", "收入 19,828.57 万元比 2025 年初预算数 20,292.85 万元减", "主要原因是 2026 年初批复率提高，比 2025 年预算收入执行")
    identity = identify(lines, [])
    assert (identity.unit_name, identity.fiscal_year, identity.kind) == ("北京市人民政府国有资产监督管理委员会", 2026, "budget")


def test_a_cover_with_本级_is_the_unit_budget_of_the_body_itself() -> None:
    cover = _lines("2026 年度", "无锡市交通运输局（本级）", "单位预算公开")
    cover += _lines("无锡市交通运输局（本级）2026年度单位预算公开", "目录", "第一部分单位概况", page=2)
    unit = identify(cover, [])
    assert (unit.unit_name, unit.fiscal_year, unit.scope) == ("无锡市交通运输局（本级）", 2026, "unit")
    assert unit.region is not None and unit.region.city == "无锡市"
    department = identify(_lines("无锡市交通运输局2026年度部门预算公开", "目录"), [])
    assert department.scope == "department"
    # one body: the same unit id; two disclosures: two ids
    assert unit_slug(unit.unit_name, unit.region) == unit_slug(department.unit_name, department.region)
    ids = {disclosure_slug(unit_slug(i.unit_name, i.region), 2026, "budget", i.scope) for i in (unit, department)}
    assert len(ids) == 2


def test_a_running_header_after_prose_is_a_title_of_its_own() -> None:
    lines = _lines("无锡市交通运输局（本级）2026年度单位预算公开", "二是拓", "无锡市交通运输局（本级）2026年度单位预算公开", "第四部分名词解释", "无锡市交通运输局（本级）2026年度单位预算公开")
    identity = identify(lines, [])
    assert identity.unit_name == "无锡市交通运输局（本级）"
    assert identity.aliases == []
    assert identity.region is not None and identity.region.county == ""


def test_a_government_s_title_over_its_units_gives_scope_unit_and_预算单位_the_unit() -> None:
    lines = _lines("上海市2026年市级单位预算", "预算单位：上海市花卉良种试验场", "目 录", "1. 2026年预算单位财务收支预算总表")
    identity = identify(lines, [])
    assert (identity.unit_name, identity.fiscal_year, identity.kind, identity.scope) == ("上海市花卉良种试验场", 2026, "budget", "unit")
    assert identity.region is not None and identity.region.province == "上海市"


def test_a_district_s_title_over_its_units_with_a_subdistrict_of_its_own_level() -> None:
    lines = _lines("上海市普陀区2026年区级单位预算", "预算单位：上海市普陀区人民政府万里街道办事处（本级）", "目录")
    identity = identify(lines, [])
    assert (identity.unit_name, identity.scope) == ("上海市普陀区人民政府万里街道办事处（本级）", "unit")
    assert identity.region is not None and identity.region.county == "普陀区"
    assert identity.level == "township"


def test_a_unit_whose_name_gives_no_region_takes_the_one_its_document_names() -> None:
    lines = _lines("上海市2026年市级单位预算", "预算单位：上海交通职业技术学院", "上海交通职业技术学院是上海市交通委员会下属事业单位。", ("编制单位：上海交通职业技术学院", "单位：元"))
    identity = identify(lines, [])
    assert identity.unit_name == "上海交通职业技术学院"
    assert identity.region is not None and (identity.region.province, identity.region.county) == ("上海市", "")
    lines = _lines("首都绿化委员会办公室 2026 年度部门预算", "根据中共中央、国务院批准的北京市人民政府机构改革方案", "北京市财政局")
    identity = identify(lines, [])
    assert identity.region is not None and identity.region.province == "北京市"


def test_unit_names_end_as_bodies_and_institutions_do() -> None:
    for name in ("上海市花卉良种试验场", "上海交通职业技术学院", "某某市第一中学", "某某市实验小学", "某某镇", "某某县某某乡", "万里街道", "某某市农业科学研究所", "某某市植物园", "北京市重大项目建设指挥部"):
        assert is_unit_name(name), name
    for name in ("收支总表", "万元", "预算情况说明"):
        assert not is_unit_name(name), name


def test_a_central_department_has_no_region_and_level_central() -> None:
    for text, unit in (("国家统计局2026年部门预算\n部门：国家统计局\t单位：万元\n", "国家统计局"), ("水利部\n2026年部门预算\n北京市 北京市\n", "水利部"), ("中华人民共和国财政部2026年部门预算\n", "中华人民共和国财政部")):
        identity = identify(text_to_lines(text), [])
        assert (identity.unit_name, identity.fiscal_year, identity.region, identity.level) == (unit, 2026, None, "central")
    # a department of a party committee is found at every tier: not a ministry
    assert unit_level("宣传部", None) == ""
    assert unit_level("中共重庆市委宣传部", resolve_region("中共重庆市委宣传部")) == "province"


def test_levels_follow_the_region_and_townships() -> None:
    assert unit_level("无锡市教育局", resolve_region("无锡市教育局")) == "city"
    assert unit_level("上海市普陀区财政局", resolve_region("上海市普陀区财政局")) == "county"
    assert unit_level("上海市普陀区住房和城乡建设管理委员会", resolve_region("上海市普陀区")) == "county"  # 城乡 is not a 乡
    assert unit_level("某某县某某镇人民政府", resolve_region("四川省达州市达川区")) == "township"


def test_an_html_page_s_title_names_the_unit(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>中共重庆市委宣传部2026年部门预算情况说明-重庆文明网</title></head><body>"
        "<div>首页&gt;公告公示&gt;正文</div><h1>中共重庆市委宣传部2026年部门预算情况说明</h1>"
        "<p>一、基本情况</p><p>2026年收入预算1,234.56万元。</p></body></html>",
        encoding="utf-8",
    )
    identity = identify(read_html(page).lines, [])
    assert (identity.unit_name, identity.fiscal_year, identity.kind, identity.scope) == ("中共重庆市委宣传部", 2026, "budget", "department")
    assert identity.region is not None and identity.region.province == "重庆市"


def test_a_tables_file_names_its_unit_after_单位名称_and_a_colon() -> None:
    """`单位名称：X` in a table header names the unit, in one cell with the name or beside it."""
    for header in (("单位名称：某某市自然资源局", "金额单位：万元"), ("单位名称：", "某某市自然资源局", "金额单位：万元")):
        lines = _lines("2025年部门预算公开", "部门收支总表", header, ("收入", "", "支出", ""), ("一、一般公共预算拨款收入", "1,234.56", "一、一般公共服务支出", "1,234.56"))
        identity = identify(lines, lines)
        assert (identity.unit_name, identity.fiscal_year, identity.kind, identity.scope) == ("某某市自然资源局", 2025, "budget", "department"), header
