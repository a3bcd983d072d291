"""The 一件事 bundles as open data: one plain record per bundle for ``catalogue.json``.

The figures are those of the bundle pages (:mod:`generator.catalogue.bundlework`): the
items per stage, the total promised time kept per unit (工作日 and 自然日 are never added,
so both are given and ``upper_bound`` says when a stage mixed them), and the merged material
list, each entry naming the items that ask for it by item id and that item's own material
number, so a reuser can join it to ``items[].materials[]`` without matching names again.
"""

from __future__ import annotations

from ..catalogue.bundlework import Span, bundle_time, merged_materials
from ..catalogue.loaded import Catalogue
from ..catalogue.models import Chain
from .records import Record, UrlOf


def _span(span: Span) -> Record:
    return {"working_days": span.working, "calendar_days": span.calendar}


def bundle_record(catalogue: Catalogue, chain: Chain, url: str) -> Record:
    """One chain with ``bundle:`` (only called for those)."""
    assert chain.bundle is not None
    lead = catalogue.departments.get(chain.bundle.lead)
    time = bundle_time(catalogue, chain)
    return {
        "id": chain.id,
        "url": url,
        "name": chain.name,
        "description": chain.description,
        "note": chain.bundle.note,
        "lead": {"id": chain.bundle.lead, "name": lead.name if lead else chain.bundle.lead},
        "window": chain.bundle.window,
        "stages": [
            {
                "number": stage.number,
                "name": stage.name,
                "items": [m.item.id for m in stage.members],
                "time": _span(stage.span),
            }
            for stage in time.stages
        ],
        "time": {**_span(time.total), "upper_bound": time.bounded},
        "special_procedures": [
            {"item": loaded.id, "name": p.name, "days": p.days, "unit": p.unit.value}
            for loaded, p in time.specials
        ],
        "materials": [
            {
                "number": number,
                "name": merged.name,
                "used_by": [{"item": u.item.id, "number": u.number} for u in merged.uses],
                "produced_by": merged.produced_by.id if merged.produced_by else None,
                "exempt": all(u.material.exempt for u in merged.uses),
            }
            for number, merged in enumerate(merged_materials(catalogue, chain), start=1)
        ],
    }


def bundle_records(catalogue: Catalogue, url_of: UrlOf) -> list[Record]:
    """Every bundle in ``chains.yaml`` order; ``url_of`` gives a bundle id's public page."""
    return [
        bundle_record(catalogue, chain, url_of(chain.id))
        for chain in catalogue.chains.values()
        if chain.bundle is not None
    ]
