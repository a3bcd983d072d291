"""Fixture-driven specification of every rule and loader code (check-jsonschema style).

Each folder under ``fixtures/negative/`` overlays the minimal valid catalogue in
``fixtures/base/`` with a few files and lists, in ``expected.txt``, the exact diagnostics
as ``file:line:col: code`` (paths relative to the catalogue).  Folders under
``fixtures/positive/`` must check clean, warnings included.  Adding a case is adding a
folder.  Regenerate an expectation after a deliberate change with
``UPDATE_EXPECTED=1 .venv/bin/python -m pytest tests/test_fixtures.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.checks.pipeline import check_report

from .conftest import AS_OF, FIXTURES, build_case

NEGATIVE = sorted(p for p in (FIXTURES / "negative").iterdir() if p.is_dir())
POSITIVE = sorted(p for p in (FIXTURES / "positive").iterdir() if p.is_dir())


def _lines(root: Path) -> list[str]:
    report = check_report(root, as_of=AS_OF)
    prefix = root.as_posix() + "/"
    return [f"{d.file.removeprefix(prefix)}:{d.line}:{d.col}: {d.code}" for d in report]


@pytest.mark.parametrize("case", NEGATIVE, ids=[p.name for p in NEGATIVE])
def test_negative(case: Path, tmp_path: Path) -> None:
    got = _lines(build_case(case, tmp_path / "catalogue"))
    expected_file = case / "expected.txt"
    if os.environ.get("UPDATE_EXPECTED"):
        expected_file.write_text("".join(f"{line}\n" for line in got), encoding="utf-8")
    expected = expected_file.read_text(encoding="utf-8").splitlines()
    assert got == expected
    assert got, "a negative case must produce at least one diagnostic"


@pytest.mark.parametrize("case", POSITIVE, ids=[p.name for p in POSITIVE])
def test_positive(case: Path, tmp_path: Path) -> None:
    assert _lines(build_case(case, tmp_path / "catalogue")) == []
