"""情形引导 in a real browser, part two: a multiple choice question answered by keyboard at
375 px, 免提交 materials said once and never counted, conditions / fees / steps tailored
after answering, and the 补正 form of a notice opened with the answers.

Expected lists are written here by hand from the demo YAML (public-place-hygiene-licence:
1 申请表, 2 营业执照 and 3 身份证 免提交, 4 平面图, 5 检测报告 always; 6 集中空调 with ac;
7 授权委托书 with agent), not computed by the code under test.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from .support import PHONE, Site, Watch
from .test_situations import _shown, _tab_to, _violations

pytestmark = pytest.mark.browser

OpenPage = Callable[..., tuple[Page, Watch]]
PLACE = "public-place-hygiene-licence"
BOTH = "cases.ac,cases.agent"
TO_BRING = [
    "公共场所卫生许可申请表",
    "公共场所地址方位示意图、平面图和卫生设施平面布局图",
    "公共场所卫生检测或者评价报告",
    "集中空调通风系统卫生检测报告",
    "授权委托书及受托人居民身份证",
]
EXEMPT = ["营业执照", "法定代表人或者负责人居民身份证"]


def _exempt_shown(page: Page) -> list[str]:
    names: list[str] = page.locator(
        "[data-bs-sit-exempt-list] [data-bs-sit-n]:visible strong"
    ).all_inner_texts()
    return names


def test_a_multiple_choice_question_by_keyboard_at_375px(
    demo_site: Site, open_page: OpenPage
) -> None:
    page, watch = open_page(demo_site, viewport=PHONE)
    page.goto(demo_site.url(f"/items/{PLACE}/"), wait_until="networkidle")
    expect(page.locator("[data-bs-sit-question]")).to_have_text("以下哪些情况符合您的申请?")
    expect(page.locator("[data-bs-sit-progress]")).to_have_text("第 1 题(可多选):")
    expect(page.get_by_role("checkbox")).to_have_count(2)
    expect(page.get_by_role("radio")).to_have_count(0)
    assert _violations(page) == []
    # Check boxes are one Tab stop each: Space ticks the focused one.
    _tab_to(page, "[data-bs-sit-options] input")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(page.get_by_role("checkbox", name="场所使用集中空调通风系统")).to_be_checked()
    expect(page.get_by_role("checkbox", name="委托他人到窗口办理")).to_be_checked()
    _tab_to(page, "[data-bs-sit-step] button[type=submit]")
    page.keyboard.press("Enter")
    check = page.locator("[data-bs-sit-check]")
    expect(check.locator("dd")).to_contain_text("场所使用集中空调通风系统、委托他人到窗口办理")
    assert _violations(page) == []
    _tab_to(page, "[data-bs-sit-confirm]")
    page.keyboard.press("Enter")
    # Seven materials apply; two the window fetches itself: 5 to bring, 2 said once.
    expect(page.locator("[data-bs-sit-count]")).to_have_text("您需要准备 5 份材料")
    assert _shown(page) == TO_BRING
    assert _exempt_shown(page) == EXEMPT
    expect(page.locator("[data-bs-sit-exempt]")).to_contain_text("免于提交")
    assert parse_qs(urlsplit(page.url).query)["情形"] == [BOTH]
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"scrolls sideways: {width} px"
    assert _violations(page) == []
    assert not watch.errors(), watch.errors()


def test_the_shared_address_gives_the_same_list(browser: Browser, demo_site: Site) -> None:
    context = browser.new_context(viewport=PHONE, locale="zh-CN", service_workers="block")
    try:
        page = context.new_page()
        page.goto(demo_site.url(f"/items/{PLACE}/?情形={BOTH}"))
        expect(page.locator("[data-bs-sit-count]")).to_have_text("您需要准备 5 份材料")
        assert _shown(page) == TO_BRING
        assert _exempt_shown(page) == EXEMPT
        # None chosen is an answer too ("cases.-"): only what every case needs.
        page.goto(demo_site.url(f"/items/{PLACE}/?情形=cases.-"))
        expect(page.locator("[data-bs-sit-count]")).to_have_text("您需要准备 3 份材料")
        assert _shown(page) == TO_BRING[:3]
        expect(page.locator("[data-bs-sit-summary] dd")).to_have_text(re.compile("^以上都不是"))
    finally:
        context.close()


def test_fees_and_steps_follow_the_answers(demo_site: Site, open_page: OpenPage) -> None:
    page, _ = open_page(demo_site, viewport=PHONE)
    fee_20 = "居民身份证工本费(有效期满换领、登记项目变更换领)"
    fee_40 = "居民身份证工本费(丢失补领、损坏换领)"
    page.goto(demo_site.url("/items/id-card-renewal/"), wait_until="networkidle")
    fees = page.locator("#fees ~ .bs-table tbody tr")
    expect(fees.filter(has_text=fee_20)).to_be_visible()  # not answered yet: all shown
    page.goto(demo_site.url("/items/id-card-renewal/?情形=reason.lost,age.adult,photo.window"))
    expect(page.locator("[data-bs-sit-count]")).to_be_visible()
    expect(fees.filter(has_text=fee_20)).to_be_hidden()
    expect(fees.filter(has_text=fee_40)).to_be_visible()
    expect(page.get_by_text("只列出适用的收费项目")).to_be_visible()
    assert _violations(page) == []
    # 重新回答: the questions again, and every fee back on the page.
    page.get_by_role("button", name="重新回答").click()
    expect(fees.filter(has_text=fee_20)).to_be_visible()
    expect(page.get_by_text("只列出适用的收费项目")).to_be_hidden()
    page.goto(demo_site.url("/items/work-injury-recognition/?情形=harm.disease,death.alive"))
    steps = page.locator(".bs-steps > li")
    expect(steps.filter(has_text="调查核实")).to_be_hidden()
    expect(steps.filter(has_text="作出认定决定")).to_be_visible()


def test_the_correction_form_offers_only_the_cases_materials(
    demo_site: Site, open_page: OpenPage
) -> None:
    page, _ = open_page(demo_site, viewport=PHONE)
    page.goto(demo_site.url(f"/items/{PLACE}/notice/?情形=cases.ac"))
    form = page.locator("[data-bs-correction-form]")
    expect(form).to_be_visible()
    expect(form.locator("[data-bs-correction-scope] dd")).to_have_text("场所使用集中空调通风系统")
    offered = form.locator("[data-bs-correction-material]:visible [data-bs-correction-name]")
    assert offered.all_inner_texts() == TO_BRING[:4]  # no 委托书, no 免提交 material
    # Tick every offered box; the printed notice lists exactly those (print is stubbed).
    page.evaluate("window.print = () => {}")
    for box in form.locator("[data-bs-correction-material]:visible input[type=checkbox]").all():
        box.check()
    page.get_by_role("button", name="打印补正材料通知书").click()
    rows = page.locator("[data-bs-correction-rows] tr td:nth-child(2)")
    assert rows.all_inner_texts() == TO_BRING[:4]
    assert _violations(page) == []


def test_without_javascript_fees_show_their_situation(browser: Browser, demo_site: Site) -> None:
    context = browser.new_context(java_script_enabled=False, service_workers="block")
    try:
        page = context.new_page()
        page.goto(demo_site.url("/items/id-card-renewal/?情形=reason.lost,age.adult,photo.window"))
        fees = page.locator("#fees ~ .bs-table tbody tr")
        expect(fees).to_have_count(2)
        expect(fees.first).to_be_visible()
        expect(fees.first).to_contain_text(
            "适用情形:为什么办理?有效期满、登记项目变更或者证件损坏,换领新证"
        )
        expect(page.get_by_text("只列出适用的收费项目")).to_be_hidden()
        page.goto(demo_site.url(f"/items/{PLACE}/"))
        expect(page.locator(".bs-materials")).to_contain_text("免于提交:电子证照:")
    finally:
        context.close()


def test_the_personal_notice_lists_only_the_fees_of_the_answers(
    demo_site: Site, open_page: OpenPage
) -> None:
    page, _ = open_page(demo_site)
    sheet = page.locator(".bs-sheet")
    page.goto(demo_site.url("/items/id-card-renewal/notice/"))
    expect(sheet.get_by_text("居民身份证工本费(有效期满换领、登记项目变更换领)")).to_be_visible()
    page.goto(
        demo_site.url("/items/id-card-renewal/notice/?情形=reason.lost,age.adult,photo.window")
    )
    expect(page.locator("[data-bs-sit-answers-block]")).to_be_visible()
    expect(sheet.get_by_text("居民身份证工本费(有效期满换领、登记项目变更换领)")).to_be_hidden()
    expect(sheet.get_by_text("居民身份证工本费(丢失补领、损坏换领)")).to_be_visible()
