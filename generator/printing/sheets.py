"""Which notice sheets changed on paper between two catalogues.

A sheet's printed content is its rendered notice page with a fixed version line: the
version changes with every commit and would make every sheet look changed.  Comparing
rendered HTML (not YAML) means an edit that does not reach paper (a FAQ, a flow chart
step) reprints nothing, and a shared change that does (a supervision hotline, a law
title) reprints every sheet it reaches.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..catalogue.loaded import Catalogue, load_catalogue
from ..catalogue.revision import SheetVersion
from ..portal.pages import plan_site
from ..portal.rendering import make_environment, render_page
from ..portal.urls import notice_url

UNVERSIONED = SheetVersion("content", "-")


def printed(catalogue: Catalogue, overrides: Path | None = None) -> dict[str, str]:
    """Item id -> the notice page's HTML without its version."""
    if catalogue.centre is None:
        return {}
    plan = plan_site(catalogue, versions=dict.fromkeys(catalogue.items, UNVERSIONED))
    env = make_environment(overrides)
    by_url = {page.url: page for page in plan.pages}
    return {item_id: render_page(env, by_url[notice_url(item_id)]) for item_id in catalogue.items}


def changed(
    now: Mapping[str, str], before_root: Path | None, overrides: Path | None = None
) -> set[str]:
    """Ids of sheets in ``now`` that print differently from the catalogue at ``before_root``
    (all of them when there was no catalogue, or one too broken to load)."""
    if before_root is None:
        return set(now)
    catalogue, report = load_catalogue(before_root)
    before = printed(catalogue, overrides) if not report.errors else {}
    return {item_id for item_id, html in now.items() if before.get(item_id) != html}
