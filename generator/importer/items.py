"""One item from its rows: the 基本信息 row (or the rows of a one-sheet layout) and the rows
of the other tables that carry its 实施编码.

The result is plain data in the key order of :class:`..catalogue.models.Item` (the order
the demo catalogue and ``check`` expect), with defaults left out as staff leave them out.
What cannot be read stays as written, beside a diagnostic; required fields the sheet does
not have stay absent, and ``check`` names them after the import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..opendata import situationcell
from . import cells
from .choices import (
    AUDIENCE,
    ITEM_TYPES,
    KINDS,
    RESULT_TYPES,
    UNSUPPORTED_TYPES,
    choose,
)
from .context import Context
from .layout import FEES, LAWS, MATERIALS, QUESTIONS, SPECIAL, STEPS
from .materials import material_entries, pick
from .procedures import special, steps, whole_number
from .reading import Row
from .registry import slug, valid_id

Data = dict[str, Any]
FREE = "不收费"
_PUNCTUATION = " ;,\u3002\uff1b\uff0c\u3001"
_LIST = re.compile(r"[、,,;\uff0c\uff1b/]+")


@dataclass
class Built:
    department: str
    id: str
    data: Data
    comments: list[str]
    materials: int
    fees: int


def _text(row: Row, key: str) -> str | None:
    return cells.text(row.values.get(key))


class ItemReader:
    def __init__(self, ctx: Context, rows: list[Row], related: dict[str, list[Row]]) -> None:
        self.ctx, self.row, self.rows, self.related = ctx, rows[0], rows, related
        self.problems = ctx.problems
        self.comments: list[str] = []
        self.cited = self._citations()

    # --- citations (法律依据 rows, or 《》 in the text columns) -------------------------

    def _citations(self) -> dict[str, list[Data]]:
        found: dict[str, list[Data]] = {}
        for row in self.related.get(LAWS, []):
            title = _text(row, "title")
            if title is None:
                self.problems.at(row, "title", "import-missing", "法律依据行没有法律名称")
                continue
            use = _text(row, "use") or "设定依据"
            found.setdefault(use, []).append(self._law(row, title, _text(row, "articles")))
        return found

    def _law(self, row: Row, title: str, articles: str | None) -> Data:
        details = {
            "issuer": _text(row, "issuer"),
            "level": _text(row, "level"),
            "effective": self.problems.read(
                row, "effective", cells.day(row.values.get("effective"))
            ),
            "repealed": self.problems.read(row, "repealed", cells.day(row.values.get("repealed"))),
            "url": _text(row, "law_url"),
        }
        number = _text(row, "number")
        law_id = self.ctx.registry.law(title.strip("《》"), number, details, _text(row, "law_id"))
        quoted = _text(row, "text")
        if quoted:
            self.ctx.registry.note_article(law_id, articles or "", quoted)
        citation: Data = {"law": law_id}
        if articles is not None:
            citation["articles"] = articles
        return citation

    def _parse_basis(self, row: Row, key: str) -> list[Data]:
        """``《法规》第N条;《法规》第M条`` -> citations; text without 《》 is kept as a comment."""
        value = _text(row, key)
        if value is None:
            return []
        found = re.findall(r"《([^》]+)》([^《]*)", value)
        if not found:
            self.problems.at(row, key, "import-basis-text", f"依据“{value}”中没有《法规名称》")
            self.comments.append(f"{row.ref(key)} 依据原文:{value}")
            return []
        out = []
        for title, rest in found:
            articles = rest.strip(_PUNCTUATION) or None
            if articles is None:
                self.problems.at(row, key, "import-basis-text", f"《{title}》没有写明具体条款")
            out.append(self._law(row, title, articles))
        return out

    def cited_one(self, use: str) -> Data | None:
        found = self.cited.get(use, [])
        return found[0] if found else None

    # --- the item --------------------------------------------------------------------

    def build(self, item_id: str, department: str) -> Built:
        row = self.row
        data: Data = {"name": _text(row, "name")}
        codes: Data = {}
        for key, out, length in (
            ("basic_code", "basic", 12),
            ("implementation_code", "implementation", None),
        ):
            value = self.problems.read(row, key, cells.code(row.values.get(key), length=length))
            if value is not None:
                codes[out] = value
        data["codes"] = codes
        data["type"] = self._type()
        data["kind"] = pick(self.ctx, row, "kind", KINDS, "办件类型")
        joint = _text(row, "joint_departments")
        if joint:
            data["joint_departments"] = [
                self.ctx.registry.department(n) for n in _LIST.split(joint) if n.strip()
            ]
        windows = _text(row, "windows")
        data["windows"] = [w for w in _LIST.split(windows) if w.strip()] if windows else None
        data["audience"] = self._audience()
        data["summary"] = _text(row, "summary")
        keywords = _text(row, "keywords")
        data["keywords"] = [k for k in re.split("[\u3001]", keywords)] if keywords else None
        data["basis"] = self._basis()
        data["conditions"] = self._conditions()
        data["refusals"] = cells.numbered(row.values.get("refusals")) or None
        quantity = _text(row, "quantity_limit")
        data["quantity_limit"] = None if quantity == "无数量限制" else quantity
        materials = material_entries(self.ctx, self.rows, self.related.get(MATERIALS))
        data["materials"] = materials
        data["steps"] = steps(self.ctx, row, self.related.get(STEPS, []), self.comments)
        data["time_limit"] = {
            "statutory": self._limit("statutory", "法定时限"),
            "promised": self._limit("promised", "承诺时限"),
        }
        data["special_procedures"] = (
            special(self.ctx, row, self.related.get(SPECIAL, []), self.comments, self.cited_one)
            or None
        )
        data["fees"] = self._fees()
        data["result"] = self._result()
        named = [*(data.get("windows") or []), *_step_windows(data.get("steps"))]
        data["place"] = self._inherited(
            "place", self._windows(department, named, data.get("joint_departments"))
        )
        data["hours"] = self._inherited("hours", self.ctx.centre_hours)
        url = _text(row, "online_url")
        data["online"] = {"url": url, "name": _text(row, "online")} if url else None
        visits = self.problems.read(row, "visits", whole_number(row.values.get("visits")))
        data["visits"] = None if visits == 1 else visits
        data["contact"] = self._contact(department) or None
        data["faq"] = [
            {"q": _text(r, "q"), "a": _text(r, "a")} for r in self.related.get(QUESTIONS, [])
        ] or None
        data["reviewed"] = self.problems.read(
            row, "reviewed", cells.day(row.values.get("reviewed"))
        )
        problem = situationcell.apply(_text(row, "situations"), data)
        if problem:
            self.problems.at(row, "situations", "import-situations", problem)
        fees = data["fees"]
        return Built(
            department,
            item_id,
            _clean(data),
            self.comments,
            len(materials),
            len(fees) if isinstance(fees, list) else 0,
        )

    def _type(self) -> str | None:
        value = _text(self.row, "type")
        if value is None:
            return None
        found = choose(value, ITEM_TYPES)
        if found is None:
            other = UNSUPPORTED_TYPES.get(value.zfill(2)) or value
            self.problems.at(
                self.row, "type", "import-choice", f"事项类型“{other}”不是本门户公开的事项类型"
            )
            return value
        return found

    def _audience(self) -> list[str] | None:
        value = _text(self.row, "audience")
        if value is None:
            return None
        out: list[str] = []
        for part in _LIST.split(value):
            found = AUDIENCE.get(part.strip())
            if found is None:
                self.problems.at(
                    self.row, "audience", "import-choice", f"服务对象“{part}”无法归入自然人或法人"
                )
                return [value]
            if found not in out:
                out.append(found)
        return out

    def _basis(self) -> list[Data]:
        """The 法律依据 rows, then the laws the 设定依据 text names that those rows do not
        (both are the sheet's word; a law is cited once)."""
        found = [
            {**c, "role": role}
            for role in ("设定依据", "实施依据")
            for c in self.cited.get(role, [])
        ]
        listed = {c["law"] for c in found}
        for key, role in (("by_law", "设定依据"), ("by_law_impl", "实施依据")):
            for citation in self._parse_basis(self.row, key):
                if citation["law"] not in listed:
                    found.append({**citation, "role": role})
                    listed.add(citation["law"])
        return found

    def _conditions(self) -> list[Data]:
        out = []
        for n, condition in enumerate(cells.numbered(self.row.values.get("conditions")), 1):
            entry: Data = {"text": condition}
            basis = self.cited_one(f"受理条件{n}")
            if basis:
                entry["basis"] = basis
            out.append(entry)
        return out

    def _limit(self, which: str, what: str) -> Data:
        row = self.row
        days_key, unit_key = f"{which}_days", f"{which}_unit"
        read = cells.limit(row.values.get(days_key))
        entry: Data = {}
        column_unit = self.problems.read(row, unit_key, cells.unit(row.values.get(unit_key)))
        if isinstance(read, cells.Unreadable):
            entry["days"] = self.problems.read(row, days_key, read)
        elif read is not None:
            entry["days"] = read.days
            if read.unit and column_unit and read.unit != column_unit:
                self.problems.at(
                    row,
                    unit_key,
                    "import-limit-unit",
                    f"{what}写“{read.unit}”,单位栏却是“{column_unit}”",
                )
            column_unit = column_unit or read.unit
        if column_unit and column_unit != "工作日":
            entry["unit"] = column_unit
        entry["basis"] = self.cited_one(what)
        entry["note"] = _text(row, f"{which}_note")
        return entry

    def _fees(self) -> str | list[Data] | None:
        rows = self.related.get(FEES, [])
        if rows:
            out = []
            for n, r in enumerate(rows, start=1):
                basis = self.cited_one(f"收费项目{n}")
                if basis is None:
                    parsed = self._parse_basis(r, "basis")
                    basis = parsed[0] if parsed else None
                out.append(
                    {
                        "name": _text(r, "name"),
                        "standard": _text(r, "standard"),
                        "basis": basis,
                        "approved_by": _text(r, "approved_by"),
                        "licence": _text(r, "licence"),
                    }
                )
            return out
        charged = self.problems.read(self.row, "free", cells.flag(self.row.values.get("free")))
        text = _text(self.row, "fees")
        if charged is False or (charged is None and text in (None, FREE, "无", "免费")):
            return FREE
        if text is None:
            self.problems.at(
                self.row, "free", "import-missing", "标明收费,但没有收费项目和收费标准"
            )
        return text

    def _result(self) -> Data:
        row = self.row
        return {
            "name": _text(row, "result"),
            "type": pick(self.ctx, row, "result_type", RESULT_TYPES, "审批结果类型"),
            "validity": _text(row, "result_validity"),
            "delivery": _text(row, "delivery"),
        }

    def _windows(
        self, department: str, names: list[str] | None, joint: list[str] | None
    ) -> str | None:
        """The place the portal derives from the item's windows (see catalogue/windows.py):
        a cell equal to it is left out of the YAML, as inherited."""
        registry = self.ctx.registry.departments
        handling = [registry.get(d, {}) for d in dict.fromkeys([department, *(joint or [])])]
        windows = [w for entry in handling for w in entry.get("windows") or []]
        if names:
            found: dict[str, Any] = {}
            for name in names:
                match = next((w for w in windows if w["name"] == name), None)
                if match is not None:
                    found.setdefault(name, match)
            windows = list(found.values())
        else:
            windows = handling[0].get("windows") or []
        return "、".join(f"{w['location']}({w['name']})" for w in windows) or None

    def _inherited(self, key: str, inherited: str | None) -> str | None:
        value = _text(self.row, key)
        return None if value == inherited else value

    def _contact(self, department: str) -> Data:
        """Own numbers only where they differ from the department's.  A department the
        import creates takes its numbers from its first item, as its items share them."""
        registry = self.ctx.registry
        entry = registry.departments.get(department, {})
        out: Data = {}
        for key in ("enquiry_phone", "supervision_phone"):
            value = self.problems.read(self.row, key, cells.phone(self.row.values.get(key)))
            if value is None or value == entry.get(key):
                continue
            if (
                department in registry.new_departments
                and key not in entry
                and isinstance(value, str)
            ):
                entry[key] = value
                continue
            out[key] = value
        return out


def _clean(data: Data) -> Data:
    """Drop the keys left empty (None), recursively, keeping the order."""
    out: Data = {}
    for key, value in data.items():
        if isinstance(value, dict):
            value = _clean(value)
        elif isinstance(value, list):
            value = [_clean(v) if isinstance(v, dict) else v for v in value]
        if value is not None and value != []:  # an empty required list reads as missing
            out[key] = value
    return out


def item_id(ctx: Context, row: Row) -> str:
    wanted = _text(row, "id")
    if wanted and not valid_id(wanted):
        ctx.problems.at(
            row,
            "id",
            "import-choice",
            f"事项标识“{wanted}”只能用小写字母、数字和连字符",
            warning=True,
        )
        wanted = None
    return ctx.registry.item_ids.claim(wanted or slug(_text(row, "name") or "", "sx"))


def _step_windows(steps: Any) -> list[str]:
    """The steps' ``window`` names, parallel branches included (as the portal reads them)."""
    found: list[str] = []
    for entry in steps or []:
        members = entry.get("parallel") if isinstance(entry, dict) else None
        for step in members if isinstance(members, list) else [entry]:
            window = step.get("window") if isinstance(step, dict) else None
            if isinstance(window, str):
                found.append(window)
    return found
