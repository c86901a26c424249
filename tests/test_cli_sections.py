"""`summarizer sections`: the rich tree and the JSON form."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from summarizer.cli import app

from tests.conftest import SEED_FILES


def test_sections_tree_shows_kinds_sizes_and_metadata():
    result = CliRunner().invoke(app, ["sections", str(SEED_FILES[0]), "--width", "120"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "光明区 · 计划执行情况与计划 · 2022 → 2023" in out
    assert "(一) 经济高质量发展基础更加牢固  [review]" in out
    assert "问题 存在的问题  [problems]" in out and "4 items" in out
    assert "(二) 约束性指标  [targets]" in out
    assert "chrome line(s) removed" in out


def test_sections_json_round_trips():
    result = CliRunner().invoke(app, ["sections", str(SEED_FILES[1]), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["metadata"]["region"] == "龙岗区"
    kinds = {s["kind"] for s in data["sections"]}
    assert {"review", "tasks", "glossary"} <= kinds
    first = data["sections"][1]
    original = SEED_FILES[1].read_text(encoding="utf-8")
    assert original[first["start"] : first["end"]].lstrip().startswith("一、2022年工作回顾")


def test_depth_limits_the_tree():
    result = CliRunner().invoke(app, ["sections", str(SEED_FILES[2]), "--depth", "1", "--width", "120"])
    assert result.exit_code == 0
    assert "(一)" not in result.output and "三 2024年经济社会发展主要任务" in result.output
