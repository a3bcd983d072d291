"""Properties of the item diff, over every item of the legal fixture (hypothesis).

- Reordering any list of an item (but the steps, whose order is the procedure) or
  re-dumping it through YAML reports nothing.
- Any single field change reports exactly that change, with the right check.
- A change of the basis as a multiset of (law, articles, role) is always reported, and
  only with basis checks; the same multiset in another order reports nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.catalogue.loaded import load_catalogue
from generator.catalogue.models import Basis, BasisRole, Item
from generator.review.items import diff_item

LEGAL = Path(__file__).parent / "fixtures" / "legal"
CATALOGUE, _ = load_catalogue(LEGAL)
ITEMS = [CATALOGUE.items[i].item for i in sorted(CATALOGUE.items)]
LAWS = {law_id: law.title for law_id, law in CATALOGUE.laws.items()}
LISTS = (
    "audience",
    "keywords",
    "basis",
    "conditions",
    "refusals",
    "materials",
    "special_procedures",
    "faq",
    "joint_departments",
)
SETTINGS = settings(max_examples=60, deadline=None)

items = st.sampled_from(ITEMS)
chinese = st.text(alphabet="审批许可登记证明材料申请人的", min_size=1, max_size=3)


@SETTINGS
@given(items, st.sampled_from(LISTS), st.randoms(use_true_random=False))
def test_reordering_a_list_reports_nothing(item: Item, name: str, rnd: Any) -> None:
    entries = list(getattr(item, name))
    rnd.shuffle(entries)
    reordered = item.model_copy(update={name: entries})
    fees = item.fees if isinstance(item.fees, str) else sorted(item.fees, key=lambda f: f.name)
    reordered = reordered.model_copy(update={"fees": fees})
    assert diff_item(item, reordered, LAWS)[0] == []


@SETTINGS
@given(items, st.integers(min_value=2, max_value=8), st.booleans())
def test_redumping_reports_nothing(item: Item, indent: int, sort_keys: bool) -> None:
    text = yaml.safe_dump(
        item.model_dump(mode="json", exclude_defaults=True),
        allow_unicode=True,
        indent=indent,
        sort_keys=sort_keys,
    )
    again = Item.model_validate(yaml.safe_load(text))
    assert diff_item(item, again, LAWS)[0] == []


def _list_entry(name: str, attr: str | None, change: Callable[[Any], Any]) -> Callable[..., Any]:
    """Change entry ``k`` of list ``name`` (its ``attr``, or the entry itself)."""

    def mutate(item: Item, k: int, text: str) -> Item | None:
        entries = list(getattr(item, name))
        if not entries:
            return None
        k %= len(entries)
        entry = entries[k]
        if attr is None:
            entries[k] = change((entry, text))
        else:
            entries[k] = entry.model_copy(update={attr: change((getattr(entry, attr), text))})
        return item.model_copy(update={name: entries})

    return mutate


def _field(name: str, change: Callable[[Any], Any]) -> Callable[..., Any]:
    def mutate(item: Item, k: int, text: str) -> Item | None:
        return item.model_copy(update={name: change((getattr(item, name), text))})

    return mutate


def _result(item: Item, k: int, text: str) -> Item:
    validity = (item.result.validity or "") + text
    return item.model_copy(update={"result": item.result.model_copy(update={"validity": validity})})


def _promised(item: Item, k: int, text: str) -> Item | None:
    limits = item.time_limit
    promised = limits.promised
    if promised.days == 0:
        return None
    new = promised.model_copy(update={"days": promised.days - 1})
    return item.model_copy(update={"time_limit": limits.model_copy(update={"promised": new})})


MUTATIONS: dict[str, tuple[Callable[..., Item | None], str]] = {
    "name": (_field("name", lambda v: v[0] + v[1]), "field-changed"),
    "quantity": (_field("quantity_limit", lambda v: v[0] + v[1]), "quantity-limit-changed"),
    "visits": (_field("visits", lambda v: v[0] + 1), "visits-raised"),
    "condition": (
        _list_entry("conditions", "text", lambda v: v[0] + v[1]),
        "condition-changed",
    ),
    "refusal": (_list_entry("refusals", None, lambda v: v[0] + v[1]), "refusal-changed"),
    "copies": (_list_entry("materials", "copies", lambda v: v[0] + 1), "material-copies-raised"),
    "material name": (
        _list_entry("materials", "name", lambda v: v[0] + v[1][:1]),
        "material-renamed",
    ),
    "faq answer": (_list_entry("faq", "a", lambda v: v[0] + v[1]), "field-changed"),
    "result": (_result, "result-changed"),
    "promised": (_promised, "promised-limit-lowered"),
}


@SETTINGS
@given(items, st.sampled_from(sorted(MUTATIONS)), st.integers(0, 50), chinese)
def test_a_single_change_reports_exactly_that(item: Item, which: str, k: int, text: str) -> None:
    mutate, check = MUTATIONS[which]
    changed = mutate(item, k, text)
    if changed is None or changed == item:
        return
    findings, _ = diff_item(item, changed, LAWS)
    assert [f.check for f in findings] == [check]


ARTICLES = ["第二条", "第十二条", "第十三条", "第十四条", "第二十条"]
bases = st.lists(
    st.builds(
        Basis,
        law=st.sampled_from(sorted(LAWS)[:3]),
        articles=st.sampled_from(ARTICLES),
        role=st.sampled_from(list(BasisRole)),
    ),
    min_size=1,
    max_size=5,
)


@SETTINGS
@given(items, bases, bases, st.randoms(use_true_random=False))
def test_a_basis_multiset_change_is_always_reported(
    item: Item, old: list[Basis], new: list[Basis], rnd: Any
) -> None:
    before = item.model_copy(update={"basis": old})
    after = item.model_copy(update={"basis": new})
    findings, _ = diff_item(before, after, LAWS)

    def key(b: Basis) -> tuple[str, str, str]:
        return b.law, b.articles, b.role.value

    if Counter(map(key, old)) == Counter(map(key, new)):
        assert findings == []
    else:
        assert findings
        assert {f.check for f in findings} <= {"basis-added", "basis-removed", "basis-changed"}
        added = sum(f.check == "basis-added" for f in findings)
        removed = sum(f.check == "basis-removed" for f in findings)
        changed = sum(f.check == "basis-changed" for f in findings)
        assert added + changed == sum((Counter(map(key, new)) - Counter(map(key, old))).values())
        assert removed + changed == sum((Counter(map(key, old)) - Counter(map(key, new))).values())
    shuffled = list(new)
    rnd.shuffle(shuffled)
    assert diff_item(after, item.model_copy(update={"basis": shuffled}), LAWS)[0] == []
