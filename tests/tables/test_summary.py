"""收支总表 and 财政拨款收支总表 (``tables/summary.py``): revenue by source, headline totals, class totals."""

from __future__ import annotations

from cnbudget.model import Block
from tests.tables.conftest import YUAN, Cells, D, block, read

# 牧野 (seed 001), 预算01表, tab-separated, trimmed to the lines that carry figures
MUYE = [
    "金额单位：万元",
    "收入\t\t支出\t",
    "项目\t金额\t项目\t金额",
    "一、一般公共预算\t593.39\t一、一般公共服务\t469.47",
    "其中：财政拨款\t593.39\t二、外交\t",
    "二、政府性基金预算拨款收入\t\t三、国防\t",
    "五、事业收入\t0.00\t八、社会保障和就业\t65.45",
    "九、其他收入\t\t十、卫生健康\t18.63",
    "\t\t二十一、住房保障支出\t39.84",
    "本年收入合计\t593.39\t本年支出合计\t593.39",
    "上年结转结余\t\t年终结转结余\t",
    "收入总计\t593.39\t支出总计\t593.39",
]
# a 一般公共预算支出表 of 项 rows only: the 收支总表's class totals then give the 类 rows, where they add up
# to the table's own total (the same money: a 收支总表 counting other funds too gives none)
ITEMS_ONLY = ["科目编码\t科目名称\t合计", "2013101\t行政运行\t469.47", "2080505\t机关事业单位基本养老保险缴费支出\t50.53"]
DACHUAN_ITEMS = [
    "科目编码\t科目名称\t合计",
    "2013101\t行政运行\t1,269.561234",
    "2080505\t机关事业单位基本养老保险缴费支出\t105.77",
    "2101101\t行政单位医疗\t40.35",
    "2210201\t住房公积金\t88.60",
]
FISCAL_ITEMS = ["科目编码\t科目名称\t合计", "2013101\t行政运行\t519.47", "2070101\t行政运行\t50.00", "2080505\t机关事业单位基本养老保险缴费支出\t50.53"]


def function_block(rows: list[str] = ITEMS_ONLY) -> Block:
    return block("function", "一般公共预算支出表", rows)


def test_a_tabbed_summary_gives_sources_and_totals() -> None:
    r = read(block("summary", "2024 年部门收支总体情况表", MUYE))
    assert r.totals() == {
        "revenue_current_year": D("593.39"),
        "expenditure_current_year": D("593.39"),
        "revenue_total": D("593.39"),
        "expenditure_total": D("593.39"),
    }
    assert r.pick("revenue_by_source", "source", "source_name", "amount")["general_public_budget"] == ("一、一般公共预算", D("593.39"))


def test_a_blank_source_stays_empty_and_a_printed_zero_stays_zero() -> None:
    amounts = {k: v[0] for k, v in read(block("summary", "部门收支总表", MUYE)).pick("revenue_by_source", "source", "amount").items()}
    assert amounts["government_fund"] is None and amounts["other"] is None and amounts["carryover"] is None
    assert amounts["business"] == D("0.00") and amounts["business"] is not None


def test_an_unknown_revenue_line_is_not_guessed_into_a_source() -> None:
    r = read(block("summary", "部门收支总表", ["收入\t\t支出\t", "项目\t金额\t项目\t金额", "一、一般公共预算拨款收入\t80.00\t一、一般公共服务支出\t92.00", "二、单位资金\t12.00\t\t", "收入总计\t92.00\t支出总计\t92.00"]))
    assert {k: v[0] for k, v in r.pick("revenue_by_source", "source", "amount").items()} == {"general_public_budget": D("80.00")}


