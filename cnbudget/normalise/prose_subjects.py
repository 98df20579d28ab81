"""What a prose amount is a figure of: the subject its words name (a total, a revenue source, a “三公” item, a function).

``subjects_of`` reads the words before an amount (cleaned of headings and list openers) and gives each
(resource, key, row) they name; ``section_scope`` says which money the section around it is about.
"""

from __future__ import annotations

import re

from cnbudget.normalise import prose_words
from cnbudget.normalise.prose_amounts import AMOUNT_RE
from cnbudget.normalise.prose_words import (
    BARE_SOURCES,
    ECONOMIC_CLASS_BEFORE,
    HEADLINE,
    ITEM_BEFORE,
    PART_OF_TOTAL,
    SECTION,
    SOURCES,
    class_code,
    three_public_item,
    three_public_named,
)
from cnbudget.official import classification

# changes against last year and thresholds: not figures of this year
CHANGE = re.compile(r"减少|增加|增长|下降|节约|节省|持平|压减|减幅|增幅|[比较]上年|[比较]\d{4}|以上$|以下$|单价|单位价值|控制数|不超过|每辆|每次|元/")
_FUNCTION_PATH = re.compile(r"(?P<cls>[^（(）)：:]+?)[（(]类[)）](?P<sec>[^（(]+?(?:[（(][^)）]{1,3}[)）][^（(]*?)?)[（(]款[)）](?P<item>[^（(]+?(?:[（(][^)）]{1,3}[)）][^（(]*?)?)[（(]项[)）]")
# words that name a phase and nothing else: the figure is of the subject named before it in the sentence
BARE = re.compile(r"^(?:其中[:：]?)?(?:(?:支出)?(?:年初预算|全年预算|调整(?:后)?预算|决算|执行数?|实际支出)数?|\d{4}年度?(?:预算|决算)数?)(?:为|是)?$")
# an enumerated heading that is a sentence of its own, just before: “（一）因公出国（境）费用。2026 年预算数 173.52 万元”
HEADING_BEFORE = re.compile(r"(?:[（(][一二三四五六七八九十]+[)）]|(?<![\d.．])\d{1,2}[.．、])((?:[^。；;：:（(]|[（(][^）)]{1,3}[)）]){2,30})。\s*$")


# 1. or 2、 opening a heading too (“1. 收入支出决算总体情况说明”), never a number's decimal point
_ENUMERATED = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|(?<![\d.．])\d{1,2}[.．、](?![\d%])")


def after_heading(label: str) -> str:
    """The words after the last numbered heading in ``label``: a change named before it (……减少 / 1.收入决算情况说明 / 收入合计) is another sentence's."""
    parts = [part for part in _ENUMERATED.split(label) if part.strip()]
    return parts[-1] if parts else label


def clean_label(label: str) -> str:
    """The words that name a prose figure: ``label`` without a heading run into it, 其中, the words before an earlier colon, or an enumerator."""
    # a heading run into the first item (“六、一般公共预算基本支出情况说明（一）工资福利支出”): the item's words only
    label = after_heading(label)
    label = re.sub(r"^(?:其中|包括|主要用于以下方面|支出包括|收入包括)[:：]?", "", label)
    # the words before a colon the amount follows name it (“1、基本支出：357.67万元”); those before an earlier colon do not
    label = re.sub(r"^.*[:：](?=.)", "", label) if not _FUNCTION_PATH.search(label) else label
    label = re.sub(r"^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]|[一二三四五六七八九十]是)", "", label)  # 二是其他收入: the second
    return label.strip("、，,.．：: ")


# a classification heading before a colon: the figure after it is that class's, whatever words follow
_LEVELLED_HEADING = re.compile(r"[（(][类款项][)）]\s*[:：]")
# last year's figure (“上年度列入此项的预留机动经费”), not this year's; 上年结转 is this year's revenue
LAST_YEAR = re.compile(r"(?:上|去)一?年度?(?!结转|结余|末)")

Subject = tuple[str, str, dict[str, object]]  # (resource, key, the key fields of its row)


