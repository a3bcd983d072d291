"""Recall on the evaluation catalogue (tests/search_eval/) through the real search page:
each query typed into the search box of a built portal in Chromium, the results read back.
The same figures as the fast suite's Python reference (tests/test_search_rank.py), which
is proven equal to search.js; here the page itself is measured.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from playwright.sync_api import Page

from generator.portal.build import build_site
from tests.search_eval import build, measure

from .conftest import _chromium, _serve_site
from .support import Site, Watch, item_id, search

pytestmark = pytest.mark.browser

OpenPage = Callable[..., tuple[Page, Watch]]


@pytest.fixture(scope="module")
def eval_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    if _chromium() is None:
        pytest.skip("chromium is not on PATH")
    base = tmp_path_factory.mktemp("eval")
    catalogue = build.write(base / "catalogue")
    assert build_site(catalogue, base / "site", as_of=date.today(), check=False) == 0
    yield from _serve_site(base / "site", catalogue)


def test_recall_on_the_evaluation_catalogue_in_the_browser(
    eval_site: Site, open_page: OpenPage, capsys: pytest.CaptureFixture[str]
) -> None:
    page, _ = open_page(eval_site)
    response = page.goto(eval_site.url("/search/"))
    assert response is not None and response.ok
    queries = build.queries()
    ranked: list[tuple[int, list[str]]] = []
    for q in queries:
        ids = [i for i in (item_id(u) for u in search(page, q.text)) if i is not None]
        ranked.append((len(ids), ids))
    result: dict[str, Any] = measure.scores(queries, ranked)
    with capsys.disabled():
        print("\n" + measure.table(result))
    assert not measure.shortfalls(result), measure.shortfalls(result)


def test_family_members_show_the_action_that_tells_them_apart(
    eval_site: Site, open_page: OpenPage
) -> None:
    page, _ = open_page(eval_site)
    page.goto(eval_site.url("/search/?q=个体工商户"))
    page.wait_for_selector("[data-bs-done]")
    actions = page.locator(".bs-result--family .bs-result__action").all_inner_texts()
    assert {"办理情形:设立", "办理情形:变更", "办理情形:注销"} <= set(actions), actions
    page.goto(eval_site.url("/search/?q=公积金提取"))
    page.wait_for_selector("[data-bs-done]")
    cases = page.locator(".bs-result--family .bs-result__action").all_inner_texts()
    assert "办理情形:租赁住房" in cases and "办理情形:离休、退休" in cases, cases
    page.goto(eval_site.url("/search/?q=普通护照"))
    page.wait_for_selector("[data-bs-done]")
    assert page.locator(".bs-result__action").count() == 0  # no family, no label
