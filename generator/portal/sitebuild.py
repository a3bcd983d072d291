"""One build of the portal, owned by the generator: check, plan, render, write.

The site engine (MkDocs and Material, reached only through
:mod:`generator.portal.mkdocs_plugin`) is asked for one thing: draw its chrome around
*marker pages*, whose content is empty and replaced here: one shell per kind of page
that grows with the catalogue (item, notice, a department's sheets) and each fixed page
(home, lists, about).  Everything else is written here once the engine has drawn: the
pages filled into the shells, data files, forms, assets, the sitemap and the search index.

Every input is an argument (catalogue, as-of date, strictness, the preview server's
memo, a progress callback); nothing is read from the environment, and nothing outlives
the build but what the caller keeps.
"""

from __future__ import annotations

import gc
import html
import shutil
from collections.abc import Collection, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from jinja2 import BytecodeCache, Environment, TemplateError

from ..catalogue.diagnostics import Diagnostic, Report
from ..catalogue.loaded import Catalogue
from ..checks.pipeline import check_catalogue
from ..search import index as search_index
from ..search.synonyms import load_synonyms
from . import datafiles, memo, progress, servelog, shells, sitemap, urls
from .pages import GeneratedFile, Page, SitePlan, data_sample, plan_data
from .progress import Progress
from .rendering import render_page
from .shells import Shell

PACKAGE = Path(__file__).resolve().parent.parent
ASSETS = PACKAGE / "assets" / "banshi"
TEMPLATES = PACKAGE / "templates"

CSS = ("portal.css", "search.css", "opendata.css", "care.css", "notice-print.css", "situations.css")
JAVASCRIPT = ("portal.js", "search.js", "care.js", "notice.js", "situations.js")
"""Our assets, in the order the theme links them (after its own)."""


class BuildFailed(Exception):
    """The build cannot go on; the message is for the person at the terminal."""

    def __init__(self, message: str, diagnostics: Sequence[Diagnostic] = ()) -> None:
        super().__init__(message)
        self.diagnostics = list(diagnostics)


@dataclass(frozen=True)
class Chrome:
    """What the engine prints around every page: names already escaped for its templates."""

    site_name: str
    site_url: str
    copyright: str
    css: tuple[str, ...]
    javascript: tuple[str, ...]
    problems: tuple[str, ...]
    """Preview only: catalogue errors set aside, shown in a banner on every page."""


def newest_review(catalogue: Catalogue) -> date:
    """The sitemap's date: the catalogue's newest review, never the clock."""
    dates = [loaded.item.reviewed for loaded in catalogue.items.values()]
    if catalogue.centre and catalogue.centre.reviewed:
        dates.append(catalogue.centre.reviewed)
    return max(dates, default=date(2000, 1, 1))