def test_a_space_separated_layer_in_yuan_gives_exact_wan_and_class_rows() -> None:
    # 达川 (seed 000): one cell per line, both sides in it; here in 元 with figures that need every digit
    rows = [
        "部门：中共达州市达川区委办公室 金额单位：元",
        "收 入 支 出",
        "项 目 预算数 项 目 预算数",
        "一、一般公共预算拨款收入 15,042,812.34 一、一般公共服务支出 12,695,612.34",
        "二、政府性基金预算拨款收入 二、外交支出",
        "八、社会保障和就业支出 1,057,700.00",
        "十、卫生健康支出 403,500.00",
        "二十、住房保障支出 886,000.00",
        "本 年 收 入 合 计 15,042,812.34 本 年 支 出 合 计 15,042,812.34",
        "收 入 总 计 15,042,812.34 支 出 总 计 15,042,812.34",
    ]
    r = read(block("summary", "部门收支总表", rows, YUAN), function_block(DACHUAN_ITEMS))
    assert r.totals()["revenue_total"] == D("1504.281234") and r.totals()["expenditure_current_year"] == D("1504.281234")
    assert r.pick("revenue_by_source", "source", "amount")["general_public_budget"] == (D("1504.281234"),)
    classes = {k: v for k, v in r.pick("expenditure_by_function", "function_code", "level", "total").items() if len(k) == 3}
    assert classes == {"201": ("class", D("1269.561234")), "208": ("class", D("105.77")), "210": ("class", D("40.35")), "221": ("class", D("88.60"))}


def test_jiangsu_uses_column_and_subtotals() -> None:
    # 江苏省高级人民法院 2018: a 支出用途 column beside the functions; 当年收入小计, so 收入合计 is the grand total
    # a PDF reader splits the line on wide gaps: six cells, revenue in the left half
    rows: list[Cells] = [
        "单位：万元",
        ("收入", "", "支出", "", "", ""),
        ("", "", "功能分类", "", "支出用途", ""),
        ("项目名称", "金额", "功能科目名称", "金额", "项目名称", "金额"),
        ("一、财政拨款", "33,172.15", "一、一般公共服务支出", "", "一、基本支出", "18,570.82"),
        ("1.一般公共预算", "33,172.15", "二、外交支出", "", "二、项目支出", "11,343.27"),
        ("2.政府性基金预算", "", "三、国防支出", "", "三、单位预留机动经费", "3,258.06"),
        ("二、财政专户管理资金", "", "四、公共安全支出", "26,200.88", "", ""),
        ("三、其他资金", "", "八、社会保障和就业支出", "2,254.76", "", ""),
        ("", "", "十八、住房保障支出", "4,716.51", "", ""),
        ("当年收入小计", "33,172.15", "当年支出小计", "33,172.15", "", ""),
        ("上年结转资金", "", "结转下年资金", "", "", ""),
        ("收入合计", "33,172.15", "支出合计", "33,172.15", "", ""),
    ]
    r = read(block("summary", "2018年度江苏省高级人民法院收支预算总表", rows), fiscal_year=2018)
    assert r.totals() == {
        "basic_expenditure": D("18570.82"),
        "project_expenditure": D("11343.27"),
        "reserve_expenditure": D("3258.06"),
        "revenue_current_year": D("33172.15"),
        "expenditure_current_year": D("33172.15"),
        "revenue_total": D("33172.15"),
        "expenditure_total": D("33172.15"),
    }
    sources = r.pick("revenue_by_source", "source", "amount")
    assert sources["general_public_budget"] == (D("33172.15"),)  # 财政拨款 is its parent, not a second source
    assert sources["government_fund"] == (None,) and sources["fiscal_special_account"] == (None,) and sources["other"] == (None,)


def test_a_final_account_prints_a_bare_total_on_each_side() -> None:
    rows = [
        "收入\t\t支出\t",
        "项目\t决算数\t项目\t决算数",
        "一、一般公共预算财政拨款收入\t1,234.56\t一、一般公共服务支出\t1,000.00",
        "六、其他收入\t16.00\t八、社会保障和就业支出\t250.56",
        "本年收入合计\t1,250.56\t本年支出合计\t1,250.56",
        "年初结转和结余\t10.00\t年末结转和结余\t10.00",
        "总计\t1,260.56\t总计\t1,260.56",
    ]
    r = read(block("summary", "收入支出决算总表", rows), fiscal_year=2023, kind="final_account")
    totals = r.totals()
    assert (totals["revenue_total"], totals["expenditure_total"]) == (D("1260.56"), D("1260.56"))
    assert (totals["carryover_in"], totals["carryover_out"]) == (D("10.00"), D("10.00"))


