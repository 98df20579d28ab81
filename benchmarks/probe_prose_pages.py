"""The wordings ``probe_prose.py`` builds its invented pages from: each a sentence real disclosures print, with the
figures a person reads from it, and where one real page prints it.

A wording is ``W(kind, final, text, want, cite, attest, forms, also)``:

- ``text``: the sentence(s), amounts as ``{A}`` … (see ``AMOUNTS``), written in the form each of ``forms`` gives
  (``wan`` 1234.56万元, ``sep`` 1,234.56万元, ``yuan`` 12345600.00元, ``ysep`` 12,345,600.00元, ``trad`` in
  traditional script, ``wrap`` a line end after an amount's first digit, ``html`` a web page of paragraphs); ``{A_}`` is
  the amount without its unit and ``{UNIT}`` the unit; ``{U}`` the page's unit.
- ``want``: the figures, ``resource:key=SLOT`` (``totals``, ``revenue_by_source``, ``three_public``), phase the page's own
  (a budget's ``approved``, a final account's ``executed``) unless ``@phase`` follows; ``()`` for a counter-page whose
  sentence states no standard figure (publishing anything is wrong).
- ``also``: figures the build may publish besides, each true of the page (a 收入总计 equal to the 本年收入 where the page
  says nothing was carried over …); anything else published is wrong.
- ``cite``/``attest``: a real file (under tests/fixtures/, or a corpus PDF's name) whose text, spaces removed, matches
  the regular expression ``attest``: the wording is attested (``python benchmarks/probe_prose.py --cites`` checks the
  fixtures' cites; the corpus PDFs' with ``--corpus-text DIR`` holding their text layers as NAME.txt).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

# the amounts a page states, in 万元: A = B + C (a total, the year's, the carry-over); B = D + E (basic and project, or
# two sources); D = F + G (personnel and public); T = O + R + V and V = VP + VO (the “三公” and its parts)
AMOUNTS = {
    "A": Decimal("1234.56"), "B": Decimal("1134.56"), "C": Decimal("100.00"), "D": Decimal("868.20"), "E": Decimal("266.36"),
    "F": Decimal("700.00"), "G": Decimal("168.20"), "P": Decimal("45.24"), "M": Decimal("32.10"), "Z": Decimal("0.00"),
    "T": Decimal("12.50"), "O": Decimal("0.00"), "R": Decimal("3.20"), "V": Decimal("9.30"), "VP": Decimal("4.00"),
    "VO": Decimal("5.30"), "TB": Decimal("15.00"), "X": Decimal("980.00"), "Y": Decimal("55.00"),
}


@dataclass(frozen=True)
class W:
    """One wording: its kind, whether a final account prints it, the sentence, the figures read from it, where it is attested."""

    kind: str
    final: bool
    text: str
    want: tuple[str, ...]
    cite: str
    attest: str
    forms: tuple[str, ...] = ("wan",)
    also: tuple[str, ...] = ()


H = "tests/fixtures/"
SC22 = H + "hidden/sichuan-unnamed-unit-2022-final-part2.txt"
SC20 = H + "holdout/sichuan-unnamed-health-unit-2020-final-part3.txt"
GK17 = H + "holdout17/sichuan-gongxian-wangjia-kindergarten-2024-final.txt"
CS23 = H + "holdout15/chongqing-changshou-youth-league-own-2023-budget.txt"
WAMA = H + "holdout17/yunnan-longyang-wama-township-2017-three-public-final.txt"
XD = H + "holdout/yunnan-xundian-cppcc-2022-three-public-final.txt"
TS = H + "hidden/gansu-tianshui-kindergarten-2017-final.txt"
RT, RC = "totals:revenue_total", "totals:revenue_current_year"
ET, EC = "totals:expenditure_total", "totals:expenditure_current_year"
SAME_R, SAME_E = (RT + "=B",), (ET + "=B",)  # no carry-over named: the year's figure is the total too

WORDINGS: tuple[W, ...] = (
    # ---- 收入总计 / 支出总计 (a final account's 收、支总计; a budget's 收支总预算)
    W("收入总计/支出总计", True, "2020年度收入、支出总计均为{A}。与2019年度相比，收入、支出总计各增加{Y}，增长4.66%。", (RT + "=A", ET + "=A"),
      GK17, r"收入、支出总计均为[\d.]+万元", ("wan", "sep", "yuan", "trad", "html")),
    W("收入总计/支出总计", True, "本部门2020年度收入总计{A}，支出总计{A}。", (RT + "=A", ET + "=A"),
      H + "holdout11/hunan-finance-industry-vocational-college-2016-final.txt", r"支出总计[\d.]+万元", ("wan", "sep", "ysep")),
    W("收入总计/支出总计", True, "2020年度收、支总计各为{A}。", (RT + "=A", ET + "=A"), H + "holdout12/yunnan-forest-fire-brigade-2023-final.txt",
      r"收、支总计均为[\d,.]+万元", ("wan", "sep")),
    W("收入总计/支出总计", True, "（一）收入决算情况。2020年度，收入总计为{A}，其中：\n1.财政拨款收入{B}。", (RT + "=A",),
      H + "holdout19/gansu-wushan-chengguan-junior-middle-school-2017-final.txt", r"收入总计为[\d.]+万元", ("wan", "yuan")),
    W("收入总计/支出总计", True, "2020年度收入支出总计{A}，比上年度减少{Y}。", (RT + "=A", ET + "=A"), H + "hidden/hubei-jingmen-tcm-hospital-2020-final.txt",
      r"收入支出[總总]计[\d,.]+万元|收入支出總計[\d,.]+萬元", ("wan", "trad")),
    W("收入总计/支出总计", True, "本部门2020年度收入总计（含用事业基金弥补收支差和年初结转结余）{A}，支出总计（含结余分配和年末结转结余）{A}。",
      (RT + "=A", ET + "=A"), H + "holdout15/chongqing-cultural-relics-bureau-2016-final.txt", r"收入总计\(含用事业基金弥补收支差和年初结转结余\)", ("wan", "sep")),
    W("收入总计/支出总计", True, "1、收入总计{A}\n本单位2020年度总收入{A}。", (RT + "=A",),
      H + "holdout19/shanxi-qinshui-zhengzhuang-central-school-2017-final.txt", r"收入总计[\d.]+元", ("yuan", "wan")),
    W("收入总计/支出总计", False, "2021年收支总预算{A}，比上年预算增加{Y}。", (RT + "=A", ET + "=A"),
      H + "holdout14/central-cyl-central-committee-2013-budget.txt", r"收支总预算[\d.]+万元", ("wan", "sep", "yuan", "wrap", "trad", "html")),
    W("收入总计/支出总计", False, "2021年度收入预算总额为{B}，其中：一般公共预算拨款收入{D}，其他收入{E}。", (RC + "=B", "revenue_by_source:general_public_budget=D", "revenue_by_source:other=E"),
      H + "holdout/jiangxi-shangyou-sixia-2022-budget.txt", r"收入预算总额为[\d.]+万元", ("wan", "sep"), SAME_R),
    W("收入总计/支出总计", False, "2021年部门预算总收入{B}。其中：一般公共预算拨款收入{D}，其他收入{E}。", (RC + "=B", "revenue_by_source:general_public_budget=D", "revenue_by_source:other=E"),
      H + "holdout16/hubei-wuhan-cndca-committee-2015-budget.txt", r"部门预算总收入[\d.]+万元", ("wan", "yuan", "trad"), SAME_R),
    W("收入总计/支出总计", False, "2021年收入预算{A}，其中：一般公共预算拨款收入{B}，上年结转结余{C}。", (RT + "=A", "revenue_by_source:general_public_budget=B", "revenue_by_source:carryover=C"),
      H + "holdout7/hubei-qianjiang-museum-2026-budget.txt", r"上年结转结余[\d.]+万元", ("wan", "sep"), ("totals:carryover_in=C",)),
    # ---- 本年收入 / 本年支出
    W("本年收入/本年支出", True, "2020年本年收入合计{B}，其中：一般公共预算财政拨款收入{D}，占76.52%；其他收入{E}，占23.48%。",
      (RC + "=B", "revenue_by_source:general_public_budget=D", "revenue_by_source:other=E"), SC22, r"本年收入合计[\d.]+万元,其中:一般公共预算财政拨款收入", ("wan", "sep", "yuan", "trad", "wrap", "html")),
    W("本年收入/本年支出", True, "2020年本年支出合计{B}，其中：基本支出{D}，占76.52%；项目支出{E}，占23.48%。", (EC + "=B", "totals:basic_expenditure=D", "totals:project_expenditure=E"),
      SC22, r"本年支出合计[\d.]+万元,其中:基本支出", ("wan", "sep", "yuan", "trad", "wrap", "html")),
    W("本年收入/本年支出", True, "（一）收入总计主要构成\n本年收入{B}。\n（二）支出总计主要构成\n本年支出{B}。", (RC + "=B", EC + "=B"),
      H + "holdout17/hainan-danzhou-experimental-kindergarten-2024-final.txt", r"本年收入[\d.]+万元", ("wan", "sep")),
    W("事业收入", True, "2020年度，本单位收入为{B}，其中：财政拨款收入{D}，占76.52%；事业收入{E}，占23.48%。", (RC + "=B", "revenue_by_source:business=E"),
      TS, r"本單位收入為[\d.]+萬元", ("wan", "trad"), SAME_R),
    W("本年收入/本年支出", True, "2020年度，本单位支出为{B}，其中：基本支出{D}，项目支出{E}。", (EC + "=B", "totals:basic_expenditure=D", "totals:project_expenditure=E"),
      H + "holdout21/gansu-zhangjiachuan-zhangmianyi-health-centre-2020-final.txt", r"本单位支出为[\d.]+万元", ("wan", "yuan")),
    W("本年收入/本年支出", False, "（一）收入预算。2021年预算收入{B}，比2020年预算增加{Y}，增长5.1%。", (RC + "=B",),
      H + "holdout10/gansu-wushan-meteorological-bureau-2022-budget.txt", r"预算收入[\d.]+万元,比20\d\d年预算增加", ("wan", "sep", "yuan", "wrap")),
    W("本年收入/本年支出", False, "（二）支出预算。2021年支出预算{B}，比2020年预算增加{Y}，增长5.1%。", (EC + "=B",),
      H + "holdout10/gansu-wushan-meteorological-bureau-2022-budget.txt", r"支出预算[\d.]+万元,比20\d\d年预算增加", ("wan", "sep", "yuan")),
    W("本年收入/本年支出", False, "2021年本部门收入预算{B}，其中，一般公共预算拨款{B}，政府性基金预算拨款收入{Z}。", (RC + "=B", "revenue_by_source:general_public_budget=B", "revenue_by_source:government_fund=Z"),
      H + "hidden3/hunan-unnamed-county-xiamadu-2025-budget.txt", r"本部门收入预算[\d.]+万元,其中,一般公共预算拨款", ("wan", "sep"), SAME_R),
    W("本年收入/本年支出", True, "2020年度本年收入合计{B}，本年支出合计{B}，年末结转和结余{Z}。", (RC + "=B", EC + "=B", "totals:carryover_out=Z"),
      H + "holdout12/shanxi-xinzhou-second-experimental-primary-2018-final.txt", r"年末结转和结余[\d.]+万元", ("wan",)),
    W("本年收入/本年支出", True, "（一）本单位2020年度总收入{A}，其中本年收\n入{B}，较2019年度决算数减少{Y}。", (RT + "=A", RC + "=B"),
      H + "holdout/guangxi-wuzhou-unnamed-veterans-unit-2021-final-part.txt", r"总收入[\d.]+万元,其中本年收⏎?入", ("wan",)),
    # ---- 上年结转 / 年初结转和结余
    W("上年结转", False, "2021年收入预算总额{A}，其中：当年财政拨款收入{D}，上年结转{C}，事业收入{E}。", (RT + "=A", "totals:carryover_in=C", "revenue_by_source:carryover=C", "revenue_by_source:business=E"),
      H + "holdout12/guizhou-qiandongnan-industrial-school-2022-budget.txt", r"上年结转[\d.]+万元,事业收入", ("wan", "sep", "html")),
    W("上年结转", True, "2020年度收入总计{A}，其中：本年收入合计{B}，年初结转和结余{C}。", (RT + "=A", RC + "=B", "totals:carryover_in=C"),
      H + "hidden/xinjiang-urumqi-government-services-2023-final.txt", r"收入總計[\d.]+萬元,其中:本年收入合計", ("wan", "sep", "trad", "html")),
    # ---- revenue by source
    W("收入来源列表", True, "2020年本年收入合计{B}，其中：一般公共预算财政拨款收入{X}，占86.38%；政府性基金预算财政拨款收入{Z}，占0%；事业收入{Z}，占0%；经营收入{Z}，占0%；其他收入{E}，占23.48%。",
      (RC + "=B", "revenue_by_source:general_public_budget=X", "revenue_by_source:government_fund=Z", "revenue_by_source:business=Z", "revenue_by_source:operating=Z", "revenue_by_source:other=E"),
      SC22, r"经营收入0万元,占0%", ("wan", "sep")),
    W("收入来源列表", False, "2021年收入预算{B}，其中：一般公共预算拨款收入{D}，政府性基金预算拨款收入{Z}，国有资本经营预算拨款收入{Z}，财政专户管理资金收入{Z}，事业收入{E}，上级补助收入{Z}，附属单位上缴收入{Z}，其他收入{Z}。",
      (RC + "=B", "revenue_by_source:general_public_budget=D", "revenue_by_source:government_fund=Z", "revenue_by_source:state_capital=Z",
       "revenue_by_source:fiscal_special_account=Z", "revenue_by_source:business=E", "revenue_by_source:superior_subsidy=Z",
       "revenue_by_source:affiliated_turnover=Z", "revenue_by_source:other=Z"), CS23, r"财政专户管理资金收入0万元,事业收入0万元,上级补助收入0万元", ("wan", "yuan"), SAME_R),
    W("经营收入", False, "2021年收入预算{B}，其中：一般公共预算拨款{D}，占76.52%；事业单位经营收入{E}，占23.48%。", (RC + "=B", "revenue_by_source:general_public_budget=D", "revenue_by_source:operating=E"),
      H + "holdout15/chongqing-changshou-party-publicity-department-2026-budget.txt", r"事业单位经营收入0万元", ("wan", "sep"), SAME_R),
    W("一般公共预算", False, "2021年收入预算{B}，其中：公共财政预算拨款{D}，占预算总收入的76.52%；事业收入{E}，占预算总收入的23.48%。", (RC + "=B", "revenue_by_source:general_public_budget=D", "revenue_by_source:business=E"),
      H + "holdout11/guangdong-medical-college-2015-budget.txt", r"公共预算拨款[\d,.]+万元,占预算总收入", ("wan", "sep"), SAME_R),
    W("上级补助/附属单位", True, "2.上级补助收入{E}，为事业单位开展业务活动取得的收入。较2019年度决算数减少{Y}。", ("revenue_by_source:superior_subsidy=E",),
      H + "holdout/guangxi-wuzhou-unnamed-veterans-unit-2021-final-part.txt", r"上级补助收入[\d.]+万元,为事业单位", ("wan",)),
    W("政府性基金", True, "2020年度财政拨款总收入{B}，比上年增加33%，一般公共预算财政拨款收入{B}，政府性基金预算财政拨款收入{Z}。",
      ("revenue_by_source:general_public_budget=B", "revenue_by_source:government_fund=Z"), H + "holdout7/hunan-lixian-lizhou-kindergarten-2017-final.txt",
      r"财政拨款总收入[\d.]+万元,比上年增加", ("wan",)),
    W("上级补助/附属单位", False, "2021年收入预算{B}，其中：一般公共预算收入{D}，附属单位上缴收入{E}。", (RC + "=B", "revenue_by_source:general_public_budget=D", "revenue_by_source:affiliated_turnover=E"),
      H + "holdout/jiangxi-shangyou-sixia-2022-budget.txt", r"一般公共预算收入[\d.]+万元", ("wan", "sep"), SAME_R),
    # ---- 基本支出 / 项目支出
    W("基本支出/项目支出", False, "2021年支出预算{B}，其中：基本支出{D}，占总预算支出的76.52%；项目支出{E}，占总预算支出的23.48%。", (EC + "=B", "totals:basic_expenditure=D", "totals:project_expenditure=E"),
      H + "holdout11/guangdong-medical-college-2015-budget.txt", r"支出预算[\d,.]+万元,其中:基本支出[\d,.]+万元,占总预算支出", ("wan", "sep", "ysep"), SAME_E),
    W("基本支出/项目支出", False, "2021年支出预算{B}。其中:基本支出合计为{D}，项目支出合计为{E}。", (EC + "=B", "totals:basic_expenditure=D", "totals:project_expenditure=E"),
      "corpus-wide/jl_changchun_petitions_bureau_2026_dept_budget.pdf", r"基本支出合计为[\d.]+⏎?万元,项目支出合计为", ("wan",), SAME_E),
    W("基本支出/项目支出", False, "2021年支出预算{B}。其中：基本支出合计为{D}\n万元，项目支出合计为{E}。", (EC + "=B", "totals:basic_expenditure=D", "totals:project_expenditure=E"),
      "corpus-wide/jl_changchun_petitions_bureau_2026_dept_budget.pdf", r"基本支出合计为1208.20⏎万元", ("wan",), SAME_E),
    W("基本支出/项目支出", False, "1、按支出项目类别分：\n基本支出{D}，分别为：人员经费支出{F}，公用经费支出{G}。", ("totals:basic_expenditure=D", "totals:personnel_expenditure=F", "totals:public_expenditure=G"),
      H + "holdout12/hunan-yuanjiang-funeral-home-2021-budget.txt", r"基本支出[\d.]+万元,分别为:人员经费支出", ("wan", "yuan")),
    W("项目支出", False, "部门专项项目预算{E}（明细项目见附表）。", ("totals:project_expenditure=E",),
      H + "holdout6/sichuan-zhaohua-reception-office-2019-budget.txt", r"部门专项项目预算[\d.]+万元", ("wan",)),
    # ---- 人员经费 / 公用经费
    W("人员经费/公用经费", False, "（一）基本支出。2021年基本支出{D}，其中人员经费{F}，公用经费{G}。", ("totals:basic_expenditure=D", "totals:personnel_expenditure=F", "totals:public_expenditure=G"),
      H + "holdout10/gansu-wushan-meteorological-bureau-2022-budget.txt", r"基本支出[\d.]+万元,其中人员经费[\d.]+万元,公用经费", ("wan", "sep", "yuan", "wrap", "trad", "html")),
    W("人员经费/公用经费", False, "按支出项目类别分：1、基本支出{D}，其中：人员经费支出{F}，公用经费支出{G}；2、项目支出{E}。",
      ("totals:basic_expenditure=D", "totals:personnel_expenditure=F", "totals:public_expenditure=G", "totals:project_expenditure=E"),
      H + "holdout7/qinghai-provincial-procuratorate-2015-budget.txt", r"其中:人员经费支出[\d.]+万元,公用经费支出", ("wan",)),
    W("人员经费/公用经费", True, "2020年度基本支出{D}（人员经费{F}，日常公用经费{G}），项目支出{E}。", ("totals:basic_expenditure=D", "totals:personnel_expenditure=F", "totals:public_expenditure=G", "totals:project_expenditure=E"),
      H + "holdout9/hunan-dingcheng-education-township-schools-2018-final.txt", r"\(人员经费[\d.]+元,日常公用经费", ("yuan", "wan")),
    # ---- the “三公” total and its parts
    W("三公总额", False, "2021年一般公共预算财政拨款“三公”经费预算合计{T}，较上年{Y}减少{Y}。", ("three_public:total=T",),
      H + "holdout17/yunnan-kaiyuan-no4-middle-school-2021-three-public-budget.txt", r"“三公”经费预算合计[\d.]+万元", ("wan",)),
    W("三公及三项", False, "{U}2021年一般公共预算“三公”经费预算数为{T}，其中：\n因公出国（境）经费{O}，公务接待费{R}，公务用车购置及运行费{V}。",
      ("three_public:total=T", "three_public:outbound_travel=O", "three_public:reception=R", "three_public:vehicle_total=V"),
      H + "holdout2/hainan-transport-department-2022-three-public-budget.txt", r"“三公”经费预算数为[\d.]+万元,其中", ("wan", "yuan", "trad", "html")),
    W("三公及车两项", True, "2020年度“三公”经费{T}，其中：因公出国（境）费{O}，公务用车购置及运行维护费{V}（公务用车购置费{VP}、公务用车运行维护费{VO}），公务接待费{R}。",
      ("three_public:total=T", "three_public:outbound_travel=O", "three_public:vehicle_total=V", "three_public:vehicle_purchase=VP", "three_public:vehicle_operation=VO", "three_public:reception=R"),
      H + "holdout13/chongqing-fuling-jiaoshi-town-2020-three-public-final.txt", r"公务用车购置及运行维护费[\d.]+万元\(公务用车购置费", ("wan", "sep", "html")),
    W("三公及三项", True, "2020年度，“三公”经费财政拨款决算数为{T}。其中：因公出国（境）费{O}，公务接待费{R}，公务车购置及运行维护费{V}。",
      ("three_public:total=T", "three_public:outbound_travel=O", "three_public:reception=R", "three_public:vehicle_total=V"),
      H + "holdout16/anhui-ningguo-transport-bureau-2013-three-public-final.txt", r"“三公”经费财政拨款决算数为[\d.]+万元", ("wan",)),
    W("年初预算/决算", True, "2020年度一般公共预算财政拨款“三公”经费支出年初预算为{TB}，支出决算为{T}，完成年初预算的83.3%。",
      ("three_public:total=T", "three_public:total=TB@approved"), XD, r"“三公”经费支出年初预算为[\d.]+元,支出决算为", ("yuan", "wan", "ysep", "html")),
    W("车购置/运行维护", True, "3.公务用车购置及运行维护费{V}，其中：公务用车购置费{VP}，公务用车运行维护费{VO}，共计购置公务用车1辆，年末公务用车保有量4辆。",
      ("three_public:vehicle_total=V", "three_public:vehicle_purchase=VP", "three_public:vehicle_operation=VO"), WAMA, r"其中:公务用车购置费0万元,公务用车运行维护费", ("wan",)),
    W("车购置/运行维护", False, "2021年公务用车购置费{VP}，与2020年预算持平；2021年公务用车运行费{VO}，与2020年预算持平。", ("three_public:vehicle_purchase=VP", "three_public:vehicle_operation=VO"),
      H + "holdout/anhui-xuanzhou-party-work-committee-2020-three-public-budget.txt", r"公务用车购置费0万元,与2019年预算持平;2020年公务用车运行费", ("wan",)),
    W("三公及车两项", False, "2021年“三公”经费预算{T}，其中：因公出国（境）经费{O}；公务用车购置及运行费{V}（其中，公务用车购置费{VP}，公务用车运行费{VO}）；公务接待费{R}。",
      ("three_public:total=T", "three_public:outbound_travel=O", "three_public:vehicle_total=V", "three_public:vehicle_purchase=VP", "three_public:vehicle_operation=VO", "three_public:reception=R"),
      H + "hidden/guangdong-heshan-water-2018-three-public-budget.txt", r"公務接待費\(簡稱“三公”經費\)支出合計", ("wan", "trad")),
    W("公务接待费", False, "二、公务接待费\n2021年预算安排{R}，较2020年年初预算下降51.22%。", ("three_public:reception=R",),
      H + "hidden/sichuan-pingwu-forestry-2019-three-public-budget.txt", r"二、公务接待费⏎+20\d\d年预算安排[\d.]+万元", ("wan",)),
    W("三公总额", True, "{U}2020年“三公”经费决算数共计{T}，比上年预算数字下降35.45%。", ("three_public:total=T",),
      H + "holdout3/anhui-nanling-xuzhen-2020-three-public-final.txt", r"“三公”经费决算数共计[\d.]+万元", ("wan",)),
    W("三公总额", True, "2020年度一般公共预算财政拨款安排的“三公”经费支\n出决算总额为{T}，比预算增加{Z}，比去年增加{Y}。", ("three_public:total=T",),
      H + "holdout/guangxi-wuzhou-agri-quality-testing-2020-final-part.txt", r"“三公”经费支⏎出决算总额为[\d.]+万元", ("wan",)),
    # ---- 机关运行经费
    W("机关运行经费", False, "二、机关运行经费预算\n2021年本单位财政拨款的机关运行经费预算为{M}。", ("totals:operating_funds=M",),
      "corpus-wide/sh_city_audit_bureau_2026_unit_budget.pdf", r"机关运行经费预算为[\d,.]+万元", ("wan", "sep", "yuan", "trad", "html")),
    W("机关运行经费", False, "1、机关运行经费\n2021年本级的机关运行经费，当年一般公共预算拨款{M}，比2020年预算减少{Y}。", ("totals:operating_funds=M",),
      H + "holdout6/hunan-yunxi-disease-control-centre-2018-budget.txt", r"机关运行经费,当年一般公共预算拨款[\d.]+万元", ("wan",)),
    W("机关运行经费", False, "本院2021年部门机关运行经费预算总额{M}，其中：办公费{R}，印刷费{VP}。", ("totals:operating_funds=M",),
      H + "holdout7/sichuan-luxian-court-2018-budget.txt", r"机关运行经费预算总额[\d.]+万元,其中:办公费", ("wan",)),
    # ---- 政府采购
    W("政府采购", True, "五、政府采购支出情况。\n2020年度政府采购总额{P}，其中：货物{R}，工程{Y}。", ("totals:government_procurement=P",),
      H + "holdout12/shanxi-xinzhou-second-experimental-primary-2018-final.txt", r"政府采购总额[\d.]+万元,其中:货物", ("wan", "sep", "yuan", "trad", "html")),
    W("政府采购", False, "2、政府采购情况。2021年政府采购预算总额{P}，用于采购货物预算{P}。", ("totals:government_procurement=P",),
      H + "holdout13/chongqing-kaizhou-district-court-2017-budget.txt", r"政府采购预算总额[\d.]+万元,用于采购货物", ("wan", "yuan")),
    W("政府采购", True, "七、政府采购情况\n2020年度，我单位政府采购支出总额{P}。", ("totals:government_procurement=P",),
      H + "holdout6/shanxi-pinglu-tree-planting-centre-2019-final.txt", r"政府采购支出总额[\d.]+万元", ("wan",)),
    W("政府采购", False, "部门政府采购预算{P}。", ("totals:government_procurement=P",),
      H + "holdout6/sichuan-zhaohua-reception-office-2019-budget.txt", r"部门政府采购预算[\d.]+万元", ("wan", "sep")),
    # ---- counter-pages: sentences naming a figure the page must not be read as the standard one
    W("反例:项目之细目", False, "三、财政拨款支出预算安排情况\n项目支出预算总额522万元，其中：接待费{R}，会议费{Y}，被装购置费{VO}。", ("totals:project_expenditure=522",),
      H + "holdout7/sichuan-luxian-court-2018-budget.txt", r"项目支出预算总额[\d.]+万元,其中:接待费", ("wan",)),
    W("反例:预算内收入", False, "1、2021年预算收入、支出比2020年增减情况2021年预算内收入安排{B}，支出{B}。", (),
      H + "holdout7/shanxi-yuncheng-railway-middle-school-2020-budget.txt", r"预算内收入安排[\d.]+万元", ("wan",)),
    W("反例:财政拨款总计", True, "（三）财政拨款收入决算情况。\n2020年度，本单位财政拨款收入总计{D}，与上年相比减少{Y}，降低3.71%。", (),
      TS, r"財政撥款收入總計[\d.]+萬元", ("wan", "trad")),
    W("反例:财政拨款总计", True, "四、财政拨款收入支出决算总体情况说明\n2020年财政拨款收入总计{D}，与2019年相比增加{Y}；财政拨款支出总计{D}，与2019年相比增加{Y}。", (),
      SC20, r"财政拨款收入总计[\d.]+万元,与20\d\d年相比增加", ("wan",)),
    W("反例:上年数", False, "其他收入{E}，与上年相比增加{E}（去年预算数为0万元，无法计算增减比率）。", ("revenue_by_source:other=E",),
      "corpus-wide/js_wuxi_education_bureau_2026_dept_budget.pdf", r"去年预算数为0万元,无法计算增减比率", ("wan", "sep")),
    W("反例:门槛与数量", False, "截至上年末，本部门共有车辆2辆，其中，其他用车2辆；单价100万元（含）以上的设备0台（套）。", (),
      "corpus-wide/js_suzhou_audit_bureau_2026_dept_budget.pdf", r"单价100万元\(含\)以上的设备", ("wan",)),
    W("反例:增减", False, "2021年收入预算较上年增加{Y}，增长4.66%，主要是人员经费增加。", (),
      H + "holdout6/hunan-zhuhui-science-association-2019-budget.txt", r"比上年预算增加0万元", ("wan",)),
    W("反例:一项基金", False, "四、政府性基金预算支出情况说明\n本部门2021年政府性基金预算拨款收入{Z}，政府性基金预算支出{Z}。",
      ("revenue_by_source:government_fund=Z",), H + "holdout15/chongqing-changshou-youth-league-2023-budget.txt", r"政府性基金预算拨款收入[\d.]+万元", ("wan",)),
    W("反例:财政拨款未分", True, "2020年度，财政拨款收入{B}，占100%。", (),
      H + "holdout15/chongqing-shapingba-veteran-cadres-bureau-2018-final.txt", r"财政拨款收入[\d,.]+万元,占100%", ("wan", "sep")),
    W("反例:一项基金", False, "2021年一般公共预算财政拨款支出{B}。其中：基本支出{D}，项目支出{E}。", (),
      H + "holdout15/chongqing-changshou-youth-league-own-2023-budget.txt", r"一般公共预算财政拨款支出", ("wan",)),
    W("反例:门槛与数量", True, "2020年度因公出国（境）团组0个，参加其他单位组织的因公出国（境）团组0个，因公出国（境）0人次；公务接待65批次、650人次。", (),
      WAMA, r"0个团组,0人次", ("wan",)),
    # ---- session 17's second round: lists by 各是, a unit broken from its number, a digit cut to its own line, 包括 lists,
    # a source's note after it, headings naming the figure, items with no amount (无)
    W("收入总计/支出总计", True, "2020年度收、支总计各是{A_},{A_}{UNIT}。与2019年相比，收、支总计各减少{Y}。", (RT + "=A", ET + "=A"),
      SC22, r"收、支总计各是[\d.]+,[\d.]+万元", ("wan", "yuan")),
    W("收入总计/支出总计", False, "二、收入预算情况说明\n{U}2021年收入预算合计{A_}万\n元，包括本年\n收入{B}，上年结转结余为{C}。", (RT + "=A", RC + "=B", "totals:carryover_in=C"),
      "corpus-wide/js_suzhou_natural_resources_planning_bureau_2026_dept_budget.pdf", r"收入预算合计86,999.14万⏎元,包括本年收入", ("wan", "sep", "html")),
    W("收入总计/支出总计", False, "三、支出预算情况说明\n{U}2021年支出预算合计{B}，其中：\n基本支出{D}，项目支出{E}。", (EC + "=B", "totals:basic_expenditure=D", "totals:project_expenditure=E"),
      "corpus-wide/js_suzhou_audit_bureau_2026_dept_budget.pdf", r"支出预算合计4,651.67万元,其中:⏎基本支出", ("wan", "sep"), SAME_E),
    W("上年结转", True, "2020年度上年结转和结余资金为{C}，本年收入{B}，支出{B}，用事业基金弥补收支差额0万元。", ("totals:carryover_in=C", RC + "=B", EC + "=B"),
      H + "holdout18/gansu-zhouqu-second-kindergarten-2023-final.txt", r"上年结转和结余资金为[\d.]+万元,本年收入[\d.]+万元,支出", ("wan",), ("totals:fund_makeup=Z",)),
    W("本年收入/本年支出", True, "2020年{U}收入合计{B}，比上年减少{Y}，下降26.60%，2020年支出总计{A}，比上年减少{Y}。", (RC + "=B", ET + "=A"),
      H + "holdout11/hunan-finance-industry-vocational-college-2016-final.txt", r"学院收入合计[\d.]+万元,比上年减少", ("wan", "wrap")),
    W("一般公共预算", True, "收入具体情况如下。\n1.一般公共预算财政拨款收入{D}，为市本级财政\n当年拨付的资金。较2019年度决算数减少{Y}。", ("revenue_by_source:general_public_budget=D",),
      H + "holdout/guangxi-wuzhou-unnamed-veterans-unit-2021-final-part.txt", r"一般公共预算财政拨款收入[\d.]+万元,为市本级财政", ("wan", "trad")),
    W("基本支出", False, "（一）基本支出：2021年年初预算数为{D}，是指为保障单位机构正常运转、完成日常工作任务而发生的各项支出。", ("totals:basic_expenditure=D",),
      H + "holdout6/hunan-yueyang-development-zone-publicity-department-2018-budget.txt", r"\(一\)基本支出:20\d\d年年初预算数为", ("wan", "wrap")),
    W("三公及车两项", False, "2021年财政拨款“三公”经费支出合计{T}，比上年减少{Y}。其中：公务用车运行维护费{VO}，占42.4%。", ("three_public:total=T", "three_public:vehicle_operation=VO"),
      H + "holdout3/guangdong-xuwen-economy-science-2017-three-public-budget.txt", r"“三公”经费支出合计[\d.]+万元,比上年减少", ("wan",)),
    W("车购置/运行维护", False, "三、公务用车购置及运行维护费\n2021年{U}安排公车购置及运行维护费{VO}，其中：购置经费无，运行维护费{VO}。", ("three_public:vehicle_total=VO", "three_public:vehicle_operation=VO"),
      H + "holdout3/sichuan-meishan-procuratorate-2014-three-public-budget.txt", r"安排公车购置及运行维护费[\d.]+万元,其中:购置经费无", ("wan",)),
    W("反例:财政拨款未分", True, "2020年度本年收入合计{B}。其中：财政拨款收入（含政府性基金拨款）{B}，占本年收入100%。", (RC + "=B",),
      H + "holdout16/hubei-jianghan-veteran-cadres-bureau-2015-final.txt", r"财政拨款收入\(含政府性基金拨款\)[\d.]+万元", ("wan",), SAME_R),
    W("反例:上年数", False, "二、收入预算情况说明\n（9）其他收入{Z}，与上年预算数相同。\n2．上年结转结余为{Z}。与上年预算数相同。",
      ("revenue_by_source:other=Z", "totals:carryover_in=Z"), "corpus-wide/js_suzhou_audit_bureau_2026_dept_budget.pdf", r"上年结转结余为0万元。与上年预算数相同", ("wan",)),
    # ---- third round: a heading naming the figure, older terms, economic classes, member units, a fund's completion
    W("本年收入/本年支出", False, "二、部门收支总体情况\n（一）收入预算：2021年年初预算数{B}，其中：一般公共预算拨款{B}。收入较去年增加{Y}。",
      (RC + "=B", "revenue_by_source:general_public_budget=B"), H + "holdout13/chongqing-fuling-wulingshan-township-2023-budget.txt",
      r"\(一\)收入预算:20\d\d年年初预算数[\d.]+万元,其中:一般公共预算拨款", ("wan", "sep", "yuan", "trad"), SAME_R),
    W("项目支出", False, "（二）项目支出：2021年年初预算数为{E}，是指单位为完成特定行政工作任务或事业发展目标而发生的支出。", ("totals:project_expenditure=E",),
      H + "holdout6/hunan-yueyang-development-zone-publicity-department-2018-budget.txt", r"\(二\)项目支出:20\d\d年年初预算数为", ("wan", "sep")),
    W("人员经费/公用经费", False, "部门基本支出预算{D}，其中：人员支出{F}，公用支出{G}。\n部门专项项目预算{E}。",
      ("totals:basic_expenditure=D", "totals:personnel_expenditure=F", "totals:public_expenditure=G", "totals:project_expenditure=E"),
      H + "holdout6/sichuan-wangcang-zhanghua-2018-budget.txt", r"人员支出[\d.]+元,公用支出", ("yuan", "wan")),
    W("反例:经济分类", True, "2020年共支出{B}，其中基本支出{D}（工资福利支出{F}，商品和服务支出{G}），项目支出{E}。",
      (EC + "=B", "totals:basic_expenditure=D", "totals:project_expenditure=E"), H + "holdout7/neimenggu-xilingol-cultural-relics-station-2015-final.txt",
      r"基本支出[\d.]+万元\(工资福利支出[\d.]+万元,商品和服务支出", ("wan", "sep")),
    W("反例:经济分类", False, "2021年支出预算总计{B}，其中：工资福利支出{F}，商品和服务支出{G}；项目支出{E}。", (EC + "=B", "totals:project_expenditure=E"),
      H + "holdout6/shaanxi-shangluo-statistics-bureau-2016-budget.txt", r"支出预算总计[\d.]+万元,其中:工资福利支出", ("wan",), SAME_E),
    W("反例:所属单位", False, "{U}预算总收入{B}，其中：经费拨款{D}，其他收入{E}。\n1、局机关预算总收入{X}，其中：经费拨款{X}。\n2、种子服务站预算总收入{Y}，其中：经费拨款{Y}。",
      ("totals:revenue_current_year=B", "revenue_by_source:other=E"), H + "holdout14/hunan-linxiang-agriculture-bureau-2018-budget.txt",
      r"2、种子服务站预算总收入[\d.]+元,其中:经费拨款", ("yuan", "wan"), SAME_R),
    W("政府采购", False, "{U}2021年政府采购预算总额{P}，\n其中：政府采购货物预算{R}，政府采购工程预算{Z}，政府采购服务预算{VO}。", ("totals:government_procurement=P",),
      "corpus-wide/bj_city_audit_bureau_2026_dept_budget.pdf", r"政府采购预算总额[\d.]+万元,⏎其中:政府采购货物预算", ("wan", "sep")),
    W("年初预算/决算", True, "{U}2020年度一般公共预算财政拨款“三公”经费支出预算为{TB}，支出决算为{T}，完成预算的83%，决算数小于预算数的主要原因是节约项目经费。",
      ("three_public:total=T",), H + "hidden/anhui-duji-affairs-centre-2021-three-public-final.html", r"“三公”经费支出预算为[\d.]+万元,支出决算为", ("wan", "yuan"),
      ("three_public:total=TB@approved", "three_public:total=TB@adjusted")),
    W("反例:一项基金", True, "2020年一般公共预算支出决算数为{B}，完成预算59.7%。其中：\n1.社会保障和就业（类）行政事业单位养老支出（款）{D}。", (),
      SC20, r"一般公共预算支出决算数为[\d.]+万元,完成预算", ("wan",)),
    W("车购置/运行维护", False, "三、公务用车购置及运行维护费\n2021年预算安排公务用车购置及运行维护费{VO}，公务用车运行维护费{VO}，与2020年年初预算持平。2021年无公务用车购置费预算安排。",
      ("three_public:vehicle_total=VO", "three_public:vehicle_operation=VO"), H + "hidden/sichuan-pingwu-forestry-2019-three-public-budget.txt",
      r"预算安排公务用车购置及运行维护费[\d.]+万元,公务用车运行维护费", ("wan", "trad")),
    # ---- fourth round: last year's figure beside this year's, a member's figure, a total with a note inside its parts
    W("反例:上年数", False, "2021年一般公共预算财政拨款“三公”经费预算合计{T}，较上年{TB}减少{Y}，下降16.67%。", ("three_public:total=T",),
      H + "holdout17/yunnan-kaiyuan-no4-middle-school-2021-three-public-budget.txt", r"预算合计[\d.]+万元,较上年[\d.]+万元减少", ("wan", "sep")),
    W("反例:上年数", False, "2021年收入预算{B}，其中：{U}本级{X}，所属单位{Y}。比上年{D}，增加{E}，增长30.68%。", (RC + "=B",),
      H + "holdout7/qinghai-provincial-procuratorate-2015-budget.txt", r"比上年[\d.]+万元,增加[\d.]+万元", ("wan",), SAME_R),
    W("收入总计/支出总计", False, "2021年收入预算{A}，比上年执行数增加\n{Y}，增长4.66%。其中：一般公共预算拨款收入{B}，上年结转结余{C}。",
      (RT + "=A", "revenue_by_source:general_public_budget=B", "revenue_by_source:carryover=C"),
      "corpus-wide/zj_hangzhou_public_security_bureau_2026_dept_budget.pdf", r"收入预算[\d,.]+万元,比上年执行数增加", ("wan", "sep", "wrap"), ("totals:carryover_in=C",)),
    W("反例:财政拨款未分", True, "1.2020年收入情况\n（1）2020全年总收入{A}，其中：财政拨款{D}（用于教育事业拨款{X}；用于基建拨款{Y}），事业收入{E}。",
      ("revenue_by_source:business=E",), H + "holdout11/guangdong-guangzhou-maritime-university-2016-final.txt", r"其中:财政拨款[\d.]+万元\(用于教育事业拨款", ("wan",),
      (RT + "=A",)),
    W("反例:上年数", False, "2021年“三公”经费预算较2020年度增加{Y}，其中公务接待较上年同期减少{R}，减少4.68%。", (),
      H + "holdout2/unnamed-ordos-site-2022-three-public-budget.txt", r"公务接待较上年同期减少", ("wan",)),
    # ---- fifth round: one fund's or the appropriations' own totals in a section about them
    W("反例:一项基金", True, "二、2020年度一般公共预算收入支出决算情况\n2020年度一般公共预算收入总计{A}，本年支出{B}，年末结转和结余{C}，其中项目支出结转和结余{Y}。", (),
      H + "holdout12/shanxi-xinzhou-second-experimental-primary-2018-final.txt", r"一般公共预算收入总计[\d.]+万元,本年支出", ("wan", "sep", "html")),
    W("反例:财政拨款总计", False, "四、2021年财政拨款收支预算情况的总体说明\n2021年财政拨款收支总预算{A}。其中，收入总计{A}，包括一般公共预算本年收入{B}、上年结转{C}；支出总计{A}。",
      (), H + "holdout17/unnamed-qianlima-mirror-2026-budget.txt", r"财政拨款收支总预算[\d,.]+万元。其中,收入总计", ("wan", "sep", "html"),
      ("revenue_by_source:general_public_budget=B",)),
    W("反例:财政拨款总计", False, "四、财政拨款收支预算总体情况说明\n2021年财政拨款收支总预算{B}。收入包括：\n一般公共预算拨款{B}。", (),
      H + "holdout/guangxi-wuzhou-unnamed-culture-unit-2025-budget-part.txt", r"财政拨款收支总预算[\d.]+元。收入包括", ("yuan", "wan"),
      ("revenue_by_source:general_public_budget=B",)),
    W("项目支出", False, "2021年部门预算收入为一般公共预算收入{B}；支出包括专项经费{E}。", ("revenue_by_source:general_public_budget=B", "totals:project_expenditure=E"),
      H + "holdout9/hunan-yunxi-first-middle-school-2018-budget.txt", r"部门预算收入为一般公共预算收入[\d.]+万元;支出包括专项经费", ("wan",),
      (RC + "=B", RT + "=B")),
    # ---- sixth round: the final account's “三公” template, item by item with shares, counts and last year's budget
    W("三公及三项", True, "{U}2020年度一般公共预算财政拨款“三公”经费支出决算中，因公出国（境）费支出决算{O}，占0%；公务接待费支出决算{R}，占34.4%；公务用车购置及运行维护费支出决算{V}，占65.6%。具体情况如下：",
      ("three_public:outbound_travel=O", "three_public:reception=R", "three_public:vehicle_total=V"), H + "hidden/anhui-duji-affairs-centre-2021-three-public-final.html",
      r"“三公”经费支出决算中,因公出国\(境\)费支出决算0万元,占0%;公务接待费支出决算", ("wan", "yuan", "trad", "html")),
    W("公务接待费", True, "2.公务接待费支出{R}，与2020年度预算相比，增加{Y}，增长1.14%，增长的原因是成立新的临时机构。2020年{U}国内公务接待共15批次（其中外事接待0批次），105人次（其中外事接待0人次）。",
      ("three_public:reception=R",), H + "hidden/anhui-duji-affairs-centre-2021-three-public-final.html",
      r"公务接待费支出[\d.]+万元,与20\d\d年度预算相比,增加", ("wan", "sep")),
    W("车购置/运行维护", True, "公务用车购置及运行维护费支出{VO}，其中：公务用车购置支出为{Z}，公务用车购置数0辆。公务用车运行维护费支出{VO}，公务用车保有量为2辆，主要用于公务用车的维修维护费、通行费。",
      ("three_public:vehicle_total=VO", "three_public:vehicle_purchase=Z", "three_public:vehicle_operation=VO"), H + "holdout3/guangdong-luohu-audit-bureau-2024-three-public-final.txt",
      r"公务用车购置支出为0万元,公务用车购置数0辆。公务用车运行维护费支出", ("wan", "wrap")),
    W("年初预算/决算", True, "公务用车运行维护费支出{VO}，年初预算为{VO}，差值为{Z}，原因为厉行节约。", ("three_public:vehicle_operation=VO", "three_public:vehicle_operation=VO@approved"),
      H + "holdout11/unnamed-hlx-site-2018-three-public-final.txt", r"公务用车运行维护费支出0万元,年初预算为[\d.]+万元,差值为", ("wan",)),
    # the one real page printing 收、支总计各是 prints two amounts that do not balance (4125.49, 4143.91: its 本年收入合计 and
    # 本年支出合计, as its next sections say): no 总计 can be read from it
    W("反例:总计不平", True, "2020年度收、支总计各是{B_},{A_}{UNIT}。与2019年相比，收、支总计各减少{Y_},{C_}{UNIT}。", (),
      SC22, r"收、支总计各是4125.49,4143.91万元", ("wan", "yuan")),
    # ---- seventh round: the appropriations' (or one fund's) parts on a page that names other money
    W("反例:一项基金", False, "2021年收入预算{B}，其中：一般公共预算拨款收入{D}，事业收入{E}。\n四、财政拨款支出预算情况\n2021年财政拨款支出预算{D}，比上年增加{Y}。其中：基本支出{F}，项目支出{G}。",
      (RC + "=B", "revenue_by_source:general_public_budget=D", "revenue_by_source:business=E"), H + "holdout14/central-cyl-central-committee-2011-budget.txt",
      r"财政拨款支出预算⏎20\d\d年财政拨款支出预算[\d.]+万元", ("wan", "sep"), SAME_R),
    W("反例:一项基金", False, "2021年收入预算{B}，其中：一般公共预算拨款收入{D}，事业收入{E}。\n四、一般公共预算财政拨款支出情况\n2021年一般公共预算财政拨款收入{D}，一般公共预算财政拨款支出{D}，比上年增加{Y}。其中：基本支出{F}，比上年增加{Y}。项目支出{G}。",
      (RC + "=B", "revenue_by_source:general_public_budget=D", "revenue_by_source:business=E"), H + "holdout13/chongqing-fuling-wulingshan-township-2023-budget.txt",
      r"一般公共预算财政拨款支出[\d.]+万元,比上年增加[\d.]+万元。其中:基本支出", ("wan", "html"), SAME_R),
    # ---- eighth round: the 一般公共预算's 基本支出 and its 人员/公用 parts, on a page with other money and on one without
    W("反例:一项基金", False, "2021年收入预算{B}，其中：一般公共预算拨款收入{D}，事业收入{E}。\n（六）一般公共预算基本支出情况说明（详见表6）\n2021年一般公共预算基本支出{F}，其\n中：\n人员支出{X}，主要包括：基本工资、津贴补贴。\n公用支出{VO}。",
      (RC + "=B", "revenue_by_source:general_public_budget=D", "revenue_by_source:business=E"), "corpus-wide/zj_hangzhou_justice_bureau_2026_dept_budget.pdf",
      r"年一般公共预算基本支出70,724.29万元,其⏎中:⏎人员支出", ("wan", "sep", "html"), SAME_R),
    W("人员经费/公用经费", False, "2021年收入预算{D}，其中：一般公共预算拨款收入{D}，占100%。\n（六）一般公共预算基本支出情况说明（详见表6）\n2021年一般公共预算基本支出{D}，其\n中：\n人员支出{F}，主要包括：基本工资、津贴补贴。\n公用支出{G}。",
      (RC + "=D", "revenue_by_source:general_public_budget=D", "totals:basic_expenditure=D", "totals:personnel_expenditure=F", "totals:public_expenditure=G"),
      "corpus-wide/zj_hangzhou_justice_bureau_2026_dept_budget.pdf", r"年一般公共预算基本支出70,724.29万元,其⏎中:⏎人员支出", ("wan", "yuan"), (RT + "=D",)),
)
