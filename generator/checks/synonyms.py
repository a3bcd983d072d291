"""Rules on ``synonyms.yaml``, the staff-kept groups of equivalent search words.

Reading the file lives with the search index (:mod:`generator.search.synonyms`); these rules
only report what reading found, one documented code each, so ``check`` shows synonym problems
next to every other catalogue problem.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..catalogue.diagnostics import Diagnostic, Severity
from ..catalogue.loaded import Catalogue
from ..search.synonyms import Synonyms, load_synonyms
from . import CheckContext, rule

_CACHE: dict[str, tuple[int, Synonyms]] = {}


def _loaded(catalogue: Catalogue) -> Synonyms:
    """Read the file once per check run (four rules share it)."""
    path = catalogue.root / "synonyms.yaml"
    try:
        stamp = path.lstat().st_mtime_ns
    except OSError:
        stamp = -1
    key = str(path)
    cached = _CACHE.get(key)
    if cached is None or cached[0] != stamp:
        cached = (stamp, load_synonyms(catalogue.root))
        _CACHE[key] = cached
    return cached[1]


def _with_code(catalogue: Catalogue, code: str) -> Iterator[Diagnostic]:
    yield from (d for d in _loaded(catalogue).diagnostics if d.code == code)


@rule("syn-structure", Severity.ERROR, scope="catalogue")
def structure(catalogue: Catalogue, ctx: CheckContext) -> Iterator[Diagnostic]:
    """``synonyms.yaml`` is a mapping with ``groups``: a list of groups, each a list of
    words.  A word must contain a Chinese character, a letter or a digit.  The file is read
    like every other (UTF-8, no anchors or aliases, no tags): what reading finds is
    reported here under its own code (``yaml-syntax``, ``file-encoding``, ``yaml-anchor``
    …), so a broken file never silently empties the search's synonyms.

    Passing:
        groups:
          - [社保, 社会保险]

    Failing:
        groups:
          - 社保 社会保险      # 应为列表 [社保, 社会保险]
    """
    for diagnostic in _loaded(catalogue).diagnostics:
        if diagnostic.code == "syn-structure" or not diagnostic.code.startswith("syn-"):
            yield diagnostic


@rule("syn-unknown-key", Severity.ERROR, scope="catalogue")
def unknown_key(catalogue: Catalogue, ctx: CheckContext) -> Iterator[Diagnostic]:
    """The file has one key, ``groups``; any other key is a typing mistake.

    Passing:
        groups:
          - [驾照, 驾驶证]

    Failing:
        group:                 # 应为 groups
          - [驾照, 驾驶证]
    """
    yield from _with_code(catalogue, "syn-unknown-key")


@rule("syn-duplicate-term", Severity.ERROR, scope="catalogue")
def duplicate_term(catalogue: Catalogue, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A word appears twice in one group (after folding full-width letters and case).

    Passing:
        groups:
          - [营业执照, 执照, yyzz]

    Failing:
        groups:
          - [营业执照, 执照, 营业执照]
    """
    yield from _with_code(catalogue, "syn-duplicate-term")


@rule("syn-single-term", Severity.ERROR, scope="catalogue")
def single_term(catalogue: Catalogue, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A group needs at least two words: a group of one makes nothing findable.

    Passing:
        groups:
          - [公积金, 住房公积金]

    Failing:
        groups:
          - [公积金]
    """
    yield from _with_code(catalogue, "syn-single-term")


@rule("syn-shared-term", Severity.WARNING, scope="catalogue")
def shared_term(catalogue: Catalogue, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A word in two groups links both groups' words through it, which is rarely meant
    (证 in 驾照 and 身份证 groups would make 驾驶证 find 身份证).  Merge the groups, or
    keep the word in one.

    Passing:
        groups:
          - [驾照, 驾驶证]
          - [身份证, 居民身份证]

    Failing:
        groups:
          - [驾照, 驾驶证, 证件]
          - [身份证, 居民身份证, 证件]
    """
    yield from _with_code(catalogue, "syn-shared-term")
