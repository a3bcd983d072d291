"""Pairing the entries of two versions of a list: by identity first, by similarity after.

A reviewer recognises a material by its name, a condition by its text, a fee by its name.
Entries equal on both sides are set aside first (as a multiset: two equal entries on one
side and one on the other leave one over), so reordering reports nothing.  What is left is
paired by identity (same key, different content: a change of that entry), then by the
similarity of their texts (a rename or a reworded condition: one change showing both), and
only what stays unpaired is added or removed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from .textdiff import similarity

T = TypeVar("T")

THRESHOLD = 0.5
"""Texts at least this similar (word diff ratio) are one entry reworded, not two entries."""


@dataclass
class Matched(Generic[T]):
    """``pairs``: (old index, new index) of entries that changed; ``added``: new indices;
    ``removed``: old indices; all in list order."""

    pairs: list[tuple[int, int]] = field(default_factory=list)
    added: list[int] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)


def match(
    old: Sequence[T],
    new: Sequence[T],
    *,
    key: Callable[[T], object] | None = None,
    text: Callable[[T], str] | None = None,
    threshold: float = THRESHOLD,
) -> Matched[T]:
    """Pair ``old`` with ``new``: equal entries vanish, then same ``key``, then similar
    ``text``; the rest is added or removed."""
    left = list(range(len(old)))
    right = list(range(len(new)))
    for j in list(right):  # equal entries (multiset)
        for i in left:
            if old[i] == new[j]:
                left.remove(i)
                right.remove(j)
                break
    result: Matched[T] = Matched()
    if key is not None:
        for j in list(right):
            for i in left:
                if key(old[i]) == key(new[j]):
                    result.pairs.append((i, j))
                    left.remove(i)
                    right.remove(j)
                    break
    if text is not None and left and right:
        scored = sorted(
            ((-similarity(text(old[i]), text(new[j])), i, j) for i in left for j in right),
        )
        for score, i, j in scored:
            if -score < threshold:
                break
            if i in left and j in right:
                result.pairs.append((i, j))
                left.remove(i)
                right.remove(j)
    result.pairs.sort(key=lambda p: (p[1], p[0]))
    result.added, result.removed = right, left
    return result
