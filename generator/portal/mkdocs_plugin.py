"""The one MkDocs adapter: planned pages in, rendered HTML out, Pagefind after the build.

Everything else (loading, planning, rendering, SVG, search indexing) knows nothing of
MkDocs, so moving off MkDocs means rewriting only this file.  Catalogue text never passes
through Markdown: each planned page is a generated file whose Markdown is empty, and its
HTML, rendered by :mod:`generator.portal.rendering` with autoescaping, replaces the content in
``on_page_content``.  MkDocs' theme templates do not autoescape, so titles handed to the
theme are escaped here.
"""

from __future__ import annotations

import html
import os
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

from ..catalogue.diagnostics import Severity
from ..catalogue.loaded import Catalogue, load_catalogue
from ..catalogue.revision import sheet_versions
from ..search import index as search_index
from . import pages, urls
from .pages import Page, SitePlan
from .rendering import make_environment, render_page

log = get_plugin_logger(__name__)

ASSETS = Path(__file__).parent.parent / "assets"


# MkDocs' Config and BasePlugin declare an untyped __init_subclass__.
class BanshiConfig(Config):  # type: ignore[no-untyped-call]
    catalogue = c.Type(str, default="catalogue")
    """The catalogue directory, relative to mkdocs.yml."""
    overrides = c.Type(str, default="site_overrides/templates")
    """Directory of template overrides, relative to mkdocs.yml."""
    search = c.Type(bool, default=True)
    """Run Pagefind on the built site."""


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
        self.env: Environment | None = None

    # Run early so that other plugins see the centre's site name and our assets.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        base = Path(config.config_file_path or ".").parent
        self.root = (base / self.config.catalogue).resolve()
        catalogue, report = load_catalogue(self.root)
        errors = [d for d in report if d.severity is Severity.ERROR]
        for diagnostic in errors:
            log.error(diagnostic.parsable())
        if errors or catalogue.centre is None:
            raise PluginError(f"目录 {self.root} 有 {len(errors)} 个错误,无法生成网站。")
        self.plan = pages.plan_site(catalogue, sheet_versions(catalogue))
        self.by_src = {page.src_uri: page for page in self.plan.pages}
        self.env = make_environment(base / self.config.overrides)
        centre = catalogue.centre
        config.site_name = html.escape(centre.name)
        config.site_url = centre.base_url
        config.copyright = html.escape(
            f"{centre.name} · 地址:{centre.address} · 政务服务便民热线 {centre.citizen_hotline}"
        )
        config.extra_css.append(urls.asset_url("portal.css").lstrip("/"))
        config.extra_javascript.append(urls.asset_url("portal.js").lstrip("/"))
        config.extra_css.append(urls.asset_url("notice-print.css").lstrip("/"))
        config.extra_javascript.append(urls.asset_url("notice.js").lstrip("/"))
        os.environ.setdefault("SOURCE_DATE_EPOCH", _source_date(catalogue))
        return config

    # Default priority: the planned pages and assets are ordinary files to later plugins.
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        for page in self.plan.pages:
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, page.src_uri, content="", inclusion=inclusion))
        for static in self.plan.files:
            uri = static.url.lstrip("/")
            files.append(File.generated(config, uri, abs_src_path=str(static.source)))
        for asset in sorted(p for p in (ASSETS / "banshi").rglob("*") if p.is_file()):
            uri = urls.asset_url(asset.relative_to(ASSETS / "banshi").as_posix()).lstrip("/")
            files.append(File.generated(config, uri, abs_src_path=str(asset)))
        return files

    # Default priority: only our own pages are touched.
    def on_page_markdown(
        self, markdown: str, /, *, page: MkPage, config: MkDocsConfig, files: Files
    ) -> str | None:
        planned = self.by_src.get(page.file.src_uri)
        if planned is None:
            return markdown
        # The theme prints page.meta.title unescaped: hand it escaped text.
        page.meta["title"] = html.escape(planned.title)
        return ""

    # Run last, so no other plugin rewrites catalogue HTML after it was escaped.
    @event_priority(-100)
    def on_page_content(
        self, html_text: str, /, *, page: MkPage, config: MkDocsConfig, files: Files
    ) -> str | None:
        planned = self.by_src.get(page.file.src_uri)
        if planned is None or self.env is None:
            return html_text
        try:
            content = render_page(self.env, planned)
        except TemplateError as exc:
            log.error("模板 %s 渲染失败(%s):%s", planned.template, planned.url, exc)
            raise PluginError(f"页面 {planned.url} 渲染失败。") from exc
        page.toc = get_toc(
            [
                {"level": 2, "id": anchor, "name": label, "children": []}
                for anchor, label in planned.toc
            ]
        )
        return content

    # Default priority: watching adds paths and does not interact with other plugins.
    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        server.watch(str(self.root))
        server.watch(str(Path(__file__).parent.parent / "templates"))
        return server

    # Run last, so the index sees every page other plugins wrote.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.search:
            return
        try:
            search_index.build_index(Path(config.site_dir))
        except search_index.SearchIndexError as exc:
            log.error("%s", exc)
            raise PluginError("搜索索引生成失败。") from exc
