"""The demo portal in a real browser: the issue's "Done when" checks.

Search (执照, 身份证, item codes, department names) must work in Chinese; an item guide
must show whom to call; a 375 px phone must never scroll sideways; no request may leave
the site; no console error; no serious or critical axe-core violation.  Expected values
come from the catalogue, so the tests follow the demo data instead of copying it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import Page, expect

from generator.catalogue.loaded import Catalogue, LoadedItem
from generator.catalogue.models import ParallelSteps

from .support import PHONE, RESULT_LINK, Site, Watch, item_id, search, search_box
from .tours import Tours, guide_probe

pytestmark = pytest.mark.browser

OpenPage = Callable[..., tuple[Page, Watch]]

# Demo pages the issue names: an item with many materials, forms and a chain, its
# department, its chain, its notice sheet.
ITEM = "company-establishment"
DEPARTMENT = "scjg"
CHAIN = "business-startup"

PAGES = {
    "home": "/",
    "search": "/search/",
    "departments": "/departments/",
    "department": f"/departments/{DEPARTMENT}/",
    "item": f"/items/{ITEM}/",
    "notice": f"/items/{ITEM}/notice/",
    "chains": "/chains/",
    "chain": f"/chains/{CHAIN}/",
    "theme": "/themes/person/",
    "about": "/about/",
    "changes": "/changes/",
}

AXE_PAGES = ("home", "department", "item", "notice", "chain", "changes")
BLOCKING_IMPACTS = {"serious", "critical"}


def item_text(loaded: LoadedItem) -> str:
    """Every text of an item in one string, to ask "does this item mention X"."""
    return json.dumps(loaded.item.model_dump(mode="json"), ensure_ascii=False)


def goto(page: Page, site: Site, path: str) -> None:
    """Open ``path`` and let it settle, so late requests and errors are seen too."""
    response = page.goto(site.url(path), wait_until="networkidle")
    assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"


def results_by_item(results: list[str]) -> list[str]:
    ids = [item_id(url) for url in results]
    return [i for i in ids if i is not None]


def open_search(open_page: OpenPage, site: Site) -> Page:
    page, _ = open_page(site)
    goto(page, site, "/")
    expect(search_box(page)).to_be_visible()
    return page


def test_licence_search_leads_to_an_item_and_its_hotline(
    demo_site: Site, open_page: OpenPage
) -> None:
    """Home, type 执照, open a 营业执照 item, see whom to call: the issue's first journey."""
    catalogue = demo_site.catalogue
    page, watch = open_page(demo_site)
    goto(page, demo_site, "/")
    box = search_box(page)
    expect(box).to_be_visible()
    found = results_by_item(search(page, "执照"))
    mentioning = [i for i in found if "营业执照" in item_text(catalogue.items[i])]
    assert mentioning, f"执照 found {found}; none is an item about 营业执照"
    named = [i for i in mentioning if "营业执照" in catalogue.items[i].item.name]
    chosen = catalogue.items[(named or mentioning)[0]]

    page.locator(RESULT_LINK).filter(has_text=chosen.item.name).first.click()
    expect(page).to_have_url(re.compile(rf"/items/{re.escape(chosen.id)}/$"))
    expect(page.locator("h1")).to_have_text(chosen.item.name)
    expect(page.get_by_text("营业执照").filter(visible=True).first).to_be_visible()

    phones = {
        "监督投诉电话": catalogue.supervision_phone(chosen),
        "咨询电话": catalogue.enquiry_phone(chosen),
    }
    for label, number in phones.items():
        assert number, f"{chosen.id} has no {label} in the catalogue"
        link = page.locator("a[href^='tel:']").filter(has_text=label).filter(has_text=number)
        expect(link.first, f"{label} {number} on {chosen.id}").to_be_visible()
    assert not watch.errors(), watch.errors()


