"""Helpers shared by the rule families: emitting by code, walking an item's citations.

Severity is looked up from the registry so that a rule's level is declared once, in its
``@rule`` decorator, and the docs can never disagree with what is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..catalogue.diagnostics import Diagnostic
from ..catalogue.models import Citation, Item
from ..catalogue.sources import DataPath, SourceMap
from . import RULES

ARTICLE = re.compile(r"第[零〇一二三四五六七八九十百千两0-9０-９]+条")
"""A specific article: 第二十九条, 第29条 (a bare law title or 第三章 is not enough)."""


def emit(source: SourceMap, code: str, path: DataPath, message: str) -> Diagnostic:
    return source.diagnostic(code, RULES[code].severity, path, message)


def citations(item: Item) -> Iterator[tuple[DataPath, Citation]]:
    """Every law citation in an item with its data path (basis, conditions, time, fees)."""
    for index, basis in enumerate(item.basis):
        yield ("basis", index), basis
    for index, condition in enumerate(item.conditions):
        if condition.basis is not None:
            yield ("conditions", index, "basis"), condition.basis
    for which in ("statutory", "promised"):
        limit = getattr(item.time_limit, which)
        if limit.basis is not None:
            yield ("time_limit", which, "basis"), limit.basis
    for index, special in enumerate(item.special_procedures):
        if special.basis is not None:
            yield ("special_procedures", index, "basis"), special.basis
    if isinstance(item.fees, list):
        for index, fee in enumerate(item.fees):
            yield ("fees", index, "basis"), fee.basis