def subjects_of(label: str, sentence: str, fiscal_year: int | None, whole: str = "") -> list[Subject]:
    """What the words before an amount say it is: (resource, key, row) for each thing it is a figure of (``whole``: the sentence around it)."""
    path = _FUNCTION_PATH.search(label)
    if path:
        cls = re.split(r"[\d.．、]", path.group("cls"))[-1]
        code = classification.resolve_function_path(cls, path.group("sec"), path.group("item"), fiscal_year)
        return [("expenditure_by_function", code or path.group("item"), {"function_code": code, "level": "item", "function_name": path.group("item")})]
    if _LEVELLED_HEADING.search(label):
        return []  # “检察（款）: 2018 年预算支出合计 16,444.36 万元”: the 款's figure, not the year's
    clean = clean_label(label)
    item = three_public_item(clean, sentence + whole)
    named = three_public_named(clean)
    if named is not None:  # 出国经费、车辆购置及运行费、公务接待费（简称“三公”经费）支出合计: the items name the total
        item = named
    # an item named with its level (“公务接待费（款）支出”) is an economic or function item, not the 三公 figure
    if item is not None and not re.search(r"外事接待|国内公务接待", clean) and not prose_words.LEVEL.search(clean):
        if item == "total" and named is None and re.search(r"因公出国|公务用车|公务接待", clean):
            return []
        found: list[Subject] = [("three_public", item, {"item": item})]
        if item == "total":
            found.append(("totals", "three_public_total", {"metric": "three_public_total", "source_table": "narrative"}))
        return found
    source = next((s for pat, s in SOURCES if re.search(pat, clean)), None)
    if source is None and "收入" in sentence and "支出" not in sentence:
        source = next((s for pat, s in BARE_SOURCES if re.search(pat, clean)), None)
    if source is not None and re.search(r"收入总计|收支总计", clean):
        # 一般公共预算收入总计: the fund's total, its carry-over within; neither its 本年收入 nor the unit's total (a source's
        # 收入预算总计, 江苏's name for the source's budget line, stays the source's)
        return []
    # “四、一般公共预算拨款支出预算2018年一般公共预算拨款收入”: a heading run into the words after it, which name the source
    if source is not None and not re.search(r"采购|支出", re.split(r"20\d{2}年", clean)[-1]):
        return [("revenue_by_source", source, {"source": source, "source_name": clean})]
    if BARE.match(clean):
        return []  # a phase alone names no subject: the caller takes the sentence's last one
    if "财政拨款" not in clean or re.search(r"基本支出|运行经费|项目支出|非财政拨款", clean):
        metric = None if prose_words.listed_projects(clean) else next((m for pat, m in HEADLINE if re.search(pat, clean)), None)
        if metric in ("revenue_current_year", "expenditure_current_year") and re.search(PART_OF_TOTAL, clean):
            metric = None  # “政府性基金支出预算 0 万元” is one fund's part, not the year's total
        if metric in ("revenue_current_year", "expenditure_current_year") and ITEM_BEFORE.search(clean):
            metric = None  # “国内接待费支出决算4,895.00元”: the named item's figure, not the year's total
        if metric == "expenditure_current_year" and ECONOMIC_CLASS_BEFORE.search(clean):
            metric = None  # “(包括工资福利支出预算829.53万元…)”: an economic class's figure, never the year's total
        if metric != "government_procurement" and "政府采购" in clean:
            metric = None  # “货物类政府采购支出预算” is a part of the procurement, not the year's expenditure
        if metric is not None and not re.search(r"一般公共预算.*(?:收支|支出预算)", clean):
            stated: list[Subject] = [("totals", metric, {"metric": metric, "source_table": "narrative"})]
            if metric == "revenue_total" and re.search(r"收、?支|收支|收入、?支出", clean):
                stated.append(("totals", "expenditure_total", {"metric": "expenditure_total", "source_table": "narrative"}))
            if metric == "carryover_in" and "收入" in sentence and "支出" not in sentence:
                # listed among the revenue's parts, the 上年结转 is a revenue line too, as the 收支总表 prints it
                stated.append(("revenue_by_source", "carryover", {"source": "carryover", "source_name": clean}))
            return stated
    code = class_code(clean, fiscal_year)
    if code is not None:
        return [("expenditure_by_function", code, {"function_code": code, "level": "class", "function_name": clean})]
    return []


