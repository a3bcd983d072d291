"""One CSV file per table of :data:`.columns.SHEETS` (items.csv, materials.csv, fees.csv
...): UTF-8 with a BOM (so Excel reads Chinese), CRLF line ends as RFC 4180 says, every
cell neutralised against formula injection."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from .columns import SHEETS, Cell, Sheet, table
from .records import Record


def _csv(rows: list[list[Cell]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def sheet_csv(sheet: Sheet, data: Record) -> bytes:
    return _csv(table(sheet.columns, data["tables"][sheet.name]))


def items_csv(data: Record) -> bytes:
    return sheet_csv(SHEETS[0], data)


def materials_csv(data: Record) -> bytes:
    return sheet_csv(SHEETS[1], data)


def exporters() -> tuple[tuple[str, Callable[[Record], bytes]], ...]:
    """(file name, exporter) for every table, in workbook order."""
    return tuple((sheet.file, _bound(sheet)) for sheet in SHEETS)


def _bound(sheet: Sheet) -> Callable[[Record], bytes]:
    return lambda data: sheet_csv(sheet, data)
