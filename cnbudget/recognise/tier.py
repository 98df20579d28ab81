"""Whose a body is, by what its own page says of it: a province's (省属), a city's (市属) or the central government's.

A body named by a short form alone cannot be placed by its name: 广东医学院 and 广州航海学院 are 广东省's
colleges, but 山东大学 and 中山大学 open with a province's and a city's short form in the same way and are
central universities (教育部直属). The page tells them apart where it says so: ``省属``, ``省直单位``, ``是省级
预算单位``, a provincial department over the body or approving its budget (``隶属于广东省教育厅``, ``经省财政厅批复``)
or a cited approval of its budget by such a department (``《陕西省教育厅关于2016年部门预算批复的通知》``), against ``教育部直属``, ``部属高校``, ``中央高校``, ``中央级事业单位``. Where a page says neither, or both, the tier is
unknown and the body is placed by nothing it says of itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cnbudget.model import Line
from cnbudget.strings import compact

__all__ = ["TierSaid", "tier_said"]

# A province's own department: 省教育厅, 省卫生健康委员会, 广东省卫生计生委 (省委's departments are the party's, 省委组织部)
_PROVINCE_DEPARTMENT = r"省(?:人民政府|政府|(?!委)[\u4e00-\u9fff]{1,10}?(?:厅|委员会|委))"
_CITY_DEPARTMENT = r"(?<!省)市(?:人民政府|政府|(?!委|场)[\u4e00-\u9fff]{1,10}?(?:局|委员会|委))"
# a department over the body, or approving its budget: 省教育厅主管, 经市财政局批复 (not 批准: 经省人民政府批准设立 is how
# every college is founded, a city's too: 山西师范大学临汾学院)
_OVER = r"(?:直属|所属|主管|主办|举办|批复)"
# 本省属于, 各省属高校 (every province's, not this body's), 省直辖县级市 (a county-level city under the province: 潜江市)
_NOT_OWN = r"(?<![本我全该各])"
_PROVINCE = re.compile("|".join((
    _NOT_OWN + r"省属(?!于)",
    _NOT_OWN + r"省直(?!管|辖)属?(?:单位|部门|机关|事业单位|高校|院校|医院|学校)",
    _NOT_OWN + r"省管(?:高校|院校|单位|企业|事业单位)",
    r"(?:是|为|系|属于?)(?:一[所家个])?省级(?:一级)?(?:预算)?(?:单位|部门|机关|事业单位|行政单位)",
    _PROVINCE_DEPARTMENT + _OVER,
    r"(?:隶属于?|直属于|主管部门(?:为|是))[\u4e00-\u9fff]{0,6}?" + _PROVINCE_DEPARTMENT,
)))
_CITY = re.compile("|".join((
    _NOT_OWN + r"(?<!省)市属(?!于)",
    _NOT_OWN + r"(?<!省)市直(?!管|辖)属?(?:单位|部门|机关|事业单位|高校|院校|医院|学校)",
    _NOT_OWN + r"(?<!省)市管(?:高校|院校|单位|企业|事业单位)",
    _CITY_DEPARTMENT + _OVER,
    r"(?:隶属于?|直属于|主管部门(?:为|是))[\u4e00-\u9fff]{0,6}?" + _CITY_DEPARTMENT,
)))
# The central government's: a ministry or a national commission over the body, a ministry's or the centre's own
# institution, a budget the ministry approves, either way round (教育部直属, 直属于教育部). (中央八项规定, 中央财政补助, the
# 教育部门 of every tier say nothing of whose the body is.)
_MINISTRY = (
    r"(?:教育|工业和信息化|工信|交通运输|农业农村|农业|自然资源|公安|司法|外交|商务|水利|民政|卫生|文化和旅游|应急管理|财政)部(?!门)"
    r"|国家民委|国家[\u4e00-\u9fff]{1,8}?(?:委员会|总局|局)|中国科学院|中国社会科学院"
)
_CENTRAL = re.compile("|".join((
    r"(?:" + _MINISTRY + r")(?:直属|直接管理|主管|所属)",
    r"(?:直属于?|隶属于?)(?:" + _MINISTRY + r")",
    r"(?<![全内局本])部属(?:高校|院校|高等学校|重点大学|大学|单位|事业单位)",
    r"中央(?:部门|部委|国家机关)?(?:直属|所属)(?:高校|院校|单位|事业单位|机构)",
    r"中央(?:高校|部属|直管|级事业单位|级公益性)|中管高校",
    r"(?:教育部|财政部)(?:审核)?批复",
)))


@dataclass(frozen=True)
class TierSaid:
    """What a page says of whose its body is: ``tier`` is ``province``, ``city`` or ``central`` where the page
    says one and no other, None where it says none or more than one; ``words`` are what it printed, by tier."""

    tier: str | None
    words: dict[str, tuple[str, ...]]


# the page's own words for its body: 本院, 我校, 该单位, 学院 (a sentence of the body without its name)
_SELF = re.compile(r"(?:本|我|该)(?:院|校|单位|部门|局|中心|所|馆|会)|^(?:学院|学校|大学|医院)")
# a title cited in the sentence (《安徽省省直机关公务接待管理暂行办法》) says nothing of the body, but the approval of its
# budget it cites does: 根据《陕西省教育厅关于2016年部门预算批复的通知》, X2016年部门预算财政拨款… (a province's department
# approves the budgets of the province's bodies, as 经省财政厅批复 says; 教育部 those of its own universities)
_CITED = re.compile(r"《[^《》]*》")
_APPROVAL = r"关于[^《》]{0,30}?(?:部门|单位)?(?:预算|决算)[^《》]{0,6}?批复[^《》]*》"
_APPROVALS = (
    ("province", re.compile(r"《[\u4e00-\u9fff]{0,10}?" + _PROVINCE_DEPARTMENT + _APPROVAL)),
    ("city", re.compile(r"《[\u4e00-\u9fff]{0,10}?" + _CITY_DEPARTMENT + _APPROVAL)),
    ("central", re.compile(r"《(?:中华人民共和国)?(?:教育部|财政部)" + _APPROVAL)),
)


def tier_said(lines: list[Line], names: tuple[str, ...]) -> TierSaid:
    """Whose the page's body is by its first lines' sentences about it (those printing one of ``names``, or
    本院/我校/该单位), less the titles they cite: the tier one kind of words gives (省属, 市属, 教育部直属), and the words found."""
    sentences = [(s, _CITED.sub("", s)) for s in re.split(r"[。；;！!？?]", "".join(compact(line.text) for line in lines[:200]))]
    mine = [(raw, bare) for raw, bare in sentences if any(n and n in bare for n in names) or _SELF.search(bare)]
    cited, own = [raw for raw, _ in mine], [bare for _, bare in mine]
    words = {
        tier: tuple(dict.fromkeys(m.group() for s in own for m in pattern.finditer(s)))
        for tier, pattern in (("province", _PROVINCE), ("city", _CITY), ("central", _CENTRAL))
    }
    for tier, pattern in _APPROVALS:  # the approval of its budget the sentence cites: the tier of the approving department
        words[tier] += tuple(dict.fromkeys(m.group() for s in cited for m in pattern.finditer(s) if m.group() not in words[tier]))
    said = [tier for tier, found in words.items() if found]
    return TierSaid(said[0] if len(said) == 1 else None, {tier: found for tier, found in words.items() if found})
