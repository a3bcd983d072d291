"""The columns of the tables (CSV files and workbook sheets): the one place that names them.

Layout: the national 政务服务事项实施清单 exchange tables, as published in open-source
platform code (``up_task_general_basic`` and ``_extend`` for the item row,
``up_task_general_material``, ``up_task_general_fee_project``, ``up_task_general_questions``,
and the 法律依据 rows: 法律名称, 文号, 条款, 条文内容, 颁布机关, 实施日期).  Each column
carries its Chinese title (the exchange table's column comment, which is what a
provincial platform's Excel export shows), the exchange field it comes from, the catalogue
field it is made of, a datatype and a description.  Columns with no exchange field are
this portal's own (ids, page address, the structured steps the national table keeps as
free text); they come after the national ones.

This module is read by the exporters (CSV, workbook), the ``/data/`` page, the CSV-on-the-
Web metadata and the importer, so a title changes in one place for all of them.  Cells
that a spreadsheet could run as a formula are neutralised (see :func:`neutralise`).
"""

from __future__ import annotations

from .column import FORMULA_STARTS, Cell, Column, Sheet, neutralise, table
from .sidecolumns import (
    CODE,
    DEPARTMENT_COLUMNS,
    FEE_COLUMNS,
    LAW_COLUMNS,
    QUESTION_COLUMNS,
    SPECIAL_COLUMNS,
    STEP_COLUMNS,
)

__all__ = ["FORMULA_STARTS", "SHEETS", "Cell", "Column", "Sheet", "neutralise", "table"]

B = "up_task_general_basic."
E = "up_task_general_extend."
M = "up_task_general_material."

