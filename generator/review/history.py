"""Change history for the public, from git, summarised by the same semantic diff.

One ``git log --raw`` walk over the catalogue folder for the whole build (blob ids come
with it) and one ``git cat-file --batch`` for the contents: never one git call per item,
so 10,000 items cost what their changes cost.  The walk stops after ``depth`` commits and
pages say so.  Only modified files are parsed; an added file is "published" without being
read.  Commits whose changes are all cosmetic (reformatting, key order, review dates) are
left out.  Dates are commit dates, so the output is the same for a given commit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from .. import vcs as git
from ..catalogue.loaded import Catalogue, LoadedItem
from ..catalogue.models import TOP_LEVEL_MODELS, ChainsFile, DepartmentsFile, Item, LawsFile
from ..catalogue.sources import SourceMap, parse_text
from ..catalogue.validation import validate
from .burden import PUBLIC_QUIET
from .diff import Change, Side, diff_catalogues

DEPTH = 200
"""Commits of the catalogue folder examined for the history."""
ITEM_ENTRIES = 5
"""History entries shown on an item page."""
RECENT = 50
"""Entries of the 最近更新 page and the feed."""


@dataclass(frozen=True)
class Entry:
    """What changed in one subject (an item, a department ...) in one commit."""

    when: datetime
    commit: str
    subject: str
    id: str
    name: str
    changes: tuple[str, ...]

    @property
    def day(self) -> date:
        return self.when.date()


@dataclass
class History:
    available: bool
    reason: str = ""
    depth: int = DEPTH
    commits: int = 0
    oldest: date | None = None
    items: dict[str, list[Entry]] = field(default_factory=dict)
    recent: list[Entry] = field(default_factory=list)

    def of_item(self, item_id: str) -> list[Entry]:
        return self.items.get(item_id, [])[:ITEM_ENTRIES]

    def last_changed(self, item_id: str) -> date | None:
        entries = self.items.get(item_id)
        return entries[0].day if entries else None

    @property
    def complete(self) -> bool:
        """True when the walk reached the first commit (nothing older was cut off)."""
        return self.commits < self.depth


_PUBLIC_TEXT = {"item-added": "发布本事项"}


def unavailable(reason: str) -> History:
    return History(available=False, reason=reason)


def compute_history(
    root: Path,
    *,
    names: Mapping[str, str] | None = None,
    depth: int = DEPTH,
    walk: git.Walk | None = None,
) -> History:
    """The history of the catalogue at ``root``, or an unavailable one saying why.

    ``names`` (item id -> current name) label items in the 最近更新 list; ``walk`` is the
    catalogue's history when the build has walked it already (for the sheet versions)."""
    try:
        if walk is None:
            walk = git.walk(root)
        repo, prefix, commits = walk.repo, walk.prefix, list(walk.commits[:depth])
        wanted = [
            blob
            for c in commits
            for f in c.files
            if f.status in ("M", "D", "T")
            for blob in (f.old_blob, f.new_blob)
        ]
        contents = git.blobs(repo, wanted)
    except (git.GitError, ValueError) as exc:
        return unavailable(str(exc) or "不在 git 仓库中")
    if not commits:
        return unavailable("目录尚未提交到版本库")
    history = History(available=True, depth=depth, commits=len(commits))
    history.oldest = datetime.fromisoformat(commits[-1].date).date()
    reference = _reference(root)
    for commit in commits:
        for entry in _commit_entries(commit, prefix, contents, names or {}, reference):
            history.recent.append(entry)
            if entry.subject == "item":
                history.items.setdefault(entry.id, []).append(entry)
    history.recent = history.recent[:RECENT]
    return history


def _parse(data: bytes | None, file: str, model: type[Any]) -> Any:
    if data is None:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    parsed = parse_text(text, file, [])
    if parsed.data is None:
        return None
    instance, _ = validate(model, parsed.data, parsed.source)
    return instance


