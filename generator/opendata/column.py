"""A column and a table of the open-data files, and how a row becomes cells.

The tables themselves are declared in :mod:`.columns` (the national item and material
tables) and :mod:`.sidecolumns` (the tables joined to them by 实施编码).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .records import Record

Cell = str | int
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A spreadsheet treats a cell starting with one of these as a formula (or a DDE call)."""


def neutralise(value: Cell | None) -> Cell:
    """A cell safe to open in Excel: text a spreadsheet would run as a formula gets a
    leading apostrophe (the OWASP advice for CSV injection); numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


@dataclass(frozen=True)
class Column:
    """One column: ``key`` names the value in a row record (and the JSON field)."""

    key: str
    title: str
    description: str
    value: Callable[[Record], Cell | None] | None = None
    national: str = ""
    """The exchange table field (``table.field``); empty for this portal's own columns."""
    source: str = ""
    """The catalogue field the value is made of, as staff write it in YAML."""
    datatype: str = "string"
    """``string``, ``integer`` or ``date`` (CSV on the Web's names)."""


@dataclass(frozen=True)
class Sheet:
    """One table: a workbook sheet and the CSV file of the same rows."""

    name: str
    file: str
    description: str
    national: str
    columns: tuple[Column, ...] = field(default_factory=tuple)

    def title(self, key: str) -> str:
        return next(c.title for c in self.columns if c.key == key)


def table(columns: tuple[Column, ...], records: list[Record]) -> list[list[Cell]]:
    """Header row then one neutralised row per record.

    :func:`neutralise` is spelled out inline (the tests hold the two to the same result):
    this runs once per cell, a million times for 10,000 items, where the call was a sixth
    of the time spent here.
    """
    starts = FORMULA_STARTS
    rows: list[list[Cell]] = [[c.title for c in columns]]
    if all(c.value is None for c in columns):
        # Plain rows (every table but custom ones): the values are looked up by key, with
        # no call per cell.
        keys = [c.key for c in columns]
        rows.extend(
            [
                (
                    ""
                    if v is None
                    else ("'" + v if isinstance(v, str) and v.startswith(starts) else v)
                )
                for v in map(r.get, keys)
            ]
            for r in records
        )
        return rows
    getters = [c.value or _item(c.key) for c in columns]
    rows.extend(
        [
            ("" if v is None else ("'" + v if isinstance(v, str) and v.startswith(starts) else v))
            for v in [get(r) for get in getters]
        ]
        for r in records
    )
    return rows


def _item(key: str) -> Callable[[Record], Cell | None]:
    return lambda record: record.get(key)
