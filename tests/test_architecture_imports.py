"""The import graph of ``src/marsad``, built from the code: no circles, and no layer imports a higher one.

Every ``import``/``from … import`` counts, also those inside functions (a lazy import is still a dependency).
Layers, from the bottom: the core (data model, errors, settings, serialisation), ``text``, ``kb``, ``entities``,
``times``, ``quotes``, ``events``. A layer imports only the core and the layers below it; the store, readers,
exports, evaluation, learning, Spark, web and CLI are above every layer and never imported by one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "marsad"

CORE = {"marsad", "marsad.article", "marsad.errors", "marsad.settings", "marsad.serialize"}
LAYERS = ["text", "kb", "entities", "times", "quotes", "events"]
ABOVE = {"ingest", "store", "export", "eval", "learn", "spark", "web", "cli", "render", "pipeline"}


def _module(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _graph() -> dict[str, set[str]]:
    mods = {_module(p): p for p in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for mod, path in mods.items():
        is_pkg = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = mod.split(".") if is_pkg else mod.split(".")[:-1]
                    base = base[: len(base) - (node.level - 1)]
                    prefix = ".".join(base + ([node.module] if node.module else []))
                else:
                    prefix = node.module or ""
                targets = [f"{prefix}.{a.name}" if f"{prefix}.{a.name}" in mods else prefix for a in node.names]
            for t in targets:
                while t and t not in mods:
                    t = t.rpartition(".")[0]
                if t and t != mod and t.startswith("marsad"):
                    graph[mod].add(t)
    return graph


def _tier(mod: str) -> str:
    parts = mod.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_architecture_imports_have_no_circle() -> None:
    graph = _graph()
    # Tarjan's strongly connected components; a component of two or more modules is a circle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    circles: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                circles.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    assert circles == []


@pytest.mark.parametrize("layer", LAYERS)
def test_architecture_layer_imports_only_lower_layers(layer: str) -> None:
    graph = _graph()
    allowed = set(LAYERS[: LAYERS.index(layer) + 1])
    bad = sorted(
        f"{mod} -> {dep}"
        for mod, deps in graph.items()
        if _tier(mod) == layer
        for dep in deps
        if dep not in CORE and _tier(dep) not in allowed
    )
    assert bad == []


def test_architecture_graph_is_built_from_the_code() -> None:
    graph = _graph()
    assert "marsad.kb.records" in graph["marsad.kb.build"]
    assert "marsad.text.normalize" in graph["marsad.entities.gazetteer"]
    assert all(_tier(m) in {*LAYERS, *ABOVE, ""} or m in CORE for m in graph), sorted(graph)
