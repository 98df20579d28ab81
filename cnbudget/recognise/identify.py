"""Who, where, when and what a disclosure is, from what the document says.

Every rule goes by a kind of layout, never by a file or a unit: a cover or title
(`X2026年部门预算`, `上海市2026年市级单位预算`, a year the text layer printed on its own
line), a header line (`预算单位：X`, `部门名称 X` without a colon), a year printed only
as `（2026年度）`, tables numbered `预算01表`.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from cnbudget.model import Identity, Line
from cnbudget.official.central import central_department
from cnbudget.official.regions import Region, division_at, full_names_end, resolve_region, starts_with_division
from cnbudget.recognise.body_unit import after_name, body_unit_names, publisher_full_names, sector_unit_names
from cnbudget.recognise.generic import complete_generic, tier_division, tier_fits, tier_tied
from cnbudget.recognise.ids import canonical_unit, disclosure_slug, unit_slug
from cnbudget.recognise.place import OWN_LEVEL as _OWN_LEVEL
from cnbudget.recognise.place import TOWNSHIP as _TOWNSHIP
from cnbudget.recognise.place import is_central, level_unsaid, unit_region
from cnbudget.recognise.refusals import unnamed
from cnbudget.recognise.title_lines import YEAR_ALONE as _YEAR_ALONE
from cnbudget.recognise.title_lines import title_texts
from cnbudget.strings import PARTY_PREFIX, compact

__all__ = ["canonical_unit", "choose_unit_name", "disclosure_slug", "header_units", "identify", "is_unit_name", "merge_identities", "unit_level", "unit_slug"]

# How a unit's name ends: bodies (局, 委员会), institutions (学院, 医院, 研究所, 试验场, 基地),
# the offices of a body (黔西南州政协机关), a government's or party committee's office in its short form
# (杜集区政府办, 县委办, 市接待办, 县扶贫办; never a bare 办: 举办, 承办), a township's government in short form
# (伙牌镇政府; never a bare 政府: 市政府预算 is a government's), a 学区 (a township's schools' office), a people's congress
# in its short form (阳新县人大), a city's 各民主党派 that publish one budget together, a 联合会 in its short form
# (县文联, 市妇联, 区残联; never a bare 联: 关联, 串联), a division of the 新疆生产建设兵团 (第八师; never a bare 师: 教师), a 协会 in its short form (澄海区科协, 市作协, 省记协; never a
# bare 协: 妥协, 政协 is named apart), and township governments (乡, 镇, 街道).
# Halls and stations of the public services end so too: 青少年宫, 少年宫, 工人文化宫 (宫); a state tree nursery, 国有苗圃
# (圃); a waterway's or a road's maintenance section, 航道段, 公路段, 公路养护段, 公路管理段 (段 only after these: 阶段,
# 路段 of a sentence are no bodies).
_UNIT_SUFFIX = (
    r"(?:(?:政府|人大|政协|党委|党工委|[省市县区州盟旗]委|接待|扶贫|法制|信访|人防|外事|金融|编委)办|[乡镇]政府|学区|办公室|办公厅|委员会|人民政府|人民法院|人民检察院|局|院|中心|厅|处|所|站|馆|会|部|委|队|校|社|办事处|政协|人大|民主党派|党校|医院|学校"
    r"|海关|第[一二三四五六七八九十]{1,3}师|协会|联合会|(?:文|妇|侨|残|科|社|工商|青)联|(?:科|作|记)协|集团|公司|场|园|库|台|团|室|署|宫|圃|(?:航道|公路|养护|管理)段|大学|中学|小学|中专|职专|高中|幼儿园|基地|银行|监狱|机关|乡|镇|街道)"
)
_NAME = r"[\u4e00-\u9fff（）()·]{3,48}?"
# 2026年度部门预算; 2026部门预算 (no 年) only where 部门/单位 follows at once
# 2026年度(本级)决算 / 2026年度本级决算: the unit's own level named after the year
# 2019年部门综合预算: 陕西's name for a department's budget of all its money (综合预算制度); 2020年财政预算公开情况说明, 2018年部门收支预算,
# 2020年度财务决算 (a unit's final account by the name of its financial statements); 2022年度县级部门决算 (the tier named before the scope)
_YEAR_KIND = r"[（(]?(?P<year>20\d{2})(?:年度?|(?=部门|单位))[)）]?(?P<own>[（(]本级[)）]|本级)?(?:[省市区县]级)?(?P<scope>部门|单位)?(?:综合|财政|财务|收支)?(?P<kind>预算|决算)"
# A title starts a line (after a part number or 附件：); a name run on from the line before is prose, not a title
# (第二部分:X2023年部门预算报表, 标题:X2024年度部门决算公开报告: a colon after the part or the page's label)
# A site's column tag in lenticular brackets before the title is page furniture: 【财政决算】X2017年度部门决算
_SITE_TAG = r"【[\u4e00-\u9fff]{2,10}】"
# A portal's label of the page's title (标题:, 信息名称:, 文档介绍:), and its breadcrumbs, the title their last crumb:
# 您当前的位置:首页>部门预算>X2018年部门预算
_LABEL_WORDS = r"标题|名称|信息名称|文章标题|文档介绍"
_CRUMBS = r"(?:[\u4e00-\u9fff:：]{0,20}[>＞»]){1,8}"
_LEAD = r"^(?:第[一二三四五六七八九十]+部分[:：]?|附件\d*[:：]?|(?:" + _LABEL_WORDS + r")[:：]|关于|[一二三四五六七八九十]+、|" + _SITE_TAG + "|" + _CRUMBS + ")?"
# a kind the money of a sentence follows is prose, not a title: 2016年省财政厅预算安排,“因公出国(境)费”15万元
_NOT_TITLE_END = r"(?!安排|数|执行)"
# X关于2016年度预算公开的补充说明: the unit, then 关于 and the year; X关于公开2018年部门预算的说明, X公开2018年部门预算
_TITLE_RE = re.compile(_LEAD + "(?P<name>" + _NAME + ")(?:关于)?(?:公开)?" + _YEAR_KIND + _NOT_TITLE_END)
_COVER_RE = re.compile(r"^(?P<year>20\d{2})年度?(?P<name>" + _NAME + r")(?P<scope>部门|单位)?(?:综合)?(?P<kind>预算|决算)" + _NOT_TITLE_END)
# A portal's label before the title, in a cell of its own or with a colon: 名称 | X2020年部门预算公开 |, 标题:2024年X预算
_PAGE_LABEL = r"^(?:" + _LABEL_WORDS + r")[:：|]"
_LABELLED_TITLE_RES = (re.compile(_PAGE_LABEL + _TITLE_RE.pattern[1:]), re.compile(_PAGE_LABEL + _COVER_RE.pattern[1:]))
# The central departments' “三公” pages of 2011 publish the year before's 决算 and the year's 预算 together, the year's
# budget: X“三公经费”财政拨款情况及说明…X对“三公经费”2010年财政拨款决算数据和2011年财政拨款预算数据公布如下
_BOTH_YEARS_THREE_PUBLIC_RE = re.compile(
    r"^(?P<name>" + _NAME + r")(?P<scope>部门|单位)?[“\"]?三公[”\"]?经费[”\"]?(?:财政拨款)?情况[^。]{0,60}?20\d{2}年度?(?:财政拨款)?决算数据?和(?P<year>20\d{2})年度?(?:财政拨款)?(?P<kind>预算)数"
)
# or as the table's title under it, the years after 三公经费: 附:雅安市国土资源局“三公”经费2011年决算和2012年预算情况表
_BOTH_YEARS_TABLE_RE = re.compile(
    r"^(?:附[件表]?\d*[:：])?(?P<name>" + _NAME + r")(?P<scope>部门|单位)?[“\"]?三公[”\"]?经费[”\"]?(?:财政拨款)?20\d{2}年度?决算(?:数)?和(?P<year>20\d{2})年度?(?P<kind>预算)(?:数)?情况"
)
# A table title naming its year, as the tables-only file of a disclosure prints it: 2017年政府采购预算表
_SPLIT_YEAR_RE = re.compile(r"^(?P<name>[\u4e00-\u9fff（）()·]{4,48}?)年度(?P<scope>部门|单位)?(?P<kind>预算|决算)表?(?P<year>20\d{2})(?!年)")
# A government's title over all its units' budgets: 上海市2026年市级单位预算 (the unit is named in 预算单位：…)
_TIER_TITLE_RE = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,12}?)(?P<year>20\d{2})年度?[省市区县]级(?P<scope>部门|单位)(?P<kind>预算|决算)")
# A department's “三公” table published on its own: 2015年桂林市司法局部门“三公”经费情况统计表 (kind from 预算数/决算数),
# 2024年昌宁县卡斯镇“三公”经费预算财政拨款情况统计表, 2017年湛江市委宣传部“三公”经费增减情况说明, 2016年X财政拨款“三公”经费预算表
_THREE_PUBLIC_TITLE_RE = re.compile(
    r"^(?P<year>20\d{2})年度?(?P<name>" + _NAME + r")(?P<scope>部门|单位)?(?:财政拨款)?[“\"]?三公[”\"]?经费(?P<kind>预算|决算)?(?:财政拨款)?(?:支出)?(?:增减)?(?:变化)?(?:情况)?(?:统计)?(?:表|说明|公开)"
)
# The line of a “三公” page's attached table, after its prose, names the unit: 附件:X2018年部门“三公”经费支出预算表,
# 附件【X2019年“三公”经费公开表.xls】
_ATTACHED = r"附件\d*[:：【]"
# A “三公” page that opens with the unit and year (or its attachment's line does): 六安市工商业联合会2021年度一般公共预算财政拨款“三公”经费支出决算,
# 关于X局2019年财政拨款“三公”经费预算情况的说明, X局关于2020年度“三公”经费决算公开的说明, X局2018年用…财政拨款数开支的…（简称“三公”经费）支出合计
_THREE_PUBLIC_LEAD_RE = re.compile(
    r"^(?:" + _ATTACHED + r")?(?:关于)?(?P<name>" + _NAME + r")(?:关于)?(?P<year>20\d{2})年度?(?P<scope>部门|单位)?[^。；;]{0,40}?[“\"]?三公[”\"]?经费(?:[^。；;]{0,12}?(?P<kind>预算|决算))?"
)
# A “三公” page whose year follows the words: X财政拨款“三公”经费预算2014年情况如下, X关于财政拨款“三公”经费2015年决算的情况说明
_THREE_PUBLIC_YEAR_AFTER = r"^(?P<name>" + _NAME + r")(?P<scope>部门|单位)?(?:关于)?(?:财政拨款)?[“\"]?三公[”\"]?经费"
_THREE_PUBLIC_YEAR_AFTER_RES = (
    re.compile(_THREE_PUBLIC_YEAR_AFTER + r"(?P<kind>预算|决算)(?P<year>20\d{2})年度?的?情况"),
    re.compile(_THREE_PUBLIC_YEAR_AFTER + r"(?P<year>20\d{2})年度?(?P<kind>预算|决算)的?情况"),
)
# 2017年医疗卫生计生机构收支决算总表: a sector's form, 总 between 决算 and 表
_TABLE_YEAR_RE = re.compile(r"(?P<year>20\d{2})年度?[\u4e00-\u9fff“”\"、（）()]{0,30}?(?P<kind>预算|决算)(?:明细|情况|总)?表")
_BUDGET_NAMES = re.compile(r"一般公共预算|政府性基金预算|国有资本经营预算")
# (or with the page's own body before the year, its name lost: 我单位2016年收入决算60.42万元, (一)本单位2021年度总收入…)
_YEAR_MONEY = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)?(?:本部门|本单位|我部门|我单位)?(?P<year>20\d{2})年度?(?:本年)?(?:一般公共预算|财政拨款|拨款)*(?:基本|项目)?总?(?:收入|支出|收支|政府采购预算)")
# A “三公” sentence that opens with the year its money is for: 2022年本部门财政拨款安排“三公”经费502.4万元,
# 2019年保山市环境保护局“三公”经费财政拨款预算安排…
_YEAR_THREE_PUBLIC = re.compile(r"^(?P<year>20\d{2})(?:年度?|(?=[“\"]?三公))(?:本部门|本单位|我部门|我单位|[\u4e00-\u9fff]{2,30}?)?(?:一般公共预算)?(?:财政拨款)?(?:安排)?(?:的)?[“\"]?三公[”\"]?经费")
# or a sentence of it whose subject is the page's own body before the year: ……,我院2014年三公经费开支53.65万元
_OWN_YEAR_THREE_PUBLIC = re.compile(r"(?:^|(?<=[，,。；;]))(?:我|本)(?:院|局|厅|委|办|单位|部门|中心|所|校|会)(?P<year>20\d{2})年度?(?:一般公共预算)?(?:财政拨款)?[“\"]?三公[”\"]?经费")
# A “三公” page's title reporting how the money was used (a quarter's or the year's): 2018年第四季度“三公经费”管理使用情况
_THREE_PUBLIC_USED = re.compile(r"^20\d{2}年度?[^。，,：:]{0,12}?[“\"]?三公[”\"]?经费[”\"]?(?:管理)?使用情况")
# A site's banner line, its name alone: 汾阳市人民政府门户网站, 海原县人民政府门户网, 四川省遂宁中学官方网站
_BANNER_END = re.compile(r"(?:网站|门户网|政府网|门户)$")
# Tables numbered by kind: 预算01表 收支总表, 决算03表
_NUMBERED_TABLE = re.compile(r"^(?P<kind>预算|决算)\d{1,2}表")
# (现将我厅…: a sentence's subject, the page's own 我厅/我局, names no unit;
# the 编制 of 编制说明 names no unit, the body 机构编制委员会办公室 or 编制办 does; a heading 二、部门机构设置 run on
# into the next line's sentence, 河源东岸学校2023年部门预算单位有1个, is no name)
_NOT_A_NAME = re.compile(r"情况|说明|预算|决算|(?<!机构)编制(?!委员会|办)|依据|测算|职能|概况|机构设置|主要|收支|目录|^现将|我(?:厅|局|委|办|院|单位|部门|中心|会|所|校|部)")
# 填报单位/公开单位: the label a final account's forms and a portal's table print over the unit
_LABELS = r"部门|单位|预算单位|预算主管部门|主管部门|部门名称|单位名称|编制单位|编制部门|填报单位|公开单位|部门\(单位\)名称|部门（单位）名称|(?:部门)?预算单位名称"
# The unit's code the budget system prints before its name: 部门：101001 X局, 单位名称：[101001]X局, 部门：101-X局
_UNIT_CODE = r"(?:[\[【（(]?\d{3,15}[\]】）)]?\s*[-－—_]?\s*)?"
# the label may open an item of the 概况 list: （三）部门预算单位名称：X，无下属单位。
_HEADER_UNIT = re.compile(r"^\s*\|?\s*(?:[（(][一二三四五六七八九十]{1,3}[)）])?(?:" + _LABELS + r")[:：]\s*" + _UNIT_CODE + r"(?P<name>[\u4e00-\u9fff（）()]{3,48})")
# A label the name follows in the next cell; a colon is needed only after the bare 部门/单位 (单位 万元 is the amount unit)
_LABEL_CELL = re.compile(r"\s*(?:(?:部门|单位|预算单位|预算主管部门|主管部门|编制单位|编制部门|填报单位|公开单位)[:：]|(?:部门|单位)(?:[(（]单位[)）])?名称[:：]?|(?:预算单位|编制单位|编制部门|填报单位|公开单位))\s*")
# A table header that opens with the unit's code and name, then the budget year (920平山县某镇财政所 | 预算年度：2025 | 单位：万元)
_CODED_UNIT = re.compile(r"\d{3,12}(?P<name>[\u4e00-\u9fff（）()]{3,48})")
_BUDGET_YEAR_CELL = re.compile(r"预算年度[:：]\s*20\d{2}")
_PUBLISHED = re.compile(r"公开(?:时间|日期)[:：]?\s*(?P<y>20\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
# the scope a title tags after the unit's name: X乡人民政府(部门)2021年度部门决算公开说明, X中心（单位）2023年…
_SCOPE_TAG = re.compile(r"[（(](?:部门|单位)[)）]$")
# a department's tables summed over its units, tagged after its name as budget systems print it: X局（汇总）
_SUMMED = re.compile(r"[（(]汇总[)）]$")
# the bodies a unit's accounts take in, in brackets after its name: X站(包括Y博物馆), X局（含下属单位）
_TAKES_IN = re.compile(r"[（(](?:包括|包含|含)[^（()）]{1,30}[)）]$")
# a second name in brackets after the first, both names of one body: X医院（Y医院）, X局（Y局）
_SECOND_NAME = re.compile(r"[（(][\u4e00-\u9fff]{2,30}[)）]$")
# A numbered item's heading that is no unit's name: (一)收入预算, 二、支出预算情况
_ITEM_HEADING = re.compile(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、])(?![\u4e00-\u9fff（）()]*(?:" + _UNIT_SUFFIX + r")$)")
# A 街道 named in short form, as 武汉's districts name theirs: 民意街 for 民意街道办事处 (never 大街, 步行街 …: streets)
_SUBDISTRICT_SHORT = re.compile(r"(?![本我该全各每其此])[\u4e00-\u9fff]{2,3}(?<![大行业])街")
# A township's own name of two characters and its kind: 正直镇, 观庄乡 (not 本镇, 各乡镇)
TOWN_NAME = re.compile(r"(?![本我该全各每其此])[\u4e00-\u9fff]{2}[镇乡]")


def is_unit_name(name: str) -> bool:
    """Whether ``name`` reads as a unit's name: it ends as a body does, before any （本级） or 本级, or it is a central
    department of the official list (共青团中央, 九三学社中央: a 中央 ends no other unit's name)."""
    if central_department(name):
        return True
    core = _OWN_LEVEL.sub("", name)
    second = _SECOND_NAME.search(core)
    if second and re.search(_UNIT_SUFFIX + "[)）]$", core):
        core = core[: second.start()]
    if re.search(_UNIT_SUFFIX + "$", core):
        return len(core) >= 3
    if not core.endswith("街"):
        return False
    at = full_names_end(core, 0)  # 江汉区民意街: a 街道 in short form, only after its district's name (a bare X街 is a street)
    return at > 0 and _SUBDISTRICT_SHORT.fullmatch(core[at:]) is not None



def unit_level(name: str, region: Region | None) -> str:
    """The government tier of a unit: central, province, city, county or township ('' when unknown)."""
    if region is None:
        return "central" if is_central(name) else ""
    rest = compact(name)
    for part in (region.province, region.city, region.county):
        rest = rest.replace(part, "", 1) if part else rest
    rest = _OWN_LEVEL.sub("", rest)
    if _TOWNSHIP.search(rest) or _SUBDISTRICT_SHORT.fullmatch(rest):
        return "township"
    if _province_body(name, region):
        return "province"
    return "county" if region.county else "city" if region.city else "province"


def _province_body(name: str, region: Region) -> bool:
    """Whether ``name`` opens with its province's full name and at once a body of its own, no division named
    between (云南省林业和草原科学院漾濞核桃研究院: the province's academy's institute, 漾濞 only where it stands;
    云南省大理州林业局 and 四川省南江县财政局 are a prefecture's and a county's, and so is 北京市崇文区教育委员会
    where its region is the former district of its year)."""
    text = PARTY_PREFIX.sub("", compact(name))
    if not (region.province and text.startswith(region.province) and len(text) > len(region.province)):
        return False
    # the region's own city or county written next (北京市崇文区…: a district of the document's year, no longer listed)
    below = [part for part in (region.city, region.county) if part]
    return not division_at(text, len(region.province)) and not any(text.startswith(part, len(region.province)) for part in below)


def _title_matches(lines: list[Line]) -> list[re.Match[str]]:
    found: list[re.Match[str]] = []
    texts = title_texts(lines[:400])
    for i in range(len(texts)):
        window = "".join(texts[i : i + 3])
        m = _TITLE_RE.search(window) or _COVER_RE.search(window) or _SPLIT_YEAR_RE.search(window) or _TIER_TITLE_RE.search(window) or _THREE_PUBLIC_TITLE_RE.search(window) or _THREE_PUBLIC_LEAD_RE.search(window) or next(filter(None, (r.search(window) for r in (*_THREE_PUBLIC_YEAR_AFTER_RES, *_LABELLED_TITLE_RES, _BOTH_YEARS_THREE_PUBLIC_RE, _BOTH_YEARS_TABLE_RE))), None)
        # a name does not run on into a line that starts with a division: that line is a title of its own;
        # nor does one after breadcrumbs (首页>通知公告 / X办事处2019年度决算: the last crumb is a column's name),
        # nor from a site's banner (汾阳市人民政府门户网站 / 冀村镇人民政府2021年度部门决算: the site's name, not the unit's)
        starts = [sum(map(len, texts[i : j])) for j in range(i + 1, min(i + 3, len(texts)))]
        crumbs = m is not None and bool(re.search("[>＞»]", window[: m.start("name")]))
        if m and not any(m.start("name") < b < m.end("name") and (crumbs or _BANNER_END.search(window[:b]) or starts_with_division(window[b:])) for b in starts):
            found.append(m)
    return found


def _clean_unit(name: str) -> str:
    name = re.sub(r"^.*(?:部分|目录|附件[:：]?)", "", name)
    name = re.sub(r"^(?:关于|纳入|根据|按照|\d+)", "", name)
    name = re.sub(r"^20\d{2}年度?", "", name)
    name = name.strip("：: ").lstrip("（(）)")
    name = _SCOPE_TAG.sub("", name)  # 友谊县社区指导站(部门)2021年度部门决算: the scope tagged after the name
    name = _TAKES_IN.sub("", name)  # X管理站(包括Y博物馆)关于2015年…: the bodies its accounts take in, not its name
    name = _SUMMED.sub("", name)  # X局（汇总）2021年部门预算: the department's tables summed over its units, the department
    if name.endswith("部门") and is_unit_name(name[:-2]):  # 李宅乡人民政府部门: the unit's own department, the unit
        name = name[:-2]
    if re.search(r"[省市县区]级$", name) and is_unit_name(name[:-2]):  # 2016年封开县人民法院省级部门决算: the tier of the form, not the name's
        name = name[:-2]
    # a closing bracket stays only where it closes one the name opened: 无锡市教育局（本级）
    while name and name[-1] in "（()）" and not re.search(r"[（(][^（()）]*[)）]$", name):
        name = name[:-1]
    return name


def header_units(lines: list[Line]) -> list[str]:
    """Unit names printed in table headers (部门：…, 单位名称 …, 部门名称 X without a colon)."""
    names: list[str] = []
    for line in lines:
        filled = [c.strip() for c in line.cells if c.strip()]
        # the label in one cell and the name in the next (the colon may be missing or on another line)
        cells = filled + [a.rstrip(":：") + "：" + b for a, b in pairwise(filled) if _LABEL_CELL.fullmatch(a)]
        for cell in cells:
            m = _HEADER_UNIT.search(cell)
            if m:
                name = _SUMMED.sub("", re.sub(r"金额单位.*$|单位[:：].*$", "", m.group("name")))
                if is_unit_name(name):
                    names.append(name)
    # the unit's code and name in the cell before 预算年度 (a cell a line or a row of cells; bars end cells)
    cells = [c.strip() for line in lines for c in "|".join(line.cells).split("|") if c.strip()]
    for a, b in pairwise(cells):
        if _BUDGET_YEAR_CELL.match(compact(b)) and (m := _CODED_UNIT.fullmatch(compact(a))) and is_unit_name(m.group("name")):
            names.append(m.group("name"))
    return names


def _title_year_fallback(lines: list[Line], years: Counter[int], kinds: Counter[str]) -> None:
    """Year and kind votes where no title gave them: table titles, numbered tables, a year on its own line."""
    if not years:  # 较2020年度决算数, 与2019年相比: the year compared with, not the document's
        for line in lines[:60]:
            for y in re.findall(r"(?<![较比与])(20\d{2})\s*年度?\s*(?:[省市区县]级)?\s*(?:部门|单位)?\s*(?:预算|决算)", line.text):
                years[int(y)] += 1
    if not years:
        for line in lines:
            m = _TABLE_YEAR_RE.search(compact(line.text))
            if m:
                years[int(m.group("year"))] += 1
                kinds[m.group("kind")] += 1
    if not kinds:
        kinds.update(m.group("kind") for line in lines if (m := _NUMBERED_TABLE.match(compact(line.text))))
    if not kinds:  # a “三公” page titled by the money's use (2018年第四季度“三公经费”管理使用情况): spent money, a final account
        kinds.update("决算" for line in lines[:20] if _THREE_PUBLIC_USED.match(compact(line.text)))
    if not years:
        years.update(int(m.group("year")) for line in lines if (m := _YEAR_ALONE.match(compact(line.text))))
    if not years:  # a cover naming no year, whose contents do: 三、2023年度部门主要工作完成情况 (年度: the fiscal year)
        years.update(int(y) for line in lines[:60] for y in re.findall(r"(?<![较比与])(20\d{2})年度", compact(line.text)))
    if not years:  # a middle page: a line that opens with the year's money, 2025年财政拨款收支总预算…, 2020年本年收入合计…
        years.update(int(m.group("year")) for line in lines[:60] if (m := _YEAR_MONEY.match(compact(line.text))))
    # the first lines that print words: a table laid out one cell a line (| / 312.23 / |) fills many with its bars alone
    worded = [text for line in lines if (text := compact(line.text)).strip("|")][:60]
    if not years:  # a “三公” page with no title: its sentence of the year's money, 2022年本部门财政拨款安排“三公”经费…
        years.update(int(m.group("year")) for text in worded if (m := _YEAR_THREE_PUBLIC.match(text)))
    if not years:
        years.update(int(m.group("year")) for text in worded for m in _OWN_YEAR_THREE_PUBLIC.finditer(text))



def identify(lines: list[Line], table_lines: list[Line]) -> Identity:
    """The disclosure's identity from its title lines and table headers."""
    # a title without 部门/单位 (2018年度江苏省高级人民法院预算) counts only when a unit's name leads it
    # nor one whose 'name' is a numbered heading run on into the sentence under it: (一)收入预算 / 2021年单位预算收入…
    # is a section of the page, and its 单位 is no scope of the disclosure's
    titles = [m for m in _title_matches(lines) if (m.group("scope") and not _ITEM_HEADING.match(m.group("name"))) or is_unit_name(_clean_unit(m.group("name")))]
    title_names = [_clean_unit(m.group("name")) for m in titles]
    title_names = [n for n in title_names if (len(n) >= 4 or is_central(n) or TOWN_NAME.fullmatch(n)) and is_unit_name(n) and not re.search(r"[（）()]", n[:2])]
    headers = header_units(table_lines) + header_units(lines[:60])
    years = Counter(int(m.group("year")) for m in titles)
    kinds = Counter(m.group("kind") for m in titles if m.group("kind"))
    scopes = Counter(m.group("scope") for m in titles if m.group("scope"))
    _title_year_fallback(lines, years, kinds)
    names = tuple(n for n in headers + title_names if not _NOT_A_NAME.search(n))
    prose = "".join(line.text for line in lines[:200])
    names, generic, several = complete_generic(names, prose)  # 县委党校 → 中共开江县委党校, as the prose prints it
    if not names:  # no title or header names a unit: the body's sentences may (渠县……中心下设办公室)
        names, generic, several = complete_generic(tuple(n for n in body_unit_names(lines, is_unit_name) if not _NOT_A_NAME.search(n)), prose)
    if not names:  # 市直林业部门2022年度部门预算: the sector's body, named with its city in the body (岳阳市林业局本级)
        names = tuple(sector_unit_names(lines))
    if not names:  # a page naming its unit only in one of its last 20 lines, under its last table or its text: 编制单位：X
        names = tuple(n for n in header_units(lines[-20:]) if not _NOT_A_NAME.search(n))
    if names and resolve_region(" ".join(names)) is None:  # 发布机构 | 德兴市李宅乡人民政府: the unit's full name
        names += tuple(publisher_full_names(lines, names))
        generic = "" if any(starts_with_division(n) for n in names) else generic  # 发布机构 | 开江县委党校 completes it
    year = years.most_common(1)[0][0] if years else None
    region, looked_for = unit_region(names, lines, year)
    tied = tier_tied(names, "\n".join(x.text for x in lines), year) if generic else ""
    if generic and region is not None and not (several or tied) and not tier_fits(names, region):
        # 区委老干部局 on a page naming 重庆市 most and, inside it, one district alone (重庆市沙坪坝区老干部活动中心): that district's
        region = tier_division(names, "\n".join(x.text for x in lines), region, year) or region
    if generic and region is not None and (several or not tier_fits(names, region) or tied):
        # a generic name the page never completes is placed only at its word's tier, in the one division of that tier the
        # page names most: 县委党校 is no body of 达州市, 市博物馆 none of 岳阳市 on a page naming 汨罗市 as often (tied)
        region, looked_for = None, generic + tied
    unit_name, aliases = choose_unit_name(names, region)
    text_all = "\n".join(line.text for line in lines[:200])
    named_scopes, named_kinds = after_name(unit_name, text_all)  # no title read: 现将X 2018 年单位预算公开如下
    scopes, kinds, kind = scopes or named_scopes, kinds or named_kinds, None
    if kinds and kinds["决算"] != kinds["预算"]:
        kind = "final_account" if kinds.most_common(1)[0][0] == "决算" else "budget"
    elif "决算" in text_all or "预算" in text_all:  # no title names the kind, or as many one kind as the other
        plain = _BUDGET_NAMES.sub("", text_all)  # 一般公共预算 names a budget of the government, in a final account too
        kind = "final_account" if plain.count("决算") > plain.count("预算") else "budget"
    if not scopes and any("单户表" in line.text for line in lines[:60]):
        scopes["单位"] += 1  # 编制单位：X[单户表]: one unit's own form, not a department's 汇总表
    own_unit = _names_own_level(titles, title_names + headers) and not _own_level_alone(compact(prose))
    scope = "unit" if (scopes and scopes.most_common(1)[0][0] == "单位") or own_unit else "department"
    published = None
    m = _PUBLISHED.search(compact(text_all))
    if m:
        published = f"{m.group('y')}-{int(m.group('m')):02d}-{int(m.group('d')):02d}"
    level = "" if region is not None and level_unsaid(names, lines, year) else unit_level(unit_name, region)  # 湖南大学: where it stands, not whose
    return Identity(unit_name, aliases, None, year, kind, scope, region, published, names, level, looked_for or ("" if names else unnamed(lines)))


def _names_own_level(titles: list[re.Match[str]], names: list[str]) -> bool:
    """Whether a title or a table header names the body's own unit, (本级) after its name or its year: the page is then
    the 单位 disclosure of that unit, whatever word its title uses (X(本级)2023年部门预算, X2023年度(本级)决算公开报告),
    beside the body's 部门 disclosure of the same year (unless the page says the 部门 is that unit alone). A (本级) inside a sentence of the prose (X(本级)2023年无使用…)
    is no title and no header, and leaves the scope as the title says it."""
    return any(_OWN_LEVEL.search(name) for name in names) or any(m.group("own") for m in titles if "own" in m.re.groupindex)


# The page saying its 部门 is made of its own unit alone: X只有本级,没有其他预算单位; 纳入…编制范围的只有X本级; 本部门仅有X本级
# 一个二级预算单位; the list of its budget's units naming the 本级 and nothing after it: 预算单位构成为：行政单位：X（本级）/ 第二部分…
_OWN_LEVEL_ALONE = re.compile(
    r"(?:只有|仅有|仅含|只包括|仅包括)[\u4e00-\u9fff（）()]{0,30}?本级(?:[)）])?(?:预算|决算)?(?:一个|1个)?(?:二级)?(?:预算|决算)?(?:单位)?(?=[，,。；;]|$)"
    r"|预算单位构成(?:为|是|如下)?[:：]?(?:(?:行政|事业|参公)单位[:：])?[\u4e00-\u9fff]{2,40}?[（(]本级[)）](?=第[一二三四五六七八九十]+部分|[一二三四五六七八九十]、|[。；;]|$)"
)


def _own_level_alone(prose: str) -> bool:
    """Whether the page says its 部门 is its own unit alone, so that its 部门 disclosure and its (本级) one are the
    same document: a title naming the (本级) then keeps the word it uses (长春市信访局（本级）/ 2026年度部门预算公开)."""
    return bool(_OWN_LEVEL_ALONE.search(prose))


def choose_unit_name(names: tuple[str, ...], region: Region | None) -> tuple[str, list[str]]:
    """The unit's full name and its other names.

    The most printed spelling decides which unit it is (table headers count first); of the
    names that spell the same unit, the fullest one (the region written out, then the
    longest) is the official name and the others are aliases.
    """
    if not names:
        return "", []
    votes = Counter(canonical_unit(n, region) for n in names)
    first = {canonical_unit(n, region): i for i, n in reversed(list(enumerate(names)))}
    key = max(votes, key=lambda k: (votes[k], -first[k]))
    same = [n for n in dict.fromkeys(names) if canonical_unit(n, region) == key]
    written_out = [region.province, region.city] if region is not None else []

    def fullness(name: str) -> tuple[int, int]:
        return (sum(1 for part in written_out if part and part in name), len(name))

    unit_name = max(same, key=fullness)
    others = set(names) - {unit_name}
    aliases = sorted(n for n in others if not any(n != o and o.endswith(n) for o in others | {unit_name}))
    return unit_name, aliases


def merge_identities(identities: list[Identity]) -> Identity:
    """One identity for the files of one disclosure (a narrative and its tables file)."""
    first = identities[0]
    if len(identities) == 1:
        return first
    names = tuple(n for i in identities for n in i.names)
    region = next((i.region for i in identities if i.region is not None), None)
    unit_name, aliases = choose_unit_name(names, region)
    published = next((i.published for i in identities if i.published), None)
    unit_name = unit_name or first.unit_name
    looked_for = "" if region is not None else next((i.looked_for for i in identities if i.looked_for), "")
    unsaid = any(i.region is not None and not i.level for i in identities)  # a file that left its placed unit's level unknown
    level = "" if unsaid else unit_level(unit_name, region)
    return Identity(unit_name, aliases, first.unit_code, first.fiscal_year, first.kind, first.scope, region, published, names, level, looked_for)
