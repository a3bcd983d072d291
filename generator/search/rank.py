"""The browser's ranking in Python: ``search.js``'s ``Index.search`` step for step.

It reads a written index folder exactly as the page does (meta, t2s, the shards of the
query's tokens), so recall can be measured without a browser and the two can be compared
(tests/test_search_rank.py runs ``search.js`` under Node on the same index and queries and
compares the ranked items).  The model, as one would tell a clerk:

- a query token (a character pair, a Latin word) an item matches adds its inverse document
  frequency (rare parts count, 申请 and 登记 hardly) times the weight of the field it was
  found in (name 10, result 9, keyword 8, synonym of the name 5, materials 3, …); a pair
  that spans two words of a field (工资 in 施工资质, see words.py) weighs as a material;
- a three-character piece of the query found in one field (the parts next to each other,
  in the query's order) adds half of what a pair found there adds: the phrase bonus;
- an item's coverage is the IDF share of the query's tokens it matched inside words (not
  in the department, conditions or FAQ, nor a pair across two words); items are ranked by
  score times coverage.  Items that matched (anywhere but the department, conditions and
  FAQ) less than half of what the best one matched are cut, so the count a person sees
  means something;
- the first pair of each Chinese run of the query is also looked up as an abbreviation:
  the first characters of two words next to each other in a name, keyword or result
  (危废 of 危险废物), weighing as a synonym of the name, for items that lack the pair
  itself (one part of the query is not counted twice);
- a query pair the index lacks (结昏, a homophone typo) is also searched by its pinyin
  (jiehun), from ``py.json``; concatenated pinyin is cut into syllables and searched by its
  syllable pairs too (gongjijintiqu: gongji, jijin, …); letters that are neither pinyin
  nor indexed are taken for initials and searched by their pieces of three and two (jszhz);
- an exact name comes first, then an exact result, then an exact keyword; ties go to the
  shorter name and to the action that creates (首次, 设立) before a change, before an
  ending (``meta.ties``), never to the id.
"""

from __future__ import annotations

import itertools
import json
import math
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .index import fnv1a, shard_key
from .normalise import MAX_TOKENS, capped, is_cjk, normalise, runs, tokens

REACH = 2  # a match weighing less (department, conditions, FAQ) does not keep an item listed
PHRASE = 2  # a shingle found adds half of what a pair found in that field adds
LONGEST_SYLLABLE = 6  # zhuang, chuang, shuang


def query_tokens(norm: str) -> list[str]:
    """As ``queryTokens`` in search.js: bigrams and Latin runs, "she bao" also as shebao,
    no single Chinese character unless nothing longer is left."""
    toks = tokens(norm)[:MAX_TOKENS]
    if norm and all(c.isascii() and (c.isalnum() or c == " ") for c in norm) and " " in norm:
        toks.append(norm.replace(" ", ""))
    if any(len(t) > 1 for t in toks):
        toks = [t for t in toks if len(t) > 1 or not is_cjk(t)]
    return toks


def idf(count: int, df: int) -> int:
    """Inverse document frequency in thousandths, rounded as ``Math.round`` rounds."""
    return math.floor(1000 * math.log(1 + (count - df + 0.5) / (df + 0.5)) + 0.5)


@dataclass
class _Hit:
    doc: int
    cover: int = 0
    reach: int = 0
    score: int = 0
    exact: int = 0


