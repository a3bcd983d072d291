"""The law register (``/laws/`` and ``/laws/<id>/``) in a real browser: no sideways scroll
on a 375 px phone, axe-core clean, and a guide's basis leads to its law's page."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from .support import PHONE, Site, Watch
from .test_portal import _overflow, _report, _violations, goto

pytestmark = pytest.mark.browser

OpenPage = Callable[..., tuple[Page, Watch]]
PAGES = ["/laws/", "/laws/administrative-licensing-law/"]


@pytest.mark.parametrize("path", PAGES)
def test_law_pages_fit_a_phone_and_pass_axe(
    demo_site: Site, open_page: OpenPage, path: str
) -> None:
    page, watch = open_page(demo_site, viewport=PHONE)
    goto(page, demo_site, path)
    found = _overflow(page)
    assert found["scrollWidth"] <= found["innerWidth"], f"{path}: {found}"
    violations = _violations(page)
    assert not violations, f"{path}:\n{_report(violations)}"
    assert not watch.errors(), watch.errors()


def test_a_guide_basis_leads_to_the_law_page(demo_site: Site, open_page: OpenPage) -> None:
    page, _ = open_page(demo_site, viewport=PHONE)
    goto(page, demo_site, "/laws/administrative-licensing-law/")
    first = page.locator("table.bs-cards tbody a").first
    first.click()
    page.locator("a.bs-law-page").first.click()
    assert "/laws/" in page.url
    assert page.locator("h1").inner_text().startswith("《")
