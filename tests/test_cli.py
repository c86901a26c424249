"""The command line as a whole: every command is registered in the one table of `cli.app`."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import summarizer.cli
from summarizer.cli.app import COMMANDS, GROUPS


def test_every_command_function_is_registered():
    """A command module left out of the table would silently never register: none is."""
    registered = set(COMMANDS.values()) | {fn for _help, subs in GROUPS.values() for fn in subs.values()}
    defined = set()
    for info in pkgutil.iter_modules(summarizer.cli.__path__):
        module = importlib.import_module(f"summarizer.cli.{info.name}")
        defined |= {fn for name, fn in inspect.getmembers(module, inspect.isfunction) if name.endswith("_cmd") and fn.__module__ == module.__name__}
    assert defined and defined == registered


def test_command_modules_do_not_import_the_app():
    """Registration happens in one place: no command module reaches back for `app`."""
    for info in pkgutil.iter_modules(summarizer.cli.__path__):
        if info.name in ("app", "__init__"):
            continue
        source = inspect.getsource(importlib.import_module(f"summarizer.cli.{info.name}"))
        assert "cli.app" not in source and "import app" not in source, info.name


def _helps():
    from typer.testing import CliRunner

    from summarizer.cli import app

    for name in [*COMMANDS, *(f"{g} {sub}" for g, (_h, subs) in GROUPS.items() for sub in subs)]:
        result = CliRunner().invoke(app, [*name.split(), "--help"], env={"COLUMNS": "200"})
        assert result.exit_code == 0, name
        yield name, result.output


def test_usage_lines_name_arguments_as_a_reader_expects():
    usage = {name: text.splitlines()[0] for name, text in _helps()}
    assert usage["summarize"] == "Usage: summarizer summarize [OPTIONS] FILE"
    assert usage["batch"] == "Usage: summarizer batch [OPTIONS] FOLDER"
    for name in ("compare", "track", "export", "quality"):
        assert usage[name] == f"Usage: summarizer {name} [OPTIONS] PATHS..."
    for name, text in _helps():
        assert not any(ch in usage[name] for ch in "{}"), usage[name]
        arguments = text.split("Arguments:")[1].split("Options:")[0] if "Arguments:" in text else ""
        assert "<" not in arguments and "list[" not in arguments, (name, arguments)


def test_every_option_names_the_environment_variables_it_reads():
    """--api-key reads SUMMARIZER_API_KEY and OPENAI_API_KEY: its help says both (and so on)."""
    import typer.main

    from summarizer.cli import app
    from summarizer.settings import ENV_VARS

    checked = set()
    for name, cmd in typer.main.get_command(app).commands.items():
        for param in getattr(cmd, "params", []):
            if param.name in ENV_VARS and param.param_type_name == "option":
                for var in ENV_VARS[param.name]:
                    assert var in (param.help or ""), (name, param.name, var)
                checked.add(param.name)
    assert {"api_key", "base_url", "port", "timeout", "workers"} <= checked
