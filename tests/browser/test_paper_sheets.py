"""What every printed sheet says, read back from the PDF (issue 18).

The 补正材料通知书 cites the rule that binds the item's type: 《行政许可法》第三十二条 for a
行政许可 only, the centre's own rule (``centre.yaml`` ``correction_basis``) for a 行政确认
or a 公共服务 item.  The guide, the notice and the 补正 list the windows the item names
(a 联办件: each department's), once, and no other window of the department.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page

from generator.catalogue.models import ItemType
from generator.catalogue.wording import LICENSING_CORRECTION, correction_basis
from generator.portal.urls import item_url, notice_url

from .paper import Paper, poppler_missing, print_pdf, save, squash
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


def print_correction(open_page: OpenPage, site: Site, item_id: str, out: Path) -> Paper:
    """The 补正材料通知书 of ``item_id`` with its first material ticked, as printed."""
    page, watch = open_page(site)
    response = page.goto(site.url(notice_url(item_id)), wait_until="networkidle")
    assert response is not None and response.ok
    page.evaluate("() => { window.print = () => {}; }")
    page.locator("#bs-correction-1").check()
    page.get_by_role("button", name="打印补正材料通知书").click()
    paper = save(print_pdf(page), out, f"correction-{item_id}")
    assert watch.offsite == [] and watch.errors() == []
    return paper


@pytest.mark.parametrize("item_id", sorted(BY_TYPE))
def test_the_correction_cites_the_rule_of_the_item_type(
    demo_site: Site, open_page: OpenPage, tmp_path: Path, item_id: str
) -> None:
    loaded = demo_site.catalogue.items[item_id]
    assert loaded.item.type is BY_TYPE[item_id]
    text = print_correction(open_page, demo_site, item_id, tmp_path).text()
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
    demo_site: Site, open_page: OpenPage, tmp_path: Path, item_id: str
) -> None:
    named, others = WINDOW_ITEMS[item_id]
    page, _ = open_page(demo_site)
    page.goto(demo_site.url(item_url(item_id)), wait_until="load")
    guide = page.locator("#place ~ dl.bs-dl").first.inner_text()
    notice = print_notice_sheet(open_page, demo_site, item_id, tmp_path).text()
    correction = print_correction(open_page, demo_site, item_id, tmp_path).text()
    for where, text in (("guide", guide), ("notice", notice), ("correction", correction)):
        for name in named:
            assert text.count(name) == 1, f"{where}: {name}"
        for name in others:
            assert name not in text, f"{where}: {name}"


def print_notice_sheet(open_page: OpenPage, site: Site, item_id: str, out: Path) -> Paper:
    page, watch = open_page(site)
    response = page.goto(site.url(notice_url(item_id)), wait_until="networkidle")
    assert response is not None and response.ok
    paper = save(print_pdf(page), out, f"notice-{item_id}")
    assert watch.offsite == [] and watch.errors() == []
    return paper
