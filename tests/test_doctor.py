"""`summarizer doctor` with the embedded default: it starts the server (which runs its self-test),
measures prompt and generation tokens/s and shows the build's CPU feature line — and on a server
that dies, says why and how to get out. The server process is the fake server as a stand-in."""

from __future__ import annotations

import sys

import pytest
from typer.testing import CliRunner

from summarizer.model import diagnose
from summarizer.cli import app
from summarizer.cli import doctor as model_cli
from summarizer.model.server import EmbeddedServer

from tests.conftest import ROOT
from tests.fakeserver import SYSTEM_INFO

FAKE = [sys.executable, "-m", "tests.fakeserver", "--port", "{port}", "--system-info"]

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])


def _doctor(monkeypatch, command: list[str], *args: str):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "400")  # one table row per line, whatever the terminal
    monkeypatch.setattr(model_cli, "EmbeddedServer", lambda settings: EmbeddedServer(settings, command=command))
    return CliRunner().invoke(app, ["doctor", *args])


def _row(output: str, name: str) -> str:
    """The text of one row of doctor's table, spaces squeezed."""
    return next(" ".join(line.split()[1:]) for line in output.splitlines() if line.split()[:1] == [name])


def test_doctor_on_a_working_server_measures_speed_and_shows_the_build(monkeypatch):
    monkeypatch.setenv("SUMMARIZER_STYLE", "guided")  # a style that asks the model: minutes estimated
    result = _doctor(monkeypatch, FAKE)
    assert result.exit_code == 0, result.output
    assert _row(result.output, "answers").startswith("yes · started in") and "self-test" in result.output
    speed = _row(result.output, "speed")
    assert speed.startswith("prompt") and "generation" in speed and speed.count("tok/s") == 2
    assert "(100 tokens in" in speed and "(10 tokens in" in speed  # the fake's usage counts
    assert "fastest of 3 runs" in speed
    estimate = _row(result.output, "estimate")  # from the fake's speed and the style's measured tokens
    assert estimate.startswith("style guided: at least ") and " min for a report of " in estimate
    build = _row(result.output, "build")
    assert build.startswith("llama-cpp-python") and SYSTEM_INFO.rstrip(" |") in build


def test_doctor_on_a_server_that_dies_says_why_and_how_to_rebuild(monkeypatch):
    result = _doctor(monkeypatch, FAKE + ["--die", "ill"])
    assert result.exit_code == 3, result.output
    out = " ".join(result.output.split())
    assert "answers no (see below)" in out
    assert "crashed on an illegal instruction (SIGILL) during its start-up self-test" in out
    assert "this llama-cpp-python build uses CPU instructions this machine cannot run" in out
    assert diagnose.reinstall_command() in out
    assert "AVX2 = 1" in out  # the build's CPU features, from the log of the process that died
    assert "tok/s" not in out


def test_doctor_on_a_server_killed_while_measuring(monkeypatch):
    monkeypatch.setattr(diagnose, "read_kernel_log", lambda: None)
    result = _doctor(monkeypatch, FAKE + ["--die", "kill", "--after", "1"])
    assert result.exit_code == 3, result.output
    out = " ".join(result.output.split())
    assert "was killed (SIGKILL) while in use: most often by the out-of-memory killer" in out
    assert "--n-ctx" in out


def test_doctor_says_the_default_style_needs_no_model_call(monkeypatch):
    result = _doctor(monkeypatch, FAKE)
    assert result.exit_code == 0, result.output
    assert _row(result.output, "estimate") == "style rules: no model call, under a second"


def test_doctor_no_start_only_shows_settings(monkeypatch):
    def never(settings):
        raise AssertionError("doctor --no-start must not start a server")

    monkeypatch.setattr(model_cli, "EmbeddedServer", never)
    result = CliRunner().invoke(app, ["doctor", "--no-start"])
    assert result.exit_code == 0, result.output
    assert "not started" in result.output
