"""Compare two versions of one item, field by field, in the words a reviewer knows.

Each finding names its check (see :mod:`.burden`), the label of the field, the old and new
values as shown to people, a one-line text (承诺时限 5 → 8 个工作日) and the data path in
the new file, which the caller turns into a line.  Lists are matched by what identifies an
entry to a person (a material by its name, a basis by its law and role), so reordering a
list reports nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..catalogue.loaded import flat_steps
from ..catalogue.models import (
    Basis,
    Item,
    Kind,
    Material,
    Necessity,
)
from . import limits
from .burden import Burden
from .findings import Finding, Recorder, show

__all__ = ["Finding", "diff_item", "show"]

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


class ItemDiff(Recorder):
    """Findings and burden figures of one item between two versions."""

    def run(self) -> ItemDiff:
        handlers: dict[str, Callable[[], None]] = {
            "kind": self._kind,
            "basis": self._basis,
            "conditions": self._conditions,
            "refusals": self._refusals,
            "quantity_limit": self._quantity,
            "materials": self._materials,
            "steps": self._steps,
            "time_limit": lambda: limits.time_limits(self),
            "special_procedures": lambda: limits.special_procedures(self),
            "fees": lambda: limits.fees(self),
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
                self.citation(
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


def diff_item(old: Item, new: Item, laws: Mapping[str, str]) -> tuple[list[Finding], Burden]:
    """Every finding between two versions of an item, and its burden figures."""
    result = ItemDiff(old, new, laws).run()
    return result.findings, result.burden