@dataclass
class IndexFolder:
    """A written index, read file by file as the page fetches it."""

    root: Path
    _files: dict[str, Any] = field(default_factory=dict)

    def get(self, path: str) -> Any:
        if path not in self._files:
            self._files[path] = json.loads((self.root / path).read_text(encoding="utf-8"))
        return self._files[path]

    @cached_property
    def meta(self) -> dict[str, Any]:
        meta: dict[str, Any] = self.get("meta.json")
        return meta

    def shard_of(self, token: str) -> str:
        return f"p/{fnv1a(shard_key(token)) % self.meta['shards']}.json"

    def _posted(self, token: str) -> bool:
        return token in self.get(self.shard_of(token))

    @cached_property
    def sound(self) -> dict[str, str]:
        table: dict[str, str] = self.get("py.json")
        return {ch: syllable for syllable, chars in table.items() for ch in chars}

    def search(self, query: str) -> tuple[str, list[int]]:
        """(normalised query, ranked document numbers)."""
        norm = normalise(capped(query), self.get("t2s.json"))
        toks = query_tokens(norm)
        if not toks:
            return norm, []
        syllables = frozenset(self.meta["syllables"].split(" "))
        toks += [t for t in spelled_pairs(toks, syllables) if t not in toks]
        toks += [t for t in lead_abbreviations(norm, self.meta["abbreviation"]) if t not in toks]
        del toks[MAX_TOKENS:]
        compact = norm.replace(" ", "")
        weights = self.meta["weights"]
        covers = self.meta["cover"]
        count = self.meta["count"]
        unknown = [t for t in toks if len(t) == 2 and is_cjk(t) and not self._posted(t)]
        if unknown:
            extra = [t for t in homophones(unknown, self.sound) if t not in toks]
            toks += extra[: max(0, MAX_TOKENS - len(toks))]  # at most MAX_TOKENS lookups
        unknown = [t for t in toks if t.isascii() and t.isalpha() and not self._posted(t)]
        extra = [t for t in initials_parts(unknown, syllables) if t not in toks]
        toks += extra[: max(0, MAX_TOKENS - len(toks))]
        found: dict[int, _Hit] = {}
        prefix = self.meta["abbreviation"]
        for token in toks:
            postings = self.get(self.shard_of(token)).get(token)
            if not postings:
                continue
            w = idf(count, len(postings))
            # an item that has the pair itself matched this part of the query already
            literal = set()
            if token.startswith(prefix):
                pair = token[len(prefix) :]
                literal = {d for d, _ in self._walk(self.get(self.shard_of(pair)).get(pair, []))}
            for doc, code in self._walk(postings):
                if doc in literal:
                    continue
                hit = found.setdefault(doc, _Hit(doc))
                hit.cover += w * covers[code]
                hit.reach += w if weights[code] >= REACH else 0
                hit.score += w * weights[code]
        for phrase in shingles_of(norm)[:MAX_TOKENS]:
            postings = self.get(self.shard_of(phrase)).get(phrase)
            if not postings:
                continue
            w = idf(count, len(postings))
            for doc, code in self._walk(postings):
                if doc in found:
                    found[doc].score += w * weights[code] // PHRASE
        exact = self.get(self.shard_of(tokens(compact)[0])).get(self.meta["exact"] + compact)
        for doc, code in self._walk(exact or []):
            if doc in found:
                hit = found[doc]
                hit.exact = max(hit.exact, weights[code])
        best = max((h.reach for h in found.values()), default=0)
        ties: str = self.meta["ties"]
        kept = [h for h in found.values() if h.exact or h.reach * 2 >= best]
        kept.sort(key=lambda h: (-h.exact, -h.score * h.cover, ord(ties[h.doc]), h.doc))
        return norm, [h.doc for h in kept]

    def _walk(self, postings: list[int]) -> list[tuple[int, int]]:
        codes: int = self.meta["codes"]
        out, doc = [], 0
        for value in postings:
            doc += value // codes
            out.append((doc, value % codes))
        return out

    def ids(self, docs: list[int]) -> list[str]:
        chunk = self.meta["chunk"]
        return [str(self.get(f"r/{d // chunk}.json")[d % chunk][0]) for d in docs]


def homophones(toks: list[str], sound: dict[str, str]) -> list[str]:
    """As ``homophones`` in search.js: the pinyin of each Chinese pair the index lacks
    (结昏 -> jiehun); a pair it has is matched as characters already."""
    out: list[str] = []
    for t in toks:
        if len(t) == 2 and is_cjk(t) and t[0] in sound and t[1] in sound:
            spelled = sound[t[0]] + sound[t[1]]
            if spelled not in out:
                out.append(spelled)
    return out


def lead_abbreviations(norm: str, prefix: str) -> list[str]:
    """As ``leadAbbreviations`` in search.js: the first pair of each Chinese run, looked up
    as an abbreviation too (危废许可证: ~危废, found in 危险废物经营许可)."""
    return list(
        dict.fromkeys(prefix + run[:2] for run in runs(norm) if is_cjk(run) and len(run) > 1)
    )


def shingles_of(norm: str) -> list[str]:
    """As ``shinglesOf`` in search.js: the query's three-character pieces in order."""
    out: dict[str, None] = {}
    for run in runs(norm):
        if is_cjk(run):
            for i in range(len(run) - 2):
                out.setdefault(run[i : i + 3])
    return list(out)


def syllabify(run: str, syllables: frozenset[str]) -> list[str]:
    """As ``syllabify`` in search.js: a Latin run cut into the fewest pinyin syllables
    (jiehundengji: jie hun deng ji), or [] when it is not pinyin."""
    best: list[int] = [0] + [-1] * len(run)
    back = [0] * (len(run) + 1)
    for end in range(1, len(run) + 1):
        for size in range(1, min(LONGEST_SYLLABLE, end) + 1):
            start = end - size
            known = best[start] >= 0 and run[start:end] in syllables
            if known and (best[end] < 0 or best[start] + 1 < best[end]):
                best[end], back[end] = best[start] + 1, start
    if best[len(run)] < 0:
        return []
    out, end = [], len(run)
    while end:
        out.append(run[back[end] : end])
        end = back[end]
    return out[::-1]


def spelled_pairs(toks: list[str], syllables: frozenset[str]) -> list[str]:
    """As ``spelledPairs`` in search.js: concatenated pinyin of three syllables or more is
    searched by its syllable pairs too, as the index spells the pairs of names
    (gongjijintiqu: gongji, jijin, jinti, tiqu)."""
    out: list[str] = []
    for t in toks:
        if t.isascii() and t.isalpha():
            spelled = syllabify(t, syllables)
            if len(spelled) > 2:
                out += [a + b for a, b in itertools.pairwise(spelled)]
    return list(dict.fromkeys(out))


def initials_parts(unknown: list[str], syllables: frozenset[str]) -> list[str]:
    """As ``initialsParts`` in search.js: a run of Latin letters that is neither pinyin nor
    in the index (``unknown``) is taken for the initials of words that need not be next to
    each other in the name (jszhz: 驾驶证 … 换证): its pieces of three and two letters."""
    out: list[str] = []
    for t in unknown:
        if len(t) > 2 and not syllabify(t, syllables):
            out += [t[i : i + n] for n in (3, 2) for i in range(len(t) - n + 1)]
    return list(dict.fromkeys(out))
