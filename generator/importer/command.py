"""``python -m generator import FILE.xlsx|FILE.csv --out DIR``: read, write, then check.

The stages: open the tables (:mod:`.reading`); read the departments, then index the
side tables by 实施编码; stream the item table, writing each item's YAML as soon as it is
built (so memory holds the side tables, never the catalogue); write ``departments.yaml``
and ``laws.yaml``; run ``check`` on the result.  The report merges the importer's cell
diagnostics and check's, in check's formats; the summary table goes to stdout with the
text format and to stderr otherwise (so JSON stays JSON).  Exit 0 clean, 1 problems, 2
usage (no such file, not a workbook or CSV, no item table, a bad ``--department``).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ..catalogue.diagnostics import FORMATTERS, Diagnostic, Report, Severity
from ..opendata.columns import SHEETS
from . import cells
from .context import Context
from .items import ItemReader, item_id
from .layout import DEPARTMENTS, FLAT, ITEMS, SHEET_NAMES
from .problems import Problems
from .reading import Kept, Row, Table, read_csv, read_workbook
from .registry import Registry, valid_id
from .writing import departments_yaml, item_yaml, laws_yaml, write

SIDE_FILES = {sheet.file for sheet in SHEETS[1:]}
"""Our CSV export's other tables, read with its items.csv."""


@dataclass
class Summary:
    items: int = 0
    materials: int = 0
    fees: int = 0
    laws: int = 0
    departments: int = 0
    cells: int = 0
    repaired: int = 0
    forms: int = 0
    missing_forms: tuple[tuple[str, str], ...] = ()  # (where, path)

    def table(self) -> str:
        rows = [
            ("事项", self.items),
            ("申请材料", self.materials),
            ("收费项目", self.fees),
            ("法律法规", self.laws),
            ("部门", self.departments),
            ("缺少的表格文件", self.forms),
            ("无法读取、需要人工处理的单元格", self.cells),
            ("已读取、请核对的单元格(补回前导零等)", self.repaired),
        ]
        lines = ["导入汇总:", "| 内容 | 数量 |", "| --- | ---: |"]
        lines += [f"| {name} | {n} |" for name, n in rows]
        if self.missing_forms:
            lines += ["", "缺少的表格文件(请放到目录中的这些路径):"]
            lines += [f"- {path}({where})" for where, path in self.missing_forms]
        return "\n".join(lines) + "\n"


class UsageError(Exception):
    """Exit 2: nothing could be imported."""


def _tables(path: Path, shown: str) -> list[Table]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls", ".ods"):
        try:
            return list(read_workbook(path, shown))
        except Exception as exc:  # calamine's errors are many kinds; all mean "not readable"
            raise UsageError(f"无法读取工作簿 {shown}:{exc}") from exc
    if suffix == ".csv":
        found = [read_csv(path, shown)]
        if path.name == "items.csv":  # our own export: the other tables lie beside it
            for name in sorted(SIDE_FILES):
                side = path.with_name(name)
                if side.is_file():
                    found.append(read_csv(side, str(Path(shown).with_name(name))))
        return [t for t in found if t is not None]
    raise UsageError(f"只能导入 .xlsx 或 .csv 文件:{shown}")


