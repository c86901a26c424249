"""--width is a number of columns, at least 20: a narrower one (0 printed nothing at all, exit 0;
1 dropped every Chinese character) is refused before any work, with one line and exit 2, by
every command that has the option."""

from __future__ import annotations

import inspect

import pytest
from typer.testing import CliRunner

from summarizer.cli import app

from tests.conftest import SEED_FILES

SEED = str(SEED_FILES[0])


def _commands_with_width() -> set[str]:
    return {c.name for c in app.registered_commands if "width" in inspect.signature(c.callback).parameters}


def test_every_command_with_the_option_is_covered():
    assert _commands_with_width() == {"summarize", "sections", "batch", "compare", "eval", "quality", "track", "series"}


@pytest.mark.parametrize("width", ["0", "-3", "19"])
@pytest.mark.parametrize(
    "args",
    [
        ["summarize", SEED, "--no-model"],
        ["sections", SEED],
        ["batch", "seeds", "-o", "{out}", "--no-model"],
        ["compare", "{out}"],
        ["eval", "--no-model"],
        ["quality", "{out}"],
        ["track", SEED],
        ["series", SEED],
    ],
    ids=lambda a: a[0] if isinstance(a, list) else a,
)
def test_a_width_below_one_is_refused(args, width, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(app, [a.replace("{out}", str(out)) for a in args] + ["--width", width])
    assert result.exit_code == 2, result.output
    assert result.output.strip().splitlines() == [f"error: --width {width}: a view needs at least 20 columns"]
    assert not out.exists()  # refused before any work: batch wrote nothing


def test_the_narrowest_width_prints_the_brief():
    result = CliRunner().invoke(app, ["summarize", SEED, "--no-model", "--width", "20"])
    assert result.exit_code == 0 and result.output.startswith("光明区 ·") and "no model call needed" in result.output
