"""Probe ``identify()`` with invented first pages of the kinds Chinese budget and final-account disclosures open with.

Each page is a few lines: a title (or a header line) and a short body. The expected identity stands beside it: the
unit's name, its region (province, city, county; ``CENTRAL`` for a central body placed nowhere) or ``REFUSE`` where no
region can be given with certainty, the year, kind and scope, and for some pages the level ('' where the page leaves it
unknown). Prints OK or BAD per page and the count of BAD, of which wrong (another region, central, or another level) and
refused; exit status 1 if any is BAD. A benchmark of kinds, not of documents: no page here is a real one.

    python benchmarks/probe_identity.py          # every page
    python benchmarks/probe_identity.py --bad    # the BAD ones only
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the worktree's cnbudget, as the build's is
from cnbudget.model import Line
from cnbudget.read import read_source, text_to_lines
from cnbudget.read.script import simplified
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
    html: bool = False  # the page is markup, read as the build reads an .html source


def page_lines(page: Page) -> list[Line]:
    """The page's lines as the build reads them: markup through the HTML reader, text in simplified script."""
    if not page.html:
        return text_to_lines(simplified(page.text))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.html"
        path.write_text(page.text, encoding="utf-8")
        return read_source(path).lines


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
    _session16_pages(pages)
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
        ("锡盟财政局", ("内蒙古自治区", "锡林郭勒盟", "")), ("锡盟东乌旗财政局", ("内蒙古自治区", "锡林郭勒盟", "东乌珠穆沁旗")),
        ("伊旗财政局", REFUSE), ("阿右旗财政局", REFUSE), ("阿盟财政局", REFUSE),
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
        ("市博物馆2021年部门预算\n我馆是汨罗市文化旅游广电体育局所属事业单位，接受岳阳市文物局业务指导。", "市博物馆", REFUSE),
        ("市博物馆2021年部门预算\n我馆隶属汨罗市文化旅游广电体育局。汨罗市位于岳阳市南部。", "市博物馆", ("湖南省", "岳阳市", "汨罗市")),
        ("市财政局2021年部门预算\n东莞市财政局是市政府主管财政收支的工作部门。", "东莞市财政局", gd),
        ("州财政局2021年部门预算\n克孜勒苏柯尔克孜自治州财政局是州人民政府工作部门。", "克孜勒苏柯尔克孜自治州财政局", (xj, "克孜勒苏柯尔克孜自治州", "")),
        ("县财政局2021年部门预算\n岳阳市财政局批复。", "县财政局", REFUSE),
        ("盟财政局2021年部门预算\n锡林郭勒盟财政局是盟行政公署工作部门。", "锡林郭勒盟财政局", ("内蒙古自治区", "锡林郭勒盟", "")),
        ("四川大学2021年部门预算\n四川大学是教育部直属的全国重点大学，位于四川省成都市。", "四川大学", REFUSE),
        ("广东医学院2021年部门预算\n广东医学院是广东省属普通高等医学院校。", "广东医学院", ("广东省", "", "")),
        ("东湖高新区管理委员会2021年部门预算\n东湖高新区是武汉市人民政府派出机构，位于武汉市。", "东湖高新区管理委员会", (hb, "武汉市", "")),
    ):
        add(first, unit, place)
    # a zone under its short names (经开区, 综合保税区, a landmark's 开发区); a district's body under a name several districts
    # bear, its city named in the prose; a project's 指挥部, no ministry
    for first, unit, place in (
        ("岳阳经开区管理委员会2021年部门预算", "岳阳经开区管理委员会", YY), ("岳阳城陵矶综合保税区管理委员会2021年部门预算", "岳阳城陵矶综合保税区管理委员会", YY),
        ("城陵矶经开区管理委员会2021年部门预算", "城陵矶经开区管理委员会", REFUSE), ("东湖开发区管理委员会2021年部门预算", "东湖开发区管理委员会", REFUSE),
        ("武汉东湖高新区管理委员会2021年部门预算", "武汉东湖高新区管理委员会", (hb, "武汉市", "")), ("张江高新区管理委员会2021年部门预算", "张江高新区管理委员会", ("上海市", "", "")),
        ("东莞松山湖高新技术产业开发区管理委员会2021年部门预算", "东莞松山湖高新技术产业开发区管理委员会", gd),
        ("鼓楼区教育局2021年部门预算\n南京市鼓楼区教育局是区政府工作部门。", "鼓楼区教育局", ("江苏省", "南京市", "鼓楼区")),
        ("普陀区财政局2021年部门预算\n舟山市普陀区财政局是区政府工作部门。", "普陀区财政局", ("浙江省", "舟山市", "普陀区")),
        ("朝阳区教育委员会2021年部门预算\n北京市朝阳区教育委员会是区政府工作部门。", "朝阳区教育委员会", ("北京市", "", "朝阳区")),
        ("市中区财政局2021年部门预算\n济南市市中区财政局是区政府工作部门。", "市中区财政局", ("山东省", "济南市", "市中区")),
        ("鼓楼区教育局2021年部门预算\n江苏省教育厅批复。江苏省财政厅。", "鼓楼区教育局", REFUSE),
        ("鼓楼区教育局2021年部门预算\n杭州市财政局批复。", "鼓楼区教育局", REFUSE),
        ("岳阳新城区建设指挥部2021年部门预算", "岳阳新城区建设指挥部", REFUSE), ("县人武部2021年部门预算\n岳阳县人民武装部。", "县人武部", ("湖南省", "岳阳市", "岳阳县")),
        ("县人武部2021年部门预算", "县人武部", REFUSE),
        ("国家级宁乡经济技术开发区管理委员会2021年部门预算", "国家级宁乡经济技术开发区管理委员会", ("湖南省", "长沙市", "宁乡市")),
        ("中国（上海）自由贸易试验区管理委员会2021年部门预算", "中国（上海）自由贸易试验区管理委员会", ("上海市", "", "")),
        ("中国（湖南）自由贸易试验区岳阳片区管理委员会2021年部门预算", "中国（湖南）自由贸易试验区岳阳片区管理委员会", YY),
        ("岳阳新城区建设指挥部2021年部门预算\n岳阳市人民政府。岳阳市财政局。", "岳阳新城区建设指挥部", YY),
        ("儋州市那大镇人民政府2021年部门预算", "儋州市那大镇人民政府", (hn, "儋州市", "")), ("三沙市西沙区人民政府2021年部门预算", "三沙市西沙区人民政府", (hn, "三沙市", "西沙区")),
        ("峨边彝族自治县黑竹沟镇人民政府2021年部门预算", "峨边彝族自治县黑竹沟镇人民政府", ("四川省", "乐山市", "峨边彝族自治县")),
        ("和平彝族乡人民政府2021年部门预算", "和平彝族乡人民政府", REFUSE),
        ("岳阳楼区洞庭社区卫生服务中心2021年部门预算", "岳阳楼区洞庭社区卫生服务中心", ("湖南省", "岳阳市", "岳阳楼区")),
        ("长沙监狱2021年部门预算\n湖南省监狱管理局所属长沙监狱。", "长沙监狱", ("湖南省", "", "")), ("长沙监狱2021年部门预算", "长沙监狱", REFUSE),
        ("省博物馆2021年部门预算\n湖南省博物馆是省文化和旅游厅所属公益一类事业单位。", "湖南省博物馆", ("湖南省", "", "")),
        ("旗财政局2021年部门预算\n科右中旗财政局是旗人民政府工作部门。", "科右中旗财政局", ("内蒙古自治区", "兴安盟", "科尔沁右翼中旗")),
        ("济源产城融合示范区管理委员会2021年部门预算", "济源产城融合示范区管理委员会", ("河南省", "", "济源市")),
        ("新疆生产建设兵团第一师十团2021年部门预算", "新疆生产建设兵团第一师十团", REFUSE),
        # a landmark opening with a county's short form (长白 + 山), a lake a district and zones elsewhere are named after
        ("长白山保护开发区管理委员会2021年部门预算", "长白山保护开发区管理委员会", REFUSE), ("南湖新区管理委员会2021年部门预算", "南湖新区管理委员会", REFUSE),
        ("滨湖新区管理委员会2021年部门预算", "滨湖新区管理委员会", REFUSE), ("南湖区人民政府2021年部门预算", "南湖区人民政府", ("浙江省", "嘉兴市", "南湖区")),
        ("萧山经济技术开发区管理委员会2021年部门预算", "萧山经济技术开发区管理委员会", ("浙江省", "杭州市", "萧山区")),
        ("衡山经济开发区管理委员会2021年部门预算", "衡山经济开发区管理委员会", ("湖南省", "衡阳市", "衡山县")),
    ):
        add(first, unit, place)
    # a college named by a short form alone, on a page that prints where it stands but not whose it is: placed there, its
    # level left unknown (湖南大学 is central, 西安建筑科技大学 the province's, both named alike); a cited approval of its budget says
    body = "湖南大学位于湖南省长沙市，办学历史悠久。湖南省长沙市岳麓山下。"
    pages.append(Page(f"湖南大学2021年部门预算\n{body}" + BODY, "湖南大学", ("湖南省", "", ""), level=""))
    for name, place in (("东北大学", ("辽宁省", "沈阳市", "")), ("暨南大学", ("广东省", "广州市", "")), ("中山大学附属第一医院", ("广东省", "广州市", "")),
                        ("四川大学华西医院", ("四川省", "成都市", ""))):
        body = f"{name}位于{place[0]}{place[1]}。{place[1]}。"
        pages.append(Page(f"{name}2021年部门预算\n{body}" + BODY, name, place, level=""))
    for first, unit, place in (("巴彦淖尔苏木人民政府2021年部门预算\n巴彦淖尔苏木位于科右中旗西部。", "巴彦淖尔苏木人民政府", ("内蒙古自治区", "兴安盟", "科尔沁右翼中旗")),
                               ("岳阳县新墙镇清水村村民委员会2021年部门预算", "岳阳县新墙镇清水村村民委员会", ("湖南省", "岳阳市", "岳阳县")),
                               ("岳阳市岳阳楼区东茅岭街道洞庭社区居民委员会2021年部门预算", "岳阳市岳阳楼区东茅岭街道洞庭社区居民委员会", ("湖南省", "岳阳市", "岳阳楼区"))):
        pages.append(Page(first + BODY, unit, place, level="township"))
    body = "岳阳职业技术学院是岳阳市人民政府举办的公办高职院校。岳阳市。"
    pages.append(Page(f"岳阳职业技术学院2021年部门预算\n{body}" + BODY, "岳阳职业技术学院", YY, level="city"))
    body = "根据《陕西省教育厅关于2021年部门预算批复的通知》，西安建筑科技大学2021年部门预算财政拨款18777.83万元。学校位于陕西省西安市。"
    pages.append(Page(f"西安建筑科技大学2021年部门预算\n{body}" + BODY, "西安建筑科技大学", ("陕西省", "", ""), level="province"))
    body = "根据《教育部关于2021年部门预算批复的通知》，湖南大学2021年部门预算财政拨款18777.83万元。学校位于湖南省长沙市。"
    pages.append(Page(f"湖南大学2021年部门预算\n{body}" + BODY, "湖南大学", REFUSE))


