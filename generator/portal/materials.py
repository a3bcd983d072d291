"""The materials list as a phone shows it: the name first, only what has a value.

Most materials of an item share their necessity, form and copies, medium and source
(必要, 原件 1 份, 纸质, 申请人自备); said on every card, they drown the one material that
differs.  The shared values are said once above the list ("以下材料均为…(除注明外)") and
each material shows only where it departs from them, plus the details it has.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..catalogue.exempt import exempt_how
from ..catalogue.models import Material, MaterialSource

ATTRIBUTES: tuple[Callable[[Material], str], ...] = (
    lambda m: m.necessity.value,
    lambda m: f"{m.form.value} {m.copies} 份",
    lambda m: m.medium.value,
    lambda m: "其他来源" if m.source is MaterialSource.OTHER else m.source.value,
)
"""What every material states, in the order a requirement is read out."""


@dataclass(frozen=True)
class MaterialRow:
    number: int
    name: str
    requirement: tuple[str, ...]  # where it departs from the list's defaults
    details: tuple[str, ...]  # 提交情形, 来源说明, 受理标准, 备注: only those with a value
    blank: str | None  # URL of the blank form
    sample: str | None  # URL of the filled-in example
    exempt: str = ""
    """"数据共享:窗口通过…获取" when the window fetches it (减证便民, shown as 免于提交)."""


@dataclass(frozen=True)
class MaterialList:
    defaults: tuple[str, ...]  # said once above the list; empty when nothing is shared
    rows: tuple[MaterialRow, ...]
    exempt: tuple[int, ...] = ()
    """Numbers of the materials the applicant need not bring (免提交)."""

    @property
    def to_bring(self) -> int:
        """How many materials the full list asks the applicant to bring."""
        return len(self.rows) - len(self.exempt)

    @property
    def defaults_sentence(self) -> str:
        if not self.defaults:
            return ""
        return f"以下材料均为{'、'.join(self.defaults)}(除注明外)。"


def _defaults(materials: Sequence[Material]) -> list[str | None]:
    """Per attribute, the value most materials share (at least two, at least half)."""
    materials = [m for m in materials if not m.exempt] or materials
    found: list[str | None] = []
    for attribute in ATTRIBUTES:
        counts = Counter(attribute(m) for m in materials)
        value, count = counts.most_common(1)[0] if counts else ("", 0)
        found.append(value if count >= 2 and 2 * count >= len(materials) else None)
    return found


def _details(material: Material) -> tuple[str, ...]:
    pairs = (
        ("提交情形:", material.when),
        ("", material.source_note),
        ("受理标准:", material.standard),
        ("备注:", material.note),
    )
    return tuple(f"{label}{text}" for label, text in pairs if text)


def material_list(
    materials: Sequence[tuple[int, Material, str | None, str | None]],
) -> MaterialList:
    """The list for ``ItemView.materials`` rows (number, material, blank URL, sample URL)."""
    defaults = _defaults([m for _, m, _, _ in materials])
    rows = tuple(
        MaterialRow(
            number=number,
            name=material.name,
            requirement=tuple(
                value
                for attribute, default in zip(ATTRIBUTES, defaults, strict=True)
                if (value := attribute(material)) != default
            ),
            details=_details(material),
            blank=blank,
            sample=sample,
            exempt=exempt_how(material.exempt) if material.exempt else "",
        )
        for number, material, blank, sample in materials
    )
    exempt = tuple(number for number, material, _, _ in materials if material.exempt)
    return MaterialList(tuple(d for d in defaults if d is not None), rows, exempt)
