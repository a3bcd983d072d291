"""The staff printer reaches the local site and nothing else.

A sheet is printed from a catalogue that may be hostile, on the build machine: a request
to another local service or to the internet must fail, and fail at once (a print run must
not hang).  The page below asks for an image from a second local server and from an
outside host; the second server must see no request, and the PDF must still be written.
The printer runs in a child process: the browser tests' Playwright may already be running
in this one.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SCRIPT = textwrap.dedent(
    """
    import sys, threading, time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from pathlib import Path
    from generator.printing.pdf import Printer, served

    seen = []

    class Other(BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    other = ThreadingHTTPServer(("127.0.0.1", 0), Other)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    root = Path(sys.argv[1])
    port = other.server_address[1]
    (root / "index.html").write_text(
        '<!doctype html><meta charset="utf-8"><p>告知单</p>'
        f'<img src="http://127.0.0.1:{port}/local.png">'
        f'<img src="http://localhost:{port}/alias.png">'
        '<img src="http://example.com/outside.png">',
        encoding="utf-8",
    )
    started = time.monotonic()
    with served(root) as origin, Printer(origin) as printer:
        printer.print("/", root / "out.pdf")
    print(len(seen), round(time.monotonic() - started, 1), (root / "out.pdf").stat().st_size)
    """
)


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not on PATH")
def test_the_printer_reaches_only_the_site_it_prints(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert result.returncode == 0, result.stderr
    requests, seconds, size = result.stdout.split()
    assert requests == "0", "the printer reached another local server"
    assert float(seconds) < 30, "a blocked request made the print wait"
    assert int(size) > 1000
