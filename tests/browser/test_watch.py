"""The browser tests' own guard: a request off the served origin is recorded by the page's
watch and fails at once (chromium sends it to a closed proxy port), so no test can reach
the network or hang on it, with or without the site's Content-Security-Policy."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from .support import Site, Watch

pytestmark = pytest.mark.browser

OpenPage = Callable[..., tuple[Page, Watch]]

OFFSITE = ["https://example.com/font.woff2", "http://198.51.100.7/", "http://[2001:db8::1]/"]


def test_a_request_off_the_origin_is_recorded_and_fails_at_once(
    demo_site: Site, open_page: OpenPage
) -> None:
    page, watch = open_page(demo_site)
    page.goto("about:blank")  # no policy of the site's own to stop the request first
    for url in OFFSITE:
        start = time.monotonic()
        outcome = page.evaluate(
            """(url) => fetch(url, {mode: "no-cors"}).then(() => "loaded", () => "failed")""",
            url,
        )
        assert outcome == "failed", f"{url} was reached"
        assert time.monotonic() - start < 5, f"{url} took {time.monotonic() - start:.1f} s"
    assert watch.offsite == OFFSITE
    response = page.goto(demo_site.url("/"), wait_until="load")  # the origin still loads
    assert response is not None and response.ok
