"""Builds clean up after themselves: a killed build leaves no process behind, the next
build removes its folders, the site is world-readable, ``serve`` refuses a busy port
before it builds anything."""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from generator.cli import main
from generator.portal.build import build_site

PORTAL = Path(__file__).parent / "fixtures" / "portal"
PROJECT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 11, 1)


def _wait(condition: Callable[[], bool], seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def _running(pid: int) -> bool:
    """True while ``pid`` exists and is not a zombie waiting to be reaped."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return False
    return fields[0] != "Z"


def _in_session(session: int) -> list[int]:
    """Live processes of a session (the killed build's children would stay in it)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and _running(int(entry.name)):
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == session:
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_pool_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import os, sys, time
        from pathlib import Path
        from generator import parallel

        def task(value):
            (Path(sys.argv[1]) / str(os.getpid())).touch()
            time.sleep(120)
            return value

        list(parallel.fork_map(task, list(range(8)), processes=2))
        """
    )
    parent = subprocess.Popen([sys.executable, "-c", script, str(tmp_path)], cwd=PROJECT)
    try:
        assert _wait(lambda: len(list(tmp_path.iterdir())) >= 2)
        workers = [int(p.name) for p in tmp_path.iterdir()]
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        assert _wait(lambda: not any(_running(pid) for pid in workers), 10), workers
    finally:
        parent.kill()


@pytest.mark.build
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_killed_build_leaves_nothing_and_the_next_build_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    command = [sys.executable, "-m", "generator", "build", "--catalogue", str(PORTAL)]
    build = subprocess.Popen(
        [*command, "--out", str(out)],
        cwd=PROJECT,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert _wait(lambda: bool(list(tmp_path.glob(".site.building-*"))))
        os.kill(build.pid, signal.SIGKILL)
        build.wait()
        assert _wait(lambda: not _in_session(build.pid), 10), _in_session(build.pid)
    finally:
        build.kill()
    assert not out.exists()
    [leftover] = tmp_path.glob(".site.building-*")
    assert leftover.name.startswith(f".site.building-{build.pid}-")

    # What older builds left in the temp folder, and a build of this process still running.
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    (temp / "banshi-check-abc123.json").write_text("{}", encoding="utf-8")
    running = tmp_path / f".site.building-{os.getpid()}-running"
    running.mkdir()

    # The temporary folder is 0700 and the umask denies others everything: no matter.
    old_umask = os.umask(0o077)
    try:
        assert build_site(PORTAL, out, as_of=AS_OF) == 0
    finally:
        os.umask(old_umask)
    assert not leftover.exists()
    assert running.is_dir()  # not ours to remove: its build is alive
    assert list(temp.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["site", "tmp", running.name])

    modes = {stat.S_IMODE(out.stat().st_mode)}
    for path in out.rglob("*"):
        expected = 0o755 if path.is_dir() else 0o644
        assert stat.S_IMODE(path.stat().st_mode) == expected, path
        modes.add(expected)
    assert modes == {0o755, 0o644}


def test_serve_on_a_busy_port_says_so_in_one_line_before_building(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        # A catalogue that does not exist: had serve checked or built first, it would say so.
        missing = tmp_path / "no-such-catalogue"
        code = main(["serve", "--catalogue", str(missing), "--port", str(port)])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err == (
        f"无法在 127.0.0.1:{port} 上启动预览:端口已被占用。请换一个端口,例如 --port {port + 1}。\n"
    )
