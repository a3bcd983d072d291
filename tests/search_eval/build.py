"""Write the evaluation catalogue (``items.yaml``) as a complete catalogue folder.

The demo catalogue is the template: its centre, laws and synonyms are copied, and every
evaluation item is the demo's 劳务派遣经营许可 with its own name, keywords, materials and
result.  Summaries and conditions are the same plain sentence for every item, so that no
text written for the evaluation helps or hurts one item.  ``load()`` gives the queries.
"""

from __future__ import annotations

import copy
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
DEMO = HERE.parent.parent / "catalogue"
TEMPLATE = DEMO / "items" / "rsj" / "labour-dispatch-licence.yaml"
HELD_OUT = 2  # the query of a kind numbered n is held out when n % 3 == HELD_OUT
# ``held: true`` marks a query held out whatever its number: the second batch, written
# before the third tuning pass for the kinds that had only four held-out queries (one
# query was 25 points of a kind's recall). ``held: 3`` is the third batch, written before the
# fourth tuning pass: ``measure.py`` leaves it out unless asked for ``--final``.


@dataclass(frozen=True)
class Query:
    kind: str
    text: str
    expect: tuple[str, ...]
    held_out: bool
    batch: int = 0  # 3: the third held-out batch, measured once at the end


@dataclass(frozen=True)
class EvalItem:
    id: str
    department: str
    name: str
    keywords: tuple[str, ...]
    materials: tuple[str, ...]
    result: str


def _split(field: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in field.split(";") if p.strip())


def items() -> tuple[list[dict[str, str]], list[EvalItem]]:
    data = yaml.safe_load((HERE / "items.yaml").read_text(encoding="utf-8"))
    out = []
    for department, lines in data["items"].items():
        for line in lines:
            parts = [p.strip() for p in line.split("|")] + [""] * 5
            ident, name, keywords, materials, result = parts[:5]
            out.append(
                EvalItem(ident, department, name, _split(keywords), _split(materials), result)
            )
    return data["departments"], out


def queries() -> list[Query]:
    data = yaml.safe_load((HERE / "queries.yaml").read_text(encoding="utf-8"))
    return [
        Query(
            kind,
            str(q["q"]),
            tuple(q["expect"]),
            bool(q.get("held", n % 3 == HELD_OUT)),
            3 if q.get("held") == 3 else 0,
        )
        for kind, entries in data.items()
        for n, q in enumerate(entries)
    ]


def _item(base: dict[str, Any], item: EvalItem, number: int) -> dict[str, Any]:
    data = copy.deepcopy(base)
    data["name"] = item.name
    basic = f"E{number:011d}"
    data["codes"] = {"basic": basic, "implementation": f"11320500{basic}001"}
    data["summary"] = None
    data.pop("summary")
    data["keywords"] = list(item.keywords)
    data["conditions"] = [{"text": "申请人符合法律、法规规定的条件。"}]
    data["refusals"] = []
    data["audience"] = ["自然人", "法人"]
    material = base["materials"][1]
    # Without the base's 免提交 (exempt): a dict shared by every copy would be written as a
    # YAML anchor, which check rejects; the evaluation is about names, not exemptions.
    data["materials"] = [
        {k: v for k, v in material.items() if k not in ("blank_form", "exempt")}
        | {"name": m, "form": "原件"}
        for m in item.materials
    ]
    data["result"] = {**base["result"], "name": item.result or "办理结果"}
    data["faq"] = []
    return data


def write(out: Path) -> Path:
    """Write the catalogue into ``out`` (created); returns ``out``."""
    departments, all_items = items()
    out.mkdir(parents=True, exist_ok=True)
    for name in ("centre.yaml", "laws.yaml", "synonyms.yaml"):
        shutil.copyfile(DEMO / name, out / name)
    demo_departments = yaml.safe_load((DEMO / "departments.yaml").read_text(encoding="utf-8"))
    template = demo_departments["departments"][0]
    written = []
    for n, d in enumerate(departments):
        written.append(
            {
                **template,
                "id": d["id"],
                "name": d["name"],
                "short_name": d["short"],
                "windows": [{"name": f"{d['short']}综合窗口", "location": f"二楼{n + 1}号窗口"}],
                "enquiry_phone": f"0512-6800{n + 30:02d}01",
                "supervision_phone": f"0512-6800{n + 30:02d}99",
            }
        )
    dump = {"allow_unicode": True, "sort_keys": False}
    (out / "departments.yaml").write_text(
        yaml.safe_dump({"departments": written}, **dump), encoding="utf-8"
    )
    (out / "chains.yaml").write_text("chains: []\n", encoding="utf-8")
    base = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    for number, item in enumerate(all_items, 1):
        folder = out / "items" / item.department
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{item.id}.yaml").write_text(
            yaml.safe_dump(_item(base, item, number), **dump), encoding="utf-8"
        )
    return out
