"""`summarizer cache info|clear`."""

from __future__ import annotations

from summarizer.model.cache import AnswerCache
from summarizer.settings import resolve_settings
from summarizer.cli.options import stdout_console

HELP = "Inspect or clear the answer cache."


def _cache() -> AnswerCache:
    settings, _ = resolve_settings({})
    return AnswerCache(settings.cache_path / "answers.sqlite3")


def info_cmd() -> None:
    """Where the cache is, how many answers it holds, per prompt."""
    info = _cache().info()
    console = stdout_console()
    console.print(f"{info.path}: {info.entries} answer(s), {info.size_bytes / 1024:.0f} KiB")
    for prompt, n in sorted(info.by_prompt.items()):
        console.print(f"  {prompt}: {n}")


def clear_cmd() -> None:
    """Delete every cached answer."""
    n = _cache().clear()
    stdout_console().print(f"removed {n} cached answer(s)")