def test_id_card_search_finds_an_item_requiring_the_resident_id_card(
    demo_site: Site, open_page: OpenPage
) -> None:
    """身份证 is part of the word 居民身份证: a sub-word query must still find the item."""
    catalogue = demo_site.catalogue
    page = open_search(open_page, demo_site)
    found = results_by_item(search(page, "身份证"))
    requiring = [
        i for i in found if any("居民身份证" in m.name for m in catalogue.items[i].item.materials)
    ]
    assert requiring, f"身份证 found {found}; none lists 居民身份证 among its materials"
    page.locator(RESULT_LINK).filter(has_text=catalogue.items[requiring[0]].item.name).first.click()
    expect(page).to_have_url(re.compile(rf"/items/{re.escape(requiring[0])}/$"))
    materials = page.get_by_role("table", name="申请材料目录")
    expect(materials.get_by_text("居民身份证").first).to_be_visible()


@pytest.mark.parametrize("item", [ITEM, "id-card-renewal"])
def test_basic_code_finds_its_item(demo_site: Site, open_page: OpenPage, item: str) -> None:
    """Staff and applicants quote the 12-character basic code from paper forms."""
    code = demo_site.catalogue.items[item].item.codes.basic
    page = open_search(open_page, demo_site)
    found = results_by_item(search(page, code))
    assert found[:1] == [item], f"code {code} found {found}, expected {item} first"


def test_department_name_finds_its_items(demo_site: Site, open_page: OpenPage) -> None:
    """People search for the office they were told to go to."""
    catalogue = demo_site.catalogue
    department = catalogue.departments[DEPARTMENT]
    own = {loaded.id for loaded in catalogue.items_of(DEPARTMENT)}
    page = open_search(open_page, demo_site)
    found = results_by_item(search(page, department.name))
    assert own & set(found), f"{department.name} found {found}, none of its items {sorted(own)}"


OVERFLOW = """() => {
    const width = window.innerWidth;
    const name = (el) => el.tagName.toLowerCase()
        + (el.id ? "#" + el.id : "")
        + (el.classList.length ? "." + [...el.classList].join(".") : "");
    const wide = [...document.body.querySelectorAll("*")]
        .filter((el) => el.getBoundingClientRect().right > width + 0.5)
        .filter((el) => !el.parentElement
            || el.parentElement.getBoundingClientRect().right <= width + 0.5)
        .slice(0, 8)
        .map((el) => name(el) + " right=" + Math.round(el.getBoundingClientRect().right));
    return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: width,
        wide: wide,
    };
}"""
guide_probe("overflow", OVERFLOW)


def _overflow(page: Page) -> dict[str, Any]:
    """Page width against the viewport, and the elements sticking out (for the message)."""
    result: dict[str, Any] = page.evaluate(OVERFLOW)
    return result


@pytest.mark.parametrize("name", ["home", "department", "item", "chain", "notice"])
def test_no_horizontal_scroll_on_a_phone(demo_site: Site, open_page: OpenPage, name: str) -> None:
    """Most visitors read the guide on a 375 px phone: sideways scrolling hides columns."""
    page, _ = open_page(demo_site, viewport=PHONE)
    goto(page, demo_site, PAGES[name])
    found = _overflow(page)
    assert found["scrollWidth"] <= found["innerWidth"], f"{PAGES[name]}: {found}"


def test_no_page_of_the_demo_scrolls_sideways_on_a_phone(
    demo_site: Site, open_page: OpenPage, tours: Tours
) -> None:
    """Every item, notice, department and chain page: one long name or table is enough.
    The guides are measured on the phone tour the other guide checks share."""
    catalogue = demo_site.catalogue
    guides = tours(PHONE).probe("overflow", sorted(catalogue.items))
    wide = {
        f"/items/{i}/": found
        for i, found in guides.items()
        if found["scrollWidth"] > found["innerWidth"]
    }
    paths = [f"/items/{i}/notice/" for i in catalogue.items]
    paths += [f"/departments/{d}/" for d in catalogue.departments]
    paths += [f"/chains/{c}/" for c in catalogue.chains]
    page, _ = open_page(demo_site, viewport=PHONE)
    for path in paths:
        page.goto(demo_site.url(path), wait_until="load")
        found = _overflow(page)
        if found["scrollWidth"] > found["innerWidth"]:
            wide[path] = found
    assert not wide, json.dumps(wide, ensure_ascii=False, indent=1)


