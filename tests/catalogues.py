"""Catalogues the build and browser tests share (no browser needed to import them)."""

from __future__ import annotations

import shutil
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
DEMO_CATALOGUE = PROJECT / "catalogue"
INJECTION_OVERLAY = PROJECT / "tests" / "fixtures" / "injection"


def injection_catalogue(target: Path) -> Path:
    """The demo catalogue plus the hostile item of tests/fixtures/injection/."""
    shutil.copytree(DEMO_CATALOGUE, target)
    for path in sorted((INJECTION_OVERLAY / "items").rglob("*")):
        if path.is_file():
            destination = target / path.relative_to(INJECTION_OVERLAY)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)
    return target
