"""Display-ready views of catalogue objects: what templates show, already resolved.

Templates stay simple (no lookups, no arithmetic) when inheritance of phones, law titles,
time totals and links are worked out here.  Strings stay plain text: templates escape
them.  Only three values are markup, each produced by a module that escapes on its own:
the flow chart SVG, the QR code SVG and the JSON-LD script body.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from .. import parallel
from ..catalogue.loaded import Catalogue, LoadedItem, is_free, stage_days
from ..catalogue.models import (
    Audience,
    Basis,
    Chain,
    Citation,
    DayUnit,
    Department,
    Fee,
    Item,
    Kind,
    Material,
    ParallelSteps,
    SpecialProcedure,
    TimeLimit,
    Window,
)
from ..catalogue.windows import ItemWindow
from ..catalogue.wording import correction_basis
from ..catalogue.workdays import step_unit
from . import jsonld, progress, qr, urls
from .flowchart import describe_flow, render_flowchart
from .materials import MaterialList, material_list
from .situationview import SituationView, situation_view


@dataclass(frozen=True)
class Counts:
    items: int
    on_the_spot: int
    free: int


@dataclass(frozen=True)
class ThemeLink:
    title: str
    url: str
    count: int


@dataclass(frozen=True)
class Link:
    name: str
    url: str


@dataclass(frozen=True)
class ItemSummary:
    id: str
    name: str
    url: str
    code: str
    kind: Kind
    department: Link
    promised: TimeLimit
    free: bool
    audience: tuple[Audience, ...]


@dataclass(frozen=True)
class DepartmentView:
    id: str
    name: str
    url: str
    windows: tuple[Window, ...]
    enquiry_phone: str
    supervision_phone: str
    address: str | None
    items: tuple[ItemSummary, ...]

    @property
    def notices_url(self) -> str:
        return urls.department_notices_url(self.id)


@dataclass(frozen=True)
class StageView:
    number: int
    name: str
    items: tuple[ItemSummary, ...]
    days: Mapping[DayUnit, int]


@dataclass(frozen=True)
class ChainView:
    id: str
    name: str
    url: str
    description: str
    stages: tuple[StageView, ...]
    series_days: Mapping[DayUnit, int]
    parallel_days: Mapping[DayUnit, int]


@dataclass(frozen=True)
class DepartmentGroup:
    department: Link
    items: tuple[ItemSummary, ...]


@dataclass(frozen=True)
class LawRef:
    title: str
    articles: str
    level: str | None
    number: str | None
    url: str | None
    role: str | None
    repealed: date | None = None
    """Repeal date: a built guide cites only laws still in force, so it says 将于…废止."""
    page_url: str | None = None  # the law's page in the register; None: not in laws.yaml


@dataclass(frozen=True)
class StepView:
    number: str
    name: str
    kind: str
    post: str
    days: int
    parallel: bool
    description: str | None
    unit: str = "工作日"


@dataclass(frozen=True)
class Phone:
    label: str
    number: str


@dataclass(frozen=True)
class ItemView:
    """An item guide (and its notice sheet) with everything resolved."""

    id: str
    item: Item
    url: str
    notice_url: str
    data_url: str
    public_url: str
    department: Link
    windows: tuple[ItemWindow, ...]
    correction_basis: str
    joint: tuple[Link, ...]
    bases: tuple[LawRef, ...]
    conditions: tuple[tuple[str, LawRef | None], ...]
    materials: tuple[tuple[int, Material, str | None, str | None], ...]
    material_list: MaterialList
    steps: tuple[StepView, ...]
    specials: tuple[tuple[SpecialProcedure, LawRef | None], ...]
    free: bool
    fees: tuple[tuple[Fee, LawRef], ...]
    time_bases: tuple[LawRef | None, LawRef | None]
    place: str
    hours: str
    phones: tuple[Phone, ...]
    chains: tuple[Link, ...]
    bundles: tuple[Link, ...]
    """The 一件事 the item is part of (本事项属于「…」一件事)."""
    flowchart: Markup
    flow_text: tuple[str, ...]
    jsonld: Markup
    qr: Markup
    situations: SituationView | None = None


def law_ref(catalogue: Catalogue, citation: Citation) -> LawRef:
    """A citation with its law's title; an unresolved law shows its id (check reports it)."""
    law = catalogue.laws.get(citation.law)
    role = citation.role.value if isinstance(citation, Basis) else None
    if law is None:
        return LawRef(citation.law, citation.articles, None, None, None, role)
    page = urls.law_url(law.id)
    return LawRef(
        law.title, citation.articles, law.level.value, law.number, law.url, role, law.repealed, page
    )


