"""A synthetic corpus: N disclosures with known figures that add up, as text and as PDF.

    python tools/synth.py --count N --out DIR [--format text|pdf|both] [--seed S] [--kind mixed|final]
    python tools/synth.py --out DIR --score DATAPACKAGES     (score a build against DIR/answers.csv)

Each disclosure is one unit (a real county or district from ``cnbudget/data/divisions.csv`` and a
department of it; the N units are distinct) for a fiscal year 2019–2025, scope 部门. Codes and names
come from ``cnbudget/data/*_classification.csv`` for the year. Every identity holds: items add to
sections, sections to classes, classes to the table's 合计; 基本 + 项目 = 合计; 人员 + 公用 = 基本;
the “三公” parts add to their totals; the 收支总表 balances.

``--kind mixed`` (the default) writes budgets and, every third, a simplified final account: a cover
title, a paragraph of headline figures and four tables (the 收支总表, the 一般公共预算支出表 by
function, the 一般公共预算基本支出表 by economic class, the “三公” table). The layout varies by
disclosure number, so that even a handful covers every family: function codes printed “201 31 01” in
three cells or “2013101” in one; table numbers 预算01表, 表1 or none; amounts in 万元 or (every
fourth) in 元 as integers; thousands separators or not; the 合计 row on top or at the bottom; a
negative amount now and then; zero “三公” items blank or printed as 0.00.

``--kind final`` writes final accounts in the national layout instead (``national.py`` says what
that layout is and where each fact was read): 行次 beside labels, 栏次 rows, 项目/行次/金额 blocks
left and right, 年初预算数 / 全年预算数 / 决算数 side by side; the answer key then says which
phase each figure is (``approved``, ``adjusted``, ``executed``). Each final account prints its tables in
layout variants drawn from (seed, number) (``variants.py``: the 总表 side by side or stacked, codes in
three cells, one or none, 行次 and 栏次 present or absent, a table continued with or without its
header, portrait or landscape pages, 元 or 万元, separators, zeros blank or 0.00), listed in
``DIR/variants.csv``; ``--score`` then also scores each variant's documents, and counts the published
figures that are a 行次 or 栏次.

Text goes to ``DIR/text/NNNNN.txt`` (cells separated by tabs, like a PDF's text layer), PDF to
``DIR/pdf/NNNNN.pdf`` (reportlab with its built-in STSong-Light CID font, ruled tables, the header
repeated on every page a long table runs over), and the figures to ``DIR/answers.csv``. Disclosure i
depends only on (seed, kind, i), so the first 10 of a run of 1,000 are the 10 of a run of 10.
"""

from .api import *
from .api import __all__ as __all__
