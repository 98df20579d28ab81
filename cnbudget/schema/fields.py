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
        return [f.name for f in self.fields]

    def descriptor(self) -> dict[str, Any]:
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

DISCLOSURE_FK = (
    {"fields": "disclosure_id", "reference": {"resource": "disclosure", "fields": "disclosure_id"}},
)


def id_field() -> Field:
    return Field(
        "disclosure_id",
        "string",
        "公开文件编号",
        "The disclosure this row belongs to: an ASCII slug built from region, unit, year, kind and scope.",
        required=True,
        pattern="[a-z0-9-]+",
    )


def amount_field(name: str, title: str, description: str, required: bool = False) -> Field:
    return Field(
        name,
        "number",
        title,
        description + " In 万元 (10,000 yuan), exactly as printed or converted exactly from 元; empty where the source leaves the cell blank.",
        required=required,
        fiscal="value",
    )


def page_field() -> Field:
    return Field(
        "page",
        "integer",
        "页码",
        "The page of the source document where the figure is printed (1-based, counted over the disclosure's files in order); empty where the source has no page numbers.",
    )


def origin_field() -> Field:
    return Field(
        "origin",
        "string",
        "来源",
        "Where the figure was read: `table` from a table, `narrative` from the prose.",
        required=True,
        enum=ORIGINS,
    )


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


def code_fk(field_name: str, resource: str) -> dict[str, Any]:
    """A foreign key from a code field to the ``code`` of a classification resource."""
    return {"fields": field_name, "reference": {"resource": resource, "fields": "code"}}


def official_name_field(kind: str) -> Field:
    label = "functional-classification" if kind == "function" else "economic-classification"
    return Field(
        "official_name",
        "string",
        "官方科目名称",
        f"The official name of the row's code in the disclosure's fiscal year (the {kind}_classification resource), "
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
    return (
        id_field(),
        Field("fiscal_year", "integer", "预算年度", "The disclosure's fiscal year: the year whose official names are given.", required=True),
        code,
        level,
        parent,
        *(() if function else (scheme,)),
        Field("official_name", "string", "官方科目名称", "The official name in the fiscal year; empty where the code is not in the reference data for that year."),
        Field("printed_name", "string", "印刷科目名称", "For a code not in the reference data for the year: the name the document prints for it (first occurrence); empty for official codes."),
        Field("known", "boolean", "是否官方科目", "True when the code is an official code in the fiscal year according to the reference data; false for a code the document prints that is not.", required=True),
        Field("valid_from", "integer", "起始年度", f"First fiscal year the official name holds ({REFERENCE_WINDOW[0]}: that year or earlier); empty for an unknown code."),
        Field("valid_to", "integer", "截止年度", "Last fiscal year the official name holds; empty for an unknown code."),
        Field("verified", "boolean", "已核对", "False where the reference row is low-confidence (see the reference package); empty for an unknown code."),
    )
