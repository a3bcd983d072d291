"""Paper as the window prints it: a page printed to PDF by chromium, read back with poppler
(``pdfinfo``, ``pdftotext``, ``pdftoppm``) and zxing-cpp, as a scanner would read it.

Kept apart from conftest.py so test modules import these as ordinary functions.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import zxingcpp
from PIL import Image
from playwright.sync_api import Page

SCAN_DPI = 150
"""An office scanner's or a phone camera's effective resolution for an A4 page."""

POPPLER = ("pdfinfo", "pdftotext", "pdftoppm")


def poppler_missing() -> str | None:
    """The first poppler tool not on PATH (``make test`` installs poppler-utils), else None."""
    return next((tool for tool in POPPLER if shutil.which(tool) is None), None)


def print_pdf(page: Page) -> bytes:
    """The page printed as the browser prints it: A4, backgrounds, the sheet's @page rules.

    Waits for the document and its fonts first: on a loaded machine chromium once printed a
    sheet whose text was not laid out yet (only the page footer came out).  No animation
    frame is awaited: a page in the background gets none, and the wait would never end.
    """
    page.wait_for_load_state("load")
    page.wait_for_function("document.readyState === 'complete'", timeout=30_000)
    page.evaluate("() => document.fonts.ready.then(() => true)")
    return page.pdf(format="A4", print_background=True, prefer_css_page_size=True)


def squash(text: str) -> str:
    """Text without any whitespace: PDF text extraction drops or adds spaces between CJK
    glyphs and breaks lines at will, so texts are compared without them."""
    return re.sub(r"\s+", "", text)


@dataclass(frozen=True)
class Paper:
    """A printed PDF: its pages' text and what a scanner reads from its first page."""

    path: Path

    @property
    def pages(self) -> int:
        info = _run(["pdfinfo", str(self.path)])
        match = re.search(r"^Pages:\s+(\d+)", info, re.M)
        assert match, info
        return int(match.group(1))

    def text(self, page: int | None = None, *, layout: bool = False) -> str:
        """Whitespace-free text of one page (1-based), or of the whole document.

        ``layout`` keeps each printed line together (pdftotext's reading order may split a
        line at a change of font); without it a table cell's wrapped text stays together.
        """
        pages = ["-f", str(page), "-l", str(page)] if page else []
        mode = ["-layout"] if layout else []
        return squash(_run(["pdftotext", *mode, *pages, str(self.path), "-"]))

    def qr_codes(self, page: int = 1) -> list[str]:
        """The QR codes zxing-cpp decodes from ``page`` rasterised at SCAN_DPI."""
        with tempfile.TemporaryDirectory() as tmp:
            prefix = Path(tmp) / "page"
            _run(["pdftoppm", "-r", str(SCAN_DPI), "-png", "-f", str(page), "-l", str(page),
                  str(self.path), str(prefix)])  # fmt: skip
            (png,) = Path(tmp).glob("page*.png")
            with Image.open(png) as image:
                found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
                return [code.text for code in found]


def save(pdf: bytes, directory: Path, name: str) -> Paper:
    path = directory / f"{name}.pdf"
    path.write_bytes(pdf)
    return Paper(path)


def _run(command: list[str]) -> str:
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, f"{command[0]} failed: {result.stderr}"
    return result.stdout
