"""Temporary git repositories holding a catalogue, for the review tests."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

PORTAL = Path(__file__).parent / "fixtures" / "portal"
ITEM = "catalogue/items/scjg/company-setup.yaml"


def git(repo: Path, *args: str, date: str = "2026-10-01T09:00:00+08:00") -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_AUTHOR_NAME": "审核员",
        "GIT_AUTHOR_EMAIL": "review@example.gov.cn",
        "GIT_COMMITTER_NAME": "审核员",
        "GIT_COMMITTER_EMAIL": "review@example.gov.cn",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    result = subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout


def make_repo(path: Path) -> Path:
    """A repository whose first commit holds the portal fixture as ``catalogue/``."""
    path.mkdir(parents=True)
    git(path, "init", "-q", "-b", "main")
    shutil.copytree(PORTAL, path / "catalogue", ignore=shutil.ignore_patterns("injection"))
    commit(path, "目录初版", date="2026-09-01T09:00:00+08:00")
    return path


def commit(repo: Path, message: str, *, date: str = "2026-10-01T09:00:00+08:00") -> None:
    git(repo, "add", "-A", date=date)
    git(repo, "commit", "-q", "-m", message, date=date)


def edit(repo: Path, relative: str, old: str, new: str) -> None:
    path = repo / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, (relative, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
