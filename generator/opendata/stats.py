"""The figures a centre reports, per department and in total: pure arithmetic, no markup.

Counts and sums are kept as integers; shares and averages are exact fractions, rounded
only when shown (half up, one decimal), so the same catalogue gives the same figures
everywhere.  Days are summed in 工作日 only: a limit the law counts in 自然日 (工伤保险条例
第二十条: 60 日) is left out of the sums and averages, never added to 工作日, and the page
says how many were left out; the cut compares the items whose two limits are both 工作日.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from ..catalogue.loaded import Catalogue, LoadedItem, is_free
from ..catalogue.models import DayUnit, ItemType, Kind, TimeLimit


@dataclass(frozen=True)
class Figures:
    """Totals for a set of items; ``name`` is the department's (or 全部事项)."""

    name: str
    items: int
    by_type: tuple[tuple[str, int], ...]
    by_kind: tuple[tuple[str, int], ...]
    statutory_days: int
    """Σ of the statutory limits counted in 工作日 (自然日 ones left out)."""
    promised_days: int
    statutory_counted: int
    """Items whose statutory limit is in 工作日 (the average's denominator)."""
    promised_counted: int
    paired: tuple[int, int]
    """(Σ statutory, Σ promised) of the items whose two limits are both in 工作日."""
    free: int
    materials: int
    exempt: int
    """Materials the window fetches itself (免提交, 减证便民)."""
    one_visit: int
    online: int

    @property
    def on_the_spot(self) -> int:
        return dict(self.by_kind).get(Kind.ON_THE_SPOT.value, 0)

    @property
    def on_the_spot_share(self) -> Fraction | None:
        return _ratio(self.on_the_spot, self.items)

    @property
    def average_statutory(self) -> Fraction | None:
        return _ratio(self.statutory_days, self.statutory_counted)

    @property
    def average_promised(self) -> Fraction | None:
        return _ratio(self.promised_days, self.promised_counted)

    @property
    def cut(self) -> Fraction | None:
        """How much shorter promised limits are than statutory ones, as a share of the
        statutory days (1 - Σ promised / Σ statutory), over items counted in 工作日 twice."""
        statutory, promised = self.paired
        if not statutory:
            return None
        return 1 - Fraction(promised, statutory)

    @property
    def free_share(self) -> Fraction | None:
        return _ratio(self.free, self.items)

    @property
    def average_materials(self) -> Fraction | None:
        return _ratio(self.materials, self.items)

    @property
    def exempt_share(self) -> Fraction | None:
        """免提交 materials as a share of all the materials listed."""
        return _ratio(self.exempt, self.materials)

    @property
    def one_visit_share(self) -> Fraction | None:
        return _ratio(self.one_visit, self.items)

    @property
    def online_share(self) -> Fraction | None:
        return _ratio(self.online, self.items)


@dataclass(frozen=True)
class Statistics:
    total: Figures
    departments: tuple[tuple[str, Figures], ...]
    """(department id, figures), in the catalogue's department order; empty ones left out."""


def _ratio(part: int, whole: int) -> Fraction | None:
    return Fraction(part, whole) if whole else None


def _working(limit: TimeLimit) -> bool:
    """Counted in 工作日: 0 days (当场办结) is 0 in either unit."""
    return limit.unit is DayUnit.WORKING or limit.days == 0


def figures(name: str, items: Iterable[LoadedItem]) -> Figures:
    loaded = [i.item for i in items]
    types = Counter(i.type.value for i in loaded)
    kinds = Counter(i.kind.value for i in loaded)
    statutory = [i.time_limit.statutory for i in loaded if _working(i.time_limit.statutory)]
    promised = [i.time_limit.promised for i in loaded if _working(i.time_limit.promised)]
    both = [
        i for i in loaded if _working(i.time_limit.statutory) and _working(i.time_limit.promised)
    ]
    return Figures(
        name=name,
        items=len(loaded),
        # Every enumeration value, in its order, zero included: tables line up.
        by_type=tuple((t.value, types[t.value]) for t in ItemType),
        by_kind=tuple((k.value, kinds[k.value]) for k in Kind),
        statutory_days=sum(s.days for s in statutory),
        promised_days=sum(p.days for p in promised),
        statutory_counted=len(statutory),
        promised_counted=len(promised),
        paired=(
            sum(i.time_limit.statutory.days for i in both),
            sum(i.time_limit.promised.days for i in both),
        ),
        free=sum(is_free(i) for i in loaded),
        materials=sum(len(i.materials) for i in loaded),
        exempt=sum(m.exempt is not None for i in loaded for m in i.materials),
        one_visit=sum(i.visits <= 1 for i in loaded),
        online=sum(i.online is not None for i in loaded),
    )


def statistics(catalogue: Catalogue) -> Statistics:
    groups: dict[str, list[LoadedItem]] = {}
    for loaded in catalogue.items.values():
        groups.setdefault(loaded.department_id, []).append(loaded)
    order = [d for d in catalogue.departments if d in groups]
    order += sorted(d for d in groups if d not in catalogue.departments)
    departments = tuple(
        (
            d,
            figures(catalogue.departments[d].name if d in catalogue.departments else d, groups[d]),
        )
        for d in order
    )
    return Statistics(figures("全部事项", catalogue.items.values()), departments)


def decimal(value: Fraction | None, places: int = 1) -> str:
    """``value`` rounded half up to ``places`` decimals; ``—`` when there is nothing to
    average."""
    if value is None:
        return "—"
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return str(exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def percent(value: Fraction | None) -> str:
    return "—" if value is None else decimal(value * 100) + "%"
