"""Departments, laws and ids collected across the whole sheet, each once.

A department is known by its full name (or short name); a law by its title and 文号, so
the same law cited by a hundred items is one entry of ``laws.yaml``.  Entries already in
the target folder keep their ids; new ones get an id from the pinyin initials of their
name (``食品经营许可`` -> ``spjyxk``), made unique with ``-2``, ``-3`` ...  The article text a
sheet quotes (条文内容) has no field in the catalogue; it is kept as comments beside the
law, for the legal office.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pypinyin import Style, lazy_pinyin

from ..catalogue.models import ID_PATTERN

Data = dict[str, Any]
_ID = re.compile(ID_PATTERN)


def slug(name: str, fallback: str) -> str:
    """Pinyin initials of the Chinese, ASCII letters and digits kept as they are."""
    name = re.sub(r"^中华人民共和国", "", name)
    letters = "".join(lazy_pinyin(name, style=Style.FIRST_LETTER, errors="default"))
    letters = re.sub(r"[^a-z0-9]+", "-", letters.lower()).strip("-")
    return letters[:40].strip("-") or fallback


class Ids:
    """Unique ids within one kind (items, departments or laws)."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def claim(self, wanted: str) -> str:
        candidate, n = wanted, 2
        while candidate in self.taken:
            candidate, n = f"{wanted}-{n}", n + 1
        self.taken.add(candidate)
        return candidate


def valid_id(value: str | None) -> bool:
    return bool(value and _ID.match(value))


@dataclass
class Registry:
    departments: dict[str, Data] = field(default_factory=dict)  # id -> entry
    laws: dict[tuple[str, str], Data] = field(default_factory=dict)  # (title, 文号) -> entry
    law_notes: dict[str, list[str]] = field(default_factory=dict)  # law id -> comment lines
    department_ids: Ids = field(default_factory=Ids)
    law_ids: Ids = field(default_factory=Ids)
    item_ids: Ids = field(default_factory=Ids)
    new_departments: set[str] = field(default_factory=set)

    def add_existing(self, departments: list[Data], laws: list[Data]) -> None:
        for d in departments:
            self.departments[d["id"]] = d
            self.department_ids.taken.add(d["id"])
        for law in laws:
            self.laws[(law["title"], law.get("number") or "")] = law
            self.law_ids.taken.add(law["id"])

    def department(self, name: str, wanted: str | None = None) -> str:
        """The id of the department of this name, creating an entry when it is new."""
        for d in self.departments.values():
            if name in (d["name"], d.get("short_name")) or (wanted and d["id"] == wanted):
                return str(d["id"])
        # "示例市市场监督管理局" -> "scjdglj": the city's name is the same for every department.
        local = re.sub(r"^.{1,8}?[省市县区](?=.{2})", "", name)
        new = self.department_ids.claim(
            wanted if wanted and valid_id(wanted) else slug(local, "bm")
        )
        self.departments[new] = {"id": new, "name": name}
        self.new_departments.add(new)
        return new

    def law(self, title: str, number: str | None, details: Data, wanted: str | None) -> str:
        """The id of the law (title, 文号), filling in what a later row knows that an earlier
        one did not."""
        key = (title, number or "")
        entry = self.laws.get(key)
        if entry is None:
            # One title cited once with its 文号 and once without is one law.
            entry = next(
                (e for (t, n), e in self.laws.items() if t == title and (not n or not number)),
                None,
            )
        if entry is None:
            new = self.law_ids.claim(wanted if wanted and valid_id(wanted) else slug(title, "fg"))
            entry = self.laws[key] = {"id": new, "title": title}
            if re.fullmatch(r"中华人民共和国\S+法", title):
                # Only the National People's Congress passes a "中华人民共和国…法"; a 条例
                # may be the State Council's or a province's, so its level is not guessed.
                entry["level"] = "法律"
        if number and not entry.get("number"):
            entry["number"] = number
        for k, v in details.items():
            if v is not None and entry.get(k) is None:
                entry[k] = v
        return str(entry["id"])

    def note_article(self, law_id: str, articles: str, text: str) -> None:
        line = f"{articles}:{text}" if articles else text
        notes = self.law_notes.setdefault(law_id, [])
        if line not in notes:
            notes.append(line)


LAW_ORDER = ("id", "title", "level", "issuer", "number", "effective", "repealed", "url")
DEPARTMENT_ORDER = (
    "id",
    "name",
    "short_name",
    "windows",
    "enquiry_phone",
    "supervision_phone",
    "address",
)


def ordered(entry: Data, order: tuple[str, ...]) -> Data:
    return {k: entry[k] for k in order if entry.get(k) is not None}
