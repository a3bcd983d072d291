"""Pydantic models of the catalogue: centre, departments, laws, items and chains.

No I/O here.  The models check *shape* (types, enumerations, unknown keys); the rules a
reviewer cares about (an article is cited, promised <= statutory, fees have a basis ...)
live in ``generator.checks`` so that each rule has its own code, message and docs.
Strings are strict: YAML's ``12345`` or ``0512`` (an int) never silently becomes a phone
number.  Field descriptions are Chinese because they surface in the JSON Schema that
staff's editors show while typing.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Discriminator, Field, Strict, Tag

from .base import ID_PATTERN as ID_PATTERN  # re-exported: the models' public names
from .base import Bool, Day, Id, Int, Path, Phone, Str, Text
from .base import MissingField as MissingField
from .base import Model as Model
from .bundles import Bundle
from .enums import Audience as Audience
from .enums import BasisRole as BasisRole
from .enums import DayUnit as DayUnit
from .enums import ItemType as ItemType
from .enums import Kind as Kind
from .enums import LawLevel as LawLevel
from .enums import MaterialForm as MaterialForm
from .enums import MaterialSource as MaterialSource
from .enums import Medium as Medium
from .enums import Necessity as Necessity
from .enums import OpenLicence as OpenLicence
from .enums import ResultType as ResultType
from .enums import SpecialKind as SpecialKind
from .enums import StepKind as StepKind
from .exempt import Exempt
from .holidays import CalendarYear
from .situations import AlternativeGroup, AnswerRef, Question

# --- shared pieces ---------------------------------------------------------------------


class Citation(Model):
    """A law and the articles relied upon."""

    law: Id = Field(description="laws.yaml 中法律法规的 id")
    articles: Text = Field(description="具体条款,如 第二十九条第一款")


class Basis(Citation):
    role: BasisRole = Field(description="设定依据 或 实施依据")


class Window(Model):
    name: Text = Field(description="窗口名称,如 市场监管综合窗口")
    location: Text = Field(description="窗口位置,如 二楼B区12号窗口")


# --- top-level files -------------------------------------------------------------------


class Centre(Model):
    """``catalogue/centre.yaml``."""

    name: Text = Field(description="中心名称")
    demo: Bool = Field(False, description="示例数据:页面会醒目标注“示例”")
    address: Text = Field(description="中心地址")
    hours: Text = Field(description="办公时间")
    base_url: Annotated[str, Strict(), Field(pattern=r"^https?://")] = Field(
        description="门户网站的公开地址(二维码使用),如 https://zwfw.example.gov.cn/"
    )
    enquiry_phone: Phone = Field(description="中心咨询电话")
    supervision_phone: Phone = Field(description="中心监督投诉电话")
    citizen_hotline: Phone = Field("12345", description="政务服务便民热线")
    reviewed: Day | None = Field(None, description="最近审核日期")
    correction_basis: dict[ItemType, Text] = Field(
        default_factory=dict,
        description="补正材料通知书引用的规定,按事项类型:如 行政确认: "
        "《示例市政务服务中心服务事项管理办法》第五条第五项;行政许可不填时引用行政许可法第三十二条",
    )
    area: Text | None = Field(
        None, description="服务的行政区划名称,如 示例市(开放数据的 dct:spatial);不填时用中心名称"
    )
    licence: OpenLicence = Field(
        OpenLicence.CC_BY, description="开放数据的许可:CC-BY-4.0(署名)或 CC0-1.0(公共领域)"
    )
    calendar: list[CalendarYear] = Field(
        default_factory=list,
        description="工作日历:每年的法定节假日和调休上班日(按国务院办公厅当年的通知填写),"
        "用于工作日与自然日的换算",
    )


class Department(Model):
    id: Id
    name: Text = Field(description="部门全称")
    short_name: Text | None = Field(None, description="简称")
    windows: list[Window] = Field(description="在大厅的窗口")
    enquiry_phone: Phone = Field(description="咨询电话")
    supervision_phone: Phone = Field(description="监督投诉电话")
    address: Text | None = Field(None, description="部门地址(与中心不同时填写)")


class DepartmentsFile(Model):
    """``catalogue/departments.yaml``."""

    departments: list[Department]


class Law(Model):
    id: Id
    title: Text = Field(description="全称,如 中华人民共和国行政许可法")
    level: LawLevel = Field(description="效力级别")
    issuer: Text = Field(description="制定机关")
    number: Text | None = Field(None, description="文号,如 主席令第七号")
    effective: Day = Field(description="施行日期")
    repealed: Day | None = Field(None, description="废止日期(已废止或已公布将废止时填写)")
    replaced_by: Id | None = Field(None, description="取代它的法规在 laws.yaml 中的 id")
    url: Annotated[str, Strict(), Field(pattern=r"^https?://")] | None = Field(
        None, description="官方文本地址(国家法律法规数据库 flk.npc.gov.cn 的页面)"
    )


class LawsFile(Model):
    """``catalogue/laws.yaml``."""

    laws: list[Law]


class ChainStage(Model):
    name: Text = Field(description="阶段名称,如 立项用地规划许可")
    items: list[Id] = Field(description="本阶段并联办理的事项 id")


class Chain(Model):
    id: Id
    name: Text = Field(description="审批链名称,如 企业开办")
    description: Text = Field(description="说明")
    stages: list[ChainStage] = Field(description="依次办理的阶段;同一阶段内的事项并联办理")
    bundle: Bundle | None = Field(None, description="一件事:填写后本审批链另有一件事页面和告知单")


class ChainsFile(Model):
    """``catalogue/chains.yaml``."""

    chains: list[Chain]


# --- items -------------------------------------------------------------------------------


class Codes(Model):
    basic: Annotated[str, Strict(), Field(pattern=r"^[0-9A-Z]{12}$")] = Field(
        description="事项基本编码(12 位)"
    )
    implementation: Annotated[str, Strict(), Field(pattern=r"^[0-9A-Z]{12,40}$")] = Field(
        description="实施编码"
    )


class Condition(Model):
    text: Text = Field(description="受理条件")
    basis: Citation | None = Field(None, description="该条件的依据")
    answers: AnswerRef | None = None


class Material(Model):
    name: Text = Field(description="材料名称")
    necessity: Necessity = Field(Necessity.REQUIRED, description="必要 / 非必要 / 容缺后补")
    form: MaterialForm = Field(description="原件 / 复印件 / 原件和复印件")
    copies: Int = Field(description="份数,至少 1")
    medium: Medium = Field(description="纸质 / 电子 / 纸质或电子")
    source: MaterialSource = Field(description="来源渠道")
    source_note: Text | None = Field(None, description="来源说明,如 由公安机关核发")
    exempt: Exempt | None = Field(None, description="免提交:窗口通过数据共享获取,申请人无需提交")
    blank_form: Path | None = Field(None, description="空白表格文件(免费提供)")
    sample: Path | None = Field(None, description="填写示例文件")
    when: Text | None = Field(None, description="何种情形需要提交;全部情形都需要时不填")
    answers: AnswerRef | None = None
    one_of: AlternativeGroup | None = None
    standard: Text | None = Field(None, description="受理标准")
    note: Text | None = Field(None, description="备注")


class Step(Model):
    name: Text = Field(description="环节名称")
    kind: StepKind = Field(description="环节类型")
    post: Text = Field(description="办理岗位")
    days: Int = Field(description="办理时限,当场办结为 0")
    unit: DayUnit | None = Field(None, description="工作日 / 自然日;不填时与承诺时限的单位相同")
    description: Text | None = Field(None, description="办理内容和标准")
    answers: AnswerRef | None = None
    window: Text | None = Field(
        None, description="办理该环节的窗口:本部门或联办部门在 departments.yaml 中的窗口名称"
    )


class ParallelSteps(Model):
    parallel: list[Step] = Field(description="同时进行的环节;用时取最长的一个")


def _step_tag(value: object) -> str:
    # Called with YAML data when validating and with model instances when serialising.
    if isinstance(value, ParallelSteps) or (isinstance(value, dict) and "parallel" in value):
        return "ParallelSteps"
    return "Step"


def _fees_tag(value: object) -> str:
    return "FeeList" if isinstance(value, list) else "FreeText"


# Discriminators keep one error per mistake instead of one per union branch.
StepOrParallel = Annotated[
    Annotated[Step, Tag("Step")] | Annotated[ParallelSteps, Tag("ParallelSteps")],
    Discriminator(_step_tag),
]


class TimeLimit(Model):
    days: Int = Field(description="天数;当场办结为 0")
    unit: DayUnit = Field(DayUnit.WORKING, description="工作日 / 自然日")
    basis: Citation | None = Field(None, description="时限的依据")
    note: Text | None = Field(None, description="说明")


class TimeLimits(Model):
    statutory: TimeLimit = Field(description="法定办结时限")
    promised: TimeLimit = Field(description="承诺办结时限(不得超过法定时限)")


class SpecialProcedure(Model):
    kind: SpecialKind = Field(description="特别程序种类")
    name: Text = Field(description="特别程序名称")
    days: Int = Field(description="最长所需时间")
    unit: DayUnit = Field(DayUnit.WORKING, description="工作日 / 自然日")
    basis: Citation | None = Field(None, description="依据")
    note: Text | None = Field(None, description="说明")


class Fee(Model):
    name: Text = Field(description="收费项目名称")
    standard: Text = Field(description="收费标准,如 每证 10 元")
    basis: Citation = Field(description="收费依据")
    approved_by: Text = Field(description="批准机关")
    licence: Text | None = Field(None, description="收费许可证号")
    answers: AnswerRef | None = None


Fees = Annotated[
    Annotated[Str, Tag("FreeText")] | Annotated[list[Fee], Tag("FeeList")],
    Discriminator(_fees_tag),
]


class Result(Model):
    name: Text = Field(description="办理结果名称,如 食品经营许可证")
    type: ResultType = Field(description="结果类型")
    validity: Text | None = Field(None, description="有效期限,如 5 年")
    delivery: Text = Field(description="送达方式")


class Online(Model):
    url: Annotated[str, Strict(), Field(pattern=r"^https?://")] = Field(description="网上办理地址")
    name: Text = Field(description="网上办理渠道名称")


class Contact(Model):
    enquiry_phone: Phone | None = Field(None, description="咨询电话;不填时沿用部门的")
    supervision_phone: Phone | None = Field(None, description="监督投诉电话;不填时沿用部门的")


class QA(Model):
    q: Text = Field(description="问题")
    a: Text = Field(description="解答")


class Item(Model):
    """One service item: ``catalogue/items/<department-id>/<item-id>.yaml``.

    The department and the id come from the path; they are not repeated in the file.
    """

    name: Text = Field(description="事项名称")
    codes: Codes = Field(description="事项编码")
    type: ItemType = Field(description="事项类型")
    kind: Kind = Field(description="办件类型:即办件 / 承诺件 / 联办件 / 报批件")
    joint_departments: list[Id] = Field(default_factory=list, description="联办部门 id")
    windows: list[Text] = Field(
        default_factory=list,
        description="在大厅的窗口;本事项的受理窗口:本部门(或联办部门)在 departments.yaml "
        "中的窗口名称;部门只有一个窗口时可不填",
    )
    audience: list[Audience] = Field(description="服务对象:自然人 / 法人")
    summary: Text | None = Field(None, description="一句话说明")
    keywords: list[Text] = Field(default_factory=list, description="群众常用的搜索词")
    basis: list[Basis] = Field(description="设定依据和实施依据(含具体条款)")
    conditions: list[Condition] = Field(description="受理条件")
    refusals: list[Text] = Field(default_factory=list, description="不予受理/不予许可的情形")
    quantity_limit: Text = Field("无数量限制", description="数量限制")
    situations: list[Question] = Field(
        default_factory=list, description="情形引导:群众回答的问题,按回答筛选材料"
    )
    materials: list[Material] = Field(description="申请材料目录")
    steps: list[StepOrParallel] = Field(description="办理流程,按顺序")
    time_limit: TimeLimits = Field(description="办结时限")
    special_procedures: list[SpecialProcedure] = Field(
        default_factory=list, description="不计入时限的特别程序"
    )
    fees: Fees = Field(description="写 不收费,或列出收费项目")
    result: Result = Field(description="办理结果")
    place: Text | None = Field(None, description="办理地点;不填时为部门窗口")
    hours: Text | None = Field(None, description="办理时间;不填时为中心办公时间")
    online: Online | None = Field(None, description="网上办理")
    visits: Int = Field(1, description="到办事现场次数")
    contact: Contact = Field(default_factory=Contact, description="咨询和监督电话")
    faq: list[QA] = Field(default_factory=list, description="常见问题")
    reviewed: Day = Field(description="最近审核日期")


TOP_LEVEL_MODELS: dict[str, type[Model]] = {
    "centre.yaml": Centre,
    "departments.yaml": DepartmentsFile,
    "laws.yaml": LawsFile,
    "chains.yaml": ChainsFile,
}

FREE = "不收费"
