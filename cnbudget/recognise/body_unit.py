"""A unit named only in the body: 渠县农业综合技术服务中心下设办公室、财务室……

Some pages print no title and no header line naming their unit (the page's own title was not
kept, or the page is the middle of a PDF), yet the body names the unit in a few fixed ways:

- a sentence of the 机构设置 or 概况 section opens with the unit's full name as its subject,
  before a verb that says what the unit is or has (X下设…, X是…; not X所属…, its subordinates), also run on after
  the item's heading (``(二)机构设置。X是区政府工作部门``),
  or the 预算单位构成 sentence (X只有本级，没有其他预算单位);
- the item of the 机构设置 list whose subject is the unit: ``2、单位机构设置:临湘市第一中学仅设1所高级中学``;
- the heading of the 概况 part: ``第一部分 腾冲市腾越镇概况``, ``第一部分遵义市住房和城乡建设局`` / ``概述``;
- failing the sentences below, the notice the page cites for its approval and the sentence that publishes it:
  ``根据《财政部关于批复X2011年部门预算的通知》…，现将X2011年部门预算批复情况公布如下`` (a central department's page of
  2010 to 2012 opens so; a listed central department counts here, as a division's body does);
- failing those, an entry of the page's 目录, wherever the line breaks (a page laid out on one line:
  ``目 录 第一部分 邵阳市畜牧技术推广站部门概况 1、部门职责 …``): ``第一部分 X部门概况`` / ``X单位概况`` /
  ``第四部分 X2016年部门决算表``, where every such entry names the same body;
- a table's note that the unit had none of its money: ``说明:冀村镇人民政府没有使用国有资本经营预算安排支出``, or a
  sentence of the prose saying so: ``。重庆市涪陵区武陵山乡人民政府(本级)2023年无使用政府性基金预算拨款安排的支出``;
- the sentence of its duties: ``…，西藏自治区人民政府驻上海办事处主要履行以下职责：``, also run on after
  its heading (``一、主要职责天津市人民检察院(本级)的主要职责是：``);
- the 人员构成 item of the 概况, the posts approved for the unit: ``部门人员构成:核定X事业编制140名``;
- the sentence of the budget's units: ``纳入2019年部门预算编制范围的有X机关本级``, or their list with codes:
  ``1.101 X办公室(一级预算单位)``;
- a sentence of the year's money with the unit as its subject: ``2017年X卫生院本年收入合计…``, ``2019年X局“三公”经费…``;
- the “三公” sentence on trips abroad: ``全年使用财政拨款安排X出国团组0个``;
- the signature of a letter-like page: a line of the unit's name alone over the date it was signed
  (``海南省审计厅`` / ``2016年2月19日``; the date may be cut over lines: ``2015`` / ``年4`` / ``月1`` / ``日``, or
  print its digits alone, the page having lost its 年, 月 and 日: ``乐昌市林业局`` / ``2019123``);
- failing all of these, a page's ``发布机构`` (``发文单位``, ``公开单位``) cell or ``来源:`` line, where the text names that body
  once more, or a line opens with its name less its division and then a year (台创园2017年…表 for
  来源:岳阳县台创园): a site's publisher may be the government over the unit, so the cell alone is not enough;
  a ``所属机构`` cell only where the accounts' scope sentence takes that body in (纳入X2022年度部门决算编制范围).

Such a name is taken only where nothing else names a unit and only when it begins with a
division's name (so 本单位, 我局 and the like never count), or is a township's body named by its
township (观庄乡卫生院, 下马渡镇人民政府; never 本镇人民政府): the county is then the one the text names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from itertools import pairwise

from cnbudget.model import Line
from cnbudget.official.central import central_department
from cnbudget.official.regions import division_at, full_names_end, starts_with_division
from cnbudget.recognise.generic import is_generic
from cnbudget.strings import PARTY_PREFIX, compact

__all__ = ["body_unit_names", "publisher_full_names", "sector_unit_names"]

_NAME = r"(?P<name>[\u4e00-\u9fff（）()]{4,40}?)"
# How often the first pages print a name that opens with a division's short form for it to be the unit's own
REPEATED = 3
# the short names a body gives itself after its full name: X(简称:民建武汉市委、武汉民建)是…
_SHORT_NAME = r"(?:[（(]简称[:：]?[^()（）。]{1,30}[)）])?"
# (the 机构设置 item's heading may run on into its sentence: (二)机构设置。重庆市涪陵区信访办公室是区政府工作部门)
_SUBJECT = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])?(?:(?:单位|部门)?机构设置(?:情况)?[。:：])?" + _NAME + _SHORT_NAME
    + r"(?:下设|内设|下属|是|为|属于|(?<!所)属|系|隶属|(?:部门)?只有本级|由(?=[^。，,]{0,30}(?:构成|组成)))"
)
# a table's note that the unit had no such money: 说明:冀村镇人民政府没有使用国有资本经营预算安排支出,故本表无数据
_NOTE = re.compile(r"^(?:说明|注)[:：]" + _NAME + r"(?:20\d{2}年度?)?(?:没有|无|未)")
# the same said in a sentence of the prose, its year after the name: 。重庆市涪陵区X乡人民政府(本级)2023年无使用政府性基金预算…
_NO_MONEY = re.compile(r"(?<=[。；;])" + _NAME + r"(?:[（(]本级[)）])?20\d{2}年度?(?:没有|无|未)使用")
# the sentence of the budget's units: 我单位纳入2019年部门预算编制范围的有X机关本级 (只有X本级, 是X本级)
# or 纳入本部门2021年度决算编制的二级预算单位主要包括X(本级)、… (the 本级 listed first among the department's units)
_SCOPE = re.compile(
    r"纳入(?:本部门)?20\d{2}年度?(?:部门)?(?:预算|决算)编制(?:范围)?的(?:[二三]级)?(?:预算单位)?(?:主要)?(?:只有|有|是|包括)[:：]?" + _NAME + r"(?:机关)?[（(]?本级"
)
# a line of the list of the budget's units, with its code: 1.101 X办公室(一级预算单位)
_LEVEL_ONE = re.compile(r"^(?:\d+[.．、])?\d{3,12}" + _NAME + r"[（(]一级预算单位[)）]")
# a sentence of the year's money whose subject is the unit, after the year (and an item's number): 2017年X卫生院本年收入
# 合计597.52万元, 2019年X局“三公”经费财政拨款预算安排389000元, 1.2016年X大学年初部门预算收入为68158.05万元
_YEAR_SUBJECT = re.compile(
    r"^(?:\d+[.．、])?20\d{2}年度?" + _NAME + r"(?:(?:本年)?(?:收入|支出)(?:合计|总计)|[“\"]?三公[”\"]?经费|(?:年初)?(?:部门)?预算(?:收入|支出)(?:为|总计|合计))"
)
# the item of the 机构设置 list whose subject is the unit: 2、单位机构设置:临湘市第一中学仅设1所高级中学, 机构设置:X现有事业编10个
_SET_UP = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])?(?:单位|部门)?机构设置(?:情况)?[:：]" + _NAME + r"(?:仅设|设有|下设|内设|现有|共设)")
# the 人员构成 item of the 概况, the staff posts approved for the unit: 3、部门人员构成:核定黔东南州工业学校事业编制140名
_STAFFING = re.compile(r"人员构成(?:情况)?[:：]?核定" + _NAME + r"(?:行政|事业|全额事业|差额事业|参公|工勤)?编制\d")
_OVERVIEW = re.compile(r"^第[一二三四五六七八九十]+部分[:：?？]*" + _NAME + r"(?:基本)?概(?:况|述)$")
# after a stop or the closing bracket of the rules it cites: “（藏委厅〔2024〕76号），X主要履行以下职责”
# or just after the heading it opens, run on by the text layer: 一、主要职责天津市人民检察院(本级)的主要职责是：
_DUTIES = re.compile(r"(?:^|(?<=[，,。；;：:）)])|(?<=[一二三四五六七八九十]、主要职责)|(?<=[一二三四五六七八九十]、部门职责))" + _NAME + r"(?:的)?主要(?:履行|承担|负责)?(?:以下|下列|如下)?(?:主要)?(?:职责|职能)(?:是|为|如下|有)?[:：]")
# the date under a signature, its parts perhaps on lines of their own, or its 年/月/日 lost by the page (2019123)
_SIGNED = re.compile(r"^20\d{2}(?:年\d{1,2}月\d{1,2}日|\d{2,4})$")
# the “三公” page's sentence of the units whose spending it covers: X因公出国(境)费、公务接待费、公务用车购置及运行维护费开支单位包括…
_THREE_PUBLIC_ITEM = r"(?:因公出国[（(]境[)）]费用?|公务接待费|公务用车购置(?:和|及)运行(?:维护)?费)"
_THREE_PUBLIC_SCOPE = re.compile(r"^" + _NAME + _THREE_PUBLIC_ITEM + r"(?:[、，,和及]" + _THREE_PUBLIC_ITEM + r")*开支(?:的)?单位包括")
_TRIPS = re.compile(r"安排" + _NAME + r"(?:因公)?出国(?:[（(]境[)）])?团组")
# a township's body, named by its township alone (观庄乡卫生院, 下马渡镇人民政府): its region is the county the text names
# (an ethnic township's name has its people's before 乡: 和平彝族乡人民政府, X回族乡, X民族乡)
_TOWNSHIP_UNIT = re.compile(r"(?![本我该全各每其此])(?:[\u4e00-\u9fff]{2,3}|[\u4e00-\u9fff]{2}(?:[\u4e00-\u9fff]{1,2}族|民族))(?:乡|镇|街道)(?:人民政府|政府|办事处|卫生院)")
# a page's 来源 line, the publisher as its site prints it: 来源:岳阳县台创园 2017-04-27
_SOURCE_LINE = re.compile(r"^(?:信息|文章)?来源[:：](?P<name>[\u4e00-\u9fff（）()]{4,40})")
_PUBLISHER = re.compile(r"(?:发布机构|发文机关|发布单位|发文单位|公开单位)[|:：]*(?P<name>[\u4e00-\u9fff（）()]{4,40})")
# a page's 所属机构 cell: the body the page is filed under, the unit or the government over it (海原县卫生健康局 for
# its 卫生院), so it counts only where the accounts' scope sentence takes that body in: 纳入海原县审批服务管理局2022年度…
_FILED_UNDER = re.compile(r"所属机构[|:：]*(?P<name>[\u4e00-\u9fff（）()]{4,40})")


def body_unit_names(lines: list[Line], is_unit_name: Callable[[str], bool]) -> list[str]:
    """Names of the unit the first pages' body gives (``is_unit_name`` says what reads as a unit)."""

    texts = [compact(line.text) for line in lines[:120]]
    prose = "".join(texts)  # a sentence may wrap: 全年使用财政拨 / 款安排X出国团组

    def good(name: str) -> bool:
        # a name opening with a division's short form (西安建筑科技大学) only where the page repeats it, as a body's own page does
        # a central department of the official list (共青团中央) names no division and needs none
        placed = starts_with_division(name) or (division_at(name, 0) and prose.count(name) >= REPEATED) or bool(central_department(name))
        return is_unit_name(name) and (placed or bool(_TOWNSHIP_UNIT.fullmatch(name)))

    names = [m.group("name") for text in texts if (m := _SUBJECT.match(text) or _OVERVIEW.match(text) or _NOTE.match(text) or _LEVEL_ONE.match(text) or _YEAR_SUBJECT.match(text) or _SET_UP.match(text) or _THREE_PUBLIC_SCOPE.match(text)) and good(m.group("name"))]
    # the heading's last word on a line of its own: 第一部分遵义市住房和城乡建设局 / 概述
    names += [m.group("name") for a, b in pairwise(texts) if re.fullmatch(r"(?:基本)?概(?:况|述)", b) and (m := _OVERVIEW.match(a + b)) and good(m.group("name"))]
    names += [m.group("name") for pattern in (_DUTIES, _TRIPS, _SCOPE, _NO_MONEY, _STAFFING) for m in pattern.finditer(prose) if good(m.group("name"))]
    names += [name for name in _signatures([compact(line.text) for line in lines]) if good(name)]
    names += [name for name in _duties_subjects(texts, good)]
    names = _standing_committee_first(names)
    if not names:
        names = [m.group("name") for m in _APPROVED.finditer(prose) if good(m.group("name"))]
    if not names:
        names = _contents_names(texts, good)
    if not names:  # 区委老干部局下设…: a body named by its tier's word, completed or placed from the page as a title's would be
        names = [m.group("name") for text in texts if (m := _SUBJECT.match(text)) and is_unit_name(m.group("name")) and is_generic(m.group("name"))]
    if not names:
        published = [m.group("name") for text in texts for m in (*_PUBLISHER.finditer(text), *_SOURCE_LINE.finditer(text)) if good(m.group("name"))]
        names = [name for name in published if prose.count(name) >= 2 or _titled_by_tail(name, texts)]
        names += [m.group("name") for text in texts for m in _FILED_UNDER.finditer(text) if good(m.group("name")) and "纳入" + m.group("name") in prose]
    return [_party_body_after_place(name) for name in names]


