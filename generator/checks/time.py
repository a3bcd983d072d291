"""Time limits: the promise to the public must be kept and must be checkable.

Two limits are published, the statutory one (法定时限) and the centre's promise (承诺时限).
The promise never exceeds the law, an 即办件 is done the same day, the steps must fit in
the promise (parallel branches take the longest), and time not counted (听证、检测 ...)
must say how long it takes.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..catalogue.diagnostics import Diagnostic, Severity
from ..catalogue.loaded import LoadedItem, flat_steps, steps_days
from ..catalogue.models import DayUnit, ItemType, Kind, ParallelSteps
from ..catalogue.sources import DataPath
from ..catalogue.workdays import shape_of
from . import CheckContext, rule
from ._common import emit, has
from ._units import (
    Comparison,
    Verdict,
    calendar_of,
    compare_limits,
    compare_steps,
    largest_fitting,
    step_units,
    step_words,
    zh,
)

LICENSING_DEFAULT_DAYS = 20
"""行政许可法第四十二条: 二十日内作出决定 unless a law or regulation says otherwise."""


def _day_paths(loaded: LoadedItem) -> Iterator[tuple[DataPath, int]]:
    """Every day count of an item; on a partial item, those that validated."""
    item = loaded.item
    limits = getattr(item, "time_limit", None)
    for which in ("statutory", "promised"):
        days = getattr(getattr(limits, which, None), "days", None)
        if days is not None:
            yield ("time_limit", which, "days"), days
    for index, step in enumerate(getattr(item, "steps", ())):
        if isinstance(step, ParallelSteps):
            for branch, sub in enumerate(getattr(step, "parallel", ())):
                if has(sub, "days"):
                    yield ("steps", index, "parallel", branch, "days"), sub.days
        elif has(step, "days"):
            yield ("steps", index, "days"), step.days
    for index, special in enumerate(getattr(item, "special_procedures", ())):
        if has(special, "days"):
            yield ("special_procedures", index, "days"), special.days


@rule("time-negative", Severity.ERROR)
def days_not_negative(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """Days are counts: 0 (done on the spot) or more.

    Passing:
        promised: {days: 5}

    Failing:
        promised: {days: -5}
    """
    for path, days in _day_paths(loaded):
        if days < 0:
            yield emit(
                loaded.source, "time-negative", path, f"天数 {days} 是负数;请填写 0 或正整数。"
            )


def _limits(loaded: LoadedItem, ctx: CheckContext) -> Comparison:
    """The promise against the statutory limit, across units on the working calendar."""
    limits = loaded.item.time_limit
    statutory, promised = limits.statutory, limits.promised
    return compare_limits(
        calendar_of(ctx.catalogue.centre),
        ctx.as_of.year,
        (promised.days, promised.unit),
        (statutory.days, statutory.unit),
    )


def _steps(loaded: LoadedItem, ctx: CheckContext) -> Comparison:
    """The steps against the promise, each step in its own unit."""
    item = loaded.item
    promised = item.time_limit.promised
    return compare_steps(
        calendar_of(ctx.catalogue.centre),
        ctx.as_of.year,
        shape_of(item.steps, promised.unit),
        (promised.days, promised.unit),
    )


_MISSING_YEAR = (
    "请在 centre.yaml 的 calendar 中按国务院办公厅当年的节假日安排通知填写 {year} 年的放假"
    "和调休上班日期。法定时限请照法规原文的单位填写,不必为此改动。"
)


@rule("time-unit-mismatch", Severity.WARNING)
def units_comparable(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A limit in 工作日 and one in 自然日 are compared with the centre's working calendar
    (``calendar`` in centre.yaml).  When the calendar lacks the as-of year and the answer
    depends on its holidays, nobody can tell whether the promise keeps the law: warn.
    A centre may promise in 工作日 what the law counts in 自然日 (and the reverse).

    Passing:
        statutory: {days: 60, unit: 自然日}
        promised: {days: 20, unit: 工作日}    # centre.yaml 的 calendar 中有当年的节假日

    Failing:
        statutory: {days: 20, unit: 自然日}
        promised: {days: 5, unit: 工作日}     # calendar 中没有当年的节假日
    """
    item = loaded.item
    limits = item.time_limit
    statutory, promised = limits.statutory, limits.promised
    year = ctx.as_of.year
    if statutory.unit is not promised.unit and _limits(loaded, ctx).verdict is Verdict.UNDECIDED:
        yield emit(
            loaded.source,
            "time-unit-mismatch",
            ("time_limit", "promised"),
            f"法定时限以{statutory.unit}计,承诺时限以{promised.unit}计,需要按工作日历换算才能比较;"
            f"工作日历中没有 {year} 年的法定节假日,无法判断承诺是否超过法定时限。"
            + _MISSING_YEAR.format(year=year),
        )
    if (
        item.kind is not Kind.ON_THE_SPOT
        and not any(s.days < 0 for s in flat_steps(item.steps))
        and not step_units(item.steps, promised.unit) <= {promised.unit}
        and _steps(loaded, ctx).verdict is Verdict.UNDECIDED
    ):
        yield emit(
            loaded.source,
            "time-unit-mismatch",
            ("steps",),
            f"有的环节与承诺时限({promised.unit})单位不同,需要按工作日历换算才能比较;"
            f"工作日历中没有 {year} 年的法定节假日,无法判断各环节能否在承诺时限内办完。"
            + _MISSING_YEAR.format(year=year),
        )


