"""``python -m generator build`` and ``serve``: check and run MkDocs in a subprocess.

``build`` has the MkDocs process check the catalogue it loads (:mod:`.checkgate`);
``serve`` checks first, then becomes ``mkdocs serve``.

No MkDocs import here: MkDocs runs as ``python -m mkdocs`` with the catalogue passed in
``BANSHI_CATALOGUE`` (read by mkdocs.yml's ``!ENV``).  A build goes into a temporary
sibling directory and is swapped into place only when it succeeded, so a failed build
never replaces the previous good site.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from ..catalogue.diagnostics import format_text
from ..deploy.precompress import finish_site
from . import checkgate, progress

PROJECT = Path(__file__).resolve().parents[2]
CONFIG = PROJECT / "mkdocs.yml"


def _mkdocs_env(catalogue: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["BANSHI_CATALOGUE"] = str(catalogue.resolve())
    env.setdefault("PYTHONHASHSEED", "0")
    return env


def _checked(catalogue: Path, *, as_of: date, strict: bool) -> bool:
    """Run the same checks as ``check``; print its diagnostics; True if the build may go on."""
    from ..checks.pipeline import check_report

    if progress.wanted():
        print("检查目录……", file=sys.stderr)
    if not catalogue.is_dir():
        print(f"目录不存在:{catalogue}", file=sys.stderr)
        return False
    report = check_report(catalogue, as_of=as_of)
    if report.diagnostics:
        sys.stdout.write(format_text(report))
    if report.exit_code(strict=strict):
        print("目录检查未通过,网站未生成;原有网站保持不变。", file=sys.stderr)
        return False
    return True


def _swap(new: Path, out: Path) -> None:
    """Put ``new`` at ``out``; the old site is removed only after the new one is in place."""
    old: Path | None = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
        old.rmdir()
        out.rename(old)
    try:
        new.rename(out)
    except OSError:
        if old is not None:
            old.rename(out)
        raise
    if old is not None:
        shutil.rmtree(old)


def site_size(site: Path) -> tuple[int, int]:
    """(HTML pages, total bytes) of a built site."""
    files = [p for p in site.rglob("*") if p.is_file()]
    return sum(p.suffix == ".html" for p in files), sum(p.stat().st_size for p in files)


def build_site(
    catalogue: Path,
    out: Path,
    *,
    as_of: date,
    strict: bool = False,
    config: Path = CONFIG,
    check: bool = True,
) -> int:
    """Check the catalogue, build the site into ``out``; 0 on success, 1 on any failure.

    ``check=False`` exists for the escaping tests only, which must build a catalogue full
    of markup that the checker rightly refuses; the command line never offers it.
    """
    if not catalogue.is_dir():
        print(f"目录不存在:{catalogue}", file=sys.stderr)
        return 1
    started = time.monotonic()
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--quiet",
        "-f",
        str(config),
        "-d",
        str(work),
    ]
    env = _mkdocs_env(catalogue)
    # The building process checks (see checkgate): the catalogue is loaded only once.
    handle, report = tempfile.mkstemp(prefix="banshi-check-", suffix=".json")
    os.close(handle)
    gate = checkgate.Request(as_of, strict, Path(report))
    if check:
        env.update(gate.env())
        if progress.wanted():
            print("检查目录……", file=sys.stderr)
    with progress.shown(env) as progress_fds:
        result = subprocess.run(
            command,
            env=env,
            cwd=config.parent,
            capture_output=True,
            text=True,
            check=False,
            pass_fds=progress_fds,
        )
    outcome = checkgate.read_outcome(gate.report)
    gate.report.unlink(missing_ok=True)
    if outcome is not None and outcome.text:
        sys.stdout.write(outcome.text)
    if outcome is not None and not outcome.passed:
        shutil.rmtree(work, ignore_errors=True)
        print("目录检查未通过,网站未生成;原有网站保持不变。", file=sys.stderr)
        return 1
    if result.returncode != 0:
        shutil.rmtree(work, ignore_errors=True)
        sys.stderr.write(result.stdout + result.stderr)
        print("网站生成失败;原有网站保持不变。", file=sys.stderr)
        return 1
    finish_site(work)  # .br/.gz beside each text file and manifest.json (generator/deploy)
    _swap(work, out)
    pages_count, size = site_size(out)
    seconds = time.monotonic() - started
    print(f"已生成 {pages_count} 个页面,共 {size / 1_000_000:.1f} MB,用时 {seconds:.1f} 秒:{out}")
    return 0


def serve_site(catalogue: Path, *, host: str, port: int, as_of: date, config: Path = CONFIG) -> int:
    """Check, then become ``mkdocs serve`` (live reload; the plugin watches the catalogue).

    The process is replaced rather than forked so that a signal stopping the server
    reaches MkDocs itself and leaves no orphan behind.
    """
    if not _checked(catalogue, as_of=as_of, strict=False):
        return 1
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "--livereload",
        # Keep the site folder between rebuilds: only changed files are written (memo.keep).
        "--dirty",
        "-f",
        str(config),
        "-a",
        f"{host}:{port}",
    ]
    env = _mkdocs_env(catalogue)  # resolves the catalogue before leaving the cwd
    sys.stdout.flush()
    os.chdir(config.parent)
    os.execve(sys.executable, command, env)
