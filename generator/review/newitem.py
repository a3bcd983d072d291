"""A new item, listed the way the legal office approves it: what it rests on and promises.

``item-added`` is one sign-off; below it, ``item-added-detail`` lines list its basis (with a
word on repealed laws), statutory and promised limits, quantity limit, fees (standard, basis,
批准机关, licence), conditions and refusals, each at its line of the new file.
"""

from __future__ import annotations

from ..catalogue.loaded import LoadedItem
from ..catalogue.models import FREE, Item
from ..catalogue.sources import DataPath
from .findings import Context, Finding, Recorder
from .limits import fee_details
from .model import Change, line_of


def _details(item: Item, known: Context) -> list[Finding]:
    d = Recorder(item, item, known)

    def detail(label: str, value: str, path: DataPath) -> None:
        d.add("item-added-detail", label, None, value, f"{label} {value}", path)

    for index, basis in enumerate(item.basis):
        path: DataPath = ("basis", index)
        detail(basis.role.value, d.law(basis), path)
        d.repealed(basis, basis.role.value, path)
    for name, label in (("statutory", "法定时限"), ("promised", "承诺时限")):
        limit = getattr(item.time_limit, name)
        text = f"{limit.days} 个{limit.unit.value}"
        if limit.basis is not None:
            text += f"(依据 {d.law(limit.basis)})"
        detail(label, text, ("time_limit", name))
    detail("数量限制", item.quantity_limit, ("quantity_limit",))
    if isinstance(item.fees, str):
        detail("收费", item.fees, ("fees",))
    else:
        for index, fee in enumerate(item.fees):
            detail("收费", f"{fee.name}({fee_details(d, fee)})", ("fees", index))
            d.repealed(fee.basis, "收费依据", ("fees", index, "basis"))
    for index, condition in enumerate(item.conditions):
        text = condition.text
        if condition.basis is not None:
            text += f"(依据 {d.law(condition.basis)})"
        detail("受理条件", text, ("conditions", index))
    for index, refusal in enumerate(item.refusals):
        detail("不予受理情形", refusal, ("refusals", index))
    return d.findings


def new_item(loaded: LoadedItem, file: str, known: Context) -> list[Change]:
    item = loaded.item
    department = known.department(loaded.department_id)
    fees = "不收费" if item.fees == FREE else "收费"
    changes = [
        Change("item-added", "item", loaded.id, item.name, "事项", None, item.name,
               f"新增事项 {item.name}(实施部门 {department};{item.type.value};{fees})",
               file, 1)
    ]  # fmt: skip
    for f in _details(item, known):
        changes.append(
            Change(f.check, "item", loaded.id, item.name, f.field, f.old, f.new, f.text, file,
                   line_of(loaded.source, f.path))
        )  # fmt: skip
    return changes
