"""``make bench``: how long check and build take, and how big the site and a search are.

Speed is measured here, never asserted in tests.  Synthetic catalogues are cached under
``benchmarks/out/`` (ignored by git); results are printed as a table and written to
``benchmarks/out/results.json``.  Usage::

    python benchmarks/run.py [--sizes 1000,10000] [--skip-build] [--skip-search] [--skip-import]
"""

from __future__ import annotations

import argparse
import contextlib
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

import importer  # noqa: E402  (benchmarks/importer.py: import against one catalogue load)
import search  # noqa: E402  (benchmarks/search.py: bytes and latency of real searches)


def _run(args: list[str]) -> float:
    return _measure(args)[0]


def _measure(args: list[str], cwd: Path = ROOT) -> tuple[float, int]:
    """Wall seconds and peak resident memory (bytes) of one command.

    ``wait4`` reports the largest resident set among the command and the children it
    waited for, which is the figure that decides whether a build fits a machine.
    """
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, args)
    return seconds, usage.ru_maxrss * 1024


def _catalogue(size: int) -> Path:
    path = OUT / f"catalogue-{size}"
    if not (path / "items").is_dir():
        shutil.rmtree(path, ignore_errors=True)
        _run([PY, "-m", "generator", "synth", "--items", str(size), "--out", str(path)])
    return path


def _tree_bytes(path: Path) -> tuple[int, int]:
    """Files and bytes of the site as written, without the precompressed copies (``x.br`` and
    ``x.gz`` beside ``x``) that a published build adds for the server: the figures stay
    comparable with the baselines and with earlier runs."""
    files = [p for p in path.rglob("*") if p.is_file() and not _copy(p)]
    return len(files), sum(p.stat().st_size for p in files)


def _copy(path: Path) -> bool:
    return path.suffix in {".br", ".gz"} and path.with_suffix("").is_file()


def bench_check(size: int, repeat: int = 3) -> dict[str, Any]:
    catalogue = _catalogue(size)
    times = [_run([PY, "-m", "generator", "check", str(catalogue)]) for _ in range(repeat)]
    return {"items": size, "check_s_best": round(min(times), 2), "check_s_all": times}


def bench_build(size: int) -> dict[str, Any]:
    catalogue = _catalogue(size)
    site = OUT / f"site-{size}"
    # Timed into an empty folder, as the baselines are (write_site starts them afresh):
    # removing the last run's 800 MB took longer than a third of the build.
    shutil.rmtree(site, ignore_errors=True)
    seconds, peak = _measure(
        [PY, "-m", "generator", "build", "--catalogue", str(catalogue), "--out", str(site)]
    )
    files, total = _tree_bytes(site)
    _, items = _tree_bytes(site / "items")
    index_dir = site / "search-index"
    _, index = _tree_bytes(index_dir) if index_dir.is_dir() else (0, 0)
    return {
        "items": size,
        "build_s": round(seconds, 1),
        "peak_bytes": peak,
        "files": files,
        "site_bytes": total,
        "item_pages_bytes_per_item": round(items / size),
        "search_index_bytes": index,
    }


def bench_baseline(size: int, *, nav: bool) -> dict[str, Any]:
    """The same items as a plain Material site (benchmarks/baseline.py), built the same way."""
    from benchmarks.baseline import write_site

    project = OUT / f"baseline-{'nav' if nav else 'no-nav'}-{size}"
    pages = write_site(_catalogue(size), project, nav=nav)
    seconds, peak = _measure([PY, "-m", "mkdocs", "build", "-q"], cwd=project)
    files, total = _tree_bytes(project / "site")
    _, items = _tree_bytes(project / "site" / "items")
    index = project / "site" / "search" / "search_index.json"
    return {
        "items": size,
        "variant": "nav" if nav else "no-nav",
        "pages": pages,
        "build_s": round(seconds, 1),
        "peak_bytes": peak,
        "files": files,
        "site_bytes": total,
        "item_pages_bytes_per_item": round(items / size),
        "search_index_bytes": index.stat().st_size if index.is_file() else 0,
    }


