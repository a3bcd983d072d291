"""``sitemap.xml`` and its gzip copy, written by the generator from the pages it published.

The engine's own sitemap is overwritten: it lists the shells rather than the pages
written from them, and is stamped with the clock.  Here every entry carries the
catalogue's date (the newest review), so builds are byte-identical, and the gzip copy is
stamped with the same date.
"""

from __future__ import annotations

import gzip
import html
from collections.abc import Iterable
from datetime import UTC, date, datetime, time
from pathlib import Path


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


def write_sitemaps(site_dir: Path, locations: Iterable[str], lastmod: date) -> None:
    text = sitemap(locations, lastmod)
    (site_dir / "sitemap.xml").write_text(text, encoding="utf-8")
    packed = site_dir / "sitemap.xml.gz"
    with (
        packed.open("wb") as raw,
        gzip.GzipFile(fileobj=raw, filename="sitemap.xml", mode="wb", mtime=epoch(lastmod)) as gz,
    ):
        gz.write(text.encode("utf-8"))
