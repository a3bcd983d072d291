"""The rules with numbers: time limits, special procedures and fees.

Limits compare days only in the same unit (工作日 ↔ 自然日 cannot be compared and is
flagged as changed); fee standards are free text, so "raised" means every amount in it
went up and anything else unclear is ``fee-changed``, which the legal office reads.
"""

from __future__ import annotations

import re

from ..catalogue.models import FREE, Fee, SpecialProcedure, TimeLimit
from ..catalogue.sources import DataPath
from .findings import Recorder, show

_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def time_limits(d: Recorder) -> None:
    limits = (("statutory", "法定时限"), ("promised", "承诺时限"))
    for name, label in limits:
        before: TimeLimit = getattr(d.old.time_limit, name)
        after: TimeLimit = getattr(d.new.time_limit, name)
        path: DataPath = ("time_limit", name)
        if before.days != after.days or before.unit != after.unit:
            _limit(d, name, label, before, after, path)
        if before.basis != after.basis:
            d.citation(f"{label}依据", before.basis, after.basis, (*path, "basis"))
        if before.note != after.note:
            d.add(
                "field-changed",
                f"{label}说明",
                before.note,
                after.note,
                f"{label}说明 {show(before.note)} → {show(after.note)}",
                (*path, "note"),
            )


def _limit(
    d: Recorder, name: str, label: str, before: TimeLimit, after: TimeLimit, path: DataPath
) -> None:
    if before.unit != after.unit:
        text = f"{label} {before.days} 个{before.unit.value} → {after.days} 个{after.unit.value}"
        d.add(
            f"{name}-limit-changed",
            label,
            f"{before.days} 个{before.unit.value}",
            f"{after.days} 个{after.unit.value}",
            text,
            path,
        )
        return
    delta = after.days - before.days
    setattr(d.burden, f"{name}_days", getattr(d.burden, f"{name}_days") + delta)
    check = f"{name}-limit-raised" if delta > 0 else f"{name}-limit-lowered"
    unit = after.unit.value
    d.add(
        check,
        label,
        f"{before.days} 个{unit}",
        f"{after.days} 个{unit}",
        f"{label} {before.days} → {after.days} 个{unit}",
        (*path, "days"),
    )


def special_procedures(d: Recorder) -> None:
    def key(p: SpecialProcedure) -> str:
        return p.name

    old = {key(p): p for p in d.old.special_procedures}
    new_names = {key(p) for p in d.new.special_procedures}
    for index, proc in enumerate(d.new.special_procedures):
        before = old.get(key(proc))
        if before is None:
            d.add(
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
            d.add(
                check,
                "特别程序",
                f"{before.days} 个{before.unit.value}",
                f"{proc.days} 个{proc.unit.value}",
                f"特别程序 {proc.name} 最长 {before.days} → {proc.days} 个{proc.unit.value}",
                ("special_procedures", index),
            )
    for proc in d.old.special_procedures:
        if key(proc) not in new_names:
            d.add(
                "special-procedure-removed",
                "特别程序",
                proc.name,
                None,
                f"删除特别程序 {proc.name}",
                ("special_procedures",),
            )


def fees(d: Recorder) -> None:
    old = _fee_list(d.old.fees)
    new = _fee_list(d.new.fees)
    if isinstance(old, str) or isinstance(new, str):
        _fee_text(d, old, new)
        return
    before_by_name = {f.name: f for f in old}
    for index, fee in enumerate(new):
        before = before_by_name.get(fee.name)
        path: DataPath = ("fees", index)
        if before is None:
            d.burden.fees_added += 1
            d.add(
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
                d.burden.fees_raised += 1
            elif check == "fee-lowered":
                d.burden.fees_lowered += 1
            d.add(
                check,
                "收费标准",
                before.standard,
                fee.standard,
                f"收费标准 {fee.name}:{before.standard} → {fee.standard}",
                (*path, "standard"),
            )
        if before.basis != fee.basis:
            d.citation("收费依据", before.basis, fee.basis, (*path, "basis"))
        for name, label in (("approved_by", "批准机关"), ("licence", "收费许可证")):
            if getattr(before, name) != getattr(fee, name):
                d.add(
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
            d.burden.fees_removed += 1
            d.add(
                "fee-removed",
                "收费",
                f"{fee.name}({fee.standard})",
                None,
                f"取消收费 {fee.name}",
                ("fees",),
            )


def _fee_text(d: Recorder, old: list[Fee] | str, new: list[Fee] | str) -> None:
    """Free text other than 不收费 on one side: compare as text; new fee lines count."""
    before = old if isinstance(old, str) else "、".join(f"{f.name}({f.standard})" for f in old)
    after = new if isinstance(new, str) else "、".join(f"{f.name}({f.standard})" for f in new)
    if isinstance(new, list):
        d.burden.fees_added += len(new)
        for index, fee in enumerate(new):
            d.add(
                "fee-added",
                "收费",
                None,
                f"{fee.name}({fee.standard})",
                f"新增收费 {fee.name}({fee.standard})",
                ("fees", index),
            )
    else:
        d.add(
            "fee-changed",
            "收费",
            before,
            after,
            f"收费 {show(before)} → {show(after)}",
            ("fees",),
        )


def _fee_list(value: list[Fee] | str) -> list[Fee] | str:
    return [] if value == FREE else value


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