def _department_link(catalogue: Catalogue, department_id: str) -> Link:
    department = catalogue.departments.get(department_id)
    name = department.name if department else department_id
    return Link(name, urls.department_url(department_id))


def item_summary(catalogue: Catalogue, loaded: LoadedItem) -> ItemSummary:
    item = loaded.item
    return ItemSummary(
        id=loaded.id,
        name=item.name,
        url=urls.item_url(loaded.id),
        code=item.codes.basic,
        kind=item.kind,
        department=_department_link(catalogue, loaded.department_id),
        promised=item.time_limit.promised,
        free=is_free(item),
        audience=tuple(item.audience),
    )


def department_view(catalogue: Catalogue, department: Department) -> DepartmentView:
    items = tuple(item_summary(catalogue, i) for i in catalogue.items_of(department.id))
    return DepartmentView(
        id=department.id,
        name=department.name,
        url=urls.department_url(department.id),
        windows=tuple(department.windows),
        enquiry_phone=department.enquiry_phone,
        supervision_phone=department.supervision_phone,
        address=department.address,
        items=items,
    )


def chain_view(catalogue: Catalogue, chain: Chain) -> ChainView:
    stages = []
    for number, stage in enumerate(chain.stages, start=1):
        members = tuple(
            item_summary(catalogue, catalogue.items[i]) for i in stage.items if i in catalogue.items
        )
        stages.append(StageView(number, stage.name, members, stage_days(catalogue, stage.items)))
    series, parallel = catalogue.chain_totals(chain)
    return ChainView(
        chain.id,
        chain.name,
        urls.chain_url(chain.id),
        chain.description,
        tuple(stages),
        series,
        parallel,
    )


def group_by_department(summaries: Iterable[ItemSummary]) -> tuple[DepartmentGroup, ...]:
    groups: dict[str, list[ItemSummary]] = {}
    links: dict[str, Link] = {}
    for summary in summaries:
        groups.setdefault(summary.department.url, []).append(summary)
        links[summary.department.url] = summary.department
    return tuple(DepartmentGroup(links[url], tuple(items)) for url, items in groups.items())


def item_files(item: Item) -> list[str]:
    """Catalogue files an item links to (blank forms and samples), in order."""
    return [p for m in item.materials for p in (m.blank_form, m.sample) if p]


def _steps(item: Item) -> tuple[StepView, ...]:
    """Steps numbered as the flow chart shows them: parallel branches are 3.1, 3.2 ..."""
    out = []
    promised = item.time_limit.promised.unit
    for number, entry in enumerate(item.steps, start=1):
        parallel = isinstance(entry, ParallelSteps)
        branches = entry.parallel if isinstance(entry, ParallelSteps) else [entry]
        for sub, s in enumerate(branches, start=1):
            label = f"{number}.{sub}" if parallel else str(number)
            unit = step_unit(s, promised).value
            view = (label, s.name, s.kind.value, s.post, s.days, parallel, s.description, unit)
            out.append(StepView(*view))
    return tuple(out)


def _optional_ref(catalogue: Catalogue, citation: Citation | None) -> LawRef | None:
    return law_ref(catalogue, citation) if citation else None


@dataclass(frozen=True)
class Drawings:
    """An item's flow chart and QR code: most of the time an item's view takes."""

    flowchart: Markup
    qr: Markup


