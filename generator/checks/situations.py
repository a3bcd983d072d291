"""情形引导 (situations): the questions are well formed and every reference resolves.

An item's ``situations`` are the questions an applicant answers to get a tailored list;
``answers`` on a material, condition, fee or step says which answers include it.  These
rules check the flow's shape and its references; ``answersets`` proves the lists it
gives.  The YAML is described in ``docs/catalogue.md`` (情形引导).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..catalogue.diagnostics import Diagnostic, Severity
from ..catalogue.loaded import LoadedItem
from ..catalogue.sources import DataPath, SourceMap
from . import RULES, CheckContext, rule
from ._common import has
from ._flow import conditional, listed, questions


def _at(
    source: SourceMap, code: str, path: DataPath, message: str, *, key: bool = False
) -> Diagnostic:
    return source.diagnostic(code, RULES[code].severity, path, message, key=key)


@rule("sit-duplicate-id", Severity.ERROR)
def unique_ids(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """Question ids are unique within an item, option ids within their question: the
    ``answers`` of materials and the shared links (``?情形=agent.self``) name them.

    Passing:
        situations:
          - id: agent
            question: 是否委托他人代为办理?
            options:
              - {id: self, label: 本人办理}
              - {id: entrust, label: 委托他人办理}

    Failing:
        situations:
          - id: agent
            question: 是否委托他人代为办理?
            options:
              - {id: self, label: 本人办理}
              - {id: self, label: 委托他人办理}
    """
    seen: set[str] = set()
    for qi, question in enumerate(getattr(loaded.item, "situations", ())):
        if has(question, "id"):
            if question.id in seen:
                yield _at(
                    loaded.source,
                    "sit-duplicate-id",
                    ("situations", qi, "id"),
                    f"问题 id“{question.id}”与前面的问题重复;请改用不同的 id。",
                )
            seen.add(question.id)
        options: set[str] = set()
        for oi, option in enumerate(getattr(question, "options", ())):
            if has(option, "id"):
                if option.id in options:
                    yield _at(
                        loaded.source,
                        "sit-duplicate-id",
                        ("situations", qi, "options", oi, "id"),
                        f"选项 id“{option.id}”在本问题中重复;请改用不同的 id。",
                    )
                options.add(option.id)


@rule("sit-options", Severity.ERROR)
def enough_options(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A question offers at least two options: with one there is nothing to choose (drop
    the question and include its materials always).

    Passing:
        options:
          - {id: own, label: 使用自备水源}
          - {id: tap, label: 使用市政供水}

    Failing:
        options:
          - {id: own, label: 使用自备水源}
    """
    for qi, question in enumerate(getattr(loaded.item, "situations", ())):
        if has(question, "options") and len(question.options) < 2:
            yield _at(
                loaded.source,
                "sit-options",
                ("situations", qi, "options"),
                f"问题只有 {len(question.options)} 个选项,无从选择;请至少列出两个选项,"
                "或删除这个问题。",
            )


@rule("sit-unknown-question", Severity.ERROR)
def known_questions(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """``answers`` and ``opens`` name questions of this item's ``situations``.

    Passing:
        situations:
          - id: water
            ...
        materials:
          - name: 生产用水水质检验报告
            answers: {water: own}

    Failing:
        materials:
          - name: 生产用水水质检验报告
            answers: {waters: own}     # 没有 id 为 waters 的问题
    """
    found = getattr(loaded.item, "situations", None)
    if found is None or not all(has(q, "id") for q in found):
        return
    ids = {q.id for q in found}
    known = "、".join(sorted(ids)) or "(本事项没有 situations)"
    for path, _, refs in conditional(loaded.item):
        for question in refs:
            if question not in ids:
                yield _at(
                    loaded.source,
                    "sit-unknown-question",
                    (*path, "answers", question),
                    f"answers 中的问题“{question}”不存在;本事项的问题有:{known}。",
                    key=True,
                )
    for qi, question in enumerate(found):
        for oi, option in enumerate(getattr(question, "options", ())):
            for ti, target in enumerate(getattr(option, "opens", ())):
                if target not in ids:
                    yield _at(
                        loaded.source,
                        "sit-unknown-question",
                        ("situations", qi, "options", oi, "opens", ti),
                        f"opens 中的问题“{target}”不存在;本事项的问题有:{known}。",
                    )


@rule("sit-unknown-option", Severity.ERROR)
def known_options(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """Each option named in ``answers`` is an option of the question it is given for.

    Passing:
        answers: {inspect: entrust}

    Failing:
        answers: {inspect: outsource}     # 问题 inspect 没有这个选项
    """
    found = questions(loaded.item)
    if found is None:
        return
    options = {q.id: [o.id for o in q.options] for q in found}
    for path, _, refs in conditional(loaded.item):
        for question, wanted in refs.items():
            if question not in options:
                continue
            for index, option in enumerate(listed(wanted)):
                if option not in options[question]:
                    where = (*path, "answers", question)
                    yield _at(
                        loaded.source,
                        "sit-unknown-option",
                        where if isinstance(wanted, str) else (*where, index),
                        f"问题“{question}”没有选项“{option}”;可选:{'、'.join(options[question])}。",
                    )


@rule("sit-order", Severity.ERROR)
def follow_ups_later(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A follow-up question is listed after the question whose option opens it: questions
    are asked in order, so an earlier one could never be opened (and a question cannot
    open itself).

    Passing:
        situations:
          - id: inspect
            options:
              - {id: entrust, label: 委托检验, opens: [lab]}
              - ...
          - id: lab
            ...

    Failing:
        situations:
          - id: lab
            ...
          - id: inspect
            options:
              - {id: entrust, label: 委托检验, opens: [lab]}
    """
    found = questions(loaded.item)
    if found is None:
        return
    position = {q.id: i for i, q in enumerate(found)}
    for qi, question in enumerate(found):
        for oi, option in enumerate(question.options):
            for ti, target in enumerate(option.opens):
                if target in position and position[target] <= qi:
                    yield _at(
                        loaded.source,
                        "sit-order",
                        ("situations", qi, "options", oi, "opens", ti),
                        f"追问“{target}”排在问题“{question.id}”之前(或就是它本身),"
                        "永远不会被问到;请把追问移到本问题之后。",
                    )


@rule("sit-question-unused", Severity.WARNING)
def questions_used(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A question matters: some ``answers`` names it, or one of its options opens a
    follow-up.  Otherwise every answer gives the same list and the question only costs
    the applicant time.

    Passing:
        situations:
          - id: agent
            ...
        materials:
          - name: 授权委托书
            answers: {agent: entrust}

    Failing:
        situations:
          - id: agent      # 没有材料、条件、收费或环节引用它
            ...
    """
    found = questions(loaded.item)
    if found is None:
        return
    named = {question for _, _, refs in conditional(loaded.item) for question in refs}
    for qi, question in enumerate(found):
        if question.id not in named and not any(o.opens for o in question.options):
            yield _at(
                loaded.source,
                "sit-question-unused",
                ("situations", qi, "id"),
                f"问题“{question.id}”的回答不影响任何材料、条件、收费或环节;"
                "请在相关材料的 answers 中引用它,或删除这个问题。",
            )
