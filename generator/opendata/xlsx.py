"""``catalogue.xlsx``: sheet 事项 and sheet 申请材料, columns as in :mod:`.columns`, a
frozen header row and filters on every column.

openpyxl stamps the workbook with the current time and the zip entries with the local
time; both are fixed here to the catalogue's date so that the same catalogue gives the same
bytes.  A text cell starting with ``=`` would be stored as a formula by openpyxl: every
text passes through :func:`.columns.neutralise` first.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, time

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from .columns import ITEM_COLUMNS, MATERIAL_COLUMNS, Cell, material_rows, table
from .records import Record

_WIDTH_CAP = 40


def _fill(sheet: Worksheet, rows: list[list[Cell]]) -> None:
    for row in rows:
        sheet.append(row)
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
        cell.alignment = Alignment(vertical="center")
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(rows[0]))
    sheet.auto_filter.ref = f"A1:{last}{len(rows)}"
    for index, title in enumerate(rows[0], start=1):
        # Two width units per CJK character; long texts wrap at a readable cap.
        sample = [len(str(r[index - 1])) for r in rows[:50]]
        width = min(_WIDTH_CAP, max(len(str(title)) * 2, *[s * 2 for s in sample]) + 2)
        sheet.column_dimensions[get_column_letter(index)].width = width


def _fixed_zip(data: bytes, stamp: date) -> bytes:
    """The same archive with every entry dated ``stamp`` (zip entries carry a local time)."""
    when = (stamp.year, stamp.month, stamp.day, 0, 0, 0)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=when)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def catalogue_xlsx(data: Record) -> bytes:
    stamp = date.fromisoformat(data["date"])
    workbook = Workbook()
    items = workbook.active
    assert items is not None
    items.title = "事项"
    _fill(items, table(ITEM_COLUMNS, data["items"]))
    _fill(
        workbook.create_sheet("申请材料"),
        table(MATERIAL_COLUMNS, material_rows(data["items"])),
    )
    moment = datetime.combine(stamp, time())
    workbook.properties.created = moment
    workbook.properties.modified = moment
    workbook.properties.creator = data["centre"]["name"]
    workbook.properties.title = "办事事项实施清单"
    raw = io.BytesIO()
    # ExcelWriter instead of Workbook.save: save() overwrites ``modified`` with now.
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    return _fixed_zip(raw.getvalue(), stamp)
