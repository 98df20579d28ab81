"""Words of the prose read apart from the figures they name: a printed class name's code, the “三公” item a label names,
the budget a completion rate is taken against."""

from __future__ import annotations

import difflib
import re

from cnbudget.official import classification

# a numbered heading of the prose: 一、 or （一）
SECTION = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]")
_AMOUNT = re.compile(r"[-－]?\d[\d,]*(?:\.\d+)?(?:亿元|万元|元|万)")
# a classification level printed after a name: 公务接待费（款）, 卫生健康支出（类）
LEVEL = re.compile(r"[（(][类款项][)）]")
# “2022年度收入总计400.22万元,支出总计400.22万元”: a clause opening with a year, and the clauses after it in the sentence
# naming none (nor 本年, 上年 …) are of that year (the narrative's figures and the checks' comparisons alike)
OPENING_YEAR = re.compile(r"^(20\d{2})年度?")
ANY_YEAR = re.compile(r"20\d{2}年|本年|今年|当年|上年|去年|上一年")


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


# a comparison before a year (比2011年, 较上年, 与2011年相比): that year is the base of a change, not the figure's own
_COMPARED_YEAR = re.compile(r"(?:比|较|同|与|对比|相比)(20\d{2})年")
# words that say money was spent (实际发生…支出, 共开支): what a year past did, not what a budget plans
_SPENT = re.compile(r"实际|发生|开支|支出")
_PLANNED = re.compile(r"预算|计划|安排|拟")


def sentence_own_year(words: str) -> int | None:
    """The one year the words of a sentence before an amount name as its own, outside any comparison; None where none or several.

    “一、因公出国(境)经费2011年四川省统计局…,出国(境)8人次,实际发生…经费支出”: 2011, though the amount's own
    clause names no year. Years named only as a change's base (比2011年) do not count.
    """
    # 2019年底, 2019年12月: a date, not a year's money (the figures of a year-end are the document year's)
    named = re.findall(r"(20\d{2})年(?!底|末|初|\d{1,2}月|[-—至到])", words)
    own = {int(y) for y in named} - {int(y) for y in _COMPARED_YEAR.findall(words)}
    return own.pop() if len(own) == 1 else None


def spent_phase(words: str) -> str | None:
    """``executed`` where the words of another year's figure say the money was spent and name no plan; else None.

    “2011年…实际发生…支出36万元” in a 2012 budget's page is 2011's 决算, never a budget of any year.
    """
    return "executed" if _SPENT.search(words) and not _PLANNED.search(words) else None

