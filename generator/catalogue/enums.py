"""The catalogue's enumerations: the values staff type, in Chinese, as the JSON Schema offers them.

Kept apart from ``models.py`` so that the models stay one screen per file; ``models``
re-exports every name, so callers import them from there.
"""

from __future__ import annotations

from enum import StrEnum


class LawLevel(StrEnum):
    LAW = "法律"
    ADMIN_REGULATION = "行政法规"
    LOCAL_REGULATION = "地方性法规"
    DEPARTMENT_RULE = "部门规章"
    LOCAL_RULE = "地方政府规章"
    NORMATIVE = "规范性文件"


class OpenLicence(StrEnum):
    """The licence of the open data files (SPDX identifiers)."""

    CC_BY = "CC-BY-4.0"
    CC0 = "CC0-1.0"


class ItemType(StrEnum):
    LICENSING = "行政许可"
    CONFIRMATION = "行政确认"
    PAYMENT = "行政给付"
    ADJUDICATION = "行政裁决"
    INSPECTION = "行政检查"
    REWARD = "行政奖励"
    OTHER_POWER = "其他行政权力"
    PUBLIC_SERVICE = "公共服务"


class Kind(StrEnum):
    ON_THE_SPOT = "即办件"
    PROMISED = "承诺件"
    JOINT = "联办件"
    FORWARDED = "报批件"


class Audience(StrEnum):
    PERSON = "自然人"
    ORGANISATION = "法人"


class BasisRole(StrEnum):
    SETTING = "设定依据"
    IMPLEMENTING = "实施依据"


class Necessity(StrEnum):
    REQUIRED = "必要"
    OPTIONAL = "非必要"
    DEFERRABLE = "容缺后补"


class MaterialForm(StrEnum):
    ORIGINAL = "原件"
    COPY = "复印件"
    BOTH = "原件和复印件"


class Medium(StrEnum):
    PAPER = "纸质"
    ELECTRONIC = "电子"
    EITHER = "纸质或电子"


class MaterialSource(StrEnum):
    APPLICANT = "申请人自备"
    GOVERNMENT = "政府部门核发"
    OTHER = "其他"


class StepKind(StrEnum):
    RECEIVE = "收件"
    ACCEPT = "受理"
    REVIEW = "审查"
    INSPECT = "现场核查"
    DECIDE = "决定"
    ISSUE = "制证"
    DELIVER = "送达"
    OTHER = "其他"


class DayUnit(StrEnum):
    WORKING = "工作日"
    CALENDAR = "自然日"


class SpecialKind(StrEnum):
    HEARING = "听证"
    TENDER = "招标"
    AUCTION = "拍卖"
    INSPECTION = "检验"
    TESTING = "检测"
    QUARANTINE = "检疫"
    APPRAISAL = "鉴定"
    EXPERT_REVIEW = "专家评审"
    NOTICE = "公告"
    SITE_SURVEY = "现场勘验"


class ResultType(StrEnum):
    CERTIFICATE = "证照"
    APPROVAL = "批文"
    RECORD = "备案凭证"
    OTHER = "其他"
