"""The central departments whose names do not say they are central (``data/central_departments.csv``)."""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from cnbudget.strings import OWN_LEVEL, compact

DATA = Path(__file__).resolve().parent.parent / "data" / "central_departments.csv"

__all__ = ["central_department", "ministry_body"]

# The State Council's ministries, commissions and 署 by the names they have had since 2008 (a unit of one names its
# ministry first: 水利部长江水利委员会, 农业农村部南京农业机械化研究所, 财政部驻江苏专员办); 国家X委员会 and 中国X
# already say they are central by their opening
_MINISTRY = re.compile(
    r"^(?:中华人民共和国)?(?:(?:外交|国防|教育|科学技术|科技|工业和信息化|公安|国家安全|民政|司法|财政|人力资源和社会保障|人力资源社会保障"
    r"|自然资源|国土资源|生态环境|环境保护|住房和城乡建设|住房城乡建设|交通运输|铁道|水利|农业农村|农业|商务|文化和旅游|文化|卫生"
    r"|退役军人事务|应急管理|监察)部(?!门)|审计署|海关总署)"
)

# The State Council's administrations (国家X局) whose offices in the provinces, cities and counties are theirs, not the
# places' (vertical management, 垂直管理): 国家税务总局湖南省税务局, 国家外汇管理局湖南省分局, 中国人民银行岳阳市中心支行
# each publish a central unit's budget, named with the administration first; and the customs (长沙海关, 海关总署's
# 直属海关), every one of them central. The list is of names since 2008 (国家林业局 became 国家林业和草原局 in 2018).
_ADMINISTRATION = re.compile(
    r"^(?:国家(?:税务总局|统计局|外汇管理局|金融监督管理总局|粮食和物资储备局|粮食局|烟草专卖局|邮政局|药品监督管理局"
    r"|矿山安全监察局|煤矿安全监察局|移民管理局|林业和草原局|林业局|海洋局|知识产权局|市场监督管理总局|质量监督检验检疫总局)"
    r"|中国人民银行|中国银行保险监督管理委员会|中国银行业监督管理委员会|中国证券监督管理委员会|中国气象局|中国地震局)"
)
_CUSTOMS = re.compile(r"^(?:中华人民共和国)?[\u4e00-\u9fff]{2,4}海关$")


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Every listed name, full and short, mapped to the department's full name."""
    out: dict[str, str] = {}
    with DATA.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            for name in (row["name"], *filter(None, row["short"].split(";"))):
                out[name] = row["name"]
    return out


def central_department(name: str) -> str:
    """The full name of the listed central department ``name`` is (共青团中央: 中国共产主义青年团中央委员会), or ''
    where it is none of them in full (共青团安徽省委, 县团委 and 贵州省科协 are a province's or county's)."""
    return _names().get(OWN_LEVEL.sub("", compact(name)), "")


def ministry_body(name: str) -> bool:
    """Whether ``name`` is a unit under one of the State Council's ministries, named with it first (水利部长江水利委员会):
    central wherever the place its own name holds (农业农村部南京农业机械化研究所 is no body of 南京市). The ministry's own
    name alone (水利部) is central by its wording already; a ministry's name inside a name (南部县财政局) is none, and
    a sector's 部门 (教育部门) no ministry. An administration's office (国家税务总局岳阳市税务局) and a customs house
    (长沙海关) are central so too: the place they serve is not whose they are."""
    text = OWN_LEVEL.sub("", compact(name))
    m = _MINISTRY.match(text) or _ADMINISTRATION.match(text)
    return (m is not None and len(text) - m.end() >= 2) or _CUSTOMS.match(text) is not None
