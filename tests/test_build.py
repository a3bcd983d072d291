"""A real ``mkdocs build --strict`` of the fixture catalogue through ``build_site``."""

from __future__ import annotations

import dataclasses
import gzip
import json
import os
import shutil
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from generator.portal import memo, urls
from generator.portal.build import build_site
from generator.portal.sitebuild import BuildFailed, SiteBuild

from .catalogues import injection_catalogue
from .conftest import tree_digest

pytestmark = pytest.mark.build

PORTAL = Path(__file__).parent / "fixtures" / "portal"
PROJECT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 11, 1)
BASE_URL = "https://zwfw.example.gov.cn/"
ASSET_NAMES = ("portal.css", "portal.js", "search.js", "search.css", "care-init.js")
CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval';"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The same catalogue built twice: in this process, and by the command line in another
    process with another string hash seed (nothing may depend on set or dict order)."""
    root = tmp_path_factory.mktemp("build")
    first, second = root / "one" / "site", root / "two" / "site"
    assert build_site(PORTAL, first, as_of=AS_OF, strict=True) == 0
    command = [sys.executable, "-m", "generator", "build", "--strict", "--as-of", str(AS_OF)]
    command += ["--catalogue", str(PORTAL), "--out", str(second)]
    seed = "1" if os.environ.get("PYTHONHASHSEED") == "2" else "2"
    env = {**os.environ, "PYTHONHASHSEED": seed}
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return first, second


def test_expected_files_exist(built: tuple[Path, Path]) -> None:
    site = built[0]
    for path in (
        "index.html",
        "404.html",
        "search/index.html",
        "about/index.html",
        "departments/index.html",
        "departments/gaj/index.html",
        "chains/index.html",
        "chains/test-chain/index.html",
        "themes/person/index.html",
        "themes/organisation/index.html",
        "items/company-setup/index.html",
        "items/company-setup/notice/index.html",
        "items/company-setup/index.json",
        "departments/gaj/notices/index.html",
        "data/catalogue.json",
        "data/catalogue.xlsx",
        "forms/company-application.txt",
        *(urls.asset_url(name).lstrip("/") for name in ASSET_NAMES),
        "search-index/meta.json",
        "search-index/t2s.json",
        "search-index/attrs.json",
        "search-index/r/0.json",
        "search-index/p/0.json",
    ):
        assert (site / path).is_file(), path
    assert not (site / "search" / "search_index.json").exists()  # Material search is off
    # Fingerprinted: a new version is a new name; the plain names are not published.
    assert urls.asset_url("portal.css") != "/assets/banshi/portal.css"
    assert not (site / "assets/banshi/portal.css").exists()


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str]] = []
        self.inline_scripts: list[str] = []
        self.csp: list[str] = []
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang") or ""
        if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy":
            self.csp.append(a.get("content") or "")
        for name in ("src", "href"):
            if tag in ("script", "link", "img", "iframe", "source") and a.get(name):
                self.refs.append((tag, a[name] or ""))
        if tag == "script" and not a.get("src"):
            self.inline_scripts.append(a.get("type") or "")


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_request_leaves_the_origin(built: tuple[Path, Path]) -> None:
    for page in _pages(built[0]):
        tags = _Tags()
        tags.feed(page.read_text(encoding="utf-8"))
        for tag, ref in tags.refs:
            if ref.startswith(("http://", "https://", "//")):
                assert ref.startswith(BASE_URL) and tag == "link", (page, tag, ref)


def test_csp_and_no_inline_executable_script(built: tuple[Path, Path]) -> None:
    for page in _pages(built[0]):
        tags = _Tags()
        tags.feed(page.read_text(encoding="utf-8"))
        assert tags.lang.startswith("zh"), page
        assert len(tags.csp) == 1 and tags.csp[0].startswith(CSP), page
        assert "'unsafe-inline'" not in tags.csp[0].split("script-src")[1].split(";")[0]
        assert set(tags.inline_scripts) <= {"application/json", "application/ld+json"}, page


def test_items_are_not_in_the_navigation(built: tuple[Path, Path]) -> None:
    html = (built[0] / "items" / "company-setup" / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('data-md-type="navigation"') : html.index('data-md-type="toc"')]
    assert "items/" not in nav
    assert 'href="#materials"' in html[html.index('data-md-type="toc"') :]


def test_search_index_covers_item_guides(built: tuple[Path, Path]) -> None:
    index = built[0] / "search-index"
    meta = json.loads((index / "meta.json").read_text(encoding="utf-8"))
    assert meta["count"] == 4 and meta["item"] == "items/{id}/"
    postings: dict[str, list[int]] = {}
    for shard in range(meta["shards"]):
        postings.update(json.loads((index / "p" / f"{shard}.json").read_text(encoding="utf-8")))
    for token in ("营业", "执照", "身份", "公安", "000105001000", "^有限责任公司设立登记"):
        assert token in postings, token
    cards = json.loads((index / "r" / "0.json").read_text(encoding="utf-8"))
    assert [c[0] for c in cards] == sorted(c[0] for c in cards)
    assert any(c[1] == "有限责任公司设立登记" for c in cards)


def test_builds_are_byte_identical(built: tuple[Path, Path]) -> None:
    one, two = (tree_digest(site) for site in built)
    assert one == two
    assert any(k.startswith("search-index/p/") for k in one)


def test_shell_pages_equal_pages_the_theme_draws(
    built: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Item and notice pages filled into a shell are the pages the theme would draw."""
    site = tmp_path_factory.mktemp("theme") / "site"
    assert build_site(PORTAL, site, as_of=AS_OF, strict=True, shells=False) == 0
    drawn, filled = tree_digest(site), tree_digest(built[0])
    assert any(k.endswith("/notice/index.html") for k in filled)
    assert drawn == filled


