"""The loaded catalogue, its indexes and pure queries (inherited phones, time totals).

``load_catalogue`` reads every file, collects every problem and still returns whatever
loaded, so one broken file never hides the problems of the others.  Its entries are
complete models (pages and exports rely on them); ``check`` loads with ``partial=True``
instead, keeping what validated of a broken file for the rules (see ``partial.py``).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from .diagnostics import Diagnostic, Report, Severity
from .models import (
    FREE,
    ID_PATTERN,
    Centre,
    Chain,
    ChainsFile,
    DayUnit,
    Department,
    DepartmentsFile,
    Item,
    Kind,
    Law,
    LawsFile,
    ParallelSteps,
    Step,
)
from .sources import SourceMap, read_yaml
from .tree import link_problem, scan_items
from .validation import validate
from .windows import ItemWindow, item_windows

M = TypeVar("M", bound=BaseModel)
_ID = re.compile(ID_PATTERN)


@dataclass(frozen=True)
class LoadedItem:
    """An item with what its path says: its id and its department."""

    id: str
    department_id: str
    item: Item
    source: SourceMap
    partial: bool = False  # the item failed its schema: ``item`` holds what validated


@dataclass
class Catalogue:
    root: Path
    centre: Centre | None = None
    departments: dict[str, Department] = field(default_factory=dict)
    laws: dict[str, Law] = field(default_factory=dict)
    items: dict[str, LoadedItem] = field(default_factory=dict)
    chains: dict[str, Chain] = field(default_factory=dict)
    sources: dict[str, SourceMap] = field(default_factory=dict)
    # The top-level files as loaded (lists in file order, for locating diagnostics).
    files: dict[str, BaseModel] = field(default_factory=dict)
    # Top-level files loaded partially, and those whose ids could not all be read.
    partial: set[str] = field(default_factory=set)
    unindexed: set[str] = field(default_factory=set)

    def indexed(self, name: str) -> bool:
        """True when every entry of top-level file ``name`` was read with its id, so an id
        missing from the index is a real dangling reference, not a schema error's echo."""
        return name in self.sources and name not in self.unindexed

    # --- queries used by checks, pages and exports -----------------------------------

    def items_of(self, department_id: str) -> list[LoadedItem]:
        return [i for i in self.items.values() if i.department_id == department_id]

    def department_of(self, loaded: LoadedItem) -> Department | None:
        return self.departments.get(loaded.department_id)

    def enquiry_phone(self, loaded: LoadedItem) -> str | None:
        """The item's own number, else its department's (items may inherit)."""
        department = self.department_of(loaded)
        own = loaded.item.contact.enquiry_phone
        return own or (department.enquiry_phone if department else None)

    def supervision_phone(self, loaded: LoadedItem) -> str | None:
        department = self.department_of(loaded)
        own = loaded.item.contact.supervision_phone
        return own or (department.supervision_phone if department else None)

    def place(self, loaded: LoadedItem) -> str | None:
        if loaded.item.place:
            return loaded.item.place
        windows = self.windows(loaded)
        return "、".join(f"{w.location}({w.name})" for w in windows) or None

    def windows(self, loaded: LoadedItem) -> tuple[ItemWindow, ...]:
        """The windows the item names (or its department's), see ``windows.py``."""
        return item_windows(self.departments, loaded.department_id, loaded.item)

    def hours(self, loaded: LoadedItem) -> str | None:
        return loaded.item.hours or (self.centre.hours if self.centre else None)

    def chains_of(self, item_id: str) -> list[Chain]:
        """The chains (and so the bundles) an item is a stage of, in file order."""
        return [c for c in self.chains.values() if any(item_id in s.items for s in c.stages)]

    def chain_totals(self, chain: Chain) -> tuple[dict[DayUnit, int], dict[DayUnit, int]]:
        """(days if every item ran in series, days with each stage run in parallel), each
        unit summed on its own: 工作日 and 自然日 are never added together."""
        series: dict[DayUnit, int] = {}
        parallel: dict[DayUnit, int] = {}
        for stage in chain.stages:
            for unit, days in stage_days(self, stage.items).items():
                parallel[unit] = parallel.get(unit, 0) + days
            for i in stage.items:
                if i in self.items:
                    promised = self.items[i].item.time_limit.promised
                    series[promised.unit] = series.get(promised.unit, 0) + promised.days
        return series, parallel


