"""Open data carries 情形引导 and 免提交: catalogue.json fields, CPSV-AP Requirement/Evidence.

Expected values are read by hand from the demo YAML (real-estate-transfer-registration's
material 2 is 卖方居民身份证, needed when 卖方是个人还是单位? is 个人; food-business-licence's
material 2 is 营业执照, fetched by 数据共享).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, Namespace, URIRef

from generator.catalogue.loaded import load_catalogue
from generator.portal import datafiles, urls

DEMO = Path(__file__).resolve().parent.parent / "catalogue"
CV = Namespace("http://data.europa.eu/m8g/")
DCT = Namespace("http://purl.org/dc/terms/")
SITE = "https://zwfw.example.gov.cn"


@cache
def _files() -> dict[str, bytes]:
    catalogue, report = load_catalogue(DEMO)
    assert not report.errors
    return datafiles.data_files(catalogue)


@cache
def _graph() -> Graph:
    text = _files()[urls.data_file_url("catalogue.jsonld")].decode()
    return Graph().parse(data=text, format="json-ld")


def _items() -> dict[str, Any]:
    data = json.loads(_files()[urls.data_file_url("catalogue.json")])
    return {item["id"]: item for item in data["items"]}


def test_catalogue_json_carries_exempt_and_answers() -> None:
    items = _items()
    food = items["food-business-licence"]["materials"][1]
    assert (food["name"], food["exempt"]) == (
        "营业执照",
        {"way": "数据共享", "basis": "窗口通过市场主体登记系统共享获取营业执照信息"},
    )
    assert items["food-business-licence"]["materials"][0]["exempt"] is None
    seller = items["real-estate-transfer-registration"]["materials"][1]
    assert (seller["name"], seller["answers"]) == ("卖方居民身份证", {"seller": "person"})
    assert [q["id"] for q in items["real-estate-transfer-registration"]["situations"]][:1] == [
        "seller"
    ]


def test_an_answer_dependent_material_is_evidence_of_a_requirement() -> None:
    graph = _graph()
    page = f"{SITE}/items/real-estate-transfer-registration/"
    evidence = URIRef(page + "#material-2")
    requirement = URIRef(page + "#situation-2")
    assert graph.value(evidence, CV.supportsRequirement) == requirement
    assert graph.value(requirement, CV.hasSupportingEvidence) == evidence
    assert (URIRef(page), CV.holdsRequirement, requirement) in graph
    description = graph.value(requirement, DCT.description)
    assert isinstance(description, Literal)
    assert str(description).startswith("情形引导中回答为:卖方是个人还是单位?个人")
    # Material 1 (the application form) is asked in every case: no situation requirement.
    assert graph.value(URIRef(page + "#material-1"), CV.supportsRequirement) is None


def test_an_exempt_material_says_so_in_json_ld() -> None:
    graph = _graph()
    evidence = URIRef(f"{SITE}/items/food-business-licence/#material-2")
    values = {str(p).rsplit("#", 1)[-1]: str(o) for p, o in graph.predicate_objects(evidence)}
    assert values["exemptWay"].endswith("vocabulary.jsonld#exempt-way-sharing")
    assert values["exemptBasis"] == "窗口通过市场主体登记系统共享获取营业执照信息"
    assert str(graph.value(evidence, DCT.description)) == (
        "免于提交:数据共享,窗口通过市场主体登记系统共享获取营业执照信息"
    )


def test_conditions_fees_and_steps_carry_their_answers() -> None:
    """By hand: individual-business-registration's condition 3 (经营范围属于依法须经批准的项目的…)
    has ``licensed: needed``; id-card-renewal's fee 1 (有效期满换领…) ``reason: renew``, fee 2
    none; work-injury-recognition's step 2 (调查核实, 9 days, the promise's 工作日) ``harm:
    accident``."""
    items = _items()
    assert items["individual-business-registration"]["condition_answers"] == [
        None,
        None,
        {"licensed": "needed"},
    ]
    assert [f["answers"] for f in items["id-card-renewal"]["fees"]] == [{"reason": "renew"}, None]
    steps = items["work-injury-recognition"]["steps"]
    assert [(s["number"], s["name"], s["days"], s["unit"], s["answers"]) for s in steps] == [
        (1, "受理", 0, "工作日", None),
        (2, "调查核实", 9, "工作日", {"harm": "accident"}),
        (3, "作出认定决定", 3, "工作日", None),
        (4, "送达", 2, "工作日", None),
    ]
    # road-occupation-permit: 一窗受理, then two parallel reviews (group 1), then 联合决定.
    road = items["road-occupation-permit"]["steps"]
    assert [(s["name"], s["group"]) for s in road] == [
        ("一窗受理", None),
        ("公路管理机构审查和现场踏勘", 1),
        ("交通安全审查", 1),
        ("联合决定", None),
    ]
