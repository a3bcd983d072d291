"""Text in hand-written SVG: CJK width estimates, cleaning and line wrapping.

Shared by the flow charts and the statistics charts.  No font metrics are available at build
time, so widths are estimated per character class; wrapping follows the Chinese line-breaking
rule (避头尾: closing punctuation never starts a line, opening never ends one).
"""

from __future__ import annotations

import re
import unicodedata

FONT_FAMILY = (
    "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',"
    "'WenQuanYi Micro Hei',sans-serif"
)
_TOKEN = re.compile(r"[!-~]+| +|.")
_NO_LINE_START = frozenset("，。、；：？！）》」』】〉”’…·,.;:?!)]}%")
_NO_LINE_END = frozenset("（《「『【〈“‘([{")


def estimate_width(text: str, size: float) -> float:
    """Width in px: CJK and full-width count 1 em, Latin about half (no font metrics here)."""
    em = 0.0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        if unicodedata.east_asian_width(ch) in ("W", "F", "A"):
            em += 1.0
        elif ch.isupper():
            em += 0.7
        else:
            em += 0.55
    return em * size


def clean(text: str) -> str:
    """Collapse whitespace and drop control characters, which XML 1.0 cannot carry."""
    text = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)
    return " ".join(text.split())


def wrap(text: str, size: float, max_width: float) -> list[str]:
    """Greedy wrap: CJK breaks between characters, Latin words stay whole when they fit,
    and closing punctuation never starts a line (避头尾)."""
    lines: list[str] = []
    cur = ""
    for tok in _TOKEN.findall(clean(text)):
        if estimate_width(cur + tok, size) <= max_width:
            cur += tok
        elif tok.isspace():
            lines.append(cur)
            cur = ""
        elif estimate_width(tok, size) > max_width:
            for ch in tok:
                if cur and estimate_width(cur + ch, size) > max_width:
                    lines.append(cur)
                    cur = ""
                cur += ch
        else:
            carry = ""
            while len(cur) > 1 and (tok[0] in _NO_LINE_START or cur[-1] in _NO_LINE_END):
                if estimate_width(cur[-1] + carry + tok, size) > max_width:
                    break
                carry, cur = cur[-1] + carry, cur[:-1]
                if tok[0] in _NO_LINE_START and carry[0] not in _NO_LINE_START:
                    break
            lines.append(cur)
            cur = carry + tok
    lines.append(cur)
    return [line.strip() for line in lines if line.strip()] or [""]
