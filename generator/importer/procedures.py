"""Steps and special procedures: tables of this portal's export, prose in the national one.

The national 办理流程 and 特别程序 are free text; the catalogue needs each step's post and
days and each procedure's kind and maximum time, which prose does not give reliably, so
the prose is kept as a comment for a person to turn into fields.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import cells
from .choices import SPECIAL_KINDS, STEP_KINDS
from .context import Context
from .materials import pick
from .reading import Row

Data = dict[str, Any]


def _text(row: Row, key: str) -> str | None:
    return cells.text(row.values.get(key))


def whole_number(raw: cells.Raw) -> int | cells.Unreadable | None:
    """A count or a number of days: an integer, or the raw text refused."""
    if raw is None:
        return None
    value = cells.integer(raw)
    if value is None:
        return cells.Unreadable(str(raw), "import-limit-text", f"“{raw}”不是整数")
    return value


def steps(ctx: Context, row: Row, rows: list[Row], comments: list[str]) -> list[Data] | None:
    """The 办理流程 table's rows as steps (a 并联组 number makes a parallel group), or
    None and the prose kept as a comment when the sheet only has a 办理流程 text."""
    if not rows:
        flow = _text(row, "handle_flow")
        if flow:
            ctx.problems.at(
                row,
                "handle_flow",
                "import-text-kept",
                "办理流程只有文字,需按环节填写 steps(岗位、时限);原文已作为注释保留",
                warning=True,
            )
            comments.append(f"办理流程原文:{flow}")
        return None
    steps: list[Data] = []
    groups: dict[int, list[Data]] = {}
    for r in rows:
        step = {
            "name": _text(r, "name"),
            "kind": pick(ctx, r, "kind", STEP_KINDS, "环节类型"),
            "post": _text(r, "post"),
            "days": ctx.problems.read(r, "days", whole_number(r.values.get("days"))),
            "description": _text(r, "description"),
            "window": _text(r, "window"),
        }
        group = cells.integer(r.values.get("group"))
        if group is None:
            steps.append(step)
        elif group in groups:
            groups[group].append(step)
        else:
            groups[group] = [step]
            steps.append({"parallel": groups[group]})
    return steps


def special(
    ctx: Context,
    row: Row,
    rows: list[Row],
    comments: list[str],
    cited: Callable[[str], Data | None],
) -> list[Data]:
    """The 特别程序 table's rows; a 特别程序 text alone is kept as a comment."""
    text = _text(row, "special_procedure")
    if not rows and text and text not in ("无", "否"):
        ctx.problems.at(
            row,
            "special_procedure",
            "import-text-kept",
            "特别程序只有文字,需写明种类和最长时间;原文已作为注释保留",
            warning=True,
        )
        comments.append(f"特别程序原文:{text}")
    out = []
    for n, r in enumerate(rows, start=1):
        read = cells.limit(r.values.get("days"))
        days = ctx.problems.read(r, "days", read)
        out.append(
            {
                "kind": pick(ctx, r, "kind", SPECIAL_KINDS, "特别程序种类"),
                "name": _text(r, "name"),
                "days": days.days if isinstance(days, cells.Limit) else days,
                "unit": None if _text(r, "unit") in (None, "工作日") else _text(r, "unit"),
                "basis": cited(f"特别程序{n}"),
                "note": _text(r, "note"),
            }
        )
    return out
