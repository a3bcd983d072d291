"""The preview server's rebuild after a save equals a full build of the saved catalogue.

``make serve`` rebuilds after every save, reusing what did not change (generator/portal/
memo.py).  Each test builds once as the server does, edits one catalogue file, rebuilds as
the server does, and compares every file with a fresh full build of the edited catalogue.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.portal.build import OVERRIDES, build_site, preview_build
from generator.portal.memo import Memo
from generator.portal.sitebuild import TEMPLATES

from .conftest import tree_digest

pytestmark = pytest.mark.build

PORTAL = Path(__file__).parent / "fixtures" / "portal"


def _served(
    catalogue: Path, out: Path, preview: Memo, overrides: Path = OVERRIDES
) -> dict[str, str]:
    """One rebuild as ``make serve`` runs it: the site folder kept, ``preview`` reused."""
    preview_build(catalogue, out, preview, overrides=overrides)()
    return {path: d for path, d in tree_digest(out).items() if not path.endswith((".br", ".gz"))}


def _served_copy(tmp_path: Path) -> Path:
    """A copy of the portal fixture, to be built as the preview server builds it."""
    catalogue = tmp_path / "catalogue"
    shutil.copytree(PORTAL, catalogue)
    return catalogue


def _full_build(catalogue: Path, out: Path, overrides: Path = OVERRIDES) -> dict[str, str]:
    """A one-off build with nothing remembered: what every rebuild must equal."""
    assert build_site(catalogue, out, as_of=date(2026, 1, 1), check=False, overrides=overrides) == 0
    # Only a published build is precompressed (generator/deploy): the preview serves plain
    # files, so the .br/.gz copies and their manifest are left out of the comparison.
    return {
        path: digest
        for path, digest in tree_digest(out).items()
        if not path.endswith((".br", ".gz")) and path != "manifest.json"
    }


EDITS = {
    "item": ("items/gaj/id-card-renewal.yaml", "居民身份证", "居民身份证(原件)"),
    "department": ("departments.yaml", '"0512-68002199"', '"0512-68002198"'),
    "law": ("laws.yaml", "中华人民共和国行政许可法", "中华人民共和国行政许可法(2019年修正)"),
    "chain": ("chains.yaml", "测试审批链", "测试审批链(一条龙)"),
    "centre": ("centre.yaml", "测试市政通路1号", "测试市政通路2号"),
    # The sitemap's date is the newest review, taken again at every rebuild.
    "reviewed": ("items/gaj/id-card-renewal.yaml", "reviewed: 2026-08-01", "reviewed: 2026-11-20"),
}


@pytest.mark.parametrize("kind", sorted(EDITS))
def test_rebuild_after_a_save_equals_a_full_build(kind: str, tmp_path: Path) -> None:
    catalogue, preview = _served_copy(tmp_path), Memo(enabled=True)
    _served(catalogue, tmp_path / "served", preview)

    other = preview.derived[("view", "company-setup")][2]

    name, old, new = EDITS[kind]
    path = catalogue / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    rebuilt = _served(catalogue, tmp_path / "served", preview)
    # An item edit reuses the other items' guides; any other edit recomputes them all.
    reused = preview.derived[("view", "company-setup")][2] is other
    assert reused == (kind in ("item", "reviewed"))
    if kind == "reviewed":
        sitemap = (tmp_path / "served" / "sitemap.xml").read_text(encoding="utf-8")
        assert "<lastmod>2026-11-20</lastmod>" in sitemap

    full = _full_build(catalogue, tmp_path / "full")
    assert rebuilt == full


def test_rebuild_after_deleting_an_item_equals_a_full_build(tmp_path: Path) -> None:
    catalogue, preview = _served_copy(tmp_path), Memo(enabled=True)
    served = _served(catalogue, tmp_path / "served", preview)
    assert "items/id-card-renewal/index.html" in served

    chains = catalogue / "chains.yaml"
    assert "id-card-renewal" not in chains.read_text(encoding="utf-8")
    (catalogue / "items/gaj/id-card-renewal.yaml").unlink()
    rebuilt = _served(catalogue, tmp_path / "served", preview)

    full = _full_build(catalogue, tmp_path / "full")
    assert "items/id-card-renewal/index.html" not in rebuilt
    assert rebuilt == full


def test_a_broken_save_keeps_the_last_good_pages_and_shows_the_problem(tmp_path: Path) -> None:
    catalogue, preview = _served_copy(tmp_path), Memo(enabled=True)
    good = _served(catalogue, tmp_path / "served", preview)
    item = catalogue / "items/gaj/id-card-renewal.yaml"
    item.write_text(item.read_text(encoding="utf-8") + "kind: [\n", encoding="utf-8")

    broken = _served(catalogue, tmp_path / "served", preview)
    assert set(broken) == set(good)
    page = (tmp_path / "served/items/id-card-renewal/index.html").read_text(encoding="utf-8")
    assert "目录有错误,预览显示的是上次正确的版本" in page
    assert "id-card-renewal.yaml" in page
    assert "居民身份证" in page


def test_the_saved_page_is_written_before_the_search_index_that_holds_it(
    tmp_path: Path,
) -> None:
    """The server reloads when the page is written; the catalogue-wide index follows."""
    catalogue, preview = _served_copy(tmp_path), Memo(enabled=True)
    served = tmp_path / "served"
    _served(catalogue, served, preview)
    item = catalogue / "items/gaj/id-card-renewal.yaml"
    item.write_text(
        item.read_text(encoding="utf-8").replace("居民身份证", "居民身份证(原件)", 1),
        encoding="utf-8",
    )

    def indexed() -> str:
        files = sorted((served / "search-index").rglob("*.json"))
        return "".join(path.read_text(encoding="utf-8") for path in files)

    before = indexed()
    later = preview_build(catalogue, served, preview)
    page = (served / "items/id-card-renewal/index.html").read_text(encoding="utf-8")
    assert "居民身份证(原件)" in page
    assert indexed() == before
    later()
    assert indexed() != before


def test_rebuild_after_new_synonyms_or_an_edited_template_equals_a_full_build(
    tmp_path: Path,
) -> None:
    """Two edits outside the catalogue's data: the search synonyms (read only by the
    search index, after the reload) and a centre's template override."""
    catalogue, preview = _served_copy(tmp_path), Memo(enabled=True)
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    template = overrides / "department.html"
    base = (TEMPLATES / "_base" / "department.html").read_text(encoding="utf-8")
    template.write_text(base, encoding="utf-8")
    _served(catalogue, tmp_path / "served", preview, overrides)

    (catalogue / "synonyms.yaml").write_text(
        "groups:\n  - [身份证, 居民身份证]\n", encoding="utf-8"
    )
    rebuilt = _served(catalogue, tmp_path / "served", preview, overrides)
    assert rebuilt == _full_build(catalogue, tmp_path / "full", overrides)

    template.write_text(base + "<p>本部门另有说明。</p>\n", encoding="utf-8")
    rebuilt = _served(catalogue, tmp_path / "served", preview, overrides)
    page = (tmp_path / "served/departments/gaj/index.html").read_text(encoding="utf-8")
    assert "本部门另有说明。" in page
    assert rebuilt == _full_build(catalogue, tmp_path / "full2", overrides)


def test_the_data_files_and_the_data_page_follow_the_reload(tmp_path: Path) -> None:
    """catalogue.json, the spreadsheets and the /data/ page that lists their checksums
    serialise the whole catalogue: written after the saved page, then as a full build."""
    catalogue, preview = _served_copy(tmp_path), Memo(enabled=True)
    served = tmp_path / "served"
    _served(catalogue, served, preview)
    item = catalogue / "items/gaj/id-card-renewal.yaml"
    item.write_text(
        item.read_text(encoding="utf-8").replace("居民身份证", "居民身份证(原件)", 1),
        encoding="utf-8",
    )
    aggregates = ("data/catalogue.json", "data/catalogue.xlsx", "data/index.html")
    before = {name: (served / name).read_bytes() for name in aggregates}
    later = preview_build(catalogue, served, preview)
    assert "居民身份证(原件)" in (served / "items/id-card-renewal/index.html").read_text("utf-8")
    assert {name: (served / name).read_bytes() for name in aggregates} == before
    later()
    after = {p: d for p, d in tree_digest(served).items() if not p.endswith((".br", ".gz"))}
    assert after == _full_build(catalogue, tmp_path / "full")
    assert all((served / name).read_bytes() != before[name] for name in aggregates)
