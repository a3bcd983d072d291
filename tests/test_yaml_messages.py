"""YAML mistakes told in Chinese, at the line of the mistake, with the parser's text kept."""

from __future__ import annotations

import pytest

from generator.catalogue.diagnostics import Diagnostic
from generator.catalogue.models import Material
from generator.catalogue.sources import parse_text
from generator.catalogue.validation import choices, validate

CASES = [
    (
        'name: "食品经营许可\ncodes:\n  basic: "000"\n',
        1,
        7,
        '引号 " 没有闭合:它把后面几行都吞进了同一段文字;请在这段文字末尾补上 "。',
        "while parsing a block mapping",
    ),
    (
        "name: '食品\ncodes: 1\n",
        1,
        7,
        "引号 ' 没有闭合:从这里到文件末尾都被当成了同一段文字;请在这段文字末尾补上 '。",
        "while scanning a quoted scalar",
    ),
    (
        "groups:\n  - [社保, 社会保险\n  - [驾照, 驾驶证]\n",
        2,
        5,
        "方括号 [ ]没有闭合;请补上右括号,或把含有逗号、括号的文字整段加上引号。",
        "while parsing a flow sequence",
    ),
    (
        "note: 时间: 9点\n",
        1,
        9,
        "这里不能出现“冒号加空格”;文字里有“: ”时请把整段文字加上引号,或检查上一行是否漏了冒号。",
        "mapping values are not allowed",
    ),
    (
        'name: "食品" 经营\n',
        1,
        12,
        "引号已经结束,后面还有文字“经营”;请把整段文字都放在引号里,或者去掉引号。",
        "did not find expected key",
    ),
    (
        "a:\n  b: 1\n c: 2\n",
        3,
        2,
        "缩进不对:同一层的键或列表项(- )要左端对齐;请对照上面几行调整这一行的缩进。",
        "while parsing a block mapping",
    ),
]


@pytest.mark.parametrize(("text", "line", "col", "said", "parser"), CASES)
def test_syntax_errors_in_chinese_at_the_mistake(
    text: str, line: int, col: int, said: str, parser: str
) -> None:
    diags: list[Diagnostic] = []
    parse_text(text, "f.yaml", diags)
    (diag,) = diags
    assert (diag.line, diag.col, diag.code) == (line, col, "yaml-syntax")
    head, _, detail = diag.message.partition("(解析器原文:")
    assert head == f"YAML 语法错误:{said}"
    assert parser in detail and detail.endswith("列)")


def test_allowed_values_are_listed_in_chinese() -> None:
    assert choices("'必要', '非必要' or '容缺后补'") == "必要、非必要或容缺后补"
    assert choices("'必要' or '非必要'") == "必要或非必要"
    data = {"name": "x", "necessity": "需要", "form": "原件", "copies": 1, "medium": "纸质"}
    data["source"] = "申请人自备"
    parsed = parse_text("\n".join(f"{k}: {v}" for k, v in data.items()) + "\n", "m.yaml", [])
    _, diags = validate(Material, parsed.data, parsed.source)
    assert [d.message for d in diags] == [
        "“necessity”(必要 / 非必要 / 容缺后补)的值“需要”不在允许范围内;"
        "可选:必要、非必要或容缺后补。"
    ]
