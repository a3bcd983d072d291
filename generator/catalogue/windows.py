"""The windows an item is handled at, named by the item from its departments' lists.

A department keeps several windows in the hall (户政 and 车驾管 at the police); an item
names its own in ``windows`` and, where a step happens elsewhere, in the step's
``window``: a 联办件 names a window of each department that handles it.  A name is looked
up in the item's department first, then in its joint departments.  An item naming none
uses its department's only window; with several, ``check`` asks which
(``ref-window-missing``) and the pages fall back to all of them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from .models import Department, Item, ParallelSteps, Step, Window


@dataclass(frozen=True)
class ItemWindow:
    """A window with the department that keeps it (``joint``: not the item's own)."""

    department_id: str
    department: str  # short name, else full name
    window: Window
    joint: bool

    @property
    def name(self) -> str:
        return self.window.name

    @property
    def location(self) -> str:
        return self.window.location


def step_windows(item: Item) -> Iterator[tuple[tuple[int | str, ...], str]]:
    """Every step's ``window`` with its data path (parallel branches included)."""
    for index, entry in enumerate(getattr(item, "steps", ())):
        if isinstance(entry, ParallelSteps):
            for sub, step in enumerate(getattr(entry, "parallel", ())):
                window = getattr(step, "window", None)
                if window:
                    yield ("steps", index, "parallel", sub, "window"), window
        elif isinstance(entry, Step):
            window = getattr(entry, "window", None)
            if window:
                yield ("steps", index, "window"), window


def handling_departments(
    departments: Mapping[str, Department], department_id: str, item: Item
) -> list[Department]:
    """The item's department, then its joint departments (those that are known)."""
    ids = [department_id, *getattr(item, "joint_departments", ())]
    return [departments[d] for d in dict.fromkeys(ids) if d in departments]


def find_window(handling: list[Department], name: str) -> ItemWindow | None:
    """The window called ``name`` of the first department (own, then joint) that has it."""
    for index, department in enumerate(handling):
        for window in department.windows:
            if window.name == name:
                label = department.short_name or department.name
                return ItemWindow(department.id, label, window, joint=index > 0)
    return None


def item_windows(
    departments: Mapping[str, Department], department_id: str, item: Item
) -> tuple[ItemWindow, ...]:
    """The windows an item's pages and sheets list, each once, in the item's order:
    ``windows``, then the steps' ``window`` not already listed."""
    handling = handling_departments(departments, department_id, item)
    names = [*getattr(item, "windows", ()), *(name for _, name in step_windows(item))]
    found: dict[tuple[str, str], ItemWindow] = {}
    for name in names:
        window = find_window(handling, name)
        if window is not None:
            found.setdefault((window.department_id, window.name), window)
    if found:
        return tuple(found.values())
    own = departments.get(department_id)
    if own is None:
        return ()
    label = own.short_name or own.name
    return tuple(ItemWindow(own.id, label, w, joint=False) for w in own.windows)
