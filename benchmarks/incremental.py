"""Edit-to-reload time of the preview server, measured as ``make serve`` rebuilds.

Builds a catalogue once the way the server does (`serve --dirty`, in one process), then
edits one item file and times the rebuild that follows; the browser reloads right after
the rebuild, so this is the time from save to fresh page, less the reload itself.
Run as ``python benchmarks/incremental.py CATALOGUE`` (``make bench`` calls it).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402


def _rebuild(catalogue: Path, site: Path) -> float:
    """One rebuild as ``make serve`` runs it: ``mkdocs serve --dirty`` (folder kept)."""
    os.environ["BANSHI_CATALOGUE"] = str(catalogue)
    start = time.perf_counter()
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    return time.perf_counter() - start


def measure(source: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        catalogue = Path(tmp) / "catalogue"
        shutil.copytree(source, catalogue)
        site = Path(tmp) / "site"
        first = _rebuild(catalogue, site)
        item = sorted((catalogue / "items").rglob("*.yaml"))[0]
        text = item.read_text(encoding="utf-8")
        item.write_text(text.replace("name: ", "name: 修改", 1), encoding="utf-8")
        edit = _rebuild(catalogue, site)
        return {"first_build_s": round(first, 2), "item_edit_rebuild_s": round(edit, 2)}


if __name__ == "__main__":
    import json

    print(json.dumps(measure(Path(sys.argv[1]))))
