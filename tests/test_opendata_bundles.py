"""一件事 bundles in ``catalogue.json``: checked against records worked out by hand from
``catalogue/chains.yaml`` and the items' ``materials`` (not by running the code under test),
and against the published JSON Schema.

新生儿出生, by hand: 出生医学证明首次签发 materials 1 登记表, 2 父母双方居民身份证,
3 委托书及受托人居民身份证; 出生登记 1 出生医学证明, 2 境外出生证明及中文翻译件, 3 护照或者
旅行证, 4 父母双方居民身份证, 5 落户方居民户口簿, 6 父母结婚证, 7 出生登记申报表,
8 委托书及受托人居民身份证; 社会保障卡申领 1 登记表, 2 居民户口簿, 3 监护人居民身份证,
4 照片.  Merged in road order: 13.  出生医学证明 is stage 1's result, 居民户口簿 stage 2's
(居民户口簿(婴儿户口页)).  All three are 当场办结: 0 and 0.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from generator.catalogue.loaded import Catalogue, load_catalogue
from generator.opendata.bundlerecords import bundle_records
from generator.portal import datafiles, urls

from .conftest import FIXTURES, build_case

DEMO = Path(__file__).resolve().parent.parent / "catalogue"
BMC, BR, SS = "birth-medical-certificate", "birth-registration", "social-security-card-application"

NEWBORN_MATERIALS = [
    ("出生医学证明首次签发登记表", [(BMC, 1)], None),
    ("父母双方居民身份证", [(BMC, 2), (BR, 4)], None),
    ("委托书及受托人居民身份证", [(BMC, 3), (BR, 8)], None),
    ("出生医学证明", [(BR, 1)], BMC),
    ("境外出生证明及中文翻译件", [(BR, 2)], None),
    ("婴儿的中华人民共和国护照或者旅行证", [(BR, 3)], None),
    ("落户方居民户口簿", [(BR, 5)], None),
    ("父母结婚证", [(BR, 6)], None),
    ("出生登记申报表", [(BR, 7)], None),
    ("社会保障卡申领登记表", [(SS, 1)], None),
    ("居民户口簿", [(SS, 2)], BR),
    ("监护人居民身份证", [(SS, 3)], None),
    ("近期正面免冠彩色证件照片", [(SS, 4)], None),
]

# (lead, window, total working, total calendar, upper bound, materials, stage item ids)
HEADS = {
    "restaurant-opening": (
        "scjg",
        "市场主体登记综合窗口",
        5,
        0,
        False,
        18,
        [
            ["individual-business-registration"],
            ["food-business-licence", "social-insurance-registration"],
        ],
    ),
    "business-startup": (
        "scjg",
        "市场主体登记综合窗口",
        11,
        0,
        False,
        26,
        [
            ["company-establishment"],
            ["social-insurance-registration"],
            ["food-business-licence", "drug-retail-licence", "public-place-hygiene-licence"],
        ],
    ),
    "construction-project": (
        "zjj",
        "工程建设项目审批窗口",
        55,
        0,
        False,
        39,
        [
            ["site-selection-opinion", "land-use-planning-permit"],
            ["construction-planning-permit", "fire-design-review", "eia-report-approval"],
            ["construction-permit", "road-occupation-permit"],
            ["planning-verification", "fire-acceptance"],
            ["completion-filing"],
        ],
    ),
    "newborn": ("gaj", "户政综合窗口", 0, 0, False, 13, [[BMC], [BR], [SS]]),
}


@pytest.fixture(scope="module")
def demo() -> tuple[Catalogue, dict[str, Any], dict[str, Any]]:
    catalogue, _ = load_catalogue(DEMO)
    files = datafiles.data_files(catalogue)
    data = json.loads(files[urls.data_file_url("catalogue.json")])
    schema = json.loads(files[urls.data_file_url("catalogue.schema.json")])
    return catalogue, data, schema


def test_every_demo_bundle_is_published_with_lead_stages_and_time(
    demo: tuple[Catalogue, dict[str, Any], dict[str, Any]],
) -> None:
    _, data, _ = demo
    assert data["schema_version"] == "1.3"
    assert [b["id"] for b in data["bundles"]] == list(HEADS)
    for bundle in data["bundles"]:
        lead, window, working, calendar, bound, count, stages = HEADS[bundle["id"]]
        assert (bundle["lead"]["id"], bundle["window"]) == (lead, window)
        assert bundle["time"] == {
            "working_days": working,
            "calendar_days": calendar,
            "upper_bound": bound,
        }
        assert [s["items"] for s in bundle["stages"]] == stages
        assert len(bundle["materials"]) == count
        assert bundle["url"] == f"https://zwfw.example.gov.cn/bundles/{bundle['id']}/"
    assert data["bundles"][0]["lead"]["name"] == "示例市市场监督管理局"


def test_the_newborn_merged_list_names_the_items_using_each(
    demo: tuple[Catalogue, dict[str, Any], dict[str, Any]],
) -> None:
    _, data, _ = demo
    (newborn,) = [b for b in data["bundles"] if b["id"] == "newborn"]
    got = [
        (m["name"], [(u["item"], u["number"]) for u in m["used_by"]], m["produced_by"])
        for m in newborn["materials"]
    ]
    assert got == NEWBORN_MATERIALS
    assert [m["number"] for m in newborn["materials"]] == list(range(1, 14))
    assert not any(m["exempt"] for m in newborn["materials"])
    assert [s["name"] for s in newborn["stages"]] == ["出生医学证明", "报户口", "领取社会保障卡"]


def test_use_numbers_point_at_the_items_own_materials(
    demo: tuple[Catalogue, dict[str, Any], dict[str, Any]],
) -> None:
    _, data, _ = demo
    items = {i["id"]: i for i in data["items"]}
    (restaurant,) = [b for b in data["bundles"] if b["id"] == "restaurant-opening"]
    (licence,) = [m for m in restaurant["materials"] if m["name"] == "营业执照"]
    # 食品经营许可证核发 asks for 营业执照 second (after 食品经营许可申请书); exempt there.
    assert licence["used_by"] == [{"item": "food-business-licence", "number": 2}]
    assert (licence["produced_by"], licence["exempt"]) == ("individual-business-registration", True)
    for bundle in data["bundles"]:
        for material in bundle["materials"]:
            for use in material["used_by"]:
                asked = items[use["item"]]["materials"][use["number"] - 1]
                assert asked["number"] == use["number"]


def test_the_schema_requires_the_bundle_fields(
    demo: tuple[Catalogue, dict[str, Any], dict[str, Any]],
) -> None:
    _, data, schema = demo
    validator = jsonschema.Draft202012Validator(schema)
    validator.validate(data)
    broken = copy.deepcopy(data)
    del broken["bundles"][0]["time"]["calendar_days"]
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(broken)
    broken = copy.deepcopy(data)
    broken["bundles"][0]["materials"][0]["used_by"][0]["number"] = 0
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(broken)


def test_a_stage_mixing_units_is_published_as_an_upper_bound(tmp_path: Path) -> None:
    """bundle-mixed-units: geti-dengji 7 自然日 ∥ shipin-jingying 5 工作日 (see test_bundles)."""
    root = build_case(FIXTURES / "negative" / "bundle-mixed-units", tmp_path / "catalogue")
    catalogue, _ = load_catalogue(root)
    (record,) = bundle_records(catalogue, lambda c: f"/bundles/{c}/")
    assert record["time"] == {"working_days": 5, "calendar_days": 7, "upper_bound": True}
    assert record["url"] == "/bundles/kaidian/"
