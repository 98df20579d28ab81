"""The document as a whole: required tables, the years the prose names, the form of codes."""

from __future__ import annotations

from cnbudget.checks.base import Checker
from cnbudget.checks.document import check_codes, check_kind_introduced, check_required_tables, check_years
from cnbudget.model import BlockSummary, Disclosure, Evidence

from .conftest import chinese, function, outcomes, run


def block(kind: str) -> BlockSummary:
    """A printed table of one kind."""
    return BlockSummary(kind, kind, kind, 1, 1, "万元")


def test_required_tables_printed_explained_or_missing() -> None:
    evidence = Evidence(blocks=[block("summary"), block("expenditure"), block("basic_economic")], empty_explained=["本部门无“三公”经费支出，故“三公”经费支出表为空表"])
    assert outcomes(run(check_required_tables, evidence=evidence)) == [
        ("pass", "收支总表", "收支总表"),
        ("pass", "一般公共预算支出表", "一般公共预算支出表"),  # the 支出总表 stands for it
        ("pass", "一般公共预算基本支出表", "一般公共预算基本支出表"),
        ("not_applicable", "“三公”经费支出表", None),
    ]
    results = run(check_required_tables, evidence=Evidence(blocks=[block("function"), block("basic_economic"), block("three_public")]))
    assert outcomes(results)[0] == ("fail", "收支总表", None)


def test_years_that_fit_the_fiscal_year_pass_and_another_fails() -> None:
    fits = "2024年部门预算支出100万元，比2023年预算增加5万元。"
    assert outcomes(run(check_years, evidence=Evidence(prose=fits))) == [("pass", "2024", "2024")]
    assert outcomes(run(check_years, evidence=Evidence(prose="2022年部门预算支出100万元。"))) == [("fail", "2024", "2022")]
    assert run(check_years, evidence=Evidence(prose="")) == []
    # zj_hangzhou_transport_bureau_2026_dept_budget.pdf p. 7: a project that covers the years up to one it names
    named = "2024年支出预算205,200.00万元，主要用于地铁综合补贴(含2022年及以往)项目。"
    assert outcomes(run(check_years, evidence=Evidence(prose=named))) == [("pass", "2024", "2024")]
    # sichuan-nanjiang-zhengzhi-2024-budget.txt (hidden3): a year in a document's title is the title's
    title = "根据《四川省预决算公开操作规程(2022年修订)》等有关法律文件规定,现将2024年部门收支预算公开如下。"
    assert outcomes(run(check_years, evidence=Evidence(prose=title))) == [("pass", "2024", "2024")]
    outside = "《四川省预决算公开操作规程》规定,现将2022年部门收支预算公开如下。"
    assert outcomes(run(check_years, evidence=Evidence(prose=outside))) == [("fail", "2024", "2022")]


def test_a_scope_sentence_left_from_the_year_before_names_the_wrong_year() -> None:
    # the units in a 2024 final account's scope, named as last year's document named them
    left = "纳入某县某卫生院2023年度部门决算编制范围的二级预算单位包括:无。2024年度收入总计100万元。"
    results = run(check_years, evidence=Evidence(prose=left))
    assert [(r["status"], r["actual"]) for r in results] == [("fail", "2023")]
    # last year compared with, or its 决算 named as such, is no left-over
    fine = "2024年度收入总计100万元，与2023年度部门决算相比增加5万元。"
    assert [r["status"] for r in run(check_years, evidence=Evidence(prose=fine))] == ["pass"]


def test_a_part_of_the_document_headed_with_the_year_before_names_the_wrong_year() -> None:
    # invented, in the way of a school's 2024 final account whose second part keeps last year's heading
    left = "第一部分 部门概况。第二部分 2023年度部门决算情况说明。一、收入支出决算总体情况说明。2024年度收入总计100万元。"
    assert [(r["status"], r["actual"]) for r in run(check_years, evidence=Evidence(prose=left))] == [("fail", "2023")]
    # the year's own heading, and last year's 决算 compared with, pass
    own = "第二部分 2024年度部门决算情况说明。2024年度收入总计100万元，比2023年度部门决算情况说明所列收入总计增加5万元。"
    assert [r["status"] for r in run(check_years, evidence=Evidence(prose=own))] == ["pass"]


