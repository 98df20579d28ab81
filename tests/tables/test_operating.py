"""机关运行经费表 (``tables/operating.py``): its 合计 as ``totals.operating_funds``."""

from __future__ import annotations

from tests.tables.conftest import YUAN, D, block, read

# 江苏省高级人民法院 2018 十一表, as a space-separated text layer
JIANGSU = [
    "单位：万元",
    "科目编码 科目名称 机关运行经费支出",
    "合计 3,407.38",
    "302 商品和服务支出 3,407.38",
    "30201 办公费 350.00",
    "30205 水费 34.00",
]
TITLE = "十一、2018年度江苏省高级人民法院一般公共预算机关运行经费支出预算表"


def test_the_total_row_is_the_operating_funds() -> None:
    r = read(block("operating_funds", TITLE, JIANGSU), fiscal_year=2018)
    assert r.totals() == {"operating_funds": D("3407.38")}
    assert [(t["page"], t["source_table"]) for t in r.rows("totals")] == [(7, TITLE)]


def test_a_tabbed_table_in_yuan_with_its_total_last() -> None:
    rows = [
        "单位：元",
        "科目编码\t科目名称\t合计\t商品和服务支出\t资本性支出",
        "30201\t办公费\t3,500,012.34\t3,500,012.34\t",
        "30231\t公务用车运行维护费\t0.00\t0.00\t",
        "\t合  计\t3,500,012.34\t3,500,012.34\t",
    ]
    r = read(block("operating_funds", "机关运行经费支出预算表", rows, YUAN))
    assert r.totals() == {"operating_funds": D("350.001234")}


def test_a_printed_zero_stays_zero_and_a_blank_total_gives_nothing() -> None:
    zero = read(block("operating_funds", TITLE, ["科目编码\t科目名称\t机关运行经费支出", "\t合计\t0.00"]))
    assert zero.totals() == {"operating_funds": D("0.00")}
    blank = read(block("operating_funds", TITLE, ["科目编码\t科目名称\t机关运行经费支出", "\t合计\t", "302\t商品和服务支出\t3,407.38"]))
    assert "totals" not in blank.disclosure.rows  # the 302 row is not taken for the missing total
