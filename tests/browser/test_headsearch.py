"""The search box on every page (issue 18): in the header at 1280 px, behind a search
button in the phone header at 375 px; a query typed on an inner page shows the results
of our own search (search.js on the search page), with and without opening the button.

Every page shape of the built site is checked (collected from the site, as the care-mode
sweep does), plus the 404 page.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, Locator, Page, ViewportSize, expect

from .support import DESKTOP, PHONE, RESULT_LINK, Site, Watch, item_id
from .test_care_mode import page_kinds

pytestmark = pytest.mark.browser

OpenPage = Callable[..., tuple[Page, Watch]]

HEADER_BOX = "站内搜索"
OPEN_BUTTON = "打开搜索"
INNER_PAGE = "/items/birth-registration/"
QUERY = "身份证"


def header_box(page: Page) -> Locator:
    return page.locator(".md-header").get_by_role("searchbox", name=HEADER_BOX, exact=True)


def search_button(page: Page) -> Locator:
    return page.locator(".md-header").get_by_role("button", name=OPEN_BUTTON, exact=True)


def open_box(page: Page, viewport: ViewportSize) -> Locator:
    """The header's search box ready to type in: at once on a desktop, after the search
    button on a phone (where the box is hidden until then)."""
    box = header_box(page)
    if viewport is PHONE:
        expect(box).to_be_hidden()
        button = search_button(page)
        expect(button).to_be_visible()
        expect(button).to_have_attribute("aria-expanded", "false")
        button.click()
        expect(button).to_have_attribute("aria-expanded", "true")
        expect(box).to_be_focused()
    expect(box).to_be_visible()
    return box


def _inside_viewport(page: Page, box: Locator) -> None:
    bounds = box.bounding_box()
    assert bounds is not None
    width = page.evaluate("innerWidth")
    assert bounds["x"] >= 0 and bounds["x"] + bounds["width"] <= width, bounds
    assert bounds["width"] >= 120, f"a search box {bounds['width']} px wide"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
def test_every_page_type_has_the_search_box(
    demo_site: Site, open_page: OpenPage, viewport: ViewportSize
) -> None:
    paths = [*sorted(set(page_kinds(demo_site.root).values())), "/404.html"]
    assert len(paths) >= 12, paths
    page, watch = open_page(demo_site, viewport=viewport)
    for path in paths:
        response = page.goto(demo_site.url(path), wait_until="load")
        assert response is not None and (response.ok or path == "/404.html"), path
        box = open_box(page, viewport)
        _inside_viewport(page, box)
        if viewport is PHONE:
            # Escape closes the box again and gives the focus back to the button.
            box.press("Escape")
            expect(box).to_be_hidden()
            expect(search_button(page)).to_be_focused()
    assert watch.errors() == [] and watch.offsite == []


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
def test_a_query_typed_on_an_inner_page_shows_results(
    demo_site: Site, open_page: OpenPage, viewport: ViewportSize
) -> None:
    page, watch = open_page(demo_site, viewport=viewport)
    page.goto(demo_site.url(INNER_PAGE), wait_until="load")
    box = open_box(page, viewport)
    box.fill(QUERY)
    box.press("Enter")
    page.wait_for_url("**/search/?q=*")
    page.wait_for_function(
        """(q) => document.querySelector("[data-bs-finder]")
                   ?.getAttribute("data-bs-done") === q""",
        arg=QUERY,
    )
    found = [item_id(href) for href in page.locator(RESULT_LINK).evaluate_all(
        "(links) => links.map((a) => a.href)")]  # fmt: skip
    licensed = [
        loaded.id for loaded in demo_site.catalogue.items.values() if QUERY in loaded.item.name
    ]
    assert licensed and set(licensed) <= set(found), (licensed, found)
    # The search page's own box carries the query on.
    expect(page.get_by_role("searchbox", name="搜索办事事项")).to_have_value(QUERY)
    assert watch.errors() == [] and watch.offsite == []


def test_without_javascript_the_phone_button_opens_the_search_page(
    demo_site: Site, browser: Browser
) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(demo_site.url(INNER_PAGE), wait_until="load")
        link = page.locator(".md-header").get_by_role("link", name=OPEN_BUTTON, exact=True)
        expect(link).to_be_visible()
        link.click()
        page.wait_for_url("**/search/")
    finally:
        context.close()
