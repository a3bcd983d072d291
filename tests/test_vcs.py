"""The one git wrapper (generator/vcs.py): NUL-separated parsing, one walk, timeouts."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator import vcs

ODD = ["items/a\nb.yaml", "items/tab\there.yaml", 'items/"quoted" 名字.yaml', "items/ sp .yaml"]
"""File names that line-based parsing of ``git log``/``git status`` would misread."""


def _git(repo: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=测试", "-c", "user.email=test@example.invalid", *args]
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not on PATH")
    _git(tmp_path, "init", "-q", "-b", "main")
    catalogue = tmp_path / "catalogue"
    (catalogue / "items").mkdir(parents=True)
    (catalogue / "centre.yaml").write_text("a: 1\n", encoding="utf-8")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "first")
    for name in ODD:
        (catalogue / name).write_text("x: 1\n", encoding="utf-8")
    (tmp_path / "outside.txt").write_text("not the catalogue\n", encoding="utf-8")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "odd names")
    return catalogue


def test_one_walk_gives_every_path_its_last_commit(repo: Path) -> None:
    walk = vcs.walk(repo)
    assert walk.subpath == "catalogue" and walk.prefix == "catalogue/"
    assert [c.subject for c in walk.commits] == ["odd names", "first"]
    last = walk.last_commits()
    assert sorted(last) == sorted(["centre.yaml", *ODD])  # outside.txt is not ours
    assert {last[name][1] for name in ODD} == {walk.head}
    assert last["centre.yaml"] == (1, walk.commits[1].id)
    assert walk.changed == frozenset()


def test_uncommitted_odd_names_and_renames_are_changed(repo: Path) -> None:
    (repo / ODD[0]).write_text("x: 2\n", encoding="utf-8")
    (repo / "items" / "new\nfile.yaml").write_text("x: 3\n", encoding="utf-8")
    _git(repo, "mv", ODD[1], "items/renamed.yaml")
    changed = vcs.walk(repo).changed
    assert changed == {ODD[0], "items/new\nfile.yaml", "items/renamed.yaml"}


def test_outside_a_repository_is_a_git_error(tmp_path: Path) -> None:
    with pytest.raises(vcs.GitError):
        vcs.walk(tmp_path)


def test_a_hung_git_times_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "bin" / "git"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\nexec sleep 30\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}:/usr/bin:/bin")
    monkeypatch.setattr(vcs, "TIMEOUT", 0.5)
    with pytest.raises(vcs.GitError, match="超过"):
        vcs.toplevel(tmp_path)


def test_revisions_that_look_like_options_are_refused(repo: Path) -> None:
    top = vcs.toplevel(repo)
    assert vcs.resolve("HEAD", top) == vcs.walk(repo).head
    for revision in ("--output=x", "no-such-revision"):
        with pytest.raises(vcs.GitError, match=f"未知的版本:{revision}"):
            vcs.resolve(revision, top)
