"""The package's import graph: views depend on the stages, never the other way round, and no
module of render/, aggregate/ or score/ sits on an import cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "summarizer"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph(*, runtime: bool = False) -> dict[str, set[str]]:
    """module → the summarizer modules it imports, at any level (function-level imports count).
    With `runtime`, only what runs: imports under `if TYPE_CHECKING:` do not count, and
    `from summarizer import lexicon` imports the module summarizer.lexicon, not (for this purpose)
    the package's own __init__."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = _typing_only(tree) if runtime else set()
        deps: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                named = [f"{node.module}.{a.name}" for a in node.names]
                targets = [t if t in modules else node.module for t in named] if runtime else [node.module, *named]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            deps |= {t for t in targets if t in modules and t != name}
        graph[name] = deps
    return graph


def _typing_only(tree: ast.AST) -> set[int]:
    """The nodes under `if TYPE_CHECKING:`, which never run."""
    return {
        id(n) for node in ast.walk(tree)
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING"
        for n in ast.walk(node)
    }


def _reaches(graph: dict[str, set[str]], start: str, goal: str) -> bool:
    seen, todo = set(), [start]
    while todo:
        m = todo.pop()
        for d in graph.get(m, ()):
            if d == goal:
                return True
            if d not in seen:
                seen.add(d)
                todo.append(d)
    return False


GRAPH = _graph()
CHECKED = sorted(m for m in GRAPH if m.split(".")[1:2] in (["render"], ["aggregate"], ["score"]))


def test_the_graph_is_read():
    assert "summarizer.render.comparison" in GRAPH["summarizer.cli.compare"]
    assert "summarizer.aggregate.compare" in GRAPH["summarizer.render.comparison"]


@pytest.mark.parametrize("module", CHECKED)
def test_no_import_cycle_through(module):
    cycle = [d for d in GRAPH[module] if _reaches(GRAPH, d, module)]
    assert not cycle, f"{module} imports {cycle}, which import it back"


def test_stages_do_not_import_views():
    views = {m for m in GRAPH if m.startswith("summarizer.render")}
    for module, deps in GRAPH.items():
        if module.startswith(("summarizer.aggregate", "summarizer.score", "summarizer.rules", "summarizer.parse", "summarizer.read", "summarizer.model")):
            assert not deps & views, (module, deps & views)


def test_no_module_of_the_package_is_on_an_import_cycle():
    graph = _graph(runtime=True)
    on_cycle = sorted(m for m in graph if any(_reaches(graph, d, m) for d in graph[m]))
    assert not on_cycle, on_cycle
