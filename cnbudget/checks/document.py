"""The document as a whole: the tables it must print, the years it names, the form of its codes."""

from __future__ import annotations

import re

from cnbudget.checks.base import Check, Checker, at, page_at, side
from cnbudget.model import Evidence
from cnbudget.normalise.evidence import CUT_ANYWHERE

REQUIRED_KINDS = {
    "summary": "收支总表",
    "function": "一般公共预算支出表",
    "basic_economic": "一般公共预算基本支出表",
    "three_public": "“三公”经费支出表",
}


def check_required_tables(c: Checker) -> None:
    """Each required table printed, missing with the reason the document gives, or missing unexplained (subject: the table kind).

    A document that prints no figure in any table and names its tables as an attachment (附件：…部门预算报表) is the
    narrative part of a disclosure whose tables are published in another file: its tables are missing with a reason.
    A table printed with its header only (no figure) is printed, and said to be empty.
    """
    blocks = c.d.evidence.blocks
    explained = c.d.evidence.empty_explained
    # a file whose every “table” is empty (titles in a list of attachments) and that names its tables as attached
    no_figures = all(b.empty for b in blocks)
    attached = c.d.evidence.attachments if no_figures else []
    # a page (HTML) that prints no table and links files: its tables are those files, not missing from it
    linked = re.findall(r"〔链接文件：([^〕]+)〕", c.d.evidence.prose) if no_figures else []
    part = _part_only(c)
    for kind, label in REQUIRED_KINDS.items():
        printed = next((b for b in blocks if b.kind == kind), None) or next((b for b in blocks if kind == "function" and b.kind == "expenditure"), None)
        wanted = side(f"应公开的《{label}》", label)
        if printed is not None and printed.empty and no_figures:
            printed = None  # every title with no figure under it: a 目录's or an attachment list's lines, no table printed
        if printed is not None and not attached:
            found = side(f"文件中的《{printed.title}》", label, printed.page)
            empty = "，表中没有任何数字（空表）" if printed.empty else ""
            c.result(
                "required-table-present",
                kind,
                True,
                wanted,
                found,
                f"the {label} is printed" + (" (empty: no figure in it)" if printed.empty else ""),
                detail=f"文件印有{label}：《{printed.title}》{at(found.pages)}{empty}。",
            )
        else:
            status, en, detail = _missing(label, any(label[:4] in e for e in explained), c.d.evidence.attachments, linked, not no_figures)
            if status is False and part is not None:
                status, en, detail = None, f"the {label} is not in this file, which is only part of a disclosure ({part[0]})", part[1]
            cut = _cut_before(c.d.evidence, kind)
            if status is False and part is None and cut is not None:
                status, en, detail = None, f"the {label} is not in this copy, whose text ends inside an earlier table ({cut})", (
                    f"本文件的文字在《{cut}》中截断（表未印完），其后的表格不在本文件中，无从判断是否缺少{label}。"
                )
            c.result("required-table-present", kind, status, wanted, side("文件", None), en, detail=detail)


# the order a disclosure prints its tables in: 收支总表, 收入表, 支出表, 财政拨款收支总表, 一般公共预算支出表, its 基本支出表,
# 政府性基金, 国有资本经营, “三公”
_ORDER = ("summary", "revenue", "expenditure", "fiscal_summary", "function", "fiscal_detail", "basic_economic", "economic", "fund", "state_capital", "three_public")


def _cut_before(evidence: Evidence, kind: str) -> str | None:
    """The title of a table the copy's text ends inside (before its total row) that comes before tables of ``kind``, or None.

    Such a copy cannot show that a later table is missing; a table that would come before the cut one still can.
    A copy whose text stops inside a sentence cannot show any table missing.
    """
    for cut_kind, title in evidence.cut_tables:
        if cut_kind == CUT_ANYWHERE:
            return title
        if cut_kind in _ORDER and kind in _ORDER and _ORDER.index(cut_kind) < _ORDER.index(kind):
            return title
    return None


def _part_only(c: Checker) -> tuple[str, str] | None:
    """Why a file is only part of a disclosure, whose other tables are published apart (English, Chinese), or None.

    No table with a figure at all (prose, or a 目录, whose tables Beijing publishes in a file of their
    own), or one table with no prose (a “三公” page on its own): a table it lacks is not missing from the
    disclosure, and not a contradiction of the file.
    """
    printed = [b for b in c.d.evidence.blocks if not b.empty]
    prose = "。" in c.d.evidence.prose or "〔链接文件" in c.d.evidence.prose  # a sentence or a link, not only the table's title
    if not printed:
        return "no table printed", "本文件没有印任何有数字的表格（只有文字说明或目录），表格当另行公开，不在本文件中，不作判断。"
    if len(printed) == 1 and len(c.d.evidence.blocks) == 1 and not prose and not c.d.evidence.attachments:
        return f"one table only, {printed[0].title}", f"本文件只有一张表（《{printed[0].title}》），没有文字说明，是单独公开的一张表，其他表格不在本文件中，不作判断。"
    heading = _heading(c.d.evidence)
    if heading and all(b.kind == "three_public" for b in printed):
        return f"a “三公” disclosure on its own, {heading}", f"本文件标题为“{heading}”，是单独公开的“三公”经费，其他表格不在本文件中，不作判断。"
    return None


