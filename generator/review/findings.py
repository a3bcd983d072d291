"""What comparing two versions of an item produces: findings, burden, shared helpers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..catalogue.models import Citation, Item
from ..catalogue.sources import DataPath
from .burden import Burden


@dataclass(frozen=True)
class Finding:
    check: str
    field: str
    old: str | None
    new: str | None
    text: str
    path: DataPath


def show(value: Any, limit: int = 60) -> str:
    """A value as a reviewer reads it: enums by their Chinese value, long text shortened."""
    if value is None:
        return "(空)"
    if isinstance(value, list | tuple):
        return "、".join(show(v, limit) for v in value) or "(空)"
    if isinstance(value, dict):
        return ";".join(f"{show(k, limit)}:{show(v, limit)}" for k, v in value.items()) or "(空)"
    text = str(getattr(value, "value", value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Recorder:
    """Collects the findings and burden figures of one item between two versions."""

    def __init__(self, old: Item, new: Item, laws: Mapping[str, str]) -> None:
        self.old, self.new, self.laws = old, new, laws
        self.findings: list[Finding] = []
        self.burden = Burden()

    def add(self, check: str, label: str, old: Any, new: Any, text: str, path: DataPath) -> None:
        shown_old = None if old is None else show(old)
        shown_new = None if new is None else show(new)
        self.findings.append(Finding(check, label, shown_old, shown_new, text, path))

    def law(self, citation: Citation) -> str:
        return f"《{self.laws.get(citation.law, citation.law)}》{citation.articles}"

    def citation(
        self, label: str, before: Citation | None, after: Citation | None, path: DataPath
    ) -> None:
        if before == after:
            return
        if before is None:
            assert after is not None
            self.add(
                "basis-added", label, None, self.law(after), f"新增{label} {self.law(after)}", path
            )
        elif after is None:
            self.add(
                "basis-removed",
                label,
                self.law(before),
                None,
                f"删除{label} {self.law(before)}",
                path[:-1],
            )
        else:
            old, new = self.law(before), self.law(after)
            self.add("basis-changed", label, old, new, f"{label} {old} → {new}", path)
