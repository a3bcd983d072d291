"""Spread per-item work over every core, by forking: the one pool of checks and portal.

``check`` parses item files and the build draws flow charts and QR codes and writes pages
after loading the catalogue (a gigabyte at 10,000 items).  Forked workers inherit all of it
for free; only each task's small result comes back.  The task is kept in a module global
set right before the pool forks, so closures (which cannot be pickled) work as tasks.
Workers die with the process that forked them, even when it is killed (Linux).
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_PER_WORKER = 200
"""Below this many tasks a worker costs more to start than it saves."""

_JOB: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def _run(span: tuple[int, int]) -> list[Any]:
    if _JOB is None:
        raise RuntimeError("no task")
    task, values = _JOB
    return [task(value) for value in values[span[0] : span[1]]]


PR_SET_PDEATHSIG = 1


def _die_with(parent: int) -> None:
    """Worker start: be killed by the kernel when the parent dies, however it dies (a
    killed build must not leave workers behind); exit if it died already."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


def workers(tasks: int, requested: int | None = None) -> int:
    """How many processes to use for ``tasks`` tasks (1: stay in this process)."""
    if requested is not None:
        return max(1, requested)
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(os.cpu_count() or 1, tasks // MIN_PER_WORKER))


def spans(values: Sequence[T], count: int, cost: Callable[[T], int] | None = None) -> list[range]:
    """``values``' indices in order, cut into about ``count`` runs of similar total ``cost``."""
    costs = [cost(v) if cost else 1 for v in values]
    target = max(1, -(-sum(costs) // max(1, count)))
    out: list[range] = []
    start = spent = 0
    for index, weight in enumerate(costs):
        if spent and spent + weight > target:
            out.append(range(start, index))
            start, spent = index, 0
        spent += weight
    if start < len(values):
        out.append(range(start, len(values)))
    return out


def fork_map(
    task: Callable[[T], R],
    values: Sequence[T],
    *,
    processes: int | None = None,
    cost: Callable[[T], int] | None = None,
) -> Iterator[list[R]]:
    """``task`` over ``values``, yielding the results chunk by chunk, in order.

    Chunks are several per process, so that progress can be shown and a slow chunk does
    not leave the other cores idle; ``cost`` weighs values that take longer than others.
    """
    global _JOB
    count = workers(len(values), processes)
    if count <= 1:
        for span in spans(values, max(1, len(values) // MIN_PER_WORKER)):
            yield [task(values[index]) for index in span]
        return
    # Only the spans' bounds are sent: the values and the task are inherited by forking.
    _JOB = (task, values)
    # Frozen objects are never scanned by a collection: without this, every worker's
    # collector walks (and so copies) the whole inherited catalogue.  A caller that froze
    # objects of its own keeps them frozen (the collector cannot thaw only ours).
    thaw = gc.get_freeze_count() == 0
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        bounds = [(span.start, span.stop) for span in spans(values, count * 8, cost)]
        pool = ProcessPoolExecutor(
            count, mp_context=context, initializer=_die_with, initargs=(os.getpid(),)
        )
        with pool:
            yield from pool.map(_run, bounds)
    finally:
        _JOB = None
        if thaw:
            gc.unfreeze()
