"""Validate plain data with the pydantic models and turn errors into located diagnostics.

pydantic knows no source positions (dagster's approach): each error's ``loc`` is walked
against the data to drop union tags, then looked up in the file's ``SourceMap``.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import models
from .diagnostics import Diagnostic, Severity
from .partial import salvage
from .sources import DataPath, SourceMap

M = TypeVar("M", bound=BaseModel)

_TYPE_ZH = {
    "str": "文本",
    "int": "整数",
    "float": "数字",
    "bool": "布尔值",
    "NoneType": "空值",
    "list": "列表",
    "dict": "映射(键: 值)",
    "date": "日期",
    "datetime": "日期时间",
}

_EXPECTED_ZH = {
    "string_type": "文本",
    "int_type": "整数",
    "bool_type": "true 或 false",
    "list_type": "列表",
    "dict_type": "映射(键: 值)",
    "model_type": "映射(键: 值)",
    "model_attributes_type": "映射(键: 值)",
    "date_type": "日期(如 2026-01-01)",
    "date_from_datetime_parsing": "日期(如 2026-01-01)",
    "date_parsing": "日期(如 2026-01-01)",
    "date_from_datetime_inexact": "日期(如 2026-01-01)",
    "int_from_float": "整数",
    "int_parsing": "整数",
    "enum": "允许的值之一",
    "literal_error": "允许的值之一",
}


def _field_docs() -> tuple[dict[str, str], set[str]]:
    """Chinese descriptions of every field name, for messages; and all known field names."""
    seen: dict[str, set[str]] = {}
    for obj in vars(models).values():
        if isinstance(obj, type) and issubclass(obj, BaseModel) and obj is not BaseModel:
            for name, info in obj.model_fields.items():
                short = (info.description or "").split(";")[0].split(",")[0]
                seen.setdefault(name, set()).add(short)
    # A name used by several models with different meanings gets no description.
    docs = {name: next(iter(d)) for name, d in seen.items() if len(d) == 1 and "" not in d}
    return docs, set(seen)


FIELD_DOCS, FIELD_NAMES = _field_docs()


def _label(key: str | int) -> str:
    if isinstance(key, int):
        return f"第 {key + 1} 项"
    doc = FIELD_DOCS.get(key)
    return f"“{key}”({doc})" if doc else f"“{key}”"


def _clean(data: Any, loc: tuple[int | str, ...], *, missing: bool) -> DataPath:
    """Keep only the parts of ``loc`` that exist in ``data`` (drops union and model tags)."""
    path: list[str | int] = []
    current = data
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        in_dict = isinstance(current, dict) and isinstance(part, str) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if in_dict or in_list:
            path.append(part)
            current = current[part]
        elif last and missing and isinstance(part, str):
            path.append(part)
        elif last and isinstance(current, dict) and isinstance(part, str):
            path.append(part)  # an unknown key
    return tuple(path)


def _typename(value: Any) -> str:
    return _TYPE_ZH.get(type(value).__name__, type(value).__name__)


def _message(error: dict[str, Any], path: DataPath, value: Any) -> tuple[str, str, bool]:
    """(code, Chinese message, point at the key rather than the value)."""
    kind = error["type"]
    where = _label(path[-1]) if path else "文件"
    if kind == "extra_forbidden":
        key = str(path[-1]) if path else ""
        close = difflib.get_close_matches(key, sorted(FIELD_NAMES - {key}), n=1)
        hint = f";是不是“{close[0]}”?" if close else ""
        return "schema-unknown-key", f"未知的字段“{key}”{hint}", True
    if kind == "missing":
        return "schema-missing", f"缺少必填字段{where}。", False
    if kind in ("enum", "literal_error"):
        allowed = choices(str(error.get("ctx", {}).get("expected", "")))
        return "schema-enum", f"{where}的值“{value}”不在允许范围内;可选:{allowed}。", False
    if kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        return "schema-pattern", f"{where}的值“{value}”格式不对(应匹配 {pattern})。", False
    expected = _EXPECTED_ZH.get(kind)
    if expected:
        shown = "" if isinstance(value, dict | list) else f" “{value}”"
        return (
            "schema-type",
            f"{where}应为{expected},实际是{_typename(value)}{shown}。",
            False,
        )
    return "schema-invalid", f"{where}:{error.get('msg', kind)}。", False


def choices(expected: str) -> str:
    """pydantic's ``'a', 'b' or 'c'`` as Chinese lists it: ``a、b或c``."""
    values: list[str] = re.findall(r"'((?:[^'\\]|\\.)*)'", expected)
    if not values:
        return expected
    if len(values) == 1:
        return values[0]
    return "、".join(values[:-1]) + "或" + values[-1]


def _value_at(data: Any, path: DataPath) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def validate(
    model: type[M], data: Any, source: SourceMap, *, partial: bool = False
) -> tuple[M | None, list[Diagnostic]]:
    """Validate ``data`` against ``model``; return the instance or None, and diagnostics.

    With ``partial``, a mapping that fails still gives an instance holding the fields that
    validated (see ``partial.salvage``): diagnostics with an instance mean "partial"."""
    if not isinstance(data, dict):
        line, col = source.locate(())
        return None, [
            Diagnostic(
                source.file,
                line,
                col,
                "schema-not-mapping",
                Severity.ERROR,
                f"文件顶层应为映射(键: 值),实际是{_typename(data)}。",
            )
        ]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        diags = []
        for error in exc.errors():
            missing = error["type"] == "missing"
            path = _clean(data, tuple(error["loc"]), missing=missing)
            value = _value_at(data, path)
            code, message, key = _message(dict(error), path, value)
            diags.append(source.diagnostic(code, Severity.ERROR, path, message, key=key))
        return (salvage(model, data) if partial else None), diags
