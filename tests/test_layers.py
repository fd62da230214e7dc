"""The package's imports run one way, function-level imports included (``TYPE_CHECKING`` ones
aside): cli → pipeline/status → workspace → steps → foundation, and no cycle anywhere."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).parent.parent / "src" / "papersum"

LAYERS = {  # higher imports lower, never the other way
    "foundation": 0,  # errors, models, and helpers every step may use
    "steps": 1,  # readinglist, resolve, fetch, extract, summarize, render, suggest, store, …
    "workspace": 2,
    "runs": 3,  # pipeline, status
    "cli": 4,
}
FOUNDATION = {"papersum", "errors", "models", "fsio", "net", "prompts", "titles"}


def layer_of(module: str) -> int:
    name = module.removeprefix("papersum.")
    if module == "papersum" or name in FOUNDATION:
        return LAYERS["foundation"]
    if name == "workspace":
        return LAYERS["workspace"]
    if name in ("pipeline", "runner", "status", "calibrate"):
        return LAYERS["runs"]
    if name in ("cli", "config", "__main__") or name.startswith("cli."):
        return LAYERS["cli"]
    return LAYERS["steps"]


def modules() -> dict[str, Path]:
    found = {}
    for path in SRC.rglob("*.py"):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Every papersum module ``name`` imports, wherever in the file (but under TYPE_CHECKING)."""
    tree = ast.parse(path.read_text())
    skipped = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING"
        for inner in ast.walk(node)
    }
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parents = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parents, base] if base else parents)
            targets = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imports(name, path, set(found)) for name, path in found.items()}


def test_no_module_imports_a_higher_layer() -> None:
    upward = [
        f"{module} → {target}"
        for module, targets in graph().items()
        for target in targets
        if layer_of(target) > layer_of(module)
    ]
    assert upward == []


def test_there_is_no_import_cycle() -> None:
    edges = graph()
    cycles = []
    state: dict[str, str] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for target in sorted(edges[module]):
            if state.get(target) == "open":
                cycles.append(" → ".join([*path[path.index(target) :], target]))
            elif target not in state:
                visit(target, [*path, target])
        state[module] = "done"

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_the_layers_check_would_see_a_cycle() -> None:
    """The checks above read real imports: the CLI does import the pipeline, and the pipeline
    the steps (a checker that saw no edges would pass anything)."""
    edges = graph()
    assert "papersum.pipeline" in edges["papersum.cli"]  # a function-level import
    assert "papersum.workspace" in edges["papersum.pipeline"]
    assert "papersum.summarize.base" in edges["papersum.summarize.extractive"]


def test_no_module_is_over_450_lines() -> None:
    long = {name: n for name, path in modules().items() if (n := len(path.read_text().splitlines())) > 450}
    assert long == {}
