"""关怀模式 in a real browser: the issue's "Done when" checks.

Every kind of page the built site has (one page per URL shape, collected from the site
itself so that pages added later are covered too), at 1280 and 375 px, in care mode: main
text at least 24 px with line height at least 1.5; axe-core's AAA contrast rule clean; no
sideways scroll on a phone; links and buttons at least 60 x 60 px.  The mode survives
navigation and reload; 读给我听 speaks the section through a recording stand-in for
speechSynthesis; keyboard alone reaches and works the switch, read-aloud and print.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import Page, ViewportSize, expect

from .support import DESKTOP, PHONE, Site, Watch

pytestmark = pytest.mark.browser

OpenPage = Callable[..., tuple[Page, Watch]]

ITEM = "company-establishment"
SWITCH_NAME = re.compile("关怀模式")
READ_NAME = re.compile("^读给我听")
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}
MIN_TEXT_PX = 24
MIN_TARGET_PX = 60


def page_kinds(root: Path) -> dict[str, str]:
    """One URL per page shape of the built site: /items/<id>/ and /items/<id>/notice/ are
    two shapes, every /departments/<id>/ one.  The demo item stands for all items."""
    kinds: dict[str, str] = {}
    for index in sorted(root.rglob("index.html")):
        parts = index.parent.relative_to(root).parts
        if parts[:1] in (("assets",), ("search-index",)):
            continue
        url = "/" + "".join(p + "/" for p in parts)
        if shape(url) not in kinds or f"/{ITEM}/" in url:
            kinds[shape(url)] = url
    return kinds


def shape(url: str) -> str:
    """A URL with its id segment left out: /items/<id>/notice/ -> items/3/notice."""
    parts = [p for p in url.split("?")[0].split("/") if p]
    return "/".join(
        [parts[0] if parts else "home", str(len(parts)), parts[-1] if len(parts) > 2 else ""]
    )


# The page list is read from the built site inside the fixture-using tests; the parameter
# names the shapes the issue lists, and any others found are checked by the sweep test.
NAMED = {
    "home": "/",
    "item": f"/items/{ITEM}/",
    "notice": f"/items/{ITEM}/notice/",
    "department": "/departments/scjg/",
    "chain": "/chains/business-startup/",
    "search": "/search/?q=执照",
}


def goto(page: Page, site: Site, path: str) -> None:
    """Open ``path`` and wait for what it draws: the page itself at its load event, and on
    the search page the results search.js fetches later (it marks the query done).  Not
    "networkidle": that waits half a second after the last request on every page."""
    response = page.goto(site.url(path), wait_until="load")
    assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
    if page.locator("[data-bs-finder]").count() and "q=" in path:
        page.wait_for_selector("[data-bs-finder][data-bs-done]", state="attached")


def care_page(open_page: OpenPage, site: Site, viewport: ViewportSize) -> tuple[Page, Watch]:
    page, watch = open_page(site, viewport=viewport)
    goto(page, site, "/?mode=care")
    assert page.evaluate("document.documentElement.classList.contains('bs-care')")
    return page, watch


SMALL_TEXT = """(min) => {
    const main = document.querySelector(".md-content");
    const out = [];
    for (const el of main.querySelectorAll("*")) {
        if (el.closest("svg") || el.closest(".bs-sr") || el.closest("[aria-hidden=true]")) continue;
        const own = [...el.childNodes].some(
            (n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
        if (!own || !el.getClientRects().length) continue;
        const style = getComputedStyle(el);
        if (style.visibility === "hidden" || style.clip === "rect(0px, 0px, 0px, 0px)") continue;
        const size = parseFloat(style.fontSize);
        const line = style.lineHeight === "normal" ? 0 : parseFloat(style.lineHeight);
        if (size < min || line < 1.5 * size - 0.01) {
            out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join(".")} `
                + `"${el.textContent.trim().slice(0, 20)}" ${size}px/${style.lineHeight}`);
        }
    }
    return out;
}"""

SMALL_TARGETS = """(min) => {
    const scope = ".md-content a, .md-content button, .md-header a, .md-header button, "
        + ".bs-carebar a, .bs-carebar button";
    const out = [];
    for (const el of document.querySelectorAll(scope)) {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (!el.getClientRects().length || style.visibility === "hidden"
            || style.opacity === "0" || box.right <= 0 || box.left >= innerWidth) continue;
        if (box.width < min - 0.5 || box.height < min - 0.5) {
            out.push(`${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 20)}" `
                + `${Math.round(box.width)}x${Math.round(box.height)}`);
        }
    }
    return out;
}"""

PARAGRAPH_GAPS = """() => {
    const out = [];
    for (const p of document.querySelectorAll(".md-content p")) {
        const next = p.nextElementSibling;
        if (!next || next.tagName !== "P" || !p.getClientRects().length) continue;
        const style = getComputedStyle(p);
        const gap = next.getBoundingClientRect().top - p.getBoundingClientRect().bottom;
        const leading = parseFloat(style.lineHeight) - parseFloat(style.fontSize);
        if (gap <= leading) out.push(`${p.textContent.trim().slice(0, 20)}: ${gap} <= ${leading}`);
    }
    return out;
}"""


def _contrast(page: Page) -> list[dict[str, Any]]:
    """axe-core with the AAA contrast rule switched on (it is off by default)."""
    options = {"rules": {"color-contrast-enhanced": {"enabled": True}}}
    response: dict[str, Any] = Axe().run(page, options=options).response
    return [
        v
        for v in response["violations"]
        if v["id"] in ("color-contrast-enhanced", "color-contrast")
        or v.get("impact") in ("serious", "critical")
    ]


def _report(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:6]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:140]}")
            lines.append(f"      {node.get('failureSummary', '').strip()[:300]}")
    return "\n".join(lines)


def test_page_kinds_cover_the_issues_pages(demo_site: Site) -> None:
    """The sweep below visits every page shape; the issue's named pages must be among them."""
    kinds = page_kinds(demo_site.root)
    for name, path in NAMED.items():
        assert shape(path) in kinds, f"{name} {path} not among {sorted(kinds.values())}"


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_care_mode_on_every_kind_of_page(
    demo_site: Site, open_page: OpenPage, viewport: str
) -> None:
    """Text size, line height, paragraph spacing, AAA contrast, tap targets and no
    sideways scroll, on every page shape of the built site (data and statistics included
    where the site has them)."""
    size = VIEWPORTS[viewport]
    page, watch = care_page(open_page, demo_site, size)
    kinds = page_kinds(demo_site.root)
    kinds.update({shape(path): path for path in NAMED.values()})
    paths = sorted(kinds.values())
    problems: dict[str, Any] = {}
    for path in paths:
        goto(page, demo_site, path)
        found: dict[str, Any] = {}
        if not page.evaluate("document.documentElement.classList.contains('bs-care')"):
            found["mode"] = "care mode lost"
        small = page.evaluate(SMALL_TEXT, MIN_TEXT_PX)
        if small:
            found["text"] = small[:8]
        gaps = page.evaluate(PARAGRAPH_GAPS)
        if gaps:
            found["paragraphs"] = gaps[:4]
        targets = page.evaluate(SMALL_TARGETS, MIN_TARGET_PX)
        if targets:
            found["targets"] = targets[:8]
        width = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        if width[0] > width[1]:
            found["scroll"] = width
        violations = _contrast(page)
        if violations:
            found["axe"] = _report(violations)
        if found:
            problems[path] = found
    assert not problems, "\n".join(f"{p}: {f}" for p, f in problems.items())
    assert not watch.errors(), watch.errors()