@rule("time-promised-exceeds", Severity.ERROR)
def promised_within_statutory(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """The promised limit is a public commitment and may not exceed the statutory one.
    In different units (the law counts 自然日, the centre promises 工作日) the promise may
    not end after the law's limit from any start date of the year, on the working calendar.

    Passing:
        statutory: {days: 60, unit: 自然日}
        promised: {days: 20, unit: 工作日}

    Failing:
        statutory: {days: 20}
        promised: {days: 25}
    """
    limits = loaded.item.time_limit
    statutory, promised = limits.statutory, limits.promised
    if statutory.unit is promised.unit:
        if promised.days > statutory.days:
            yield emit(
                loaded.source,
                "time-promised-exceeds",
                ("time_limit", "promised", "days"),
                f"承诺时限 {promised.days} 个{promised.unit}超过法定时限 {statutory.days} 个"
                f"{statutory.unit};请把承诺时限改为不超过 {statutory.days} 个{statutory.unit}。",
            )
        return
    found = _limits(loaded, ctx)
    if found.verdict is not Verdict.OVERRUNS:
        return
    assert found.start and found.later_end and found.limit_end
    cal = calendar_of(ctx.catalogue.centre)
    best = largest_fitting(cal, ctx.as_of.year, promised, statutory)
    year_known = ctx.as_of.year in cal.years
    hint = f"请把承诺时限改为不超过 {best} 个{promised.unit}" if year_known else "请缩短承诺时限"
    yield emit(
        loaded.source,
        "time-promised-exceeds",
        ("time_limit", "promised", "days"),
        f"承诺时限 {promised.days} 个{promised.unit}超过法定时限 {statutory.days} 个"
        f"{statutory.unit}:{found.assumed},{zh(found.start)}受理的,承诺到"
        f"{zh(found.later_end)}届满,法定时限到{zh(found.limit_end)}已届满。{hint}。",
    )


@rule("time-on-the-spot", Severity.ERROR)
def on_the_spot_same_day(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """An 即办件 is done the same day: promised days 0 and no step that takes days.

    Passing:
        kind: 即办件
        time_limit: {statutory: {days: 20}, promised: {days: 0}}

    Failing:
        kind: 即办件
        time_limit: {statutory: {days: 20}, promised: {days: 3}}
    """
    item = loaded.item
    if item.kind is not Kind.ON_THE_SPOT:
        return
    for path, days in _day_paths(loaded):
        if path == ("time_limit", "promised", "days") and days != 0:
            yield emit(
                loaded.source,
                "time-on-the-spot",
                path,
                f"即办件应当场办结,承诺时限应为 0;实际是 {days}。请改为 0,或把办件类型改为承诺件。",
            )
        if path[0] == "steps" and days > 0:
            yield emit(
                loaded.source,
                "time-on-the-spot",
                path,
                f"即办件的环节不应耗时 {days} 天;请改为 0,或把办件类型改为承诺件。",
            )


@rule("time-promised-zero", Severity.WARNING)
def zero_means_on_the_spot(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A promised limit of 0 days means done on the spot: call the item 即办件 so the
    public finds it among the items handled at once.

    Passing:
        kind: 即办件
        promised: {days: 0}

    Failing:
        kind: 承诺件
        promised: {days: 0}
    """
    item = loaded.item
    if item.kind is not Kind.ON_THE_SPOT and item.time_limit.promised.days == 0:
        yield emit(
            loaded.source,
            "time-promised-zero",
            ("time_limit", "promised", "days"),
            f"承诺时限为 0 即当场办结,但办件类型是{item.kind};请改为即办件,或填写实际承诺天数。",
        )


@rule("time-steps-exceed", Severity.ERROR)
def steps_fit(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """The steps (series steps add up, parallel branches count their longest) must fit in
    the promised limit, or the flow chart contradicts the promise.  A step counts in its
    own ``unit`` (default: the promise's); steps in another unit than the promise are
    compared on the working calendar: 25 工作日 of steps never fit 25 自然日.

    Passing:
        steps:
          - {name: 受理, kind: 受理, post: 窗口, days: 1}
          - parallel:
              - {name: 审查, kind: 审查, post: 科室, days: 2}
              - {name: 现场核查, kind: 现场核查, post: 科室, days: 3}
        time_limit: {statutory: {days: 20}, promised: {days: 4}}

    Failing:
        steps:
          - {name: 受理, kind: 受理, post: 窗口, days: 2}
          - {name: 审查, kind: 审查, post: 科室, days: 5}
        time_limit: {statutory: {days: 20}, promised: {days: 5}}
    """
    item = loaded.item
    if item.kind is Kind.ON_THE_SPOT:
        return  # time-on-the-spot says it more precisely
    steps, promised = item.steps, item.time_limit.promised
    if any(s.days < 0 for s in flat_steps(steps)) or promised.days < 0:
        return
    if step_units(steps, promised.unit) <= {promised.unit}:
        total = steps_days(steps)
        if total > promised.days:
            yield emit(
                loaded.source,
                "time-steps-exceed",
                ("steps",),
                f"各环节合计 {total} 个{promised.unit}(并联环节取最长),超过承诺时限 "
                f"{promised.days} 个{promised.unit};请压缩环节用时,或核对承诺时限。",
            )
        return
    found = _steps(loaded, ctx)
    if found.verdict is Verdict.OVERRUNS:
        assert found.start and found.later_end and found.limit_end
        yield emit(
            loaded.source,
            "time-steps-exceed",
            ("steps",),
            f"各环节按各自的单位({step_words(steps, promised.unit)})计算,{found.assumed},"
            f"{zh(found.start)}受理的,到{zh(found.later_end)}才办完,超过承诺时限 "
            f"{promised.days} 个{promised.unit}(到{zh(found.limit_end)}届满);"
            "请压缩环节用时,或核对环节和承诺时限的单位。",
        )


@rule("time-no-steps", Severity.ERROR)
def has_steps(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """The procedure (办事程序) is one of the ten disclosures: list at least one step.

    Passing:
        steps:
          - {name: 受理并当场办结, kind: 受理, post: 窗口, days: 0}

    Failing:
        steps: []
    """
    if not loaded.item.steps:
        yield emit(
            loaded.source,
            "time-no-steps",
            ("steps",),
            "没有列出办理流程;请按顺序列出受理、审查、决定等环节。",
        )


@rule("time-licensing-default", Severity.WARNING)
def licensing_default(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """行政许可法第四十二条 gives 20 working days; a 行政许可 with a longer statutory limit
    must cite the law that allows it in ``time_limit.statutory.basis``.

    Passing:
        type: 行政许可
        statutory: {days: 20}

    Failing:
        type: 行政许可
        statutory: {days: 30}     # 没有 basis
    """
    item = loaded.item
    statutory = item.time_limit.statutory
    if (
        item.type is ItemType.LICENSING
        and statutory.unit is DayUnit.WORKING
        and statutory.days > LICENSING_DEFAULT_DAYS
        and statutory.basis is None
    ):
        yield emit(
            loaded.source,
            "time-licensing-default",
            ("time_limit", "statutory", "days"),
            f"行政许可法定时限一般为 {LICENSING_DEFAULT_DAYS} 个工作日,这里是 {statutory.days};"
            "请在 time_limit.statutory.basis 中引用延长时限的法规条款。",
        )


@rule("time-special-days", Severity.ERROR)
def special_has_days(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """Time not counted (听证、检测、专家评审 ...) must be told to the applicant in writing,
    with how long it takes: ``days`` of a special procedure is at least 1.

    Passing:
        special_procedures:
          - {kind: 专家评审, name: 专家评审, days: 10, basis: {...}}

    Failing:
        special_procedures:
          - {kind: 专家评审, name: 专家评审, days: 0}
    """
    for index, special in enumerate(loaded.item.special_procedures):
        if has(special, "days", "name") and special.days == 0:
            yield emit(
                loaded.source,
                "time-special-days",
                ("special_procedures", index, "days"),
                f"特别程序“{special.name}”没有写明所需时间;请填写最长所需天数(至少 1)。",
            )


@rule("time-special-basis", Severity.WARNING)
def special_has_basis(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A special procedure stops the clock; cite the article that allows it.

    Passing:
        - {kind: 听证, name: 听证, days: 20, basis: {law: xingzheng-xukefa, articles: 第四十七条}}

    Failing:
        - {kind: 听证, name: 听证, days: 20}
    """
    for index, special in enumerate(loaded.item.special_procedures):
        if has(special, "basis", "name") and special.basis is None:
            yield emit(
                loaded.source,
                "time-special-basis",
                ("special_procedures", index),
                f"特别程序“{special.name}”不计入办理时限,但没有依据;请在 basis 中引用法规条款。",
            )
