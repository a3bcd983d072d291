"""一件事 bundles (``bundle:`` under a chain in ``chains.yaml``): is the road one can walk?

A bundle promises one window, one material list and one total time.  A lead department that
does not exist leaves the page without a window to go to; an item listed twice is counted
twice in the total time and its materials merged with themselves; a bundle of one item is
just that item's guide.  Mixed day units cannot give one exact total (see ``bundlework``).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..catalogue.bundlework import bundle_time
from ..catalogue.diagnostics import Diagnostic, Severity
from ..catalogue.loaded import Catalogue
from ..catalogue.models import Chain
from ..catalogue.sources import SourceMap
from . import CheckContext, rule
from ._common import emit, has


def _bundles(catalogue: Catalogue) -> Iterator[tuple[SourceMap, int, Chain]]:
    """Each chain with a readable ``bundle:`` and its index in the file."""
    source = catalogue.sources.get("chains.yaml")
    if source is None:
        return
    for c, chain in enumerate(getattr(catalogue.files.get("chains.yaml"), "chains", ())):
        bundle = chain.bundle if has(chain, "name", "stages", "bundle") else None
        if bundle is not None and has(bundle, "lead"):
            yield source, c, chain


@rule("bundle-lead", Severity.ERROR, scope="catalogue")
def lead_known(catalogue: Catalogue, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A bundle's ``lead`` (牵头部门) must be a department in ``departments.yaml``: its window
    takes the one application and the page sends people there.

    Passing:
        bundle:
          lead: scjgj

    Failing:
        bundle:
          lead: shichangju   # departments.yaml 中没有这个 id
    """
    if not catalogue.indexed("departments.yaml"):
        return
    for source, c, chain in _bundles(catalogue):
        if chain.bundle is not None and chain.bundle.lead not in catalogue.departments:
            yield emit(
                source,
                "bundle-lead",
                ("chains", c, "bundle", "lead"),
                f"一件事“{chain.name}”的牵头部门“{chain.bundle.lead}”不在 departments.yaml 中;"
                "请填写已登记部门的 id(牵头部门的窗口一窗受理整件事)。",
            )


@rule("bundle-lead-absent", Severity.WARNING, scope="catalogue")
def lead_takes_part(catalogue: Catalogue, ctx: CheckContext) -> Iterator[Diagnostic]:
    """The lead department handles at least one item of the bundle (as its own department
    or a joint one): a window that handles none cannot answer questions about the road.

    Passing:
        bundle: {lead: scjgj}   # shipin-jingying 在 items/scjgj/ 下

    Failing:
        bundle: {lead: zjj}     # 本一件事的事项都不由住建局办理
    """
    for source, c, chain in _bundles(catalogue):
        assert chain.bundle is not None
        lead = chain.bundle.lead
        if lead not in catalogue.departments:
            continue
        members = [
            catalogue.items[i] for s in chain.stages for i in s.items if i in catalogue.items
        ]
        if members and not any(
            m.department_id == lead or lead in m.item.joint_departments for m in members
        ):
            yield emit(
                source,
                "bundle-lead-absent",
                ("chains", c, "bundle", "lead"),
                f"一件事“{chain.name}”的牵头部门“{lead}”不办理其中任何事项;"
                "请改为办理其中事项的部门,或把该部门列为有关事项的联办部门。",
            )


