"""The static search index: sharded postings and result cards, fetched piece by piece.

Why our own index and not Pagefind: Pagefind segments Chinese with a dictionary, so page
and query are cut differently (劳务派遣 is not found by 劳务), its filter files change
order from build to build, and its result excerpt cannot be a card with 办件类型 and fee.
Here every field goes through :mod:`normalise` (the same steps ``search.js`` runs on the
query) and is indexed as character bigrams, pinyin and synonyms with a weight per field.

Files, all JSON with sorted keys, written under ``out``:

``meta.json``
    shard and chunk counts, weight table, departments, the item URL pattern, and the
    question words (one list for both sides of the analyser).
``p/<n>.json``
    postings of the tokens whose hash falls in shard n: token -> [delta·16 + weight code]
    (``meta.codes`` is 16).  Tokens: character pairs, Latin runs, pinyin, three-character
    shingles of names, keywords and results (the phrase bonus; kept in the shard of their
    first pair, so a query fetches no more files), ``^`` + an exact name, keyword or
    result, and ``~`` + an abbreviation pair (危废 of 危险废物, in the shard of that pair).
``r/<n>.json``
    result cards of documents n·CHUNK … n·CHUNK+CHUNK-1.
``attrs.json``
    per document: department number·8 + flags (个人 1, 法人 2, 即办件 4); loaded by filters.
``t2s.json``
    Traditional -> Simplified, for the query only.  ``py.json``: toneless syllable ->
    characters, fetched when a query has a pair the index lacks (a homophone typo).
    ``synonyms.json``: groups, for "related terms" when a search finds nothing.

A query fetches meta, the shards of its tokens and the chunks of the cards it shows: at
10,000 items a first search stays within a few hundred KB, a second one within ~100 KB.
"""

from __future__ import annotations

import functools
import json
import math
import shutil
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..catalogue.loaded import Catalogue, is_free, is_on_the_spot
from ..catalogue.models import Audience, Item
from .chinese import pinyin_tokens, sound_table, syllable_pairs, t2s_table
from .normalise import QUESTION_WORDS, bigrams, is_cjk, normalise, runs, tokens, unigrams
from .words import Lexicon

# Weights by field code; a token found in several fields keeps its best.  A posting is
# delta·CODES + code.  The result (办理结果: 营业执照) is what a person comes for, so it
# weighs just under the name and above a keyword, which windows also use for what an item
# asks for (营业执照 as a keyword of 劳务派遣经营许可).
WEIGHTS = (1, 2, 3, 4, 5, 8, 10, 100, 9, 3, 2, 1)
BODY, SYN_TEXT, TEXT, NAME_CHAR, SYN_NAME, KEYWORD, NAME, EXACT, RESULT = range(9)
# A pair spanning two words of a field (工资 in 施工资质, words.py) weighs as the field below
# and is no evidence that the item is about the query: it does not count toward coverage.
ACROSS_HIGH, ACROSS_TEXT, ACROSS_SYN = range(9, 12)
COVERS = (0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0)  # the department, conditions, FAQ do not either
CODES = 16
# Which of two codes a token keeps: the heavier, and on a tie the one that covers.
_RANKS = tuple(zip(WEIGHTS, COVERS, strict=True))
CODE = NAME
_ACROSS = {
    NAME: ACROSS_HIGH,
    KEYWORD: ACROSS_HIGH,
    RESULT: ACROSS_HIGH,
    TEXT: ACROSS_TEXT,
    SYN_NAME: ACROSS_TEXT,
    SYN_TEXT: ACROSS_SYN,
}
# Three-character shingles of these fields give the phrase bonus: query parts found in one
# field, next to each other and in the query's order.
_PHRASED = (NAME, KEYWORD, RESULT)
CHUNK = 32  # result cards per file: a page of ten results touches a few small files
SHARD_BYTES = 12_000  # aimed size of one postings file
EXACT_PREFIX = "^"
# ``~`` + the first characters of two words next to each other (危废: 危险废物), a Chinese
# abbreviation; the query looks it up for the first pair of each run only, where people
# put an abbreviation (危废许可证), not for a pair that spans its words (婚登 in 结婚登记).
ABBREVIATION_PREFIX = "~"


@dataclass(frozen=True)
class Document:
    """One item as the index sees it: the card and the weighted texts."""

    id: str
    name: str
    department: int
    kind: str
    promised: str
    free: bool
    summary: str
    flags: int
    fields: tuple[tuple[int, str, bool], ...]  # (weight code, text, also as pinyin)


def _promised(item: Item) -> str:
    """As the guide prints it (``rendering.days``): 0 working days is 当场办结."""
    limit = item.time_limit.promised
    return "当场办结" if limit.days == 0 else f"{limit.days} 个{limit.unit.value}"


