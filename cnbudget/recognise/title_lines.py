"""A title's line put right before it is matched: what text layers and templates do to where a title's year stands.

- a year the text layer moved to a line of its own (重庆市商务委员会 年部门预算情况说明 / 2026);
- a year between the government and its unit (雷州市2018年龙门镇人民政府部门预算), put first;
- a year printed in Chinese numerals, as covers and formal titles print it (岳阳市教育局二〇二一年部门预算);
- a year in brackets after the kind (岳阳市教育局部门决算（2020年度）), put before it;
- a portal's label before the title (信息名称 舟曲县第二幼儿园2023年部门决算公开说明), taken off.
"""

from __future__ import annotations

import re

from cnbudget.model import Line
from cnbudget.official.regions import full_names_end
from cnbudget.strings import compact

__all__ = ["YEAR_ALONE", "title_texts"]

# A year printed on its own: （2026年度） under a table title, or 2026 a text layer pulled off its title
YEAR_ALONE = re.compile(r"^[（(]?(?P<year>20\d{2})(?:年度?)?[)）]?$")
# A title whose year the text layer moved away: 重庆市商务委员会 年部门预算情况说明 / 2026
_YEARLESS_TITLE = re.compile(r"(?<![\d上下当本今明去全每往历同])(?=年度?(?:部门|单位)(?:预算|决算))")
# a year of four Chinese numerals before 年 (二〇二一年, 二○二一年, 二零二一年)
_CHINESE_YEAR = re.compile(r"二[〇○零]([〇○零一二三四五六七八九])([〇○零一二三四五六七八九])(?=年)")
_DIGIT = {c: str(k) for k, c in enumerate("零一二三四五六七八九")} | {"〇": "0", "○": "0"}
# the kind, then its year in brackets: 部门决算（2020年度）, 单位预算(2021年)
_YEAR_AFTER_KIND = re.compile(r"(?P<kind>(?:部门|单位)(?:预算|决算))[（(](?P<year>20\d{2})年度?[)）]")


# a portal's label printed before a page's title in its table of metadata: 信息名称 X2023年部门决算公开说明, 标  题:X
_PORTAL_LABEL = re.compile(r"^(?:信息名称|信息标题|文章标题|文件名称|标题)[:：]?(?=.)")


def title_texts(lines: list[Line]) -> list[str]:
    """The lines' texts, compacted, each with its title's year where a title's year stands (2021年 before the kind)."""
    texts = _restore_years([_year_before_kind(_arabic_year(_PORTAL_LABEL.sub("", compact(line.text)))) for line in lines])
    return [_year_first(text) for text in texts]


def _arabic_year(text: str) -> str:
    """``text`` with a year of Chinese numerals in Arabic digits: 二〇二一年 → 2021年."""
    return _CHINESE_YEAR.sub(lambda m: "20" + _DIGIT[m.group(1)] + _DIGIT[m.group(2)], text)


def _year_before_kind(text: str) -> str:
    """``text`` with a year bracketed after the kind put before it: 部门决算（2020年度） → 2020年度部门决算."""
    return _YEAR_AFTER_KIND.sub(lambda m: m.group("year") + "年度" + m.group("kind"), text)


def _restore_years(texts: list[str]) -> list[str]:
    """Lines with a title's year put back where a text layer took it off (年部门预算 and 2026 on the next line)."""
    out = list(texts)
    for i, text in enumerate(texts):
        if not _YEARLESS_TITLE.search(text):
            continue
        for j in (i + 1, i - 1):
            m = YEAR_ALONE.match(texts[j]) if 0 <= j < len(texts) else None
            if m:
                out[i] = _YEARLESS_TITLE.sub(m.group("year"), text, count=1)
                # the year now stands in its title: its own line would cut the name from it (X局 / 2021 / 年部门预算)
                out[j] = ""
                break
    return out


# a title whose year stands between the government and its unit: 雷州市2018年龙门镇人民政府部门预算, 岳阳县2015年度移民局“三公”经费决算
_YEAR_INSIDE = re.compile(r"(?P<year>20\d{2}年度?)(?![省市区县]级)(?=[\u4e00-\u9fff]{2,40}?(?:部门|单位)?(?:[“\"]?三公[”\"]?经费)?(?:预算|决算))")


def _year_first(text: str) -> str:
    """A title with its year after the divisions that open it, the year put first (2018年雷州市龙门镇人民政府部门预算),
    so the unit reads with its government; a line that opens with no division's full name is left as it is."""
    m = _YEAR_INSIDE.match(text, full_names_end(text, 0))
    if m is None or m.start() == 0:
        return text
    return m.group("year") + text[: m.start()] + text[m.end() :]
