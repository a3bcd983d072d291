"""Word-level diff of catalogue text, CJK-aware, and the similarity that matches list entries.

Chinese has no spaces, so a "word" is one Han character (or one CJK punctuation mark);
runs of Latin letters and digits (``1``, ``12``, ``ISO9001``, ``0512-68002599``) are one
word each.  Changes separated by a single unchanged word are merged, so ``1年`` → ``6个月``
reads as one replacement (``[-1年-]{+6个月+}``), not as crumbs.  Nothing is ever shortened:
a reviewer sees the whole old and new text with the changed words marked.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

Segment = tuple[str, str]
"""``("=", text)`` unchanged, ``("-", text)`` removed, ``("+", text)`` added."""

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[.\-:/][A-Za-z0-9]+)*|\s+|.", re.DOTALL)


def words(text: str) -> list[str]:
    """``"在1年内提出"`` → ``["在", "1", "年", "内", "提", "出"]``."""
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """The segments turning ``old`` into ``new``; changes separated by one unchanged word
    are merged so that ``1年`` → ``6个月`` reads as one replacement, not three."""
    a, b = words(old), words(new)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    blocks = [m for m in matcher.get_matching_blocks() if m.size]
    kept = []
    ends = (0, 0)
    for k, m in enumerate(blocks):
        after = blocks[k + 1] if k + 1 < len(blocks) else None
        changed_before = (m.a, m.b) != ends
        changed_after = (
            (m.a + m.size, m.b + m.size) != (after.a, after.b)
            if after
            else (m.a + m.size, m.b + m.size) != (len(a), len(b))
        )
        if m.size == 1 and changed_before and changed_after:
            continue  # a one-word island between two changes cuts a phrase into crumbs
        kept.append(m)
        ends = (m.a + m.size, m.b + m.size)
    segments: list[Segment] = []
    i = j = 0
    for start_a, start_b, size in [*((m.a, m.b, m.size) for m in kept), (len(a), len(b), 0)]:
        if i < start_a:
            _push(segments, "-", "".join(a[i:start_a]))
        if j < start_b:
            _push(segments, "+", "".join(b[j:start_b]))
        if size:
            _push(segments, "=", "".join(a[start_a : start_a + size]))
        i, j = start_a + size, start_b + size
    return tuple(segments)


def _push(segments: list[Segment], op: str, text: str) -> None:
    if segments and segments[-1][0] == op:
        segments[-1] = (op, segments[-1][1] + text)
    elif op == "-" and segments and segments[-1][0] == "+":
        # keep "removed then added" order within one replacement
        added = segments.pop()
        _push(segments, "-", text)
        segments.append(added)
    else:
        segments.append((op, text))


def plain(segments: tuple[Segment, ...]) -> str:
    """``工会组织在[-1年-]{+6个月+}内提出申请`` (the notation of ``git diff --word-diff``)."""
    marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    return "".join(marks[op].format(text) for op, text in segments)


def similarity(old: str, new: str) -> float:
    """0 (nothing in common) … 1 (same words), on the words above."""
    if old == new:
        return 1.0
    a, b = words(old), words(new)
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()
