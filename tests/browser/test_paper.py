"""Notice sheets tested as paper: every demo sheet printed to PDF by chromium, its text read
back with pdftotext and its QR code scanned from the page rasterised at 150 dpi.

The issue's "Done when": one page for up to 12 materials, the hotline, the promised limit and
every material on it, a QR code that gives the item's guide URL; a long item runs over
several pages with the item name and page number on each and no row cut; the 补正 notice
lists exactly the ticked materials; a department's batch prints one sheet per page start,
each sheet with its own page numbers and the demo banner.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.catalogue.loaded import LoadedItem
from generator.portal.rendering import days
from generator.portal.urls import absolute_url, item_url, notice_url

from .paper import Sheets, poppler_missing, print_pdf, save, squash
from .support import DEMO_CATALOGUE, Site, Watch

pytestmark = pytest.mark.browser

OpenPage = Callable[..., tuple[Page, Watch]]

ONE_PAGE_MATERIALS = 9
"""Up to this many materials a sheet fits on one A4 page at the 10.5 pt paper type of issue
18 (the demo's 9-material sheets do; real-estate-transfer's 12 take two pages)."""

DEMO_ITEMS = sorted(path.stem for path in (DEMO_CATALOGUE / "items").glob("*/*.yaml"))
LONG_ITEM = "food-production-licence"
CORRECTION_ITEM = "company-establishment"
BATCH_DEPARTMENT = "scjg"


@pytest.fixture(autouse=True)
def _poppler() -> None:
    missing = poppler_missing()
    if missing:
        pytest.skip(f"{missing} is not on PATH (make test installs poppler-utils)")


def supervision_phone(site: Site, loaded: LoadedItem) -> str:
    centre = site.catalogue.centre
    assert centre is not None
    return site.catalogue.supervision_phone(loaded) or centre.supervision_phone


def page_header(loaded: LoadedItem, page: int, pages: int) -> tuple[str, str]:
    return squash(f"{loaded.item.name} · 一次性告知单"), f"第{page}页共{pages}页"


def test_the_demo_has_a_long_item() -> None:
    assert LONG_ITEM in DEMO_ITEMS


@pytest.mark.parametrize("item_id", DEMO_ITEMS)
def test_every_notice_sheet_works_on_paper(demo_site: Site, sheets: Sheets, item_id: str) -> None:
    catalogue = demo_site.catalogue
    assert catalogue.centre is not None
    loaded = catalogue.items[item_id]
    item = loaded.item
    paper = sheets.notice(item_id)

    pages = paper.pages
    if len(item.materials) <= ONE_PAGE_MATERIALS:
        assert pages == 1, f"{item_id}: {len(item.materials)} materials on {pages} pages"
    else:
        assert pages > 1
    text = paper.text()
    assert supervision_phone(demo_site, loaded) in text
    promised = days(item.time_limit.promised.days, item.time_limit.promised.unit.value)
    for material in item.materials:
        assert squash(material.name) in text, material.name
    lines = paper.text(layout=True)
    assert squash(f"承诺办结时限:{promised}") in lines
    reviewed = item.reviewed
    assert f"信息审核日期{reviewed.year}年{reviewed.month}月{reviewed.day}日" in lines

    for number in range(1, pages + 1):
        page_text = paper.text(number)
        for expected in page_header(loaded, number, pages):
            assert expected in page_text, f"{item_id} page {number}: no {expected}"
    # The first page carries the QR code and the hotlines, whatever the sheet's length.
    assert supervision_phone(demo_site, loaded) in paper.text(1)
    assert paper.qr_codes(1) == [absolute_url(catalogue.centre.base_url, item_url(item_id))]


def test_a_long_sheet_never_cuts_a_row(demo_site: Site, sheets: Sheets) -> None:
    """Each material's row (name, when, standard) is whole on one page."""
    loaded = demo_site.catalogue.items[LONG_ITEM]
    assert len(loaded.item.materials) >= 20
    paper = sheets.notice(LONG_ITEM)
    assert paper.pages >= 2
    texts = [paper.text(n) for n in range(1, paper.pages + 1)]
    for material in loaded.item.materials:
        holding = [n for n, text in enumerate(texts, start=1) if squash(material.name) in text]
        assert holding, material.name
        # The small print under the name is on the same page as the name: the row is whole.
        for detail in (material.when, material.standard):
            if detail:
                assert squash(detail) in texts[holding[-1] - 1], f"{material.name}: {detail}"