def test_switch_is_a_button_remembered_across_pages_and_reloads(
    demo_site: Site, open_page: OpenPage
) -> None:
    page, _ = open_page(demo_site, viewport=PHONE)
    goto(page, demo_site, f"/items/{ITEM}/")
    switch = page.get_by_role("button", name=SWITCH_NAME)
    expect(switch).to_be_visible()
    expect(switch).to_have_attribute("aria-pressed", "false")
    switch.click()
    expect(switch).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("document.documentElement.classList.contains('bs-care')")

    page.get_by_role("link", name=demo_site.catalogue.departments["scjg"].name).first.click()
    expect(page).to_have_url(re.compile(r"/departments/scjg/$"))
    expect(page.get_by_role("button", name=SWITCH_NAME)).to_have_attribute("aria-pressed", "true")
    page.reload()
    expect(page.locator("html")).to_have_class(re.compile(r"\bbs-care\b"))
    page.get_by_role("button", name=SWITCH_NAME).click()
    goto(page, demo_site, "/")
    expect(page.locator("html")).not_to_have_class(re.compile(r"\bbs-care\b"))
    assert page.context.cookies() == [], "the mode must not be kept in a cookie"


def test_link_turns_care_mode_on_and_off(demo_site: Site, open_page: OpenPage) -> None:
    page, _ = open_page(demo_site)
    goto(page, demo_site, "/chains/?mode=care")
    expect(page.get_by_role("button", name=SWITCH_NAME)).to_have_attribute("aria-pressed", "true")
    assert "mode=" not in page.url, "the parameter is dropped so a reload keeps a later switch"
    goto(page, demo_site, "/")
    expect(page.locator("html")).to_have_class(re.compile(r"\bbs-care\b"))
    goto(page, demo_site, "/?mode=standard")
    expect(page.get_by_role("button", name=SWITCH_NAME)).to_have_attribute("aria-pressed", "false")


