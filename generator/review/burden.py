"""The burden rules: every kind of change has a stable check id and a level, as in oasdiff.

Levels say who has to look.  ``error``: the legal office (法制办) must sign the change off
(a basis, a fee, a statutory limit, a promised limit raised, a hotline, a condition, a
refusal, a quantity limit, the result, an item added, moved or removed);
``diff`` exits 1 when any is present.  ``warning``: the change adds burden for the public
and management should agree to it.  ``info``: everything else, including reductions, which
reports show as wins.  The reviewer's guide (docs/review.md) explains every id; a test keeps
the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


LEVEL_ZH = {Level.ERROR: "需法制办审核", Level.WARNING: "增加负担", Level.INFO: "信息"}


@dataclass(frozen=True)
class Check:
    id: str
    level: Level
    label: str
    win: bool = False
    """A reduction of burden: shown as a win."""
    mark: str = ""
    """How reports label the change when not by its level (a file that did not load adds no
    burden: it could not be compared)."""


_CHECKS = (
    # items
    Check("item-added", Level.ERROR, "新增事项"),
    Check("item-added-detail", Level.INFO, "新增事项的依据、时限、收费和条件"),
    Check("item-removed", Level.ERROR, "删除事项"),
    Check("item-moved", Level.ERROR, "事项改由其他部门实施"),
    Check("item-unreadable", Level.WARNING, "文件无法读取,无法比较", mark="无法比较"),
    Check("public-value-changed", Level.INFO, "群众看到的沿用信息改变"),
    Check("basis-added", Level.ERROR, "新增依据"),
    Check("basis-removed", Level.ERROR, "删除依据"),
    Check("basis-changed", Level.ERROR, "依据条款改变"),
    Check("basis-repealed", Level.ERROR, "依据的法规已废止或将废止"),
    Check("fee-added", Level.ERROR, "新增收费"),
    Check("fee-raised", Level.ERROR, "收费标准提高"),
    Check("fee-changed", Level.ERROR, "收费标准改变"),
    Check("fee-removed", Level.INFO, "取消收费", win=True),
    Check("fee-lowered", Level.INFO, "收费标准降低", win=True),
    Check("statutory-limit-raised", Level.ERROR, "法定时限延长"),
    Check("statutory-limit-lowered", Level.ERROR, "法定时限缩短", win=True),
    Check("statutory-limit-changed", Level.ERROR, "法定时限改变"),
    Check("promised-limit-raised", Level.ERROR, "承诺时限延长"),
    Check("promised-limit-changed", Level.ERROR, "承诺时限改变"),
    Check("promised-limit-lowered", Level.INFO, "承诺时限缩短", win=True),
    Check("hotline-changed", Level.ERROR, "监督投诉电话改变"),
    Check("hotline-removed", Level.ERROR, "监督投诉电话删除"),
    Check("material-added", Level.WARNING, "新增材料"),
    Check("material-required", Level.WARNING, "材料改为必要"),
    Check("material-copies-raised", Level.WARNING, "材料份数增加"),
    Check("material-copies-lowered", Level.INFO, "材料份数减少", win=True),
    Check("material-optional", Level.INFO, "材料改为非必要", win=True),
    Check("material-deferrable", Level.INFO, "材料改为容缺后补", win=True),
    Check("material-removed", Level.INFO, "删除材料", win=True),
    Check("material-exempted", Level.INFO, "材料改为免提交", win=True),
    Check("material-exempt-withdrawn", Level.WARNING, "材料不再免提交"),
    Check("material-renamed", Level.INFO, "材料更名"),
    Check("material-changed", Level.INFO, "材料要求改变"),
    Check("condition-added", Level.ERROR, "新增受理条件"),
    Check("condition-changed", Level.ERROR, "受理条件改变"),
    Check("condition-removed", Level.ERROR, "删除受理条件", win=True),
    Check("refusal-added", Level.ERROR, "新增不予受理情形"),
    Check("refusal-changed", Level.ERROR, "不予受理情形改变"),
    Check("refusal-removed", Level.ERROR, "删除不予受理情形", win=True),
    Check("quantity-limit-changed", Level.ERROR, "数量限制改变"),
    Check("result-changed", Level.ERROR, "办理结果改变"),
    Check("special-procedure-added", Level.WARNING, "新增特别程序"),
    Check("special-procedure-removed", Level.INFO, "删除特别程序", win=True),
    Check("special-procedure-changed", Level.INFO, "特别程序改变"),
    Check("visits-raised", Level.WARNING, "到现场次数增加"),
    Check("visits-lowered", Level.INFO, "到现场次数减少", win=True),
    Check("kind-to-promised", Level.WARNING, "即办件改为承诺件"),
    Check("kind-to-on-the-spot", Level.INFO, "改为即办件", win=True),
    Check("kind-changed", Level.INFO, "办件类型改变"),
    Check("online-lost", Level.WARNING, "取消网上办理"),
    Check("online-gained", Level.INFO, "新增网上办理", win=True),
    Check("phone-changed", Level.INFO, "咨询电话改变"),
    Check("field-changed", Level.INFO, "内容修改"),
    Check("reviewed-changed", Level.INFO, "审核日期更新"),
    # departments, laws, chains, centre
    Check("department-added", Level.INFO, "新增部门"),
    Check("department-removed", Level.WARNING, "删除部门"),
    Check("law-added", Level.INFO, "新增法规"),
    Check("law-removed", Level.ERROR, "删除法规"),
    Check("law-repealed", Level.ERROR, "法规废止"),
    Check("law-effective-changed", Level.WARNING, "法规施行日期改变"),
    Check("chain-added", Level.INFO, "新增审批链"),
    Check("chain-removed", Level.INFO, "删除审批链"),
    Check("chain-changed", Level.INFO, "审批链改变"),
    Check("base-url-changed", Level.WARNING, "门户地址改变(二维码失效)"),
    Check("calendar-changed", Level.INFO, "工作日历改变"),
    Check("file-unreadable", Level.WARNING, "文件无法读取,无法比较", mark="无法比较"),
)

CHECKS: dict[str, Check] = {c.id: c for c in _CHECKS}

PUBLIC_QUIET = frozenset(
    {"reviewed-changed", "item-unreadable", "file-unreadable", "calendar-changed"}
)
"""Checks the public history leaves out: they change no promise to the public."""


@dataclass
class Burden:
    """Burden figures of one item (or the total): positive numbers are more burden."""

    materials_added: int = 0
    materials_removed: int = 0
    promised_days: int = 0
    """工作日 of promise; 自然日 are counted apart (never added to 工作日)."""
    statutory_days: int = 0
    promised_calendar_days: int = 0
    statutory_calendar_days: int = 0
    fees_added: int = 0
    fees_removed: int = 0
    fees_raised: int = 0
    fees_lowered: int = 0
    visits: int = 0
    to_promised: int = 0
    to_on_the_spot: int = 0
    online_gained: int = 0
    online_lost: int = 0

    def add(self, other: Burden) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def signed(value: int, unit: str = "") -> str:
    """+3 / −2 / 0 (a real minus sign reads better in tables)."""
    if value > 0:
        return f"+{value}{unit}"
    if value < 0:
        return f"−{-value}{unit}"
    return "0"


def burden_cells(b: Burden) -> list[str]:
    """Table cells for one burden row, each reduction marked as a win (✓)."""

    def cell(up: int, down: int) -> str:
        parts = []
        if up:
            parts.append(f"+{up}")
        if down:
            parts.append(f"−{down} ✓")
        return " / ".join(parts) or "—"

    def days(working: int, calendar: int = 0) -> str:
        """Each unit on its own: +5 自然日 and −2 工作日 never make "+3 天"."""
        parts = [
            f"{signed(value)} {unit}" + (" ✓" if value < 0 else "")
            for value, unit in ((working, "工作日"), (calendar, "自然日"))
            if value
        ]
        return "、".join(parts) or "—"

    fees = []
    if b.fees_added:
        fees.append(f"新增 {b.fees_added}")
    if b.fees_raised:
        fees.append(f"提高 {b.fees_raised}")
    if b.fees_removed:
        fees.append(f"取消 {b.fees_removed} ✓")
    if b.fees_lowered:
        fees.append(f"降低 {b.fees_lowered} ✓")
    kind = []
    if b.to_promised:
        kind.append(f"即办→承诺 {b.to_promised}")
    if b.to_on_the_spot:
        kind.append(f"→即办 {b.to_on_the_spot} ✓")
    online = []
    if b.online_gained:
        online.append(f"新增 {b.online_gained} ✓")
    if b.online_lost:
        online.append(f"取消 {b.online_lost}")
    return [
        cell(b.materials_added, b.materials_removed),
        days(b.promised_days, b.promised_calendar_days),
        days(b.statutory_days, b.statutory_calendar_days),
        "、".join(fees) or "—",
        (f"{signed(b.visits)} 次" + (" ✓" if b.visits < 0 else "")) if b.visits else "—",
        "、".join(kind) or "—",
        "、".join(online) or "—",
    ]


BURDEN_HEADERS = ("材料", "承诺时限", "法定时限", "收费", "到现场", "办件类型", "网上办理")