def _party_body_after_place(name: str) -> str:
    """``name`` less a division's name run on before a party's full name for the body: 江汉区中国共产党武汉市江汉区委员会党校
    (a site's label of the district, then the school's own name) is 中国共产党武汉市江汉区委员会党校; other names as they are."""
    at = full_names_end(name, 0)
    return name[at:] if 0 < at < len(name) and PARTY_PREFIX.match(name[at:]) and starts_with_division(name[at:]) else name


# the heading of the duties part: 一、部门主要职责, 1、职能职责, (一)主要职能; then the sentence under it, perhaps after a label
_DUTIES_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])?(?:部门|单位)?(?:主要)?职(?:能|责)(?:职责)?$")
_DUTIES_LABEL = re.compile(r"^(?:主要(?:负责|职责|职能)(?:是|为|有)?[:：])?")
# what runs on from a unit's name without ending it: 县人民政府 / 办公室, X局 / 机关, X中心 / （本级）, X市委 / 员会
_NAME_GOES_ON = re.compile(r"办公室|机关|本级|[（(]|分局|支队|大队|中队|员会")
_RUNS_ON = re.compile(r"公室|办公室|机关|常务委员会|委员会")


def _duties_subjects(texts: list[str], good: Callable[[str], bool]) -> list[str]:
    """The unit a page with no title names as the subject of the sentence under its duties heading:
    一、部门主要职责 / 平陆县某某服务中心贯彻落实…: the sentence's first opening that is a unit's name."""
    out = []
    for heading, sentence in pairwise(texts):
        if not _DUTIES_HEADING.match(heading):
            continue
        run = re.match(r"[\u4e00-\u9fff]{4,40}", sentence[_DUTIES_LABEL.match(sentence).end() :])  # type: ignore[union-attr]
        if run is None:
            continue
        ends = [k for k in range(4, len(run.group()) + 1) if good(run.group()[:k]) and not _NAME_GOES_ON.match(run.group(), k)]
        if ends:  # the first name, with what runs on from it as a name does (X政府办 / 公室, X人民代表大会 / 常务委员会)
            end = ends[0]
            while (longer := next((k for k in ends if k > end and _RUNS_ON.fullmatch(run.group()[end:k])), None)) is not None:
                end = longer
            out.append(run.group()[:end])
    return out


