"""What the whole document says about its tables, kept for the checks: its figures in prose, the
tables it says are empty or withheld, the tables it says are attached as another file, and the
table a copy's text is cut inside.
"""

from __future__ import annotations

import re

from cnbudget.model import Block, Disclosure, Line
from cnbudget.normalise.narrative import join_prose, statements
from cnbudget.strings import compact

# “根据国家保密法律法规和有关保密事项范围的规定，部分具体项目信息公开时予以剔除”: rows left out on purpose
WITHHELD = re.compile(r"(?:保密|涉密).{0,40}(?:予以剔除|不予公开|未予公开|不公开)")
# “附件：北京市交通委员会2026年度部门预算报表”, “附件：1.郑州市土地储备中心2015年财政预算收支总表”: the tables are attached
# “二、X2020年度部门决算公开报表(见附表)”: the same, said after the tables' name, also with their count and
# a clause after it (“公开的2020年度本部门决算报表共9张(详见附表),均取数自…”)
ATTACHED_TABLES = re.compile(
    r"附件\d*[:：].*(?:报表|[总明细算]表|\.xlsx?)$|.*(?:报表|[总明细算]表)(?:共\d+张)?[(（]?(?:详)?见附(?:表|件)\d*[)）]?(?:$|[,，;；])"
)


def document_evidence(disclosure: Disclosure, lines: list[Line]) -> None:
    """Every amount the document's lines state, its lines saying a table is empty or withheld, and those naming attached tables."""
    prose = join_prose(lines)
    disclosure.evidence.all_statements = statements(prose.text, prose)  # with their pages, which a check cites
    disclosure.evidence.empty_explained = [line.text for line in lines if "空表" in line.text or "本表无数据" in line.text or "无数据" in line.text or WITHHELD.search(line.text)]
    disclosure.evidence.attachments = [line.text for line in lines if ATTACHED_TABLES.match(compact(line.text))]


# a file's last line that stops inside a sentence: prose (20 characters at least, a clause mark in it) ending on a
# Chinese character, a Latin letter or an open bracket
_MID_SENTENCE = re.compile(r"^(?=.{20,}$)(?=.*[，,、：:;；]).*[\u4e00-\u9fffA-Za-z（(]$")
CUT_ANYWHERE = "*"  # the kind given to a cut whose copy may lack any table: its text stops inside a sentence


def cut_tables(blocks: list[Block]) -> list[tuple[str, str]]:
    """(kind, title) of each table a source file's text ends inside, before the row that closes it.

    The file's last block is that table (no prose after it) and no line below its title prints its
    total row (总计; 合计 or 总计 for a table other than the 收支总表, whose 合计 rows are its parts'):
    the copy was cut there, and tables after it are not in it. A table printed to its total is whole.
    A text or web copy whose last line stops inside a sentence (…的住宿费(f)) was cut too, wherever it
    stops: its kind is CUT_ANYWHERE, for the tables a document prints in its own order may all follow.
    A PDF is the whole document as published: a note closing its last table without a full stop is no cut.
    """
    last: dict[str, Block] = {}
    for block in blocks:
        last[block.file] = block
    out = []
    for block in last.values():
        closing = r"总计" if block.kind == "summary" else r"合计|总计"
        if block.lines and not block.file.lower().endswith(".pdf") and _MID_SENTENCE.match(compact(block.lines[-1].text)):
            out.append((CUT_ANYWHERE, block.title or "文字说明"))
        elif block.kind != "narrative" and not any(re.search(closing, compact(line.text)) for line in block.lines[1:]):
            out.append((block.kind, block.title))
    return out
