"""``python -m generator notices``: notice sheets as PDF files, printed as the browser
prints them, so a window restocks its rack from files rather than page by page.

The run: check the arguments (one-line error and exit 2 for an unknown item, department
or revision, or an output folder that cannot be written), choose the sheets
(``--changed-since``: only those whose printed content changed), build the site into a
temporary folder, serve it locally and print one PDF per item, or one per department.
"""

from __future__ import annotations

import contextlib
import io
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TextIO

from .. import vcs
from ..catalogue.diagnostics import Report, format_text
from ..catalogue.loaded import Catalogue, load_catalogue
from ..portal.build import build_site
from ..portal.urls import department_notices_url, notice_url
from . import sheets
from .pdf import Printer, PrintError, require_printing, served


class UsageError(Exception):
    """Bad input: one line for staff, exit 2."""


@dataclass(frozen=True)
class Job:
    """One PDF to write: the page to print, and on a batch page the sheets to keep."""

    name: str
    url: str
    keep: tuple[str, ...] | None = None


def run_notices(
    catalogue_dir: Path,
    out: Path,
    *,
    item: str | None = None,
    department: str | None = None,
    changed_since: str | None = None,
    as_of: date,
    overrides: Path | None = None,
) -> int:
    """Write the PDFs; 0 done, 1 the catalogue did not build, 2 bad input or no browser."""
    try:
        catalogue, report = _catalogue(catalogue_dir)
        if report.errors:
            sys.stdout.write(format_text(report))
            print("目录检查未通过,未打印告知单。", file=sys.stderr)
            return 1
        jobs = _jobs(catalogue, item, department)
        _writable(out)
        require_printing()
        if changed_since is not None:
            jobs = _only_changed(catalogue, jobs, changed_since, overrides)
    except (UsageError, vcs.GitError, PrintError) as exc:
        print(f"错误:{exc}", file=sys.stderr)
        return 2
    if not jobs:
        print(f"自 {changed_since} 以来没有告知单内容变化,无需重印。")
        return 0
    with tempfile.TemporaryDirectory(prefix="banshi-notices-") as tmp:
        site = Path(tmp) / "site"
        # The build's own report ("已生成 … :/tmp/…") names a folder that is gone when
        # the run ends: staff see only the PDFs written; a failed build says why.
        said = io.StringIO()
        with contextlib.redirect_stdout(said):
            built = build_site(catalogue_dir, site, as_of=as_of)
        if built != 0:
            sys.stdout.write(said.getvalue())
            return 1
        try:
            with served(site) as origin, Printer(origin) as printer:
                progress = Progress(len(jobs), sys.stderr)
                for job in jobs:
                    printer.print(job.url, out / f"{job.name}.pdf", keep_items=job.keep)
                    progress.step(job.name)
                progress.done()
        except PrintError as exc:
            print(f"错误:{exc}", file=sys.stderr)
            return 2
    print(f"已写出 {len(jobs)} 个 PDF 文件:{out}")
    return 0


def _catalogue(root: Path) -> tuple[Catalogue, Report]:
    if not root.is_dir():
        raise UsageError(f"目录不存在:{root}")
    return load_catalogue(root)


def _jobs(catalogue: Catalogue, item: str | None, department: str | None) -> list[Job]:
    if item is not None and department is not None:
        raise UsageError("--item 和 --department 只能选一个")
    if item is not None:
        if item not in catalogue.items:
            raise UsageError(f"目录中没有事项 {item}")
        return [Job(item, notice_url(item))]
    if department is not None:
        if not catalogue.items_of(department):
            reason = "没有事项" if department in catalogue.departments else "不存在"
            raise UsageError(f"部门 {department} {reason}")
        return [Job(department, department_notices_url(department))]
    return [Job(item_id, notice_url(item_id)) for item_id in sorted(catalogue.items)]


def _writable(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as exc:
        raise UsageError(f"无法写入输出目录 {out}:{exc.strerror or exc}") from exc


def _only_changed(
    catalogue: Catalogue, jobs: list[Job], revision: str, overrides: Path | None
) -> list[Job]:
    commit = vcs.resolve(revision, vcs.toplevel(catalogue.root))
    now = sheets.printed(catalogue, overrides)
    with tempfile.TemporaryDirectory(prefix="banshi-before-") as tmp:
        before = Path(tmp)
        existed = vcs.export_catalogue(catalogue.root, commit, before)
        changed = sheets.changed(now, before if existed else None, overrides)
    kept: list[Job] = []
    for job in jobs:
        if job.url == notice_url(job.name):
            if job.name in changed:
                kept.append(job)
        else:
            ids = tuple(
                loaded.id for loaded in catalogue.items_of(job.name) if loaded.id in changed
            )
            if ids:
                kept.append(Job(job.name, job.url, ids))
    return kept


class Progress:
    """``已打印 3/40`` on one terminal line for long runs; silent when not a terminal."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.count = 0
        self.stream = stream
        self.live = stream.isatty()

    def step(self, name: str) -> None:
        self.count += 1
        if self.live:
            self.stream.write(f"\r已打印 {self.count}/{self.total}:{name}\x1b[K")
            self.stream.flush()

    def done(self) -> None:
        if self.live:
            self.stream.write("\n")
            self.stream.flush()
