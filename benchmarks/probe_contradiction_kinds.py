"""The cases of benchmarks/probe_contradictions.py: invented short disclosures, by kind of contradiction (issue 14).

Each case is a disclosure a few lines long (a title naming unit, place, year and kind; a narrative; where the kind needs
one, a small table in the text-layer form the build reads: cells split by tabs), in a **consistent** form (every figure
agrees) and a **planted** one (one contradiction of a named kind). Every wording is one real pages print: the comment
beside it cites one occurrence (a fixture of tests/fixtures, or a page of /work/shared/corpus*). No page here is a real one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

BUDGET_HEAD = "岳阳市教育局2021年部门预算\n一、部门概况\n（一）主要职责\n负责本行业的管理工作。\n二、收支预算总体情况\n"
FINAL_HEAD = "岳阳市教育局2020年度部门决算\n第一部分 部门概况\n一、主要职能\n负责本行业的管理工作。\n第二部分 2020年度部门决算情况说明\n"


@dataclass(frozen=True)
class Case:
    """One kind of contradiction in one wording: the disclosure with every figure agreeing, and with one planted."""

    kind: str
    wording: str
    checks: tuple[str, ...]  # the checks whose fail reports the planted contradiction
    consistent: str
    planted: str
    words: str  # what a fail's detail must quote (the planted figure as printed)


def pct(part: str, whole: str, places: int = 2) -> str:
    """``part`` as a percentage of ``whole``, rounded half up to ``places`` (the way pages print them)."""
    value = Decimal(part) * 100 / Decimal(whole)
    return str(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def budget(narrative: str, tables: str = "") -> str:
    """A budget of 2021 whose narrative (and tables) are given."""
    return BUDGET_HEAD + narrative + "\n" + tables


def final(narrative: str, tables: str = "") -> str:
    """A final account of 2020 whose narrative (and tables) are given."""
    return FINAL_HEAD + narrative + "\n" + tables


def case(kind: str, wording: str, checks: tuple[str, ...], make: Callable[..., str], sentence: str, words: str, values: dict[str, str], **planted: str) -> Case:
    """The case of ``sentence`` filled with ``values`` (consistent) and with ``planted`` over them, each made a disclosure by ``make``."""
    return Case(kind, wording, checks, make(sentence.format(**values)), make(sentence.format(**{**values, **planted})), words)


def _changes() -> list[Case]:
    """A change on last year against its two amounts: the rate, the amount, 持平; one subject or a list with 分别/各."""
    cases: list[Case] = []
    # (this year, change, direction) → last year = this ∓ change; the rate on last year
    for this, change, up in (("120.00", "20.00", True), ("476.17", "84.55", False), ("1523.26", "37.40", True), ("58.60", "11.72", False)):
        last = str(Decimal(this) - Decimal(change)) if up else str(Decimal(this) + Decimal(change))
        rate, wrong = pct(change, last), pct(change, this)  # the wrong one: on this year's figure
        amount, rise = ("增加", "增长") if up else ("减少", "下降")
        for wording, sentence, make in (
            # holdout9/guangxi-sanjiang-tongle-health-centre-2025-unit-budget.txt: 比上年增加64.23万元,增长5.7%
            ("比上年…增长", "2021年收入预算{this}万元，比上年{a}{d}万元，{r}{p}%。", budget),
            # holdout15/chongqing-banan-farm-machinery-extension-station-2018-final.txt: 较上年决算减少281.48万元,下降26.90%
            ("较上年决算", "2020年度本年收入合计{this}万元，较上年决算{a}{d}万元，{r}{p}%。", final),
            # holdout19/xinjiang-changji-no5-middle-school-2017-final.txt: 与上年相比,增加193万元,增长11.59%
            ("与上年相比", "2020年度本年支出合计{this}万元，与上年相比，{a}{d}万元，{r}{p}%。", final),
            # holdout3/guangxi-lalang-forest-farm-2022-unit-budget.txt: 同比减少330.51万元,同比下降6.54%
            ("同比…同比", "2021年支出预算{this}万元，同比{a}{d}万元，同比{r}{p}%。", budget),
            # hidden/gansu-tianshui-kindergarten-2017-final.txt: 财政拨款收入总计1516.64万元,与上年相比减少58.49万元,降低3.71%
            ("与上年相比…降低", "2020年度财政拨款收入总计{this}万元，与上年相比{a}{d}万元，{r2}{p}%。", final),
            # holdout5/guangdong-zhanjiang-environmental-protection-2018-three-public-budget.txt: 比上年减少了8.45万元,下降了7.2%
            ("比上年…了…了", "2021年“三公”经费预算安排{this}万元，比上年{a}了{d}万元，{r}了{p}%。", budget),
            # holdout13/chongqing-first-social-welfare-home-2020-final.txt: 收入合计7,785.37万元,较上年决算数增加136.84万元,增幅1.79%
            ("较上年决算数…增幅", "2020年度收入合计{this}万元，较上年决算数{a}{d}万元，{r3}{p}%。", final),
            # hidden/shaanxi-xian-xincheng-health-2019-three-public-budget.txt: 公务接待费2.30万元,较上年减少1.5万元(42.86%)
            ("较上年…(P%)", "2021年公务接待费{this}万元，较上年{a}{d}万元({p}%)。", budget),
            # holdout3/sichuan-meishan-beidou-middle-school-2023-unit-final.txt: 收、支总计各减少46.54万元,下降4.6%
            ("收、支总计各", "2020年度收、支总计均为{this}万元。与2019年相比，收、支总计各{a}{d}万元，{r}{p}%。", final),
        ):
            words = {"this": this, "a": amount, "d": change, "r": rise, "r2": "增长" if up else "降低", "r3": "增幅" if up else "降幅"}
            ok, bad = sentence.format(**words, p=rate), sentence.format(**words, p=wrong)
            cases.append(Case("change-rate", wording, ("yoy-agrees", "change-percent-agrees"), make(ok), make(bad), f"{wrong}%"))
    # a change in 元 with thousands commas, spaced as printed (hidden4/unnamed-wuzhou-platform-a-2021-budget.txt:
    # 基本支出预算 924,289.71 元,占支出总预算的100.00%,同比减少 275,044.29 元,下降 22.93 %)
    for this, change in (("924,289.71", "275,044.29"), ("857,890.16", "261,443.84")):
        plain = (Decimal(this.replace(",", "")), Decimal(change.replace(",", "")))
        rate, wrong = pct(str(plain[1]), str(plain[0] + plain[1])), pct(str(plain[1]), str(plain[0]))
        s = "1. 基本支出预算 {t} 元,占支出总预算的100.00%,同比减少 {d} 元,下降 {p} %。"
        cases.append(case("change-rate", "同比减少 D 元,下降 P %", ("yoy-agrees",), budget, s, f"下降{wrong}%", {"t": this, "d": change, "p": rate}, p=wrong))
    # a completion rate and a change on last year in one sentence (holdout2/guangdong-finance-department-2023-three-public-final.txt:
    # 经费财政拨款支出决算为62.07万元,完成全年预算84.82万元的73.2%,比上年决算数增加38.97万元,增长168.7%)
    for spent, budgeted, change in (("62.07", "84.82", "38.97"), ("27.46", "29.60", "6.32")):
        rate = pct(change, str(Decimal(spent) - Decimal(change)), 1)
        wrong = pct(change, spent, 1)
        done = pct(spent, budgeted, 1)
        s = "2020年度“三公”经费财政拨款支出决算为{s}万元，完成全年预算{b}万元的{c}%，比上年决算数增加{d}万元，增长{p}%。"
        cases.append(case("change-rate", "完成…的P%,比上年决算数增加", ("yoy-agrees",), final, s, f"增长{wrong}%",
                          {"s": spent, "b": budgeted, "c": done, "d": change, "p": rate}, p=wrong))
    # a rate against both years' amounts printed (holdout9/guangdong-lechang-forestry-bureau-2018-three-public-use.txt:
    # 本年度公务用车费为28万元,比去年同期26万元增长了7.69%)
    for this, last in (("28", "26"), ("45.30", "40.10")):
        rate, wrong = pct(str(Decimal(this) - Decimal(last)), last), pct(str(Decimal(this) - Decimal(last)), this)
        s = "本年度公务用车费为{t}万元，比去年同期{l}万元增长了{p}%。"
        cases.append(case("change-amount", "比去年同期Y万元增长了P%", ("change-percent-agrees", "yoy-agrees", "change-agrees"), budget, s, f"{wrong}%",
                          {"t": this, "l": last, "p": rate}, p=wrong))
    # a rise from nothing, the rate said to be none (holdout3/guangdong-luohu-qingshuihe-subdistrict-2024-three-public-final.txt:
    # 因公出国(境)费支出决算为0.94万元,完成全年预算0.94万元的100%,比上年决算数增加0.94万元,增长--(基数为0,不可比))
    for amount in ("0.94", "12.30"):
        s = "其中：因公出国(境)费支出决算为{a}万元，完成全年预算{a}万元的100%，比上年决算数增加{a}万元，增长{p}。"
        cases.append(Case("change-rate", "增长--(基数为0,不可比)", ("yoy-agrees",), final(s.format(a=amount, p="--(基数为0,不可比)")),
                          final(s.format(a=amount, p="100%")), "增长100%"))
    # last year's figure printed without its unit (holdout11/unnamed-hlx-site-2018-three-public-final.txt:
    # “三公”经费支出2.05万元,较上年2.08减少0.03万元,减少了1.44%)
    for this, last in (("2.05", "2.50"), ("18.40", "20.00")):
        change = str(Decimal(last) - Decimal(this))
        rate, wrong = pct(change, last), pct(change, this)
        s = "2020年度“三公”经费支出{t}万元，较上年{l}减少{d}万元，减少了{p}%。"
        cases.append(case("change-rate", "较上年Y减少D万元,减少了P%", ("yoy-agrees", "change-percent-agrees", "change-agrees"), final, s, f"{wrong}%",
                          {"t": this, "l": last, "d": change, "p": rate}, p=wrong))
    # the amount against both years printed
    # holdout9/yunnan-puer-ethnic-middle-school-2017-three-public-budget.txt: 拟安排公务接待费预算1.97万元,较2017年的1.86万元增加(减少)0.11万元
    for this, last in (("1.97", "1.86"), ("45.30", "52.10")):
        diff = str(abs(Decimal(this) - Decimal(last)))
        word = "增加" if Decimal(this) > Decimal(last) else "减少"
        sentence = "拟安排公务接待费预算{t}万元，较2020年的{l}万元{w}{d}万元。"
        planted = str(Decimal(diff) + Decimal("0.50"))
        cases.append(case("change-amount", "较上年的Y万元", ("change-agrees", "yoy-agrees"), budget, sentence, f"{word}{planted}万元",
                          {"t": this, "l": last, "w": word, "d": diff}, d=planted))
    # 持平 is not probed: the pages print it beside this year's figure only (“公务用车购置费0万元,与2019年预算持平”,
    # corpus js_prov_npc_cttee_office_2017_dept_budget.pdf “与上年预算数持平”), so nothing on the page contradicts it
    # a list of changes whose figures the sentence before states, with 分别 (holdout21, sichuan-dazhou-gexi-school-2020-final.txt:
    # 2020年度收入476.17、支总计460.06万元。与2019年相比,收入减少84.55、支出总计减少99.6万元,分别下降18%、21.6%)
    for rev, exp, drev, dexp in (("476.17", "460.06", "84.55", "99.60"), ("812.40", "790.15", "61.20", "40.05")):
        r1, r2 = pct(drev, str(Decimal(rev) + Decimal(drev)), 1), pct(dexp, str(Decimal(exp) + Decimal(dexp)), 1)
        w2 = pct(dexp, exp, 1)
        s = "2020年度本年收入合计{rev}万元、本年支出合计{exp}万元。与2019年相比，收入减少{drev}万元、支出减少{dexp}万元，分别下降{r1}%、{r2}%。"
        cases.append(case("change-list", "分别下降P%、Q%", ("yoy-agrees",), final, s, f"{w2}%", {"rev": rev, "exp": exp, "drev": drev, "dexp": dexp, "r1": r1, "r2": r2}, r2=w2))
        # hidden/sichuan-unnamed-unit-2022-final-part2.txt: 收、支总计各减少1267.86,2570.97万元,各下降23.51%、38.28%
        # (its two totals one figure here: two different 收、支总计 are a contradiction of their own)
        t = "2020年度收、支总计各是{rev},{rev}万元。与2019年相比,收、支总计各减少{drev},{drev}万元,各下降{r1}%、{r2}%。"
        wrong = pct(drev, rev, 2)
        right = pct(drev, str(Decimal(rev) + Decimal(drev)), 2)
        cases.append(case("change-list", "各减少A,B万元,各下降P%、Q%", ("yoy-agrees",), final, t, f"{wrong}%", {"rev": rev, "drev": drev, "r1": right, "r2": right}, r2=wrong))
    # (“分别增加A万元、B万元” with its figures listed by 分别为 is in no fixture nor corpus page: not probed, its wording unattested)
    return cases


def _shares_and_rates() -> list[Case]:
    """A share against its base (占…%), a completion rate against its budget."""
    cases: list[Case] = []
    for total, part in (("1687.45", "1516.64"), ("241.78", "162.38"), ("4143.91", "1140.27")):
        share, wrong = pct(part, total), pct(part, str(Decimal(total) + 100))
        rest = str(Decimal(total) - Decimal(part))
        for wording, sentence, make in (
            # holdout17/sichuan-gongxian-wangjia-kindergarten-2024-final.txt: 本年支出合计241.78万元,其中:基本支出162.38万元,占67.16%
            ("其中…占P%", "2020年度本年支出合计{t}万元，其中：基本支出{p}万元，占{s}%；项目支出{r}万元，占{s2}%。", final),
            # holdout2/yunnan-xundian-political-legal-committee-2022-three-public-final.txt: 占总支出决算的22.10%
            ("占总支出决算的", "2020年度本年支出合计{t}万元。基本支出{p}万元，占总支出决算的{s}%；项目支出{r}万元，占总支出决算的{s2}%。", final),
            # holdout/sichuan-unnamed-health-unit-2020-final-part3.txt: 一般公共预算财政拨款支出1264.92万元,占本年支出合计的31.45%
            ("占本年支出合计的", "2020年度本年支出合计{t}万元。基本支出{p}万元，占本年支出合计的{s}%；项目支出{r}万元，占本年支出合计的{s2}%。", final),
            # holdout7/hubei-shiyan-veterans-affairs-bureau-2019-final.txt: 收入合计3748.25万元,其中:财政拨款收入3360.35万元,占收入总额的89.65%
            ("占收入总额的", "2020年度收入合计{t}万元，其中：财政拨款收入{p}万元，占收入总额的{s}%；其他收入{r}万元，占收入总额的{s2}%。", final),
            # holdout9/hunan-tianxin-cppcc-2018-budget.txt: 收入预算数616.38万元,其中,财政拨款(补助)收入616.38万元,占总收入的比重为100%
            ("占总收入的比重为", "2021年部门收入预算数{t}万元，其中，财政拨款(补助)收入{p}万元，占总收入的比重为{s}%，其他收入{r}万元，占总收入的比重为{s2}%。", budget),
            # holdout2/hunan-yueyang-forestry-2022-budget.txt: 占比6.60%
            ("占比", "2021年支出预算{t}万元，其中：基本支出{p}万元，占比{s}%；项目支出{r}万元，占比{s2}%。", budget),
        ):
            s2 = pct(rest, total)
            ok = sentence.format(t=total, p=part, s=share, r=rest, s2=s2)
            bad = sentence.format(t=total, p=part, s=wrong, r=rest, s2=s2)
            cases.append(Case("share", wording, ("share-agrees",), make(ok), make(bad), f"{wrong}%"))
    # a “三公” item's share of the “三公” total stated before it (holdout3/yunnan-fuyuan-government-office-2018-three-public-budget.txt:
    # 其中公务接待费预算为2.4万元,占“三公”经费的 14.63%; 公务用车购置及运行费预算为14万元,占“三公”经费的85.37%)
    for car, rec in (("14", "2.4"), ("8.50", "3.20")):
        total = str(Decimal(car) + Decimal(rec))
        share, wrong = pct(rec, total), pct(rec, car)
        s = "2021年“三公”经费预算{t}万元，其中公务接待费预算为{r}万元，占“三公”经费的 {s}%；公务用车购置及运行费预算为{c}万元，占“三公”经费的{s2}%。"
        cases.append(Case("share", "占“三公”经费的", ("share-agrees",), budget(s.format(t=total, r=rec, s=share, c=car, s2=pct(car, total))),
                          budget(s.format(t=total, r=rec, s=wrong, c=car, s2=pct(car, total))), f"{wrong}%"))
    # a completion rate: the 决算 on the 年初预算 named in the sentence, and the rate against the wrong base
    for budgeted, spent in (("29.60", "27.46"), ("84.82", "62.07"), ("3.00", "1.71")):
        rate, wrong = pct(spent, budgeted, 1), pct(budgeted, str(Decimal(budgeted) + Decimal(spent)), 1)
        for wording, sentence in (
            # holdout2/guangdong-finance-department-2023-three-public-final.txt: 用车购置及运行维护费支出决算为27.46万元,完成预算29.6万元的92.8%
            ("完成预算Y万元的P%", "公务用车运行维护费支出决算为{s}万元，完成预算{b}万元的{r}%。"),
            # hidden3/anhui-shouxian-cultural-relics-2023-three-public-final.txt: “三公”经费支出预算为3万元,支出决算为1.71万元,完成预算的43%
            ("预算为Y…完成预算的P%", "2020年度“三公”经费支出预算为{b}万元，支出决算为{s}万元，完成预算的{r}%。"),
            # holdout2/yunnan-xundian-culture-tourism-2022-three-public-final.txt: 年初预算…完成年初预算的96.33%
            ("完成年初预算的P%", "2020年度“三公”经费支出年初预算为{b}万元，支出决算为{s}万元，完成年初预算的{r}%。"),
        ):
            cases.append(case("completion-rate", wording, ("completion-rate-agrees",), final, sentence, f"{wrong}%",
                              {"s": spent, "b": budgeted, "r": rate}, r=wrong))
    return cases


def _sums(
    kind: str, wording: str, checks: tuple[str, ...], make: Callable[..., str], sentence: str, rows: tuple[dict[str, str], ...], delta: str
) -> list[Case]:
    """A total ``{t}`` stated over its parts (each of ``rows`` the parts' figures), planted ``delta`` off their sum."""
    out = []
    for parts in rows:
        total = sum((Decimal(v) for v in parts.values()), Decimal(0))
        off = str(total + Decimal(delta))
        out.append(case(kind, wording, checks, make, sentence, off, {**parts, "t": str(total)}, t=off))
    return out


def _prose_sums() -> list[Case]:
    """Sums the prose states: 其中 lists, 基本支出 + 项目支出, 政府采购 货物+工程+服务, the “三公” parts, 收、支总计.

    A list's parts above their total are planted: a total above its parts may leave a part unnamed, which no check judges.
    """
    revenue, lines = ("revenue-lines-add-up", "revenue-total-adds-up"), ({"a": "1516.64", "b": "170.81", "c": "0"}, {"a": "593.39", "b": "12.00", "c": "4.50"})
    basic, classes = ("basic-plus-project", "prose-class-adds-up"), ({"b": "162.38", "p": "79.40"}, {"b": "1121.09", "p": "821.48"}, {"b": "729.95", "p": "0"})
    bought = ({"g": "13.99", "w": "31.25", "s": "0"}, {"g": "9.92", "w": "0", "s": "5.40"}, {"g": "120.00", "w": "35.50", "s": "44.50"})
    three, items = ("three-public-parts-add-up", "three-public-prose-agrees"), ({"o": "0", "c": "21.00", "r": "20.00"}, {"o": "3.50", "c": "12.40", "r": "6.10"})
    cases = [
        # holdout14/guizhou-provincial-science-association-2015-final.txt: 本年收入合计7086.46万元,其中:财政拨款收入6917.84万元
        *_sums("prose-list", "本年收入合计…其中", revenue, final, "2020年度本年收入合计{t}万元，其中：财政拨款收入{a}万元，事业收入{b}万元，其他收入{c}万元。", lines, "-10"),
        # holdout13/zhejiang-ningbo-minglou-community-health-centre-2021-budget.txt: 收入预算11654.33万元,其中:一般公共预算拨款收入3225万元
        *_sums("prose-list", "收入预算…其中", revenue, budget, "2021年收入预算{t}万元，其中：一般公共预算拨款收入{a}万元，事业收入{b}万元，其他收入{c}万元。", lines, "-10"),
        # holdout17/sichuan-gongxian-wangjia-kindergarten-2024-final.txt: 本年支出合计241.78万元,其中:基本支出162.38万元…项目支出79.40万元
        *_sums("basic-plus-project", "本年支出合计…其中", basic, final, "2020年度本年支出合计{t}万元，其中：基本支出{b}万元，项目支出{p}万元。", classes, "3.20"),
        # holdout7/sichuan-cangxi-library-2018-budget.txt: 支出预算77.37万元,其中:基本支出74.87万元,占96.8%;项目支出2.5万元
        *_sums("basic-plus-project", "支出预算…其中", basic, budget, "2021年支出预算{t}万元，其中：基本支出{b}万元，项目支出{p}万元。", classes, "3.20"),
        # holdout12/shanxi-xinzhou-second-experimental-primary-2018-final.txt: 政府采购总额45.24万元,其中:货物13.99万元,工程31.25万元
        *_sums("procurement", "货物+工程+服务", ("procurement-parts-add-up",), budget, "2021年政府采购预算总额{t}万元，其中：货物{g}万元，工程{w}万元，服务{s}万元。", bought, "-1"),
        # corpus-wide cq_city_cpc_publicity_dept_2026_dept_budget.pdf: 政府采购预算总额 712.49 万元：政府采购货物预算 486.50 万元、政府采购工程预算 0 万元、…
        *_sums("procurement", "政府采购货物预算…", ("procurement-parts-add-up",), budget,
               "2021年政府采购预算总额{t}万元：政府采购货物预算{g}万元、政府采购工程预算{w}万元、政府采购服务预算{s}万元。", bought, "-1"),
        # holdout13/chongqing-fuling-jiaoshi-town-2020-three-public-final.txt: 2020年度“三公”经费41万元,其中:因公出国(境)费0万元,公务用车购置及运行维护费21万元…
        *_sums("three-public-sum", "其中 三项", three, final, "2020年度“三公”经费支出{t}万元，其中：因公出国(境)费{o}万元，公务用车购置及运行维护费{c}万元，公务接待费{r}万元。", items, "2"),
        # holdout2/hainan-transport-department-2022-three-public-budget.txt: 2022年一般公共预算“三公”经费预算数为98.65万元,其中:
        *_sums("three-public-sum", "预算数为…其中", three, budget, "2021年一般公共预算“三公”经费预算数为{t}万元，其中：因公出国(境)费{o}万元，公务用车购置及运行费{c}万元，公务接待费{r}万元。", items, "2"),
        # the same page: 公务用车购置及运行维护费21万元(公务用车购置费0万元、公务用车运行维护费21万元), the vehicles' parts in brackets after their sum
        *_sums("three-public-sum", "购置及运行维护费T(购置费A、运行维护费B)", ("three-public-vehicle-adds-up", "three-public-parts-add-up"), final,
               "2020年度“三公”经费支出{t}万元，其中：因公出国(境)费0万元，公务用车购置及运行维护费{t}万元(公务用车购置费{b}万元、公务用车运行维护费{r}万元)，公务接待费0万元。",
               ({"b": "0", "r": "21.00"}, {"b": "12.50", "r": "8.30"}), "1.10"),
        # holdout7/sichuan-luxian-court-2018-budget.txt: 机关运行经费预算总额346.66万元,其中:办公费30万元,印刷费5万元,水费5万元,电费15万元…
        *_sums("operating-sum", "机关运行经费…其中", ("operating-funds-parts-add-up",), budget, "2021年机关运行经费预算总额{t}万元，其中：办公费{o}万元，水费{w}万元，电费{p}万元。",
               ({"o": "30", "w": "5", "p": "15"}, {"o": "12.40", "w": "3.10", "p": "6.50"}), "-2"),
    ]
    # 收、支总计: a final account's two totals are one figure; the template's figures put inside it
    for rev, exp in (("476.17", "460.06"), ("1523.26", "1520.26")):
        # holdout21/sichuan-dazhou-gexi-school-2020-final.txt: 2020年度收入476.17、支总计460.06万元
        cases.append(Case("revenue-expenditure", "收入A、支总计B", ("revenue-equals-expenditure",), final(f"2020年度收入{rev}、支总计{rev}万元。"),
                          final(f"2020年度收入{rev}、支总计{exp}万元。"), exp))
        # hidden/sichuan-unnamed-unit-2022-final-part2.txt: 2022年度收、支总计各是4125.49,4143.91万元
        cases.append(Case("revenue-expenditure", "收、支总计各是A,B", ("revenue-equals-expenditure",), final(f"2020年度收、支总计各是{rev},{rev}万元。"),
                          final(f"2020年度收、支总计各是{rev},{exp}万元。"), exp))
        # holdout15/chongqing-banan-farm-machinery-extension-station-2018-final.txt: 本部门2018年度收入合计764.97万元 (each total named alone)
        cases.append(Case("revenue-expenditure", "收入总计A…支出总计B", ("revenue-equals-expenditure", "prose-restates-consistently"),
                          final(f"2020年度收入总计{rev}万元，支出总计{rev}万元。"), final(f"2020年度收入总计{rev}万元，支出总计{exp}万元。"), exp))
    return cases


def _restated_and_years() -> list[Case]:
    """One amount stated twice differently; a year named wrong (a budget for N compared with “N年预算”)."""
    cases: list[Case] = []
    for first, second in (("476.17", "467.17"), ("1523.26", "1532.26")):
        # holdout17/sichuan-gongxian-wangjia-kindergarten-2024-final.txt states 本年收入合计 in 一 and again in 二
        s = "一、收入支出决算总体情况说明\n2020年度本年收入合计{a}万元。\n二、收入决算情况说明\n2020年度本年收入合计{b}万元，均为财政拨款收入。"
        cases.append(case("restated", "本年收入合计 twice", ("prose-restates-consistently", "prose-consistent"), final, s, second, {"a": first, "b": first}, b=second))
        s = "一、收入支出决算总体情况说明\n2020年度本年支出合计{a}万元。\n三、支出决算情况说明\n2020年度本年支出合计{b}万元，全部为基本支出。"
        cases.append(case("restated", "本年支出合计 twice", ("prose-restates-consistently", "prose-consistent"), final, s, second, {"a": first, "b": first}, b=second))
    # holdout2/anhui-shouxian-justice-2022-three-public-budget.txt: (a 2022 budget) 比2021年预算减少4万元,下降50%;
    # a final account: holdout14/guangdong-chenghai-science-association-2016-final.txt “2016年收入决算 193.86万元,比2015年决算数增加12.28 万元”
    for this, change in (("4.00", "4.00"), ("75.00", "45.00")):
        last = str(Decimal(this) + Decimal(change))
        rate = pct(change, last)
        s = "2021年公务接待费预算{t}万元，比{y}年预算减少{d}万元，下降{r}%。"
        cases.append(case("year", "N年预算 in a budget for N", ("comparison-year-valid", "fiscal-year-consistent"), budget, s, "2021年预算",
                          {"t": this, "y": "2020", "d": change, "r": rate}, y="2021"))
        # a final account of 2020 comparing with 2020年决算
        s = "2020年度本年支出合计{t}万元，比{y}年决算数减少{d}万元，下降{r}%。"
        cases.append(case("year", "N年决算数 in a final account for N", ("comparison-year-valid", "fiscal-year-consistent"), final, s, "2020年决算数",
                          {"t": this, "y": "2019", "d": change, "r": rate}, y="2020"))
        # holdout9/yunnan-puer-ethnic-middle-school-2017-three-public-budget.txt (a 2017 budget): 较2017年的1.86万元增加(减少)0.11万元
        s = "拟安排公务接待费预算{t}万元，较{y}年的{l}万元减少{d}万元。"
        cases.append(case("year", "较N年的Y万元 in a budget for N", ("comparison-year-valid", "fiscal-year-consistent"), budget, s, "2021年",
                          {"t": this, "y": "2020", "l": last, "d": change}, y="2021"))
    # a year neither the fiscal year nor the one before, about money
    # holdout2/hunan-yueyanglou-luowang-subdistrict-2022-final.txt, holdout3/hubei-guangshui-baiquan-health-centre-2023-final.txt:
    # another year's 年度 in the prose of a final account (fiscal-year-consistent keys)
    for year in ("2018", "2017"):
        cases.append(case("year", "another year's 收入", ("fiscal-year-consistent",), final, "{y}年度本年收入合计476.17万元，全部为财政拨款收入。", f"{year}年度", {"y": "2020"}, y=year))
    return cases


def _names_and_remnants() -> list[Case]:
    """Retired class names; what the filer left of the template: both alternatives, instructions, blanks."""
    cases: list[Case] = []
    # holdout9/hunan-yunxi-first-middle-school-2018-budget.txt: 医疗卫生与计划生育支出 (2018; 卫生健康支出 from 2019)
    for old, new in (("医疗卫生与计划生育支出", "卫生健康支出"), ("医疗卫生与计划生育(类)", "卫生健康(类)")):
        cases.append(case("retired-name", old, ("classification-name-current",), budget, "2021年支出预算中，{n}35.20万元，主要用于职工医疗保险。", "医疗卫生与计划生育", {"n": new}, n=old))
    # holdout18/hainan-danzhou-eighth-kindergarten-2023-final.txt: 增加(减少)67.65万元,增长100%; 增加(减少)0万元,增长(下降)0%
    for ok, bad, words in (
        ("比上年增加20.00万元，增长20%", "比上年增加(减少)20.00万元，增长(下降)20%", "增加(减少)"),
        ("较上年减少1.73万元，下降50.58%", "较上年减少(增加)1.73万元，下降50.58%", "减少(增加)"),
        ("比上年增加20.00万元，增长20%", "比上年增加/减少20.00万元，增长/下降20%", "增加/减少"),
        ("比上年增加20.00万元，增长20%", "比上年增加(或减少)20.00万元，增长(或下降)20%", "增加(或减少)"),
        # holdout3/guangxi-yanghe-liuzuo-school-2023-budget.txt: 同比增长下降57% (both directions run together)
        ("比上年增加20.00万元，同比增长20%", "比上年增加20.00万元，同比增长下降20%", "增长下降"),
    ):
        this = "120.00" if "20%" in ok else "1.69"
        cases.append(case("remnant-both", words, ("template-alternatives-chosen",), budget, "2021年收入预算{t}万元，{c}。", words, {"t": this, "c": ok}, c=bad))
    # holdout2/hunan-yueyang-taichuangyuan-2017-three-public-budget.txt: 请对“三公”经费增减变化原因等进行说明 (the filer asked to
    # explain, left in); holdout6/shanxi-pinglu-tree-planting-centre-2019-final.txt: 部门应当按照部门预算管理要求,参照公开模板进行专业名词解释;
    # holdout9/guangxi-sanjiang-tongle-health-centre-2025-unit-budget.txt: 格式和内容没有固定要求
    for ok, bad, words in (
        ("公务接待费减少的主要原因是压缩接待次数。", "请对“三公”经费增减变化原因等进行说明。", "请对“三公”经费增减变化原因等进行说明"),
        ("以下为专业名词解释。", "部门应当按照部门预算管理要求，参照公开模板进行专业名词解释。", "参照公开模板进行专业名词解释"),
        ("以下为本单位机构设置情况。", "这部分主要介绍本单位机构设置情况，格式和内容没有固定要求，可以参考但不限于以下内容：", "格式和内容没有固定要求"),
    ):
        cases.append(Case("remnant-instruction", words[:8], ("template-instructions-removed",), budget(ok), budget(bad), words))
    # one figure printed in 万元 for the whole and in 元 for one fund's same line (holdout18/gansu-zhouqu-second-kindergarten-2023-final.txt:
    # 年末结转和结余资金为5862.89万元 … 一般公共预算财政拨款年末结转和结余5862.89元)
    for amount in ("5862.89", "312.40"):
        s = ("2020年度上年结转和结余资金为0万元，本年收入{a}万元，支出0万元，用事业基金弥补收支差额0万元，结余分配0万元，年末结转和结余资金为{a}万元。\n"
             "2020年度一般公共预算财政拨款上年结转0万元，一般公共预算财政拨款收入{a}万元，一般公共预算财政拨款支出0万元，一般公共预算财政拨款年末结转和结余{a}{u}。")
        cases.append(case("unit", "万元 and 元 for one figure", ("unit-mislabel",), final, s, f"{amount}元", {"a": amount, "u": "万元"}, u="元"))
    # holdout4/hebei-cangzhou-no5-middle-school-2021-final.txt: 单位名称:河北省 XXX 厅
    cases.append(Case("remnant-blank", "XXX", ("template-placeholders-filled",), budget("单位名称：岳阳市教育局。"), budget("单位名称：湖南省 XXX 厅。"), "XXX"))
    # holdout2/guangdong-zhanjiang-propaganda-2017-three-public-budget.txt: 占 % (a blank for a figure)
    for ok, bad, words in (
        ("其中：基本支出80.00万元，占80%；项目支出20.00万元，占20%。", "其中：基本支出80.00万元，占 %；项目支出20.00万元，占20%。", "占%"),
        # holdout16/hubei-jianghan-party-school-2015-three-public-budget.txt: 截至2014年底本单位公务用车辆共 台
        ("截至2020年底本单位公务用车辆共2台。", "截至2020年底本单位公务用车辆共 台。", "共台"),
        # holdout17/yunnan-longyang-wama-township-2017-three-public-final.txt: 其中:因公出国(境)费为XX万元
        ("其中：因公出国(境)费为0万元。", "其中：因公出国(境)费为XX万元。", "XX万元"),
    ):
        cases.append(case("remnant-blank", words, ("template-placeholders-filled",), budget, "2021年支出预算100.00万元，" + "{c}", words, {"c": ok}, c=bad))
    return cases


SUMMARY = (
    "部门收支总表\n单位：万元\n收入\t\t支出\t\n项目\t金额\t项目\t金额\n一、一般公共预算拨款收入\t{rev}\t一、教育支出\t{edu}\n"
    "二、事业收入\t0.00\t二、社会保障和就业支出\t{soc}\n\t\t三、住房保障支出\t{house}\n本年收入合计\t{rev}\t本年支出合计\t{exp}\n"
    "收入总计\t{rev}\t支出总计\t{exp}\n"
)
THREE_PUBLIC = (
    "一般公共预算“三公”经费支出预算表\n单位：万元\n“三公”经费合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\n"
    "\t\t小计\t公务用车购置费\t公务用车运行费\t\n{t}\t{o}\t{v}\t0.00\t{v}\t{r}\n"
)
OPERATING = "机关运行经费支出预算表\n单位：万元\n项目\t预算数\n合计\t{t}\n"


def _tables() -> list[Case]:
    """A table against itself and the prose against a table: the 收支总表's class rows, the “三公” and 机关运行经费 tables."""
    cases: list[Case] = []
    for edu, soc, house in (("469.47", "65.45", "58.47"), ("1200.00", "80.10", "40.90")):
        total = str(Decimal(edu) + Decimal(soc) + Decimal(house))
        off = str(Decimal(edu) + 5)
        # seed 001 (牧野) 预算01表, tests/tables/test_summary.py MUYE: class rows beside 本年支出合计
        table = SUMMARY.format(rev=total, edu=edu, soc=soc, house=house, exp=total)
        cases.append(Case("summary-classes", "收支总表 class rows", ("expenditure-total-adds-up", "function-sum-matches-total"),
                          budget(f"2021年收入预算{total}万元，支出预算{total}万元。", table),
                          budget(f"2021年收入预算{total}万元，支出预算{total}万元。", SUMMARY.format(rev=total, edu=off, soc=soc, house=house, exp=total)), off))
    for out, veh, rec in (("0.00", "1.10", "0.50"), ("2.00", "12.40", "6.10")):
        total = str(Decimal(out) + Decimal(veh) + Decimal(rec))
        table = THREE_PUBLIC.format(t=total, o=out, v=veh, r=rec)
        off = str(Decimal(total) + Decimal("0.40"))
        # holdout2/hainan-transport-department-2022-three-public-budget.txt: “三公”经费预算数为98.65万元 (prose) beside the 三公 table
        s = "2021年“三公”经费预算{t}万元，其中：因公出国（境）费{o}万元，公务用车购置及运行费{v}万元，公务接待费{r}万元。"
        cases.append(Case("three-public-table", "prose 三公 vs table", ("prose-consistent", "three-public-prose-agrees", "three-public-parts-add-up"),
                          budget(s.format(t=total, o=out, v=veh, r=rec), table), budget(s.format(t=off, o=out, v=veh, r=rec), table), off))
        # the table's total against its own parts
        cases.append(Case("three-public-table", "三公 table parts", ("three-public-parts-add-up",), budget("以下为“三公”经费预算表。", table),
                          budget("以下为“三公”经费预算表。", THREE_PUBLIC.format(t=off, o=out, v=veh, r=rec)), off))
    for amount in ("45.60", "346.66"):
        off = str(Decimal(amount) + 10)
        # holdout7/sichuan-luxian-court-2018-budget.txt: 机关运行经费预算总额346.66万元
        s = "2021年机关运行经费预算总额{a}万元，主要用于办公费、水电费等。"
        cases.append(Case("operating-table", "机关运行经费预算总额", ("prose-consistent", "prose-agrees-with-table"), budget(s.format(a=amount), OPERATING.format(t=amount)),
                          budget(s.format(a=off), OPERATING.format(t=amount)), off))
        # holdout6/hunan-yunxi-disease-control-centre-2018-budget.txt: 机关运行经费,当年一般公共预算拨款6.83万元
        s = "机关运行经费，当年一般公共预算拨款{a}万元，主要用于办公费。"
        cases.append(Case("operating-table", "机关运行经费,当年…拨款", ("prose-consistent", "prose-agrees-with-table"), budget(s.format(a=amount), OPERATING.format(t=amount)),
                          budget(s.format(a=off), OPERATING.format(t=amount)), off))
    return cases


def cases() -> list[Case]:
    """Every case, in a fixed order."""
    return [*_changes(), *_shares_and_rates(), *_prose_sums(), *_restated_and_years(), *_names_and_remnants(), *_tables()]
