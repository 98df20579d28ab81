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
    a sector's 部门 (教育部门) no ministry."""
    text = OWN_LEVEL.sub("", compact(name))
    m = _MINISTRY.match(text)
    return m is not None and len(text) - m.end() >= 2
