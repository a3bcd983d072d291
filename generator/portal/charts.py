"""Horizontal bar charts as accessible inline SVG, drawn at build time (no chart library).

Beside the flow chart and sharing its text helpers (width estimate, wrap, clean).  Each
label sits on its own line above its bars, so long Chinese department names never squeeze
the bars and the chart stays readable when a 375 px phone scales it down.  The SVG has
``role="img"``, a ``<title>`` and a ``<desc>``; the page shows the same figures in a table
beside it, which is what screen readers and copy-paste use.  Every text is escaped here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from .flowchart import FONT_FAMILY, clean, estimate_width, wrap

WIDTH = 360
MARGIN = 8
FONT = 14
SMALL = 12
LINE = 20
BAR = 16
BAR_GAP = 4
GROUP_GAP = 12
VALUE_SPACE = 64
INK = "#1f2328"
# Fills at >= 3:1 against white (WCAG 1.4.11 for graphical objects).
COLOURS = ("#1f6feb", "#b35900", "#1a7f37")

_CHART_ID = re.compile(r"^[A-Za-z0-9_-]+$")


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]
    texts: tuple[str, ...]
    """How each value is shown (``12``, ``4.5 天``, ``60.0%``)."""


def _n(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def bar_chart(chart_id: str, title: str, desc: str, labels: list[str], series: list[Series]) -> str:
    """One group of bars per label, one bar per series, scaled to the largest value."""
    if not _CHART_ID.match(chart_id):
        raise ValueError(f"bad chart id {chart_id!r}")
    top = MARGIN
    parts: list[str] = []
    if len(series) > 1:
        x = float(MARGIN)
        for colour, s in zip(COLOURS, series, strict=False):
            parts.append(
                f'<rect x="{_n(x)}" y="{_n(top + 3)}" width="12" height="12" fill="{colour}"/>'
            )
            name = clean(s.name)
            parts.append(
                f'<text x="{_n(x + 16)}" y="{_n(top + 14)}" font-size="{SMALL}">'
                f"{escape(name)}</text>"
            )
            x += 16 + estimate_width(name, SMALL) + 16
        top += LINE + 4
    largest = max((v for s in series for v in s.values), default=0) or 1
    span = WIDTH - 2 * MARGIN - VALUE_SPACE
    for index, label in enumerate(labels):
        for line in wrap(label, FONT, WIDTH - 2 * MARGIN):
            parts.append(
                f'<text x="{MARGIN}" y="{_n(top + FONT)}" font-size="{FONT}">{escape(line)}</text>'
            )
            top += LINE
        for colour, s in zip(COLOURS, series, strict=False):
            value = s.values[index]
            length = max(span * value / largest, 1.0 if value else 0.0)
            parts.append(
                f'<rect x="{MARGIN}" y="{_n(top)}" width="{_n(length)}" height="{BAR}" '
                f'fill="{colour}"/>'
            )
            parts.append(
                f'<text x="{_n(MARGIN + length + 4)}" y="{_n(top + BAR - 3)}" '
                f'font-size="{SMALL}">{escape(clean(s.texts[index]))}</text>'
            )
            top += BAR + BAR_GAP
        top += GROUP_GAP
    height = top + MARGIN - GROUP_GAP
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{chart_id}" class="bs-chart" '
        f'viewBox="0 0 {WIDTH} {_n(height)}" width="100%" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" font-family={quoteattr(FONT_FAMILY)} '
        f'fill="{INK}">'
        f'<title id="{title_id}">{escape(clean(title))}</title>'
        f'<desc id="{desc_id}">{escape(clean(desc))}</desc>' + "".join(parts) + "</svg>"
    )