def test_a_comparison_with_an_earlier_year_named_as_such_is_not_the_wrong_year() -> None:
    # guangdong-finance-department-2023-three-public-final.txt (holdout2): “比上年决算数增加38.97万元,增长168.7%;
    # 比2019年(疫情前)决算数减少24.87万元”: 2019 is compared with on purpose, glossed as the year before the pandemic
    glossed = "2023年度“三公”经费支出决算为62.07万元,比上年决算数增加38.97万元,增长168.7%;比2019年(疫情前)决算数减少24.87万元,降低28.6%。"
    assert outcomes(run(check_years, evidence=Evidence(prose=glossed), fiscal_year=2023)) == [("pass", "2023", "2023")]
    # a second comparison in the sentence that compares with the year before, without a gloss
    second = "2023年度支出决算为62.07万元,较上年增加38.97万元;较2019年减少24.87万元。"
    assert outcomes(run(check_years, evidence=Evidence(prose=second), fiscal_year=2023)) == [("pass", "2023", "2023")]
    # counter-cases: a lone comparison with a year two back (sichuan-leshan-jinkouhe 2024 final account in sources/:
    # “机关运行经费支出47.51万元，比2022年度减少2.85万元”) is the wrong year, and so is a gloss that names no earlier time
    lone = "机关运行经费支出47.51万元，比2022年度减少2.85万元，下降5.66%。"
    assert outcomes(run(check_years, evidence=Evidence(prose=lone))) == [("fail", "2024", "2022")]
    other = "2024年支出预算62.07万元,比2022年(调整后)预算减少24.87万元。"
    assert outcomes(run(check_years, evidence=Evidence(prose=other))) == [("fail", "2024", "2022")]


def test_codes_well_formed() -> None:
    (good,) = run(check_codes, {"expenditure_by_function": [function("201", "一般公共服务支出", "1")]})
    assert (good["status"], good["expected"], good["actual"]) == ("pass", None, None)
    assert good["detail"].endswith("全部相符。")
    (bad,) = run(check_codes, {"expenditure_by_function": [function("2010", "一般公共服务支出", "1")]})
    assert (bad["status"], bad["expected"], bad["actual"]) == ("fail", None, "2010")  # the malformed code as printed
    assert "1 个编码位数不对（2010）" in bad["detail"]


def test_tables_attached_to_a_narrative_file_are_missing_with_a_reason() -> None:
    # bj_city_transport_commission_2026_dept_budget.pdf: a 目录 listing 13 tables, no table printed, and on its last page
    # “第二部分 2026 年度部门预算报表 / 附件：北京市交通委员会 2026 年度部门预算报表”
    evidence = Evidence(attachments=["附件：北京市交通委员会 2026 年度部门预算报表"])
    results = run(check_required_tables, evidence=evidence)
    assert [r["status"] for r in results] == ["not_applicable"] * 4
    assert "附件" in results[0]["detail"]
    # a document that prints some tables and names its 报表 as attached: the others are in the attachment, not missing
    partial = run(check_required_tables, evidence=Evidence(blocks=[block("summary")], attachments=["附件：某局2026年度部门预算报表"]))
    assert [r["status"] for r in partial] == ["pass", "not_applicable", "not_applicable", "not_applicable"]
    assert "只印了部分表格" in partial[1]["detail"]
    # without an attachment line, a table not printed is missing
    alone = run(check_required_tables, evidence=Evidence(blocks=[block("summary"), block("function")], prose="说明。"))
    assert [r["status"] for r in alone] == ["pass", "pass", "fail", "fail"]


def test_tables_said_to_be_in_the_attached_tables_are_named_as_attached() -> None:
    # guizhou-qiannan-tcm-hospital-2020-final.html (tests/fixtures/hidden): “二、贵州省黔南州中医医院2020年度部门决算公开报表(见附表)”
    from cnbudget.normalise.evidence import ATTACHED_TABLES

    assert ATTACHED_TABLES.match("二、贵州省黔南州中医医院2020年度部门决算公开报表(见附表)")
    assert ATTACHED_TABLES.match("附件：北京市交通委员会2026年度部门预算报表")
    assert not ATTACHED_TABLES.match("一、收支预算总表")
    assert not ATTACHED_TABLES.match("详见附表中的数字说明了本年收入增加的原因")
    # guangxi-huanjiang-united-front-2020-final.txt (tests/fixtures/holdout2): the count and a clause after it
    assert ATTACHED_TABLES.match("公开的2020年度本部门决算报表共9张(详见附表),均取数自2020年度部门决算报表,分别为:")
    assert not ATTACHED_TABLES.match("公开的2020年度本部门决算报表共9张,均取数自2020年度部门决算报表,分别为:")


def test_a_table_printed_empty_is_present_and_said_to_be_empty() -> None:
    empty = BlockSummary("three_public", "2026年单位“三公”经费和机关运行经费预算表", "“三公”经费支出表", 15, 4, "万元", empty=True)
    evidence = Evidence(blocks=[block("summary"), block("function"), block("basic_economic"), empty])
    results = run(check_required_tables, evidence=evidence)
    assert [r["status"] for r in results] == ["pass"] * 4
    assert "空表" in results[3]["detail"] and "空表" not in results[0]["detail"]


