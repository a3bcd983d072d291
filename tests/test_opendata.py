"""Open data files read back with their own readers and checked against the YAML.

Each file is parsed by the library a consumer would use (json + jsonschema, csv, openpyxl,
rdflib for JSON-LD with the embedded context, offline) and compared with the item files
read directly with PyYAML, so a mistake in the shared records would show here.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import time
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import jsonschema
import openpyxl
import pytest
import yaml
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from generator.catalogue.loaded import Catalogue, load_catalogue
from generator.opendata import csvexport, dcat, jsonexport, jsonld, xlsx
from generator.opendata.columns import (
    ITEM_COLUMNS,
    MATERIAL_COLUMNS,
    SHEETS,
    Column,
    neutralise,
    table,
)
from generator.portal import datafiles, urls

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "catalogue"
PORTAL = ROOT / "tests" / "fixtures" / "portal"
CPSV = Namespace("http://purl.org/vocab/cpsv#")
CV = Namespace("http://data.europa.eu/m8g/")
DCT = Namespace("http://purl.org/dc/terms/")


def raw_items(root: Path) -> dict[str, dict[str, Any]]:
    """Item id -> the item file as PyYAML reads it (the reference, independent of models)."""
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((root / "items").glob("*/*.yaml"))
    }


def fee_text(raw: dict[str, Any]) -> str:
    fees = raw["fees"]
    return fees if isinstance(fees, str) else ";".join(f"{f['name']}:{f['standard']}" for f in fees)


@pytest.fixture(scope="module", params=[DEMO, PORTAL], ids=["demo", "portal"])
def source(request: pytest.FixtureRequest) -> tuple[Path, Catalogue, dict[str, bytes]]:
    root: Path = request.param
    catalogue, report = load_catalogue(root)
    assert not [d for d in report if d.severity.value == "error"]
    return root, catalogue, datafiles.data_files(catalogue)


def test_json_validates_and_matches_yaml(source: tuple[Path, Catalogue, dict[str, bytes]]) -> None:
    root, _, files = source
    data = json.loads(files[urls.data_file_url("catalogue.json")])
    schema = json.loads(files[urls.data_file_url("catalogue.schema.json")])
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["schema_version"] == "1.3"
    raw = raw_items(root)
    by_id = {item["id"]: item for item in data["items"]}
    assert set(by_id) == set(raw)
    for ident, item in raw.items():
        out = by_id[ident]
        assert out["name"] == item["name"]
        assert out["statutory_limit"]["days"] == item["time_limit"]["statutory"]["days"]
        assert out["promised_limit"]["days"] == item["time_limit"]["promised"]["days"]
        assert len(out["materials"]) == len(item["materials"])
        assert out["free"] == (item["fees"] == "不收费")
        if isinstance(item["fees"], list):
            assert [(f["name"], f["standard"]) for f in out["fees"]] == [
                (f["name"], f["standard"]) for f in item["fees"]
            ]


def test_item_json_files_validate(source: tuple[Path, Catalogue, dict[str, bytes]]) -> None:
    root, _, files = source
    validator = jsonschema.Draft202012Validator(jsonexport.ITEM_SCHEMA)
    for ident, item in raw_items(root).items():
        data = json.loads(files[urls.item_data_url(ident)])
        validator.validate(data)
        assert data["item"]["id"] == ident
        assert data["item"]["basic_code"] == item["codes"]["basic"]


def _csv_rows(content: bytes) -> list[dict[str, str]]:
    assert content.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM for Excel"
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def test_csv_matches_yaml(source: tuple[Path, Catalogue, dict[str, bytes]]) -> None:
    root, _, files = source
    raw = raw_items(root)
    items = {r["事项标识"]: r for r in _csv_rows(files[urls.data_file_url("items.csv")])}
    assert list(next(iter(items.values()))) == [c.title for c in ITEM_COLUMNS]
    assert set(items) == set(raw)
    for ident, item in raw.items():
        row = items[ident]
        assert int(row["法定办结时限"]) == item["time_limit"]["statutory"]["days"]
        assert int(row["承诺办结时限"]) == item["time_limit"]["promised"]["days"]
        assert int(row["申请材料数"]) == len(item["materials"])
        assert row["收费标准"] == neutralise(fee_text(item))
        assert row["是否收费"] == ("否" if item["fees"] == "不收费" else "是")
    materials = _csv_rows(files[urls.data_file_url("materials.csv")])
    for ident, item in raw.items():
        names = [m["材料名称"] for m in materials if m["事项标识"] == ident]
        assert names == [neutralise(m["name"]) for m in item["materials"]]


def test_xlsx_matches_yaml(source: tuple[Path, Catalogue, dict[str, bytes]]) -> None:
    root, _, files = source
    raw = raw_items(root)
    book = openpyxl.load_workbook(io.BytesIO(files[urls.data_file_url("catalogue.xlsx")]))
    assert book.sheetnames == [s.name for s in SHEETS]
    assert book.sheetnames[:5] == ["基本信息", "申请材料", "收费项目", "常见问题", "法律依据"]
    sheet = book["基本信息"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A1:")
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == [c.title for c in ITEM_COLUMNS]
    by_id = {row[-3]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert set(by_id) == set(raw)
    for ident, item in raw.items():
        row = by_id[ident]
        assert row["法定办结时限"] == item["time_limit"]["statutory"]["days"]
        assert row["承诺办结时限"] == item["time_limit"]["promised"]["days"]
        assert row["申请材料数"] == len(item["materials"])
        assert row["收费标准"] == neutralise(fee_text(item))
    materials = book["申请材料"]
    assert materials.freeze_panes == "A2"
    header = [c.value for c in materials[1]]
    assert header == [c.title for c in MATERIAL_COLUMNS]
    assert materials.max_row - 1 == sum(len(i["materials"]) for i in raw.values())


def _workbook(content: bytes) -> openpyxl.Workbook:
    """The workbook as a consumer opens it, after checking the archive and that every part
    is well-formed XML (what a stricter reader than openpyxl would insist on)."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert archive.testzip() is None
        assert archive.namelist()[0] == "[Content_Types].xml"
        for name in archive.namelist():
            ElementTree.fromstring(archive.read(name))
    return openpyxl.load_workbook(io.BytesIO(content))


