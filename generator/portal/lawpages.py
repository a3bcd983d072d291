"""The law register's pages: ``/laws/`` lists every law of ``laws.yaml``, ``/laws/<id>/``
one law with its dates, its official text and every item citing it (any citation: basis,
condition, time limit, special procedure or fee).  Strings stay plain text: templates
escape them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..catalogue.loaded import Catalogue, LoadedItem
from ..catalogue.models import Law
from . import urls, views


@dataclass(frozen=True)
class LawView:
    id: str
    title: str
    url: str
    level: str
    issuer: str
    number: str | None
    effective: date
    repealed: date | None
    official_url: str | None
    replaced_by: views.Link | None
    items: tuple[views.ItemSummary, ...]


def cited_laws(loaded: LoadedItem) -> set[str]:
    """Ids of every law the item cites, wherever it cites it."""
    item = loaded.item
    cited = {b.law for b in item.basis}
    cited |= {c.basis.law for c in item.conditions if c.basis}
    limits = (item.time_limit.statutory, item.time_limit.promised)
    cited |= {limit.basis.law for limit in limits if limit.basis}
    cited |= {p.basis.law for p in item.special_procedures if p.basis}
    if not isinstance(item.fees, str):
        cited |= {f.basis.law for f in item.fees}
    return cited


def law_views(catalogue: Catalogue) -> list[LawView]:
    """Every law of ``laws.yaml`` in its order, each with the items citing it."""
    citing: dict[str, list[views.ItemSummary]] = {}
    for loaded in catalogue.items.values():
        for law_id in sorted(cited_laws(loaded)):
            citing.setdefault(law_id, []).append(views.item_summary(catalogue, loaded))
    return [_view(catalogue, law, tuple(citing.get(law.id, ()))) for law in catalogue.laws.values()]


def _view(catalogue: Catalogue, law: Law, items: tuple[views.ItemSummary, ...]) -> LawView:
    successor = catalogue.laws.get(law.replaced_by or "")
    return LawView(
        id=law.id,
        title=law.title,
        url=urls.law_url(law.id),
        level=law.level.value,
        issuer=law.issuer,
        number=law.number,
        effective=law.effective,
        repealed=law.repealed,
        official_url=law.url,
        replaced_by=views.Link(successor.title, urls.law_url(successor.id)) if successor else None,
        items=items,
    )
