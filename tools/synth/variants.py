"""Layout variants of the national final account, drawn per disclosure from the seed.

Every real province prints the same nine 财决 tables, but not in the same way. Each variant below is
one choice a real document makes (``national.py`` says where the layout was read); a disclosure draws
one value of each from ``(seed, number)``, independently, so a corpus of 30 covers every value of every
variant many times, in many combinations. The answer key is written from what is printed: a blank
cell is no figure (no row), a printed 0.00 is a zero.

- ``summary``: the 收入支出决算总表 as 收入 and 支出 blocks side by side (``sides``) or one above the
  other in one 项目 | 行次 | 金额 column (``stacked``);
- ``codes``: 类 | 款 | 项 in three cells (``split``), one 7-digit cell (``joined``) or none, the names
  indented by level (``none``);
- ``line_numbers`` (行次 beside the labels) and ``column_numbers`` (the 栏次 row) present or absent;
- ``continued``: the 支出决算表 runs over two pages, with its header repeated (``repeat``) or not
  (``bare``), or fits on one page (``no``);
- ``pages``: the tables on landscape pages, or on portrait pages but the wide “三公” table on a
  landscape one (``portrait``);
- ``yuan`` (单位：元, integers) or 万元 with two decimals; ``thousands`` separators or none;
- ``zeros``: a zero printed as 0.00 (``printed``) or left blank (``blank``), in the 收入 lines, the
  结转 lines, the split 决算数 and the “三公” table.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, replace

from .figures import Style, style_of

VARIANT_FIELDS = ("summary", "codes", "line_numbers", "column_numbers", "continued", "pages", "yuan", "thousands", "zeros")


@dataclass(frozen=True)
class Variant:
    summary: str = "sides"  # sides / stacked
    codes: str = "split"  # split / joined / none
    line_numbers: bool = True  # 行次
    column_numbers: bool = True  # 栏次
    continued: str = "no"  # no / repeat / bare
    pages: str = "landscape"  # landscape / portrait
    yuan: bool = False
    thousands: bool = False
    zeros: str = "blank"  # blank / printed

    def values(self) -> dict[str, str]:
        """Each variant's value as printed in ``variants.csv``."""
        return {k: (("yes" if v else "no") if isinstance(v, bool) else str(v)) for k, v in asdict(self).items()}


def draw_variant(number: int, seed: int) -> Variant:
    """The variant of disclosure ``number`` in the corpus of ``seed``: each choice drawn on its own."""
    rng = random.Random(f"{seed}:{number}:variant")
    return Variant(
        summary=rng.choice(("sides", "stacked")),
        codes=rng.choice(("split", "joined", "none")),
        line_numbers=rng.random() < 0.5,
        column_numbers=rng.random() < 0.5,
        continued=rng.choice(("no", "repeat", "bare")),
        pages=rng.choice(("landscape", "portrait")),
        yuan=rng.random() < 0.3,
        thousands=rng.random() < 0.5,
        zeros=rng.choice(("blank", "printed")),
    )


def varied_style(number: int, variant: Variant) -> Style:
    """The budget families of ``style_of`` with the variant's units, separators, codes and zeros."""
    return replace(
        style_of(number), yuan=variant.yuan, thousands=variant.thousands, split_codes=variant.codes == "split", zero_printed=variant.zeros == "printed"
    )