def test_xlsx_round_trips_the_tables(source: tuple[Path, Catalogue, dict[str, bytes]]) -> None:
    """Every cell reads back as the table has it (numbers as numbers, blanks as nothing),
    with the bold frozen header, a filter over every column and the column widths."""
    _, catalogue, files = source
    data = datafiles.dataset(catalogue)
    book = _workbook(files[urls.data_file_url("catalogue.xlsx")])
    tables = {s.name: table(s.columns, data["tables"][s.name]) for s in SHEETS}
    assert book.sheetnames == list(tables)
    for name, rows in tables.items():
        sheet = book[name]
        assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
            [None if cell == "" else cell for cell in row] for row in rows
        ]
        last = openpyxl.utils.get_column_letter(len(rows[0]))
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{last}{len(rows)}"
        assert all(cell.font.b for cell in sheet[1])
        assert not any(cell.font.b for cell in sheet[2])
        widths = [sheet.column_dimensions[c.column_letter].width for c in sheet[1]]
        assert all(4 <= w <= 40 for w in widths), widths
    assert book.properties.title == "办事事项实施清单"
    assert book.properties.creator == data["centre"]["name"]


def test_xlsx_keeps_hostile_text_as_text() -> None:
    """Markup characters, edge spaces and line ends survive; characters XML 1.0 cannot hold
    are dropped rather than making the file unreadable; nothing becomes a formula."""
    data = datafiles.dataset(load_catalogue(PORTAL)[0])
    name = ' <b>"名称"</b> & {x}\r\n第二行\t '
    item = {**data["tables"]["基本信息"][0], "name": name}
    material = {**data["tables"]["申请材料"][0], "name": "=1+1", "note": "a\x01b\x1f\ufffec"}
    tables = {**data["tables"], "基本信息": [item], "申请材料": [material]}
    data = {**data, "centre": {**data["centre"], "name": "A&B<C>"}, "tables": tables}
    book = _workbook(xlsx.catalogue_xlsx(data))
    assert book["基本信息"]["A2"].value == name
    assert book["申请材料"]["D2"].value == "'=1+1"
    assert book["申请材料"]["N2"].value == "abc"
    assert book.properties.creator == "A&B<C>"
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f"


