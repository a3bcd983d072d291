"""The Python reference ranker in the shape measure.py wants."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from generator.search.rank import IndexFolder


def rank_with_python(
    index: Path, texts: Sequence[str], top: int = 20
) -> list[tuple[int, list[str]]]:
    folder = IndexFolder(index)
    out = []
    for text in texts:
        _, docs = folder.search(text)
        out.append((len(docs), folder.ids(docs[:top])))
    return out
