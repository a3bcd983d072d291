"""``/stats/`` and ``/data/`` in a real browser: readable on a 375 px phone, axe-core clean,
charts named and described, tables and charts that fit 1280 and 375 px, and every data
file linked from the pages served."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, ViewportSize

from .support import DESKTOP, PHONE, Site, Watch
from .test_portal import _overflow, _report, _violations, goto

pytestmark = pytest.mark.browser

OpenPage = Callable[..., tuple[Page, Watch]]


@pytest.mark.parametrize("path", ["/stats/", "/data/"])
def test_no_horizontal_scroll_at_375(demo_site: Site, open_page: OpenPage, path: str) -> None:
    page, watch = open_page(demo_site, viewport=PHONE)
    goto(page, demo_site, path)
    found = _overflow(page)
    assert found["scrollWidth"] <= found["innerWidth"], f"{path}: {found}"
    assert not watch.errors(), watch.errors()


@pytest.mark.parametrize("path", ["/stats/", "/data/"])
def test_axe_clean_on_a_phone(demo_site: Site, open_page: OpenPage, path: str) -> None:
    page, _ = open_page(demo_site, viewport=PHONE)
    goto(page, demo_site, path)
    violations = _violations(page)
    assert not violations, f"{path}:\n{_report(violations)}"


def test_charts_are_named_images_beside_tables(demo_site: Site, open_page: OpenPage) -> None:
    page, _ = open_page(demo_site, viewport=PHONE)
    goto(page, demo_site, "/stats/")
    charts = page.locator("svg.bs-chart[role='img']")
    assert charts.count() == 4
    for index in range(charts.count()):
        chart = charts.nth(index)
        title = chart.locator("title").text_content()
        assert title, "chart without a title"
        assert chart.locator("desc").text_content()
        table = page.get_by_role("table", name=f"{title}(数据表)")
        assert table.count() == 1, title
        box = chart.bounding_box()
        assert box is not None and box["width"] <= PHONE["width"]
    total = page.locator(".bs-stats-total dd").first.text_content()
    assert total == str(len(demo_site.catalogue.items))


def test_data_files_and_item_json_are_served(demo_site: Site, open_page: OpenPage) -> None:
    page, _ = open_page(demo_site)
    goto(page, demo_site, "/data/")
    links = page.locator("a[download]")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    # JSON + schema, 8 CSV tables and their CSVW metadata, 2 JSON-LD, workbook, DCAT record
    assert len(hrefs) == 22
    for href in hrefs:
        assert href is not None
        response = page.request.get(page.url + href)
        assert response.ok, href
        row = page.locator("tr", has=page.locator(f'a[href="{href}"]'))
        assert (
            row.locator("code.bs-hash").text_content()
            == hashlib.sha256(response.body()).hexdigest()
        )
    item = next(iter(demo_site.catalogue.items))
    goto(page, demo_site, f"/items/{item}/")
    page.get_by_role("link", name="JSON 格式").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/items/{item}/index.json")


CHART_MAX_PX = 960
"""opendata.css: a chart is at most 48rem (960 px) wide."""

STATS_FIT = """() => {
    const tables = [...document.querySelectorAll(".bs-opendata .bs-table")].map((box) => {
        const style = getComputedStyle(box);
        const scrolls = ["auto", "scroll"].includes(style.overflowX);
        return {
            name: box.getAttribute("aria-label"),
            scrollWidth: box.scrollWidth,
            clientWidth: box.clientWidth,
            parentWidth: box.parentElement.clientWidth,
            focusableScrollBox: scrolls && box.tabIndex >= 0,
        };
    });
    const names = [...document.querySelectorAll("#departments + .bs-table tbody th")].map(
        (th) => ({
            text: th.textContent.trim(),
            width: th.getBoundingClientRect().width,
            font: parseFloat(getComputedStyle(th).fontSize),
        }));
    const charts = [...document.querySelectorAll("svg.bs-chart")].map((svg) => {
        const scale = svg.getScreenCTM().a;
        const sizes = [...svg.querySelectorAll("text")].map(
            (t) => parseFloat(getComputedStyle(t).fontSize) * scale);
        return {
            id: svg.id,
            width: svg.getBoundingClientRect().width,
            column: svg.closest("figure").parentElement.clientWidth,
            smallest: Math.min(...sizes),
        };
    });
    return { tables, names, charts };
}"""


@pytest.mark.parametrize("care", [False, True], ids=["plain", "care"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
def test_stats_tables_and_charts_fit(
    demo_site: Site, open_page: OpenPage, viewport: ViewportSize, care: bool
) -> None:
    """Issue 18: no table cut off (it fits its column, or in care mode's larger type it
    scrolls in a focusable box), department names at least six characters a line, charts
    as wide as their column with no text below 12 px."""
    page, watch = open_page(demo_site, viewport=viewport)
    goto(page, demo_site, "/stats/?mode=care" if care else "/stats/")
    found = page.evaluate(STATS_FIT)
    assert len(found["tables"]) == 5 and len(found["charts"]) == 4, found
    for table in found["tables"]:
        assert table["clientWidth"] <= table["parentWidth"], table
        fits = table["scrollWidth"] <= table["clientWidth"]
        assert fits if not care else fits or table["focusableScrollBox"], table
    assert found["names"], "no department rows"
    for name in found["names"]:
        shortest = min(len(name["text"]), 6)
        assert name["width"] >= shortest * name["font"], name
    for chart in found["charts"]:
        assert chart["width"] >= 0.95 * min(chart["column"], CHART_MAX_PX), chart
        assert chart["smallest"] >= 12, chart
    assert not watch.errors(), watch.errors()
