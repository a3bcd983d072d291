"""The rows of every table in :data:`.columns.SHEETS`, built from the loaded catalogue.

The item row starts from the published record (inherited phones, place and hours, as on
the pages) and adds what the national layout keeps beside it; the other tables are joined
to it by 实施编码, as the exchange tables are.  Everything an item carries is here, so that
``import`` of this workbook gives back the same items (tests/test_import_roundtrip.py).
"""

from __future__ import annotations

from ..catalogue.loaded import Catalogue, LoadedItem
from ..catalogue.models import Citation, Department, Item, ParallelSteps, Window
from ..catalogue.workdays import step_unit
from . import situationcell
from .records import Record, fees_summary, law_text


def _numbered(texts: list[str]) -> str:
    return "\n".join(f"{n}.{text}" for n, text in enumerate(texts, start=1))


def _law_row(catalogue: Catalogue, code: str, use: str, citation: Citation) -> Record:
    law = catalogue.laws.get(citation.law)
    return {
        "implementation_code": code,
        "use": use,
        "title": law.title if law else citation.law,
        "number": law.number if law else None,
        "articles": citation.articles,
        "issuer": law.issuer if law else None,
        "effective": law.effective.isoformat() if law else None,
        "level": law.level.value if law else None,
        "repealed": law.repealed.isoformat() if law and law.repealed else None,
        "law_url": law.url if law else None,
        "law_id": citation.law,
    }


def citations(item: Item) -> list[tuple[str, Citation]]:
    """Every citation of an item with its use, in the order the 法律依据 table lists them."""
    found: list[tuple[str, Citation]] = [(b.role.value, b) for b in item.basis]
    found += [(f"受理条件{n}", c.basis) for n, c in enumerate(item.conditions, 1) if c.basis]
    for use, limit in (
        ("法定时限", item.time_limit.statutory),
        ("承诺时限", item.time_limit.promised),
    ):
        if limit.basis:
            found.append((use, limit.basis))
    found += [
        (f"特别程序{n}", s.basis) for n, s in enumerate(item.special_procedures, 1) if s.basis
    ]
    if not isinstance(item.fees, str):
        found += [(f"收费项目{n}", fee.basis) for n, fee in enumerate(item.fees, 1)]
    return found


def _steps(code: str, item: Item) -> list[Record]:
    rows: list[Record] = []
    group = 0
    for entry in item.steps:
        members = entry.parallel if isinstance(entry, ParallelSteps) else [entry]
        if isinstance(entry, ParallelSteps):
            group += 1
        for step in members:
            rows.append(
                {
                    "implementation_code": code,
                    "number": len(rows) + 1,
                    "group": group if isinstance(entry, ParallelSteps) else None,
                    "name": step.name,
                    "kind": step.kind.value,
                    "post": step.post,
                    "days": step.days,
                    "unit": step_unit(step, item.time_limit.promised.unit).value,
                    "description": step.description,
                    "window": step.window,
                }
            )
    return rows


def _item_extra(catalogue: Catalogue, loaded: LoadedItem, record: Record) -> Record:
    item = loaded.item
    limits = item.time_limit
    return {
        **record,
        "statutory_days": limits.statutory.days,
        "statutory_unit": limits.statutory.unit.value,
        "statutory_note": limits.statutory.note,
        "promised_days": limits.promised.days,
        "promised_unit": limits.promised.unit.value,
        "promised_note": limits.promised.note,
        "conditions": _numbered([c.text for c in item.conditions]),
        "by_law": ";".join(b["law"] for b in record["basis"]),
        "handle_flow": "→".join(
            "、".join(s.name for s in e.parallel) if isinstance(e, ParallelSteps) else e.name
            for e in item.steps
        ),
        "special_procedure": "、".join(s.name for s in item.special_procedures) or None,
        "free": "否" if record["free"] else "是",
        "fees": fees_summary(record),
        "department": record["department"]["name"],
        "department_id": record["department"]["id"],
        "joint_departments": "、".join(d["name"] for d in record["joint_departments"]),
        "audience": "、".join(record["audience"]),
        "online": item.online.name if item.online else None,
        "online_url": item.online.url if item.online else None,
        "result": item.result.name,
        "result_type": item.result.type.value,
        "result_validity": item.result.validity,
        "delivery": item.result.delivery,
        "keywords": "、".join(item.keywords),
        "windows": "、".join(item.windows) or None,
        "refusals": _numbered(item.refusals),
        "materials": len(item.materials),
        "situations": situationcell.dump(item),
    }


def _windows(department: Department) -> list[Window | None]:
    """A department's windows; one empty one for a department without, so it has a row."""
    return [*department.windows] or [None]


def tables(catalogue: Catalogue, data: Record) -> dict[str, list[Record]]:
    """Sheet name -> rows, for every sheet of :data:`.columns.SHEETS`."""
    out: dict[str, list[Record]] = {
        name: []
        for name in (
            "基本信息",
            "申请材料",
            "收费项目",
            "常见问题",
            "法律依据",
            "办理流程",
            "特别程序",
        )
    }
    for loaded, record in zip(catalogue.items.values(), data["items"], strict=True):
        item, code = loaded.item, loaded.item.codes.implementation
        out["基本信息"].append(_item_extra(catalogue, loaded, record))
        for m, published in zip(item.materials, record["materials"], strict=True):
            out["申请材料"].append(
                {
                    **published,
                    "blank_form": m.blank_form,
                    "sample": m.sample,
                    "exempt_way": m.exempt.way.value if m.exempt else None,
                    "exempt_basis": m.exempt.basis if m.exempt else None,
                    "implementation_code": code,
                    "item_name": item.name,
                    "id": loaded.id,
                }
            )
        if not isinstance(item.fees, str):
            for n, fee in enumerate(item.fees, start=1):
                out["收费项目"].append(
                    {
                        "implementation_code": code,
                        "number": n,
                        "name": fee.name,
                        "standard": fee.standard,
                        "basis": law_text(catalogue, fee.basis),
                        "approved_by": fee.approved_by,
                        "licence": fee.licence,
                    }
                )
        out["常见问题"] += [
            {"implementation_code": code, "number": n, "q": qa.q, "a": qa.a}
            for n, qa in enumerate(item.faq, start=1)
        ]
        out["法律依据"] += [_law_row(catalogue, code, u, c) for u, c in citations(item)]
        out["办理流程"] += _steps(code, item)
        out["特别程序"] += [
            {
                "implementation_code": code,
                "number": n,
                **s.model_dump(mode="json", exclude={"basis"}),
            }
            for n, s in enumerate(item.special_procedures, start=1)
        ]
    out["实施主体"] = [
        {
            "department_id": d.id,
            "department": d.name,
            "short_name": d.short_name,
            "window": w.name if w else None,
            "location": w.location if w else None,
            "enquiry_phone": d.enquiry_phone,
            "supervision_phone": d.supervision_phone,
            "address": d.address,
        }
        for d in catalogue.departments.values()
        for w in _windows(d)
    ]
    return out
