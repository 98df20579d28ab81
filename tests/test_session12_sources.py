"""Session 12: a revenue source one sentence lists by its kinds (教育事业收入 and 科研事业收入) is no figure of the source.

Found on the page the identity fix published (广州航海学院's 决算情况说明): its 事业收入 printed as two parts, the first
published as the 事业收入 and the two compared as one figure stated twice (a false fail). Invented examples.
"""

from __future__ import annotations

from cnbudget.read import text_to_lines


def _sources(text: str) -> list[tuple[str, str, str]]:
    from cnbudget.normalise.narrative import read_narrative

    figures, _ = read_narrative(text_to_lines(text), 2016, "final_account")
    return [(f.subject, str(f.row.get("source_name")), str(f.row.get("amount"))) for f in figures if f.resource == "revenue_by_source"]


def test_a_source_listed_by_its_kinds_in_one_sentence_is_no_figure_of_the_source() -> None:
    text = "2016全年总收入35199.50万元,其中:财政拨款22917.10万元;教育事业收入10120.00万元;科研事业收入590.43万元;其他收入1571.96万元。\n"
    assert _sources(text) == [("other", "其他收入", "1571.96")]


def test_a_source_named_by_its_kind_alone_is_the_source() -> None:
    # counter-case: one 教育事业收入 in the sentence is the school's 事业收入 (named with its kind), as before
    text = "2016全年总收入34609.07万元,其中:财政拨款22917.10万元;教育事业收入10120.00万元;其他收入1571.96万元。\n"
    assert ("business", "教育事业收入", "10120.00") in _sources(text)


def test_the_years_and_last_years_of_one_source_in_one_sentence_stay() -> None:
    # counter-case: 本年… and 上年结转结余的… are the year's and the carry-over's, not kinds of the source
    text = "2026年收入预算4651.67万元,其中:本年一般公共预算收入4651.67万元,占100%;上年结转结余的一般公共预算收入0万元,占0%。\n"
    assert [s for s in _sources(text) if s[0] == "general_public_budget"] != []
