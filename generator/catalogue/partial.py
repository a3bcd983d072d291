"""Partial models: whatever part of a file validated, for the rules to check.

A file that fails its schema still gets every rule that does not depend on the broken
part (issue 8: every problem in one run).  ``salvage`` rebuilds a model field by field:

- a value that validates is kept as validated;
- a mapping that fails is salvaged the same way, recursively;
- a list of mappings keeps every element at its index, each salvaged (so a diagnostic
  about ``materials[2]`` still points at the third material);
- any other invalid value (a list of ids with one bad id, a number where text belongs) is
  left out, and so is the default an absent field would get: a rule must not mistake a
  mistyped ``joint_departments`` for an empty one.

A left-out field is absent from the instance: reading it raises ``MissingField``.
Rules guard the fields they iterate over, and the rule runner skips a rule that still
reads an absent field (see ``generator.checks.run_item_rules``).  Instances are built
with ``model_construct``, without validation, so salvaging never raises on bad data.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from functools import cache
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, Discriminator, Tag, TypeAdapter, ValidationError

M = TypeVar("M", bound=BaseModel)


@cache
def _fields(model: type[BaseModel]) -> tuple[tuple[str, Any], ...]:
    return tuple((name, info.rebuild_annotation()) for name, info in model.model_fields.items())


_ADAPTERS: dict[int, tuple[Any, TypeAdapter[Any]]] = {}


def _adapter(annotation: Any) -> TypeAdapter[Any]:
    # Annotations are long-lived objects from ``_fields`` or their arguments; keep each
    # one alive next to its adapter so its id is never reused.
    entry = _ADAPTERS.get(id(annotation))
    if entry is None:
        entry = _ADAPTERS[id(annotation)] = (annotation, TypeAdapter(annotation))
    return entry[1]


def _split(annotation: Any) -> tuple[Any, tuple[Any, ...]]:
    """``Annotated[T, *meta]`` -> (T, meta); anything else -> (it, ())."""
    if get_origin(annotation) is Annotated:
        base, *meta = get_args(annotation)
        return base, tuple(meta)
    return annotation, ()


def _model(annotation: Any) -> type[BaseModel] | None:
    base = _split(annotation)[0]
    return base if isinstance(base, type) and issubclass(base, BaseModel) else None


def empty(model: type[M]) -> M:
    """An instance with no field at all: a list entry that was not even a mapping."""
    instance = model.model_construct()
    instance.__dict__.clear()
    return instance


def salvage(model: type[M], data: dict[str, Any]) -> M:
    """The fields of ``data`` that validate (recursively); the others absent."""
    values: dict[str, Any] = {}
    for name, annotation in _fields(model):
        if name in data:
            ok, value = _value(annotation, data[name])
            if ok:
                values[name] = value
    instance = model.model_construct(**values)
    for name, _ in _fields(model):
        if name in data and name not in values:
            instance.__dict__.pop(name, None)  # invalid, not defaulted
    return instance


def _branch(branches: tuple[Any, ...], meta: tuple[Any, ...], value: Any) -> Any | None:
    """The union branch ``value`` was meant for: by the discriminator, or the only model."""
    for item in meta:
        if isinstance(item, Discriminator) and callable(item.discriminator):
            choose: Callable[[Any], Any] = item.discriminator
            tag = choose(value)
            for branch in branches:
                if any(isinstance(m, Tag) and m.tag == tag for m in _split(branch)[1]):
                    return branch
            return None
    models = [b for b in branches if _model(b) is not None]
    return models[0] if len(models) == 1 else None


def _placeholder(element: Any, entry: Any) -> type[BaseModel] | None:
    """The model a list entry should have been, to hold its place when it is no mapping."""
    base, meta = _split(element)
    if get_origin(base) is Union or get_origin(base) is types.UnionType:
        base = _branch(get_args(base), meta, entry)
    return _model(base) if base is not None else None


def _value(annotation: Any, value: Any) -> tuple[bool, Any]:
    try:
        return True, _adapter(annotation).validate_python(value)
    except ValidationError:
        pass
    base, meta = _split(annotation)
    model = _model(base)
    if model is not None:
        return (True, salvage(model, value)) if isinstance(value, dict) else (False, None)
    origin = get_origin(base)
    if origin is list and isinstance(value, list):
        (element,) = get_args(base)
        out = []
        for entry in value:
            ok, salvaged = _value(element, entry)
            if not ok:
                placeholder = _placeholder(element, entry)
                if placeholder is None:
                    return False, None  # one bad id among ids: the list is not usable
                salvaged = empty(placeholder)
            out.append(salvaged)
        return True, out
    if origin is Union or origin is types.UnionType:
        branch = _branch(get_args(base), meta, value)
        if branch is not None:
            return _value(branch, value)
    return False, None
