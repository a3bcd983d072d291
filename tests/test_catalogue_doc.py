"""The staff guide's complete example is the real demo item, so it cannot drift."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_complete_example_is_the_demo_item() -> None:
    doc = (ROOT / "docs" / "catalogue.md").read_text(encoding="utf-8")
    match = re.search(r"`(catalogue/items/[^`]+\.yaml)`:\n\n```yaml\n(.*?)```", doc, re.S)
    assert match, "docs/catalogue.md must show a complete example item"
    assert (ROOT / match.group(1)).read_text(encoding="utf-8") == match.group(2)


def test_every_item_field_is_documented() -> None:
    from generator.catalogue.models import Item

    doc = (ROOT / "docs" / "catalogue.md").read_text(encoding="utf-8")
    missing = [name for name in Item.model_fields if f"`{name}" not in doc]
    assert not missing
