"""Commands about one document: `sections`."""

from __future__ import annotations

import typer

from ..document import parse_document
from ..reader import DEFAULT_MAX_BYTES
from ..render_tree import print_tree
from .app import app
from .boundary import command
from .options import FileArg, JsonOpt, MaxBytesOpt, WidthOpt, stdout_console


@command(app, "sections")
def sections_cmd(
    file: FileArg,
    as_json: JsonOpt = False,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    depth: int = typer.Option(9, "--depth", help="Show sections down to this level"),
    width: WidthOpt = None,
) -> None:
    """Show how a report is cleaned and split: the section tree with kinds, sizes and warnings."""
    doc = parse_document(file, max_bytes=max_bytes)
    if as_json:
        typer.echo(doc.tree.model_dump_json(indent=2))
        return
    print_tree(doc.tree, stdout_console(width), max_level=depth)
