"""The one way to git: a small typed wrapper over its command line (no GitPython).

Used by ``diff`` (export two versions), the portal (history and the version printed on
each notice sheet, from one ``git log`` walk: :func:`walk`) and ``notices
--changed-since``.  Everything returns plain data or raises :class:`GitError` with a
one-line reason in Chinese; callers turn that into a usage error or "history
unavailable".  The environment is pinned (no pager, C messages, no replacement refs, no
system config, no prompts), every call has a timeout, and output is read NUL-separated
(``-z``) so no file name can be misparsed.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tarfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

TIMEOUT = 120
"""Seconds any one git call may take: a hung git (a lock, a network file system) must not
hang a build."""


class GitError(Exception):
    """git is missing, the folder is not a repository, or a revision does not exist."""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        GIT_PAGER="cat",
        LC_ALL="C",
        GIT_NO_REPLACE_OBJECTS="1",
        GIT_OPTIONAL_LOCKS="0",
        GIT_CONFIG_NOSYSTEM="1",
        GIT_TERMINAL_PROMPT="0",
    )
    return env


def run(args: Sequence[str], cwd: Path, *, input_bytes: bytes | None = None) -> bytes:
    if shutil.which("git") is None:
        raise GitError("找不到 git 命令")
    try:
        result = subprocess.run(
            ["git", *args],
            cwd=cwd,
            env=_env(),
            input=input_bytes,
            capture_output=True,
            check=False,
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        raise GitError(f"git {args[0]} 超过 {TIMEOUT} 秒未完成") from None
    except OSError as exc:
        raise GitError(f"无法运行 git:{exc.strerror}") from exc
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {args[0]} 失败")
    return result.stdout


def toplevel(path: Path) -> Path:
    """The root of the work tree that contains ``path``."""
    where = path if path.is_dir() else path.parent
    return Path(run(["rev-parse", "--show-toplevel"], where).decode().strip())


def resolve(revision: str, repo: Path) -> str:
    """The commit id of ``revision``, or GitError for an unknown one."""
    if revision.startswith("-"):
        raise GitError(f"未知的版本:{revision}")
    try:
        return (
            run(
                ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"],
                repo,
            )
            .decode()
            .strip()
        )
    except GitError:
        raise GitError(f"未知的版本:{revision}") from None


def export(commit: str, subpath: str, repo: Path, dest: Path) -> Path:
    """Write ``subpath`` as it was at ``commit`` under ``dest``; return the exported folder.

    ``git archive`` of one commit needs no checkout and leaves the index alone.  A folder
    that did not exist at ``commit`` comes back empty (a catalogue added later).
    """
    try:
        data = run(["archive", "--format=tar", commit, "--", subpath], repo)
    except GitError:
        data = b""
    if data:
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            members = [m for m in tar.getmembers() if m.isfile() or m.isdir()]
            for member in members:
                target = (dest / member.name).resolve()
                if not target.is_relative_to(dest.resolve()):
                    continue
                if member.isdir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                source = tar.extractfile(member)
                if source is not None:
                    target.write_bytes(source.read())
    folder = dest / subpath
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass(frozen=True)
class FileChange:
    """One file of one commit: its blob ids before and after (zeros when absent)."""

    path: str
    old_blob: str
    new_blob: str
    status: str


@dataclass(frozen=True)
class Commit:
    id: str
    date: str
    """Committer date, strict ISO 8601 with the committer's offset."""
    subject: str
    files: tuple[FileChange, ...] = field(default=())


ZERO = "0" * 40
_SEP = "\x1e"


def log(repo: Path, subpath: str, *, max_count: int | None = None) -> list[Commit]:
    """The newest ``max_count`` (default: all) commits touching ``subpath``, newest first,
    with blob ids.

    One walk for the whole catalogue (``--raw`` is ``--name-only`` plus the blob ids, so
    no second call per file is needed); merges show no files of their own.
    """
    limit = [f"--max-count={max_count}"] if max_count is not None else []
    out = run(
        [
            "log",
            *limit,
            "--no-renames",
            "--raw",
            "--no-abbrev",
            "-z",
            f"--format={_SEP}%H%x00%cI%x00%s%x00",
            "--",
            subpath,
        ],
        repo,
    ).decode("utf-8", "replace")
    commits = []
    for chunk in out.split(_SEP)[1:]:
        parts = chunk.split("\x00")
        ident, date, subject = parts[0], parts[1], parts[2]
        files = []
        rest = [p for p in parts[3:] if p.strip("\n")]
        for meta, path in zip(rest[::2], rest[1::2], strict=False):
            fields = meta.strip("\n").split()
            if len(fields) >= 5 and fields[0].startswith(":"):
                files.append(FileChange(path, fields[2], fields[3], fields[4]))
        commits.append(Commit(ident, date, subject, tuple(files)))
    return commits


