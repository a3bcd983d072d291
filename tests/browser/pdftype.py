"""Type sizes read back from a printed PDF: every glyph's size in points.

Chromium (Skia) writes each run of text as ``/F n Tf`` and ``Tj`` inside the page's content
stream, under ``cm`` transforms that map CSS pixels to points; the size on paper is the
``Tf`` size times the vertical scale of the current transform and text matrix.  Reading
the operators is exact, unlike word boxes (``pdftotext -bbox``), whose height depends on
each font's ascent and descent.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from pathlib import Path

_STREAM = re.compile(rb"<<(.*?)>>\s*stream\r?\n", re.S)
_TOKEN = re.compile(
    rb"<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|/[^\s/<>\[\]()]+|\[|\]|"
    rb"[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'\"*]+"
)
_FONT_MAGIC = (b"\x00\x01\x00\x00", b"OTTO", b"true", b"ttcf", b"\x01\x00\x04\x00")
"""The first bytes of TrueType, OpenType, TrueType collection and CFF font programs."""

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _times(m: Matrix, n: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _contents(pdf: bytes) -> list[bytes]:
    """The decompressed streams that draw text (page contents and forms)."""
    out = []
    for match in _STREAM.finditer(pdf):
        start = match.end()
        end = pdf.find(b"endstream", start)
        raw = pdf[start:end].rstrip(b"\r\n")
        if b"FlateDecode" in match.group(1):
            try:
                raw = zlib.decompress(raw)
            except zlib.error:
                continue
        # An embedded font program can hold the bytes "Tf" and "BT" by chance: not text.
        font = b"/Length1" in match.group(1) or raw[:4] in _FONT_MAGIC
        if b"Tf" in raw and b"BT" in raw and not font:
            out.append(raw)
    return out


def _glyphs(operand: bytes) -> int:
    if operand.startswith(b"<"):
        digits = len(re.sub(rb"\s", b"", operand[1:-1]))
        # two-byte glyph ids (Type0 fonts), one byte for Chromium's Type3 fallback fonts
        return digits // 4 if digits % 4 == 0 else digits // 2
    return max(len(operand) - 2, 0)


def glyph_sizes(path: Path) -> Counter[float]:
    """Glyph count by type size in points (rounded to 0.1 pt), for the whole PDF."""
    sizes: Counter[float] = Counter()
    for stream in _contents(path.read_bytes()):
        ctm, stack, operands = IDENTITY, [], []
        size, tm = 0.0, IDENTITY
        for token in _TOKEN.findall(stream):
            if token[:1].isalpha() or token[:1] in (b"'", b'"'):
                op = token
                if op == b"q":
                    stack.append(ctm)
                elif op == b"Q" and stack:
                    ctm = stack.pop()
                elif op == b"cm" and len(operands) >= 6:
                    m = tuple(float(x) for x in operands[-6:])
                    ctm = _times(m, ctm)  # type: ignore[arg-type]
                elif op == b"BT":
                    tm = IDENTITY
                elif op == b"Tm" and len(operands) >= 6:
                    tm = tuple(float(x) for x in operands[-6:])  # type: ignore[assignment]
                elif op == b"Tf" and operands:
                    size = float(operands[-1])
                elif op in (b"Tj", b"'", b'"', b"TJ"):
                    matrix = _times(tm, ctm)
                    scale = (matrix[2] ** 2 + matrix[3] ** 2) ** 0.5
                    count = sum(_glyphs(o) for o in operands if o[:1] in (b"<", b"("))
                    if count:
                        sizes[round(size * scale, 1)] += count
                operands = []
            else:
                operands.append(token)
    return sizes


def body_size(sizes: Counter[float]) -> float:
    """The size most glyphs are set in: the body text."""
    return sizes.most_common(1)[0][0]
