"""The layout the team agreed on (shared/STYLE.md), checked so it does not erode.

- No import cycles between modules, and none between capability subpackages.
- Only the MkDocs adapter imports MkDocs or Material: the core must survive a move off them.
- The command line is imported by nobody.
- Every module under 400 lines: one responsibility a reader can hold in mind.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@functools.cache
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


@functools.cache
def _sources() -> dict[str, str]:
    return {_module(p): p.read_text(encoding="utf-8") for p in sorted(PACKAGE.rglob("*.py"))}


def test_no_build_is_steered_by_banshi_variables() -> None:
    """Builds take explicit arguments: no environment variable of ours is read anywhere
    (the generator with its mkdocs.yml, its tests, its benchmarks, the Makefile)."""
    root = PACKAGE.parent
    files = [
        *PACKAGE.rglob("*.py"),
        *(root / "benchmarks").rglob("*.py"),
        *(root / "tests").rglob("*.py"),
        root / "Makefile",
        *PACKAGE.rglob("*.yml"),
    ]
    pattern = "BANSHI" + "_"  # spelled in two so that this file does not match itself
    users = sorted(
        str(path.relative_to(root))
        for path in files
        if path.is_file() and pattern in path.read_text(encoding="utf-8")
    )
    assert users == []
    assert "!ENV" not in (PACKAGE / "chrome" / "mkdocs.yml").read_text(encoding="utf-8")


_CONTAINERS = (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)
_IMMUTABLE_CALLS = {"TypeVar", "ParamSpec", "NewType", "Path", "frozenset", "tuple"}
_MUTATORS = {"append", "extend", "update", "add", "setdefault", "pop", "clear", "insert"}

ALLOWED_STATE = {
    # Caches of pure functions of their key (what they hold is never handed out changed).
    "generator.catalogue.partial": {"_ADAPTERS"},
    "generator.catalogue.sources": {"_PLAIN_TAGS"},
    "generator.checks.synonyms": {"_CACHE"},
    "generator.checks.text": {"_last"},
    # The rule registry, filled once by the rule modules' decorators at import.
    "generator.checks": {"RULES", "_ITEM_RULES", "_CATALOGUE_RULES"},
    # A fork pool's task, set right before forking so that closures can be tasks.
    "generator.parallel": {"_JOB"},
    # The running build's progress callback, scoped by a context manager.
    "generator.portal.progress": {"_CURRENT"},
}
"""Module-level state that is not a constant, and why.  Anything else is a side channel."""


def _module_state(tree: ast.Module) -> set[str]:
    """Names rebound through ``global``, and module-level objects (``X = Thing()``) or
    containers that code of the module changes (stores into, or calls a method of)."""
    objects: set[str] = set()
    containers: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = {t.id for t in targets if isinstance(t, ast.Name)}
            value = node.value
            if isinstance(value, _CONTAINERS) or (
                isinstance(value, ast.Call)
                and isinstance(value.func, ast.Name)
                and value.func.id in {"dict", "list", "set", "defaultdict"}
            ):
                containers |= names
            elif (
                isinstance(value, ast.Call)
                and isinstance(value.func, ast.Name)
                and value.func.id.lstrip("_")[:1].isupper()
                and value.func.id not in _IMMUTABLE_CALLS
            ):
                objects |= names
    found: set[str] = set()
    for sub in ast.walk(tree):
        if isinstance(sub, ast.Global):
            found.update(sub.names)
        elif isinstance(sub, ast.Subscript | ast.Attribute) and isinstance(sub.ctx, ast.Store):
            if isinstance(sub.value, ast.Name) and sub.value.id in containers | objects:
                found.add(sub.value.id)
        elif (
            isinstance(sub, ast.Call)
            and isinstance(sub.func, ast.Attribute)
            and isinstance(sub.func.value, ast.Name)
            and (
                sub.func.value.id in objects
                or (sub.func.value.id in containers and sub.func.attr in _MUTATORS)
            )
        ):
            found.add(sub.func.value.id)
    return found


def test_no_module_level_mutable_state_but_the_listed() -> None:
    found = {}
    for module, source in _sources().items():
        state = _module_state(ast.parse(source))
        if state:
            found[module] = state
    assert found == ALLOWED_STATE


def test_the_engine_adapter_stays_thin() -> None:
    adapter = PACKAGE / "portal" / "mkdocs_plugin.py"
    assert len(adapter.read_text(encoding="utf-8").splitlines()) <= 150


def test_every_module_is_under_400_lines() -> None:
    """One responsibility per module; a module that grows past 400 lines is doing two things."""
    long = {
        p.relative_to(PACKAGE.parent).as_posix(): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) >= 400
    }
    assert long == {}
