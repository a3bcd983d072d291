"""The synthetic catalogue feeds the benchmarks: it must be deterministic and valid."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.catalogue.models import TOP_LEVEL_MODELS, Item
from generator.catalogue.synth import synthesize

ITEMS = 50


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_synth_writes_the_requested_number_of_items(tmp_path: Path) -> None:
    synthesize(tmp_path, ITEMS)
    items = sorted((tmp_path / "items").glob("*/*.yaml"))
    assert len(items) == ITEMS
    assert len({p.stem for p in items}) == ITEMS
    for name in TOP_LEVEL_MODELS:
        assert (tmp_path / name).is_file()


def test_synth_is_deterministic(tmp_path: Path) -> None:
    synthesize(tmp_path / "a", ITEMS, seed=7)
    synthesize(tmp_path / "b", ITEMS, seed=7)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_synth_items_validate(tmp_path: Path) -> None:
    synthesize(tmp_path, ITEMS)
    basics = set()
    for path in (tmp_path / "items").glob("*/*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert not [e for e in yaml.parse(text) if getattr(e, "anchor", None)], path
        item = Item.model_validate(yaml.safe_load(text))
        basics.add(item.codes.basic)
        for material in item.materials:
            for form in (material.blank_form, material.sample):
                assert form is None or (tmp_path / form).is_file()
    assert len(basics) == ITEMS
    for name, model in TOP_LEVEL_MODELS.items():
        model.model_validate(yaml.safe_load((tmp_path / name).read_text(encoding="utf-8")))


def test_synth_quotes_codes_and_phones(tmp_path: Path) -> None:
    synthesize(tmp_path, ITEMS)
    for path in (tmp_path / "items").glob("*/*.yaml"):
        for line in path.read_text(encoding="utf-8").splitlines():
            key, _, value = line.strip().partition(": ")
            if key in {"basic", "implementation", "enquiry_phone", "supervision_phone"}:
                assert value.startswith('"'), line