def documents(catalogue: Catalogue) -> tuple[list[Document], list[tuple[str, str]]]:
    """The items in id order, and the departments [(id, name)] they are numbered by."""
    departments = sorted((d.id, d.name) for d in catalogue.departments.values())
    number = {ident: n for n, (ident, _) in enumerate(departments)}
    docs = []
    for loaded in catalogue.items.values():
        item = loaded.item
        department = catalogue.departments.get(loaded.department_id)
        flags = (
            (1 if Audience.PERSON in item.audience else 0)
            | (2 if Audience.ORGANISATION in item.audience else 0)
            | (4 if is_on_the_spot(item) else 0)
        )
        fields: list[tuple[int, str, bool]] = [(NAME, item.name, True)]
        fields += [(KEYWORD, k, True) for k in item.keywords]
        fields += [(CODE, item.codes.basic, False), (CODE, item.codes.implementation, False)]
        fields += [(TEXT, item.summary or "", False), (RESULT, item.result.name or "", True)]
        fields += [(TEXT, m.name, False) for m in item.materials]
        fields += [(BODY, department.name if department else "", False)]
        fields += [(BODY, c.text, False) for c in item.conditions]
        fields += [(BODY, f.q, False) for f in item.faq]
        docs.append(
            Document(
                id=loaded.id,
                name=item.name,
                department=number.get(loaded.department_id, -1),
                kind=item.kind.value,
                promised=_promised(item),
                free=is_free(item),
                summary=item.summary or "",
                flags=flags,
                fields=tuple(fields),
            )
        )
    return docs, departments


class _Synonyms:
    """Synonym groups, found in a text by their first token before a substring test."""

    def __init__(self, groups: Sequence[Sequence[str]]) -> None:
        self.by_first: dict[str, list[tuple[str, int]]] = defaultdict(list)
        self.groups: list[list[str]] = []
        for g, group in enumerate(groups):
            terms = [t for t in (normalise(term) for term in group) if t]
            self.groups.append(terms)
            for term in terms:
                self.by_first[tokens(term)[0]].append((term, g))

    def found(self, text: str, present: frozenset[str]) -> set[int]:
        hits: set[int] = set()
        for token in present:
            for term, g in self.by_first.get(token, ()):
                if g not in hits and term in text:
                    hits.add(g)
        return hits


@functools.lru_cache(maxsize=131_072)
def _text_tokens(text: str) -> frozenset[str]:
    """Bigrams and Latin runs of a normalised text, cached: materials, conditions and
    keywords repeat across items, and analysing them again was half the build time."""
    out: set[str] = set()
    for run in runs(text):
        out.update(bigrams(run) if is_cjk(run) else [run])
    return frozenset(out)


@functools.lru_cache(maxsize=131_072)
def _normalise(raw: str) -> str:
    return normalise(raw)


def shingles(text: str) -> set[str]:
    """Three-character pieces of the Chinese runs of a normalised text: a query whose
    consecutive pairs meet one of them found that phrase in this field, in its order."""
    return {run[i : i + 3] for run in runs(text) if is_cjk(run) for i in range(len(run) - 2)}


def document_tokens(doc: Document, synonyms: _Synonyms, lexicon: Lexicon) -> dict[str, int]:
    """Every token of ``doc`` with its best weight code."""
    best: dict[str, int] = {}

    def add(found: Iterable[str], code: int) -> None:
        for token in found:
            if token not in best or _RANKS[best[token]] < _RANKS[code]:
                best[token] = code

    def add_split(found: Iterable[str], code: int, across: frozenset[str]) -> None:
        """Pairs, and shingles that hold one, spanning two words go in at the lower code."""
        found = set(found)
        crossing = {t for t in found if t in across or t[:2] in across or t[1:] in across}
        add(found - crossing, code)
        add(crossing, _ACROSS[code])

    high: list[str] = []
    low: list[str] = []
    for code, raw, spelled in doc.fields:
        text = _normalise(raw)
        if not text:
            continue
        across = lexicon.split_pairs(text)[1] if code in _ACROSS else frozenset()
        if code in _ACROSS:
            add_split(_text_tokens(text), code, across)
        else:
            add(_text_tokens(text), code)
        if code in _PHRASED:
            add_split(shingles(text), code, across)
            # 危废 for 危险废物, searched only as the lead pair of a query run (rank.py)
            add((ABBREVIATION_PREFIX + a for a in lexicon.abbreviations(text)), SYN_NAME)
        if spelled:
            add(unigrams(text), NAME_CHAR)
            whole, parts = pinyin_tokens(text)
            add(parts, SYN_NAME)
            add(whole, RESULT if code == RESULT else KEYWORD)
            add(lexicon.spelled_words(text), NAME if code == NAME else KEYWORD)
        (high if WEIGHTS[code] >= WEIGHTS[KEYWORD] else low).append(text)
    for texts, code in ((high, SYN_NAME), (low, SYN_TEXT)):
        joined = " ".join(texts)
        for g in sorted(synonyms.found(joined, _text_tokens(joined))):
            for term in synonyms.groups[g]:
                across = lexicon.split_pairs(term)[1]  # 卖房 in 买卖房屋 is not about selling
                add_split(_text_tokens(term), code, across)
                # shebao reaches every item that 社保 (or 社保卡) reaches
                add(pinyin_tokens(term)[0] | syllable_pairs(term), code)
                if code == SYN_NAME:
                    add_split(shingles(term), code, across)
    exacts = [(c, k) for c, k, _ in doc.fields if c in (KEYWORD, RESULT)] + [(EXACT, doc.name)]
    for code, raw in exacts:
        compact = EXACT_PREFIX + _normalise(raw).replace(" ", "")
        if len(compact) > 1 and (compact not in best or WEIGHTS[best[compact]] < WEIGHTS[code]):
            best[compact] = code
    return best