# a year's accounts after the unit's name, as a 目录's entry prints it: X2016年部门决算表 (its scope word ``scope``)
_YEAR_SCOPE = r"20\d{2}年度?(?P<scope>部门|单位)(?:预算|决算)"
# the notice approving the budget, and the sentence publishing it: 《财政部关于批复X2011年部门预算的通知》, 现将X2011年部门预算批复情况公布如下
# the same with the “三公” accounts for the year's (现将涪陵区新妙镇2021年度“三公”经费决算情况公布如下), its kind word ``kind``
_YEAR_ACCOUNTS = r"20\d{2}年度?(?:(?P<scope>部门|单位)|[“\"]?三公[”\"]?经费)(?P<kind>预算|决算)"
_APPROVED = re.compile(r"(?:关于批复|现将)" + _NAME + _YEAR_ACCOUNTS)


def after_name(name: str, text: str) -> tuple[Counter[str], Counter[str]]:
    """The scope words (部门, 单位) and the kind words (预算, 决算) printed after the unit's name and a year (现将X 2018 年单位
    预算公开如下, 现将X2021年度“三公”经费决算情况公布如下), each counted: the scope and kind of a page whose title the reader
    did not find (one run together with the page's first lines, or none)."""
    scopes: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    if name:
        for m in re.finditer(re.escape(compact(name)) + _YEAR_ACCOUNTS, compact(text)):
            scopes.update([m.group("scope")] if m.group("scope") else [])
            kinds[m.group("kind")] += 1
    return scopes, kinds


