"""The version printed on every notice sheet (generator/catalogue/revision.py): the last
commit touching the item's file or the shared files, a content hash otherwise."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.catalogue.loaded import load_catalogue
from generator.catalogue.revision import HASH_LENGTH, SheetVersion, sheet_versions

DEMO = Path(__file__).resolve().parent.parent / "catalogue"
ITEM = "items/gaj/id-card-renewal.yaml"
OTHER = "id-card-renewal"


def _git(repo: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=测试", "-c", "user.email=test@example.invalid", *args]
    result = subprocess.run(command, cwd=repo, capture_output=True, text=True, check=True)
    return result.stdout.strip()


def _commit(repo: Path, message: str) -> str:
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", message)
    return _git(repo, "rev-parse", "HEAD")[:HASH_LENGTH]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not on PATH")
    shutil.copytree(DEMO, tmp_path / "catalogue")
    _git(tmp_path, "init", "-q", "-b", "main")
    _commit(tmp_path, "demo")
    return tmp_path / "catalogue"


def _versions(root: Path) -> dict[str, SheetVersion]:
    catalogue, report = load_catalogue(root)
    assert not report.errors
    return sheet_versions(catalogue)


def test_every_sheet_shows_the_commit_in_a_git_catalogue(repo: Path) -> None:
    head = _git(repo, "rev-parse", "HEAD")[:HASH_LENGTH]
    versions = _versions(repo)
    assert set(versions.values()) == {SheetVersion("git", head)}
    assert str(versions[OTHER]) == f"修订 {head}"


def test_an_item_commit_moves_only_that_sheet(repo: Path) -> None:
    first = _git(repo, "rev-parse", "HEAD")[:HASH_LENGTH]
    path = repo / ITEM
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    second = _commit(repo, "edit one item")
    versions = _versions(repo)
    assert versions[OTHER] == SheetVersion("git", second)
    assert {v for k, v in versions.items() if k != OTHER} == {SheetVersion("git", first)}


def test_a_shared_file_commit_moves_every_sheet(repo: Path) -> None:
    path = repo / "centre.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    shared = _commit(repo, "edit the centre")
    assert set(_versions(repo).values()) == {SheetVersion("git", shared)}


def test_uncommitted_changes_show_a_content_hash(repo: Path) -> None:
    path = repo / ITEM
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    versions = _versions(repo)
    assert versions[OTHER].kind == "content"
    assert len(versions[OTHER].value) == HASH_LENGTH
    assert str(versions[OTHER]).startswith("内容 ")
    assert all(v.kind == "git" for k, v in versions.items() if k != OTHER)


def test_without_git_the_version_is_a_stable_content_hash(tmp_path: Path) -> None:
    copy = tmp_path / "catalogue"
    shutil.copytree(DEMO, copy)
    first = _versions(copy)
    assert all(v.kind == "content" for v in first.values())
    assert _versions(copy) == first
    path = copy / ITEM
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    second = _versions(copy)
    assert second[OTHER] != first[OTHER]
    assert {k: v for k, v in second.items() if k != OTHER} == {
        k: v for k, v in first.items() if k != OTHER
    }
