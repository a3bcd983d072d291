"""The deploy recipes and the site's post-processing (generator/deploy)."""

from __future__ import annotations

import gzip
import json
import shutil
import stat
import subprocess
from pathlib import Path

import brotli
import pytest

from generator.deploy import policy, recipes
from generator.deploy.precompress import MANIFEST, finish_site

PROJECT = Path(__file__).resolve().parent.parent


def test_committed_recipes_are_what_the_policy_renders() -> None:
    for name, render in recipes.RECIPES.items():
        committed = (PROJECT / "deploy" / name).read_text(encoding="utf-8")
        assert committed == render(), f"deploy/{name} is stale: run python -m generator.deploy"


def test_the_meta_policy_is_the_header_policy_less_framing() -> None:
    theme = (PROJECT / "generator/chrome/theme/main.html").read_text(encoding="utf-8")
    assert f'content="{policy.CSP_META}"' in theme
    assert policy.CSP == policy.CSP_META + "; frame-ancestors 'none'"


def test_every_header_is_in_every_recipe() -> None:
    for name, render in recipes.RECIPES.items():
        text = render()
        if name == "nginx/banshi.conf":  # the example server includes the site part
            assert "include /etc/nginx/snippets/banshi-site.conf;" in text
            continue
        for header, value in policy.SECURITY:
            assert header in text and value in text, (name, header)
        assert policy.IMMUTABLE in text and "attachment" in text, name


def _site(root: Path) -> Path:
    site = root / "site"
    (site / "items/x").mkdir(parents=True)
    (site / "assets/banshi").mkdir(parents=True)
    (site / "items/x/index.html").write_text("<p>食品经营许可</p>" * 200, encoding="utf-8")
    (site / "assets/banshi/portal.0123456789.css").write_text("a{color:red}" * 100, "utf-8")
    (site / "tiny.txt").write_text("a", encoding="utf-8")
    (site / "data.xlsx").write_bytes(b"PK\x03\x04" + bytes(100))
    return site


def test_text_files_get_br_and_gz_copies_and_a_manifest(tmp_path: Path) -> None:
    site = _site(tmp_path)
    manifest = finish_site(site)
    page = site / "items/x/index.html"
    assert brotli.decompress((site / "items/x/index.html.br").read_bytes()) == page.read_bytes()
    assert gzip.decompress((site / "items/x/index.html.gz").read_bytes()) == page.read_bytes()
    # A copy no smaller than its file is useless; binary formats are not text.
    assert not (site / "tiny.txt.br").exists() and not (site / "data.xlsx.br").exists()
    written = json.loads((site / MANIFEST).read_text(encoding="utf-8"))["files"]
    assert written == manifest
    assert sorted(manifest) == [
        "/assets/banshi/portal.0123456789.css",
        "/data.xlsx",
        "/items/x/index.html",
        "/tiny.txt",
    ]
    entry = manifest["/items/x/index.html"]
    assert entry["bytes"] == page.stat().st_size
    assert entry["br"] == (site / "items/x/index.html.br").stat().st_size


def test_precompression_is_deterministic_and_idempotent(tmp_path: Path) -> None:
    one, two = _site(tmp_path / "one"), _site(tmp_path / "two")
    finish_site(one)
    finish_site(two)
    finish_site(two)  # a kept folder (serve --dirty) is processed again
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    for relative in files:
        assert (one / relative).read_bytes() == (two / relative).read_bytes(), relative


def test_the_rsync_recipe_publishes_the_site_world_readable(tmp_path: Path) -> None:
    if shutil.which("rsync") is None:
        pytest.skip("rsync is not installed (make nginx installs it)")
    site = _site(tmp_path)
    finish_site(site)
    (site / "items/x").chmod(0o700)  # whatever the build left, the server can read
    dest = tmp_path / "srv"
    (dest / "items/gone").mkdir(parents=True)
    (dest / "items/gone/index.html").write_text("下线的事项", encoding="utf-8")
    script = PROJECT / "deploy" / "rsync.sh"
    result = subprocess.run(
        ["sh", str(script), str(site), str(dest)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    published = sorted(p.relative_to(dest) for p in dest.rglob("*") if p.is_file())
    assert published == sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert not (dest / "items/gone").exists()
    assert stat.S_IMODE((dest / "items/x").stat().st_mode) == 0o755
    assert stat.S_IMODE((dest / "items/x/index.html").stat().st_mode) == 0o644
    refused = subprocess.run(
        ["sh", str(script), str(tmp_path), str(dest)], capture_output=True, text=True, check=False
    )
    assert refused.returncode == 2
    assert "不是 build 生成的网站目录" in refused.stderr