def test_the_correction_notice_lists_exactly_the_ticked_materials(
    demo_site: Site, open_page: OpenPage, tmp_path: Path
) -> None:
    loaded = demo_site.catalogue.items[CORRECTION_ITEM]
    materials = loaded.item.materials
    page, watch = open_page(demo_site)
    response = page.goto(demo_site.url(notice_url(CORRECTION_ITEM)), wait_until="networkidle")
    assert response is not None and response.ok
    # Headless chromium has no print dialog to drive: the button's print() is a no-op here
    # and page.pdf() prints what the dialog would.
    page.evaluate("() => { window.print = () => {}; }")
    requests_before = len(watch.requests)

    ticked = [materials[0], materials[2]]
    reason = "复印件不清晰"
    applicant = "张三"
    for material in ticked:
        number = materials.index(material) + 1
        page.get_by_role("checkbox", name=f"{number}. {material.name}").check()
    page.locator(f"#bs-correction-reason-{materials.index(ticked[1]) + 1}").fill(reason)
    page.get_by_label("申请人姓名或单位名称").fill(applicant)
    page.get_by_role("button", name="打印补正材料通知书").click()
    paper = save(print_pdf(page), tmp_path, "correction")

    text = paper.text()
    assert paper.pages == 1
    assert "补正材料通知书" in text
    assert squash(loaded.item.name) in text
    assert applicant in text
    assert squash(f"{ticked[1].name}{reason}") in paper.text(layout=True)
    assert "第三十二条" in text and "一次性告知" in text
    assert supervision_phone(demo_site, loaded) in text
    assert "签名" in text and "印章" in text
    listed = [m.name for m in materials if squash(m.name) in text]
    assert listed == [m.name for m in ticked]
    assert "申请材料清单" not in text
    # Nothing the staff typed left the page: no request at all after it loaded.
    assert watch.requests[requests_before:] == []
    assert watch.offsite == [] and watch.errors() == []


def test_the_correction_needs_a_ticked_material(demo_site: Site, open_page: OpenPage) -> None:
    page, _ = open_page(demo_site)
    page.goto(demo_site.url(notice_url(CORRECTION_ITEM)), wait_until="networkidle")
    page.evaluate("() => { window.print = () => { document.title = 'printed'; }; }")
    page.get_by_role("button", name="打印补正材料通知书").click()
    expect(page.get_by_role("status")).to_have_text("请先勾选需要补正的材料。")
    assert page.title() != "printed"


def test_without_javascript_the_sheet_prints_with_empty_boxes(
    demo_site: Site, browser: Browser, tmp_path: Path
) -> None:
    context = browser.new_context(java_script_enabled=False, service_workers="block")
    try:
        page = context.new_page()
        page.goto(demo_site.url(notice_url(CORRECTION_ITEM)), wait_until="networkidle")
        expect(page.get_by_role("button", name="打印补正材料通知书")).to_be_hidden()
        paper = save(print_pdf(page), tmp_path, "nojs")
    finally:
        context.close()
    text = paper.text()
    assert paper.pages == 1
    assert "一次性告知单" in text and "补正材料通知书" not in text
    for material in demo_site.catalogue.items[CORRECTION_ITEM].item.materials:
        assert squash(material.name) in text


def test_a_department_batch_starts_each_sheet_on_a_new_page(
    demo_site: Site, sheets: Sheets
) -> None:
    catalogue = demo_site.catalogue
    items = [loaded for loaded in catalogue.items_of(BATCH_DEPARTMENT)]
    assert any(loaded.id == LONG_ITEM for loaded in items)
    alone = [sheets.notice(loaded.id) for loaded in items]
    batch = sheets.batch(BATCH_DEPARTMENT)
    assert batch.pages == sum(sheet.pages for sheet in alone)
    first_pages = [1]
    for sheet in alone[:-1]:
        first_pages.append(first_pages[-1] + sheet.pages)
    for loaded, first, sheet in zip(items, first_pages, alone, strict=True):
        assert squash(f"{loaded.item.name}事项编码{loaded.item.codes.basic}") in batch.text(first)
        # Each sheet numbers its own pages and carries the demo banner (issue 18).
        assert "示例数据" in batch.text(first), loaded.id
        for number in range(1, sheet.pages + 1):
            footer = batch.text(first + number - 1, layout=True)
            assert f"第{number}页" in footer and "共" not in footer.split("第")[-1], (
                f"{loaded.id} page {number}: {footer[-40:]}"
            )
