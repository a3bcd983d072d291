"""Helpers shared by the browser tests: the served site, the page watch, the search box.

Kept out of conftest.py so test modules import them as ordinary code.
"""

from __future__ import annotations

import re
import socket
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from playwright.sync_api import ConsoleMessage, Dialog, Locator, Page, Request, ViewportSize
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from generator.catalogue.loaded import Catalogue

from ..catalogues import DEMO_CATALOGUE as DEMO_CATALOGUE
from ..catalogues import injection_catalogue as injection_catalogue

PROJECT = Path(__file__).resolve().parents[2]

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Nothing but the served origin is reachable, and nothing can hang on the network:
    # every request not to loopback goes to a proxy on a port nobody listens on and fails
    # at once (chromium never proxies loopback).  A Playwright route per request did this
    # before, but routing turns off the HTTP cache and sends each request through Python:
    # it doubled the cost of every page load.  Watch still records any request off origin.
    "--proxy-server=127.0.0.1:1",
]

DESKTOP = ViewportSize(width=1280, height=900)
PHONE = ViewportSize(width=375, height=812)

SEARCH_BOX_NAME = "搜索办事事项"
"""The search box's label, on the home page and the search page."""

RESULT = ".bs-result"
RESULT_LINK = ".bs-result__name a"
"""Result cards written by search.js."""

ITEM_URL = re.compile(r"/items/([^/]+)/$")


def free_port() -> int:
    """A loopback port nobody listens on, for a server the test starts (nginx, serve)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass(frozen=True)
class Site:
    """A built portal being served: its files, its origin and the catalogue it came from."""

    root: Path
    origin: str
    catalogue: Catalogue

    def url(self, path: str) -> str:
        return urljoin(self.origin + "/", path.lstrip("/"))


@dataclass
class Watch:
    """What a page did that a test may forbid: leave the origin, log errors, open dialogs."""

    origin: str
    requests: list[str] = field(default_factory=list)
    offsite: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def is_local(self, url: str) -> bool:
        if url.startswith(("data:", "blob:")):
            return True
        return url == self.origin or url.startswith(self.origin + "/")

    def on_request(self, request: Request) -> None:
        self.requests.append(request.url)
        if not self.is_local(request.url):
            self.offsite.append(request.url)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location.get("url", "")
            page = message.page.url if message.page else "?"
            self.console_errors.append(f"{message.text} [{where}] on {page}")

    def on_page_error(self, error: PlaywrightError) -> None:
        self.page_errors.append(f"{error.name}: {error.message}")

    def on_dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def errors(self) -> list[str]:
        return self.console_errors + self.page_errors


def search_box(page: Page) -> Locator:
    return page.get_by_role("searchbox", name=SEARCH_BOX_NAME)


def search(page: Page, query: str) -> list[str]:
    """Type ``query`` into the page's search box; the absolute URLs of the results shown.

    On the search page results follow typing; elsewhere the box is a form that opens the
    search page.  Waits until search.js marks the query done (cards shown, or none found).
    An empty list means nothing was found in time.
    """
    box = search_box(page)
    # A filter change re-runs the same query: forget the last answer, or the wait below
    # would return at once with the results from before the filter.
    page.evaluate(
        """() => {
            const root = document.querySelector("[data-bs-finder]");
            if (root) root.removeAttribute("data-bs-done");
        }"""
    )
    box.fill(query)
    if page.locator("[data-bs-finder]").count() == 0:
        box.press("Enter")
        page.wait_for_url("**/search/**")
        box = search_box(page)
    try:
        page.wait_for_function(
            """(q) => {
                const root = document.querySelector("[data-bs-finder]");
                return root && root.getAttribute("data-bs-done") === q;
            }""",
            arg=query.strip(),
            timeout=10_000,
        )
    except PlaywrightTimeout:
        return []
    hrefs = page.locator(RESULT_LINK).evaluate_all("(links) => links.map((a) => a.href)")
    return [str(href) for href in hrefs]


def item_id(url: str) -> str | None:
    """The item id of an item guide URL, else None."""
    match = ITEM_URL.search(urlsplit(url).path)
    return match.group(1) if match else None
