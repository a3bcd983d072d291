"""情形引导 (answer sets): every path through the questions gives a sound material list.

These rules enumerate every answer set of an item (at most 256, see
``generator.catalogue.answers``) and prove what the applicant will be told: every question
and option can be reached, every material is asked for under some answers, no answers
lead to an empty list, and alternatives ("以下任选其一") always leave a choice.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..catalogue.answers import LIMIT, TooMany, answer_sets, applies, grouped, select
from ..catalogue.diagnostics import Diagnostic, Severity
from ..catalogue.loaded import LoadedItem
from ..catalogue.models import Kind
from ..catalogue.sources import SourceMap
from . import RULES, CheckContext, rule
from ._common import emit, has
from ._flow import conditional, describe, flow, questions, sound


def _heading(source: SourceMap, code: str, message: str) -> Diagnostic:
    """A problem of the whole flow, placed at the ``situations:`` key."""
    return source.diagnostic(code, RULES[code].severity, ("situations",), message, key=True)


@rule("sit-too-many", Severity.ERROR)
def bounded(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """An item has at most 256 answer sets.  Beyond that the flow cannot be proved here
    and is too long for an applicant: split a question, or make a multiple choice
    question (2 to the power of its options) a few single choice ones.

    Passing:
        situations:     # 3 个单选问题,每个 2 个选项:8 种回答组合
          - ...

    Failing:
        situations:     # 1 个 9 个选项的多选问题:512 种回答组合
          - id: scope
            multiple: true
            options: [...]
    """
    found = questions(loaded.item)
    if found is None or not sound(loaded.item, found):
        return
    try:
        answer_sets(found)
    except TooMany:
        yield _heading(
            loaded.source,
            "sit-too-many",
            f"问题的回答组合超过 {LIMIT} 种,无法逐一核对,群众也难以回答;"
            "请减少问题或选项(多选题的组合数是 2 的选项数次方)。",
        )


@rule("sit-unreachable", Severity.ERROR)
def reachable(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """Every question is asked, and every option chosen, under at least one answer set.
    A follow-up is asked only after an option that opens it; one whose openers are never
    reached is never asked.

    Passing:
        situations:
          - id: inspect
            options:
              - {id: entrust, label: 委托检验, opens: [lab]}
              - {id: self, label: 自行检验}
          - id: lab
            ...

    Failing:
        situations:
          - id: lab        # 排在打开它的问题之前,永远问不到(另见 sit-order)
            ...
          - id: inspect
            options:
              - {id: entrust, label: 委托检验, opens: [lab]}
    """
    proved = flow(loaded.item)
    if proved is None:
        return
    found, sets = proved
    chosen = {(q, o) for answer_set in sets for q, options in answer_set for o in options}
    asked = {q for answer_set in sets for q, _ in answer_set}
    for qi, question in enumerate(found):
        if question.id not in asked:
            yield emit(
                loaded.source,
                "sit-unreachable",
                ("situations", qi, "id"),
                f"问题“{question.id}”在任何回答下都不会被问到;"
                "请检查打开它的选项(opens)和问题的顺序。",
            )
            continue
        for oi, option in enumerate(question.options):
            if (question.id, option.id) not in chosen:
                yield emit(
                    loaded.source,
                    "sit-unreachable",
                    ("situations", qi, "options", oi, "id"),
                    f"选项“{option.id}”在任何回答下都不会被选到。",
                )


@rule("sit-never", Severity.ERROR)
def included_somewhere(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """Every material (condition, fee, step) with ``answers`` is included under at least
    one answer set.  An entry whose ``answers`` no path satisfies (a follow-up's option
    together with an option that does not open it) is never shown to anyone.

    Passing:
        answers: {inspect: entrust, lab: outside}     # lab 由 inspect: entrust 打开

    Failing:
        answers: {inspect: self, lab: outside}        # 选 self 时不会追问 lab
    """
    proved = flow(loaded.item)
    if proved is None:
        return
    _, sets = proved
    for path, entry, _ in conditional(loaded.item):
        if not any(applies(entry, s) for s in sets):  # type: ignore[arg-type]
            yield emit(
                loaded.source,
                "sit-never",
                (*path, "answers"),
                "在任何回答下都不会列出这一项(answers 中的条件不可能同时满足);"
                "请检查问题和追问的关系。",
            )


@rule("sit-none", Severity.ERROR)
def never_empty(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """Under every answer set at least one material is asked for (unless the item is an
    即办件, which may need none, as ``mat-empty`` allows).  Reported once, with the first
    such answers and how many there are.

    Passing:
        materials:
          - name: 申请书         # 没有 answers:所有情形都需要
          - name: 委托书
            answers: {agent: entrust}

    Failing:
        materials:
          - name: 委托书
            answers: {agent: entrust}     # 选“本人办理”时一份材料都没有
    """
    proved = flow(loaded.item)
    if proved is None or not has(loaded.item, "kind", "materials"):
        return
    if loaded.item.kind is Kind.ON_THE_SPOT:
        return
    found, sets = proved
    empty = [s for s in sets if not select(loaded.item.materials, s)]
    if empty:
        yield _heading(
            loaded.source,
            "sit-none",
            f"有 {len(empty)} 种回答不需要任何材料,如:{describe(empty[0], found)};"
            "请为这些情形列出材料,或调整 answers。",
        )


@rule("sit-alternative", Severity.ERROR)
def real_alternatives(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """Materials of one ``one_of`` group are alternatives ("以下任选其一"): a group has at
    least two members, and under every answer set either none of them or at least two
    are listed.  A group cut to one member by the answers tells the applicant to choose
    from one, which contradicts itself: use ``answers`` alone for such materials.

    Passing:
        - {name: 居民户口簿, one_of: family-proof, answers: {family: yes-family}}
        - {name: 结婚证, one_of: family-proof, answers: {family: yes-family}}

    Failing:
        - {name: 房屋产权证明, one_of: premises, answers: {premises: own}}
        - {name: 租赁协议, one_of: premises, answers: {premises: rent}}
    """
    materials = getattr(loaded.item, "materials", None)
    if not isinstance(materials, list) or not all(has(m, "one_of", "answers") for m in materials):
        return
    first: dict[str, int] = {}
    for index, material in enumerate(materials):
        if material.one_of is not None:
            first.setdefault(material.one_of, index)
    for group in grouped(materials):
        if group[0].one_of is not None and len(group) < 2:
            yield emit(
                loaded.source,
                "sit-alternative",
                ("materials", first[group[0].one_of], "one_of"),
                f"可替代材料组“{group[0].one_of}”只有一份材料;“任选其一”至少要有两份,"
                "否则请删除 one_of。",
            )
    proved = flow(loaded.item)
    if proved is None:
        return
    found, sets = proved
    reported: set[str] = set()
    for answer_set in sets:
        for group in grouped(select(materials, answer_set)):
            key = group[0].one_of
            if key is None or len(group) > 1 or key in reported:
                continue
            whole = sum(1 for m in materials if m.one_of == key)
            if whole < 2:
                continue  # reported above
            reported.add(key)
            yield emit(
                loaded.source,
                "sit-alternative",
                ("materials", first[key], "one_of"),
                f"回答“{describe(answer_set, found)}”时,可替代材料组“{key}”只剩一份"
                f"“{group[0].name}”,与“任选其一”矛盾;请让这组材料的 answers 相同,"
                "或不用 one_of。",
            )


@rule("sit-free-when", Severity.INFO)
def structured_when(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """In an item with ``situations``, a material whose ``when`` is free text only and has
    no ``answers`` is listed under every answer set, with its text for the applicant to
    read.  It could become structured: say which answers include it.  A suggestion; it
    never fails a check.

    Passing:
        - name: 委托检验协议
          when: 委托有资质的检验机构进行出厂检验的,提交本材料。
          answers: {inspect: entrust}

    Failing:
        - name: 委托检验协议
          when: 委托有资质的检验机构进行出厂检验的,提交本材料。
    """
    if not getattr(loaded.item, "situations", None):
        return
    for index, material in enumerate(getattr(loaded.item, "materials", ())):
        if has(material, "when", "answers") and material.when and not material.answers:
            yield emit(
                loaded.source,
                "sit-free-when",
                ("materials", index, "when"),
                f"材料“{getattr(material, 'name', '')}”的提交情形是文字说明,所有回答下都会列出;"
                "可以用 answers 写明哪些回答需要它。",
            )
