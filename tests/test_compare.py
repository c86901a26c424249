"""compare and eval on the five seeds (summaries replayed from cassettes)."""

from __future__ import annotations

import io
import json
import re

import pytest
from rich.cells import cell_len
from rich.console import Console
from typer.testing import CliRunner

from summarizer.batch import write_atomic
from summarizer.cli import app
from summarizer.aggregate.compare import build_comparison
from summarizer.render.comparison import html_page, markdown, print_comparison

from tests.conftest import SEED_FILES, gold


@pytest.fixture(scope="module")
def summaries(seed_summaries):
    return [seed_summaries[p.name[:3]] for p in SEED_FILES]


@pytest.fixture(scope="module")
def rendered(summaries) -> str:
    buf = io.StringIO()
    print_comparison(build_comparison(summaries), Console(file=buf, width=120, color_system=None))
    return buf.getvalue()


def test_every_region_and_the_gold_numbers_are_shown(rendered):
    for p in SEED_FILES:
        g = gold(p)
        assert g["region"] in rendered
        for m in g["review_metrics"]:
            for key in ("value", "change"):
                if key in m:
                    number = re.search(r"[\d.]+", m[key]).group(0)
                    assert number in rendered, (p.name, m)
        for t in g["targets"]:
            number = re.search(r"[\d.]+|千亿|正增长", t["target"]).group(0)
            assert number in rendered, (p.name, t)


def test_partial_year_figures_are_marked(rendered):
    assert "(前三季度)" in rendered and "not a full year" in rendered


def test_cjk_columns_align(rendered):
    """In every table, the column separators of all rows sit at the same display columns."""
    blocks: list[list[str]] = [[]]
    for line in rendered.splitlines():
        if "|" in line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    tables = [b for b in blocks if len(b) >= 3]
    assert len(tables) >= 3
    for rows in tables:
        positions = {tuple(cell_len(row[:i]) for i, ch in enumerate(row) if ch == "|") for row in rows if not set(row) <= set("-+| ")}
        assert len(positions) == 1, rows


def test_problem_matrix_and_task_areas(summaries):
    c = build_comparison(summaries)
    assert c.problems_listed["龙华区"] == 0 and c.problems_listed["龙岗区"] == 5
    assert any(r.theme == "公共服务" and "坪山区" in r.regions for r in c.problem_themes)
    assert all(c.task_areas[label] for label in ("光明区", "龙岗区", "宝安区", "龙华区", "坪山区"))


def test_contrast_sentences_are_verified(summaries):
    c = build_comparison(summaries)
    # the growth rate ranked, without the level printed beside it (1080亿元): issue 16
    assert any(s.startswith("地区生产总值增速:坪山区最高(增长14.0%)") for s in c.contrasts), c.contrasts
    for s in c.contrasts:
        labels = re.findall(r"[:,]([^:,()]+?)最[高低]", s)
        named = {name for group in labels for name in group.split("、")}  # ties are named together: issue 16
        assert len(labels) == 2 and named <= {d.label for d in c.documents}, s
    assert "社会消费品零售总额目标:坪山区最高(增长10%以上),光明区、宝安区、龙华区最低(增长7%以上、增长7%左右)。" in c.contrasts


def test_markdown_and_html_exports(summaries):
    c = build_comparison(summaries)
    md = markdown(c)
    assert md.startswith("# Comparative brief · 5 report(s)") and "| 地区生产总值 |" in md
    page = html_page(c)
    assert page.startswith("<!DOCTYPE html>") and "坪山区" in page
    assert "http://" not in page and "https://" not in page and "<script" not in page  # no external assets


def test_compare_command_reads_a_batch_folder(summaries, tmp_path):
    for s in summaries:
        write_atomic(tmp_path / (s.source.path.rsplit("/", 1)[-1][:-4] + ".json"), s.model_dump_json())
    result = CliRunner().invoke(app, ["compare", str(tmp_path), "--width", "120"])
    assert result.exit_code == 0, result.output
    assert "宝安区" in result.output and "Headline metrics" in result.output
    html_out = tmp_path / "brief.html"
    assert CliRunner().invoke(app, ["compare", str(tmp_path), "-o", str(html_out)]).exit_code == 0
    assert html_out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_eval_command_scores_stored_summaries(summaries, tmp_path):
    for s in summaries:
        write_atomic(tmp_path / "sums" / (s.source.path.rsplit("/", 1)[-1][:-4] + ".json"), s.model_dump_json())
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(app, ["eval", "--summaries", str(tmp_path / "sums"), "-o", str(out), "--width", "140"])
    assert result.exit_code == 0, result.output
    assert "metric recall" in result.output and "unverified numbers 0" in result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["metric_recall"] >= 0.9 and report["target_recall"] == 1.0
    assert report["problems_exact"] == 1.0 and report["unverified_numbers"] == 0
    assert report["metadata_accuracy"] == 1.0 and report["structure_accuracy"] == 1.0
