"""``make serve``: a saved change reaches the open tab, under the page's strict CSP.

The real command runs (``python -m generator serve`` on a free loopback port, on a copy of
the demo catalogue); Chromium opens an item guide, the test saves a new name into the
item's file, and the tab must reload by itself and show it, with no console error (the
CSP refusing MkDocs' inline script was one on every page).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.catalogue.loaded import load_catalogue
from generator.portal.livereload import SCRIPT_URL

from .conftest import PageFactory
from .support import DEMO_CATALOGUE, PROJECT, Site, free_port

pytestmark = pytest.mark.browser

ITEM_FILE = "items/gaj/birth-registration.yaml"
ITEM_URL = "/items/birth-registration/"


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Site, Path]]:
    if shutil.which("chromium") is None:
        pytest.skip("chromium is not on PATH")
    catalogue = tmp_path / "catalogue"
    shutil.copytree(DEMO_CATALOGUE, catalogue)
    port = free_port()
    command = [sys.executable, "-m", "generator", "serve", "--catalogue", str(catalogue)]
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [*command, "--port", str(port)],
        cwd=PROJECT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # MkDocs' watcher threads go with the group
    )
    origin = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(origin + ITEM_URL, timeout=5).close()
                break
            except OSError:
                assert server.poll() is None, (tmp_path / "serve.log").read_text("utf-8")
                assert time.monotonic() < deadline, "the preview did not start"
                time.sleep(0.2)
        yield Site(tmp_path / "site", origin, load_catalogue(catalogue)[0]), catalogue
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
        log.close()


def test_a_saved_change_reaches_the_open_tab(
    preview: tuple[Site, Path], open_page: PageFactory
) -> None:
    site, catalogue = preview
    page, watch = open_page(site)
    page.goto(site.url(ITEM_URL))
    heading = page.locator("h1").first
    before = heading.inner_text()
    script = page.locator(f"script[src='{SCRIPT_URL}']")
    assert script.count() == 1
    inline = page.locator("script:not([src]):not([type$=json])")
    assert inline.count() == 0  # no inline code, so nothing for the CSP to refuse
    item = catalogue / ITEM_FILE
    text = item.read_text(encoding="utf-8")
    name = text.split("name: ", 1)[1].split("\n", 1)[0]
    item.write_text(text.replace(f"name: {name}", f"name: {name}(已更新)", 1), "utf-8")
    page.wait_for_function(
        "(want) => document.querySelector('h1') && document.querySelector('h1')"
        ".innerText.includes(want)",
        arg="(已更新)",
        timeout=60_000,
    )
    assert heading.inner_text() != before
    assert watch.errors() == []
    assert watch.offsite == []


def test_the_published_site_has_no_reload_script(demo_site: Site) -> None:
    assert not (demo_site.root / SCRIPT_URL.lstrip("/")).exists()
    page = (demo_site.root / ITEM_URL.strip("/") / "index.html").read_text(encoding="utf-8")
    assert "livereload" not in page
