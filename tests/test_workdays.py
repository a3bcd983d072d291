"""工作日 ↔ 自然日 on the centre's working calendar (generator/catalogue/workdays.py).

Exact dates from the State Council notices of 2025 and 2026 as the demo lists them, the
decided / undecided comparisons of the time rules, and properties over random calendars:
the conversion is monotone, N 工作日 are never fewer than N 自然日, and converting there
and back gives the same count.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.catalogue.loaded import load_catalogue
from generator.catalogue.models import DayUnit, TimeLimit
from generator.catalogue.workdays import WorkingCalendar, days_of, from_entries
from generator.checks._units import Verdict, calendar_of, compare, largest_fitting, limit_end
from generator.checks.pipeline import check_report
from generator.portal import pages, urls
from generator.portal.rendering import days_by_unit, make_environment, render_page

from .catalogues import DEMO_CATALOGUE

W, C = DayUnit.WORKING, DayUnit.CALENDAR


def _demo() -> WorkingCalendar:
    catalogue, _ = load_catalogue(DEMO_CATALOGUE)
    return calendar_of(catalogue.centre)


DEMO = _demo()


def test_demo_lists_the_state_council_notices() -> None:
    assert DEMO.years == {2025, 2026}
    for year, off, on in ((2025, 28, 5), (2026, 33, 6)):
        assert len([d for d in DEMO.holidays if d.year == year]) == off
        assert len([d for d in DEMO.workdays if d.year == year]) == on
    assert not DEMO.is_working(date(2026, 2, 16))  # 春节
    assert DEMO.is_working(date(2026, 2, 14))  # 周六调休上班
    assert DEMO.is_working(date(2026, 2, 24))


def test_exact_dates_across_the_holidays() -> None:
    # the day of acceptance is not counted (民法典 第二百零一条)
    assert DEMO.end(date(2026, 2, 13), 1, W) == date(2026, 2, 14)
    assert DEMO.end(date(2026, 2, 13), 2, W) == date(2026, 2, 24)
    assert DEMO.end(date(2025, 9, 30), 1, W) == date(2025, 10, 9)
    assert DEMO.end(date(2025, 9, 26), 1, W) == date(2025, 9, 28)  # 周日调休上班
    assert DEMO.end(date(2026, 2, 13), 60, C) == date(2026, 4, 14)
    assert DEMO.end(date(2026, 3, 2), 0, W) == date(2026, 3, 2)
    assert DEMO.working_between(date(2026, 2, 13), date(2026, 2, 24)) == 2


def test_worst_case_bound_of_a_year() -> None:
    longest, start = DEMO.longest(14, 2026)
    assert DEMO.end(start, 14, W) - start == timedelta(days=longest)
    assert all((DEMO.end(s, 14, W) - s).days <= longest for s in days_of(2026))
    assert start < date(2026, 2, 15) <= DEMO.end(start, 14, W)  # across the 9 days of 春节
    shortest, _ = DEMO.shortest(14, 2026)
    assert 14 <= shortest <= 20 <= longest


def _limit(days: int, unit: DayUnit) -> TimeLimit:
    return TimeLimit(days=days, unit=unit)


def _compare(cal: WorkingCalendar, promised: TimeLimit, law: TimeLimit) -> Verdict:
    return compare(
        cal,
        2026,
        limit_end(promised),
        limit_end(law),
        later_units={promised.unit},
        limit_unit=law.unit,
    ).verdict


def test_comparisons_decided_with_and_without_the_year() -> None:
    empty = from_entries([])
    # 25 工作日 never fit 25 自然日 ... but only a calendar can say it for equal numbers
    assert _compare(DEMO, _limit(25, W), _limit(25, C)) is Verdict.OVERRUNS
    assert _compare(empty, _limit(25, W), _limit(25, C)) is Verdict.UNDECIDED
    assert _compare(empty, _limit(26, W), _limit(25, C)) is Verdict.OVERRUNS
    # a 自然日 promise within as many 工作日 always fits
    assert _compare(empty, _limit(10, C), _limit(10, W)) is Verdict.FITS
    assert _compare(empty, _limit(11, C), _limit(10, W)) is Verdict.UNDECIDED
    shortest, _ = DEMO.shortest(10, 2026)
    assert _compare(DEMO, _limit(shortest, C), _limit(10, W)) is Verdict.FITS
    assert _compare(DEMO, _limit(shortest + 1, C), _limit(10, W)) is Verdict.OVERRUNS
    # 工伤保险条例 第二十条: 60 日; the centre promises in 工作日
    assert _compare(DEMO, _limit(14, W), _limit(60, C)) is Verdict.FITS
    best = largest_fitting(DEMO, 2026, _limit(45, W), _limit(60, C))
    assert _compare(DEMO, _limit(best, W), _limit(60, C)) is Verdict.FITS
    assert _compare(DEMO, _limit(best + 1, W), _limit(60, C)) is Verdict.OVERRUNS


def test_guide_shows_each_unit_in_words() -> None:
    catalogue, _ = load_catalogue(DEMO_CATALOGUE)
    env = make_environment()
    page = next(
        p
        for p in pages.plan_site(catalogue).pages
        if p.url == urls.item_url("work-injury-recognition")
    )
    html = render_page(env, page)
    assert "<strong>60 个自然日</strong>" in html
    assert "<strong>14 个工作日</strong>" in html
    assert (
        "法定时限按自然日计算,承诺时限按工作日计算:自然日包括周末和法定节假日,工作日不包括。"
        in html
    )


# --- properties over random calendars --------------------------------------------------

YEAR = 2026
_days = st.dates(date(YEAR, 1, 1), date(YEAR, 12, 31))


@st.composite
def calendars(draw: st.DrawFn) -> WorkingCalendar:
    holidays = draw(st.frozensets(_days, max_size=40))
    weekends = [d for d in days_of(YEAR) if d.weekday() >= 5 and d not in holidays]
    workdays = draw(st.frozensets(st.sampled_from(weekends), max_size=10))
    return WorkingCalendar(holidays, workdays, frozenset({YEAR}))


def _naive_end(cal: WorkingCalendar, start: date, n: int) -> date:
    day = start
    while n:
        day += timedelta(days=1)
        n -= cal.is_working(day)
    return day


@settings(max_examples=60, deadline=None)
@given(calendars(), _days, st.integers(0, 120), st.integers(0, 120))
def test_monotone_in_the_count(cal: WorkingCalendar, start: date, n: int, m: int) -> None:
    low, high = sorted((n, m))
    assert cal.end(start, low, W) <= cal.end(start, high, W)
    assert cal.end(start, n, W) == _naive_end(cal, start, n)


@settings(max_examples=60, deadline=None)
@given(calendars(), _days, _days, st.integers(1, 60))
def test_monotone_in_the_start(cal: WorkingCalendar, a: date, b: date, n: int) -> None:
    first, second = sorted((a, b))
    assert cal.end(first, n, W) <= cal.end(second, n, W)


@settings(max_examples=60, deadline=None)
@given(calendars(), _days, st.integers(0, 120))
def test_working_days_never_shorter_than_calendar_days(
    cal: WorkingCalendar, start: date, n: int
) -> None:
    assert cal.end(start, n, W) >= cal.end(start, n, C) == start + timedelta(days=n)


@settings(max_examples=30, deadline=None)
@given(calendars(), st.integers(1, 40))
def test_the_bound_holds_for_every_start(cal: WorkingCalendar, n: int) -> None:
    longest, start = cal.longest(n, YEAR)
    shortest, _ = cal.shortest(n, YEAR)
    assert n <= shortest <= longest
    assert (cal.end(start, n, W) - start).days == longest


@settings(max_examples=60, deadline=None)
@given(calendars(), _days, st.integers(0, 120), st.integers(0, 200))
def test_round_trip(cal: WorkingCalendar, start: date, n: int, span: int) -> None:
    end = cal.end(start, n, W)
    assert cal.working_between(start, end) == n
    if n:
        assert cal.is_working(end)
    later = start + timedelta(days=span)
    assert cal.end(start, cal.working_between(start, later), W) <= later


def test_what_a_clerk_reads_when_the_year_is_missing() -> None:
    """A year not in the calendar: one warning at centre.yaml, one per item compared
    across units, and no hint to rewrite the statute's unit."""
    report = check_report(DEMO_CATALOGUE, as_of=date(2027, 3, 1))
    got = [(d.code, d.severity.value, Path(d.file).name) for d in report]
    assert got == [
        ("calendar-year-missing", "warning", "centre.yaml"),
        ("time-unit-mismatch", "warning", "id-card-renewal.yaml"),
        ("time-unit-mismatch", "warning", "work-injury-recognition.yaml"),
    ]
    for d in report:
        assert "2027 年" in d.message and "calendar" in d.message
        assert "同一单位" not in d.message
    assert "法定时限请照法规原文的单位填写" in report.diagnostics[1].message
    assert not check_report(DEMO_CATALOGUE, as_of=date(2026, 12, 3)).diagnostics


def test_chain_totals_keep_units_apart() -> None:
    """A chain with one item promised in 自然日: 工作日 and 自然日 summed apart on its page."""
    catalogue, _ = load_catalogue(DEMO_CATALOGUE)
    chain = catalogue.chains["business-startup"]
    first = chain.stages[0].items[0]
    loaded = catalogue.items[first]
    limits = loaded.item.time_limit.model_copy(update={"promised": _limit(20, C)})
    item = loaded.item.model_copy(update={"time_limit": limits})
    catalogue.items[first] = replace(loaded, item=item)
    series, parallel = catalogue.chain_totals(chain)
    assert series[C] == parallel[C] == 20
    working = days_by_unit(series)
    assert working.endswith("个工作日加 20 个自然日")
    assert days_by_unit({W: 0, C: 0}) == "当场办结"
