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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
from ..catalogue.models import Centre, Chain, Department, Law
from ..catalogue.sources import DataPath, SourceMap
from .burden import CHECKS, Burden, Level
from .items import diff_item, show


@dataclass(frozen=True)
class Change:
    check: str
    subject: str
    """item, department, law, chain, centre or file."""
    id: str
    name: str
    field: str
    old: str | None
    new: str | None
    text: str
    file: str
    line: int

    @property
    def level(self) -> Level:
        return CHECKS[self.check].level

    def as_dict(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "level": str(self.level),
            "subject": self.subject,
            "id": self.id,
            "name": self.name,
            "field": self.field,
            "old": self.old,
            "new": self.new,
            "text": self.text,
            "file": self.file,
            "line": self.line,
        }


@dataclass
class Side:
    """One loaded catalogue, the name its files have in reports, and what did not load."""

    catalogue: Catalogue
    label: str
    display: str
    unreadable: set[str] = field(default_factory=set)
    """Relative paths of files present but not loaded (bad data)."""

    def file(self, relative: str) -> str:
        return f"{self.display.rstrip('/')}/{relative}" if self.display else relative


@dataclass
class Diff:
    base: str
    head: str
    changes: list[Change] = field(default_factory=list)
    burden: dict[str, Burden] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    """Item id -> name, for the burden table."""

    @property
    def total(self) -> Burden:
        total = Burden()
        for figures in self.burden.values():
            total.add(figures)
        return total

    def count(self, level: Level) -> int:
        return sum(c.level is level for c in self.changes)

    @property
    def wins(self) -> int:
        return sum(CHECKS[c.check].win for c in self.changes)

    def exit_code(self) -> int:
        """0 without changes needing the legal office, 1 with."""
        return 1 if self.count(Level.ERROR) else 0


TOP_FILES = ("centre.yaml", "departments.yaml", "laws.yaml", "chains.yaml")


def load_side(root: Path, label: str, display: str, *, skip: Collection[str] = frozenset()) -> Side:
    """Load a catalogue folder; bad data is remembered, never raised.

    ``skip``: relative item paths not to load (identical on both sides, see ``load_sides``).
    """
    report = Report()
    catalogue = load_top_level(root, report)
    side = Side(catalogue, label, display)
    with no_gc():
        for path in item_paths(root):
            relative = path.relative_to(root).as_posix()
            if relative in skip:
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


def _line(source: SourceMap | None, path: DataPath) -> int:
    return source.locate(path)[0] if source is not None else 1


def _law_titles(*catalogues: Catalogue) -> dict[str, str]:
    titles: dict[str, str] = {}
    for catalogue in catalogues:
        titles.update({law_id: law.title for law_id, law in catalogue.laws.items()})
    return titles


def diff_catalogues(base: Side, head: Side) -> Diff:
    result = Diff(base.label, head.label)
    _items(base, head, result)
    _departments(base, head, result)
    _laws(base, head, result)
    _chains(base, head, result)
    _centre(base, head, result)
    return result


def _items(base: Side, head: Side, result: Diff) -> None:
    old, new = base.catalogue.items, head.catalogue.items
    laws = _law_titles(base.catalogue, head.catalogue)
    unreadable_ids = {
        Path(p).stem: p for p in base.unreadable | head.unreadable if p.startswith("items/")
    }
    for item_id in sorted(set(old) | set(new)):
        before, after = old.get(item_id), new.get(item_id)
        if item_id in unreadable_ids and (before is None or after is None):
            relative = unreadable_ids[item_id]
            which = head if relative in head.unreadable else base
            present = before or after
            name = present.item.name if present else item_id
            text = f"{which.label} 中的 {relative} 无法读取(请先用 check 修正),未能比较"
            result.changes.append(
                Change(
                    "item-unreadable",
                    "item",
                    item_id,
                    name,
                    "文件",
                    None,
                    None,
                    text,
                    which.file(relative),
                    1,
                )
            )
            continue
        if before is None and after is not None:
            result.changes.append(
                Change(
                    "item-added",
                    "item",
                    item_id,
                    after.item.name,
                    "事项",
                    None,
                    after.item.name,
                    f"新增事项 {after.item.name}",
                    head.file(item_relative(after)),
                    1,
                )
            )
        elif after is None and before is not None:
            result.changes.append(
                Change(
                    "item-removed",
                    "item",
                    item_id,
                    before.item.name,
                    "事项",
                    before.item.name,
                    None,
                    f"删除事项 {before.item.name}",
                    base.file(item_relative(before)),
                    1,
                )
            )
        elif before is not None and after is not None:
            _item(before, after, head, laws, result)
    for relative in sorted(base.unreadable | head.unreadable):
        if relative.startswith("items/") and Path(relative).stem not in set(old) | set(new):
            which = head if relative in head.unreadable else base
            result.changes.append(
                Change(
                    "item-unreadable",
                    "item",
                    Path(relative).stem,
                    Path(relative).stem,
                    "文件",
                    None,
                    None,
                    f"{which.label} 中的 {relative} 无法读取(请先用 check 修正),未能比较",
                    which.file(relative),
                    1,
                )
            )


