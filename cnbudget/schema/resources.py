"""The published resources, each declared once (output contract version 2)."""

from __future__ import annotations

from cnbudget.schema.fields import (
    DISCLOSURE_FK,
    METRICS,
    REFERENCE_NOTE,
    REVENUE_SOURCES,
    THREE_PUBLIC_ITEMS,
    Field,
    Resource,
    amount_field,
    classification_fields,
    classification_year_field,
    code_fk,
    id_field,
    line_field,
    official_name_field,
    origin_field,
    page_field,
    phase_field,
    source_file_field,
)
from cnbudget.schema.quality import CHECKS, DOUBTS

CONTRACT_VERSION = "2"
LEVELS = ("central", "province", "city", "county", "township")

DISCLOSURE = Resource(
    "disclosure",
    "公开文件",
    "每份公开文件一行：哪个单位、地区、年度、类型，读自哪些文件。 One row per disclosure: which unit, region, year and kind it is, and which files it was read from.",
    (
        id_field(),
        Field("unit_id", "string", "单位编号", "单位跨年度的编号：同一单位各年度公开文件共用的 ASCII 编号。 The unit across years: an ASCII slug shared by one unit's disclosures of every year.", required=True, pattern="[a-z0-9-]+"),
        Field("unit_name", "string", "单位名称", "单位全称，照表格所印。 The unit's full official name as its tables print it.", required=True),
        Field("unit_aliases", "string", "单位别名", "文件对该单位的其他称呼，以 `;` 分隔。 Other names the document uses for the unit, `;`-separated."),
        Field("unit_code", "string", "单位代码", "表格所印的单位预算代码。 The unit's budget code as the tables print it."),
        Field("province", "string", "省", "省级行政区（省、自治区、直辖市）。 Province-level division (省、自治区、直辖市).", required=True, fiscal="administrative-classification:generic:level1:label"),
        Field("city", "string", "市", "地级行政区；省级单位为空。 Prefecture-level division; empty for provincial bodies.", fiscal="administrative-classification:generic:level2:label"),
        Field("county", "string", "县（区）", "县级行政区；省级、市级单位为空。 County-level division; empty for provincial and municipal bodies.", fiscal="administrative-classification:generic:level3:label"),
        Field("region_code", "string", "行政区划代码", "所列最具体行政区的六位行政区划代码（GB/T 2260）。 The six-digit administrative division code of the most specific division named (GB/T 2260).", pattern="[0-9]{6}"),
        Field(
            "level",
            "string",
            "行政层级",
            "单位所属政府层级：`central` 中央、`province` 省级（含直辖市市级）、`city` 地市级、`county` 县级（含市辖区）、`township` 乡镇街道。 "
            "The tier of government the unit belongs to: central, province (a municipality's own bodies included), city, county (districts included) or township (乡、镇、街道).",
            enum=LEVELS,
        ),
        Field("fiscal_year", "integer", "预算年度", "公开文件所属的预算年度。 The fiscal year the disclosure is about.", required=True, fiscal="date:fiscal-year"),
        Field("kind", "string", "类型", "`budget` 预算或 `final_account` 决算。 `budget` (预算) or `final_account` (决算).", required=True, enum=("budget", "final_account"), fiscal="phase:id"),
        Field("scope", "string", "范围", "`department` 部门（汇总）或 `unit` 单位（一个单位）。 `department` (部门, consolidated) or `unit` (单位, one unit).", required=True, enum=("department", "unit")),
        Field("title", "string", "标题", "公开文件的标题。 The document's title.", required=True),
        Field("published", "date", "公开日期", "公开日期，取自文件或来源清单。 The publication date, from the document or the sources manifest."),
        Field("source_files", "string", "源文件", "读取的源文件名，以 `;` 分隔。 The files the disclosure was read from, `;`-separated.", required=True),
        Field("source_sha256", "string", "源文件SHA-256", "各源文件的 SHA-256，以 `;` 分隔，顺序同 source_files。 SHA-256 of each source file, `;`-separated in the order of source_files.", required=True),
        Field("source_url", "string", "发布网址", "源文件发布的网址（已知时），多个以 `;` 分隔。 Where the source files were published, when known, `;`-separated."),
        Field("page_count", "integer", "页数", "各源文件页数之和（源文件有页码时）。 Pages over all source files, where the source has pages."),
        Field("amount_unit", "string", "金额单位", "表格声明的金额单位（万元、元、千元或亿元；各表不一为 `mixed`）。本数据包金额一律已换算为万元。 The amount unit the tables declare (万元, 元, 千元 or 亿元; `mixed` where tables differ). All amounts in this package are converted to 万元."),
        Field("currency", "string", "币种", "总是 CNY。 Always CNY.", fiscal="value-currency:code"),
        Field("factor", "integer", "单位倍数", "总是 10000：金额均为万元。 Always 10000: every amount is in 万元."),
    ),
    primary_key=("disclosure_id",),
)

