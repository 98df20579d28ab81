"""How values read on the site: Chinese labels for coded values, amounts with separators."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from markupsafe import Markup, escape

from cnbudget.schema import RESOURCES
from cnbudget.schema.names import ITEM_NAMES, METRIC_NAMES, SOURCE_NAMES

# Chinese labels for coded values. The codes themselves live in cnbudget.schema, and so do the
# names of metrics, revenue sources and “三公” items; the rest is only how the site says them.
LABELS: dict[str, dict[str, str]] = {
    "metric": dict(METRIC_NAMES),
    "source": dict(SOURCE_NAMES),
    "item": {**ITEM_NAMES, "total": "合计"},  # under the “三公” heading of a page, its total is just 合计
    "kind": {"budget": "预算", "final_account": "决算"},
    "scope": {"department": "部门", "unit": "单位"},
    "origin": {"table": "表格", "narrative": "文字说明"},
    "phase": {"approved": "预算数", "adjusted": "调整预算数", "executed": "决算数"},
    "status": {"fail": "未通过", "not_applicable": "不适用", "pass": "通过"},
    "severity": {"rounding": "尾差", "mismatch": "不符"},
    "level": {"class": "类", "section": "款", "item": "项"},
    "basic_expenditure_by_economic.level": {"class": "类", "item": "款"},
    "source_table": {"narrative": "文字说明"},
    "amount_unit": {"mixed": "各表不一"},
    "check": {  # what each consistency check verifies, as its Chinese name
        "amount-unit-declared": "表格注明金额单位",
        "basic-plus-project": "基本支出加项目支出等于支出合计",
        "body-count-adds-up": "所列各类单位数之和不超过单位总数",
        "budget-change-percent-agrees": "较预算数的增减幅度与金额相符",
        "change-agrees": "增减额与两年金额相符",
        "change-percent-agrees": "增减幅度与两年金额相符",
        "change-stated-once": "同一笔拨款的增减前后一致",
        "classification-code-known": "科目编码见于当年科目表",
        "classification-name-agrees": "科目名称与当年科目表一致",
        "classification-name-current": "未用已停用的科目名称",
        "codes-well-formed": "科目编码位数正确",
        "comparison-year-valid": "比较年度正确",
        "completion-rate-agrees": "完成率与其基数相符",
        "contents-entry-titled": "目录条目有标题",
        "contents-table-printed": "目录所列表格均已印出",
        "economic-levels-add-up": "经济分类各级相加相符",
        "economic-personnel-plus-public": "经济分类人员经费加公用经费相符",
        "economic-sum-matches-total": "经济分类科目之和等于合计",
        "expenditure-total-adds-up": "支出总计与其构成相符",
        "final-account-dated-after-year": "决算的公开日期在年度终了之后",
        "fiscal-year-consistent": "文字说明年度与文件年度一致",
        "kind-introduced-agrees": "文字说明开头所称类别与文件一致",
        "function-basic-plus-project": "功能分类基本支出加项目支出相符",
        "function-levels-add-up": "功能分类各级相加相符",
        "expenditure-total-covers-revenue": "支出总计不小于本年收入合计",
        "function-previous-year-adds-up": "上年数各级相加相符",
        "function-prose-agrees": "文字说明与表格的功能分类金额一致",
        "function-sum-matches-total": "功能分类类级之和等于总数",
        "operating-funds-parts-add-up": "文字说明中机关运行经费与所列分项之和相符",
        "own-level-names-unit": "范围说明所称本级为本单位",
        "party-body-name-well-formed": "中共党委工作机关名称书写正确",
        "personnel-plus-public": "人员经费加公用经费等于基本支出",
        "procurement-parts-add-up": "政府采购货物、工程、服务之和等于总额（文字说明）",
        "procurement-table-parts-add-up": "政府采购货物、工程、服务之和等于合计（表格）",
        "project-period-year": "项目实施周期含本年度",
        "projects-add-up": "项目之和等于项目支出",
        "prose-agrees-with-table": "文字说明与表格数字一致",
        "prose-balance-holds": "文字说明一句所列的收支两方相符",
        "prose-class-adds-up": "文字说明中类级金额与其下科目之和相符",
        "prose-consistent": "文字说明前后数字一致",
        "prose-initial-budget-adds-up": "文字说明中年初预算与所列分项之和相符",
        "prose-item-name-agrees": "文字说明与表格的科目名称一致",
        "prose-restates-consistently": "同一金额前后表述一致",
        "receptions-add-up": "逐笔接待费之和等于公务接待费",
        "required-table-present": "应公开的表格已印出",
        "revenue-equals-expenditure": "收入总计等于支出总计",
        "revenue-lines-add-up": "各项收入之和等于本年收入合计",
        "revenue-prose-agrees": "文字说明与表格的收入金额一致",
        "revenue-total-adds-up": "收入总计与其构成相符",
        "share-agrees": "占比与其金额相符",
        "table-figures-agree": "同一数字在不同表格中一致",
        "template-alternatives-chosen": "模板的两种说法已择一",
        "template-instructions-removed": "已删去模板填报说明",
        "template-placeholders-filled": "模板占位符已填写",
        "three-public-changes-add-up": "“三公”经费总数的增减与各项的增减相符",
        "three-public-implied-budgets-add-up": "由完成率或与预算之差推得的“三公”各项预算与总预算相符",
        "three-public-parts-add-up": "“三公”经费各项之和等于合计",
        "three-public-prose-agrees": "文字说明与表格的“三公”经费一致",
        "three-public-vehicle-adds-up": "公务用车购置费加运行费相符",
        "unit-mislabel": "金额单位未写错",
        "unit-name-consistent": "单位名称前后一致",
        "vehicle-average-agrees": "每辆车的平均运行维护费与运行维护费及车辆数相符",
        "yoy-agrees": "同比增减幅度相符",
    },
    "build_status": {"ok": "成功", "failed": "失败", "partial": "部分读出", "skipped": "跳过", "warning": "有提示"},
    "build_code": {  # what a build report's code means, for the data page (the message itself is in English)
        "empty-file": "文件为空。",
        "damaged-pdf": "PDF 文件损坏、不完整（可能下载中断）或并非 PDF，请重新下载。",
        "encrypted-pdf": "PDF 已加密，无法读取。",
        "no-text-layer": "PDF 没有文字层（扫描件），需先做文字识别（OCR）。",
        "unknown-encoding": "文本的编码无法识别，请另存为 UTF-8 后重新构建。",
        "not-text": "文件是二进制数据，不是文本。",
        "not-a-disclosure": "未找到单位名称和年度，不像部门预算或决算。",
        "unit-unknown": "文件写明了年度，但没有写明单位名称。",
        "region-unknown": "文件写明了单位和年度，但无法确定其所属地区，未予发布。",
        "too-many-pages": "页数超过本次构建的上限。",
        "time-limit": "读取时间超过上限。",
        "memory-limit": "读取所用内存超过上限。",
        "worker-crashed": "读取进程意外退出（可能内存不足）。",
        "internal-error": "本工具出错，请反馈。",
        "not-found": "文件或文件夹不存在。",
        "not-a-file": "不是普通文件。",
        "unreadable-file": "文件无法打开。",
        "unreadable-folder": "文件夹无法列出，其中文件均未读取。",
        "link-outside-source": "链接指向源文件夹之外，未读取。",
        "broken-link": "链接指向的文件不存在。",
        "link-to-folder": "链接指向源文件夹内的文件夹，其中文件已在原处读取。",
        "file-name-not-utf8": "文件名不是 UTF-8 编码，请重命名。",
        "no-sources": "此处没有可读取的源文件。",
        "format-not-read": "本工具不读取这种格式，请另存为 PDF 或 UTF-8 文本。",
        "duplicate-source": "与另一源文件内容完全相同，已跳过。",
        "duplicate-disclosure": "与另一源文件是同一份公开文件，已跳过。",
        "disclosure-id-collision": "与另一份公开文件的编号相同，未予发布。",
        "invalid-package": "数据包未通过校验，未予发布。",
        "damaged-page": "有页面内容损坏，其中文字可能缺失，请重新下载。",
        "table-not-read": "有表格未读出或未采用（原因见构建报告）。",
        "misprinted-code": "有科目编码印错，已按上下行读出。",
        "repeated-row": "有行重复印出，保留首次印出的一行。",
        "ambiguous-columns": "有表格的列无法确定，未采用。",
        "unrecognised-rows": "有行未能识别。",
    },
}
# Licences by the title a package gives them, as a Chinese reader knows them.
LICENCES = {
    "Creative Commons Attribution 4.0": "知识共享署名 4.0 国际许可协议（CC BY 4.0）",
    "CC-BY-4.0": "知识共享署名 4.0 国际许可协议（CC BY 4.0）",
}


def label(value: str, kind: str) -> str:
    """The Chinese label of a coded value, or the value itself when it has none."""
    return LABELS.get(kind, {}).get(value, value)


# The label family of a field whose values are codes, by the field's name (the same in every resource).
CODED_FIELDS = {f: f for f in ("phase", "origin", "level", "status", "severity", "kind", "scope", "metric", "source", "item")}
# The family a statement's subject or a doubt's key is named in, by the resource it points into.
SUBJECT_FAMILY = {"totals": "metric", "three_public": "item", "revenue_by_source": "source"}
_RESOURCE_TITLES = {r.name: r.title for r in RESOURCES}
_FIELD_TITLES = {r.name: {f.name: f.title for f in r.fields} for r in RESOURCES}


def _key_part(part: str, resource: str) -> str:
    """One segment of a key: a coded value's label, a field's title in its resource, or the segment itself (a code, a year)."""
    for family in ("phase", SUBJECT_FAMILY.get(resource, ""), "metric", "item", "source"):
        if part in LABELS.get(family, {}):
            return LABELS[family][part]
    return _FIELD_TITLES.get(resource, {}).get(part, part)


def coded_value(field: str, value: str, row: dict[str, str]) -> str:
    """A value of a table shown without its own layout, in Chinese where it is a code.

    A statement's subject and a doubt's key name a row of another resource (its `resource`); they
    are told in that resource's words: `three_public`'s `reception` is 公务接待费, a key
    `2013101/approved/basic` reads 2013101/预算数/基本支出. Codes with no name (function codes,
    years) stay as they are.
    """
    if field == "resource":
        return _RESOURCE_TITLES.get(value, value)
    if field == "subject" and row.get("resource"):
        return label(value, SUBJECT_FAMILY.get(row["resource"], ""))
    if field == "key" and row.get("resource"):
        return "/".join("|".join(_key_part(p, row["resource"]) for p in seg.split("|")) for seg in value.split("/"))
    family = CODED_FIELDS.get(field)
    return label(value, family) if family else value


def file_title(path: str) -> str:
    """What a file of a package holds, in Chinese: a resource's title, the descriptor, a source file; else empty."""
    name = path.rsplit("/", 1)[-1]
    if path.startswith("source/"):
        return "原文件"
    if name == "datapackage.json":
        return "数据包描述（各表的字段与类型）"
    stem, _, suffix = name.rpartition(".")
    return _RESOURCE_TITLES.get(stem, "") if suffix == "csv" else ""


