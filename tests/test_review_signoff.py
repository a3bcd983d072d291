"""Sign-off on record: ``diff --sign`` writes reviews/*.yaml, ``diff`` shows what is signed
and exits 1 only while a flag is unsigned; ``--format html`` is the printable 审核意见表."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from generator.cli import main

from .review_cases import CASES, INJURY, apply, make_legal_repo
from .review_git import commit, edit


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (case,) = [c for c in CASES if c.name == "condition-deadline-shortened"]
    path = make_legal_repo(tmp_path / "repo")
    apply(path, case)
    monkeypatch.chdir(path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return path


SIGN = ["--sign", "--reviewer", "张三", "--number", "示法审〔2026〕12号", "--date", "2026-12-02"]


def test_sign_then_the_flag_is_signed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "HEAD~1", "HEAD"]) == 1
    capsys.readouterr()
    assert main(["diff", "HEAD~1", "HEAD", *SIGN]) == 0
    (record,) = sorted((repo / "reviews").glob("*.yaml"))
    assert record.name.startswith("2026-12-02-")
    assert capsys.readouterr().out == f"已写审核记录 {record}(签核 1 处);请提交到合并请求。\n"
    data = yaml.safe_load(record.read_text(encoding="utf-8"))
    assert (data["reviewer"], data["date"], data["opinion"], data["number"]) == (
        "张三",
        "2026-12-02",
        "同意",
        "示法审〔2026〕12号",
    )
    assert [e["check"] for e in data["signed"]] == ["condition-changed"]
    commit(repo, "法制办签核")  # the record travels with the pull request

    assert main(["diff", "HEAD~2", "HEAD"]) == 0
    out = capsys.readouterr().out
    assert "法制办已签核 1 处,未签核 0 处。" in out
    assert "| 已签核:张三 2026-12-02 同意 示法审〔2026〕12号 |" in out
    assert main(["diff", "HEAD~2", "HEAD", "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["changes"][0]["signed"] == {
        "reviewer": "张三",
        "date": "2026-12-02",
        "opinion": "同意",
        "number": "示法审〔2026〕12号",
        "record": record.name,
    }
    assert payload["summary"]["unsigned"] == 0

    # The same field changed again to another value is a new change: not signed.
    edit(repo, INJURY, "工会组织在6个月内", "工会组织在3个月内")
    commit(repo, "再改")
    assert main(["diff", "HEAD~3", "HEAD"]) == 1
    out = capsys.readouterr().out
    assert "法制办已签核 0 处,未签核 1 处。" in out
    assert "| **未签核** |" in out


def test_sign_needs_a_reviewer(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "HEAD~1", "HEAD", "--sign"]) == 2
    assert capsys.readouterr().err == "diff:--sign 需要 --reviewer(审核人姓名)\n"
    assert not (repo / "reviews").exists()


def test_a_broken_record_signs_nothing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "reviews").mkdir()
    (repo / "reviews/bad.yaml").write_text("reviewer: [\n", encoding="utf-8")
    assert main(["diff", "HEAD~1", "HEAD"]) == 1


def test_opinion_form_in_html(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, INJURY, "name: 工伤认定", "name: 工伤认定<script>x</script>")
    assert main(["diff", "HEAD~1", "--format", "html"]) == 1
    html = capsys.readouterr().out
    assert html.startswith("<!DOCTYPE html>")
    assert "@page { size: A4;" in html
    assert "<h1>目录变更审核意见表</h1>" in html
    assert "工会组织在<del>1年</del><ins>6个月</ins>内提出申请" in html
    assert "&lt;script&gt;" in html and "<script>" not in html
    for field in ("审核人", "审核日期", "文号", "签名(盖章)", "同意", "修改后同意", "不同意"):
        assert field in html
    assert "<td>未签核</td>" in html


ROOT = Path(__file__).parent.parent


def test_codeowners_templates_make_the_legal_office_required() -> None:
    github = (ROOT / ".github/CODEOWNERS.example").read_text(encoding="utf-8")
    gitlab = (ROOT / ".gitlab/CODEOWNERS.example").read_text(encoding="utf-8")
    rules = [line.split() for line in github.splitlines() if line and not line.startswith("#")]
    owners = {rule[0]: rule[1:] for rule in rules}
    for path in ("/catalogue/", "/catalogue/laws.yaml", "/reviews/"):
        assert "@example-gov/legal-office" in owners[path], path
    assert "[法制办][1] @example-gov/legal-office" in gitlab
    section = gitlab.split("[法制办][1] @")[1].split("\n[")[0]
    assert "/catalogue/" in section and "/reviews/" in section
    workflow = (ROOT / "docs/workflow.md").read_text(encoding="utf-8")
    for text in (".github/CODEOWNERS.example", ".gitlab/CODEOWNERS.example", "Code owner"):
        assert text in workflow
