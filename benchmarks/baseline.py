"""The baselines our build is measured against: the same content as a plain Material site.

A site written by hand with Material for MkDocs is what a centre would get without this
generator, so it is the floor to beat.  For a catalogue, :func:`write_site` writes one
Markdown page per item carrying the item's published text (name, summary, basis,
conditions, materials, steps, limits, fees, place, phones, FAQ), plus a home page, and an
``mkdocs.yml`` with Material and its built-in search:

- ``nav``: every item listed in the navigation (the naive site; 1,000 items only, because
  the nav is copied into every page and the site grows with the square of the catalogue);
- ``no-nav``: items outside the navigation, each page still found by Material's search.

Only the standard library, PyYAML and the catalogue loader are used, so the baseline does
not depend on anything of the portal it is compared with.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from generator.catalogue.loaded import load_catalogue


def _lines(value: Any, depth: int = 0) -> Iterable[str]:
    """A model's plain data as nested Markdown lists: the text a reader would see."""
    indent = "    " * depth
    if isinstance(value, dict):
        for key, inner in value.items():
            if inner in (None, [], {}, ""):
                continue
            if isinstance(inner, dict | list):
                yield f"{indent}- **{key}**"
                yield from _lines(inner, depth + 1)
            else:
                yield f"{indent}- **{key}**: {_text(inner)}"
    elif isinstance(value, list):
        for inner in value:
            if isinstance(inner, dict | list):
                yield f"{indent}-"
                yield from _lines(inner, depth + 1)
            else:
                yield f"{indent}- {_text(inner)}"
    else:
        yield f"{indent}- {_text(value)}"


def _text(value: Any) -> str:
    # Markdown would read catalogue text as markup; a hand-written site escapes the same way.
    return str(value).replace("<", "&lt;").replace("*", r"\*").replace("_", r"\_")


SECTIONS = (
    ("summary", "简介"),
    ("basis", "设定依据"),
    ("conditions", "受理条件"),
    ("materials", "申请材料"),
    ("steps", "办理流程"),
    ("time_limit", "办理时限"),
    ("special_procedures", "特别程序"),
    ("fees", "收费"),
    ("result", "办理结果"),
    ("place", "办理地点"),
    ("hours", "办理时间"),
    ("online", "网上办理"),
    ("contact", "咨询和监督电话"),
    ("faq", "常见问题"),
)


def item_markdown(data: dict[str, Any], department: str) -> str:
    out = [f"# {_text(data['name'])}", "", f"实施部门:{_text(department)}", ""]
    for key, heading in SECTIONS:
        value = data.get(key)
        if value in (None, [], {}, ""):
            continue
        out += [f"## {heading}", "", *_lines(value), ""]
    return "\n".join(out)


def write_site(catalogue_dir: Path, out: Path, *, nav: bool) -> int:
    """Write a plain Material project for ``catalogue_dir`` into ``out``; return its pages."""
    catalogue, _ = load_catalogue(catalogue_dir)
    shutil.rmtree(out, ignore_errors=True)
    docs = out / "docs"
    (docs / "items").mkdir(parents=True)
    entries = []
    for item_id, loaded in catalogue.items.items():
        department = catalogue.departments.get(loaded.department_id)
        name = department.name if department else loaded.department_id
        data = loaded.item.model_dump(mode="json", exclude_none=True)
        page = f"items/{item_id}.md"
        (docs / page).write_text(item_markdown(data, name), encoding="utf-8")
        entries.append({loaded.item.name: page})
    (docs / "index.md").write_text("# 办事指南\n\n全部事项见搜索。\n", encoding="utf-8")
    config: dict[str, Any] = {
        "site_name": "办事指南(基准)",
        "site_url": "https://example.gov.cn/",
        "use_directory_urls": True,
        "theme": {"name": "material", "language": "zh", "font": False},
        "plugins": ["search"],
        "nav": [{"首页": "index.md"}, *(entries if nav else [])],
    }
    if not nav:
        config["not_in_nav"] = "/items/\n"
    (out / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=True), encoding="utf-8"
    )
    return len(entries) + 1
