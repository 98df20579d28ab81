"""Probe the reading of the figures the prose states, with invented short disclosures worded as real ones are (issue 13).

Web pages and short disclosures print no table: the figures their prose states are all a reader has. Each page here is
a title naming a unit, its place, year and kind, a body of one or two sentences in one wording real disclosures print
(``probe_prose_pages.WORDINGS``: every wording cites a real file that prints it), in one form (万元, thousands
separators, 元, traditional script), and the figures a person reads from it, keyed as tests/fixtures/*/expected.json
keys them. The pages are built together as a user builds a folder (``build.py --source``), and only what the build
published is read. Per page: OK (every figure published with its amount, nothing else), MISSED (a figure not published),
WRONG (a figure published with another amount, or one published that the page does not state: the worst outcome);
counts by kind; exit status 1 if any is WRONG. Counter-pages name a figure that is no standard one (a project's amount,
a 预算内收入, last year's figure, a fund's total): anything published from them is WRONG. Deterministic.

    python benchmarks/probe_prose.py            # every page
    python benchmarks/probe_prose.py --bad      # the MISSED and WRONG ones only
    python benchmarks/probe_prose.py --cites [--corpus-text DIR]   # check each wording's citation instead
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from probe_prose_pages import AMOUNTS, WORDINGS, W
from published import read_csv, run_build

RESOURCES = {"totals": "metric", "revenue_by_source": "source", "three_public": "item"}
CITIES = ("长沙市", "株洲市", "湘潭市", "衡阳市", "邵阳市", "岳阳市", "常德市", "益阳市", "郴州市", "永州市", "怀化市", "娄底市")
BODIES = ("教育局", "财政局", "民政局", "司法局", "审计局", "统计局", "林业局", "水利局", "商务局", "档案馆", "文化馆", "图书馆",
          "信访局", "科学技术协会", "工商业联合会", "气象局", "人民防空办公室", "机关事务管理局",
          "农业农村局", "交通运输局", "文化旅游广电体育局", "医疗保障局")
BUDGET_HEAD = "一、部门基本情况\n本部门负责本行业的管理工作。\n二、收支预算情况说明\n"
FINAL_HEAD = "第一部分 部门概况\n一、主要职能\n负责本行业的管理工作。\n第二部分 部门决算情况说明\n"
# simplified → traditional, for the characters the pages print (mirror sites print traditional script)
TRAD = str.maketrans("总计为万元预算决报说明务费购车运维护经单财拨项业结转余开门国机关员内较与这际级类资债补贴办处实数计划额况构",
                     "總計為萬元預算決報說明務費購車運維護經單財撥項業結轉餘開門國機關員內較與這際級類資債補貼辦處實數計劃額況構")

ASCII = str.maketrans("，：；（）", ",:;()")  # the fixtures' copies print these in ASCII, the PDFs' text layers full-width


@dataclass(frozen=True)
class Page:
    """One invented page: its file name, text, the wording and form it shows, and the figures a person reads from it."""

    name: str
    text: str
    wording: W
    form: str
    year: int
    want: dict[tuple[str, str, str, int], Decimal]  # (resource, key, phase, year) → amount in 万元
    also: dict[tuple[str, str, str, int], Decimal]


def grouped(text: str) -> str:
    """``text`` (digits, a point and decimals) with its whole part grouped by threes."""
    whole, _, frac = text.partition(".")
    return f"{int(whole):,}" + ("." + frac if frac else "")


def written(amount: Decimal, form: str) -> str:
    """The amount (in 万元) as the form prints it, with its unit."""
    if form in ("yuan", "ysep"):
        yuan = f"{amount * 10000:.2f}"
        return (grouped(yuan) if form == "ysep" else yuan) + "元"
    return (grouped(f"{amount:.2f}") if form == "sep" else f"{amount:.2f}") + "万元"


def figures(specs: tuple[str, ...], own: str, year: int) -> dict[tuple[str, str, str, int], Decimal]:
    """The figures ``resource:key=SLOT[@phase]`` stand for (a literal amount in 万元 for SLOT where it is digits)."""
    out = {}
    for spec in specs:
        m = re.fullmatch(r"(\w+):(\w+)=(\w+|[\d.]+)(?:@(\w+))?", spec)
        assert m, spec
        amount = AMOUNTS[m.group(3)] if m.group(3) in AMOUNTS else Decimal(m.group(3))
        out[(m.group(1), m.group(2), m.group(4) or own, year)] = amount
    return out


def pages() -> list[Page]:
    """Every page: each wording in each of its forms, each under a unit of its own."""
    out: list[Page] = []
    units = [city + body for body in BODIES for city in CITIES]
    for w in WORDINGS:
        for form in w.forms:
            unit = units[len(out)]
            year, own = (2020, "executed") if w.final else (2021, "approved")
            title = f"{unit}{year}年度部门决算" if w.final else f"{unit}{year}年部门预算"
            plain = "wan" if form in ("trad", "wrap", "html") else form
            slots = {k: written(v, plain) for k, v in AMOUNTS.items()}
            slots |= {k + "_": re.sub("万?元$", "", a) for k, a in slots.items()} | {"UNIT": "元" if plain in ("yuan", "ysep") else "万元"}
            body = w.text.replace("{U}", unit).format(**slots)
            if form == "wrap":  # a text layer's line end after an amount's first digit (…增加⏎3⏎7,331.92万元)
                body = re.sub(r"(?<![\d.,])(\d)(?=\d[\d,]*\.\d+万元)", "\\1\n", body, count=1)
            text = title + "\n" + (FINAL_HEAD if w.final else BUDGET_HEAD) + body + "\n"
            if form == "trad":
                text = text.translate(TRAD)
            if form == "html":  # a web page: its title, then each line a paragraph
                paragraphs = "".join(f"<p>{line}</p>\n" for line in text.splitlines())
                text = f"<html><head><title>{title}</title></head><body>\n{paragraphs}</body></html>\n"
            name = f"p{len(out) + 1:03d}." + ("html" if form == "html" else "txt")
            out.append(Page(name, text, w, form, year, figures(w.want, own, year), figures(w.also, own, year)))
    return out


def published(packages: Path) -> tuple[dict[str, str], dict[str, dict[tuple[str, str, str, int], Decimal]]]:
    """Each file's build status (ok or the failure's code), and each disclosure's published figures."""
    report = json.loads((packages / "build-report.json").read_text(encoding="utf-8"))
    entries = report if isinstance(report, list) else report.get("sources", [])
    status = {Path(e["path"]).name: (e.get("disclosure_id") or "") if e.get("status") == "ok" else f"failed:{e.get('code')}" for e in entries}
    found: dict[str, dict[tuple[str, str, str, int], Decimal]] = defaultdict(dict)
    for resource, field in RESOURCES.items():
        for row in read_csv(packages / "all" / f"{resource}.csv"):
            if row.get("amount") not in (None, ""):
                year = int(row.get("fiscal_year") or 0)
                found[row["disclosure_id"]][(resource, row[field], row["phase"], year)] = Decimal(row["amount"])
    return status, found


