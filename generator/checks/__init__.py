"""The rules a reviewer relies on, one module per family, each rule documented.

A rule is a function registered with :func:`rule`.  Item rules see one loaded item and
the read-only context (so they can run per file, even in worker processes); catalogue
rules see the whole catalogue (cross-file references, uniqueness).  The rule's docstring
is its documentation: a paragraph, then ``Passing:`` and ``Failing:`` YAML examples;
``docs/checks.md`` is generated from it and a test fails if a code is undocumented.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from ..catalogue.diagnostics import Diagnostic, Severity
from ..catalogue.loaded import Catalogue, LoadedItem

FAMILIES = (
    "refs",
    "basis",
    "conditions",
    "materials",
    "time",
    "fees",
    "phones",
    "text",
    "synonyms",
)


@dataclass(frozen=True)
class CheckContext:
    catalogue: Catalogue
    as_of: date


@dataclass(frozen=True)
class RuleInfo:
    code: str
    severity: Severity
    family: str
    doc: str
    scope: str  # "item" or "catalogue"
    function: Callable[..., Iterable[Diagnostic]]


RULES: dict[str, RuleInfo] = {}


def rule(
    code: str, severity: Severity, *, scope: str = "item"
) -> Callable[[Callable[..., Iterable[Diagnostic]]], Callable[..., Iterable[Diagnostic]]]:
    """Register a rule under a stable code; the module name is its family.

    A code may have one item rule and one catalogue rule: the same check on item files
    (run in workers) and on the top-level files.  The first registration is stored under
    the code, the companion under ``code/scope``; both report the same code.
    """

    def register(
        function: Callable[..., Iterable[Diagnostic]],
    ) -> Callable[..., Iterable[Diagnostic]]:
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
        out.extend(info.function(loaded, context))
    return out


def run_catalogue_rules(catalogue: Catalogue, context: CheckContext) -> list[Diagnostic]:
    """Rules across files: references between items, chains, uniqueness."""
    out: list[Diagnostic] = []
    for info in _CATALOGUE_RULES or _split()[1]:
        out.extend(info.function(catalogue, context))
    return out


_ITEM_RULES: list[RuleInfo] = []
_CATALOGUE_RULES: list[RuleInfo] = []


def _split() -> tuple[list[RuleInfo], list[RuleInfo]]:
    rules = sorted(load_rules().values(), key=lambda r: r.code)
    _ITEM_RULES[:] = [r for r in rules if r.scope == "item"]
    _CATALOGUE_RULES[:] = [r for r in rules if r.scope == "catalogue"]
    return _ITEM_RULES, _CATALOGUE_RULES