def test_table_neutralises_every_cell_as_neutralise_does() -> None:
    values: list[str | int | None] = ["=1+1", "+86", "-2", "@A", "\tx", "\rx", "", "a", 3, 0, None]
    columns = tuple(
        Column(str(i), f"列{i}", "", lambda r, i=i: r["values"][i]) for i in range(len(values))
    )
    assert table(columns, [{"values": values}]) == [
        [c.title for c in columns],
        [neutralise(v) for v in values],
    ]


def test_dumps_is_the_standard_librarys_indented_json() -> None:
    """orjson is only a faster way to the same bytes: the golden layout is json.dumps's."""
    tricky = {
        "z": '\x00\x1f\x7f\u2028"\\/\t\n é 中 😀 \uffff',
        "a": [],
        "b": {},
        "c": [[], {"y": None, "x": True}],
        "中": -(2**63),
        "😀": 2**64 - 1,
        "E": False,
    }
    catalogue, _ = load_catalogue(DEMO)
    data = datafiles.dataset(catalogue)
    for value in (tricky, data, jsonexport.SCHEMA):
        expected = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        assert jsonexport.dumps(value) == expected.encode()
    huge = {"copies": 10**30}
    assert jsonexport.dumps(huge) == b'{\n  "copies": 1000000000000000000000000000000\n}\n'


def test_jsonld_parses_offline_as_cpsv_ap(
    source: tuple[Path, Catalogue, dict[str, bytes]],
) -> None:
    root, catalogue, files = source
    text = files[urls.data_file_url("catalogue.jsonld")].decode()
    assert isinstance(json.loads(text)["@context"], dict), "the context is embedded"
    graph = Graph().parse(data=text, format="json-ld")
    services = set(graph.subjects(RDF.type, CPSV.PublicService))
    raw = raw_items(root)
    assert len(services) == len(raw)
    assert catalogue.centre is not None
    for ident, item in raw.items():
        node = URIRef(urls.absolute_url(catalogue.centre.base_url, urls.item_url(ident)))
        assert node in services
        assert str(graph.value(node, DCT.identifier)) == item["codes"]["basic"]
        days = item["time_limit"]["promised"]["days"]
        assert str(graph.value(node, CV.processingTime)) == f"P{days}D"
        assert len(list(graph.objects(node, CPSV.hasInput))) == len(item["materials"])
        costs = list(graph.objects(node, CV.hasCost))
        if item["fees"] == "不收费":
            assert [graph.value(c, CV.hasValue) for c in costs] == [Literal(0.0)]
        else:
            assert len(costs) == len(item["fees"])
        participants = {
            graph.value(p, CV.hasParticipant) for p in graph.objects(node, CV.hasParticipation)
        }
        department = URIRef(catalogue.centre.base_url.rstrip("/") + "/departments/{}/#organisation")
        assert participants == {
            URIRef(str(department).format(d)) for d in item.get("joint_departments", [])
        }, ident


def test_every_item_page_links_its_json() -> None:
    catalogue, _ = load_catalogue(PORTAL)
    files = datafiles.data_files(catalogue)
    for ident in catalogue.items:
        assert urls.item_data_url(ident) in files


def _injected(tmp_path: Path) -> Path:
    root = tmp_path / "catalogue"
    shutil.copytree(PORTAL, root)
    path = root / "items" / "scjg" / "company-setup.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("name: 公司登记(备案)申请书", 'name: \'=HYPERLINK("http://evil/","点我")\'')
    text = text.replace("name: 有限责任公司设立登记", "name: '@SUM(1+1)*cmd'", 1)
    path.write_text(text, encoding="utf-8")
    return root


