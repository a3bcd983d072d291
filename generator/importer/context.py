"""What one import shares across its items."""

from __future__ import annotations

from dataclasses import dataclass, field

from .problems import Problems
from .registry import Registry


@dataclass
class Context:
    """What the whole import shares: the registry, the problems, and what items inherit."""

    registry: Registry
    problems: Problems
    department: str | None = None  # --department
    centre_hours: str | None = None
    forms_present: set[str] = field(default_factory=set)
    missing_forms: list[tuple[str, str]] = field(default_factory=list)  # (cell, path)
