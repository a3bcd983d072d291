"""A small typed wrapper over the git command line (no GitPython: four plumbing calls).

Everything returns plain data or raises :class:`GitError` with a one-line reason; callers
turn that into a usage error (``diff``) or "history unavailable" (the portal).  The
environment is pinned (no pager, C messages, no replacement refs) so output parses the
same everywhere.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tarfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


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
        )
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
            run(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], repo)
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


def log(repo: Path, subpath: str, *, max_count: int) -> list[Commit]:
    """The newest ``max_count`` commits touching ``subpath``, newest first, with blob ids.

    One walk for the whole catalogue (``--raw`` is ``--name-only`` plus the blob ids, so
    no second call per file is needed); merges show no files of their own.
    """
    out = run(
        [
            "log",
            f"--max-count={max_count}",
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
