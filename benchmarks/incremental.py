"""Edit-to-reload time of the preview server, measured as ``make serve`` rebuilds.

Builds a catalogue once the way the server does (`serve --dirty`, in one process), then
edits one item file and times the rebuild that follows; the browser reloads right after
the rebuild, so this is the time from save to fresh page, less the reload itself.
Run as ``python benchmarks/incremental.py CATALOGUE`` (``make bench`` calls it).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.portal.build import preview_build  # noqa: E402
from generator.portal.memo import Memo  # noqa: E402


def _rebuild(catalogue: Path, site: Path, preview: Memo) -> tuple[float, float]:
    """One rebuild as ``make serve`` runs it, the folder and the server's memo kept:
    (seconds to the reload, seconds more for the data files and search index after it)."""
    start = time.perf_counter()
    later = preview_build(catalogue, site, preview)
    page = time.perf_counter()
    later()
    return page - start, time.perf_counter() - page


def measure(source: Path) -> dict[str, float]:
    preview = Memo(enabled=True)
    with tempfile.TemporaryDirectory() as tmp:
        catalogue = Path(tmp) / "catalogue"
        shutil.copytree(source, catalogue)
        site = Path(tmp) / "site"
        first, first_later = _rebuild(catalogue, site, preview)
        item = sorted((catalogue / "items").rglob("*.yaml"))[0]
        text = item.read_text(encoding="utf-8")
        item.write_text(text.replace("name: ", "name: 修改", 1), encoding="utf-8")
        edit, edit_later = _rebuild(catalogue, site, preview)
        return {
            "first_build_s": round(first + first_later, 2),
            "item_edit_rebuild_s": round(edit, 2),
            "item_edit_aggregates_s": round(edit_later, 2),
        }


if __name__ == "__main__":
    import json

    print(json.dumps(measure(Path(sys.argv[1]))))
