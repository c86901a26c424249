"""`summarizer summarize` end to end (replayed from the recorded cassette of seed 000), and its
error paths: every failure is one clear message and an exit code, never a traceback."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from summarizer.cli import app

from tests.conftest import RECORD_URL, SEED_FILES, recorded
from tests.fakeserver import FakeServer

SEED = str(SEED_FILES[0])


@pytest.fixture
def replay_env(monkeypatch):
    monkeypatch.setenv("SUMMARIZER_BASE_URL", RECORD_URL)
    monkeypatch.setenv("SUMMARIZER_MAX_RETRIES", "0")


def _run(request, args):
    with recorded(request.config, "test_pipeline/000.yaml"):
        return CliRunner().invoke(app, args)


def test_rich_brief(request, replay_env):
    result = _run(request, ["summarize", SEED, "-q", "--width", "120", "--usage"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "光明区 · 计划执行情况与计划 · 2022 → 2023" in out
    assert "主要指标 2022" in out and "增长6.5%" in out and "80.8亿元" in out
    assert "1. 顶尖创新资源导入不足" in out
    assert "2023年目标" in out and "3%以内" in out and "约束性" in out
    assert "2023年任务" in out
    assert "call(s)" in out and "generated tokens" in out
    assert "usage by section" in out and "一 > (一)" in out and "review@4" in out


def test_json_and_markdown_outputs(request, replay_env, tmp_path):
    result = _run(request, ["summarize", SEED, "-q", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["metadata"]["region"] == "光明区" and data["usage"]["calls"] >= 1
    assert all(m["source"]["section_path"] for m in data["headline_metrics"])
    md_path = tmp_path / "brief.md"
    result = _run(request, ["summarize", SEED, "-q", "-o", str(md_path)])
    assert result.exit_code == 0 and "wrote" in result.output
    md = md_path.read_text(encoding="utf-8")
    assert md.startswith("# 光明区 · 计划执行情况与计划") and "| 地区生产总值(GDP) |" in md


def test_second_cli_run_uses_the_cache(request, replay_env):
    assert _run(request, ["summarize", SEED, "-q", "--json"]).exit_code == 0
    with recorded(request.config, "test_pipeline/000.yaml", mode="none") as cassette:
        result = CliRunner().invoke(app, ["summarize", SEED, "-q", "--json"])
    assert result.exit_code == 0
    assert cassette.play_count == 1  # the model listing only: no model call
    usage = json.loads(result.output)["usage"]
    assert usage["calls"] == 0 and usage["cached_units"] > 0


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_dead_server():
    result = CliRunner().invoke(app, ["summarize", SEED, "-q", "--base-url", "http://127.0.0.1:9/v1"])
    assert result.exit_code == 3
    assert "nothing answers at http://127.0.0.1:9/v1" in result.output and "Traceback" not in result.output


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_malformed_reply_shows_attempts_and_output():
    with FakeServer(content="这不是JSON") as fake:
        result = CliRunner().invoke(app, ["summarize", SEED, "-q", "--base-url", fake.base_url])
    assert result.exit_code == 4
    assert "gave no valid" in result.output and "这不是JSON" in result.output and "Traceback" not in result.output


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_an_area_without_a_valid_answer_is_named_and_the_rest_kept(tmp_path):
    bad = {
        "id": "x", "object": "chat.completion", "created": 0, "model": "fake-model",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "这不是JSON"}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
    }
    out = tmp_path / "s.json"
    with FakeServer(script=[(200, {}, bad)] * 2) as fake:
        result = CliRunner().invoke(app, ["summarize", SEED, "-q", "--base-url", fake.base_url, "-o", str(out)])
    assert result.exit_code == 0, result.output
    summary = json.loads(out.read_text(encoding="utf-8"))
    failed = [w for w in summary["warnings"] if "no valid answer from the model" in w]
    assert len(failed) == 1 and failed[0].startswith("area without a summary: 一")
    assert summary["targets"] and summary["problems"]


def test_missing_extra_for_the_embedded_default(monkeypatch):
    from summarizer.model import server

    monkeypatch.setattr(server, "local_extra_missing", lambda: ["llama_cpp"])
    result = CliRunner().invoke(app, ["summarize", SEED, "-q", "--style", "guided"])  # a style that asks the model
    assert result.exit_code == 3
    assert "needs the 'local' extra" in result.output and 'pip install ".[local]"' in result.output


def test_the_embedded_default_picks_by_rule_and_starts_no_server(monkeypatch):
    from summarizer.model import server

    monkeypatch.setattr(server, "local_extra_missing", lambda: ["llama_cpp"])  # nothing to start
    result = CliRunner().invoke(app, ["summarize", SEED, "-q", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["style"] == "rules" and data["usage"]["calls"] == 0 and data["model"] is None
    assert len(data["achievements"]) == 7 and len(data["tasks"]) == 6
    assert all(a["origin"] == "rule" and a["source"]["quote"] for a in data["achievements"])


def test_the_lead_style_shows_each_areas_first_sentences_without_a_model(monkeypatch):
    """--style lead: the baseline pickers are measured against, a strategy like any other."""
    from summarizer.model import server
    from summarizer.model.areas import area_texts
    from summarizer.parse.document import areas, parse_document
    from schemas.document import SectionKind

    monkeypatch.setattr(server, "local_extra_missing", lambda: ["llama_cpp"])  # nothing to start
    result = CliRunner().invoke(app, ["summarize", SEED, "-q", "--json", "--style", "lead"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["style"] == "lead" and data["usage"]["calls"] == 0 and data["model"] is None
    doc = parse_document(SEED)
    first = next(area_texts(doc, s)[0] for s in areas(doc.tree, SectionKind.REVIEW))
    shown = data["achievements"][0]
    assert first.title in first.sentence(0)  # the heading, which is never shown; the next sentence opens the area
    assert shown["origin"] == "rule" and shown["summary"] == first.sentence(1)


def test_bad_file():
    result = CliRunner().invoke(app, ["summarize", "/nonexistent.txt", "-q"])
    assert result.exit_code == 2 and "no such file" in result.output


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_doctor_reports_a_reachable_server():
    with FakeServer(owned_by="me") as fake:
        result = CliRunner().invoke(app, ["doctor", "--base-url", fake.base_url])
    assert result.exit_code == 0, result.output
    assert "answers" in result.output and "yes" in result.output and "flag" in result.output


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_doctor_reports_an_unreachable_server(monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    result = CliRunner().invoke(app, ["doctor"])
    assert result.exit_code == 3
    assert "env:OPENAI_BASE_URL" in result.output and "nothing answers" in result.output


def test_cache_info_and_clear(request, replay_env):
    assert _run(request, ["summarize", SEED, "-q", "--json"]).exit_code == 0
    info = CliRunner().invoke(app, ["cache", "info"])
    assert info.exit_code == 0 and "review@4" in info.output
    cleared = CliRunner().invoke(app, ["cache", "clear"])
    assert cleared.exit_code == 0 and "removed" in cleared.output
    assert "0 answer(s)" in CliRunner().invoke(app, ["cache", "info"]).output
