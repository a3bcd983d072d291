"""Shell pages: the markers, the filling and the sitemap, without MkDocs."""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

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
