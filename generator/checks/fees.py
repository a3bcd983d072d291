"""Fees: either exactly 不收费, or each charge with standard, basis, approver and licence.

The seeds demand 亮证收费 (display the fee licence) and 无收费许可证的项目一律不准收费, the
lowest standard, and public display of basis and standard.  One spelling for "free" lets
the site show a clear 不收费 badge and lets search filter on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..catalogue.diagnostics import Diagnostic, Severity
from ..catalogue.loaded import LoadedItem
from ..catalogue.models import FREE
from . import CheckContext, rule
from ._common import emit, has

AMOUNT = re.compile(r"[0-9０-９]|[零一二三四五六七八九十百千万]+元")


@rule("fee-free-text", Severity.ERROR)
def free_spelled_once(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """When nothing is charged, ``fees`` is exactly ``不收费``; any other text ("无",
    "免费", "0元", "") is ambiguous.  Charges are written as a list.

    Passing:
        fees: 不收费

    Failing:
        fees: 免费
    """
    fees = loaded.item.fees
    if isinstance(fees, str) and fees != FREE:
        shown = fees if fees.strip() else "(空)"
        yield emit(
            loaded.source,
            "fee-free-text",
            ("fees",),
            f"收费写成了“{shown}”;不收费请写“{FREE}”,收费请逐项列出名称、标准、依据和批准机关。",
        )


@rule("fee-empty", Severity.ERROR)
def fee_list_not_empty(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """An empty fee list says nothing; write ``不收费``.

    Passing:
        fees: 不收费

    Failing:
        fees: []
    """
    if loaded.item.fees == []:
        yield emit(
            loaded.source,
            "fee-empty",
            ("fees",),
            f"收费项目列表是空的;不收费请写“{FREE}”。",
        )


@rule("fee-incomplete", Severity.ERROR)
def fee_complete(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """Each charge publishes its name, standard and approving authority (第四条); none may
    be blank.  (Its basis is checked by ``basis-no-article`` and ``ref-law``.)

    Passing:
        - name: 证书工本费
          standard: 每证 10 元
          approved_by: 省物价局
          licence: 苏价费证字第001号
          basis: {law: shoufei-wenjian, articles: 第三条}

    Failing:
        - {name: 证书工本费, standard: "", approved_by: 省物价局, basis: {...}}
    """
    fees = loaded.item.fees
    if not isinstance(fees, list):
        return
    labels = {"name": "收费项目名称", "standard": "收费标准", "approved_by": "批准机关"}
    for index, fee in enumerate(fees):
        for key, label in labels.items():
            if has(fee, key) and not getattr(fee, key).strip():
                yield emit(
                    loaded.source,
                    "fee-incomplete",
                    ("fees", index, key),
                    f"{label}是空的;请填写{label}。",
                )


@rule("fee-vague-standard", Severity.WARNING)
def fee_standard_amount(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A standard states an amount ("每证 10 元"); "按规定收取" tells the public nothing.

    Passing:
        standard: 每证 10 元

    Failing:
        standard: 按有关规定收取
    """
    fees = loaded.item.fees
    if not isinstance(fees, list):
        return
    for index, fee in enumerate(fees):
        if has(fee, "standard") and fee.standard.strip() and not AMOUNT.search(fee.standard):
            yield emit(
                loaded.source,
                "fee-vague-standard",
                ("fees", index, "standard"),
                f"收费标准“{fee.standard}”没有写明金额;请写成“每证 10 元”这样的具体标准。",
            )


@rule("fee-no-licence", Severity.ERROR)
def fee_licensed(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """Every charge shows its fee licence number (收费许可证): the seeds say 亮证收费 and
    无收费许可证的项目一律不准收费, so a charge without one is an error, not a warning.

    Passing:
        - {name: 证书工本费, licence: 苏价费证字第001号, ...}

    Failing:
        - {name: 证书工本费, ...}          # 没有 licence
    """
    fees = loaded.item.fees
    if not isinstance(fees, list):
        return
    for index, fee in enumerate(fees):
        if has(fee, "licence", "name") and not (fee.licence or "").strip():
            yield emit(
                loaded.source,
                "fee-no-licence",
                ("fees", index),
                f"收费项目“{fee.name}”没有收费许可证号;无收费许可证不得收费,"
                "请在 licence 中填写许可证号,或删除这项收费。",
            )
