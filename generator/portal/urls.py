"""Every URL of the portal, decided here and nowhere else.

Item, notice, department, chain, bundle and theme URLs are printed in QR codes and on paper notice
sheets, so their meaning never changes: ``/items/<id>/`` is always the guide of item
``<id>``.  Views and the page plan import this module; it imports nothing of the portal.
"""

from __future__ import annotations

import hashlib
import posixpath
from functools import lru_cache
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote, urljoin

HOME = "/"
DEPARTMENTS = "/departments/"
CHAINS = "/chains/"
BUNDLES = "/bundles/"
"""一件事一次办: every bundle, with its lead department, item count and total time."""
SEARCH = "/search/"
ABOUT = "/about/"
SEARCH_INDEX = "/search-index/"
ASSETS = "/assets/banshi/"
DATA = "/data/"
STATS = "/stats/"
LAWS = "/laws/"
"""The law register: every law the catalogue cites."""

SHELL_ID = "__shell__"
"""Stands for an item id in the URL of a shell page (see :mod:`generator.portal.shells`).
Item ids are lower-case letters, digits and hyphens, so no real page can have this URL."""


def item_url(item_id: str) -> str:
    return f"/items/{item_id}/"


def notice_url(item_id: str) -> str:
    return f"/items/{item_id}/notice/"


def department_url(department_id: str) -> str:
    return f"/departments/{department_id}/"


def department_notices_url(department_id: str) -> str:
    """Every notice sheet of a department on one page, for batch printing."""
    return f"/departments/{department_id}/notices/"


def chain_url(chain_id: str) -> str:
    return f"/chains/{chain_id}/"


def bundle_url(chain_id: str) -> str:
    """A 一件事 (a chain with ``bundle:``): the road, one material list, one sheet.  Beside
    ``/chains/<id>/``, whose meaning (the chain's table) stays as it was."""
    return f"/bundles/{chain_id}/"


def bundle_notice_url(chain_id: str) -> str:
    """The one notice sheet (一次性告知单) of a whole 一件事."""
    return f"/bundles/{chain_id}/notice/"


def law_url(law_id: str) -> str:
    """A law of ``laws.yaml`` and every item citing it (linked from each guide's basis)."""
    return f"/laws/{law_id}/"


def theme_url(slug: str) -> str:
    return f"/themes/{slug}/"


def item_data_url(item_id: str) -> str:
    """One item as open data (JSON), beside its guide."""
    return f"/items/{item_id}/index.json"


def data_file_url(name: str) -> str:
    """A downloadable data file of the whole catalogue (``catalogue.json``, ``items.csv``...)."""
    return DATA + name


ASSET_FILES = Path(__file__).resolve().parent.parent / "assets" / "banshi"
"""The portal's own stylesheets and scripts (package data), published under ``ASSETS``."""


@lru_cache(maxsize=256)
def asset_url(name: str) -> str:
    """``/assets/banshi/portal.<hash>.css``: the name carries a hash of the content, so the
    server may let browsers keep the file for a year (``immutable``) and a new version is
    a new URL.  A name that is not one of the package's assets is returned unchanged."""
    source = ASSET_FILES / name
    if not source.is_file():
        return ASSETS + name
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:FINGERPRINT]
    stem, dot, suffix = name.rpartition(".")
    return f"{ASSETS}{stem}.{digest}{dot}{suffix}" if dot else f"{ASSETS}{name}.{digest}"


FINGERPRINT = 10
"""Hex digits of the content hash in an asset's name (the deploy recipes match them)."""


def file_url(catalogue_path: str) -> str | None:
    """URL of a catalogue file (blank form, sample): same relative path under the site root,
    percent-encoded (a form named ``表#1?.pdf`` is one file, not a page with a fragment).

    Returns None for a path that would leave the catalogue (``..``, absolute) so that a
    bad reference never links outside the site.
    """
    path = PurePosixPath(catalogue_path)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        return None
    return quote("/" + path.as_posix(), safe="/")


def site_path(url: str) -> str:
    """Where in the site folder the file at ``url`` is written (the URL decoded)."""
    return unquote(url)


def absolute_url(base_url: str, url: str) -> str:
    """The public address of a site URL, for QR codes and JSON-LD."""
    return urljoin(base_url if base_url.endswith("/") else base_url + "/", url.lstrip("/"))


def relative_url(target: str, current: str) -> str:
    """``target`` as a link relative to the page at ``current``: the site works under any
    path prefix and opened from disk."""
    path, hash_, anchor = target.partition("#")
    base = current if current.endswith("/") else posixpath.dirname(current) + "/"
    rel = posixpath.relpath(path or current, base)
    if (path or current).endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel + hash_ + anchor


def src_uri(url: str) -> str:
    """The Markdown path MkDocs needs for a URL (directory URLs: ``x/`` is ``x/index.md``)."""
    return "index.md" if url == HOME else url.strip("/") + "/index.md"


CHANGES = "/changes/"
"""最近更新: recent changes across the catalogue."""
CHANGES_FEED = "/changes/feed.xml"
"""The Atom feed of the same changes."""


def changes_url() -> str:
    return CHANGES
