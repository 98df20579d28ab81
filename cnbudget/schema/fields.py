"""The building blocks of the schema: a field, a resource, the vocabularies, and field makers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    title: str
    description: str
    required: bool = False
    enum: tuple[str, ...] = ()
    pattern: str = ""
    fiscal: str = ""  # Fiscal Data Package columnType, where one applies

    def descriptor(self) -> dict[str, Any]:
        """The field as a Table Schema field descriptor (name, type, title, description, constraints)."""
        out: dict[str, Any] = {
            "name": self.name,
            "type": self.type,
            "title": self.title,
            "description": self.description,
        }
        if self.type == "number":
            out["bareNumber"] = True
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if self.pattern:
            constraints["pattern"] = self.pattern
        if constraints:
            out["constraints"] = constraints
        if self.fiscal:
            out["columnType"] = self.fiscal
        return out


@dataclass(frozen=True)
class Resource:
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[dict[str, Any], ...] = field(default_factory=tuple)

    @property
    def field_names(self) -> list[str]:
        """The names of the resource's fields, in order."""
        return [f.name for f in self.fields]

    def descriptor(self) -> dict[str, Any]:
        """The resource as a tabular data resource descriptor of ``datapackage.json``, with its schema."""
        schema: dict[str, Any] = {"fields": [f.descriptor() for f in self.fields]}
        if self.primary_key:
            schema["primaryKey"] = list(self.primary_key)
        if self.foreign_keys:
            schema["foreignKeys"] = [dict(fk) for fk in self.foreign_keys]
        schema["missingValues"] = [""]
        return {
            "name": self.name,
            "path": f"{self.name}.csv",
            "title": self.title,
            "description": self.description,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": schema,
        }


ORIGINS = ("table", "narrative")
METRICS = (
    "revenue_total",
    "expenditure_total",
    "revenue_current_year",
    "expenditure_current_year",
    "carryover_in",
    "carryover_out",
    "basic_expenditure",
    "project_expenditure",
    "personnel_expenditure",
    "public_expenditure",
    "operating_funds",
    "government_procurement",
    "three_public_total",
    "reserve_expenditure",  # 单位预留机动经费 (Jiangsu): a third use beside 基本 and 项目
    "surplus_distribution",  # 结余分配: a final account's 支出总计 is 本年支出合计 + 结余分配 + 年末结转和结余
    "surplus_used",  # 使用非财政拨款结余: a final account's 收入总计 is 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余
    "fund_makeup",  # 用事业基金弥补收支差额: printed beside the 使用非财政拨款结余 as a part of the 收入总计
)
REVENUE_SOURCES = (
    "general_public_budget",
    "government_fund",
    "state_capital",
    "fiscal_special_account",
    "business",
    "operating",
    "superior_subsidy",
    "affiliated_turnover",
    "other",
    "carryover",
)
THREE_PUBLIC_ITEMS = (
    "total",
    "outbound_travel",
    "vehicle_total",
    "vehicle_purchase",
    "vehicle_operation",
    "reception",
)
CHECK_STATUSES = ("pass", "fail", "not_applicable")
PHASES = ("approved", "adjusted", "executed")

DISCLOSURE_FK = (
    {"fields": "disclosure_id", "reference": {"resource": "disclosure", "fields": "disclosure_id"}},
)


def id_field() -> Field:
    """The ``disclosure_id`` field every disclosure resource starts with."""
    return Field(
        "disclosure_id",
        "string",
        "公开文件编号",
        "本行所属的公开文件：由地区、单位、年度、类型和范围生成的 ASCII 编号。 "
        "The disclosure this row belongs to: an ASCII slug built from region, unit, year, kind and scope.",
        required=True,
        pattern="[a-z0-9-]+",
    )


def amount_field(name: str, title: str, description: str, required: bool = False) -> Field:
    """An amount in 万元; ``description`` says what it is, Chinese first, then English."""
    return Field(
        name,
        "number",
        title,
        description + " 单位万元，照原表或由元精确换算，不四舍五入；原表空白处为空。"
        "In 万元 (10,000 yuan), exactly as printed or converted exactly from 元; empty where the source leaves the cell blank.",
        required=required,
        fiscal="value",
    )