def stage_days(catalogue: Catalogue, items: Iterable[str]) -> dict[DayUnit, int]:
    """A stage run in parallel: the longest promise in each unit (with both units, their
    sum bounds the stage, as the page says)."""
    out: dict[DayUnit, int] = {}
    for i in items:
        if i in catalogue.items:
            promised = catalogue.items[i].item.time_limit.promised
            out[promised.unit] = max(out.get(promised.unit, 0), promised.days)
    return out


def is_free(item: Item) -> bool:
    return isinstance(item.fees, str) and item.fees == FREE


def is_on_the_spot(item: Item) -> bool:
    return item.kind is Kind.ON_THE_SPOT


def steps_days(steps: Sequence[Step | ParallelSteps]) -> int:
    """Working days of a procedure: series steps add up, parallel branches take the longest."""
    total = 0
    for step in steps:
        if isinstance(step, ParallelSteps):
            total += max((s.days for s in step.parallel), default=0)
        else:
            total += step.days
    return total


def flat_steps(steps: Iterable[Step | ParallelSteps]) -> list[Step]:
    out: list[Step] = []
    for step in steps:
        out.extend(step.parallel if isinstance(step, ParallelSteps) else [step])
    return out


# --- loading ---------------------------------------------------------------------------


def _display(root: Path, relative: Path) -> str:
    return (root / relative).as_posix()


def _load_model(
    root: Path, name: str, model: type[M], report: Report, *, partial: bool = False
) -> tuple[M | None, SourceMap | None, bool]:
    path = root / name
    file = _display(root, Path(name))
    report.files_checked += 1
    linked = link_problem(root, name)
    if linked is not None:
        report.add(linked)
        return None, None, False
    if not path.is_file():
        report.add(Diagnostic(file, 1, 1, "file-missing", Severity.ERROR, f"缺少文件 {name}。"))
        return None, None, False
    parsed = read_yaml(path, file)
    report.extend(parsed.diagnostics)
    if parsed.data is None:
        return None, parsed.source, False
    instance, diags = validate(model, parsed.data, parsed.source, partial=partial)
    report.extend(diags)
    return instance, parsed.source, bool(diags)


def _index(
    entries: Iterable[tuple[int, str]], source: SourceMap, key: str, what: str
) -> list[Diagnostic]:
    seen: dict[str, int] = {}
    diags = []
    for index, ident in entries:
        if ident in seen:
            diags.append(
                source.diagnostic(
                    "ref-duplicate-id",
                    Severity.ERROR,
                    (key, index, "id"),
                    f"{what} id“{ident}”重复(第 {seen[ident] + 1} 项已使用)。",
                )
            )
        else:
            seen[ident] = index
    return diags


def load_item(
    root: Path, path: Path, *, lazy: bool = False, partial: bool = False
) -> tuple[LoadedItem | None, list[Diagnostic]]:
    """Load one item file ``items/<department>/<id>.yaml`` (``lazy``: see ``read_yaml``;
    ``partial``: keep what validated of an item that fails its schema)."""
    relative = path.relative_to(root)
    file = _display(root, relative)
    diags: list[Diagnostic] = []
    if len(relative.parts) != 3 or path.suffix != ".yaml":
        diags.append(
            Diagnostic(
                file,
                1,
                1,
                "file-layout",
                Severity.ERROR,
                "事项文件应放在 items/<部门 id>/<事项 id>.yaml。",
            )
        )
        return None, diags
    department_id, item_id = relative.parts[1], path.stem
    for ident, what in ((item_id, "事项"), (department_id, "部门目录")):
        if not _ID.match(ident):
            diags.append(
                Diagnostic(
                    file,
                    1,
                    1,
                    "file-bad-id",
                    Severity.ERROR,
                    f"{what} id“{ident}”只能由小写字母、数字和连字符组成(它会成为永久网址)。",
                )
            )
    parsed = read_yaml(path, file, lazy=lazy)
    diags.extend(parsed.diagnostics)
    if parsed.data is None:
        return None, diags
    # Validate even after YAML-level problems so that one run reports everything.
    item, more = validate(Item, parsed.data, parsed.source, partial=partial)
    diags.extend(more)
    if item is None:
        return None, diags
    return LoadedItem(item_id, department_id, item, parsed.source, bool(more)), diags


