"""``make bench``: how long check and build take, and how big the site and a search are.

Speed is measured here, never asserted in tests.  Synthetic catalogues are cached under
``benchmarks/out/`` (ignored by git); results are printed as a table and written to
``benchmarks/out/results.json``.  Usage::

    python benchmarks/run.py [--sizes 1000,10000] [--skip-build] [--skip-search]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
PY = sys.executable
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "benchmarks"))

import search  # noqa: E402  (benchmarks/search.py: bytes and latency of real searches)


def _run(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def _catalogue(size: int) -> Path:
    path = OUT / f"catalogue-{size}"
    if not (path / "items").is_dir():
        shutil.rmtree(path, ignore_errors=True)
        _run([PY, "-m", "generator", "synth", "--items", str(size), "--out", str(path)])
    return path


def _tree_bytes(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def bench_check(size: int, repeat: int = 3) -> dict[str, Any]:
    catalogue = _catalogue(size)
    times = [_run([PY, "-m", "generator", "check", str(catalogue)]) for _ in range(repeat)]
    return {"items": size, "check_s_best": round(min(times), 2), "check_s_all": times}


def bench_build(size: int) -> dict[str, Any]:
    catalogue = _catalogue(size)
    site = OUT / f"site-{size}"
    seconds = _run(
        [PY, "-m", "generator", "build", "--catalogue", str(catalogue), "--out", str(site)]
    )
    files, total = _tree_bytes(site)
    _, items = _tree_bytes(site / "items")
    index_dir = site / "search-index"
    _, index = _tree_bytes(index_dir) if index_dir.is_dir() else (0, 0)
    return {
        "items": size,
        "build_s": round(seconds, 1),
        "files": files,
        "site_bytes": total,
        "item_pages_bytes_per_item": round(items / size),
        "search_index_bytes": index,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--skip-search", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    OUT.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "check": [bench_check(n) for n in sizes],
    }
    if not args.skip_build:
        results["build"] = [bench_build(n) for n in sizes]
        if not args.skip_search:
            size = max(sizes)
            results["search"] = [search.bench_search(OUT / f"site-{size}", _catalogue(size))]
    text = json.dumps(results, ensure_ascii=False, indent=2)
    (OUT / "results.json").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
