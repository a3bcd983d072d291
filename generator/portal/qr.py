"""QR codes of item guide URLs as inline SVG (segno): no image request, no external service.

Window staff hand out printed notice sheets; the QR code leads back to the live guide.
Only the URL (built from ``centre.base_url`` and a permanent item URL) is encoded; the
title is fixed text, so no catalogue string reaches the SVG markup.
"""

from __future__ import annotations

import io
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

import segno

_CACHE: dict[str, str] = {}
PARALLEL_THRESHOLD = 200


def prepare(urls: Sequence[str]) -> None:
    """Draw many codes ahead, spread over the cores.

    Choosing the mask (ISO/IEC 18004 penalty rules, kept so that printed codes scan
    reliably) costs about 5 ms a code in pure Python: 47 s for 10,000 notice sheets.
    """
    missing = [url for url in dict.fromkeys(urls) if url not in _CACHE]
    workers = min(os.cpu_count() or 1, 8)
    if len(missing) < PARALLEL_THRESHOLD or workers == 1:
        return
    if "fork" not in multiprocessing.get_all_start_methods():
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        _CACHE.update(zip(missing, pool.map(_draw, missing, chunksize=64), strict=True))


def qr_svg(url: str) -> str:
    """An accessible ``<svg>`` of ``url``; deterministic for the same URL."""
    svg = _CACHE.get(url)
    return svg if svg is not None else _draw(url)


QUIET_ZONE = 4
"""Modules of white border: ISO/IEC 18004 asks for 4; phone readers fail on paper below it."""


def _draw(url: str) -> str:
    # Error level M (15 % recoverable) at least: a printed sheet gets folded, stamped and
    # photocopied.  segno may raise the level when the version has room to spare.
    code = segno.make(url, error="m", micro=False, boost_error=True)
    out = io.BytesIO()
    # ``omitsize`` writes a viewBox and no width/height: the code scales to whatever box
    # the stylesheet gives it (mm on paper) instead of being cropped to a fixed size.
    code.save(
        out,
        kind="svg",
        omitsize=True,
        border=QUIET_ZONE,
        xmldecl=False,
        svgns=True,
        svgclass="banshi-qr",
        title="本事项办事指南网址二维码",
        nl=False,
    )
    svg = out.getvalue().decode("utf-8")
    return svg.replace("<svg ", '<svg role="img" aria-label="扫码查看本事项网上办事指南" ', 1)
