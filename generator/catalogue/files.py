"""The files a catalogue publishes as downloads (blank forms, samples): what may be published.

A catalogue pull request is untrusted.  Checking the text of a path is not containment: a
form that is a symbolic link to ``/etc/passwd`` or ``/proc/self/environ`` has an innocent
name.  So every component of the path is looked at with ``lstat`` (never followed): a link
anywhere is refused, whatever it points at; the last component must be a regular file.
Then the file's type is decided by its bytes, not its name, against the formats offices
really publish: an ``.html`` or ``.svg`` "form" would run script on the portal's origin, and
an HTML page renamed ``application-form.pdf`` is still HTML.

The checker reports what :func:`inspect` finds; the page plan publishes only files it
passes, so a build that skipped the check still publishes nothing unsafe.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MAX_BYTES = 20_000_000
"""A blank form is a few pages; 20 MB is a scanned sample at most, and keeps the site small."""

_ZIP = (b"PK\x03\x04",)
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)  # the compound file of DOC, XLS, WPS, ET
FORMATS: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("PDF", (b"%PDF-",)),
    ".ofd": ("OFD 版式文件", _ZIP),
    ".doc": ("Word 97-2003", _OLE),
    ".docx": ("Word", _ZIP),
    ".xls": ("Excel 97-2003", _OLE),
    ".xlsx": ("Excel", _ZIP),
    ".wps": ("WPS 文字", _OLE),
    ".et": ("WPS 表格", _OLE),
    ".odt": ("ODF 文本", _ZIP),
    ".ods": ("ODF 表格", _ZIP),
    ".jpg": ("JPEG 图片", (b"\xff\xd8\xff",)),
    ".jpeg": ("JPEG 图片", (b"\xff\xd8\xff",)),
    ".png": ("PNG 图片", (b"\x89PNG\r\n\x1a\n",)),
    ".txt": ("纯文本", ()),
}
"""Extension -> (what staff call it, the signatures its first bytes start with)."""

ALLOWED = "、".join(sorted({ext.lstrip(".").upper() for ext in FORMATS} - {"JPEG"}))

_MARKUP = (b"<!doctype", b"<html", b"<head", b"<body", b"<script", b"<svg", b"<?xml", b"<iframe")


@dataclass(frozen=True)
class Problem:
    """Why a catalogue file may not be published: a diagnostic code and a clerk's message."""

    code: str
    message: str


def escapes(relative: str) -> bool:
    """The path's text leaves the catalogue (absolute, ``..``, a drive letter)."""
    posix = PurePosixPath(relative.replace("\\", "/"))
    return posix.is_absolute() or ".." in posix.parts or ":" in relative or not posix.parts


def inspect(root: Path, relative: str) -> Problem | None:
    """None if ``root/relative`` may be published as a download, else the first problem.

    Never follows a link and never opens anything but a regular file inside ``root``.
    """
    if escapes(relative):
        return Problem(
            "ref-file-escapes",
            f"文件路径“{relative}”不能是绝对路径,也不能含“..”;"
            "请把文件放进 catalogue/forms/,写成 forms/文件名。",
        )
    parts = PurePosixPath(relative.replace("\\", "/")).parts
    current = root
    info: os.stat_result | None = None
    for depth, part in enumerate(parts, start=1):
        current = current / part
        try:
            info = current.lstat()
        except OSError:
            return Problem(
                "ref-file-missing",
                f"找不到文件 {relative};请把文件放到 catalogue/{relative},或改正路径。",
            )
        if stat.S_ISLNK(info.st_mode):
            link = "/".join(parts[:depth])
            return Problem(
                "ref-file-symlink",
                f"“{link}”是符号链接;目录中的文件不能是链接(无论指向哪里),"
                "请把真实文件复制进 catalogue/ 并提交。",
            )
    assert info is not None  # parts is not empty: escapes() refused that
    if not stat.S_ISREG(info.st_mode):
        what = "文件夹" if stat.S_ISDIR(info.st_mode) else "特殊文件"
        return Problem(
            "ref-file-not-file",
            f"{relative} 是{what},不是普通文件;请填写一个表格文件的路径。",
        )
    return _content(current, relative, info.st_size)


def _content(path: Path, relative: str, size: int) -> Problem | None:
    suffix = PurePosixPath(relative).suffix.lower()
    known = FORMATS.get(suffix)
    if known is None:
        return Problem(
            "ref-file-type",
            f"不能发布“{suffix or '无扩展名'}”类型的文件 {relative};表格和示例只能是 "
            f"{ALLOWED} 格式(网页、SVG 等可执行脚本的文件不能发布)。",
        )
    if size > MAX_BYTES:
        return Problem(
            "ref-file-too-large",
            f"文件 {relative} 有 {size / 1_000_000:.1f} MB,超过上限 {MAX_BYTES // 1_000_000} MB;"
            "请压缩图片或拆分文件后再提交。",
        )
    name, signatures = known
    try:
        # Opened without following a link and without blocking on a pipe, in case the file
        # was swapped after it was looked at.
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        with os.fdopen(handle, "rb") as opened:
            if not stat.S_ISREG(os.fstat(opened.fileno()).st_mode):
                return Problem("ref-file-not-file", f"{relative} 不是普通文件。")
            head = opened.read(4096) if signatures else opened.read(MAX_BYTES)
    except OSError as exc:
        return Problem("ref-file-missing", f"无法读取文件 {relative}:{exc.strerror}。")
    if signatures and not head.startswith(signatures):
        return Problem(
            "ref-file-content",
            f"文件 {relative} 的内容{_actually(head)},不是扩展名所说的 {name} 文件;"
            f"请用办公软件另存为真正的 {name} 文件。",
        )
    if not signatures:
        return _text(head, relative)
    return None


def _actually(head: bytes) -> str:
    if _looks_like_markup(head):
        return "是网页(HTML/SVG/XML)"
    kinds = (
        (_ZIP, "是压缩包或新版办公文件"),
        (_OLE, "是 97-2003 版办公文件"),
        ((b"%PDF-",), "是 PDF"),
        ((b"\xff\xd8\xff", b"\x89PNG"), "是图片"),
    )
    return next((what for sigs, what in kinds if head.startswith(sigs)), "无法识别")


def _looks_like_markup(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith(_MARKUP)


def _text(raw: bytes, relative: str) -> Problem | None:
    """A ``.txt`` form must be UTF-8 (the build adds a BOM so browsers read it as such)."""
    if _looks_like_markup(raw[:4096]):
        return Problem(
            "ref-file-content",
            f"文件 {relative} 的内容是网页(HTML/SVG/XML),不是纯文本;"
            "请改为 PDF 或真正的纯文本文件。",
        )
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return Problem(
            "ref-file-content",
            f"文本文件 {relative} 不是 UTF-8 编码(可能是 GBK);请另存为 UTF-8,"
            "否则网页上打开会是乱码。",
        )
    return None


UTF8_BOM = b"\xef\xbb\xbf"


def published_bytes(path: Path) -> bytes | None:
    """The bytes a ``.txt`` form is published with: UTF-8 with a byte-order mark, which every
    browser honours over a missing or wrong ``charset`` (opened from disk, on any static
    host).  None for other formats: they are copied as they are."""
    if path.suffix.lower() != ".txt":
        return None
    raw = path.read_bytes()
    return raw if raw.startswith(UTF8_BOM) else UTF8_BOM + raw
