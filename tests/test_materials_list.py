"""The materials list of a guide (issue 18, point 5): defaults said once, each material
only where it departs from them and the details it has."""

from __future__ import annotations

from generator.catalogue.models import Material
from generator.portal.materials import material_list


def _material(name: str, **changes: object) -> Material:
    data: dict[str, object] = {
        "name": name,
        "form": "原件",
        "copies": 1,
        "medium": "纸质",
        "source": "申请人自备",
    }
    return Material.model_validate(data | changes)


def test_shared_values_are_said_once_and_departures_per_material() -> None:
    rows = [
        (1, _material("申请书"), "/forms/a.txt", None),
        (2, _material("营业执照", form="复印件", source="政府部门核发"), None, None),
        (3, _material("结婚证", necessity="非必要", when="已婚的提交"), None, None),
        (4, _material("平面图", source="其他", standard="标明尺寸", note="A3 纸"), None, None),
    ]
    found = material_list(rows)
    assert found.defaults == ("必要", "原件 1 份", "纸质", "申请人自备")
    assert found.defaults_sentence == "以下材料均为必要、原件 1 份、纸质、申请人自备(除注明外)。"
    assert [(r.number, r.name, r.requirement, r.details) for r in found.rows] == [
        (1, "申请书", (), ()),
        (2, "营业执照", ("复印件 1 份", "政府部门核发"), ()),
        (3, "结婚证", ("非必要",), ("提交情形:已婚的提交",)),
        (4, "平面图", ("其他来源",), ("受理标准:标明尺寸", "备注:A3 纸")),
    ]
    assert found.rows[0].blank == "/forms/a.txt"


def test_a_single_material_states_everything() -> None:
    found = material_list([(1, _material("申请书"), None, None)])
    assert found.defaults == () and found.defaults_sentence == ""
    assert found.rows[0].requirement == ("必要", "原件 1 份", "纸质", "申请人自备")


def test_no_default_without_a_majority() -> None:
    rows = [
        (1, _material("甲", medium="电子"), None, None),
        (2, _material("乙", medium="纸质或电子"), None, None),
        (3, _material("丙"), None, None),
    ]
    found = material_list(rows)
    assert "纸质" not in found.defaults
    assert [r.requirement for r in found.rows] == [("电子",), ("纸质或电子",), ("纸质",)]
