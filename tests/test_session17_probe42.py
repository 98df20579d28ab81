"""Wordings of the prose that the prose probe (benchmarks/probe_prose.py, issue 13, session 17) found misread; each an
invented sentence in the style of the real pages the probe's catalogue cites, worked by hand."""

from __future__ import annotations

from decimal import Decimal as D

from .conftest import narrative_figures


def _totals(text: str, kind: str = "budget", year: int = 2026) -> dict[tuple[str, str, str], object]:
    return {k: v for k, v in narrative_figures(text, kind, year).items() if k[0] == "totals"}


def test_a_budgets_revenue_sum_listing_its_carryover_after_baokuo_is_the_total() -> None:
    # the 2026 template (苏州市审计局): 收入预算合计 = 本年收入 + 上年结转结余, the parts listed after 包括
    text = "二、收入预算情况说明\n某局2026年收入预算合计1234.56万元，包括本年收入1134.56万元，上年结转结余为100.00万元。"
    totals = _totals(text)
    assert totals[("totals", "revenue_total", "approved")] == D("1234.56")
    assert totals[("totals", "revenue_current_year", "approved")] == D("1134.56")
    # counter-case: the same sum whose parts name no carry-over stays the year's revenue (and, its parts adding up, the total)
    text = "二、收入预算情况说明\n某局2026年收入预算合计1134.56万元，包括一般公共预算拨款收入868.20万元，其他收入266.36万元。"
    totals = _totals(text)
    assert totals[("totals", "revenue_current_year", "approved")] == D("1134.56")
    # nor does 本年收入合计 become the total whatever its list names
    text = "某局2026年本年收入合计1134.56万元，包括一般公共预算拨款收入1034.56万元，上年结转结余为100.00万元。"
    assert _totals(text).get(("totals", "revenue_total", "approved")) != D("1134.56")


def _kept(*texts: str) -> set[tuple[str, str, str, object]]:
    from cnbudget.model import Disclosure, Line
    from cnbudget.normalise.narrative import read_narrative
    from cnbudget.normalise.rows import general_budget_figures

    found, _ = read_narrative([Line(n, (t,)) for n, t in enumerate(texts, 1)], 2021, "budget")
    kept = general_budget_figures(Disclosure({"disclosure_id": "d", "kind": "budget"}), found)
    return {(f.resource, f.subject, f.phase, f.row.get("amount")) for f in kept}


FUND_SPENT = "2021年一般公共预算财政拨款支出1134.56万元。其中：基本支出868.20万元，项目支出266.36万元。"


def test_a_funds_basic_and_project_parts_on_a_page_naming_no_other_money_are_refused() -> None:
    # the appropriation's parts are the unit's only where the appropriation is all it spends; this page does not say
    found = _kept(FUND_SPENT)
    assert not any(key in ("basic_expenditure", "project_expenditure") for _, key, _, _ in found)


def test_a_funds_parts_are_the_units_where_the_page_shows_that_fund_is_all_its_money() -> None:
    # counter-case: the year's revenue all 一般公共预算 (占100%): the appropriation's parts are the unit's
    found = _kept("2021年收入预算1134.56万元，其中：一般公共预算拨款收入1134.56万元，占100%。", FUND_SPENT)
    assert ("totals", "basic_expenditure", "approved", D("868.20")) in found
    assert ("totals", "project_expenditure", "approved", D("266.36")) in found
    # and where the unit's own 支出预算 stated apart is what the parts add up to
    found = _kept("2021年支出预算1134.56万元。", FUND_SPENT)
    assert ("totals", "basic_expenditure", "approved", D("868.20")) in found


