"""Plan the portal: which pages exist, their titles and template contexts.

URLs come from :mod:`generator.portal.urls`.  The plan knows nothing of MkDocs; the adapter
turns each :class:`Page` into a generated file and injects its rendered HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..catalogue import files
from ..catalogue.loaded import Catalogue, LoadedItem, is_free, is_on_the_spot
from ..catalogue.models import Audience
from ..catalogue.revision import SheetVersion, content_versions
from ..opendata import records
from ..opendata.stats import statistics
from ..review.history import History
from . import bundleview, changes, datafiles, lawpages, progress, statspage, views
from .urls import (
    BUNDLES,
    CHAINS,
    CHANGES,
    CHANGES_FEED,
    DATA,
    DEPARTMENTS,
    HOME,
    LAWS,
    SEARCH,
    SHELL_ID,
    STATS,
    department_notices_url,
    file_url,
    item_data_url,
    item_url,
    notice_url,
    site_path,
    src_uri,
    theme_url,
)

THEMES: dict[str, tuple[str, Audience]] = {
    "person": ("个人办事", Audience.PERSON),
    "organisation": ("法人办事", Audience.ORGANISATION),
}
"""Theme slug -> (title, audience).  The slugs are permanent URLs."""

ITEM_SECTIONS: tuple[tuple[str, str], ...] = (
    ("basic", "基本信息"),
    ("basis", "设定依据"),
    ("conditions", "受理条件"),
    ("materials", "申请材料"),
    ("procedure", "办理流程"),
    ("time", "办理时限"),
    ("fees", "收费"),
    ("place", "办理地点和时间"),
    ("phones", "咨询和监督电话"),
    ("faq", "常见问题"),
)
"""Sections of an item guide, in the order of the national guides (anchor, heading)."""


@dataclass(frozen=True)
class Page:
    """One planned page.  ``title`` is plain text; templates and adapters escape it."""

    url: str
    template: str
    title: str
    context: Mapping[str, Any]
    in_nav: bool = False
    toc: tuple[tuple[str, str], ...] = ()
    shell: str | None = None
    """URL of the shell page this page is written from, for the pages whose number grows
    with the catalogue (see :mod:`generator.portal.shells`); None: the theme renders it."""
    cost: int = 1
    """How long the page takes to render relative to one item guide, to spread the
    pages evenly over the cores (a department's batch of notice sheets costs one a sheet)."""

    @property
    def src_uri(self) -> str:
        return src_uri(self.url)


@dataclass(frozen=True)
class StaticFile:
    """A catalogue file published as is (blank forms and samples); ``url`` is its place in
    the site folder, not percent-encoded (links use :func:`urls.file_url`)."""

    source: Path
    url: str


@dataclass(frozen=True)
class GeneratedFile:
    """A file whose content the plan produces (the Atom feed, the open data files)."""

    url: str
    content: bytes


@dataclass
class SitePlan:
    pages: list[Page] = field(default_factory=list)
    files: list[StaticFile] = field(default_factory=list)
    generated: list[GeneratedFile] = field(default_factory=list)
    per_item: list[GeneratedFile] = field(default_factory=list)
    """Generated files, one per item (``index.json``): too many for MkDocs to copy one by
    one, so they are written beside the item pages, on every core."""

    def by_url(self) -> dict[str, Page]:
        return {page.url: page for page in self.pages}


NAV: tuple[tuple[str, str], ...] = (
    ("首页", HOME),
    ("部门", DEPARTMENTS),
    ("审批链", CHAINS),
    ("个人办事", theme_url("person")),
    ("法人办事", theme_url("organisation")),
    ("最近更新", CHANGES),
)
"""The whole navigation: a few fixed entries.  Items are never listed in it (a nav listing
every item is copied into every page and grows the site with the square of the catalogue)."""


def _publish(plan: SitePlan, source: Path, url: str) -> None:
    """A form the checks passed (:func:`files.inspect`: no link, an allowed type): copied
    as it is, or, for a ``.txt``, with the byte-order mark that makes browsers read UTF-8."""
    text = files.published_bytes(source)
    if text is None:
        plan.files.append(StaticFile(source, url))
    else:
        plan.generated.append(GeneratedFile(url, text))


ItemViewer = Callable[[Catalogue, LoadedItem, str], views.ItemView]


def _item_view(catalogue: Catalogue, loaded: LoadedItem, url: str) -> views.ItemView:
    return views.item_view(catalogue, loaded, url=url)


def plan_data(
    catalogue: Catalogue,
) -> tuple[statspage.DataPageView, list[GeneratedFile], list[GeneratedFile]]:
    """The data page's table of files (size, SHA-256), the catalogue-wide data files and
    the per-item ``index.json`` files: everything that serialises the whole catalogue."""
    progress.report("开放数据", 0, 1)
    data_files = datafiles.data_files(catalogue)
    view = statspage.data_page_view(
        next(iter(catalogue.items), None), records.licence(catalogue), data_files
    )
    item_data = {item_data_url(item_id) for item_id in catalogue.items}
    generated: list[GeneratedFile] = []
    per_item: list[GeneratedFile] = []
    for data_url, content in data_files.items():
        (per_item if data_url in item_data else generated).append(GeneratedFile(data_url, content))
    progress.report("开放数据", 1, 1)
    return view, generated, per_item


def data_sample(catalogue: Catalogue) -> statspage.DataPageView:
    """The data page's table as if every data file were empty: enough for the engine to
    draw the page around it before the files are made (:func:`plan_data`)."""
    empty = dict.fromkeys(datafiles.data_urls(catalogue), b"")
    example = next(iter(catalogue.items), None)
    return statspage.data_page_view(example, records.licence(catalogue), empty)


def plan_site(
    catalogue: Catalogue,
    history: History | None = None,
    versions: Mapping[str, SheetVersion] | None = None,
    *,
    item_view: ItemViewer = _item_view,
    data: bool = True,
) -> SitePlan:
    """Every page of the portal, in a stable order, with its context.

    ``history`` (from :mod:`generator.review.history`) adds 最近更新, its feed and a short
    history on each item page; without it those are left out.  ``versions`` are the sheet
    versions printed on notice sheets (git revisions); without them each sheet shows a hash
    of its source files.  ``item_view`` builds an item's guide (the preview server passes
    one that remembers).  ``data=False`` leaves the open data files out and the data
    page without its table (the preview writes both after the reload: :func:`plan_data`).
    """
    if catalogue.centre is None:
        raise ValueError("catalogue has no centre.yaml")
    centre = catalogue.centre
    nav_urls = {url for _, url in NAV}
    plan = SitePlan()

    def add(
        url: str,
        template: str,
        title: str,
        toc: tuple[tuple[str, str], ...] = (),
        shell: str | None = None,
        cost: int = 1,
        **ctx: Any,
    ) -> None:
        context = {"centre": centre, "page_url": url, "page_title": title, **ctx}
        plan.pages.append(Page(url, template, title, context, url in nav_urls, toc, shell, cost))

    summaries = [views.item_summary(catalogue, loaded) for loaded in catalogue.items.values()]
    departments = [views.department_view(catalogue, d) for d in catalogue.departments.values()]
    chains = [views.chain_view(catalogue, c) for c in catalogue.chains.values()]
    bundles = [bundleview.bundle_view(catalogue, c) for c in catalogue.chains.values() if c.bundle]
    themes = [
        views.ThemeLink(title, theme_url(slug), sum(audience in s.audience for s in summaries))
        for slug, (title, audience) in THEMES.items()
    ]
    items = [loaded.item for loaded in catalogue.items.values()]
    counts = views.Counts(
        items=len(items),
        on_the_spot=sum(is_on_the_spot(i) for i in items),
        free=sum(is_free(i) for i in items),
    )
    add(
        HOME,
        "home.html",
        centre.name,
        departments=departments,
        bundles=bundles,
        chains=chains,
        themes=themes,
        counts=counts,
    )
    add(SEARCH, "search.html", "搜索办事事项", departments=departments)
    add(DEPARTMENTS, "departments.html", "办事部门", departments=departments)
    for department in departments:
        add(department.url, "department.html", department.name, department=department)
    add(CHAINS, "chains.html", "审批链(一条龙办理)", chains=chains)
    bundle_of = {b.id: bundleview.bundle_link(b) for b in bundles}
    for chain in chains:
        add(chain.url, "chain.html", chain.name, chain=chain, bundle=bundle_of.get(chain.id))
    add(BUNDLES, "bundles.html", "一件事一次办", bundles=bundles)
    for bundle in bundles:
        add(bundle.url, "bundle.html", f"{bundle.name}(一件事)", bundle=bundle)
        add(
            bundle.notice_url,
            "bundle_notice.html",
            f"一次性告知单:{bundle.name}一件事",
            bundle=bundle,
        )
    for slug, (title, audience) in THEMES.items():
        add(
            theme_url(slug),
            "theme.html",
            title,
            audience=audience.value,
            groups=views.group_by_department(s for s in summaries if audience in s.audience),
        )
    laws = lawpages.law_views(catalogue)
    add(LAWS, "laws.html", "法律法规", laws=laws)
    for law in laws:
        add(law.url, "law.html", law.title, law=law)
    add(STATS, "stats.html", "统计数据", stats=statspage.stats_view(statistics(catalogue)))
    if data:
        view, generated, per_item = plan_data(catalogue)
        plan.generated.extend(generated)
        plan.per_item.extend(per_item)
    add(DATA, "data.html", "开放数据", data=view if data else None)
    published: set[str] = set()
    versions = versions if versions is not None else content_versions(catalogue)
    sheets: dict[str, list[tuple[views.ItemView, SheetVersion]]] = {}
    for loaded in catalogue.items.values():
        guide = item_view(catalogue, loaded, item_url(loaded.id))
        version = versions[loaded.id]
        sheets.setdefault(loaded.department_id, []).append((guide, version))
        item_history = changes.item_history(history, loaded.id) if history else None
        add(
            item_url(loaded.id),
            "item.html",
            loaded.item.name,
            ITEM_SECTIONS,
            shell=item_url(SHELL_ID),
            item=guide,
            history=item_history,
        )
        add(
            notice_url(loaded.id),
            "notice.html",
            f"一次性告知单:{loaded.item.name}",
            shell=notice_url(SHELL_ID),
            item=guide,
            version=version,
        )
        for path in views.item_files(loaded.item):
            url = file_url(path)
            if url and url not in published and files.inspect(catalogue.root, path) is None:
                published.add(url)
                _publish(plan, catalogue.root / path, site_path(url))
    if history is not None:
        ids = set(catalogue.items)
        newest = max((i.reviewed for i in items), default=centre.reviewed or date(2000, 1, 1))
        add(
            CHANGES,
            "changes.html",
            "最近更新",
            changes=changes.recent(history, ids),
            scope=changes.scope(history),
            feed_url=CHANGES_FEED,
        )
        plan.generated.append(
            GeneratedFile(CHANGES_FEED, changes.feed(history, centre, ids, newest))
        )
    for department in departments:
        if sheets.get(department.id):
            add(
                department.notices_url,
                "notices.html",
                f"{department.name}:全部一次性告知单",
                shell=department_notices_url(SHELL_ID),
                cost=len(sheets[department.id]),
                department=department,
                sheets=sheets[department.id],
            )
    return plan
