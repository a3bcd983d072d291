"""Build progress on a terminal: stages and a bar, quiet in CI and when output is not a TTY.

The build runs in one process.  Whoever starts a build passes a callback (a
:class:`Bars` for a person at a terminal, nothing otherwise); deep in planning and
writing, :func:`report` reaches the callback of the build that is running.  The callback
is held in a context variable for the duration of :func:`reporting`, not in the
environment or a global, so two builds in one process (tests, the preview server) never
see each other's bars.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: ``done`` of ``total`` steps of ``stage`` are finished."""

_CURRENT: ContextVar[Progress | None] = ContextVar("banshi_progress", default=None)


def report(stage: str, done: int, total: int) -> None:
    """Tell the running build's callback, if it has one."""
    callback = _CURRENT.get()
    if callback is not None:
        callback(stage, done, total)


@contextlib.contextmanager
def reporting(callback: Progress | None) -> Iterator[None]:
    """Send :func:`report` calls to ``callback`` until the block ends."""
    token = _CURRENT.set(callback)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def wanted() -> bool:
    """Draw progress only for a person watching a terminal."""
    return sys.stderr.isatty() and not os.environ.get("CI")


class Bars:
    """A progress callback drawing one tqdm bar per stage on stderr."""

    def __init__(self) -> None:
        self.stage = ""
        self.bar: Any = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        from tqdm import tqdm

        if stage != self.stage:
            self.close()
            self.stage = stage
            # A terminal that reports no width (some ptys) would get an empty bar.
            width = shutil.get_terminal_size((80, 20)).columns or 80
            self.bar = tqdm(total=total, desc=stage, unit="页", ncols=width)
        self.bar.n = done
        self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
