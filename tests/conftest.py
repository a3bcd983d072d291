"""Shared helpers: build a catalogue from the base fixture plus one case's overlay."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
BASE = FIXTURES / "base"
AS_OF = date(2026, 1, 1)
CASE_FILES = {"expected.txt", "deleted.txt", ".keep"}


def build_case(case: Path, target: Path) -> Path:
    """Copy the base catalogue to ``target``, overlay the case's files, apply deletions."""
    shutil.copytree(BASE, target)
    for path in sorted(case.rglob("*")):
        relative = path.relative_to(case)
        if relative.as_posix() in CASE_FILES:
            continue
        if path.is_symlink():  # hostile cases: the link itself, never what it points at
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            (target / relative).symlink_to(path.readlink())
        elif path.is_file():
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target / relative)
        elif path.is_dir():
            (target / relative).mkdir(parents=True, exist_ok=True)
    deleted = case / "deleted.txt"
    if deleted.is_file():
        for line in deleted.read_text(encoding="utf-8").split():
            (target / line).unlink()
    return target


@pytest.fixture
def base_catalogue(tmp_path: Path) -> Path:
    return build_case(FIXTURES / "positive" / "base", tmp_path / "catalogue")