def test_formula_text_is_neutralised_in_csv_and_xlsx(tmp_path: Path) -> None:
    catalogue, _ = load_catalogue(_injected(tmp_path))
    assert "=HYPERLINK" in catalogue.items["company-setup"].item.materials[0].name
    data = datafiles.dataset(catalogue)
    rows = _csv_rows(csvexport.materials_csv(data))
    cells = [r["材料名称"] for r in rows if r["事项标识"] == "company-setup"]
    assert cells[0] == '\'=HYPERLINK("http://evil/","点我")'
    book = openpyxl.load_workbook(io.BytesIO(xlsx.catalogue_xlsx(data)))
    values = [
        row[3]
        for row in book["申请材料"].iter_rows(min_row=2, values_only=True)
        if row[-1] == "company-setup"
    ]
    assert values[0] == '\'=HYPERLINK("http://evil/","点我")'
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"formula in {sheet.title}!{cell.coordinate}"
    # JSON keeps the catalogue's text as it is: it is data, not a spreadsheet.
    assert json.loads(jsonexport.catalogue_json(data))["items"][0]["materials"][0]["name"] in {
        m.name for loaded in catalogue.items.values() for m in loaded.item.materials
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+86 512", "'+86 512"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("0512-1234", "0512-1234"),
        ("不收费", "不收费"),
        (3, 3),
        (None, ""),
    ],
)
def test_neutralise(text: str | int | None, expected: str | int) -> None:
    assert neutralise(text) == expected


def test_files_are_byte_identical_across_builds() -> None:
    first = datafiles.data_files(load_catalogue(PORTAL)[0])
    time.sleep(2.1)  # zip entries carry 2-second timestamps: a clock leak would show
    second = datafiles.data_files(load_catalogue(PORTAL)[0])
    assert first.keys() == second.keys()
    for url in first:
        assert first[url] == second[url], url


def test_xlsx_carries_the_catalogue_date() -> None:
    catalogue, _ = load_catalogue(PORTAL)
    data = datafiles.dataset(catalogue)
    book = openpyxl.load_workbook(io.BytesIO(xlsx.catalogue_xlsx(data)))
    assert book.properties.modified.date().isoformat() == data["date"]
    assert book.properties.created.date().isoformat() == data["date"]


def test_jsonld_escapes_nothing_it_should_not() -> None:
    """Catalogue text is data in JSON-LD too: quotes and markup survive a round trip."""
    data = datafiles.dataset(load_catalogue(PORTAL)[0])
    record = {**data["items"][0], "name": '"<b>名称</b>" & {x}'}
    text = jsonld.catalogue_jsonld({**data, "items": [record]}).decode()
    graph = Graph().parse(data=text, format="json-ld")
    assert str(graph.value(URIRef(record["url"]), DCT.title)) == '"<b>名称</b>" & {x}'


def test_data_page_lists_every_file_with_its_size_checksum_and_the_licence() -> None:
    from generator.portal.pages import plan_site
    from generator.portal.rendering import make_environment, render_page

    catalogue, _ = load_catalogue(DEMO)
    plan = plan_site(catalogue)
    page = render_page(make_environment(), plan.by_url()[urls.DATA])
    files = {g.url: g.content for g in plan.generated if g.url.count("/") == 2}
    assert urls.data_file_url("dcat.jsonld") in files
    for url, content in files.items():
        name = url.rsplit("/", 1)[-1]
        row = (
            f'<tr><th scope="row"><a href="{name}" download>{name}</a></th>'
            f"<td>{dcat.title(name)}</td><td>{dcat.file_type(name).eu_format.replace('_', '-')}"
            f'</td><td>{len(content):,}</td><td><code class="bs-hash">'
            f"{hashlib.sha256(content).hexdigest()}</code></td></tr>"
        )
        assert row in page, name
    assert '<a href="https://creativecommons.org/licenses/by/4.0/">知识共享署名 4.0' in page
    assert "<code>CC-BY-4.0</code>" in page
    for term in ("bs:statutoryProcessingTime", "bs:handlingKind", "bs:specialProcedure"):
        assert f"<code>{term}</code>" in page
    assert "即办件、承诺件、联办件、报批件" in page
