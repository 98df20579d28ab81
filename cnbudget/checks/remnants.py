"""What the filer left of the template: both alternatives of a choice, instructions addressed to the filer, blanks left unfilled.

A template offers “增加（减少）”, “增长/下降” for the filer to choose one; a document that prints
both says neither. Instructions (“请根据各单位实际列支情况罗列…”, “…仍保留该表格式”) are words to
the filer, not to the reader. Each failure quotes the words as printed, with their page.
"""

from __future__ import annotations

import re

from cnbudget.checks.base import Check, Checker, at, page_at, sentence_start, side

_UP, _DOWN = ("增加", "增长", "上升", "提高"), ("减少", "下降", "降低")
_WORD = "|".join(_UP + _DOWN)
# the second in brackets may be offered with 或: “增加(或减少)0万元,增长(或下降)0%”
_BOTH = re.compile(rf"({_WORD})(?:[/／]|[（(]或?)({_WORD})[)）]?")
# “同比增长下降57%”: the two directions run together, no mark between them, before the figure they govern
_RUN = re.compile(rf"({_WORD})({_WORD})(?=\s*[\d.]+\s*(?:%|％|万元|元))")
# “决算数大小于预算数”: the template's 大于 and 小于 run into one word
_MERGED = re.compile(r"(大)(小)于(?=[^。；;]{0,4}预算)|(小)(大)于(?=[^。；;]{0,4}预算)")
_INSTRUCTION = re.compile(
    r"请(?:根据|按照|按|结合)[^。）)]{0,40}?(?:罗列|填列|填写|填报|增减|删减|删除|列示|补充)[^。）)]{0,30}"
    r"|[^。；;，,]{0,30}仍(?:需|应)?保留(?:该|此|本)?表(?:格)?(?:格式)?[^。；;]{0,20}"
    # “5、请对“三公”经费增减变化原因等进行说明”: the filer asked to explain, left in the table's notes
    r"|请(?:对|就)[^。；;]{1,30}?(?:进行|作出|做出|予以|加以)?(?:说明|解释|分析)"
    # “部门应当按照部门预算管理要求,参照公开模板进行专业名词解释”: what the filer should do with the template
    r"|(?:应当|应|须|需要)[^。；;]{0,24}?(?:参照|按照|依照)[^。；;，,]{0,8}模板[^。；;]{0,24}"
    # “对本部门(单位)及所属预算单位构成进行详细说明。如:”: the filer asked to explain (the template's 部门(单位), or its example after 如:)
    r"|对[^。；;，,]{0,4}部门[（(]单位[)）][^。；;]{0,30}?进行[^。；;]{0,4}(?:说明|介绍|分析)"
    r"|对[^。；;，,]{2,30}?进行(?:详细|具体|简要)(?:说明|介绍|分析|阐述)(?=[。；;]\s*(?:如|例如)[:：])"
    # “这部分主要介绍本单位机构设置情况,格式和内容没有固定要求,可以参考但不限于以下内容:”: the template's note on how to fill a part
    r"|格式(?:和|与|、)?内容(?:没有|无|不作|不做)固定要求[^。；;:：]{0,30}"
    r"|可(?:以)?参考(?:但)?不限于(?:以下|下列)内容"
    # a heading's bracketed note to the filer: “(需公开内设机构数量和下属单位数量及名称)”, “(比照预算公开的内容格式)”; a
    # writer's aside (“（需说明的是，…）”) names nothing to state
    r"|[（(](?:需|须|应|请)(?:公开|填写|说明|列明|写明|注明|列示)(?!的是)[^()（）。]{0,40}[)）]|[（(]比照[^()（）。]{0,30}(?:格式|内容)[)）]"
    # “由单位根据三定方案等相关规定中有关内部机构设置填写”: who fills the part in, and from what, left above what was filled in
    # (a clause ending on 填写 with no subject of its own: “本表由单位根据账簿填写完成” reports what was done; the heading
    # before it may run on, 二、机构设置由单位根据…)
    r"|(?<![表据均已是])由(?:单位|部门|各单位|各部门)根据[^。；;\n]{0,40}?填写(?=[。；;\n]|$)"
)
LIMIT = 5  # results of one kind per document: enough to show the remnant, not a page of them


def _quote(text: str, start: int, end: int) -> str:
    return text[max(0, start - 12) : min(len(text), end + 12)]


def check_both_alternatives(c: Checker) -> None:
    """A change printed with both of the template's directions (“下降（增长）27.78%”, “增加/减少 0 万元”, “增长下降57%”,
    “决算数大小于预算数”).

    Subject: the words and their offset in the prose (``下降（增长）@1234``).
    """
    text = c.d.evidence.prose
    found, sentences = [], set()
    for m in sorted([*_BOTH.finditer(text), *_RUN.finditer(text), *_MERGED.finditer(text)], key=lambda m: m.start()):
        sentence = text.rfind("。", 0, m.start())
        merged = m.re is _MERGED
        if (merged or (m.group(1) in _UP) != (m.group(2) in _UP)) and sentence not in sentences:
            sentences.add(sentence)  # one result per sentence: “增加/减少 0 万元，增长/下降 0%” is one remnant
            found.append(m)
    for m in found[:LIMIT]:
        page = page_at(c.d, m.start())
        quote = _quote(text, m.start(), m.end())
        c.result(
            "template-alternatives-chosen",
            f"{m.group(0)}@{m.start()}",
            False,
            side("模板给出的两种说法之一", None),
            side("文字说明所写", m.group(0), page),
            f"the prose keeps both of the template's alternatives: “{m.group(0)}”",
            detail=f"文字说明“…{quote}…”{at(page)}同时保留了模板的两种说法“{m.group(0)}”，没有写明是增是减。",
            severity="mismatch",
        )


