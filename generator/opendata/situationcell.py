"""An item's 情形引导 in one cell of the tables: JSON, written by ``export``, read by ``import``.

The national 实施清单 tables have no field for questions and the answers that select
materials, and a tree does not fit rows; so the whole flow travels in one column of the
基本信息 row (``情形引导``), as compact JSON::

    {"questions": [{"id": "agent", "question": "…", "options": [{"id": "self", …}]}],
     "materials": {"3": {"answers": {"agent": "entrust"}}, "5": {"one_of": "family-proof"}},
     "conditions": {…}, "fees": {…}, "steps": {"2": {…}, "3.1": {…}}}

Positions are 1-based, as in the tables' 排序 column; ``3.1`` is the first of the
parallel steps at position 3.  An item without a flow leaves the cell empty.
"""

from __future__ import annotations

import json
from typing import Any

from ..catalogue.models import Item, ParallelSteps

Data = dict[str, Any]
SECTIONS = ("conditions", "materials", "fees")
KEYS = ("answers", "one_of")


def _extras(entry: object) -> Data:
    return {k: getattr(entry, k) for k in KEYS if getattr(entry, k, None) is not None}


def dump(item: Item) -> str | None:
    """The cell's text, or None when the item has no flow and no ``answers`` anywhere."""
    payload: Data = {}
    if item.situations:
        payload["questions"] = [
            q.model_dump(mode="json", exclude_defaults=True) for q in item.situations
        ]
    for section in SECTIONS:
        entries = getattr(item, section)
        if not isinstance(entries, list):
            continue
        found = {str(n): _extras(e) for n, e in enumerate(entries, 1) if _extras(e)}
        if found:
            payload[section] = found
    steps: Data = {}
    for n, entry in enumerate(item.steps, 1):
        if isinstance(entry, ParallelSteps):
            for m, step in enumerate(entry.parallel, 1):
                if _extras(step):
                    steps[f"{n}.{m}"] = _extras(step)
        elif _extras(entry):
            steps[str(n)] = _extras(entry)
    if steps:
        payload["steps"] = steps
    if not payload:
        return None
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def _entry(data: Data, section: str, position: str) -> Data | None:
    entries = data.get(section)
    if not isinstance(entries, list):
        return None
    first, _, second = position.partition(".")
    if not first.isdigit() or not 1 <= int(first) <= len(entries):
        return None
    entry = entries[int(first) - 1]
    if second:
        members = entry.get("parallel") if isinstance(entry, dict) else None
        if not second.isdigit() or not isinstance(members, list):
            return None
        if not 1 <= int(second) <= len(members):
            return None
        entry = members[int(second) - 1]
    return entry if isinstance(entry, dict) else None


def _ordered(entry: Data, after: tuple[str, ...]) -> Data:
    """``entry`` with the flow's keys placed in model order (right after ``after``'s last
    present key), so an imported file reads as staff write it."""
    extras = {k: entry.pop(k) for k in KEYS if k in entry}
    out: Data = {}
    placed = False
    keys = list(entry)
    last = max((keys.index(k) for k in after if k in entry), default=len(keys) - 1)
    for index, key in enumerate(keys):
        out[key] = entry[key]
        if index == last:
            out.update(extras)
            placed = True
    if not placed:
        out.update(extras)
    return out


# The keys an entry's ``answers`` / ``one_of`` follow, in model order.
_AFTER = {
    "conditions": ("text", "basis"),
    "materials": (
        "name",
        "necessity",
        "form",
        "copies",
        "medium",
        "source",
        "source_note",
        "blank_form",
        "sample",
        "when",
    ),
    "fees": ("name", "standard", "basis", "approved_by", "licence"),
    "steps": ("name", "kind", "post", "days", "description"),
}


def apply(text: str | None, data: Data) -> str | None:
    """Put the flow read from the cell into an imported item's ``data`` (in place).
    Returns a problem to report, or None."""
    if not text:
        return None
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        return f"情形引导栏不是有效的 JSON({exc.msg},第 {exc.pos + 1} 个字符)"
    if not isinstance(payload, dict):
        return "情形引导栏应为 JSON 对象"
    questions = payload.get("questions")
    if questions:
        items = list(data.items())
        at = next((i for i, (k, _) in enumerate(items) if k == "materials"), len(items))
        data.clear()
        data.update(items[:at])
        data["situations"] = questions
        data.update(items[at:])
    for section in (*SECTIONS, "steps"):
        found = payload.get(section) or {}
        if not isinstance(found, dict):
            return f"情形引导栏的 {section} 应为对象"
        for position, extras in found.items():
            entry = _entry(data, section, str(position))
            if entry is None or not isinstance(extras, dict):
                return f"情形引导栏引用了不存在的 {section} 第 {position} 项"
            entry.update({k: v for k, v in extras.items() if k in KEYS})
            reordered = _ordered(entry, _AFTER[section])
            entry.clear()
            entry.update(reordered)
    return None
