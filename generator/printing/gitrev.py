"""The few git calls ``notices --changed-since`` needs: resolve a revision, export the
catalogue as it was there.  Kept small and local so the review package's history code can
absorb them later.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
from pathlib import Path


class GitError(Exception):
    """A one-line reason in Chinese, shown to staff as is."""


def _git(root: Path, *args: str) -> bytes:
    git = shutil.which("git")
    if git is None:
        raise GitError("找不到 git,无法比较修订版本")
    try:
        result = subprocess.run(
            [git, *args], cwd=root, capture_output=True, check=False, timeout=120
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise GitError(f"git 运行失败:{exc}") from exc
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {args[0]} 失败")
    return result.stdout


def resolve(root: Path, revision: str) -> str:
    """The full commit hash of ``revision`` in the repository holding ``root``."""
    if revision.startswith("-"):
        raise GitError(f"不是有效的修订版本:{revision}")
    try:
        out = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options",
                   f"{revision}^{{commit}}")  # fmt: skip
    except GitError as exc:
        raise GitError(f"git 不认识修订版本 {revision}") from exc
    return out.decode().strip()


def export(root: Path, commit: str, target: Path) -> bool:
    """Write the catalogue directory ``root`` as it was at ``commit`` into ``target``.

    False when the catalogue did not exist at that commit (every sheet is then new).
    """
    prefix = _git(root, "rev-parse", "--show-prefix").decode().strip()
    # ``git archive`` of a subtree refuses to run from inside it: run it at the top.
    top = Path(_git(root, "rev-parse", "--show-toplevel").decode().strip())
    try:
        archive = _git(top, "archive", "--format=tar", f"{commit}:{prefix}")
    except GitError:
        return False
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return True
