"""工作日 ↔ 自然日 with the centre's working calendar: the comparisons the law needs.

A statute may count 自然日 (工伤保险条例 第二十条: 60 日) while the centre promises
工作日, and a step may be counted in one unit and the promise in the other.  Such limits
are compared on dates, never by adding numbers of different units: for every start date
of the year, the day a limit ends is computed and the two end days compared.

Counting follows 民法典 第二百零一条: the day of acceptance is not counted, so N 工作日
end on the N-th working day after it and N 自然日 on the N-th day after it.  The rule
that a 自然日 period ending on a holiday runs to the next working day (第二百零三条) is
not applied: leaving it out can only make a 自然日 limit shorter, so a promise found to
fit also fits under the rule (a conservative comparison).  A day is a working day when
the calendar lists it as a 调休 working day, or when it is a Monday to Friday the calendar
does not list as a holiday.  Days of a year the calendar lacks count weekends only; the
checks warn about such years (``calendar-year-missing``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .holidays import CalendarYear
from .models import DayUnit, Item, ParallelSteps, Step

_DAY = timedelta(days=1)
_MARGIN_YEARS = 3
"""Working days are tabulated this many years past the last year asked for: enough for
any limit a catalogue publishes (3 years hold more than 700 working days)."""


@dataclass(frozen=True)
class WorkingCalendar:
    holidays: frozenset[date]
    workdays: frozenset[date]
    years: frozenset[int]
    """Years the calendar lists (their holidays are known)."""
    weekends: bool = True
    """False for the bound "every day a working day" (``checks/_units.py``)."""

    def is_working(self, day: date) -> bool:
        if day in self.workdays or not self.weekends:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def end(self, start: date, days: int, unit: DayUnit) -> date:
        """The last day of a limit of ``days`` counted from ``start`` (not counted itself)."""
        if unit is DayUnit.CALENDAR or days <= 0:
            return start + timedelta(days=max(days, 0))
        table = _table(self, start.year)
        index = bisect_right(table, start.toordinal()) + days - 1
        if index < len(table):
            return date.fromordinal(table[index])
        day, left = start, days
        while left:
            day += _DAY
            left -= self.is_working(day)
        return day

    def working_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 when end <= start)."""
        count, day = 0, start
        while day < end:
            day += _DAY
            count += self.is_working(day)
        return count

    def longest(self, working_days: int, year: int) -> tuple[int, date]:
        """The most 自然日 ``working_days`` 工作日 take from any start date of ``year``,
        with the first start date that takes that long: the worst-case bound."""
        spans = self._spans(working_days, year)
        worst = max(spans)
        return worst, date(year, 1, 1) + timedelta(days=spans.index(worst))

    def shortest(self, working_days: int, year: int) -> tuple[int, date]:
        """The fewest 自然日 ``working_days`` 工作日 take from any start date of ``year``."""
        spans = self._spans(working_days, year)
        best = min(spans)
        return best, date(year, 1, 1) + timedelta(days=spans.index(best))

    def _spans(self, working_days: int, year: int) -> list[int]:
        return [(self.end(s, working_days, DayUnit.WORKING) - s).days for s in days_of(year)]


def days_of(year: int) -> Iterator[date]:
    day = date(year, 1, 1)
    while day.year == year:
        yield day
        day += _DAY


@lru_cache(maxsize=64)
def _table(cal: WorkingCalendar, year: int) -> tuple[int, ...]:
    """Ordinals of the working days from the start of ``year - 1`` on, a few years long."""
    first, last = date(year - 1, 1, 1), date(year + _MARGIN_YEARS, 12, 31)
    out, day = [], first
    while day <= last:
        if cal.is_working(day):
            out.append(day.toordinal())
        day += _DAY
    return tuple(out)


def from_entries(entries: Iterable[CalendarYear]) -> WorkingCalendar:
    """The calendar ``centre.yaml`` lists; a date listed both ways counts as a working day
    here (``calendar-date-conflict`` reports it)."""
    holidays: set[date] = set()
    workdays: set[date] = set()
    years: set[int] = set()
    for entry in entries:
        years.add(entry.year)
        workdays.update(entry.workdays)
        for holiday in entry.holidays:
            day, last = holiday.first, holiday.last or holiday.first
            while day <= last:
                holidays.add(day)
                day += _DAY
    return _cached(frozenset(holidays), frozenset(workdays), frozenset(years))


@lru_cache(maxsize=8)
def _cached(
    holidays: frozenset[date], workdays: frozenset[date], years: frozenset[int]
) -> WorkingCalendar:
    """One calendar object per distinct calendar, so its tables are computed once."""
    return WorkingCalendar(holidays, workdays, years)


def step_unit(step: Step, promised: DayUnit) -> DayUnit:
    """A step counts in its own unit, or in the promise's when it names none."""
    unit = getattr(step, "unit", None)
    return promised if unit is None else unit


def with_step_units(item: Item) -> Item:
    """The item with each step's unit written out (the promise's where the step names
    none), for pages that show a step's days without the promise beside them."""
    promised = item.time_limit.promised.unit

    def resolve(step: Step) -> Step:
        return step if step.unit is not None else step.model_copy(update={"unit": promised})

    steps = [
        s.model_copy(update={"parallel": [resolve(b) for b in s.parallel]})
        if isinstance(s, ParallelSteps)
        else resolve(s)
        for s in item.steps
    ]
    return item.model_copy(update={"steps": steps})


Shape = tuple[tuple[tuple[int, DayUnit], ...], ...]
"""A procedure as ``(days, unit)`` of each branch of each series entry: hashable, so one
comparison serves every item with the same procedure and promise."""


def shape_of(steps: Sequence[Step | ParallelSteps], promised: DayUnit) -> Shape:
    return tuple(
        tuple(
            (s.days, step_unit(s, promised))
            for s in (step.parallel if isinstance(step, ParallelSteps) else [step])
        )
        for step in steps
    )


def procedure_end(cal: WorkingCalendar, start: date, shape: Shape) -> date:
    """The day the last step ends: series steps one after another, parallel branches
    together (the latest branch decides)."""
    day = start
    for branches in shape:
        day = max((cal.end(day, days, unit) for days, unit in branches), default=day)
    return day


def first_overrun(
    year: int, later: Callable[[date], date], limit: Callable[[date], date]
) -> date | None:
    """The first start date of ``year`` for which ``later`` ends after ``limit``."""
    for start in days_of(year):
        if later(start) > limit(start):
            return start
    return None
