"""Words of the prose read apart from the figures they name: a printed class name's code, the “三公” item a label names,
the budget a completion rate is taken against."""

from __future__ import annotations

import difflib
import re

from cnbudget.official import classification

# a numbered heading of the prose: 一、 or （一）
SECTION = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]")
_AMOUNT = re.compile(r"[-－]?\d[\d,]*(?:\.\d+)?(?:亿元|万元|元|万)")


def class_code(name: str, year: int | None) -> str | None:
    """The 类 code a printed class name means; a near miss is accepted only when unambiguous."""
    code = classification.match_function_name(name, level="class", year=year)
    if code is not None or not re.search(r"支出$", name) or len(name) < 4:
        return code
    scored = sorted(
        ((difflib.SequenceMatcher(None, name, e.name).ratio(), e.code) for e in classification.function_entries() if e.level == "class"),
        reverse=True,
    )
    if scored and scored[0][0] >= 0.85 and (len(scored) == 1 or scored[0][0] - scored[1][0] >= 0.1):
        return scored[0][1]
    return None


_COMPLETED = re.compile(r"^完成(?P<word>全年|年初|调整后?)?预算数?$")
_COMPLETED_NAMED = re.compile(r"完成(全年|年初|调整后?)预算数?")


def completion_base(text: str, position: int, label: str) -> str | None:
    """The phase of the budget a completion rate is taken against (完成全年预算B万元的P%), or None where ``label`` names none.

    A bare 完成预算B万元的P% is of the budget the section's earlier rate named (完成全年预算…, then
    完成预算… item by item); where no earlier rate names one, which budget is meant is not said.
    """
    m = _COMPLETED.match(label)
    after = _AMOUNT.match(text, position)
    if m is None or after is None or not text.startswith("的", after.end()):
        return None
    word = m.group("word")
    if word is None:
        heads = list(SECTION.finditer(text, max(0, position - 2000), position))
        named = list(_COMPLETED_NAMED.finditer(text, heads[-1].end() if heads else max(0, position - 2000), position))
        word = named[-1].group(1) if named else None
    return None if word is None else "approved" if word == "年初" else "adjusted"


# a sentence that opens with a year: “2016年度支出合计628万元,其中:基本支出230万元…”
_OPENS_WITH_YEAR = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])?(20\d{2})年(?!\d{1,2}月)")


def parts_year(sentence: str) -> int | None:
    """The year a sentence opens with, for the figures listed after its 其中 (the parts of that year's figure).

    ``sentence``: the sentence up to the figure. None where it does not open with a year or lists no parts (其中).
    """
    m = _OPENS_WITH_YEAR.match(sentence)
    if m is None or "其中" not in sentence[m.end() :]:
        return None
    return int(m.group(1))


THREE_PUBLIC_ITEMS = (
    # 公务车购置及运行费 (用 left out), 公务车用车运行费 (a word doubled), 公车购置及运行维护费 (务 left out too): the same items
    (r"(?:公务车?(?:用车|车辆|车)|(?<!办)公车)购置(?:及|和|与)运行", "vehicle_total"),
    (r"(?:公务车?(?:用车|车辆|车)|(?<!办)公车)运行(?:维护)?费?(?:及|和|与)购置", "vehicle_total"),  # 公务用车运行维护及购置费: both parts
    # 公务用车保有量2辆，购置及运行维护费5万元: the clause goes on about the 公务用车 the one before named
    (r"^购置(?:及|和|与)运行(?:维护)?费", "vehicle_total"),
    (r"(?:公务车?(?:用车|车辆|车)|(?<!办)公车)购置", "vehicle_purchase"),
    (r"(?:公务车?(?:用车|车辆|车)|(?<!办)公车)运行", "vehicle_operation"),
    (r"因公出国", "outbound_travel"),
    (r"^(?:[^外]*)公务(?:接待|招待)(?:费|支出)", "reception"),  # 公务招待费: the older name of the same item
    (r"三公.{0,2}经费", "total"),
)
# 车辆购置支出, 车辆运行维护费: the 公务用车's parts named without it, in a sentence about the 公务用车 (never 车辆购置税)
_BARE_VEHICLE = ((r"^(?:\d{4}年度?)?车辆购置(?!税)", "vehicle_purchase"), (r"^(?:\d{4}年度?)?车辆运行", "vehicle_operation"))
# 公务用车购置及运行费 X 万元，其中：购置费 Y 万元、运行维护费 Z 万元: the parts after its 其中, named bare;
# …，主要包括：(1)公务用车购置费0万元；(2)公务车保有量3辆，全年运行维护费支出5.28万元: after its 包括 too
_VEHICLE_PARTS_LISTED = re.compile(r"(?:公务车?(?:用车|车辆|车)|(?<!办)公车)购置(?:及|和|与)运行(?:维护)?(?:经)?费.{0,60}(?:其中|包括)")
_BARE_PARTS = (
    (r"^(?:全年|本年|当年)?购置(?:经)?费用?(?:支出)?$", "vehicle_purchase"),
    (r"^(?:全年|本年|当年)?运行(?:维护)?(?:经)?费用?(?:支出)?$", "vehicle_operation"),
)
# 公务用车（含执勤执法用车）运行支出: what the brackets include is no part of the item's name
_INCLUDES = re.compile(r"[（(]含[^）)]{1,20}[)）]")


