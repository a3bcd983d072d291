"""The checks on a catalogue file's bytes and text made before YAML sees it.

Encoding (staff save in GBK or with a BOM), tabs in indentation and control characters each
get a located diagnostic in the clerk's words, rather than the YAML parser's error about
whatever it stumbled on next.
"""

from __future__ import annotations

import re

from .diagnostics import Diagnostic, Severity


def _at(file: str, line: int, col: int, code: str, message: str) -> Diagnostic:
    return Diagnostic(file, line, col, code, Severity.ERROR, message)


def decode(raw: bytes, file: str, diags: list[Diagnostic]) -> str | None:
    """The file as text, or None with the reason: UTF-16, not UTF-8 (GBK named as such); a BOM
    is reported and dropped."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        diags.append(
            _at(file, 1, 1, "file-encoding", "文件是 UTF-16 编码;请另存为 UTF-8(无 BOM)。")
        )
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        diags.append(
            _at(file, 1, 1, "file-bom", "文件开头有字节顺序标记(BOM);请另存为“UTF-8 无 BOM”。")
        )
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        try:
            raw.decode("gbk")
            hint = "看起来是 GBK/GB2312 编码"
        except UnicodeDecodeError:
            hint = "无法识别的编码"
        diags.append(
            _at(file, line, col, "file-encoding", f"文件不是 UTF-8 编码({hint});请另存为 UTF-8。")
        )
        return None


def tabs(text: str, file: str, diags: list[Diagnostic]) -> bool:
    """Tabs in indentation: YAML refuses them with a message a clerk cannot read."""
    if "\t" not in text:
        return False
    found = False
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" \t")
        indent = line[: len(line) - len(stripped)]
        if "\t" in indent and stripped and not stripped.startswith("#"):
            diags.append(
                _at(
                    file,
                    number,
                    indent.index("\t") + 1,
                    "yaml-tab",
                    "缩进中有制表符(Tab);YAML 只能用空格缩进。",
                )
            )
            found = True
    return found


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def controls(text: str, file: str, diags: list[Diagnostic]) -> bool:
    """Control characters break YAML and printing; report each with its position."""
    found = False
    for match in _CONTROL.finditer(text):
        before = text[: match.start()]
        line = before.count("\n") + 1
        col = match.start() - (before.rfind("\n") + 1) + 1
        diags.append(
            _at(
                file,
                line,
                col,
                "file-control-char",
                f"包含控制字符 U+{ord(match.group()):04X};请删除。",
            )
        )
        found = True
    return found
