"""The Chinese names of the coded values of the vocabularies (metrics, revenue sources, “三公” items).

The codes are in ``fields``; these are how a Chinese sentence about them names them (the checks' ``detail``).
"""

from __future__ import annotations

METRIC_NAMES = {
    "revenue_total": "收入总计",
    "expenditure_total": "支出总计",
    "revenue_current_year": "本年收入合计",
    "expenditure_current_year": "本年支出合计",
    "carryover_in": "上年结转",
    "carryover_out": "结转下年",
    "basic_expenditure": "基本支出",
    "project_expenditure": "项目支出",
    "personnel_expenditure": "人员经费",
    "public_expenditure": "公用经费",
    "operating_funds": "机关运行经费",
    "government_procurement": "政府采购",
    "three_public_total": "“三公”经费合计",
    "reserve_expenditure": "单位预留机动经费",
    "surplus_distribution": "结余分配",
    "surplus_used": "使用非财政拨款结余",
    "fund_makeup": "用事业基金弥补收支差额",
}
SOURCE_NAMES = {
    "general_public_budget": "一般公共预算",
    "government_fund": "政府性基金预算",
    "state_capital": "国有资本经营预算",
    "fiscal_special_account": "财政专户管理资金",
    "business": "事业收入",
    "operating": "经营收入",
    "superior_subsidy": "上级补助收入",
    "affiliated_turnover": "附属单位上缴收入",
    "other": "其他收入",
    "carryover": "上年结转",
}


def revenue_named(source: str) -> str:
    """A revenue source named in Chinese quotation marks as revenue: “一般公共预算”收入, but “其他收入”, “上年结转” (never “其他收入”收入)."""
    name = SOURCE_NAMES.get(source, source)
    return f"“{name}”" if name.endswith(("收入", "结转")) else f"“{name}”收入"
ITEM_NAMES = {
    "total": "“三公”经费合计",
    "outbound_travel": "因公出国（境）费",
    "vehicle_total": "公务用车购置及运行费",
    "vehicle_purchase": "公务用车购置费",
    "vehicle_operation": "公务用车运行费",
    "reception": "公务接待费",
}
PHASE_NAMES = {
    "approved": "预算数",
    "adjusted": "调整预算数",
    "executed": "决算数",
}
