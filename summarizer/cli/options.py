"""Options shared by several commands, declared once, and how they become `Settings`."""

from __future__ import annotations

import functools
import inspect
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Callable, Optional

import typer
from rich.console import Console

from summarizer.cli.boundary import report_error
from summarizer.errors import UsageError
from summarizer.read.formats import SUPPORTED_TEXT
from summarizer.settings import Settings, resolve_settings

if TYPE_CHECKING:
    from schemas.track import VerdictRules

FileArg = Annotated[Path, typer.Argument(help=f"A report: {SUPPORTED_TEXT}; text in UTF-8, UTF-16, GB18030/GBK or Big5, traditional script too; - reads standard input", metavar="FILE")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of the rich view")]
JsonOutOpt = Annotated[bool, typer.Option("--json", help="Print JSON")]
MarkdownOpt = Annotated[bool, typer.Option("--markdown", help="Print Markdown instead of the rich view")]
MaxBytesOpt = Annotated[Optional[int], typer.Option("--max-bytes", help="Refuse files larger than this [default: 2 MB]")]

#: Narrower, a view cannot show a table of Chinese text with its figures whole (a character takes
#: two columns, a figure up to a dozen).
MIN_WIDTH = 20


def _view_width(value: Optional[int]) -> Optional[int]:
    """--width is refused at once when too narrow for a view, as one line, exit 2 (at 0 rich
    printed nothing at all; at 1 it dropped every Chinese character)."""
    if value is not None and value < MIN_WIDTH:
        report_error(UsageError(f"--width {value}: a view needs at least {MIN_WIDTH} columns"))
        raise typer.Exit(UsageError.exit_code)
    return value


WidthOpt = Annotated[Optional[int], typer.Option("--width", help=f"Terminal width for the rich view, in columns (at least {MIN_WIDTH})", callback=_view_width)]
KeepUnverifiedOpt = Annotated[
    bool, typer.Option("--keep-unverified", help="Keep model output whose numbers or quotes are not in the source, marked [unverified]")
]



FORMAT_NAMES = {"json": "JSON", "markdown": "Markdown", "html": "HTML", "csv": "CSV", "jsonl": "JSON Lines"}


def output_option(suffixes: dict[str, str]) -> Any:
    """The -o option of a command that writes these formats (suffix → format)."""
    by_format: dict[str, list[str]] = {}
    for suffix, fmt in suffixes.items():
        by_format.setdefault(fmt, []).append(suffix)
    names = ", ".join(f"{' or '.join(s)} {FORMAT_NAMES.get(f, f)}" for f, s in by_format.items())
    return Annotated[Optional[Path], typer.Option("-o", "--output", help=f"Write to this file; its suffix picks the format: {names} (a format flag must agree)")]


# Where the model is: flag > environment > config file > embedded default.
BaseUrlOpt = Annotated[Optional[str], typer.Option("--base-url", help="OpenAI-compatible endpoint, e.g. http://localhost:8000/v1 [env: SUMMARIZER_BASE_URL, OPENAI_BASE_URL; default: the embedded model]")]
ApiKeyOpt = Annotated[Optional[str], typer.Option("--api-key", help="API key for --base-url [env: SUMMARIZER_API_KEY, OPENAI_API_KEY]")]
ModelOpt = Annotated[Optional[str], typer.Option("--model", help="Model name on the server [env: SUMMARIZER_MODEL]")]
ModeOpt = Annotated[Optional[str], typer.Option("--mode", help="Structured-output mode: auto, json_schema, tools, json [env: SUMMARIZER_MODE]")]
StyleOpt = Annotated[Optional[str], typer.Option("--style", help="auto; rules (the report's own sentences ranked by rule, no model), lead (each area's first sentences, no model), guided (the model chooses among the rule's candidates), extractive (the model picks the report's own sentences) or abstractive (the model writes a sentence) [env: SUMMARIZER_STYLE; auto: rules on the embedded model, abstractive on another endpoint]")]
ModelPathOpt = Annotated[Optional[str], typer.Option("--model-path", help="Another GGUF for the embedded server [env: SUMMARIZER_MODEL_PATH]")]
ThreadsOpt = Annotated[Optional[int], typer.Option("--threads", help="CPU threads for the embedded server [env: SUMMARIZER_THREADS]")]
CtxOpt = Annotated[Optional[int], typer.Option("--n-ctx", help="Context length of the embedded server [env: SUMMARIZER_CTX; default: 4096]")]
PortOpt = Annotated[Optional[int], typer.Option("--port", help="Port of the embedded server [env: SUMMARIZER_PORT; default: a free one]")]
TimeoutOpt = Annotated[Optional[float], typer.Option("--timeout", help="Seconds per model request [env: SUMMARIZER_TIMEOUT; default: 900]")]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Do not read or write the answer cache")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress display")]


_MODEL_OPTIONS: dict[str, tuple[Any, Any]] = {
    "base_url": (BaseUrlOpt, None),
    "api_key": (ApiKeyOpt, None),
    "model": (ModelOpt, None),
    "mode": (ModeOpt, None),
    "style": (StyleOpt, None),
    "model_path": (ModelPathOpt, None),
    "threads": (ThreadsOpt, None),
    "n_ctx": (CtxOpt, None),
    "port": (PortOpt, None),
    "timeout": (TimeoutOpt, None),
    "no_cache": (NoCacheOpt, False),
}


def model_options(*names: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Give a command the shared options that say where the model is (all of them, or `names`).

    The command declares `flags: dict` instead and gets {option: value or None}; it turns them
    into `Settings` with `settings_from(**flags)`. One declaration for every command, so the
    options read and behave the same everywhere."""
    chosen = names or tuple(_MODEL_OPTIONS)

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        sig = inspect.signature(fn, eval_str=True)  # typer reads the annotations from __signature__ as they are
        kept = [p for p in sig.parameters.values() if p.name != "flags"]
        added = [
            inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY, default=_MODEL_OPTIONS[n][1], annotation=_MODEL_OPTIONS[n][0])
            for n in chosen
        ]

        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            flags = {n: kwargs.pop(n, _MODEL_OPTIONS[n][1]) for n in chosen}
            return fn(*args, flags=flags, **kwargs)

        wrapper.__signature__ = sig.replace(parameters=kept + added)  # type: ignore[attr-defined]
        return wrapper

    return decorate


def settings_from(**flags: Any) -> Settings:
    """Settings from the command's flags (None = not given) and the usual lookup order."""
    if flags.pop("no_cache", False):
        flags["use_cache"] = False
    settings, _sources = resolve_settings(flags)
    return settings


def verdict_rules(settings: Settings) -> VerdictRules:
    """The band of 左右 as the settings give it: track, series and compare's "targets kept" judge alike."""
    from schemas.track import VerdictRules  # imported when used, not at the CLI's start

    return VerdictRules(band_points=settings.target_band, band_ratio=settings.target_level_band)


def stdout_console(width: int | None = None) -> Console:
    return Console(width=width, highlight=False, soft_wrap=False)

NoModelOpt = Annotated[
    bool,
    typer.Option("--no-model", help="Rules only: metadata, headline metrics, problems, targets and the section tree, instantly; starts no model server"),
]
