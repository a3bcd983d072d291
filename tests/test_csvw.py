"""The CSV files read through their CSV-on-the-Web metadata by a CSVW processor (``csvw``):
every cell parses as its declared datatype, and every table that carries 实施编码 joins
``items.csv`` by it (the foreign key checked by the processor, not by us)."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import csvw
import pytest

from generator.catalogue.loaded import load_catalogue
from generator.opendata import csvmeta
from generator.opendata.columns import SHEETS, Sheet
from generator.portal import datafiles

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("csvw")
    datafiles.export(load_catalogue(ROOT / "catalogue")[0], "csv", out)
    return out


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def _table_group(path: Path) -> csvw.TableGroup:
    return csvw.TableGroup.from_file(path)


@pytest.mark.parametrize("sheet", SHEETS, ids=[s.file for s in SHEETS])
def test_every_csv_reads_through_its_metadata(sheet: Sheet, exported: Path) -> None:
    metadata = exported / csvmeta.metadata_name(sheet)
    plain = _rows(exported / sheet.file)
    columns = sheet.columns
    assert plain[0] == [c.title for c in columns], "the metadata's titles are the header"
    group = _table_group(metadata) if '"tables"' in metadata.read_text() else None
    table = group.tables[0] if group else csvw.Table.from_file(metadata)
    assert table.url.string == sheet.file
    rows = list(table.iterdicts(strict=True))
    assert len(rows) == len(plain) - 1
    for column in columns:
        kind = {"integer": int, "date": date, "string": str}[column.datatype]
        assert all(isinstance(r[column.key], kind) for r in rows if r[column.key] is not None)
    if group:
        assert group.check_referential_integrity()


def test_items_and_materials_describe_their_key(exported: Path) -> None:
    items = csvw.Table.from_file(exported / "items.csv-metadata.json")
    assert items.tableSchema.primaryKey == ["implementation_code"]
    assert items.tableSchema.columns[0].titles.getfirst() == "事项名称"
    materials = _table_group(exported / "materials.csv-metadata.json")
    (key,) = materials.tables[0].tableSchema.foreignKeys
    assert key.columnReference == ["implementation_code"]
    assert key.reference.resource.string == "items.csv"
    assert key.reference.columnReference == ["implementation_code"]


def test_the_processor_rejects_a_broken_join_and_a_bad_number(exported: Path) -> None:
    path = exported / "materials.csv"
    original = path.read_bytes()
    header, first, *rest = original.decode("utf-8").split("\r\n")
    code, name, number, *cells = first.split(",")
    try:
        path.write_bytes(
            "\r\n".join([header, ",".join(["0" * 23, name, number, *cells]), *rest]).encode()
        )
        with pytest.raises(ValueError, match=r"not found in table items\.csv"):
            _table_group(exported / "materials.csv-metadata.json").check_referential_integrity()
        path.write_bytes(
            "\r\n".join([header, ",".join([code, name, "一", *cells]), *rest]).encode()
        )
        with pytest.raises(ValueError, match="排序"):
            list(_table_group(exported / "materials.csv-metadata.json").tables[0].iterdicts())
    finally:
        path.write_bytes(original)
