"""Script: pages a mirror site turned into traditional characters are read in simplified ones.

Some sites republish official pages converted to traditional script, and some of them add the
pinyin of a character after it (`預(yù)算`). The words the recognisers look for (预算, 决算, 万元,
unit and region names) are simplified, so such a page is read as its simplified original:

- pinyin in brackets right after a Chinese character is dropped (it is never part of an official
  text: a word of ASCII letters with a tone mark);
- a page is converted to simplified characters only when it is written in traditional script (a
  share of its Chinese characters change under the conversion), so that a simplified page, whose
  few ambiguous characters (乾安县) the conversion would change, is left exactly as printed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from cnbudget.strings import HAN

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# pinyin of the character before it, as a mirror adds it: `預(yù)`, `係（xì）`
_PINYIN = re.compile(rf"(?<=[\u4e00-\u9fff])[(（](?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,7}}[)）]")
# a page whose Chinese characters change this much (and this many) under the conversion is in traditional script
_TRADITIONAL_SHARE = 0.1
_TRADITIONAL_COUNT = 5
_SAMPLE = 20_000


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def drop_pinyin(text: str) -> str:
    """``text`` without the bracketed pinyin a mirror put after characters."""
    return _PINYIN.sub("", text)


def is_traditional(text: str) -> bool:
    """Whether ``text`` is written in traditional script (judged on its opening)."""
    sample = text[:_SAMPLE]
    han = HAN.findall(sample)
    if not han:
        return False
    converted = _converter().convert("".join(han))
    changed = sum(1 for a, b in zip(han, converted, strict=False) if a != b)
    return changed >= _TRADITIONAL_COUNT and changed / len(han) >= _TRADITIONAL_SHARE


def simplified(text: str) -> str:
    """``text`` as its simplified original: pinyin dropped, traditional script converted."""
    text = drop_pinyin(text)
    return str(_converter().convert(text)) if is_traditional(text) else text
