"""The working calendar in ``centre.yaml``: the holidays every 工作日 ↔ 自然日 comparison uses.

A wrong date here silently moves every promise compared across units, so the calendar is
checked like the items: each date inside its year, ranges that run forwards, no day both
off and on, one entry per year, and the year the catalogue is checked for present when
some item needs the conversion.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ..catalogue.diagnostics import Diagnostic, Severity
from ..catalogue.holidays import CalendarYear
from ..catalogue.loaded import Catalogue, LoadedItem
from ..catalogue.models import ParallelSteps
from ..catalogue.sources import DataPath
from . import CheckContext, rule
from ._common import emit, has
from ._units import zh

CENTRE = "centre.yaml"


def _entries(catalogue: Catalogue) -> list[CalendarYear]:
    return list(getattr(catalogue.centre, "calendar", ()) or ())


def _days(entry: CalendarYear) -> Iterator[tuple[DataPath, date]]:
    """Every holiday date of an entry with the path of the range that lists it."""
    for index, holiday in enumerate(entry.holidays):
        day, last = holiday.first, holiday.last or holiday.first
        while day <= last:
            yield ("holidays", index), day
            day += timedelta(days=1)


def _mixed(loaded: LoadedItem) -> bool:
    """Whether an item compares limits across units (it needs the calendar)."""
    limits = getattr(loaded.item, "time_limit", None)
    promised = getattr(limits, "promised", None)
    statutory = getattr(limits, "statutory", None)
    if promised is None or not has(promised, "unit"):
        return False
    if statutory is not None and has(statutory, "unit") and statutory.unit is not promised.unit:
        return True
    for step in getattr(loaded.item, "steps", ()):
        for s in getattr(step, "parallel", ()) if isinstance(step, ParallelSteps) else [step]:
            unit = getattr(s, "unit", None) if has(s, "unit") else None
            if unit is not None and unit is not promised.unit:
                return True
    return False


@rule("calendar-year-missing", Severity.WARNING, scope="catalogue")
def year_listed(catalogue: Catalogue, ctx: CheckContext) -> Iterator[Diagnostic]:
    """Items whose law counts 自然日 and whose promise counts 工作日 (or whose steps use
    another unit than the promise) are checked on the working calendar of the year the
    catalogue is checked for (``--as-of``); list that year's holidays and 调休 days.

    Passing:
        calendar:
          - year: 2026
            holidays: [{name: 元旦, first: 2026-01-01, last: 2026-01-03}]
            workdays: [2026-01-04]

    Failing:
        calendar: []          # 而某事项法定时限以自然日计、承诺时限以工作日计
    """
    source = catalogue.sources.get(CENTRE)
    year = ctx.as_of.year
    if source is None or catalogue.centre is None:
        return
    if any(entry.year == year for entry in _entries(catalogue)):
        return
    needing = sorted(
        (loaded for loaded in catalogue.items.values() if _mixed(loaded)),
        key=lambda loaded: (loaded.department_id, loaded.id),
    )
    if not needing:
        return
    first = getattr(needing[0].item, "name", needing[0].id)
    yield emit(
        source,
        "calendar-year-missing",
        ("calendar",),
        f"有 {len(needing)} 个事项(如“{first}”)的时限需要在工作日与自然日之间换算,"
        f"但工作日历(calendar)中没有 {year} 年;请按国务院办公厅关于 {year} 年部分节假日安排的"
        f"通知,在 calendar 中填写 {year} 年的放假日期和调休上班日期。",
    )


@rule("calendar-date-conflict", Severity.ERROR, scope="catalogue")
def off_or_on(catalogue: Catalogue, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A day is either a holiday or a 调休 working day, never both.

    Passing:
        holidays: [{name: 春节, first: 2026-02-15, last: 2026-02-23}]
        workdays: [2026-02-14, 2026-02-28]

    Failing:
        holidays: [{name: 春节, first: 2026-02-15, last: 2026-02-23}]
        workdays: [2026-02-15]
    """
    source = catalogue.sources.get(CENTRE)
    if source is None:
        return
    off: dict[date, str] = {}
    for entry in _entries(catalogue):
        for path, day in _days(entry):
            off.setdefault(day, entry.holidays[int(path[1])].name)
    for index, entry in enumerate(_entries(catalogue)):
        for number, day in enumerate(entry.workdays):
            if day in off:
                yield emit(
                    source,
                    "calendar-date-conflict",
                    ("calendar", index, "workdays", number),
                    f"{zh(day)}既列为{off[day]}放假,又列为调休上班日;请对照国务院办公厅的通知,"
                    "删去其中错误的一处。",
                )


@rule("calendar-date-invalid", Severity.ERROR, scope="catalogue")
def dates_in_year(catalogue: Catalogue, ctx: CheckContext) -> Iterator[Diagnostic]:
    """Each date lies in its entry's year, a holiday's ``last`` is not before its ``first``,
    a 调休 working day is a Saturday or Sunday (a weekday is a working day anyway), and
    each year has one entry.

    Passing:
        - year: 2026
          holidays: [{name: 国庆节, first: 2026-10-01, last: 2026-10-07}]
          workdays: [2026-09-20, 2026-10-10]

    Failing:
        - year: 2026
          holidays: [{name: 国庆节, first: 2026-10-07, last: 2026-10-01}]
          workdays: [2025-09-28, 2026-09-21]
    """
    source = catalogue.sources.get(CENTRE)
    if source is None:
        return
    seen: set[int] = set()
    for index, entry in enumerate(_entries(catalogue)):
        at: DataPath = ("calendar", index)
        if entry.year in seen:
            yield emit(source, "calendar-date-invalid", (*at, "year"),
                       f"{entry.year} 年在工作日历中出现了两次;请合并为一项。")  # fmt: skip
        seen.add(entry.year)
        for number, holiday in enumerate(entry.holidays):
            for key in ("first", "last"):
                day = getattr(holiday, key)
                if day is not None and day.year != entry.year:
                    yield emit(source, "calendar-date-invalid", (*at, "holidays", number, key),
                               _wrong_year(day, entry.year))  # fmt: skip
            if holiday.last is not None and holiday.last < holiday.first:
                yield emit(
                    source,
                    "calendar-date-invalid",
                    (*at, "holidays", number, "last"),
                    f"{holiday.name}放假的最后一天({zh(holiday.last)})早于第一天"
                    f"({zh(holiday.first)});请核对 first 和 last。",
                )
        for number, day in enumerate(entry.workdays):
            path = (*at, "workdays", number)
            if day.year != entry.year:
                yield emit(source, "calendar-date-invalid", path, _wrong_year(day, entry.year))
            elif day.weekday() < 5:
                yield emit(
                    source,
                    "calendar-date-invalid",
                    path,
                    f"{zh(day)}是星期{'一二三四五'[day.weekday()]},本来就是工作日;"
                    "workdays 只填调休上班的周六、周日,请核对日期。",
                )


def _wrong_year(day: date, year: int) -> str:
    return f"{zh(day)}不在 {year} 年;请填写 {year} 年的日期,或把它移到 {day.year} 年的一项中。"
