"""How values read on the site: Chinese labels for coded values, amounts with separators."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from markupsafe import Markup, escape

from cnbudget.schema.names import METRIC_NAMES, SOURCE_NAMES

# Chinese labels for coded values. The codes themselves live in cnbudget.schema, and so do the
# names of metrics and revenue sources; the rest is only how the site says them.
LABELS: dict[str, dict[str, str]] = {
    "metric": dict(METRIC_NAMES),
    "source": dict(SOURCE_NAMES),
    "item": {
        "total": "合计",
        "outbound_travel": "因公出国（境）费",
        "vehicle_total": "公务用车购置及运行费",
        "vehicle_purchase": "公务用车购置费",
        "vehicle_operation": "公务用车运行费",
        "reception": "公务接待费",
    },
    "kind": {"budget": "预算", "final_account": "决算"},
    "scope": {"department": "部门", "unit": "单位"},
    "origin": {"table": "表格", "narrative": "文字说明"},
    "phase": {"approved": "预算数", "adjusted": "调整预算数", "executed": "决算数"},
    "status": {"fail": "未通过", "not_applicable": "不适用", "pass": "通过"},
    "severity": {"rounding": "尾差", "mismatch": "不符"},
    "level": {"class": "类", "section": "款", "item": "项"},
    "basic_expenditure_by_economic.level": {"class": "类", "item": "款"},
    "source_table": {"narrative": "文字说明"},
    "amount_unit": {"mixed": "各表不一（万元、元）"},
    "build_status": {"ok": "成功", "failed": "失败", "partial": "部分读出", "skipped": "跳过", "warning": "有提示"},
}
# Licences by the title a package gives them, as a Chinese reader knows them.
LICENCES = {
    "Creative Commons Attribution 4.0": "知识共享署名 4.0 国际许可协议（CC BY 4.0）",
    "CC-BY-4.0": "知识共享署名 4.0 国际许可协议（CC BY 4.0）",
}


def label(value: str, kind: str) -> str:
    """The Chinese label of a coded value, or the value itself when it has none."""
    return LABELS.get(kind, {}).get(value, value)


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


def amount_html(value: str) -> Markup:
    """`display_amount` for a page: the exact figure in 元 on a line of its own under the rounded one."""
    number = _more_than_cents(value)
    if number is None:
        return Markup(escape(format_amount(value)))
    rounded = format(number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), ",")
    return Markup('{}<span class="exact">精确值 {} 元</span>').format(rounded, _exact_yuan(number))


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