# an entry of a 目录 names the unit by its part's title: 第一部分 X部门概况, X单位概况, 第四部分 X2016年部门决算表
_PART = re.compile(r"第[一二三四五六七八九十]+部分[:：]?")
_CONTENTS_ENTRY = re.compile(_NAME + r"(?:(?:部门|单位)(?:基本)?概况|" + _YEAR_SCOPE + ")")


def _contents_names(texts: list[str], good: Callable[[str], bool]) -> list[str]:
    """The one body the entries of a page's 目录 name (第一部分 X部门概况, X2018年部门预算), from the 目录 on, each
    entry read from its part's number to the next (a contents laid out on one line runs all entries together);
    [] where the entries name two bodies (whose page it is the contents do not say) or none (第一部分 部门概况)."""
    start = next((i for i, text in enumerate(texts) if "目录" in text), None)
    if start is None:
        return []
    pieces = [piece for text in texts[start:] for piece in _PART.split(text[text.find("目录") + 2 :] if "目录" in text else text)[1:]]
    found = [m.group("name") for piece in pieces if (m := _CONTENTS_ENTRY.match(piece)) and good(m.group("name"))]
    return found if len(set(found)) == 1 else []


def _standing_committee_first(names: list[str]) -> list[str]:
    """Names less a congress the body describes (X人民代表大会是…权力机关) where it names the congress's standing
    committee too (X人大常委会下设…): the committee, not the congress, is the unit that keeps the budget."""
    committee = re.compile(r"人大常委会|人民代表大会常务委员会")
    return [n for n in names if not (n.endswith("人民代表大会") and any(committee.search(o) and o.startswith(n[:-6]) for o in names))]


