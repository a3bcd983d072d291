"""A second engine, proven: the demo built with ProperDocs (MkDocs 1.6's continuation,
which runs MkDocs plugins) is byte-identical to the demo built with MkDocs 1.6.1.

ProperDocs answers ``import mkdocs.*`` once ``properdocs.replacement`` is imported, so
Material and our adapter run on it unchanged, in a process of their own."""

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

ON_PROPERDOCS = """
import sys
import properdocs.replacement  # every mkdocs.* import is now ProperDocs
from material.plugins import __file__ as _  # Material's own imports of mkdocs
from generator.portal import mkdocs_plugin
assert mkdocs_plugin.load_config.__module__.startswith("properdocs."), mkdocs_plugin.load_config
from generator.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def test_properdocs_builds_the_demo_byte_for_byte_as_mkdocs(tmp_path: Path) -> None:
    pytest.importorskip("properdocs", reason="pip install properdocs (the [test] extra)")
    catalogue = shutil.copytree(PROJECT / "catalogue", tmp_path / "catalogue")
    assert build_site(catalogue, tmp_path / "mkdocs", as_of=AS_OF) == 0
    arguments = ["build", "--catalogue", str(catalogue), "--as-of", AS_OF.isoformat()]
    result = subprocess.run(
        [sys.executable, "-c", ON_PROPERDOCS, *arguments, "--out", str(tmp_path / "properdocs")],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    mkdocs, properdocs = tree_digest(tmp_path / "mkdocs"), tree_digest(tmp_path / "properdocs")
    assert len(mkdocs) > 100 and any(k.startswith("items/") for k in mkdocs)
    assert properdocs == mkdocs
