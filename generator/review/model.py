"""What a diff is made of: changes, the two sides compared, the result.

Kept apart from the comparisons so that items (``diff``) and the top-level files
(``toplevel``) share them without importing each other.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..catalogue.loaded import Catalogue, LoadedItem, load_item
from ..catalogue.sources import DataPath, SourceMap
from .burden import CHECKS, Burden, Level
from .textdiff import Segment


@dataclass(frozen=True)
class Change:
    check: str
    subject: str
    """item, department, law, chain, centre or file."""
    id: str
    name: str
    field: str
    old: str | None
    new: str | None
    text: str
    file: str
    line: int
    segments: tuple[Segment, ...] = ()
    """The word diff ``text`` ends with, for reports that mark it up (see textdiff)."""

    @property
    def level(self) -> Level:
        return CHECKS[self.check].level

    @property
    def key(self) -> str:
        """What the change is, hashed (check, subject, id, field, old and new value), not
        where it is: a sign-off survives a rebase and covers no other value."""
        parts = (self.check, self.subject, self.id, self.field, self.old, self.new)
        text = "\x1f".join("" if p is None else p for p in parts)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    def as_dict(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "level": str(self.level),
            "subject": self.subject,
            "id": self.id,
            "name": self.name,
            "field": self.field,
            "old": self.old,
            "new": self.new,
            "text": self.text,
            "file": self.file,
            "line": self.line,
            "diff": [{"op": op, "text": text} for op, text in self.segments] or None,
        }


LISTING = frozenset({"item-added-detail"})
"""Checks that list what a change contains rather than being changes of their own."""


@dataclass
class Side:
    """One loaded catalogue, the name its files have in reports, and what did not load."""

    catalogue: Catalogue
    label: str
    display: str
    unreadable: set[str] = field(default_factory=set)
    """Relative paths of files present but not loaded (bad data)."""
    root: Path | None = None
    skipped: dict[str, str] = field(default_factory=dict)
    """Item id -> relative path of the item files not loaded because they are the same on
    both sides; :meth:`item` loads one when a department, law or centre change needs it."""

    def item(self, item_id: str) -> LoadedItem | None:
        """The item, loaded now if it was skipped (and then kept)."""
        loaded = self.catalogue.items.get(item_id)
        if loaded is None and item_id in self.skipped and self.root is not None:
            loaded, _ = load_item(self.root, self.root / self.skipped.pop(item_id))
            if loaded is not None:
                self.catalogue.items[item_id] = loaded
        return loaded

    def all_items(self) -> dict[str, LoadedItem]:
        for item_id in sorted(self.skipped):
            self.item(item_id)
        return self.catalogue.items

    def item_ids(self) -> set[str]:
        return set(self.catalogue.items) | set(self.skipped)

    def department_ids(self) -> dict[str, str]:
        """Item id -> department id, without loading anything."""
        found = {i: loaded.department_id for i, loaded in self.catalogue.items.items()}
        found.update({i: rel.split("/")[1] for i, rel in self.skipped.items()})
        return found

    def file(self, relative: str) -> str:
        return f"{self.display.rstrip('/')}/{relative}" if self.display else relative


@dataclass
class Diff:
    base: str
    head: str
    changes: list[Change] = field(default_factory=list)
    burden: dict[str, Burden] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    """Item id -> name, for the burden table."""
    signed: dict[str, Any] = field(default_factory=dict)
    """Change key -> the legal office's signature (see signoff.py)."""
    records: int = 0
    """Sign-off records found: reports show each flag's status when there are any."""

    @property
    def total(self) -> Burden:
        total = Burden()
        for figures in self.burden.values():
            total.add(figures)
        return total

    @property
    def size(self) -> int:
        """Changes, not counting the lines that list a new item's contents."""
        return sum(c.check not in LISTING for c in self.changes)

    def count(self, level: Level) -> int:
        return sum(c.level is level and c.check not in LISTING for c in self.changes)

    @property
    def wins(self) -> int:
        return sum(CHECKS[c.check].win for c in self.changes)

    def exit_code(self) -> int:
        """0 without changes needing the legal office (or with all of them signed), 1 with."""
        return 1 if self.unsigned() else 0

    def unsigned(self) -> list[Change]:
        return [c for c in self.changes if c.level is Level.ERROR and c.key not in self.signed]


def line_of(source: SourceMap | None, path: DataPath) -> int:
    return source.locate(path)[0] if source is not None else 1


def unreadable(side: Side, relative: str, subject: str, ident: str, name: str) -> Change:
    """A file that did not load on one side: said once, never as everything added or removed."""
    text = f"{side.label} 中的 {relative} 无法读取(请先用 check 修正),未能比较"
    check = "item-unreadable" if subject == "item" else "file-unreadable"
    return Change(check, subject, ident, name, "文件", None, None, text, side.file(relative), 1)
