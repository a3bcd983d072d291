"""``python -m generator diff BASE [HEAD]``: find the two catalogues, diff them, report.

Each side is a catalogue folder when such a folder exists, else a git revision whose
``--catalogue-path`` folder is exported into a temporary directory; HEAD defaults to the
working tree's catalogue.  Exit 0 without changes for the legal office, 1 with, 2 for usage
errors (unknown revision, missing folder), each with a one-line message.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .. import vcs as git
from . import signoff
from .diff import diff_catalogues, load_sides
from .report import FORMATS


class UsageError(Exception):
    pass


def _root(
    spec: str | None, catalogue_path: str, work: Path, *, repo: Path | None
) -> tuple[Path, str, str]:
    """(folder, label, display name) of one side."""
    if spec is None:
        root = (repo / catalogue_path) if repo else Path(catalogue_path)
        if not root.is_dir():
            raise UsageError(f"目录不存在:{root}")
        return root, _working_tree_label(catalogue_path, repo), catalogue_path
    folder = Path(spec)
    if folder.is_dir():
        return folder, spec, spec
    if repo is None:
        raise UsageError(f"既不是目录,也不在 git 仓库中:{spec}")
    try:
        commit = git.resolve(spec, repo)
        root = git.export(commit, catalogue_path, repo, work / commit)
    except git.GitError as exc:
        raise UsageError(str(exc)) from None
    return root, f"{spec}({commit[:8]})", catalogue_path


def _working_tree_label(catalogue_path: str, repo: Path | None) -> str:
    """``HEAD(1a2b3c4d)`` when the catalogue has no uncommitted change (a CI checkout of a
    pull request), else ``工作区(1a2b3c4d 之上有未提交的修改)``."""
    if repo is None:
        return "工作区"
    try:
        commit = git.resolve("HEAD", repo)
        dirty = git.changed_files(repo, catalogue_path)
    except git.GitError:
        return "工作区"
    if dirty:
        return f"工作区({commit[:8]} 之上有未提交的修改)"
    return f"HEAD({commit[:8]})"


@dataclass(frozen=True)
class Sign:
    """``--sign``: who signs, with which opinion and decision number, on which day."""

    reviewer: str
    opinion: str
    number: str
    day: date


def run_diff(
    base: str,
    head: str | None,
    *,
    catalogue_path: str,
    fmt: str,
    reviews: str | None = None,
    sign: Sign | None = None,
    as_of: date | None = None,
) -> int:
    """Print the report of BASE → HEAD (or, with ``sign``, record the legal office's
    sign-off of its flags); return the exit status."""
    try:
        repo: Path | None = git.toplevel(Path.cwd())
    except git.GitError:
        repo = None
    folder = Path(reviews) if reviews else (repo or Path.cwd()) / signoff.REVIEWS
    with tempfile.TemporaryDirectory(prefix="banshi-diff-") as tmp:
        try:
            old = _root(base, catalogue_path, Path(tmp), repo=repo)
            new = _root(head, catalogue_path, Path(tmp), repo=repo)
        except UsageError as exc:
            print(f"diff:{exc}", file=sys.stderr)
            return 2
        sides = load_sides(old[0], new[0], (old[1], new[1]), (old[2], new[2]))
        result = diff_catalogues(*sides, as_of=as_of)
    if sign is not None:
        path = signoff.record(
            result, folder, reviewer=sign.reviewer, opinion=sign.opinion,
            number=sign.number, day=sign.day,
        )  # fmt: skip
        if path is None:
            print("没有需要法制办签核的变更,未写审核记录。")
        else:
            print(f"已写审核记录 {path}(签核 {len(result.unsigned())} 处);请提交到合并请求。")
        return 0
    signoff.apply(result, signoff.load(folder))
    sys.stdout.write(FORMATS[fmt](result))
    return result.exit_code()
