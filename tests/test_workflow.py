"""The reviewers' tooling: the pull-request workflow, yamllint's config and pre-commit.

The workflow's steps are run here as GitHub would run them (bash -eo pipefail, a fake
``GITHUB_STEP_SUMMARY``), so a broken step shows up before a pull request does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import FIXTURES, build_case

PROJECT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((PROJECT / ".github" / "workflows").glob("*.yml"))
PR_WORKFLOW = PROJECT / ".github" / "workflows" / "catalogue-pr.yml"
VENV = PROJECT / ".venv"


def _workflow() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(PR_WORKFLOW.read_text(encoding="utf-8"))
    return data


def _step(step_id: str) -> dict[str, Any]:
    for step in _workflow()["jobs"]["review"]["steps"]:
        if step.get("id") == step_id:
            return dict(step)
    raise AssertionError(f"no step with id {step_id}")


def _yamllint(*paths: Path | str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "yamllint",
            "--strict",
            "-c",
            str(PROJECT / ".yamllint"),
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=PROJECT,
    )


# --- the workflow file -------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", [*WORKFLOWS, PROJECT / ".pre-commit-config.yaml"], ids=lambda p: p.name
)
def test_workflow_files_pass_yamllint(path: Path) -> None:
    result = _yamllint(path)
    assert result.returncode == 0, result.stdout


def test_workflow_runs_on_catalogue_pull_requests_with_history() -> None:
    workflow = _workflow()
    assert "catalogue/**" in workflow["on"]["pull_request"]["paths"]
    steps = workflow["jobs"]["review"]["steps"]
    checkout = next(s for s in steps if str(s.get("uses", "")).startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0, "the diff needs the target branch's history"
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "site/"
    assert "--format github" in _step("check")["run"]
    assert 'diff "$BASE_REF" --format github' in _step("diff")["run"]
    assert _step("diff")["env"]["BASE_REF"] == "origin/${{ github.base_ref }}"


def _run_step(
    step_id: str, tmp_path: Path, **env: str
) -> tuple[subprocess.CompletedProcess[str], str]:
    """Run one step's shell as the runner does; return the result and the job summary."""
    summary = tmp_path / "summary.md"
    summary.touch()
    full_env = {
        **os.environ,
        **_workflow()["env"],
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(tmp_path / "output.txt"),
        "RUNNER_TEMP": str(tmp_path),
        **env,
    }
    result = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", _step(step_id)["run"]],
        capture_output=True,
        text=True,
        check=False,
        cwd=PROJECT,
        env=full_env,
        timeout=600,
    )
    return result, summary.read_text(encoding="utf-8")


@pytest.mark.skipif(not (VENV / "bin" / "python").exists(), reason="needs make install")
def test_check_step_writes_the_summary_on_the_demo_catalogue(tmp_path: Path) -> None:
    result, summary = _run_step("check", tmp_path, CATALOGUE="catalogue")
    assert result.returncode == 0, result.stdout + result.stderr
    assert summary.startswith("## 目录检查\n")
    assert "✅ 通过。" in summary and "0 个错误" in summary
    assert "status=0" in (tmp_path / "output.txt").read_text(encoding="utf-8")


@pytest.mark.skipif(not (VENV / "bin" / "python").exists(), reason="needs make install")
def test_check_step_fails_with_annotations_and_the_full_list(tmp_path: Path) -> None:
    catalogue = build_case(
        FIXTURES / "negative" / "mixed-published-guide-four-defects", tmp_path / "catalogue"
    )
    result, summary = _run_step("check", tmp_path, CATALOGUE=str(catalogue))
    assert result.returncode == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert len(annotations) == 4
    assert "❌ 未通过" in summary and "4 个错误" in summary
    for code in ("schema-missing", "phone-invalid", "time-on-the-spot"):
        assert f"({code})" in summary
    assert summary.count("```") == 2


def _has_diff() -> bool:
    result = subprocess.run(
        [str(VENV / "bin" / "python"), "-m", "generator", "diff", "--help"],
        capture_output=True,
        check=False,
        cwd=PROJECT,
    )
    return result.returncode == 0


@pytest.mark.skipif(not (VENV / "bin" / "python").exists(), reason="needs make install")
def test_diff_step_writes_the_summary(tmp_path: Path) -> None:
    if not _has_diff():
        pytest.skip("`python -m generator diff` does not exist yet (issue 8, built separately)")
    if shutil.which("git") is None or not (PROJECT / ".git").exists():
        pytest.skip("needs the project's git history")
    result, summary = _run_step("diff", tmp_path, BASE_REF="HEAD")
    assert result.returncode in (0,), result.stdout + result.stderr
    assert summary.startswith("## 与目标分支 HEAD 相比的变更\n")
    assert summary.count("# 目录变更") == 1  # the diff's own report, once, after the verdict
    output = (tmp_path / "output.txt").read_text(encoding="utf-8")
    assert "needs_signoff=" in output


# --- yamllint agrees with the loader ---------------------------------------------------------

# yamllint has no rule against an anchor that is used (yaml-anchor): pre-commit's next
# hook, ``check``, refuses it; an unused anchor or an undeclared alias yamllint flags.
REFUSED = ["yaml-duplicate-key", "yaml-ambiguous-0512", "yaml-ambiguous-no-930"]


@pytest.mark.parametrize("text", ["a: &x 1\nb: 2\n", "a: *x\n"])
def test_yamllint_flags_stray_anchors(text: str, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    assert _yamllint(tmp_path).returncode == 1


@pytest.mark.parametrize("case", REFUSED)
def test_yamllint_flags_what_the_loader_refuses(case: str, tmp_path: Path) -> None:
    # Copied out of tests/fixtures/negative/, which .yamllint ignores on purpose.
    files = [p for p in (FIXTURES / "negative" / case).rglob("*.yaml")]
    for index, path in enumerate(files):
        shutil.copyfile(path, tmp_path / f"{index}.yaml")
    result = _yamllint(tmp_path)
    assert result.returncode == 1, result.stdout


@pytest.mark.parametrize(
    "folder",
    [PROJECT / "catalogue", FIXTURES / "base", *sorted((FIXTURES / "positive").iterdir())],
    ids=lambda p: p.name,
)
def test_yamllint_accepts_what_the_loader_accepts(folder: Path) -> None:
    result = _yamllint(folder)
    assert result.returncode == 0, result.stdout


# --- pre-commit ---------------------------------------------------------------------------


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
@pytest.mark.skipif(not (VENV / "bin" / "pre-commit").exists(), reason="needs make install")
def test_pre_commit_passes_on_the_demo_catalogue_and_fails_on_a_bad_file(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.copytree(PROJECT / "catalogue", repo / "catalogue")
    for name in (".pre-commit-config.yaml", ".yamllint"):
        shutil.copyfile(PROJECT / name, repo / name)
    (repo / ".venv").symlink_to(VENV)  # the hooks use the project's own environment
    (repo / ".gitignore").write_text(".venv\n", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(VENV / "bin" / "pre-commit"), "run", "--all-files"],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )

    clean = run()
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert clean.stdout.count("Passed") == 2

    item = next((repo / "catalogue" / "items").rglob("*.yaml"))
    text = item.read_text(encoding="utf-8")
    item.write_text(text + "visits: 1\nvisits: NO\n", encoding="utf-8")
    _git(repo, "add", ".")
    bad = run()
    assert bad.returncode == 1
    # One voice: the catalogue's mistakes come from `check`, in Chinese, once.
    assert bad.stdout.count("Failed") == 1, bad.stdout
    assert "key-duplicates" not in bad.stdout and "(yaml-duplicate-key)" in bad.stdout
