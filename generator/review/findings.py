"""What comparing two versions of an item produces: findings, burden, shared helpers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..catalogue.models import Citation, Item
from ..catalogue.situations import Question
from ..catalogue.sources import DataPath
from ..catalogue.workdays import WorkingCalendar
from .burden import Burden
from .textdiff import Segment, plain, word_diff

LONG = 20
"""Texts longer than this (in characters) are shown as a word diff, not as old → new."""


@dataclass(frozen=True)
class Finding:
    check: str
    field: str
    old: str | None
    new: str | None
    text: str
    path: DataPath
    segments: tuple[Segment, ...] = ()
    """A word diff the text ends with (``plain(segments)``), for reports that mark it up."""


@dataclass(frozen=True)
class Context:
    """What an item's diff needs to name things: law titles, which laws are repealed (in
    the new catalogue), department and item names."""

    laws: Mapping[str, str] = field(default_factory=dict)
    repealed: Mapping[str, date] = field(default_factory=dict)
    replaced_by: Mapping[str, str] = field(default_factory=dict)
    departments: Mapping[str, str] = field(default_factory=dict)
    items: Mapping[str, str] = field(default_factory=dict)
    as_of: date | None = None
    """The day the diff speaks for (``diff --date``, a commit's date in the history): a
    repeal before it is 已于, after it 将于; never the machine's clock, so the same diff
    reads the same on any day."""
    calendar: WorkingCalendar | None = None
    """The new catalogue's working calendar: a limit whose unit changed is told in both."""

    def department(self, ident: str) -> str:
        name = self.departments.get(ident)
        return f"{name}({ident})" if name else ident


def repeal_verb(when: date, as_of: date | None) -> str:
    """已于 for a repeal on or before ``as_of``, 将于 after it, 于 when no day is given."""
    if as_of is None:
        return "于"
    return "已于" if when <= as_of else "将于"


def show(value: Any) -> str:
    """A value as a reviewer reads it, in full: enums by their Chinese value."""
    if value is None:
        return "(空)"
    if isinstance(value, list | tuple):
        return "、".join(show(v) for v in value) or "(空)"
    if isinstance(value, dict):
        return ";".join(f"{show(k)}:{show(v)}" for k, v in value.items()) or "(空)"
    if isinstance(value, Question):
        return _question(value)
    return str(getattr(value, "value", value))


def _question(question: Question) -> str:
    """A 情形引导 question as the public reads it, with each option and what it asks next."""
    options = "、".join(
        f"{o.label}({o.id}" + (f",追问 {'、'.join(o.opens)}" if o.opens else "") + ")"
        for o in question.options
    )
    choice = "多选" if question.multiple else "单选"
    return f"问题 {question.id}「{question.question}」({choice}):{options}"


class Recorder:
    """Collects the findings and burden figures of one item between two versions."""

    def __init__(self, old: Item, new: Item, laws: Mapping[str, str] | Context) -> None:
        self.old, self.new = old, new
        self.context = laws if isinstance(laws, Context) else Context(laws=laws)
        self.laws = self.context.laws
        self.findings: list[Finding] = []
        self.burden = Burden()

    def add(
        self,
        check: str,
        label: str,
        old: Any,
        new: Any,
        text: str,
        path: DataPath,
        segments: tuple[Segment, ...] = (),
    ) -> None:
        shown_old = None if old is None else show(old)
        shown_new = None if new is None else show(new)
        self.findings.append(Finding(check, label, shown_old, shown_new, text, path, segments))

    def changed(self, check: str, label: str, old: Any, new: Any, path: DataPath) -> None:
        """``label old → new``, or for long text ``label:`` and the word diff."""
        before, after = show(old), show(new)
        if isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) > LONG:
            segments = word_diff(old, new)
            self.add(check, label, old, new, f"{label}:{plain(segments)}", path, segments)
        else:
            self.add(check, label, old, new, f"{label} {before} → {after}", path)

    def law(self, citation: Citation) -> str:
        return f"《{self.laws.get(citation.law, citation.law)}》{citation.articles}"

    def repealed(self, citation: Citation, label: str, path: DataPath) -> None:
        """``basis-repealed`` when a citation added or changed points at a repealed law."""
        when = self.context.repealed.get(citation.law)
        if when is None:
            return
        text = f"{label} {self.law(citation)}:该法规{repeal_verb(when, self.context.as_of)} "
        text += f"{when.isoformat()} 废止"
        instead = self.context.replaced_by.get(citation.law)
        if instead:
            text += f",应改引《{self.laws.get(instead, instead)}》"
        self.add("basis-repealed", label, None, self.law(citation), text, path)

    def citation(
        self, label: str, before: Citation | None, after: Citation | None, path: DataPath
    ) -> None:
        if before == after:
            return
        if before is None:
            assert after is not None
            self.add(
                "basis-added", label, None, self.law(after), f"新增{label} {self.law(after)}", path
            )
            self.repealed(after, label, path)
        elif after is None:
            self.add(
                "basis-removed",
                label,
                self.law(before),
                None,
                f"删除{label} {self.law(before)}",
                path[:-1],
            )
        else:
            old, new = self.law(before), self.law(after)
            self.add("basis-changed", label, old, new, f"{label} {old} → {new}", path)
            if before.law != after.law:
                self.repealed(after, label, path)