def bench_incremental(size: int) -> dict[str, Any]:
    """Save-to-rebuilt time under ``make serve`` (benchmarks/incremental.py, own process)."""
    output = subprocess.run(
        [PY, str(ROOT / "benchmarks" / "incremental.py"), str(_catalogue(size))],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return {"items": size, **json.loads(output.strip().splitlines()[-1])}


def _machine() -> dict[str, Any]:
    cpu = "unknown CPU"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return {
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "memory_gib": round(memory / 2**30),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def _mb(n: int) -> str:
    return f"{n / 1e6:,.0f} MB"


def table(results: dict[str, Any]) -> str:
    """The comparison as Markdown: ours against each baseline of the same size, same run."""
    rows = [
        "| items | site | build | ratio to (b) | peak memory | bytes per item | search index |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    baselines = {(b["items"], b["variant"]): b for b in results.get("baseline", [])}
    ours = {b["items"]: b for b in results.get("build", [])}
    for size in sorted({n for n, _ in baselines} | set(ours)):
        plain = baselines.get((size, "no-nav"))
        entries = [
            ("ours", ours.get(size)),
            ("(a) Material, items in nav", baselines.get((size, "nav"))),
            ("(b) Material, items outside nav", plain),
        ]
        for label, row in entries:
            if row is None:
                continue
            ratio = f"{row['build_s'] / plain['build_s']:.2f}×" if plain else "—"
            rows.append(
                f"| {size:,} | {label} | {row['build_s']} s | {ratio} | "
                f"{_mb(row['peak_bytes'])} | {row['item_pages_bytes_per_item']:,} B | "
                f"{_mb(row['search_index_bytes'])} |"
            )
    for row in results.get("incremental", []):
        rows.append(
            f"\nUnder `make serve` at {row['items']:,} items: an item saved is on screen in "
            f"{row['item_edit_rebuild_s']} s; its data files, data page and search index "
            f"follow in {row['item_edit_aggregates_s']} s more "
            f"(the first build took {row['first_build_s']} s).  Restarted from its cache "
            f"({row['cache_mb']} MB, saved in {row['cache_save_s']} s), the server shows its "
            f"first page in {row['restart_first_page_s']} s."
        )
    for row in results.get("import", []):
        rows.append("\n" + importer.table(row))
    machine = results["machine"]
    return (
        f"Measured {results['date']} on {machine['cpu']}, {machine['cpus']} cores, "
        f"{machine['memory_gib']} GiB, Python {machine['python']}, all in one run.\n\n"
        + "\n".join(rows)
        + "\n"
    )


PERFORMANCE_DOC = ROOT / "docs" / "performance.md"
PERFORMANCE_HEAD = """# Build performance

Written by `make bench` (benchmarks/run.py); do not edit by hand.  Our build is compared with
a plain Material for MkDocs site of the same items built in the same run
(benchmarks/baseline.py): (a) every item in the navigation, measured at 1,000 items only; (b)
items outside the navigation, with Material's built-in search.  Machines here differ about
2× in speed from day to day, so read the ratios, not the seconds.  Peak memory is the largest
resident set of one process of the build.

How the build keeps up (generator/portal/):

- `build` is one process: `SiteBuild` checks, plans and writes, MkDocs draws in-process
  (`sitebuild.py`); the catalogue is loaded once, on every core.
- Flow charts and QR codes are drawn on every core (`views.draw_all`, `parallel.py`).
- Item guides, notice sheets and department batch pages are filled into one shell page per
  kind that Material draws, on every core (`shells.py`); per-item `index.json` likewise.
- Open data is written by orjson and a small SpreadsheetML writer (`opendata/`).
- The collector is frozen once the catalogue is planned: it no longer rescans it.
- `make serve` keeps its folder and its memo between rebuilds: a save re-reads one item,
  reuses every other item's rendered pages and every page the theme draws whose context
  is unchanged (`memo.py`) and writes only changed files; the data files, the data page
  and the search index follow after the reload.  The memo, keyed by file content, is kept
  in `~/.cache/banshi-portal/` (signed, outside the repository) for the next `serve` (`persist.py`).
- The data files are made last, once the pages are written and let go.

"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--skip-search", action="store_true")
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument(
        "--province",
        action="store_true",
        help="also build a 100,000-item catalogue (time, peak RSS, bytes per item; minutes)",
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    OUT.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": _machine(),
        "check": [bench_check(n) for n in sizes],
    }
    if not args.skip_build:
        results["build"] = [bench_build(n) for n in [*sizes, *([100_000] if args.province else [])]]
        if not args.skip_baseline:
            results["baseline"] = [
                bench_baseline(n, nav=nav)
                for n in sizes
                for nav in (True, False)
                if not (nav and n > 1000)
            ]
        results["incremental"] = [bench_incremental(n) for n in sizes if n <= 10_000]
        if not args.skip_search:
            size = max(sizes)
            results["search"] = [search.bench_search(OUT / f"site-{size}", _catalogue(size))]
    if not args.skip_import:
        size = max(sizes)
        results["import"] = [importer.bench(_catalogue(size), OUT / f"import-{size}")]
    text = json.dumps(results, ensure_ascii=False, indent=2)
    (OUT / "results.json").write_text(text + "\n", encoding="utf-8")
    print(text)
    if "build" in results:
        summary = table(results)
        print(summary)
        if not args.skip_baseline:
            PERFORMANCE_DOC.write_text(PERFORMANCE_HEAD + summary, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
