"""YAML in the house style: keys in model order, codes and phone numbers in double quotes,
dates plain, no anchors, one line per scalar, UTF-8 as typed.

What the sheet said that has no field (a process written as prose, the article text of a
law) goes into ``#`` comments above the entry, so nothing read is lost and nothing
unreviewed is published.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

try:  # libyaml's emitter is several times faster; fall back so a bare install still works
    from yaml import CSafeDumper as _BaseDumper
except ImportError:  # pragma: no cover - exercised only without libyaml
    from yaml import SafeDumper as _BaseDumper  # type: ignore[assignment]

from .registry import DEPARTMENT_ORDER, LAW_ORDER, ordered

QUOTED_KEYS = frozenset({"basic", "implementation", "enquiry_phone", "supervision_phone"})


class _Quoted(str):
    """A string written in double quotes: codes and phone numbers are never plain."""


class _Dumper(_BaseDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_quoted(dumper: _Dumper, data: _Quoted) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(data), style='"')


def _represent_str(dumper: _Dumper, data: str) -> yaml.ScalarNode:
    # A line break inside a value is written as \n in double quotes: one line per value.
    style = '"' if "\n" in data or "\r" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(_Quoted, _represent_quoted)
_Dumper.add_representer(str, _represent_str)


def _indent_sequences(text: str) -> str:
    """Indent block sequences under their key (``key:`` / ``  - x``), as staff write them.

    libyaml writes them level with the key and cannot be told otherwise; the pure-Python
    emitter can but takes five times as long.  Every value is on one line (see
    :func:`_represent_str`), so a sequence runs from its first ``- `` to the next line less
    indented, or as indented but not an entry, and everything in it moves two spaces.
    """
    out: list[str] = []
    open_at: list[int] = []  # original indents of the sequences being shifted
    previous = ""
    for line in text.splitlines():
        indent = len(line) - len(line.lstrip(" "))
        content = line[indent:]
        entry = content == "-" or content.startswith("- ")
        while open_at and (indent < open_at[-1] or (indent == open_at[-1] and not entry)):
            open_at.pop()
        if entry and (not open_at or open_at[-1] != indent):
            before = len(previous) - len(previous.lstrip(" "))
            if previous.lstrip(" ").startswith("- "):
                before += 2  # the key of "- key:" stands after the dash
            if before == indent and previous.rstrip().endswith(":"):
                open_at.append(indent)
        out.append(" " * (2 * len(open_at)) + line if line else line)
        previous = line
    return "\n".join(out) + "\n"


def _quote(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _quote(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_quote(v) for v in value]
    if isinstance(value, str) and key in QUOTED_KEYS:
        return _Quoted(value)
    return value


def dump(data: Any) -> str:
    text: str = yaml.dump(
        _quote(data),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        indent=2,
        width=1_000_000,
    )
    return _indent_sequences(text)


def _comments(lines: list[str]) -> str:
    return "".join(f"# {line}\n" for text in lines for line in text.splitlines())


def item_yaml(data: dict[str, Any], comments: list[str]) -> str:
    head = (
        _comments(["导入时未能放进字段的内容(整理后请删除本注释):", *comments]) if comments else ""
    )
    return head + dump(data)


def departments_yaml(departments: list[dict[str, Any]]) -> str:
    return dump({"departments": [ordered(d, DEPARTMENT_ORDER) for d in departments]})


def laws_yaml(laws: list[dict[str, Any]], notes: dict[str, list[str]]) -> str:
    """``laws.yaml``; the article texts the sheet quoted stand as comments above each law."""
    parts = ["laws:\n"]
    for law in laws:
        block = dump([ordered(law, LAW_ORDER)])
        lines = notes.get(str(law["id"]), [])
        head = _comments(["表格中的条文内容:", *lines]) if lines else ""
        parts.append("".join(f"  {line}\n" for line in (head + block).splitlines()))
    return "".join(parts) if laws else "laws: []\n"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
