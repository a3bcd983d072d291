"""Edit-to-reload time of the preview server, measured as ``make serve`` rebuilds.

Builds a catalogue once the way the server does (`serve --dirty`, in one process), then
edits one item file and times the rebuild that follows; the browser reloads right after
the rebuild, so this is the time from save to fresh page, less the reload itself.
Then it restarts the server as the next morning's ``serve`` does, from the memo the
session kept on disk (``portal/persist.py``), and times its first page.
Run as ``python benchmarks/incremental.py CATALOGUE`` (``make bench`` calls it).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.portal import persist  # noqa: E402
from generator.portal.build import OVERRIDES, checked_once, preview_build  # noqa: E402
from generator.portal.memo import Memo  # noqa: E402


def _rebuild(catalogue: Path, site: Path, preview: Memo) -> tuple[float, float]:
    """One rebuild as ``make serve`` runs it, the folder and the server's memo kept:
    (seconds to the reload, seconds more for the data files and search index after it)."""
    start = time.perf_counter()
    later = preview_build(catalogue, site, preview)
    page = time.perf_counter()
    later()
    return page - start, time.perf_counter() - page


def _session(catalogue: Path, site: Path, preview: Memo) -> tuple[float, float]:
    """``serve`` starting: the check (or the one its cache kept), then the first build."""
    start = time.perf_counter()
    checked_once(catalogue, preview, AS_OF, OVERRIDES)
    checked = time.perf_counter() - start
    page, later = _rebuild(catalogue, site, preview)
    return checked + page, later


AS_OF = date(2026, 12, 1)


def measure(source: Path) -> dict[str, float]:
    preview = Memo(enabled=True)
    with tempfile.TemporaryDirectory() as tmp:
        catalogue = Path(tmp) / "catalogue"
        shutil.copytree(source, catalogue)
        first, first_later = _session(catalogue, Path(tmp) / "site", preview)
        start = time.perf_counter()
        cache = persist.cache_file(catalogue, Path(tmp) / "cache")  # not the user's own
        persist.save(preview, cache)
        saved = time.perf_counter() - start
        del preview
        # The next morning: the same catalogue, a new process and a new, empty folder.
        start = time.perf_counter()
        restarted = persist.load(cache)
        loaded = time.perf_counter() - start
        site = Path(tmp) / "site-2"
        again, _ = _session(catalogue, site, restarted)
        item = sorted((catalogue / "items").rglob("*.yaml"))[0]
        text = item.read_text(encoding="utf-8")
        item.write_text(text.replace("name: ", "name: 修改", 1), encoding="utf-8")
        edit, edit_later = _rebuild(catalogue, site, restarted)
        return {
            "first_build_s": round(first + first_later, 2),
            "item_edit_rebuild_s": round(edit, 2),
            "item_edit_aggregates_s": round(edit_later, 2),
            "cache_save_s": round(saved, 2),
            "cache_mb": round(cache.stat().st_size / 1e6, 1),
            "restart_first_page_s": round(loaded + again, 2),
            "restart_cache_load_s": round(loaded, 2),
        }


if __name__ == "__main__":
    import json

    print(json.dumps(measure(Path(sys.argv[1]))))
