"""Reading one cell the way a clerk reads it.

Each reader takes a raw cell value (what the spreadsheet library gives: text, a number, a
date, or nothing) and returns the catalogue value, or :class:`Unreadable` with the raw
text and why, so that the YAML keeps what the sheet said and a person decides.  What is
unambiguous is read: full-width digits, trailing spaces, ``5个工作日``, ``当场办结``, a phone
number Excel turned into a number (its leading 0 comes back by the numbering plan), a
12-digit code that lost its leading zeros, Excel date serials, 是/否.  What is not is
refused: a code stored as a float whose last digits are gone, ``五到七个工作日``, a unit
that contradicts its column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ..opendata.columns import FORMULA_STARTS

Raw = str | int | float | bool | date | datetime | time | timedelta | None

_WIDE = {
    **{0xFF10 + i: 0x30 + i for i in range(10)},
    **{0xFF21 + i: 0x41 + i for i in range(26)},
    **{0xFF41 + i: 0x61 + i for i in range(26)},
    0xFF0D: 0x2D,  # -
    0xFF0E: 0x2E,  # .
}
_SPACES = " \t\r\n\u3000\u00a0"
EXCEL_EPOCH = date(1899, 12, 30)
"""Day 0 of Excel's 1900 date system (it counts the 1900 leap day that never was)."""


@dataclass(frozen=True)
class Unreadable:
    """A cell that needs a person: the raw text goes into the YAML, the reason into a
    diagnostic with this code."""

    raw: str
    code: str
    message: str
    warning: bool = False


@dataclass(frozen=True)
class Fixed:
    """A value read with a repair worth telling (a restored leading zero): a warning."""

    value: str
    code: str
    message: str


def narrow(text: str) -> str:
    """Full-width digits, Latin letters, hyphen and dot as ASCII (the rest is left alone:
    Chinese punctuation in prose is the text, not a typing accident)."""
    return text.translate(_WIDE)


