"""The open data as a harvester that validates would read it: pyshacl with the official
shapes kept in ``tests/shapes/`` (CPSV-AP 3.2.0, DCAT-AP 3.0.0; see their README).

Any violation fails, with every message listed.  Each graph is validated once per
session: the demo's, and a 1,000-item synthetic catalogue's (``generator synth``), whose
validation takes most of this module's time.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF

from generator.catalogue.loaded import load_catalogue
from generator.catalogue.synth import synthesize
from generator.portal import datafiles, urls

ROOT = Path(__file__).resolve().parent.parent
SHAPES = ROOT / "tests" / "shapes"
SH = Namespace("http://www.w3.org/ns/shacl#")
DCT = Namespace("http://purl.org/dc/terms/")
CV = Namespace("http://data.europa.eu/m8g/")
DEMO = ROOT / "catalogue"
SYNTH_ITEMS = 1000


@cache
def shapes(name: str) -> Graph:
    return Graph().parse(SHAPES / name, format="turtle")


@pytest.fixture(scope="session")
def catalogues(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    synth = tmp_path_factory.mktemp("shacl") / "catalogue"
    synthesize(synth, SYNTH_ITEMS)
    return {"demo": DEMO, "synth": synth}


@cache
def files(root: Path) -> dict[str, bytes]:
    return datafiles.data_files(load_catalogue(root)[0])


def graph(root: Path, name: str) -> Graph:
    text = files(root)[urls.data_file_url(name)].decode()
    return Graph().parse(data=text, format="json-ld")


def results(data: Graph, shapes_file: str) -> list[tuple[str, str, str, str]]:
    """(severity, focus node, path, message) of every result, sorted."""
    _, report, _ = validate(
        data, shacl_graph=shapes(shapes_file), inference="none", allow_warnings=True
    )
    out = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        out.append(
            (
                str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[-1],
                str(report.value(result, SH.focusNode)),
                str(report.value(result, SH.resultPath)),
                str(report.value(result, SH.resultMessage)),
            )
        )
    return sorted(out)


@cache
def cpsv_results(root: Path) -> tuple[tuple[str, str, str, str], ...]:
    return tuple(results(graph(root, "catalogue.jsonld"), "cpsv-ap-SHACL.ttl"))


def _violations(found: tuple[tuple[str, str, str, str], ...] | list[tuple[str, ...]]) -> str:
    bad = [r for r in found if r[0] == "Violation"]
    return "\n".join(" | ".join(r) for r in bad[:40]) + f"\n{len(bad)} violations"


@pytest.mark.parametrize("which", ["demo", "synth"])
def test_catalogue_jsonld_conforms_to_cpsv_ap(which: str, catalogues: dict[str, Path]) -> None:
    found = cpsv_results(catalogues[which])
    assert not [r for r in found if r[0] == "Violation"], _violations(found)
    # The shapes declare no other severity; a warning would show here first.
    assert not found


def test_vocabulary_conforms_to_cpsv_ap() -> None:
    found = results(graph(DEMO, "vocabulary.jsonld"), "cpsv-ap-SHACL.ttl")
    assert not found, _violations(found)


def test_the_shapes_catch_what_the_issue_found() -> None:
    """The check can fail: the faults the file had before (no identifiers, plain-text
    types, organisations without label or area) are each reported again."""
    data = graph(DEMO, "catalogue.jsonld")
    service = URIRef(urls.absolute_url("https://zwfw.example.gov.cn/", urls.item_url("x")))
    for node in list(data.subjects(RDF.type, CV.Cost))[:1]:
        data.remove((node, DCT.identifier, None))
    data.add((service, RDF.type, URIRef("http://purl.org/vocab/cpsv#PublicService")))
    found = results(data, "cpsv-ap-SHACL.ttl")
    paths = Counter(path.rsplit("/", 1)[-1] for _, _, path, _ in found)
    # One cost lost its identifier; the bare service lacks identifier, title, description
    # and competent authority.
    assert paths == {
        "identifier": 2,
        "title": 1,
        "description": 1,
        "hasCompetentAuthority": 1,
    }, found


DCAT = Namespace("http://www.w3.org/ns/dcat#")
SPDX = Namespace("http://spdx.org/rdf/terms#")


def test_dcat_record_conforms_to_dcat_ap() -> None:
    found = results(graph(DEMO, "dcat.jsonld"), "dcat-ap-SHACL.ttl")
    assert not found, _violations(found)


def test_dcat_record_describes_every_file_as_published() -> None:
    """One distribution per data file, with its real size and SHA-256, and the licence and
    date of the catalogue."""
    data = graph(DEMO, "dcat.jsonld")
    published = {
        url: content
        for url, content in files(DEMO).items()
        if url.startswith("/data/") and url.count("/") == 2 and not url.endswith("dcat.jsonld")
    }
    (dataset,) = data.subjects(RDF.type, DCAT.Dataset)
    seen = {}
    for dist in data.objects(dataset, DCAT.distribution):
        url = str(data.value(dist, DCAT.downloadURL)).removeprefix("https://zwfw.example.gov.cn")
        checksum = data.value(dist, SPDX.checksum)
        seen[url] = (
            int(data.value(dist, DCAT.byteSize)),
            str(data.value(checksum, SPDX.checksumValue)),
        )
    assert seen == {
        url: (len(content), hashlib.sha256(content).hexdigest())
        for url, content in published.items()
    }
    licence = "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0"
    assert data.value(dataset, DCT.license) == URIRef(licence)
    assert str(data.value(dataset, DCT.modified)) == "2026-11-10"


def test_dcat_shapes_catch_a_broken_record() -> None:
    data = graph(DEMO, "dcat.jsonld")
    (dataset,) = data.subjects(RDF.type, DCAT.Dataset)
    data.remove((dataset, DCT.title, None))
    first = next(iter(data.objects(dataset, DCAT.distribution)))
    data.remove((first, DCAT.accessURL, None))
    paths = sorted(path.rsplit("/", 1)[-1] for _, _, path, _ in results(data, "dcat-ap-SHACL.ttl"))
    assert paths == ["dcat#accessURL", "title"]


def test_the_licence_is_the_centres_choice(tmp_path: Path) -> None:
    """``licence: CC0-1.0`` in centre.yaml reaches every file that states a licence."""
    root = tmp_path / "catalogue"
    shutil.copytree(ROOT / "tests" / "fixtures" / "portal", root)
    with (root / "centre.yaml").open("a", encoding="utf-8") as centre:
        centre.write("licence: CC0-1.0\n")
    out = datafiles.data_files(load_catalogue(root)[0])
    cc0 = "http://publications.europa.eu/resource/authority/licence/CC0"
    record = Graph().parse(data=out[urls.data_file_url("dcat.jsonld")].decode(), format="json-ld")
    (dataset,) = record.subjects(RDF.type, DCAT.Dataset)
    assert record.value(dataset, DCT.license) == URIRef(cc0)
    assert not results(record, "dcat-ap-SHACL.ttl")
    assert json.loads(out[urls.data_file_url("catalogue.json")])["licence"] == "CC0-1.0"
    csvw_meta = json.loads(out[urls.data_file_url("items.csv-metadata.json")])
    assert csvw_meta["dc:license"] == {"@id": "https://creativecommons.org/publicdomain/zero/1.0/"}
