"""Views of the catalogue's change history: an item's short history, 最近更新, the feed.

The history itself is computed by :mod:`generator.review.history`; this module only links
it to portal URLs and decides what each page shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from ..catalogue.models import Centre
from ..review.feed import atom_feed
from ..review.history import Entry, History
from . import urls


@dataclass(frozen=True)
class ChangeView:
    day: date
    name: str
    url: str | None
    changes: tuple[str, ...]


@dataclass(frozen=True)
class ItemHistoryView:
    available: bool
    last_changed: date | None
    entries: tuple[ChangeView, ...]
    scope: str
    """What the history covers, said on the page (the walk is limited)."""
    changes_url: str


def scope(history: History) -> str:
    if not history.available:
        return "变更记录暂不可用:生成本站时没有可读取的版本历史。"
    if history.complete or history.oldest is None:
        return "变更记录来自目录的全部版本历史。"
    return (
        f"变更记录只统计最近 {history.depth} 次目录更新"
        f"(自 {history.oldest.year}年{history.oldest.month}月{history.oldest.day}日起)。"
    )


def _link(entry: Entry, items: set[str]) -> str | None:
    if entry.subject == "item" and entry.id in items:
        return urls.item_url(entry.id)
    if entry.subject == "department":
        return urls.department_url(entry.id)
    if entry.subject == "chain":
        return urls.chain_url(entry.id)
    return None


def _view(entry: Entry, items: set[str]) -> ChangeView:
    return ChangeView(entry.day, entry.name, _link(entry, items), entry.changes)


def item_history(history: History, item_id: str) -> ItemHistoryView:
    entries = tuple(_view(e, {item_id}) for e in history.of_item(item_id))
    return ItemHistoryView(
        history.available, history.last_changed(item_id), entries, scope(history), urls.CHANGES
    )


def recent(history: History, items: set[str]) -> tuple[ChangeView, ...]:
    return tuple(_view(e, items) for e in history.recent)


def feed(history: History, centre: Centre, items: set[str], fallback: date) -> bytes:
    def link(entry: Entry) -> str:
        return urls.absolute_url(centre.base_url, _link(entry, items) or urls.CHANGES)

    return atom_feed(
        history.recent,
        title=f"{centre.name} 最近更新",
        author=centre.name,
        feed_url=urls.absolute_url(centre.base_url, urls.CHANGES_FEED),
        page_url=urls.absolute_url(centre.base_url, urls.CHANGES),
        link_of=link,
        fallback=datetime(fallback.year, fallback.month, fallback.day, tzinfo=UTC),
    )
