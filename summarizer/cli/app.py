"""The typer application, its entry point, and the one table of its commands.

A command is a plain function in the module named after it (`summarize.py`, `batch.py`, …);
it is registered here, with the error boundary around it, and nowhere else."""

from __future__ import annotations

from typing import Any, Callable

import typer

from summarizer import __version__
from summarizer.cli import (
    batch,
    cache,
    compare,
    doctor,
    eval as eval_,
    export,
    quality,
    sections,
    serve,
    summarize,
    text,
    track,
)
from summarizer.cli.boundary import guarded

#: Every command, in the order `summarizer --help` lists them.
COMMANDS: dict[str, Callable[..., Any]] = {
    "summarize": summarize.summarize_cmd,
    "text": text.text_cmd,
    "sections": sections.sections_cmd,
    "batch": batch.batch_cmd,
    "compare": compare.compare_cmd,
    "track": track.track_cmd,
    "export": export.export_cmd,
    "eval": eval_.eval_cmd,
    "quality": quality.quality_cmd,
    "serve": serve.serve_cmd,
    "doctor": doctor.doctor_cmd,
}
#: Command groups: name → (help, {subcommand: function}).
GROUPS: dict[str, tuple[str, dict[str, Callable[..., Any]]]] = {
    "cache": (cache.HELP, {"info": cache.info_cmd, "clear": cache.clear_cmd}),
}

_TYPER_SETTINGS: dict[str, Any] = {
    "no_args_is_help": True,
    "rich_markup_mode": None,  # help texts say [env: …] and [default: …]: text, not markup
}

app = typer.Typer(name="summarizer", add_completion=False, pretty_exceptions_enable=False, **_TYPER_SETTINGS)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"summarizer {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit"),
) -> None:
    """Structured, verified summaries of Chinese government reports."""


for _name, _fn in COMMANDS.items():
    app.command(_name)(guarded(_fn))
for _name, (_help, _subcommands) in GROUPS.items():
    _group = typer.Typer(help=_help, **_TYPER_SETTINGS)
    for _sub, _fn in _subcommands.items():
        _group.command(_sub)(guarded(_fn))
    app.add_typer(_group, name=_name)


def main() -> None:
    app()
