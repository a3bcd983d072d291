"""The semantic diff of the top-level files: departments, laws, chains and the centre.

Entries are matched by id; each changed field becomes one change located at the new file's
line.  A file that does not load on one side is reported once as unreadable.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from ..catalogue.loaded import LoadedItem
from ..catalogue.models import Centre, Chain, Department, Law
from ..catalogue.sources import DataPath, SourceMap
from .burden import CHECKS
from .findings import Context, repeal_verb, show
from .model import Change, Diff, Side, line_of, unreadable


def diff_top_level(base: Side, head: Side, known: Context, result: Diff) -> None:
    _departments(base, head, result)
    _laws(base, head, result, known.as_of)
    _chains(base, head, known, result)
    _centre(base, head, result)


def _unreadable(base: Side, head: Side, name: str, result: Diff) -> bool:
    for side in (base, head):
        if name in side.unreadable:
            result.changes.append(unreadable(side, name, "file", name, name))
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
                line_of(source, (*prefix, key)),
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
    "correction_basis": "补正告知依据",
}
"""Fields of centre.yaml compared one by one; ``calendar`` is summarised by year."""


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
                    line_of(source, (key, order.index(ident))),
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
                    line_of(base.catalogue.sources.get(file), (key,)),
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


def _laws(base: Side, head: Side, result: Diff, as_of: date | None) -> None:
    if _unreadable(base, head, "laws.yaml", result):
        return
    source, pairs = _keyed(
        "law", "laws.yaml", "laws", base.catalogue.laws, head.catalogue.laws, base, head, result
    )
    checks = {"repealed": "law-repealed", "effective": "law-effective-changed"}
    for ident, before, after, prefix in pairs:
        assert isinstance(before, Law) and isinstance(after, Law)
        if before.repealed != after.repealed:
            line = line_of(source, (*prefix, "repealed"))
            _repealed(head, ident, after, line, result, as_of)
            before = before.model_copy(update={"repealed": after.repealed})
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


def citing(side: Side, law_id: str) -> list[LoadedItem]:
    """Every item of ``side`` citing the law anywhere (basis, condition, limit, fee)."""
    found = []
    for item_id in sorted(side.item_ids()):
        relative = side.skipped.get(item_id)
        if relative is not None and side.root is not None:
            text = (side.root / relative).read_text(encoding="utf-8", errors="replace")
            if law_id not in text:
                continue  # cheap: most skipped files do not mention the law at all
        loaded = side.item(item_id)
        if loaded is not None and law_id in laws_cited(loaded):
            found.append(loaded)
    return found


def laws_cited(loaded: LoadedItem) -> set[str]:
    item = loaded.item
    laws = [b.law for b in item.basis]
    laws += [c.basis.law for c in item.conditions if c.basis]
    laws += [
        lim.basis.law for lim in (item.time_limit.statutory, item.time_limit.promised) if lim.basis
    ]
    laws += [p.basis.law for p in item.special_procedures if p.basis]
    if not isinstance(item.fees, str):
        laws += [f.basis.law for f in item.fees]
    return set(laws)


def _repealed(
    head: Side, ident: str, law: Law, line: int, result: Diff, as_of: date | None
) -> None:
    """``law-repealed`` naming every item that cites the law (so every guide to re-base)."""
    items = citing(head, ident)
    if law.repealed is None:
        text = f"《{law.title}》:撤销废止日期"
    else:
        verb = repeal_verb(law.repealed, as_of)
        text = f"《{law.title}》{verb} {law.repealed.isoformat()} 废止"
    successor = head.catalogue.laws.get(law.replaced_by or "")
    if law.repealed is not None and successor is not None:
        text += f",由《{successor.title}》取代"
    if items:
        names = "、".join(f"{i.item.name}({i.id})" for i in items)
        text += f";引用它的 {len(items)} 个事项须另找依据:{names}"
    elif law.repealed is not None:
        text += ";没有事项引用它"
    old = None
    result.changes.append(
        Change("law-repealed", "law", ident, f"《{law.title}》", "废止日期", old,
               law.repealed.isoformat() if law.repealed else None, text,
               head.file("laws.yaml"), line)
    )  # fmt: skip


def _chains(base: Side, head: Side, known: Context, result: Diff) -> None:
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
        found: list[tuple[str, str, str, str]] = [
            (label, show(getattr(before, key)), show(getattr(after, key)), key)
            for key, label in (("name", "名称"), ("description", "说明"))
            if getattr(before, key) != getattr(after, key)
        ]
        if before.bundle != after.bundle:
            old, new = _bundle(before, known), _bundle(after, known)
            if old == new:  # only the note changed: show the note
                old = show(before.bundle.note if before.bundle else None)
                new = show(after.bundle.note if after.bundle else None)
            found.append(("一件事", old, new, "bundle" if after.bundle else "name"))
        if before.stages != after.stages:
            found.append(("阶段", _stages(before, known), _stages(after, known), "stages"))
        result.changes.extend(
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
                line_of(source, (*prefix, key)),
            )
            for label, old, new, key in found
        )


def _bundle(chain: Chain, known: Context) -> str:
    """What the public sees of a bundle: its lead department and window (or none)."""
    if chain.bundle is None:
        return "(不是一件事)"
    lead = known.departments.get(chain.bundle.lead, chain.bundle.lead)
    return f"牵头部门 {lead}" + (f"、{chain.bundle.window}" if chain.bundle.window else "")


def _stages(chain: Chain, known: Context) -> str:
    def item(ident: str) -> str:
        name = known.items.get(ident)
        return f"{name}({ident})" if name else ident

    return " → ".join(f"{s.name}({'、'.join(map(item, s.items))})" for s in chain.stages)


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
    _calendar(before, after, head, result)


def _calendar(before: Centre, after: Centre, head: Side, result: Diff) -> None:
    """``calendar-changed``: which years of the working calendar came, went or changed
    (every 工作日 ↔ 自然日 comparison moves with it; ``check`` validates the dates)."""
    old = {entry.year: entry for entry in before.calendar}
    new = {entry.year: entry for entry in after.calendar}
    parts = [f"新增 {y} 年" for y in sorted(new.keys() - old.keys())]
    parts += [f"修改 {y} 年" for y in sorted(old.keys() & new.keys()) if old[y] != new[y]]
    parts += [f"删除 {y} 年" for y in sorted(old.keys() - new.keys())]
    if not parts:
        return
    text = "中心:工作日历(法定节假日和调休)" + "、".join(parts)
    source = head.catalogue.sources.get("centre.yaml")
    result.changes.append(
        Change("calendar-changed", "centre", "centre", "中心", "工作日历",
               "、".join(map(str, sorted(old))) or None, "、".join(map(str, sorted(new))) or None,
               text, head.file("centre.yaml"), line_of(source, ("calendar",)))
    )  # fmt: skip