def item_paths(root: Path) -> list[Path]:
    """The item files to load; :func:`tree.scan_items` also says what else is there."""
    return scan_items(root).paths


def _entries(
    catalogue: Catalogue, name: str, model: BaseModel, key: str, what: str, report: Report
) -> dict[str, Any]:
    """Index a top-level file's list by id; duplicates are reported, the last one kept.

    Entries of a partial file may lack their list or their ids: they stay in
    ``catalogue.files`` for the rules but the file is marked ``unindexed``."""
    entries: list[BaseModel] | None = model.__dict__.get(key)
    if entries is None:
        catalogue.unindexed.add(name)
        return {}
    ids = [entry.__dict__.get("id") for entry in entries]
    if None in ids:
        catalogue.unindexed.add(name)
    pairs = [(index, ident) for index, ident in enumerate(ids) if ident is not None]
    report.extend(_index(pairs, catalogue.sources[name], key, what))
    return {ident: entries[index] for index, ident in pairs}


def load_top_level(root: Path, report: Report, *, partial: bool = False) -> Catalogue:
    """Load centre, departments, laws and chains: the small files every item refers to.

    ``partial``: keep what validated of a file that fails its schema (``check``)."""
    catalogue = Catalogue(root=root)
    lists: dict[str, tuple[type[BaseModel], str, str]] = {
        "departments.yaml": (DepartmentsFile, "departments", "部门"),
        "laws.yaml": (LawsFile, "laws", "法规"),
        "chains.yaml": (ChainsFile, "chains", "审批链"),
    }
    centre, source, broken = _load_model(root, "centre.yaml", Centre, report, partial=partial)
    catalogue.centre = centre
    if source:
        catalogue.sources["centre.yaml"] = source
    if centre is not None:
        catalogue.files["centre.yaml"] = centre
        if broken:
            catalogue.partial.add("centre.yaml")
    for name, (model, key, what) in lists.items():
        instance, source, broken = _load_model(root, name, model, report, partial=partial)
        if instance is None or source is None:
            continue
        catalogue.sources[name] = source
        catalogue.files[name] = instance
        if broken:
            catalogue.partial.add(name)
        setattr(catalogue, key, _entries(catalogue, name, instance, key, what, report))
    return catalogue


def add_item(catalogue: Catalogue, loaded: LoadedItem, report: Report) -> None:
    """Index one item; a second file with the same id is an error, not an overwrite."""
    other = catalogue.items.get(loaded.id)
    if other is not None:
        report.add(
            loaded.source.diagnostic(
                "ref-duplicate-id",
                Severity.ERROR,
                (),
                f"事项 id“{loaded.id}”与 {other.source.file} 重复;事项 id 在全目录必须唯一。",
            )
        )
        return
    catalogue.items[loaded.id] = loaded


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while loading many files.

    Loading allocates millions of small acyclic objects that stay alive; the collector
    rescanned them over and over and doubled the load time of 10,000 items.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


ItemLoader = Callable[[Path, Path], tuple[LoadedItem | None, list[Diagnostic]]]


def load_catalogue(root: Path, *, load: ItemLoader | None = None) -> tuple[Catalogue, Report]:
    """Load everything under ``root`` in this process; every problem lands in the report.

    ``load`` replaces :func:`load_item` (the preview server passes one that remembers).
    """
    report = Report()
    catalogue = load_top_level(root, report)
    tree = scan_items(root)
    report.extend(tree.diagnostics)
    with no_gc():
        for path in tree.paths:
            report.files_checked += 1
            loaded, diags = (load or load_item)(root, path)
            report.extend(diags)
            if loaded is not None:
                add_item(catalogue, loaded, report)
    catalogue.items = dict(sorted(catalogue.items.items()))
    report.items_checked = len(catalogue.items)
    return catalogue, report
