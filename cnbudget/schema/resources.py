"""The published resources, each declared once."""

from __future__ import annotations

from cnbudget.schema.fields import (
    CHECK_STATUSES,
    DISCLOSURE_FK,
    METRICS,
    REFERENCE_NOTE,
    REVENUE_SOURCES,
    THREE_PUBLIC_ITEMS,
    Field,
    Resource,
    amount_field,
    classification_fields,
    code_fk,
    id_field,
    official_name_field,
    origin_field,
    page_field,
)

DISCLOSURE = Resource(
    "disclosure",
    "公开文件",
    "One row per disclosure: which unit, region, year and kind it is, and which files it was read from.",
    (
        id_field(),
        Field("unit_id", "string", "单位编号", "The unit across years: an ASCII slug shared by one unit's disclosures of every year.", required=True, pattern="[a-z0-9-]+"),
        Field("unit_name", "string", "单位名称", "The unit's full official name as its tables print it.", required=True),
        Field("unit_aliases", "string", "单位别名", "Other names the document uses for the unit, `;`-separated."),
        Field("unit_code", "string", "单位代码", "The unit's budget code as the tables print it."),
        Field("province", "string", "省", "Province-level division (省、自治区、直辖市).", required=True, fiscal="administrative-classification:generic:level1:label"),
        Field("city", "string", "市", "Prefecture-level division; empty for provincial bodies.", fiscal="administrative-classification:generic:level2:label"),
        Field("county", "string", "县（区）", "County-level division; empty for provincial and municipal bodies.", fiscal="administrative-classification:generic:level3:label"),
        Field("region_code", "string", "行政区划代码", "The six-digit administrative division code of the most specific division named (GB/T 2260).", pattern="[0-9]{6}"),
        Field("fiscal_year", "integer", "预算年度", "The fiscal year the disclosure is about.", required=True, fiscal="date:fiscal-year"),
        Field("kind", "string", "类型", "`budget` (预算) or `final_account` (决算).", required=True, enum=("budget", "final_account"), fiscal="phase:id"),
        Field("scope", "string", "范围", "`department` (部门, consolidated) or `unit` (单位, one unit).", enum=("department", "unit")),
        Field("title", "string", "标题", "The document's title.", required=True),
        Field("published", "date", "公开日期", "The publication date, from the document or the sources manifest."),
        Field("source_files", "string", "源文件", "The files the disclosure was read from, `;`-separated.", required=True),
        Field("source_sha256", "string", "源文件SHA-256", "SHA-256 of each source file, `;`-separated in the order of source_files.", required=True),
        Field("page_count", "integer", "页数", "Pages over all source files, where the source has pages."),
        Field("amount_unit", "string", "金额单位", "The amount unit the tables declare (万元 or 元; `mixed` where tables differ). All amounts in this package are in 万元."),
        Field("currency", "string", "币种", "Always CNY.", fiscal="value-currency:code"),
        Field("factor", "integer", "单位倍数", "Always 10000: every amount is in 万元."),
    ),
    primary_key=("disclosure_id",),
)

TOTALS = Resource(
    "totals",
    "主要数字",
    "Headline figures of the disclosure, each where the source gives it; a figure printed both in a table and in the prose has a row for each.",
    (
        id_field(),
        Field("metric", "string", "指标", "Which headline figure (see the data dictionary).", required=True, enum=METRICS),
        amount_field("amount", "金额", "The figure.", required=True),
        origin_field(),
        page_field(),
        Field("source_table", "string", "所在表", "The title of the table the figure was read from, or the narrative section."),
    ),
    foreign_keys=DISCLOSURE_FK,
)

REVENUE_BY_SOURCE = Resource(
    "revenue_by_source",
    "收入来源",
    "Revenue lines of the 收支总表 / 收入总表 by source of funds.",
    (
        id_field(),
        Field("source", "string", "收入来源", "The canonical source of funds.", required=True, enum=REVENUE_SOURCES),
        Field("source_name", "string", "来源名称", "The line as printed.", required=True),
        amount_field("amount", "金额", "The revenue line."),
        origin_field(),
        page_field(),
    ),
    foreign_keys=DISCLOSURE_FK,
)

