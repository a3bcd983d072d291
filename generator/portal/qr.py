"""QR codes of item guide URLs as inline SVG: no image request, no external service.

Window staff hand out printed notice sheets; the QR code leads back to the live guide, so
it must scan from paper:

- error correction M (15 % of the code may be smudged or folded);
- a quiet zone of four modules, the minimum ISO/IEC 18004 asks of a printed code;
- a ``viewBox`` and no fixed size, so the code scales to whatever width the page gives it,
  on screen and in print, without being cropped.

The symbol (version, mask chosen by the standard's penalty rules) comes from zxing-cpp, a
compiled library: about 1 ms a code, where segno's pure-Python mask selection took 20 ms and
dominated the build of a large catalogue.  The SVG is ours: one path, deterministic bytes.
Only the URL (``centre.base_url`` and a permanent item URL) is encoded; the labels are fixed
text, so no catalogue string reaches the markup.
"""

from __future__ import annotations

from functools import cache
from typing import Any, cast

import zxingcpp

QUIET_ZONE = 4
"""Light modules around the symbol (ISO/IEC 18004: at least four)."""

TITLE = "本事项办事指南网址二维码"
LABEL = "扫码查看本事项网上办事指南"


def modules(url: str) -> list[list[bool]]:
    """The symbol's dark (True) and light modules, without the quiet zone."""
    symbol = zxingcpp.create_barcode(url, zxingcpp.QRCode, ec_level="M")
    # zxing-cpp's Image exports the buffer protocol; its stubs do not say so.
    image = memoryview(cast(Any, symbol.to_image(scale=1, add_quiet_zones=False)))
    rows, columns = image.shape or (0, 0)
    pixels = image.tobytes()
    return [[pixels[y * columns + x] < 128 for x in range(columns)] for y in range(rows)]


def _path(matrix: list[list[bool]]) -> str:
    """Each horizontal run of dark modules as one rectangle of a single path."""
    out = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if not row[x]:
                x += 1
                continue
            start = x
            while x < len(row) and row[x]:
                x += 1
            out.append(f"M{start + QUIET_ZONE} {y + QUIET_ZONE}h{x - start}v1h-{x - start}z")
    return "".join(out)


@cache
def qr_svg(url: str) -> str:
    """An accessible, scalable ``<svg>`` of ``url``; the same bytes for the same URL."""
    matrix = modules(url)
    size = len(matrix) + 2 * QUIET_ZONE
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="banshi-qr" role="img" '
        f'aria-label="{LABEL}" viewBox="0 0 {size} {size}" shape-rendering="crispEdges">'
        f"<title>{TITLE}</title>"
        f'<rect width="{size}" height="{size}" fill="#fff"/>'
        f'<path fill="#000" d="{_path(matrix)}"/></svg>'
    )