def three_public_item(label: str, sentence: str) -> str | None:
    """The “三公” item the words before an amount name: the one named last, nearest the amount.

    A heading run into the sentence (二、公务用车购置及运行费“公务用车运行维护费”预算数) names the
    parent first and the item after it; of two patterns ending at the same place, the first listed wins.
    """
    label = _INCLUDES.sub("", label)
    found = [(m.end(), -n, item) for n, (pat, item) in enumerate(THREE_PUBLIC_ITEMS) for m in [None, *re.finditer(pat, label)][-1:] if m is not None]
    if not found and re.search(r"公务用车|公务车|(?<!办)公车", sentence):
        found = [(m.end(), -n, item) for n, (pat, item) in enumerate(_BARE_VEHICLE) if (m := re.search(pat, label))]
    if not found and _VEHICLE_PARTS_LISTED.search(sentence):
        found = [(m.end(), -n, item) for n, (pat, item) in enumerate(_BARE_PARTS) if (m := re.search(pat, label))]
    return max(found)[2] if found else None


# the items listed, then named together as the “三公” total: （简称“三公”经费）支出合计
_THREE_PUBLIC_NAMED = re.compile(r"简称[“\"]?三公[”\"]?经费|[“\"]?三公[”\"]?经费[)）]?(?:支出|预算|决算)?(?:合计|总计|共计|总额)")


def three_public_named(label: str) -> str | None:
    """``total`` where the words just before the amount name the “三公” total after listing its items."""
    m = None
    for m in _THREE_PUBLIC_NAMED.finditer(label):
        pass
    if m is None or re.search(r"因公出国|公务用车|公务接待|车辆", label[m.end() :]):
        return None
    return "total"


# a clause ending in no change (无增减, 持平) run into one opening with a year: the text lost the stop between them
# (“2018年“三公”经费预算数比2017年预算数无增减2018年公务用车购置经费预算数 0 万元”)
LOST_STOP = re.compile(r"(?:无增减|持平)(?=20\d{2}年)")


# the clause after an amount saying all of it is the 一般公共预算's: “财政拨款收入364.56万元，为一般公共预算资金”,
# “收支总预算1043.61万元。收入全部为一般公共预算拨款”
_ALL_GENERAL = re.compile(r"[-－\d,.]+(?:亿元|万元|元|万)[。，,]\s*(?:收入)?(?:全部|均)?为一般公共预算(?:资金|拨款)(?:收入)?(?=[。，,；;]|$)")


def all_general(text: str, position: int, label: str) -> bool:
    """Whether the revenue stated at ``position`` (its words ``label``) is said, just after, to be all 一般公共预算 money."""
    return bool(re.search(r"收入|收支", label)) and not re.search(r"支出", label) and _ALL_GENERAL.match(text, position) is not None


# a numbered heading naming the figure, then a comma or colon and a phase alone before the amount:
# “（一）收入预算，2018年年初预算数596.09万元”, “（一）基本支出：2019年年初预算数为242.8万元”
_HEADING_NAMES = re.compile(
    r"(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)(?P<words>(?:[^，,：:。；;（()）]|[（(][^）)]{1,3}[)）]){2,16})[，,：:](?P<rest>[^，,：:。；;]*)$"
)

_YEAR_PHASE = re.compile(r"(?:\d{4}年度?)?(?:年初|全年|调整后?)?预算数?(?:为|是)?")


def heading_named(sentence: str) -> str | None:
    """The words of the numbered heading that opens the clause an amount ends, where only a year and phase follow them.

    None where the heading says how something went (……情况, 说明) rather than naming a figure, or
    where other words stand between it and the amount (（二）项目支出：2018年年初预算某某经费 names a project).
    """
    m = _HEADING_NAMES.search(sentence)
    if m is None or re.search(r"情况|说明|概况|如下", m.group("words")) or not _YEAR_PHASE.fullmatch(m.group("rest")):
        return None
    return m.group("words")


# a fund's expenditure stated, then its 其中 in the next sentence: “一般公共预算财政拨款支出 X 万元，比…。其中：基本支出 Y 万元”
_FUND_SPENT = re.compile(r"(?:一般公共预算|政府性基金(?:预算)?|国有资本经营(?:预算)?)(?:财政)?拨款支出[^。]*。$")


def fund_part(text: str, sentence_start: int, sentence: str) -> bool:
    """Whether a sentence opening with 其中 lists the parts of the fund's expenditure the sentence before it states."""
    return sentence.startswith("其中") and _FUND_SPENT.search(text, max(0, sentence_start - 200), sentence_start) is not None
