"""The rule runner: a partial model's missing field skips a rule quietly; any other
exception is the rule's bug, reported as an internal error under its code, and every
other rule still runs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import checks
from generator.catalogue.diagnostics import Diagnostic, Severity
from generator.catalogue.loaded import LoadedItem
from generator.catalogue.models import Item, MissingField
from generator.catalogue.partial import salvage
from generator.checks import CheckContext, RuleInfo
from generator.checks.pipeline import check_catalogue

from .conftest import AS_OF, FIXTURES, build_case


def _install(monkeypatch: pytest.MonkeyPatch, code: str, function: checks.ItemRule) -> None:
    info = RuleInfo(code, Severity.WARNING, "test", "", "item", function)
    rules = checks._ITEM_RULES or checks._split()[0]
    monkeypatch.setattr(checks, "_ITEM_RULES", [*rules, info])


def _first(loaded: LoadedItem) -> Diagnostic:
    return Diagnostic(loaded.source.file, 1, 1, "test-first", Severity.WARNING, "先报告的")


def _codes(root: Path) -> list[tuple[str, str]]:
    _, report = check_catalogue(root, as_of=AS_OF, workers=1)
    return [(d.code, d.message) for d in report]


def test_a_rule_that_raises_is_an_internal_error_with_its_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = build_case(FIXTURES / "positive" / "base", tmp_path / "catalogue")
    clean = _codes(root)

    def broken(loaded: LoadedItem, context: CheckContext) -> Iterator[Diagnostic]:
        yield _first(loaded)
        raise ValueError("规则自己的错误")

    _install(monkeypatch, "test-broken", broken)
    found = _codes(root)
    items = len(list((root / "items").rglob("*.yaml")))
    internal = [m for code, m in found if code == "test-broken"]
    assert len(internal) == items
    assert internal[0] == (
        "检查规则 test-broken 内部出错(ValueError: 规则自己的错误),"
        "本条规则的结果不完整;其他规则照常检查"
    )
    assert [c for c in found if c[0] == "test-first"] and set(clean) <= set(found)


def test_on_partial_data_only_a_missing_field_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, every AttributeError on partial data was swallowed, a rule's bug too."""
    root = build_case(FIXTURES / "negative" / "mixed-missing-time-limit", tmp_path / "catalogue")

    def reads_missing(loaded: LoadedItem, context: CheckContext) -> Iterator[Diagnostic]:
        if loaded.partial:
            yield _first(loaded)
            for name in Item.model_fields:
                getattr(loaded.item, name)  # one of them failed validation
            yield Diagnostic(loaded.source.file, 1, 1, "test-never", Severity.WARNING, "x")

    def typo(loaded: LoadedItem, context: CheckContext) -> Iterator[Diagnostic]:
        if loaded.partial:
            _ = loaded.item.nmae  # type: ignore[attr-defined]  # a bug, not a missing field
        return iter(())

    _install(monkeypatch, "test-missing", reads_missing)
    found = _codes(root)
    assert any(c == "test-first" for c, _ in found)
    assert not any(c in ("test-never", "test-missing") for c, _ in found)

    _install(monkeypatch, "test-typo", typo)
    [message] = [m for c, m in _codes(root) if c == "test-typo"]
    assert "AttributeError" in message and "nmae" in message


def test_partial_models_raise_missing_field_and_getattr_defaults_still_work() -> None:
    item = salvage(Item, {"name": "有限责任公司设立登记", "kind": "快办件"})
    assert item.name == "有限责任公司设立登记"
    with pytest.raises(MissingField) as raised:
        _ = item.kind
    assert (raised.value.model, raised.value.name) == ("Item", "kind")
    assert getattr(item, "kind", None) is None
    assert isinstance(raised.value, AttributeError)