def implied(got: dict[tuple[str, str, str, int], Decimal]) -> dict[tuple[str, str, str, int], Decimal]:
    """Figures the build publishes twice by design: the “三公” total as a total too, the 上年结转 as a total and a source."""
    out = {}
    for (resource, key, phase, year), amount in got.items():
        if resource == "three_public" and key == "total":
            out[("totals", "three_public_total", phase, 0)] = amount
        if (resource, key) == ("totals", "carryover_in"):
            out[("revenue_by_source", "carryover", phase, 0)] = amount
        if (resource, key) == ("revenue_by_source", "carryover"):
            out[("totals", "carryover_in", phase, 0)] = amount
    return out


def judge(page: Page, got: dict[tuple[str, str, str, int], Decimal]) -> tuple[str, list[str]]:
    """OK, MISSED or WRONG for one page, and what went wrong."""
    def norm(key: tuple[str, str, str, int]) -> tuple[str, str, str, int]:
        return key if key[0] == "three_public" else (*key[:3], 0)  # only a “三公” figure carries its year

    want = {norm(k): v for k, v in page.want.items()}
    also = {norm(k): v for k, v in page.also.items()}
    allowed = {**also, **implied(also), **implied(want)}
    have = {norm(k): v for k, v in got.items()}
    wrong, missed = [], []
    for key, amount in want.items():
        if key not in have:
            missed.append(f"{key[1]}@{key[2]} absent (printed {amount})")
        elif have[key] != amount:
            wrong.append(f"{key[1]}@{key[2]}={have[key]} (printed {amount})")
    for key, amount in have.items():
        if key not in want and allowed.get(key) != amount:
            wrong.append(f"{key[1]}@{key[2]}/{key[3] or ''}={amount} (not stated)")
    return ("WRONG" if wrong else "MISSED" if missed else "OK"), wrong + missed


