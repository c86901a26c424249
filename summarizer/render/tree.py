"""Render a `SectionTree` for the terminal (rich) — used by `summarizer sections`."""

from __future__ import annotations

from rich.console import Console, Group
from rich.tree import Tree

from schemas.document import Section, SectionKind, SectionTree

from summarizer.render.common import print_view, text
from summarizer.render.prose import Prose, parts as fields
from summarizer.render.summary import metadata_text

KIND_STYLE = {
    SectionKind.REVIEW: "green",
    SectionKind.PROBLEMS: "red",
    SectionKind.TARGETS: "magenta",
    SectionKind.TASKS: "cyan",
    SectionKind.OUTLOOK: "yellow",
    SectionKind.REQUIREMENTS: "blue",
    SectionKind.MEASURES: "blue",
    SectionKind.GLOSSARY: "dim",
    SectionKind.OTHER: "dim",
}


def tree_renderable(tree: SectionTree, *, max_level: int = 9) -> Group:
    root = Tree(metadata_text(tree.metadata))
    for s in tree.sections:
        _add(root, s, max_level)
    footer = fields([
        f"{tree.chars:,} chars, {tree.clean_chars:,} after cleaning", f"{len(tree.removed)} chrome line(s) removed",
        f"{tree.damaged_chars} damaged", f"encoding {tree.encoding}",
    ], style="dim")
    parts = [root, footer]
    for w in tree.warnings:
        parts.append(text(f"warning: {w}", style="yellow"))
    return Group(*parts)


def _add(parent: Tree, s: Section, max_level: int) -> None:
    label = Prose()
    label.append(s.path.split(" > ")[-1], style="bold")
    label.append(" ")
    label.append(s.title)
    label.append(f"  [{s.kind.value}]", style=KIND_STYLE[s.kind])
    label.append(f" {s.chars:,}c", style="dim")
    if s.kind == SectionKind.PROBLEMS and s.children:
        label.append(f" · {len(s.children)} items", style="red")
    node = parent.add(label)
    if s.level < max_level:
        for c in s.children:
            _add(node, c, max_level)


def print_tree(tree: SectionTree, console: Console, *, max_level: int = 9) -> None:
    print_view(console, tree_renderable(tree, max_level=max_level))
