"""The count of bodies a disclosure covers against the counts of each kind its “其中” lists.

“下属二级预算单位0个,其中行政单位7个(…),参照公务员法管理的事业单位0个,其他事业单位4个(…)”: bodies of disjoint
kinds, 7 + 0 + 4 = 11, cannot be more than the bodies they are of (0). The kinds are counted in two ways that cut
across each other, by what the body is (行政单位 / 参照公务员法管理的事业单位 / 其他事业单位) and by how it is funded
(全额 / 差额 / 自收自支); each way is added up on its own, and a list naming a kind twice, or 事业单位 beside one of
its own kinds, is not added up. Fewer named than the total is no contradiction (a kind may be left out).
"""

from __future__ import annotations

import re

from cnbudget.checks.base import Check, Checker, at, page_at, sentence_start, side
from cnbudget.strings import compact

_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_COUNT = rf"(?:\d+|[{''.join(_DIGITS)}十]+)"
# the total: 纳入…编报的单位共3个 / 下属二级预算单位0个 / 部门决算单位1个 / 下属预算单位一个, then its 其中
_TOTAL = re.compile(rf"(?<![其内])(?:预算单位|决算单位|的单位)\s*(?:共|有|为|共有)?\s*(?P<n>{_COUNT})\s*个\s*[,，。；;]?\s*其中[:：]?")
# a kind of body and its count: 行政单位7个, 全额预算单位为1个
_KINDS = {
    "行政单位": ("what", r"行政单位"),
    "参照公务员法管理的事业单位": ("what", r"参照公务员法管理的事业单位|参公(?:管理)?(?:事业)?单位"),
    "其他事业单位": ("what", r"其他事业单位"),
    "事业单位": ("what", r"(?<![他的理])事业单位"),
    "全额": ("funding", r"全额(?:拨款|预算)?(?:事业)?单位"),
    "差额": ("funding", r"差额(?:拨款|预算)?(?:事业)?单位"),
    "自收自支": ("funding", r"自收自支(?:事业)?单位"),
}
_PART = re.compile("|".join(f"(?P<k{i}>{pattern})" for i, (_, pattern) in enumerate(_KINDS.values())))
_PART_COUNT = re.compile(rf"\s*(?:为|有|共)?\s*(?P<n>{_COUNT})\s*个")
_NAMES = list(_KINDS)


def _number(count: str) -> int | None:
    """A count as printed (7, 一, 十二, 二十三) as a number; None for a form not read."""
    if count.isdigit():
        return int(count)
    if "十" not in count:
        return _DIGITS.get(count)
    tens, _, ones = count.partition("十")
    head = _number(tens) if tens else 1
    tail = _number(ones) if ones else 0
    return None if head is None or tail is None else head * 10 + tail


def _span_end(text: str, start: int) -> int:
    """Where the 其中 list ends: the first 。；; or line break outside brackets (a list of names in brackets may hold one)."""
    depth = 0
    for i in range(start, min(len(text), start + 400)):
        ch = text[i]
        depth += ch in "(（"
        depth -= ch in ")）" and depth > 0
        if depth == 0 and ch in "。；;\n":
            return i
    return min(len(text), start + 400)


def _parts(text: str, start: int, end: int) -> dict[str, tuple[int, int, str]] | None:
    """The kinds the list names outside its brackets, each (count, position, words); None where one is named twice."""
    found: dict[str, tuple[int, int, str]] = {}
    depth, i = 0, start
    for m in _PART.finditer(text, start, end):
        span = text[i : m.start()]
        depth += span.count("(") + span.count("（") - span.count(")") - span.count("）")
        i = m.start()
        if depth > 0:
            continue  # a name inside brackets (财政所, 便民服务中心): not a kind counted
        count = _PART_COUNT.match(text, m.end(), end)
        if count is None:
            continue
        name = _NAMES[int((m.lastgroup or "k0")[1:])]
        number = _number(count.group("n"))
        if name in found or number is None:
            return None
        found[name] = (number, m.start(), text[m.start() : count.end()])
    return found


def check_body_counts(c: Checker) -> None:
    """The bodies of each kind a “其中” lists, added up by one way of counting, against the bodies they are of.

    ``body-count-adds-up``: fails where the kinds of one way add up to more than the total. Subject: ``单位/0个/行政单位…``.
    """
    text = c.d.evidence.prose
    for t in _TOTAL.finditer(text):
        total = _number(t.group("n"))
        end = _span_end(text, t.end())
        parts = _parts(text, t.end(), end)
        if total is None or not parts:
            continue
        page = page_at(c.d, t.start())
        begin = sentence_start(text, t.start())
        said = compact(text[max(begin, t.start() - 30) : text.index("个", t.end("n")) + 1])  # the count with the words that name the bodies
        for way in ("what", "funding"):
            named = {k: v for k, v in parts.items() if _KINDS[k][0] == way}
            if not named or ("事业单位" in named and len({"参照公务员法管理的事业单位", "其他事业单位"} & named.keys()) > 0):
                continue  # 事业单位 holds the 参公 and the others: not added to them
            counted = sum(n for n, _, _ in named.values())
            listed = "、".join(f"“{compact(w)}”" for _, _, w in named.values())
            verdict = (
                f"之和 {counted} 个多于总数 {total} 个，两者不符。"
                if counted > total
                else "与总数相等，两者一致。"
                if counted == total
                else "不多于总数（未列出的单位可补足其差），两者相容。"
            )
            c.result(
                "body-count-adds-up",
                f"单位/{t.group('n')}个/{'、'.join(named)}",
                counted <= total,
                side(f"文字说明“{said}”所写的单位数", f"{total}个", page),
                side("其后所列各类单位数之和", f"{counted}个", page),
                f"the bodies of each kind the list names ({counted}) against the bodies they are of ({total})",
                severity="mismatch" if counted > total else None,
                detail=f"文字说明“{said}”{at(page)}所写的单位数为 {total} 个，其后所列{listed}{verdict}",
            )


CHECKS: tuple[Check, ...] = (check_body_counts,)
