"""The one text analyser shared by the index (here) and the query (``search.js``).

Index and query must cut text the same way, or a word the index keeps whole is never found
by its parts (the failure of segmenter-based engines on Chinese).  So there is no
segmenter: text is normalised (NFKC folds full-width forms, then lower case, question
words and punctuation removed) and every run of Chinese characters becomes overlapping
character bigrams, as Lucene's CJK analyzer does; a run of Latin letters or digits stays one
token (item codes, pinyin).  ``search.js`` repeats these steps line for line; a browser test
feeds both the same strings and compares.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

# How people ask, not what they ask for ("营业执照怎么办", "如何办理社保", "补办要带什么",
# "需要准备哪些材料", "在哪里办"): removed from the query and kept out of the index too, so both
# sides agree.  Each entry is a regular expression that Python's ``re`` and JavaScript's
# ``RegExp`` read alike (groups, alternatives, optional parts only); search.js joins them
# with "|" as this module does, so the first entry that matches wins: longer forms first.
# The grammar of a question, not a list of phrases: an interrogative (什么, 哪些, 哪里, 怎么,
# 如何, 多久 …) with the words that go with it (需要/要/得 + 准备/带/提交 + 什么 + 材料/手续),
# and what a person puts around a request (请问, 我想, 能办吗).  Never a word that can be part
# of an item (吧 of 网吧, 了 of 了解, 证明 on its own).
QUESTION_WORDS: tuple[str, ...] = (
    "(?:需要|还要|要|得|应该|该)?(?:准备|携带|带|提交|提供|交|填)?(?:些)?(?:什么|哪些|啥)"
    "(?:样的|的)?(?:材料|资料|手续|证件|东西|条件)?",
    "(?:在|去|到|上)?(?:哪里|哪儿|哪个窗口|哪个部门|哪)(?:可以|能)?(?:办理|申请|办)?",
    "(?:怎么|怎样|如何|咋)(?:样|办理|申请|弄|办)?",
    "(?:需要|要)?(?:多长时间|多久)(?:能办好|能办完|办好|办完)?",  # 要几天 is a synonym of 时限
    "(?:要|需要)?多少钱",
    "(?:收费|要钱|能办|可以办|能不能办|可不可以办)?吗",
    "呢",
    "请问|我想|我要|想要|帮我|能不能|可不可以",
)

MAX_QUERY = 64  # characters of a query that are searched (search.js: the same)
MAX_TOKENS = 32  # query tokens looked up at most

_QUESTION = re.compile("|".join(QUESTION_WORDS))
# A Chinese character: CJK unified ideographs, extension A and compatibility ideographs.
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_NOT_WORD = re.compile(f"[^0-9a-z{CJK}]+")
_RUN = re.compile(f"[{CJK}]+|[0-9a-z]+")
_IS_CJK = re.compile(f"[{CJK}]")


def normalise(text: str, t2s: Mapping[str, str] | None = None) -> str:
    """Fold ``text`` for indexing or querying; words are separated by one space.

    ``t2s`` (Traditional to Simplified, one character each) is applied to queries only:
    the catalogue is written in Simplified characters.
    """
    text = unicodedata.normalize("NFKC", text)
    if t2s:
        text = "".join(t2s.get(ch, ch) for ch in text)
    text = text.lower()
    text = _QUESTION.sub(" ", text)
    return _NOT_WORD.sub(" ", text).strip()


def runs(normalised: str) -> list[str]:
    """Runs of Chinese characters and runs of Latin letters or digits."""
    return _RUN.findall(normalised)


def is_cjk(run: str) -> bool:
    return bool(_IS_CJK.match(run))


def bigrams(run: str) -> list[str]:
    """Overlapping character pairs; a single character stands for itself."""
    if len(run) < 2:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def tokens(normalised: str) -> list[str]:
    """Query tokens in order, without repeats: bigrams of Chinese runs, whole Latin runs.

    Linear in the text: a dict keeps the order and answers "seen?" at once (a list search
    made a pasted page of distinct characters quadratic)."""
    out: dict[str, None] = {}
    for run in runs(normalised):
        for token in bigrams(run) if is_cjk(run) else [run]:
            out.setdefault(token)
    return list(out)


def capped(query: str) -> str:
    """The part of a typed query that is searched: its first ``MAX_QUERY`` characters
    (code points, as ``Array.from`` counts them).  No item name is that long; a pasted
    page would only cost time."""
    return query[:MAX_QUERY]


def unigrams(normalised: str) -> set[str]:
    """Single Chinese characters, indexed for names and keywords so one-character
    queries (证, 税) still find something."""
    return {ch for run in runs(normalised) if is_cjk(run) for ch in run}
