"""The public surface: exported names, the JSON Schema file, prompt files, CLI help."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import summarizer
from schemas import SCHEMA_FILE, document_summary_schema
from summarizer.cli import app
from summarizer.errors import ConfigError
from summarizer.model.prompts import load_prompt


def test_exported_members():
    assert set(summarizer.__all__) == {
        "__version__", "CleanText", "DocumentSummary", "InputError", "ParsedDocument", "RawDocument", "Runtime",
        "Settings", "SummarizerError", "clean_text", "parse_bytes", "parse_document", "read_document",
        "resolve_settings", "summarize_file",
    }
    for name in summarizer.__all__:
        assert hasattr(summarizer, name)


def test_json_schema_file_is_in_sync():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == document_summary_schema(), "run: python -m schemas"


@pytest.mark.parametrize("name", ["review", "tasks"])
def test_prompts_declare_their_variables(name):
    p = load_prompt(name)
    assert p.version and set(p.variables) == {"count", "areas"}
    messages = p.messages(count=1, areas="【1】x")
    assert messages[0]["content"] == p.system and "【1】x" in messages[1]["content"]
    with pytest.raises(ConfigError):
        p.messages(count=1)
    with pytest.raises(ConfigError):
        p.messages(count=1, areas="x", extra="y")


@pytest.mark.parametrize("name", ["review", "tasks"])
def test_calls_of_a_prompt_share_their_prefix(name):
    """Every call of a prompt starts with the same tokens up to the area text, so the server's
    prefix cache skips them after the first call."""
    p = load_prompt(name)
    a = p.messages(count=1, areas="【1】(一)甲")
    b = p.messages(count=1, areas="【1】(二)乙")
    assert a[0] == b[0]
    prefix = a[1]["content"].split("【1】")[0]
    assert len(prefix) > 20 and b[1]["content"].startswith(prefix)


def _commands(group, prefix=()):
    import typer.main

    click_group = typer.main.get_command(group)
    for name, cmd in click_group.commands.items():
        if hasattr(cmd, "commands"):
            for sub, subcmd in cmd.commands.items():
                yield (*prefix, name, sub), subcmd
        else:
            yield (*prefix, name), cmd


def test_every_command_has_help_and_the_error_boundary():
    names = []
    for path, cmd in _commands(app):
        names.append(" ".join(path))
        assert cmd.help and len(cmd.help.strip()) > 10, path
        assert getattr(cmd.callback, "__guarded__", False), path
        result = CliRunner().invoke(app, [*path, "--help"])
        assert result.exit_code == 0
    assert {"sections", "summarize", "batch", "compare", "eval", "serve", "doctor", "cache info", "cache clear"} <= set(names)
