"""Build progress on a terminal: stages and a bar, quiet in CI and when output is not a TTY.

The site is built in a child process (``python -m mkdocs build``), whose output the build
keeps to itself unless something fails.  So the child reports progress on a pipe of its
own, one line per step (``stage<TAB>done<TAB>total``), and the parent draws it with tqdm.
Nothing is reported when the parent did not ask for it (no ``BANSHI_PROGRESS_FD``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from typing import IO, Any

ENV = "BANSHI_PROGRESS_FD"

_sink: IO[str] | None = None
_opened = False


def _out() -> IO[str] | None:
    global _sink, _opened
    if not _opened:
        _opened = True
        fd = os.environ.get(ENV)
        if fd and fd.isdigit():
            with contextlib.suppress(OSError):
                _sink = os.fdopen(int(fd), "w", buffering=1, encoding="utf-8")
    return _sink


def report(stage: str, done: int, total: int) -> None:
    """Child side: ``done`` of ``total`` steps of ``stage`` are finished."""
    out = _out()
    if out is not None:
        with contextlib.suppress(OSError):
            out.write(f"{stage}\t{done}\t{total}\n")


def wanted() -> bool:
    """Parent side: draw progress only for a person watching a terminal."""
    return sys.stderr.isatty() and not os.environ.get("CI")


@contextlib.contextmanager
def shown(env: dict[str, str]) -> Iterator[list[int]]:
    """Parent side: a pipe for the child (its fd is added to ``env``; pass the yielded
    list as ``pass_fds``), drawn as one bar per stage while the child runs."""
    if not wanted():
        yield []
        return
    from tqdm import tqdm

    read_fd, write_fd = os.pipe()
    env[ENV] = str(write_fd)

    def draw() -> None:
        bar: Any = None
        stage = ""
        with os.fdopen(read_fd, encoding="utf-8") as lines:
            for line in lines:
                name, done, total = line.rstrip("\n").split("\t")
                if name != stage:
                    if bar is not None:
                        bar.close()
                    stage = name
                    # A terminal that reports no width (some ptys) would get an empty bar.
                    width = shutil.get_terminal_size((80, 20)).columns or 80
                    bar = tqdm(total=int(total), desc=name, unit="页", ncols=width)
                if bar is not None:
                    bar.n = int(done)
                    bar.refresh()
        if bar is not None:
            bar.close()

    thread = threading.Thread(target=draw, daemon=True)
    thread.start()
    try:
        yield [write_fd]
    finally:
        os.close(write_fd)
        thread.join(timeout=5)
