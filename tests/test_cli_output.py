"""Where every command that writes puts its result: a bad -o (a folder where a file is meant, a
path under a file, a place nothing can be written to, an input) is one line and exit 2 before
any work; the suffix of -o picks a format the command has, or is refused; two format flags are
refused alike everywhere. Driven through the CLI with the rules alone (no model)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app

from tests.conftest import SEED_FILES

SEED = SEED_FILES[0]
UNWRITABLE = Path("/sys/summarizer-test-output")  # no file can be made here, not even by root


def refused(result, *needles: str) -> str:
    """The command failed with exit 2 and one error line (maybe a hint), naming `needles`."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert lines and lines[0].startswith("error: "), lines
    assert len(lines) == 1 or (len(lines) == 2 and lines[1].startswith("hint: ")), lines
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


def invoke(*args: str):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def summary_json(tmp_path) -> Path:
    out = tmp_path / "s" / "one.json"
    assert invoke("summarize", SEED, "--no-model", "-q", "-o", out).exit_code == 0
    return out


def writers(tmp_path: Path, summary_json: Path) -> dict[str, list[str]]:
    """Each command that writes a file, without its -o."""
    return {
        "summarize": ["summarize", str(SEED), "--no-model", "-q"],
        "compare": ["compare", str(summary_json), "-q"],
        "track": ["track", str(SEED), "-q"],
        "export": ["export", str(SEED), "-q"],
        "eval": ["eval", "--summaries", str(summary_json.parent), "--gold", str(tmp_path / "gold")],
    }


def test_an_existing_folder_as_the_output_file_is_refused(tmp_path, summary_json):
    (tmp_path / "gold").mkdir()
    folder = tmp_path / "out"
    folder.mkdir()
    for name, args in writers(tmp_path, summary_json).items():
        refused(invoke(*args, "-o", folder), str(folder), "is a folder")
        assert not list(folder.iterdir()), name


def test_a_path_under_a_file_is_refused_everywhere(tmp_path, summary_json):
    (tmp_path / "gold").mkdir()
    afile = tmp_path / "notes.txt"
    afile.write_text("keep me", encoding="utf-8")
    for name, args in writers(tmp_path, summary_json).items():
        refused(invoke(*args, "-o", afile / "out.json"), f"{afile} is a file, not a folder")
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src / SEED.name)
    refused(invoke("batch", src, "-o", afile / "out", "--no-model", "-q"), f"{afile} is a file, not a folder")
    refused(invoke("batch", src, "-o", afile, "--no-model", "-q"), str(afile), "is a file")
    assert afile.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gold", "in", "notes.txt", "s"]


@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="needs Linux's /sys, where no file can be made")
def test_a_place_nothing_can_be_written_to_is_refused_before_any_work(tmp_path, summary_json):
    (tmp_path / "gold").mkdir()
    for name, args in writers(tmp_path, summary_json).items():
        refused(invoke(*args, "-o", UNWRITABLE / "out.json"), "cannot be written", "/sys")
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src / SEED.name)
    refused(invoke("batch", src, "-o", UNWRITABLE, "--no-model", "-q"), "cannot be written", "/sys")


@pytest.mark.parametrize(
    "command,suffix,formats",
    [
        ("summarize", ".xlsx", ".json, .md, .markdown"),
        ("summarize", ".html", ".json, .md"),
        ("compare", ".csv", ".md, .markdown, .html, .htm, .json"),
        ("track", ".docx", ".md, .markdown, .html, .htm, .json, .csv"),
        ("export", ".xlsx", ".csv, .jsonl, .ndjson"),
        ("export", ".json", ".csv, .jsonl"),
        ("eval", ".md", ".json"),
    ],
)
def test_the_suffix_of_o_picks_a_format_the_command_has_or_is_refused(tmp_path, summary_json, command, suffix, formats):
    (tmp_path / "gold").mkdir()
    out = tmp_path / f"result{suffix}"
    refused(invoke(*writers(tmp_path, summary_json)[command], "-o", out), f"`{command}` does not write {suffix} files", formats)
    assert not out.exists()


