"""Helpers shared by the 情形引导 rules (``situations`` and ``answersets``).

They read partial items too: a flow whose questions did not all validate, or whose
references are broken, is left to the rules that report those problems.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..catalogue.answers import AnswerSet, TooMany, answer_sets, labels
from ..catalogue.models import Item
from ..catalogue.situations import Question
from ..catalogue.sources import DataPath
from ._common import has

SECTIONS = ("conditions", "materials", "fees", "steps")
"""The lists whose entries may carry ``answers``."""

Refs = dict[str, str | list[str]]


def questions(item: Item) -> list[Question] | None:
    """The questions, if there are some and every one validated completely."""
    found = getattr(item, "situations", None)
    if not found:
        return None
    for q in found:
        if not has(q, "id", "question", "multiple", "options"):
            return None
        if not all(has(o, "id", "label", "opens") for o in q.options):
            return None
    return list(found)


def conditional(item: Item) -> Iterator[tuple[DataPath, object, Refs]]:
    """Every entry with structured ``answers``, with its data path."""
    for section in SECTIONS:
        entries = getattr(item, section, None)
        if not isinstance(entries, list):
            continue
        for index, entry in enumerate(entries):
            refs = getattr(entry, "answers", None) if has(entry, "answers") else None
            if refs:
                yield (section, index), entry, refs


def listed(wanted: str | list[str]) -> list[str]:
    return [wanted] if isinstance(wanted, str) else list(wanted)


def sound(item: Item, found: list[Question]) -> bool:
    """Whether every id is unique and every reference resolves (else other rules say so
    and the answer-set rules, which would reason on nonsense, stay quiet)."""
    options = {q.id: {o.id for o in q.options} for q in found}
    if len(options) != len(found):
        return False
    if any(len(options[q.id]) != len(q.options) for q in found):
        return False
    if any(t not in options for q in found for o in q.options for t in o.opens):
        return False
    for _, _, refs in conditional(item):
        for question, wanted in refs.items():
            if question not in options or not set(listed(wanted)) <= options[question]:
                return False
    return True


def flow(item: Item) -> tuple[list[Question], list[AnswerSet]] | None:
    """The questions and every answer set, when the flow can be reasoned about."""
    found = questions(item)
    if found is None or not sound(item, found):
        return None
    try:
        return found, answer_sets(found)
    except TooMany:
        return None


def describe(answer_set: AnswerSet, found: list[Question]) -> str:
    """``出厂检验由谁进行?自行检验;是否使用自备水源?否`` for a message."""
    return ";".join(f"{q}{a}" for q, a in labels(answer_set, found)) or "(无问题)"