# a table's title where a heading stands: up to 28 characters of its line, then …总表, …预算表, …决算表, …支出表, …收入表,
# …经费表 or …明细表, with none of 的, 说, 情, 中, 所, 编, 填, 注, 解 or 格 after it: words about the table (…表的说明, …表中,
# …表编制说明, …表填报说明, …表注, …表解读, …表格式) make a heading of prose; what follows is not looked at
_TABLE_TITLE = re.compile(r"[^，,。；;\n]{0,28}?(?:总|预算|决算|支出|收入|经费|明细)表(?![的说情中所编填注解格])")


def section_scope(text: str, position: int) -> str | None:
    """Which money the section around ``position`` is about, by its heading (the last 一、 or （一） before it).

    ``general``: the 一般公共预算; ``other``: 财政拨款 (general and fund budgets together), another fund, or the 一般公共预算's
    收支 as a whole;
    ``all``: the department's whole budget (收支总体情况, 支出预算 …); None where the heading does not say.
    """
    headings = (re.split(r"[：:。；]", text[h.end() : h.end() + 30])[0] for h in reversed(list(SECTION.finditer(text, max(0, position - 2000), position))))
    # a table's title (九、财政拨款“三公”经费支出决算表, a line of the 目录 or of the list of tables) heads no prose
    heading = next((h for h in headings if not _TABLE_TITLE.match(h)), None)
    if heading is None:
        return None
    if re.search(r"一般公共预算(?:财政拨款)?(?:收入支出|收支)", heading):
        # 二、2018年度一般公共预算收入支出决算情况: that fund's whole account (its 收入总计, 本年支出, 年末结转和结余), as a
        # 财政拨款 section states the appropriations', never the unit's
        return "other"
    if "一般公共预算" in heading:
        return "general"
    if re.search(r"财政拨款|政府性基金|国有资本", heading):
        return "other"
    if re.search(r"支出预算|收支预算|收支总体|支出决算|收支决算|收入支出", heading):
        return "all"
    return None


def with_carryover(subject: Subject, label: str, text: str, position: int) -> Subject:
    """A “收入预算” whose parts, listed next in its section, include the 上年结转: the 收入总计, not the 本年收入合计.

    “2026 年收入预算 404,415.23 万元，比上年…。其中：一般公共预算拨款收入 366,195.79 万元…；上年结转结余 4,023.45 万元”;
    the 2026 template's “收入预算合计 4,651.67 万元，包括本年收入 4,651.67 万元，上年结转结余为 0 万元” (a 合计 of the 收入预算,
    not the 本年收入合计, listed after 包括).
    """
    resource, key, _ = subject
    if resource != "totals" or key != "revenue_current_year" or not re.search(r"收入预算|预算收入", label) or re.search(r"本年|当年|(?<!预算)合计", label):
        return subject
    ahead = text[position : position + 400]
    heading = SECTION.search(ahead)
    parts = ahead[: heading.start()] if heading else ahead
    # the parts listed after 其中 (包括) name a 上年结转 (its amount may be cut off, as a page's stored opening ends), or a
    # part's own 其中 does (财政拨款收入7842977.60元,100%其中上年结转120000.00: the carry-over inside the part inside the whole)
    listed = r"(?:其中[:：,，]|包括)"
    if re.search(listed, parts) and re.search(
        r"上年结转(?:和?结余)?(?:收入|资金)?(?:为|是)?\s*[\d,.]+\s*(?:万元|元)|" + listed + r".*[；;，,、]上年结|其中[:：,，].*其中[:：,，]?上年结转", parts
    ):
        return ("totals", "revenue_total", {"metric": "revenue_total", "source_table": "narrative"})
    return subject


def heading_path(text: str, start: int, fiscal_year: int | None) -> list[Subject]:
    """The function item a paragraph is about, where the sentences just before ``start`` name its 类/款/项 and state no amount.

    Final accounts explain each 项 as “…（类）…（款）…（项）。主要用于：…。年初预算为 x 万元，支出决算为 y 万元”.
    """
    before = text[max(0, start - 160) : start]
    paths = list(_FUNCTION_PATH.finditer(before))
    if not paths or AMOUNT_RE.search(before, paths[-1].end()):
        return []
    return subjects_of(paths[-1].group(0), "", fiscal_year)