def check_cites(corpus_text: Path | None) -> int:
    """Check that each wording's cited file prints it; 1 where one does not."""
    bad = 0
    for w in WORDINGS:
        if w.cite.startswith("tests/"):
            path: Path | None = ROOT / w.cite
        else:
            path = corpus_text / (w.cite.replace("/", "__").removesuffix(".pdf") + ".txt") if corpus_text else None
        if path is None or not path.exists():
            print("SKIP", w.cite)
            continue
        text = re.sub(r"[ \t\u3000]+", "", path.read_text(encoding="utf-8", errors="ignore")).replace("\n", "⏎").translate(ASCII)
        ok = re.search(w.attest, text) is not None
        bad += not ok
        print("OK  " if ok else "BAD ", w.kind, w.cite, w.attest)
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    """Build the pages, print OK/MISSED/WRONG per page and the counts by kind; 1 if any is WRONG."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bad", action="store_true", help="print the MISSED and WRONG pages only")
    parser.add_argument("--cites", action="store_true", help="check the citations instead")
    parser.add_argument("--corpus-text", type=Path, help="a folder of the corpus PDFs' text layers (corpus__NAME.txt)")
    parser.add_argument("--out", type=Path, help="keep the pages and the build here")
    args = parser.parse_args(argv)
    if args.cites:
        return check_cites(args.corpus_text)
    all_pages = pages()
    with tempfile.TemporaryDirectory() as scratch:
        base = (args.out or Path(scratch)).resolve()
        folder = base / "pages"
        folder.mkdir(parents=True, exist_ok=True)
        for page in all_pages:
            (folder / page.name).write_text(page.text, encoding="utf-8")
        run_build(folder, base / "dp")
        status, found = published(base / "dp")
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for page in all_pages:
        state = status.get(page.name, "absent")
        verdict, notes = judge(page, found.get(state, {})) if not state.startswith(("failed", "absent")) else ("MISSED", [state])
        if not page.want and verdict == "MISSED":
            verdict = "OK"  # a counter-page refused altogether publishes nothing wrong
        counts[page.wording.kind][verdict] += 1
        if verdict != "OK" or not args.bad:
            shown = re.sub(r"<[^>]+>", "", page.text).strip()  # a web page's words
            first = shown.split("\n", 1)[0]
            body = shown.split("说明\n", 2)[-1].split("說明\n", 2)[-1].strip().replace("\n", " / ")
            print(f"{verdict:6} {page.name} [{page.wording.kind}/{page.form}] {first}: {body[:90]}" + (f" -> {'; '.join(notes)}" if notes else ""))
    print()
    print("| kind | pages | OK | MISSED | WRONG |")
    print("|---|---|---|---|---|")
    total: Counter[str] = Counter()
    for kind, c in counts.items():
        total.update(c)
        print(f"| {kind} | {sum(c.values())} | {c['OK']} | {c['MISSED']} | {c['WRONG']} |")
    print(f"| **total** | {sum(total.values())} | {total['OK']} | {total['MISSED']} | {total['WRONG']} |")
    return 1 if total["WRONG"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
