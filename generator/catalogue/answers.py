"""Answer sets of an item's 情形引导 and the tailored lists they select.

Questions are asked in the order they are listed.  A question that some option opens is a
follow-up: it is asked only when one of its opening options was chosen earlier.  A single
choice question takes exactly one option; a multiple choice question any subset (none
included).  An *answer set* is one complete path through the questions: the asked
questions in order, each with the options chosen.

An entry (material, condition, fee, step) with ``answers`` applies when every question it
names was asked and one of the listed options chosen; without ``answers`` it always
applies.  The answers of a set go into the guide page's address as ``q.o,q.o2`` (``q.-``
for a multiple choice question answered with none), so a link can be shared.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import combinations
from typing import Protocol, TypeVar

from .models import Item, Material
from .situations import Question

LIMIT = 256
"""The most answer sets an item may have: beyond this, the flow is too big to prove (and
to answer); ``check`` reports ``sit-too-many``."""

NONE = "-"
"""The option code of a multiple choice question answered with no option."""

Choice = tuple[str, frozenset[str]]
AnswerSet = tuple[Choice, ...]


class TooMany(Exception):
    """More than ``LIMIT`` answer sets."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"more than {limit} answer sets")
        self.limit = limit


class Conditional(Protocol):
    @property
    def answers(self) -> Mapping[str, str | list[str]] | None: ...


C = TypeVar("C", bound=Conditional)


def follow_ups(questions: Sequence[Question]) -> set[str]:
    """Ids of the questions some option opens (asked only after that option)."""
    return {target for q in questions for o in q.options for target in o.opens}


def _choices(question: Question) -> Iterator[frozenset[str]]:
    ids = [o.id for o in question.options]
    if not question.multiple:
        yield from (frozenset([i]) for i in ids)
        return
    for size in range(len(ids) + 1):
        yield from (frozenset(c) for c in combinations(ids, size))


def answer_sets(questions: Sequence[Question], limit: int = LIMIT) -> list[AnswerSet]:
    """Every answer set, in the order the questions and options are listed.

    Raises :class:`TooMany` as soon as there are more than ``limit``."""
    later = follow_ups(questions)
    out: list[AnswerSet] = []

    def walk(index: int, opened: frozenset[str], path: AnswerSet) -> None:
        if index == len(questions):
            out.append(path)
            if len(out) > limit:
                raise TooMany(limit)
            return
        question = questions[index]
        if question.id in later and question.id not in opened:
            walk(index + 1, opened, path)
            return
        opens = {o.id: o.opens for o in question.options}
        for chosen in _choices(question):
            more = frozenset(t for option in chosen for t in opens[option])
            walk(index + 1, opened | more, (*path, (question.id, chosen)))

    walk(0, frozenset(), ())
    return out


def applies(entry: Conditional, answer_set: AnswerSet) -> bool:
    """Whether ``entry`` applies under ``answer_set`` (always, without ``answers``)."""
    wanted = entry.answers
    if not wanted:
        return True
    chosen = dict(answer_set)
    for question, options in wanted.items():
        accepted = {options} if isinstance(options, str) else set(options)
        if not chosen.get(question, frozenset()) & accepted:
            return False
    return True


def select(entries: Iterable[C], answer_set: AnswerSet) -> list[C]:
    return [e for e in entries if applies(e, answer_set)]


def encode(answer_set: AnswerSet, questions: Sequence[Question]) -> str:
    """``inspect.entrust,water.own`` (options in their listed order)."""
    order = {q.id: [o.id for o in q.options] for q in questions}
    parts: list[str] = []
    for question, chosen in answer_set:
        picked = [o for o in order[question] if o in chosen] or [NONE]
        parts.extend(f"{question}.{o}" for o in picked)
    return ",".join(parts)


def labels(answer_set: AnswerSet, questions: Sequence[Question]) -> list[tuple[str, str]]:
    """(question, the chosen options' labels joined) for a check-your-answers summary."""
    by_id = {q.id: q for q in questions}
    out = []
    for question_id, chosen in answer_set:
        question = by_id[question_id]
        picked = [o.label for o in question.options if o.id in chosen]
        out.append((question.question, "、".join(picked) or "以上都不是"))
    return out


def grouped(materials: Sequence[Material]) -> list[list[Material]]:
    """Materials as the applicant counts them: each alternative group ("以下任选其一") is
    one entry, at the place of its first member; other materials stand alone."""
    out: list[list[Material]] = []
    groups: dict[str, list[Material]] = {}
    for material in materials:
        key = material.one_of
        if key is None:
            out.append([material])
        elif key in groups:
            groups[key].append(material)
        else:
            groups[key] = [material]
            out.append(groups[key])
    return out


def tailored(item: Item, answer_set: AnswerSet) -> list[list[Material]]:
    """The materials to bring under ``answer_set``, alternatives grouped."""
    return grouped(select(item.materials, answer_set))


def is_exempt(group: Sequence[Material]) -> bool:
    """Whether the window fetches this entry itself (免提交): a material declared
    ``exempt``.  ``check`` keeps exempt materials out of alternative groups
    (``mat-exempt-alternative``); in an unchecked build a group with one counts as
    fetched, since the applicant need then bring none of the others."""
    return any(m.exempt is not None for m in group)


def to_bring(groups: Sequence[list[Material]]) -> list[list[Material]]:
    """The entries of a tailored list the applicant brings: all but the 免提交 ones."""
    return [g for g in groups if not is_exempt(g)]