def test_mode_is_set_in_the_head_before_the_body(demo_site: Site, open_page: OpenPage) -> None:
    """No flash of the standard layout: a synchronous head script marks <html> first."""
    page, _ = open_page(demo_site)
    page.add_init_script(
        """new MutationObserver((records, observer) => {
            if (document.body) {
                window.__careAtBody = document.documentElement.classList.contains("bs-care");
                observer.disconnect();
            }
        }).observe(document, {childList: true, subtree: true});"""
    )
    goto(page, demo_site, f"/items/{ITEM}/?mode=care")
    assert page.evaluate("window.__careAtBody") is True
    script = page.locator("head script[src*='care-init']")
    expect(script).to_have_count(1)
    assert script.evaluate("(s) => !s.async && !s.defer")


def test_skip_link_comes_first_on_every_kind_of_page(demo_site: Site, open_page: OpenPage) -> None:
    page, _ = open_page(demo_site)
    for path in sorted(set(page_kinds(demo_site.root).values())):
        goto(page, demo_site, path)
        page.keyboard.press("Tab")
        focused = page.evaluate("[document.activeElement.textContent.trim(), location.pathname]")
        assert focused[0] == "跳到正文", f"{path}: first Tab reaches {focused[0]!r}"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "bs-main", path


# A recording stand-in for the Web Speech API: what was spoken, paused, resumed, stopped.
RECORDER = """
window.__speech = [];
class FakeUtterance {
    constructor(text) { this.text = text; this.lang = ""; this.voice = null; }
}
window.SpeechSynthesisUtterance = FakeUtterance;
Object.defineProperty(window, "speechSynthesis", {
    configurable: true,
    value: {
        speak: (u) => window.__speech.push(["speak", u.text, u.lang]),
        pause: () => window.__speech.push(["pause"]),
        resume: () => window.__speech.push(["resume"]),
        cancel: () => window.__speech.push(["cancel"]),
        getVoices: () => [{lang: "en-US", name: "en"}, {lang: "zh-CN", name: "zh"}],
        speaking: false,
        paused: false,
    },
});
"""


def spoken(page: Page) -> list[list[str]]:
    result: list[list[str]] = page.evaluate("window.__speech")
    return result


def test_read_aloud_speaks_the_section_in_order_and_pauses_and_stops(
    demo_site: Site, open_page: OpenPage
) -> None:
    page, watch = open_page(demo_site)
    page.add_init_script(RECORDER)
    goto(page, demo_site, f"/items/{ITEM}/?mode=care")  # 读给我听 is a care-mode aid
    loaded = demo_site.catalogue.items[ITEM]
    section = page.locator("#materials")
    read = page.get_by_role("button", name="读给我听:申请材料")
    expect(read).to_be_visible()
    read.click()
    said = [entry for entry in spoken(page) if entry[0] == "speak"]
    texts = [entry[1] for entry in said]
    assert texts[0] == section.inner_text().strip(), texts[:2]
    assert {entry[2] for entry in said} == {"zh-CN"}
    names = [m.name for m in loaded.item.materials]
    positions = []
    for name in names:
        hits = [i for i, text in enumerate(texts) if name in text]
        assert hits, f"material {name} never read: {texts}"
        positions.append(hits[0])
    assert positions == sorted(positions), "materials read out of order"
    assert not any("基本信息" in text for text in texts), "read past the section"

    pause = page.get_by_role("button", name="暂停")
    pause.click()
    assert spoken(page)[-1] == ["pause"]
    page.get_by_role("button", name="继续").click()
    assert spoken(page)[-1] == ["resume"]
    page.get_by_role("button", name="停止朗读").click()
    assert spoken(page)[-1] == ["cancel"]
    expect(page.get_by_role("button", name="暂停")).to_have_count(0)
    expect(read).to_be_focused()
    assert not watch.errors(), watch.errors()


