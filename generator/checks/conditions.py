"""Conditions (受理条件): the public must be able to tell whether they qualify.

A catch-all condition ("法律法规规定的其他条件") lets a window refuse for reasons nobody
was told, which defeats 一次性告知; it is flagged so the reviewer asks for the real list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..catalogue.diagnostics import Diagnostic, Severity
from ..catalogue.loaded import LoadedItem
from . import CheckContext, rule
from ._common import emit, has

CATCH_ALL = re.compile(r"其他条件|等其他|其他情形|规定的其他")


@rule("cond-empty", Severity.ERROR)
def conditions_present(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """Conditions must be listed and none may be blank (第四条: 条件必须公开).

    Passing:
        conditions:
          - text: 有与经营的食品品种、数量相适应的经营场所

    Failing:
        conditions: []
    """
    conditions = loaded.item.conditions
    if not conditions:
        yield emit(
            loaded.source,
            "cond-empty",
            ("conditions",),
            "没有列出受理条件;请逐条写明申请人应当具备的条件。",
        )
    for index, condition in enumerate(conditions):
        if has(condition, "text") and not condition.text.strip():
            yield emit(
                loaded.source,
                "cond-empty",
                ("conditions", index, "text"),
                "受理条件是空的;请写明条件内容,或删除这一项。",
            )


@rule("cond-catch-all", Severity.WARNING)
def no_catch_all(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A catch-all such as "法律、法规规定的其他条件" or "等其他" hides conditions from
    the public; write out the actual conditions and cite their articles.

    Passing:
        conditions:
          - text: 申请人具有完全民事行为能力

    Failing:
        conditions:
          - text: 法律、法规规定的其他条件
    """
    for index, condition in enumerate(loaded.item.conditions):
        if has(condition, "text") and CATCH_ALL.search(condition.text):
            yield emit(
                loaded.source,
                "cond-catch-all",
                ("conditions", index, "text"),
                "“其他条件”之类的兜底条款不能让群众知道要满足什么;请逐条写出具体条件及其依据条款。",
            )