# the heading of a “三公” disclosure published on its own (“…2021年度一般公共预算财政拨款“三公”经费支出决算情况说明”),
# not a whole 部门预算/决算 that also names “三公”
_THREE_PUBLIC_HEADING = re.compile(r"[^。，,；;]{0,60}[“\"]三公[”\"]经费[^。，,；;]{0,20}(?:说明|公开|情况|预算|决算)")
_WHOLE = re.compile(r"(?:部门|单位)(?:预算|决算)")


def _heading(evidence: Evidence) -> str:
    """The prose's first line when it is the heading of a “三公” disclosure published on its own, else ""."""
    end = evidence.prose_starts[1] if len(evidence.prose_starts) > 1 else len(evidence.prose)
    first = evidence.prose[:end].strip()
    return first if _THREE_PUBLIC_HEADING.fullmatch(first) and not _WHOLE.search(first) else ""


def _missing(label: str, explained: bool, attached: list[str], linked: list[str], some_printed: bool = False) -> tuple[bool | None, str, str]:
    """Why a required table is not in the file (status, English, Chinese): said by the document, elsewhere, or not at all (False)."""
    if explained:
        return None, f"the {label} is missing and the document says why", f"文件没有{label}，并说明了原因。"
    if attached:
        printed = ("prints some tables but", "本文件只印了部分表格，") if some_printed else ("prints no table and", "本文件没有印任何表格，")
        return (
            None,
            f"the {label} is not in this file: the document {printed[0]} names its tables as an attachment ({attached[0]})",
            f"{printed[1]}并说明报表作为附件另行公开（“{attached[0]}”），附件不在本文件中。",
        )
    if linked:
        return (
            None,
            f"the {label} is not on this page: the page prints no table and links {len(linked)} files ({linked[0]})",
            f"本页没有印任何表格，而链接了 {len(linked)} 个文件（如“{linked[0]}”），表格当在所链接的文件中，不在本文件中。",
        )
    return False, f"the {label} is not in the document, and the document does not say why", f"文件没有{label}，也没有说明原因。"


# the year before named where only the document's own year fits: “2022年无…”, “纳入X2022年度部门决算编制范围” in a 2023
# final account (its scope sentence left from last year's document), “第二部分 2023年度部门决算情况说明” heading a 2024 one
_LAST_YEARS_OWN = re.compile(r"(?:无|没有|未)|(?:部门|单位)(?:预算|决算)(?:编制范围|情况说明)")


def check_years(c: Checker) -> None:
    """Years the prose names about money that fit neither the fiscal year nor a comparison with the one before.

    Subject: the year and where the prose names it (``2022@1234``, a character offset in the prose); ``all`` when every year fits.
    """
    fy = c.d.meta.get("fiscal_year")
    text = c.d.evidence.prose
    if not fy or not text:
        return
    bad = []
    for m in re.finditer(r"(20\d{2})年度?", text):
        year = int(m.group(1))
        before, after = text[max(0, m.start() - 4) : m.start()], text[m.end() : m.end() + 8]
        left_over = year == fy - 1 and not re.search(r"[比较与同至止]|上$", before) and bool(_LAST_YEARS_OWN.match(after))
        if year in (fy, fy - 1) and not left_over:
            continue
        if re.search(r"[比较与同至止底]", before) and year == fy - 1:
            continue
        if re.search(r"^(?:\d{1,2}月|年底|年末|期末|\d|[-—至])", after) or year > fy:
            continue
        if re.search(r"(?:结转|结余|来自|来源于)$", before):
            continue  # “去年结转2016年财政设备购置投入”: the year the money came from is history, not the year written wrong
        if re.search(r"^(?:及|和)?(?:以往|以前|之前)", after):
            continue  # “地铁综合补贴(含2022年及以往)”: the years up to it, named on purpose
        if year < fy - 1 and _earlier_on_purpose(text, m.start(), m.end(), fy):
            continue  # “比上年…增加…；比2019年(疫情前)决算数减少…”: a second comparison, with a year named as such
        if text.rfind("《", 0, m.start()) > text.rfind("》", 0, m.start()):
            continue  # “《四川省预决算公开操作规程(2022年修订)》”: a year in a document's title is the title's
        sentence = text[max(0, m.start() - 20) : m.end() + 20]
        if re.search(r"预算|决算|经费|支出|收入|万元", sentence):
            bad.append((year, m.start(), sentence))
    for year, position, sentence in bad[:5]:
        c.result(
            "fiscal-year-consistent",
            f"{year}@{position}",
            False,
            side("公开文件的年度", str(fy)),
            side("文字说明所写的年度", str(year)),
            f"the prose names {year} where the {fy} disclosure is meant: “…{sentence}…”",
            detail=f"{fy}年度的公开文件，文字说明却写作{year}年：“…{sentence}…”。",
        )
    if not bad:
        c.result(
            "fiscal-year-consistent",
            "all",
            True,
            side("公开文件的年度", str(fy)),
            side("文字说明所写的年度", str(fy)),
            f"every year the prose names fits the {fy} disclosure",
            detail=f"文字说明中涉及金额的年度都与{fy}年度的公开文件相符。",
        )