def page_field() -> Field:
    """The ``page`` field: where in its source file a figure is printed."""
    return Field(
        "page",
        "integer",
        "页码",
        "数字所在页：source_file 所指源文件的页码（从 1 起）；源文件无页码时为空。 "
        "The page of the file named in source_file where the figure is printed (1-based); empty where the source has no page numbers.",
    )


def source_file_field() -> Field:
    """The ``source_file`` field: which of the disclosure's files a figure was read from."""
    return Field(
        "source_file",
        "string",
        "源文件",
        "数字所在的源文件名（一份公开文件有多个源文件时据此找页码；每行都填）。 "
        "The name of the source file the figure was read from (the file its page counts in); given on every row.",
    )


def origin_field() -> Field:
    """The ``origin`` field: whether a figure came from a table or the prose."""
    return Field(
        "origin",
        "string",
        "来源",
        "数字取自何处：`table` 取自表格；`narrative` 取自文字说明（仅当表格未给出该数字时）。 "
        "Where the figure was read: `table` from a table, `narrative` from the prose (only where no table gives that figure).",
        required=True,
        enum=ORIGINS,
    )


def phase_field(required: bool = True) -> Field:
    """The ``phase`` field (approved, adjusted or executed), required unless ``required`` is False."""
    return Field(
        "phase",
        "string",
        "数字口径",
        "该年度的哪一个数：`approved` 年初预算数（预算数）；`adjusted` 全年预算数（调整预算数）；`executed` 决算数（执行数）。"
        "预算公开的数字为 approved；决算公开按表格所列各栏各出一行。 "
        "Which figure of the year: `approved` (预算数, 年初预算数: the budget as adopted), `adjusted` (全年预算数, 调整预算数) or "
        "`executed` (决算数, 执行数). A budget's figures are approved; a final account has a row for each phase its tables print.",
        required=required,
        enum=PHASES,
        fiscal="phase:id",
    )


def line_field(what: str, what_en: str) -> Field:
    """The ``line`` field: a row's 1-based place in the disclosure, described as that of ``what`` (Chinese) and ``what_en``."""
    return Field(
        "line",
        "integer",
        "行号",
        f"{what}在本公开文件中的顺序号（从 1 起，按原文先后）。 The {what_en}'s place in the disclosure, 1-based, in the order printed.",
        required=True,
    )


def classification_year_field(kind: str, required: bool = True) -> Field:
    """The ``classification_year`` field of ``kind``'s (function or economic) codes, required unless ``required`` is False."""
    zh = "支出功能分类" if kind == "function" else "支出经济分类"
    return Field(
        "classification_year",
        "integer",
        "分类科目年度",
        f"科目编码所依据的{zh}科目年度（即公开文件的预算年度）；与编码一起指向 {kind}_classification 的 (classification_year, code)。 "
        f"The year of the {kind} classification the code belongs to (the disclosure's fiscal year); with the code, a foreign key to "
        f"(classification_year, code) of {kind}_classification.",
        required=required,
    )


def code_fk(field_name: str, resource: str) -> dict[str, Any]:
    """A foreign key from (classification_year, a code field) to (classification_year, code) of a classification resource."""
    return {"fields": ["classification_year", field_name], "reference": {"resource": resource, "fields": ["classification_year", "code"]}}


FUNCTION_LEVELS = ("class", "section", "item")
ECONOMIC_LEVELS = ("class", "item")
FUNCTION_CODE = "[0-9]{3}([0-9]{2}){0,2}"
ECONOMIC_CODE = "[0-9]{3}([0-9]{2})?"
SCHEMES = ("department", "government")
REFERENCE_WINDOW = (2017, 2025)
REFERENCE_NOTE = (
    "Compiled by hand from the Ministry of Finance's 《政府收支分类科目》 editions, not transcribed from an "
    "official file; rows with `verified` false could not be checked (reference/*-classification/ in the repository)."
)


def official_name_field(kind: str) -> Field:
    """The ``official_name`` field: a code's official name in ``kind``'s classification of its year."""
    label = "functional-classification" if kind == "function" else "economic-classification"
    return Field(
        "official_name",
        "string",
        "官方科目名称",
        f"该编码在分类科目年度的官方名称（见 {kind}_classification），与原文名称并列，即使原文名称被截断；参考数据中无此编码时为空。 "
        f"The official name of the row's code in its classification year (the {kind}_classification resource), "
        "kept beside the printed name even where the printed one is cut off; empty where the code is not in the reference data for that year.",
        fiscal=f"{label}:generic:label",
    )


