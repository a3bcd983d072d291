"""Which version of the catalogue a printed notice sheet shows.

A sheet on the rack must say which catalogue it came from, so staff can tell a stale sheet
from a current one.  A sheet prints its item file and the shared files (centre, departments,
laws: hotlines, window, law titles), so its revision is the newest commit that touched any
of them: a change to one item does not make every other sheet look stale, and a new
supervision hotline does.  One ``git log`` for the whole catalogue keeps this cheap at
10,000 items.  Without git, or for a file with uncommitted changes, the version is a hash
of the files' content.  Both are deterministic for a given commit.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .. import vcs
from .loaded import Catalogue

SHARED_FILES = ("centre.yaml", "departments.yaml", "laws.yaml")
"""Catalogue files every notice sheet prints something from."""

HASH_LENGTH = 8
"""Characters of a revision printed on paper: a fixed length keeps builds byte-identical
(``git log %h`` grows its abbreviation as the repository grows)."""


@dataclass(frozen=True)
class SheetVersion:
    """``kind`` is ``git`` (a commit) or ``content`` (a hash of the sheet's source files)."""

    kind: str
    value: str

    def __str__(self) -> str:
        return f"修订 {self.value}" if self.kind == "git" else f"内容 {self.value}"


def item_file(catalogue: Catalogue, item_id: str) -> Path:
    """The item's YAML file relative to the catalogue root."""
    loaded = catalogue.items[item_id]
    return Path("items") / loaded.department_id / f"{item_id}.yaml"


Reuse = Callable[[str, Callable[[], SheetVersion]], SheetVersion]
"""(item id, compute) -> the version: the preview server keeps unchanged items' hashes."""


def _compute(item_id: str, compute: Callable[[], SheetVersion]) -> SheetVersion:
    return compute()


def content_versions(catalogue: Catalogue, reuse: Reuse = _compute) -> dict[str, SheetVersion]:
    """A hash of each item's file and the shared files: the version without git."""
    shared = b"".join(_read(catalogue.root / name) for name in SHARED_FILES)

    def version(item_id: str) -> SheetVersion:
        return _content(shared + _read(catalogue.root / item_file(catalogue, item_id)))

    return {item_id: reuse(item_id, partial(version, item_id)) for item_id in catalogue.items}


def sheet_versions(
    catalogue: Catalogue, walk: vcs.Walk | None = None, reuse: Reuse = _compute
) -> dict[str, SheetVersion]:
    """Each item's sheet version: the last commit touching its sources, else a content hash.

    ``walk`` is the catalogue's history when the caller has it already (the build walks
    once for history and versions); without, it is walked here."""
    versions = content_versions(catalogue, reuse)
    if walk is None:
        try:
            walk = vcs.walk(catalogue.root)
        except vcs.GitError:
            return versions
    last = walk.last_commits()
    for item_id in catalogue.items:
        sources = [item_file(catalogue, item_id).as_posix(), *SHARED_FILES]
        if any(path in walk.changed for path in sources):
            continue
        commits = [last[path] for path in sources if path in last]
        if commits:
            newest = min(commits)  # the log lists the newest commit first
            versions[item_id] = SheetVersion("git", newest[1][:HASH_LENGTH])
    return versions


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def _content(data: bytes) -> SheetVersion:
    return SheetVersion("content", hashlib.sha256(data).hexdigest()[:HASH_LENGTH])