def test_no_shell_is_published(built: tuple[Path, Path]) -> None:
    site = built[0]
    assert not list(site.rglob("*__shell__*"))
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "__shell__" not in sitemap
    for page in site.glob("items/*/index.html"):
        url = f"{BASE_URL}{page.parent.relative_to(site).as_posix()}/"
        assert f"<loc>{url}</loc>" in sitemap
        assert f"<loc>{url}notice/</loc>" in sitemap
    for law_id in ("", "company-law/", "id-card-law/"):  # the law register
        assert (site / "laws" / law_id / "index.html").is_file()
        assert f"<loc>{BASE_URL}laws/{law_id}</loc>" in sitemap
    with gzip.open(site / "sitemap.xml.gz", "rt", encoding="utf-8") as packed:
        assert packed.read() == sitemap


def test_a_catalogue_error_stops_the_build_and_keeps_the_site(
    built: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built[0], site)
    before = tree_digest(site)
    broken = tmp_path / "catalogue"
    shutil.copytree(PORTAL, broken)
    item = broken / "items" / "gaj" / "residence-certificate.yaml"
    item.write_text(
        item.read_text(encoding="utf-8").replace("kind: 即办件", "kind: 快办件"), encoding="utf-8"
    )
    assert build_site(broken, site, as_of=AS_OF) == 1
    assert "residence-certificate.yaml" in capsys.readouterr().out
    assert tree_digest(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalogue", "site"]


@pytest.mark.parametrize("catalogue", ["demo", "injection"])
def test_shells_equal_the_theme_on_the_demo_and_the_injection_catalogues(
    catalogue: str, tmp_path: Path
) -> None:
    root = PROJECT / "catalogue"
    if catalogue == "injection":
        root = injection_catalogue(tmp_path / "catalogue")
    check = catalogue == "demo"  # the checker rightly refuses the injection item
    assert build_site(root, tmp_path / "filled", as_of=AS_OF, check=check) == 0
    assert build_site(root, tmp_path / "drawn", as_of=AS_OF, check=check, shells=False) == 0
    filled, drawn = tree_digest(tmp_path / "filled"), tree_digest(tmp_path / "drawn")
    assert sum(k.startswith("items/") and k.endswith("/notice/index.html") for k in filled) > 10
    assert filled == drawn


def test_every_page_of_a_kind_has_the_toc_its_shell_was_drawn_with(tmp_path: Path) -> None:
    """The theme draws a kind's table of contents once; a page with another is refused."""
    site = SiteBuild(PROJECT / "catalogue", overrides=tmp_path)
    with site:
        site.prepare()
        for page in site.plan.pages:
            if page.shell is not None:
                first = next(p for p in site.plan.pages if p.shell == page.shell)
                assert page.toc == first.toc, page.url
    with (
        pytest.MonkeyPatch.context() as patch,
        SiteBuild(PROJECT / "catalogue", overrides=tmp_path) as again,
    ):
        real = memo.plan

        def plan(*args: Any, **kwargs: Any) -> Any:
            catalogue, planned, aside = real(*args, **kwargs)
            shelled = [p for p in planned.pages if p.shell is not None]
            odd = (("odd", "另一个目录"),)
            twin = dataclasses.replace(shelled[-1], url=shelled[-1].url + "x/", toc=odd)
            planned.pages.append(twin)
            return catalogue, planned, aside

        patch.setattr(memo, "plan", plan)
        with pytest.raises(BuildFailed, match="目录与同类页面"):
            again.prepare()
