"""``diff`` on a large catalogue: its time as a ratio to one catalogue load (target < 2×).

A synthetic catalogue of 2,000 items (``generator synth``) is copied; 20 items are edited
(a longer promise, a reworded condition, a new material), and one department's hotline
changes, so every item of that department is compared as the public sees it.  Times are
the best of three runs of

- one ``load_catalogue`` of the head (what ``check`` and ``build`` pay first);
- ``diff``: both sides loaded (identical item files skipped) and compared, and the
  Markdown report written.

Figures, never assertions.  Usage::

    python benchmarks/diff.py [ITEMS] [CHANGES]
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.catalogue.loaded import load_catalogue  # noqa: E402
from generator.catalogue.synth import synthesize  # noqa: E402
from generator.review.diff import diff_catalogues, load_sides  # noqa: E402
from generator.review.report import format_markdown  # noqa: E402


def _best(run: Callable[[], object], times: int = 3) -> float:
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def _edit(head: Path, changes: int) -> int:
    files = sorted((head / "items").rglob("*.yaml"))
    step = max(1, len(files) // changes)
    edited = 0
    for path in files[::step][:changes]:
        text = path.read_text(encoding="utf-8")
        text = re.sub(
            r"(promised:\n\s+days: )(\d+)", lambda m: f"{m[1]}{int(m[2]) + 2}", text, count=1
        )
        text = text.replace("  - text: ", "  - text: 申请人应当", 1)
        text = text.replace(
            "materials:\n",
            "materials:\n  - name: 房屋租赁合同\n    form: 复印件\n    copies: 1\n"
            "    medium: 纸质\n    source: 申请人自备\n",
            1,
        )
        path.write_text(text, encoding="utf-8")
        edited += 1
    departments = head / "departments.yaml"
    text = departments.read_text(encoding="utf-8")
    departments.write_text(
        re.sub(
            r'supervision_phone: "([^"]+)"', 'supervision_phone: "0512-60000000"', text, count=1
        ),
        encoding="utf-8",
    )
    return edited


def main() -> None:
    items = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    changes = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    with tempfile.TemporaryDirectory(prefix="bench-diff-") as tmp:
        base, head = Path(tmp) / "base", Path(tmp) / "head"
        synthesize(base, items)
        shutil.copytree(base, head)
        edited = _edit(head, changes)

        def diff() -> str:
            sides = load_sides(base, head, ("base", "head"), ("base", "head"))
            return format_markdown(diff_catalogues(*sides))

        load = _best(lambda: load_catalogue(head))
        compare = _best(diff)
        report = diff()
    print(f"items: {items}, edited items: {edited}, plus one department's hotline")
    print(f"load_catalogue: {load * 1000:.0f} ms")
    print(f"diff (load both sides, compare, report): {compare * 1000:.0f} ms")
    print(f"ratio: {compare / load:.2f}× one load (target < 2×)")
    print(f"report: {report.count(chr(10))} lines")


if __name__ == "__main__":
    main()