def _session16_pages(pages: list[Page]) -> None:
    """Session 16 (ident41): kinds real pages print that the probe lacked: a unit named only in a closing line, a
    township titled with its district, a web page whose <title> and first heading differ, traditional script, the 兵团's
    newer cities, zones and new areas, a county-level city named without 市, a body named by its tier's word as the
    subject of its 机构设置 sentence, and a one-character county's name inside a word of the prose (完成县委: no 成县)."""
    hn, yy_county, cq = "湖南省", ("湖南省", "岳阳市", "岳阳县"), "重庆市"
    rows = "".join(f"{k}、项目{k}支出预算{k}.00万元，主要用于日常工作。\n" for k in range(1, 90))  # a page longer than its head

    def add(first: str, unit: str, place: tuple[str, str, str] | None, year: int = 2021, kind: str = "budget", level: str | None = None) -> None:
        pages.append(Page(first if "\n" in first and "收入" in first else first + (FINAL_BODY if kind == "final_account" else BODY), unit, place, year, kind, level=level))

    # the unit named only in a closing line: a signature over its date, an 编制单位 line under the last table
    add("2021年部门预算公开" + BODY + "岳阳市教育局\n2021年3月1日", "岳阳市教育局", YY)
    add("2021年部门预算公开" + BODY + rows + "岳阳市教育局\n2021年3月1日", "岳阳市教育局", YY)
    add("2021年部门预算公开" + BODY + rows + "编制单位：岳阳县财政局", "岳阳县财政局", yy_county)
    add("2021年部门预算公开" + BODY + rows + "联系电话：0730-1234567", "", REFUSE)
    # a township or 街道 titled with its district or county, named alone in its text
    add("岳阳楼区东茅岭街道办事处2021年部门预算\n东茅岭街道办事处是区政府派出机构，本街道辖6个社区。\n收入预算合计512.30万元。", "岳阳楼区东茅岭街道办事处", ("湖南省", "岳阳市", "岳阳楼区"), level="township")
    add("岳阳县新墙镇人民政府2021年部门预算\n新墙镇人民政府是县政府派出机关，本镇辖12个村。\n收入预算合计512.30万元。", "岳阳县新墙镇人民政府", yy_county, level="township")
    add("南县茅草街镇人民政府2021年部门预算", "南县茅草街镇人民政府", (hn, "益阳市", "南县"), level="township")
    add("成县城关镇人民政府2021年部门预算", "成县城关镇人民政府", ("甘肃省", "陇南市", "成县"), level="township")
    # traditional script, as mirror sites print it
    body = "\n一、部門概況\n（一）主要職責\n負責本行業的管理工作。\n二、收支預算總體情況\n收入預算合計512.30萬元，支出預算合計512.30萬元。\n"
    for first, unit, place in (("嶽陽市教育局2021年部門預算", "岳阳市教育局", YY), ("湖南省嶽陽縣財政局2021年部門預算", "湖南省岳阳县财政局", yy_county),
                               ("岳陽市財政局2021年部門預(yù)算", "岳阳市财政局", YY),  # a mirror's pinyin after a character
                               ("九華山風景區宗教事務局2021年部門預算", "九华山风景区宗教事务局", REFUSE)):  # a scenic area no list of ours holds
        add(first + body, unit, place)
    # the 兵团's cities and its divisions' bodies named with them
    for name, county in (("新疆生产建设兵团第八师石河子市教育局", "石河子市"), ("新疆生产建设兵团第十四师昆玉市财政局", "昆玉市"),
                         ("第七师胡杨河市财政局", "胡杨河市"), ("兵团第一师阿拉尔市财政局", "阿拉尔市"), ("新星市财政局", "新星市")):
        add(f"{name}2021年部门预算", name, ("新疆维吾尔自治区", "", county))
    # zones and new areas: a district named 新区, a national new area named with its city, a zone named with its city
    for name, place in (("浦东新区财政局", ("上海市", "", "浦东新区")), ("天津市滨海新区教育局", ("天津市", "", "滨海新区")),
                        ("青岛西海岸新区管理委员会", ("山东省", "青岛市", "")), ("广州南沙新区管理委员会", ("广东省", "广州市", "")),
                        ("长沙高新技术产业开发区管理委员会", (hn, "长沙市", "")), ("岳阳市城陵矶新港区管理委员会", YY),
                        ("浏阳经开区管理委员会", (hn, "长沙市", "浏阳市"))):
        add(f"{name}2021年部门预算", name, place)
    # a county-level city named without its 市, where the short form is one division's; and where it is several's
    for name, place in (("浏阳财政局", (hn, "长沙市", "浏阳市")), ("汨罗教育局", (hn, "岳阳市", "汨罗市")), ("韶山教育局", (hn, "湘潭市", "韶山市")),
                        ("朝阳教育局", REFUSE)):
        add(f"{name}2021年部门预算", name, place)
    # a web page whose <title> and first heading differ, minified (no line between them) or not
    html = "<html><head><title>{}</title></head><body>{}<h1>{}</h1><p>一、部门概况</p><p>负责本行业的管理工作。</p><p>收入预算合计512.30万元。</p></body></html>"
    for title, crumbs, heading, unit, place in (
        ("岳阳市人民政府门户网站", "", "岳阳市教育局2021年部门预算", "岳阳市教育局", YY),
        ("2021年部门预算公开_岳阳市教育局", "", "岳阳市教育局2021年部门预算", "岳阳市教育局", YY),
        ("岳阳市教育局2021年部门预算 - 岳阳市人民政府", "", "2021年部门预算公开", "岳阳市教育局", YY),
        ("岳阳县财政局2021年部门预算_岳阳县人民政府", "", "县财政局2021年部门预算", "岳阳县财政局", yy_county),
        ("岳阳县人民政府", "<div>首页 > 政务公开 > 财政资金</div>", "县财政局2021年部门预算", "县财政局", yy_county),
        ("嶽陽市教育局2021年部門預算", "", "嶽陽市教育局2021年部門預算", "岳阳市教育局", YY),
    ):
        page = html.format(title, crumbs, heading)
        pages.append(Page(page, unit, place, html=True))
        pages.append(Page(page.replace("><", ">\n<"), unit, place, html=True))
    # a body named by its tier's word as the subject of its 机构设置 sentence, the district named once inside the page's city
    setup = "一、部门基本情况\n（二）机构设置。区委老干部局下设3个内设机构；下属事业单位{}。\n按照重庆市机构改革方案要求，本部门不涉及机构改革。\n二、部门决算情况说明\n本部门2018年度收入总计1,244.19万元。"
    add(setup.format("1个：重庆市沙坪坝区老干部活动中心"), "区委老干部局", (cq, "", "沙坪坝区"), 2018, "final_account", level="county")
    add(setup.format("2个：重庆市沙坪坝区老干部活动中心、重庆市九龙坡区老年大学"), "区委老干部局", REFUSE, 2018, "final_account")
    add(setup.format("1个：老干部活动中心"), "区委老干部局", REFUSE, 2018, "final_account")
    # a page naming its body only as 我单位, its year before the year's money: refused for its unit, not for its year
    add("一、概况\n（二）部门预算单位构成\n县工商联内设机构一个，行政编制4人。\n二、部门决算收支情况\n我单位2016年收入决算60.42万元。", "县工商联", REFUSE, 2016, "final_account")
    # a one-character county's name and its tier's word read inside a word of the prose: no county of the page's
    add("县委党校2017年部门决算\n县委党校是县委的重要部门，圆满完成县委交办的各项任务。\n本年收入合计60.42万元。", "县委党校", REFUSE, 2017, "final_account")
    add("县财政局2021年部门预算\n负责管理县级财政收支。\n收入预算合计512.30万元。", "县财政局", REFUSE)
    add("县工商联2016年部门决算\n（二）部门预算单位构成\n县工商联内设机构一个。\n本年收入合计60.42万元。", "县工商联", REFUSE, 2016, "final_account")
    # (成县县委党校: the county's name, then its committee's own 县委, is no completion of 县委党校; the page places it in 成县)
    add("县委党校2017年部门决算\n中共成县县委党校是县委的重要部门，圆满完成县委交办的各项任务。\n本年收入合计60.42万元。", "县委党校", ("甘肃省", "陇南市", "成县"), 2017, "final_account")


