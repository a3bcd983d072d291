"""Pinyin and Traditional characters, derived at build time from well-kept libraries.

People type pinyin (shebao, yyzz) on a phone with no Chinese keyboard handy, and visitors
from Hong Kong, Macao and Taiwan type Traditional characters.  pypinyin gives the readings
of names and keywords (its phrase dictionary picks the reading of polyphones in context);
OpenCC's character table, shipped as text in ``opencc-python-reimplemented``, gives the
Traditional-to-Simplified map the browser applies to queries.  Nothing is fetched at run
time.
"""

from __future__ import annotations

import functools
import importlib.resources
import itertools
from collections.abc import Callable, Iterable

from pypinyin import lazy_pinyin

from .normalise import is_cjk, runs

PART_INITIALS = 5  # initials of contiguous parts up to this many characters (gjjtq)


def syllables(run: str) -> list[str]:
    """The pinyin of a run of Chinese characters, one lower-case syllable per character."""
    return [s for s in (p.lower() for p in lazy_pinyin(run)) if s.isascii() and s.isalpha()]


@functools.lru_cache(maxsize=65_536)
def _run_pinyin(run: str) -> tuple[frozenset[str], frozenset[str]]:
    """Pinyin of one Chinese run, cached: keywords and synonyms repeat across thousands
    of items, and pypinyin was most of the index build time."""
    spelled = syllables(run)
    if len(spelled) != len(run):
        return frozenset(), frozenset()  # a character without a reading: skip, not misalign
    whole = {"".join(spelled)}
    if len(spelled) > 1:
        whole.add("".join(s[0] for s in spelled))
    parts = {a + b for a, b in itertools.pairwise(spelled)}
    initials = "".join(s[0] for s in spelled)
    parts.update(
        initials[i : i + n]
        for n in range(2, PART_INITIALS + 1)
        for i in range(len(initials) - n + 1)
    )
    return frozenset(whole), frozenset(parts - whole)


def syllable_pairs(normalised: str) -> set[str]:
    """The pinyin of each character pair (shebao in 社保卡), without initials: for synonym
    terms, whose part initials would match any query of a few letters."""
    out: set[str] = set()
    for run in runs(normalised):
        if is_cjk(run):
            out |= _pairs(run)
    return out


@functools.lru_cache(maxsize=65_536)
def _pairs(run: str) -> frozenset[str]:
    spelled = syllables(run)
    if len(spelled) != len(run):
        return frozenset()
    return frozenset(a + b for a, b in itertools.pairwise(spelled))


def pinyin_tokens(normalised: str) -> tuple[set[str], set[str]]:
    """(whole-word tokens, part tokens) of a normalised name or keyword.

    Whole: the full pinyin (yingyezhizhao) and the initials (yyzz) of each Chinese run.
    Parts: the pinyin of each character pair (yingye, yezhi, zhizhao), so that a pinyin
    word inside a longer name is found as a Chinese word inside it is, and the initials
    of every contiguous part of two to five characters (gjjtq: 公积金提取 inside
    住房公积金提取).
    """
    whole: set[str] = set()
    parts: set[str] = set()
    for run in runs(normalised):
        if is_cjk(run):
            w, p = _run_pinyin(run)
            whole |= w
            parts |= p
    return whole, parts


@functools.lru_cache(maxsize=65_536)
def _aligned(run: str, sizes: tuple[int, ...]) -> frozenset[str]:
    spelled = syllables(run)
    if len(spelled) != len(run):
        return frozenset()
    starts = list(itertools.accumulate(sizes, initial=0))
    out: set[str] = set()
    for i, j in itertools.combinations(range(len(starts)), 2):
        a, b = starts[i], starts[j]
        if 2 <= b - a <= PART_INITIALS and min(sizes[i:j]) > 1:
            out.add("".join(s[0] for s in spelled[a:b]))
            out.add("".join(spelled[a:b]))
    return frozenset(out)


def word_pinyin(normalised: str, pieces: Callable[[str], list[str]]) -> set[str]:
    """Full pinyin and initials of the name's own words and of runs of them (known words
    only, not loose characters), two to five characters: hz, huzhao and pthz in 普通护照签发.
    A part that is a word of the name weighs more than one cut across two words."""
    out: set[str] = set()
    for run in runs(normalised):
        if is_cjk(run):
            out |= _aligned(run, tuple(len(p) for p in pieces(run)))
    return out


def _opencc_table() -> Iterable[tuple[str, str]]:
    """(Traditional, Simplified) single characters from OpenCC's TSCharacters.txt."""
    text = (
        importlib.resources.files("opencc")
        .joinpath("dictionary/TSCharacters.txt")
        .read_text(encoding="utf-8")
    )
    for line in text.splitlines():
        trad, _, simp = line.partition("\t")
        simp = simp.split(" ")[0]
        if len(trad) == 1 and len(simp) == 1 and trad != simp:
            yield trad, simp


def t2s_table(indexed: set[str]) -> dict[str, str]:
    """The conversions a query can need: only to characters that occur in the index (a
    character the index lacks cannot match anyway), which keeps the file small."""
    return {trad: simp for trad, simp in _opencc_table() if simp in indexed}


@functools.lru_cache(maxsize=1)
def sound_table() -> dict[str, str]:
    """{toneless syllable: characters} for the 6,763 characters of GB 2312, for the
    browser's homophone fallback (结昏登记 is searched as jiehun dengji too).  A typo's
    character is usually one the catalogue never uses, so the table cannot be limited to
    the index's characters as ``t2s_table`` is; ~25 KB, fetched only when a pair is
    unknown."""
    out: dict[str, list[str]] = {}
    for code in range(0x4E00, 0xA000):
        ch = chr(code)
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            continue
        spelled = syllables(ch)
        if len(spelled) == 1:
            out.setdefault(spelled[0], []).append(ch)
    return {syllable: "".join(chars) for syllable, chars in sorted(out.items())}