def blobs(repo: Path, ids: Iterable[str]) -> dict[str, bytes]:
    """The contents of many blobs in one ``git cat-file --batch`` call."""
    wanted = sorted({i for i in ids if i and i != ZERO})
    if not wanted:
        return {}
    out = run(["cat-file", "--batch"], repo, input_bytes=("\n".join(wanted) + "\n").encode())
    result: dict[str, bytes] = {}
    position = 0
    for blob in wanted:
        end = out.index(b"\n", position)
        header = out[position:end].decode().split()
        position = end + 1
        if len(header) < 3 or header[1] == "missing":
            continue
        size = int(header[2])
        result[blob] = out[position : position + size]
        position += size + 1
    return result


def export_catalogue(root: Path, commit: str, target: Path) -> bool:
    """Write the catalogue folder ``root`` as it was at ``commit`` into ``target`` itself.

    False when the catalogue did not exist at that commit (every sheet is then new)."""
    repo = toplevel(root)
    subpath = root.resolve().relative_to(repo.resolve()).as_posix()
    # ``git archive`` of a subtree refuses to run from inside it: run it at the top.
    tree = f"{commit}:{subpath}" if subpath != "." else commit
    try:
        archive = run(["archive", "--format=tar", tree], repo)
    except GitError:
        return False
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return True


def changed_files(repo: Path, subpath: str) -> set[str]:
    """Paths (relative to the repository) under ``subpath`` with uncommitted changes."""
    out = run(["status", "--porcelain", "-z", "--untracked-files=all", "--", subpath], repo)
    entries = out.decode("utf-8", "replace").split("\0")
    changed: set[str] = set()
    skip = False
    for entry in entries:
        if skip:  # the original name of a rename or copy follows its entry
            skip = False
            continue
        if len(entry) > 3:
            changed.add(entry[3:])
            skip = entry[0] in "RC"
    return changed


@dataclass(frozen=True)
class Walk:
    """The catalogue's whole history from one ``git log``, and its uncommitted files."""

    repo: Path
    subpath: str
    """The catalogue folder relative to the repository (``.`` at its root)."""
    commits: tuple[Commit, ...]
    """Newest first."""
    changed: frozenset[str]
    """Catalogue-relative paths with local changes."""

    @property
    def prefix(self) -> str:
        return "" if self.subpath in ("", ".") else self.subpath + "/"

    @property
    def head(self) -> str:
        """The newest commit touching the catalogue ("" before the first)."""
        return self.commits[0].id if self.commits else ""

    def last_commits(self) -> Mapping[str, tuple[int, str]]:
        """Catalogue-relative path -> (age rank, id) of the newest commit touching it."""
        last: dict[str, tuple[int, str]] = {}
        for rank, commit in enumerate(self.commits):
            for change in commit.files:
                path = change.path.removeprefix(self.prefix)
                if path not in last:
                    last[path] = (rank, commit.id)
        return last


def walk(root: Path) -> Walk:
    """One walk of the history of the catalogue at ``root`` (GitError outside a repository)."""
    if not root.is_dir():
        raise GitError(f"目录不存在:{root}")
    repo = toplevel(root)
    try:
        subpath = root.resolve().relative_to(repo.resolve()).as_posix()
    except ValueError:
        raise GitError("目录不在 git 工作区内") from None
    commits = tuple(log(repo, subpath or "."))
    prefix = "" if subpath in ("", ".") else subpath + "/"
    changed = frozenset(p.removeprefix(prefix) for p in changed_files(repo, subpath or "."))
    return Walk(repo, subpath or ".", commits, changed)
