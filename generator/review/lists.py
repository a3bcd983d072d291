"""The lists of an item compared as a reviewer reads them (see :mod:`.matching`).

The legal basis is a multiset of (law, articles, role): citing one law twice in one role is
two entries, so deleting either is reported and adding one is an addition.  Conditions,
refusals, materials, steps and FAQ entries are paired by identity, then by similarity: a
reworded condition is one change with its words marked, a renamed material one rename with
both names, a reordered list nothing.
"""

from __future__ import annotations

from ..catalogue.exempt import exempt_how
from ..catalogue.loaded import flat_steps
from ..catalogue.models import Basis, Material, Necessity
from ..catalogue.workdays import step_unit
from .findings import Recorder, show
from .matching import match

MATERIAL_LABELS: dict[str, str] = {
    "necessity": "必要性",
    "form": "形式",
    "copies": "份数",
    "medium": "载体",
    "source": "来源",
    "source_note": "来源说明",
    "blank_form": "空白表格",
    "sample": "填写示例",
    "when": "提交情形",
    "answers": "适用回答",
    "one_of": "任选其一组",
    "standard": "受理标准",
    "note": "备注",
}


def basis(d: Recorder) -> None:
    old, new = d.old.basis, d.new.basis
    m = match(old, new)

    def group(b: Basis) -> tuple[str, str]:
        return b.law, b.role.value

    removed = {i: group(old[i]) for i in m.removed}
    added = {j: group(new[j]) for j in m.added}
    changed: list[tuple[int, int]] = []
    for j, g in added.items():
        same_old = [i for i, h in removed.items() if h == g]
        same_new = [k for k, h in added.items() if h == g]
        if len(same_old) == 1 and len(same_new) == 1:
            changed.append((same_old[0], j))
    done_old = {i for i, _ in changed}
    done_new = {j for _, j in changed}
    for j in m.added:
        entry = new[j]
        role = entry.role.value
        if j in done_new:
            before = old[next(i for i, k in changed if k == j)]
            title = d.laws.get(entry.law, entry.law)
            d.add(
                "basis-changed",
                role,
                d.law(before),
                d.law(entry),
                f"{role}《{title}》{before.articles} → {entry.articles}",
                ("basis", j, "articles"),
            )
        else:
            law = d.law(entry)
            d.add("basis-added", role, None, law, f"新增{role} {law}", ("basis", j))
            d.repealed(entry, role, ("basis", j))
    for i in m.removed:
        if i not in done_old:
            entry = old[i]
            role, law = entry.role.value, d.law(entry)
            d.add("basis-removed", role, law, None, f"删除{role} {law}", ("basis",))


def conditions(d: Recorder) -> None:
    old, new = d.old.conditions, d.new.conditions
    m = match(old, new, key=lambda c: c.text, text=lambda c: c.text)
    for i, j in m.pairs:
        before, after = old[i], new[j]
        if before.text != after.text:
            d.changed("condition-changed", "受理条件", before.text, after.text, ("conditions", j))
        d.citation("受理条件依据", before.basis, after.basis, ("conditions", j, "basis"))
        if before.answers != after.answers:
            d.changed(
                "condition-changed",
                f"受理条件 {after.text}:适用回答",
                before.answers,
                after.answers,
                ("conditions", j, "answers"),
            )
    for j in m.added:
        text = new[j].text
        d.add("condition-added", "受理条件", None, text, f"新增受理条件 {text}", ("conditions", j))
        if new[j].basis is not None:
            d.citation("受理条件依据", None, new[j].basis, ("conditions", j, "basis"))
    for i in m.removed:
        text = old[i].text
        d.add("condition-removed", "受理条件", text, None, f"删除受理条件 {text}", ("conditions",))


def refusals(d: Recorder) -> None:
    old, new = d.old.refusals, d.new.refusals
    m = match(old, new, text=lambda r: r)
    for i, j in m.pairs:
        d.changed("refusal-changed", "不予受理情形", old[i], new[j], ("refusals", j))
    for j in m.added:
        d.add(
            "refusal-added",
            "不予受理情形",
            None,
            new[j],
            f"新增不予受理情形 {new[j]}",
            ("refusals", j),
        )
    for i in m.removed:
        d.add(
            "refusal-removed",
            "不予受理情形",
            old[i],
            None,
            f"删除不予受理情形 {old[i]}",
            ("refusals",),
        )


def _material_text(m: Material) -> str:
    return m.name


def materials(d: Recorder) -> None:
    old, new = d.old.materials, d.new.materials
    m = match(old, new, key=lambda x: x.name, text=_material_text)
    for i, j in m.pairs:
        material(d, old[i], new[j], j)
    for j in m.added:
        d.burden.materials_added += 1
        name = new[j].name
        d.add("material-added", "申请材料", None, name, f"新增材料 {name}", ("materials", j))
    for i in m.removed:
        d.burden.materials_removed += 1
        name = old[i].name
        d.add("material-removed", "申请材料", name, None, f"删除材料 {name}", ("materials",))


