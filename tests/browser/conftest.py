"""Browser-test fixtures: build a portal once, serve it locally, drive Debian's chromium.

Browsers cannot be downloaded on this machine, so Playwright drives the ``chromium`` on
PATH (``make test`` installs it).  Each site is built once per session (a build takes a
few seconds) and served by a local HTTP server on a free port, so the tests see exactly
what a static host would serve.  Every page a test opens is watched: off-origin requests
are recorded (and fail at once, see CHROMIUM_ARGS: a test can never hang on the network),
and console errors, uncaught exceptions and dialogs are recorded for the tests to assert on.
"""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Callable, Iterator
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, sync_playwright

from generator.catalogue.loaded import Catalogue, load_catalogue
from generator.portal.build import build_site

from ..conftest import run_cli
from .paper import Sheets, poppler_missing
from .support import (
    CHROMIUM_ARGS,
    DEMO_CATALOGUE,
    DESKTOP,
    Site,
    Watch,
    injection_catalogue,
)
from .tours import Tours


class _QuietHandler(SimpleHTTPRequestHandler):
    """Static files without a log line per request (they would drown pytest's output)."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


@functools.cache
def _chromium() -> str | None:
    return shutil.which("chromium")


def _serve_site(out: Path, catalogue: Path) -> Iterator[Site]:
    """Serve a built site for the session, with the catalogue it was built from."""
    server, origin = _serve(out)
    try:
        yield Site(out, origin, _load(catalogue))
    finally:
        server.shutdown()
        server.server_close()


def _serve(root: Path) -> tuple[ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name=f"serve {root}", daemon=True).start()
    host, port = server.server_address[:2]
    return server, f"http://{host!s}:{port}"


def _load(root: Path) -> Catalogue:
    catalogue, report = load_catalogue(root)
    assert not report.errors, [d.parsable() for d in report.errors]
    return catalogue


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The demo portal, built with the real command line exactly as a user would."""
    if _chromium() is None:
        pytest.skip("chromium is not on PATH (make test installs Debian's chromium package)")
    out = tmp_path_factory.mktemp("demo") / "site"
    # The command line, in this process: a second interpreter only adds its start-up.
    result = run_cli("build", "--catalogue", DEMO_CATALOGUE, "--out", out)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    yield from _serve_site(out, DEMO_CATALOGUE)


@pytest.fixture(scope="session")
def injection_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The demo portal plus one item whose every text field carries an injection string.

    ``generator build`` refuses this catalogue (``check`` flags HTML-like text, rule
    text-markup), so the build runs with ``check=False``: the escaping under test is the
    portal's own, not a second line of defence in the checker.
    """
    if _chromium() is None:
        pytest.skip("chromium is not on PATH (make test installs Debian's chromium package)")
    base = tmp_path_factory.mktemp("injection")
    catalogue = injection_catalogue(base / "catalogue")
    out = base / "site"
    assert build_site(catalogue, out, as_of=date.today(), check=False) == 0
    yield from _serve_site(out, catalogue)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One chromium for the whole session: starting it costs more than most tests."""
    executable = _chromium()
    if executable is None:
        pytest.skip("chromium is not on PATH (make test installs Debian's chromium package)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


PageFactory = Callable[..., tuple[Page, Watch]]


def watched_page(
    browser: Browser, site: Site, viewport: ViewportSize | None = None
) -> tuple[BrowserContext, Page, Watch]:
    """A fresh page in its own context, its requests, console and dialogs watched."""
    context = browser.new_context(
        viewport=viewport or DESKTOP, locale="zh-CN", service_workers="block"
    )
    context.set_default_timeout(15_000)
    watch = Watch(site.origin)
    page = context.new_page()
    page.on("request", watch.on_request)
    page.on("console", watch.on_console)
    page.on("pageerror", watch.on_page_error)
    page.on("dialog", watch.on_dialog)
    return context, page, watch


@pytest.fixture
def open_page(browser: Browser) -> Iterator[PageFactory]:
    """``open_page(site, viewport=...)``: a fresh, watched page in its own context."""
    contexts: list[BrowserContext] = []

    def make(site: Site, *, viewport: ViewportSize | None = None) -> tuple[Page, Watch]:
        context, page, watch = watched_page(browser, site, viewport)
        contexts.append(context)
        return page, watch

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def sheets(browser: Browser, demo_site: Site, tmp_path_factory: pytest.TempPathFactory) -> Sheets:
    """The demo's sheets, each printed once for the session, every check reading that PDF."""
    if poppler_missing():
        pytest.skip(f"{poppler_missing()} is not on PATH (make test installs poppler-utils)")
    directory = tmp_path_factory.mktemp("sheets")
    return Sheets(lambda: watched_page(browser, demo_site), demo_site.origin, directory)


@pytest.fixture(scope="session")
def tours(browser: Browser, demo_site: Site) -> Tours:
    """Every guide of the demo visited once per viewport and mode for all probes."""
    return Tours(lambda viewport: watched_page(browser, demo_site, viewport), demo_site)
