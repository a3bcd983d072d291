"""Read one YAML file into plain data plus a map from data paths to source positions.

libyaml (C) composes the node tree; we construct the Python values ourselves so that
every trap of YAML 1.1 becomes a located diagnostic instead of silent damage: duplicate
keys, anchors and aliases (billion laughs), explicit tags, tab indentation, unquoted
values that YAML 1.1 mangles (``0512`` -> 330, ``NO`` -> False, ``9:30`` -> 570), files
that are too large, empty, not UTF-8 (staff save in GBK) or start with a byte-order mark.
Nothing here raises on bad input.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Diagnostic, Severity
from .textguard import controls, decode, tabs
from .yamlerrors import explain

MAX_BYTES = 1_000_000
MAX_DEPTH = 50
"""The deepest value the builder descends to.  A catalogue file nests a few levels; libyaml
stops at 1,000, but Python's recursion (the builder, then validation) gives out near 500."""

try:  # the C parser is about eight times faster; fall back so a bare install still works
    from yaml import CSafeLoader as _Base
except ImportError:  # pragma: no cover - exercised only without libyaml
    from yaml import SafeLoader as _Base  # type: ignore[assignment]

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
TIMESTAMP = "tag:yaml.org,2002:timestamp"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"

_PLAIN_TAGS: dict[str, str] = {}


class _Loader(_Base):
    """The safe loader with a memo on implicit tag resolution.

    Catalogue files repeat the same keys and values thousands of times; resolving each
    plain scalar through YAML 1.1's regular expressions was a fifth of the parse time.
    No path resolvers are registered, so collections and quoted scalars resolve directly.
    """

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                tag = _PLAIN_TAGS.get(value)
                if tag is None:
                    tag = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
                    if len(value) < 64 and len(_PLAIN_TAGS) < 100_000:
                        _PLAIN_TAGS[value] = tag
                return tag
            if implicit[1]:
                return STR
        elif kind is yaml.MappingNode:
            return MAP
        elif kind is yaml.SequenceNode:
            return SEQ
        resolved: str = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
        return resolved


DataPath = tuple[str | int, ...]


_PLAIN_INT = re.compile(r"^-?(0|[1-9][0-9]*)$")
_TIMESTAMP = yaml.constructor.SafeConstructor()


@dataclass
class SourceMap:
    """Where each value of a file came from, to point diagnostics at ``file:line:col``."""

    file: str
    values: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    # Set when the positions were left behind in a worker process: re-read on first use,
    # which happens only when a diagnostic has to be placed.
    path: Path | None = None

    def locate(self, path: DataPath, *, key: bool = False) -> tuple[int, int]:
        """Position of ``path``'s value (or key), else of its nearest recorded ancestor."""
        if not self.values and self.path is not None:
            reread = read_yaml(self.path, self.file).source
            self.values, self.keys, self.path = reread.values, reread.keys, None
        if key and path in self.keys:
            return self.keys[path]
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (1, 1))

    def diagnostic(
        self,
        code: str,
        severity: Severity,
        path: DataPath,
        message: str,
        *,
        key: bool = False,
    ) -> Diagnostic:
        line, col = self.locate(path, key=key)
        return Diagnostic(
            file=self.file,
            line=line,
            col=col,
            code=code,
            severity=severity,
            message=message,
            path=format_path(path),
        )


