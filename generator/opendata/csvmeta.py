"""CSV on the Web (W3C CSVW) metadata beside the CSV files: ``items.csv-metadata.json``,
``materials.csv-metadata.json`` …, the names a CSVW processor looks for first.

Each column is described from :mod:`.columns` (its key as ``name``, the Chinese header as
``titles``, the description, the CSVW datatype), so the metadata cannot drift from the
files.  ``items.csv`` has the primary key 实施编码; every other table that carries
实施编码 is described in a table group with ``items.csv`` and a foreign key to it, so that
a processor starting from ``materials.csv`` checks the join (CSVW resolves a foreign
key only within one table group).  The dialect states what :mod:`.csvexport` writes:
UTF-8 with a byte-order mark, CRLF line ends, one header row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .columns import SHEETS, Sheet
from .jsonexport import dumps
from .records import Record
from .sidecolumns import CODE

CONTEXT: list[Any] = ["http://www.w3.org/ns/csvw", {"@language": "zh-CN"}]
DIALECT: dict[str, Any] = {
    "encoding": "utf-8",
    "lineTerminators": ["\r\n"],
    "header": True,
    "headerRowCount": 1,
    "doubleQuote": True,
    "trim": False,
}
ITEMS = SHEETS[0]


def metadata_name(sheet: Sheet) -> str:
    return f"{sheet.file}-metadata.json"


def _schema(sheet: Sheet) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "columns": [
            {
                "name": c.key,
                "titles": c.title,
                "dc:description": c.description,
                "datatype": c.datatype,
                **({"required": True} if c.key == CODE.key else {}),
            }
            for c in sheet.columns
        ],
    }
    keys = [c.key for c in sheet.columns]
    if sheet is ITEMS:
        schema["primaryKey"] = CODE.key
    elif CODE.key in keys:
        schema["foreignKeys"] = [
            {
                "columnReference": CODE.key,
                "reference": {"resource": ITEMS.file, "columnReference": CODE.key},
            }
        ]
    return schema


def _table(sheet: Sheet, data: Record) -> dict[str, Any]:
    return {
        "url": sheet.file,
        "dc:title": f"{sheet.name}({sheet.description})",
        "dc:license": {"@id": data["licence_url"]},
        "dc:modified": {"@value": data["date"], "@type": "xsd:date"},
        "dialect": DIALECT,
        "tableSchema": _schema(sheet),
    }


def metadata_json(sheet: Sheet, data: Record) -> bytes:
    """The CSVW metadata of one table (a table group when it joins ``items.csv``)."""
    if sheet is ITEMS or CODE.key not in {c.key for c in sheet.columns}:
        return dumps({"@context": CONTEXT, **_table(sheet, data)})
    return dumps(
        {
            "@context": CONTEXT,
            "dc:title": f"{sheet.name}及其所属事项",
            "tables": [_table(sheet, data), _table(ITEMS, data)],
        }
    )


def exporters() -> tuple[tuple[str, Callable[[Record], bytes]], ...]:
    """(file name, exporter) of the metadata of every CSV file, in workbook order."""
    return tuple((metadata_name(sheet), _bound(sheet)) for sheet in SHEETS)


def _bound(sheet: Sheet) -> Callable[[Record], bytes]:
    return lambda data: metadata_json(sheet, data)