def main(argv: list[str]) -> int:
    """Print OK or BAD per page and the count of BAD; 1 if any is BAD."""
    bad = wrong = refused = 0
    pages = _pages()
    for page in pages:
        i = identify(page_lines(page), [])
        place = None if i.region is None else (i.region.province, i.region.city, i.region.county)
        if place is None and i.level == "central":
            place = CENTRAL
        got = (i.unit_name, place, i.fiscal_year, i.kind, i.scope) + (() if page.level is None else (i.level,))
        want = (page.unit, page.place, page.year, page.kind, page.scope) + (() if page.level is None else (page.level,))
        ok = got == want
        bad += not ok
        # a wrong identity: placed (or taken for central) elsewhere than expected, or at another level; a refusal: no place
        wrong += not ok and place is not None and (place != page.place or got[5:] != want[5:])
        refused += not ok and place is None and page.place is not None
        if not ok or "--bad" not in argv:
            first = page.text.split("\n一、部门概况")[0].split("\n第一部分")[0].replace("\n", " / ")
            print(("OK " if ok else "BAD"), first, "->", got, "" if ok else f"want {want}; {i.looked_for[:160]}")
    print(f"{bad} of {len(pages)} pages BAD ({wrong} wrong: another region, central or level; {refused} refused where the page says enough)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
