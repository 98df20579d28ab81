"""Tests for cnbudget.regions and the division list it reads."""

from __future__ import annotations

import csv
import re
from collections import Counter

import pytest

from cnbudget.official.regions import (
    DATA,
    Region,
    chain,
    load_divisions,
    region_slug,
    resolve_region,
)

EXAMPLES = [
    ("中共达州市达川区委办公室", Region("四川省", "达州市", "达川区", "511703"), "sichuan-dazhou-dachuan"),
    ("中共新乡市牧野区委办公室", Region("河南省", "新乡市", "牧野区", "410711"), "henan-xinxiang-muye"),
    ("中共重庆市潼南区委办公室", Region("重庆市", "", "潼南区", "500152"), "chongqing-tongnan"),
    ("上海市普陀区人民政府万里街道办事处", Region("上海市", "", "普陀区", "310107"), "shanghai-putuo"),
    ("江苏省人民检察院", Region("江苏省", "", "", "320000"), "jiangsu"),
    ("中共江苏省委办公厅", Region("江苏省", "", "", "320000"), "jiangsu"),
    ("江苏省政协办公厅", Region("江苏省", "", "", "320000"), "jiangsu"),
    ("中共乐山市金口河区委办公室", Region("四川省", "乐山市", "金口河区", "511113"), "sichuan-leshan-jinkouhe"),
    (
        "达州市达川区人民政府信息公开服务中心",
        Region("四川省", "达州市", "达川区", "511703"),
        "sichuan-dazhou-dachuan",
    ),
]


def read_rows() -> list[dict[str, str]]:
    """Return the rows of divisions.csv as dicts."""
    with DATA.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize(("text", "region", "slug"), EXAMPLES)
def test_examples_resolve(text: str, region: Region, slug: str) -> None:
    """The examples from agency names resolve to the division and slug expected."""
    assert resolve_region(text) == region
    assert region_slug(region) == slug


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("达川区委", "511703"),  # full name of the county, no parent named
        ("达州市", "511700"),
        ("中共乐山市金口河区委\n\n办公室", "511113"),  # line break from a PDF page
        ("达 州 市 达 川 区", "511703"),  # spaces from a PDF text layer
        ("江苏南京鼓楼", "320106"),  # short forms that name each other
        ("凉山州财政局", "513400"),  # everyday form of 凉山彝族自治州
        ("浙江省舟山市普陀区", "330903"),
    ],
)
def test_other_forms_resolve(text: str, code: str) -> None:
    """Short forms, aliases and broken-up names resolve when they are unambiguous."""
    region = resolve_region(text)
    assert region is not None
    assert region.code == code


def test_repeated_county_name_uses_named_parent() -> None:
    """普陀区 is in 上海 and in 舟山: the parent named in the text decides."""
    assert resolve_region("上海市普陀区财政局") == Region("上海市", "", "普陀区", "310107")
    assert resolve_region("舟山市普陀区财政局") == Region("浙江省", "舟山市", "普陀区", "330903")


@pytest.mark.parametrize("text", ["普陀区人民政府", "鼓楼区财政局", "朝阳区教育委员会"])
def test_ambiguous_county_without_parent_is_none(text: str) -> None:
    """A county name found in several provinces, with no parent named, resolves to None."""
    assert resolve_region(text) is None


def test_ambiguous_county_resolves_to_common_province() -> None:
    """桥西区 exists in 石家庄 and 张家口, both in 河北: only the province is certain."""
    assert resolve_region("桥西区财政局") == Region("河北省", "", "", "130000")


def test_ambiguous_short_form_resolves_to_common_level() -> None:
    """吉林 may be the province or its city 吉林市; both lie in 吉林省."""
    assert resolve_region("吉林省吉林市") == Region("吉林省", "吉林市", "", "220200")
    assert resolve_region("吉林吉林省") == Region("吉林省", "", "", "220000")