def test_the_prose_probe_reads_no_figure_wrong(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # benchmarks/probe_prose.py: invented short pages in wordings real disclosures print; a build of them all (~5 s)
    from .conftest import load_tool

    probe = load_tool("probe_prose", "benchmarks/probe_prose.py")
    assert probe.check_cites(None) == 0  # every wording the fixtures attest is printed in the file it cites
    status, found = _probe_build(probe, tmp_path)
    verdicts = [probe.judge(page, found.get(status.get(page.name, ""), {}))[0] for page in probe.pages()]
    assert verdicts.count("WRONG") == 0
    assert verdicts.count("OK") >= 211  # of 213 pages (2 missed: 收、支总计各是X,Y万元, refused)


def _probe_build(probe, tmp_path):  # type: ignore[no-untyped-def]
    folder = tmp_path / "pages"
    folder.mkdir()
    for page in probe.pages():
        (folder / page.name).write_text(page.text, encoding="utf-8")
    probe.run_build(folder, tmp_path / "dp")
    return probe.published(tmp_path / "dp")


def _stood_in(*texts: str, kind: str = "final_account") -> set[tuple[str, str, str, object]]:
    from cnbudget.model import Line
    from cnbudget.normalise.narrative import read_narrative
    from cnbudget.normalise.rows import table_figures

    found, _ = read_narrative([Line(n, (t,)) for n, t in enumerate(texts, 1)], 2020, kind)
    return {(f.resource, f.subject, f.phase, f.row.get("amount")) for f in table_figures(found)}


def test_a_section_about_the_general_budget_states_that_funds_totals_not_the_units() -> None:
    # 忻州市第二实验小学's 2018 page: the 一般公共预算's 收入总计 (its carry-over within), 本年支出 and 年末结转和结余
    found = _stood_in("二、2020年度一般公共预算收入支出决算情况", "2020年度一般公共预算收入总计1234.56万元，本年支出1134.56万元，年末结转和结余100.00万元。")
    assert not any(r == "totals" for r, _, _, _ in found)
    assert not any(k == "general_public_budget" for _, k, _, _ in found)  # its 收入总计 is no 本年 revenue of the fund
    # counter-case: the same sentence in a section about the whole budget is the unit's
    found = _stood_in("一、收入支出决算总体情况", "2020年度本年收入合计1134.56万元，本年支出1134.56万元，年末结转和结余100.00万元。")
    assert ("totals", "expenditure_current_year", "executed", D("1134.56")) in found
    assert ("totals", "carryover_out", "executed", D("100.00")) in found
    # and the fund's own 本年收入 in such a section is still its source
    found = _stood_in("二、2020年度一般公共预算收入支出决算情况", "2020年度一般公共预算本年收入1134.56万元。")
    assert ("revenue_by_source", "general_public_budget", "executed", D("1134.56")) in found


OTHER_MONEY = "2021年收入预算1134.56万元，其中：一般公共预算拨款收入868.20万元，事业收入266.36万元。"


def test_the_appropriations_parts_on_a_page_with_other_money_are_not_the_units() -> None:
    # 财政拨款支出 (no fund named) lists the appropriations' 基本支出 and 项目支出; the unit has 事业收入 besides
    found = _kept(OTHER_MONEY, "四、财政拨款支出预算情况", "2021年财政拨款支出预算868.20万元，比上年增加55.00万元。其中：基本支出700.00万元，项目支出168.20万元。")
    assert not any(key in ("basic_expenditure", "project_expenditure") for _, key, _, _ in found)
    # counter-case: a 非财政拨款支出 is no appropriation: its 其中 is not the appropriations' list
    from cnbudget.normalise import prose_funds

    text = "2021年非财政拨款支出预算266.36万元。其中：基本支出200.00万元"
    assert not prose_funds.fund_part(text, text.index("其中"), text[text.index("其中") :])


def test_a_funds_list_run_on_into_a_sentence_of_its_own_is_still_that_funds() -> None:
    # “…。其中：基本支出 X 万元，比上年增加…。项目支出 Y 万元。”: the 项目支出 goes on with the fund's list
    spent = "2021年一般公共预算财政拨款支出868.20万元，比上年增加55.00万元。其中：基本支出700.00万元，比上年增加55.00万元。项目支出168.20万元。"
    found = _kept(OTHER_MONEY, "四、一般公共预算财政拨款支出情况", spent)
    assert not any(key in ("basic_expenditure", "project_expenditure") for _, key, _, _ in found)
    # counter-case: a 项目支出 opening a sentence after one that lists no part is the unit's own
    found = _kept("2021年支出预算1134.56万元，比上年增加55.00万元。项目支出266.36万元。")
    assert ("totals", "project_expenditure", "approved", D("266.36")) in found


GENERAL_BASIC = ("（六）一般公共预算基本支出情况说明（详见表6）", "2021年一般公共预算基本支出868.20万元，其", "中：", "人员支出700.00万元，主要包括：基本工资、津贴补贴。", "公用支出168.20万元。")


def test_the_general_budgets_basic_spending_and_its_parts_are_that_funds() -> None:
    # 杭州's template: the 一般公共预算's 基本支出 and its 人员/公用 parts; the unit has 事业收入 besides
    found = _kept(OTHER_MONEY, *GENERAL_BASIC)
    assert not any(k in ("basic_expenditure", "personnel_expenditure", "public_expenditure") for _, k, _, _ in found)
    # counter-case: where the page says the 一般公共预算 is all the unit's revenue, they are the unit's
    found = _kept("2021年收入预算868.20万元，其中：一般公共预算拨款收入868.20万元，占100%。", *GENERAL_BASIC)
    assert ("totals", "basic_expenditure", "approved", D("868.20")) in found
    assert ("totals", "personnel_expenditure", "approved", D("700.00")) in found
    assert ("totals", "public_expenditure", "approved", D("168.20")) in found
    # and a 基本支出 under a heading about the whole budget is the unit's
    found = _kept(OTHER_MONEY, "（三）支出预算情况说明", "2021年基本支出868.20万元，其中：人员经费700.00万元，公用经费168.20万元。")
    assert ("totals", "basic_expenditure", "approved", D("868.20")) in found


def test_the_seeds_general_budget_basic_parts_are_no_contradiction_with_the_units_basic(seed_packages) -> None:  # type: ignore[no-untyped-def]
    # 金口河区委办公室 2024: 六's 一般公共预算财政拨款基本支出 535.62 = 488.11 + 47.51 is the fund's; the unit's 基本支出 535.68
    # holds 0.06 万元 of other money (本年支出合计 863.25 against the appropriation's 863.19): no failing check compares them
    from .conftest import package_for, read_rows

    package = package_for(seed_packages, "金口河区委办公室")
    assert not [r for r in read_rows(package, "checks") if r["check_id"] == "personnel-plus-public" and r["status"] == "fail"]
    assert not [r for r in read_rows(package, "totals") if r["metric"] in ("personnel_expenditure", "public_expenditure")]


def test_a_sources_budget_total_stays_that_source() -> None:
    # 江苏's template names each source's budget line so: “2．财政专户管理资金收入预算总计147.20万元。” (counter-case to the
    # 一般公共预算收入总计 of a fund's section, which is no source)
    found = _stood_in("（一）收入预算情况", "1．一般公共预算收入预算总计868.20万元。", "2．财政专户管理资金收入预算总计147.20万元。", kind="budget")
    assert ("revenue_by_source", "fiscal_special_account", "approved", D("147.20")) in found
