"""The one MkDocs adapter: planned pages in, rendered HTML out, the search index after the build.

Everything else (loading, planning, rendering, SVG, search indexing) knows nothing of
MkDocs, so moving off MkDocs means rewriting only this file.  Catalogue text never passes
through Markdown: each planned page is a generated file whose Markdown is empty, and its
HTML, rendered by :mod:`generator.portal.rendering` with autoescaping, replaces the content in
``on_page_content``.  MkDocs' theme templates do not autoescape, so titles handed to the
theme are escaped here.
"""

from __future__ import annotations

import dataclasses
import html
import logging
import os
import shutil
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateError
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page as MkPage
from mkdocs.structure.toc import get_toc

from ..catalogue.loaded import Catalogue
from ..search import index as search_index
from ..search.synonyms import load_synonyms
from . import checkgate, livereload, memo, progress, shells, urls
from .pages import Page, SitePlan
from .rendering import render_page

log = get_plugin_logger(__name__)

ASSETS = Path(__file__).parent.parent / "assets"
TEMPLATES = Path(__file__).parent.parent / "templates"


# MkDocs' Config and BasePlugin declare an untyped __init_subclass__.
class BanshiConfig(Config):  # type: ignore[no-untyped-call]
    catalogue = c.Type(str, default="catalogue")
    """The catalogue directory, relative to mkdocs.yml."""
    overrides = c.Type(str, default="site_overrides/templates")
    """Directory of template overrides, relative to mkdocs.yml."""
    search = c.Type(bool, default=True)
    """Write the search index into the built site."""
    shells = c.Type(bool, default=True)
    """Write item and notice pages from one shell page the theme draws per kind."""


def _source_date(catalogue: Catalogue) -> str:
    """The newest review date in the catalogue, as SOURCE_DATE_EPOCH: MkDocs stamps the
    sitemap with the build date, and builds must be byte-identical."""
    dates = [loaded.item.reviewed for loaded in catalogue.items.values()]
    if catalogue.centre and catalogue.centre.reviewed:
        dates.append(catalogue.centre.reviewed)
    newest = max(dates) if dates else datetime(2000, 1, 1).date()
    return str(int(datetime.combine(newest, time(), tzinfo=UTC).timestamp()))


