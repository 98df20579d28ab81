"""Probe ``identify()`` with invented first pages of the kinds Chinese budget and final-account disclosures open with.

Each page is a few lines: a title (or a header line) and a short body. The expected identity stands beside it: the
unit's name, its region (province, city, county; ``CENTRAL`` for a central body placed nowhere) or ``REFUSE`` where no
region can be given with certainty, and the year, kind and scope. Prints OK or BAD per page and the count of BAD;
exit status 1 if any is BAD. A benchmark of kinds, not of documents: no page here is a real one.

    python benchmarks/probe_identity.py          # every page
    python benchmarks/probe_identity.py --bad    # the BAD ones only
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the worktree's cnbudget, as the build's is
from cnbudget.read import text_to_lines
from cnbudget.recognise.identify import identify

BODY = "\n一、部门概况\n（一）主要职责\n负责本行业的管理工作。\n二、收支预算总体情况\n收入预算合计512.30万元，支出预算合计512.30万元。\n"
FINAL_BODY = "\n第一部分 部门概况\n一、主要职能\n负责本行业的管理工作。\n第二部分 部门决算情况说明\n本年收入合计512.30万元，本年支出合计512.30万元。\n"
CENTRAL = ("", "", "")
REFUSE = None
YY = ("湖南省", "岳阳市", "")


@dataclass(frozen=True)
class Page:
    """One invented first page and the identity it should be read as."""

    text: str
    unit: str
    place: tuple[str, str, str] | None
    year: int = 2021
    kind: str = "budget"
    scope: str = "department"
    level: str | None = None  # checked where given: '' for a level the page leaves unknown


def _pages() -> list[Page]:
    pages: list[Page] = []

    def add(first: str, unit: str, place: tuple[str, str, str] | None, year: int = 2021, kind: str = "budget", scope: str = "department") -> None:
        pages.append(Page(first + (FINAL_BODY if kind == "final_account" else BODY), unit, place, year, kind, scope))

    # the kind's many names, the year before, inside and after the name, tags, site furniture, lines cut
    for title in ("岳阳市教育局2021年部门预算公开", "岳阳市教育局2021年预算信息公开", "岳阳市教育局2021年部门收支预算", "岳阳市教育局2021年预算公开说明",
                  "岳阳市教育局2021年“三公”经费预算", "岳阳市教育局2021年“三公”经费预算情况说明", "岳阳市教育局2021年“三公”经费支出预算情况说明",
                  "2021年岳阳市教育局部门预算", "2021年度岳阳市教育局部门预算公开", "岳阳市教育局部门预算（2021年）", "岳阳市教育局部门预算(2021年度)",
                  "岳阳市教育局2021年部门预算（汇总）", "岳阳市教育局（汇总）2021年部门预算", "岳阳市教育局2021年部门预算（草案）", "岳阳市教育局2021年部门预算草案",
                  "2021年岳阳市教育局部门预算（草案）", "岳阳市教育局\n2021年部门预算", "岳阳市\n教育局2021年部门预算", "2021年\n岳阳市教育局\n部门预算",
                  "岳阳市教育局\n二〇二一年部门预算", "岳阳市教育局\n2021年度\n部门预算", "岳阳市教育局\n2021\n年部门预算",
                  "首页 > 政务公开 > 财政预决算 > 岳阳市教育局2021年部门预算", "当前位置：首页>>信息公开>>财政资金>>岳阳市教育局2021年部门预算",
                  "【部门预算】岳阳市教育局2021年部门预算", "<title>岳阳市教育局2021年部门预算</title>", "岳阳市教育局2021年部门预算_岳阳市人民政府门户网站",
                  "岳阳市教育局2021年部门预算 - 岳阳市人民政府", "岳阳市教育局2021年部门预算 | 岳阳市人民政府", "关于岳阳市教育局2021年部门预算的说明",
                  "岳阳市教育局关于2021年部门预算公开的说明", "岳阳市教育局2021年部门预算及“三公”经费预算公开", "岳阳市教育局2021年部门预算编制说明",
                  "岳阳市教育局2021年度预算", "岳阳市教育局2021年收支预算", "岳阳市教育局2021年财政预算公开", "岳阳市教育局部门2021年预算",
                  "湖南省岳阳市教育局2021年部门预算", "湖南岳阳市教育局2021年部门预算"):
        add(title, title.split("2021")[0] if title.startswith("湖南") else "岳阳市教育局", YY)
    for title in ("岳阳市教育局2020年决算公开报告", "岳阳市教育局2020年度部门决算公开表", "岳阳市教育局2020年度“三公”经费决算公开",
                  "岳阳市教育局2020年度财政拨款“三公”经费支出决算情况", "岳阳市教育局2020年度部门决算报告", "岳阳市教育局2020年度决算",
                  "岳阳市教育局2020年度财务决算", "岳阳市教育局2020年度收支决算", "2020年度岳阳市教育局决算公开", "岳阳市教育局部门决算（2020年度）",
                  "岳阳市教育局二〇二〇年度部门决算", "岳阳市教育局关于2020年度“三公”经费决算公开的说明"):
        add(title, "岳阳市教育局", YY, 2020, "final_account")
    add("岳阳市教育局2020年度单位决算", "岳阳市教育局", YY, 2020, "final_account", "unit")
    add("岳阳市教育局2021年单位预算公开", "岳阳市教育局", YY, scope="unit")
    add("岳阳市教育局（本级）2021年部门预算", "岳阳市教育局（本级）", YY, scope="unit")
    add("岳阳市教育局2021年部门预算\n2020年决算数为500万元，2021年预算数为512.30万元。", "岳阳市教育局", YY)
    add("岳阳市教育局2020年度部门决算\n2020年度预算数为500万元，决算数为512.30万元。", "岳阳市教育局", YY, 2020, "final_account")
    # header lines and cells
    for header in ("部门：岳阳市教育局\n单位：万元", "单位名称：岳阳市教育局", "编制单位：岳阳市教育局  金额单位：万元", "预算单位：岳阳市教育局",
                   "填报单位：岳阳市教育局", "公开单位：岳阳市教育局", "部门名称：101001岳阳市教育局", "部门：101001 岳阳市教育局",
                   "单位：[101001]岳阳市教育局", "部门名称：岳阳市教育局 金额单位：万元", "编制部门：岳阳市教育局 单位：元", "部门：岳阳市教育局（汇总）"):
        add("2021年部门预算公开\n" + header, "岳阳市教育局", YY)
    # bodies of every tier and kind across the provinces; zones; divisions gone since (with the year they still stood)
    for name, place, year in (
        ("石河子市财政局", ("新疆维吾尔自治区", "", "石河子市"), 2021),
        ("新疆生产建设兵团第一师阿拉尔市教育局", ("新疆维吾尔自治区", "", "阿拉尔市"), 2021),
        ("新疆生产建设兵团财政局", ("新疆维吾尔自治区", "", ""), 2021),
        ("新疆生产建设兵团第八师", REFUSE, 2021),
        ("神农架林区教育局", ("湖北省", "", "神农架林区"), 2021),
        ("神农架林区松柏镇人民政府", ("湖北省", "", "神农架林区"), 2021),
        ("仙桃市财政局", ("湖北省", "", "仙桃市"), 2021),
        ("潜江市园林街道办事处", ("湖北省", "", "潜江市"), 2021),
        ("天门市卫生健康委员会", ("湖北省", "", "天门市"), 2021),
        ("济源市财政局", ("河南省", "", "济源市"), 2021),
        ("湘西州民族宗教事务委员会", ("湖南省", "湘西土家族苗族自治州", ""), 2021),
        ("湘西州凤凰县财政局", ("湖南省", "湘西土家族苗族自治州", "凤凰县"), 2021),
        ("黔东南州财政局", ("贵州省", "黔东南苗族侗族自治州", ""), 2021),
        ("甘孜州教育和体育局", ("四川省", "甘孜藏族自治州", ""), 2021),
        ("甘孜州康定市水务局", ("四川省", "甘孜藏族自治州", "康定市"), 2021),
        ("锡林郭勒盟行政公署办公室", ("内蒙古自治区", "锡林郭勒盟", ""), 2021),
        ("兴安盟科尔沁右翼前旗教育局", ("内蒙古自治区", "兴安盟", "科尔沁右翼前旗"), 2021),
        ("阿拉善盟阿拉善左旗巴彦浩特镇人民政府", ("内蒙古自治区", "阿拉善盟", "阿拉善左旗"), 2021),
        ("陈巴尔虎旗鄂温克民族苏木人民政府", ("内蒙古自治区", "呼伦贝尔市", "陈巴尔虎旗"), 2021),
        ("大兴安岭地区行政公署财政局", ("黑龙江省", "大兴安岭地区", ""), 2021),
        ("长阳县财政局", ("湖北省", "宜昌市", "长阳土家族自治县"), 2021),
        ("石柱县财政局", ("重庆市", "", "石柱土家族自治县"), 2021),
        ("岳阳县新墙镇人民政府", ("湖南省", "岳阳市", "岳阳县"), 2021),
        ("岳阳市岳阳楼区东茅岭街道办事处", ("湖南省", "岳阳市", "岳阳楼区"), 2021),
        ("东茅岭街道办事处", REFUSE, 2021),
        ("安徽省徽州师范学校", ("安徽省", "", ""), 2021),
        ("江苏省南京市玄武区教育局", ("江苏省", "南京市", "玄武区"), 2021),
        ("五指山市财政局", ("海南省", "", "五指山市"), 2021),
        ("广西壮族自治区财政厅", ("广西壮族自治区", "", ""), 2021),
        ("自治区财政厅", REFUSE, 2021),
        ("雄安新区管理委员会", ("河北省", "", ""), 2021),
        ("河北雄安新区管理委员会", ("河北省", "", ""), 2021),
        ("重庆两江新区管理委员会", ("重庆市", "", ""), 2021),
        ("贵安新区管理委员会", ("贵州省", "", ""), 2021),
        ("西咸新区管理委员会", ("陕西省", "", ""), 2021),
        ("湖南湘江新区管理委员会", ("湖南省", "长沙市", ""), 2021),
        ("长沙经济技术开发区管理委员会", ("湖南省", "长沙市", ""), 2021),
        ("武汉东湖新技术开发区管理委员会", ("湖北省", "武汉市", ""), 2021),
        ("成都高新技术产业开发区管理委员会", ("四川省", "成都市", ""), 2021),
        ("苏州工业园区管理委员会", ("江苏省", "苏州市", ""), 2021),
        ("眉山天府新区北斗小学", ("四川省", "眉山市", ""), 2023),
        ("科右前旗教育局", ("内蒙古自治区", "兴安盟", "科尔沁右翼前旗"), 2021),
        ("东乌旗财政局", ("内蒙古自治区", "锡林郭勒盟", "东乌珠穆沁旗"), 2021),
        ("博州财政局", ("新疆维吾尔自治区", "博尔塔拉蒙古自治州", ""), 2021),
        ("巴州财政局", REFUSE, 2021),
        ("巴州库尔勒市财政局", ("新疆维吾尔自治区", "巴音郭楞蒙古自治州", "库尔勒市"), 2021),
        ("普陀区教育局", REFUSE, 2021),
        ("北京市崇文区教育委员会", ("北京市", "", "崇文区"), 2009),
        ("上海市闸北区财政局", ("上海市", "", "闸北区"), 2014),
        ("上海市卢湾区财政局", ("上海市", "", "卢湾区"), 2010),
        ("天津市塘沽区教育局", ("天津市", "", "塘沽区"), 2009),
        ("重庆市万盛区财政局", ("重庆市", "", "万盛区"), 2010),
        ("襄樊市财政局", ("湖北省", "襄樊市", ""), 2009),
        ("毕节地区财政局", ("贵州省", "毕节地区", ""), 2010),
        ("海东地区财政局", ("青海省", "海东地区", ""), 2012),
        ("巢湖市财政局", ("安徽省", "巢湖市", ""), 2010),
        ("巢湖市财政局", ("安徽省", "合肥市", "巢湖市"), 2013),
    ):
        add(f"{name}{year}年部门预算", name, place, year)
    # central bodies and their units; administrations' offices and customs, central wherever they stand
    for name in ("教育部", "中国科学院", "国家统计局湖南调查总队", "中国林业科学研究院", "交通运输部长江航务管理局", "自然资源部第一海洋研究所",
                 "教育部考试中心", "中华全国妇女联合会", "最高人民法院", "水利部长江水利委员会", "中国科学院武汉植物园",
                 "国家税务总局岳阳市税务局", "国家税务总局湖南省税务局", "国家粮食和物资储备局湖南局", "长沙海关", "海关总署广州海关"):
        add(f"{name}2021年部门预算", name, CENTRAL)
    _more_pages(add, pages)
    return pages


def _more_pages(add: Callable[..., None], pages: list[Page]) -> None:
    """Session 15 (ident31): bodies of every kind of the country; a page's prose naming the division a body's name leaves out."""
    gd, hb, hn, xj = ("广东省", "东莞市", ""), "湖北省", "海南省", "新疆维吾尔自治区"
    # cities under a province with no prefecture, cities with no districts, and their bodies and townships
    for name, place in (
        ("潜江市博物馆", (hb, "", "潜江市")), ("仙桃市人民医院", (hb, "", "仙桃市")), ("天门市竟陵街道办事处", (hb, "", "天门市")),
        ("神农架林区木鱼镇人民政府", (hb, "", "神农架林区")), ("济源市克井镇人民政府", ("河南省", "", "济源市")),
        ("东莞市财政局", gd), ("东莞市虎门镇人民政府", gd), ("东莞市东城街道办事处", gd), ("中山市教育和体育局", ("广东省", "中山市", "")),
        ("中山市小榄镇人民政府", ("广东省", "中山市", "")), ("儋州市财政局", (hn, "儋州市", "")), ("三沙市人民政府办公室", (hn, "三沙市", "")),
        ("琼中黎族苗族自治县财政局", (hn, "", "琼中黎族苗族自治县")), ("琼中县教育局", (hn, "", "琼中黎族苗族自治县")),
        ("五指山市南圣镇人民政府", (hn, "", "五指山市")), ("嘉峪关市财政局", ("甘肃省", "嘉峪关市", "")),
        ("嘉峪关市峪泉镇人民政府", ("甘肃省", "嘉峪关市", "")), ("五家渠市财政局", (xj, "", "五家渠市")), ("北屯市教育局", (xj, "", "北屯市")),
        ("铁门关市财政局", (xj, "", "铁门关市")), ("可克达拉市财政局", (xj, "", "可克达拉市")), ("图木舒克市财政局", (xj, "", "图木舒克市")),
        ("新疆生产建设兵团第六师五家渠市财政局", (xj, "", "五家渠市")), ("石河子市新城街道办事处", (xj, "", "石河子市")),
        # development zones, scenic areas, forest and farm bodies, prisons, colleges named with their place
        ("岳阳经济技术开发区管理委员会", ("湖南省", "岳阳市", "")), ("岳阳市南湖风景区管理委员会", YY),
("湖南省长沙监狱", ("湖南省", "", "")),
        ("四川省雷马屏监狱", ("四川省", "", "")), ("湖南省青羊湖国有林场", ("湖南省", "", "")), ("岳阳县国有林场", ("湖南省", "岳阳市", "岳阳县")),
        ("黑龙江省农垦总局", ("黑龙江省", "", "")), ("东湖高新区管理委员会", REFUSE), ("四川大学", REFUSE), ("广东医学院", REFUSE),
        # banners and prefectures by their customary short names
        ("科右中旗财政局", ("内蒙古自治区", "兴安盟", "科尔沁右翼中旗")), ("阿左旗教育局", ("内蒙古自治区", "阿拉善盟", "阿拉善左旗")),
        ("克州财政局", (xj, "克孜勒苏柯尔克孜自治州", "")), ("达茂旗财政局", ("内蒙古自治区", "包头市", "达尔罕茂明安联合旗")),
        ("莫旗财政局", ("内蒙古自治区", "呼伦贝尔市", "莫力达瓦达斡尔族自治旗")), ("土右旗财政局", ("内蒙古自治区", "包头市", "土默特右旗")),
        ("伊旗财政局", REFUSE), ("阿右旗财政局", REFUSE),
        # townships, ethnic townships, communities, villages with a county named before them; and without
        ("越西县保安藏族乡人民政府", ("四川省", "凉山彝族自治州", "越西县")), ("保安藏族乡人民政府", REFUSE),
        ("岳阳县新墙镇清水村村民委员会", ("湖南省", "岳阳市", "岳阳县")),
        ("岳阳市岳阳楼区东茅岭街道洞庭社区居民委员会", ("湖南省", "岳阳市", "岳阳楼区")), ("洞庭社区居民委员会", REFUSE),
        ("平江县福寿山林场", ("湖南省", "岳阳市", "平江县")),
    ):
        add(f"{name}2021年部门预算", name, place)
    # a body named by its tier's word, the division named only in the page's prose or header
    gx = ("广西壮族自治区", "", "")
    for first, unit, place in (
        ("自治区外事办公室2021年部门预算\n广西壮族自治区外事办公室是自治区人民政府工作部门。", "广西壮族自治区外事办公室", gx),
        ("自治区外事办公室2021年部门预算\n本部门是广西壮族自治区人民政府主管外事工作的部门。", "自治区外事办公室", gx),
        ("广西壮族自治区人民政府门户网站\n自治区外事办公室2021年部门预算", "自治区外事办公室", gx),
        ("自治区外事办公室2021年部门预算", "自治区外事办公室", REFUSE),
        ("市博物馆2021年部门预算\n潜江市博物馆是潜江市文化和旅游局所属公益一类事业单位。", "潜江市博物馆", (hb, "", "潜江市")),
        ("市博物馆2021年部门预算\n我馆位于潜江市，收藏文物三千余件。", "市博物馆", (hb, "", "潜江市")),
        ("市博物馆2021年部门预算", "市博物馆", REFUSE),
        ("市财政局2021年部门预算\n东莞市财政局是市政府主管财政收支的工作部门。", "东莞市财政局", gd),
        ("州财政局2021年部门预算\n克孜勒苏柯尔克孜自治州财政局是州人民政府工作部门。", "克孜勒苏柯尔克孜自治州财政局", (xj, "克孜勒苏柯尔克孜自治州", "")),
        ("县财政局2021年部门预算\n岳阳市财政局批复。", "县财政局", REFUSE),
        ("盟财政局2021年部门预算\n锡林郭勒盟财政局是盟行政公署工作部门。", "锡林郭勒盟财政局", ("内蒙古自治区", "锡林郭勒盟", "")),
        ("四川大学2021年部门预算\n四川大学是教育部直属的全国重点大学，位于四川省成都市。", "四川大学", REFUSE),
        ("广东医学院2021年部门预算\n广东医学院是广东省属普通高等医学院校。", "广东医学院", ("广东省", "", "")),
        ("东湖高新区管理委员会2021年部门预算\n东湖高新区是武汉市人民政府派出机构，位于武汉市。", "东湖高新区管理委员会", (hb, "武汉市", "")),
    ):
        add(first, unit, place)
    # a college named by a short form alone, on a page that prints where it stands but not whose it is: placed there, its
    # level left unknown (湖南大学 is central, 西安建筑科技大学 the province's, both named alike); a cited approval of its budget says
    body = "湖南大学位于湖南省长沙市，办学历史悠久。湖南省长沙市岳麓山下。"
    pages.append(Page(f"湖南大学2021年部门预算\n{body}" + BODY, "湖南大学", ("湖南省", "", ""), level=""))
    body = "根据《陕西省教育厅关于2021年部门预算批复的通知》，西安建筑科技大学2021年部门预算财政拨款18777.83万元。学校位于陕西省西安市。"
    pages.append(Page(f"西安建筑科技大学2021年部门预算\n{body}" + BODY, "西安建筑科技大学", ("陕西省", "", ""), level="province"))
    body = "根据《教育部关于2021年部门预算批复的通知》，湖南大学2021年部门预算财政拨款18777.83万元。学校位于湖南省长沙市。"
    pages.append(Page(f"湖南大学2021年部门预算\n{body}" + BODY, "湖南大学", REFUSE))


def main(argv: list[str]) -> int:
    """Print OK or BAD per page and the count of BAD; 1 if any is BAD."""
    bad = 0
    pages = _pages()
    for page in pages:
        i = identify(text_to_lines(page.text), [])
        place = None if i.region is None else (i.region.province, i.region.city, i.region.county)
        if place is None and i.level == "central":
            place = CENTRAL
        got = (i.unit_name, place, i.fiscal_year, i.kind, i.scope) + (() if page.level is None else (i.level,))
        want = (page.unit, page.place, page.year, page.kind, page.scope) + (() if page.level is None else (page.level,))
        ok = got == want
        bad += not ok
        if not ok or "--bad" not in argv:
            first = page.text.split("\n一、部门概况")[0].split("\n第一部分")[0].replace("\n", " / ")
            print(("OK " if ok else "BAD"), first, "->", got, "" if ok else f"want {want}; {i.looked_for[:160]}")
    print(f"{bad} of {len(pages)} pages BAD")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
