"""A guide's layout measured in the browser at 1280 and 375 px (issue 18).

Flow charts: drawn from their viewBox at full natural width where the column is wide
enough, otherwise in a focusable scroll box, never shrunk: their smallest text stays
12 px at 100 % zoom (24 px in care mode), on screen and in print.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, ViewportSize

from generator.portal.urls import item_url

from .support import DESKTOP, PHONE, Site, Watch

pytestmark = pytest.mark.browser

OpenPage = Callable[..., tuple[Page, Watch]]

MIN_TEXT_PX = 12.0
CARE_MIN_TEXT_PX = 24.0

CHART = """() => {
    const svg = document.querySelector(".bs-flow svg.flowchart");
    const box = svg.closest(".bs-flow__box");
    const natural = svg.viewBox.baseVal.width;
    const width = svg.getBoundingClientRect().width;
    const sizes = [...svg.querySelectorAll("text")].map(
        (t) => parseFloat(getComputedStyle(t).fontSize) * width / natural);
    return {
        natural, width,
        available: box.parentElement.clientWidth,
        minText: Math.min(...sizes),
        scrolls: box.scrollWidth > box.clientWidth,
        role: box.getAttribute("role"),
        tabindex: box.getAttribute("tabindex"),
        label: box.getAttribute("aria-label") || "",
    };
}"""


def _charts(page: Page, site: Site) -> dict[str, dict[str, Any]]:
    found = {}
    for item_id in sorted(site.catalogue.items):
        response = page.goto(site.url(item_url(item_id)), wait_until="load")
        assert response is not None and response.ok, item_id
        found[item_id] = page.evaluate(CHART)
    return found


def _check(charts: dict[str, dict[str, Any]], min_text: float) -> None:
    for item_id, c in charts.items():
        fits = min(c["natural"], c["available"])
        assert c["width"] >= 0.95 * fits, f"{item_id}: {c}"
        assert c["minText"] >= min_text - 0.01, f"{item_id}: {c}"
        assert (c["role"], c["tabindex"]) == ("region", "0"), f"{item_id}: {c}"
        assert "办理流程图" in c["label"], f"{item_id}: {c}"
        # Wider than the column: the box scrolls instead of the text shrinking.
        assert c["scrolls"] == (c["width"] > c["available"] + 0.5), f"{item_id}: {c}"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
def test_every_flow_chart_is_drawn_at_its_natural_size(
    demo_site: Site, open_page: OpenPage, viewport: ViewportSize
) -> None:
    page, watch = open_page(demo_site, viewport=viewport)
    charts = _charts(page, demo_site)
    _check(charts, MIN_TEXT_PX)
    for c in charts.values():  # at its natural width exactly: nothing squeezes it
        assert abs(c["width"] - c["natural"]) < 0.5
    assert watch.errors() == []


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
def test_care_mode_charts_have_24px_text(
    demo_site: Site, open_page: OpenPage, viewport: ViewportSize
) -> None:
    page, _ = open_page(demo_site, viewport=viewport)
    page.goto(demo_site.url("/?mode=care"), wait_until="load")
    assert page.evaluate("document.documentElement.classList.contains('bs-care')")
    _check(_charts(page, demo_site), CARE_MIN_TEXT_PX)


def test_printed_charts_keep_12px_text(demo_site: Site, open_page: OpenPage) -> None:
    page, _ = open_page(demo_site, viewport=ViewportSize(width=794, height=1123))  # A4
    page.emulate_media(media="print")
    charts = _charts(page, demo_site)
    for item_id, c in charts.items():
        assert c["minText"] >= MIN_TEXT_PX - 0.01, f"{item_id}: {c}"
        assert not c["scrolls"], f"{item_id}: paper cannot scroll: {c}"
