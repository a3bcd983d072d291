"""Windows: an item names the windows it is handled at, from its departments' lists.

A guide or a sheet that lists every window of a department sends the applicant to the
wrong counter (出生登记 to 车驾管); a 联办件 that lists only its own department's hides
the counter its own step uses.  When ``departments.yaml`` failed to load, the names are
not checked (that file's own errors say why).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..catalogue.diagnostics import Diagnostic, Severity
from ..catalogue.loaded import LoadedItem
from ..catalogue.models import Department
from ..catalogue.windows import find_window, handling_departments, step_windows
from . import CheckContext, rule
from ._common import emit


def _handling(loaded: LoadedItem, ctx: CheckContext) -> list[Department] | None:
    catalogue = ctx.catalogue
    known = catalogue.departments
    if not catalogue.indexed("departments.yaml") or loaded.department_id not in known:
        return None  # ref-department or departments.yaml's own errors say why
    return handling_departments(catalogue.departments, loaded.department_id, loaded.item)


def _known(handling: list[Department]) -> str:
    return "、".join(f"{w.name}({d.short_name or d.name})" for d in handling for w in d.windows)


@rule("ref-window", Severity.ERROR)
def item_windows_known(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """Every name in ``windows`` is a window of the item's department or of a joint
    department in ``departments.yaml``.

    Passing:
        # departments.yaml: scjgj 的 windows 中有 市场监管综合窗口
        windows: [市场监管综合窗口]

    Failing:
        windows: [市场监管窗口]   # departments.yaml 中没有这个窗口
    """
    handling = _handling(loaded, ctx)
    if handling is None:
        return
    for index, name in enumerate(getattr(loaded.item, "windows", ())):
        if find_window(handling, name) is None:
            yield emit(
                loaded.source,
                "ref-window",
                ("windows", index),
                f"受理窗口“{name}”不是本部门或联办部门的窗口;请填写 departments.yaml 中的"
                f"窗口名称:{_known(handling)}。",
            )


@rule("ref-step-window", Severity.ERROR)
def step_windows_known(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A step's ``window`` is a window of the item's department or of a joint
    department: a 联办件's step at another department names that department's window.

    Passing:
        joint_departments: [zjj]
        steps:
          - {name: 房产交易核验, kind: 审查, post: 核验岗, days: 1, window: 住建窗口}

    Failing:
        steps:
          - {name: 房产交易核验, kind: 审查, post: 核验岗, days: 1, window: 房产窗口}
    """
    handling = _handling(loaded, ctx)
    if handling is None:
        return
    for path, name in step_windows(loaded.item):
        if find_window(handling, name) is None:
            yield emit(
                loaded.source,
                "ref-step-window",
                path,
                f"环节的窗口“{name}”不是本部门或联办部门的窗口;请填写 departments.yaml 中的"
                f"窗口名称:{_known(handling)}。",
            )


@rule("ref-window-missing", Severity.WARNING)
def windows_named(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """An item of a department with several windows names its own in ``windows``
    (a department with one window needs nothing), and a 联办件 names a window of each
    joint department that has windows, in ``windows`` or in a step's ``window``.

    Passing:
        # departments.yaml: gaj 有 户政综合窗口 和 车驾管业务窗口
        windows: [户政综合窗口]

    Failing:
        # 同一部门,事项没有 windows:页面会列出两个窗口
        name: 出生登记
    """
    handling = _handling(loaded, ctx)
    if handling is None:
        return
    item = loaded.item
    own, joint = handling[0], handling[1:]
    named = [*getattr(item, "windows", ()), *(name for _, name in step_windows(item))]
    windows = (find_window(handling, name) for name in named)
    found = {w.department_id for w in windows if w is not None}
    if len(own.windows) > 1 and own.id not in found:
        yield emit(
            loaded.source,
            "ref-window-missing",
            ("name",),
            f"{own.short_name or own.name}有 {len(own.windows)} 个窗口,"
            f"本事项没有写明在哪个窗口受理;请在 windows 中填写:{_known([own])}。",
        )
    for department in joint:
        if department.windows and department.id not in found:
            yield emit(
                loaded.source,
                "ref-window-missing",
                ("joint_departments", item.joint_departments.index(department.id)),
                f"联办部门{department.short_name or department.name}的窗口没有列出;请在 windows "
                f"或该部门办理环节的 window 中填写:{_known([department])}。",
            )