THREE_PUBLIC_ITEMS = (
    # 公务车购置及运行费 (用 left out), 公务车用车运行费 (a word doubled), 公车购置及运行维护费 (务 left out too): the same items
    # 购置及运维费: 运行维护 shortened to 运维, as some pages print it
    (r"(?:公务车?(?:用车|车辆|车)|(?<!办)公车)购置(?:及|和|与)运[行维]", "vehicle_total"),
    (r"(?:公务车?(?:用车|车辆|车)|(?<!办)公车)运行(?:维护)?费?(?:及|和|与)购置", "vehicle_total"),  # 公务用车运行维护及购置费: both parts
    # 公务用车保有量2辆，购置及运行维护费5万元: the clause goes on about the 公务用车 the one before named
    (r"^购置(?:及|和|与)运(?:行(?:维护)?|维)费", "vehicle_total"),
    # 公务用车费 named alone just before its amount: the item's whole (its 购置 and 运行维护), as the templates that print it
    # define it (公务用车费指单位公务用车购置费及租用费、燃料费、维修费…); a part named after it (费用中含公车购置费) is that part
    (r"公务(?:用车|车辆|车)费用?(?=(?:支出|开支)?(?:预算|决算)?数?(?:为|是)?$)", "vehicle_total"),
    (r"(?:公务车?(?:用车|车辆|车)|(?<!办)公车)购置", "vehicle_purchase"),
    (r"(?:公务车?(?:用车|车辆|车)|(?<!办)公车)运[行维]", "vehicle_operation"),
    (r"因公出国", "outbound_travel"),
    (r"出国[(（]境[)）](?:经)?费", "outbound_travel"),  # 安排出国(境)经费预算48万元: the item named without its 因公
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
# “2018年财政拨款总收入2150.48万元，比上年增加25.32%，均为一般公共预算财政拨款收入”: its change between
# “其中：财政拨款184.8万元，占总收入的92.29%，均为一般公共预算财政拨款”: its share between
_ALL_GENERAL = re.compile(
    r"[-－\d,.]+(?:亿元|万元|元|万)[。，,]\s*(?:(?:比|较)上年[^。，,；;]*[，,])?(?:占[^。，,；;%支]{0,12}%[，,])?"
    r"(?:收入)?(?:全部|均)?为一般公共预算(?:财政)?(?:资金|拨款)(?:收入)?(?=[。，,；;]|$)"
)


def all_general(text: str, position: int, label: str) -> bool:
    """Whether the revenue stated at ``position`` (its words ``label``) is said, just after, to be all 一般公共预算 money.

    财政拨款 named alone is a revenue only in a sentence about the revenue (本年收入合计 X 万元。其中：财政拨款 Y 万元):
    the sentence up to it names 收入 and no 支出.
    """
    if label == "财政拨款":
        start = text.rfind("。", 0, position) + 1
        if text.startswith("其中", start):  # the parts of the whole the sentence before states
            start = text.rfind("。", 0, max(0, start - 1)) + 1
        revenue = "收入" in text[start:position] and "支出" not in text[start:position]
    else:
        revenue = re.search(r"收入|收支", label) is not None
    return revenue and "支出" not in label and _ALL_GENERAL.match(text, position) is not None


# a numbered heading naming the figure, then a comma or colon and a phase alone before the amount:
# “（一）收入预算，2018年年初预算数596.09万元”, “（一）基本支出：2019年年初预算数为242.8万元”
_HEADING_NAMES = re.compile(
    r"(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)(?P<words>(?:[^，,：:。；;（()）]|[（(][^）)]{1,3}[)）]){2,16})[，,：:](?P<rest>[^，,：:。；;]*)$"
)

# the same without a number, set off by colons: “具体安排情况如下：基本支出：2018年年初预算数为1973.4万元”
_COLON_NAMES = re.compile(r"(?:^|[:：])(?P<words>[^，,：:。；;（()）\d]{2,12})[:：](?P<rest>[^，,：:。；;]*)$")
_YEAR_PHASE = re.compile(r"(?:\d{4}年度?)?(?:年初|全年|调整后?)?预算数?(?:为|是)?")


def heading_named(sentence: str) -> str | None:
    """The words of the numbered heading that opens the clause an amount ends, where only a year and phase follow them.

    None where the heading says how something went (……情况, 说明) rather than naming a figure, or
    where other words stand between it and the amount (（二）项目支出：2018年年初预算某某经费 names a project).
    """
    m = _HEADING_NAMES.search(sentence) or _COLON_NAMES.search(sentence)
    if m is None or re.search(r"情况|说明|概况|如下", m.group("words")) or not _YEAR_PHASE.fullmatch(m.group("rest")):
        return None
    return m.group("words")


def _clause_before(label: str, sentence: str) -> str:
    """The clause of ``sentence`` just before the words ``label`` that end it (“行政运行经费” of “…行政运行经费，合计”); "" where none."""
    before = sentence[: len(sentence) - len(label)].rstrip("，,") if label and sentence.endswith(label) else ""
    return re.split(r"[，,；;：:。]", before)[-1]


_SUMMED = re.compile(r"^(?:合计|共计|总计|总额)(?:为|是)?[:：]?$")
# “共涉及采购项目411个，采购预算资金12,712.42万元”: 采购 alone, in a count of projects, is the 政府采购 too
_FUNDS = re.compile(r"^(?:采购)?(?:预算)?(?:资金|金额)(?:为|是)?$")
_PROCUREMENT_COUNTED = re.compile(r"(?:政府)?采购(?:项目)?\d+[个项]$")


def clause_named(label: str, sentence: str) -> str | None:
    """What the clause just before a bare total names (“…行政运行经费，合计 885.6 万元”), where it states no amount itself.

    A count of procurement projects before a bare 预算资金 (“涉及政府采购项目0个，预算资金0万元”) names the 政府采购.
    """
    clause = _clause_before(label, sentence)
    if not clause or _AMOUNT.search(clause):
        return None
    if _SUMMED.match(label):
        return clause
    return "政府采购预算" if _FUNDS.match(label) and _PROCUREMENT_COUNTED.search(clause) else None


_FUND_ONLY = re.compile(r"^(?:当年|本年)?(?:一般公共预算|财政)(?:拨款|资金)(?:安排)?(?:为|是)?$")


def funded_item(label: str, sentence: str) -> str | None:
    """The cost item the clause before names, where the words before the amount name only the fund paying for it.

    “2018年本级的机关运行经费，当年一般公共预算拨款6.83万元”: the 机关运行经费, not a revenue of the year.
    """
    clause = _clause_before(label, sentence)
    return clause if _FUND_ONLY.match(label) and clause.endswith("经费") and not _AMOUNT.search(clause) else None


# The words naming a headline figure, a revenue source, and what keeps a label from naming the year's total
HEADLINE = (
    (r"运行经费", "operating_funds"),
    # a 货物/工程/服务 part of 政府采购 is not the total, whichever side of 政府采购 it is named on
    # 2018年度政府采购总额 X 万元，其中：货物…: the year's whole procurement
    (r"(?<!货物)(?<!工程)(?<!服务)(?<!货物类)(?<!工程类)(?<!服务类)政府采购(?!货物|工程|服务)(?:预算|支出|总额)", "government_procurement"),
    (r"预留机动经费", "reserve_expenditure"),
    (r"结余分配", "surplus_distribution"),  # a final account's 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余
    # a final account's 收入总计 = 本年收入合计 + 使用非财政拨款结余 (+ 用事业基金弥补收支差额) + 年初结转和结余
    (r"使用非财政拨款(?:结余|结转和结余)", "surplus_used"),
    (r"用事业基金弥补", "fund_makeup"),
    # 基本支出结转, 项目支出结转和结余: parts of the 年末结转和结余, not the year's 基本支出 or 项目支出
    (r"基本支出(?!结转|中)", "basic_expenditure"),  # 基本支出中医疗业务支出: a part of it
    # 专项项目预算, 专项支出: the older documents' name of the 项目支出
    # 人员类项目支出, 运转类项目支出, 特定目标类项目支出: a kind of project (the 2026 budgets' 项目 classes), not the year's 项目支出
    (r"(?<!类)项目支出(?!结转|中)|^(?:部门|单位)?专项(?:项目)?(?:支出|预算|经费)", "project_expenditure"),
    (r"(?<![聘勤遣休外])人员(?:类)?经费|^(?:其中)?人员支出$", "personnel_expenditure"),  # 临聘人员经费, 离退休人员经费: other money
    # 按支出用途分类，包括人员支出 A 万元，日常公用支出 B 万元，项目支出 C 万元: the 公用 part of the 基本支出 by its daily name
    (r"公用经费|^(?:其中)?(?:日常)?公用支出$", "public_expenditure"),
    # 本单位2021年度总收入 X 万元，其中本年收入 Y 万元: the year's 总收入 is its 收入总计
    # (部门)预算总收入预计 X 万元: the budget's 总收入, a forecast as every budget is
    # X2015年度收支决算总计 Y 万元 (the 决算 template's 收、支决算总计, 收、支预算总计 a budget's): both totals;
    # 收入、支出总计均为 Y 万元 the same, each word in full
    (r"收入总计|收、?支(?:预算|决算)?总计|收入、支出(?:预算|决算)?总计|收入支出总计|收支总预算|收支预算总|收支总额|收入总预算|收入预算总计|(?:^|本单位|本部门|年度?|预算)总收入(?:预计)?(?:为|是)?$", "revenue_total"),
    (r"支出总计|支出总预算|支出预算总计|(?:^|本单位|本部门|年度?|预算)总支出(?:预计)?(?:为|是)?$", "expenditure_total"),
    # 本单位收入为 1687.45 万元，其中：财政拨款收入…: the year's revenue, its sources listed next; 2018年收入 X 元 (2015年共收入): the year's too
    # 决算收入 X 万元，来源有3部分：…: a final account's 收入决算 named the other way round, as 预算收入 is a budget's
    (r"本年收入合计|收入合计|收入预算|预算收入|收入决算|^(?:本单位|本部门|我单位|单位|部门)?收入(?:为|是)$|^(?:\d{4}年度?)?(?:其中)?本年收入$|^\d{4}年度?共?收入(?:为|是)?$|^(?:\d{4}年度?)?决算收入(?:为|是)?$", "revenue_current_year"),
    # 刘堡镇卫生院支出为, 胡川镇中心小学支出为: the unit's, named
    (r"本年支出合计|支出合计|支出预算|(?:部门|单位)预算支出|支出决算|^(?:本单位|本部门|我单位|单位|部门)?支出(?:为|是)$|^(?:\d{4}年度?)?(?:其中)?本年支出$|^\d{4}年度?共?支出(?:为|是)?$|[院局委办所站校学园馆队处室](?:单位)?支出(?:为|是)$", "expenditure_current_year"),
    (r"年初结转|上年结转|上年结余(?:收入)?$", "carryover_in"),
    (r"年末结转|结转下年", "carryover_out"),
)
# a 总收入 / 总支出 qualified after its amount as leaving out what was carried over from last year:
# “我单位总收入494.99万元，总支出494.99万元（不含财政拨款上年未列支结转收支数）” states the year's own figures;
# 上年未列支 (last year's money left unspent) is that carry-over by name, also where the page's stored text ends inside
# the brackets (“…总支出3725.61万元(不含财政拨款上年未列支”)
_EXCLUDES_CARRIED = re.compile(r"[^。；;（(]*?[（(]不含[^）)。；;]*上年(?:[^）)。；;]*结[转余]|未列支)(?P<what>[^）)。；;]*)(?:[)）]|$)")
_TOTAL_NAMED = {"revenue_current_year": re.compile(r"总收入(?:预计)?(?:为|是)?$"), "expenditure_current_year": re.compile(r"总支出(?:预计)?(?:为|是)?$")}


def excluding_carried(text: str, position: int, label: str) -> str | None:
    """The year's total (``revenue_current_year`` …) a 总收入/总支出 at ``position`` is, where its clause goes on to say it leaves
    out last year's carry-over; None where no such qualifier follows it in the clause (a bare 总收入 says nothing of it)."""
    metric = next((m for m, pattern in _TOTAL_NAMED.items() if pattern.search(label)), None)
    qualifier = _EXCLUDES_CARRIED.match(text, position) if metric is not None else None
    if metric is None or qualifier is None:
        return None
    what = qualifier.group("what")
    side = "收入" if metric == "revenue_current_year" else "支出"
    return metric if side in what or "收支" in what or not re.search("收入|支出", what) else None


# an item named just before the words of the year's total (接待费支出决算, 培训费支出预算): that item's figure
ITEM_BEFORE = re.compile(r"费用?(?:支出|开支)(?:预算|决算|合计)")
# an economic class named just before them (工资福利支出预算, 对个人和家庭的补助支出决算): that class's figure
ECONOMIC_CLASS_BEFORE = re.compile(r"(?:工资福利|商品和服务|对个人和家庭的?补助|资本性|对企业补助|债务利息及费用)支出(?:预算|决算|合计)")
PART_OF_TOTAL = r"一般公共预算|政府性基金|国有资本|财政专户|财政拨款|其他资金|事业|经营|附属单位|上级补助|机关运行"
SOURCES = (
    # 公共财政预算拨款, 一般公共财政预算拨款: the name before the 2015 budget law's 一般公共预算
    # (2018年)一般公共预算财政拨款 X 元 opening a clause names the source (一般公共预算本年收入 X, as a 财政拨款收支总表 names it, too); 涉及一般公共预算财政拨款 X (项目支出's money) does not
    (r"一般公共预算(?:财政)?拨款收入|一般公共预算拨款|^(?:\d{4}年度?)?一般公共预算财政拨款$|一般公共预算(?:本年|当年)?收入|^(?:一般)?公共(?:财政)?预算(?:财政)?拨款(?:收入)?$", "general_public_budget"),
    # 一般预算财政拨款收入: the older name again (the 一般预算 of the budget law before 2015)
    (r"^一般预算(?:财政)?拨款(?:收入)?$|^公共财政拨款(?:收入)?$", "general_public_budget"),
    # 政府性基金预算拨款 beside 一般公共预算拨款: each budget's appropriation, named as the first is
    (r"政府性基金(?:预算)?(?:安排的)?(?:财政)?(?:拨款)?(?:本年|当年)?收入|政府性基金(?:预算)?(?:财政)?拨款$", "government_fund"),
    (r"国有资本经营(?:预算)?(?:财政)?(?:拨款)?收入|国有资本经营(?:预算)?(?:财政)?拨款$", "state_capital"),
    # 纳入(财政)专户管理的非税收入, 财政专户管理的非税收入拨款, 纳入财政专户管理的收入安排的资金, 财政专户拨款
    (r"财政专户管理资金(?:收入)?|专户管理的(?:非税)?(?:收入安排的资金|收入拨款|收入|资金|拨款)$|^财政专户拨款(?:收入)?$", "fiscal_special_account"),
    (r"^其他资金(?:收入)?", "other"),
    # 教育事业收入, 本年度我院事业收入: the 事业收入 of a school or hospital, named with its kind or the unit
    (r"^(?:本年度?)?(?:我院|我校|本院|本校|我单位|本单位)?(?:教育|医疗|科研)?事业收入", "business"),
    (r"经营收入", "operating"),
    (r"上级补助(?:收入|拨款)", "superior_subsidy"),
    (r"附属单位上?缴(?:款|收入)", "affiliated_turnover"),
    (r"其他收入", "other"),
)


BARE_SOURCES = (
    (r"^一般公共预算$", "general_public_budget"),
    (r"^政府性基金(?:预算)?$", "government_fund"),
    (r"^国有资本经营(?:预算)?$", "state_capital"),
)


# The words naming a budget's revenue or expenditure as a whole (收入预算, 预算总收入, 收入预算总额, 支出总数), not
# the year's part of it alone (本年收入合计) nor one fund's (财政拨款收入预算)
WHOLE = {
    "revenue": re.compile(r"收入预算|预算收入|总收入|收入总[额数计]"),
    "expenditure": re.compile(r"支出预算|预算支出|总支出|支出总[额数计]"),
}
NOT_WHOLE = re.compile(r"本年|当年|合计|财政拨款|一般公共|政府性基金|国有资本|专户|事业|经营|基本|项目")
# what opens the list of a figure's parts: “其中：…”, “资金来源：一是…，二是…”, “总收入 X 元，明细如下：1.…”
PARTS_OPEN = re.compile(r"其中|资金来源|包括|分别为|分别是|明细如下")
# a part carried over from an earlier year (上年结转, 使用结余, 用事业基金弥补): not a part of the year's own figure
CARRIED = re.compile(r"结转|结余|弥补")
# a part of the revenue: a source by any name the prose gives it (财政拨款收入 being the three appropriations together)
_REVENUE_PART = re.compile("|".join(pattern for pattern, _ in SOURCES) + r"|(?:收入|拨款)$|^一般预算")


def is_part(side: str, label: str) -> bool:
    """Whether the words before an amount in a list of parts name a part of the ``side``'s figure (a source; an expenditure)."""
    if CARRIED.search(label):
        return False
    if side == "revenue":
        return "支出" not in label and _REVENUE_PART.search(label) is not None
    return "收入" not in label and re.search(r"支出|经费", label) is not None


_LISTED_PROJECTS = re.compile(r"项目支出(?:主要)?(?:有|包括|包含)[:：]?[^，,。；;:：]+$")


def listed_projects(label: str) -> bool:
    """Whether the words name a project the 项目支出 lists (“主要项目支出有工作经费30万元”): that project's figure, not the 项目支出."""
    return bool(_LISTED_PROJECTS.search(label))


# 收入总计(含用事业基金弥补收支差和年初结转结余)53,183.93万元: a bracket closing the words before an amount, saying
# what the item includes; the amount is the item's, whatever the bracket names (an amount inside would end the words)
_INCLUDED_AT_END = re.compile(r"[（(](?:含|包含|包括)[^（()）\d]{1,40}[)）]\s*(?:为|是|共计|合计)?$")


# 收入总计(含上年结转100.00万元)500.00万元: the amount inside an open bracket saying what an item includes is a part's
# (上年结转), never the item's, which follows the bracket
_INCLUDED_OPEN = re.compile(r"[（(](?:含|包含|包括)(?P<words>[^（()）\d]{1,40})$")


def inside_included(label: str) -> str | None:
    """The words of an open “(含…” bracket that ``label`` ends in (上年结转 of 收入总计(含上年结转): the amount after
    them is that part's, not the item's; None where the label does not end inside such a bracket, or the bracket opens
    it (收入总计500万元(含上年结转100万元): the item's amount came first)."""
    m = _INCLUDED_OPEN.search(label)
    return m.group("words") if m and m.start() > 0 else None  # (含上年结转 alone follows the item's own amount: its part, read as such


def before_included(label: str) -> str | None:
    """The words before a closing “(含…)” bracket of ``label``, which name what the amount after it is; None where none closes it."""
    m = _INCLUDED_AT_END.search(label)
    return label[: m.start()] if m and m.start() > 0 else None