def material(d: Recorder, before: Material, after: Material, index: int) -> None:
    if before.name != after.name:
        d.add(
            "material-renamed",
            "材料名称",
            before.name,
            after.name,
            f"材料更名 {before.name} → {after.name}",
            ("materials", index, "name"),
        )
    for name, label in MATERIAL_LABELS.items():
        old, new = getattr(before, name), getattr(after, name)
        if old == new:
            continue
        check = "material-changed"
        if name == "necessity":
            if new is Necessity.REQUIRED:
                check = "material-required"
            elif new is Necessity.OPTIONAL:
                check = "material-optional"
            else:
                check = "material-deferrable" if old is Necessity.REQUIRED else "material-changed"
        elif name == "copies":
            check = "material-copies-raised" if new > old else "material-copies-lowered"
        if isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) > 20:
            d.changed(check, f"材料 {after.name}:{label}", old, new, ("materials", index, name))
            continue
        d.add(
            check,
            f"材料{label}",
            old,
            new,
            f"材料 {after.name}:{label} {show(old)} → {show(new)}",
            ("materials", index, name),
        )
    exempt(d, before, after, index)


def exempt(d: Recorder, before: Material, after: Material, index: int) -> None:
    """免提交 given or taken back: the applicant stops or starts bringing the material."""
    old = exempt_how(before.exempt) if before.exempt else None
    new = exempt_how(after.exempt) if after.exempt else None
    if old == new:
        return
    check = "material-changed"
    if old is None:
        check = "material-exempted"
    elif new is None:
        check = "material-exempt-withdrawn"
    d.changed(check, f"材料 {after.name}:免提交", old, new, ("materials", index, "exempt"))


def steps(d: Recorder) -> None:
    old, new = flat_steps(d.old.steps), flat_steps(d.new.steps)
    before_count = len(d.findings)
    m = match(old, new, key=lambda s: s.name, text=lambda s: s.name)
    for i, j in m.pairs:
        a, b = old[i], new[j]
        if a.name != b.name:
            d.add(
                "field-changed",
                "办理环节",
                a.name,
                b.name,
                f"办理环节更名 {a.name} → {b.name}",
                ("steps",),
            )
        unit_a = step_unit(a, d.old.time_limit.promised.unit).value
        unit_b = step_unit(b, d.new.time_limit.promised.unit).value
        if (a.days, unit_a) != (b.days, unit_b):
            before, after = f"{a.days} 个{unit_a}", f"{b.days} 个{unit_b}"
            text = f"{a.days} → {after}" if unit_a == unit_b else f"{before} → {after}"
            d.add(
                "field-changed", "环节时限", before, after, f"办理环节 {b.name} {text}", ("steps",)
            )
        for key, label in (
            ("kind", "环节类型"),
            ("post", "办理岗位"),
            ("description", "办理内容"),
            ("answers", "适用回答"),
        ):
            if getattr(a, key) != getattr(b, key):
                d.changed(
                    "field-changed",
                    f"办理环节 {b.name}:{label}",
                    getattr(a, key),
                    getattr(b, key),
                    ("steps",),
                )
    for j in m.added:
        d.add(
            "field-changed",
            "办理环节",
            None,
            new[j].name,
            f"新增办理环节 {new[j].name}",
            ("steps",),
        )
    for i in m.removed:
        d.add(
            "field-changed",
            "办理环节",
            old[i].name,
            None,
            f"删除办理环节 {old[i].name}",
            ("steps",),
        )
    if len(d.findings) == before_count:
        d.add("field-changed", "办理流程", None, None, "办理流程顺序或并联方式调整", ("steps",))


def faq(d: Recorder) -> None:
    old, new = d.old.faq, d.new.faq
    m = match(old, new, key=lambda x: x.q, text=lambda x: x.q + x.a)
    for i, j in m.pairs:
        if old[i].q != new[j].q:
            d.changed("field-changed", "常见问题", old[i].q, new[j].q, ("faq", j, "q"))
        if old[i].a != new[j].a:
            d.changed(
                "field-changed", f"常见问题 {new[j].q} 的解答", old[i].a, new[j].a, ("faq", j, "a")
            )
    for j in m.added:
        d.add("field-changed", "常见问题", None, new[j].q, f"新增常见问题 {new[j].q}", ("faq", j))
    for i in m.removed:
        d.add("field-changed", "常见问题", old[i].q, None, f"删除常见问题 {old[i].q}", ("faq",))
