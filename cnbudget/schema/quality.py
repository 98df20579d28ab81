"""The resources about the disclosure's quality rather than its figures: the checks' results and the figures the build doubts."""

from __future__ import annotations

from cnbudget.schema.fields import CHECK_STATUSES, DISCLOSURE_FK, Field, Resource, id_field, page_field

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
        Field(
            "status",
            "string",
            "结果",
            "`pass`（通过）、`fail`（文件自相矛盾）或 `not_applicable`（不适用，原因见 detail）。",
            required=True,
            enum=CHECK_STATUSES,
        ),
        Field("expected", "string", "应为", "一边的数字或文字，按文件所印（如印出的合计）。The figure expected, as printed (e.g. the printed total)."),
        Field(
            "actual",
            "string",
            "实为",
            "另一边的数字或文字，按文件所印或由所印数字算出（如各行之和）。The figure found, as printed or computed from printed figures.",
        ),
        Field("expected_amount", "number", "应为金额", "两边都是金额时，expected 的金额（万元）。expected as an amount in 万元, when both sides are amounts."),
        Field("actual_amount", "number", "实为金额", "两边都是金额时，actual 的金额（万元）。actual as an amount in 万元, when both sides are amounts."),
        Field(
            "detail",
            "string",
            "说明",
            "中文说明：比较的两边、各自所在的表和页码、数字及结论。What was compared, where, and the verdict, in Chinese.",
            required=True,
        ),
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
            "该数字在资源中的位置：行的主键值（disclosure_id 除外，按主键顺序，含口径 phase）再加字段名，以 `/` 连接"
            "（`2013101/approved/basic`、`30101/approved/personnel`、`2024/vehicle_purchase/executed/amount`）；"
            "可能属于几个位置之一时，候选项以 `|` 分隔（`2024/vehicle_purchase|vehicle_operation/approved/amount`）。"
            "The row's key fields but disclosure_id, in primary-key order (the phase included), then the field, `/`-joined; alternatives `|`-separated.",
            required=True,
        ),
        Field("read_value", "string", "读到的值", "按所印读到的值（未换算）。The value as printed (not converted)."),
        Field("reason", "string", "原因", "未能可靠读出的原因（中文）。Why the figure is doubted, in Chinese.", required=True),
        page_field(),
        Field(
            "source_file",
            "string",
            "源文件",
            "该页所在的源文件（一份公开文件有多个源文件时）。The source file of the page, when the disclosure has more than one.",
        ),
        Field("source_table", "string", "所在表", "印有该数字的表的标题。The title of the table that prints the figure."),
    ),
    primary_key=("disclosure_id", "resource", "key"),
    foreign_keys=DISCLOSURE_FK,
)
