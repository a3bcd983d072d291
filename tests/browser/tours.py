"""Every guide of the demo visited once per viewport and mode, every probe run on each.

Several test modules measure all 33 guides at the same size and in the same mode (chart
sizes, keyword lines, sideways scroll): loading each guide once per tour for all of them
instead of once per test saved a page load per guide and probe, the browser suite's main
cost.  A module registers its probe (a JavaScript function of no argument that only reads
the page) with ``guide_probe`` at import; pytest imports every test module before the first
test runs, so the first tour of a session already runs every probe.  A test then reads its
probe's results with ``Tours.probe``; a probe that threw on a page fails the test asking.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from playwright.sync_api import BrowserContext, Page, ViewportSize
from playwright.sync_api import Error as PlaywrightError

from generator.portal.urls import item_url

from .support import Site, Watch

Mode = Literal["screen", "care", "print"]

PROBES: dict[str, str] = {}
"""Probe name -> script, filled by the test modules at import."""

CARE = "document.documentElement.classList.contains('bs-care')"


def guide_probe(name: str, script: str) -> str:
    """Run ``script`` on every guide of every tour; its results are asked for by ``name``."""
    assert PROBES.setdefault(name, script) == script, f"two probes named {name}"
    return name


@dataclass
class Tour:
    """What the probes found on each guide, and the page errors seen on the way."""

    found: dict[str, dict[str, Any]] = field(default_factory=dict)
    failed: dict[str, dict[str, str]] = field(default_factory=dict)
    care: dict[str, bool] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def probe(self, name: str, items: list[str] | None = None) -> dict[str, Any]:
        """``name``'s result on each guide (or on ``items``), in item order."""
        wanted = sorted(self.found) if items is None else items
        failed = {i: self.failed[i][name] for i in wanted if name in self.failed.get(i, {})}
        assert not failed, f"probe {name} failed: {failed}"
        return {i: self.found[i][name] for i in wanted}


WatchedPage = Callable[[ViewportSize], tuple[BrowserContext, Page, Watch]]


class Tours:
    """One tour per (viewport, mode), made when a test first asks for it."""

    def __init__(self, open_page: WatchedPage, site: Site) -> None:
        self._open_page = open_page
        self._site = site
        self._tours: dict[tuple[int, int, Mode], Tour] = {}

    def __call__(self, viewport: ViewportSize, mode: Mode = "screen") -> Tour:
        key = (viewport["width"], viewport["height"], mode)
        if key not in self._tours:
            self._tours[key] = self._visit(viewport, mode)
        return self._tours[key]

    def _visit(self, viewport: ViewportSize, mode: Mode) -> Tour:
        """Care mode is switched on once by the link (it is remembered, as for a visitor);
        print is the print media type at the viewport given."""
        tour = Tour()
        context, page, watch = self._open_page(viewport)
        try:
            if mode == "care":
                response = page.goto(self._site.url("/?mode=care"), wait_until="load")
                assert response is not None and response.ok
                assert page.evaluate(CARE), "/?mode=care did not switch care mode on"
            elif mode == "print":
                page.emulate_media(media="print")
            for item_id in sorted(self._site.catalogue.items):
                response = page.goto(self._site.url(item_url(item_id)), wait_until="load")
                assert response is not None and response.ok, item_id
                tour.care[item_id] = bool(page.evaluate(CARE))
                found, failed = tour.found.setdefault(item_id, {}), {}
                for name, script in PROBES.items():
                    try:
                        found[name] = page.evaluate(script)
                    except PlaywrightError as error:
                        failed[name] = error.message
                if failed:
                    tour.failed[item_id] = failed
        finally:
            context.close()
        tour.errors = watch.errors()
        return tour
