"""Compare two versions of one item, field by field, in the words a reviewer knows.

Each finding names its check (see :mod:`.burden`), the label of the field, the old and new
values as shown to people, a one-line text (承诺时限 5 → 8 个工作日) and the data path in
the new file, which the caller turns into a line.  Lists are matched by what identifies an
entry to a person (a material by its name, a basis by its law and role), so reordering a
list reports nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..catalogue.models import Item, Kind
from . import limits, lists, situations
from .burden import Burden
from .findings import Context, Finding, Recorder, show

__all__ = ["Context", "Finding", "diff_item", "show"]

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
    "situations": "情形引导",
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

RESULT_LABELS: dict[str, str] = {
    "name": "办理结果名称",
    "type": "办理结果类型",
    "validity": "办理结果有效期限",
    "delivery": "办理结果送达方式",
}


class ItemDiff(Recorder):
    """Findings and burden figures of one item between two versions."""

    def run(self) -> ItemDiff:
        handlers: dict[str, Callable[[], None]] = {
            "kind": self._kind,
            "joint_departments": self._joint,
            "basis": lambda: lists.basis(self),
            "conditions": lambda: lists.conditions(self),
            "refusals": lambda: lists.refusals(self),
            "quantity_limit": self._quantity,
            "situations": lambda: situations.situations(self),
            "materials": lambda: lists.materials(self),
            "steps": lambda: lists.steps(self),
            "result": self._result,
            "faq": lambda: lists.faq(self),
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
            if sorted(map(str, before)) == sorted(map(str, after)):
                return  # reordered: nothing the public reads differently
            for index, entry in enumerate(after):
                if entry not in before:
                    value = show(entry)
                    self.add(
                        "field-changed", label, None, value, f"新增{label} {value}", (name, index)
                    )
            for entry in before:
                if entry not in after:
                    value = show(entry)
                    self.add("field-changed", label, value, None, f"删除{label} {value}", (name,))
            return
        self.changed("field-changed", label, _plain(before), _plain(after), (name,))

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

    def _quantity(self) -> None:
        old, new = self.old.quantity_limit, self.new.quantity_limit
        self.changed("quantity-limit-changed", "数量限制", old, new, ("quantity_limit",))

    def _result(self) -> None:
        old, new = self.old.result, self.new.result
        for key, label in RESULT_LABELS.items():
            before, after = getattr(old, key), getattr(new, key)
            if before != after:
                self.changed("result-changed", label, before, after, ("result", key))

    def _joint(self) -> None:
        old, new = self.old.joint_departments, self.new.joint_departments
        if sorted(old) == sorted(new):
            return
        before = "、".join(self.context.department(d) for d in old) or "(无)"
        after = "、".join(self.context.department(d) for d in new) or "(无)"
        self.add(
            "field-changed", "联办部门", before, after, f"联办部门 {before} → {after}",
            ("joint_departments",),
        )  # fmt: skip

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


def diff_item(
    old: Item, new: Item, laws: Mapping[str, str] | Context
) -> tuple[list[Finding], Burden]:
    """Every finding between two versions of an item, and its burden figures."""
    result = ItemDiff(old, new, laws).run()
    return result.findings, result.burden
