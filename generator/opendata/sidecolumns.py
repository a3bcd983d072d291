"""The tables joined to 基本信息 by 实施编码: fees, questions, laws, and this portal's own
steps, special procedures and departments (see :mod:`.columns` for the layout's sources)."""

from __future__ import annotations

from .column import Column

B = "up_task_general_basic."
F = "up_task_general_fee_project."
Q = "up_task_general_questions."
L = "法律依据."
CODE = Column(
    "implementation_code",
    "实施编码",
    "所属事项的实施编码,各表据此与基本信息表对应",
    national="task_code",
    source="codes.implementation",
)
ORDER = Column("number", "排序", "在事项中的顺序(整数,从 1 开始)", datatype="integer")

FEE_COLUMNS: tuple[Column, ...] = (
    CODE,
    ORDER,
    Column("name", "收费项目名称", "收费项目名称", national=F + "fee_name", source="fees[].name"),
    Column("standard", "收费标准", "收费标准", national=F + "fee_stand", source="fees[].standard"),
    Column(
        "basis",
        "收费依据",
        "《法规全称》条款(法规详见“法律依据”表)",
        national=F + "by_law",
        source="fees[].basis",
    ),
    Column("approved_by", "批准机关", "批准收费的机关", source="fees[].approved_by"),
    Column("licence", "收费许可证号", "收费许可证号", source="fees[].licence"),
)

QUESTION_COLUMNS: tuple[Column, ...] = (
    CODE,
    ORDER,
    Column("q", "问题", "问题", national=Q + "question", source="faq[].q"),
    Column("a", "答案", "解答", national=Q + "answer", source="faq[].a"),
)

LAW_COLUMNS: tuple[Column, ...] = (
    CODE,
    Column(
        "use",
        "依据用途",
        "设定依据、实施依据、受理条件N、法定时限、承诺时限、特别程序N 或 收费项目N",
        source="basis[].role 及各处的 basis",
    ),
    Column("title", "法律名称", "法规全称", national=L + "法律名称", source="laws.yaml title"),
    Column("number", "文号", "如 主席令第七号", national=L + "文号", source="laws.yaml number"),
    Column("articles", "条款", "具体条款,如 第二十九条", national=L + "条款", source="articles"),
    Column("text", "条文内容", "条文原文(本站不保存,导入时保留在注释中)", national=L + "条文内容"),
    Column("issuer", "颁布机关", "制定机关", national=L + "颁布机关", source="laws.yaml issuer"),
    Column(
        "effective",
        "实施日期",
        "YYYY-MM-DD",
        national=L + "实施日期",
        source="laws.yaml effective",
        datatype="date",
    ),
    Column("level", "效力级别", "法律、行政法规、地方性法规等", source="laws.yaml level"),
    Column("repealed", "废止日期", "YYYY-MM-DD", source="laws.yaml repealed", datatype="date"),
    Column("law_url", "法规网址", "官方文本地址", source="laws.yaml url"),
    Column("law_id", "法规标识", "法规在本门户的标识", source="laws.yaml id"),
)

STEP_COLUMNS: tuple[Column, ...] = (
    CODE,
    ORDER,
    Column(
        "group",
        "并联组",
        "同一组号的环节同时进行(整数);空白表示单独一步",
        source="steps[].parallel",
        datatype="integer",
    ),
    Column("name", "环节名称", "环节名称", source="steps[].name"),
    Column(
        "kind",
        "环节类型",
        "收件、受理、审查、现场核查、决定、制证、送达或其他",
        source="steps[].kind",
    ),
    Column("post", "办理岗位", "办理岗位", source="steps[].post"),
    Column("days", "环节时限", "天数(整数),当场为 0", source="steps[].days", datatype="integer"),
    Column("unit", "时限单位", "工作日或自然日(不填时同承诺时限)", source="steps[].unit"),
    Column("description", "办理内容", "办理内容和标准", source="steps[].description"),
    Column("window", "办理窗口", "该环节的窗口名称;空白表示未写", source="steps[].window"),
)

SPECIAL_COLUMNS: tuple[Column, ...] = (
    CODE,
    ORDER,
    Column(
        "kind", "特别程序种类", "听证、检验、检测、专家评审等", source="special_procedures[].kind"
    ),
    Column("name", "特别程序名称", "名称", source="special_procedures[].name"),
    Column(
        "days", "时限", "最长所需时间(整数)", source="special_procedures[].days", datatype="integer"
    ),
    Column("unit", "时限单位", "工作日或自然日", source="special_procedures[].unit"),
    Column("note", "说明", "说明", source="special_procedures[].note"),
)

DEPARTMENT_COLUMNS: tuple[Column, ...] = (
    Column("department_id", "实施主体标识", "部门在本门户的标识", source="departments.yaml id"),
    Column("department", "实施主体", "部门全称", national=B + "dept_name", source="name"),
    Column("short_name", "简称", "简称", source="short_name"),
    Column("window", "窗口名称", "在大厅的窗口(每个窗口一行)", source="windows[].name"),
    Column("location", "窗口位置", "窗口位置", source="windows[].location"),
    Column("enquiry_phone", "咨询电话", "部门咨询电话", source="enquiry_phone"),
    Column("supervision_phone", "监督投诉电话", "部门监督投诉电话", source="supervision_phone"),
    Column("address", "部门地址", "与中心不同时填写", source="address"),
)
