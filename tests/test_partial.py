"""Every problem in one run: a schema error hides only the rules that need its field.

Three layers: ``salvage`` itself (what a partial model keeps), a property over every
negative fixture (adding a schema error elsewhere in the item hides none of the case's
diagnostics), and fuzzing the structure of every catalogue file (never a crash).  The
exact combined reports live in ``fixtures/negative/mixed-*``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.catalogue.models import DepartmentsFile, Fee, Item, ParallelSteps, Step
from generator.catalogue.partial import salvage
from generator.checks.pipeline import check_report

from .conftest import AS_OF, BASE, FIXTURES, base_with, build_case

ITEM = "items/scjgj/shipin-jingying.yaml"
BASE_DATA: dict[str, Any] = yaml.safe_load((BASE / ITEM).read_text(encoding="utf-8"))


def _item(**changes: Any) -> dict[str, Any]:
    return {**BASE_DATA, **changes}


# --- salvage --------------------------------------------------------------------------


def test_valid_fields_are_validated_and_invalid_ones_absent() -> None:
    item = salvage(Item, _item(kind="普通件", visits="3"))
    assert not hasattr(item, "kind")
    assert not hasattr(item, "visits"), "an invalid value must not fall back to the default"
    assert item.reviewed == date(2025, 6, 1)  # validated: a date, not the YAML text
    assert item.time_limit.promised.days == 5
    assert item.name == "食品经营许可"


def test_absent_optional_field_keeps_its_default() -> None:
    data = _item()
    del data["contact"]
    item = salvage(Item, {**data, "kind": "普通件"})
    assert item.contact.enquiry_phone is None
    assert item.joint_departments == []


def test_list_entries_keep_their_index() -> None:
    materials = [dict(m) for m in BASE_DATA["materials"]]
    materials[0]["copies"] = "1"
    item = salvage(Item, _item(materials=[materials[0], "营业执照", materials[1]]))
    first, placeholder, third = item.materials
    assert not hasattr(first, "copies") and first.name == "食品经营许可申请书"
    assert placeholder.__dict__ == {}
    assert third.name == "经营场所使用证明" and third.copies == 1


def test_a_list_of_ids_with_one_bad_id_is_left_out() -> None:
    item = salvage(Item, _item(joint_departments=["zjj", "ZJJ"]))
    assert not hasattr(item, "joint_departments")


def test_discriminated_unions_pick_the_branch_meant() -> None:
    steps = [
        "受理",
        {"parallel": [{"name": "审查", "kind": "审查", "post": "岗", "days": "两天"}]},
        {"name": "决定", "kind": "决定", "post": "负责人", "days": 1},
    ]
    fees = [{**BASE_DATA["fees"][0], "licence": 1}]
    item = salvage(Item, _item(steps=steps, fees=fees))
    placeholder, parallel, decide = item.steps
    assert isinstance(placeholder, Step) and placeholder.__dict__ == {}
    assert isinstance(parallel, ParallelSteps) and not hasattr(parallel.parallel[0], "days")
    assert isinstance(decide, Step) and decide.days == 1
    assert isinstance(item.fees, list) and isinstance(item.fees[0], Fee)
    assert item.fees[0].standard == "每证 10 元" and not hasattr(item.fees[0], "licence")


def test_top_level_lists_are_salvaged_entry_by_entry() -> None:
    data = {"departments": [{"id": "scjgj", "name": 1}, {"id": "zjj", "name": "住建局"}]}
    departments = salvage(DepartmentsFile, data).departments
    assert [d.id for d in departments] == ["scjgj", "zjj"]
    assert not hasattr(departments[0], "name") and departments[1].name == "住建局"


# --- a schema error elsewhere hides nothing ---------------------------------------------

NEGATIVE = sorted(p for p in (FIXTURES / "negative").iterdir() if p.is_dir())
UNREADABLE = ("yaml-", "file-", "schema-not-mapping")


def _lines(root: Path) -> list[str]:
    prefix = root.as_posix() + "/"
    return [
        f"{d.file.removeprefix(prefix)}:{d.line}:{d.col}: {d.code}"
        for d in check_report(root, as_of=AS_OF)
    ]


def _readable(case: Path) -> bool:
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    item_codes = [line.rsplit(" ", 1)[1] for line in expected if line.startswith(f"{ITEM}:")]
    deleted = case / "deleted.txt"
    gone = deleted.is_file() and ITEM in deleted.read_text(encoding="utf-8").split()
    return not gone and not any(code.startswith(UNREADABLE) for code in item_codes)


READABLE = [case for case in NEGATIVE if _readable(case)]


@pytest.mark.parametrize("case", READABLE, ids=[p.name for p in READABLE])
def test_an_unknown_key_hides_no_other_problem(case: Path, tmp_path: Path) -> None:
    """Appending a misspelt key to the item adds one diagnostic and hides none: before
    issue 8 the whole item's rules were skipped."""
    root = build_case(case, tmp_path / "catalogue")
    item = root / ITEM
    text = item.read_text(encoding="utf-8")
    lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    item.write_text(text.rstrip("\n") + "\nsumary_extra: 1\n", encoding="utf-8")
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    added = f"{ITEM}:{lines + 1}:1: schema-unknown-key"
    assert _lines(root) == sorted([*expected, added], key=_order)


def _order(line: str) -> tuple[str, int, int, str]:
    file, row, col, code = line.split(":")
    return file, int(row), int(col), code.strip()


# --- fuzzing the structure ----------------------------------------------------------------

FILES = [ITEM, "centre.yaml", "departments.yaml", "laws.yaml", "chains.yaml"]
LOADED = {name: yaml.safe_load((BASE / name).read_text(encoding="utf-8")) for name in FILES}

junk = st.one_of(
    st.sampled_from([None, 0, -1, 3, "", "x", "０５１２", "<b>x</b>", True, [], {}, ["x"]]),
    st.sampled_from([{"days": "2"}, [{"name": 1}], {"law": "Bad Id"}, "第三章", "即办件"]),
)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            out.extend(_paths(child, (*path, key)))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            out.extend(_paths(child, (*path, index)))
    return out


def _replace(data: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, *rest = path
    copy: Any = dict(data) if isinstance(data, dict) else list(data)
    copy[head] = _replace(data[head], tuple(rest), new)
    return copy


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, Any]:
    name = draw(st.sampled_from(FILES))
    data = LOADED[name]
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(data)[1:]))
        data = _replace(data, path, draw(junk))
    return name, data


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations())
def test_mistyped_structure_never_crashes(mutation: tuple[str, Any]) -> None:
    name, data = mutation
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    with base_with(name, text.encode("utf-8")) as root:
        report = check_report(root, as_of=AS_OF)
        assert report.files_checked == 5
        # A rule that raises is reported, not raised (generator/checks): no rule may.
        assert not [d.parsable() for d in report if "内部出错" in d.message]
        # Rules on a partial item do not sneak past a clean result: something is reported
        # whenever the data no longer validates.
        if data != LOADED[name]:
            assert report.diagnostics or _still_valid(name, data)


def _still_valid(name: str, data: Any) -> bool:
    from generator.catalogue.models import TOP_LEVEL_MODELS

    model = Item if name == ITEM else TOP_LEVEL_MODELS[name]
    try:
        model.model_validate(data)
    except Exception:
        return False
    return True
