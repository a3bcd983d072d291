"""Which column is which: our own titles (from :mod:`..opendata.columns`, so an export
always reads back) plus the names provinces and departments give the same column.

A title is compared after :func:`normal`: no spaces or line breaks, no required-field
asterisk, no "(必填)" note, full-width brackets as ASCII.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..opendata.columns import SHEETS, Sheet

ITEMS, MATERIALS, FEES, QUESTIONS, LAWS, STEPS, SPECIAL, DEPARTMENTS = (s.name for s in SHEETS)
FLAT = "一表式"
"""A single sheet holding the item columns and, on repeated rows, the material columns."""

SHEET_NAMES: dict[str, tuple[str, ...]] = {
    ITEMS: ("基本信息", "事项", "事项信息", "实施清单", "事项基本信息", "items"),
    MATERIALS: ("申请材料", "材料目录", "材料信息", "材料", "materials"),
    FEES: ("收费项目", "收费信息", "收费", "fees"),
    QUESTIONS: ("常见问题", "常见问题解答", "questions"),
    LAWS: ("法律依据", "依据", "laws"),
    STEPS: ("办理流程", "流程", "steps"),
    SPECIAL: ("特别程序", "special"),
    DEPARTMENTS: ("实施主体", "部门", "departments"),
}

_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    ITEMS: {
        "name": ("事项名称(全称)", "实施清单名称", "办理项名称"),
        "basic_code": ("事项基本编码", "目录编码"),
        "implementation_code": ("事项实施编码", "事项编码"),
        "type": ("事项类别",),
        "department": ("实施主体名称", "实施机构", "实施部门", "部门名称"),
        "audience": ("面向对象",),
        "statutory_days": ("法定时限",),
        "statutory_unit": ("法定时限单位",),
        "promised_days": ("承诺时限",),
        "promised_unit": ("承诺时限单位",),
        "visits": ("到现场次数", "跑动次数"),
        "conditions": ("申请条件",),
        "by_law": ("法律依据", "设定和实施依据"),
        "by_law_impl": ("实施依据",),
        "fees": ("收费依据及标准",),
        "place": ("受理地点",),
        "hours": ("受理时间",),
        "enquiry_phone": ("咨询电话",),
        "supervision_phone": ("监督投诉电话", "投诉电话", "监督电话"),
        "joint_departments": ("联办部门",),
        "online_url": ("网上办理地址", "在线办理地址"),
        "result": ("办理结果", "结果名称"),
        "result_type": ("结果类型",),
    },
    MATERIALS: {
        "name": ("申请材料", "申请材料名称"),
        "necessity": ("必要性", "是否必要", "是否必须"),
        "copies": ("份数",),
        "medium": ("提交形式", "介质要求"),
        "number": ("序号",),
    },
    FEES: {"name": ("收费名称",), "number": ("序号",)},
    QUESTIONS: {"q": ("常见问题",), "a": ("解答", "回答"), "number": ("序号",)},
    LAWS: {
        "title": ("法规名称", "依据名称"),
        "articles": ("条款号", "具体条款"),
        "use": ("依据类型", "依据类别"),
    },
}


def normal(title: str) -> str:
    title = re.sub(r"[\s*\uff0a]+", "", title).replace("\uff08", "(").replace("\uff09", ")")
    return re.sub(r"\((必填|选填|必须)\)$", "", title)


@dataclass(frozen=True)
class Layout:
    """What a sheet is and how its titles map to column keys."""

    kind: str
    titles: dict[str, str]  # normal(title) -> key


def _sheet(name: str) -> Sheet:
    return next(s for s in SHEETS if s.name == name)


def titles_of(kind: str) -> dict[str, str]:
    if kind == FLAT:
        items = titles_of(ITEMS)
        items.update({t: f"m.{k}" for t, k in titles_of(MATERIALS).items() if t not in items})
        items[normal("材料名称")] = "m.name"
        return items
    found = {normal(c.title): c.key for c in _sheet(kind).columns}
    for key, names in _ALIASES.get(kind, {}).items():
        found.update({normal(n): key for n in names})
    return found


def kind_of(sheet_name: str, header: list[str]) -> str | None:
    """The table a sheet holds, from its name, else from its titles."""
    name = normal(sheet_name)
    titles = {normal(t) for t in header}
    for kind, names in SHEET_NAMES.items():
        if name in names:
            if kind == ITEMS and "材料名称" in titles:
                return FLAT
            return kind
    if "事项名称" in titles and ("材料名称" in titles or "申请材料" in titles):
        return FLAT
    if "事项名称" in titles:
        return ITEMS
    return None


def layout(kind: str) -> Layout:
    return Layout(kind, titles_of(kind))
