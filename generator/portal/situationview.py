"""The 情形引导 of an item guide and its notice sheet: labels for every reader, data for the script.

Without JavaScript a guide shows every material with the answers that include it ("适用
情形:卖方是个人还是单位?个人"); with it, ``situations.js`` asks the questions one at a time
and shows only the materials of the applicant's answers.  The script reads the flow from
a JSON data block (``<script type="application/json">``, never executed, so the
Content-Security-Policy allows it): questions, options, follow-ups, and for every material
its ``answers`` and alternative group.  Everything else it shows is already in the page.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from markupsafe import Markup

from ..catalogue.answers import (
    NONE,
    Conditional,
    TooMany,
    answer_sets,
    grouped,
    is_exempt,
    tailored,
    to_bring,
)
from ..catalogue.models import Fee, Item, ParallelSteps, Step
from ..catalogue.situations import Question

PARAMETER = "情形"
"""The query parameter holding the answers: ``?情形=seller.person,marriage.single``."""


@dataclass(frozen=True)
class SituationView:
    questions: tuple[Question, ...]
    labels: tuple[str, ...]
    """Per material (in order): the answers that include it, "" when every answer does."""
    alternatives: tuple[str, ...]
    """Per material: "以下任选其一" with the other members' numbers, or ""."""
    entries: tuple[tuple[int, ...], ...]
    """The tailored list's entries: a material's number, or an alternative group's."""
    exempt_entries: tuple[tuple[int, ...], ...]
    """The entries the window fetches itself (免提交), listed once after the list."""
    data: Markup
    """The JSON data block's body (``<`` escaped, so it cannot end the element)."""
    sets: int
    fewest: int
    most: int
    conditions: tuple[str, ...] = ()
    """Per condition, fee (list form) and step (flattened as the guide numbers them, 3.1,
    3.2 …): the answers that include it, "" when every answer does."""
    fees: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()


def _condition(entry: Conditional, questions: dict[str, Question]) -> str:
    wanted = entry.answers
    if not wanted:
        return ""
    parts = []
    for question_id, options in wanted.items():
        question = questions.get(question_id)
        if question is None:  # only in a build without check (it reports the reference)
            continue
        ids = [options] if isinstance(options, str) else options
        labels = [o.label for o in question.options if o.id in ids]
        parts.append(f"{question.question}{'或'.join(labels)}")
    return ";".join(parts)


def _alternatives(item: Item) -> tuple[str, ...]:
    numbers = {id(m): n for n, m in enumerate(item.materials, start=1)}
    out = {}
    for group in grouped(item.materials):
        if len(group) < 2:
            continue
        members = [numbers[id(m)] for m in group]
        for material in group:
            others = "、".join(f"第 {n} 项" for n in members if n != numbers[id(material)])
            out[numbers[id(material)]] = f"以下任选其一:本项或{others}"
    return tuple(out.get(n, "") for n in range(1, len(item.materials) + 1))


def _entries(item: Item, exempt: bool) -> tuple[tuple[int, ...], ...]:
    numbers = {id(m): n for n, m in enumerate(item.materials, start=1)}
    return tuple(
        tuple(numbers[id(m)] for m in group)
        for group in grouped(item.materials)
        if is_exempt(group) == exempt
    )


def _steps(item: Item) -> list[Step]:
    """Steps in the guide's order: a parallel block's branches in place."""
    return [s for e in item.steps for s in (e.parallel if isinstance(e, ParallelSteps) else [e])]


def _fees(item: Item) -> list[Fee]:
    return [] if isinstance(item.fees, str) else list(item.fees)


def _data(item: Item) -> str:
    payload = {
        "parameter": PARAMETER,
        "none": NONE,
        "questions": [q.model_dump(mode="json") for q in item.situations],
        "materials": [
            {"answers": m.answers or {}, "group": m.one_of, "exempt": m.exempt is not None}
            for m in item.materials
        ],
        "conditions": [c.answers or {} for c in item.conditions],
        "fees": [f.answers or {} for f in _fees(item)],
        "steps": [s.answers or {} for s in _steps(item)],
    }
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def situation_view(item: Item) -> SituationView | None:
    """The view of an item with ``situations`` (None without: the guide is as before).
    Only called on a checked catalogue, so every reference resolves."""
    if not item.situations:
        return None
    by_id = {q.id: q for q in item.situations}
    try:
        counts = [len(to_bring(tailored(item, s))) for s in answer_sets(item.situations)]
    except (TooMany, KeyError):  # a build without check (sit-too-many, sit-unknown-*)
        counts = [0]
    return SituationView(
        questions=tuple(item.situations),
        labels=tuple(_condition(m, by_id) for m in item.materials),
        alternatives=_alternatives(item),
        entries=_entries(item, exempt=False),
        exempt_entries=_entries(item, exempt=True),
        data=Markup(_data(item)),
        sets=len(counts),
        fewest=min(counts),
        most=max(counts),
        conditions=tuple(_condition(c, by_id) for c in item.conditions),
        fees=tuple(_condition(f, by_id) for f in _fees(item)),
        steps=tuple(_condition(s, by_id) for s in _steps(item)),
    )
