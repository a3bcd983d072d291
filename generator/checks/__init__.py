"""The rules a reviewer relies on, one module per family, each rule documented.

A rule is a function registered with :func:`rule`.  Item rules see one loaded item and
the read-only context (so they can run per file, even in worker processes); catalogue
rules see the whole catalogue (cross-file references, uniqueness).  The rule's docstring
is its documentation: a paragraph, then ``Passing:`` and ``Failing:`` YAML examples;
``docs/checks.md`` is generated from it and a test fails if a code is undocumented.

Rules also run on files that failed their schema, on the part that validated (see
``generator/catalogue/partial.py``): a missing or mistyped field is absent from the model.
Rules that loop over entries skip an entry lacking a field they need; a rule that reads an
absent field anyway raises ``AttributeError`` and is skipped for that file (keeping what
it reported before), because the schema error already says what is wrong there.  Only
partial data is guarded like this: on complete models an ``AttributeError`` is a bug and
propagates.
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
    rules = _ITEM_RULES or _split()[0]
    if loaded.partial or context.catalogue.partial:
        for info in rules:
            _guarded(out, info, loaded, context)
    else:
        for info in rules:
            out.extend(info.function(loaded, context))
    return out


def run_catalogue_rules(catalogue: Catalogue, context: CheckContext) -> list[Diagnostic]:
    """Rules across files: references between items, chains, uniqueness."""
    out: list[Diagnostic] = []
    rules = _CATALOGUE_RULES or _split()[1]
    if catalogue.partial or any(loaded.partial for loaded in catalogue.items.values()):
        for info in rules:
            _guarded(out, info, catalogue, context)
    else:
        for info in rules:
            out.extend(info.function(catalogue, context))
    return out


def _guarded(out: list[Diagnostic], info: RuleInfo, *args: object) -> None:
    """Run a rule on partial data; reading a field that failed validation ends the rule."""
    try:
        for diagnostic in info.function(*args):
            out.append(diagnostic)
    except AttributeError:
        return  # the field's schema error is already reported where it is


_ITEM_RULES: list[RuleInfo] = []
_CATALOGUE_RULES: list[RuleInfo] = []


def _split() -> tuple[list[RuleInfo], list[RuleInfo]]:
    rules = sorted(load_rules().values(), key=lambda r: r.code)
    _ITEM_RULES[:] = [r for r in rules if r.scope == "item"]
    _CATALOGUE_RULES[:] = [r for r in rules if r.scope == "catalogue"]
    return _ITEM_RULES, _CATALOGUE_RULES
