"""Word boundaries that a catalogue gives itself: a character pair that spans two words
(工资 in 施工资质, 房贷 in 住房贷款) is not what the item is about, and weighs less.

There is still no segmenter on the query side (index and query must cut text alike, see
:mod:`normalise`): every pair stays indexed, and only its weight in this item changes.  The
words come from the catalogue itself, not from a dictionary: synonym terms, keywords, and
the pieces of names, results and material names between punctuation and conjunctions
(营业执照或者批准成立证件 gives 营业执照 and 批准成立证件), two to five characters long, and
what known words leave over in a run when it is left over twice.  A word made of two known
words is two words (住房贷款: 住房, 贷款).

A run is cut into the known words that cover most of it (fewest pieces on a tie); a pair
is across a boundary only where a known word ends and another begins, so text the lexicon
does not know keeps every pair at full weight.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable

from .chinese import word_pinyin
from .normalise import is_cjk, runs

SHORTEST, LONGEST = 2, 5
ROUNDS = 2  # rounds of learning words from what known words leave over
_JOIN_WORDS = frozenset(("或者", "以及"))
_JOINS = re.compile("或者|以及|及|和|或|与|的")


class Lexicon:
    """The catalogue's words and the boundaries they put into a text."""

    def __init__(self, texts: Iterable[str]) -> None:
        found: set[str] = set()
        texts_seen = list(texts)
        for text in texts_seen:
            for run in runs(text):
                if is_cjk(run):
                    found.update(p for p in _JOINS.split(run) if SHORTEST <= len(p) <= LONGEST)
        found -= _JOIN_WORDS
        self.words = _without_compounds(found)
        chinese = [r for t in texts_seen for r in runs(t) if is_cjk(r)]
        for _ in range(ROUNDS):
            self.words = _without_compounds(
                self.words | _recurring_rests(chinese, self) - _JOIN_WORDS
            )
        # materials and keywords repeat across thousands of items: analyse each text once
        self.across = functools.lru_cache(maxsize=131_072)(self._across)
        self.split_pairs = functools.lru_cache(maxsize=131_072)(self._split_pairs)
        self.spelled_words = functools.lru_cache(maxsize=131_072)(self._spelled_words)
        self.abbreviations = functools.lru_cache(maxsize=131_072)(self._abbreviations)

    def pieces(self, run: str) -> list[str]:
        """``run`` cut into known words and single characters: most characters inside known
        words first, then fewest pieces (the earliest cut on a full tie: deterministic)."""
        n = len(run)
        best: list[tuple[int, int, int]] = [(0, 0, 0)] + [(n + 1, n + 1, 0)] * n
        for end in range(1, n + 1):
            for size in range(1, min(LONGEST, end) + 1):
                start = end - size
                known = size >= SHORTEST and run[start:end] in self.words
                if size > 1 and not known:
                    continue
                loose, count, _ = best[start]
                option = (loose + (0 if known else 1), count + 1, start)
                if option[:2] < best[end][:2]:
                    best[end] = option
        out, end = [], n
        while end:
            start = best[end][2]
            out.append(run[start:end])
            end = start
        return out[::-1]

    def _across(self, run: str) -> frozenset[int]:
        """Start offsets of the pairs of ``run`` that span two known words, unless a known
        word of three characters or more holds that pair there: where two words overlap
        (不动产 and 产权 in 不动产权证书) the cut is the lexicon's guess, not a boundary."""
        cuts: set[int] = set()
        at = 0
        pieces = self.pieces(run)
        for left, right in itertools.pairwise(pieces):
            at += len(left)
            if len(left) >= SHORTEST and len(right) >= SHORTEST and not self._held(run, at - 1):
                cuts.add(at - 1)
        return frozenset(cuts)

    def _held(self, run: str, pair: int) -> bool:
        """Whether a known word of three to LONGEST characters covers ``run[pair:pair+2]``."""
        for size in range(SHORTEST + 1, LONGEST + 1):
            for start in range(max(0, pair + 2 - size), min(pair, len(run) - size) + 1):
                if run[start : start + size] in self.words:
                    return True
        return False

    def _abbreviations(self, text: str) -> frozenset[str]:
        """The pairs a Chinese abbreviation is made of: the first characters of two words
        next to each other (危险|废物: 危废, 二级|建造师: 二建, 医疗|保险: 医保); a known
        four-character word counts as its two halves.  Pairs the text has anyway are left
        out (they are found as themselves)."""
        out: set[str] = set()
        for run in runs(text):
            if not is_cjk(run):
                continue
            words: list[str] = []
            for piece in self.pieces(run):
                halves = len(piece) == 4 and piece in self.words
                words += [piece[:2], piece[2:]] if halves else [piece]
            for left, right in itertools.pairwise(words):
                if len(left) >= SHORTEST and len(right) >= SHORTEST:
                    out.add(left[0] + right[0])
            out -= {run[i : i + 2] for i in range(len(run) - 1)}
        return frozenset(out)

    def _spelled_words(self, text: str) -> frozenset[str]:
        return frozenset(word_pinyin(text, self.pieces))

    def _split_pairs(self, text: str) -> tuple[frozenset[str], frozenset[str]]:
        """(pairs inside words, pairs across a boundary) of a normalised text; a pair found
        both inside and across somewhere in the text counts as inside."""
        inside: set[str] = set()
        across: set[str] = set()
        for run in runs(text):
            if not is_cjk(run) or len(run) < 2:
                continue
            cuts = self.across(run)
            for i in range(len(run) - 1):
                (across if i in cuts else inside).add(run[i : i + 2])
        return frozenset(inside), frozenset(across - inside)


def _without_compounds(words: set[str] | frozenset[str]) -> frozenset[str]:
    """A word made of two known words is those two (结婚证补办: 结婚证, 补办), and a
    four-character word with one known half is two words (普通护照: 普通, 护照)."""
    out = set(words)
    for w in words:
        cuts = [c for c in range(SHORTEST, len(w) - 1) if w[:c] in words and w[c:] in words]
        if cuts:
            out.discard(w)
        elif len(w) == 4 and (w[:2] in words or w[2:] in words) and not _holds_three(w, words):
            out.discard(w)
            out.update((w[:2], w[2:]))
    return frozenset(out)


def _holds_three(word: str, words: set[str] | frozenset[str]) -> bool:
    """A four-character word that begins or ends with a known three-character word is not
    cut in halves: 不动产权 is 不动产 and 权, never 不动 and 产权 (the halves would cut
    through 不动产, and 动产 in every 不动产权证书 would weigh as across two words)."""
    return word[:3] in words or word[1:] in words


def _recurring_rests(chinese: list[str], lexicon: Lexicon) -> set[str]:
    """What known words leave over in a run (住房公积金提取 leaves 提取), two to five
    characters, when the same rest is left in at least two runs: a word known by its
    neighbours."""
    seen: dict[str, int] = {}
    for run in set(chinese):
        loose = ""
        for piece in [*lexicon.pieces(run), "  "]:
            if len(piece) == 1:
                loose += piece
                continue
            if SHORTEST <= len(loose) <= LONGEST:
                seen[loose] = seen.get(loose, 0) + 1
            loose = ""
    return {w for w, n in seen.items() if n >= 2}