ITEM_COLUMNS: tuple[Column, ...] = (
    Column("name", "事项名称", "事项名称", national=B + "task_name", source="name"),
    Column(
        "basic_code",
        "基本编码",
        "事项基本编码(12 位)",
        national=B + "catalog_code",
        source="codes.basic",
    ),
    Column(
        "implementation_code",
        "实施编码",
        "事项实施编码",
        national=B + "task_code",
        source="codes.implementation",
    ),
    Column(
        "type",
        "事项类型",
        "行政许可、行政确认、公共服务等",
        national=B + "task_type",
        source="type",
    ),
    Column(
        "department",
        "实施主体",
        "实施部门全称",
        national=B + "dept_name",
        source="items/<部门>/ 与 departments.yaml 的 name",
    ),
    Column(
        "kind",
        "办件类型",
        "即办件、承诺件、联办件或报批件",
        national=B + "project_type",
        source="kind",
    ),
    Column(
        "audience",
        "服务对象",
        "自然人、法人,以顿号分隔",
        national=B + "server_type",
        source="audience",
    ),
    Column(
        "statutory_days",
        "法定办结时限",
        "天数(整数),0 为当场办结",
        national=B + "anticipate_day",
        source="time_limit.statutory.days",
        datatype="integer",
    ),
    Column(
        "statutory_unit",
        "法定办结时限单位",
        "工作日或自然日",
        national=B + "anticipate_type",
        source="time_limit.statutory.unit",
    ),
    Column(
        "statutory_note",
        "法定办结时限说明",
        "法定时限的说明",
        national=B + "anticipate_explain",
        source="time_limit.statutory.note",
    ),
    Column(
        "promised_days",
        "承诺办结时限",
        "天数(整数),0 为当场办结",
        national=B + "promise_day",
        source="time_limit.promised.days",
        datatype="integer",
    ),
    Column(
        "promised_unit",
        "承诺办结时限单位",
        "工作日或自然日",
        national=B + "promise_type",
        source="time_limit.promised.unit",
    ),
    Column(
        "promised_note",
        "承诺办结时限说明",
        "承诺时限的说明",
        national=B + "promise_explain",
        source="time_limit.promised.note",
    ),
    Column(
        "visits",
        "到办事现场次数",
        "整数",
        national=B + "limit_scene_num",
        source="visits",
        datatype="integer",
    ),
    Column(
        "conditions",
        "受理条件",
        "各项受理条件,每项一行,以“1.”“2.”编号",
        national=B + "accept_condition",
        source="conditions[].text",
    ),
    Column(
        "by_law",
        "设定依据",
        "设定依据和实施依据:《法规全称》条款,以分号分隔(逐条见“法律依据”表)",
        national=B + "by_law",
        source="basis",
    ),
    Column(
        "handle_flow",
        "办理流程",
        "各环节名称,以“→”连接(逐个环节见“办理流程”表)",
        national=B + "handle_flow",
        source="steps[].name",
    ),
    Column(
        "special_procedure",
        "特别程序",
        "不计入时限的特别程序名称,以顿号分隔;无则为空(详见“特别程序”表)",
        national=B + "special_procedure",
        source="special_procedures[].name",
    ),
    Column("free", "是否收费", "是或否", national=B + "is_fee", source="fees(是否为 不收费)"),
    Column(
        "fees",
        "收费标准",
        "不收费,或各收费项目的名称和标准,以分号分隔(逐项见“收费项目”表)",
        national=B + "fee_basis",
        source="fees",
    ),
    Column(
        "place",
        "办理地点",
        "办理地点(未单独填写时为部门窗口)",
        national=B + "transact_addr",
        source="place,或部门的 windows",
    ),
    Column(
        "hours",
        "办理时间",
        "办理时间(未单独填写时为中心办公时间)",
        national=B + "transact_time",
        source="hours,或 centre.yaml 的 hours",
    ),
    Column(
        "enquiry_phone",
        "咨询方式",
        "咨询电话(未单独填写时为部门电话)",
        national=B + "link_way",
        source="contact.enquiry_phone,或部门的 enquiry_phone",
    ),
    Column(
        "supervision_phone",
        "监督投诉方式",
        "监督投诉电话(未单独填写时为部门电话)",
        national=B + "supervise_way",
        source="contact.supervision_phone,或部门的 supervision_phone",
    ),
    Column(
        "joint_departments",
        "联办机构",
        "联办部门全称,以顿号分隔",
        national=E + "other_dept",
        source="joint_departments",
    ),
    Column(
        "quantity_limit",
        "数量限制",
        "数量限制",
        national=E + "limit_explain",
        source="quantity_limit",
    ),
    Column(
        "online_url",
        "网办地址",
        "网址;空白表示不能网上办理",
        national=E + "online_handle_url",
        source="online.url",
    ),
    Column(
        "result",
        "审批结果名称",
        "办理结果名称",
        national=E + "result_name",
        source="result.name",
    ),
    Column(
        "result_type",
        "审批结果类型",
        "证照、批文、备案凭证或其他",
        national=E + "result_type",
        source="result.type",
    ),
    Column("online", "网上办理渠道", "渠道名称;空白表示不能网上办理", source="online.name"),
    Column("result_validity", "结果有效期限", "如 5 年;空白表示未写", source="result.validity"),
    Column("delivery", "送达方式", "办理结果的送达方式", source="result.delivery"),
    Column("summary", "事项简介", "一句话说明", source="summary"),
    Column("keywords", "搜索关键词", "群众常用的搜索词,以顿号分隔", source="keywords"),
    Column("refusals", "不予受理情形", "每项一行,以“1.”“2.”编号", source="refusals"),
    Column(
        "windows",
        "受理窗口",
        "受理窗口名称(取自本部门或联办部门的窗口),以顿号分隔;空白表示部门只有一个窗口",
        source="windows",
    ),
    Column(
        "materials",
        "申请材料数",
        "申请材料目录中的材料数(整数)",
        source="materials",
        datatype="integer",
    ),
    Column(
        "situations",
        "情形引导",
        "本站的情形引导(JSON):问题和选项,以及材料、条件、收费、环节适用的回答;空白表示没有",
        source="situations 及各处的 answers、one_of",
    ),
    Column("department_id", "实施主体标识", "部门在本门户的标识", source="items/<部门>/"),
    Column(
        "id", "事项标识", "本门户的事项标识(永久网址的一部分)", source="items/<部门>/<标识>.yaml"
    ),
    Column("url", "办事指南网址", "办事指南页面的地址"),
    Column("reviewed", "最近审核日期", "YYYY-MM-DD", source="reviewed", datatype="date"),
)

