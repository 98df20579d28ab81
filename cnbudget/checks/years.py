"""Comparisons with a year that cannot be meant: a budget for year N compared with “N年预算”, itself.

A budget's change is on the year before (N−1). “2024年预算……比2024年预算减少 51.46 万元” in a
2024 budget compares the budget with itself: the year is wrong. (A year two back where the year
before is meant is ``document.check_years``'s.) A final account may compare its 决算 with the
same year's 预算, so a final account is checked only where it names the 决算 it compares with (“2020年度本年支出合计…
比2020年决算数减少…” in the 2020 final account is itself). A project's 实施周期 in years that leave out the
disclosure's own is a year printed wrong too, and so is a final account dated before its year ended
(“2023年度…决算”, “公开时间:2023年11月11日”): a year's final account is drawn up after the year closes.
"""

from __future__ import annotations

import re

from cnbudget.checks.base import Check, Checker, at, page_at, side
from cnbudget.strings import compact

LIMIT = 5


def check_compared_with_itself(c: Checker) -> None:
    """“比 N 年（预算）增加/减少…” in the budget for year N; “比 N 年决算（数）增加/减少…” in the final account for year N.
    Subject: the words and their offset (``比2024年@1234``)."""
    year, kind = c.d.meta.get("fiscal_year"), c.d.meta.get("kind")
    text = c.d.evidence.prose
    if not isinstance(year, int) or kind not in ("budget", "final_account") or not text:
        return
    # a final account's own year is compared with only where the 决算 is named (its 预算 is a fair comparison)
    named = "(?:预算|预算数|财政拨款收支总预算|收支预算总数)?" if kind == "budget" else "(?:决算|决算数)"
    pattern = re.compile(
        rf"(?:比|较|与|同)({year})年度?(?:年初)?(?:部门)?{named}(?:相比|相较|比较)?[^。；;]{{0,12}}?(?:增加|减少|增长|下降|持平|上升|降低)"
    )
    what = "预算" if kind == "budget" else "决算"
    for m in list(pattern.finditer(text))[:LIMIT]:
        page = page_at(c.d, m.start())
        quote = text[max(0, m.start() - 24) : m.end() + 12]
        c.result(
            "comparison-year-valid",
            f"{m.group(0)[:8]}@{m.start()}",
            False,
            side("应比较的上一年度", str(year - 1)),
            side("文字说明所写的比较年度", str(year), page),
            f"the {year} {'budget' if kind == 'budget' else 'final account'} is compared with {year}, itself: “…{quote}…”",
            detail=f"{year}年{what}的文字说明{at(page)}与{year}年本身比较：“…{quote}…”，比较年度应为{year - 1}年。",
            severity="mismatch",
        )


_PERIOD = re.compile(r"实施(?:周期|期限|年限)[:：为是\s]{0,3}((20\d{2})\s*年?(?:度|\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?(?:\s*(?:至|到|[-—－~～])\s*(20\d{2})\s*年?(?:度|\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?)?)")


def check_project_period(c: Checker) -> None:
    """A project's 实施周期 the prose gives in years that leave out the disclosure's own (“实施周期：2022年1月至2022年12月” in 2024).

    A budget's project runs in its year; a final account's did. A period of years (2023—2025) that holds
    the year fits it. Subject: the period as printed and its offset (``2022年1月至2022年12月@1234``).
    """
    year = c.d.meta.get("fiscal_year")
    text = c.d.evidence.prose
    if not isinstance(year, int) or not text:
        return
    for m in list(_PERIOD.finditer(text))[:LIMIT]:
        start = int(m.group(2))
        end = int(m.group(3)) if m.group(3) else start
        page = page_at(c.d, m.start())
        period = m.group(1).strip()
        ok = start <= year <= end
        c.result(
            "project-period-year",
            f"{period}@{m.start()}",
            ok,
            side("公开文件的年度", str(year)),
            side("文字说明所写的项目实施周期", period, page),
            f"a project's period “{period}” " + ("holds" if ok else "leaves out") + f" the disclosure's year {year}",
            detail=f"{year}年度的公开文件，文字说明{at(page)}所写的项目实施周期为“{period}”" + ("，含本年度。" if ok else f"，不含{year}年：年度不符。"),
            severity=None if ok else "mismatch",
        )


# the date the document says it was published or issued (公开时间:2023年11月11日, 发布日期:2024-08-20); a web page's
# 生成日期 (when its record was made) is not one
_DATED = re.compile(r"(?P<label>公开(?:时间|日期)|发布(?:时间|日期)|成文日期|发文日期)\s*[:：|]?\s*(?P<date>(?P<y>20\d{2})\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}))")


def check_final_account_dated(c: Checker) -> None:
    """A final account's publication date against its fiscal year: the 决算 of year N is published in N+1 or later.

    A date in year N or before it (“2023年度…决算”, “公开时间:2023年11月11日”) comes before the year it accounts for
    has closed: the year of the title or the date is wrong. Budgets are not judged (one may be published before its
    year begins). Subject: the date's label and its offset (``公开时间@120``).
    """
    year, kind = c.d.meta.get("fiscal_year"), c.d.meta.get("kind")
    text = c.d.evidence.prose
    if not isinstance(year, int) or kind != "final_account" or not text:
        return
    # the words that name the year's 决算 (“2023年度四川省万源市第三中学决算”), quoted as the other side where the prose prints them
    named = re.search(rf"{year}\s*年(?:度)?[^。；;，,\d]{{0,30}}?决算", text)
    title = f"“{named.group(0)}”{at(page_at(c.d, named.start()))}" if named else f"{year}年度的决算"
    for m in list(_DATED.finditer(text))[:LIMIT]:
        dated = int(m.group("y"))
        ok = dated > year
        page = page_at(c.d, m.start())
        said = compact(m.group(0))
        c.result(
            "final-account-dated-after-year",
            f"{m.group('label')}@{m.start()}",
            ok,
            side("决算所属年度终了之后", f"{year + 1}年及以后", page_at(c.d, named.start()) if named else None),
            side("文件所写的日期", said, page),
            f"the {year} final account is dated “{said}”, " + ("after" if ok else "before") + " its year closed",
            detail=f"文件所称{title}，所写日期“{said}”{at(page)}"
            + ("在该年度终了之后，相符。" if ok else f"不晚于{year}年：决算应在年度终了后编制公开，年度或日期有误。"),
            severity=None if ok else "mismatch",
        )



CHECKS: tuple[Check, ...] = (check_compared_with_itself, check_project_period, check_final_account_dated)