def check_instructions_left(c: Checker) -> None:
    """Instructions to the filer left in the published text (“请根据…罗列”, “…仍保留该表格式”).

    Subject: the start of the words and their offset in the prose.
    """
    text = c.d.evidence.prose
    for m in list(_INSTRUCTION.finditer(text))[:LIMIT]:
        words = m.group(0).lstrip("（(，,：:")
        _left(c, "template-instructions-removed", m.start(), words, f"an instruction to the filer is left in the text: “{words}”", "留有写给填报单位的模板说明")


# a template's blank for a name (“2023年度XX项目绩效评价报告”): two to four X or × between words or after a year
_PLACEHOLDER = re.compile(r"(?<=[\u4e00-\u9fff\d])(?:[XxＸｘ]{2,4}|[×]{2,4})(?=[\u4e00-\u9fff])")


# a template's words for the blank, run into the words after them (“第一部分:部门(单位)名称概况”); a table's
# label cell (“部门(单位)名称 | 中共…”, “部门(单位)名称:”) is followed by its value's cell or a colon
# a list the template opens and the filer never wrote: “统筹设置5个事业单位:分别是。”
_NAME_BLANK = re.compile(r"部门[（(]单位[)）]名称(?=[\u4e00-\u9fff\d])|分别(?:是|为)[:：]?(?=[。；;])")


# a blank for a figure: a share or a change with no number before its sign (“占 %”, “比上年减少 万元”)
_FIGURE_BLANK = re.compile(r"(?:占|增加|减少|增长|下降|降低)[ \u3000]*(?:%|％|万元)")


_SIGNED = re.compile(r"(\d)?[ \u3000]*(?:万元|%|％)")


# a blank for a count: a head count or a fleet with no number before its measure word (“其中:行政人,事业6人”,
# “公务用车辆共 台。”), the measure word ending its clause (行政人员, 共台账 are words)
_COUNT_BLANK = re.compile(r"(?:共|行政|事业|离休|退休|编制|实有)[ \u3000]*(?:人|台|辆|名)(?=[，,。；;、)）])")


def _in_place(text: str, position: int) -> bool:
    """Whether the figures of the sentence around a blank are printed where they belong: at least half its 万元 and %
    signs follow a number, and no year lacks its digits (比年). A text layer that lost its digits from their places (“收入比年减少万元……10,404.66”) leaves many
    signs bare: a bare one is then no blank of the template."""
    start, end = sentence_start(text, position, "。"), text.find("。", position)
    signs = [m.group(1) is not None for m in _SIGNED.finditer(text[start : end if end >= 0 else len(text)])]
    return sum(signs) >= len(signs) - sum(signs) and not re.search(r"[比较]年(?![初末终])", text[start:end])


def check_placeholders_filled(c: Checker) -> None:
    """A template's blank left unfilled (“XX项目”, “××单位”, “部门（单位）名称概况”, “分别是。”, “占 %”, “比上年减少 万元”, “共 台”).

    Subject: the words around it and their offset.
    """
    text = c.d.evidence.prose
    figures = [m for m in _FIGURE_BLANK.finditer(text) if _in_place(text, m.start())]
    counts = [m for m in _COUNT_BLANK.finditer(text) if _in_place(text, m.start())]
    # one sentence's blank counts are one remnant (“其中:行政人,事业6人”, “包干编制 人、自筹编制 人”)
    figures += [m for k, m in enumerate(counts) if k == 0 or "。" in text[counts[k - 1].end() : m.start()]]
    blanks = sorted([*_PLACEHOLDER.finditer(text), *_NAME_BLANK.finditer(text), *figures], key=lambda m: m.start())
    for m in blanks[:LIMIT]:
        words = _quote(text, m.start(), m.end()).strip()
        _left(c, "template-placeholders-filled", m.start(), words, f"a template's blank is left unfilled: “{words}”", f"留有模板中未填写的占位符“{m.group(0)}”")


def _left(c: Checker, check_id: str, position: int, words: str, detail_en: str, what: str) -> None:
    """One remnant of the template in the prose, quoted with its page."""
    page = page_at(c.d, position)
    c.result(
        check_id,
        f"{words[:12]}@{position}",
        False,
        side("公开文本", None),
        side("文字说明所写", words, page),
        detail_en,
        detail=f"文字说明{at(page)}{what}：“{words}”。",
        severity="mismatch",
    )



CHECKS: tuple[Check, ...] = (check_both_alternatives, check_instructions_left, check_placeholders_filled)