def test_read_aloud_keeps_text_and_links_together(demo_site: Site, open_page: OpenPage) -> None:
    """ "依据:《条例》第十九条" is one sentence: the link inside must not split it."""
    page, _ = open_page(demo_site)
    page.add_init_script(RECORDER)
    goto(page, demo_site, f"/items/{ITEM}/?mode=care")
    page.get_by_role("button", name="读给我听:办理时限").click()
    texts = [entry[1] for entry in spoken(page) if entry[0] == "speak"]
    assert texts[0] == "办理时限"
    assert any(re.match(r"依据:《[^》]+》", text) for text in texts), texts


def test_read_aloud_on_the_notice_page(demo_site: Site, open_page: OpenPage) -> None:
    page, _ = open_page(demo_site)
    page.add_init_script(RECORDER)
    goto(page, demo_site, f"/items/{ITEM}/notice/?mode=care")
    buttons = page.get_by_role("button", name=READ_NAME)
    assert buttons.count() >= 3
    buttons.first.click()
    texts = [entry[1] for entry in spoken(page) if entry[0] == "speak"]
    assert texts[0] == "一次性告知单"
    assert any(demo_site.catalogue.items[ITEM].item.name in text for text in texts)


@pytest.mark.parametrize("path", [f"/items/{ITEM}/", f"/items/{ITEM}/notice/"])
def test_read_aloud_is_absent_without_speech_synthesis(
    demo_site: Site, open_page: OpenPage, path: str
) -> None:
    page, watch = open_page(demo_site)
    page.add_init_script(
        """Object.defineProperty(window, "speechSynthesis",
            {configurable: true, value: undefined});"""
    )
    goto(page, demo_site, path)
    expect(page.get_by_role("heading", level=1).first).to_be_visible()
    expect(page.get_by_text("读给我听")).to_have_count(0)
    assert not watch.errors(), watch.errors()


FOCUS_RING = """() => {
    const style = getComputedStyle(document.activeElement);
    return style.outlineStyle !== "none" ? parseFloat(style.outlineWidth) : 0;
}"""


def tab_to(page: Page, accepts: Callable[[str], bool], limit: int = 80) -> str:
    """Press Tab until the focused element's accessible text is accepted; its text."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        label = page.evaluate(
            """() => { const el = document.activeElement;
                return (el.getAttribute("aria-label") || el.textContent || "").trim(); }"""
        )
        if accepts(label):
            ring = page.evaluate(FOCUS_RING)
            assert ring >= 3, f"{label!r}: focus ring {ring}px"
            return str(label)
    raise AssertionError("never reached by Tab")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_keyboard_alone_reaches_and_works_switch_read_aloud_and_print(
    demo_site: Site, open_page: OpenPage, viewport: str
) -> None:
    page, _ = open_page(demo_site, viewport=VIEWPORTS[viewport])
    page.add_init_script(
        RECORDER + "window.__printed = 0; window.print = () => window.__printed++;"
    )
    goto(page, demo_site, f"/items/{ITEM}/")
    page.locator("body").focus()
    page.evaluate("document.activeElement && document.activeElement.blur()")

    tab_to(page, lambda label: "关怀模式" in label)
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name=SWITCH_NAME)).to_have_attribute("aria-pressed", "true")

    tab_to(page, lambda label: label.startswith("读给我听"))
    page.keyboard.press("Enter")
    assert any(entry[0] == "speak" for entry in spoken(page))
    tab_to(page, lambda label: label == "暂停")
    page.keyboard.press("Space")
    assert spoken(page)[-1] == ["pause"]
    tab_to(page, lambda label: label == "停止朗读")
    page.keyboard.press("Enter")
    assert spoken(page)[-1] == ["cancel"]

    tab_to(page, lambda label: label == "打印本页")
    page.keyboard.press("Enter")
    assert page.evaluate("window.__printed") == 1


def test_print_is_unaffected_by_care_mode(demo_site: Site, open_page: OpenPage) -> None:
    """Care rules are screen-only: the printed notice looks the same in either mode."""
    sizes = []
    for mode in ("standard", "care"):
        page, _ = open_page(demo_site)
        goto(page, demo_site, f"/items/{ITEM}/notice/?mode={mode}")
        page.emulate_media(media="print")
        sizes.append(
            page.evaluate(
                """() => [...document.querySelectorAll(".bs-notice p, .bs-notice td, h1, h2")]
                    .map((el) => getComputedStyle(el).fontSize).join(",")"""
            )
        )
        expect(page.locator(".bs-carebar")).to_be_hidden()
    assert sizes[0] == sizes[1]