class BanshiPlugin(BasePlugin[BanshiConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.root = Path()
        self.plan = SitePlan()
        self.by_src: dict[str, Page] = {}
        self.shells: dict[str, Page] = {}
        """Shell URL -> the first page written from it (it lends the shell its toc)."""
        self.env: Environment | None = None
        self.catalogue: Catalogue | None = None
        self.drawn = 0
        self.to_draw = 0
        self.dirty = False
        """``serve --dirty``: the site folder is kept between rebuilds (see memo.keep)."""

    # Default priority: only records how MkDocs runs.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        # A server rebuilds after every save; only then is there something to reuse.
        memo.MEMO.enabled = command == "serve"
        self.dirty = dirty and memo.MEMO.enabled
        if self.dirty:
            _DirtyNotice.install()

    # Run early so that other plugins see the centre's site name and our assets.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        base = Path(config.config_file_path or ".").parent
        self.root = (base / self.config.catalogue).resolve()
        overrides = base / self.config.overrides
        progress.report("读取目录", 0, 1)
        checked = None
        gate = checkgate.Request.from_env(os.environ)
        if gate is not None and not memo.MEMO.enabled:
            progress.report("检查目录", 0, 1)
            checked, outcome = gate.run(self.root)
            progress.report("检查目录", 1, 1)
            if not outcome.passed:
                raise PluginError(f"目录 {self.root} 未通过检查,无法生成网站。")
        try:
            catalogue, self.plan, set_aside = memo.plan(
                self.root, [TEMPLATES, overrides], checked=checked
            )
        except memo.CatalogueErrors as exc:
            for diagnostic in exc.diagnostics:
                log.error(diagnostic.parsable())
            raise PluginError(f"目录 {self.root} 有错误,无法生成网站。") from exc
        # Serving only: the last good version stays on show, the problems are shown on it.
        for diagnostic in set_aside:
            log.info("目录有错误,预览保留上次正确的版本:%s", diagnostic.parsable())
        config.extra["banshi_problems"] = [d.parsable() for d in set_aside]
        self.catalogue = catalogue
        progress.report("读取目录", 1, 1)
        if not self.config.shells:
            self.plan.pages = [dataclasses.replace(p, shell=None) for p in self.plan.pages]
        self.by_src = {page.src_uri: page for page in self.plan.pages if page.shell is None}
        self.shells = {}
        for page in self.plan.pages:
            if page.shell is not None:
                self.shells.setdefault(page.shell, page)
        self.env = memo.MEMO.environment(overrides)
        centre = catalogue.centre
        if centre is None:  # memo.plan never returns one without: say so to mypy
            raise PluginError("目录缺少 centre.yaml。")
        config.site_name = html.escape(centre.name)
        config.site_url = centre.base_url
        config.copyright = html.escape(
            f"{centre.name} · 地址:{centre.address} · 政务服务便民热线 {centre.citizen_hotline}"
        )
        config.extra_css.append(urls.asset_url("portal.css").lstrip("/"))
        config.extra_css.append(urls.asset_url("search.css").lstrip("/"))
        config.extra_css.append(urls.asset_url("opendata.css").lstrip("/"))
        config.extra_javascript.append(urls.asset_url("portal.js").lstrip("/"))
        config.extra_javascript.append(urls.asset_url("search.js").lstrip("/"))
        config.extra_css.append(urls.asset_url("care.css").lstrip("/"))
        config.extra_javascript.append(urls.asset_url("care.js").lstrip("/"))
        config.extra_css.append(urls.asset_url("notice-print.css").lstrip("/"))
        config.extra_javascript.append(urls.asset_url("notice.js").lstrip("/"))
        os.environ.setdefault("SOURCE_DATE_EPOCH", _source_date(catalogue))
        return config

    # Default priority: the planned pages and assets are ordinary files to later plugins.
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        for page in self.plan.pages:
            if page.shell is None:
                inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
                files.append(File.generated(config, page.src_uri, content="", inclusion=inclusion))
        for shell in self.shells:
            uri = urls.src_uri(shell)
            files.append(
                File.generated(config, uri, content="", inclusion=InclusionLevel.NOT_IN_NAV)
            )
        for static in self.plan.files:
            uri = static.url.lstrip("/")
            files.append(File.generated(config, uri, abs_src_path=str(static.source)))
        for generated in self.plan.generated:
            files.append(
                File.generated(config, generated.url.lstrip("/"), content=generated.content)
            )
        for asset in sorted(p for p in (ASSETS / "banshi").rglob("*") if p.is_file()):
            uri = urls.asset_url(asset.relative_to(ASSETS / "banshi").as_posix()).lstrip("/")
            files.append(File.generated(config, uri, abs_src_path=str(asset)))
        self.to_draw = len(files.documentation_pages())
        if self.dirty:
            # A dirty rebuild skips unchanged Markdown pages, but their footer shows the
            # centre and their banner the catalogue's problems: have them drawn again.
            for doc in files.documentation_pages():
                if not doc.generated_by:
                    Path(doc.abs_dest_path).unlink(missing_ok=True)
        return files

    # Default priority: only our own pages are touched.
    def on_page_markdown(
        self, markdown: str, /, *, page: MkPage, config: MkDocsConfig, files: Files
    ) -> str | None:
        if page.url.strip("/") in self._shell_urls():
            page.meta["title"] = shells.TITLE
            return ""
        planned = self.by_src.get(page.file.src_uri)
        if planned is None:
            return markdown
        # The theme prints page.meta.title unescaped: hand it escaped text.
        page.meta["title"] = html.escape(planned.title)
        return ""

    def _shell_urls(self) -> dict[str, Page]:
        return {url.strip("/"): first for url, first in self.shells.items()}

    # Run last, so no other plugin rewrites catalogue HTML after it was escaped.
    @event_priority(-100)
    def on_page_content(
        self, html_text: str, /, *, page: MkPage, config: MkDocsConfig, files: Files
    ) -> str | None:
        self.drawn += 1
        progress.report("生成页面", self.drawn, self.to_draw)
        first = self._shell_urls().get(page.url.strip("/"))
        if first is not None:
            page.toc = _toc(first)
            return shells.content_marker(self._render(first))
        planned = self.by_src.get(page.file.src_uri)
        if planned is None or self.env is None:
            return html_text
        page.toc = _toc(planned)
        return self._render(planned)

    def _render(self, planned: Page) -> str:
        if self.env is None:
            raise PluginError("模板环境未初始化。")
        try:
            return render_page(self.env, planned)
        except TemplateError as exc:
            log.error("模板 %s 渲染失败(%s):%s", planned.template, planned.url, exc)
            raise PluginError(f"页面 {planned.url} 渲染失败。") from exc

    # Default priority: only the cache of compiled theme templates is set.
    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        if memo.MEMO.enabled:
            env.bytecode_cache = memo.MEMO.templates
        env.globals["banshi_asset"] = urls.asset_url  # fingerprinted names for the theme
        return env

    # Default priority: watching adds paths and does not interact with other plugins.
    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        server.watch(str(self.root))
        server.watch(str(TEMPLATES))
        livereload.install(server)  # a script file, not inline code: the CSP stays strict
        return server

    # Run last: the index is written beside the finished pages.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        self._write_shell_pages(site_dir, config)
        if not self.config.search or self.catalogue is None:
            return
        progress.report("搜索索引", 0, 1)
        synonyms = load_synonyms(self.root)
        item_url = urls.item_url("{id}").lstrip("/")
        out = site_dir / urls.SEARCH_INDEX.strip("/")
        search_index.write_index(self.catalogue, synonyms.groups, out, item_url)
        progress.report("搜索索引", 1, 1)

    def _write_shell_pages(self, site_dir: Path, config: MkDocsConfig) -> None:
        """Fill each shell the theme drew with the pages of its kind, then drop the shell."""
        loaded: dict[str, shells.Shell] = {}
        for url in self.shells:
            path = shells.output_path(site_dir, url)
            try:
                loaded[url] = shells.Shell.parse(path.read_text(encoding="utf-8"))
            except (OSError, shells.ShellError) as exc:
                raise PluginError(f"外壳页面 {url} 不可用:{exc}") from exc
        for url in self.shells:  # a shell may sit inside another's folder: read all first
            shutil.rmtree(shells.shell_dir(site_dir, url), ignore_errors=True)
        catalogue = self.catalogue
        if memo.MEMO.enabled and catalogue is not None:
            # One process, so that what is rendered now is remembered for the next save.
            def render(page: Page) -> str:
                return memo.rendered(page, catalogue, self._render)

            keep = memo.MEMO.keep if self.dirty else None
            shells.write_pages(site_dir, self.plan.pages, loaded, render, workers=1, keep=keep)
            shells.write_files(site_dir, self.plan.per_item, workers=1, keep=keep)
            if self.dirty:
                memo.MEMO.prune(site_dir, memo.outputs(site_dir, self.plan))
        else:
            shells.write_pages(site_dir, self.plan.pages, loaded, self._render)
            shells.write_files(site_dir, self.plan.per_item)
        shells.rewrite_sitemaps(
            site_dir,
            self.plan.pages,
            lambda url: urls.absolute_url(config.site_url or "/", url),
            mtime=int(os.environ.get("SOURCE_DATE_EPOCH", "0")),
        )


class _DirtyNotice(logging.Filter):
    """Drops MkDocs' warning that a dirty build may leave navigation stale: our navigation
    is fixed and stale pages are removed (memo.prune), and in strict mode the warning
    would fail every rebuild of ``serve --dirty``."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")

    @classmethod
    def install(cls) -> None:
        logger = logging.getLogger("mkdocs.commands.build")
        if not any(isinstance(f, cls) for f in logger.filters):
            logger.addFilter(cls())


def _toc(planned: Page) -> Any:
    return get_toc(
        [{"level": 2, "id": anchor, "name": label, "children": []} for anchor, label in planned.toc]
    )