EXPENDITURE_BY_FUNCTION = Resource(
    "expenditure_by_function",
    "支出功能分类",
    "Rows of the general public budget expenditure table by functional classification (功能分类), every level printed.",
    (
        id_field(),
        Field("function_code", "string", "功能分类科目编码", "3, 5 or 7 digits: 类, 款 or 项 (`2013101` for the printed `201 31 01`).", pattern="[0-9]{3}([0-9]{2}){0,2}", fiscal="functional-classification:generic:code"),
        Field("level", "string", "级次", "`class` (类), `section` (款) or `item` (项).", required=True, enum=("class", "section", "item")),
        Field("function_name", "string", "科目名称", "The name as printed.", required=True, fiscal="functional-classification:generic:label"),
        official_name_field("function"),
        amount_field("total", "合计", "The row's total."),
        amount_field("basic", "基本支出", "Basic expenditure (基本支出)."),
        amount_field("project", "项目支出", "Project expenditure (项目支出)."),
        origin_field(),
        page_field(),
        amount_field("previous_year", "上年数", "The previous year's figure, where the table prints it beside this year's."),
        Field("source_table", "string", "所在表", "The title of the table the row was read from."),
    ),
    foreign_keys=DISCLOSURE_FK + (code_fk("function_code", "function_classification"),),
)

BASIC_EXPENDITURE_BY_ECONOMIC = Resource(
    "basic_expenditure_by_economic",
    "基本支出经济分类",
    "Rows of the basic expenditure table by economic classification (部门预算支出经济分类).",
    (
        id_field(),
        Field("economic_code", "string", "经济分类科目编码", "3 or 5 digits: 类 or 款 (`30101`).", pattern="[0-9]{3}([0-9]{2})?", fiscal="economic-classification:generic:code"),
        Field("level", "string", "级次", "`class` (类) or `item` (款).", required=True, enum=("class", "item")),
        Field("economic_name", "string", "科目名称", "The name as printed.", required=True, fiscal="economic-classification:generic:label"),
        official_name_field("economic"),
        amount_field("total", "合计", "The row's total."),
        amount_field("personnel", "人员经费", "Personnel expenditure (人员经费)."),
        amount_field("public", "公用经费", "Public (operating) expenditure (公用经费)."),
        page_field(),
        Field("government_economic_code", "string", "政府预算经济分类编码", "The 政府预算支出经济分类 code (501…), where the table prints one beside the departmental code.", pattern="[0-9]{3}([0-9]{2})?"),
        Field("source_table", "string", "所在表", "The title of the table the row was read from."),
    ),
    foreign_keys=DISCLOSURE_FK
    + (
        code_fk("economic_code", "economic_classification"),
        code_fk("government_economic_code", "economic_classification"),
    ),
)

PROJECTS = Resource(
    "projects",
    "项目支出",
    "Projects of the project expenditure table.",
    (
        id_field(),
        Field("project_name", "string", "项目名称", "The project's name as printed.", required=True),
        amount_field("amount", "金额", "The project's amount.", required=True),
        Field("function_code", "string", "功能分类科目编码", "The project's function code, where printed.", pattern="[0-9]{3}([0-9]{2}){0,2}", fiscal="functional-classification:generic:code"),
        Field("category", "string", "项目类型", "The project's category as printed (e.g. 其他运转类, 特定目标类)."),
        Field("project_code", "string", "项目编码", "The project's code as printed."),
        page_field(),
    ),
    foreign_keys=DISCLOSURE_FK + (code_fk("function_code", "function_classification"),),
)

THREE_PUBLIC = Resource(
    "three_public",
    "“三公”经费",
    "“三公” figures (因公出国（境）费, 公务用车购置及运行费, 公务接待费) for this and, where printed, the previous year.",
    (
        id_field(),
        Field("fiscal_year", "integer", "年度", "The year the figure belongs to.", required=True, fiscal="date:fiscal-year"),
        Field("item", "string", "项目", "Which figure.", required=True, enum=THREE_PUBLIC_ITEMS),
        amount_field("amount", "金额", "The figure."),
        origin_field(),
        page_field(),
    ),
    foreign_keys=DISCLOSURE_FK,
)

