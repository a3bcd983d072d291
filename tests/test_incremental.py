"""The preview server's rebuild after a save equals a full build of the saved catalogue.

``make serve`` rebuilds after every save, reusing what did not change (generator/portal/
memo.py).  Each test builds once as the server does, edits one catalogue file, rebuilds as
the server does, and compares every file with a fresh full build of the edited catalogue.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.portal import memo

pytestmark = pytest.mark.build

PROJECT = Path(__file__).resolve().parent.parent
PORTAL = Path(__file__).parent / "fixtures" / "portal"


@pytest.fixture
def fresh_memo(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(memo, "MEMO", memo.Memo())
    yield


def _build(catalogue: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    # The plugin stamps the build with the catalogue's date through the environment.
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("BANSHI_CATALOGUE", str(catalogue))
    config = load_config(config_file=str(PROJECT / "mkdocs.yml"), site_dir=str(out))
    # As `make serve` runs MkDocs: `serve --dirty`, the site folder kept between rebuilds.
    serving = memo.MEMO.enabled
    config.plugins.on_startup(command="serve" if serving else "build", dirty=serving)
    build(config, dirty=serving)
    return {
        p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


def _served_copy(tmp_path: Path) -> Path:
    """A copy of the portal fixture, to be built as the preview server builds it."""
    catalogue = tmp_path / "catalogue"
    shutil.copytree(PORTAL, catalogue)
    memo.MEMO.enabled = True
    return catalogue


def _full_build(catalogue: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A one-off build with nothing remembered: what every rebuild must equal."""
    monkeypatch.setattr(memo, "MEMO", memo.Memo())
    return _build(catalogue, out, monkeypatch)


EDITS = {
    "item": ("items/gaj/id-card-renewal.yaml", "居民身份证", "居民身份证(原件)"),
    "department": ("departments.yaml", '"0512-68002199"', '"0512-68002198"'),
    "law": ("laws.yaml", "中华人民共和国行政许可法", "中华人民共和国行政许可法(2019年修正)"),
    "chain": ("chains.yaml", "测试审批链", "测试审批链(一条龙)"),
}


@pytest.mark.parametrize("kind", sorted(EDITS))
def test_rebuild_after_a_save_equals_a_full_build(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_memo: None
) -> None:
    catalogue = _served_copy(tmp_path)
    _build(catalogue, tmp_path / "served", monkeypatch)

    other = memo.MEMO.derived[("view", "company-setup")][2]

    name, old, new = EDITS[kind]
    path = catalogue / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    rebuilt = _build(catalogue, tmp_path / "served", monkeypatch)
    # An item edit reuses the other items' guides; any other edit recomputes them all.
    reused = memo.MEMO.derived[("view", "company-setup")][2] is other
    assert reused == (kind == "item")

    full = _full_build(catalogue, tmp_path / "full", monkeypatch)
    assert rebuilt == full


def test_rebuild_after_deleting_an_item_equals_a_full_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_memo: None
) -> None:
    catalogue = _served_copy(tmp_path)
    served = _build(catalogue, tmp_path / "served", monkeypatch)
    assert "items/id-card-renewal/index.html" in served

    chains = catalogue / "chains.yaml"
    assert "id-card-renewal" not in chains.read_text(encoding="utf-8")
    (catalogue / "items/gaj/id-card-renewal.yaml").unlink()
    rebuilt = _build(catalogue, tmp_path / "served", monkeypatch)

    full = _full_build(catalogue, tmp_path / "full", monkeypatch)
    assert "items/id-card-renewal/index.html" not in rebuilt
    assert rebuilt == full


def test_a_broken_save_keeps_the_last_good_pages_and_shows_the_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_memo: None
) -> None:
    catalogue = _served_copy(tmp_path)
    good = _build(catalogue, tmp_path / "served", monkeypatch)
    item = catalogue / "items/gaj/id-card-renewal.yaml"
    item.write_text(item.read_text(encoding="utf-8") + "kind: [\n", encoding="utf-8")

    broken = _build(catalogue, tmp_path / "served", monkeypatch)
    assert set(broken) == set(good)
    page = (tmp_path / "served/items/id-card-renewal/index.html").read_text(encoding="utf-8")
    assert "目录有错误,预览显示的是上次正确的版本" in page
    assert "id-card-renewal.yaml" in page
    assert "居民身份证" in page