def _reference(root: Path) -> Catalogue:
    """The current laws and departments, to name what a commit's files only cite by id."""
    reference = Catalogue(root)
    for name, model in (("laws.yaml", LawsFile), ("departments.yaml", DepartmentsFile)):
        path = root / name
        value = _parse(path.read_bytes(), name, model) if path.is_file() else None
        if isinstance(value, LawsFile):
            reference.laws = {law.id: law for law in value.laws}
        elif isinstance(value, DepartmentsFile):
            reference.departments = {d.id: d for d in value.departments}
    return reference


def _commit_entries(
    commit: git.Commit,
    prefix: str,
    contents: Mapping[str, bytes],
    names: Mapping[str, str],
    reference: Catalogue | None = None,
) -> list[Entry]:
    old, new = Catalogue(Path()), Catalogue(Path())
    added: set[str] = set()
    for change in commit.files:
        if not change.path.startswith(prefix):
            continue
        relative = PurePosixPath(change.path[len(prefix) :])
        parts = relative.parts
        if len(parts) == 3 and parts[0] == "items" and relative.suffix == ".yaml":
            if change.status == "A":
                added.add(relative.stem)  # published: no need to read it
            else:
                _item(relative, change, contents, old, new)
        elif len(parts) == 1 and parts[0] in TOP_LEVEL_MODELS:
            _top_level(parts[0], change, contents, old, new)
    moved = added & set(old.items)  # a move between departments: neither new nor gone
    for item_id in moved:
        del old.items[item_id]
    when = datetime.fromisoformat(commit.date)
    entries = [
        Entry(when, commit.id, "item", i, names.get(i, i), (_PUBLIC_TEXT["item-added"],))
        for i in sorted(added - moved)
    ]
    diff = diff_catalogues(
        Side(old, "", ""), Side(new, "", ""), names=names, reference=reference, as_of=when.date()
    )
    grouped: dict[tuple[str, str], list[Change]] = {}
    for c in diff.changes:
        if c.check not in PUBLIC_QUIET:
            grouped.setdefault((c.subject, c.id), []).append(c)
    for (subject, ident), changes in grouped.items():
        texts = tuple(_PUBLIC_TEXT.get(c.check, c.text) for c in changes)
        name = names.get(ident, changes[0].name) if subject == "item" else changes[0].name
        entries.append(Entry(when, commit.id, subject, ident, name, texts))
    return entries


def _item(
    relative: PurePosixPath,
    change: git.FileChange,
    contents: Mapping[str, bytes],
    old: Catalogue,
    new: Catalogue,
) -> None:
    """Both versions of a modified (or the old one of a deleted) item; nothing if unreadable."""
    item_id, department = relative.stem, relative.parts[1]
    before = _parse(contents.get(change.old_blob), relative.as_posix(), Item)
    after = _parse(contents.get(change.new_blob), relative.as_posix(), Item)
    if not isinstance(before, Item) or (change.status != "D" and not isinstance(after, Item)):
        return
    old.items[item_id] = LoadedItem(item_id, department, before, SourceMap(""))
    if isinstance(after, Item):
        new.items[item_id] = LoadedItem(item_id, department, after, SourceMap(""))


def _top_level(
    name: str,
    change: git.FileChange,
    contents: Mapping[str, bytes],
    old: Catalogue,
    new: Catalogue,
) -> None:
    model = TOP_LEVEL_MODELS[name]
    for blob, side in ((change.old_blob, old), (change.new_blob, new)):
        value = _parse(contents.get(blob), name, model)
        if value is None and change.status not in ("A", "D"):
            return  # unreadable on one side: say nothing rather than something wrong
        if isinstance(value, DepartmentsFile):
            side.departments = {d.id: d for d in value.departments}
        elif isinstance(value, LawsFile):
            side.laws = {law.id: law for law in value.laws}
        elif isinstance(value, ChainsFile):
            side.chains = {c.id: c for c in value.chains}
        elif value is not None:
            side.centre = value
