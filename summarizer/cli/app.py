"""The typer application, its entry point, and the one table of its commands.

A command is a plain function in the module named after it (`summarize.py`, `batch.py`, …);
it is registered here, with the error boundary around it, and nowhere else."""

from __future__ import annotations

from typing import Any, Callable

import click
import typer
from typer.core import TyperCommand

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
    series,
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
    "series": series.series_cmd,
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



class Command(TyperCommand):
    """A command whose usage line and help name its arguments as a reader expects — `FILE`,
    `PATHS...`, `[FOLDER]` — not as typer does (`{file}`, `paths... <list[Path]>`)."""

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                pieces.append(_argument(param) if param.required else f"[{_argument(param)}]")
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                arguments.append((_argument(param), record[1]))
            else:
                options.append(record)
        for title, records in (("Arguments", arguments), ("Options", options)):
            if records:
                with formatter.section(title):
                    formatter.write_dl(records)


def _argument(param: click.Parameter) -> str:
    """An argument's name: its metavar, or its name in capitals; `...` where it takes several."""
    name = param.metavar or (param.name or "").upper()
    return name if param.nargs == 1 or name.endswith("...") else f"{name}..."


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
    app.command(_name, cls=Command)(guarded(_fn))
for _name, (_help, _subcommands) in GROUPS.items():
    _group = typer.Typer(help=_help, **_TYPER_SETTINGS)
    for _sub, _fn in _subcommands.items():
        _group.command(_sub, cls=Command)(guarded(_fn))
    app.add_typer(_group, name=_name)


def main() -> None:
    app()
