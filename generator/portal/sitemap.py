"""``sitemap.xml`` and its gzip copy, written by the generator from the pages it published.

The engine's own sitemap is overwritten: it lists the shells rather than the pages
written from them, and is stamped with the clock.  Here every entry carries the
catalogue's date (the newest review), so builds are byte-identical, and the gzip copy is
stamped with the same date.

The protocol allows 50,000 URLs a file: a province's catalogue (two pages an item) passes
that, so beyond it ``sitemap.xml`` becomes a sitemap index naming ``sitemap-1.xml`` …, each
a full sitemap of at most that many URLs.  ``sitemap.xml`` stays the one address crawlers
and robots.txt know.
"""

from __future__ import annotations

import gzip
import html
from collections.abc import Iterable
from datetime import UTC, date, datetime, time
from pathlib import Path

URLS_PER_FILE = 50_000
"""The sitemap protocol's limit of URLs in one file (sitemaps.org, 0.9)."""


def epoch(day: date) -> int:
    """Seconds since 1970 at midnight UTC of ``day``."""
    return int(datetime.combine(day, time(), tzinfo=UTC).timestamp())


def sitemap(locations: Iterable[str], lastmod: date) -> str:
    """The sitemap of these absolute URLs, in this order, each modified on ``lastmod``."""
    stamp = lastmod.isoformat()
    entries = "".join(
        f"    <url>\n         <loc>{html.escape(loc)}</loc>\n"
        f"         <lastmod>{stamp}</lastmod>\n    </url>\n"
        for loc in locations
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</urlset>"
    )


def sitemap_index(locations: Iterable[str], lastmod: date) -> str:
    """The sitemap index naming these sitemaps' absolute URLs, each modified on ``lastmod``."""
    stamp = lastmod.isoformat()
    entries = "".join(
        f"    <sitemap>\n         <loc>{html.escape(loc)}</loc>\n"
        f"         <lastmod>{stamp}</lastmod>\n    </sitemap>\n"
        for loc in locations
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</sitemapindex>"
    )


def write_sitemaps(
    site_dir: Path,
    locations: Iterable[str],
    lastmod: date,
    *,
    base: str = "/",
    per_file: int = URLS_PER_FILE,
) -> None:
    """``sitemap.xml`` (and its gzip copy): the sitemap itself, or an index of parts.

    ``base`` is the site's absolute URL, which an index needs to name its parts.  Parts left
    over from a larger earlier build are removed so the folder holds only what is indexed.
    """
    urls = list(locations)
    for stale in site_dir.glob("sitemap-*.xml*"):
        stale.unlink()
    if len(urls) <= per_file:
        _write(site_dir / "sitemap.xml", sitemap(urls, lastmod), lastmod)
        return
    parts = [urls[start : start + per_file] for start in range(0, len(urls), per_file)]
    names = [f"sitemap-{number}.xml" for number in range(1, len(parts) + 1)]
    for name, part in zip(names, parts, strict=True):
        _write(site_dir / name, sitemap(part, lastmod), lastmod)
    prefix = base if base.endswith("/") else base + "/"
    index = sitemap_index([prefix + name for name in names], lastmod)
    _write(site_dir / "sitemap.xml", index, lastmod)


def _write(path: Path, text: str, lastmod: date) -> None:
    """The file and its gzip copy, the copy stamped with the catalogue's date."""
    path.write_text(text, encoding="utf-8")
    packed = path.with_name(path.name + ".gz")
    with (
        packed.open("wb") as raw,
        gzip.GzipFile(fileobj=raw, filename=path.name, mode="wb", mtime=epoch(lastmod)) as gz,
    ):
        gz.write(text.encode("utf-8"))
