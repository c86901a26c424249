"""`serve`: the embedded model server in the foreground, for reuse across runs."""

from __future__ import annotations

from dataclasses import replace

import typer
from rich.markup import escape

from summarizer.model.server import EmbeddedServer, port_is_free
from summarizer.cli.options import model_options, settings_from, stdout_console

DEFAULT_SERVE_PORT = 8765


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
