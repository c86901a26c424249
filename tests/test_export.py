"""export: metrics, targets and problems as rows; CSV and JSON Lines give the same rows back."""

from __future__ import annotations

import csv
import io

import pytest
from typer.testing import CliRunner

from schemas.summary import Problem, SourceSpan
from summarizer.cli import app
from summarizer.aggregate.export import COLUMNS, csv_text, export_rows, jsonl_text, read_csv, read_jsonl

from tests.test_track import REPORT_2025, REPORT_2026, _pair_summaries


@pytest.fixture
def rows():
    earlier, later = _pair_summaries()
    later.problems = [
        Problem(summary="有效需求不足", detail="", source=SourceSpan(section_path="一 > 问题", start=10, end=20, quote="有效需求不足，\"消费\"偏弱|，\n换行")),
    ]
    return export_rows([earlier, later])


def test_one_row_per_metric_target_and_problem(rows):
    kinds = [r.kind for r in rows]
    assert kinds.count("target") == 9 and kinds.count("metric") == 3 and kinds.count("problem") == 1
    assert {r.government for r in rows} == {"宁夏回族自治区"}  # 宁夏 and 宁夏回族自治区 are one
    gdp = next(r for r in rows if r.kind == "target" and r.canonical == "地区生产总值")
    assert (gdp.value, gdp.number, gdp.unit, gdp.comparator, gdp.plan_year, gdp.review_year) == ("增长5.5%左右", 5.5, "%", "左右", 2025, 2024)
    cpi = next(r for r in rows if r.kind == "metric" and r.canonical == "居民消费价格")
    assert (cpi.change, cpi.change_number) == ("持平", 0.0)


def test_csv_round_trip(rows):
    text = csv_text(rows)
    assert text.splitlines()[0] == ",".join(COLUMNS)
    assert read_csv(text) == rows
    assert read_csv("\ufeff" + text) == rows  # as written to a file, with the byte-order mark
    first = next(csv.DictReader(io.StringIO(text)))
    assert set(first) == set(COLUMNS)


def test_jsonl_round_trip(rows):
    text = jsonl_text(rows)
    assert len(text.splitlines()) == len(rows)
    assert read_jsonl(text) == rows