def _item(
    before: LoadedItem, after: LoadedItem, head: Side, laws: Mapping[str, str], result: Diff
) -> None:
    name = after.item.name
    file = head.file(item_relative(after))
    if before.department_id != after.department_id:
        result.changes.append(
            Change(
                "item-moved",
                "item",
                after.id,
                name,
                "实施部门",
                before.department_id,
                after.department_id,
                f"实施部门 {before.department_id} → {after.department_id}",
                file,
                1,
            )
        )
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
                _line(after.source, f.path),
            )
        )
    if not burden.empty():
        result.burden[after.id] = burden
        result.names[after.id] = name


def _unreadable(base: Side, head: Side, name: str, result: Diff) -> bool:
    for side in (base, head):
        if name in side.unreadable:
            result.changes.append(
                Change(
                    "file-unreadable",
                    "file",
                    name,
                    name,
                    "文件",
                    None,
                    None,
                    f"{side.label} 中的 {name} 无法读取(请先用 check 修正),未能比较",
                    side.file(name),
                    1,
                )
            )
            return True
    return False


def _fields(
    kind: str,
    ident: str,
    name: str,
    before: Any,
    after: Any,
    labels: Mapping[str, str],
    file: str,
    source: SourceMap | None,
    prefix: DataPath,
    checks: Mapping[str, str],
    result: Diff,
) -> None:
    for key, label in labels.items():
        old, new = getattr(before, key), getattr(after, key)
        if old == new:
            continue
        check = checks.get(key, "field-changed")
        shown_old, shown_new = show(old), show(new)
        result.changes.append(
            Change(
                check,
                kind,
                ident,
                name,
                label,
                shown_old,
                shown_new,
                f"{name}:{label} {shown_old} → {shown_new}",
                file,
                _line(source, (*prefix, key)),
            )
        )


_DEPARTMENT_LABELS = {
    "name": "部门全称",
    "short_name": "简称",
    "windows": "窗口",
    "enquiry_phone": "咨询电话",
    "supervision_phone": "监督投诉电话",
    "address": "部门地址",
}
_LAW_LABELS = {
    "title": "名称",
    "level": "效力级别",
    "issuer": "制定机关",
    "number": "文号",
    "effective": "施行日期",
    "repealed": "废止日期",
    "url": "官方文本地址",
}
_CENTRE_LABELS = {
    "name": "中心名称",
    "address": "中心地址",
    "hours": "办公时间",
    "base_url": "门户地址",
    "enquiry_phone": "中心咨询电话",
    "supervision_phone": "中心监督投诉电话",
    "citizen_hotline": "政务服务便民热线",
    "demo": "示例数据标记",
    "reviewed": "审核日期",
}


def _keyed(
    kind: str,
    file: str,
    key: str,
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    base: Side,
    head: Side,
    result: Diff,
) -> tuple[SourceMap | None, list[tuple[str, Any, Any, DataPath]]]:
    """Added and removed entries of a keyed list file; pairs present on both sides."""
    source = head.catalogue.sources.get(file)
    order = list(new)
    pairs: list[tuple[str, Any, Any, DataPath]] = []
    for ident in sorted(set(old) | set(new)):
        before, after = old.get(ident), new.get(ident)
        if before is None:
            result.changes.append(
                Change(
                    f"{kind}-added",
                    kind,
                    ident,
                    _title(after),
                    CHECKS[f"{kind}-added"].label,
                    None,
                    _title(after),
                    f"{CHECKS[f'{kind}-added'].label} {_title(after)}",
                    head.file(file),
                    _line(source, (key, order.index(ident))),
                )
            )
        elif after is None:
            result.changes.append(
                Change(
                    f"{kind}-removed",
                    kind,
                    ident,
                    _title(before),
                    CHECKS[f"{kind}-removed"].label,
                    _title(before),
                    None,
                    f"{CHECKS[f'{kind}-removed'].label} {_title(before)}",
                    base.file(file),
                    _line(base.catalogue.sources.get(file), (key,)),
                )
            )
        elif before != after:
            pairs.append((ident, before, after, (key, order.index(ident))))
    return source, pairs


