"""The layout half of issue 18's small glitches (point 9) in a real browser: 补正 form
checkboxes a thumb can hit and reason fields inside a 375 px screen, 读给我听 only in care
mode, keywords whose lines never start with 、, the care-mode phone drawer at care-mode
size, and a long guide printed without a mostly blank page before its materials table.

What can be read from the HTML alone is in tests/test_page_details.py.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, ViewportSize, expect

from generator.portal.urls import item_url, notice_url

from .paper import poppler_missing, print_pdf, save
from .support import DESKTOP, PHONE, Site, Watch
from .tours import Tours, guide_probe

pytestmark = pytest.mark.browser

OpenPage = Callable[..., tuple[Page, Watch]]

ITEM = "company-establishment"
LONG_ITEM = "food-production-licence"
MIN_BOX_PX = 24
CARE_TEXT_PX = 24
CARE_TARGET_PX = 60
LEAST_FILLED = 0.6
"""A printed page other than the last is at least this full (the blank one was 27 %)."""


def goto(page: Page, site: Site, path: str) -> None:
    response = page.goto(site.url(path), wait_until="networkidle")
    assert response is not None and response.ok, path


def test_the_correction_form_fits_a_phone(demo_site: Site, open_page: OpenPage) -> None:
    page, watch = open_page(demo_site, viewport=PHONE)
    goto(page, demo_site, notice_url(ITEM))
    form = page.locator("[data-bs-correction-form]")
    expect(form).to_be_visible()
    boxes = page.evaluate(
        """() => [...document.querySelectorAll("[data-bs-correction-form] input")].map((el) => {
            const r = el.getBoundingClientRect();
            return { type: el.type, left: r.left, right: r.right, width: r.width,
                     height: r.height };
        })"""
    )
    materials = len(demo_site.catalogue.items[ITEM].item.materials)
    assert sum(b["type"] == "checkbox" for b in boxes) == materials
    for box in boxes:
        assert box["left"] >= 0 and box["right"] <= PHONE["width"] - 8, box
        if box["type"] == "checkbox":
            assert min(box["width"], box["height"]) >= MIN_BOX_PX, box
    assert not watch.errors(), watch.errors()


@pytest.mark.parametrize("path", [item_url(ITEM), notice_url(ITEM)])
def test_read_aloud_only_in_care_mode(demo_site: Site, open_page: OpenPage, path: str) -> None:
    page, _ = open_page(demo_site)
    goto(page, demo_site, path)
    expect(page.get_by_role("heading", level=1).first).to_be_visible()
    read = page.get_by_role("button", name=re.compile("^读给我听"))
    expect(read).to_have_count(0)  # hidden buttons have no role in the tree
    page.get_by_role("button", name=re.compile("关怀模式")).click()
    expect(read.first).to_be_visible()
    assert read.count() >= 3


KEYWORD_LINES = """() => {
    const dd = document.querySelector("dd.bs-keywords");
    const starts = [];
    const split = [];
    let top = null;
    for (const span of dd.children) {
        const rects = [...span.getClientRects()];
        if (rects.length > 1) split.push(span.textContent);
        const first = rects[0];
        if (top === null || first.top > top + 2) starts.push(span.textContent[0]);
        top = rects[rects.length - 1].top;
    }
    return { starts, split, lines: new Set(
        [...dd.children].map((s) => Math.round(s.getBoundingClientRect().top))).size };
}"""
guide_probe("keywords", KEYWORD_LINES)


@pytest.mark.parametrize("care", [False, True], ids=["plain", "care"])
def test_keywords_never_start_a_line_with_a_comma(
    demo_site: Site, tours: Tours, care: bool
) -> None:
    tour = tours(PHONE, "care" if care else "screen")
    with_keywords = [i for i, loaded in demo_site.catalogue.items.items() if loaded.item.keywords]
    assert with_keywords, "the demo has keywords"
    wrapped = 0
    for item_id, found in tour.probe("keywords", sorted(with_keywords)).items():
        assert tour.care[item_id] == care, f"{item_id}: care mode {tour.care[item_id]}"
        assert "、" not in found["starts"], (item_id, found)
        assert found["split"] == [], (item_id, found)
        wrapped += found["lines"] > 1
    assert not care or wrapped, "care mode wraps some keyword line at 375 px"


def test_the_care_mode_drawer_is_care_mode_size(demo_site: Site, open_page: OpenPage) -> None:
    page, _ = open_page(demo_site, viewport=PHONE)
    goto(page, demo_site, item_url(ITEM) + "?mode=care")
    page.locator("label.md-header__button[for='__drawer']").click()
    links = page.locator(".md-sidebar--primary .md-nav__link")
    expect(links.first).to_be_visible()
    found = links.evaluate_all(
        """(links) => links.filter((a) => a.getClientRects().length).map((a) => ({
            text: a.textContent.trim(), size: parseFloat(getComputedStyle(a).fontSize),
            height: a.getBoundingClientRect().height }))"""
    )
    assert len(found) >= 5, found
    for link in found:
        assert link["size"] >= CARE_TEXT_PX and link["height"] >= CARE_TARGET_PX - 0.5, link


def _fill(pdf: Path) -> list[float]:
    """How far down each page its text reaches (0..1), the page footer left out."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages: list[list[float]] = []
    for line in out.splitlines():
        if match := re.search(r'<page width="[\d.]+" height="([\d.]+)"', line):
            pages.append([float(match.group(1)), 0.0])
        elif (match := re.search(r'yMax="([\d.]+)"', line)) and pages:
            height, lowest = pages[-1]
            y = float(match.group(1))
            if y < 0.95 * height:  # not the 第 N 页 footer
                pages[-1][1] = max(lowest, y)
    return [lowest / height for height, lowest in pages]


@pytest.mark.parametrize("viewport", [DESKTOP], ids=["1280"])
def test_a_long_guide_prints_without_a_blank_page(
    demo_site: Site, open_page: OpenPage, tmp_path: Path, viewport: ViewportSize
) -> None:
    missing = poppler_missing()
    if missing:
        pytest.skip(f"{missing} is not on PATH (make test installs poppler-utils)")
    page, _ = open_page(demo_site, viewport=viewport)
    goto(page, demo_site, item_url(LONG_ITEM))
    paper = save(print_pdf(page), tmp_path, LONG_ITEM)
    fill = _fill(paper.path)
    assert len(fill) >= 3, fill
    assert min(fill[:-1]) >= LEAST_FILLED, f"page fill {fill}"
    # The materials table starts on the page after the conditions, not one later.
    first = next(n for n in range(1, paper.pages + 1) if "材料名称" in paper.text(n))
    assert first <= 2, f"the materials table starts on page {first}"