class SiteBuild:
    """Check, plan and write one site.  Use as a context manager around the whole build
    (progress reaches ``progress`` inside it; objects frozen for speed are thawed after)."""

    def __init__(
        self,
        catalogue: Path,
        *,
        overrides: Path,
        as_of: date | None = None,
        strict: bool = False,
        preview: memo.Memo | None = None,
        progress: Progress | None = None,
        shells: bool = True,
        search: bool = True,
        only: Collection[str] | None = None,
    ) -> None:
        self.root = catalogue.resolve()
        self.overrides = overrides
        self.as_of = as_of
        self.strict = strict
        self.memo = preview if preview is not None else memo.Memo()
        self.progress = progress
        self.use_shells = shells
        self.search = search
        self.only = None if only is None else frozenset(only)
        """Draw just these page URLs (``notices --item``: one sheet, not the whole site),
        with the few top-level pages the navigation names: no data files, forms or search
        index; the assets still."""
        self._checked: Catalogue | None = None
        self._frozen = False
        self.catalogue: Catalogue | None = None
        self.plan = SitePlan()
        self.chrome = Chrome("", "/", "", (), (), ())
        self.lastmod = date(2000, 1, 1)
        self.env: Environment | None = None
        self._pages: dict[str, Page] = {}
        """Source URI of each marker page -> the page whose content it gets."""
        self._shells: dict[str, Page] = {}
        """Shell URL -> the first page of its kind (it lends the shell its content and toc)."""
        self._drawn = 0
        self._later: Page | None = None
        """Preview only: the data page, whose table of the data files (size, SHA-256) is
        filled in after the reload, with those files (:meth:`finish_aggregates`)."""
        self._later_shell: Shell | None = None
        self._scope = ExitStack()

    @property
    def serving(self) -> bool:
        """A preview rebuild: the server's folder is kept and only changed files written."""
        return self.memo.enabled

    def __enter__(self) -> SiteBuild:
        self._scope.enter_context(progress.reporting(self.progress))
        return self

    def __exit__(self, *exc: object) -> None:
        if self._frozen:
            gc.unfreeze()
            self._frozen = False
        self._scope.close()
        if isinstance(self.progress, progress.Bars):
            self.progress.close()

    def check(self) -> tuple[Report, bool]:
        """Run every rule (as ``check`` does); True if the build may go on.  The checked
        catalogue is kept for :meth:`prepare`, so it is loaded only once."""
        if not self.root.is_dir():
            raise BuildFailed(f"目录不存在:{self.root}")
        if self.as_of is None:
            raise ValueError("check needs an as-of date")
        progress.report("检查目录", 0, 1)
        catalogue, report = check_catalogue(self.root, as_of=self.as_of)
        progress.report("检查目录", 1, 1)
        passed = report.exit_code(strict=self.strict) == 0
        self._checked = catalogue if passed else None
        return report, passed

    def prepare(self) -> None:
        """Load (unless checked) and plan the site; fixes what the engine will be told."""
        if not self.root.is_dir():
            raise BuildFailed(f"目录不存在:{self.root}")
        progress.report("读取目录", 0, 1)
        # The data files serialise the whole catalogue: made last, once the pages are
        # written and let go (the preview: after the reload).  The first preview makes them
        # at once, having no earlier table to show in the meantime.
        later = self.only is None and (not self.serving or self.memo.data_page is not None)
        try:
            catalogue, plan, set_aside = memo.plan(
                self.root,
                [TEMPLATES, self.overrides],
                self.memo,
                checked=self._checked,
                data=not later,
            )
        except memo.CatalogueErrors as exc:
            text = "".join(f"{d.parsable()}\n" for d in exc.diagnostics)
            raise BuildFailed(
                f"{text}目录 {self.root} 有错误,无法生成网站。", exc.diagnostics
            ) from exc
        self._checked = None
        if not self.serving and gc.get_freeze_count() == 0:
            # A one-off build keeps the catalogue and the plan to the end: frozen, they are
            # no longer rescanned by every collection (which tripled the time to render pages).
            gc.freeze()
            self._frozen = True
        progress.report("读取目录", 1, 1)
        for diagnostic in set_aside:
            servelog.LOG.error("目录有错误,预览保留上次正确的版本:%s", diagnostic.parsable())
        centre = catalogue.centre
        if centre is None:  # memo.plan never returns one without: say so to mypy
            raise BuildFailed("目录缺少 centre.yaml。")
        if not self.use_shells:
            plan.pages = [replace(p, shell=None) for p in plan.pages]
        if self.only is not None:
            # The navigation's and the top level's pages stay (a handful; MkDocs insists).
            plan.pages = [
                p for p in plan.pages if p.url in self.only or p.in_nav or p.url.count("/") <= 2
            ]
            plan.generated, plan.per_item, plan.files = [], [], []
            self.search = False
        self.catalogue, self.plan = catalogue, plan
        self._pages = {page.src_uri: page for page in plan.pages if page.shell is None}
        self._later = self._pages.get(urls.src_uri(urls.DATA)) if later else None
        self._shells = {}
        for page in plan.pages:
            if page.shell is not None:
                first = self._shells.setdefault(page.shell, page)
                # The theme draws each kind's table of contents once, from its first page.
                if page.toc != first.toc:
                    raise BuildFailed(
                        f"页面 {page.url} 的目录与同类页面 {first.url} 不同,不能共用外壳。"
                    )
        self.env = self.memo.environment(self.overrides)
        self.lastmod = newest_review(catalogue)
        self.chrome = Chrome(
            site_name=html.escape(centre.name),
            site_url=centre.base_url,
            copyright=html.escape(
                f"{centre.name} · 地址:{centre.address} · 政务服务便民热线 {centre.citizen_hotline}"
            ),
            css=tuple(urls.asset_url(name).lstrip("/") for name in CSS),
            javascript=tuple(urls.asset_url(name).lstrip("/") for name in JAVASCRIPT),
            problems=tuple(d.parsable() for d in set_aside),
        )

    # What the engine asks while drawing.

    def marker_pages(self) -> list[tuple[str, bool]]:
        """(source URI, listed in the navigation) of every page the engine is to draw."""
        fixed = [(uri, page.in_nav) for uri, page in self._pages.items()]
        return fixed + [(urls.src_uri(shell), False) for shell in self._shells]

    def _shell(self, uri: str) -> Page | None:
        return next((p for s, p in self._shells.items() if urls.src_uri(s) == uri), None)

    def title(self, uri: str) -> str | None:
        """The marker page's title, escaped (the theme prints it as is); None: not ours."""
        if self._shell(uri) is not None:
            return shells.TITLE
        page = self._pages.get(uri)
        return html.escape(page.title) if page is not None else None

    def content(self, uri: str) -> tuple[str, tuple[tuple[str, str], ...]] | None:
        """The marker page's content HTML and table of contents (anchor, label)."""
        first = self._shell(uri)
        page = first or self._pages.get(uri)
        if page is None:
            return None
        self._drawn += 1
        progress.report("生成页面", self._drawn, len(self._pages) + len(self._shells))
        if page is self._later and self.catalogue is not None:
            sample = self.memo.data_page if self.serving else None
            if sample is None:
                sample = self.render(
                    replace(page, context={**page.context, "data": data_sample(self.catalogue)})
                )
            return shells.content_marker(sample), page.toc
        rendered = self._rendered(page) if self.serving else self.render(page)
        if self.serving and page.url == urls.DATA:
            self.memo.data_page = rendered
        return (shells.content_marker(rendered) if first else rendered), page.toc

    @property
    def template_cache(self) -> BytecodeCache | None:
        """Compiled theme templates kept between preview rebuilds."""
        return self.memo.templates if self.serving else None

    def render(self, page: Page) -> str:
        if self.env is None:
            raise BuildFailed("模板环境未初始化。")
        try:
            return render_page(self.env, page)
        except TemplateError as exc:
            raise BuildFailed(f"页面 {page.url} 渲染失败(模板 {page.template}):{exc}") from exc

    # After the engine has drawn.

    def finish(self, site_dir: Path, drawn: Sequence[str]) -> None:
        """Write everything the engine did not: ``drawn`` are the URLs it drew, in order."""
        loaded: dict[str, shells.Shell] = {}
        for url in self._shells:
            path = shells.output_path(site_dir, url)
            try:
                loaded[url] = shells.Shell.parse(path.read_text(encoding="utf-8"))
            except (OSError, shells.ShellError) as exc:
                raise BuildFailed(f"外壳页面 {url} 不可用:{exc}") from exc
        for url in self._shells:  # a shell may sit inside another's folder: read all first
            shutil.rmtree(shells.shell_dir(site_dir, url), ignore_errors=True)
        if self._later is not None:
            # Drawn with a marker for its content: until the data files are written after
            # the reload, it shows the last rebuild's table.
            self._later_shell = self._data_shell(site_dir)
            if self.serving:
                self._write_data_page(site_dir, self.memo.data_page or "")
        self._write_pages(site_dir, loaded)
        self._write_sitemap(site_dir, drawn)
        if not self.serving:
            # The pages' contexts (every item's guide) are no longer needed.
            self.plan.pages, self.plan.per_item, self.plan.generated = [], [], []
            self._write_data(site_dir)
            self._write_search_index(site_dir)

    def finish_aggregates(self, site_dir: Path) -> None:
        """Preview only, after :meth:`finish` and the reload: the open data files, the data
        page that lists them and the search index, which read the whole catalogue but are
        not the page being looked at."""
        if not self.serving:
            return
        self._write_data(site_dir)
        self._write_search_index(site_dir)

    def _write_data(self, site_dir: Path) -> None:
        """The data files, then the data page with their sizes and checksums."""
        if self._later is None or self.catalogue is None:
            return
        view, generated, per_item = plan_data(self.catalogue)
        keep, workers = (self.memo.keep, 1) if self.serving else (None, None)
        shells.write_files(site_dir, [*generated, *per_item], workers=workers, keep=keep)
        del generated, per_item
        page = replace(self._later, context={**self._later.context, "data": view})
        self.memo.data_page = self.render(page)
        self._write_data_page(site_dir, self.memo.data_page)
        self._later = None

    def _data_shell(self, site_dir: Path) -> shells.Shell:
        path = shells.output_path(site_dir, urls.DATA)
        try:
            return shells.Shell.parse(path.read_text(encoding="utf-8"))
        except (OSError, shells.ShellError) as exc:
            raise BuildFailed(f"外壳页面 {urls.DATA} 不可用:{exc}") from exc

    def _write_data_page(self, site_dir: Path, content: str) -> None:
        # Always written: the engine has just drawn this file with its marker, so what this
        # memo last wrote there says nothing of what it holds.
        if self._later_shell is not None:
            text = self._later_shell.fill(title="", content=content, page_id="")
            shells.output_path(site_dir, urls.DATA).write_text(text, encoding="utf-8")

    def _write_search_index(self, site_dir: Path) -> None:
        if not self.search or self.catalogue is None:
            return
        progress.report("搜索索引", 0, 1)
        synonyms = load_synonyms(self.root)
        out = site_dir / urls.SEARCH_INDEX.strip("/")
        item_url = urls.item_url("{id}").lstrip("/")
        search_index.write_index(self.catalogue, synonyms.groups, out, item_url)
        progress.report("搜索索引", 1, 1)

    def _write_pages(self, site_dir: Path, loaded: dict[str, shells.Shell]) -> None:
        plan, catalogue = self.plan, self.catalogue
        fixed = [
            *plan.generated,
            *(GeneratedFile(f.url, f.source.read_bytes()) for f in plan.files),
            *(
                GeneratedFile(urls.asset_url(p.relative_to(ASSETS).as_posix()), p.read_bytes())
                for p in sorted(ASSETS.rglob("*"))
                if p.is_file()
            ),
        ]
        if not self.serving or catalogue is None:
            shells.write_pages(site_dir, plan.pages, loaded, self.render)
            shells.write_files(site_dir, [*fixed, *plan.per_item])
            return

        # One process, so that what is rendered now is remembered for the next save.
        keep = self.memo.keep
        shells.write_pages(
            site_dir, plan.pages, loaded, self._rendered, workers=1, keep=keep, same=self.memo.same
        )
        shells.write_files(site_dir, [*fixed, *plan.per_item], workers=1, keep=keep)
        later = datafiles.data_urls(catalogue) if self._later is not None else ()
        self.memo.prune(site_dir, memo.outputs(site_dir, plan, later))

    def _rendered(self, page: Page) -> str:
        """Preview only: ``render(page)``, or what the memo kept of it."""
        if self.catalogue is None:
            return self.render(page)
        return memo.rendered(page, self.catalogue, self.render, self.memo)

    def _write_sitemap(self, site_dir: Path, drawn: Sequence[str]) -> None:
        planned = [page.url for page in self.plan.pages]
        known = set(planned) | set(self._shells)
        unplanned = [url for url in drawn if url not in known]
        base = self.chrome.site_url or "/"
        key = (base, *unplanned, "", *planned)
        if self.memo.locations[0] == key:  # preview: the same pages as the last rebuild
            locations = self.memo.locations[1]
        else:
            locations = [urls.absolute_url(base, url) for url in [*unplanned, *planned]]
            if self.serving:
                self.memo.locations = (key, locations)
        sitemap.write_sitemaps(site_dir, locations, self.lastmod, base=urls.absolute_url(base, "/"))
