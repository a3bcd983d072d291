"""argparse in Chinese: ``用法:``, ``错误:``, ``无效的选项值`` instead of argparse's English.

argparse looks its own strings up through ``gettext`` (``argparse._`` and
``argparse.ngettext``, bound when it is imported); :func:`install` puts a lookup in this
module's table in front of them, so every parser of the process (and its sub-parsers)
speaks Chinese, and a string this table does not know stays as argparse wrote it.
:class:`ChineseParser` also says each option's default in its help, and keeps the
examples of an epilog on their own lines.
"""

from __future__ import annotations

import argparse
import gettext
from typing import Any

MESSAGES: dict[str, str] = {
    "usage: ": "用法:",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s:错误:%(message)s\n",
    "the following arguments are required: %s": "缺少必需的参数:%s",
    "one of the arguments %s is required": "必须给出以下参数之一:%s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "无效的选项值:%(value)r(可选:%(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值:%(value)r",
    "unrecognized arguments: %s": "无法识别的参数:%s",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s:%(message)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "忽略了多余的参数值 %r",
    "expected one argument": "需要一个参数值",
    "expected at most one argument": "最多需要一个参数值",
    "expected at least one argument": "至少需要一个参数值",
    "ambiguous option: %(option)s could match %(matches)s": (
        "有歧义的选项:%(option)s 可以是 %(matches)s"
    ),
    "unexpected option string: %s": "意外的选项:%s",
    'argument "-" with mode %r': '模式为 %r 的参数 "-"',
    "can't open '%(filename)s': %(error)s": "无法打开 '%(filename)s':%(error)s",
}
PLURAL: dict[str, str] = {"expected %s argument": "需要 %s 个参数值"}
TYPES = {"int": "整数", "float": "数字"}
"""argparse names a bad value's type by the function's name: ``invalid int value``."""


def translate(message: str) -> str:
    return MESSAGES.get(message, gettext.gettext(message))


def translate_plural(singular: str, plural: str, n: int) -> str:
    if singular in PLURAL:
        return PLURAL[singular]
    return gettext.ngettext(singular, plural, n)


def install() -> None:
    """Have argparse look its strings up here (idempotent)."""
    setattr(argparse, "_", translate)  # noqa: B010 (argparse's own module globals)
    setattr(argparse, "ngettext", translate_plural)  # noqa: B010


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Each option's help ends with its default (``默认:site``) unless it says one
    already; the description and epilog keep their line breaks (examples)."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        default = action.default
        if (
            "默认" in text
            or default is None
            or default is False
            or default == ""
            or default is argparse.SUPPRESS
            or isinstance(action, argparse._SubParsersAction)
        ):
            return text
        return f"{text}(默认:%(default)s)"


class ChineseParser(argparse.ArgumentParser):
    """An :class:`argparse.ArgumentParser` that speaks Chinese (see :func:`install`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        install()
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def _get_value(self, action: argparse.Action, arg_string: str) -> Any:
        try:
            return super()._get_value(action, arg_string)
        except argparse.ArgumentError as exc:
            name = getattr(action.type, "__name__", "")
            if name in TYPES:
                message = f"无效的{TYPES[name]}值:{arg_string!r}"
                raise argparse.ArgumentError(action, message) from exc
            raise
