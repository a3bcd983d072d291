"""Comparing limits counted in different units (工作日 / 自然日) for the time rules.

Limits in one unit compare as numbers.  Across units they compare on dates with the
centre's working calendar (``catalogue/workdays.py``): for every start date of the
as-of year, the day the later limit ends must not come after the day the other ends.
Without that year's holidays a comparison is still decided when it cannot depend on
them: N 工作日 are never fewer than N 自然日, so 25 工作日 of steps never fit a 25 自然日
promise, and a 10 自然日 promise always fits a 10 工作日 law.  Otherwise it is undecided
and ``time-unit-mismatch`` warns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import lru_cache

from ..catalogue.models import Centre, DayUnit, ParallelSteps, Step, TimeLimit
from ..catalogue.workdays import (
    Shape,
    WorkingCalendar,
    first_overrun,
    from_entries,
    procedure_end,
    step_unit,
)

EVERY_DAY = WorkingCalendar(frozenset(), frozenset(), frozenset(), weekends=False)
"""The shortest any 工作日 limit can be: as if every day were a working day."""


class Verdict(Enum):
    FITS = "fits"
    OVERRUNS = "overruns"
    UNDECIDED = "undecided"


@dataclass(frozen=True)
class Comparison:
    verdict: Verdict
    start: date | None = None
    """The first start date on which the limit is overrun."""
    later_end: date | None = None
    limit_end: date | None = None
    assumed: str = ""
    """What the comparison assumed, in words for the message."""


End = Callable[[WorkingCalendar, date], date]


def calendar_of(centre: Centre | None) -> WorkingCalendar:
    return from_entries(getattr(centre, "calendar", ()) or ())


def compare(
    cal: WorkingCalendar,
    year: int,
    later: End,
    limit: End,
    *,
    later_units: set[DayUnit],
    limit_unit: DayUnit,
) -> Comparison:
    """Whether ``later`` ends no later than ``limit`` for every start date of ``year``."""
    if year in cal.years:
        return _on(cal, year, later, limit, f"按 {year} 年工作日历(周末、法定节假日和调休)")
    if limit_unit is DayUnit.CALENDAR:
        found = _on(EVERY_DAY, year, later, limit, "即使把每一天都算作工作日")
        if found.verdict is Verdict.OVERRUNS:
            return found
    elif (
        later_units == {DayUnit.CALENDAR}
        and _on(EVERY_DAY, year, later, limit, "").verdict is Verdict.FITS
    ):
        return Comparison(Verdict.FITS)
    return Comparison(Verdict.UNDECIDED)


def _on(cal: WorkingCalendar, year: int, later: End, limit: End, assumed: str) -> Comparison:
    start = first_overrun(year, lambda s: later(cal, s), lambda s: limit(cal, s))
    if start is None:
        return Comparison(Verdict.FITS, assumed=assumed)
    return Comparison(Verdict.OVERRUNS, start, later(cal, start), limit(cal, start), assumed)


def limit_end(limit: TimeLimit) -> End:
    return _end(limit.days, limit.unit)


def _end(days: int, unit: DayUnit) -> End:
    return lambda cal, start: cal.end(start, days, unit)


Days = tuple[int, DayUnit]


@lru_cache(maxsize=4096)
def compare_limits(cal: WorkingCalendar, year: int, promised: Days, law: Days) -> Comparison:
    """A promise against the law; cached, as thousands of items share a few limits."""
    return compare(
        cal, year, _end(*promised), _end(*law), later_units={promised[1]}, limit_unit=law[1]
    )


@lru_cache(maxsize=4096)
def compare_steps(cal: WorkingCalendar, year: int, shape: Shape, promised: Days) -> Comparison:
    """A procedure (``workdays.shape_of``) against the promise; cached likewise."""
    return compare(
        cal,
        year,
        lambda c, start: procedure_end(c, start, shape),
        _end(*promised),
        later_units={unit for branches in shape for _, unit in branches},
        limit_unit=promised[1],
    )


def step_units(steps: Sequence[Step | ParallelSteps], promised: DayUnit) -> set[DayUnit]:
    units = set()
    for step in steps:
        for s in step.parallel if isinstance(step, ParallelSteps) else [step]:
            units.add(step_unit(s, promised))
    return units


def largest_fitting(cal: WorkingCalendar, year: int, promised: TimeLimit, limit: TimeLimit) -> int:
    """The longest promise in ``promised.unit`` that ends within ``limit`` from every start
    date of ``year`` (the figure a fix hint can suggest)."""
    days = promised.days
    while days > 0:
        candidate = promised.model_copy(update={"days": days})
        if _on(cal, year, limit_end(candidate), limit_end(limit), "").verdict is Verdict.FITS:
            return days
        days -= 1
    return 0


def step_words(steps: Sequence[Step | ParallelSteps], promised: DayUnit) -> str:
    """合计 3 个工作日、7 个自然日: each unit summed on its own, never added together; a
    parallel group counts its longest branch in each unit."""
    totals: dict[DayUnit, int] = {}
    for step in steps:
        longest: dict[DayUnit, int] = {}
        for s in step.parallel if isinstance(step, ParallelSteps) else [step]:
            unit = step_unit(s, promised)
            longest[unit] = max(longest.get(unit, 0), s.days)
        for unit, days in longest.items():
            totals[unit] = totals.get(unit, 0) + days
    words = "、".join(f"{days} 个{unit}" for unit, days in totals.items())
    return f"合计 {words},并联环节取最长"


def zh(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