def _title(value: Any) -> str:
    return str(getattr(value, "title", None) or getattr(value, "name", ""))


def _departments(base: Side, head: Side, result: Diff) -> None:
    if _unreadable(base, head, "departments.yaml", result):
        return
    source, pairs = _keyed(
        "department",
        "departments.yaml",
        "departments",
        base.catalogue.departments,
        head.catalogue.departments,
        base,
        head,
        result,
    )
    checks = {"supervision_phone": "hotline-changed", "enquiry_phone": "phone-changed"}
    for ident, before, after, prefix in pairs:
        assert isinstance(before, Department) and isinstance(after, Department)
        _fields(
            "department",
            ident,
            after.name,
            before,
            after,
            _DEPARTMENT_LABELS,
            head.file("departments.yaml"),
            source,
            prefix,
            checks,
            result,
        )


def _laws(base: Side, head: Side, result: Diff) -> None:
    if _unreadable(base, head, "laws.yaml", result):
        return
    source, pairs = _keyed(
        "law", "laws.yaml", "laws", base.catalogue.laws, head.catalogue.laws, base, head, result
    )
    checks = {"repealed": "law-repealed", "effective": "law-effective-changed"}
    for ident, before, after, prefix in pairs:
        assert isinstance(before, Law) and isinstance(after, Law)
        # A repeal date withdrawn is still a change of the law's status the office must see.
        _fields(
            "law",
            ident,
            f"《{after.title}》",
            before,
            after,
            _LAW_LABELS,
            head.file("laws.yaml"),
            source,
            prefix,
            checks,
            result,
        )


def _chains(base: Side, head: Side, result: Diff) -> None:
    if _unreadable(base, head, "chains.yaml", result):
        return
    source, pairs = _keyed(
        "chain",
        "chains.yaml",
        "chains",
        base.catalogue.chains,
        head.catalogue.chains,
        base,
        head,
        result,
    )
    for ident, before, after, prefix in pairs:
        assert isinstance(before, Chain) and isinstance(after, Chain)
        file = head.file("chains.yaml")
        for key, label in (("name", "名称"), ("description", "说明")):
            if getattr(before, key) != getattr(after, key):
                old, new = show(getattr(before, key)), show(getattr(after, key))
                result.changes.append(
                    Change(
                        "chain-changed",
                        "chain",
                        ident,
                        after.name,
                        label,
                        old,
                        new,
                        f"审批链 {after.name}:{label} {old} → {new}",
                        file,
                        _line(source, (*prefix, key)),
                    )
                )
        if before.stages != after.stages:
            old = _stages(before)
            new = _stages(after)
            result.changes.append(
                Change(
                    "chain-changed",
                    "chain",
                    ident,
                    after.name,
                    "阶段",
                    old,
                    new,
                    f"审批链 {after.name}:阶段 {old} → {new}",
                    file,
                    _line(source, (*prefix, "stages")),
                )
            )


def _stages(chain: Chain) -> str:
    return " → ".join(f"{s.name}({'、'.join(s.items)})" for s in chain.stages)


def _centre(base: Side, head: Side, result: Diff) -> None:
    if _unreadable(base, head, "centre.yaml", result):
        return
    before: Centre | None = base.catalogue.centre
    after: Centre | None = head.catalogue.centre
    if before is None or after is None or before == after:
        return
    checks = {
        "supervision_phone": "hotline-changed",
        "citizen_hotline": "hotline-changed",
        "enquiry_phone": "phone-changed",
        "base_url": "base-url-changed",
        "reviewed": "reviewed-changed",
    }
    _fields(
        "centre",
        "centre",
        "中心",
        before,
        after,
        _CENTRE_LABELS,
        head.file("centre.yaml"),
        head.catalogue.sources.get("centre.yaml"),
        (),
        checks,
        result,
    )
