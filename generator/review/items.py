"""Compare two versions of one item, field by field, in the words a reviewer knows.

Each finding names its check (see :mod:`.burden`), the label of the field, the old and new
values as shown to people, a one-line text (承诺时限 5 → 8 个工作日) and the data path in
the new file, which the caller turns into a line.  Lists are matched by what identifies an
entry to a person (a material by its name, a basis by its law and role), so reordering a
list reports nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..catalogue.loaded import flat_steps
from ..catalogue.models import (
    FREE,
    Basis,
    Citation,
    Fee,
    Item,
    Kind,
    Material,
    Necessity,
    SpecialProcedure,
    TimeLimit,
)
from ..catalogue.sources import DataPath
from .burden import Burden

ITEM_LABELS: dict[str, str] = {
    "name": "事项名称",
    "codes": "事项编码",
    "type": "事项类型",
    "kind": "办件类型",
    "joint_departments": "联办部门",
    "audience": "服务对象",
    "summary": "事项说明",
    "keywords": "搜索关键词",
    "basis": "依据",
    "conditions": "受理条件",
    "refusals": "不予受理情形",
    "quantity_limit": "数量限制",
    "materials": "申请材料",
    "steps": "办理流程",
    "time_limit": "办理时限",
    "special_procedures": "特别程序",
    "fees": "收费",
    "result": "办理结果",
    "place": "办理地点",
    "hours": "办理时间",
    "online": "网上办理",
    "visits": "到现场次数",
    "contact": "咨询和监督电话",
    "faq": "常见问题",
    "reviewed": "审核日期",
}

MATERIAL_LABELS: dict[str, str] = {
    "necessity": "必要性",
    "form": "形式",
    "copies": "份数",
    "medium": "载体",
    "source": "来源",
    "source_note": "来源说明",
    "blank_form": "空白表格",
    "sample": "填写示例",
    "when": "提交情形",
    "standard": "受理标准",
    "note": "备注",
}

_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Finding:
    check: str
    field: str
    old: str | None
    new: str | None
    text: str
    path: DataPath


def show(value: Any, limit: int = 60) -> str:
    """A value as a reviewer reads it: enums by their Chinese value, long text shortened."""
    if value is None:
        return "(空)"
    if isinstance(value, list | tuple):
        return "、".join(show(v, limit) for v in value) or "(空)"
    text = str(getattr(value, "value", value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ItemDiff:
    """Findings and burden figures of one item between two versions."""

    def __init__(self, old: Item, new: Item, laws: Mapping[str, str]) -> None:
        self.old, self.new, self.laws = old, new, laws
        self.findings: list[Finding] = []
        self.burden = Burden()

    def add(self, check: str, label: str, old: Any, new: Any, text: str, path: DataPath) -> None:
        shown_old = None if old is None else show(old)
        shown_new = None if new is None else show(new)
        self.findings.append(Finding(check, label, shown_old, shown_new, text, path))

    def run(self) -> ItemDiff:
        handlers: dict[str, Callable[[], None]] = {
            "kind": self._kind,
            "basis": self._basis,
            "conditions": self._conditions,
            "refusals": self._refusals,
            "quantity_limit": self._quantity,
            "materials": self._materials,
            "steps": self._steps,
            "time_limit": self._time,
            "special_procedures": self._specials,
            "fees": self._fees,
            "online": self._online,
            "visits": self._visits,
            "contact": self._contact,
            "reviewed": self._reviewed,
        }
        for name in Item.model_fields:
            before, after = getattr(self.old, name), getattr(self.new, name)
            if before == after:
                continue
            handler = handlers.get(name)
            if handler:
                handler()
            else:
                self._generic(name, before, after)
        return self

    # --- helpers -------------------------------------------------------------------------

    def law(self, citation: Citation) -> str:
        return f"《{self.laws.get(citation.law, citation.law)}》{citation.articles}"

    def _generic(self, name: str, before: Any, after: Any) -> None:
        label = ITEM_LABELS.get(name, name)
        if isinstance(before, list) and isinstance(after, list):
            self._list(name, label, before, after)
            return
        old, new = show(_plain(before)), show(_plain(after))
        self.add("field-changed", label, old, new, f"{label} {old} → {new}", (name,))

    def _list(
        self, name: str, label: str, before: Sequence[Any], after: Sequence[Any], **checks: str
    ) -> None:
        """Entries added and removed, matched by equality (order does not matter)."""
        added_check = checks.get("added", "field-changed")
        removed_check = checks.get("removed", "field-changed")
        for index, entry in enumerate(after):
            if entry not in before:
                value = show(_plain(entry))
                self.add(added_check, label, None, value, f"新增{label} {value}", (name, index))
        for entry in before:
            if entry not in after:
                value = show(_plain(entry))
                self.add(removed_check, label, value, None, f"删除{label} {value}", (name,))

    # --- fields with their own rules --------------------------------------------------

    def _kind(self) -> None:
        old, new = self.old.kind, self.new.kind
        if old is Kind.ON_THE_SPOT:
            check = "kind-to-promised"
            self.burden.to_promised += 1
        elif new is Kind.ON_THE_SPOT:
            check = "kind-to-on-the-spot"
            self.burden.to_on_the_spot += 1
        else:
            check = "kind-changed"
        self.add(check, "办件类型", old, new, f"办件类型 {old.value} → {new.value}", ("kind",))

    def _basis(self) -> None:
        def key(b: Basis) -> tuple[str, str]:
            return b.law, b.role.value

        old = {key(b): b for b in self.old.basis}
        for index, basis in enumerate(self.new.basis):
            role = basis.role.value
            before = old.get(key(basis))
            if before is None:
                self.add(
                    "basis-added",
                    role,
                    None,
                    self.law(basis),
                    f"新增{role} {self.law(basis)}",
                    ("basis", index),
                )
            elif before.articles != basis.articles:
                title = self.laws.get(basis.law, basis.law)
                self.add(
                    "basis-changed",
                    role,
                    self.law(before),
                    self.law(basis),
                    f"{role}《{title}》{before.articles} → {basis.articles}",
                    ("basis", index, "articles"),
                )
        new_keys = {key(b) for b in self.new.basis}
        for basis in self.old.basis:
            if key(basis) not in new_keys:
                role = basis.role.value
                self.add(
                    "basis-removed",
                    role,
                    self.law(basis),
                    None,
                    f"删除{role} {self.law(basis)}",
                    ("basis",),
                )

    def _conditions(self) -> None:
        old = {c.text: c for c in self.old.conditions}
        new_texts = {c.text for c in self.new.conditions}
        for index, condition in enumerate(self.new.conditions):
            before = old.get(condition.text)
            text = show(condition.text)
            if before is None:
                self.add(
                    "condition-added",
                    "受理条件",
                    None,
                    text,
                    f"新增受理条件 {text}",
                    ("conditions", index),
                )
            elif before.basis != condition.basis:
                self._citation(
                    "受理条件依据", before.basis, condition.basis, ("conditions", index, "basis")
                )
        for condition in self.old.conditions:
            if condition.text not in new_texts:
                text = show(condition.text)
                self.add(
                    "condition-removed",
                    "受理条件",
                    text,
                    None,
                    f"删除受理条件 {text}",
                    ("conditions",),
                )

    def _citation(
        self, label: str, before: Citation | None, after: Citation | None, path: DataPath
    ) -> None:
        if before == after:
            return
        if before is None:
            assert after is not None
            self.add(
                "basis-added", label, None, self.law(after), f"新增{label} {self.law(after)}", path
            )
        elif after is None:
            self.add(
                "basis-removed",
                label,
                self.law(before),
                None,
                f"删除{label} {self.law(before)}",
                path[:-1],
            )
        else:
            old, new = self.law(before), self.law(after)
            self.add("basis-changed", label, old, new, f"{label} {old} → {new}", path)

    def _refusals(self) -> None:
        self._list(
            "refusals",
            "不予受理情形",
            self.old.refusals,
            self.new.refusals,
            added="refusal-added",
            removed="refusal-removed",
        )

    def _quantity(self) -> None:
        old, new = self.old.quantity_limit, self.new.quantity_limit
        self.add(
            "quantity-limit-changed",
            "数量限制",
            old,
            new,
            f"数量限制 {show(old)} → {show(new)}",
            ("quantity_limit",),
        )

    def _materials(self) -> None:
        old = {m.name: m for m in self.old.materials}
        new_names = {m.name for m in self.new.materials}
        for index, material in enumerate(self.new.materials):
            before = old.get(material.name)
            if before is None:
                self.burden.materials_added += 1
                self.add(
                    "material-added",
                    "申请材料",
                    None,
                    material.name,
                    f"新增材料 {material.name}",
                    ("materials", index),
                )
            elif before != material:
                self._material(before, material, index)
        for material in self.old.materials:
            if material.name not in new_names:
                self.burden.materials_removed += 1
                self.add(
                    "material-removed",
                    "申请材料",
                    material.name,
                    None,
                    f"删除材料 {material.name}",
                    ("materials",),
                )

    def _material(self, before: Material, after: Material, index: int) -> None:
        for name, label in MATERIAL_LABELS.items():
            old, new = getattr(before, name), getattr(after, name)
            if old == new:
                continue
            check = "material-changed"
            if name == "necessity" and new is Necessity.REQUIRED:
                check = "material-required"
            elif name == "copies" and new > old:
                check = "material-copies-raised"
            self.add(
                check,
                f"材料{label}",
                old,
                new,
                f"材料 {after.name}:{label} {show(old)} → {show(new)}",
                ("materials", index, name),
            )

    def _steps(self) -> None:
        old = {s.name: s for s in flat_steps(self.old.steps)}
        new = flat_steps(self.new.steps)
        for step in new:
            before = old.get(step.name)
            if before is None:
                self.add(
                    "field-changed",
                    "办理环节",
                    None,
                    step.name,
                    f"新增办理环节 {step.name}",
                    ("steps",),
                )
            elif before.days != step.days:
                self.add(
                    "field-changed",
                    "环节时限",
                    before.days,
                    step.days,
                    f"办理环节 {step.name} {before.days} → {step.days} 个工作日",
                    ("steps",),
                )
        names = {s.name for s in new}
        for step in old.values():
            if step.name not in names:
                self.add(
                    "field-changed",
                    "办理环节",
                    step.name,
                    None,
                    f"删除办理环节 {step.name}",
                    ("steps",),
                )
        if not any(f.path == ("steps",) for f in self.findings):
            self.add("field-changed", "办理流程", None, None, "办理流程顺序或说明调整", ("steps",))

    def _time(self) -> None:
        limits = (("statutory", "法定时限"), ("promised", "承诺时限"))
        for name, label in limits:
            before: TimeLimit = getattr(self.old.time_limit, name)
            after: TimeLimit = getattr(self.new.time_limit, name)
            path: DataPath = ("time_limit", name)
            if before.days != after.days or before.unit != after.unit:
                self._limit(name, label, before, after, path)
            if before.basis != after.basis:
                self._citation(f"{label}依据", before.basis, after.basis, (*path, "basis"))
            if before.note != after.note:
                self.add(
                    "field-changed",
                    f"{label}说明",
                    before.note,
                    after.note,
                    f"{label}说明 {show(before.note)} → {show(after.note)}",
                    (*path, "note"),
                )

    def _limit(
        self, name: str, label: str, before: TimeLimit, after: TimeLimit, path: DataPath
    ) -> None:
        if before.unit != after.unit:
            text = (
                f"{label} {before.days} 个{before.unit.value} → {after.days} 个{after.unit.value}"
            )
            self.add(
                f"{name}-limit-changed",
                label,
                f"{before.days} 个{before.unit.value}",
                f"{after.days} 个{after.unit.value}",
                text,
                path,
            )
            return
        delta = after.days - before.days
        setattr(self.burden, f"{name}_days", getattr(self.burden, f"{name}_days") + delta)
        check = f"{name}-limit-raised" if delta > 0 else f"{name}-limit-lowered"
        unit = after.unit.value
        self.add(
            check,
            label,
            f"{before.days} 个{unit}",
            f"{after.days} 个{unit}",
            f"{label} {before.days} → {after.days} 个{unit}",
            (*path, "days"),
        )

    def _specials(self) -> None:
        def key(p: SpecialProcedure) -> str:
            return p.name

        old = {key(p): p for p in self.old.special_procedures}
        new_names = {key(p) for p in self.new.special_procedures}
        for index, proc in enumerate(self.new.special_procedures):
            before = old.get(key(proc))
            if before is None:
                self.add(
                    "special-procedure-added",
                    "特别程序",
                    None,
                    proc.name,
                    f"新增特别程序 {proc.name}(最长 {proc.days} 个{proc.unit.value})",
                    ("special_procedures", index),
                )
            elif before != proc:
                check = (
                    "special-procedure-added"
                    if proc.days > before.days
                    else ("special-procedure-changed")
                )
                self.add(
                    check,
                    "特别程序",
                    f"{before.days} 个{before.unit.value}",
                    f"{proc.days} 个{proc.unit.value}",
                    f"特别程序 {proc.name} 最长 {before.days} → {proc.days} 个{proc.unit.value}",
                    ("special_procedures", index),
                )
        for proc in self.old.special_procedures:
            if key(proc) not in new_names:
                self.add(
                    "special-procedure-removed",
                    "特别程序",
                    proc.name,
                    None,
                    f"删除特别程序 {proc.name}",
                    ("special_procedures",),
                )

    def _fees(self) -> None:
        old = _fee_list(self.old.fees)
        new = _fee_list(self.new.fees)
        if isinstance(old, str) or isinstance(new, str):
            self._fee_text(old, new)
            return
        before_by_name = {f.name: f for f in old}
        for index, fee in enumerate(new):
            before = before_by_name.get(fee.name)
            path: DataPath = ("fees", index)
            if before is None:
                self.burden.fees_added += 1
                self.add(
                    "fee-added",
                    "收费",
                    None,
                    f"{fee.name}({fee.standard})",
                    f"新增收费 {fee.name}({fee.standard})",
                    path,
                )
                continue
            if before.standard != fee.standard:
                check = _fee_direction(before.standard, fee.standard)
                if check == "fee-raised":
                    self.burden.fees_raised += 1
                elif check == "fee-lowered":
                    self.burden.fees_lowered += 1
                self.add(
                    check,
                    "收费标准",
                    before.standard,
                    fee.standard,
                    f"收费标准 {fee.name}:{before.standard} → {fee.standard}",
                    (*path, "standard"),
                )
            if before.basis != fee.basis:
                self._citation("收费依据", before.basis, fee.basis, (*path, "basis"))
            for name, label in (("approved_by", "批准机关"), ("licence", "收费许可证")):
                if getattr(before, name) != getattr(fee, name):
                    self.add(
                        "field-changed",
                        label,
                        getattr(before, name),
                        getattr(fee, name),
                        f"收费 {fee.name}:{label} {show(getattr(before, name))} → "
                        f"{show(getattr(fee, name))}",
                        (*path, name),
                    )
        names = {f.name for f in new}
        for fee in old:
            if fee.name not in names:
                self.burden.fees_removed += 1
                self.add(
                    "fee-removed",
                    "收费",
                    f"{fee.name}({fee.standard})",
                    None,
                    f"取消收费 {fee.name}",
                    ("fees",),
                )

    def _fee_text(self, old: list[Fee] | str, new: list[Fee] | str) -> None:
        """Free text other than 不收费 on one side: compare as text; new fee lines count."""
        before = old if isinstance(old, str) else "、".join(f"{f.name}({f.standard})" for f in old)
        after = new if isinstance(new, str) else "、".join(f"{f.name}({f.standard})" for f in new)
        if isinstance(new, list):
            self.burden.fees_added += len(new)
            for index, fee in enumerate(new):
                self.add(
                    "fee-added",
                    "收费",
                    None,
                    f"{fee.name}({fee.standard})",
                    f"新增收费 {fee.name}({fee.standard})",
                    ("fees", index),
                )
        else:
            self.add(
                "fee-changed",
                "收费",
                before,
                after,
                f"收费 {show(before)} → {show(after)}",
                ("fees",),
            )

    def _online(self) -> None:
        old, new = self.old.online, self.new.online
        if old is None and new is not None:
            self.burden.online_gained += 1
            self.add(
                "online-gained", "网上办理", None, new.name, f"新增网上办理 {new.name}", ("online",)
            )
        elif new is None and old is not None:
            self.burden.online_lost += 1
            self.add(
                "online-lost", "网上办理", old.name, None, f"取消网上办理 {old.name}", ("online",)
            )
        elif old is not None and new is not None:
            before, after = f"{old.name} {old.url}", f"{new.name} {new.url}"
            self.add(
                "field-changed",
                "网上办理",
                before,
                after,
                f"网上办理 {before} → {after}",
                ("online",),
            )

    def _visits(self) -> None:
        old, new = self.old.visits, self.new.visits
        self.burden.visits += new - old
        check = "visits-raised" if new > old else "visits-lowered"
        self.add(check, "到现场次数", old, new, f"到现场次数 {old} → {new} 次", ("visits",))

    def _contact(self) -> None:
        old, new = self.old.contact, self.new.contact
        if old.supervision_phone != new.supervision_phone:
            before = old.supervision_phone or "沿用部门电话"
            after = new.supervision_phone or "沿用部门电话"
            check = "hotline-removed" if new.supervision_phone is None else "hotline-changed"
            self.add(
                check,
                "监督投诉电话",
                before,
                after,
                f"监督投诉电话 {before} → {after}",
                ("contact", "supervision_phone"),
            )
        if old.enquiry_phone != new.enquiry_phone:
            before = old.enquiry_phone or "沿用部门电话"
            after = new.enquiry_phone or "沿用部门电话"
            self.add(
                "phone-changed",
                "咨询电话",
                before,
                after,
                f"咨询电话 {before} → {after}",
                ("contact", "enquiry_phone"),
            )

    def _reviewed(self) -> None:
        old, new = self.old.reviewed, self.new.reviewed
        self.add(
            "reviewed-changed",
            "审核日期",
            old.isoformat(),
            new.isoformat(),
            f"审核日期 {old.isoformat()} → {new.isoformat()}",
            ("reviewed",),
        )


def _plain(value: Any) -> Any:
    """A model as the short text a person recognises it by (its name, text or question)."""
    for attr in ("name", "text", "q", "law"):
        if hasattr(value, attr) and not isinstance(value, str):
            return getattr(value, attr)
    if hasattr(value, "model_dump"):
        return "、".join(f"{v}" for v in value.model_dump(mode="json").values() if v)
    return value


def _fee_list(fees: list[Fee] | str) -> list[Fee] | str:
    return [] if fees == FREE else fees


def _fee_direction(before: str, after: str) -> str:
    """fee-raised / fee-lowered when every amount moved the same way, else fee-changed."""
    old = [float(n) for n in _NUMBER.findall(before)]
    new = [float(n) for n in _NUMBER.findall(after)]
    if old and len(old) == len(new):
        if all(b >= a for a, b in zip(old, new, strict=True)) and old != new:
            return "fee-raised"
        if all(b <= a for a, b in zip(old, new, strict=True)) and old != new:
            return "fee-lowered"
    return "fee-changed"


def diff_item(old: Item, new: Item, laws: Mapping[str, str]) -> tuple[list[Finding], Burden]:
    """Every finding between two versions of an item, and its burden figures."""
    result = ItemDiff(old, new, laws).run()
    return result.findings, result.burden