def _existing(out: Path) -> tuple[list[Any], list[Any], str | None, set[str]]:
    def entries(name: str, key: str) -> list[Any]:
        try:
            data = yaml.safe_load((out / name).read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            return []
        found = data.get(key) if isinstance(data, dict) else None
        return [e for e in found or [] if isinstance(e, dict) and "id" in e]

    try:
        centre = yaml.safe_load((out / "centre.yaml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        centre = None
    hours = centre.get("hours") if isinstance(centre, dict) else None
    forms = (
        {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
        if out.is_dir()
        else set()
    )
    return entries("departments.yaml", "departments"), entries("laws.yaml", "laws"), hours, forms


def _departments(ctx: Context, table: Table) -> None:
    for row in table:
        name = cells.text(row.values.get("department"))
        if name is None:
            continue
        wanted = cells.text(row.values.get("department_id"))
        dep_id = ctx.registry.department(name, wanted)
        entry = ctx.registry.departments[dep_id]
        for key in ("short_name", "address"):
            if cells.text(row.values.get(key)):
                entry[key] = cells.text(row.values.get(key))
        for key in ("enquiry_phone", "supervision_phone"):
            value = ctx.problems.read(row, key, cells.phone(row.values.get(key)))
            if value is not None:
                entry[key] = value
        window, location = (cells.text(row.values.get(k)) for k in ("window", "location"))
        if window or location:
            windows = entry.setdefault("windows", [])
            if {"name": window, "location": location} not in windows:
                windows.append({"name": window, "location": location})
        entry.setdefault("windows", [])


def _code(ctx: Context, row: Row) -> str | None:
    value = ctx.problems.read(
        row, "implementation_code", cells.code(row.values.get("implementation_code"), length=None)
    )
    return value if isinstance(value, str) else None


def _groups(ctx: Context, table: Table) -> Iterator[list[Row]]:
    """The rows of each item: one row, or (one-sheet layout) a first row and the material
    rows under it that repeat or leave blank its name and code."""
    current: list[Row] = []
    for row in table:
        if table.layout.kind == ITEMS:
            yield [row]
            continue
        name, code = (
            cells.text(row.values.get("name")),
            cells.text(row.values.get("implementation_code")),
        )
        head = current[0] if current else None
        same = head is not None and (
            (name is None and code is None)
            or (
                name == cells.text(head.values.get("name"))
                and code == cells.text(head.values.get("implementation_code"))
            )
        )
        if same:
            current.append(row)
            continue
        if current:
            yield current
        current = [row]
    if current:
        yield current


def _import(tables: list[Table], out: Path, ctx: Context, summary: Summary) -> None:
    main = next((t for t in tables if t.layout.kind in (ITEMS, FLAT)), None)
    if main is None:
        raise UsageError("找不到事项表:需要有“事项名称”“实施编码”等表头的工作表")
    for table in tables:
        if table.unknown:
            ctx.problems.diagnostics.append(_unknown(table))
    for table in tables:
        if table.layout.kind == DEPARTMENTS:
            _departments(ctx, table)
    related: dict[str, dict[str, list[Kept]]] = {}
    for table in tables:
        if table.layout.kind in SHEET_NAMES and table.layout.kind not in (ITEMS, DEPARTMENTS):
            keys = tuple(k for k in table.keys if k)
            for row in table:
                code = _code(ctx, row)
                if code is not None:
                    kept = Kept.of(row, keys)
                    related.setdefault(code, {}).setdefault(table.layout.kind, []).append(kept)
    seen: set[str] = set()
    for rows in _groups(ctx, main):
        row = rows[0]
        code = _code(ctx, row)
        name = cells.text(row.values.get("name"))
        department = ctx.department or cells.text(row.values.get("department"))
        missing = [
            (key, what)
            for key, what, value in (
                ("name", "事项名称", name),
                ("implementation_code", "实施编码", code),
                ("department", "实施主体", department),
            )
            if value is None
        ]
        for key, what in missing:
            if key != "implementation_code" or row.values.get(key) is None:
                ctx.problems.at(row, key, "import-missing", f"{what}为空,本行未导入")
        if missing or code is None:
            continue
        if code in seen:
            ctx.problems.at(
                row, "implementation_code", "import-duplicate", f"实施编码“{code}”重复,本行未导入"
            )
            continue
        seen.add(code)
        assert department is not None
        dep_id = ctx.department or ctx.registry.department(
            department, cells.text(row.values.get("department_id"))
        )
        named = cells.text(row.values.get("department"))
        entry = ctx.registry.departments[dep_id]
        if named and entry["name"] == dep_id and dep_id in ctx.registry.new_departments:
            entry["name"] = named  # a new --department takes its name from the sheet
        side = {kind: [k.row() for k in kept] for kind, kept in related.pop(code, {}).items()}
        built = ItemReader(ctx, rows, side).build(item_id(ctx, row), dep_id)
        write(
            out / "items" / built.department / f"{built.id}.yaml",
            item_yaml(built.data, built.comments),
        )
        summary.items += 1
        summary.materials += built.materials
        summary.fees += built.fees
    for code, kinds in sorted(related.items()):
        for kind, orphans in kinds.items():
            ctx.problems.at(
                orphans[0].row(),
                "implementation_code",
                "import-orphan",
                f"{kind}表中实施编码“{code}”在事项表中找不到",
            )


def write_catalogue(source: Path, shown: str, target: Path, ctx: Context, summary: Summary) -> None:
    """Read ``source`` and write its items, departments and laws under ``target`` (the
    stage before the check; ``benchmarks/importer.py`` measures it on its own)."""
    _import(_tables(source, shown), target, ctx, summary)
    registry = ctx.registry
    write(target / "departments.yaml", departments_yaml(list(registry.departments.values())))
    write(target / "laws.yaml", laws_yaml(list(registry.laws.values()), registry.law_notes))


def _unknown(table: Table) -> Diagnostic:
    where = f"{table.name}!A{table.header_row}" if table.name else f"A{table.header_row}"
    return Diagnostic(
        table.file,
        table.header_row,
        1,
        "import-column-unknown",
        Severity.WARNING,
        f"未导入的栏目:{'、'.join(table.unknown)}",
        cell=where,
    )


def run_import(
    source: Path, out: Path, *, department: str | None, dry_run: bool, fmt: str, as_of: date
) -> int:
    from ..checks.pipeline import check_report

    shown = str(source)
    if not source.is_file():
        print(f"文件不存在:{shown}", file=sys.stderr)
        return 2
    if department is not None and not valid_id(department):
        print(f"--department 只能用小写字母、数字和连字符:{department}", file=sys.stderr)
        return 2
    departments, laws, hours, forms = _existing(out)
    registry = Registry()
    registry.add_existing(departments, laws)
    ctx = Context(registry, Problems(), department, hours, forms)
    if department is not None and department not in registry.departments:
        registry.departments[department] = {"id": department, "name": department}
        registry.new_departments.add(department)
    summary = Summary()
    with tempfile.TemporaryDirectory(prefix="import-") as scratch:
        target = Path(scratch) / "catalogue" if dry_run else out
        if dry_run and out.is_dir():
            shutil.copytree(out, target)
        target.mkdir(parents=True, exist_ok=True)
        try:
            write_catalogue(source, shown, target, ctx, summary)
        except UsageError as exc:
            print(exc, file=sys.stderr)
            return 2
        report = check_report(target, as_of=as_of)
    if dry_run:
        report = _relocated(report, f"{Path(scratch) / 'catalogue'}", str(out))
    report.extend(ctx.problems.diagnostics)
    summary.laws, summary.departments = len(registry.laws), len(registry.departments)
    summary.cells, summary.repaired = (
        ctx.problems.cells(errors=True),
        ctx.problems.cells(errors=False),
    )
    summary.forms = len({p for _, p in ctx.missing_forms})
    summary.missing_forms = tuple(ctx.missing_forms)
    sys.stdout.write(FORMATTERS[fmt](report))
    (sys.stdout if fmt == "text" else sys.stderr).write(summary.table())
    return report.exit_code()


def _relocated(report: Report, scratch: str, out: str) -> Report:
    moved = Report(files_checked=report.files_checked, items_checked=report.items_checked)
    moved.extend(
        replace(d, file=out + d.file[len(scratch) :]) if d.file.startswith(scratch) else d
        for d in report.diagnostics
    )
    return moved
