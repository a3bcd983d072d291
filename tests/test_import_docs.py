"""Every diagnostic code the importer emits is documented in docs/import.md, once, and
the summary the docs show for the messy fixture is the one the fixture gives."""

from __future__ import annotations

import re
from pathlib import Path

from generator.importer.problems import CODES

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "import.md").read_text(encoding="utf-8")


def test_every_emitted_code_is_registered_and_documented() -> None:
    emitted = {
        code
        for path in (ROOT / "generator" / "importer").glob("*.py")
        for code in re.findall(r'"(import-[a-z-]+)"', path.read_text(encoding="utf-8"))
    }
    assert emitted == set(CODES)
    documented = re.findall(r"^\| `(import-[a-z-]+)` \| (error|warning) \|", DOC, re.M)
    assert sorted(code for code, _ in documented) == sorted(CODES)


def test_the_documented_summary_is_the_fixtures() -> None:
    expected = (ROOT / "tests/fixtures/import/expected/xlsx.txt").read_text(encoding="utf-8")
    table = expected.split("导入汇总:\n", 1)[1]
    rows = [line for line in table.splitlines() if line.startswith("| ") and "---" not in line]
    for row in rows:
        assert row in DOC, row
