"""情形引导: answer sets, tailoring and the sit-* messages, on the fixtures.

The fixture folders (``tests/fixtures/*/sit-*``, ``positive/situations``) pin where each
code is reported; here the messages themselves, and the enumeration the rules rely on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalogue.answers import (
    LIMIT,
    TooMany,
    answer_sets,
    encode,
    labels,
    tailored,
)
from generator.catalogue.loaded import load_catalogue
from generator.catalogue.models import Item
from generator.catalogue.situations import Option, Question
from generator.checks.pipeline import check_report

from .conftest import AS_OF, FIXTURES, build_case


def _item(case: str, tmp_path: Path) -> Item:
    root = build_case(FIXTURES / case, tmp_path / "catalogue")
    catalogue, report = load_catalogue(root)
    assert not report.errors
    return catalogue.items["shipin-jingying"].item


def _messages(case: str, tmp_path: Path) -> list[str]:
    root = build_case(FIXTURES / "negative" / case, tmp_path / "catalogue")
    return [f"{d.line}:{d.col} {d.severity} {d.message}" for d in check_report(root, as_of=AS_OF)]


def test_answer_sets_of_the_positive_fixture(tmp_path: Path) -> None:
    item = _item("positive/situations", tmp_path)
    sets = answer_sets(item.situations)
    # inspect: self, or entrust and then lab (2 options): 3 ways; agent 2; family 2^2 = 4
    assert len(sets) == 3 * 2 * 4
    codes = [encode(s, item.situations) for s in sets]
    assert codes[0] == "inspect.self,agent.self,family.-"
    assert "inspect.entrust,lab.outside,agent.entrust,family.online,family.household" in codes
    assert len(set(codes)) == len(codes)


def test_tailored_list_groups_alternatives(tmp_path: Path) -> None:
    item = _item("positive/situations", tmp_path)
    sets = {encode(s, item.situations): s for s in answer_sets(item.situations)}
    chosen = sets["inspect.entrust,lab.outside,agent.self,family.household"]
    names = [[m.name for m in group] for group in tailored(item, chosen)]
    assert names == [
        ["食品经营许可申请书"],
        ["委托检验协议"],
        ["外地检验机构资质证明"],
        ["居民户口簿", "结婚证"],
    ]
    assert labels(chosen, item.situations)[-1] == ("以何种形式经营?(可多选)", "家庭经营")
    plain = sets["inspect.self,agent.self,family.-"]
    assert [[m.name for m in g] for g in tailored(item, plain)] == [
        ["食品经营许可申请书"],
        ["检验设备清单"],
    ]
    assert labels(plain, item.situations)[-1][1] == "以上都不是"


def test_answer_sets_are_bounded() -> None:
    many = Question(
        id="scope",
        question="经营哪些类别?",
        multiple=True,
        options=[Option(id=f"c{i}", label=f"类别{i}") for i in range(9)],
    )
    with pytest.raises(TooMany):
        answer_sets([many])
    eight = many.model_copy(update={"options": many.options[:8]})
    assert len(answer_sets([eight])) == LIMIT


def test_messages_are_exact(tmp_path: Path) -> None:
    assert _messages("sit-none", tmp_path / "a") == [
        "21:1 error 有 1 种回答不需要任何材料,如:是否委托他人代为办理?本人办理;"
        "请为这些情形列出材料,或调整 answers。"
    ]
    assert _messages("sit-unknown-refs", tmp_path / "b")[1:3] == [
        "44:79 error answers 中的问题“inspects”不存在;本事项的问题有:agent、inspect、lab。",
        "45:88 error 问题“inspect”没有选项“outsource”;可选:self、entrust。",
    ]
    assert _messages("sit-too-many", tmp_path / "c") == [
        "21:1 error 问题的回答组合超过 256 种,无法逐一核对,群众也难以回答;"
        "请减少问题或选项(多选题的组合数是 2 的选项数次方)。"
    ]
    assert _messages("sit-never", tmp_path / "d") == [
        "40:82 error 在任何回答下都不会列出这一项(answers 中的条件不可能同时满足);"
        "请检查问题和追问的关系。"
    ]


def test_a_suggestion_never_fails_the_check(tmp_path: Path) -> None:
    root = build_case(FIXTURES / "negative" / "sit-free-when-unused", tmp_path / "catalogue")
    report = check_report(root, as_of=AS_OF)
    assert [d.code for d in report.infos] == ["sit-free-when"]
    assert report.exit_code() == 0  # the other one is a warning: only --strict fails
    assert report.exit_code(strict=True) == 1
    assert report.summary().endswith("0 个错误,1 个警告,1 个提示。")
