"""Rendered content: golden snapshots, strict variables and escaping of hostile text.

Goldens live in tests/golden/pages/; ``UPDATE_GOLDEN=1 pytest tests/test_rendering.py``
rewrites them after an intended change (review the diff).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from jinja2 import UndefinedError

from generator.catalogue.loaded import load_catalogue
from generator.portal import jsonld, pages, qr
from generator.portal.rendering import date_zh, days, make_environment, render_page, safe_url, tel

PORTAL = Path(__file__).parent / "fixtures" / "portal"
GOLDEN = Path(__file__).parent / "golden" / "pages"
EVIL = PORTAL / "injection" / "evil.yaml"


def _plan(root: Path) -> pages.SitePlan:
    catalogue, report = load_catalogue(root)
    assert not report.errors, [d.parsable() for d in report.errors]
    return pages.plan_site(catalogue)


def _normalise(html: str) -> str:
    lines = [line.rstrip() for line in html.splitlines()]
    return "\n".join(line for line in lines if line) + "\n"


@pytest.mark.parametrize(
    ("url", "golden"),
    [
        ("/items/company-setup/", "item-company-setup.html"),
        ("/items/id-card-renewal/notice/", "notice-id-card-renewal.html"),
        ("/departments/gaj/", "department-gaj.html"),
        ("/laws/", "laws.html"),
        ("/laws/company-law/", "law-company-law.html"),
    ],
)
def test_golden(url: str, golden: str) -> None:
    page = _plan(PORTAL).by_url()[url]
    html = _normalise(render_page(make_environment(), page))
    path = GOLDEN / golden
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    assert html == path.read_text(encoding="utf-8"), f"{golden} differs; UPDATE_GOLDEN=1 to accept"


def test_a_missing_variable_raises() -> None:
    page = _plan(PORTAL).by_url()["/departments/gaj/"]
    context = {k: v for k, v in page.context.items() if k != "department"}
    broken = pages.Page(page.url, page.template, page.title, context)
    with pytest.raises(UndefinedError):
        render_page(make_environment(), broken)


def test_overrides_come_first(tmp_path: Path) -> None:
    (tmp_path / "department.html").write_text("<p>override {{ department.name }}</p>")
    page = _plan(PORTAL).by_url()["/departments/gaj/"]
    assert render_page(make_environment(tmp_path), page) == "<p>override 测试市公安局</p>"


def test_filters() -> None:
    assert days(0) == "当场办结"
    assert days(3) == "3 个工作日"
    assert days(20, "自然日") == "20 个自然日"
    assert tel("0512-6800 1000") == "tel:051268001000"
    assert safe_url("javascript:alert(1)") == ""
    assert safe_url("https://flk.npc.gov.cn/") == "https://flk.npc.gov.cn/"
    from datetime import date

    assert date_zh(date(2026, 9, 2)) == "2026年9月2日"


def test_jsonld_cannot_close_its_script() -> None:
    body = jsonld.script_body({"name": "</script><!-- & -->"})
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body) == {"name": "</script><!-- & -->"}


def test_qr_is_deterministic_inline_svg() -> None:
    svg = qr.qr_svg("https://zwfw.example.gov.cn/items/x/")
    assert svg.startswith("<svg ") and 'role="img"' in svg
    assert svg == qr.qr_svg("https://zwfw.example.gov.cn/items/x/")
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")


# --- hostile catalogue text ---------------------------------------------------------------

HOSTILE = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b>")


@pytest.fixture(scope="module")
def evil_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("evil") / "catalogue"
    shutil.copytree(PORTAL, root)
    shutil.copyfile(EVIL, root / "items" / "scjg" / "evil.yaml")
    plan = _plan(root)
    env = make_environment()
    return {page.url: render_page(env, page) for page in plan.pages}


@pytest.mark.parametrize(
    "url",
    [
        "/items/evil/",
        "/items/evil/notice/",
        "/departments/scjg/",
        "/",
        "/themes/organisation/",
        "/search/",
        "/laws/company-law/",
    ],
)
def test_hostile_text_is_escaped_in_html(evil_pages: dict[str, str], url: str) -> None:
    html = evil_pages[url]
    for raw in HOSTILE:
        assert raw not in html, f"{raw} unescaped in {url}"
    assert "alert(1)" in html or url in ("/", "/search/")
    assert 'href="javascript:' not in html
    assert html.count("</script>") == html.count("<script")
    assert not re.search(r"<[a-z][^>]*\sonerror=", html)


def test_template_syntax_in_data_is_not_evaluated(evil_pages: dict[str, str]) -> None:
    html = evil_pages["/items/evil/"]
    assert "{{ 7*7 }}" in html
    assert "{% raw %}{{ 7*7 }}" in html
    assert "49" not in re.sub(r"\d{5,}", "", html)


def test_hostile_text_is_escaped_in_jsonld(evil_pages: dict[str, str]) -> None:
    html = evil_pages["/items/evil/"]
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match
    assert "<" not in match.group(1)
    data = json.loads(match.group(1))
    assert data["@type"] == "GovernmentService"
    assert data["name"] == "<script>alert(1)</script>{{ 7*7 }}"
    assert html.count("</script>") == html.count("<script")


def test_hostile_text_is_escaped_in_svg(evil_pages: dict[str, str]) -> None:
    html = evil_pages["/items/evil/"]
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert "&lt;script&gt;" in svg
    assert "<script" not in svg and "<b>" not in svg
    assert "审查 &amp; &lt;/title&gt;" in svg