def licence(name: str) -> str:
    """A licence's Chinese name, or its own name when there is none."""
    return LICENCES.get(name.strip(), name)


def format_amount(value: str) -> str:
    """The decimal string with thousands separators, every printed digit kept; other text unchanged."""
    text = value.strip()
    if not text:
        return ""
    try:
        number = Decimal(text)
    except InvalidOperation:
        return text
    if not number.is_finite() or "e" in text.lower():
        return text
    return format(number, ",")


def _exact_yuan(number: Decimal) -> str:
    """The amount in 元, every digit kept (an amount in 万元 times 10000 is exact in Decimal)."""
    yuan = number * 10000
    if yuan == yuan.to_integral_value():
        yuan = yuan.quantize(Decimal(1))
    exponent = yuan.as_tuple().exponent
    return format(yuan.normalize() if isinstance(exponent, int) and exponent < -2 else yuan, ",")


def _more_than_cents(text: str) -> Decimal | None:
    """The amount, where it has more than two decimals in 万元 (a table printed in 元 gives such); else None."""
    try:
        number = Decimal(text.strip())
    except InvalidOperation:
        return None
    if not number.is_finite() or "e" in text.lower() or int(number.as_tuple().exponent) >= -2:
        return None
    return number


def display_amount(value: str) -> str:
    """An amount in 万元 as the site shows it: two decimals at most, and the exact figure in 元 beside it where rounded.

    For display only: the packages keep every digit the source printed.
    """
    number = _more_than_cents(value)
    if number is None:
        return format_amount(value)
    rounded = format(number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), ",")
    return f"{rounded}（精确值 {_exact_yuan(number)} 元）"