def classification_fields(kind: str, *, reference: bool) -> tuple[Field, ...]:
    """The fields of a classification entry: in the reference packages, or (``reference`` False) in a disclosure package."""
    function = kind == "function"
    levels = FUNCTION_LEVELS if function else ECONOMIC_LEVELS
    pattern = FUNCTION_CODE if function else ECONOMIC_CODE
    digits = "3, 5 or 7 digits: 类, 款 or 项" if function else "3 or 5 digits: 类 or 款"
    level_text = "`class` (类), `section` (款) or `item` (项)." if function else "`class` (类) or `item` (款)."
    code = Field("code", "string", "科目编码", f"The code, {digits}.", required=True, pattern=pattern)
    level = Field("level", "string", "级次", level_text, required=True, enum=levels)
    parent = Field("parent", "string", "上级科目编码", "The code of the parent (the code less its last two digits); empty for a 类.", pattern=pattern)
    scheme = Field("scheme", "string", "经济分类体系", "`department` (部门预算支出经济分类, 301…) or `government` (政府预算支出经济分类, 501…).", required=True, enum=SCHEMES)
    if reference:
        return (
            code,
            Field("name", "string", "科目名称", "The official name for the fiscal years valid_from to valid_to.", required=True),
            level,
            parent,
            *(() if function else (scheme,)),
            Field("valid_from", "integer", "起始年度", f"First fiscal year the name holds; {REFERENCE_WINDOW[0]} means {REFERENCE_WINDOW[0]} or earlier (the data starts there).", required=True),
            Field("valid_to", "integer", "截止年度", f"Last fiscal year the name holds; {REFERENCE_WINDOW[1]} means still current in the {REFERENCE_WINDOW[1]} edition.", required=True),
            Field("verified", "boolean", "已核对", "False for a low-confidence row: its code, exact name or the year of a rename could not be checked against a public copy of the edition.", required=True),
        )
    zh_digits = "3、5 或 7 位：类、款或项" if function else "3 或 5 位：类或款"
    zh_level = "`class` 类、`section` 款或 `item` 项。" if function else "`class` 类或 `item` 款。"
    return (
        classification_year_field(kind),
        Field("code", "string", "科目编码", f"科目编码，{zh_digits}。 The code, {digits}.", required=True, pattern=pattern),
        Field("level", "string", "级次", f"{zh_level} {level_text}", required=True, enum=levels),
        Field("parent", "string", "上级科目编码", "上级科目编码（去掉末两位）；类为空。 The code of the parent (the code less its last two digits); empty for a 类.", pattern=pattern),
        *(() if function else (Field("scheme", "string", "经济分类体系", f"`department` 部门预算支出经济分类（301…）或 `government` 政府预算支出经济分类（501…）。 {scheme.description}", required=True, enum=SCHEMES),)),
        Field("official_name", "string", "官方科目名称", "该年度的官方名称；参考数据中该年无此编码时为空。 The official name in the classification year; empty where the code is not in the reference data for that year."),
        Field(
            "printed_name",
            "string",
            "印刷科目名称",
            "参考数据中该年无此编码时，公开文件所印的名称（all/ 中取按 disclosure_id 排序的第一份）；官方编码为空。 "
            "For a code not in the reference data for the year: the name a document prints for it (in all/, the first disclosure in id order); empty for official codes.",
        ),
        Field(
            "known",
            "boolean",
            "是否官方科目",
            "按参考数据，该编码在该年度是否为官方科目；公开文件印有而参考数据没有的编码为 false。 "
            "True when the code is an official code in the year according to the reference data; false for a code a document prints that is not.",
            required=True,
        ),
        Field("valid_from", "integer", "起始年度", f"官方名称适用的首个年度（{REFERENCE_WINDOW[0]} 表示该年或更早）；未知编码为空。 First fiscal year the official name holds ({REFERENCE_WINDOW[0]}: that year or earlier); empty for an unknown code."),
        Field("valid_to", "integer", "截止年度", "官方名称适用的最后年度；未知编码为空。 Last fiscal year the official name holds; empty for an unknown code."),
        Field("verified", "boolean", "已核对", "参考数据中该行未能核对时为 false（见参考数据包）；未知编码为空。 False where the reference row is low-confidence (see the reference package); empty for an unknown code."),
    )
