"""Synthetic catalogues for benchmarks and load tests: N realistic items, deterministic.

The demo catalogue is the template: its top-level files and blank forms are copied as they
are, and its items are varied (id, name, codes, days, materials, review date) so that a
10,000-item catalogue looks like real data to the loader, the checks and the site build,
and passes the same rules as the demo.  Only libyaml (when present) and the standard library
are used, because generating 10,000 files must take seconds, not minutes.
"""

from __future__ import annotations

import copy
import random
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml's emitter is several times faster; fall back so a bare install still works
    from yaml import CSafeDumper as _BaseDumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - exercised only without libyaml
    from yaml import SafeDumper as _BaseDumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

DEMO_CATALOGUE = Path(__file__).resolve().parents[2] / "catalogue"

COPIED_FILES = ("centre.yaml", "departments.yaml", "laws.yaml")

DISTRICTS = (
    "示范区",
    "东湖区",
    "西山区",
    "南城区",
    "北港区",
    "高新区",
    "经开区",
    "滨江新区",
    "临湖镇",
    "青石镇",
)

PHONE_KEYS = frozenset({"enquiry_phone", "supervision_phone", "citizen_hotline"})
CODE_KEYS = frozenset({"basic", "implementation"})
EARLIEST_REVIEW = date(2026, 1, 1)

Data = dict[str, Any]


class _Quoted(str):
    """A string written in double quotes: phone numbers and codes must never be plain."""


class _Dumper(_BaseDumper):
    """Safe dumper that never emits anchors and quotes phone numbers and codes."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_quoted(dumper: _Dumper, data: _Quoted) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(data), style='"')


_Dumper.add_representer(_Quoted, _represent_quoted)


def _dump(data: Data) -> str:
    text: str = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        indent=2,
        width=1_000_000,
    )
    return text


def _quote(data: Any, key: str = "") -> Any:
    """Wrap phone numbers and codes so the dumper quotes them, wherever they occur."""
    if isinstance(data, dict):
        return {k: _quote(v, k) for k, v in data.items()}
    if isinstance(data, list):
        return [_quote(v, key) for v in data]
    if isinstance(data, str) and (key in PHONE_KEYS or key in CODE_KEYS):
        return _Quoted(data)
    return data


def _load(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def _demo_items(source: Path) -> list[tuple[str, str, Data]]:
    """(department, id, data) of every demo item, in a stable order."""
    items = []
    for path in sorted((source / "items").glob("*/*.yaml")):
        data = _load(path)
        if isinstance(data, dict):
            items.append((path.parent.name, path.stem, data))
    if not items:
        raise ValueError(f"no items found under {source / 'items'}")
    return items


def _steps(steps: list[Any]) -> list[Data]:
    """Every single step, including those inside parallel branches."""
    flat: list[Data] = []
    for step in steps:
        flat.extend(step.get("parallel", [step]))
    return flat


def _elapsed(steps: list[Any]) -> int:
    """Series add up; parallel branches take the longest."""
    return sum(
        max(branch["days"] for branch in step["parallel"]) if "parallel" in step else step["days"]
        for step in steps
    )


def _vary_days(item: Data, rng: random.Random) -> None:
    """Shorten steps and pick a promise between their total and the demo's promise.

    The demo's promise is already within the statutory limit (in whatever unit), so any
    promise not above it keeps promised <= statutory; an on-the-spot item stays at zero.
    """
    limits = item["time_limit"]
    if item["kind"] == "即办件":
        return
    for step in _steps(item["steps"]):
        days = step["days"]
        step["days"] = rng.randint((days + 1) // 2, days) if days > 0 else 0
    promised = limits["promised"]["days"]
    limits["promised"]["days"] = rng.randint(min(_elapsed(item["steps"]), promised), promised)
    for special in item.get("special_procedures", []):
        days = special["days"]
        special["days"] = rng.randint(max(1, days // 2), days) if days > 0 else 0


def _vary_materials(item: Data, rng: random.Random) -> None:
    """Shuffle the list, vary paper copies, sometimes add an electronic duplicate."""
    materials: list[Data] = item["materials"]
    rng.shuffle(materials)
    for material in materials:
        if material["medium"] == "纸质" and rng.random() < 0.2:
            material["copies"] = 2
    if rng.random() < 0.3:
        extra = copy.deepcopy(rng.choice(materials))
        name = f"{extra['name']}(电子版)"
        if name not in {m["name"] for m in materials}:
            extra["name"] = name
            extra["necessity"] = "非必要"
            extra["medium"] = "电子"
            extra["copies"] = 1
            extra["when"] = "选择网上申报的,上传电子版,可不再提交纸质件。"
            materials.append(extra)


def _vary(base: Data, index: int, seed: int, rng: random.Random) -> Data:
    item = copy.deepcopy(base)
    district = rng.choice(DISTRICTS)
    if rng.random() < 0.5:
        item["name"] = f"{base['name']}({district})"
    else:
        item["name"] = f"{base['name']}(第{index}号)"
    keywords: list[str] = item.setdefault("keywords", [])
    if district not in keywords:
        keywords.append(district)
    basic = f"S{seed % 100:02d}{index:09d}"
    item["codes"] = {
        "basic": basic,
        "implementation": f"1132050000{basic}{rng.randrange(1000):03d}",
    }
    _vary_days(item, rng)
    _vary_materials(item, rng)
    reviewed = item["reviewed"]
    if isinstance(reviewed, date):
        item["reviewed"] = max(EARLIEST_REVIEW, reviewed - timedelta(days=rng.randrange(240)))
    return item


def _chains(source: Path, first_variant: dict[str, str]) -> Data:
    """The demo chains, pointing at the first variant of each demo item that exists."""
    chains = []
    for chain in _load(source / "chains.yaml")["chains"]:
        stages = []
        for stage in chain["stages"]:
            ids = [first_variant[i] for i in stage["items"] if i in first_variant]
            if ids:
                stages.append({**stage, "items": ids})
        if stages:
            chains.append({**chain, "stages": stages})
    return {"chains": chains}


def synthesize(out: Path, items: int, *, seed: int = 0, source: Path | None = None) -> None:
    """Write a synthetic catalogue of ``items`` items into ``out`` (best an empty directory).

    The same ``items`` and ``seed`` always give byte-identical files.  ``source`` is the
    template catalogue, by default the demo catalogue shipped with the project.
    """
    if items < 0:
        raise ValueError("items must not be negative")
    source = DEMO_CATALOGUE if source is None else source
    demo = _demo_items(source)
    out.mkdir(parents=True, exist_ok=True)
    for name in COPIED_FILES:
        shutil.copyfile(source / name, out / name)
    if (source / "synonyms.yaml").is_file():  # optional: search synonyms
        shutil.copyfile(source / "synonyms.yaml", out / "synonyms.yaml")
    forms = source / "forms"
    if forms.is_dir():
        shutil.copytree(forms, out / "forms", dirs_exist_ok=True, copy_function=shutil.copyfile)

    first_variant: dict[str, str] = {}
    made: set[Path] = set()
    for number in range(1, items + 1):
        department, demo_id, base = demo[(number - 1) % len(demo)]
        item_id = f"{demo_id}-s{number:05d}"
        first_variant.setdefault(demo_id, item_id)
        rng = random.Random(seed * 1_000_003 + number)
        data = _quote(_vary(base, number, seed, rng))
        folder = out / "items" / department
        if folder not in made:
            folder.mkdir(parents=True, exist_ok=True)
            made.add(folder)
        with (folder / f"{item_id}.yaml").open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(_dump(data))
    with (out / "chains.yaml").open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(_dump(_chains(source, first_variant)))