# Actions that create what the other members of a family change or end: 抵押权首次登记
# before 抵押权注销登记 when the query names neither.
_CREATING = ("首次", "设立", "核发", "开办", "新办", "申领", "注册", "开户")
_ENDING = ("注销", "撤销", "灭失", "终止")


def tie_key(name: str) -> str:
    """One character per document for ``meta.ties``: shorter names first, then the
    creating action before a change before an ending (as search.js compares codes)."""
    text = normalise(name).replace(" ", "")
    action = 2 if any(w in text for w in _ENDING) else 0 if any(w in text for w in _CREATING) else 1
    return chr(0x100 + min(len(text), 200) * 3 + action)


def fnv1a(token: str) -> int:
    """32-bit FNV-1a over code points: ``search.js`` computes the same."""
    h = 0x811C9DC5
    for ch in token:
        h = ((h ^ ord(ch)) * 0x01000193) & 0xFFFFFFFF
    return h


def shard_key(token: str) -> str:
    """The exact-name token lives with the name's first token: no extra file to fetch."""
    if token.startswith(EXACT_PREFIX):
        return tokens(token[len(EXACT_PREFIX) :])[0]
    if token.startswith(ABBREVIATION_PREFIX):
        return token[len(ABBREVIATION_PREFIX) :]  # with the pair itself: no extra file
    if len(token) == 3 and is_cjk(token):
        return token[:2]  # a shingle lives with its first pair: no extra file to fetch
    return token


def _encode(postings: dict[int, int]) -> list[int]:
    out, previous = [], 0
    for doc in sorted(postings):
        out.append((doc - previous) * CODES + postings[doc])
        previous = doc
    return out


def _dump(path: Path, data: object) -> int:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = text.encode("utf-8")
    path.write_bytes(raw)
    return len(raw)


def write_index(
    catalogue: Catalogue, groups: Sequence[Sequence[str]], out: Path, item_url: str
) -> dict[str, int]:
    """Write the index into ``out`` (replaced whole); ``item_url`` has ``{id}`` in it.

    Returns counts for benchmarks: documents, tokens, shards, bytes.
    """
    docs, departments = documents(catalogue)
    synonyms = _Synonyms(groups)
    lexicon = Lexicon(
        [_normalise(t) for g in groups for t in g]
        + [_normalise(raw) for d in docs for code, raw, _ in d.fields if code in _ACROSS]
    )
    postings: dict[str, dict[int, int]] = defaultdict(dict)
    chars: set[str] = set()
    for n, doc in enumerate(docs):
        for token, weight in document_tokens(doc, synonyms, lexicon).items():
            postings[token][n] = weight
            chars.update(token)
    encoded = {token: _encode(p) for token, p in postings.items()}
    size = sum(len(t) * 3 + 4 + len(json.dumps(v)) for t, v in encoded.items())
    shards = max(1, math.ceil(size / SHARD_BYTES))
    files: dict[int, dict[str, list[int]]] = defaultdict(dict)
    for token, values in encoded.items():
        files[fnv1a(shard_key(token)) % shards][token] = values
    if out.exists():
        shutil.rmtree(out)
    written = 0
    for shard in range(shards):
        written += _dump(out / "p" / f"{shard}.json", files.get(shard, {}))
    for start in range(0, len(docs), CHUNK):
        cards = [
            [d.id, d.name, d.department, d.kind, d.promised, int(d.free), d.summary]
            for d in docs[start : start + CHUNK]
        ]
        written += _dump(out / "r" / f"{start // CHUNK}.json", cards)
    written += _dump(out / "attrs.json", [max(d.department, 0) * 8 + d.flags for d in docs])
    written += _dump(out / "t2s.json", t2s_table(chars))
    written += _dump(out / "py.json", sound_table())
    written += _dump(out / "synonyms.json", [list(g) for g in groups])
    meta = {
        "version": 1,
        "count": len(docs),
        "shards": shards,
        "chunk": CHUNK,
        "weights": list(WEIGHTS),
        "codes": CODES,
        "cover": list(COVERS),
        "syllables": " ".join(s for s in sorted(sound_table()) if set(s) & set("aeiouv")),
        "exact": EXACT_PREFIX,
        "abbreviation": ABBREVIATION_PREFIX,
        "departments": [list(d) for d in departments],
        "item": item_url,
        "question": list(QUESTION_WORDS),
        "ties": "".join(tie_key(d.name) for d in docs),
    }
    written += _dump(out / "meta.json", meta)
    return {"documents": len(docs), "tokens": len(encoded), "shards": shards, "bytes": written}