PERFORMANCE_INDICATORS = Resource(
    "performance_indicators",
    "绩效指标",
    "Performance indicators of the project and whole-unit performance target tables.",
    (
        id_field(),
        Field("project_name", "string", "项目名称", "The project; empty for the whole unit's indicators."),
        Field("level1", "string", "一级指标", "First-level indicator (产出指标, 效益指标 …)."),
        Field("level2", "string", "二级指标", "Second-level indicator (数量指标, 质量指标 …)."),
        Field("indicator", "string", "三级指标", "The indicator.", required=True),
        Field("operator", "string", "指标性质", "The comparison as printed (≥, ≤, ＝, 定性 …)."),
        Field("target", "string", "指标值", "The target value as printed.", required=True),
        Field("unit", "string", "度量单位", "The unit of the target."),
        Field("weight", "number", "权重", "The indicator's weight, where printed.", ),
        page_field(),
    ),
    foreign_keys=DISCLOSURE_FK,
)

CHECKS = Resource(
    "checks",
    "一致性检查",
    "文件自身的一致性检查：表内各级合计、表与表之间、文字说明与表格之间的数字，以及金额单位、科目编码和年度。"
    "`fail` 表示文件自相矛盾：两边都是文件印出且可靠读出的数字（或文件违反的规则），`pages` 注明各自所在页；"
    "构建本身读取存疑的数字从不导致 `fail`，该数字列入 `doubts`，检查为 `not_applicable`。"
    " Consistency checks of the disclosure against itself. `fail` means the document contradicts itself: both sides are "
    "figures it prints, read with confidence; a side the build doubts is in `doubts` and the check is `not_applicable`.",
    (
        id_field(),
        Field("check_id", "string", "检查编号", "检查的编号（kebab-case，见数据字典）。The check's id.", required=True, pattern="[a-z0-9-]+"),
        Field(
            "subject",
            "string",
            "检查对象",
            "被比较的对象，在一份文件的同一检查内唯一且每次构建相同：功能或经济分类编码（`201`），编码与列（`201/basic`），"
            "指标（`expenditure_total`），“三公”项目或年度与来源（`2024/table`），表格种类，文字说明中的数字（`基本支出/150/75.00%`）等；"
            "`all` 为对全部对象的一项汇总。What is compared, unique within the check for one disclosure and the same on every build.",
            required=True,
        ),
        Field("status", "string", "结果", "`pass`（通过）、`fail`（文件自相矛盾）或 `not_applicable`（不适用，原因见 detail）。", required=True, enum=CHECK_STATUSES),
        Field("expected", "string", "应为", "一边的数字或文字，按文件所印（如印出的合计）。The figure expected, as printed (e.g. the printed total)."),
        Field("actual", "string", "实为", "另一边的数字或文字，按文件所印或由所印数字算出（如各行之和）。The figure found, as printed or computed from printed figures."),
        Field("expected_amount", "number", "应为金额", "两边都是金额时，expected 的金额（万元）。expected as an amount in 万元, when both sides are amounts."),
        Field("actual_amount", "number", "实为金额", "两边都是金额时，actual 的金额（万元）。actual as an amount in 万元, when both sides are amounts."),
        Field("detail", "string", "说明", "中文说明：比较的两边、各自所在的表和页码、数字及结论。What was compared, where, and the verdict, in Chinese.", required=True),
        Field("detail_en", "string", "英文说明", "The same in English (shorter: the figures are in expected and actual, the pages in pages)."),
        Field(
            "pages",
            "string",
            "页码",
            "两边所在的页码：expected 一边的页码、`;`、actual 一边的页码；一边有多页时以 `,` 分隔（`3;5`、`5;5,6`、`;4`）；"
            "无页码的一边为空，两边都没有时整格为空。The pages of the expected side, `;`, the pages of the actual side, each `,`-separated.",
            pattern="([0-9]+(,[0-9]+)*)?;([0-9]+(,[0-9]+)*)?",
        ),
        Field(
            "severity",
            "string",
            "程度",
            "未通过时：`rounding`（尾差：相差不超过每个相加数字 0.01 万元，分项与合计分别四舍五入所致）或 `mismatch`（不符）；通过或不适用时为空。"
            "`rounding` for a difference of at most 0.01 万元 per summed figure, `mismatch` beyond it.",
            enum=("rounding", "mismatch"),
        ),
    ),
    primary_key=("disclosure_id", "check_id", "subject"),
    foreign_keys=DISCLOSURE_FK,
)

