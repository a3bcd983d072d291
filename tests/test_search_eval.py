"""The evaluation catalogue and queries are what the brief asks for, and load cleanly."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from generator.catalogue.loaded import load_catalogue
from tests.search_eval import build


def test_the_evaluation_catalogue_is_large_varied_and_valid(tmp_path: Path) -> None:
    departments, items = build.items()
    assert len(items) >= 150 and len(departments) >= 12
    assert len({i.id for i in items}) == len(items)
    assert {i.department for i in items} == {d["id"] for d in departments}
    catalogue, report = load_catalogue(build.write(tmp_path / "catalogue"))
    assert not report.errors, [d.parsable() for d in report.errors]
    assert sorted(catalogue.items) == sorted(i.id for i in items)


def test_the_queries_cover_every_kind_and_name_real_items() -> None:
    ids = {i.id for i in build.items()[1]}
    queries = build.queries()
    kinds = Counter(q.kind for q in queries)
    assert len(queries) >= 120 and min(kinds.values()) >= 12, kinds
    assert {"abbreviation", "colloquial", "question", "traditional", "pinyin"} <= set(kinds)
    assert {"initials", "typo", "family"} <= set(kinds)
    assert all(q.expect and set(q.expect) <= ids for q in queries)
    held = sum(q.held_out for q in queries)
    assert len(queries) // 3 - 10 <= held <= len(queries) * 0.6  # a third, and two later batches
    second = [q for q in queries if q.held_out and q.kind in ("abbreviation", "question")]
    assert min(Counter(q.kind for q in second).values()) >= 8