def drawings(catalogue: Catalogue, loaded: LoadedItem, url: str) -> Drawings:
    """The SVGs of the item whose guide is at the site URL ``url``."""
    assert catalogue.centre is not None
    item = loaded.item
    chart = render_flowchart(item, title=f"{item.name}办理流程图", chart_id=f"flow-{loaded.id}")
    public_url = urls.absolute_url(catalogue.centre.base_url, url)
    return Drawings(Markup(chart), Markup(qr.qr_svg(public_url)))


def draw_all(catalogue: Catalogue) -> dict[str, Drawings]:
    """Every item's drawings, on every core (a quarter of a large build's time otherwise)."""
    loaded = list(catalogue.items.values())

    def draw(one: LoadedItem) -> Drawings:
        return drawings(catalogue, one, urls.item_url(one.id))

    drawn: list[Drawings] = []
    for chunk in parallel.fork_map(draw, loaded):
        drawn.extend(chunk)
        progress.report("绘制流程图和二维码", len(drawn), len(loaded))
    return {one.id: d for one, d in zip(loaded, drawn, strict=True)}


def item_view(
    catalogue: Catalogue, loaded: LoadedItem, *, url: str, drawn: Drawings | None = None
) -> ItemView:
    """Everything the guide and the notice sheet show for one item (``drawn``: its
    drawings made beforehand, see :func:`draw_all`)."""
    assert catalogue.centre is not None
    centre, item = catalogue.centre, loaded.item
    public_url = urls.absolute_url(centre.base_url, url)
    enquiry = catalogue.enquiry_phone(loaded) or centre.enquiry_phone
    supervision = catalogue.supervision_phone(loaded) or centre.supervision_phone
    phones = (
        Phone("咨询电话", enquiry),
        Phone("监督投诉电话", supervision),
        Phone("中心监督电话", centre.supervision_phone),
        Phone("政务服务便民热线", centre.citizen_hotline),
    )
    materials = tuple(
        (
            n,
            m,
            urls.file_url(m.blank_form) if m.blank_form else None,
            urls.file_url(m.sample) if m.sample else None,
        )
        for n, m in enumerate(item.materials, start=1)
    )
    fees = (
        ()
        if isinstance(item.fees, str)
        else tuple((fee, law_ref(catalogue, fee.basis)) for fee in item.fees)
    )
    member_of = catalogue.chains_of(loaded.id)
    bundles = tuple(Link(c.name, urls.bundle_url(c.id)) for c in member_of if c.bundle)
    department_link = _department_link(catalogue, loaded.department_id)
    place = catalogue.place(loaded) or centre.address
    drawn = drawn or drawings(catalogue, loaded, url)
    return ItemView(
        id=loaded.id,
        item=item,
        url=url,
        notice_url=urls.notice_url(loaded.id),
        data_url=urls.item_data_url(loaded.id),
        public_url=public_url,
        department=department_link,
        windows=catalogue.windows(loaded),
        correction_basis=correction_basis(centre, item.type) or "",
        joint=tuple(_department_link(catalogue, d) for d in item.joint_departments),
        bases=tuple(law_ref(catalogue, b) for b in item.basis),
        conditions=tuple((c.text, _optional_ref(catalogue, c.basis)) for c in item.conditions),
        materials=materials,
        material_list=material_list(materials),
        steps=_steps(item),
        specials=tuple((p, _optional_ref(catalogue, p.basis)) for p in item.special_procedures),
        free=is_free(item),
        fees=fees,
        time_bases=(
            _optional_ref(catalogue, item.time_limit.statutory.basis),
            _optional_ref(catalogue, item.time_limit.promised.basis),
        ),
        place=place,
        hours=catalogue.hours(loaded) or centre.hours,
        phones=phones,
        chains=tuple(Link(c.name, urls.chain_url(c.id)) for c in member_of),
        bundles=bundles,
        flowchart=drawn.flowchart,
        flow_text=tuple(describe_flow(item)),
        jsonld=Markup(
            jsonld.script_body(
                jsonld.government_service(
                    centre,
                    item,
                    department_name=department_link.name,
                    url=public_url,
                    enquiry_phone=enquiry,
                    place=place,
                )
            )
        ),
        qr=drawn.qr,
        situations=situation_view(item),
    )
