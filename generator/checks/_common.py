"""Helpers shared by the rule families: emitting by code, walking an item's citations.

Severity is looked up from the registry so that a rule's level is declared once, in its
``@rule`` decorator, and the docs can never disagree with what is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from ..catalogue.diagnostics import Diagnostic
from ..catalogue.models import Citation, Item
from ..catalogue.sources import DataPath, SourceMap
from . import RULES

ARTICLE = re.compile(r"第[零〇一二三四五六七八九十百千两0-9０-９]+条")
"""A specific article: 第二十九条, 第29条 (a bare law title or 第三章 is not enough)."""


def emit(source: SourceMap, code: str, path: DataPath, message: str) -> Diagnostic:
    return source.diagnostic(code, RULES[code].severity, path, message)


def has(model: BaseModel, *names: str) -> bool:
    """Whether ``model`` holds every field in ``names``.  A partial model (a file that
    failed its schema) lacks the fields that did not validate; an optional field that was
    simply left out is present, with its default."""
    return all(map(model.__dict__.__contains__, names))


def citations(item: Item) -> Iterator[tuple[DataPath, Citation]]:
    """Every law citation in an item with its data path (basis, conditions, time, fees).

    Works on partial items: parts that failed validation are left out (a citation itself
    may still lack ``law`` or ``articles``; rules check what they read)."""
    for index, basis in enumerate(getattr(item, "basis", ())):
        yield ("basis", index), basis
    for index, condition in enumerate(getattr(item, "conditions", ())):
        citation = getattr(condition, "basis", None)
        if citation is not None:
            yield ("conditions", index, "basis"), citation
    limits = getattr(item, "time_limit", None)
    for which in ("statutory", "promised"):
        citation = getattr(getattr(limits, which, None), "basis", None)
        if citation is not None:
            yield ("time_limit", which, "basis"), citation
    for index, special in enumerate(getattr(item, "special_procedures", ())):
        citation = getattr(special, "basis", None)
        if citation is not None:
            yield ("special_procedures", index, "basis"), citation
    fees = getattr(item, "fees", None)
    if isinstance(fees, list):
        for index, fee in enumerate(fees):
            citation = getattr(fee, "basis", None)
            if citation is not None:
                yield ("fees", index, "basis"), citation
