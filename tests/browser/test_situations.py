"""情形引导 in a real browser: "我需要准备哪些材料?" answered by keyboard on a phone.

The expected lists come from the hand-written tables of ``tests/test_situation_demo.py``
(not from the code under test).  A shared address reopens the same list; the print link
gives a personal 一次性告知单, printed to PDF and read back; without JavaScript the guide
shows every material with its situation; axe finds nothing serious in either mode.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import Browser, Page, expect

from ..test_situation_demo import INDIVIDUAL, REAL_ESTATE, _positions
from .paper import poppler_missing, print_pdf, save, squash
from .support import PHONE, Site, Watch

pytestmark = pytest.mark.browser

OpenPage = Callable[..., tuple[Page, Watch]]
ESTATE = "real-estate-transfer-registration"
BUSINESS = "individual-business-registration"
# Seller a person, single; buyer a person; an agent applies: 8 materials by the table.
ESTATE_ANSWERS = "seller.person,marriage.single,buyer.person,agent.entrust"


def _names(site: Site, ident: str, table: dict[str, str], code: str) -> list[str]:
    item = site.catalogue.items[ident].item
    return [item.materials[n - 1].name for n in _positions(table[code])]


def _shown(page: Page) -> list[str]:
    """The names of the tailored list's materials on show, in order."""
    names: list[str] = page.locator(
        "[data-bs-sit-list] [data-bs-sit-n]:visible strong"
    ).all_inner_texts()
    return names