TOTALS = Resource(
    "totals",
    "主要数字",
    "主要数字，每个指标和口径一行，取自表格；没有表格给出时由文字说明中的数字补上（origin 为 narrative）。文字说明所述数字另见 statements。 "
    "Headline figures, one row per metric and phase, as the tables print them; where no table gives one, the prose figure stands in (origin narrative). Every prose figure is also in statements.",
    (
        id_field(),
        Field("metric", "string", "指标", "哪个主要数字（见数据字典）。 Which headline figure (see the data dictionary).", required=True, enum=METRICS),
        phase_field(),
        amount_field("amount", "金额", "数字。 The figure.", required=True),
        origin_field(),
        Field("source_table", "string", "所在表", "数字所在表格的标题，或 narrative（文字说明）。 The title of the table the figure was read from, or `narrative`."),
        page_field(),
        source_file_field(),
    ),
    primary_key=("disclosure_id", "metric", "phase"),
    foreign_keys=DISCLOSURE_FK,
)

REVENUE_BY_SOURCE = Resource(
    "revenue_by_source",
    "收入来源",
    "收支总表（收入总表）按资金来源列示的收入，每个来源和口径一行。 Revenue lines of the 收支总表 / 收入总表 by source of funds, one row per source and phase.",
    (
        id_field(),
        Field("source", "string", "收入来源", "规范化的资金来源。 The canonical source of funds.", required=True, enum=REVENUE_SOURCES),
        phase_field(),
        Field("source_name", "string", "来源名称", "原文所印名称。 The line as printed.", required=True),
        amount_field("amount", "金额", "该项收入。 The revenue line."),
        origin_field(),
        page_field(),
        source_file_field(),
    ),
    primary_key=("disclosure_id", "source", "phase"),
    foreign_keys=DISCLOSURE_FK,
)

EXPENDITURE_BY_FUNCTION = Resource(
    "expenditure_by_function",
    "支出功能分类",
    "一般公共预算支出表按支出功能分类（类/款/项）列示的各行，所印各级均收录，每个科目和口径一行。 "
    "Rows of the general public budget expenditure table by functional classification (功能分类), every level printed, one row per code and phase.",
    (
        id_field(),
        Field(
            "function_code",
            "string",
            "功能分类科目编码",
            "3、5 或 7 位：类、款或项（原文 `201 31 01` 记为 `2013101`）。 3, 5 or 7 digits: 类, 款 or 项 (`2013101` for the printed `201 31 01`).",
            required=True,
            pattern="[0-9]{3}([0-9]{2}){0,2}",
            fiscal="functional-classification:generic:code",
        ),
        phase_field(),
        Field("level", "string", "级次", "`class` 类、`section` 款或 `item` 项。 `class` (类), `section` (款) or `item` (项).", required=True, enum=("class", "section", "item")),
        Field("function_name", "string", "科目名称", "原文所印名称。 The name as printed.", required=True, fiscal="functional-classification:generic:label"),
        official_name_field("function"),
        Field(
            "code_printed",
            "boolean",
            "编码为原文所印",
            "编码是否照原文所印；原文未印编码（或印错）时，编码由所印名称对应的官方编码补上，为 false。 "
            "Whether the code is printed in the source; false where it is not (or is misprinted) and the official code of the printed name is given instead.",
            required=True,
        ),
        classification_year_field("function"),
        amount_field("total", "合计", "本行合计。 The row's total."),
        amount_field("basic", "基本支出", "基本支出。 Basic expenditure (基本支出)."),
        amount_field("project", "项目支出", "项目支出。 Project expenditure (项目支出)."),
        origin_field(),
        page_field(),
        source_file_field(),
        amount_field("previous_year", "上年数", "表格在本年数旁并列的上年数。 The previous year's figure, where the table prints it beside this year's."),
        Field("source_table", "string", "所在表", "本行所在表格的标题。 The title of the table the row was read from."),
    ),
    primary_key=("disclosure_id", "function_code", "phase"),
    foreign_keys=DISCLOSURE_FK + (code_fk("function_code", "function_classification"),),
)

