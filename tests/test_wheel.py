"""The portal as a user installs it: the built wheel, in a fresh venv outside the checkout,
builds the demo from a catalogue path, byte for byte as the checkout does."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from generator.portal.build import build_site

from .conftest import tree_digest

pytestmark = pytest.mark.build

PROJECT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 11, 1)
UV = [sys.executable, "-m", "uv"]
"""uv builds and installs as pip does, from the same index, in a tenth of the time: pip spent
most of this test's 55 s compiling the dependencies' bytecode."""


def _run(command: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(c) for c in command], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert result.returncode in (0, 2), f"{command}\n{result.stdout}\n{result.stderr}"
    return result


def test_the_wheel_builds_the_demo_outside_the_checkout(tmp_path: Path) -> None:
    # Built from a copy of the sources: setuptools' build/ folder stays out of the checkout.
    source = tmp_path / "source"
    shutil.copytree(PROJECT / "generator", source / "generator")
    for name in ("pyproject.toml", "README.md"):
        shutil.copyfile(PROJECT / name, source / name)
    dist = tmp_path / "dist"
    _run([*UV, "build", "-q", "--wheel", "--out-dir", dist, source], tmp_path)
    [wheel] = dist.glob("banshi_portal-*.whl")
    env_dir = tmp_path / "venv"
    _run([*UV, "venv", "-q", "--python", sys.executable, env_dir], tmp_path)
    python = env_dir / "bin" / "python"
    # As a user installs it: dependencies from the package index, no [print] extra.
    _run([*UV, "pip", "install", "-q", "--python", python, wheel], tmp_path)
    where = _run([python, "-c", "import generator; print(generator.__file__)"], tmp_path)
    assert Path(where.stdout.strip()).is_relative_to(env_dir)

    catalogue = shutil.copytree(PROJECT / "catalogue", tmp_path / "catalogue")
    command = [python, "-m", "generator", "build", "--catalogue", catalogue, "--out"]
    built = _run([*command, tmp_path / "site", "--as-of", AS_OF.isoformat()], tmp_path)
    assert built.returncode == 0 and "已生成" in built.stdout
    assert build_site(catalogue, tmp_path / "checkout-site", as_of=AS_OF) == 0
    assert tree_digest(tmp_path / "site") == tree_digest(tmp_path / "checkout-site")

    # Printing is the optional extra: without it, one line says how to get it.
    notices = [python, "-m", "generator", "notices", "--catalogue", catalogue, "--out", "pdf"]
    printed = _run(notices, tmp_path)
    assert printed.returncode == 2
    assert "pip install 'banshi-portal[print]'" in printed.stderr
    assert not (tmp_path / "pdf").exists() or not list((tmp_path / "pdf").iterdir())
