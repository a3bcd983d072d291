"""Where the open data files live, and their bytes: the bridge from ``opendata`` to the site.

``opendata`` makes bytes and knows no URL; this module gives each file its permanent URL
(from :mod:`.urls`) and hands the page plan the bytes, which the MkDocs adapter only places.
The ``export`` command writes the same bytes to a directory.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from ..catalogue.diagnostics import Severity
from ..catalogue.loaded import Catalogue, load_catalogue, no_gc
from ..opendata import (
    bundlerecords,
    csvexport,
    csvmeta,
    dcat,
    jsonexport,
    jsonld,
    records,
    tables,
    vocabulary,
    xlsx,
)
from . import urls

Exporter = Callable[[records.Record], bytes]

FORMATS: dict[str, tuple[tuple[str, Exporter], ...]] = {
    "json": (
        ("catalogue.json", jsonexport.catalogue_json),
        (jsonexport.SCHEMA_ID, lambda _data: jsonexport.schema_json()),
    ),
    "csv": (*csvexport.exporters(), *csvmeta.exporters()),
    "jsonld": (
        ("catalogue.jsonld", jsonld.catalogue_jsonld),
        (vocabulary.FILE, jsonld.vocabulary_jsonld),
    ),
    "xlsx": (("catalogue.xlsx", xlsx.catalogue_xlsx),),
}
"""Export format -> (file name, exporter); the names are the files' permanent URLs under
``/data/``."""


DCAT = "dcat"
"""The export format of ``dcat.jsonld`` alone: the record of the files of every format."""


def dataset(catalogue: Catalogue) -> records.Record:
    """The published records, plus the rows of every table (``tables``) for CSV and Excel."""
    base = catalogue.centre.base_url if catalogue.centre else "/"
    data = records.dataset(catalogue, lambda i: urls.absolute_url(base, urls.item_url(i)))
    data["bundles"] = bundlerecords.bundle_records(
        catalogue, lambda c: urls.absolute_url(base, urls.bundle_url(c))
    )
    data["tables"] = tables.tables(catalogue, data)
    data["linked"] = records.linked(catalogue)
    data["linked"]["urls"] = {
        "home": urls.absolute_url(base, urls.HOME),
        "data": urls.absolute_url(base, urls.DATA),
        "dcat": urls.absolute_url(base, urls.data_file_url(dcat.FILE)),
        "catalogue": urls.absolute_url(base, urls.data_file_url("catalogue.jsonld")),
        "vocabulary": urls.absolute_url(base, urls.data_file_url(vocabulary.FILE)),
        "departments": {
            d: urls.absolute_url(base, urls.department_url(d)) for d in catalogue.departments
        },
    }
    return data


def format_files(data: records.Record, fmt: str) -> dict[str, bytes]:
    """File name -> bytes for one export format."""
    return {name: export(data) for name, export in FORMATS[fmt]}


def distributions(data: records.Record, named: dict[str, bytes]) -> list[tuple[str, str, bytes]]:
    """(name, public address, bytes) of every file the DCAT record lists."""
    home = data["linked"]["urls"]["home"]
    return [
        (name, urls.absolute_url(home, urls.data_file_url(name)), content)
        for name, content in named.items()
    ]


def dcat_record(data: records.Record, named: dict[str, bytes]) -> bytes:
    """``dcat.jsonld``: the DCAT-AP record of the files ``named`` (name -> bytes)."""
    return dcat.dcat_jsonld(data, distributions(data, named))


def data_files(catalogue: Catalogue) -> dict[str, bytes]:
    """Site URL -> bytes of every data file, the per-item ``index.json`` included.

    The cyclic collector is paused throughout: the records, rows and JSON-LD nodes are
    millions of short-lived acyclic containers, and each collection they set off rescanned
    the whole loaded catalogue as well; at 10,000 items that was more than half the time.
    """
    with no_gc():
        data = dataset(catalogue)
        named = {
            name: content for fmt in FORMATS for name, content in format_files(data, fmt).items()
        }
        out = {urls.data_file_url(name): content for name, content in named.items()}
        out[urls.data_file_url(dcat.FILE)] = dcat_record(data, named)
        for record in data["items"]:
            out[urls.item_data_url(record["id"])] = jsonexport.item_json(data, record)
    return out


def data_urls(catalogue: Catalogue) -> set[str]:
    """The site URLs :func:`data_files` writes, without making a byte of them (the preview
    must not prune the files it writes only after the reload)."""
    names = [name for fmt in FORMATS.values() for name, _ in fmt] + [dcat.FILE]
    return {urls.data_file_url(name) for name in names} | {
        urls.item_data_url(item_id) for item_id in catalogue.items
    }


def export(catalogue: Catalogue, fmt: str, out: Path) -> list[Path]:
    """Write one format's files into the directory ``out``; returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with no_gc():
        data = dataset(catalogue)
        if fmt == DCAT:
            named = {n: c for f in FORMATS for n, c in format_files(data, f).items()}
            files = {dcat.FILE: dcat_record(data, named)}
        else:
            files = format_files(data, fmt)
    for name, content in files.items():
        path = out / name
        path.write_bytes(content)
        written.append(path)
    return written


def export_catalogue(root: Path, fmt: str, out: Path) -> int:
    """The ``export`` command: load, refuse a catalogue with errors, write, list the files.

    Exit status as for ``check``: 0 written, 1 the catalogue has errors, 2 no catalogue.
    """
    if not root.is_dir():
        print(f"目录不存在:{root}", file=sys.stderr)
        return 2
    catalogue, report = load_catalogue(root)
    errors = [d for d in report if d.severity is Severity.ERROR]
    for diagnostic in errors:
        print(diagnostic.parsable(), file=sys.stderr)
    if errors or catalogue.centre is None:
        print(f"目录有 {len(errors)} 个错误,未导出数据。", file=sys.stderr)
        return 1
    for path in export(catalogue, fmt, out):
        print(path)
    return 0