BASIC_EXPENDITURE_BY_ECONOMIC = Resource(
    "basic_expenditure_by_economic",
    "基本支出经济分类",
    "基本支出表按部门预算支出经济分类列示的各行，每个科目和口径一行；表格按政府预算经济分类交叉列示同一科目的多行时合为一行。 "
    "Rows of the basic expenditure table by economic classification (部门预算支出经济分类), one row per code and phase; where a table prints one code on "
    "several rows (one per 政府预算经济分类 code), they are added into one.",
    (
        id_field(),
        Field(
            "economic_code",
            "string",
            "经济分类科目编码",
            "3 或 5 位：类或款（`30101`）。 3 or 5 digits: 类 or 款 (`30101`).",
            required=True,
            pattern="[0-9]{3}([0-9]{2})?",
            fiscal="economic-classification:generic:code",
        ),
        phase_field(),
        Field("level", "string", "级次", "`class` 类或 `item` 款。 `class` (类) or `item` (款).", required=True, enum=("class", "item")),
        Field("economic_name", "string", "科目名称", "原文所印名称。 The name as printed.", required=True, fiscal="economic-classification:generic:label"),
        official_name_field("economic"),
        classification_year_field("economic"),
        amount_field("total", "合计", "本行合计。 The row's total."),
        amount_field("personnel", "人员经费", "人员经费。 Personnel expenditure (人员经费)."),
        amount_field("public", "公用经费", "公用经费。 Public (operating) expenditure (公用经费)."),
        page_field(),
        source_file_field(),
        Field(
            "government_economic_code",
            "string",
            "政府预算经济分类编码",
            "表格在部门科目旁所印的政府预算支出经济分类编码（501…）；同一部门科目对应多个政府科目时为空。 "
            "The 政府预算支出经济分类 code (501…), where the table prints one beside the departmental code; empty where the departmental code's rows name several.",
            pattern="[0-9]{3}([0-9]{2})?",
        ),
        Field("source_table", "string", "所在表", "本行所在表格的标题。 The title of the table the row was read from."),
    ),
    primary_key=("disclosure_id", "economic_code", "phase"),
    # government_economic_code is often empty while classification_year is not, and a foreign key of two
    # fields with one empty is a violation to Frictionless: its entry is in economic_classification all the same
    foreign_keys=DISCLOSURE_FK + (code_fk("economic_code", "economic_classification"),),
)

PROJECTS = Resource(
    "projects",
    "项目支出",
    "项目支出表的各项目，每个项目和口径一行。 Projects of the project expenditure table, one row per project and phase.",
    (
        id_field(),
        line_field("项目", "project"),
        phase_field(),
        Field("project_name", "string", "项目名称", "原文所印项目名称。 The project's name as printed.", required=True),
        amount_field("amount", "金额", "项目金额。 The project's amount."),
        Field(
            "function_code",
            "string",
            "功能分类科目编码",
            "项目的功能分类科目编码（原文有印时）。 The project's function code, where printed.",
            pattern="[0-9]{3}([0-9]{2}){0,2}",
            fiscal="functional-classification:generic:code",
        ),
        Field("category", "string", "项目类型", "原文所印项目类型（如其他运转类、特定目标类）。 The project's category as printed (e.g. 其他运转类, 特定目标类)."),
        Field("project_code", "string", "项目编码", "原文所印项目编码。 The project's code as printed."),
        page_field(),
        source_file_field(),
        classification_year_field("function", required=False),
    ),
    primary_key=("disclosure_id", "line", "phase"),
    foreign_keys=DISCLOSURE_FK + (code_fk("function_code", "function_classification"),),
)

