"""The search part of ``make bench``: bytes and latency of real searches in Chromium.

Measured on a built site (normally the 10,000-item synthetic one):

- bytes over the wire for the first search after the home page (type in the home box,
  press Enter: the search page, its index files and result cards), and for a second,
  different query typed on the search page, counted from the DevTools protocol
  (``Network.loadingFinished``'s encoded length; cache hits count nothing);
- the time from the last keystroke to the results shown, with the CPU throttled 4x
  (``Emulation.setCPUThrottlingRate``), on a query whose index files are not cached;
- the index build time, writing the index alone from the loaded catalogue.

Figures, never assertions: machines differ twice in speed from day to day.  Usage::

    python benchmarks/search.py SITE_DIR CATALOGUE_DIR
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.support import CHROMIUM_ARGS  # noqa: E402  (the flags the tests use)

FIRST = "营业执照"
SECOND = "社保登记"
TIMED = ("食品经营许可", "身份证补办", "驾照换证")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """The access log would bury the results."""


@contextlib.contextmanager
def _serve(directory: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


class _Bytes:
    """Bytes received per request, from the DevTools protocol."""

    def __init__(self, cdp: Any) -> None:
        self.total = 0
        self.requests = 0
        self.urls: dict[str, str] = {}
        cdp.send("Network.enable")
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.loadingFinished", self._finished)

    def _sent(self, event: dict[str, Any]) -> None:
        self.urls[event["requestId"]] = event["request"]["url"]

    def _finished(self, event: dict[str, Any]) -> None:
        self.total += int(event.get("encodedDataLength", 0))
        self.requests += 1

    def take(self) -> tuple[int, int]:
        total, requests = self.total, self.requests
        self.total = self.requests = 0
        return total, requests


def _wait_done(page: Any, query: str) -> None:
    page.wait_for_function(
        """(q) => {
            const root = document.querySelector("[data-bs-finder]");
            return root && root.getAttribute("data-bs-done") === q;
        }""",
        arg=query,
        timeout=60_000,
    )


def _timed_query(page: Any, query: str) -> float:
    """Type ``query`` key by key; milliseconds from the last input event to the results."""
    page.evaluate(
        """(q) => {
            const root = document.querySelector("[data-bs-finder]");
            const input = root.querySelector("input[name=q]");
            window.__bench = {};
            input.addEventListener("input", () => { window.__bench.last = performance.now(); });
            new MutationObserver(() => {
                if (root.getAttribute("data-bs-done") === q && !window.__bench.done) {
                    window.__bench.done = performance.now();
                }
            }).observe(root, { attributes: true });
            input.value = "";
        }""",
        query,
    )
    box = page.locator("[data-bs-finder] input[name=q]")
    box.click()
    page.keyboard.type(query, delay=30)
    _wait_done(page, query)
    timing = page.evaluate("() => window.__bench")
    return round(float(timing["done"]) - float(timing["last"]), 1)


def bench_browser(site: Path) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    with _serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        page = browser.new_page()
        cdp = page.context.new_cdp_session(page)
        counter = _Bytes(cdp)
        page.goto(f"{base}/", wait_until="networkidle")
        home_bytes, _ = counter.take()
        box = page.get_by_role("searchbox", name="搜索办事事项")
        box.fill(FIRST)
        box.press("Enter")
        _wait_done(page, FIRST)
        page.wait_for_load_state("networkidle")
        first_bytes, first_requests = counter.take()
        box = page.locator("[data-bs-finder] input[name=q]")
        box.fill(SECOND)
        _wait_done(page, SECOND)
        page.wait_for_load_state("networkidle")
        second_bytes, second_requests = counter.take()
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        latencies = {q: _timed_query(page, q) for q in TIMED}
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
        shown = page.locator(".bs-result").count()
        browser.close()
    return {
        "home_page_bytes": home_bytes,
        "first_search": {"query": FIRST, "bytes": first_bytes, "requests": first_requests},
        "second_search": {"query": SECOND, "bytes": second_bytes, "requests": second_requests},
        "keystroke_to_results_ms_cpu_4x": latencies,
        "results_shown_last_query": shown,
    }


def bench_index(catalogue: Path) -> dict[str, Any]:
    """Write the index alone, after loading (loading is the build's and check's cost)."""
    from generator.catalogue.loaded import load_catalogue
    from generator.search.index import write_index
    from generator.search.synonyms import load_synonyms

    loaded, _ = load_catalogue(catalogue)
    groups = load_synonyms(catalogue).groups
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        counts = write_index(loaded, groups, Path(tmp) / "index", "items/{id}/")
        seconds = time.perf_counter() - start
    return {"index_build_s": round(seconds, 2), **counts}


def bench_search(site: Path, catalogue: Path) -> dict[str, Any]:
    return {"items_site": str(site), **bench_browser(site), **bench_index(catalogue)}


if __name__ == "__main__":
    print(
        json.dumps(bench_search(Path(sys.argv[1]), Path(sys.argv[2])), ensure_ascii=False, indent=2)
    )
