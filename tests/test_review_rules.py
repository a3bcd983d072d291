"""The burden rules one at a time: each edit of an item gives exact findings and figures."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.catalogue.exempt import Exempt, ExemptWay
from generator.catalogue.loaded import load_catalogue
from generator.catalogue.models import (
    Citation,
    DayUnit,
    Fee,
    Item,
    Kind,
    Necessity,
)
from generator.catalogue.situations import Option, Question
from generator.review.burden import CHECKS, Burden, Level
from generator.review.items import diff_item

PORTAL = Path(__file__).parent / "fixtures" / "portal"


@pytest.fixture(scope="module")
def item() -> Item:
    catalogue, _ = load_catalogue(PORTAL)
    return catalogue.items["company-setup"].item


def _fee(standard: str) -> Fee:
    return Fee(
        name="工本费",
        standard=standard,
        basis=Citation(law="company-law", articles="第三十条"),
        approved_by="市发展改革委",
    )


def _limit(item: Item, which: str, **changes: Any) -> Item:
    limits = item.time_limit
    new = getattr(limits, which).model_copy(update=changes)
    return item.model_copy(update={"time_limit": limits.model_copy(update={which: new})})


def _material(item: Item, index: int, **changes: Any) -> Item:
    materials = list(item.materials)
    materials[index] = materials[index].model_copy(update=changes)
    return item.model_copy(update={"materials": materials})


SHARED = Exempt(way=ExemptWay("电子证照"), basis="窗口从电子证照库调取")


CASES: dict[str, tuple[Callable[[Item], Item], list[tuple[str, str]], dict[str, int]]] = {
    "kind to promised": (
        lambda i: i.model_copy(update={"kind": Kind.ON_THE_SPOT}),
        [("kind-to-on-the-spot", "办件类型 承诺件 → 即办件")],
        {"to_on_the_spot": 1},
    ),
    "online lost": (
        lambda i: i.model_copy(update={"online": None}),
        [("online-lost", "取消网上办理 测试市企业开办平台")],
        {"online_lost": 1},
    ),
    "statutory lowered": (
        lambda i: _limit(i, "statutory", days=2),
        [("statutory-limit-lowered", "法定时限 3 → 2 个工作日")],
        {"statutory_days": -1},
    ),
    "promised unit": (
        lambda i: _limit(i, "promised", unit=DayUnit.CALENDAR),
        [("promised-limit-changed", "承诺时限 1 个工作日 → 1 个自然日")],
        {},
    ),
    "material required": (
        lambda i: i.model_copy(
            update={
                "materials": [
                    *i.materials[:2],
                    i.materials[2].model_copy(update={"necessity": Necessity.REQUIRED}),
                ]
            }
        ),
        [("material-required", "材料 授权委托书:必要性 非必要 → 必要")],
        {},
    ),
    "material exempted": (
        lambda i: _material(i, 1, exempt=SHARED),
        [
            (
                "material-exempted",
                "材料 股东的居民身份证:免提交 (空) → 电子证照:窗口从电子证照库调取",
            )
        ],
        {},
    ),
    "material answers": (
        lambda i: _material(i, 2, answers={"who": "agent"}),
        [("material-changed", "材料 授权委托书:适用回答 (空) → who:agent")],
        {},
    ),
    "condition answers": (
        lambda i: i.model_copy(
            update={
                "conditions": [i.conditions[0].model_copy(update={"answers": {"who": "agent"}})]
            }
        ),
        [("condition-changed", "受理条件 股东符合法定人数。:适用回答 (空) → who:agent")],
        {},
    ),
    "step answers": (
        lambda i: i.model_copy(
            update={
                "steps": [i.steps[0].model_copy(update={"answers": {"who": "self"}}), *i.steps[1:]]
            }
        ),
        [("field-changed", "办理环节 收件:适用回答 (空) → who:self")],
        {},
    ),
    "question added": (
        lambda i: i.model_copy(
            update={
                "situations": [
                    Question(
                        id="who",
                        question="谁来办理?",
                        options=[
                            Option(id="self", label="本人"),
                            Option(id="agent", label="委托他人", opens=["why"]),
                        ],
                    )
                ]
            }
        ),
        [
            (
                "field-changed",
                "新增情形引导 问题 who「谁来办理?」(单选):本人(self)、委托他人(agent,追问 why)",
            )
        ],
        {},
    ),
    "material reordered": (
        lambda i: i.model_copy(update={"materials": list(reversed(i.materials))}),
        [],
        {},
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_rule(item: Item, name: str) -> None:
    change, expected, figures = CASES[name]
    findings, burden = diff_item(item, change(item), {"company-law": "公司法"})
    assert [(f.check, f.text) for f in findings] == expected
    assert burden == Burden(**figures)


def test_an_exemption_withdrawn_is_a_burden(item: Item) -> None:
    exempted = _material(item, 1, exempt=SHARED)
    findings, _ = diff_item(exempted, item, {"company-law": "公司法"})
    assert [(f.check, f.text) for f in findings] == [
        (
            "material-exempt-withdrawn",
            "材料 股东的居民身份证:免提交 电子证照:窗口从电子证照库调取 → (空)",
        )
    ]
    assert CHECKS["material-exempt-withdrawn"].level is Level.WARNING
    assert not CHECKS["material-exempt-withdrawn"].win and CHECKS["material-exempted"].win


def test_a_fee_that_applies_to_other_answers_is_for_the_legal_office(item: Item) -> None:
    charged = item.model_copy(update={"fees": [_fee("每证 10 元")]})
    only = charged.model_copy(
        update={"fees": [charged.fees[0].model_copy(update={"answers": {"why": "lost"}})]}  # type: ignore[union-attr]
    )
    findings, _ = diff_item(charged, only, {"company-law": "公司法"})
    assert [(f.check, f.text) for f in findings] == [
        ("fee-changed", "收费 工本费:适用回答 (空) → why:lost")
    ]
    assert CHECKS["fee-changed"].level is Level.ERROR


def test_fees_raised_lowered_changed_and_removed(item: Item) -> None:
    charged = item.model_copy(update={"fees": [_fee("每证 10 元")]})
    cases = {
        "每证 20 元": ("fee-raised", "fees_raised"),
        "每证 5 元": ("fee-lowered", "fees_lowered"),
        "按面积收取": ("fee-changed", None),
    }
    for standard, (check, figure) in cases.items():
        after = charged.model_copy(update={"fees": [_fee(standard)]})
        findings, burden = diff_item(charged, after, {})
        details = (
            ""
            if check == "fee-lowered"
            else "(依据 《company-law》第三十条;批准机关 市发展改革委;收费许可证 未填写)"
        )
        assert [(f.check, f.text) for f in findings] == [
            (check, f"收费标准 工本费:每证 10 元 → {standard}{details}")
        ]
        assert burden == (Burden(**{figure: 1}) if figure else Burden())
    findings, burden = diff_item(charged, item, {})
    assert [(f.check, f.text) for f in findings] == [("fee-removed", "取消收费 工本费")]
    assert burden == Burden(fees_removed=1)


def test_hotline_changed_and_removed(item: Item) -> None:
    own = item.model_copy(
        update={"contact": item.contact.model_copy(update={"supervision_phone": "0512-1"})}
    )
    findings, _ = diff_item(item, own, {})
    assert [(f.check, f.text) for f in findings] == [
        ("hotline-changed", "监督投诉电话 沿用部门电话 → 0512-1")
    ]
    findings, _ = diff_item(own, item, {})
    assert [(f.check, f.text) for f in findings] == [
        ("hotline-removed", "监督投诉电话 0512-1 → 沿用部门电话")
    ]


def test_levels_of_the_legal_office_flags() -> None:
    legal = sorted(c.id for c in CHECKS.values() if c.level is Level.ERROR)
    assert legal == [
        "basis-added",
        "basis-changed",
        "basis-removed",
        "basis-repealed",
        "condition-added",
        "condition-changed",
        "condition-removed",
        "fee-added",
        "fee-changed",
        "fee-raised",
        "hotline-changed",
        "hotline-removed",
        "item-added",
        "item-moved",
        "item-removed",
        "law-removed",
        "law-repealed",
        "promised-limit-changed",
        "promised-limit-raised",
        "quantity-limit-changed",
        "refusal-added",
        "refusal-changed",
        "refusal-removed",
        "result-changed",
        "statutory-limit-changed",
        "statutory-limit-lowered",
        "statutory-limit-raised",
    ]


def test_burden_never_adds_different_units(item: Item) -> None:
    """+5 自然日 on one item and −2 工作日 on another stay apart: no "合计 +3 天"."""
    from generator.review.burden import burden_cells

    calendar = _limit(item, "promised", unit=DayUnit.CALENDAR)
    longer = _limit(calendar, "promised", days=calendar.time_limit.promised.days + 5)
    shorter = _limit(item, "promised", days=item.time_limit.promised.days - 1)
    total = Burden()
    for before, after in ((calendar, longer), (item, shorter)):
        total.add(diff_item(before, after, {})[1])
    assert (total.promised_days, total.promised_calendar_days) == (-1, 5)
    assert burden_cells(total)[1] == "−1 工作日 ✓、+5 自然日"


def test_every_field_of_a_material_is_compared() -> None:
    """A field added to the model and forgotten here would change guides with no finding."""
    from generator.catalogue.models import Material
    from generator.review.lists import MATERIAL_LABELS

    compared_apart = {"name", "exempt"}  # material-renamed; material-exempted / -withdrawn
    assert set(Material.model_fields) == set(MATERIAL_LABELS) | compared_apart


def _who(*options: Option, question: str = "谁来办理?", multiple: bool = False) -> Question:
    return Question(id="who", question=question, multiple=multiple, options=list(options))


def test_a_changed_question_is_one_finding_that_says_what_changed(item: Item) -> None:
    """Paired by id: a reworded question with a new option, a relabelled option and a new
    follow-up is one finding, not a question removed and another added."""
    old = item.model_copy(
        update={
            "situations": [
                _who(Option(id="self", label="本人"), Option(id="agent", label="代理人"))
            ]
        }
    )
    new = item.model_copy(
        update={
            "situations": [
                _who(
                    Option(id="self", label="本人"),
                    Option(id="agent", label="委托他人", opens=["why"]),
                    Option(id="guardian", label="监护人"),
                    question="由谁来窗口办理?",
                    multiple=True,
                )
            ]
        }
    )
    findings, _ = diff_item(old, new, {})
    assert [(f.check, f.text) for f in findings] == [
        (
            "field-changed",
            "情形引导 问题 who:问题「谁来办理?」→「由谁来窗口办理?」;改为多选;"
            "选项 agent「代理人」→「委托他人」;选项 委托他人(agent) 追问 (无) → why;"
            "新增选项 监护人(guardian)",
        )
    ]
    assert findings[0].path == ("situations", 0)
    removed, _ = diff_item(new, old.model_copy(update={"situations": []}), {})
    assert [(f.check, f.text) for f in removed] == [
        (
            "field-changed",
            "删除情形引导 问题 who「由谁来窗口办理?」(多选):本人(self)、"
            "委托他人(agent,追问 why)、监护人(guardian)",
        )
    ]
    fewer, _ = diff_item(new, new.model_copy(update={"situations": [
        _who(Option(id="self", label="本人"), Option(id="agent", label="委托他人", opens=["why"]),
             question="由谁来窗口办理?", multiple=True)
    ]}), {})  # fmt: skip
    assert [f.text for f in fewer] == ["情形引导 问题 who:删除选项 监护人(guardian)"]
    reordered = list(reversed(new.situations[0].options))
    moved, _ = diff_item(
        new,
        new.model_copy(
            update={"situations": [new.situations[0].model_copy(update={"options": reordered})]}
        ),
        {},
    )
    assert [f.text for f in moved] == ["情形引导 问题 who:选项顺序 监护人、委托他人、本人"]
