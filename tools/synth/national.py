"""Final accounts in the national layout (部门决算, 财决 tables): their figures in three phases.

What the layout is, and where each fact was read
------------------------------------------------
- The public final account is a set of nine tables in a fixed order: 一 收入支出决算总表, 二 收入决算表,
  三 支出决算表, 四 财政拨款收入支出决算总表, 五 一般公共预算财政拨款支出决算表, 六 一般公共预算财政拨款
  基本支出决算表, 七 (一般公共预算)财政拨款“三公”经费支出决算表, 八 政府性基金预算财政拨款收入支出
  决算表, 九 国有资本经营预算财政拨款(收入)支出决算表. Read in the 目录 of
  the corpus's one real final account (上海市普陀区财政局 2024 部门决算, p. 2) and in
  the lists of 柞水县审计局 2020 (http://219.145.244.73:88/html/zwgk/czysjs/118395.html), 湛江市人民政府
  行政服务中心 2021 (https://gosugo.com/zdlyxxgk/czyjshsg/bmyjs/bmjs/2021/content/post_1669527.html)
  and 曾都区河道堤防建设管理处 2021 (https://pdf.wenkuvip.com/archives/769xb3le5kpb0lmzpngj.html,
  numbered 表1 … 表9). So the “三公” table is the seventh: we number it 07, not 08.
- The reporting forms behind them are numbered 财决01表 … 财决09表 with sub-forms (01-1, 05-1…05-3,
  08-1, 08-2): the outline of a 2022 部门决算工作手册 (https://m.bdocx.com/doc/11523948.html), and the
  notes “数据来源于财决 01 表 / 04 表 / 01-1 表 / 08 表” in ``sources/002_…txt`` (中共乐山市金口河区委
  办公室 2024 年度部门决算, Sichuan). We print 财决NN表 (by the public order), 表N or no number.
- 收入支出决算总表: a 收入 block on the left and a 支出 block on the right, each 项目 and an amount;
  revenue lines 一、一般公共预算财政拨款收入 … 八、其他收入; spending by 类 (一、一般公共服务支出 …);
  then 本年收入合计 | 本年支出合计, 使用非财政拨款结余（含专用结余） | 结余分配, 年初结转和结余 |
  年末结转和结余, 总计 | 总计 (Putuo pp. 6–7). 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和
  结余, and the same on the spending side (乌鲁木齐市政务服务中心 2023, prose:
  http://upcchem.com/wlmqs/c119485/202501/b6ed714d8d334d43bcd1e201fd61491c.shtml).
- 财政拨款收入支出决算总表: left 项目 | amount (一般公共预算财政拨款, 政府性基金预算财政拨款, 国有资本
  经营预算财政拨款); right 项目 | 合计 | 一般公共预算财政拨款 | 政府性基金预算财政拨款 | 国有资本经营预算
  财政拨款; 年初财政拨款结转和结余 with one sub-line per fund; 总计 (Putuo pp. 12–13).
- 一般公共预算财政拨款支出决算表: 支出功能分类科目编码 in 类 | 款 | 项 cells, 科目名称, amounts; Putuo
  prints one phase split 合计 | 基本支出 | 项目支出 (p. 15). A final account carries three phases:
  年初预算数 (the budget as passed), 全年预算数 (after the year's adjustments; 金口河 says its “预算”
  means 全年预算数) and 决算数; 沅江市 2021 财政总决算编制说明
  (https://doc.chddh.cn/archives/mwb3kn269bd5926rqxdp.html) defines 预算数, 调整预算数 and 决算数 the
  same way, spending 决算数 ≤ 调整预算数.
- 一般公共预算财政拨款基本支出决算表: two blocks side by side, each 经济分类科目编码 (类 | 款) | 科目名称 |
  决算数; 301 工资福利支出 and 303 对个人和家庭的补助 on the left, 302 商品和服务支出 and 310 资本性
  支出 on the right; closing 人员经费合计 | 公用经费合计 (Putuo pp. 16–17: 2,082.85 + 69.41 = 2,152.26).
- “三公” table: 预算数 and 决算数 under each of 合计, 因公出国（境）费, 公务用车购置及运行费 (小计,
  公务用车购置费, 公务用车运行费) and 公务接待费, one wide row (Putuo p. 18; 上海市嘉定区司法局 2017,
  http://www.021fenlei.com/n133889.htm, whose prose reads “年初预算为22.00万元，支出决算为8.77万元”).
- 行次 (a line number printed beside each label: 项目 | 行次 | 金额) and 栏次 (a row numbering the
  amount columns 1, 2, 3 …): no stored page holds these tables' cells (the pages hold their lists and
  prose), so this comes from the issue's description of the national layout; 项目 | 行次 is the common
  form of Chinese statutory reports (e.g. a 管理费用明细表, repository horsexming/nianfojishu,
  HHTask/WebRoot/System/caiwu/baobiao/Management.jsp). Numbering the left block 1…n and the right
  block n+1…2n is our assumption.

What the generator makes of it
------------------------------
Tables 财决01 (收入支出决算总表, 行次 on both blocks, 栏次 row), 财决04 (财政拨款收入支出决算总表, idem),
财决05 (一般公共预算财政拨款支出决算表: 年初预算数 | 全年预算数 | 决算数, the last sometimes split 小计 |
基本支出 | 项目支出; 栏次 row), 财决06 (基本支出: 人员经费 and 公用经费 blocks) and 财决07 (“三公”: the
three phases for each item, either one wide row or one row per item with 行次). Only 05 and 07 print
the earlier phases; every other figure is a 决算数. Every identity holds in each phase. No amount
reads as an integer from 1 to 99 in its printed unit (a disclosure that would print one is drawn
again), so a reader that takes a 行次 or 栏次 for an amount cannot pass by luck.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, fields
from decimal import Decimal

from .figures import Disclosure, _amount, generate
from .reference import REVENUE_LINES
from .variants import Variant, draw_variant, varied_style

PHASES = ("approved", "adjusted", "executed")
PHASE_HEADINGS = {"approved": "年初预算数", "adjusted": "全年预算数", "executed": "决算数"}
THREE_PUBLIC_LEAVES = ("outbound_travel", "vehicle_purchase", "vehicle_operation", "reception")
LINE_NUMBERS = 99  # 行次 and 栏次 stay below 100; no amount prints as an integer up to this
ATTEMPTS = 200


@dataclass
class NationalStyle:
    """How one national-layout final account is printed, beyond the budget families of ``Style``."""

    amount_heading: str  # the amount columns of 财决01/04: 金额 or 决算数
    function_split: bool  # 财决05: 决算数 split into 小计 / 基本支出 / 项目支出
    three_public_rows: bool  # “三公”: one row per item with 行次 (else one wide row, each item over its phases)
    block_headings: bool  # 财决06: 人员经费 / 公用经费 headings over the two blocks
    year_in_titles: bool  # table titles start with “2024年度”


def national_style(number: int) -> NationalStyle:
    """Cycled so that any four consecutive disclosures cover every family (any three nearly)."""
    return NationalStyle(
        amount_heading=("金额", "决算数")[number % 2],
        function_split=number % 4 in (1, 2),
        three_public_rows=number % 3 != 1,
        block_headings=number % 2 == 0,
        year_in_titles=number % 4 in (0, 3),
    )


@dataclass
class National(Disclosure):
    """A national-layout final account: ``function`` and ``three_public`` hold the 决算数, ``phases`` the rest."""

    layout: NationalStyle = field(default_factory=lambda: national_style(0))
    variant: Variant = field(default_factory=Variant)  # the layout variant (variants.py), drawn from the seed
    # phase (approved / adjusted) → function code → [total, basic, project]
    phases: dict[str, dict[str, list[int | None]]] = field(default_factory=dict)
    # phase (approved / adjusted) → “三公” item → amount
    three_public_phases: dict[str, dict[str, int]] = field(default_factory=dict)
    # 财政拨款: revenue (一般公共预算), spending, carryover_in, carryover_out
    fiscal: dict[str, int] = field(default_factory=dict)

    def function_in(self, phase: str) -> dict[str, list[int | None]]:
        return self.function if phase == "executed" else self.phases[phase]

    def three_public_in(self, phase: str) -> dict[str, int]:
        return self.three_public if phase == "executed" else self.three_public_phases[phase]


def roll_up(rows: dict[str, list[int | None]]) -> dict[str, list[int | None]]:
    """项 rows with their 款 and 类 sums added, in code order (a zero basic or project sum is None)."""
    for length in (5, 3):
        for code in sorted({c[:length] for c in rows if len(c) == 7}):
            leaves = [v for c, v in rows.items() if len(c) == 7 and c.startswith(code)]
            sums = [sum(leaf[i] or 0 for leaf in leaves) for i in range(3)]
            rows[code] = [sums[0], sums[1] or None, sums[2] or None]
    return dict(sorted(rows.items()))


def three_public_sums(items: dict[str, int]) -> dict[str, int]:
    """The four “三公” leaves with 小计 and 合计."""
    vehicle = items["vehicle_purchase"] + items["vehicle_operation"]
    return {
        "total": items["outbound_travel"] + vehicle + items["reception"],
        "outbound_travel": items["outbound_travel"],
        "vehicle_total": vehicle,
        "vehicle_purchase": items["vehicle_purchase"],
        "vehicle_operation": items["vehicle_operation"],
        "reception": items["reception"],
    }


def draw(number: int, seed: int, unit: tuple[str, str, str, str], attempt: int, variant: Variant | None = None) -> National:
    """One draw of disclosure ``number``: the 决算数 as ``generate`` makes them, then the 财政拨款 and the earlier phases."""
    stream = f":national:{attempt}"
    variant = variant or draw_variant(number, seed)
    base = generate(number, seed, unit, kind="final_account", stream=stream, style=varied_style(number, variant))
    d = National(**{f.name: getattr(base, f.name) for f in fields(Disclosure)}, layout=national_style(number), variant=variant)
    rng = random.Random(f"{seed}:{number}{stream}:phases")
    yuan = d.style.yuan

    # 财政拨款 carried in and out: 一般公共预算 revenue = spending + carried out − carried in
    general = sum(v[0] or 0 for c, v in d.function.items() if len(c) == 3)
    fiscal_in = min(_amount(rng, 1, 30, yuan), general // 4) if rng.random() < 0.5 else 0
    fiscal_out = _amount(rng, 1, 30, yuan) if rng.random() < 0.5 else 0
    d.fiscal = {"revenue": general + fiscal_out - fiscal_in, "spending": general, "carryover_in": fiscal_in, "carryover_out": fiscal_out}
    label = REVENUE_LINES["final_account"][0][0]
    d.revenue[label] = d.fiscal["revenue"]
    t = d.totals
    carry_in, carry_out = fiscal_in + t.pop("carryover_in", 0), fiscal_out + t.pop("carryover_out", 0)
    t["revenue_current_year"] = sum(d.revenue.values())
    t["revenue_total"] = t["expenditure_total"] = t["revenue_current_year"] + carry_in
    assert t["expenditure_current_year"] + carry_out == t["revenue_total"]
    if carry_in:
        t["carryover_in"] = carry_in
    if carry_out:
        t["carryover_out"] = carry_out

    # 全年预算数: what was left unspent on top of the 决算数; 年初预算数: before the year's adjustments
    adjusted: dict[str, list[int | None]] = {}
    approved: dict[str, list[int | None]] = {}
    for code, (_, basic, project) in d.function.items():
        if len(code) != 7:
            continue
        b, p = basic or 0, project or 0
        adj_b = b + rng.randint(0, b // 25) if b > 0 else b
        adj_p = p + rng.randint(1, max(1, p // 4)) if p else 0
        app_b = adj_b - rng.randint(-(adj_b // 40), adj_b // 20) if adj_b > 0 else adj_b
        app_p = 0 if p and rng.random() < 0.25 else adj_p - rng.randint(0, adj_p // 2)  # 0: a project added in the year
        adjusted[code] = [adj_b + adj_p, adj_b or None, adj_p or None]
        approved[code] = [app_b + app_p, app_b or None, app_p or None]
    d.phases = {"approved": roll_up(approved), "adjusted": roll_up(adjusted)}

    adj_items: dict[str, int] = {}
    app_items: dict[str, int] = {}
    for item in THREE_PUBLIC_LEAVES:
        spent = d.three_public[item]
        if spent:
            adj_items[item] = spent + rng.randint(0, max(1, spent // 5))
        else:
            adj_items[item] = _amount(rng, 0.5, 5, yuan) if rng.random() < 0.3 else 0  # budgeted, not spent
        adj = adj_items[item]
        app_items[item] = adj + rng.randint(-(adj // 10), adj // 10) if adj else 0
    d.three_public_phases = {"approved": three_public_sums(app_items), "adjusted": three_public_sums(adj_items)}
    return d


def printed_amounts(d: National) -> list[int]:
    """Every amount the disclosure's tables can print, in minor units (more than it prints is harmless)."""
    out: list[int] = []
    for phase in PHASES:
        out += [a for row in d.function_in(phase).values() for a in row if a]
        out += list(d.three_public_in(phase).values())
    out += [a for row in d.economic.values() for a in row if a]
    out += list(d.revenue.values()) + list(d.class_spending.values()) + list(d.totals.values()) + list(d.fiscal.values())
    out += [d.fiscal["revenue"] + d.fiscal["carryover_in"], d.fiscal["spending"] + d.fiscal["carryover_out"]]
    return out


