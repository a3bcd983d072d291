"""QR codes of item guide URLs as inline SVG (segno): no image request, no external service.

Window staff hand out printed notice sheets; the QR code leads back to the live guide.
Only the URL (built from ``centre.base_url`` and a permanent item URL) is encoded; the
title is fixed text, so no catalogue string reaches the SVG markup.
"""

from __future__ import annotations

import io

import segno


def qr_svg(url: str, *, scale: int = 3) -> str:
    """An accessible ``<svg>`` of ``url``; deterministic for the same URL."""
    code = segno.make(url, error="m", micro=False)
    out = io.BytesIO()
    code.save(
        out,
        kind="svg",
        scale=scale,
        border=2,
        xmldecl=False,
        svgns=True,
        svgclass="banshi-qr",
        title="本事项办事指南网址二维码",
        nl=False,
    )
    svg = out.getvalue().decode("utf-8")
    return svg.replace("<svg ", '<svg role="img" aria-label="扫码查看本事项网上办事指南" ', 1)
