"""Simplified Chinese only: a Traditional character (營業執照) in a Simplified catalogue.

Pasted from a Hong Kong or Taiwan source, or typed with a Traditional input method, a
character like 營 looks right to many readers but search never finds it (the public types
营), and a notice sheet with mixed scripts looks careless.  The table is OpenCC's
(``TSCharacters.txt``, already installed for search); a character is flagged only when it
is never written in Simplified text (乾, 於, 著, 覆 and the like are also Simplified and pass).
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from collections.abc import Iterator

from pydantic import BaseModel

from ..catalogue.diagnostics import Diagnostic, Severity
from ..catalogue.loaded import Catalogue, LoadedItem
from ..catalogue.sources import DataPath, SourceMap
from . import CheckContext, rule
from ._common import emit

CODE = "text-traditional"


@functools.cache
def traditional() -> dict[str, str]:
    """Traditional-only character -> its Simplified form."""
    folder = importlib.resources.files("opencc").joinpath("dictionary")
    table: dict[str, list[str]] = {}
    for line in folder.joinpath("TSCharacters.txt").read_text(encoding="utf-8").splitlines():
        trad, _, simp = line.partition("\t")
        if len(trad) == 1:
            table[trad] = simp.split(" ")
    simplified = {s for forms in table.values() for s in forms}
    for line in folder.joinpath("STCharacters.txt").read_text(encoding="utf-8").splitlines():
        simplified.add(line.partition("\t")[0])
    return {t: forms[0] for t, forms in table.items() if t not in simplified and t not in forms}


@functools.cache
def _pattern() -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(sorted(traditional()))) + "]")


def _strings(value: object, path: DataPath) -> Iterator[tuple[DataPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        for name, child in value.__dict__.items():
            yield from _strings(child, (*path, name))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _strings(child, (*path, index))


def _scan(source: SourceMap, root: DataPath, document: object) -> list[Diagnostic]:
    pattern, table = _pattern(), traditional()
    found = []
    for path, text in _strings(document, root):
        chars = list(dict.fromkeys(pattern.findall(text)))
        if not chars:
            continue
        pairs = "、".join(f"“{c}”(简体“{table[c]}”)" for c in chars)
        fixed = pattern.sub(lambda m: table[m.group()], text)
        shown = fixed if len(fixed) <= 40 else ""
        hint = f"改为“{shown}”" if shown else "把这些字改为简体"
        message = f"含有繁体字 {pairs};本目录用简体中文,群众按简体搜索会找不到,请{hint}。"
        found.append(emit(source, CODE, path, message))
    return found


@rule(CODE, Severity.WARNING)
def simplified_only(loaded: LoadedItem, ctx: CheckContext) -> list[Diagnostic]:
    """Text is in Simplified Chinese: a Traditional character (營業執照, 申請書) is reported
    with its Simplified form, since the public searches in Simplified and would not find
    it.  Characters also used in Simplified text (乾, 於, 著, 覆) are never reported.
    Checked in every file.

    Passing:
        name: 营业执照

    Failing:
        name: 營業執照
    """
    return _scan(loaded.source, (), loaded.item)


@rule(CODE, Severity.WARNING, scope="catalogue")
def top_level_simplified_only(catalogue: Catalogue, ctx: CheckContext) -> list[Diagnostic]:
    """The same check on centre.yaml, departments.yaml, laws.yaml and chains.yaml."""
    found = []
    for name, document in catalogue.files.items():
        source = catalogue.sources[name]
        if name == "centre.yaml":
            found += _scan(source, (), document)
        else:
            key = name.removesuffix(".yaml")
            found += _scan(source, (key,), document.__dict__.get(key))
    return found
