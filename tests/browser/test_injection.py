"""Hostile catalogue text in a real browser: nothing runs, everything shows as text.

The item of tests/fixtures/injection/ carries ``<script>``, ``<img onerror>``,
``javascript:`` and ``{{ 7*7 }}`` in its name, summary, conditions, refusals, materials,
steps, result and FAQ.  Some payloads call ``alert`` (a dialog would be recorded), some set
a ``window.__bsXss*`` flag (checked after the page settled), and an ``<img src=x>`` would
request ``.../x``.  Each string must instead appear literally, as visible text, wherever it
lands: HTML, attributes, the SVG flow chart, JSON-LD and the search result cards.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from generator.catalogue.models import Step

from .support import RESULT_LINK, Site, Watch, injection_catalogue, search, search_box

pytestmark = pytest.mark.browser

OpenPage = Callable[..., tuple[Page, Watch]]

ITEM = "injection"
ITEM_PATH = f"/items/{ITEM}/"
PAGES = {
    "item": ITEM_PATH,
    "notice": f"/items/{ITEM}/notice/",
    "department": "/departments/scjg/",
    "theme": "/themes/organisation/",
}

TEMPLATE = "{{ 7*7 }}"
FLAG_PREFIX = "__bsXss"


def _texts(site: Site) -> dict[str, str]:
    """Field -> hostile text, read from the fixture so the test and the data never drift."""
    item = site.catalogue.items[ITEM].item
    steps = [s for s in item.steps if isinstance(s, Step)]
    texts = {
        "name": item.name,
        "summary": item.summary or "",
        "result name": item.result.name,
        "result delivery": item.result.delivery,
    }
    texts |= {f"condition {n}": c.text for n, c in enumerate(item.conditions, 1)}
    texts |= {f"refusal {n}": r for n, r in enumerate(item.refusals, 1)}
    texts |= {f"material {n}": m.name for n, m in enumerate(item.materials, 1)}
    texts |= {f"material note {n}": m.note for n, m in enumerate(item.materials, 1) if m.note}
    texts |= {f"step {n}": s.name for n, s in enumerate(steps, 1)}
    texts |= {f"step post {n}": s.post for n, s in enumerate(steps, 1)}
    texts |= {f"faq q {n}": qa.q for n, qa in enumerate(item.faq, 1)}
    texts |= {f"faq a {n}": qa.a for n, qa in enumerate(item.faq, 1)}
    return texts


def _open(open_page: OpenPage, site: Site, path: str) -> tuple[Page, Watch]:
    page, watch = open_page(site)
    response = page.goto(site.url(path), wait_until="networkidle")
    assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
    return page, watch


def _nothing_ran(page: Page, watch: Watch) -> None:
    """No dialog, no flag, no element or request a payload would have created."""
    page.wait_for_load_state("networkidle")
    assert not watch.dialogs, f"a payload opened a dialog: {watch.dialogs}"
    flags = page.evaluate(f"() => Object.keys(window).filter((k) => k.startsWith({FLAG_PREFIX!r}))")
    assert flags == [], f"payloads ran and set {flags}"
    created: dict[str, Any] = page.evaluate(
        """() => ({
            handlers: [...document.querySelectorAll("*")].flatMap((el) =>
                [...el.attributes].filter((a) => /^on/i.test(a.name))
                    .map((a) => el.tagName + " " + a.name + "=" + a.value)),
            scriptUrls: [...document.querySelectorAll("a[href], area[href], iframe[src]")]
                .map((el) => el.getAttribute("href") || el.getAttribute("src"))
                .filter((url) => /^\\s*javascript:/i.test(url)),
            imgX: document.querySelectorAll('img[src="x"]').length,
            inlineScripts: [...document.scripts]
                .filter((s) => !s.src && s.type !== "application/ld+json")
                .filter((s) => /alert|__bsXss/.test(s.textContent))
                .map((s) => s.textContent.slice(0, 120)),
        })"""
    )
    assert created == {"handlers": [], "scriptUrls": [], "imgX": 0, "inlineScripts": []}, created
    strays = [url for url in watch.requests if re.search(r"/x(\?|$)", url)]
    assert not strays, f"an <img src=x> payload was parsed as HTML: {strays}"
    csp = [e for e in watch.errors() if "Content Security Policy" in e]
    assert not csp, f"a payload reached the page as markup (CSP blocked it): {csp}"


def _shown_literally(page: Page, text: str) -> bool:
    return page.get_by_text(text).filter(visible=True).count() > 0


def test_check_rejects_the_injection_catalogue(tmp_path: Path) -> None:
    """The fixture is hostile for real: ``check`` flags it, so the site below is built
    with MkDocs directly (see conftest.injection_site)."""
    catalogue = injection_catalogue(tmp_path / "catalogue")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", str(catalogue)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "(text-markup)" in result.stdout and "injection.yaml" in result.stdout


def test_item_page_shows_every_payload_as_text(injection_site: Site, open_page: OpenPage) -> None:
    """The guide prints every field; each hostile string must read exactly as typed."""
    page, watch = _open(open_page, injection_site, ITEM_PATH)
    _nothing_ran(page, watch)
    texts = _texts(injection_site)
    hidden = {field: text for field, text in texts.items() if not _shown_literally(page, text)}
    assert not hidden, f"not shown as visible text: {json.dumps(hidden, ensure_ascii=False)}"
    name = texts["name"]
    expect(page.locator("h1")).to_have_text(name)
    assert name in page.title(), page.title()
    assert "49" not in (page.locator("h1").text_content() or ""), "{{ 7*7 }} was evaluated"
    for text in texts.values():
        if TEMPLATE in text:
            expect(page.get_by_text(text).filter(visible=True).first).to_contain_text(TEMPLATE)


def test_payloads_in_the_flow_chart_stay_text(injection_site: Site, open_page: OpenPage) -> None:
    """The SVG is inline markup: a step name must not close it and open a script."""
    page, watch = _open(open_page, injection_site, ITEM_PATH)
    _nothing_ran(page, watch)
    texts = _texts(injection_site)
    # A string name, not a regex: Playwright cannot serialise a regex holding "</script>".
    chart = page.get_by_role("img", name=texts["name"])
    expect(chart).to_have_count(1)
    content = chart.text_content() or ""
    steps = {f: t for f, t in texts.items() if f.startswith("step ") and "post" not in f}
    missing = {f: t for f, t in steps.items() if t not in content}
    assert not missing, f"step names not in the chart as text: {missing}"
    assert chart.locator("script, foreignObject, [onload], [onerror]").count() == 0


def test_json_ld_carries_the_name_as_data(injection_site: Site, open_page: OpenPage) -> None:
    """``</script>`` inside JSON-LD would end the script element early."""
    page, watch = _open(open_page, injection_site, ITEM_PATH)
    _nothing_ran(page, watch)
    blocks = page.locator('script[type="application/ld+json"]').all_text_contents()
    assert len(blocks) == 1, blocks
    data = json.loads(blocks[0])
    assert data.get("name") == _texts(injection_site)["name"], data


@pytest.mark.parametrize("name", ["notice", "department", "theme"])
def test_other_pages_show_the_name_as_text(
    injection_site: Site, open_page: OpenPage, name: str
) -> None:
    """The item's name is also printed on its notice sheet and in every item list."""
    page, watch = _open(open_page, injection_site, PAGES[name])
    _nothing_ran(page, watch)
    texts = _texts(injection_site)
    assert _shown_literally(page, texts["name"]), f"{PAGES[name]} does not show {texts['name']!r}"
    if name == "notice":
        fields = [f for f in texts if re.fullmatch(r"(condition|material) \d+", f)]
        hidden = [f for f in fields if not _shown_literally(page, texts[f])]
        assert not hidden, f"notice sheet does not show as text: {hidden}"


def test_search_results_show_the_payload_as_text(injection_site: Site, open_page: OpenPage) -> None:
    """Result cards come from the search index: name and summary must stay text too."""
    page, watch = _open(open_page, injection_site, "/")
    expect(search_box(page)).to_be_visible()
    found = search(page, "注入测试")
    assert any(url.endswith(ITEM_PATH) for url in found), f"注入测试 found {found}"
    name = _texts(injection_site)["name"]
    expect(page.locator(RESULT_LINK).filter(has_text=name).first).to_be_visible()
    _nothing_ran(page, watch)

    page, watch = _open(open_page, injection_site, "/search/?q=alert")
    page.locator(RESULT_LINK).first.wait_for()
    _nothing_ran(page, watch)
