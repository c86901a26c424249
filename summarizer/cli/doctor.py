"""`doctor`: which endpoint would be used and why, whether it answers, the model files' state."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table

from summarizer.model.diagnose import llama_cpp_version
from summarizer.errors import EndpointError, SummarizerError
from summarizer.model.client import discover_endpoint
from summarizer.model.files import INSTALL_HINT, MODEL_FILE_NAME, ModelSpec, is_verified, models_dir, part_paths
from summarizer.model.probe import Speed, measure_speed, seconds_per_report
from summarizer.model.strategies import get_strategy
from summarizer.model.server import EmbeddedServer, local_extra_missing
from summarizer.settings import EMBEDDED_MODEL, Settings, resolve_settings
from summarizer.cli.boundary import report_error
from summarizer.cli.options import model_options, stdout_console


@model_options("base_url", "api_key", "model", "mode", "model_path", "threads", "n_ctx")
def doctor_cmd(
    start: bool = typer.Option(
        True, "--start/--no-start",
        help="With the embedded default: start the server, run its self-test and measure its speed (--no-start: settings only)",
    ),
    flags: dict = None,  # type: ignore[assignment]  (the model options, see model_options)
) -> None:
    """Show which endpoint would be used and why, whether it answers, and the model files' state;
    with the embedded default also its self-test, tokens/s and the build's CPU features."""
    settings, sources = resolve_settings(flags)
    console = stdout_console()
    table = _settings_table(settings, sources)
    failure: SummarizerError | None = None
    if settings.base_url:
        failure = _check_remote(settings, table)
    elif start:
        failure = _check_embedded(settings, table)
    else:
        table.add_row("answers", "[dim]not started (--no-start)[/]")
    console.print(table)
    if failure is not None:
        report_error(failure)
        raise typer.Exit(3)


def _settings_table(settings: Settings, sources: dict[str, str]) -> Table:
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
    table.add_row("model file", _model_file_state(settings))
    table.add_row("threads / n_ctx", f"{settings.threads} / {settings.n_ctx}")
    return table


def _model_file_state(settings: Settings) -> str:
    if settings.model_path:
        return f"{escape(settings.model_path)} (--model-path)"
    target = models_dir(settings.cache_path) / MODEL_FILE_NAME
    if is_verified(target):
        return f"assembled and verified: {escape(str(target))}"
    try:
        part_paths(ModelSpec())
        return "parts installed; assembled and verified on first use"
    except SummarizerError as exc:
        return f"[yellow]{escape(exc.message)}[/]"


def _check_remote(settings: Settings, table: Table) -> SummarizerError | None:
    try:
        ep = discover_endpoint(settings.base_url, settings)  # type: ignore[arg-type]
    except SummarizerError as exc:
        table.add_row("answers", "[red]no[/] (see below)")
        return exc
    table.add_row("answers", f"[green]yes[/] · model {escape(ep.model)} · mode {ep.mode}" + (" · llama-cpp-python" if ep.llama_cpp else ""))
    return None


def _check_embedded(settings: Settings, table: Table) -> SummarizerError | None:
    """Start the embedded server (which runs its one-token self-test), measure prompt and
    generation speed on a short fixed prompt, and show the build's CPU features — also when it
    failed, since a build for the wrong CPU is the commonest reason."""
    server = EmbeddedServer(settings)
    failure: SummarizerError | None = None
    try:
        with server:
            ep = discover_endpoint(server.base_url, settings, embedded=True)
            table.add_row(
                "answers",
                f"[green]yes[/] · started in {server.started_in:.1f} s (self-test {server.self_test_s:.1f} s) · model {escape(ep.model)} · mode {ep.mode}",
            )
            speed = _measure(server)
            table.add_row("speed", _speed_text(speed))
            table.add_row("estimate", _estimate_text(settings, speed))
    except SummarizerError as exc:
        table.add_row("answers", "[red]no[/] (see below)")
        failure = exc
    info = server.system_info()
    if info or failure is None:
        version = llama_cpp_version()
        package = f"llama-cpp-python {escape(version)}" if version else "llama-cpp-python not installed"
        table.add_row("build", f"{package} · {escape(info or 'no CPU feature line in the server log')}")
    return failure


def _measure(server: EmbeddedServer) -> Speed:
    try:
        return measure_speed(server.base_url, model=server.model)
    except EndpointError:
        server.check_alive()  # a crash mid-measurement is explained like any other
        raise


def _estimate_text(settings: Settings, speed: Speed) -> str:
    """Minutes per report on this machine, from the speed just measured and the tokens a report
    of the default style took in the bench."""
    strategy = get_strategy(settings.summary_style)
    prompt, gen = strategy.report_tokens
    if not strategy.uses_model:
        return f"style {strategy.name}: no model call, under a second"
    if not prompt:
        return f"style {strategy.name}: not measured"
    minutes = seconds_per_report(speed, prompt, gen) / 60
    return f"style {strategy.name}: at least [bold]{minutes:.1f}[/] min for a report of {prompt:,} prompt + {gen:,} generated tokens (the mean of the bench's reports)"


def _speed_text(speed: Speed) -> str:
    return (
        f"prompt [bold]{speed.prompt_tps:.1f}[/] tok/s ({speed.prompt_tokens} tokens in {speed.prompt_s:.2f} s) · "
        f"generation [bold]{speed.gen_tps:.1f}[/] tok/s ({speed.gen_tokens} tokens in {speed.gen_s:.2f} s) · fastest of {speed.runs} runs"
    )
