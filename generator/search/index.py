"""Chinese full-text search: run Pagefind's extended build over the built site.

Pagefind's extended binary segments Chinese, so 执照 finds 营业执照 (jieba-style whole-word
indexes do not), and it writes a chunked index fetched piece by piece, instead of one
index every visitor downloads.  The binary ships inside the ``pagefind_bin_extended``
wheel; ``python -m pagefind`` runs it.  Only pages marked ``data-pagefind-body`` (item
guides) are indexed, with one filter, 部门, declared in the item template: every filter's
page list is fetched on the first search, and at 10,000 items each one cost about 22 KB.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BUNDLE = "pagefind"


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message carries its output."""


def pagefind_command(site: Path) -> list[str]:
    """The command line: the extended build, forced to Chinese, quiet unless it fails."""
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site),
        "--output-subdir",
        BUNDLE,
        "--force-language",
        "zh",
        "--silent",
    ]


def build_index(site: Path) -> Path:
    """Index ``site`` in place; returns the bundle directory (``site/pagefind``)."""
    result = subprocess.run(pagefind_command(site), capture_output=True, text=True, check=False)
    bundle = site / BUNDLE
    if result.returncode != 0 or not (bundle / "pagefind.js").is_file():
        output = (result.stdout + result.stderr).strip()
        raise SearchIndexError(f"Pagefind 退出码 {result.returncode}:{output}")
    return bundle
