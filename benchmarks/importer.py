"""``import`` at scale: time and peak memory against one catalogue load, and the readers.

The synthetic catalogue is exported as the portal publishes it (catalogue.xlsx), then
each step runs in its own process so that its peak resident memory is its own:

- ``load``: ``load_catalogue`` of the YAML folder (what every command starts with);
- ``import``: ``python -m generator import catalogue.xlsx --out DIR`` (reading, writing
  every YAML file, then the full ``check`` of the result);
- ``import_only``: the reading and writing stage alone (``write_catalogue``), whose peak
  memory is the importer's own;
- ``calamine`` / ``openpyxl``: reading every row of every sheet, nothing else, with
  python-calamine and with openpyxl's read-only mode (the two candidates for the reader).

Run as ``python benchmarks/importer.py CATALOGUE WORKDIR``; ``make bench`` calls it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable

LOAD = """
import sys
from pathlib import Path
from generator.catalogue.loaded import load_catalogue
catalogue, _ = load_catalogue(Path(sys.argv[1]))
print(len(catalogue.items))
"""

IMPORT_ONLY = """
import sys
from pathlib import Path
from generator.importer.command import Summary, write_catalogue
from generator.importer.context import Context
from generator.importer.problems import Problems
from generator.importer.registry import Registry
summary = Summary()
context = Context(Registry(), Problems())
write_catalogue(Path(sys.argv[1]), sys.argv[1], Path(sys.argv[2]), context, summary)
print(summary.items)
"""

CALAMINE = """
import sys
from python_calamine import CalamineWorkbook
book = CalamineWorkbook.from_path(sys.argv[1])
rows = 0
for name in book.sheet_names:
    for row in book.get_sheet_by_name(name).iter_rows():
        rows += 1
print(rows)
"""

OPENPYXL = """
import sys
import openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True)
rows = 0
for sheet in book.worksheets:
    for row in sheet.iter_rows(values_only=True):
        rows += 1
print(rows)
"""


def measure(args: list[str]) -> tuple[float, int]:
    """Wall seconds and peak resident bytes of one command and the children it waited for."""
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # 1: the import found problems (synthetic forms are absent)
        raise subprocess.CalledProcessError(code, args)
    return round(seconds, 2), usage.ru_maxrss * 1024


def bench(catalogue: Path, work: Path) -> dict[str, Any]:
    work.mkdir(parents=True, exist_ok=True)
    exported = work / "export"
    subprocess.run(
        [
            PY,
            "-m",
            "generator",
            "export",
            "--catalogue",
            str(catalogue),
            "--format",
            "xlsx",
            "--out",
            str(exported),
        ],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    book = exported / "catalogue.xlsx"
    out = work / "imported"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    shutil.copy(catalogue / "centre.yaml", out / "centre.yaml")
    steps = {
        "load": [PY, "-c", LOAD, str(catalogue)],
        "import": [PY, "-m", "generator", "import", str(book), "--out", str(out)],
        "import_only": [PY, "-c", IMPORT_ONLY, str(book), str(work / "imported-only")],
        "calamine": [PY, "-c", CALAMINE, str(book)],
        "openpyxl": [PY, "-c", OPENPYXL, str(book)],
    }
    results: dict[str, Any] = {
        "items": len(list((catalogue / "items").glob("*/*.yaml"))),
        "xlsx_bytes": book.stat().st_size,
    }
    for name, args in steps.items():
        seconds, peak = measure(args)
        results[f"{name}_s"], results[f"{name}_peak_bytes"] = seconds, peak
    return results


def table(row: dict[str, Any]) -> str:
    load = row["load_s"]
    lines = [
        f"Import of {row['items']:,} items from catalogue.xlsx ({row['xlsx_bytes'] / 1e6:.1f} MB):",
        "",
        "| step | time | ratio to one load | peak memory |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, label in (
        ("load", "load the YAML catalogue (baseline)"),
        ("import", "`import` (read, write YAML, check)"),
        ("import_only", "reading and writing alone (no check)"),
        ("calamine", "read every row: python-calamine"),
        ("openpyxl", "read every row: openpyxl read-only"),
    ):
        lines.append(
            f"| {label} | {row[name + '_s']} s | {row[name + '_s'] / load:.2f}× | "
            f"{row[name + '_peak_bytes'] / 1e6:,.0f} MB |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    result = bench(Path(sys.argv[1]), Path(sys.argv[2]))
    print(table(result))
    print(json.dumps(result))
