"""The base of every catalogue model and the strict scalar types they share.

Split from ``models.py`` so that a model module of its own (``situations.py``) can build
on the same base without an import cycle; ``models.py`` re-exports every name here.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, Strict

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

# Strings, integers and booleans are strict so that YAML's ``12345`` never silently becomes
# text and ``"3"`` never becomes a number; enumerations and dates stay lax (they come from
# text in YAML).
Str = Annotated[str, Strict()]
Int = Annotated[int, Strict()]
Bool = Annotated[bool, Strict()]

Id = Annotated[str, Strict(), Field(pattern=ID_PATTERN, description="标识:小写字母、数字和连字符")]
Text = Annotated[str, Strict(), Field(description="文本(纯文本,不含 HTML 或 Markdown)")]
Phone = Annotated[str, Strict(), Field(description='电话号码,须加引号,如 "0512-12345678"、"12345"')]
Day = Annotated[date, Field(description="日期,如 2026-01-01")]
Path = Annotated[str, Strict(), Field(description="相对于 catalogue/ 的文件路径,如 forms/xxx.pdf")]


class MissingField(AttributeError):
    """A field of a partial model (catalogue/partial.py) that failed validation was read.

    An ``AttributeError``, so ``getattr(model, name, default)`` still works; the rule
    runner skips a rule that raises it (the field's schema error is already reported)."""

    def __init__(self, model: str, name: str) -> None:
        super().__init__(f"{model}.{name} 未通过校验,无值")
        self.model, self.name = model, name


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            if name in type(self).model_fields:
                raise MissingField(type(self).__name__, name)
            return super().__getattr__(name)