THREE_PUBLIC = Resource(
    "three_public",
    "“三公”经费",
    "“三公”经费（因公出国（境）费、公务用车购置及运行费、公务接待费），本年及表格所列上年，每项、年度和口径一行。 "
    "“三公” figures (因公出国（境）费, 公务用车购置及运行费, 公务接待费) for this and, where printed, the previous year, one row per item, year and phase.",
    (
        id_field(),
        Field("fiscal_year", "integer", "年度", "数字所属年度。 The year the figure belongs to.", required=True, fiscal="date:fiscal-year"),
        Field("item", "string", "项目", "哪一项。 Which figure.", required=True, enum=THREE_PUBLIC_ITEMS),
        phase_field(),
        amount_field("amount", "金额", "数字。 The figure."),
        origin_field(),
        page_field(),
        source_file_field(),
    ),
    primary_key=("disclosure_id", "fiscal_year", "item", "phase"),
    foreign_keys=DISCLOSURE_FK,
)

PERFORMANCE_INDICATORS = Resource(
    "performance_indicators",
    "绩效指标",
    "项目及部门整体绩效目标表中的绩效指标。 Performance indicators of the project and whole-unit performance target tables.",
    (
        id_field(),
        line_field("指标", "indicator"),
        Field(
            "project_name",
            "string",
            "项目名称",
            "所属项目；部门（单位）整体指标为空，项目名称未能读出时也为空（见 source_table）。 "
            "The project; empty for the whole unit's indicators, and where no project name was read (see source_table).",
        ),
        Field("level1", "string", "一级指标", "一级指标（产出指标、效益指标等）。 First-level indicator (产出指标, 效益指标 …)."),
        Field("level2", "string", "二级指标", "二级指标（数量指标、质量指标等）。 Second-level indicator (数量指标, 质量指标 …)."),
        Field("indicator", "string", "三级指标", "指标。 The indicator.", required=True),
        Field("operator", "string", "指标性质", "原文所印比较符（≥、≤、＝、定性等）。 The comparison as printed (≥, ≤, ＝, 定性 …)."),
        Field("target", "string", "指标值", "原文所印指标值。 The target value as printed.", required=True),
        Field("unit", "string", "度量单位", "指标值的度量单位。 The unit of the target."),
        Field("weight", "number", "权重", "指标权重（原文有印时）。 The indicator's weight, where printed."),
        Field(
            "source_table",
            "string",
            "所在表",
            "本行所在表格的标题：项目名称未能读出时，据此可知指标属项目绩效目标表还是整体绩效目标表。 "
            "The title of the table the row was read from: where no project name was read, it tells a project table from the whole unit's.",
        ),
        page_field(),
        source_file_field(),
    ),
    primary_key=("disclosure_id", "line"),
    foreign_keys=DISCLOSURE_FK,
)

STATEMENTS = Resource(
    "statements",
    "文字说明中的数字",
    "文字说明所述的每个数字，不论表格如何：检查据此比对文字与表格。 Every figure the prose states, whatever the tables say: what the checks compare with the tables.",
    (
        id_field(),
        line_field("数字", "figure"),
        Field(
            "subject",
            "string",
            "所述对象",
            "所述的是什么：totals 的指标、功能分类编码、“三公”项目、收入来源等（编码无法确定时为原文名称）。 "
            "What the figure is: a totals metric, a function code, a three_public item, a revenue source … (the printed name where no code can be given).",
            required=True,
        ),
        Field(
            "resource",
            "string",
            "对应资源",
            "subject 所属的资源（totals、expenditure_by_function、three_public、revenue_by_source）。 The resource whose key the subject is.",
            enum=("totals", "expenditure_by_function", "three_public", "revenue_by_source"),
        ),
        phase_field(required=False),
        Field("fiscal_year", "integer", "年度", "数字所属年度（句中写明的年度，否则为公开文件的预算年度）。 The year the figure belongs to (the year the sentence names, else the disclosure's).", fiscal="date:fiscal-year"),
        amount_field("amount", "金额", "所述金额（亿元、元均已换算为万元）。 The amount stated (亿元 and 元 converted to 万元)."),
        Field("percent", "number", "占比", "紧随金额所述的占比（“占 x%”中的 x）。 The share stated beside the amount (the x of 占 x%).", ),
        Field("text", "string", "原文", "所在句子，照原文（去掉排版造成的空白）。 The sentence, as printed (with layout whitespace removed).", required=True),
        page_field(),
        source_file_field(),
    ),
    primary_key=("disclosure_id", "line"),
    foreign_keys=DISCLOSURE_FK,
)

