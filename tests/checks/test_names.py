"""Retired class names of the function classification, by the document's year; malformed names of party bodies."""

from __future__ import annotations

from cnbudget.checks.names import check_party_body_names, check_retired_class_names
from cnbudget.model import Evidence

from .conftest import run


def test_a_retired_class_name_fails_in_a_later_year_and_passes_silently_in_its_own() -> None:
    prose = "16.医疗卫生与计划生育（类）行政事业单位医疗（款）行政单位医疗（项）：指财政部门安排的行政单位基本医疗保险缴费经费。"
    results = run(check_retired_class_names, evidence=Evidence(prose=prose), fiscal_year=2024)
    assert [(r["status"], r["expected"], r["actual"]) for r in results] == [("fail", "卫生健康支出", "医疗卫生与计划生育（类）")]
    assert run(check_retired_class_names, evidence=Evidence(prose=prose), fiscal_year=2018) == []
    assert run(check_retired_class_names, evidence=Evidence(prose="卫生健康支出11.54万元。"), fiscal_year=2024) == []


def test_a_party_body_with_another_character_where_wei_belongs_fails() -> None:
    # 柞水县审计局 2019: “《中共商洛市为办公室、商洛市人民政府办公室关于印发…的通知》” (the 2020 disclosure prints 中共商洛市委办公室)
    prose = "根据《中共商洛市为办公室、商洛市人民政府办公室关于印发的通知》（商办字〔2019〕14号），柞水县审计局是县政府工作部门。"
    results = run(check_party_body_names, evidence=Evidence(prose=prose))
    assert [(r["status"], r["expected"], r["actual"]) for r in results] == [("fail", "中共商洛市委办公室", "中共商洛市为办公室")]
    assert "把“委”印作“为”" in results[0]["detail"]
    # a county under its city, and a province's 办公厅
    found = run(check_party_body_names, evidence=Evidence(prose="中共新乡市牧野区未组织部；中共江苏省为办公厅。"))
    assert [r["expected"] for r in found] == ["中共新乡市牧野区委组织部", "中共江苏省委办公厅"]


def test_well_formed_party_body_names_and_shorthand_pass_silently() -> None:
    prose = (
        "中共商洛市委办公室、中共新乡市牧野区委办公室、中共江苏省委员会办公厅、中共中央办公厅、中共商洛市纪委办公室、"
        "中共柞水县城关镇委员会办公室、中共柞水县县委办公室、中共柞水县政法委、中共柞水县组织部。"
    )
    assert run(check_party_body_names, evidence=Evidence(prose=prose)) == []