def _tab_to(page: Page, selector: str, limit: int = 80) -> None:
    """Press Tab until the focused element matches ``selector`` (keyboard only)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def _answer(page: Page, question: str, downs: int) -> None:
    """Answer the question on show: Tab into its radio group, arrow to the option, Space,
    then Tab to 继续 and press Enter."""
    expect(page.locator("[data-bs-sit-question]")).to_have_text(question)
    _tab_to(page, "[data-bs-sit-options] input")
    for _ in range(downs):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    _tab_to(page, "[data-bs-sit-step] button[type=submit]")
    page.keyboard.press("Enter")


def _violations(page: Page) -> list[str]:
    response = Axe().run(page).response
    return [
        f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes'][:3]]}"
        for v in response["violations"]
        if v.get("impact") in {"serious", "critical"}
    ]


def test_keyboard_at_375px_gives_the_hand_derived_list(
    demo_site: Site, open_page: OpenPage
) -> None:
    page, watch = open_page(demo_site, viewport=PHONE)
    page.goto(demo_site.url(f"/items/{ESTATE}/"), wait_until="networkidle")
    expect(page.locator("[data-bs-sit-app]")).to_be_visible()
    # One question at a time, each a real radio group inside a fieldset with its legend.
    expect(page.locator("[data-bs-sit-step] fieldset legend")).to_contain_text("第 1 题")
    expect(page.get_by_role("radio")).to_have_count(2)
    assert _violations(page) == []
    _answer(page, "卖方是个人还是单位?", 0)  # 个人: opens the follow-up on marriage
    focused = page.evaluate("document.activeElement.getAttribute('data-bs-sit-question')")
    assert focused is not None, "focus must move to the next question"
    _answer(page, "卖方目前的婚姻状况?", 1)  # 未婚、离婚或者丧偶
    _answer(page, "买方是个人还是单位?", 0)
    _answer(page, "买卖双方是否委托他人代为申请?", 1)
    # Check your answers: four answers, each with its change link.
    check = page.locator("[data-bs-sit-check]")
    expect(check.locator("dt")).to_have_count(4)
    expect(check.get_by_role("link", name=re.compile("^修改"))).to_have_count(4)
    assert _violations(page) == []
    _tab_to(page, "[data-bs-sit-confirm]")
    page.keyboard.press("Enter")
    expected = _names(demo_site, ESTATE, REAL_ESTATE, ESTATE_ANSWERS)
    expect(page.locator("[data-bs-sit-count]")).to_have_text(f"您需要准备 {len(expected)} 份材料")
    assert _shown(page) == expected
    query = parse_qs(urlsplit(page.url).query)
    assert query["情形"] == [ESTATE_ANSWERS]
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"scrolls sideways: {width} px"
    assert _violations(page) == []
    assert not watch.errors(), watch.errors()


def test_a_change_link_returns_to_the_summary(demo_site: Site, open_page: OpenPage) -> None:
    page, _ = open_page(demo_site, viewport=PHONE)
    page.goto(demo_site.url(f"/items/{ESTATE}/?情形={ESTATE_ANSWERS}"))
    expect(page.locator("[data-bs-sit-count]")).to_be_visible()
    change = page.locator("[data-bs-sit-result] [data-bs-sit-change=seller]")
    expect(change).to_have_accessible_name(re.compile("修改.*卖方是个人还是单位"))
    change.click()
    page.get_by_role("radio", name="企业或者其他单位").check()
    page.get_by_role("button", name="继续").click()
    # The marriage question is no longer asked: straight back to the summary, three answers.
    expect(page.locator("[data-bs-sit-check] dt")).to_have_count(3)
    page.get_by_role("button", name="查看需要准备的材料").click()
    code = "seller.org,buyer.person,agent.entrust"
    assert _shown(page) == _names(demo_site, ESTATE, REAL_ESTATE, code)
    assert parse_qs(urlsplit(page.url).query)["情形"] == [code]


def test_a_shared_address_opens_the_same_list(browser: Browser, demo_site: Site) -> None:
    """A link sent to someone else (a fresh browser) opens at the list; the alternatives
    of one group count as one material."""
    code = "form.family,premises.home,licensed.needed,agent.entrust"
    context = browser.new_context(viewport=PHONE, locale="zh-CN", service_workers="block")
    try:
        page = context.new_page()
        page.goto(demo_site.url(f"/items/{BUSINESS}/?情形={code}"))
        expected = _names(demo_site, BUSINESS, INDIVIDUAL, code)
        assert _shown(page) == expected
        # 居民户口簿 and 结婚证 are one entry, "以下任选其一".
        expect(page.locator("[data-bs-sit-count]")).to_have_text(
            f"您需要准备 {len(expected) - 1} 份材料"
        )
        expect(page.locator("[data-bs-sit-group]")).to_contain_text("以下任选其一")
    finally:
        context.close()


def test_without_javascript_every_material_shows_its_situation(
    browser: Browser, demo_site: Site
) -> None:
    context = browser.new_context(java_script_enabled=False, service_workers="block")
    try:
        page = context.new_page()
        page.goto(demo_site.url(f"/items/{ESTATE}/"))
        expect(page.locator("[data-bs-sit-app]")).to_be_hidden()
        rows = page.locator(".bs-materials tbody tr")
        expect(rows).to_have_count(len(demo_site.catalogue.items[ESTATE].item.materials))
        expect(page.locator(".bs-materials")).to_contain_text("适用情形:卖方是个人还是单位?个人")
        expect(page.locator(".bs-materials")).to_contain_text(
            "适用情形:卖方目前的婚姻状况?未婚、离婚或者丧偶"
        )
    finally:
        context.close()


def test_care_mode_keeps_the_questions_usable(demo_site: Site, open_page: OpenPage) -> None:
    page, _ = open_page(demo_site, viewport=PHONE)
    page.goto(demo_site.url(f"/items/{ESTATE}/?mode=care"), wait_until="networkidle")
    expect(page.locator("html")).to_have_class(re.compile("bs-care"))
    option = page.locator(".bs-sit__option").first
    box = option.bounding_box()
    assert box is not None and box["height"] >= 60
    size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.bs-sit__option span')).fontSize)"
    )
    assert size >= 24
    for button in page.locator("[data-bs-sit-step] button:visible").all():
        found = button.bounding_box()
        assert found is not None and found["height"] >= 60 and found["width"] >= 60
    assert _violations(page) == []


def test_the_personal_notice_prints_the_answers_and_only_their_materials(
    demo_site: Site, open_page: OpenPage, tmp_path: Path
) -> None:
    missing = poppler_missing()
    if missing:
        pytest.skip(f"{missing} is not on PATH (make test installs poppler-utils)")
    page, _ = open_page(demo_site)
    page.goto(demo_site.url(f"/items/{ESTATE}/?情形={ESTATE_ANSWERS}"))
    page.get_by_role("link", name="打印我的一次性告知单").click()
    page.wait_for_url(re.compile("/notice/"))
    expect(page.locator("[data-bs-sit-answers-block]")).to_be_visible()
    paper = save(print_pdf(page), tmp_path, "personal")
    text = paper.text()
    expected = _names(demo_site, ESTATE, REAL_ESTATE, ESTATE_ANSWERS)
    assert squash(f"您需要准备{len(expected)}份材料") in text
    assert squash("您的情形") in text
    for answered in ("卖方目前的婚姻状况?", "未婚、离婚或者丧偶", "委托代理人申请"):
        assert squash(answered) in text, answered
    for name in expected:
        assert squash(name) in text, name
    materials = demo_site.catalogue.items[ESTATE].item.materials
    for left_out in {m.name for m in materials} - set(expected):
        assert squash(left_out) not in text, left_out
