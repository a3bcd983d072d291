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

from ..catalogue import Catalogue, LoadedItem
from ..diagnostics import Diagnostic, Report, Severity

FAMILIES = ("refs", "basis", "conditions", "materials", "time", "fees", "phones", "text")


@dataclass(frozen=True)
class CheckContext:
    catalogue: Catalogue
    as_of: date


ItemRule = Callable[[LoadedItem, CheckContext], Iterable[Diagnostic]]
CatalogueRule = Callable[[Catalogue, CheckContext], Iterable[Diagnostic]]


@dataclass(frozen=True)
class RuleInfo:
    code: str
    severity: Severity
    family: str
    doc: str
    scope: str  # "item" or "catalogue"
    function: Callable[..., Iterable[Diagnostic]]


RULES: dict[str, RuleInfo] = {}

# Codes raised outside generator.checks (reading and schema validation), documented here
# so that docs/checks.md lists every code a reviewer can meet.
LOADER_CODES: dict[str, str] = {}


def rule(
    code: str, severity: Severity, *, scope: str = "item"
) -> Callable[[Callable[..., Iterable[Diagnostic]]], Callable[..., Iterable[Diagnostic]]]:
    """Register a rule under a stable code; the module name is its family."""

    def register(
        function: Callable[..., Iterable[Diagnostic]],
    ) -> Callable[..., Iterable[Diagnostic]]:
        if code in RULES:
            raise ValueError(f"duplicate rule code {code}")
        family = function.__module__.rsplit(".", 1)[-1]
        RULES[code] = RuleInfo(code, severity, family, function.__doc__ or "", scope, function)
        return function

    return register


def load_rules() -> dict[str, RuleInfo]:
    for family in FAMILIES:
        importlib.import_module(f"{__name__}.{family}")
    return RULES


def run_checks(catalogue: Catalogue, report: Report, *, as_of: date) -> None:
    """Run every rule over the catalogue, adding diagnostics to ``report``."""
    context = CheckContext(catalogue, as_of)
    rules = load_rules().values()
    item_rules = [r for r in rules if r.scope == "item"]
    for loaded in catalogue.items.values():
        for info in item_rules:
            report.extend(info.function(loaded, context))
    for info in rules:
        if info.scope == "catalogue":
            report.extend(info.function(catalogue, context))
