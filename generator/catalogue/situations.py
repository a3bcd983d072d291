"""情形引导: the questions of an item and the structured ``answers`` that select materials.

An item may ask a few questions (``situations``).  Each question has options; an option
may open follow-up questions (``opens``), asked only when it is chosen.  A material,
condition, fee or step may say for which answers it applies (``answers``): a mapping of
question id to one option id or a list of them.  Every question named must be asked and
answered with one of the listed options (questions are ANDed, a list of options is ORed).
Anything without ``answers`` applies to every answer set.  The free-text ``when`` stays
allowed and is shown as before.

No logic here: enumerating answer sets and tailoring the list live in
``generator.catalogue.answers``; the rules about a flow in ``generator.checks.situations``.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .base import Bool, Id, Model, Text

ShortId = Annotated[
    Id,
    Field(
        max_length=24,
        description="简短标识:小写字母、数字和连字符,如 self、entrust;"
        "不要用 yes、no(YAML 会当成是非值)",
    ),
]


class Option(Model):
    id: ShortId
    label: Text = Field(description="选项文字,如 委托有资质的检验机构检验")
    opens: list[ShortId] = Field(
        default_factory=list, description="选择本项后追问的问题 id(须排在本问题之后)"
    )


class Question(Model):
    id: ShortId
    question: Text = Field(description="问题,如 出厂检验由谁进行?")
    hint: Text | None = Field(None, description="提示,帮助群众判断如何选择")
    multiple: Bool = Field(False, description="可多选(默认单选);多选时可以一项都不选")
    options: list[Option] = Field(description="选项,至少两个")


AnswerRef = Annotated[
    dict[ShortId, ShortId | list[ShortId]],
    Field(
        description="适用的回答:问题 id: 选项 id(或选项 id 的列表,满足其一即可);"
        "列出多个问题时须同时满足;不填时适用于所有情形"
    ),
]
"""``{question: option}`` or ``{question: [option, option]}``."""


AlternativeGroup = Annotated[
    Id,
    Field(
        description="可替代材料组的标识:同一组的材料“以下任选其一”,只需提交其中一份",
    ),
]