DOUBTS = Resource(
    "doubts",
    "存疑数字",
    "文件印出、但构建未能可靠读出的数字：例如按表内关系无法确定属于哪一列的数字。该数字在其所属资源中为空，在此列出所读到的值和原因；"
    "涉及它的检查为 `not_applicable`。 Figures the document prints that the build could not read with confidence; "
    "each is null in its resource and listed here with the value read and the reason.",
    (
        id_field(),
        Field(
            "resource",
            "string",
            "所属资源",
            "该数字本应所在的资源。The resource the figure belongs to.",
            required=True,
            enum=("totals", "revenue_by_source", "expenditure_by_function", "basic_expenditure_by_economic", "projects", "three_public"),
        ),
        Field(
            "key",
            "string",
            "数字位置",
            "该数字在资源中的位置：行的键值再加字段名，以 `/` 连接（`2013101/basic`、`30101/personnel`、`2024/vehicle_purchase/amount`）；"
            "可能属于几个位置之一时，候选项以 `|` 分隔（`2024/vehicle_purchase|vehicle_operation/amount`）。"
            "The row's key fields then the field, `/`-joined; alternatives `|`-separated.",
            required=True,
        ),
        Field("read_value", "string", "读到的值", "按所印读到的值（未换算）。The value as printed (not converted)."),
        Field("reason", "string", "原因", "未能可靠读出的原因（中文）。Why the figure is doubted, in Chinese.", required=True),
        page_field(),
        Field("source_file", "string", "源文件", "该页所在的源文件（一份公开文件有多个源文件时）。The source file of the page, when the disclosure has more than one."),
        Field("source_table", "string", "所在表", "印有该数字的表的标题。The title of the table that prints the figure."),
    ),
    primary_key=("disclosure_id", "resource", "key"),
    foreign_keys=DISCLOSURE_FK,
)

FUNCTION_CLASSIFICATION = Resource(
    "function_classification",
    "支出功能分类科目",
    "The official 支出功能分类科目 entry, in the disclosure's fiscal year, of every function code this package's rows use "
    "(expenditure_by_function, projects) and of its parents; their function_code fields are foreign keys to `code`. "
    "A printed code that is not official that year still has a row, with known false and its printed name. " + REFERENCE_NOTE,
    classification_fields("function", reference=False),
    primary_key=("disclosure_id", "code"),
    foreign_keys=DISCLOSURE_FK + ({"fields": "parent", "reference": {"resource": "", "fields": "code"}},),
)

ECONOMIC_CLASSIFICATION = Resource(
    "economic_classification",
    "支出经济分类科目",
    "The official 支出经济分类科目 entry (部门预算 301… and 政府预算 501…), in the disclosure's fiscal year, of every economic code "
    "this package's rows use (basic_expenditure_by_economic) and of its parents; economic_code and government_economic_code are "
    "foreign keys to `code`. A printed code that is not official that year still has a row, with known false and its printed name. " + REFERENCE_NOTE,
    classification_fields("economic", reference=False),
    primary_key=("disclosure_id", "code"),
    foreign_keys=DISCLOSURE_FK + ({"fields": "parent", "reference": {"resource": "", "fields": "code"}},),
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
    CHECKS,
    DOUBTS,
    FUNCTION_CLASSIFICATION,
    ECONOMIC_CLASSIFICATION,
)
BY_NAME = {r.name: r for r in RESOURCES}
