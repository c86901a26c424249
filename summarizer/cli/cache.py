"""`summarizer cache info|clear`."""

from __future__ import annotations

import typer

from summarizer.model.cache import AnswerCache
from summarizer.settings import resolve_settings
from summarizer.cli.app import app
from summarizer.cli.boundary import command
from summarizer.cli.options import stdout_console

cache_app = typer.Typer(help="Inspect or clear the answer cache.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(cache_app, name="cache")


def _cache() -> AnswerCache:
    settings, _ = resolve_settings({})
    return AnswerCache(settings.cache_path / "answers.sqlite3")


@command(cache_app, "info")
def cache_info_cmd() -> None:
    """Where the cache is, how many answers it holds, per prompt."""
    info = _cache().info()
    console = stdout_console()
    console.print(f"{info.path}: {info.entries} answer(s), {info.size_bytes / 1024:.0f} KiB")
    for prompt, n in sorted(info.by_prompt.items()):
        console.print(f"  {prompt}: {n}")


@command(cache_app, "clear")
def cache_clear_cmd() -> None:
    """Delete every cached answer."""
    n = _cache().clear()
    stdout_console().print(f"removed {n} cached answer(s)")