def text(raw: Raw) -> str | None:
    """A text cell: stripped of the spaces a sheet trails; a whole number without ``.0``."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        return "是" if raw else "否"
    if isinstance(raw, float) and raw.is_integer() and abs(raw) < 2**53:
        raw = int(raw)
    if isinstance(raw, datetime):
        raw = raw.date()
    value = raw.isoformat() if isinstance(raw, date) else str(raw)
    if value[:1] == "'" and value[1:2] in FORMULA_STARTS:
        # Our export (and the OWASP advice) put an apostrophe before text a spreadsheet
        # would run as a formula; the text itself starts after it.
        value = value[1:]
    value = value.strip(_SPACES)
    return value or None


_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}


def _chinese_number(value: str) -> int | None:
    """一 .. 九十九, as written in 份数 (三份) or 时限 (十五个工作日)."""
    if not value or any(c not in "零一二两三四五六七八九十" for c in value):
        return None
    value = value.replace("两", "二")
    if "十" not in value:
        return _CN_DIGITS[value] if len(value) == 1 else None
    tens, _, ones = value.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def number(value: str) -> int | None:
    """``5``, ``5``, ``五``, ``十五`` -> the integer; anything else -> None."""
    value = narrow(value)
    if value.isdigit():
        return int(value)
    return _chinese_number(value)


def integer(raw: Raw) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        return int(raw) if raw.is_integer() else None
    value = text(raw)
    if value is None:
        return None
    value = re.sub(r"(份|次|个)$", "", narrow(value))
    return number(value)


_ON_THE_SPOT = ("当场办结", "即时办结", "当场", "即办", "立即办结", "当即办结")
_LIMIT = re.compile(
    r"^(?P<n>[0-9零一二两三四五六七八九十]+)\s*(?:个)?\s*(?P<unit>工作日|自然日|日|天)?$"
)


@dataclass(frozen=True)
class Limit:
    days: int
    unit: str | None  # 工作日 / 自然日, or None when the text gives none


def limit(raw: Raw) -> Limit | Unreadable | None:
    """``5``, ``5个工作日``, ``5日`` (a 日 is a calendar day unless the law says 工作日),
    ``当场办结`` (0).  A range or words are refused."""
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        days = integer(raw)
        if days is None or days < 0:
            return Unreadable(str(raw), "import-limit-text", f"时限“{raw}”不是整天数")
        return Limit(days, None)
    value = text(raw)
    if value is None:
        return None
    compact = re.sub(r"\s+", "", narrow(value))
    if compact in _ON_THE_SPOT:
        return Limit(0, None)
    match = _LIMIT.match(compact)
    if not match or number(match["n"]) is None:
        return Unreadable(value, "import-limit-text", f"时限“{value}”无法解析")
    unit = match["unit"]
    days = number(match["n"])
    assert days is not None
    return Limit(days, {"工作日": "工作日", None: None}.get(unit, "自然日"))


def unit(raw: Raw) -> str | Unreadable | None:
    value = text(raw)
    if value is None:
        return None
    if value in ("工作日", "个工作日"):
        return "工作日"
    if value in ("自然日", "日", "天", "个自然日"):
        return "自然日"
    return Unreadable(value, "import-limit-unit", f"时限单位“{value}”不是工作日或自然日")


def flag(raw: Raw) -> bool | Unreadable | None:
    """是/否 and the usual spellings of yes and no."""
    value = text(raw)
    if value is None:
        return None
    folded = narrow(value).lower()
    if folded in ("是", "y", "yes", "1", "true", "收费", "有"):
        return True
    if folded in ("否", "n", "no", "0", "false", "不收费", "无", "免费"):
        return False
    return Unreadable(value, "import-flag", f"“{value}”不是“是”或“否”")


def day(raw: Raw) -> date | Unreadable | None:
    """A date cell, an Excel serial number, or text as 2026-01-01, 2026/1/1, 2026.1.1 or
    2026年1月1日."""
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        if 1 <= raw < 2958466 and float(raw).is_integer():
            return EXCEL_EPOCH + timedelta(days=int(raw))
        return Unreadable(str(raw), "import-date", f"日期“{raw}”无法解析")
    value = text(raw)
    if value is None:
        return None
    match = re.fullmatch(
        r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?", narrow(value)
    )
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            pass
    if narrow(value).isdigit():
        return day(int(narrow(value)))
    return Unreadable(value, "import-date", f"日期“{value}”无法解析")


def code(raw: Raw, *, length: int | None) -> str | Fixed | Unreadable | None:
    """A 基本编码 (``length`` 12) or 实施编码 (``None``: 12 to 40 characters).

    A number is a code Excel converted: exact below 2**53, so a 12-digit code only lost its
    leading zeros and gets them back; above that the last digits are gone for good.
    """
    if (isinstance(raw, float) and not raw.is_integer()) or (
        isinstance(raw, int | float) and not isinstance(raw, bool) and abs(raw) >= 2**53
    ):
        shown = repr(raw) if isinstance(raw, float) else str(raw)
        return Unreadable(
            shown,
            "import-code-float",
            f"编码“{shown}”被表格存成了数字,末几位已经丢失;请从原系统复制文本格式的编码",
        )
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        digits = str(int(raw))
        if length and len(digits) < length:
            return Fixed(
                digits.zfill(length),
                "import-code-number",
                f"编码被表格存成了数字“{digits}”,已补足前导零为“{digits.zfill(length)}”",
            )
        return digits
    typed = text(raw)
    if typed is None:
        return None
    value = re.sub(r"\s+", "", narrow(typed)).upper()
    if re.fullmatch(r"\d(\.\d+)?E\+\d+", value):
        return Unreadable(
            typed,
            "import-code-float",
            f"编码“{typed}”是科学计数法,末几位已经丢失;请从原系统复制文本格式的编码",
        )
    if value.isdigit() and length and len(value) < length:
        return code(int(value), length=length)  # a CSV saved from a sheet that held a number
    return value


_PHONE = re.compile(r"(?:\(?0\d{2,3}\)?[- ]?)?\d{7,8}(?:-\d{1,6})?|1[3-9]\d{9}|123\d{2}|96\d{3,6}")


def phone(raw: Raw) -> str | Fixed | Unreadable | None:
    """A phone number; one stored as a number gets its leading 0 and area-code hyphen back
    (area codes 010 and 02x have three digits, the others four)."""
    if isinstance(raw, str) and re.fullmatch(r"[1-9]\d{8,10}", narrow(raw).strip(_SPACES)):
        raw = int(narrow(raw))  # a number Excel wrote into a CSV file without its 0
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        if isinstance(raw, float) and not raw.is_integer():
            return Unreadable(str(raw), "import-phone", f"电话“{raw}”无法解析")
        digits = str(int(raw))
        if len(digits) <= 8 or (len(digits) == 11 and digits[0] == "1"):
            return digits
        area = 3 if digits[0] == "1" or digits[0] == "2" else 4
        fixed = "0" + digits[: area - 1] + "-" + digits[area - 1 :]
        return Fixed(
            fixed, "import-phone-number", f"电话号码被存成了数字“{digits}”,已补回“0”:{fixed}"
        )
    value = text(raw)
    if value is None:
        return None
    value = narrow(value).replace("\uff08", "(").replace("\uff09", ")")
    found = _PHONE.findall(value)
    if len(found) == 1 and re.fullmatch(r"[\D]{0,12}" + re.escape(found[0]) + r"[\D]{0,4}", value):
        return str(found[0])
    return Unreadable(value, "import-phone", f"“{value}”不是一个电话号码")


_SEPARATED = r"(?:^|(?<=[\n;\uff1b\u3002,\uff0c\s]))"


def _marker(k: int) -> str:
    circled = chr(0x245F + k) if k <= 20 else "@@"
    return rf"(?:{_SEPARATED}{k}\s*[.\u3001\uff0e:\uff1a]|[(\uff08]{k}[)\uff09]|{circled})"


def numbered(raw: Raw, *, split_plain: bool = False) -> list[str]:
    """``1.身份证原件1份;2.户口簿复印件1份`` or ``1.xx`` / ``2.xx`` on lines -> the entries,
    without their numbers.  Only the numbers 1, 2, 3 ... in sequence split, so a 3.5 or a
    "第2条" inside an entry stays in it.  An unnumbered cell is one entry, or with
    ``split_plain`` one per line or semicolon (a material list)."""
    value = text(raw)
    if value is None:
        return []
    value = narrow(value)
    lines = value.split("\n")
    heads = [re.match(r"\s*" + _marker(n) + r"\s*", line) for n, line in enumerate(lines, 1)]
    if len(lines) > 1 and all(heads):
        # One numbered entry per line (our own export): the lines decide, whatever the text.
        return [line[h.end() :].strip(_SPACES) for line, h in zip(lines, heads, strict=True) if h]
    first = re.match(r"\s*" + _marker(1) + r"\s*", value)
    if not first:
        parts = re.split(r"[\n;\uff1b]+", value) if split_plain else [value]
        return [p.strip(_SPACES) for p in parts if p.strip(_SPACES)]
    entries: list[str] = []
    start, k = first.end(), 2
    while True:
        nxt = re.compile(_marker(k) + r"\s*", re.M).search(value, start)
        if not nxt:
            entries.append(value[start:])
            break
        # The separator before the next number belongs to neither entry.
        entries.append(re.sub("[;\uff1b]$", "", value[start : nxt.start()].rstrip(_SPACES)))
        start, k = nxt.end(), k + 1
    return [e.strip(_SPACES) for e in entries if e.strip(_SPACES)]