def test_a_page_that_prints_no_table_and_links_files_is_not_missing_them() -> None:
    # cq_city_cpc_publicity_dept_2026_dept_budget.html: no table on the page; at its end eight links to PDFs, one per unit
    prose = "部门预算公开联系人：黄仕恒联系方式：023—63898304 1．中共重庆市委宣传部〔链接文件：W020260302537384806293.pdf〕"
    results = run(check_required_tables, evidence=Evidence(prose=prose))
    assert [r["status"] for r in results] == ["not_applicable"] * 4
    assert results[0]["detail"] == "本页没有印任何表格，而链接了 1 个文件（如“W020260302537384806293.pdf”），表格当在所链接的文件中，不在本文件中。"
    # a page that prints some tables is not excused for the missing ones by a link
    partial = run(check_required_tables, evidence=Evidence(blocks=[block("summary")], prose=prose))
    assert [r["status"] for r in partial] == ["pass", "fail", "fail", "fail"]
    # a page with no table and no link is only part of a disclosure too (issue 14: a table it lacks is no contradiction of it)
    unlinked = run(check_required_tables, evidence=Evidence(prose="没有链接"))
    assert [r["status"] for r in unlinked] == ["not_applicable"] * 4
    assert "没有印任何有数字的表格" in unlinked[0]["detail"]


def test_a_file_that_is_only_part_of_a_disclosure_lacks_no_table() -> None:
    # bj_city_sasac_2026_dept_budget.pdf (corpus-wide): prose only, “…2026 部门预算情况的说明”, its tables in a file of their own
    prose_only = run(check_required_tables, evidence=Evidence(prose="一、部门情况说明。本部门2026年收入预算 100 万元。"))
    assert [r["status"] for r in prose_only] == ["not_applicable"] * 4
    assert "没有印任何有数字的表格" in prose_only[0]["detail"]
    # guangxi-guilin-justice-2015-three-public-budget.html (hidden): one 三公 table and no sentence of prose
    alone = run(check_required_tables, evidence=Evidence(prose="2015年桂林市司法局部门“三公”经费情况统计表", blocks=[block("three_public")]))
    assert [r["status"] for r in alone] == ["not_applicable", "not_applicable", "not_applicable", "pass"]
    # with prose beside its one table, the file is a disclosure lacking three tables
    told = run(check_required_tables, evidence=Evidence(prose="“三公”经费预算 34.35 万元。", blocks=[block("three_public")]))
    assert [r["status"] for r in told] == ["fail", "fail", "fail", "pass"]
    # anhui-duji-affairs-centre-2021-three-public-final.html (hidden): a “三公” disclosure on its own, its heading says so
    heading = "杜集区机关事务管理中心2021年度一般公共预算财政拨款“三公”经费支出决算情况说明"
    own = run(check_required_tables, evidence=Evidence(prose=heading + "\n“三公”经费支出决算为167.37万元。", prose_starts=(0, len(heading) + 1), blocks=[block("three_public")]))
    assert [r["status"] for r in own] == ["not_applicable", "not_applicable", "not_applicable", "pass"]
    # a whole 部门决算 whose heading also names “三公” still lacks its other tables
    whole = "某局2021年度部门决算及“三公”经费决算公开"
    lacking = run(check_required_tables, evidence=Evidence(prose=whole + "\n“三公”经费支出决算为1万元。", prose_starts=(0, len(whole) + 1), blocks=[block("three_public")]))
    assert [r["status"] for r in lacking] == ["fail", "fail", "fail", "pass"]


def _final_account(prose: str) -> list[dict[str, object]]:
    checker = Checker(Disclosure({"disclosure_id": "x", "fiscal_year": 2021, "kind": "final_account"}, evidence=Evidence(prose=prose)))
    check_kind_introduced(checker)
    assert all(chinese(str(r["detail"])) for r in checker.out)
    return checker.out


def test_a_page_introduced_as_the_other_kind_of_its_own_year_fails() -> None:
    # invented, in the way of a health centre's 2021 final account that kept the budget template's first sentence
    lead = "按照《预算法》的规定,现将2021年部门预算公开如下:一、基本概况。二、2021年度部门决算情况说明。"
    results = _final_account(lead)
    assert [(r["status"], r["expected"], r["actual"], r["severity"]) for r in results] == [("fail", "2021年度决算", "2021年度预算", "mismatch")]
    # its own kind, another year's document, or 预决算 named: nothing to judge
    for fine in ("现将2021年度部门决算公开如下:", "现将2020年部门预算执行情况报告如下:", "现将2021年部门预决算公开如下:"):
        assert _final_account(fine) == []
