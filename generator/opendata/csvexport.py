"""``items.csv`` and ``materials.csv``: UTF-8 with a BOM (so Excel reads Chinese), CRLF
line ends as RFC 4180 says, every cell neutralised against formula injection."""

from __future__ import annotations

import csv
import io

from .columns import ITEM_COLUMNS, MATERIAL_COLUMNS, Cell, Column, material_rows, table
from .records import Record


def _csv(rows: list[list[Cell]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _export(columns: tuple[Column, ...], records: list[Record]) -> bytes:
    return _csv(table(columns, records))


def items_csv(data: Record) -> bytes:
    return _export(ITEM_COLUMNS, data["items"])


def materials_csv(data: Record) -> bytes:
    return _export(MATERIAL_COLUMNS, material_rows(data["items"]))