def _visit_everything(page: Page, site: Site) -> None:
    """Every kind of page, and searches that load the index shards and result cards."""
    for path in PAGES.values():
        goto(page, site, path)
    goto(page, site, "/")
    assert results_by_item(search(page, "执照")), "执照 found nothing"
    goto(page, site, "/search/?q=身份证")
    page.locator(RESULT_LINK).first.wait_for()


def test_no_request_leaves_the_served_origin(demo_site: Site, open_page: OpenPage) -> None:
    """The portal runs on an intranet: no font, CDN or analytics request may leave it."""
    page, watch = open_page(demo_site)
    _visit_everything(page, demo_site)
    assert any("/search-index/" in url for url in watch.requests), "search never loaded its index"
    assert not watch.offsite, "requests outside the site:\n" + "\n".join(sorted(set(watch.offsite)))


@pytest.mark.parametrize("name", list(PAGES))
def test_no_console_errors(demo_site: Site, open_page: OpenPage, name: str) -> None:
    """A console error is a broken script, a missing file or a CSP violation."""
    page, watch = open_page(demo_site)
    goto(page, demo_site, PAGES[name])
    if name in ("home", "search"):
        assert results_by_item(search(page, "执照")), "执照 found nothing"
        page.wait_for_load_state("networkidle")
    assert not watch.errors(), "\n".join(watch.errors())


def _violations(page: Page) -> list[dict[str, Any]]:
    response: dict[str, Any] = Axe().run(page).response
    return [v for v in response["violations"] if v.get("impact") in BLOCKING_IMPACTS]


def _report(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"][:5]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:160]}")
            lines.append(f"      {node.get('failureSummary', '').strip()}")
    return "\n".join(lines)


@pytest.mark.parametrize("name", AXE_PAGES)
def test_axe_finds_no_serious_violation(demo_site: Site, open_page: OpenPage, name: str) -> None:
    """Public services must be usable with a screen reader and by keyboard (GB/T 37668)."""
    page, _ = open_page(demo_site)
    goto(page, demo_site, PAGES[name])
    if name == "home":
        expect(search_box(page)).to_be_visible()
    violations = _violations(page)
    assert not violations, f"{PAGES[name]}:\n{_report(violations)}"


def _chart_samples(catalogue: Catalogue) -> list[str]:
    """A plain item, one with parallel steps, one with special procedures: each draws
    differently; checking all of them in a browser costs seconds for nothing more."""
    parallel = [
        i
        for i, loaded in catalogue.items.items()
        if any(isinstance(s, ParallelSteps) for s in loaded.item.steps)
    ]
    special = [i for i, loaded in catalogue.items.items() if loaded.item.special_procedures]
    return sorted({ITEM, *parallel[:1], *special[:1]})


def test_flow_charts_are_images_with_a_name_and_a_description(
    demo_site: Site, open_page: OpenPage
) -> None:
    """The flow chart is inline SVG: a screen reader needs role=img, a name and a text."""
    catalogue = demo_site.catalogue
    samples = _chart_samples(catalogue)
    assert len(samples) == 3, f"the demo should have parallel and special steps: {samples}"
    page, _ = open_page(demo_site)
    problems: list[str] = []
    for item in samples:
        page.goto(demo_site.url(f"/items/{item}/"), wait_until="load")
        name = catalogue.items[item].item.name
        chart = page.get_by_role("img", name=re.compile(re.escape(name)))
        if chart.count() != 1:
            problems.append(f"{item}: {chart.count()} images named after {name!r}")
            continue
        expect(chart).to_be_visible()
        facts = chart.evaluate(
            """(el) => {
                const text = (ids) => (ids || "").split(/\\s+/).filter(Boolean)
                    .map((id) => document.getElementById(id)?.textContent || "").join(" ");
                return {
                    tag: el.tagName.toLowerCase(),
                    title: el.querySelector(":scope > title")?.textContent || "",
                    desc: el.querySelector(":scope > desc")?.textContent
                        || text(el.getAttribute("aria-describedby")),
                };
            }"""
        )
        if facts["tag"] != "svg" or name not in facts["title"] or not facts["desc"].strip():
            problems.append(f"{item}: {facts}")
    assert not problems, "\n".join(problems)
