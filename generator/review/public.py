"""What the public sees of an item that it inherits: compared as the public sees it.

An item's guide shows its department's windows, address and phones and the centre's hours
unless the item sets its own.  When an item moves to another department, or a department's
entry changes, every affected item gets a ``public-value-changed`` line with the old and
new *effective* values (the move or the department's change itself carries the flag), so
the reviewer sees which guides change and how, not just ``wjw → scjg``.
"""

from __future__ import annotations

from collections.abc import Callable

from ..catalogue.loaded import Catalogue, LoadedItem
from ..catalogue.models import Item
from .model import Change, Diff, Side

_OWN: dict[str, Callable[[Item], str | None]] = {
    "监督投诉电话": lambda i: i.contact.supervision_phone,
    "咨询电话": lambda i: i.contact.enquiry_phone,
    "受理窗口": lambda i: i.place,
    "办理地点地址": lambda i: None,
    "办理时间": lambda i: i.hours,
}


def view(catalogue: Catalogue, loaded: LoadedItem) -> dict[str, str | None]:
    """The inherited values as an item's guide shows them."""
    centre = catalogue.centre
    department = catalogue.department_of(loaded)
    address = department.address if department and department.address else None
    return {
        "监督投诉电话": catalogue.supervision_phone(loaded)
        or (centre.supervision_phone if centre else None),
        "咨询电话": catalogue.enquiry_phone(loaded),
        "受理窗口": catalogue.place(loaded),
        "办理地点地址": address or (centre.address if centre else None),
        "办理时间": catalogue.hours(loaded),
    }


def _affected(base: Side, head: Side) -> list[str]:
    old_departments, new_departments = base.department_ids(), head.department_ids()
    changed = {
        d
        for d in set(base.catalogue.departments) & set(head.catalogue.departments)
        if base.catalogue.departments[d] != head.catalogue.departments[d]
    }
    ids = []
    for item_id in sorted(old_departments.keys() & new_departments.keys()):
        before, after = old_departments[item_id], new_departments[item_id]
        if before != after or after in changed:
            ids.append(item_id)
    return ids


def public_values(base: Side, head: Side, result: Diff) -> None:
    if "departments.yaml" in base.unreadable | head.unreadable:
        return
    for item_id in _affected(base, head):
        before, after = base.item(item_id), head.item(item_id)
        if before is None or after is None:
            continue
        old, new = view(base.catalogue, before), view(head.catalogue, after)
        moved = before.department_id != after.department_id
        source = "原部门 → 新部门" if moved else "沿用部门"
        file = head.file(f"items/{after.department_id}/{after.id}.yaml")
        for label, own in _OWN.items():
            if old[label] == new[label] or own(before.item) != own(after.item):
                continue  # the item's own edit is reported by the item's diff
            text = f"{label}({source}){old[label] or '(无)'} → {new[label] or '(无)'}"
            result.changes.append(
                Change("public-value-changed", "item", item_id, after.item.name, label,
                       old[label], new[label], text, file, 1)
            )  # fmt: skip