_COMPARED = re.compile(r"(?:比|较|与|同)$")
_GLOSS = re.compile(r"^度?[（(][^（()）]{0,6}前[)）]")  # 2019年(疫情前): the year glossed as an earlier one, on purpose


def _earlier_on_purpose(text: str, start: int, end: int, fy: int) -> bool:
    """Whether the year at text[start:end] is a comparison with an earlier year the prose names as such, not the disclosure's year.

    A comparison (比2019年) that glosses its year (比2019年(疫情前)), or that follows, in the same sentence, the
    comparison with the year before (比上年…；比2019年…): the prose compares with that year on purpose. A lone
    比2022年 in a 2024 disclosure is still the wrong year (where 2023 is meant).
    """
    if not _COMPARED.search(text[max(0, start - 1) : start]):
        return False
    if _GLOSS.match(text[end : end + 12]):
        return True
    sentence = text[max(text.rfind("。", 0, start) + 1, start - 200) : start]
    return bool(re.search(rf"(?:比|较|与|同)(?:上年|上一年|去年|{fy - 1}年)|同比", sentence))


def check_codes(c: Checker) -> None:
    """One result (subject ``all``): whether every function code has 3, 5 or 7 digits and every economic code 3 or 5."""
    bad = [r["function_code"] for r in c.d.rows.get("expenditure_by_function", []) if r.get("function_code") and len(r["function_code"]) not in (3, 5, 7)]
    bad += [r["economic_code"] for r in c.d.rows.get("basic_expenditure_by_economic", []) if r.get("economic_code") and len(r["economic_code"]) not in (3, 5)]
    sentence = "功能分类科目编码应为 3、5 或 7 位，经济分类科目编码应为 3 或 5 位"
    c.result(
        "codes-well-formed",
        "all",
        not bad,
        side("科目编码", None),
        side("所印编码", ";".join(dict.fromkeys(bad)) or None),
        "every function code has 3, 5 or 7 digits and every economic code 3 or 5",
        detail=f"{sentence}：" + (f"{len(bad)} 个编码位数不对（{'、'.join(dict.fromkeys(bad))}）。" if bad else "全部相符。"),
    )


# the sentence that introduces what a page publishes: 现将2021年部门预算公开如下 (a 预决算 names both kinds: not judged)
_INTRODUCED = re.compile(r"现将[^。；;]{0,40}?(?P<year>20\d{2})年度?[^。；;\d]{0,12}?(?<![预决])(?P<kind>预算|决算)(?:[^。；;]{0,10}?)(?:公开|报告|说明)(?:如下|于后|如后)")
_KIND_WORDS = {"budget": "预算", "final_account": "决算"}


def check_kind_introduced(c: Checker) -> None:
    """The sentence introducing what the page publishes names the document's own kind for its own year.

    A final account that opens “现将2021年部门预算公开如下” (the budget template's sentence left in) fails; a sentence
    about another year, or naming 预决算, is not judged. Subject: the kind named and where (``预算@12``).
    """
    fy, kind = c.d.meta.get("fiscal_year"), c.d.meta.get("kind")
    own = _KIND_WORDS.get(str(kind))
    if not fy or own is None:
        return
    text = c.d.evidence.prose
    for m in _INTRODUCED.finditer(text):
        if int(m.group("year")) != fy or m.group("kind") == own:
            continue
        page = page_at(c.d, m.start())
        c.result(
            "kind-introduced-agrees",
            f"{m.group('kind')}@{m.start()}",
            False,
            side("公开文件的类别", f"{fy}年度{own}"),
            side(f"文字说明开头所称“{m.group(0)}”", f"{fy}年度{m.group('kind')}", page),
            f"the sentence introducing the page names a {m.group('kind')} where the document is the {fy} {own}",
            detail=f"{fy}年度{own}公开文件，文字说明却以“{m.group(0)}”{at(page)}开头：所称类别与文件不符（疑为另一类模板的句子未改）。",
            severity="mismatch",
        )


CHECKS: tuple[Check, ...] = (check_required_tables, check_years, check_codes, check_kind_introduced)
