"""docs/checks.md is generated from the registry and documents every emitted code."""

from __future__ import annotations

import re
from pathlib import Path

from generator.checks import load_rules
from generator.checks.docs import documented_codes, render_checks_doc

ROOT = Path(__file__).parent.parent
# A code literal as passed to Diagnostic(...), _at(...), .diagnostic(...), emit(...), @rule(...)
CODE = re.compile(r'"((?:yaml|file|schema|ref|basis|cond|mat|time|fee|phone|text|syn)-[a-z-]+)"')


def test_checks_doc_is_current() -> None:
    committed = (ROOT / "docs/checks.md").read_text(encoding="utf-8")
    assert committed == render_checks_doc(), (
        "docs/checks.md is stale: run .venv/bin/python -m generator.checks.docs"
    )


def test_every_emitted_code_is_documented() -> None:
    documented = documented_codes()
    emitted = {
        code
        for path in (ROOT / "generator").rglob("*.py")
        # review/ has its own check ids, documented in docs/review.md (tests/test_review_*)
        if "review" not in path.relative_to(ROOT / "generator").parts
        for code in CODE.findall(path.read_text(encoding="utf-8"))
    }
    assert emitted, "the code pattern found nothing; is the grep broken?"
    assert sorted(emitted - set(documented)) == []


def test_every_rule_has_examples_and_kebab_code() -> None:
    for key, info in load_rules().items():
        assert re.fullmatch(r"[a-z]+(-[a-z]+)+", info.code)
        if key == info.code:  # companions share their primary's documentation
            assert "Passing:" in info.doc and "Failing:" in info.doc, info.code
            assert info.code.split("-")[0] in {
                "ref",
                "basis",
                "cond",
                "mat",
                "time",
                "calendar",
                "fee",
                "phone",
                "text",
                "syn",
                "bundle",
                "sit",
            }


def test_every_rule_has_a_fixture() -> None:
    expected = "".join(
        p.read_text(encoding="utf-8")
        for p in (ROOT / "tests/fixtures/negative").glob("*/expected.txt")
    )
    missing = [code for code in documented_codes() if f": {code}\n" not in expected]
    # file-too-large is tested in test_cli (a 1 MB fixture is not committed); file-unreadable
    # depends on permissions (root reads anything); schema-invalid is the fallback for
    # pydantic error types no input of the current models produces.
    # ref-file-too-large needs a 20 MB form: tests/test_hostile.py makes a sparse one.
    assert sorted(missing) == [
        "file-too-large",
        "file-unreadable",
        "ref-file-too-large",
        "schema-invalid",
    ]
