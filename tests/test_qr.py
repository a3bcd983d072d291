"""QR codes: the symbol decodes to the URL, scales without cropping, keeps its quiet zone."""

from __future__ import annotations

import re

import pytest
import zxingcpp

from generator.portal import qr

URLS = [
    "https://zwfw.example.gov.cn/items/birth-registration/",
    "https://zwfw.example.gov.cn/items/food-production-licence-change/notice/",
    "https://a.example/portal/items/x/",
]


def _raster(svg: str, scale: int = 4) -> memoryview:
    """Our SVG's rectangles painted back onto a bitmap, as a printer would."""
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))  # type: ignore[union-attr]
    pixels = bytearray(b"\xff" * (size * scale) ** 2)
    for x, y, width in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\3z", svg):
        for row in range(int(y) * scale, (int(y) + 1) * scale):
            start = row * size * scale + int(x) * scale
            pixels[start : start + int(width) * scale] = b"\x00" * (int(width) * scale)
    return memoryview(bytes(pixels)).cast("B", (size * scale, size * scale))


@pytest.mark.parametrize("url", URLS)
def test_the_drawn_code_decodes_to_its_url(url: str) -> None:
    decoded = zxingcpp.read_barcode(_raster(qr.qr_svg(url)), formats=zxingcpp.QRCode)
    assert decoded is not None
    assert decoded.text == url
    assert decoded.ec_level == "M"


@pytest.mark.parametrize("url", URLS)
def test_the_code_scales_and_keeps_a_four_module_quiet_zone(url: str) -> None:
    svg = qr.qr_svg(url)
    assert "viewBox=" in svg
    assert not re.search(r"<svg[^>]* (width|height)=", svg)
    matrix = qr.modules(url)
    size = len(matrix) + 2 * qr.QUIET_ZONE
    assert f'viewBox="0 0 {size} {size}"' in svg
    starts = [(int(x), int(y)) for x, y in re.findall(r"M(\d+) (\d+)h", svg)]
    assert min(x for x, _ in starts) == qr.QUIET_ZONE
    assert min(y for _, y in starts) == qr.QUIET_ZONE


def test_codes_are_deterministic_and_accessible() -> None:
    first = qr.qr_svg(URLS[0])
    qr.qr_svg.cache_clear()
    assert qr.qr_svg(URLS[0]) == first
    assert 'role="img"' in first and "<title>" in first and "aria-label=" in first
