"""Shared helpers: build a catalogue from the base fixture plus one case's overlay."""

from __future__ import annotations

import atexit
import contextlib
import functools
import hashlib
import io
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from generator.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
BASE = FIXTURES / "base"
AS_OF = date(2026, 1, 1)
CASE_FILES = {"expected.txt", "deleted.txt", ".keep"}


def build_case(case: Path, target: Path) -> Path:
    """Copy the base catalogue to ``target``, overlay the case's files, apply deletions."""
    shutil.copytree(BASE, target)
    for path in sorted(case.rglob("*")):
        relative = path.relative_to(case)
        if relative.as_posix() in CASE_FILES:
            continue
        if path.is_symlink():  # hostile cases: the link itself, never what it points at
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            (target / relative).symlink_to(path.readlink())
        elif path.is_file():
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target / relative)
        elif path.is_dir():
            (target / relative).mkdir(parents=True, exist_ok=True)
    deleted = case / "deleted.txt"
    if deleted.is_file():
        for line in deleted.read_text(encoding="utf-8").split():
            (target / line).unlink()
    return target


@pytest.fixture
def base_catalogue(tmp_path: Path) -> Path:
    return build_case(FIXTURES / "positive" / "base", tmp_path / "catalogue")


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """``python -m generator ARGS`` in this process (starting Python and importing the
    generator again costs more than most commands take), captured as a subprocess is."""
    argv = [str(a) for a in args]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code if isinstance(exc.code, int) else 2
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())


def tree_digest(root: Path) -> dict[str, str]:
    """Every file under ``root`` (relative path -> sha256): two trees are byte-identical
    exactly when their digests are equal."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@functools.cache
def _base_copy() -> Path:
    root = Path(tempfile.mkdtemp(prefix="banshi-fuzz-")) / "catalogue"
    atexit.register(shutil.rmtree, root.parent, True)
    shutil.copytree(BASE, root)
    return root


@contextlib.contextmanager
def base_with(name: str, content: bytes) -> Iterator[Path]:
    """The base catalogue with the file ``name`` holding ``content``: one copy for the
    whole run, the file restored afterwards (property tests check hundreds of examples,
    and copying the catalogue for each took longer than checking it)."""
    root = _base_copy()
    path = root / name
    original = (BASE / name).read_bytes()
    path.write_bytes(content)
    try:
        yield root
    finally:
        path.write_bytes(original)


SHARED_BY_FILE = {
    "tests/browser/test_paper.py": "sheets",
    "tests/browser/test_paper_sheets.py": "sheets",
    "tests/browser/test_guide_layout.py": "tours",
    "tests/browser/test_page_details.py": "tours",
    "tests/browser/test_portal.py": "tours",
}
"""Test files reading one session's printed sheets or guide tours (tests/browser/paper.py,
tours.py): under ``-n 2 --dist loadgroup`` each group runs in one worker, so each sheet
is printed and each tour made once.  pytest-xdist's own ``xdist_group`` marker does not
group under pytest 9 (it renames ``item._nodeid``, which pytest 9 no longer reads)."""


@pytest.hookimpl(tryfirst=True, optionalhook=True)  # before xdist's own; none without it
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object | None:
    """``--dist loadgroup`` with the groups above; every other test is its own unit."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class BySharedFile(LoadScopeScheduling):  # type: ignore[misc]
        def _split_scope(self, nodeid: str) -> str:
            return SHARED_BY_FILE.get(nodeid.split("::", 1)[0], nodeid)

    return BySharedFile(config, log)