FISCAL = [
    "收入\t\t支出\t\t\t\t",
    "项 目\t金 额\t项 目\t合 计\t一般公共预算\t政府性基金\t国有资本经营预算",
    "一、本年收入\t670.00\t一、本年支出\t670.00\t570.00\t100.00\t",
    "（一）一般公共预算拨款\t570.00\t（一）一般公共服务支出\t519.47\t519.47\t\t",
    "（二）政府性基金预算拨款\t100.00\t（八）社会保障和就业支出\t50.53\t50.53\t\t",
    "收入合计\t670.00\t支出合计\t670.00\t570.00\t100.00\t",
]


def test_a_fiscal_summary_gives_class_totals_of_the_general_budget_only() -> None:
    rows = [*FISCAL[:4], "（二）政府性基金预算拨款\t100.00\t（七）文化旅游体育与传媒支出\t150.00\t50.00\t100.00\t", *FISCAL[4:]]
    r = read(block("fiscal_summary", "2024 年财政拨款收支总体情况表", rows), function_block(FISCAL_ITEMS))
    assert "totals" not in r.disclosure.rows  # the 收支总表 gives those: a 财政拨款 本年收入 is not all revenue
    # with no 收支总表 among the blocks, each budget's appropriation line is that revenue line (the same figure)
    assert set(r.pick("revenue_by_source", "source", "amount").items()) == {("general_public_budget", (D("570.00"),)), ("government_fund", (D("100.00"),))}
    classes = {k: v for k, v in r.pick("expenditure_by_function", "function_code", "total").items() if len(k) == 3}
    assert classes == {"201": (D("519.47"),), "207": (D("50.00"),), "208": (D("50.53"),)}


def test_a_fiscal_summary_row_of_fund_spending_only_gives_no_general_class_total() -> None:
    rows = [*FISCAL[:5], "\t\t（十二）城乡社区支出\t100.00\t\t100.00\t", *FISCAL[5:]]
    items = [FISCAL_ITEMS[0], FISCAL_ITEMS[1], FISCAL_ITEMS[3]]
    r = read(block("fiscal_summary", "2024 年财政拨款收支总体情况表", rows), function_block(items))
    classes = {k: v for k, v in r.pick("expenditure_by_function", "function_code", "total").items() if len(k) == 3}
    assert classes == {"201": (D("519.47"),), "208": (D("50.53"),)}  # no 212: its 一般公共预算 cell is blank


def test_class_lines_of_a_summary_counting_other_funds_give_no_class_rows() -> None:
    """A 收支总表 whose classes add up to more than the function table (other funds too) gives it no 类 rows."""
    r = read(block("summary", "2024 年部门收支总体情况表", MUYE), function_block())  # 593.39 against 520.00
    assert {k for k in r.by("expenditure_by_function", "function_code") if len(k) == 3} == set()


def test_a_stacked_final_account_summary_reads_each_blocks_total() -> None:
    """收入 above 支出 in one 项目 | 行次 | 金额 column: the second 总计 is the expenditure total."""
    rows = [
        "单位：万元",
        "项目\t行次\t金额",
        "收入\t\t",
        "一、一般公共预算财政拨款收入\t1\t900.00",
        "二、政府性基金预算财政拨款收入\t2\t",
        "五、事业收入\t3\t50.00",
        "本年收入合计\t4\t950.00",
        "年初结转和结余\t5\t40.00",
        "总计\t6\t990.00",
        "支出\t\t",
        "一、一般公共服务支出\t7\t800.00",
        "二、教育支出\t8\t170.00",
        "本年支出合计\t9\t970.00",
        "年末结转和结余\t10\t20.00",
        "总计\t11\t990.00",
    ]
    r = read(block("summary", "收入支出决算总表", rows), kind="final_account")
    assert r.totals() == {
        "revenue_current_year": D("950.00"),
        "carryover_in": D("40.00"),
        "revenue_total": D("990.00"),
        "expenditure_current_year": D("970.00"),
        "carryover_out": D("20.00"),
        "expenditure_total": D("990.00"),
    }
    amounts = {k: v[0] for k, v in r.pick("revenue_by_source", "source", "amount").items()}
    assert amounts["general_public_budget"] == D("900.00") and amounts["business"] == D("50.00") and amounts["government_fund"] is None