def _signatures(texts: list[str]) -> list[str]:
    """Lines of a name alone over the date it was signed: 眉山市东坡区卫生和计划生育局 / 2016年12月15日."""
    texts = [t for t in texts if t]
    out = []
    for i, text in enumerate(texts[:-1]):
        date = ""
        for part in texts[i + 1 : i + 5]:  # 2015 / 年4 / 月1 / 日: a date the text layer cut
            date += part
            if _SIGNED.match(date):
                if re.fullmatch(r"[\u4e00-\u9fff（）()]{4,40}", text):
                    out.append(text)
                break
            if len(date) > 11:
                break
    return out


def _titled_by_tail(name: str, texts: list[str]) -> bool:
    """Whether a line opens with ``name`` without its division, then a year: 台创园2017-度部门“三公”经费预算情况表 for 岳阳县台创园."""
    tail = name[full_names_end(name, 0) :]
    return len(tail) >= 2 and tail != name and any(text.startswith(tail) and re.match(r"20\d{2}", text[len(tail) :]) for text in texts)


def publisher_full_names(lines: list[Line], names: tuple[str, ...]) -> list[str]:
    """A ``发布机构`` cell naming the unit in full: its division's name, then one of ``names`` (德兴市 + 李宅乡人民政府).

    For a unit whose title names no region (a township's body by its township alone): the cell that
    prints the same name after a division's names is that unit's full name, not a government over it.
    """
    cells = [m.group("name") for line in lines[:120] for m in _PUBLISHER.finditer(compact(line.text))]
    return [cell for cell in cells if starts_with_division(cell) and any(cell != n and cell.endswith(n) and full_names_end(cell, 0) == len(cell) - len(n) for n in names)]


# A title over one sector of a government's departments: 市直林业部门2022年度部门预算, 县直教育系统2023年部门决算
_SECTOR_TITLE = re.compile(r"^(?P<tier>[省市县区州旗])直(?P<sector>[\u4e00-\u9fff]{2,6}?)(?:部门|系统)[（(]?20\d{2}年")


def sector_unit_names(lines: list[Line]) -> list[str]:
    """The body at the head of a sector a title names (市直林业部门), as the body names it with its division: 岳阳市林业局.

    Only a name that opens with a division's full name ending in the title's tier (岳阳市 for 市直) counts:
    the short 市林业局 of the prose places the unit nowhere.
    """
    texts = [compact(line.text) for line in lines[:120]]
    title = next((m for text in texts[:10] if (m := _SECTOR_TITLE.match(text))), None)
    if title is None:
        return []
    prose = "".join(texts)
    names = []
    for m in re.finditer(re.escape(title.group("tier") + title.group("sector")) + r"(?:局|厅|委员会|委)", prose):
        at = m.start() + 1  # just after the tier's character, which ends the division's name
        starts = [k for k in range(max(0, at - 12), at - 1) if full_names_end(prose, k) == at]
        if starts:
            names.append(prose[starts[-1] : m.end()])
    return names
