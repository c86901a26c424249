"""Commands about the model: `serve` and `doctor`."""

from __future__ import annotations

from dataclasses import replace

import typer
from rich.markup import escape
from rich.table import Table

from ..errors import SummarizerError
from ..llm import discover_endpoint
from ..model_files import INSTALL_HINT, MODEL_FILE_NAME, ModelSpec, is_verified, models_dir, part_paths
from ..server import EmbeddedServer, local_extra_missing, port_is_free
from ..settings import EMBEDDED_MODEL, resolve_settings
from .app import app
from .boundary import command
from .options import model_options, settings_from, stdout_console

DEFAULT_SERVE_PORT = 8765


@command(app, "serve")
@model_options("model_path", "threads", "n_ctx", "port")
def serve_cmd(flags: dict = None) -> None:  # type: ignore[assignment]
    """Run the embedded model server in the foreground, for reuse across runs (Ctrl-C stops it)."""
    if flags["port"] is None:
        flags["port"] = DEFAULT_SERVE_PORT if port_is_free(DEFAULT_SERVE_PORT) else 0
    settings = replace(settings_from(**flags), base_url=None)  # serve is the embedded server, whatever else is set
    err = stdout_console()
    err.soft_wrap = True
    err.print("starting the embedded model server …")
    with EmbeddedServer(settings) as server:
        err.print(f"[green]ready[/] in {server.started_in:.1f} s · model {escape(server.model)} · log {escape(str(server.log_path))}")
        err.print(f"use it with:  [bold]--base-url {server.base_url}[/]   or   export SUMMARIZER_BASE_URL={server.base_url}")
        try:
            code = server.wait()
        except KeyboardInterrupt:
            err.print("stopping …")
            return
    if code:
        raise typer.Exit(1)


@command(app, "doctor")
@model_options("base_url", "api_key", "model", "mode", "model_path", "threads", "n_ctx")
def doctor_cmd(
    start: bool = typer.Option(False, "--start", help="With the embedded default: start the server once to check it answers"),
    flags: dict = None,  # type: ignore[assignment]  (the model options, see model_options)
) -> None:
    """Show which endpoint would be used and why, whether it answers, and the model files' state."""
    settings, sources = resolve_settings(flags)
    console = stdout_console()
    table = Table(show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column()
    where = settings.base_url or "embedded llama-cpp-python server (started on demand)"
    table.add_row("endpoint", f"{escape(where)}  [dim]({escape(sources['base_url'])})[/]")
    model_name = settings.model or (EMBEDDED_MODEL if settings.embedded else "the server's only model")
    table.add_row("model", f"{escape(model_name)}  [dim]({escape(sources['model'])})[/]")
    table.add_row("mode", f"{settings.mode}  [dim]({escape(sources['mode'])})[/]")
    table.add_row("api key", ("set" if settings.api_key else "not set") + f"  [dim]({escape(sources['api_key'])})[/]")
    table.add_row("cache", escape(str(settings.cache_path)))
    missing = local_extra_missing()
    table.add_row("local extra", "installed" if not missing else f"[yellow]missing: {', '.join(missing)}[/] ({escape(INSTALL_HINT)})")
    if settings.model_path:
        table.add_row("model file", f"{escape(settings.model_path)} (--model-path)")
    else:
        target = models_dir(settings.cache_path) / MODEL_FILE_NAME
        if is_verified(target):
            state = f"assembled and verified: {escape(str(target))}"
        else:
            try:
                part_paths(ModelSpec())
                state = "parts installed; assembled and verified on first use"
            except SummarizerError as exc:
                state = f"[yellow]{escape(exc.message)}[/]"
        table.add_row("model file", state)
    table.add_row("threads / n_ctx", f"{settings.threads} / {settings.n_ctx}")
    ok = True
    if settings.base_url:
        try:
            ep = discover_endpoint(settings.base_url, settings)
            table.add_row("answers", f"[green]yes[/] · model {escape(ep.model)} · mode {ep.mode}" + (" · llama-cpp-python" if ep.llama_cpp else ""))
        except SummarizerError as exc:
            ok = False
            table.add_row("answers", f"[red]no[/]: {escape(exc.message)}")
    elif start:
        try:
            with EmbeddedServer(settings) as server:
                ep = discover_endpoint(server.base_url, settings, embedded=True)
                table.add_row("answers", f"[green]yes[/] · started in {server.started_in:.1f} s · model {escape(ep.model)} · mode {ep.mode}")
        except SummarizerError as exc:
            ok = False
            table.add_row("answers", f"[red]no[/]: {escape(exc.message)}")
    else:
        table.add_row("answers", "[dim]not started (add --start to try it)[/]")
    console.print(table)
    if not ok:
        raise typer.Exit(3)
