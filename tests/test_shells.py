"""Shell pages: the markers, the filling and the sitemap, without MkDocs."""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest

from generator.portal import shells, sitemap
from generator.portal.pages import Page
from generator.portal.urls import SHELL_ID, item_url, notice_url


def _page(item_id: str, *, notice: bool = False, title: str = "事项") -> Page:
    url, shell = (
        (notice_url(item_id), notice_url(SHELL_ID))
        if notice
        else (item_url(item_id), item_url(SHELL_ID))
    )
    return Page(url, "item.html", title, {}, shell=shell)


def test_fill_escapes_the_title_and_places_content_and_url() -> None:
    shell = shells.Shell.parse(
        f"<title>{shells.TITLE} - 中心</title><link href=https://x/items/{SHELL_ID}/>"
        f"<h2>{shells.TITLE}</h2>{shells.H1_HINT}{shells.CONTENT}<footer>"
    )
    text = shell.fill(title="<b>A&B</b>", content="<h1>正文</h1>", page_id="abc")
    assert text == (
        "<title>&lt;b&gt;A&amp;B&lt;/b&gt; - 中心</title><link href=https://x/items/abc/>"
        "<h2>&lt;b&gt;A&amp;B&lt;/b&gt;</h2><h1>正文</h1><footer>"
    )


def test_a_shell_without_its_content_marker_is_refused() -> None:
    with pytest.raises(shells.ShellError):
        shells.Shell.parse("<main></main>")
    with pytest.raises(shells.ShellError):
        shells.Shell.parse(shells.CONTENT * 2)


def test_content_marker_follows_the_pages_heading() -> None:
    assert shells.content_marker("<h1>x</h1>") == shells.H1_HINT + shells.CONTENT
    assert shells.content_marker("<p>x</p>") == shells.CONTENT


@pytest.mark.parametrize("notice", [False, True])
def test_page_id_is_the_item_id(notice: bool) -> None:
    assert shells.page_id(_page("birth-registration", notice=notice)) == "birth-registration"


def test_sitemap_lists_the_pages_with_the_catalogues_date(tmp_path: Path) -> None:
    entry = (
        "    <url>\n         <loc>{}</loc>\n         <lastmod>2026-11-07</lastmod>\n    </url>\n"
    )
    text = sitemap.sitemap(["https://x/", "https://x/a?b&c"], date(2026, 11, 7))
    assert text == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + entry.format("https://x/")
        + entry.format("https://x/a?b&amp;c")
        + "</urlset>"
    )
    sitemap.write_sitemaps(tmp_path, ["https://x/"], date(2026, 11, 7))
    packed = (tmp_path / "sitemap.xml.gz").read_bytes()
    assert int.from_bytes(packed[4:8], "little") == sitemap.epoch(date(2026, 11, 7))
    assert gzip.decompress(packed) == (tmp_path / "sitemap.xml").read_bytes()


def test_write_pages_in_parallel_matches_one_process(tmp_path: Path) -> None:
    shell = shells.Shell.parse(f"<title>{shells.TITLE}</title>{shells.CONTENT}")
    pages = [_page(f"item-{i}", title=f"事项{i}") for i in range(50)]
    shell_map = {item_url(SHELL_ID): shell}

    def render(page: Page) -> str:
        return f"<p>{page.url}</p>"

    one, two = tmp_path / "one", tmp_path / "two"
    assert shells.write_pages(one, pages, shell_map, render, workers=1) == 50
    assert shells.write_pages(two, pages, shell_map, render, workers=2) == 50
    for page in pages:
        path = shells.output_path(one, page.url)
        assert path.read_text(encoding="utf-8") == (f"<title>{page.title}</title><p>{page.url}</p>")
        assert shells.output_path(two, page.url).read_bytes() == path.read_bytes()


SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _entries(path: Path, root_tag: str, entry_tag: str, limit: int) -> list[str]:
    """The ``loc``s of a sitemap file, checked against the protocol's schema by hand
    (sitemap.xsd and siteindex.xsd): the root and entry elements in the 0.9 namespace, each
    entry a ``loc`` (absolute, at most 2,048 characters) and a W3C date ``lastmod``, at most
    ``limit`` entries, and a gzip copy equal to the file."""
    root = ElementTree.fromstring(path.read_bytes())
    assert root.tag == SITEMAP_NS + root_tag
    assert len(root) <= limit
    locations = []
    for entry in root:
        assert entry.tag == SITEMAP_NS + entry_tag
        assert [child.tag for child in entry] == [SITEMAP_NS + "loc", SITEMAP_NS + "lastmod"]
        loc, lastmod = (child.text or "" for child in entry)
        assert loc.startswith("https://") and len(loc) <= 2048
        assert date.fromisoformat(lastmod)
        locations.append(loc)
    assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == path.read_bytes()
    return locations


def test_a_sitemap_over_the_limit_becomes_an_index_of_parts(tmp_path: Path) -> None:
    urls = [f"https://x.gov.cn/portal/items/i{n}/" for n in range(5)]
    (tmp_path / "sitemap-9.xml").write_text("stale", encoding="utf-8")
    sitemap.write_sitemaps(
        tmp_path, urls, date(2026, 11, 7), base="https://x.gov.cn/portal/", per_file=2
    )
    parts = _entries(tmp_path / "sitemap.xml", "sitemapindex", "sitemap", 50_000)
    assert parts == [f"https://x.gov.cn/portal/sitemap-{n}.xml" for n in (1, 2, 3)]
    listed = [
        loc
        for n in (1, 2, 3)
        for loc in _entries(tmp_path / f"sitemap-{n}.xml", "urlset", "url", limit=2)
    ]
    assert listed == urls
    assert sorted(p.name for p in tmp_path.glob("sitemap-*.xml")) == [
        "sitemap-1.xml",
        "sitemap-2.xml",
        "sitemap-3.xml",
    ]
    # Back under the limit: one plain sitemap again, and no parts left to confuse a crawler.
    sitemap.write_sitemaps(tmp_path, urls[:2], date(2026, 11, 7), per_file=2)
    assert _entries(tmp_path / "sitemap.xml", "urlset", "url", limit=2) == urls[:2]
    assert not list(tmp_path.glob("sitemap-*"))
