"""The URL plan: permanent URLs, one guide and one notice per item, a small nav."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.catalogue.loaded import Catalogue, load_catalogue
from generator.portal import pages, urls

PORTAL = Path(__file__).parent / "fixtures" / "portal"
MKDOCS_YML = Path(__file__).parent.parent / "generator" / "chrome" / "mkdocs.yml"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    catalogue, report = load_catalogue(PORTAL)
    assert not report.errors
    return catalogue


@pytest.fixture(scope="module")
def plan(catalogue: Catalogue) -> pages.SitePlan:
    return pages.plan_site(catalogue)


def test_permanent_urls_never_change_meaning() -> None:
    assert urls.item_url("company-setup") == "/items/company-setup/"
    assert urls.notice_url("company-setup") == "/items/company-setup/notice/"
    assert urls.department_url("scjg") == "/departments/scjg/"
    assert urls.chain_url("test-chain") == "/chains/test-chain/"
    assert urls.bundle_url("newborn") == "/bundles/newborn/"
    assert urls.BUNDLES == "/bundles/"
    assert urls.theme_url("person") == "/themes/person/"
    assert urls.theme_url("organisation") == "/themes/organisation/"
    assert urls.HOME == "/"
    assert urls.DEPARTMENTS == "/departments/"


def test_every_item_has_a_guide_and_a_notice(catalogue: Catalogue, plan: pages.SitePlan) -> None:
    urls = plan.by_url()
    for item_id, loaded in catalogue.items.items():
        guide = urls[f"/items/{item_id}/"]
        assert guide.template == "item.html"
        assert guide.title == loaded.item.name
        assert urls[f"/items/{item_id}/notice/"].template == "notice.html"


def test_index_pages_exist(catalogue: Catalogue, plan: pages.SitePlan) -> None:
    urls = plan.by_url()
    expected = {
        "/",
        "/departments/",
        "/chains/",
        "/search/",
        "/themes/person/",
        "/themes/organisation/",
    }
    expected |= {f"/departments/{d}/" for d in catalogue.departments}
    expected |= {f"/chains/{c}/" for c in catalogue.chains}
    assert expected <= set(urls)


def test_urls_are_unique_and_map_to_directory_sources(plan: pages.SitePlan) -> None:
    urls = [page.url for page in plan.pages]
    assert len(urls) == len(set(urls))
    assert plan.by_url()["/"].src_uri == "index.md"
    assert plan.by_url()["/items/company-setup/notice/"].src_uri == (
        "items/company-setup/notice/index.md"
    )


def test_only_the_fixed_entries_are_in_the_nav(plan: pages.SitePlan) -> None:
    in_nav = [page.url for page in plan.pages if page.in_nav]
    assert in_nav == ["/", "/departments/", "/chains/", "/themes/person/", "/themes/organisation/"]
    assert not any(page.in_nav for page in plan.pages if page.url.startswith("/items/"))


def _mkdocs_yml() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(MKDOCS_YML.read_text(encoding="utf-8"))
    return data


def test_mkdocs_nav_matches_the_plan_and_lists_no_item() -> None:
    config = _mkdocs_yml()
    nav = [(title, src) for entry in config["nav"] for title, src in entry.items()]
    planned = [(title, pages.src_uri(url)) for title, url in pages.NAV]
    assert nav[: len(planned)] == planned
    assert not any("items/" in src for _, src in nav)
    assert len(nav) <= 7
    assert config["theme"]["font"] is False
    assert "search" not in [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]]
    assert (MKDOCS_YML.parent / config["docs_dir"]).is_dir()


def test_forms_are_published_under_their_catalogue_path(plan: pages.SitePlan) -> None:
    """A ``.txt`` form gets a UTF-8 byte-order mark, so browsers never show mojibake."""
    forms = [f for f in plan.generated if f.url.startswith("/forms/")]
    assert [f.url for f in forms] == ["/forms/company-application.txt"]
    assert forms[0].content.startswith(b"\xef\xbb\xbf")
    assert not forms[0].content.startswith(b"\xef\xbb\xbf" * 2)
    assert plan.files == []


@pytest.mark.parametrize(
    ("target", "current", "expected"),
    [
        ("/departments/scjg/", "/items/a/", "../../departments/scjg/"),
        ("/", "/items/a/notice/", "../../../"),
        ("/items/a/notice/", "/items/a/", "notice/"),
        ("/items/a/", "/items/a/", "./"),
        ("/forms/x.txt", "/items/a/", "../../forms/x.txt"),
        ("/items/a/#faq", "/", "items/a/#faq"),
    ],
)
def test_links_are_relative(target: str, current: str, expected: str) -> None:
    assert urls.relative_url(target, current) == expected


@pytest.mark.parametrize("path", ["../secret.txt", "/etc/passwd", "forms/../../x", ""])
def test_file_urls_never_leave_the_catalogue(path: str) -> None:
    assert urls.file_url(path) is None


def test_absolute_url_uses_the_centre_base_url() -> None:
    assert urls.absolute_url("https://a.example/portal", "/items/x/") == (
        "https://a.example/portal/items/x/"
    )
