"""Pages rendered outside the theme's per-page machinery, into a shell the theme drew once.

A catalogue of 10,000 items has 20,000 item and notice pages that differ only in their
title, their content and their own URL; everything around them (header, navigation,
footer, assets, CSP) is the same for every page at the same depth.  Sending each through
MkDocs and Material costs most of a build (measured in docs/performance.md), so the theme
renders one *shell* page per kind, holding markers where the title, the content and the
page's own path go, and the pages are then written from it here, in parallel on every core.

This module knows nothing of the engine: :class:`~generator.portal.sitebuild.SiteBuild`
asks it for the shells and fills them here.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import parallel
from . import progress
from .pages import GeneratedFile, Page
from .urls import SHELL_ID

TITLE = "BANSHISHELLTITLE"
CONTENT = "BANSHISHELLCONTENT"
H1_HINT = "<!--<h1>-->"
"""Put before the content marker when the pages have their own ``<h1>``: the theme adds a
heading to content without one, and must draw the shell as it would draw the pages."""
_CONTENT = re.compile(f"(?:{re.escape(H1_HINT)})?{CONTENT}")
"""Markers the theme prints where a page's title and content go: plain ASCII letters, so
no filter of the theme (escape, striptags, truncate) can alter them."""

_SPLIT = re.compile(f"({TITLE}|{CONTENT}|{re.escape(SHELL_ID)})")


def content_marker(sample: str) -> str:
    """What the shell's content is, given the rendered content of one page of its kind."""
    return H1_HINT + CONTENT if "<h1" in sample else CONTENT


class ShellError(ValueError):
    """The theme's shell lost a marker: the shell cannot stand in for the pages."""


@dataclass(frozen=True)
class Shell:
    """A shell page split at its markers, ready to be filled for any page of its kind."""

    parts: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> Shell:
        parts = tuple(_SPLIT.split(_CONTENT.sub(CONTENT, text)))
        if parts.count(CONTENT) != 1:
            raise ShellError(f"外壳页面应恰有一处正文标记,实有 {parts.count(CONTENT)} 处")
        return cls(parts)

    def digest(self) -> str:
        """Stands for the whole shell when comparing with the last rebuild's."""
        return hashlib.blake2b("\0".join(self.parts).encode(), digest_size=16).hexdigest()

    def fill(self, *, title: str, content: str, page_id: str) -> str:
        values = {TITLE: html.escape(title), CONTENT: content, SHELL_ID: page_id}
        return "".join(values.get(part, part) for part in self.parts)


def page_id(page: Page) -> str:
    """What stands in for :data:`SHELL_ID` in this page's URLs (its item or department id)."""
    if page.shell is None:
        raise ValueError(f"{page.url} has no shell")
    before, _, after = page.shell.partition(SHELL_ID)
    return page.url.removeprefix(before).removesuffix(after)


def output_path(site_dir: Path, url: str) -> Path:
    """Where MkDocs would write the page at ``url`` (directory URLs)."""
    return site_dir / url.strip("/") / "index.html" if url != "/" else site_dir / "index.html"


def shell_dir(site_dir: Path, url: str) -> Path:
    """The folder to remove once the pages are written: the shell's own, named by
    :data:`SHELL_ID` (``departments/__shell__`` holds only the batch shell's folder)."""
    parts = url.strip("/").split("/")
    return site_dir.joinpath(*parts[: parts.index(SHELL_ID) + 1])


Renderer = Callable[[Page], str]
Keep = Callable[[Path, bytes], bool]
Same = Callable[[Path, tuple[object, ...]], bool]


def _write(path: Path, data: bytes, keep: Keep | None) -> None:
    if keep is not None and keep(path, data):
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


STAGE = "写出事项页面"


def write_pages(
    site_dir: Path,
    pages: Sequence[Page],
    shells: dict[str, Shell],
    render: Renderer,
    *,
    workers: int | None = None,
    keep: Keep | None = None,
    same: Same | None = None,
) -> int:
    """Write every page that has a shell, on every core; return how many.

    Rendering errors propagate.  Workers inherit the pages, the shells and the renderer
    (a Jinja environment and the catalogue) by forking, without pickling any of them.
    ``keep(path, data)`` says a file already holds ``data`` and need not be written;
    ``same(path, parts)`` says so before the page is put together, from what it is made of.
    """
    todo = [page for page in pages if page.shell is not None]
    drawn = {url: shell.digest() for url, shell in shells.items()} if same else {}

    def write(page: Page) -> None:
        assert page.shell is not None
        content, path, pid = render(page), output_path(site_dir, page.url), page_id(page)
        if same is not None and same(path, (drawn[page.shell], page.title, pid, content)):
            return
        text = shells[page.shell].fill(title=page.title, content=content, page_id=pid)
        _write(path, text.encode("utf-8"), keep)

    done = 0
    for chunk in parallel.fork_map(write, todo, processes=workers, cost=lambda p: p.cost):
        done += len(chunk)
        progress.report(STAGE, done, len(todo))
    return done


def write_files(
    site_dir: Path,
    files: Sequence[GeneratedFile],
    *,
    workers: int | None = None,
    keep: Keep | None = None,
) -> None:
    """Write generated files at their URLs, on every core (see ``SitePlan.per_item``)."""

    def write(generated: GeneratedFile) -> None:
        _write(site_dir / generated.url.lstrip("/"), generated.content, keep)

    for _ in parallel.fork_map(write, files, processes=workers):
        pass
