"""The legal office's checklist: realistic commits over the demo catalogue, exact reports.

Each case of ``review_cases.CASES`` is two git revisions; the Markdown report (after its
title line, which names commits) must equal ``tests/golden/review/legal/<case>.md``
(``UPDATE_GOLDEN=1`` rewrites them: read the diff), and the flags and exit code must be the
ones the case lists.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from generator.cli import main

from .review_cases import CASES, INJURY, Case, apply, make_legal_repo

GOLDEN = Path(__file__).parent / "golden" / "review" / "legal"


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, str, str]]:
    """(exit, Markdown, JSON) of every case, each in its own repository."""
    results = {}
    cwd = Path.cwd()
    os.environ.pop("GITHUB_STEP_SUMMARY", None)
    try:
        for case in CASES:
            repo = make_legal_repo(tmp_path_factory.mktemp(case.name) / "repo")
            apply(repo, case)
            os.chdir(repo)
            results[case.name] = (
                _diff("HEAD~1", "HEAD")[0],
                _diff("HEAD~1", "HEAD")[1],
                _diff("HEAD~1", "HEAD", "--format", "json")[1],
            )
    finally:
        os.chdir(cwd)
    return results


def _diff(*args: str) -> tuple[int, str]:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["diff", *args])
    return code, out.getvalue()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Case, reports: dict[str, tuple[int, str, str]]) -> None:
    code, markdown, payload = reports[case.name]
    title, body = markdown.split("\n\n", 1)
    assert title.startswith("# 目录变更:HEAD~1(") and ") → HEAD(" in title
    golden = GOLDEN / f"{case.name}.md"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(body, encoding="utf-8")
    assert body == golden.read_text(encoding="utf-8")
    changes = json.loads(payload)["changes"]
    flags = [(c["check"], c["level"]) for c in changes if c["check"] != "item-added-detail"]
    assert flags == list(case.flags)
    assert code == case.exit


def test_condition_is_shown_in_full_everywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (case,) = [c for c in CASES if c.name == "condition-deadline-shortened"]
    repo = make_legal_repo(tmp_path / "repo")
    apply(repo, case)
    monkeypatch.chdir(repo)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["diff", "HEAD~1", "HEAD", "--format", "json"]) == 1
    (change,) = json.loads(capsys.readouterr().out)["changes"]
    whole = (
        "所在单位自事故伤害发生之日或者被诊断、鉴定为职业病之日起30日内提出申请;"
        "用人单位未申请的,职工或者其近亲属、工会组织在{}内提出申请。"
    )
    assert change["old"] == whole.format("1年")
    assert change["new"] == whole.format("6个月")
    assert change["text"] == "受理条件:" + whole.format("[-1年-]{+6个月+}")
    assert change["diff"] == [
        {"op": "=", "text": whole.split("{}")[0]},
        {"op": "-", "text": "1年"},
        {"op": "+", "text": "6个月"},
        {"op": "=", "text": whole.split("{}")[1]},
    ]
    assert main(["diff", "HEAD~1", "HEAD", "--format", "github"]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        f"::warning file={INJURY},line=23,title=需法制办审核%3Acondition-changed::"
        "工伤认定:受理条件:" + whole.format("[-1年-]{+6个月+}")
    )
    marked = whole.format("<del>1年</del><ins>6个月</ins>")
    assert f"- 受理条件:{marked}(第 23 行;需法制办审核;`condition-changed`)" in (
        summary.read_text(encoding="utf-8")
    )
