"""The code lists of the national 实施清单 and the words clerks write for each choice.

Codes are those of the national platform's exchange tables (事项类型 01 行政许可, 07 行政
确认, 21 公共服务 ...; 材料必要性 1/2/3; 来源渠道 10/20/99).  A value that is neither a
code nor one of these words is not guessed: it stays as written and gets a diagnostic.
"""

from __future__ import annotations

import re

from ..catalogue.exempt import ExemptWay
from ..catalogue.models import (
    Audience,
    ItemType,
    Kind,
    LawLevel,
    MaterialForm,
    MaterialSource,
    Medium,
    Necessity,
    ResultType,
    SpecialKind,
    StepKind,
)


def _plain(options: dict[str, str]) -> dict[str, str]:
    """Enum members as their plain text (YAML writes text, not Python enums)."""
    return {key: str(value) for key, value in options.items()}


ITEM_TYPES: dict[str, str] = _plain(
    {
        **{t.value: t.value for t in ItemType},
        "01": ItemType.LICENSING,
        "05": ItemType.PAYMENT,
        "06": ItemType.INSPECTION,
        "07": ItemType.CONFIRMATION,
        "08": ItemType.REWARD,
        "09": ItemType.ADJUDICATION,
        "20": ItemType.OTHER_POWER,
        "21": ItemType.PUBLIC_SERVICE,
    }
)
UNSUPPORTED_TYPES = {"02": "行政处罚", "03": "行政强制", "04": "行政征收", "10": "其他"}

KINDS: dict[str, str] = _plain(
    {
        **{k.value: k.value for k in Kind},
        "即办": Kind.ON_THE_SPOT,
        "承诺": Kind.PROMISED,
        "联办": Kind.JOINT,
        "报批": Kind.FORWARDED,
    }
)

AUDIENCE: dict[str, str] = _plain(
    {
        "自然人": Audience.PERSON,
        "个人": Audience.PERSON,
        "公民": Audience.PERSON,
        "法人": Audience.ORGANISATION,
        "企业": Audience.ORGANISATION,
        "企业法人": Audience.ORGANISATION,
        "事业法人": Audience.ORGANISATION,
        "社会组织法人": Audience.ORGANISATION,
        "非法人企业": Audience.ORGANISATION,
        "其他组织": Audience.ORGANISATION,
        "法人或其他组织": Audience.ORGANISATION,
        "单位": Audience.ORGANISATION,
    }
)

NECESSITY: dict[str, str] = _plain(
    {
        **{n.value: n.value for n in Necessity},
        "1": Necessity.REQUIRED,
        "2": Necessity.OPTIONAL,
        "3": Necessity.DEFERRABLE,
        "是": Necessity.REQUIRED,
        "否": Necessity.OPTIONAL,
        "必需": Necessity.REQUIRED,
        "必须": Necessity.REQUIRED,
        "容缺": Necessity.DEFERRABLE,
    }
)

SOURCES: dict[str, str] = _plain(
    {
        **{s.value: s.value for s in MaterialSource},
        "10": MaterialSource.APPLICANT,
        "20": MaterialSource.GOVERNMENT,
        "99": MaterialSource.OTHER,
        "自备": MaterialSource.APPLICANT,
        "申请人": MaterialSource.APPLICANT,
        "政府部门": MaterialSource.GOVERNMENT,
        "政府部门核发(共享)": MaterialSource.GOVERNMENT,
    }
)

EXEMPT_WAYS: dict[str, str] = _plain(
    {
        **{w.value: w.value for w in ExemptWay},
        "共享": ExemptWay.SHARING,
        "数据共享免提交": ExemptWay.SHARING,
        "电子证照免提交": ExemptWay.LICENCE,
    }
)

FORMS: dict[str, str] = _plain(
    {
        **{f.value: f.value for f in MaterialForm},
        "原件及复印件": MaterialForm.BOTH,
        "原件、复印件": MaterialForm.BOTH,
        "原件和复印件各": MaterialForm.BOTH,
        "复印件(核原件)": MaterialForm.BOTH,
        "验原件收复印件": MaterialForm.BOTH,
    }
)

MEDIA: dict[str, str] = _plain(
    {
        **{m.value: m.value for m in Medium},
        "电子化": Medium.ELECTRONIC,
        "电子版": Medium.ELECTRONIC,
        "纸质/电子化": Medium.EITHER,
        "纸质/电子": Medium.EITHER,
        "纸质、电子": Medium.EITHER,
        "纸质和电子": Medium.EITHER,
        "纸质或电子化": Medium.EITHER,
    }
)

RESULT_TYPES: dict[str, str] = _plain(
    {
        **{r.value: r.value for r in ResultType},
        "证件": ResultType.CERTIFICATE,
        "证照类": ResultType.CERTIFICATE,
        "批准文书": ResultType.APPROVAL,
        "批文类": ResultType.APPROVAL,
        "审批文书": ResultType.APPROVAL,
        "备案": ResultType.RECORD,
    }
)

LEVELS = {level.value: level.value for level in LawLevel}
STEP_KINDS = {k.value: k.value for k in StepKind}
SPECIAL_KINDS = {k.value: k.value for k in SpecialKind}


def choose(value: str, options: dict[str, str]) -> str | None:
    """The option a clerk meant, or None.  Codes may have lost their leading zero."""
    compact = re.sub(r"\s+", "", value)
    if compact in options:
        return str(options[compact])
    if compact.isdigit() and compact.zfill(2) in options:
        return str(options[compact.zfill(2)])
    return None
