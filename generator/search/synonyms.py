"""``catalogue/synonyms.yaml``: groups of words the public uses for the same thing.

Staff keep the file (社保 = 社会保险, 过户 = 转移登记 …); the index writer expands it at
build time, so an item that says 社会保险 is also found by 社保 and queries stay small.
Reading never raises: every problem is a located diagnostic, and the groups that are
usable are returned anyway (``check`` reports, ``build`` indexes what is sound)::

    groups:
      - [社保, 社会保险]
      - [房产证, 不动产权证书, 不动产证]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..catalogue.diagnostics import Diagnostic, Severity
from ..catalogue.sources import SourceMap, read_yaml
from ..catalogue.tree import link_problem
from .normalise import normalise

FILE = "synonyms.yaml"
KEYS = ("groups",)


@dataclass
class Synonyms:
    """The usable groups (terms as written, duplicates dropped) and every problem found."""

    groups: list[tuple[str, ...]] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def load_synonyms(root: Path) -> Synonyms:
    """Read ``root/synonyms.yaml``; a catalogue without one simply has no synonyms."""
    path = root / FILE
    out = Synonyms()
    linked = link_problem(root, FILE)
    if linked is not None:
        out.diagnostics.append(linked)
        return out
    if not path.exists():
        return out
    parsed = read_yaml(path, path.as_posix())
    out.diagnostics.extend(parsed.diagnostics)
    if parsed.data is None:
        return out
    source = parsed.source
    data = parsed.data
    if not isinstance(data, dict):
        out.diagnostics.append(
            source.diagnostic(
                "syn-structure",
                Severity.ERROR,
                (),
                "同义词文件应为映射,例如 groups: [[社保, 社会保险]]。",
            )
        )
        return out
    for key in data:
        if key not in KEYS:
            out.diagnostics.append(
                source.diagnostic(
                    "syn-unknown-key",
                    Severity.ERROR,
                    (key,),
                    f"未知的键“{key}”;同义词文件只有 groups 一个键。",
                    key=True,
                )
            )
    groups = data.get("groups")
    if not isinstance(groups, list):
        out.diagnostics.append(
            source.diagnostic(
                "syn-structure", Severity.ERROR, ("groups",), "groups 应为同义词组的列表。"
            )
        )
        return out
    _read_groups(groups, source, out)
    return out


def _read_groups(groups: list[object], source: SourceMap, out: Synonyms) -> None:
    seen: dict[str, int] = {}  # normalised term -> group number (1-based) it first appeared in
    for g, group in enumerate(groups):
        if not isinstance(group, list):
            out.diagnostics.append(
                source.diagnostic(
                    "syn-structure",
                    Severity.ERROR,
                    ("groups", g),
                    "每个同义词组应为词语列表,例如 [驾照, 驾驶证]。",
                )
            )
            continue
        terms: list[str] = []
        keys: set[str] = set()
        for t, term in enumerate(group):
            where = ("groups", g, t)
            key = normalise(term) if isinstance(term, str) else ""
            if not key:
                out.diagnostics.append(
                    source.diagnostic(
                        "syn-structure",
                        Severity.ERROR,
                        where,
                        "同义词应为含有汉字、字母或数字的词语(疑问词和标点会被忽略)。",
                    )
                )
                continue
            assert isinstance(term, str)
            if key in keys:
                out.diagnostics.append(
                    source.diagnostic(
                        "syn-duplicate-term",
                        Severity.ERROR,
                        where,
                        f"“{term}”在同一组中重复出现。",
                    )
                )
                continue
            if key in seen:
                out.diagnostics.append(
                    source.diagnostic(
                        "syn-shared-term",
                        Severity.WARNING,
                        where,
                        f"“{term}”也出现在第 {seen[key]} 组;两组的词会互相串联,"
                        "请确认是否应合并为一组。",
                    )
                )
            else:
                seen[key] = g + 1
            keys.add(key)
            terms.append(term)
        if len(terms) < 2 and len(group) < 2:
            out.diagnostics.append(
                source.diagnostic(
                    "syn-single-term",
                    Severity.ERROR,
                    ("groups", g),
                    "同义词组至少要有两个词;只有一个词的组没有作用。",
                )
            )
        if len(terms) >= 2:
            out.groups.append(tuple(terms))
