"""What a 一件事 bundle works out: the total time of the road and one merged material list.

Time follows the seeds' rule for joint handling: stages run one after another and add up;
the items of one stage run in parallel, so a stage takes its longest item
("联办后的时限即是联办项目中办理时限中最长的一项").  Special procedures (听证、检验、专家评审…)
are not counted; they are listed so the applicant is told about them in writing.

工作日 and 自然日 are never added or compared: totals are kept per unit.  A stage whose
items run in different units has no single "longest" item that can be named without a
calendar, so such a stage adds its longest of each unit and the total is marked as an upper
bound (``bounded``).  An on-the-spot item (0 days) has no unit that matters.

Materials are merged by name, conservatively: two materials are one only when their names
are equal after Unicode NFKC, dropping whitespace and quotation marks.  "营业执照" and
"营业执照或者批准成立证件" stay two entries; guessing wrongly would drop a paper from the
list, which is worse than listing one twice.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .loaded import Catalogue, LoadedItem
from .models import Chain, DayUnit, Material, SpecialProcedure

_DROPPED = frozenset(" \t\u3000《》“”‘’\"'「」『』")


def material_key(name: str) -> str:
    """The name two materials must share to be listed once."""
    text = unicodedata.normalize("NFKC", name)
    return "".join(c for c in text if c not in _DROPPED and not c.isspace())


@dataclass(frozen=True)
class Span:
    """A duration kept per unit: ``working`` 工作日 and ``calendar`` 自然日, never summed."""

    working: int = 0
    calendar: int = 0

    def plus(self, other: Span) -> Span:
        return Span(self.working + other.working, self.calendar + other.calendar)


@dataclass(frozen=True)
class Member:
    """One item of a stage with its promised limit."""

    item: LoadedItem
    days: int
    unit: DayUnit


@dataclass(frozen=True)
class StageTime:
    number: int
    name: str
    members: tuple[Member, ...]
    span: Span
    mixed: bool
    """Items in both units with days > 0: the span is an upper bound (see module doc)."""


@dataclass(frozen=True)
class BundleTime:
    stages: tuple[StageTime, ...]
    total: Span
    bounded: bool
    specials: tuple[tuple[LoadedItem, SpecialProcedure], ...]


def _stage_span(members: tuple[Member, ...]) -> tuple[Span, bool]:
    working = max((m.days for m in members if m.unit is DayUnit.WORKING), default=0)
    calendar = max((m.days for m in members if m.unit is DayUnit.CALENDAR), default=0)
    return Span(working, calendar), bool(working and calendar)


def bundle_items(catalogue: Catalogue, chain: Chain) -> list[list[LoadedItem]]:
    """The chain's stages as loaded items (ids that are not items are skipped: ``check``
    reports them as ``ref-chain-item``)."""
    return [[catalogue.items[i] for i in s.items if i in catalogue.items] for s in chain.stages]


def bundle_time(catalogue: Catalogue, chain: Chain) -> BundleTime:
    stages: list[StageTime] = []
    total = Span()
    bounded = False
    specials: list[tuple[LoadedItem, SpecialProcedure]] = []
    for number, (stage, loaded) in enumerate(
        zip(chain.stages, bundle_items(catalogue, chain), strict=True), start=1
    ):
        members = tuple(
            Member(x, x.item.time_limit.promised.days, x.item.time_limit.promised.unit)
            for x in loaded
        )
        span, mixed = _stage_span(members)
        stages.append(StageTime(number, stage.name, members, span, mixed))
        total = total.plus(span)
        bounded = bounded or mixed
        specials.extend((x, p) for x in loaded for p in x.item.special_procedures)
    return BundleTime(tuple(stages), total, bounded, tuple(specials))


@dataclass(frozen=True)
class Use:
    """One item asking for a material: the material as that item describes it."""

    item: LoadedItem
    number: int
    """The material's number in the item's own list (1-based)."""
    material: Material


@dataclass(frozen=True)
class MergedMaterial:
    name: str
    uses: tuple[Use, ...]
    produced_by: LoadedItem | None
    """An earlier item of the bundle whose result is this material (e.g. 营业执照)."""


def merged_materials(catalogue: Catalogue, chain: Chain) -> tuple[MergedMaterial, ...]:
    """Every material of every item once, in road order (stage, item, material)."""
    names: dict[str, str] = {}
    uses: dict[str, list[Use]] = {}
    first_stage: dict[str, int] = {}
    made: dict[str, tuple[int, LoadedItem]] = {}
    for stage_number, loaded in enumerate(bundle_items(catalogue, chain)):
        for x in loaded:
            for key in _result_keys(x.item.result.name):
                made.setdefault(key, (stage_number, x))
            for number, material in enumerate(x.item.materials, start=1):
                key = material_key(material.name)
                names.setdefault(key, material.name)
                first_stage.setdefault(key, stage_number)
                users = uses.setdefault(key, [])
                if all(u.item.id != x.id for u in users):
                    users.append(Use(x, number, material))
    return tuple(
        MergedMaterial(name, tuple(uses[key]), _maker(made.get(key), first_stage[key]))
        for key, name in names.items()
    )


def _result_keys(name: str) -> set[str]:
    """A result stands for a material of its own name, and of its name without a trailing
    qualifier: 营业执照(个体工商户) is the 营业执照 a later item asks for (never the
    other way round: a material 营业执照(副本) is not met by any 营业执照 result)."""
    key = material_key(name)
    base = re.sub(r"\([^()]*\)$", "", key)
    return {key, base} if base else {key}


def _maker(made: tuple[int, LoadedItem] | None, asked_in: int) -> LoadedItem | None:
    """The item whose result is the material, when it runs in a stage before the first
    stage asking for it: the applicant gets the paper on the road, not before it."""
    return made[1] if made is not None and made[0] < asked_in else None