def amount_html(value: str, unit: str = "") -> Markup:
    """`display_amount` for a page: the exact figure in 元 on a line of its own under the rounded one.

    ``unit`` (万元) follows the rounded figure, before the exact one, where a page prints it beside the amount.
    """
    number = _more_than_cents(value)
    after = Markup('<span class="unit"> {}</span>').format(unit) if unit else Markup("")
    if number is None:
        return Markup(escape(format_amount(value))) + after
    rounded = format(number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), ",")
    return Markup('{}{}<span class="exact">精确值 {} 元</span>').format(rounded, after, _exact_yuan(number))


def format_wan(value: str) -> str:
    """An amount in 万元 as a reader reads it: separators, two decimals, the unit; text that is no number unchanged.

    For display only: the packages keep every digit the source printed.
    """
    text = value.strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        return text
    if not number.is_finite():
        return text
    return format(number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), ",") + " 万元"


# A run of Latin letters, digits and the punctuation of codes, holding at least one letter.
_LATIN = re.compile(r"[A-Za-z0-9_.:/|%*+#=-]*[A-Za-z][A-Za-z0-9_.:/|%*+#=-]*")


def _latin_as_code(escaped: str) -> str:
    """Every Latin run of already escaped text as <code> (field names, codes, file names); entities kept."""
    return re.sub(r"(&[a-z]+;|&#\d+;)|" + _LATIN.pattern, lambda m: m.group(1) or f"<code>{m.group(0)}</code>", escaped)


def code_spans(text: str, latin: bool = False) -> Markup:
    """Escaped text with `backticked` spans as <code>; with `latin`, every other Latin run too (a code among Chinese)."""
    parts = str(escape(text)).split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: treat it as text
        parts = ["`".join(parts)]
    plain = _latin_as_code if latin else str
    return Markup("".join(plain(p) if i % 2 == 0 else f"<code>{p}</code>" for i, p in enumerate(parts)))


def front_matter_string(text: str) -> Markup:
    """A YAML double-quoted scalar holding the HTML-escaped text, for a page's `title:`.

    mkdocs-material inserts the title into the page unescaped, so it is escaped here.
    """
    escaped = " ".join(str(escape(text)).split())
    body = escaped.replace("\\", "\\\\").replace('"', '\\"')
    body = "".join(ch if ch.isprintable() else " " for ch in body)
    return Markup(f'"{body}"')
