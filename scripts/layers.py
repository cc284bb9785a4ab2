#!/usr/bin/env python3
"""Checks that the server's modules form layers: no import circle, and no arrow upward.

Reads `crate::…` paths in server/src (comments and test modules left out), groups them by
module (top-level ones, and http's children one by one), prints the graph with --print, and
fails when modules import each other in a circle or when a lower layer imports a higher one.
The core (crates/core) is held apart by its own Cargo.toml, which has neither axum nor sqlx.
"""

import os
import re
import sys

ROOT = os.path.join(os.path.dirname(__file__), "..", "server", "src")

# Each module's layer; a module may import only its own layer's or lower ones. What is not
# listed is a utility (clock, recent, backoff...), which must import nothing layered.
LAYERS = {
    "store": 1,
    "files": 2, "mail": 2, "webhooks": 2, "tracking": 2, "live": 2,
    "i18n": 2, "presence": 2,
    "http": 3, "workers": 3,
    "cli": 4, "startup": 4,
}


def module_of(path):
    parts = os.path.relpath(path, ROOT)[: -len(".rs")].split(os.sep)
    if parts[0] == "http" and len(parts) > 1 and parts[1] != "mod":
        return "http/" + parts[1]
    return parts[0]


def imports(path):
    text = open(path, encoding="utf-8").read()
    text = text.split("#[cfg(test)]")[0]
    code = "\n".join(l for l in text.splitlines() if not l.strip().startswith("//"))
    found = set()
    for m in re.finditer(r"crate::(\w+)(?:::(\w+))?", code):
        found.add("http/" + m.group(2) if m.group(1) == "http" and m.group(2) else m.group(1))
    return found


def layer(module):
    return LAYERS.get(module.split("/")[0], 0)


def cycles(graph):
    index, low, stack, on, found, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in graph:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in list(graph):
        if v not in index:
            visit(v)
    return found


def main():
    graph = {}
    for folder, _, files in os.walk(ROOT):
        for name in files:
            path = os.path.join(folder, name)
            if not name.endswith(".rs") or module_of(path) in ("lib", "main"):
                continue
            module = module_of(path)
            graph.setdefault(module, set()).update(imports(path) - {module})
    if "--print" in sys.argv:
        for module in sorted(graph):
            print(f"{module} -> {' '.join(sorted(graph[module]))}")
    problems = [f"import circle: {' -> '.join(c)}" for c in cycles(graph)]
    for module, deps in sorted(graph.items()):
        for dep in sorted(deps):
            if layer(dep) > layer(module):
                problems.append(f"upward import: {module} (layer {layer(module)}) uses {dep} (layer {layer(dep)})")
    for problem in problems:
        print(problem)
    if problems:
        sys.exit(1)
    print(f"layers: {len(graph)} modules, no circle, nothing imported from above")


if __name__ == "__main__":
    main()
