"""Materials: one per row of the 申请材料 table, or several in one cell of a one-sheet list.

``1.居民身份证原件1份;2.户口簿复印件1份`` gives two materials, each with its form and copies
read off the end of its name, as a clerk reads them.  The 材料形式 column means 纸质/电子 in
the national table and 原件/复印件 in many provincial sheets; its content decides which.
"""

from __future__ import annotations

import re
from typing import Any

from . import cells
from .choices import EXEMPT_WAYS, FORMS, MEDIA, NECESSITY, SOURCES, choose
from .context import Context
from .reading import Row

Data = dict[str, Any]
_TAIL = re.compile(
    r"^(?P<name>.+?)\s*[((]?\s*(?P<form>原件和复印件|原件及复印件|原件、复印件|原件|复印件)?"
    r"\s*(?P<n>[0-9零一二两三四五六七八九十]+)?\s*份?\s*[))]?[。.]?$"
)


def _split_name(text: str) -> tuple[str, str | None, int | None]:
    """``居民身份证原件1份`` -> (居民身份证, 原件, 1); a name with no such tail is kept whole."""
    match = _TAIL.match(cells.narrow(text))
    if not match or not (match["form"] or match["n"]):
        return text, None, None
    if match["n"] and not match["form"] and "份" not in text:
        return text, None, None  # a number at the end of a name (第2联) is part of it
    copies = cells.number(match["n"]) if match["n"] else None
    return match["name"].strip(), FORMS.get(match["form"] or ""), copies


def _keyed(row: Row, prefix: str) -> Row:
    if not prefix:
        return row
    values = {k[len(prefix) :]: v for k, v in row.values.items() if k.startswith(prefix)}
    letters = {k[len(prefix) :]: v for k, v in row.letters.items() if k.startswith(prefix)}
    return Row(row.number, values, letters, row.sheet, row.file)


def _one(ctx: Context, row: Row, name: str, parsed: bool) -> Data:
    problems = ctx.problems
    form = medium = None
    copies: object = None
    if parsed:
        name, form, copies = _split_name(name)
    for key in ("form", "medium"):
        value = cells.text(row.values.get(key))
        if value is None:
            continue
        if choose(value, FORMS):
            form = choose(value, FORMS)
        elif choose(value, MEDIA):
            medium = choose(value, MEDIA)
        else:
            problems.at(
                row, key, "import-choice", f"材料形式“{value}”不是原件/复印件,也不是纸质/电子"
            )
            form = form or value
    raw_copies = row.values.get("copies")
    if raw_copies is not None:
        copies = cells.integer(raw_copies)
        if copies is None:
            problems.at(row, "copies", "import-material-text", f"份数“{raw_copies}”不是整数")
            copies = cells.text(raw_copies)
    if parsed and form is None:
        problems.at(row, "name", "import-material-text", f"材料“{name}”没有写明原件还是复印件")
    necessity = pick(ctx, row, "necessity", NECESSITY, "材料必要性")
    entry: Data = {
        "name": name,
        "necessity": None if necessity == "必要" else necessity,
        "form": form,
        "copies": copies,
        "medium": medium,
        "source": pick(ctx, row, "source", SOURCES, "来源渠道"),
        "source_note": cells.text(row.values.get("source_note")),
        "blank_form": _form_file(ctx, row, "blank_form"),
        "sample": _form_file(ctx, row, "sample"),
        "when": cells.text(row.values.get("when")),
        "exempt": _exempt(ctx, row),
        "standard": cells.text(row.values.get("standard")),
        "note": cells.text(row.values.get("note")),
    }
    return {k: v for k, v in entry.items() if v is not None}


def pick(ctx: Context, row: Row, key: str, options: dict[str, str], what: str) -> str | None:
    """The option a cell means, or its text as written and an ``import-choice`` error."""
    value = cells.text(row.values.get(key))
    if value is None:
        return None
    found = choose(value, options)
    if found is None:
        ctx.problems.at(row, key, "import-choice", f"{what}“{value}”不是规定的选项")
        return value
    return found


def _form_file(ctx: Context, row: Row, key: str) -> str | None:
    value = cells.text(row.values.get(key))
    if value is not None and value not in ctx.forms_present:
        ctx.missing_forms.append((f"{row.file}:{row.ref(key)}", value))
        ctx.problems.at(
            row,
            key,
            "import-form-missing",
            f"表格文件“{value}”不在目录中,请把文件放到该路径",
            warning=True,
        )
    return value


def material_entries(ctx: Context, item_rows: list[Row], rows: list[Row] | None) -> list[Data]:
    """The item's materials from the 申请材料 table, else from the item rows' material
    columns (a one-sheet list)."""
    out: list[Data] = []
    if rows is not None:
        numbers = [cells.integer(r.values.get("number")) for r in rows]
        if all(n is not None for n in numbers):  # 排序 decides, as it does on the platform
            rows = [r for _, r in sorted(zip(numbers, rows, strict=True), key=lambda p: p[0] or 0)]
        for row in rows:
            name = cells.text(row.values.get("name"))
            if name is None:
                ctx.problems.at(row, "name", "import-missing", "材料行没有材料名称")
                continue
            out.append(_one(ctx, row, name, parsed=row.values.get("form") is None))
        return out
    for item_row in item_rows:
        row = _keyed(item_row, "m.")
        names = cells.numbered(row.values.get("name"), split_plain=True)
        for name in names:
            out.append(_one(ctx, row, name, parsed=len(names) > 1 or "form" not in row.values))
    return out


def _exempt(ctx: Context, row: Row) -> Data | None:
    """免提交方式 and 免提交依据 as ``exempt``; a way without a basis is kept as written so
    that ``check`` reports the missing basis at its place in the YAML."""
    way = cells.text(row.values.get("exempt_way"))
    basis = cells.text(row.values.get("exempt_basis"))
    if way is None and basis is None:
        return None
    out: Data = {"way": pick(ctx, row, "exempt_way", EXEMPT_WAYS, "免提交方式") or way}
    if basis is not None:
        out["basis"] = basis
    return out
