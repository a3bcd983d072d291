"""The rules with numbers: time limits, special procedures and fees.

Limits compare days only in the same unit (工作日 ↔ 自然日 cannot be compared and is
flagged as changed); fee standards are free text, so "raised" means every amount in it
went up and anything else unclear is ``fee-changed``, which the legal office reads.
"""

from __future__ import annotations

import re

from ..catalogue.models import FREE, DayUnit, Fee, TimeLimit
from ..catalogue.sources import DataPath
from .findings import Recorder, show
from .matching import match

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
        text += _in_calendar_days(d, before, after)
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
    figure = f"{name}_days" if after.unit is DayUnit.WORKING else f"{name}_calendar_days"
    setattr(d.burden, figure, getattr(d.burden, figure) + delta)
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


def _in_calendar_days(d: Recorder, before: TimeLimit, after: TimeLimit) -> str:
    """(14 个工作日按 2026 年工作日历相当于 18 至 26 个自然日): what a unit change means,
    on the calendar of the diff's year; nothing when the calendar lacks that year."""
    cal, as_of = d.context.calendar, d.context.as_of
    working = after if after.unit is DayUnit.WORKING else before
    if cal is None or as_of is None or as_of.year not in cal.years or working.days <= 0:
        return ""
    shortest, _ = cal.shortest(working.days, as_of.year)
    longest, _ = cal.longest(working.days, as_of.year)
    return (
        f"({working.days} 个工作日按 {as_of.year} 年工作日历相当于 {shortest} 至 {longest} "
        "个自然日,视受理日期而定)"
    )


def special_procedures(d: Recorder) -> None:
    old, new = d.old.special_procedures, d.new.special_procedures
    m = match(old, new, key=lambda p: p.name, text=lambda p: p.name)
    for i, j in m.pairs:
        before, proc = old[i], new[j]
        path: DataPath = ("special_procedures", j)
        longer = proc.days > before.days and proc.unit == before.unit
        check = "special-procedure-added" if longer else "special-procedure-changed"
        if before.name != proc.name:
            d.add(check if longer else "special-procedure-changed", "特别程序", before.name,
                  proc.name, f"特别程序更名 {before.name} → {proc.name}", path)  # fmt: skip
        if (before.days, before.unit) != (proc.days, proc.unit):
            d.add(
                check,
                "特别程序",
                f"{before.days} 个{before.unit.value}",
                f"{proc.days} 个{proc.unit.value}",
                f"特别程序 {proc.name} 最长 {before.days} 个{before.unit.value} → "
                f"{proc.days} 个{proc.unit.value}",
                path,
            )
        if before.note != proc.note or before.kind != proc.kind:
            d.changed("special-procedure-changed", f"特别程序 {proc.name}:说明", before.note,
                      proc.note, path)  # fmt: skip
        d.citation("特别程序依据", before.basis, proc.basis, (*path, "basis"))
    for j in m.added:
        proc = new[j]
        d.add(
            "special-procedure-added",
            "特别程序",
            None,
            proc.name,
            f"新增特别程序 {proc.name}(最长 {proc.days} 个{proc.unit.value})",
            ("special_procedures", j),
        )
    for i in m.removed:
        d.add("special-procedure-removed", "特别程序", old[i].name, None,
              f"删除特别程序 {old[i].name}", ("special_procedures",))  # fmt: skip


def fee_details(d: Recorder, fee: Fee, *, standard: bool = True) -> str:
    """What the legal office checks of every fee: standard, basis, 批准机关, licence."""
    licence = fee.licence or "未填写"
    text = f"依据 {d.law(fee.basis)};批准机关 {fee.approved_by};收费许可证 {licence}"
    return f"标准 {fee.standard};{text}" if standard else text


def _added(d: Recorder, fee: Fee, index: int) -> None:
    d.burden.fees_added += 1
    d.add(
        "fee-added",
        "收费",
        None,
        f"{fee.name}({fee.standard})",
        f"新增收费 {fee.name}({fee_details(d, fee)})",
        ("fees", index),
    )
    d.repealed(fee.basis, "收费依据", ("fees", index, "basis"))


def fees(d: Recorder) -> None:
    old = _fee_list(d.old.fees)
    new = _fee_list(d.new.fees)
    if isinstance(old, str) or isinstance(new, str):
        _fee_text(d, old, new)
        return
    m = match(old, new, key=lambda f: f.name, text=lambda f: f.name)
    for i, j in m.pairs:
        before, fee = old[i], new[j]
        path: DataPath = ("fees", j)
        if before.name != fee.name:
            d.add("fee-changed", "收费项目", before.name, fee.name,
                  f"收费项目更名 {before.name} → {fee.name}({fee_details(d, fee)})",
                  (*path, "name"))  # fmt: skip
        if before.standard != fee.standard:
            check = _fee_direction(before.standard, fee.standard)
            if check == "fee-raised":
                d.burden.fees_raised += 1
            elif check == "fee-lowered":
                d.burden.fees_lowered += 1
            details = "" if check == "fee-lowered" else f"({fee_details(d, fee, standard=False)})"
            d.add(
                check,
                "收费标准",
                before.standard,
                fee.standard,
                f"收费标准 {fee.name}:{before.standard} → {fee.standard}{details}",
                (*path, "standard"),
            )
        if before.basis != fee.basis:
            d.citation("收费依据", before.basis, fee.basis, (*path, "basis"))
        for name, label in (
            ("approved_by", "批准机关"),
            ("licence", "收费许可证"),
            ("answers", "适用回答"),
        ):
            if getattr(before, name) != getattr(fee, name):
                d.add(
                    "fee-changed",
                    label,
                    getattr(before, name),
                    getattr(fee, name),
                    f"收费 {fee.name}:{label} {show(getattr(before, name))} → "
                    f"{show(getattr(fee, name))}",
                    (*path, name),
                )
    for j in m.added:
        _added(d, new[j], j)
    for i in m.removed:
        fee = old[i]
        d.burden.fees_removed += 1
        d.add("fee-removed", "收费", f"{fee.name}({fee.standard})", None,
              f"取消收费 {fee.name}", ("fees",))  # fmt: skip


def _fee_text(d: Recorder, old: list[Fee] | str, new: list[Fee] | str) -> None:
    """Free text other than 不收费 on one side: compare as text; new fee lines count."""
    before = old if isinstance(old, str) else "、".join(f"{f.name}({f.standard})" for f in old)
    after = new if isinstance(new, str) else "、".join(f"{f.name}({f.standard})" for f in new)
    if isinstance(new, list):
        for index, fee in enumerate(new):
            _added(d, fee, index)
    else:
        d.add(
            "fee-changed",
            "收费",
            before,
            after,
            f"收费 {before} → {after}",
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
