"""The columns of the tables (CSV and the workbook), in one place with their meaning.

Order: as best we could establish it, the element order of the national 政务服务事项实施
清单 (basic element first: name, codes, type, 实施主体, then 办件类型, 服务对象, 法定 and
承诺办结时限, 到办事现场次数, 网上办理, 数量限制, 收费, 申请材料, 依据, 地点和时间, 咨询和监督
电话, 办理结果), followed by this portal's own columns (id, page address, review date).
The descriptions feed the field table of the ``/data/`` page, so the documentation is the
code.  Cells that a spreadsheet could run as a formula are neutralised (see
:func:`neutralise`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .records import Record, fees_summary

Cell = str | int
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A spreadsheet treats a cell starting with one of these as a formula (or a DDE call)."""


def neutralise(value: Cell | None) -> Cell:
    """A cell safe to open in Excel: text a spreadsheet would run as a formula gets a
    leading apostrophe (the OWASP advice for CSV injection); numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    description: str
    value: Callable[[Record], Cell | None]


def _joined(values: list[str]) -> str:
    return "、".join(values)


ITEM_COLUMNS: tuple[Column, ...] = (
    Column("name", "事项名称", "事项名称", lambda r: r["name"]),
    Column("basic_code", "基本编码", "事项基本编码(12 位)", lambda r: r["basic_code"]),
    Column("implementation_code", "实施编码", "事项实施编码", lambda r: r["implementation_code"]),
    Column("type", "事项类型", "行政许可、行政确认、公共服务等", lambda r: r["type"]),
    Column("department", "实施主体", "实施部门全称", lambda r: r["department"]["name"]),
    Column("department_id", "实施主体标识", "部门在本门户的标识", lambda r: r["department"]["id"]),
    Column(
        "joint_departments",
        "联办机构",
        "联办部门,以顿号分隔",
        lambda r: _joined([d["name"] for d in r["joint_departments"]]),
    ),
    Column("kind", "办件类型", "即办件、承诺件、联办件或报批件", lambda r: r["kind"]),
    Column("audience", "服务对象", "自然人、法人,以顿号分隔", lambda r: _joined(r["audience"])),
    Column(
        "statutory_days",
        "法定办结时限",
        "天数(整数),0 为当场办结",
        lambda r: r["statutory_limit"]["days"],
    ),
    Column(
        "statutory_unit", "法定时限单位", "工作日或自然日", lambda r: r["statutory_limit"]["unit"]
    ),
    Column(
        "promised_days",
        "承诺办结时限",
        "天数(整数),0 为当场办结",
        lambda r: r["promised_limit"]["days"],
    ),
    Column(
        "promised_unit", "承诺时限单位", "工作日或自然日", lambda r: r["promised_limit"]["unit"]
    ),
    Column("visits", "到办事现场次数", "整数", lambda r: r["visits"]),
    Column(
        "online",
        "网上办理渠道",
        "渠道名称;空白表示不能网上办理",
        lambda r: r["online"]["name"] if r["online"] else None,
    ),
    Column(
        "online_url",
        "网上办理地址",
        "网址",
        lambda r: r["online"]["url"] if r["online"] else None,
    ),
    Column("quantity_limit", "数量限制", "数量限制", lambda r: r["quantity_limit"]),
    Column("free", "是否收费", "是或否", lambda r: "否" if r["free"] else "是"),
    Column("fees", "收费标准", "不收费,或各收费项目的名称和标准,以分号分隔", fees_summary),
    Column(
        "materials", "申请材料数", "申请材料目录中的材料数(整数)", lambda r: len(r["materials"])
    ),
    Column(
        "basis",
        "设定和实施依据",
        "法规名称和条款,以分号分隔",
        lambda r: ";".join(f"{b['role']}:{b['law']}" for b in r["basis"]),
    ),
    Column("place", "办理地点", "办理地点(未单独填写时为部门窗口)", lambda r: r["place"]),
    Column("hours", "办理时间", "办理时间(未单独填写时为中心办公时间)", lambda r: r["hours"]),
    Column(
        "enquiry_phone",
        "咨询电话",
        "咨询电话(未单独填写时为部门电话)",
        lambda r: r["enquiry_phone"],
    ),
    Column(
        "supervision_phone",
        "监督投诉电话",
        "监督投诉电话(未单独填写时为部门电话)",
        lambda r: r["supervision_phone"],
    ),
    Column("result", "办理结果", "办理结果名称", lambda r: r["result"]["name"]),
    Column("id", "事项标识", "本门户的事项标识(永久网址的一部分)", lambda r: r["id"]),
    Column("url", "办事指南网址", "办事指南页面的地址", lambda r: r["url"]),
    Column("reviewed", "最近审核日期", "YYYY-MM-DD", lambda r: r["reviewed"]),
)

MATERIAL_COLUMNS: tuple[Column, ...] = (
    Column("id", "事项标识", "所属事项的标识", lambda r: r["item_id"]),
    Column("basic_code", "基本编码", "所属事项的基本编码", lambda r: r["basic_code"]),
    Column("item_name", "事项名称", "所属事项的名称", lambda r: r["item_name"]),
    Column("number", "序号", "材料在目录中的序号(整数)", lambda r: r["number"]),
    Column("name", "材料名称", "材料名称", lambda r: r["name"]),
    Column("necessity", "必要性", "必要、非必要或容缺后补", lambda r: r["necessity"]),
    Column("form", "材料形式", "原件、复印件或原件和复印件", lambda r: r["form"]),
    Column("copies", "份数", "整数", lambda r: r["copies"]),
    Column("medium", "介质要求", "纸质、电子或纸质或电子", lambda r: r["medium"]),
    Column("source", "来源渠道", "申请人自备、政府部门核发或其他", lambda r: r["source"]),
    Column("source_note", "来源说明", "来源说明", lambda r: r["source_note"]),
    Column("when", "适用情形", "需要提交的情形;空白表示全部情形", lambda r: r["when"]),
    Column("standard", "受理标准", "受理标准", lambda r: r["standard"]),
    Column("note", "备注", "备注", lambda r: r["note"]),
)


def material_rows(items: list[Record]) -> list[Record]:
    """One record per material per item, carrying its item's identity."""
    return [
        {**m, "item_id": r["id"], "basic_code": r["basic_code"], "item_name": r["name"]}
        for r in items
        for m in r["materials"]
    ]


def table(columns: tuple[Column, ...], records: list[Record]) -> list[list[Cell]]:
    """Header row then one neutralised row per record.

    :func:`neutralise` is spelled out inline (the tests hold the two to the same result):
    this runs once per cell, a million times for 10,000 items, where the call was a sixth
    of the time spent here.
    """
    values = [c.value for c in columns]
    starts = FORMULA_STARTS
    rows: list[list[Cell]] = [[c.title for c in columns]]
    rows.extend(
        [
            ("" if v is None else ("'" + v if isinstance(v, str) and v.startswith(starts) else v))
            for v in [value(r) for value in values]
        ]
        for r in records
    )
    return rows
