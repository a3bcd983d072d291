"""One plain record per item: what every exporter publishes, already resolved.

Phones, place and hours are inherited through the catalogue's own queries (as on the
item pages), laws are resolved to their titles, and values stay typed (days are ints) so
that each exporter writes numbers as numbers.  The portal passes in the function that
turns an item id into its public page address: URLs are decided there, not here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from ..catalogue.loaded import Catalogue, LoadedItem, is_free
from ..catalogue.models import Citation, Item, OpenLicence, ParallelSteps
from ..catalogue.workdays import step_unit

SCHEMA_VERSION = "1.3"
"""Version of the data files' layout; bump the major part when a field changes meaning
(1.3 added ``bundles``, ``steps``, ``condition_answers`` and each fee's ``answers``)."""

LICENCES: dict[str, tuple[str, str, str]] = {
    OpenLicence.CC_BY.value: (
        "知识共享署名 4.0 国际许可协议(CC BY 4.0)",
        "https://creativecommons.org/licenses/by/4.0/",
        "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0",
    ),
    OpenLicence.CC0.value: (
        "CC0 1.0 公共领域贡献",
        "https://creativecommons.org/publicdomain/zero/1.0/",
        "http://publications.europa.eu/resource/authority/licence/CC0",
    ),
}
"""SPDX id (``centre.yaml`` ``licence``) -> (Chinese title, licence text, EU licence IRI)."""

Record = dict[str, Any]
UrlOf = Callable[[str], str]


def catalogue_date(catalogue: Catalogue) -> date:
    """The newest review date: the only date the files carry, so builds stay identical."""
    dates = [loaded.item.reviewed for loaded in catalogue.items.values()]
    if catalogue.centre and catalogue.centre.reviewed:
        dates.append(catalogue.centre.reviewed)
    return max(dates) if dates else date(2000, 1, 1)


def law_text(catalogue: Catalogue, citation: Citation) -> str:
    """A citation as one line: the law's title (its id if unresolved) and the articles."""
    law = catalogue.laws.get(citation.law)
    return f"《{law.title if law else citation.law}》{citation.articles}"


def _department_name(catalogue: Catalogue, department_id: str) -> str:
    department = catalogue.departments.get(department_id)
    return department.name if department else department_id


def item_record(catalogue: Catalogue, loaded: LoadedItem, url: str) -> Record:
    """Everything published about one item, as JSON-ready plain data."""
    item = loaded.item
    centre = catalogue.centre
    statutory, promised = item.time_limit.statutory, item.time_limit.promised
    fees: list[Record] = (
        []
        if isinstance(item.fees, str)
        else [
            {
                "name": fee.name,
                "standard": fee.standard,
                "basis": law_text(catalogue, fee.basis),
                "approved_by": fee.approved_by,
                "licence": fee.licence,
                "answers": dict(fee.answers) if fee.answers else None,
            }
            for fee in item.fees
        ]
    )
    return {
        "id": loaded.id,
        "url": url,
        "name": item.name,
        "basic_code": item.codes.basic,
        "implementation_code": item.codes.implementation,
        "type": item.type.value,
        "kind": item.kind.value,
        "department": {
            "id": loaded.department_id,
            "name": _department_name(catalogue, loaded.department_id),
        },
        "joint_departments": [
            {"id": d, "name": _department_name(catalogue, d)} for d in item.joint_departments
        ],
        "audience": [a.value for a in item.audience],
        "summary": item.summary,
        "basis": [{"role": b.role.value, "law": law_text(catalogue, b)} for b in item.basis],
        "conditions": [c.text for c in item.conditions],
        "condition_answers": [dict(c.answers) if c.answers else None for c in item.conditions],
        "quantity_limit": item.quantity_limit,
        "statutory_limit": {"days": statutory.days, "unit": statutory.unit.value},
        "promised_limit": {"days": promised.days, "unit": promised.unit.value},
        "free": is_free(item),
        "fees_text": item.fees if isinstance(item.fees, str) else None,
        "fees": fees,
        "situations": [q.model_dump(mode="json") for q in item.situations],
        "materials": [
            {
                "number": n,
                "name": m.name,
                "necessity": m.necessity.value,
                "form": m.form.value,
                "copies": m.copies,
                "medium": m.medium.value,
                "source": m.source.value,
                "source_note": m.source_note,
                "when": m.when,
                "answers": dict(m.answers) if m.answers else None,
                "one_of": m.one_of,
                "exempt": m.exempt.model_dump(mode="json") if m.exempt else None,
                "standard": m.standard,
                "note": m.note,
            }
            for n, m in enumerate(item.materials, start=1)
        ],
        "steps": steps(item),
        "result": {"name": item.result.name, "type": item.result.type.value},
        "visits": item.visits,
        "online": {"name": item.online.name, "url": item.online.url} if item.online else None,
        "place": catalogue.place(loaded) or (centre.address if centre else None),
        "hours": catalogue.hours(loaded),
        "enquiry_phone": catalogue.enquiry_phone(loaded)
        or (centre.enquiry_phone if centre else None),
        "supervision_phone": catalogue.supervision_phone(loaded)
        or (centre.supervision_phone if centre else None),
        "reviewed": item.reviewed.isoformat(),
    }


def steps(item: Item) -> list[Record]:
    """The steps in order, parallel ones flattened with a shared ``group`` number (as in the
    办理流程 table), each with its unit written out and its ``answers``."""
    rows: list[Record] = []
    group = 0
    for entry in item.steps:
        parallel = isinstance(entry, ParallelSteps)
        group += parallel
        for step in entry.parallel if isinstance(entry, ParallelSteps) else [entry]:
            rows.append(
                {
                    "number": len(rows) + 1,
                    "group": group if parallel else None,
                    "name": step.name,
                    "kind": step.kind.value,
                    "post": step.post,
                    "days": step.days,
                    "unit": step_unit(step, item.time_limit.promised.unit).value,
                    "description": step.description,
                    "window": step.window,
                    "answers": dict(step.answers) if step.answers else None,
                }
            )
    return rows


def fees_summary(record: Record) -> str:
    """不收费 (or the catalogue's own fee text), else each fee's name and standard."""
    if record["fees_text"] is not None:
        return str(record["fees_text"])
    return ";".join(f"{fee['name']}:{fee['standard']}" for fee in record["fees"])


def licence(catalogue: Catalogue) -> str:
    """The centre's choice of licence for its open data (SPDX id)."""
    centre = catalogue.centre
    return (centre.licence if centre else OpenLicence.CC_BY).value


def linked(catalogue: Catalogue) -> Record:
    """What only the linked-data files carry: laws by id, special procedures, area name.

    ``catalogue.json`` keeps its published layout; these go to the JSON-LD exporters.
    """
    centre = catalogue.centre
    return {
        "area": (centre.area or centre.name) if centre else "",
        "phone": centre.enquiry_phone if centre else None,
        "laws": {law.id: {"title": law.title, "url": law.url} for law in catalogue.laws.values()},
        "items": {
            loaded.id: {
                "basis_laws": [b.law for b in loaded.item.basis],
                "special_procedures": [
                    {"kind": p.kind.value, "name": p.name, "days": p.days, "unit": p.unit.value}
                    for p in loaded.item.special_procedures
                ],
            }
            for loaded in catalogue.items.values()
        },
    }


def dataset(catalogue: Catalogue, url_of: UrlOf) -> Record:
    """The whole catalogue as published in ``catalogue.json``."""
    centre = catalogue.centre
    spdx = licence(catalogue)
    return {
        "schema_version": SCHEMA_VERSION,
        "licence": spdx,
        "licence_url": LICENCES[spdx][1],
        "date": catalogue_date(catalogue).isoformat(),
        "centre": {
            "name": centre.name if centre else "",
            "url": centre.base_url if centre else "",
            "demo": centre.demo if centre else False,
        },
        "departments": [{"id": d.id, "name": d.name} for d in catalogue.departments.values()],
        "items": [
            item_record(catalogue, loaded, url_of(loaded.id)) for loaded in catalogue.items.values()
        ],
    }
