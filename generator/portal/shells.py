"""Pages rendered outside the theme's per-page machinery, into a shell the theme drew once.

A catalogue of 10,000 items has 20,000 item and notice pages that differ only in their
title, their content and their own URL; everything around them (header, navigation,
footer, assets, CSP) is the same for every page at the same depth.  Sending each through
MkDocs and Material costs most of a build (measured in docs/performance.md), so the theme
renders one *shell* page per kind, holding markers where the title, the content and the
page's own path go, and the pages are then written from it here, in parallel on every core.

This module knows nothing of MkDocs: the adapter asks the theme for the shells and hands
their HTML to :func:`write_pages`.
"""

from __future__ import annotations

import gzip
import html
import multiprocessing
import os
import re
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import progress
from .pages import Page
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

    def fill(self, *, title: str, content: str, page_id: str) -> str:
        values = {TITLE: html.escape(title), CONTENT: content, SHELL_ID: page_id}
        return "".join(values.get(part, part) for part in self.parts)


def page_id(page: Page) -> str:
    """What stands in for :data:`SHELL_ID` in this page's URLs (its item id)."""
    if page.shell is None:
        raise ValueError(f"{page.url} has no shell")
    before, _, after = page.shell.partition(SHELL_ID)
    return page.url.removeprefix(before).removesuffix(after)


def output_path(site_dir: Path, url: str) -> Path:
    """Where MkDocs would write the page at ``url`` (directory URLs)."""
    return site_dir / url.strip("/") / "index.html" if url != "/" else site_dir / "index.html"


Renderer = Callable[[Page], str]
STAGE = "写出事项页面"

# Set in the parent right before the pool forks: workers inherit the pages, shells and the
# renderer (a Jinja environment and the catalogue) without pickling any of them.
_JOB: tuple[Path, Sequence[Page], dict[str, Shell], Renderer] | None = None


def _write_range(start: int, stop: int) -> int:
    if _JOB is None:
        raise RuntimeError("no job")
    site_dir, pages, shells, render = _JOB
    for page in pages[start:stop]:
        if page.shell is None:
            continue
        text = shells[page.shell].fill(
            title=page.title, content=render(page), page_id=page_id(page)
        )
        path = output_path(site_dir, page.url)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return stop - start


def write_pages(
    site_dir: Path,
    pages: Sequence[Page],
    shells: dict[str, Shell],
    render: Renderer,
    *,
    workers: int | None = None,
) -> int:
    """Write every page that has a shell; return how many.  Rendering errors propagate."""
    global _JOB
    todo = [page for page in pages if page.shell is not None]
    count = workers or min(os.cpu_count() or 1, max(1, len(todo) // 200))
    _JOB = (site_dir, todo, shells, render)
    step = max(1, -(-len(todo) // (count * 8)))
    ranges = [(i, min(i + step, len(todo))) for i in range(0, len(todo), step)]
    done = 0
    try:
        if count <= 1:
            results: Iterator[int] = (_write_range(*r) for r in ranges)
            for written in results:
                done += written
                progress.report(STAGE, done, len(todo))
            return done
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(count, mp_context=context) as pool:
            for written in pool.map(_write_range, *zip(*ranges, strict=True)):
                done += written
                progress.report(STAGE, done, len(todo))
        return done
    finally:
        _JOB = None


_URL_BLOCK = re.compile(r"[ \t]*<url>.*?</url>\n", re.DOTALL)
_LASTMOD = re.compile(r"<lastmod>([^<]*)</lastmod>")
_LOC = re.compile(r"<loc>([^<]*)</loc>")


def fix_sitemap(text: str, pages: Sequence[Page], absolute: Callable[[str], str]) -> str:
    """The theme's sitemap with its shell entries replaced by the pages written from them.

    Entries come in the order MkDocs gives them when it draws every page itself: pages of
    the docs folder first, then the planned pages in plan order; the new entries take the
    format and lastmod (the catalogue's date, not the clock) of MkDocs' own.
    """
    blocks = _URL_BLOCK.findall(text)
    if not blocks:
        return text
    lastmod = _LASTMOD.search(blocks[0])
    order = {absolute(page.url): index for index, page in enumerate(pages)}
    by_loc = {_loc(block): block for block in blocks if SHELL_ID not in block}
    for page in pages:
        if page.shell is not None:
            loc = absolute(page.url)
            entry = f"    <url>\n         <loc>{html.escape(loc)}</loc>\n"
            if lastmod:
                entry += f"         <lastmod>{lastmod.group(1)}</lastmod>\n"
            by_loc[loc] = entry + "    </url>\n"
    unplanned = [block for loc, block in by_loc.items() if loc not in order]
    planned = sorted((loc for loc in by_loc if loc in order), key=order.__getitem__)
    head = text[: text.index(blocks[0])]
    tail = text[text.rindex(blocks[-1]) + len(blocks[-1]) :]
    return head + "".join(unplanned) + "".join(by_loc[loc] for loc in planned) + tail


def _loc(block: str) -> str:
    found = _LOC.search(block)
    return html.unescape(found.group(1)) if found else block


def rewrite_sitemaps(
    site_dir: Path, pages: Sequence[Page], absolute: Callable[[str], str], *, mtime: int
) -> None:
    """Fix ``sitemap.xml`` and its gzip copy, which MkDocs wrote before the pages existed.

    The copy is packed as MkDocs packs it, stamped with ``mtime`` (the catalogue's date,
    not the clock) so that builds stay byte-identical.
    """
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file():
        return
    text = fix_sitemap(sitemap.read_text(encoding="utf-8"), pages, absolute)
    sitemap.write_text(text, encoding="utf-8")
    packed = site_dir / "sitemap.xml.gz"
    with (
        packed.open("wb") as raw,
        gzip.GzipFile(fileobj=raw, filename=str(packed), mode="wb", mtime=mtime) as gz,
    ):
        gz.write(text.encode("utf-8"))
