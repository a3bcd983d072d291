"""The rules a reviewer relies on, one module per family, each rule documented.

A rule is a function registered with :func:`rule`.  Item rules see one loaded item and
the read-only context (so they can run per file, even in worker processes); catalogue
rules see the whole catalogue (cross-file references, uniqueness).  The rule's docstring
is its documentation: a paragraph, then ``Passing:`` and ``Failing:`` YAML examples;
``docs/checks.md`` is generated from it and a test fails if a code is undocumented.

Rules also run on files that failed their schema, on the part that validated (see
``generator/catalogue/partial.py``): a missing or mistyped field is absent from the model.
Rules that loop over entries skip an entry lacking a field they need; a rule that reads an
absent field anyway raises :class:`MissingField` and is skipped for that file (keeping what
it reported before), because the schema error already says what is wrong there.  Any other
exception is a bug in the rule: it is reported as an internal error under the rule's code,
and the other rules still run, so one broken rule never hides the rest of the report.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal, Protocol, TypeVar, cast, overload

from ..catalogue.diagnostics import Diagnostic, Severity
from ..catalogue.loaded import Catalogue, LoadedItem
from ..catalogue.models import MissingField

FAMILIES = (
    "refs",
    "windows",
    "basis",
    "conditions",
    "materials",
    "time",
    "calendar",
    "fees",
    "phones",
    "text",
    "script",
    "synonyms",
    "situations",
    "answersets",
    "bundles",
)


@dataclass(frozen=True)
class CheckContext:
    catalogue: Catalogue
    as_of: date


class ItemRule(Protocol):
    """A rule about one item file (it may run in a worker process)."""

    def __call__(self, loaded: LoadedItem, context: CheckContext, /) -> Iterable[Diagnostic]: ...


class CatalogueRule(Protocol):
    """A rule across files: references between items, chains, uniqueness."""

    def __call__(self, catalogue: Catalogue, context: CheckContext, /) -> Iterable[Diagnostic]: ...


R = TypeVar("R", ItemRule, CatalogueRule)
S = TypeVar("S", LoadedItem, Catalogue)


@dataclass(frozen=True)
class RuleInfo:
    code: str
    severity: Severity
    family: str
    doc: str
    scope: str  # "item" or "catalogue"
    function: ItemRule | CatalogueRule

    @property
    def item_rule(self) -> ItemRule:
        assert self.scope == "item", self.code
        return cast(ItemRule, self.function)

    @property
    def catalogue_rule(self) -> CatalogueRule:
        assert self.scope == "catalogue", self.code
        return cast(CatalogueRule, self.function)


RULES: dict[str, RuleInfo] = {}


@overload
def rule(
    code: str, severity: Severity, *, scope: Literal["item"] = "item"
) -> Callable[[ItemRule], ItemRule]: ...
@overload
def rule(
    code: str, severity: Severity, *, scope: Literal["catalogue"]
) -> Callable[[CatalogueRule], CatalogueRule]: ...
def rule(code: str, severity: Severity, *, scope: str = "item") -> Callable[[R], R]:
    """Register a rule under a stable code; the module name is its family.

    A code may have one item rule and one catalogue rule: the same check on item files
    (run in workers) and on the top-level files.  The first registration is stored under
    the code, the companion under ``code/scope``; both report the same code.
    """

    def register(function: R) -> R:
        key = code
        if code in RULES:
            first = RULES[code]
            if first.scope == scope or first.severity != severity or f"{code}/{scope}" in RULES:
                raise ValueError(f"duplicate rule code {code}")
            key = f"{code}/{scope}"
        family = function.__module__.rsplit(".", 1)[-1]
        RULES[key] = RuleInfo(code, severity, family, function.__doc__ or "", scope, function)
        return function

    return register


def load_rules() -> dict[str, RuleInfo]:
    for family in FAMILIES:
        importlib.import_module(f"{__name__}.{family}")
    return RULES


def run_item_rules(loaded: LoadedItem, context: CheckContext) -> list[Diagnostic]:
    """Rules about one item.  They may read the context's centre, departments, laws and
    chains, but not other items: items are checked in worker processes."""
    out: list[Diagnostic] = []
    for info in _ITEM_RULES or _split()[0]:
        _run(out, info, loaded.source.file, info.item_rule, loaded, context)
    return out


def run_catalogue_rules(catalogue: Catalogue, context: CheckContext) -> list[Diagnostic]:
    """Rules across files: references between items, chains, uniqueness."""
    out: list[Diagnostic] = []
    for info in _CATALOGUE_RULES or _split()[1]:
        _run(out, info, ".", info.catalogue_rule, catalogue, context)
    return out


def _run(
    out: list[Diagnostic],
    info: RuleInfo,
    where: str,
    function: Callable[[S, CheckContext], Iterable[Diagnostic]],
    subject: S,
    context: CheckContext,
) -> None:
    """Run one rule.  Reading a field that failed validation ends the rule (its schema
    error is already reported where it is); any other exception is the rule's bug."""
    try:
        for diagnostic in function(subject, context):
            out.append(diagnostic)
    except MissingField:
        return
    except Exception as exc:  # a bug must not hide the other rules' diagnostics
        message = (
            f"检查规则 {info.code} 内部出错({type(exc).__name__}: {exc}),"
            "本条规则的结果不完整;其他规则照常检查"
        )
        out.append(Diagnostic(where, 1, 1, info.code, Severity.ERROR, message))


_ITEM_RULES: list[RuleInfo] = []
_CATALOGUE_RULES: list[RuleInfo] = []


def _split() -> tuple[list[RuleInfo], list[RuleInfo]]:
    rules = sorted(load_rules().values(), key=lambda r: r.code)
    _ITEM_RULES[:] = [r for r in rules if r.scope == "item"]
    _CATALOGUE_RULES[:] = [r for r in rules if r.scope == "catalogue"]
    return _ITEM_RULES, _CATALOGUE_RULES
