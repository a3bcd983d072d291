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
from . import CheckContext, rule
from ._common import emit, has

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


@rule("time-unit-mismatch", Severity.ERROR)
def same_unit(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """Statutory and promised limits use the same unit, or the public cannot compare them.

    Passing:
        statutory: {days: 20, unit: 工作日}
        promised: {days: 5, unit: 工作日}

    Failing:
        statutory: {days: 30, unit: 自然日}
        promised: {days: 5, unit: 工作日}
    """
    limits = loaded.item.time_limit
    if limits.statutory.unit is not limits.promised.unit:
        yield emit(
            loaded.source,
            "time-unit-mismatch",
            ("time_limit", "promised", "unit"),
            f"法定时限以{limits.statutory.unit}计,承诺时限以{limits.promised.unit}计,无法比较;"
            "请两者使用同一单位(通常为工作日)。",
        )


@rule("time-promised-exceeds", Severity.ERROR)
def promised_within_statutory(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """The promised limit is a public commitment and may not exceed the statutory one.

    Passing:
        statutory: {days: 20}
        promised: {days: 5}

    Failing:
        statutory: {days: 20}
        promised: {days: 25}
    """
    limits = loaded.item.time_limit
    statutory, promised = limits.statutory, limits.promised
    if statutory.unit is promised.unit and promised.days > statutory.days:
        yield emit(
            loaded.source,
            "time-promised-exceeds",
            ("time_limit", "promised", "days"),
            f"承诺时限 {promised.days} {promised.unit}超过法定时限 {statutory.days} "
            f"{statutory.unit};请把承诺时限改为不超过 {statutory.days}。",
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
    the promised limit, or the flow chart contradicts the promise.

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
    steps = item.steps
    if any(s.days < 0 for s in flat_steps(steps)):
        return
    total, promised = steps_days(steps), item.time_limit.promised.days
    if promised >= 0 and total > promised:
        yield emit(
            loaded.source,
            "time-steps-exceed",
            ("steps",),
            f"各环节合计 {total} 个工作日(并联环节取最长),超过承诺时限 {promised} 天;"
            "请压缩环节用时,或核对承诺时限。",
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
