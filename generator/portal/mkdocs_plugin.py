"""The one engine adapter (the only module importing mkdocs): MkDocs events mapped to
:class:`SiteBuild`.  MkDocs and Material, in-process, draw the chrome around the marker
pages; the build renders all content (autoescaped, never Markdown) and writes the rest."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from logging.handlers import BufferingHandler
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page as MkPage
from mkdocs.structure.toc import get_toc

from . import livereload, urls
from .sitebuild import BuildFailed, SiteBuild


# No options: the generator hands the plugin its build.  (BasePlugin is untyped.)
class BanshiPlugin(BasePlugin):  # type: ignore[type-arg, no-untyped-call]
    def __init__(self) -> None:
        self.site: SiteBuild | None = None
        self.drawn: list[str] = []
        self.dirty = False

    def _build(self) -> SiteBuild:
        if self.site is None:
            raise BuildFailed("请用 python -m generator build 生成网站(banshi 插件不能单独运行)。")
        return self.site

    # Run early so that other plugins see the centre's site name and our assets.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        chrome = self._build().chrome
        config.site_name, config.site_url = chrome.site_name, chrome.site_url
        config.copyright = chrome.copyright
        config.extra_css.extend(chrome.css)
        config.extra_javascript.extend(chrome.javascript)
        config.extra["banshi_problems"] = list(chrome.problems)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        for uri, in_nav in self._build().marker_pages():
            inclusion = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, uri, content="", inclusion=inclusion))
        if self.dirty:
            # A dirty rebuild skips unchanged Markdown pages, but their footer shows the
            # centre and their banner the catalogue's problems: have them drawn again.
            for doc in files.documentation_pages():
                if not doc.generated_by:
                    Path(doc.abs_dest_path).unlink(missing_ok=True)
        self.drawn = ["/" + f.url.removeprefix("./") for f in files.documentation_pages()]
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: MkPage, config: MkDocsConfig, files: Files
    ) -> str | None:
        title = self._build().title(page.file.src_uri)
        if title is not None:
            page.meta["title"] = title
        return markdown if title is None else ""

    # Run last, so no other plugin rewrites catalogue HTML after it was escaped.
    @event_priority(-100)
    def on_page_content(
        self, html_text: str, /, *, page: MkPage, config: MkDocsConfig, files: Files
    ) -> str | None:
        drawn = self._build().content(page.file.src_uri)
        if drawn is None:
            return html_text
        page.toc = get_toc([{"level": 2, "id": a, "name": n, "children": []} for a, n in drawn[1]])
        return drawn[0]

    def on_page_context(self, context: Any, /, **_: Any) -> Any:
        # Pages do not name the engine's exact version (nothing to fingerprint, and both
        # MkDocs 1.6.1 and ProperDocs 1.6.x, running the 1.6 plugin API, draw the same bytes).
        context["mkdocs_version"] = "1.6"
        return context

    on_template_context = on_page_context

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        env.bytecode_cache = self._build().template_cache
        env.globals["banshi_asset"] = urls.asset_url  # fingerprinted names for the theme
        return env

    # Run last: the rest of the site is written beside the finished pages.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._build().finish(Path(config.site_dir), self.drawn)


def _dirty_notice(record: logging.LogRecord) -> bool:
    # "A dirty build may leave navigation stale": ours is fixed and stale pages are pruned,
    # and in strict mode the warning would fail every preview rebuild.
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def draw(site: SiteBuild, config_file: Path, site_dir: Path, *, dirty: bool = False) -> None:
    """Have MkDocs draw ``site`` into ``site_dir``; raises :class:`BuildFailed`."""
    logger, log = logging.getLogger("mkdocs"), BufferingHandler(1 << 20)
    logger.addHandler(log)  # MkDocs' warnings, shown only if the build fails
    logging.getLogger("mkdocs.commands.build").addFilter(_dirty_notice)
    try:
        config = load_config(config_file=str(config_file), site_dir=str(site_dir))
        plugin: BanshiPlugin = config.plugins["banshi"]  # type: ignore[assignment]
        plugin.site, plugin.dirty = site, dirty
        mkdocs_build(config, dirty=dirty)
    except MkDocsException as exc:
        lines = [f"{r.levelname}: {r.getMessage()}" for r in log.buffer]
        raise BuildFailed("\n".join([*lines, f"网站生成失败:{exc}"])) from exc
    finally:
        logger.removeHandler(log)
        logging.getLogger("mkdocs.commands.build").removeFilter(_dirty_notice)


def serve(
    rebuild: Callable[[Path], None],
    config: Path,
    site_dir: Path,
    address: tuple[str, int],
    watch: Sequence[Path],
) -> None:
    """Serve ``site_dir`` with live reload; ``rebuild(site_dir)`` builds after each save."""
    loaded = load_config(config_file=str(config), site_dir=str(site_dir))
    host, port = address
    server = LiveReloadServer(lambda: rebuild(site_dir), host, port, root=str(site_dir))
    try:
        rebuild(site_dir)
        for path in [loaded.docs_dir, config, *watch]:
            server.watch(str(path))
        server = loaded.plugins.on_serve(server, config=loaded, builder=server.builder)
        livereload.install(server)  # a script file, not inline code: the CSP stays strict
        print(f"预览地址:{server.url}", flush=True)
        server.serve()  # type: ignore[no-untyped-call]
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
