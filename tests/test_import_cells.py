"""Cells read as a clerk reads them: what is unambiguous is read, the rest refused."""

from __future__ import annotations

from datetime import date

import pytest

from generator.importer import cells
from generator.importer.cells import Fixed, Limit, Unreadable

WIDE_15 = "\uff11\uff15"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (5, Limit(5, None)),
        (5.0, Limit(5, None)),
        ("5", Limit(5, None)),
        ("5个工作日", Limit(5, "工作日")),
        (" 5 个工作日 ", Limit(5, "工作日")),
        (WIDE_15 + "个工作日", Limit(15, "工作日")),
        ("5日", Limit(5, "自然日")),
        ("20天", Limit(20, "自然日")),
        ("二十日", Limit(20, "自然日")),
        ("六十日", Limit(60, "自然日")),
        ("十五个工作日", Limit(15, "工作日")),
        ("当场办结", Limit(0, None)),
        ("即办", Limit(0, None)),
        (None, None),
        ("", None),
    ],
)
def test_limits_read(raw: cells.Raw, expected: Limit | None) -> None:
    assert cells.limit(raw) == expected


@pytest.mark.parametrize("raw", ["五到七个工作日", "3-5个工作日", "一个月", "视情况而定", 2.5, -1])
def test_limits_refused(raw: cells.Raw) -> None:
    found = cells.limit(raw)
    assert isinstance(found, Unreadable) and found.code == "import-limit-text"
    assert found.raw == str(raw)


def test_codes() -> None:
    assert cells.code("11320500MB0117200800001 ", length=None) == "11320500MB0117200800001"
    assert cells.code(108001000, length=12) == Fixed(
        "000108001000",
        "import-code-number",
        "编码被表格存成了数字“108001000”,已补足前导零为“000108001000”",
    )
    assert cells.code(113205000001180010.0, length=None) == Unreadable(
        "1.1320500000118002e+17",
        "import-code-float",
        "编码“1.1320500000118002e+17”被表格存成了数字,末几位已经丢失;请从原系统复制文本格式的编码",
    )
    lost = cells.code(1.1320500000118e22, length=None)
    assert isinstance(lost, Unreadable) and lost.raw == "1.1320500000118e+22"
    typed = cells.code("1.1320500000118E+22", length=None)
    assert isinstance(typed, Unreadable) and typed.code == "import-code-float"


def test_phones() -> None:
    assert cells.phone(51268003101) == Fixed(
        "0512-68003101",
        "import-phone-number",
        "电话号码被存成了数字“51268003101”,已补回“0”:0512-68003101",
    )
    fixed = cells.phone(2568003101.0)
    assert isinstance(fixed, Fixed) and fixed.value == "025-68003101"
    assert cells.phone(13912345678) == "13912345678"
    assert cells.phone(12345) == "12345"
    assert cells.phone("咨询电话:0512-68003101") == "0512-68003101"
    assert cells.phone("\uff10\uff15\uff11\uff12-68003101") == "0512-68003101"
    both = cells.phone("0512-68003101、0512-68003102")
    assert isinstance(both, Unreadable) and both.code == "import-phone"


def test_dates_and_flags() -> None:
    assert cells.day(44315) == date(2021, 4, 29)
    assert cells.day("2023年12月1日") == date(2023, 12, 1)
    assert cells.day("2019/4/23") == date(2019, 4, 23)
    assert isinstance(cells.day("去年"), Unreadable)
    assert (cells.flag("是"), cells.flag(" 否 "), cells.flag("免费")) == (True, False, False)
    assert isinstance(cells.flag("部分收费"), Unreadable)


def test_texts() -> None:
    assert cells.text("  食品经营许可 \u3000") == "食品经营许可"
    assert cells.text(3.0) == "3"
    assert cells.text("'=1+1") == "=1+1", "our export's formula guard comes off"
    assert cells.text("'abc") == "'abc"


@pytest.mark.parametrize(
    ("raw", "entries"),
    [
        ("1.身份证原件1份;2.户口簿复印件1份", ["身份证原件1份", "户口簿复印件1份"]),
        ("1\u3001甲\uff1b2\u3001乙", ["甲", "乙"]),
        ("\uff11\uff0e甲\uff1b\uff12\uff0e乙", ["甲", "乙"]),
        ("(1)甲(2)乙", ["甲", "乙"]),
        ("1.依据第2条办理;2.乙", ["依据第2条办理", "乙"]),
        ("1.a 2.b\n2.c", ["a 2.b", "c"]),
        ("没有编号;的一段话", ["没有编号;的一段话"]),
    ],
)
def test_numbered(raw: str, entries: list[str]) -> None:
    assert cells.numbered(raw) == entries


def test_plain_lists_split_only_when_asked() -> None:
    assert cells.numbered("身份证;户口簿", split_plain=True) == ["身份证", "户口簿"]
