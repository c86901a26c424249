"""The command line: a thin layer over the library. Commands live in the modules beside this
one; errors become messages and exit codes in `boundary.run_app` only."""

from __future__ import annotations

from summarizer.cli.app import app, main

__all__ = ["app", "main"]
