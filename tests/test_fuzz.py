"""Whatever staff save into an item file, ``check`` reports diagnostics, never raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.checks.pipeline import check_report

from .conftest import AS_OF, BASE, base_with

ITEM = "items/scjgj/shipin-jingying.yaml"
BASE_TEXT = (BASE / ITEM).read_text(encoding="utf-8")

scalars = st.sampled_from(
    [
        "0512",
        "NO",
        "9:30",
        "不收费",
        "免费",
        "",
        "~",
        "-1",
        "0",
        "20",
        "'x'",
        '"\\a"',
        "2026-13-45",
        "2026-01-01",
        "&a x",
        "*a",
        "!!binary x",
        "<b>x</b>",
        "０５１２",
        "[]",
        "{}",
    ]
)
keys = st.sampled_from(
    [
        "name",
        "kind",
        "fees",
        "materials",
        "steps",
        "time_limit",
        "days",
        "unit",
        "basis",
        "law",
        "articles",
        "copies",
        "contact",
        "enquiry_phone",
        "? x",
        "- y",
    ]
)
lines = st.builds(
    lambda indent, key, value: f"{' ' * indent}{key}: {value}",
    st.integers(0, 6),
    keys,
    scalars,
)
yamlish = st.lists(st.one_of(lines, st.sampled_from(["- ", "  - x", "\t- y", "---", "..."])))


def _check(content: bytes) -> None:
    with base_with(ITEM, content) as root:
        report = check_report(root, as_of=AS_OF)
        assert report.files_checked == 5
        # A rule that raises is reported, not raised (generator/checks): no rule may.
        assert not [d.parsable() for d in report if "内部出错" in d.message]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_arbitrary_bytes(content: bytes) -> None:
    _check(content)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yamlish)
def test_yamlish_text(lines_: list[str]) -> None:
    _check("\n".join(lines_).encode("utf-8"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(BASE_TEXT)), st.text(max_size=20))
def test_edited_valid_item(position: int, insert: str) -> None:
    """A real item with random text typed somewhere: still diagnostics, never a crash."""
    text = BASE_TEXT[:position] + insert + BASE_TEXT[position:]
    _check(text.encode("utf-8", "surrogatepass"))