def test_export_command(tmp_path):
    (tmp_path / "某某_2025.txt").write_text(REPORT_2025, encoding="utf-8")
    (tmp_path / "某某省_2026.txt").write_text(REPORT_2026, encoding="utf-8")
    out = tmp_path / "out" / "rows.csv"
    result = CliRunner().invoke(app, ["export", str(tmp_path / "某某_2025.txt"), str(tmp_path / "某某省_2026.txt"), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith("\ufeff".encode("utf-8"))  # spreadsheets read it as UTF-8
    rows = read_csv(raw.decode("utf-8"))
    assert {r.kind for r in rows} == {"metric", "target"} and {r.government for r in rows} == {"某某省"}
    result = CliRunner().invoke(app, ["export", str(tmp_path / "某某省_2026.txt"), "--jsonl", "-q"])
    assert result.exit_code == 0 and read_jsonl(result.output)[0].plan_year == 2026
    assert CliRunner().invoke(app, ["export", str(tmp_path / "某某省_2026.txt"), "--jsonl", "--csv", "-q"]).exit_code == 2


def test_a_report_given_twice_is_exported_once_with_a_warning(tmp_path):
    import shutil

    from tests.conftest import SEED_FILES

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for seed in SEED_FILES[:2]:
        shutil.copy(seed, src / seed.name)
    once = CliRunner().invoke(app, ["export", str(src), "-q"])
    assert once.exit_code == 0 and "warning" not in once.output
    rows = read_csv(once.stdout)
    twice = CliRunner().invoke(app, ["export", str(src), str(src / SEED_FILES[0].name), "-q"])
    assert twice.exit_code == 0, twice.output
    assert read_csv(twice.stdout) == rows
    warnings = [ln for ln in twice.stderr.splitlines() if ln.startswith("warning:")]
    assert len(warnings) == 1 and "is the same report as" in warnings[0] and SEED_FILES[0].name in warnings[0]
    # a batch folder and the folder it was made from: each report once, from the batch's summaries
    assert CliRunner().invoke(app, ["batch", str(src), "-o", str(out), "--no-model", "-q"]).exit_code == 0
    both = CliRunner().invoke(app, ["export", str(out), str(src), "-q"])
    assert both.exit_code == 0 and both.stderr.count("warning:") == 2
    assert sorted((r.file, r.kind, r.start) for r in read_csv(both.stdout)) == sorted((r.file, r.kind, r.start) for r in rows)


def test_of_two_summaries_of_one_report_the_fuller_is_kept():
    from summarizer.aggregate.export import unique_reports

    earlier, later = _pair_summaries()
    earlier.source.sha256, later.source.sha256 = "a" * 64, "b" * 64
    rules = earlier.model_copy(deep=True)
    full = earlier.model_copy(update={"model": "some-model"}, deep=True)
    kept, repeats = unique_reports([rules, later, full, rules])
    assert kept == [full, later]
    assert [(r.left_out.model, r.kept.model) for r in repeats] == [(None, "some-model"), (None, "some-model")]


FALLS = (
    "2026年某某省政府工作报告\n各位代表：\n现在，我代表某某省人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n"
    "过去一年，全省地区生产总值增长5.6%，居民消费价格下降0.1%。\n二、2026年工作安排\n"
    "今年经济社会发展的主要预期目标是：地区生产总值增长4.5-5%，单位地区生产总值能耗下降2%左右。\n"
)


def test_a_fall_is_negative_in_json_csv_and_jsonl(tmp_path):
    """One sign convention: a target of a fall (下降2%左右) and a metric that fell (下降0.1%) are
    both negative numbers, in the summary's JSON and in every export format."""
    import json

    report = tmp_path / "某某省_2026.txt"
    report.write_text(FALLS, encoding="utf-8")
    summary = CliRunner().invoke(app, ["summarize", str(report), "--no-model", "--json", "-q"])
    assert summary.exit_code == 0, summary.output
    data = json.loads(summary.stdout)
    targets = {t["indicator"]: (t["number"], t["upper"], t["unit"]) for t in data["targets"]}
    assert targets == {"地区生产总值": (4.5, 5.0, "%"), "单位地区生产总值能耗": (-2.0, None, "%")}
    for fmt, read in (("--csv", read_csv), ("--jsonl", read_jsonl)):
        result = CliRunner().invoke(app, ["export", str(report), fmt, "-q"])
        assert result.exit_code == 0, result.output
        rows = read(result.stdout)
        energy = next(r for r in rows if r.kind == "target" and r.indicator == "单位地区生产总值能耗")
        cpi = next(r for r in rows if r.kind == "metric" and r.canonical == "居民消费价格")
        assert (energy.number, energy.value) == (-2.0, "下降2%左右")
        assert (cpi.change_number, cpi.change) == (-0.1, "下降0.1%")


@pytest.mark.parametrize(
    "command, said",
    [
        (["compare", "--no-model", "--json"], "compared once"),
        (["track", "--json"], "tracked once"),
        (["series", "--json"], "read once"),
        (["export", "--jsonl"], "exported once"),
    ],
)
def test_every_command_of_many_reports_reads_a_report_given_twice_once(tmp_path, command, said):
    report = tmp_path / "某某省_2026.txt"
    report.write_text(REPORT_2026, encoding="utf-8")
    copy = tmp_path / "copy.txt"
    copy.write_bytes(report.read_bytes())
    once = CliRunner().invoke(app, [command[0], str(report), *command[1:], "-q"])
    twice = CliRunner().invoke(app, [command[0], str(report), str(copy), *command[1:], "-q"])
    assert once.exit_code == 0 and twice.exit_code == 0, twice.output
    assert twice.stdout == once.stdout
    warnings = [ln for ln in twice.stderr.splitlines() if ln.startswith("warning:")]
    assert len(warnings) == 1 and "copy.txt is the same report as" in warnings[0] and warnings[0].endswith(said)
