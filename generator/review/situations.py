"""The 情形引导 questions of an item compared as a reviewer reads them.

Questions are paired by id, so a reworded question, a new option or a changed follow-up is one
finding that says what changed ("问题 who:新增选项 委托他人(agent)"), not a question removed
and a near-identical one added, which a legal officer would have to compare by eye.
"""

from __future__ import annotations

from ..catalogue.situations import Option, Question
from .findings import Recorder, show

LABEL = "情形引导"


def situations(d: Recorder) -> None:
    old = {q.id: q for q in d.old.situations}
    new = {q.id: q for q in d.new.situations}
    for index, question in enumerate(d.new.situations):
        before = old.get(question.id)
        if before is None:
            value = show(question)
            d.add(
                "field-changed", LABEL, None, value, f"新增{LABEL} {value}", ("situations", index)
            )
        elif before != question:
            parts = _changes(before, question)
            text = f"{LABEL} 问题 {question.id}:" + ";".join(parts)
            d.add("field-changed", LABEL, before, question, text, ("situations", index))
    for question in d.old.situations:
        if question.id not in new:
            value = show(question)
            d.add("field-changed", LABEL, value, None, f"删除{LABEL} {value}", ("situations",))


def _changes(old: Question, new: Question) -> list[str]:
    """What changed in one question, in the order the public reads it."""
    parts: list[str] = []
    if old.question != new.question:
        parts.append(f"问题「{old.question}」→「{new.question}」")
    if old.hint != new.hint:
        parts.append(f"提示 {show(old.hint)} → {show(new.hint)}")
    if old.multiple != new.multiple:
        parts.append("改为多选" if new.multiple else "改为单选")
    before = {o.id: o for o in old.options}
    after = {o.id: o for o in new.options}
    for option in new.options:
        was = before.get(option.id)
        if was is None:
            parts.append(f"新增选项 {_option(option)}")
        elif was != option:
            parts.extend(_option_changes(was, option))
    parts.extend(f"删除选项 {_option(o)}" for o in old.options if o.id not in after)
    if not parts and [o.id for o in old.options] != [o.id for o in new.options]:
        parts.append("选项顺序 " + "、".join(o.label for o in new.options))
    return parts


def _option(option: Option) -> str:
    return f"{option.label}({option.id})"


def _option_changes(old: Option, new: Option) -> list[str]:
    parts: list[str] = []
    if old.label != new.label:
        parts.append(f"选项 {new.id}「{old.label}」→「{new.label}」")
    if old.opens != new.opens:
        parts.append(
            f"选项 {_option(new)} 追问 {'、'.join(old.opens) or '(无)'}"
            f" → {'、'.join(new.opens) or '(无)'}"
        )
    return parts
