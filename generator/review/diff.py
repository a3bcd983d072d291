"""The semantic diff of two loaded catalogues: items, departments, laws, chains, centre.

Loaded models are compared, never text, so reordering keys or re-dumping a file reports
nothing.  Every change carries its check id (level and label in :mod:`.burden`) and the
file and line where a reviewer finds it: the new file's line, or the old file's for what
was removed.  A file that fails to load on one side is reported as unreadable instead of
as everything in it added or removed.
"""

from __future__ import annotations

import filecmp
from collections.abc import Collection, Mapping
from datetime import date
from pathlib import Path

from ..catalogue.diagnostics import Report
from ..catalogue.loaded import (
    Catalogue,
    LoadedItem,
    add_item,
    item_paths,
    load_item,
    load_top_level,
    no_gc,
)
from ..catalogue.workdays import from_entries
from .findings import Context
from .items import diff_item
from .model import Change, Diff, Side, line_of, unreadable
from .newitem import new_item
from .public import public_values
from .toplevel import diff_top_level

__all__ = ["Change", "Diff", "Side", "diff_catalogues", "load_side", "load_sides"]


TOP_FILES = ("centre.yaml", "departments.yaml", "laws.yaml", "chains.yaml")


def load_side(root: Path, label: str, display: str, *, skip: Collection[str] = frozenset()) -> Side:
    """Load a catalogue folder; bad data is remembered, never raised.

    ``skip``: relative item paths not to load (identical on both sides, see ``load_sides``).
    """
    report = Report()
    catalogue = load_top_level(root, report)
    side = Side(catalogue, label, display, root=root)
    with no_gc():
        for path in item_paths(root):
            relative = path.relative_to(root).as_posix()
            if relative in skip:
                side.skipped[path.stem] = relative
                continue
            loaded, _ = load_item(root, path)
            if loaded is None:
                side.unreadable.add(relative)
            else:
                add_item(catalogue, loaded, report)
    for name in TOP_FILES:
        loaded_ok = (
            catalogue.centre is not None if name == "centre.yaml" else (name in catalogue.sources)
        )
        if (root / name).is_file() and not loaded_ok:
            side.unreadable.add(name)
    return side


def load_sides(
    base: Path, head: Path, labels: tuple[str, str], displays: tuple[str, str]
) -> tuple[Side, Side]:
    """Both catalogues, skipping item files whose bytes are the same on both sides.

    An item's changes depend only on its own file, so identical files cannot differ: at
    10,000 items a pull request touching a few of them parses a few, not 20,000.
    """
    old = {p.relative_to(base).as_posix(): p for p in item_paths(base)}
    new = {p.relative_to(head).as_posix(): p for p in item_paths(head)}
    same = {r for r in old.keys() & new.keys() if filecmp.cmp(old[r], new[r], shallow=False)}
    return (
        load_side(base, labels[0], displays[0], skip=same),
        load_side(head, labels[1], displays[1], skip=same),
    )


def item_relative(loaded: LoadedItem) -> str:
    return f"items/{loaded.department_id}/{loaded.id}.yaml"


def context(
    *catalogues: Catalogue, names: Mapping[str, str] | None = None, as_of: date | None = None
) -> Context:
    """Names of laws, departments and items, the later catalogue winning; ``names`` (item id
    -> name) fills in items neither side loaded; ``as_of``: the day the diff speaks for."""
    laws: dict[str, str] = {}
    departments: dict[str, str] = {}
    items: dict[str, str] = dict(names or {})
    for catalogue in catalogues:
        laws.update({law_id: law.title for law_id, law in catalogue.laws.items()})
        departments.update({d: dep.name for d, dep in catalogue.departments.items()})
        items.update({i: loaded.item.name for i, loaded in catalogue.items.items()})
    last = catalogues[-1]
    return Context(
        laws=laws,
        repealed={i: law.repealed for i, law in last.laws.items() if law.repealed},
        replaced_by={i: law.replaced_by for i, law in last.laws.items() if law.replaced_by},
        departments=departments,
        items=items,
        as_of=as_of,
        calendar=from_entries(getattr(last.centre, "calendar", ()) or ()),
    )


def diff_catalogues(
    base: Side,
    head: Side,
    *,
    names: Mapping[str, str] | None = None,
    reference: Catalogue | None = None,
    as_of: date | None = None,
) -> Diff:
    """``names`` (item id -> name) and ``reference`` (a catalogue's laws and departments):
    names for what neither side loaded (the public history compares single files).
    ``as_of``: the day the report speaks for (a repeal before it 已于, after it 将于)."""
    result = Diff(base.label, head.label)
    sides = (base.catalogue, head.catalogue)
    known = context(*((reference, *sides) if reference else sides), names=names, as_of=as_of)
    _items(base, head, known, result)
    public_values(base, head, result)
    diff_top_level(base, head, known, result)
    return result


def _items(base: Side, head: Side, laws: Context, result: Diff) -> None:
    old, new = dict(base.catalogue.items), dict(head.catalogue.items)
    broken = {Path(p).stem: p for p in sorted(base.unreadable | head.unreadable)}
    broken = {k: v for k, v in broken.items() if v.startswith("items/")}
    for item_id in sorted(set(old) | set(new) | set(broken)):
        before, after = old.get(item_id), new.get(item_id)
        if item_id in broken and (before is None or after is None):
            relative = broken[item_id]
            side = head if relative in head.unreadable else base
            present = before or after
            name = present.item.name if present else item_id
            result.changes.append(unreadable(side, relative, "item", item_id, name))
        elif before is None and after is not None:
            if item_id in base.skipped:
                continue  # loaded on one side only, never compared: identical files
            result.changes.extend(new_item(after, head.file(item_relative(after)), laws))
        elif after is None and before is not None:
            if item_id in head.skipped:
                continue
            name = before.item.name
            result.changes.append(
                Change("item-removed", "item", item_id, name, "事项", name, None,
                       f"删除事项 {name}", base.file(item_relative(before)), 1)
            )  # fmt: skip
        elif before is not None and after is not None:
            _item(before, after, head, laws, result)


def _item(before: LoadedItem, after: LoadedItem, head: Side, laws: Context, result: Diff) -> None:
    name = after.item.name
    file = head.file(item_relative(after))
    if before.department_id != after.department_id:
        old = laws.department(before.department_id)
        new = laws.department(after.department_id)
        result.changes.append(
            Change("item-moved", "item", after.id, name, "实施部门", old, new,
                   f"实施部门 {old} → {new}", file, 1)
        )  # fmt: skip
    if before.item == after.item:
        return
    findings, burden = diff_item(before.item, after.item, laws)
    for f in findings:
        result.changes.append(
            Change(
                f.check,
                "item",
                after.id,
                name,
                f.field,
                f.old,
                f.new,
                f.text,
                file,
                line_of(after.source, f.path),
                f.segments,
            )
        )
    if not burden.empty():
        result.burden[after.id] = burden
        result.names[after.id] = name