def format_path(path: DataPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


@dataclass
class Parsed:
    data: Any
    source: SourceMap
    diagnostics: list[Diagnostic]


def _at(file: str, line: int, col: int, code: str, message: str) -> Diagnostic:
    return Diagnostic(file, line, col, code, Severity.ERROR, message)


def _anchors(text: str, file: str, diags: list[Diagnostic]) -> bool:
    """Refuse anchors and aliases outright: they let a tiny file expand exponentially."""
    if "&" not in text and "*" not in text:
        return False
    found = False
    try:
        for event in yaml.parse(text, Loader=_Loader):
            anchor = getattr(event, "anchor", None)
            mark = event.start_mark
            if anchor is not None and mark is not None:
                diags.append(
                    _at(
                        file,
                        mark.line + 1,
                        mark.column + 1,
                        "yaml-anchor",
                        f"不允许使用锚点或别名(&{anchor} / *{anchor});请把内容直接写出来。",
                    )
                )
                found = True
    except yaml.YAMLError:
        return found  # the syntax error is reported by the main parse
    return found


def _syntax(exc: yaml.YAMLError, file: str, text: str) -> Diagnostic:
    said = explain(exc, text)
    return _at(file, said.line, said.col, "yaml-syntax", said.message)


class _Builder:
    """Turn libyaml nodes into plain values, recording positions and YAML 1.1 traps."""

    def __init__(
        self, file: str, source: SourceMap, diags: list[Diagnostic], *, record: bool
    ) -> None:
        self.file = file
        self.source = source
        self.diags = diags
        # Without recording, positions are re-read only if a later rule needs one: a clean
        # file (the common case) then never pays for its position map.
        self.values: dict[DataPath, tuple[int, int]] = source.values if record else {}
        self.keys: dict[DataPath, tuple[int, int]] = source.keys if record else {}
        self.too_deep = False

    def _pos(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def _error(self, node: yaml.Node, code: str, message: str, path: DataPath) -> None:
        line, col = self._pos(node)
        self.diags.append(
            Diagnostic(self.file, line, col, code, Severity.ERROR, message, format_path(path))
        )

    def build(self, node: yaml.Node, path: DataPath) -> Any:
        mark = node.start_mark
        self.values[path] = (mark.line + 1, mark.column + 1)
        if len(path) > MAX_DEPTH:  # the path is the depth: recursion stays far from the limit
            if not self.too_deep:
                self.too_deep = True
                self._error(
                    node,
                    "yaml-too-deep",
                    f"嵌套超过 {MAX_DEPTH} 层;目录文件不需要这么深的结构,请检查缩进和括号。",
                    path,
                )
            return None
        if isinstance(node, yaml.ScalarNode):
            if node.tag == STR:  # the common case, kept short: this runs for every value
                return node.value
            return self._scalar(node, path)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if node.tag != SEQ:
            self._error(node, "yaml-tag", f"不允许使用 YAML 标签 {node.tag}。", path)
        return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]

    def _mapping(self, node: yaml.MappingNode, path: DataPath) -> dict[str, Any]:
        if node.tag != MAP:
            self._error(node, "yaml-tag", f"不允许使用 YAML 标签 {node.tag}。", path)
        result: dict[str, Any] = {}
        keys = self.keys
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in (STR, INT, BOOL):
                self._error(key_node, "yaml-key", "键必须是简单文本。", path)
                continue
            key = key_node.value
            child = (*path, key)
            if key in result:
                first = next(k.start_mark.line + 1 for k, _ in node.value if k.value == key)
                self._error(
                    key_node,
                    "yaml-duplicate-key",
                    f"重复的键“{key}”(第一次出现在第 {first} 行);YAML 会悄悄丢掉前一个值。",
                    child,
                )
                continue
            mark = key_node.start_mark
            keys[child] = (mark.line + 1, mark.column + 1)
            result[key] = self.build(value_node, child)
        return result

    def _scalar(self, node: yaml.ScalarNode, path: DataPath) -> Any:
        tag, value = node.tag, node.value
        plain = not node.style  # libyaml says '' where the pure parser says None
        constructor = _SCALARS.get(tag)
        if constructor is None:
            self._error(node, "yaml-tag", f"不允许使用 YAML 标签 {tag}。", path)
            return value
        if plain and _mangled(tag, value):
            self._error(
                node,
                "yaml-ambiguous",
                f"“{value}”没有加引号,YAML 1.1 会把它读成 {_describe(tag, value)};"
                f'请写成 "{value}"。',
                path,
            )
            return value
        try:
            return constructor(node)
        except (ValueError, yaml.YAMLError):
            self._error(node, "yaml-syntax", f"无法识别的值“{value}”。", path)
            return value


def _mangled(tag: str, value: str) -> bool:
    """True when YAML 1.1 turns what staff typed into something else."""
    if tag == INT:
        return not _PLAIN_INT.match(value)  # 0512 (octal), 1_000, 0x1F, 9:30 (base 60)
    if tag == FLOAT:
        return ":" in value
    if tag == BOOL:
        return value not in ("true", "false")  # yes/no/on/off/Y/N/NO ...
    return False


def _describe(tag: str, value: str) -> str:
    if tag == BOOL:
        return f"布尔值 {str(_SCALARS[BOOL](yaml.ScalarNode(BOOL, value))).lower()}"
    if tag in (INT, FLOAT):
        try:
            number = _TIMESTAMP.construct_object(yaml.ScalarNode(tag, value))
            return f"数字 {number}"
        except (ValueError, yaml.YAMLError):
            return "数字"
    return "其他类型"


def _bool(node: yaml.ScalarNode) -> bool:
    return node.value.lower() in ("yes", "true", "on", "y")


def _int(node: yaml.ScalarNode) -> int:
    return int(node.value)


def _float(node: yaml.ScalarNode) -> float:
    return float(_TIMESTAMP.construct_yaml_float(node))


def _null(node: yaml.ScalarNode) -> None:
    return None


def _timestamp(node: yaml.ScalarNode) -> date | datetime:
    value = _TIMESTAMP.construct_yaml_timestamp(node)
    assert isinstance(value, date)
    return value


_SCALARS: dict[str, Callable[[yaml.ScalarNode], Any]] = {
    INT: _int,
    FLOAT: _float,
    BOOL: _bool,
    NULL: _null,
    TIMESTAMP: _timestamp,
}


def parse_text(
    text: str, file: str, diags: list[Diagnostic], *, positions: Path | None = None
) -> Parsed:
    """Parse ``text``.  With ``positions`` (the file's path), positions are not recorded
    now but re-read from that path when first asked for."""
    source = SourceMap(file, path=positions)
    if controls(text, file, diags) or tabs(text, file, diags) | _anchors(text, file, diags):
        return Parsed(None, source, diags)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        diags.append(_syntax(exc, file, text))
        return Parsed(None, source, diags)
    if node is None:
        diags.append(_at(file, 1, 1, "file-empty", "文件是空的。"))
        return Parsed(None, source, diags)
    data = _Builder(file, source, diags, record=positions is None).build(node, ())
    return Parsed(data, source, diags)


def read_yaml(path: Path, file: str | None = None, *, lazy: bool = False) -> Parsed:
    """Read and parse ``path``; ``file`` is the name diagnostics show (default: the path).

    ``lazy`` defers the position map until a diagnostic needs it (see ``SourceMap``)."""
    file = file if file is not None else path.as_posix()
    diags: list[Diagnostic] = []
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            diags.append(
                _at(file, 1, 1, "file-too-large", f"文件有 {size} 字节,超过上限 {MAX_BYTES} 字节。")
            )
            return Parsed(None, SourceMap(file), diags)
        raw = path.read_bytes()
    except OSError as exc:
        diags.append(_at(file, 1, 1, "file-unreadable", f"无法读取文件:{exc.strerror}。"))
        return Parsed(None, SourceMap(file), diags)
    text = decode(raw, file, diags)
    if text is None:
        return Parsed(None, SourceMap(file), diags)
    return parse_text(text, file, diags, positions=path if lazy else None)
