"""Reference data the generator draws from: units, classification codes and names, the revenue lines."""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "cnbudget" / "data"
YEARS = range(2019, 2026)


# Unit name templates and the 款 (section) their own work is classified under.
UNIT_KINDS: tuple[tuple[str, str], ...] = (
    ("中共{p}委员会办公室", "20131"),
    ("中共{p}委员会组织部", "20132"),
    ("中共{p}委员会宣传部", "20133"),
    ("中共{p}委员会统一战线工作部", "20134"),
    ("中共{p}纪律检查委员会", "20111"),
    ("{p}人民代表大会常务委员会办公室", "20101"),
    ("中国人民政治协商会议{p}委员会办公室", "20102"),
    ("{p}人民政府办公室", "20103"),
    ("{p}发展和改革局", "20104"),
    ("{p}统计局", "20105"),
    ("{p}财政局", "20106"),
    ("{p}审计局", "20108"),
    ("{p}商务局", "20113"),
    ("{p}市场监督管理局", "20138"),
    ("{p}司法局", "20406"),
    ("{p}教育局", "20501"),
    ("{p}科学技术局", "20601"),
    ("{p}文化广电和旅游局", "20701"),
    ("{p}人力资源和社会保障局", "20801"),
    ("{p}民政局", "20802"),
    ("{p}退役军人事务局", "20828"),
    ("{p}卫生健康委员会", "21001"),
    ("{p}住房和城乡建设局", "21201"),
    ("{p}农业农村局", "21301"),
    ("{p}交通运输局", "21401"),
    ("{p}自然资源局", "22001"),
    ("{p}应急管理局", "22401"),
)

# Basic expenditure by economic item → the function item it is classified under (the rest: 行政运行).
ECONOMIC_TO_FUNCTION = {
    "30108": "2080505",
    "30109": "2080506",
    "30110": "2101101",
    "30111": "2101103",
    "30113": "2210201",
    "30301": "2080501",
    "30302": "2080501",
}
# Economic items: always printed, sometimes printed (with their range in 万元).
ECONOMIC_ITEMS: dict[str, tuple[tuple[str, float, float, float], ...]] = {
    # code, probability, low, high
    "301": (
        ("30101", 1, 20, 400), ("30102", 1, 10, 250), ("30103", 0.7, 5, 120), ("30106", 0.2, 1, 20),
        ("30107", 0.6, 10, 200), ("30108", 1, 5, 80), ("30109", 0.6, 2, 40), ("30110", 1, 3, 50),
        ("30111", 0.3, 1, 10), ("30112", 0.6, 0.2, 8), ("30113", 1, 5, 60), ("30199", 0.4, 1, 30),
    ),
    "302": (
        ("30201", 1, 1, 40), ("30202", 0.5, 0.2, 10), ("30205", 0.4, 0.1, 5), ("30206", 0.5, 0.3, 12),
        ("30207", 0.6, 0.2, 6), ("30211", 0.8, 0.5, 20), ("30213", 0.5, 0.5, 15), ("30215", 0.3, 0.2, 8),
        ("30216", 0.4, 0.2, 10), ("30217", 0.5, 0.1, 6), ("30226", 0.3, 1, 30), ("30228", 0.9, 0.5, 15),
        ("30229", 0.7, 0.3, 12), ("30231", 0.5, 0.5, 12), ("30239", 0.6, 0.5, 20), ("30299", 0.7, 0.2, 25),
    ),
    "303": (("30302", 0.6, 2, 80), ("30305", 0.3, 0.5, 20), ("30307", 0.3, 0.2, 5), ("30309", 0.2, 0.2, 10), ("30399", 0.3, 0.1, 10)),
    "310": (("31002", 1, 0.5, 30), ("31007", 0.5, 0.5, 20)),
}
REVENUE_LINES = {
    "budget": (
        ("一般公共预算拨款收入", "general_public_budget"),
        ("政府性基金预算拨款收入", None),
        ("国有资本经营预算拨款收入", None),
        ("财政专户管理资金收入", None),
        ("事业收入", "business"),
        ("事业单位经营收入", None),
        ("上级补助收入", None),
        ("附属单位上缴收入", None),
        ("其他收入", "other"),
    ),
    "final_account": (
        ("一般公共预算财政拨款收入", "general_public_budget"),
        ("政府性基金预算财政拨款收入", None),
        ("国有资本经营预算财政拨款收入", None),
        ("上级补助收入", None),
        ("事业收入", "business"),
        ("经营收入", None),
        ("附属单位上缴收入", None),
        ("其他收入", "other"),
    ),
}
NUMERALS = "一二三四五六七八九十"


# ------------------------------------------------------------------ reference data


@dataclass(frozen=True)
class Entry:
    code: str
    name: str
    level: str
    first: int
    last: int


@cache
def classification(kind: str) -> dict[str, tuple[Entry, ...]]:
    """Every official entry of ``function`` or ``economic`` (departmental scheme), by code."""
    out: dict[str, list[Entry]] = defaultdict(list)
    with (DATA / f"{kind}_classification.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row.get("scheme", "department") != "department":
                continue
            first, _, last = row["years"].partition("-")
            out[row["code"]].append(Entry(row["code"], row["name"], row["level"], int(first), int(last or first)))
    return {code: tuple(entries) for code, entries in out.items()}


def official(kind: str, code: str, year: int) -> str | None:
    """The official name of a code in a year, or None where the code does not exist that year."""
    return next((e.name for e in classification(kind).get(code, ()) if e.first <= year <= e.last), None)


def classes(year: int) -> list[tuple[str, str]]:
    """The function classes (类) of a year, in code order."""
    return sorted((code, name) for code in classification("function") if len(code) == 3 and (name := official("function", code, year)))


@cache
def counties() -> tuple[tuple[str, str, str], ...]:
    """(province, parent, county) for every county-level division; parent is a city or the province."""
    with (DATA / "divisions.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_code = {r["code"]: r for r in rows}
    out = []
    for row in rows:
        if row["level"] != "county":
            continue
        parent = by_code[row["parent"]]
        province = parent if parent["level"] == "province" else by_code[parent["parent"]]
        out.append((province["name"], parent["name"], row["name"]))
    return tuple(out)
