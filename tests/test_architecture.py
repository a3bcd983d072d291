"""The layout the team agreed on (shared/STYLE.md), checked so it does not erode.

- No import cycles between modules, and none between capability subpackages.
- Only the MkDocs adapter imports MkDocs or Material: the core must survive a move off them.
- The command line is imported by nobody.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports() -> dict[str, set[str]]:
    """Module -> the generator modules and third-party top-level names it imports."""
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        is_pkg = path.name == "__init__.py"
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = name.split(".")
                    base = base if is_pkg else base[:-1]
                    base = base[: len(base) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                found.add(target)
                found.update(f"{target}.{a.name}" for a in node.names)
        graph[name] = {t for t in found if t in modules or not t.startswith("generator")}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt in graph and not state.get(nxt):
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if not state.get(node):
            found = visit(node)
            if found:
                return found
    return None


def _without_parent_packages(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """Importing ``a.b`` runs ``a/__init__``; a submodule importing its own package's
    ``__init__`` (``from . import X``) is the normal registry pattern, not a cycle."""
    return {m: {t for t in ts if not m.startswith(t + ".")} for m, ts in graph.items()}


def test_no_module_import_cycles() -> None:
    assert _cycle(_without_parent_packages(_imports())) is None


def test_no_cycles_between_capabilities() -> None:
    def capability(module: str) -> str:
        return module.split(".")[1] if module.count(".") >= 1 else module

    packages: dict[str, set[str]] = {}
    for module, targets in _imports().items():
        if not module.startswith("generator."):
            continue
        own = capability(module)
        packages.setdefault(own, set()).update(
            capability(t) for t in targets if t.startswith("generator.") and capability(t) != own
        )
    assert _cycle(packages) is None


@pytest.mark.parametrize("engine", ["mkdocs", "material"])
def test_only_the_adapter_imports_the_site_engine(engine: str) -> None:
    users = sorted(
        module
        for module, targets in _imports().items()
        if any(t == engine or t.startswith(engine + ".") for t in targets)
    )
    assert users in ([], ["generator.portal.mkdocs_plugin"])


def test_nothing_imports_the_command_line() -> None:
    users = sorted(m for m, targets in _imports().items() if "generator.cli" in targets)
    assert users in ([], ["generator.__main__"])


def test_the_importer_stays_below_the_portal() -> None:
    """``import`` reads sheets and writes YAML: it may use the catalogue, the checks and the
    open-data column definitions (the one source of column titles), never the site."""
    allowed = {"catalogue", "checks", "opendata", "importer"}
    used = {
        t.split(".")[1]
        for module, targets in _imports().items()
        if module.startswith("generator.importer")
        for t in targets
        if t.startswith("generator.") and t.count(".") >= 1
    }
    assert used <= allowed, used - allowed
