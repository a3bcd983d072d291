"""``export`` then ``import`` gives back the catalogue: every field of every item (the
workbook carries them all), its department and the laws it cites.

The demo catalogue is the example; hypothesis then varies texts, numbers and choices of
a few demo items (formula-like starts, brackets, full-width digits, 是/否 ...) and holds
the round trip through the workbook and through the CSV files.
"""

from __future__ import annotations

import contextlib
import io
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from generator.catalogue.loaded import Catalogue, load_catalogue
from generator.cli import main
from generator.importer.writing import dump
from generator.portal import datafiles

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "catalogue"
TOP = ("centre.yaml", "departments.yaml", "laws.yaml", "chains.yaml", "synonyms.yaml")

# The demo writes these three out of the model's order or spells out a default (the
# importer writes quantity_limit only when it is not 无数量限制, and a time limit's note
# after its basis); their loaded models are still equal.
NOT_BYTE_IDENTICAL = {"work-injury-recognition", "food-business-licence", "food-production-licence"}


def export_import(root: Path, fmt: str, tmp: Path) -> Path:
    """Export ``root`` as ``fmt`` and import the files into a folder holding its centre.yaml
    (which the importer reads for the hours items inherit)."""
    exported, out = tmp / f"export-{fmt}", tmp / f"import-{fmt}"
    catalogue, _ = load_catalogue(root)
    datafiles.export(catalogue, fmt, exported)
    out.mkdir()
    shutil.copy(root / "centre.yaml", out / "centre.yaml")
    source = exported / ("catalogue.xlsx" if fmt == "xlsx" else "items.csv")
    with contextlib.redirect_stdout(io.StringIO()):
        main(["import", str(source), "--out", str(out), "--as-of", "2026-12-01"])
    return out


def assert_same_items(original: Catalogue, imported: Catalogue) -> None:
    assert sorted(imported.items) == sorted(original.items)
    for ident, loaded in original.items.items():
        back = imported.items[ident]
        assert back.department_id == loaded.department_id, ident
        assert back.item.model_dump() == loaded.item.model_dump(), ident
        for law in {b.law for b in loaded.item.basis}:
            assert imported.laws[law] == original.laws[law], law
    for ident, department in original.departments.items():
        assert imported.departments[ident] == department


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_the_demos_export_imports_to_the_demo(fmt: str, tmp_path: Path) -> None:
    out = export_import(DEMO, fmt, tmp_path)
    original, _ = load_catalogue(DEMO)
    imported, report = load_catalogue(out)
    assert [d for d in report.errors if d.code.startswith("schema")] == []
    assert_same_items(original, imported)


def test_the_demos_items_come_back_in_the_house_style(tmp_path: Path) -> None:
    """Byte for byte the files staff wrote, but where the demo departs from model order."""
    out = export_import(DEMO, "xlsx", tmp_path)
    differ = {
        path.stem
        for path in sorted((DEMO / "items").glob("*/*.yaml"))
        if (out / path.relative_to(DEMO)).read_bytes() != path.read_bytes()
    }
    assert differ == NOT_BYTE_IDENTICAL


# --- generated catalogues ----------------------------------------------------------------

# Edges are stripped (a clerk's trailing spaces), a leading apostrophe before = + - @ is
# the formula guard, "2." inside a one-entry numbered cell reads as numbering and 、
# separates keywords: those are the importer's rules, so the texts keep to them.
ALPHABET = [
    *"甲乙丙事项材料证明书。,;:()“”《》/ -=+@#&<>'\"0123456789abcXYZ是否",
    "\uff11",  # full-width 1
    "\u3001",
    "\uff0c",
]


def _texts(alphabet: list[str]) -> st.SearchStrategy[str]:
    return (
        st.text(st.sampled_from(alphabet), min_size=1, max_size=24)
        .map(str.strip)
        .filter(lambda t: bool(t) and not t.startswith("'"))
    )


TEXT = _texts(ALPHABET)
NUMBERED_TEXT = _texts([c for c in ALPHABET if not c.isdigit() and c != "\uff11"])
WORD = _texts([c for c in ALPHABET if c != "\u3001"])

