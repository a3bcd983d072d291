"""The messy 实施清单 (tests/fixtures/import/make_messy.py) imports to exactly the YAML and
the diagnostics committed beside it, from the workbook and from its CSV variant.

After a deliberate change, rewrite the expectations with
``.venv/bin/python tests/test_import_fixture.py`` and read the diff before committing.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sys
from pathlib import Path

import pytest

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path("tests/fixtures/import")
EXPECTED = ROOT / FIXTURES / "expected"
AS_OF = "2026-12-01"
VARIANTS = ("xlsx", "csv")


def run(variant: str, out: Path) -> tuple[int, str, dict[str, str]]:
    """(exit status, output with the folder shown as OUT, file -> text) of one import."""
    stdout = io.StringIO()
    cwd = Path.cwd()
    os.chdir(ROOT)  # the diagnostics name the file as given: a path relative to the repo
    try:
        with contextlib.redirect_stdout(stdout):
            code = main(
                ["import", str(FIXTURES / f"messy.{variant}"), "--out", str(out), "--as-of", AS_OF]
            )
    finally:
        os.chdir(cwd)
    files = {
        p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }
    return code, stdout.getvalue().replace(str(out), "OUT"), files


@pytest.mark.parametrize("variant", VARIANTS)
def test_messy_sheet_imports_to_the_expected_yaml(variant: str, tmp_path: Path) -> None:
    code, output, files = run(variant, tmp_path / "out")
    assert code == 1, "the sheet has cells nobody can read without a person"
    assert output == (EXPECTED / f"{variant}.txt").read_text(encoding="utf-8")
    expected_dir = EXPECTED / variant
    expected = {
        p.relative_to(expected_dir).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(expected_dir.rglob("*"))
        if p.is_file()
    }
    assert sorted(files) == sorted(expected)
    for name, text in expected.items():
        assert files[name] == text, name


def test_the_fixture_has_what_the_issue_lists() -> None:
    """At least twenty items, and each kind of mess at least once, in the workbook."""
    output = (EXPECTED / "xlsx.txt").read_text(encoding="utf-8")
    assert "| 事项 | 24 |" in output
    for code in (
        "import-limit-text",
        "import-code-float",
        "import-code-number",
        "import-phone-number",
        "import-choice",
        "import-basis-text",
        "import-text-kept",
        "import-column-unknown",
    ):
        assert f"({code})" in output, code
    assert (
        "messy.xlsx:实施清单!K19: [error] 时限“五到七个工作日”无法解析 (import-limit-text)"
        in output
    )


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        code = main(["import", str(ROOT / FIXTURES / "messy.xlsx"), "--out", str(out), "--dry-run"])
    assert code == 1
    assert not out.exists()
    assert "| 事项 | 24 |" in stdout.getvalue()
    assert str(out) in stdout.getvalue(), "check's diagnostics name the folder asked for"


@pytest.mark.parametrize(
    "argv",
    [
        ["import", "no-such-file.xlsx", "--out", "x"],
        ["import", str(ROOT / "README.md"), "--out", "x"],
        ["import", str(ROOT / FIXTURES / "messy.xlsx"), "--out", "x", "--department", "市场"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], tmp_path: Path) -> None:
    argv = [a if a != "x" else str(tmp_path / "out") for a in argv]
    assert main(argv) == 2


def test_json_and_github_formats_locate_cells(tmp_path: Path) -> None:
    import json

    for fmt in ("json", "github"):
        stdout, stderr = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            main(["import", str(ROOT / FIXTURES / "messy.xlsx"), "--out", str(tmp_path / fmt),
                  "--format", fmt, "--as-of", AS_OF])  # fmt: skip
        assert "| 事项 | 24 |" in stderr.getvalue(), "the summary stays out of the JSON"
        if fmt == "json":
            payload = json.loads(stdout.getvalue())
            cells = {d["cell"] for d in payload["diagnostics"] if d["code"].startswith("import-")}
            assert "实施清单!K19" in cells
        else:
            assert "title=import-limit-text" in stdout.getvalue()


def _update() -> None:
    import tempfile

    for variant in VARIANTS:
        with tempfile.TemporaryDirectory() as scratch:
            _, output, files = run(variant, Path(scratch) / "out")
        target = EXPECTED / variant
        shutil.rmtree(target, ignore_errors=True)
        for name, text in files.items():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_text(text, encoding="utf-8")
        (EXPECTED / f"{variant}.txt").write_text(output, encoding="utf-8")
        print(f"rewrote {target} and {variant}.txt", file=sys.stderr)


if __name__ == "__main__":
    _update()
