"""The view of a 一件事 bundle: its page and its one notice sheet for the whole road.

Everything the two templates show is resolved here (links, the lead window, the time texts,
which item asks for which material) so the templates stay lookups-free, as ``views.py``
does for items.  The figures come from :mod:`generator.catalogue.bundlework`.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..catalogue.bundlework import BundleTime, Span, bundle_time, merged_materials
from ..catalogue.exempt import exempt_how
from ..catalogue.loaded import Catalogue, LoadedItem
from ..catalogue.models import Chain, Material
from . import qr, urls
from .situationview import situation_view
from .views import ItemSummary, Link, Phone, item_summary


def span_text(span: Span) -> str:
    """``5 个工作日``, ``20 个自然日``, both joined by 另加 (never added), or 当场办结."""
    parts = [
        f"{n} 个{unit}" for n, unit in ((span.working, "工作日"), (span.calendar, "自然日")) if n
    ]
    return ",另加 ".join(parts) or "当场办结"


@dataclass(frozen=True)
class StageView:
    number: int
    name: str
    items: tuple[ItemSummary, ...]
    days: str
    mixed: bool


@dataclass(frozen=True)
class UseView:
    """One item asking for a material, as that item describes it."""

    item: Link
    number: int
    form: str
    """原件 1 份(纸质)."""
    necessity: str
    when: str
    """When the item asks for it: its free-text ``when`` or its situation answers."""
    exempt: str
    """免提交 for this item: how the window obtains it (``数据共享:…``), else ""."""


@dataclass(frozen=True)
class MaterialRow:
    number: int
    name: str
    uses: tuple[UseView, ...]
    form: str
    """The form and copies when every item asks the same, else "" (each use says its own)."""
    produced_by: Link | None
    exempt: bool
    """Every item asking for it fetches it itself (免于提交): said once, off the checklist."""


@dataclass(frozen=True)
class BundleView:
    id: str
    name: str
    url: str
    notice_url: str
    chain_url: str
    public_url: str
    description: str
    note: str | None
    lead: Link
    lead_windows: tuple[str, ...]
    phones: tuple[Phone, ...]
    stages: tuple[StageView, ...]
    item_count: int
    total: str
    bounded: bool
    specials: tuple[str, ...]
    materials: tuple[MaterialRow, ...]
    shared: int
    """How many materials more than one item asks for (listed once)."""
    obtained: int
    """How many are results of an earlier item of the road (not prepared beforehand)."""
    exempt: int
    prepare: int
    """Neither 免于提交 nor obtained on the road: what the applicant prepares."""
    qr: Markup


def _form(material: Material) -> str:
    return f"{material.form.value} {material.copies} 份({material.medium.value})"


def _link(loaded: LoadedItem) -> Link:
    return Link(loaded.item.name, urls.item_url(loaded.id))


def _when(loaded: LoadedItem, number: int, material: Material) -> str:
    if material.when:
        return material.when
    view = situation_view(loaded.item)
    return view.labels[number - 1] if view is not None else ""


def _rows(catalogue: Catalogue, chain: Chain) -> tuple[MaterialRow, ...]:
    rows = []
    for number, merged in enumerate(merged_materials(catalogue, chain), start=1):
        uses = tuple(
            UseView(
                _link(u.item),
                u.number,
                _form(u.material),
                u.material.necessity.value,
                _when(u.item, u.number, u.material),
                exempt_how(u.material.exempt) if u.material.exempt else "",
            )
            for u in merged.uses
        )
        forms = {u.form for u in uses}
        rows.append(
            MaterialRow(
                number,
                merged.name,
                uses,
                forms.pop() if len(forms) == 1 else "",
                _link(merged.produced_by) if merged.produced_by else None,
                all(u.exempt for u in uses),
            )
        )
    return tuple(rows)


def _specials(time: BundleTime) -> tuple[str, ...]:
    return tuple(
        f"{loaded.item.name}:{p.name},最长 {p.days} 个{p.unit.value}" for loaded, p in time.specials
    )


def bundle_view(catalogue: Catalogue, chain: Chain) -> BundleView:
    """The page and sheet of a chain with ``bundle:`` (only called for those)."""
    assert chain.bundle is not None and catalogue.centre is not None
    centre, lead_id = catalogue.centre, chain.bundle.lead
    lead = catalogue.departments.get(lead_id)
    time = bundle_time(catalogue, chain)
    url = urls.bundle_url(chain.id)
    public_url = urls.absolute_url(centre.base_url, url)
    stages = tuple(
        StageView(
            s.number,
            s.name,
            tuple(item_summary(catalogue, m.item) for m in s.members),
            span_text(s.span),
            s.mixed,
        )
        for s in time.stages
    )
    materials = _rows(catalogue, chain)
    phones = tuple(
        Phone(label, number)
        for label, number in (
            ("牵头部门咨询电话", lead.enquiry_phone if lead else None),
            ("牵头部门监督投诉电话", lead.supervision_phone if lead else None),
            ("中心监督电话", centre.supervision_phone),
            ("政务服务便民热线", centre.citizen_hotline),
        )
        if number
    )
    return BundleView(
        id=chain.id,
        name=chain.name,
        url=url,
        notice_url=urls.bundle_notice_url(chain.id),
        chain_url=urls.chain_url(chain.id),
        public_url=public_url,
        description=chain.description,
        note=chain.bundle.note,
        lead=Link(lead.name if lead else lead_id, urls.department_url(lead_id)),
        lead_windows=tuple(
            f"{w.name}({w.location})"
            for w in (lead.windows if lead else ())
            if chain.bundle.window in (None, w.name)
        ),
        phones=phones,
        stages=stages,
        item_count=sum(len(s.items) for s in stages),
        total=span_text(time.total),
        bounded=time.bounded,
        specials=_specials(time),
        materials=materials,
        shared=sum(len(r.uses) > 1 for r in materials),
        obtained=sum(r.produced_by is not None for r in materials),
        exempt=sum(r.exempt for r in materials),
        prepare=sum(not r.exempt and r.produced_by is None for r in materials),
        qr=Markup(qr.qr_svg(public_url)),
    )


def bundle_link(bundle: BundleView) -> Link:
    """The link a chain's page gives to its 一件事 (same id, another permanent URL)."""
    return Link(bundle.name, bundle.url)