def reads_as_line_number(d: National, minor: int) -> bool:
    """Whether the amount prints as an integer from 1 to 99, like a 行次 or 栏次."""
    value = abs(Decimal(minor) * (1 if d.style.yuan else Decimal("0.01")))
    return value == value.to_integral_value() and 1 <= value <= LINE_NUMBERS


def degenerate(d: National) -> bool:
    """Whether a line number could pass for an amount, or two phases print the same 合计."""
    if any(reads_as_line_number(d, a) for a in printed_amounts(d)):
        return True
    totals = [sum(v[0] or 0 for c, v in d.function_in(p).items() if len(c) == 3) for p in PHASES]
    three = [d.three_public_in(p)["total"] for p in PHASES]
    return len(set(totals)) < 3 or (any(three) and len(set(three)) < 3)


def generate_national(number: int, seed: int, unit: tuple[str, str, str, str], variant: Variant | None = None) -> National:
    """National-layout final account ``number`` of the corpus of ``seed``: the first draw that is not degenerate
    (in ``variant``, else in the variant the seed draws for it)."""
    for attempt in range(ATTEMPTS):
        d = draw(number, seed, unit, attempt, variant)
        if not degenerate(d):
            return d
    raise RuntimeError(f"no draw of disclosure {number} (seed {seed}) in {ATTEMPTS} avoids amounts that read as line numbers")