FUNCTION_CLASSIFICATION = Resource(
    "function_classification",
    "支出功能分类科目",
    "本数据包各行所用支出功能分类编码（expenditure_by_function、projects）及其上级在分类科目年度的官方条目，每个 (classification_year, code) 一行，"
    "在 all/ 中也只一行；各资源的 (classification_year, function_code) 是指向 (classification_year, code) 的外键。公开文件所印而该年不是官方编码的，"
    "也有一行，known 为 false，附所印名称。 "
    "The official 支出功能分类科目 entry, in its classification year, of every function code this package's rows use "
    "(expenditure_by_function, projects) and of its parents, one row per (classification_year, code), once in all/ too; "
    "(classification_year, function_code) of those resources is a foreign key to (classification_year, code). "
    "A printed code that is not official that year still has a row, with known false and its printed name. " + REFERENCE_NOTE,
    classification_fields("function", reference=False),
    primary_key=("classification_year", "code"),
)

ECONOMIC_CLASSIFICATION = Resource(
    "economic_classification",
    "支出经济分类科目",
    "本数据包各行所用支出经济分类编码（部门预算 301…、政府预算 501…）及其上级在分类科目年度的官方条目，每个 (classification_year, code) 一行，"
    "在 all/ 中也只一行；(classification_year, economic_code) 是外键，government_economic_code 的条目也在其中。 "
    "The official 支出经济分类科目 entry (部门预算 301… and 政府预算 501…), in its classification year, of every economic code "
    "this package's rows use (basic_expenditure_by_economic) and of its parents, one row per (classification_year, code), once in all/ too; "
    "(classification_year, economic_code) is a foreign key to (classification_year, code), and the entries of government_economic_code are here too. "
    "A printed code that is not official that year still has a row, with known false and its printed name. " + REFERENCE_NOTE,
    classification_fields("economic", reference=False),
    primary_key=("classification_year", "code"),
)

# The reference packages in reference/ (not part of a disclosure package): one row per code and name.
REFERENCE_FUNCTION = Resource(
    "function_classification",
    "支出功能分类科目",
    "支出功能分类科目 (类/款/项): one row per code and official name, with the fiscal years the name holds.",
    classification_fields("function", reference=True),
    primary_key=("code", "valid_from", "valid_to"),
    foreign_keys=({"fields": "parent", "reference": {"resource": "", "fields": "code"}},),
)

REFERENCE_ECONOMIC = Resource(
    "economic_classification",
    "支出经济分类科目",
    "部门预算支出经济分类科目 (301…) and 政府预算支出经济分类科目 (501…), 类/款: one row per code and official name, with the fiscal years the name holds.",
    classification_fields("economic", reference=True),
    primary_key=("code", "valid_from", "valid_to"),
    foreign_keys=({"fields": "parent", "reference": {"resource": "", "fields": "code"}},),
)

RESOURCES: tuple[Resource, ...] = (
    DISCLOSURE,
    TOTALS,
    REVENUE_BY_SOURCE,
    EXPENDITURE_BY_FUNCTION,
    BASIC_EXPENDITURE_BY_ECONOMIC,
    PROJECTS,
    THREE_PUBLIC,
    PERFORMANCE_INDICATORS,
    STATEMENTS,
    CHECKS,
    DOUBTS,
    FUNCTION_CLASSIFICATION,
    ECONOMIC_CLASSIFICATION,
)
BY_NAME = {r.name: r for r in RESOURCES}
# the official entries of the codes the rows use, keyed by (classification_year, code): shared by the disclosures
CLASSIFICATIONS = (FUNCTION_CLASSIFICATION.name, ECONOMIC_CLASSIFICATION.name)
