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
