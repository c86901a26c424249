"""The one place where errors become messages and exit codes.

Every command is registered (in `app`) wrapped in `guarded`: a `SummarizerError` is printed as
one message (with its hint, server log tail or last model output) and the command exits with
the error's exit code; Ctrl-C exits with 130.
"""

from __future__ import annotations

import functools
from typing import Any, Callable

import typer
from rich.console import Console
from rich.markup import escape

from summarizer.errors import SummarizerError


def err_console() -> Console:
    # Made per call so that tests capturing stderr see the output.
    return Console(stderr=True, highlight=False)


def report_error(exc: SummarizerError, console: Console | None = None) -> None:
    console = console or err_console()
    console.print(f"[bold red]error:[/] {escape(exc.message)}", soft_wrap=True)
    tail = getattr(exc, "log_tail", "")
    if tail:
        console.print("[dim]last lines of the server log:[/]")
        console.print(tail, markup=False, highlight=False, soft_wrap=True)
    last = getattr(exc, "last_output", None)
    if last:
        console.print(f"[dim]last model output ({getattr(exc, 'attempts', '?')} attempt(s)):[/]")
        console.print(last[:2000], markup=False, highlight=False, soft_wrap=True)
    if exc.hint:
        console.print(f"[dim]hint:[/] {escape(exc.hint)}", soft_wrap=True)


def guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except SummarizerError as exc:
            report_error(exc)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            err_console().print("[yellow]interrupted[/]")
            raise typer.Exit(130) from None

    wrapper.__guarded__ = True  # type: ignore[attr-defined]
    return wrapper