@rule("bundle-item-twice", Severity.ERROR, scope="catalogue")
def item_once(catalogue: Catalogue, ctx: CheckContext) -> Iterator[Diagnostic]:
    """An item appears once in a bundle: listed in two stages (or twice in one), its time
    would be counted twice and its materials merged with themselves.

    Passing:
        stages:
          - {name: 领取营业执照, items: [geti-dengji]}
          - {name: 许可, items: [shipin-jingying]}

    Failing:
        stages:
          - {name: 领取营业执照, items: [geti-dengji, shipin-jingying]}
          - {name: 许可, items: [shipin-jingying]}   # 同一事项出现两次
    """
    for source, c, chain in _bundles(catalogue):
        seen: dict[str, str] = {}
        for s, stage in enumerate(chain.stages):
            for i, ident in enumerate(getattr(stage, "items", ())):
                if ident in seen:
                    yield emit(
                        source,
                        "bundle-item-twice",
                        ("chains", c, "stages", s, "items", i),
                        f"一件事“{chain.name}”中事项“{ident}”已列在阶段“{seen[ident]}”,"
                        f"又列在阶段“{stage.name}”;请只保留一处(同一阶段内的事项并联办理)。",
                    )
                else:
                    seen[ident] = stage.name


@rule("bundle-too-small", Severity.ERROR, scope="catalogue")
def two_items_at_least(catalogue: Catalogue, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A bundle joins at least two different items: one item is already its own guide.

    Passing:
        bundle: {lead: scjgj}
        stages:
          - {name: 领取营业执照, items: [geti-dengji]}
          - {name: 许可, items: [shipin-jingying]}

    Failing:
        bundle: {lead: scjgj}
        stages:
          - {name: 许可, items: [shipin-jingying]}   # 只有一个事项
    """
    for source, c, chain in _bundles(catalogue):
        distinct = {i for s in chain.stages for i in getattr(s, "items", ())}
        if len(distinct) < 2:
            yield emit(
                source,
                "bundle-too-small",
                ("chains", c, "bundle"),
                f"一件事“{chain.name}”只有 {len(distinct)} 个事项;"
                "请至少列入两个事项,或删除 bundle,只保留审批链。",
            )


@rule("bundle-mixed-units", Severity.WARNING, scope="catalogue")
def one_unit_per_stage(catalogue: Catalogue, ctx: CheckContext) -> Iterator[Diagnostic]:
    """The items of one stage of a bundle run in parallel, so the stage takes its longest
    item; that is only known when their promised limits share a unit.  A stage mixing
    工作日 and 自然日 (both more than 0 days) is shown as an upper bound, both units listed.

    Passing:
        # 同一阶段:食品经营许可 5 个工作日,社会保险登记 当场办结

    Failing:
        # 同一阶段:食品经营许可 5 个工作日,某登记 20 个自然日
    """
    for source, c, chain in _bundles(catalogue):
        for stage in bundle_time(catalogue, chain).stages:
            if stage.mixed:
                yield emit(
                    source,
                    "bundle-mixed-units",
                    ("chains", c, "stages", stage.number - 1, "name"),
                    f"一件事“{chain.name}”的阶段“{stage.name}”中,事项的承诺时限有的按工作日、"
                    "有的按自然日,无法确定哪一项最长,总时限只能给出上限;"
                    "请核实能否统一按工作日承诺,或把这些事项分到不同阶段。",
                )


@rule("bundle-window", Severity.ERROR, scope="catalogue")
def window_known(catalogue: Catalogue, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A bundle's ``window`` is one of the lead department's windows in
    ``departments.yaml``: the page and the sheet send every applicant there.

    Passing:
        bundle:
          lead: scjgj
          window: 市场监管综合窗口

    Failing:
        bundle:
          lead: scjgj
          window: 综合窗口   # 市场监管局没有这个窗口
    """
    for source, c, chain in _bundles(catalogue):
        bundle = chain.bundle
        lead = catalogue.departments.get(bundle.lead) if bundle else None
        if bundle is None or lead is None or bundle.window is None:
            continue
        names = [w.name for w in lead.windows]
        if bundle.window not in names:
            yield emit(
                source,
                "bundle-window",
                ("chains", c, "bundle", "window"),
                f"一件事“{chain.name}”的受理窗口“{bundle.window}”不是牵头部门“{lead.name}”的窗口;"
                f"请填写 departments.yaml 中该部门的窗口名称之一:{'、'.join(names)}。",
            )
