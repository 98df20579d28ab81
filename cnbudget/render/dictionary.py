"""The data dictionary as the site says it: in Chinese.

The schema (`cnbudget.schema`) keeps each field's Chinese title and a description that is partly or
wholly English; the site shows only its Chinese sentences, and for a resource or field whose
description has none, the short Chinese note below.
"""

from __future__ import annotations

import re

from cnbudget.schema import RESOURCES, Field, Resource

_CJK = re.compile(r"[\u3400-\u9fff]")
# A sentence: up to its full stop (Chinese or Latin) and the spaces after it.
_SENTENCE = re.compile(r"[^。.!?！？]*(?:[。!?！？]|\.(?=\s|$))\s*|[^。.!?！？]+$")

TYPES = {"string": "文本", "number": "数值", "integer": "整数", "boolean": "是／否", "date": "日期"}
RESOURCE_NOTES = {
    "disclosure": "每份公开文件一行：单位、地区、年度、类型，以及读取的源文件。",
    "totals": "公开文件的主要数字；表格与文字说明都印出的数字各有一行。",
    "revenue_by_source": "收支总表、收入总表中按资金来源列出的各项收入。",
    "expenditure_by_function": "一般公共预算支出表按功能分类的各行，类、款、项各级照印。",
    "basic_expenditure_by_economic": "基本支出表按部门预算支出经济分类的各行。",
    "projects": "项目支出表中的各个项目。",
    "three_public": "“三公”经费（因公出国（境）费、公务用车购置及运行费、公务接待费），本年及印出的上年数。",
    "performance_indicators": "项目绩效目标表和部门整体绩效目标表中的绩效指标。",
    "function_classification": "本数据包用到的每个功能分类科目（及其上级）在该年度的官方名称；由《政府收支分类科目》各版人工整理。",
    "economic_classification": "本数据包用到的每个经济分类科目（及其上级）在该年度的官方名称；由《政府收支分类科目》各版人工整理。",
}
FIELD_NOTES = {
    "disclosure_id": "本行所属公开文件的编号：由地区、单位、年度、类型和范围拼成的拼音字母串。",
    "unit_id": "同一单位历年公开文件共用的编号。",
    "unit_name": "表格所印的单位全称。",
    "unit_aliases": "文件对该单位的其他称呼，以 `;` 分隔。",
    "unit_code": "表格所印的单位预算代码。",
    "city": "地级行政区；省级单位为空。",
    "county": "县级行政区；省级、市级单位为空。",
    "region_code": "所指最具体行政区的六位行政区划代码（GB/T 2260）。",
    "fiscal_year": "数字所属年度。",
    "title": "文件标题。",
    "published": "公开日期，取自文件或来源清单；未注明者为空。",
    "source_files": "读取的源文件，以 `;` 分隔。",
    "source_sha256": "各源文件的 SHA-256 校验值，顺序同源文件。",
    "page_count": "各源文件的总页数（有页码的源文件）。",
    "currency": "币种，一律为人民币（CNY）。",
    "metric": "哪一个主要数字（取值见右）。",
    "origin": "数字取自哪里：`table` 表格，`narrative` 文字说明。",
    "page": "数字在源文件中的页码（按该公开文件各源文件顺序从 1 连续计数）；无页码的源文件为空。",
    "source_table": "数字所在表的标题，或文字说明的段落。",
    "source": "规范化的资金来源。",
    "source_name": "原文所印名称。",
    "function_name": "原文所印科目名称。",
    "economic_name": "原文所印科目名称。",
    "official_name": "该科目编码在该年度的官方名称；参考数据中没有该编码时为空。",
    "printed_name": "参考数据中没有的编码：文件所印名称；官方编码为空。",
    "project_name": "原文所印项目名称；整体绩效指标为空，项目名称未能读出时也为空（所在表可辨其属项目表还是整体表）。",
    "function_code": "功能分类科目编码（有印出时）。",
    "project_code": "原文所印项目编码。",
    "item": "哪一项经费。",
    "indicator": "绩效指标。",
    "target": "原文所印指标值。",
    "unit": "指标值的度量单位。",
    "weight": "指标权重（有印出时）。",
    "known": "该编码在该年度是否为官方科目编码。",
    "valid_from": "官方名称起用的年度（2017 表示该年或更早）。",
    "valid_to": "官方名称停用前的最后年度。",
    "verified": "参考数据是否已核对（否：可信度低）。",
    "detail_en": "同一说明的英文版（供国际读者）。",
    "source_file": "数字所在的源文件。",
    "phase": "数字的阶段：`approved` 年初预算，`adjusted` 调整预算，`executed` 决算（执行数）。",
}


def _is_chinese(sentence: str) -> bool:
    """More Chinese characters than Latin letters in it, codes in backticks aside."""
    prose = re.sub(r"`[^`]*`", "", sentence)
    return len(_CJK.findall(prose)) > len(re.findall(r"[A-Za-z]", prose))


def chinese_part(text: str) -> str:
    """The sentences of `text` written in Chinese, in order; empty when there is none."""
    return "".join(s for s in _SENTENCE.findall(text) if _is_chinese(s)).strip()


def resource_note(resource: Resource) -> str:
    """The Chinese description of a resource for the data dictionary: its description's Chinese part, else the written note."""
    return chinese_part(resource.description) or RESOURCE_NOTES.get(resource.name, "")


def field_note(field: Field) -> str:
    """The Chinese description of a field for the data dictionary: its description's Chinese part, else the written note."""
    return chinese_part(field.description) or FIELD_NOTES.get(field.name, "")


def data_dictionary() -> tuple[Resource, ...]:
    """The resources as the schema defines them, in publication order."""
    return RESOURCES
