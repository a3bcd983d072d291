"""一件事 bundles in a real browser and on paper: each demo bundle's one notice sheet printed
to PDF by chromium, read back with pdftotext (every material of every item, the lead
department, the total time) and its QR code scanned at 150 dpi to the bundle's permanent
address; the bundle page and its sheet axe-clean with no sideways scroll on a 375 px phone.

The totals are the hand-worked figures of ``tests/test_bundles.py`` (not recomputed here).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page

from generator.portal.urls import absolute_url, bundle_notice_url, bundle_url

from ..test_bundles import EXEMPT, EXPECTED
from .paper import poppler_missing, print_pdf, save, squash
from .support import DESKTOP, PHONE, Site, Watch
from .test_portal import _overflow, _report, _violations, goto

pytestmark = pytest.mark.browser

OpenPage = Callable[..., tuple[Page, Watch]]
BUNDLES = sorted(EXPECTED)
LEADS = {
    "business-startup": "示例市市场监督管理局",
    "construction-project": "示例市住房和城乡建设局",
    "restaurant-opening": "示例市市场监督管理局",
    "newborn": "示例市公安局",
}


@pytest.mark.parametrize("bundle_id", BUNDLES)
def test_the_bundle_sheet_works_on_paper(
    demo_site: Site, open_page: OpenPage, tmp_path: Path, bundle_id: str
) -> None:
    missing = poppler_missing()
    if missing:
        pytest.skip(f"{missing} is not on PATH (make test installs poppler-utils)")
    catalogue = demo_site.catalogue
    assert catalogue.centre is not None
    chain = catalogue.chains[bundle_id]
    page, watch = open_page(demo_site)
    goto(page, demo_site, bundle_notice_url(bundle_id))
    paper = save(print_pdf(page), tmp_path, bundle_id)
    assert watch.offsite == [] and watch.errors() == []

    text = paper.text()
    _, total, count, _ = EXPECTED[bundle_id]
    assert squash(f"「{chain.name}」一件事") in text
    assert squash(f"牵头部门{LEADS[bundle_id]}") in text
    assert squash(f"承诺时限合计:{total}") in paper.text(layout=True)
    assert squash(f"申请材料清单(共{count - len(EXEMPT[bundle_id])}份)") in text
    for stage in chain.stages:
        for item_id in stage.items:
            loaded = catalogue.items[item_id]
            assert squash(loaded.item.name) in text, item_id
            for material in loaded.item.materials:
                assert squash(material.name) in text, f"{item_id}: {material.name}"
    assert f"第1页共{paper.pages}页" in paper.text(1)
    assert paper.qr_codes(1) == [absolute_url(catalogue.centre.base_url, bundle_url(bundle_id))]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
@pytest.mark.parametrize("bundle_id", BUNDLES)
def test_bundle_pages_fit_and_pass_axe(
    demo_site: Site, open_page: OpenPage, bundle_id: str, viewport: object
) -> None:
    page, watch = open_page(demo_site, viewport=viewport)
    for path in (bundle_url(bundle_id), bundle_notice_url(bundle_id)):
        goto(page, demo_site, path)
        found = _overflow(page)
        assert found["scrollWidth"] <= found["innerWidth"], f"{path}: {found}"
        violations = _violations(page)
        assert not violations, f"{path}:\n{_report(violations)}"
    assert not watch.errors(), watch.errors()


def test_a_guide_leads_to_its_bundle(demo_site: Site, open_page: OpenPage) -> None:
    page, _ = open_page(demo_site, viewport=PHONE)
    goto(page, demo_site, "/items/individual-business-registration/")
    page.get_by_role("link", name="开办餐饮店").first.click()
    page.wait_for_url("**/bundles/restaurant-opening/")
    assert page.locator("h1").inner_text().startswith("开办餐饮店")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_the_bundle_index_fits_passes_axe_and_leads_on(
    demo_site: Site, open_page: OpenPage, viewport: object
) -> None:
    """Home → 全部一件事 → 建设项目 → its chain → back to the bundle, by links only."""
    page, watch = open_page(demo_site, viewport=viewport)
    goto(page, demo_site, "/")
    page.get_by_role("link", name="全部一件事").click()
    page.wait_for_url("**/bundles/")
    found = _overflow(page)
    assert found["scrollWidth"] <= found["innerWidth"], found
    violations = _violations(page)
    assert not violations, _report(violations)
    assert page.locator("table.bs-bundles tbody tr").count() == len(BUNDLES)
    page.get_by_role("link", name="建设项目", exact=True).click()
    page.wait_for_url("**/bundles/construction-project/")
    page.get_by_role("link", name="查看审批链").click()
    page.wait_for_url("**/chains/construction-project/")
    page.locator(".bs-bundle-of").get_by_role("link", name="建设项目").click()
    page.wait_for_url("**/bundles/construction-project/")
    assert not watch.errors(), watch.errors()
