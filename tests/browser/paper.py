"""Paper as the window prints it: a page printed to PDF by chromium, read back with poppler
(``pdfinfo``, ``pdftotext``, ``pdftoppm``) and zxing-cpp, as a scanner would read it.

Kept apart from conftest.py so test modules import these as ordinary functions.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import zxingcpp
from PIL import Image
from playwright.sync_api import BrowserContext, Page

from generator.portal.urls import department_notices_url, notice_url

from .support import Watch

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
    """A printed PDF: its pages' text and what a scanner reads from its first page.

    Each poppler tool runs once per PDF (and per text mode): a sheet's checks read many
    pages, and starting pdftotext per page and per check cost more than printing it.
    """

    path: Path
    _texts: dict[bool, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)
    _codes: dict[int, list[str]] = field(default_factory=dict, compare=False, repr=False)

    @functools.cached_property
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
        pages = self._page_texts(layout)
        if page is None:
            return "".join(pages)
        assert 1 <= page <= len(pages), f"page {page} of {len(pages)}"
        return pages[page - 1]

    def _page_texts(self, layout: bool) -> tuple[str, ...]:
        """Each page's whitespace-free text from one pdftotext run: it ends every page with
        a form feed, and a page's text is the same as ``-f N -l N`` prints."""
        if layout not in self._texts:
            mode = ["-layout"] if layout else []
            pages = _run(["pdftotext", *mode, str(self.path), "-"]).split("\f")
            assert pages[-1].strip() == "", "pdftotext ends each page with a form feed"
            self._texts[layout] = tuple(squash(page) for page in pages[:-1])
        return self._texts[layout]

    def qr_codes(self, page: int = 1) -> list[str]:
        """The QR codes zxing-cpp decodes from ``page`` rasterised at SCAN_DPI."""
        if page not in self._codes:
            self._codes[page] = self._scan(page)
        return list(self._codes[page])

    def _scan(self, page: int) -> list[str]:
        """A grey scan, as zxing-cpp reads only luminance: an uncompressed PGM, because
        encoding a 150 dpi PNG and converting it from RGB took six times the rendering."""
        with tempfile.TemporaryDirectory() as tmp:
            prefix = Path(tmp) / "page"
            _run(["pdftoppm", "-r", str(SCAN_DPI), "-gray", "-f", str(page), "-l", str(page),
                  str(self.path), str(prefix)])  # fmt: skip
            (scan,) = Path(tmp).glob("page*.pgm")
            with Image.open(scan) as image:
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


WatchedPage = Callable[[], tuple[BrowserContext, Page, Watch]]


class Sheets:
    """The demo's sheets as printed, each once per session: a notice sheet, a department's
    batch, a 补正材料通知书 with its first material ticked.  Printing costs a page load and a
    PDF; every test of a sheet reads the one PDF (its text and scan are cached too).

    Each print checks what every printed sheet must hold to: nothing left the site and no
    script failed while the sheet loaded and printed.
    """

    def __init__(self, open_page: WatchedPage, origin: str, directory: Path) -> None:
        self._open_page = open_page
        self._origin = origin
        self._directory = directory
        self._printed: dict[str, Paper] = {}

    def notice(self, item_id: str) -> Paper:
        return self._print(notice_url(item_id), f"notice-{item_id}")

    def batch(self, department: str) -> Paper:
        return self._print(department_notices_url(department), f"batch-{department}")

    def correction(self, item_id: str) -> Paper:
        """The 补正材料通知书 of ``item_id`` with its first material ticked."""
        return self._print(notice_url(item_id), f"correction-{item_id}", _tick_first)

    def _print(self, path: str, name: str, prepare: Callable[[Page], None] | None = None) -> Paper:
        if name not in self._printed:
            context, page, watch = self._open_page()
            try:
                response = page.goto(self._origin + path, wait_until="networkidle")
                assert response is not None and response.ok, f"{path}: {response}"
                if prepare:
                    prepare(page)
                paper = save(print_pdf(page), self._directory, name)
            finally:
                context.close()
            assert watch.offsite == [] and watch.errors() == [], (name, watch)
            self._printed[name] = paper
        return self._printed[name]


def _tick_first(page: Page) -> None:
    """Headless chromium has no print dialog: the button's print() is a no-op here and
    page.pdf() prints what the dialog would."""
    page.evaluate("() => { window.print = () => {}; }")
    page.locator("#bs-correction-1").check()
    page.get_by_role("button", name="打印补正材料通知书").click()
