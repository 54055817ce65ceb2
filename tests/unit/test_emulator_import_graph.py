"""The emulator's modules import each other without a cycle.

Reads every module of `vco_emulator` as text (`ast`), builds the graph of its imports inside the
package (function-local imports included: a lazy import hides a cycle, it does not remove it;
a package's own `__init__` is not counted as imported by its submodules) and fails naming the
modules of each cycle. The layers (domain <- v1/v2/admin <- app) then stay one-way.
"""

from __future__ import annotations

import ast
from pathlib import Path

import vco_emulator

PACKAGE = Path(vco_emulator.__file__).resolve().parent


def module_files(root: Path) -> dict[str, tuple[Path, bool]]:
    """Dotted module name -> (file, is a package `__init__`) for every module below `root`."""
    modules = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts = parts[:-1]
        modules[".".join(parts)] = (path, is_package)
    return modules


def import_graph(root: Path) -> dict[str, set[str]]:
    """Module -> the modules of the same package it imports."""
    modules = module_files(root)
    top = root.name
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, (path, is_package) in modules.items():
        here = name.split(".") if is_package else name.split(".")[:-1]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = here[: len(here) - node.level + 1] if node.level else []
                target = ".".join([*base, *([node.module] if node.module else [])])
                for alias in node.names:
                    submodule = f"{target}.{alias.name}"
                    graph[name].add(submodule if submodule in modules else target)
            elif isinstance(node, ast.Import):
                graph[name].update(alias.name for alias in node.names)
        graph[name] = {t for t in graph[name] if t in modules and (t == top or t.startswith(top + "."))}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (or a self-import)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for succ in sorted(graph[node]):
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph[node]:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"p.a": {"p.b"}, "p.b": {"p.c"}, "p.c": {"p.a"}, "p.d": {"p.a"}, "p.e": {"p.e"}}
    assert sorted(cycles(graph)) == [["p.a", "p.b", "p.c"], ["p.e"]]


def test_the_graph_sees_relative_lazy_and_package_imports(tmp_path: Path) -> None:
    root = tmp_path / "pkg"
    (root / "sub").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "app.py").write_text("def f():\n    from . import admin\n")
    (root / "admin.py").write_text("from .app import f\nfrom .sub import handler\n")
    (root / "sub" / "__init__.py").write_text("from . import handler\n")
    (root / "sub" / "handler.py").write_text("from ..admin import x\nimport pkg.app\n")
    graph = import_graph(root)
    assert graph["pkg.app"] == {"pkg.admin"}
    assert graph["pkg.admin"] == {"pkg.app", "pkg.sub.handler"}
    assert graph["pkg.sub"] == {"pkg.sub.handler"}
    assert graph["pkg.sub.handler"] == {"pkg.admin", "pkg.app"}
    assert cycles(graph) == [["pkg.admin", "pkg.app", "pkg.sub.handler"]]


def test_the_emulator_has_no_import_cycle() -> None:
    graph = import_graph(PACKAGE)
    assert len(graph) > 40  # every module was read
    found = cycles(graph)
    assert not found, "import cycles in vco_emulator: " + "; ".join(" <-> ".join(c) for c in found)
