"""``python -m generator build`` and ``serve``: one process, no child, nothing left behind.

``build`` checks the catalogue, plans and draws the site (:class:`SiteBuild`, through the
engine adapter) into a temporary sibling folder, makes it world-readable and swaps it
into place only when everything succeeded, so a failed build never replaces the previous
good site.  A build killed half-way leaves its folder behind; the next build removes it.
``serve`` makes sure its port is free before it builds anything.
"""

from __future__ import annotations

import errno
import functools
import os
import shutil
import signal
import socket
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from ..catalogue.diagnostics import Report, format_text
from ..deploy.precompress import finish_site
from . import mkdocs_plugin as engine
from . import persist, progress, servelog
from .memo import Memo
from .sitebuild import TEMPLATES, BuildFailed, SiteBuild

CONFIG = Path(__file__).resolve().parent.parent / "chrome" / "mkdocs.yml"
"""The engine's configuration, in the package: a wheel builds sites without a checkout."""
OVERRIDES = Path("site_overrides") / "templates"
"""Where a centre's template overrides are, relative to the working folder (optional)."""

BUILDING = ".{name}.building-"
OLD = ".{name}.old-"
"""Folders beside the site: ``<prefix><pid of the building process>-<random>``."""
STALE_REPORTS = "banshi-check-*.json"
"""What builds before this one left in the temp folder (they checked in a child)."""


def site_size(site: Path) -> tuple[int, int]:
    """(HTML pages, total bytes) of a built site."""
    files = [p for p in site.rglob("*") if p.is_file()]
    return sum(p.suffix == ".html" for p in files), sum(p.stat().st_size for p in files)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_leftovers(out: Path) -> list[Path]:
    """Remove what killed builds into ``out`` left: their folders beside it (named with
    the building process's id, so a build still running is left alone) and old reports."""
    removed: list[Path] = []
    for pattern in (BUILDING, OLD):
        prefix = pattern.format(name=out.name)
        for path in sorted(out.parent.glob(prefix + "*")):
            pid = path.name.removeprefix(prefix).split("-", 1)[0]
            if path.is_dir() and not (pid.isdigit() and _alive(int(pid))):
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
    for report in sorted(Path(tempfile.gettempdir()).glob(STALE_REPORTS)):
        report.unlink(missing_ok=True)
        removed.append(report)
    return removed


def publishable(site: Path) -> None:
    """Folders 0755 and files 0644, whatever the temporary folder's mode and the umask:
    a web server running as another user must read every page."""
    site.chmod(0o755)
    for top, dirs, files in os.walk(site):
        for name in dirs:
            os.chmod(os.path.join(top, name), 0o755)
        for name in files:
            path = os.path.join(top, name)
            if not stat.S_ISLNK(os.lstat(path).st_mode):
                os.chmod(path, 0o644)


def _swap(new: Path, out: Path) -> None:
    """Put ``new`` at ``out``; the old site is removed only after the new one is in place."""
    old: Path | None = None
    if out.exists():
        prefix = f"{OLD.format(name=out.name)}{os.getpid()}-"
        old = Path(tempfile.mkdtemp(prefix=prefix, dir=out.parent))
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


def _progress() -> progress.Progress | None:
    return progress.Bars() if progress.wanted() else None


def build_site(
    catalogue: Path,
    out: Path,
    *,
    as_of: date,
    strict: bool = False,
    config: Path = CONFIG,
    overrides: Path = OVERRIDES,
    check: bool = True,
    shells: bool = True,
) -> int:
    """Check the catalogue, build the site into ``out``; 0 on success, 1 on any failure.

    ``check=False`` exists for the escaping tests only, which must build a catalogue full
    of markup that the checker rightly refuses; the command line never offers it.
    ``shells=False`` has the theme draw every page (the tests compare the two).
    """
    if not catalogue.is_dir():
        print(f"目录不存在:{catalogue}", file=sys.stderr)
        return 1
    started = time.monotonic()
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(out)
    prefix = f"{BUILDING.format(name=out.name)}{os.getpid()}-"
    work = Path(tempfile.mkdtemp(prefix=prefix, dir=out.parent))
    site = SiteBuild(
        catalogue,
        overrides=overrides,
        as_of=as_of,
        strict=strict,
        progress=_progress(),
        shells=shells,
    )
    built = False
    try:
        with site:
            if check:
                report, passed = site.check()
                if report.diagnostics:
                    sys.stdout.write(format_text(report))
                if not passed:
                    print("目录检查未通过,网站未生成;原有网站保持不变。", file=sys.stderr)
                    return 1
            site.prepare()
            engine.draw(site, config, work)
            built = True
    except BuildFailed as exc:
        print(f"{exc}\n网站生成失败;原有网站保持不变。", file=sys.stderr)
        return 1
    finally:
        if not built:
            shutil.rmtree(work, ignore_errors=True)
    finish_site(work)  # .br/.gz beside each text file and manifest.json (generator/deploy)
    publishable(work)
    _swap(work, out)
    pages_count, size = site_size(out)
    seconds = time.monotonic() - started
    print(f"已生成 {pages_count} 个页面,共 {size / 1_000_000:.1f} MB,用时 {seconds:.1f} 秒:{out}")
    return 0


