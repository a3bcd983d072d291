"""``make bench``: how long check and build take, and how big the site and a search are.

Speed is measured here, never asserted in tests.  Synthetic catalogues are cached under
``benchmarks/out/`` (ignored by git); results are printed as a table and written to
``benchmarks/out/results.json``.  Usage::

    python benchmarks/run.py [--sizes 1000,10000] [--skip-build] [--skip-search]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import os
import platform
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
PY = sys.executable
sys.path.insert(0, str(ROOT))

from tests.browser.support import CHROMIUM_ARGS  # noqa: E402  (the flags the tests use)


def _run(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def _catalogue(size: int) -> Path:
    path = OUT / f"catalogue-{size}"
    if not (path / "items").is_dir():
        shutil.rmtree(path, ignore_errors=True)
        _run([PY, "-m", "generator", "synth", "--items", str(size), "--out", str(path)])
    return path


def _tree_bytes(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def bench_check(size: int, repeat: int = 3) -> dict[str, Any]:
    catalogue = _catalogue(size)
    times = [_run([PY, "-m", "generator", "check", str(catalogue)]) for _ in range(repeat)]
    return {"items": size, "check_s_best": round(min(times), 2), "check_s_all": times}


def bench_build(size: int) -> dict[str, Any]:
    catalogue = _catalogue(size)
    site = OUT / f"site-{size}"
    seconds = _run(
        [PY, "-m", "generator", "build", "--catalogue", str(catalogue), "--out", str(site)]
    )
    files, total = _tree_bytes(site)
    _, items = _tree_bytes(site / "items")
    _, index = _tree_bytes(site / "pagefind") if (site / "pagefind").is_dir() else (0, 0)
    return {
        "items": size,
        "build_s": round(seconds, 1),
        "files": files,
        "site_bytes": total,
        "item_pages_bytes_per_item": round(items / size),
        "search_index_bytes": index,
    }


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """The access log would bury the results table."""


@contextlib.contextmanager
def _serve(directory: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def bench_search(size: int, query: str = "执照") -> dict[str, Any]:
    """Bytes a visitor downloads for one search, counted in a real browser."""
    from playwright.sync_api import sync_playwright

    site = OUT / f"site-{size}"
    loaded: list[tuple[str, int]] = []
    with _serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(f"{base}/", wait_until="networkidle")
        page_bytes = 0

        def record(response: Any) -> None:
            with contextlib.suppress(Exception):
                loaded.append((response.url, len(response.body())))

        page.on("response", record)
        box = page.locator("input[type=search], .pagefind-ui__search-input").first
        box.fill(query)
        page.wait_for_selector(".pagefind-ui__result", timeout=30_000)
        page.wait_for_load_state("networkidle")
        results = page.locator(".pagefind-ui__result").count()
        browser.close()
    page_bytes = sum(n for _, n in loaded)
    return {
        "items": size,
        "query": query,
        "requests": len(loaded),
        "search_bytes": page_bytes,
        "results_shown": results,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--skip-search", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    OUT.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "check": [bench_check(n) for n in sizes],
    }
    if not args.skip_build:
        results["build"] = [bench_build(n) for n in sizes]
        if not args.skip_search:
            results["search"] = [bench_search(max(sizes))]
    text = json.dumps(results, ensure_ascii=False, indent=2)
    (OUT / "results.json").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
