"""The Atom feed of recent catalogue changes (feedgen), byte-identical for a given commit.

feedgen stamps the feed and every entry with ``datetime.now()`` unless told otherwise, so
every ``updated`` is set here from commit dates.  Links are passed in: URLs are decided by
the portal, not here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from feedgen.feed import FeedGenerator

from .history import Entry


def atom_feed(
    entries: Sequence[Entry],
    *,
    title: str,
    author: str,
    feed_url: str,
    page_url: str,
    link_of: Callable[[Entry], str],
    fallback: datetime,
) -> bytes:
    """The feed as UTF-8 XML; ``fallback`` is ``updated`` when there is no entry."""
    fg = FeedGenerator()
    fg.id(feed_url)
    fg.title(title)
    fg.author({"name": author})
    fg.link(href=feed_url, rel="self", type="application/atom+xml")
    fg.link(href=page_url, rel="alternate", type="text/html")
    fg.language("zh-CN")
    fg.generator("banshi-portal")
    newest = max((e.when for e in entries), default=fallback)
    fg.updated(_aware(newest))
    for entry in entries:
        fe = fg.add_entry(order="append")
        link = link_of(entry)
        fe.id(f"{feed_url}#{entry.commit[:12]}-{entry.subject}-{entry.id}")
        fe.title(f"{entry.name}:{entry.changes[0]}" + ("等" if len(entry.changes) > 1 else ""))
        fe.link(href=link, rel="alternate", type="text/html")
        fe.updated(_aware(entry.when))
        fe.published(_aware(entry.when))
        fe.summary(";".join(entry.changes) + "。")
    data: bytes = fg.atom_str(pretty=True)
    return data


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)
