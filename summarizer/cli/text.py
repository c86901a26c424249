"""`text`: the text of a report as read (for a web page, PDF or Word file, the extracted text)."""

from __future__ import annotations

import typer

from summarizer.read.reader import read_document
from summarizer.cli.options import FileArg, MaxBytesOpt, settings_from


def text_cmd(
    file: FileArg,
    max_bytes: MaxBytesOpt = None,
    info: bool = typer.Option(False, "--info", help="Also say on stderr how the text was obtained (format, extractor, encoding, script)"),
) -> None:
    """Print the text of a report as read: for a web page, PDF or Word file, the extracted text.
    Every offset in a summary or a section tree indexes this text."""
    raw = read_document(file, max_bytes=settings_from(max_bytes=max_bytes).max_bytes)
    if info:
        typer.echo(
            f"{raw.path}: format {raw.format} · extractor {raw.extractor} · encoding {raw.encoding} · script {raw.script} · {len(raw.text):,} characters",
            err=True,
        )
    typer.echo(raw.text, nl=not raw.text.endswith("\n"))
