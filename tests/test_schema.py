"""The committed JSON Schemas are what editors validate against: they must stay current."""

from __future__ import annotations

from pathlib import Path

from generator.cli import SCHEMA_DIR, schemas


def test_committed_schemas_are_current() -> None:
    expected = schemas()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in SCHEMA_DIR.glob("*.json")}
    assert on_disk == expected, "run `python -m generator schema` and commit the result"


def test_item_schema_forbids_unknown_keys() -> None:
    import json

    schema = json.loads((Path(SCHEMA_DIR) / "item.schema.json").read_text(encoding="utf-8"))
    assert schema["additionalProperties"] is False
    assert "materials" in schema["required"]
