"""The typer application and its entry point."""

from __future__ import annotations

import typer

from summarizer import __version__

app = typer.Typer(
    name="summarizer",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # help texts say [env: …] and [default: …]: text, not markup
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"summarizer {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit"),
) -> None:
    """Structured, verified summaries of Chinese government reports."""


from summarizer.cli import cache, corpus, docs, export, model, series, track  # noqa: E402,F401  (registers the commands)


def main() -> None:
    app()