TEXT_PATHS: tuple[tuple[Any, ...], ...] = (
    ("name",),
    ("summary",),
    ("materials", 0, "name"),
    ("materials", 0, "standard"),
    ("materials", 0, "note"),
    ("materials", -1, "when"),
    ("materials", -1, "source_note"),
    ("result", "name"),
    ("result", "delivery"),
    ("result", "validity"),
    ("time_limit", "promised", "note"),
    ("time_limit", "statutory", "note"),
    ("quantity_limit",),
    ("place",),
    ("hours",),
)


def _set(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> None:
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


@st.composite
def variations(draw: st.DrawFn) -> dict[str, Any]:
    """Up to three demo items (by file), each with texts, numbers and choices changed."""
    paths = sorted((DEMO / "items").glob("*/*.yaml"))
    chosen = draw(st.lists(st.sampled_from(paths), min_size=1, max_size=3, unique=True))
    items: dict[str, Any] = {}
    for path in chosen:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for where in draw(st.lists(st.sampled_from(TEXT_PATHS), max_size=6, unique=True)):
            _set(data, where, draw(TEXT))
        data["conditions"][0]["text"] = draw(NUMBERED_TEXT)
        data["keywords"] = draw(st.lists(WORD, max_size=3))
        data["refusals"] = draw(st.lists(NUMBERED_TEXT, max_size=2))
        data["faq"] = [{"q": draw(TEXT), "a": draw(TEXT)} for _ in range(draw(st.integers(0, 2)))]
        data["visits"] = draw(st.integers(0, 5))
        data["time_limit"]["promised"]["days"] = draw(st.integers(0, 60))
        material = data["materials"][0]
        material["copies"] = draw(st.integers(1, 99))
        material["necessity"] = draw(st.sampled_from(["必要", "非必要", "容缺后补"]))
        material["medium"] = draw(st.sampled_from(["纸质", "电子", "纸质或电子"]))
        material["source"] = draw(st.sampled_from(["申请人自备", "政府部门核发", "其他"]))
        items[path.relative_to(DEMO).as_posix()] = data
    return items


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(items=variations(), fmt=st.sampled_from(["xlsx", "csv"]))
def test_generated_catalogues_round_trip(
    items: dict[str, Any], fmt: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    tmp = tmp_path_factory.mktemp("roundtrip")
    root = tmp / "catalogue"
    root.mkdir()
    for name in TOP:
        shutil.copy(DEMO / name, root / name)
    for name, data in items.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(dump(data), encoding="utf-8")
    original, report = load_catalogue(root)
    assume(not report.errors and len(original.items) == len(items))
    imported, _ = load_catalogue(export_import(root, fmt, tmp))
    assert_same_items(original, imported)


def test_the_variations_are_not_vacuous() -> None:
    """The strategy's texts do reach the formula guard and the numbering rules."""
    rng = random.Random(0)
    samples = [rng.choice(ALPHABET) for _ in range(200)]
    assert {"=", "+", "-", "@", "\uff11", "\u3001"} <= set(samples)


def test_importing_the_demo_beside_its_centre_and_forms_is_clean(tmp_path: Path) -> None:
    """With centre.yaml, chains.yaml, synonyms.yaml and forms/ in place, the demo's own
    workbook imports with nothing to fix: exit 0, no diagnostic at all."""
    exported, out = tmp_path / "export", tmp_path / "catalogue"
    datafiles.export(load_catalogue(DEMO)[0], "xlsx", exported)
    out.mkdir()
    for name in ("centre.yaml", "chains.yaml", "synonyms.yaml"):
        shutil.copy(DEMO / name, out / name)
    shutil.copytree(DEMO / "forms", out / "forms")
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        code = main(["import", str(exported / "catalogue.xlsx"), "--out", str(out),
                     "--as-of", "2026-12-01"])  # fmt: skip
    assert code == 0, stdout.getvalue()
    assert "0 个错误,0 个警告" in stdout.getvalue()
    assert "| 无法读取、需要人工处理的单元格 | 0 |" in stdout.getvalue()
