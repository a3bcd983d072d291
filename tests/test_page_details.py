"""Small things a new user saw wrong on the demo pages (issue 18, point 9), read from the
rendered HTML of the demo catalogue: the fee amount on the summary card, the chain
stage wording, no revision hash on the public notice, the 补正 form numbered once, the
home search named once, keywords that break only between words.

The layout half of the same glitches (sizes, margins, print, care mode) is tested in a
real browser: tests/browser/test_page_details.py.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from generator.catalogue.loaded import Catalogue, is_free, load_catalogue
from generator.portal import pages, urls
from generator.portal.rendering import make_environment, render_page

from .catalogues import DEMO_CATALOGUE


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    catalogue, report = load_catalogue(DEMO_CATALOGUE)
    assert not report.errors
    return catalogue


@pytest.fixture(scope="module")
def rendered(catalogue: Catalogue) -> dict[str, str]:
    env = make_environment()
    return {page.url: render_page(env, page) for page in pages.plan_site(catalogue).pages}


class _Text(HTMLParser):
    """The text of the first element with ``class_`` (nested tags dropped)."""

    def __init__(self, class_: str) -> None:
        super().__init__()
        self.class_ = class_
        self.depth = 0
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += tag not in ("br", "input", "img")
        elif self.class_ in (dict(attrs).get("class") or "").split() and not self.found:
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.found.append(data)


def text_of(html: str, class_: str) -> str:
    parser = _Text(class_)
    parser.feed(html)
    return "".join(parser.found)


def test_the_summary_card_gives_the_fee(catalogue: Catalogue, rendered: dict[str, str]) -> None:
    charged = 0
    for item_id, loaded in catalogue.items.items():
        facts = text_of(rendered[urls.item_url(item_id)], "bs-facts")
        fee = facts.split("收费", 1)[1].split("到现场", 1)[0].strip()
        if is_free(loaded.item):
            assert fee == "不收费", (item_id, fee)
            continue
        charged += 1
        assert isinstance(loaded.item.fees, list)
        for each in loaded.item.fees:
            assert each.standard in fee, (item_id, fee)
        assert not fee.startswith("收费"), (item_id, fee)
    assert charged >= 2, "the demo has items with fees"


def test_a_stage_done_on_the_spot_is_said_plainly(rendered: dict[str, str]) -> None:
    chains = [html for url, html in rendered.items() if re.fullmatch(r"/chains/[^/]+/", url)]
    assert chains
    for html in chains:
        assert "用时 当场办结" not in html
    assert any("本阶段当场办结。" in html for html in chains), "the demo has such a stage"
    assert any(re.search(r"本阶段用时 \d+ 个工作日。", html) for html in chains)


def test_the_public_notice_names_no_revision(
    catalogue: Catalogue, rendered: dict[str, str]
) -> None:
    for item_id in catalogue.items:
        html = rendered[urls.notice_url(item_id)]
        version = text_of(html, "bs-version")
        assert version.startswith("信息审核日期"), version
        assert "修订" not in version and "内容 " not in version and "版本" not in version
        assert "data-bs-version=" in html  # kept for staff tools, not printed


def test_the_correction_form_numbers_each_material_once(
    catalogue: Catalogue, rendered: dict[str, str]
) -> None:
    for item_id in catalogue.items:
        form = rendered[urls.notice_url(item_id)].split("bs-correction-list", 1)[1]
        form = form.split("</fieldset>", 1)[0]
        assert "<ol" not in form, f"{item_id}: a numbered list around numbered labels"
        assert '<ul class="bs-plain">' in form


def test_the_home_search_is_named_once(rendered: dict[str, str]) -> None:
    home = rendered[urls.HOME]
    assert home.count("搜索办事事项") == 1, "heading and label both say 搜索办事事项"
    assert 'aria-labelledby="search-heading"' in home
    # The search page has no such heading: its box keeps its own label.
    assert '<label for="bs-q">搜索办事事项</label>' in rendered["/search/"]


def test_keywords_break_only_between_words(catalogue: Catalogue, rendered: dict[str, str]) -> None:
    for item_id, loaded in catalogue.items.items():
        keywords = loaded.item.keywords
        if not keywords:
            continue
        html = rendered[urls.item_url(item_id)]
        spans = re.search(r'<dd class="bs-keywords">(.*?)</dd>', html)
        assert spans, item_id
        words = re.findall(r"<span>(.*?)</span>", spans.group(1))
        assert words == [f"{k}、" for k in keywords[:-1]] + [keywords[-1]], words
