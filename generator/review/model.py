"""What a diff is made of: changes, the two sides compared, the result.

Kept apart from the comparisons so that items (``diff``) and the top-level files
(``toplevel``) share them without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..catalogue.loaded import Catalogue
from ..catalogue.sources import DataPath, SourceMap
from .burden import CHECKS, Burden, Level


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

    @property
    def level(self) -> Level:
        return CHECKS[self.check].level

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
        }


@dataclass
class Side:
    """One loaded catalogue, the name its files have in reports, and what did not load."""

    catalogue: Catalogue
    label: str
    display: str
    unreadable: set[str] = field(default_factory=set)
    """Relative paths of files present but not loaded (bad data)."""

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

    @property
    def total(self) -> Burden:
        total = Burden()
        for figures in self.burden.values():
            total.add(figures)
        return total

    def count(self, level: Level) -> int:
        return sum(c.level is level for c in self.changes)

    @property
    def wins(self) -> int:
        return sum(CHECKS[c.check].win for c in self.changes)

    def exit_code(self) -> int:
        """0 without changes needing the legal office, 1 with."""
        return 1 if self.count(Level.ERROR) else 0


def line_of(source: SourceMap | None, path: DataPath) -> int:
    return source.locate(path)[0] if source is not None else 1


def unreadable(side: Side, relative: str, subject: str, ident: str, name: str) -> Change:
    """A file that did not load on one side: said once, never as everything added or removed."""
    text = f"{side.label} 中的 {relative} 无法读取(请先用 check 修正),未能比较"
    check = "item-unreadable" if subject == "item" else "file-unreadable"
    return Change(check, subject, ident, name, "文件", None, None, text, side.file(relative), 1)
