"""Finding the item files under ``items/``, and reporting what is there but is not one.

Every file gets a diagnostic or is read: a file that is silently skipped is a file a
reviewer believes published.  Links are never followed (a catalogue pull request may link
``items/x/y.yaml`` to any file of the build machine), dot-files named like items
(``.hidden.yaml``, ``..yaml``) are reported, and so are folders named like item files.
Other dot-files (``.gitkeep``, ``.DS_Store``) are the tools' business and stay quiet.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic, Severity

_YAML = (".yaml", ".yml")


@dataclass
class ItemTree:
    paths: list[Path] = field(default_factory=list)
    """Regular files to load as items, sorted."""
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _problem(path: Path, code: str, message: str) -> Diagnostic:
    return Diagnostic(path.as_posix(), 1, 1, code, Severity.ERROR, message)


def link_problem(root: Path, relative: str) -> Diagnostic | None:
    """A located ``file-symlink`` if ``root/relative`` or a folder on the way is a link."""
    current = root
    for part in Path(relative).parts:
        current = current / part
        if current.is_symlink():
            return _link(root, current)
    return None


def scan_items(root: Path) -> ItemTree:
    """Walk ``root/items`` without following links."""
    tree = ItemTree()
    items = root / "items"
    if items.is_symlink():
        tree.diagnostics.append(_link(root, items))
        return tree
    if not items.is_dir():
        return tree
    stack = [items]
    while stack:
        folder = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                path = Path(entry.path)
                if entry.is_symlink():
                    tree.diagnostics.append(_link(root, path))
                elif entry.is_dir():
                    if entry.name.endswith(_YAML):
                        tree.diagnostics.append(
                            _problem(
                                path,
                                "file-directory",
                                f"“{entry.name}”是文件夹,不是事项文件;"
                                "事项应是 items/<部门 id>/<事项 id>.yaml 文件。",
                            )
                        )
                    stack.append(path)
                elif entry.name.startswith("."):
                    if entry.name.endswith(_YAML):
                        tree.diagnostics.append(
                            _problem(
                                path,
                                "file-hidden",
                                f"“{entry.name}”以点开头,会被当作隐藏文件跳过,不会检查也不会"
                                "发布;如是事项请改名为 <事项 id>.yaml,不需要请删除。",
                            )
                        )
                elif entry.is_file():
                    tree.paths.append(path)
    tree.paths.sort()
    tree.diagnostics.sort(key=lambda d: d.file)
    return tree


def _link(root: Path, path: Path) -> Diagnostic:
    return _problem(
        path,
        "file-symlink",
        f"“{path.relative_to(root).as_posix()}”是符号链接;目录中的文件和文件夹不能是链接"
        "(无论指向哪里),请提交真实的文件。",
    )
