"""Template remnants: both alternatives kept, instructions to the filer left in."""

from __future__ import annotations

from cnbudget.checks.remnants import check_both_alternatives, check_instructions_left, check_placeholders_filled
from cnbudget.model import Evidence

from .conftest import run


def test_both_alternatives_kept_fail_once_per_sentence() -> None:
    prose = "因公出国（境）支出决算比2023年度增加/减少0万元，增长/下降0%。公务接待费下降（增长）27.78%。支出增加5万元，增长10%。"
    results = run(check_both_alternatives, evidence=Evidence(prose=prose))
    assert [(r["status"], r["actual"]) for r in results] == [("fail", "增加/减少"), ("fail", "下降（增长）")]
    assert run(check_both_alternatives, evidence=Evidence(prose="支出增加（主要是人员增加）。")) == []


def test_instructions_to_the_filer_fail() -> None:
    prose = "（名词解释部分请根据各单位实际列支情况罗列，并根据本单位职责职能增减名词解释内容。）无政府性基金预算支出的，仍保留该表格式。"
    results = run(check_instructions_left, evidence=Evidence(prose=prose))
    assert [r["status"] for r in results] == ["fail", "fail"]
    assert "请根据各单位实际列支情况罗列" in results[0]["detail"] and "仍保留该表格式" in results[1]["detail"]
    assert run(check_instructions_left, evidence=Evidence(prose="本单位无政府性基金预算支出，故本表为空表。")) == []


def test_an_instruction_to_follow_the_template_fails_and_a_report_made_after_it_does_not() -> None:
    # invented: under 名词解释 the template's line to the filer is printed instead of the terms
    (row,) = run(check_instructions_left, evidence=Evidence(prose="第四部分 名词解释\n单位应当按照预算管理要求，参照公开模板进行名词解释。"))
    assert row["status"] == "fail" and "参照公开模板进行名词解释" in row["detail"]
    # a report that says it was made after the template is no instruction
    assert run(check_instructions_left, evidence=Evidence(prose="本报告参照省财政厅公开模板编制。")) == []


def test_a_blank_of_the_template_left_unfilled_fails() -> None:
    # anhui-xiaoxian-longcheng-2023-final.txt (hidden): “附件:1.2023年度项目支出绩效自评表 2.2023年度XX项目绩效评价报告”
    prose = "附件:1.2023年度项目支出绩效自评表\n2.2023年度XX项目绩效评价报告\n第一部分 萧县龙城镇人民政府概况"
    results = run(check_placeholders_filled, evidence=Evidence(prose=prose))
    assert [(r["status"], r["severity"]) for r in results] == [("fail", "mismatch")]
    assert "“XX”" in results[0]["detail"] and "XX项目绩效评价报告" in results[0]["detail"]
    # letters that are a name, a code or a unit are no blank
    assert run(check_placeholders_filled, evidence=Evidence(prose="购置XXL型服务器2台，编号ABX-12，PM2.5监测，Windows系统。")) == []


def test_a_templates_words_for_a_name_left_unfilled_fail_and_a_label_cell_does_not() -> None:
    # the template's 目录 of a 部门决算: “第一部分:部门(单位)名称概况”, the unit's name never put in
    prose = "目录。第一部分:部门(单位)名称概况。一、部门职责。"
    (row,) = run(check_placeholders_filled, evidence=Evidence(prose=prose))
    assert (row["status"], row["check_id"]) == ("fail", "template-placeholders-filled") and "部门(单位)名称" in row["detail"]
    # sources/001: the 项目支出绩效目标表's label cell, its value in the next cell
    assert run(check_placeholders_filled, evidence=Evidence(prose="部门(单位)名称\t\t中共新乡市牧野区委办公室")) == []
    assert run(check_placeholders_filled, evidence=Evidence(prose="部门（单位）名称：中共重庆市潼南区委办公室。")) == []


def test_a_blank_for_a_figure_and_a_request_to_explain_are_template_remnants() -> None:
    # invented after a 三公 budget's “因公出国(境)费 0 万元，占 %，比上年减少 万元” and a table's note “5、请对…进行说明”
    rows = run(check_placeholders_filled, evidence=Evidence(prose="因公出国(境)费 0 万元,占 %,比上年减少 万元;公务接待费30万元,占 85.71%,比上年减少2 万元。"))
    assert [r["status"] for r in rows] == ["fail", "fail"]
    assert "“占 %”" in rows[0]["detail"] and "“减少 万元”" in rows[1]["detail"]
    (note,) = run(check_instructions_left, evidence=Evidence(prose="4、注明公务接待批次和人数。 5、请对“三公”经费增减变化原因等进行说明。"))
    assert note["status"] == "fail" and "请对“三公”经费增减变化原因等进行说明" in note["detail"]
    # counter-cases: figures printed, and a request that asks no explanation of the filer
    assert run(check_placeholders_filled, evidence=Evidence(prose="占 12.5%，比上年减少 0.28 万元，增长3%，增加 5万元。")) == []
    assert run(check_instructions_left, evidence=Evidence(prose="请对我单位预算公开工作进行监督。")) == []


def test_greater_and_less_run_into_one_word_keep_both_alternatives() -> None:
    # invented after a 三公 final account's “决算数大小于预算数的主要原因是…”
    (row,) = run(check_both_alternatives, evidence=Evidence(prose="“三公”经费支出决算为7.69万元，决算数大小于预算数的主要原因是出国活动减少。"))
    assert (row["status"], row["actual"]) == ("fail", "大小于") and "大小于" in row["detail"]
    # counter-cases: one of them chosen, and 大小 that is a size
    assert run(check_both_alternatives, evidence=Evidence(prose="决算数小于预算数的主要原因是出国活动减少。")) == []
    assert run(check_both_alternatives, evidence=Evidence(prose="车辆大小于2020年已统一。")) == []


def test_a_text_layer_that_lost_its_digits_has_no_blanks_of_the_template() -> None:
    # cq_city_economy_it_commission_2026_dept_budget.pdf p. 2, as its text layer reads: the figures printed apart from
    # their words (“…收入比年减少万元主要是一般公共预算拨款减少万元财政专10,404.66…”), no blank left by the filer
    prose = "2026年收入预算万元收入比年减少万元主要是一般公共预算拨款减少万元财政专10,404.66户管理资金增加万元事业收入资金减少万元。"
    assert run(check_placeholders_filled, evidence=Evidence(prose=prose)) == []


def test_both_directions_run_together_before_a_figure_keep_both_alternatives() -> None:
    prose = "项目支出预算448万元，同比减少594万元，同比增长下降57%。"
    (row,) = run(check_both_alternatives, evidence=Evidence(prose=prose))
    assert (row["status"], row["actual"]) == ("fail", "增长下降")
    # a change and the next sentence's word, or one direction twice, are no remnant
    assert run(check_both_alternatives, evidence=Evidence(prose="支出比上年增长，下降5%的是公用经费。收入增加增长10%。")) == []