@pytest.mark.parametrize(
    "text",
    ["", "部门预算公开说明", "一般公共预算财政拨款支出决算表", "新华书店", "中山大学", "城区街道办事处"],
)
def test_text_without_region_is_none(text: str) -> None:
    """Text naming no division, or only a short form that is also a common word, gives None."""
    assert resolve_region(text) is None


def test_unrelated_divisions_are_not_guessed() -> None:
    """Two provinces with nothing to choose between them resolve to None."""
    assert resolve_region("江苏省四川省联合调研") is None


def test_csv_has_all_levels() -> None:
    """The list covers the mainland's 31 provinces and all prefectures and counties."""
    levels = Counter(row["level"] for row in read_rows())
    assert levels["province"] == 31
    assert 330 <= levels["city"] <= 340
    assert 2800 <= levels["county"] <= 2900


def test_csv_codes_are_unique_and_well_formed() -> None:
    """Every code is 6 digits, unique, and of the form its level requires."""
    rows = read_rows()
    assert len({row["code"] for row in rows}) == len(rows)
    for row in rows:
        code, level = row["code"], row["level"]
        assert re.fullmatch(r"[1-8]\d{5}", code), row
        assert code.endswith("0000") == (level == "province"), row
        assert (code.endswith("00") and not code.endswith("0000")) == (level == "city"), row


def test_csv_every_row_has_a_valid_parent_chain() -> None:
    """Each parent exists, is one level up and shares its code prefix; chains end at a province."""
    rows = {row["code"]: row for row in read_rows()}
    allowed = {"province": {""}, "city": {"province"}, "county": {"city", "province"}}
    for code, row in rows.items():
        parent = row["parent"]
        if row["level"] == "province":
            assert parent == "", row
            continue
        assert parent in rows, row
        assert rows[parent]["level"] in allowed[row["level"]], row
        prefix = 4 if rows[parent]["level"] == "city" else 2
        assert code[:prefix] == parent[:prefix], row
        assert rows[chain(code)[0]]["level"] == "province", row


def test_csv_short_and_pinyin_columns() -> None:
    """Short names are non-empty prefixes-or-stems of the name; pinyin is slug-safe."""
    for row in read_rows():
        assert row["short"] and len(row["short"]) >= 2, row
        assert row["name"].startswith(row["short"][:2]), row
        assert re.fullmatch(r"[a-z][a-z0-9]*", row["pinyin"]), row


def test_every_division_resolves_from_its_full_names() -> None:
    """Province + city + county names, as in an agency name, resolve to that division (a former one in a year it existed)."""
    divisions = load_divisions()
    for code in divisions:
        text = "".join(divisions[c].name for c in chain(code)) + "人民政府"
        region = resolve_region(text, divisions[code].until)
        assert region is not None and region.code == code, text


def test_slugs_are_ascii_and_unique() -> None:
    """Every division has a slug of [a-z0-9-], and no two divisions share one."""
    divisions = load_divisions()
    slugs = Counter(region_slug(Region("", "", "", code)) for code in divisions)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) for slug in slugs)
    assert slugs.most_common(1)[0][1] == 1


def test_slug_of_unknown_code_raises() -> None:
    """A Region whose code is not in the list has no slug."""
    with pytest.raises(ValueError, match="unknown division code"):
        region_slug(Region("火星省", "", "", "990000"))


def test_known_names_present() -> None:
    """The divisions the brief names are all in the list, with their parents."""
    expected = {
        "511703": ("达川区", "511700"),
        "511700": ("达州市", "510000"),
        "510000": ("四川省", ""),
        "500000": ("重庆市", ""),
        "500152": ("潼南区", "500000"),
        "310107": ("普陀区", "310000"),
        "330903": ("普陀区", "330900"),
        "310000": ("上海市", ""),
        "320000": ("江苏省", ""),
        "410700": ("新乡市", "410000"),
        "410711": ("牧野区", "410700"),
        "511100": ("乐山市", "510000"),
        "511113": ("金口河区", "511100"),
    }
    divisions = load_divisions()
    for code, (name, parent) in expected.items():
        assert (divisions[code].name, divisions[code].parent) == (name, parent)
