"""The legal sentence of a printed notice, chosen by the item's type.

《中华人民共和国行政许可法》第三十二条 (tell the applicant at once everything to complete)
binds 行政许可 only.  A 行政确认, 行政给付 or 公共服务 notice cites the centre's own rule
instead, configured once in ``centre.yaml`` as ``correction_basis`` (item type → the rule
and article, e.g. 《示例市政务服务中心服务事项管理办法》第五条第五项).  ``check`` reports a type
with no wording (``basis-notice-missing``) and a wording that cites the wrong law
(``basis-notice-wording``), so a sheet staff sign never cites a law that does not bind it.
"""

from __future__ import annotations

from .models import Centre, ItemType

LICENSING_LAW = "行政许可法"
LICENSING_CORRECTION = "《中华人民共和国行政许可法》第三十二条"
"""What a 行政许可's 补正材料通知书 cites when centre.yaml does not say otherwise."""


def configured(centre: Centre | None) -> dict[ItemType, str]:
    """The centre's ``correction_basis`` (empty when absent or when centre.yaml is broken)."""
    found = getattr(centre, "correction_basis", None) if centre is not None else None
    return dict(found or {})


def correction_basis(centre: Centre | None, item_type: ItemType) -> str | None:
    """The rule and article a 补正材料通知书 for an item of ``item_type`` cites, or None
    when the centre configured none (``check`` reports it as ``basis-notice-missing``)."""
    wording = configured(centre).get(item_type)
    if wording is None and item_type is ItemType.LICENSING:
        return LICENSING_CORRECTION
    return wording
