"""Sheets in, rows out: the workbook (python-calamine) or CSV files, read as tables.

python-calamine reads the workbook in Rust (five to seven times faster than openpyxl's
read-only mode at 10,000 items, and it reports merged cells, which read-only openpyxl
cannot; ``benchmarks/importer.py`` has the figures).  Rows are yielded one at a time, and a
merged range is filled in as the rows reach it, so only the caller decides what stays in
memory.

The header is found among the first five rows (titles often sit under a title line or a
merged group row on line 2 or 3).  A merged cell is read as a clerk reads it: its value
belongs to every cell it covers.  A CSV file is UTF-8 (with or without BOM) or, as Excel
on a Chinese system saves it, GB18030.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from ..opendata.xlsx import column_letter
from .cells import Raw, text
from .layout import Layout, kind_of, layout, normal

HEADER_ROWS = 5


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: values by column key, and where each came from."""

    number: int  # 1-based row number in the sheet
    values: dict[str, Raw]
    letters: dict[str, str]  # key -> column letter
    sheet: str  # "" for a CSV file
    file: str  # the workbook or CSV file, as given

    def ref(self, key: str) -> str:
        letter = self.letters.get(key, "A")
        return f"{self.sheet}!{letter}{self.number}" if self.sheet else f"{letter}{self.number}"

    def col(self, key: str) -> int:
        letters = self.letters.get(key, "A")
        index = 0
        for ch in letters:
            index = index * 26 + ord(ch) - 64
        return index


@dataclass(frozen=True, slots=True)
class Kept:
    """A row kept until its item comes (a side table's row): its values as a tuple over the
    table's keys, since at 10,000 items a dict per row weighed more than the text in it."""

    number: int
    values: tuple[Raw, ...]
    keys: tuple[str, ...]
    letters: dict[str, str]
    sheet: str
    file: str

    @classmethod
    def of(cls, row: Row, keys: tuple[str, ...]) -> Kept:
        values = tuple(row.values.get(k) for k in keys)
        return cls(row.number, values, keys, row.letters, row.sheet, row.file)

    def row(self) -> Row:
        values: dict[str, Raw] = {
            k: v for k, v in zip(self.keys, self.values, strict=True) if v is not None
        }
        return Row(self.number, values, self.letters, self.sheet, self.file)


@dataclass
class Table:
    file: str
    name: str  # the sheet's name; "" for a CSV file
    layout: Layout
    header_row: int
    keys: list[str | None]  # column index -> key (None: a column we do not read)
    rows: Iterator[list[Raw]]
    merged: list[tuple[int, int, int, int]]  # 1-based first row, 0-based column, last row, column
    unknown: list[str]  # titles we do not read, for the report

    def __iter__(self) -> Iterator[Row]:
        letters = {k: column_letter(i + 1) for i, k in enumerate(self.keys) if k}
        sheet = self.name
        starts: dict[int, list[tuple[int, int, int, int]]] = {}
        for merged in self.merged:
            starts.setdefault(merged[0], []).append(merged)
        spans: dict[tuple[int, int], Raw] = {}  # cell -> the value of its merged range
        for number, values in enumerate(self.rows, start=self.header_row + 1):
            # A range's value sits in its top-left cell, which the rows reach first.
            for r0, c0, r1, c1 in starts.pop(number, []):
                top = values[c0] if c0 < len(values) else None
                spans.update({(r, c): top for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)})
            row: dict[str, Raw] = {}
            for index, key in enumerate(self.keys):
                if key is None:
                    continue
                value = values[index] if index < len(values) else None
                value = spans.pop((number, index), value)
                if value is not None and value != "":
                    row[key] = value
            if row:
                yield Row(number, row, letters, sheet, self.file)


def _header(name: str, first: list[list[Raw]]) -> tuple[Layout, int, list[str | None], list[str]]:
    best: tuple[int, int, Layout | None] = (0, 0, None)
    for index, values in enumerate(first):
        header = [text(v) or "" for v in values]
        kind = kind_of(name, header)
        if kind is None:
            continue
        candidate = layout(kind)
        score = sum(1 for t in header if normal(t) in candidate.titles)
        if score > best[0]:
            best = (score, index, candidate)
    score, index, found = best
    if found is None or score < 2:
        raise ValueError(name)
    header = [normal(text(v) or "") for v in first[index]]
    keys: list[str | None] = []
    for title in header:
        key = found.titles.get(title)
        keys.append(key if key not in keys else None)
    unknown = [t for t, k in zip(header, keys, strict=True) if t and k is None]
    return found, index + 1, keys, unknown


def _table(
    file: str, name: str, rows: Iterator[list[Raw]], merged: list[tuple[int, int, int, int]]
) -> Table | None:
    first: list[list[Raw]] = []
    filled = 0
    for values in rows:
        first.append(list(values))
        filled += any(v not in (None, "") for v in values)
        if filled == HEADER_ROWS or len(first) == 4 * HEADER_ROWS:
            break
    try:
        found, header_row, keys, unknown = _header(name, first)
    except ValueError:
        return None

    def rest() -> Iterator[list[Raw]]:
        yield from first[header_row:]
        yield from rows

    return Table(file, name, found, header_row, keys, rest(), merged, unknown)


def _padded(rows: Iterator[list[Raw]], left: int) -> Iterator[list[Raw]]:
    """calamine's rows start at the first used column; put the columns before it back."""
    pad: list[Raw] = [None] * left
    for values in rows:
        yield pad + list(values)


def read_workbook(path: Path, file: str) -> Iterator[Table]:
    """Every sheet we recognise, in workbook order (others are skipped)."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        sheet = book.get_sheet_by_name(name)
        merged = [(r0 + 1, c0, r1 + 1, c1) for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []]
        start = sheet.start or (0, 0)
        rows = cast(Iterator[list[Raw]], iter(sheet.iter_rows()))
        table = _table(file, name, _padded(rows, start[1]), merged)
        if table is not None:
            yield table


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


def read_csv(path: Path, file: str) -> Table | None:
    """One CSV file as a table; its name (items.csv, materials.csv ...) or else its titles
    say which."""
    reader = csv.reader(io.StringIO(_decode(path.read_bytes()), newline=""))
    rows: Iterator[list[Raw]] = iter(list(r) for r in reader)
    table = _table(file, path.stem, rows, [])
    if table is not None:
        table.name = ""
    return table
