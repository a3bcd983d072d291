"""The Jinja environment that turns planned pages into HTML fragments.

Templates are package data (``generator/templates``) and may be overridden file by file
from ``site_overrides/templates`` (first match wins).  Autoescaping is on for every
template and undefined variables raise: catalogue text only ever enters as an escaped
variable, never as a template, Markdown or HTML.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    pass_context,
)
from jinja2.runtime import Context

from ..catalogue.models import DayUnit
from .pages import Page
from .urls import relative_url

_NOT_DIALLED = re.compile(r"[^0-9+]")


def days(value: int, unit: str = "工作日") -> str:
    """Working days as the public reads them: 0 is 当场办结 (done on the spot)."""
    return "当场办结" if value == 0 else f"{value} 个{unit}"


def days_by_unit(totals: Mapping[DayUnit, int]) -> str:
    """Totals kept apart by unit: 5 个工作日, or 5 个工作日加 20 个自然日 (never "25 天")."""
    parts = [f"{totals[u]} 个{u.value}" for u in DayUnit if totals.get(u)]
    return "加 ".join(parts) or "当场办结"


def tel(phone: str) -> str:
    """A ``tel:`` link target: digits and a leading plus only (0512-68001000 -> 051268001000)."""
    return "tel:" + _NOT_DIALLED.sub("", phone)


def date_zh(value: date) -> str:
    """2026-09-12 as 2026年9月12日."""
    return f"{value.year}年{value.month}月{value.day}日"


def safe_url(url: str | None) -> str:
    """``url`` if it is http(s), else empty: a link to a catalogue URL never runs script."""
    if url and urlsplit(url).scheme in ("http", "https"):
        return url
    return ""


@pass_context
def rel(context: Context, target: str) -> str:
    """A site URL made relative to the page being rendered."""
    current: str = context["page_url"]
    return relative_url(target, current)


def make_environment(overrides: Path | None = None) -> Environment:
    """The environment: overrides first, then the package's templates."""
    loaders: list[Any] = []
    if overrides is not None and overrides.is_dir():
        loaders.append(FileSystemLoader(str(overrides)))
    loaders.append(PackageLoader("generator", "templates"))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        days=days, days_by_unit=days_by_unit, tel=tel, safe_url=safe_url, rel=rel, date_zh=date_zh
    )
    return env


def render_page(env: Environment, page: Page) -> str:
    """The page's content HTML (what goes inside the theme's article element)."""
    return env.get_template(page.template).render(page.context)