def test_a_national_final_account_summary_gives_its_surplus_distribution_and_not_the_parts_below() -> None:
    """财决01表 side by side with 行次: 结余分配 and 年末结转和结余 are read; their 其中 lines are parts, not totals."""
    rows = [
        "金额单位：万元",
        "收入\t\t\t支出\t\t",
        "项目\t行次\t金额\t项目\t行次\t金额",
        "一、一般公共预算财政拨款收入\t1\t900.00\t一、一般公共服务支出\t32\t800.00",
        "五、事业收入\t5\t50.00\t二、教育支出\t33\t150.00",
        "本年收入合计\t30\t950.00\t本年支出合计\t60\t950.00",
        "使用非财政拨款结余\t31\t0.00\t结余分配\t61\t5.00",
        "\t\t\t其中：交纳所得税\t62\t1.00",
        "\t\t\t提取职工福利基金\t63\t4.00",
        "年初结转和结余\t32\t40.00\t年末结转和结余\t64\t35.00",
        "\t\t\t其中：基本支出结转\t65\t10.00",
        "\t\t\t项目支出结转和结余\t66\t25.00",
        "总计\t33\t990.00\t总计\t67\t990.00",
    ]
    r = read(block("summary", "收入支出决算总表", rows), fiscal_year=2023, kind="final_account")
    assert r.totals() == {
        "revenue_current_year": D("950.00"),
        "expenditure_current_year": D("950.00"),
        "surplus_distribution": D("5.00"),
        "surplus_used": D("0.00"),
        "carryover_in": D("40.00"),
        "carryover_out": D("35.00"),
        "revenue_total": D("990.00"),
        "expenditure_total": D("990.00"),
    }


def test_a_final_accounts_lines_below_its_years_revenue_are_parts_of_its_revenue_total_not_revenue_lines() -> None:
    """财决01表's 使用非财政拨款结余 and 用事业基金弥补收支差额, printed below 本年收入合计: totals of their own, no source."""
    rows = [
        "金额单位：万元",
        "项目\t行次\t金额\t项目\t行次\t金额",
        "一、一般公共预算财政拨款收入\t1\t900.00\t一、一般公共服务支出\t32\t960.00",
        "五、事业收入\t5\t50.00\t\t\t",
        "本年收入合计\t30\t950.00\t本年支出合计\t60\t960.00",
        "用事业基金弥补收支差额\t31\t6.00\t结余分配\t61\t0.00",
        "使用非财政拨款结余\t32\t4.00\t\t\t",
        "年初结转和结余\t33\t40.00\t年末结转和结余\t64\t40.00",
        "总计\t34\t1000.00\t总计\t67\t1000.00",
    ]
    r = read(block("summary", "收入支出决算总表", rows), fiscal_year=2023, kind="final_account")
    assert r.totals()["surplus_used"] == D("4.00") and r.totals()["fund_makeup"] == D("6.00")
    assert set(r.pick("revenue_by_source", "source", "amount")) == {"general_public_budget", "business", "carryover"}


def test_a_total_line_printed_blank_is_recorded_as_such_not_as_a_figure() -> None:
    rows = [
        "收入\t\t支出\t",
        "项目\t决算数\t项目\t决算数",
        "一、一般公共预算财政拨款收入\t1,250.56\t一、一般公共服务支出\t1,250.56",
        "本年收入合计\t1,250.56\t本年支出合计\t1,250.56",
        "使用非财政拨款结余\t\t结余分配\t",
        "年初结转和结余\t\t年末结转和结余\t",
        "总计\t1,250.56\t总计\t1,250.56",
    ]
    r = read(block("summary", "收入支出决算总表", rows), fiscal_year=2023, kind="final_account")
    assert "surplus_distribution" not in r.totals() and "carryover_out" not in r.totals()
    blank = [(b["metric"], b["source_table"]) for b in r.disclosure.evidence.blank_totals]
    assert blank == [("surplus_used", "收入支出决算总表"), ("surplus_distribution", "收入支出决算总表"), ("carryover_in", "收入支出决算总表"), ("carryover_out", "收入支出决算总表")]