@pytest.mark.parametrize(
    "command,flags",
    [
        ("summarize", ["--json", "--markdown"]),
        ("compare", ["--json", "--html"]),
        ("compare", ["--markdown", "--html", "--json"]),
        ("track", ["--csv", "--json"]),
        ("export", ["--csv", "--jsonl"]),
    ],
)
def test_two_format_flags_are_refused_alike(tmp_path, summary_json, command, flags):
    message = refused(invoke(*writers(tmp_path, summary_json)[command], *flags), "cannot go together: give one format")
    assert all(f in message for f in flags)


def test_a_flag_that_disagrees_with_the_suffix_is_refused(tmp_path, summary_json):
    out = tmp_path / "brief.json"
    refused(invoke("summarize", SEED, "--no-model", "-q", "--markdown", "-o", out), "--markdown and -o", ".json is json")
    refused(invoke("track", SEED, "-q", "--csv", "-o", tmp_path / "t.md"), "--csv and -o")
    assert not out.exists() and not (tmp_path / "t.md").exists()


def test_an_input_is_never_the_output(tmp_path):
    report = tmp_path / "report.md"
    shutil.copy(SEED, report)
    before = report.read_bytes()
    refused(invoke("summarize", report, "--no-model", "-q", "-o", report), "is one of the inputs")
    refused(invoke("export", report, "-q", "--csv", "-o", tmp_path / "." / "report.md"), "is one of the inputs")
    assert report.read_bytes() == before


def test_the_suffix_or_flag_decides_what_is_written(tmp_path, summary_json):
    md = tmp_path / "brief.md"
    assert invoke("summarize", SEED, "--no-model", "-q", "-o", md).exit_code == 0
    assert md.read_text(encoding="utf-8").startswith("# 光明区")
    bare = tmp_path / "brief"
    assert invoke("summarize", SEED, "--no-model", "-q", "-o", bare).exit_code == 0
    assert json.loads(bare.read_text(encoding="utf-8"))["metadata"]["region"] == "光明区"
    bare_md = tmp_path / "brief-md"
    assert invoke("summarize", SEED, "--no-model", "-q", "--markdown", "-o", bare_md).exit_code == 0
    assert bare_md.read_text(encoding="utf-8").startswith("# 光明区")
    rows = tmp_path / "rows.jsonl"
    assert invoke("export", SEED, "-q", "-o", rows).exit_code == 0
    assert json.loads(rows.read_text(encoding="utf-8").splitlines()[0])["government"]
    page = tmp_path / "c.htm"
    assert invoke("compare", summary_json, "-q", "-o", page).exit_code == 0
    assert page.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


# ---------------------------------------------------------------------------------------------
# compare reads reports with the rules unless a model is configured, as track and export do
# ---------------------------------------------------------------------------------------------


def test_compare_reads_reports_with_the_rules_when_no_model_is_configured():
    result = invoke("compare", SEED, SEED_FILES[1], "-q", "--json")
    assert result.exit_code == 0, result.output
    assert "note: reports read with the rules alone (no model configured" in result.stderr
    assert [d["region"] for d in json.loads(result.stdout)["documents"]] == ["光明区", "龙岗区"]


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_compare_uses_a_configured_model_unless_told_no_model(monkeypatch, summary_json):
    monkeypatch.setenv("SUMMARIZER_BASE_URL", "http://127.0.0.1:9/v1")  # configured, and dead
    monkeypatch.setenv("SUMMARIZER_MAX_RETRIES", "0")
    dead = invoke("compare", SEED, "-q")
    assert dead.exit_code == 3 and "nothing answers at http://127.0.0.1:9/v1" in dead.output
    rules = invoke("compare", SEED, SEED_FILES[1], "--no-model", "-q", "--json")
    assert rules.exit_code == 0, rules.output
    assert "note:" not in rules.stderr and len(json.loads(rules.stdout)["documents"]) == 2
    stored = invoke("compare", summary_json, "-q", "--json")  # summaries need no model at all
    assert stored.exit_code == 0 and "note:" not in stored.stderr