_BIND_ERRORS = {
    errno.EADDRINUSE: "端口已被占用",
    errno.EACCES: "无权使用该端口",
    errno.EADDRNOTAVAIL: "本机没有这个地址",
}


def port_free(host: str, port: int) -> str | None:
    """None if a server can listen on ``host:port``, else why not."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            # As the preview server binds: a port in TIME_WAIT is free, one listening is not.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except socket.gaierror:
        return "地址无法解析"
    except OSError as exc:
        return _BIND_ERRORS.get(exc.errno or 0, exc.strerror or str(exc))
    return None


def preview_build(
    catalogue: Path,
    site_dir: Path,
    preview: Memo,
    *,
    config: Path = CONFIG,
    overrides: Path = OVERRIDES,
) -> Callable[[], None]:
    """One rebuild of the preview server into its kept folder, reusing ``preview``.

    Returns what is left to write once the page is on screen (the search index): the
    server runs it after the reload, a test or benchmark right away."""
    with SiteBuild(catalogue, overrides=overrides, preview=preview) as site:
        site.prepare()
        engine.draw(site, config, site_dir, dirty=True)
    return lambda: site.finish_aggregates(site_dir)


def _aggregates(write: Callable[[], None], save: Callable[[], object] | None = None) -> None:
    try:
        write()
    except BuildFailed as exc:
        servelog.LOG.error("%s\n预览的搜索索引未更新。", exc)
    if save is not None:
        save()


def checked_once(
    catalogue: Path, preview: Memo, as_of: date, overrides: Path
) -> tuple[Report, bool]:
    """``check`` of the catalogue, or the report the cached memo kept for the very same
    bytes of every catalogue file and the same as-of date."""
    key = f"{preview.fingerprint([catalogue.resolve()])}\0{as_of.isoformat()}"
    if preview.checked is not None and preview.checked[0] == key:
        return preview.checked[1], preview.checked[2]
    with SiteBuild(catalogue, overrides=overrides, as_of=as_of, progress=_progress()) as first:
        report, passed = first.check()
    preview.checked = (key, report, passed)
    return report, passed


def serve_site(
    catalogue: Path,
    *,
    host: str,
    port: int,
    as_of: date,
    config: Path = CONFIG,
    overrides: Path = OVERRIDES,
    cached: bool = True,
) -> int:
    """Check, then serve previews that rebuild after every save (live reload).

    The server owns the preview memo: each rebuild reuses what the last one computed, and
    with ``cached`` the memo outlives the server (:mod:`.persist`)."""
    busy = port_free(host, port)
    if busy is not None:
        hint = f"请换一个端口,例如 --port {port + 1}"
        print(f"无法在 {host}:{port} 上启动预览:{busy}。{hint}。", file=sys.stderr)
        return 2
    cache = persist.cache_file(catalogue) if cached else None
    preview = persist.load(cache) if cache is not None else Memo(enabled=True)
    try:
        report, passed = checked_once(catalogue, preview, as_of, overrides)
    except BuildFailed as exc:
        print(exc, file=sys.stderr)
        return 1
    if report.diagnostics:
        sys.stdout.write(format_text(report))
    if not passed:
        return 1
    pending: list[threading.Thread] = []
    unsaved = [cache] if cache is not None else []

    def rebuild(site_dir: Path) -> None:
        # The last save's data files and search index are written before this one starts.
        while pending:
            pending.pop().join()
        try:
            later = preview_build(catalogue, site_dir, preview, config=config, overrides=overrides)
        except BuildFailed as exc:
            servelog.LOG.error("%s\n预览未更新。", exc)
            return
        # The server reloads the page when this returns; the aggregates follow, and after
        # the first build the memo is kept for the next session.
        save = functools.partial(persist.save, preview, unsaved.pop()) if unsaved else None
        worker = threading.Thread(target=_aggregates, args=(later, save), name="preview-aggregates")
        worker.start()
        pending.append(worker)

    # A stopped server (SIGTERM, as from a process manager) removes its folder too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with servelog.to_stderr(), tempfile.TemporaryDirectory(prefix="banshi-preview-") as site_dir:
        watch = [p for p in (catalogue.resolve(), TEMPLATES, overrides) if p.exists()]
        engine.serve(rebuild, config, Path(site_dir), (host, port), watch)
        while pending:
            pending.pop().join()
    if cache is not None:
        persist.save(preview, cache)  # with what this session's saves added
    return 0
