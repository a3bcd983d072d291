"""Print pages of a built site to PDF with Debian's chromium, driven by Playwright.

Playwright rather than ``chromium --print-to-pdf``: the paper tests print with exactly
these calls and options (A4, backgrounds, the sheet's own ``@page`` rules, no browser
header or footer), so the files staff get are the files the tests read back, QR code
included; the command-line flags for headers and page size differ between chromium
versions, and one browser serves a whole run instead of one start per file.
"""

from __future__ import annotations

import functools
import importlib.util
import shutil
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

CHROMIUM_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run")
PAGE_TIMEOUT_MS = 60_000


class PrintError(Exception):
    """A one-line reason in Chinese, shown to staff as is."""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def served(root: Path) -> Iterator[str]:
    """Serve ``root`` on a free local port: pages print as a static host serves them
    (``file://`` would break the Content-Security-Policy's ``'self'``)."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="notices", daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


PRINT_EXTRA = "pip install 'banshi-portal[print]'"
"""Playwright is an optional extra: only ``notices`` prints."""


def require_printing() -> None:
    """Say now, before a site is built for nothing, that printing is not installed."""
    if importlib.util.find_spec("playwright") is None:
        raise PrintError(f"打印告知单需要 Playwright,本安装未包含:请运行 {PRINT_EXTRA}")


def only_origin(origin: str) -> list[str]:
    """Chromium flags that let the browser reach ``origin`` and nothing else.

    Every request goes to a proxy on a port nobody listens on and fails at once, except
    the local site's own host and port; ``<-loopback>`` (it must come first) takes away
    chromium's implicit bypass for loopback, so another local service is not reachable
    either.  A Playwright
    route did this before, but any route turns off the HTTP cache and sends each request
    through Python: it doubled the cost of every sheet.
    """
    host = origin.split("://", 1)[-1]
    return ["--proxy-server=127.0.0.1:1", f"--proxy-bypass-list=<-loopback>;{host}"]


class Printer:
    """One headless chromium printing page after page."""

    def __init__(self, origin: str) -> None:
        self.origin = origin

    def __enter__(self) -> Printer:
        executable = shutil.which("chromium")
        if executable is None:
            raise PrintError("找不到 chromium,请安装 Debian 的 chromium 软件包")
        require_printing()
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(
                executable_path=executable, args=[*CHROMIUM_ARGS, *only_origin(self.origin)]
            )
        except Exception:
            self._playwright.stop()
            raise
        self._context = self._browser.new_context(locale="zh-CN", service_workers="block")
        self._context.set_default_timeout(PAGE_TIMEOUT_MS)
        return self

    def __exit__(self, *exc: object) -> None:
        self._context.close()
        self._browser.close()
        self._playwright.stop()

    def print(self, url: str, out: Path, *, keep_items: Sequence[str] | None = None) -> None:
        """Print the site page at ``url`` to ``out``; on a batch page, only ``keep_items``."""
        page = self._context.new_page()
        try:
            response = page.goto(self.origin + url, wait_until="load")
            if response is None or not response.ok:
                raise PrintError(f"页面 {url} 无法打开")
            if keep_items is not None:
                page.evaluate(
                    """(keep) => document.querySelectorAll("[data-bs-sheet]").forEach((sheet) => {
                        if (!keep.includes(sheet.getAttribute("data-bs-sheet"))) sheet.remove();
                    })""",
                    list(keep_items),
                )
            page.evaluate("() => document.fonts.ready")
            pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
        finally:
            page.close()
        out.write_bytes(pdf)