MATERIAL_COLUMNS: tuple[Column, ...] = (
    CODE,
    Column("item_name", "事项名称", "所属事项的名称", source="name"),
    Column(
        "number",
        "排序",
        "材料在目录中的序号(整数)",
        national=M + "order_num",
        datatype="integer",
    ),
    Column("name", "材料名称", "材料名称", national=M + "material_name", source="materials[].name"),
    Column(
        "necessity",
        "材料必要性",
        "必要、非必要或容缺后补",
        national=M + "is_need",
        source="materials[].necessity",
    ),
    Column(
        "form",
        "材料类型",
        "原件、复印件或原件和复印件",
        national=M + "material_type",
        source="materials[].form",
    ),
    Column(
        "copies",
        "纸质材料份数",
        "整数",
        national=M + "page_num",
        source="materials[].copies",
        datatype="integer",
    ),
    Column(
        "medium",
        "材料形式",
        "纸质、电子或纸质或电子",
        national=M + "material_format",
        source="materials[].medium",
    ),
    Column(
        "source",
        "来源渠道",
        "申请人自备、政府部门核发或其他",
        national=M + "source_type",
        source="materials[].source",
    ),
    Column(
        "source_note",
        "来源渠道说明",
        "来源说明",
        national=M + "source_explain",
        source="materials[].source_note",
    ),
    Column(
        "standard",
        "受理标准",
        "受理标准",
        national=M + "accept_stand",
        source="materials[].standard",
    ),
    Column(
        "blank_form",
        "空白表格",
        "空白表格文件在目录中的路径",
        national=M + "form_guid",
        source="materials[].blank_form",
    ),
    Column(
        "sample",
        "示例样表",
        "填写示例文件在目录中的路径",
        national=M + "example_guid",
        source="materials[].sample",
    ),
    Column("note", "备注", "备注", national=M + "remark", source="materials[].note"),
    Column("when", "适用情形", "需要提交的情形;空白表示全部情形", source="materials[].when"),
    Column(
        "exempt_way",
        "免提交方式",
        "数据共享、电子证照或部门核验:窗口自行取得,申请人无需提交;空白表示需要提交",
        source="materials[].exempt.way",
    ),
    Column("exempt_basis", "免提交依据", "窗口怎样取得这份材料", source="materials[].exempt.basis"),
    Column("id", "事项标识", "所属事项的标识"),
)

SHEETS: tuple[Sheet, ...] = (
    Sheet("基本信息", "items.csv", "每个事项一行", "up_task_general_basic、_extend", ITEM_COLUMNS),
    Sheet(
        "申请材料", "materials.csv", "每份材料一行", "up_task_general_material", MATERIAL_COLUMNS
    ),
    Sheet("收费项目", "fees.csv", "每个收费项目一行", "up_task_general_fee_project", FEE_COLUMNS),
    Sheet(
        "常见问题", "questions.csv", "每个问题一行", "up_task_general_questions", QUESTION_COLUMNS
    ),
    Sheet("法律依据", "laws.csv", "每处引用一行", "法律依据", LAW_COLUMNS),
    Sheet("办理流程", "steps.csv", "每个环节一行(本站)", "", STEP_COLUMNS),
    Sheet("特别程序", "special.csv", "每个特别程序一行(本站)", "", SPECIAL_COLUMNS),
    Sheet("实施主体", "departments.csv", "每个窗口一行(本站)", "", DEPARTMENT_COLUMNS),
)
"""Every table, in workbook order; ``Record["tables"][sheet.name]`` holds its rows."""
