"""What every printed sheet says, read back from the PDF (issue 18).

The 补正材料通知书 cites the rule that binds the item's type: 《行政许可法》第三十二条 for a
行政许可 only, the centre's own rule (``centre.yaml`` ``correction_basis``) for a 行政确认
or a 公共服务 item.  The guide, the notice and the 补正 list the windows the item names
(a 联办件: each department's), once, and no other window of the department.  Every
sheet (notice, 补正, a department's batch) carries the centre's address, its hours and the
item's windows, in type of at least 10.5 pt for the body and 9 pt for notes, read back
from the PDF's text operators.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from generator.catalogue.models import ItemType
from generator.catalogue.wording import LICENSING_CORRECTION, correction_basis
from generator.portal.urls import item_url

from .paper import Paper, Sheets, poppler_missing, squash
from .pdftype import body_size, glyph_sizes
from .support import Site, Watch

pytestmark = pytest.mark.browser

OpenPage = Callable[..., tuple[Page, Watch]]

BY_TYPE = {
    "birth-registration": ItemType.CONFIRMATION,
    "social-insurance-registration": ItemType.PUBLIC_SERVICE,
    "company-establishment": ItemType.LICENSING,
}


@pytest.fixture(autouse=True)
def _poppler() -> None:
    missing = poppler_missing()
    if missing:
        pytest.skip(f"{missing} is not on PATH (make test installs poppler-utils)")


@pytest.mark.parametrize("item_id", sorted(BY_TYPE))
def test_the_correction_cites_the_rule_of_the_item_type(
    demo_site: Site, sheets: Sheets, item_id: str
) -> None:
    loaded = demo_site.catalogue.items[item_id]
    assert loaded.item.type is BY_TYPE[item_id]
    text = sheets.correction(item_id).text()
    assert "补正材料通知书" in text and "一次性告知" in text
    wording = correction_basis(demo_site.catalogue.centre, loaded.item.type)
    assert wording is not None
    assert squash(f"根据{wording}的规定") in text
    if loaded.item.type is ItemType.LICENSING:
        assert wording == LICENSING_CORRECTION
        assert "行政许可法" in text and "第三十二条" in text
    else:
        assert "行政许可法" not in text
        assert "服务事项管理办法" in text


WINDOW_ITEMS = {
    "birth-registration": (["户政综合窗口"], ["车驾管业务窗口"]),
    "real-estate-transfer-registration": (
        ["不动产登记窗口", "房产交易窗口"],
        ["规划用地审批窗口", "工程建设项目审批窗口"],
    ),
}


@pytest.mark.parametrize("item_id", sorted(WINDOW_ITEMS))
def test_guide_notice_and_correction_list_the_items_windows_once(
    demo_site: Site, open_page: OpenPage, sheets: Sheets, item_id: str
) -> None:
    named, others = WINDOW_ITEMS[item_id]
    page, _ = open_page(demo_site)
    page.goto(demo_site.url(item_url(item_id)), wait_until="load")
    guide = page.locator("#place ~ dl.bs-dl").first.inner_text()
    notice = sheets.notice(item_id).text()
    correction = sheets.correction(item_id).text()
    for where, text in (("guide", guide), ("notice", notice), ("correction", correction)):
        for name in named:
            assert text.count(name) == 1, f"{where}: {name}"
        for name in others:
            assert name not in text, f"{where}: {name}"


BODY_PT = 10.5
NOTE_PT = 9.0
SHEET_ITEMS = ["birth-registration", "food-production-licence", "real-estate-transfer-registration"]
BATCH_DEPARTMENT = "gaj"


def _where(site: Site, item_id: str) -> list[str]:
    """What every sheet of ``item_id`` must say: address, hours, its windows."""
    catalogue = site.catalogue
    centre = catalogue.centre
    assert centre is not None
    loaded = catalogue.items[item_id]
    windows = [w.name for w in catalogue.windows(loaded)]
    assert windows, item_id
    return [squash(centre.address), squash(catalogue.hours(loaded) or centre.hours), *windows]


def _assert_type(paper: Paper, what: str) -> None:
    sizes = glyph_sizes(paper.path)
    assert sizes, f"{what}: no text read from the PDF"
    assert body_size(sizes) >= BODY_PT, f"{what}: body {body_size(sizes)} pt: {sorted(sizes)}"
    assert min(sizes) >= NOTE_PT, f"{what}: smallest {min(sizes)} pt: {sorted(sizes.items())}"


@pytest.mark.parametrize("item_id", SHEET_ITEMS)
def test_every_sheet_says_where_and_when_in_readable_type(
    demo_site: Site, sheets: Sheets, item_id: str
) -> None:
    for kind, paper in (
        ("notice", sheets.notice(item_id)),
        ("correction", sheets.correction(item_id)),
    ):
        text = paper.text()
        for expected in _where(demo_site, item_id):
            assert expected in text, f"{item_id} {kind}: no {expected}"
        _assert_type(paper, f"{item_id} {kind}")


def test_every_sheet_of_a_batch_says_where_and_when(demo_site: Site, sheets: Sheets) -> None:
    catalogue = demo_site.catalogue
    items = catalogue.items_of(BATCH_DEPARTMENT)
    assert len(items) > 1
    counts = [sheets.notice(i.id).pages for i in items]
    batch = sheets.batch(BATCH_DEPARTMENT)
    assert batch.pages == sum(counts)
    first = 1
    for loaded, count in zip(items, counts, strict=True):
        text = "".join(batch.text(n) for n in range(first, first + count))
        for expected in _where(demo_site, loaded.id):
            assert expected in text, f"batch sheet {loaded.id}: no {expected}"
        first += count
    _assert_type(batch, "batch")
