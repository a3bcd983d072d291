"""Horizontal bar charts as accessible inline SVG, drawn at build time (no chart library).

Beside the flow chart and sharing its text helpers (width estimate, wrap, clean).  Each
label sits on its own line above its bars, so long Chinese department names never squeeze
the bars.  The chart is never scaled (issue 18: scaled into a third of the column its
labels were 11 px): it has no viewBox and is as wide as its column, its text is drawn in
CSS pixels (labels wrapped for the narrowest phone column), the bars stretch over
``BARS_SHARE`` of the width in a nested SVG that scales horizontally only, and the values
stand just after each bar (at the same share of the width), in the room left over.  The
SVG has ``role="img"``, a ``<title>`` and a ``<desc>``; the page shows the same figures in
a table beside it, which is what screen readers and copy-paste use.  Every text is
escaped here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from .svgtext import FONT_FAMILY, clean, estimate_width, wrap

NARROWEST = 300
"""The narrowest column a chart is shown in (a 375 px phone in care mode), in CSS px:
labels are wrapped to fit it."""
MARGIN = 8
FONT = 15
SMALL = 13
LINE = 22
BAR = 16
BAR_GAP = 4
GROUP_GAP = 12
BARS_SHARE = 76
"""Percent of the chart's width the longest bar spans; the values use the rest (at least
72 px in the narrowest column, enough for ``23(100.0%)`` at SMALL)."""
SCALE = 1000
"""The bars' own horizontal units (their nested SVG stretches them to the width)."""
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
    bars: list[str] = []
    for index, label in enumerate(labels):
        for line in wrap(label, FONT, NARROWEST - 2 * MARGIN):
            parts.append(
                f'<text x="{MARGIN}" y="{_n(top + FONT)}" font-size="{FONT}">{escape(line)}</text>'
            )
            top += LINE
        for colour, s in zip(COLOURS, series, strict=False):
            value = s.values[index]
            length = max(SCALE * value / largest, 2.0 if value else 0.0)
            bars.append(
                f'<rect x="0" y="{_n(top)}" width="{_n(length)}" height="{BAR}" fill="{colour}"/>'
            )
            # Just after the bar's end: the same share of the width, plus the margin.
            parts.append(
                f'<text x="{_n(BARS_SHARE * length / SCALE)}%" dx="{MARGIN + 4}" '
                f'y="{_n(top + BAR - 3)}" font-size="{SMALL}">'
                f"{escape(clean(s.texts[index]))}</text>"
            )
            top += BAR + BAR_GAP
        top += GROUP_GAP
    height = _n(top + MARGIN - GROUP_GAP)
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{chart_id}" class="bs-chart" '
        f'width="100%" height="{height}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" font-family={quoteattr(FONT_FAMILY)} '
        f'fill="{INK}">'
        f'<title id="{title_id}">{escape(clean(title))}</title>'
        f'<desc id="{desc_id}">{escape(clean(desc))}</desc>'
        + "".join(parts)
        + f'<svg x="{MARGIN}" width="{BARS_SHARE}%" height="{height}" '
        f'viewBox="0 0 {SCALE} {height}" preserveAspectRatio="none" aria-hidden="true">'
        + "".join(bars)
        + "</svg></svg>"
    )
