"""`sections`: how a report is cleaned and split, as a section tree."""

from __future__ import annotations

import typer

from summarizer.parse.document import parse_document
from summarizer.render.tree import print_tree
from summarizer.cli.options import FileArg, JsonOpt, MaxBytesOpt, WidthOpt, settings_from, stdout_console


def sections_cmd(
    file: FileArg,
    as_json: JsonOpt = False,
    max_bytes: MaxBytesOpt = None,
    depth: int = typer.Option(9, "--depth", help="Show sections down to this level"),
    width: WidthOpt = None,
) -> None:
    """Show how a report is cleaned and split: the section tree with kinds, sizes and warnings."""
    doc = parse_document(file, max_bytes=settings_from(max_bytes=max_bytes).max_bytes)
    if as_json:
        typer.echo(doc.tree.model_dump_json(indent=2))
        return
    print_tree(doc.tree, stdout_console(width), max_level=depth)
