"""batch's inputs and outputs, driven through the CLI with the rules alone (no model): one output
pair per input, never shared and never over an input or a file the batch did not write; the
output folder's own files are never inputs, even when it is the input folder; a link loop is
listed as skipped; --max-bytes; the index maps each input to its outputs."""

from __future__ import annotations

import io
import json
import os
import shutil

from typer.testing import CliRunner

from summarizer.cli import app

from tests import makers
from tests.conftest import SEED_FILES

SEED = SEED_FILES[0]


def batch(*args) -> object:
    return CliRunner().invoke(app, ["batch", *[str(a) for a in args], "--no-model", "-q", "--width", "200"])


def docx_bytes(lines: list[str]) -> bytes:
    import docx

    d = docx.Document()
    for ln in lines:
        d.add_paragraph(ln)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def index_of(folder) -> dict[str, dict]:
    rows = json.loads((folder / "index.json").read_text(encoding="utf-8"))["documents"]
    return {os.path.basename(r["input"]): r for r in rows}


def test_two_inputs_with_one_stem_get_an_output_each(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    lines = makers.report_lines(SEED)
    (src / "上海市.txt").write_text("\n".join(lines), encoding="utf-8")
    (src / "上海市.docx").write_bytes(docx_bytes(lines))
    (src / "北京市.txt").write_text("\n".join(makers.report_lines(SEED_FILES[1])), encoding="utf-8")
    result = batch(src, "-o", out)
    assert result.exit_code == 0, result.output
    assert "3 summarized" in result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "index.json", "index.md", "上海市.docx.json", "上海市.docx.md", "上海市.txt.json", "上海市.txt.md", "北京市.json", "北京市.md",
    ]
    index = index_of(out)
    for name in ("上海市.txt", "上海市.docx"):
        row = index[name]
        assert row["json_path"].endswith(f"{name}.json") and row["markdown_path"].endswith(f"{name}.md")
        summary = json.loads(open(row["json_path"], encoding="utf-8").read())
        assert os.path.basename(summary["source"]["path"]) == name and summary["source"]["format"] == name.split(".")[1].replace("txt", "text")
    assert "| 上海市.docx | done |" in (out / "index.md").read_text(encoding="utf-8")
    assert "0 summarized, 3 already current" in batch(src, "-o", out).output  # the same names again


def test_the_output_folder_may_be_the_input_folder(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src / "光明区.txt")
    (src / "notes.md").write_text("# 笔记\n\n不是报告，但是一份可以读的文本。\n", encoding="utf-8")
    (src / "光明区.json").write_text('{"mine": true}', encoding="utf-8")  # the user's own file, not a summary
    first = batch(src, "-o", src)
    assert "2 summarized" in first.output, first.output
    # 光明区.json is the user's: the summary goes beside it, with the format in its name
    assert json.loads((src / "光明区.json").read_text(encoding="utf-8")) == {"mine": True}
    assert (src / "光明区.txt.json").is_file() and (src / "光明区.txt.md").is_file()
    # notes.md is an input: its outputs never overwrite it
    assert (src / "notes.md").read_text(encoding="utf-8").startswith("# 笔记")
    assert (src / "notes.md.json").is_file() and (src / "notes.md.md").is_file()
    for _ in range(2):
        again = batch(src, "-o", src)
        assert again.exit_code == 0, again.output
        assert "0 summarized, 2 already current, 0 failed, 1 skipped (format not read)" in again.output
        assert set(index_of(src)) == {"光明区.txt", "notes.md", "光明区.json"}
    # without its index, the batch still knows its own summaries
    (src / "index.json").unlink()
    (src / "index.md").unlink()
    assert "2 already current, 0 failed, 1 skipped" in batch(src, "-o", src).output
    assert set(index_of(src)) == {"光明区.txt", "notes.md", "光明区.json"}


def test_an_output_folder_inside_the_input_folder_is_not_read(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    shutil.copy(SEED, src / "sub" / "a.txt")
    out = src / "out"
    assert "1 summarized" in batch(src, "-o", out, "--recursive").output
    result = batch(src, "-o", out, "--recursive")
    assert "0 summarized, 1 already current, 0 failed" in result.output and "skipped (" not in result.output
    assert (out / "sub" / "a.json").is_file()


def test_a_symlink_loop_is_named_and_listed_as_skipped(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    shutil.copy(SEED, src / "a.txt")
    os.symlink("loop2.txt", src / "loop1.txt")
    os.symlink("loop1.txt", src / "loop2.txt")
    os.symlink("gone.txt", src / "dangling.txt")
    result = batch(src, "-o", out)
    assert result.exit_code == 0, result.output
    assert "1 summarized, 0 already current, 0 failed, 3 skipped (link to nothing or to itself)" in result.output
    index = index_of(out)
    assert index["loop1.txt"]["status"] == "unreadable" and "symbolic link loop" in index["loop1.txt"]["message"]
    assert index["dangling.txt"]["status"] == "unreadable" and "broken symbolic link (to gone.txt" in index["dangling.txt"]["message"]
    single = CliRunner().invoke(app, ["summarize", str(src / "loop1.txt"), "--no-model", "-q"])
    assert single.exit_code == 2 and "is a symbolic link loop" in single.output and "no such file" not in single.output


def test_max_bytes(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    shutil.copy(SEED, src / "big.txt")
    (src / "small.txt").write_text("\n".join(makers.report_lines(SEED)[:5]), encoding="utf-8")
    result = batch(src, "-o", out, "--max-bytes", 8000)
    assert result.exit_code == 1, result.output
    index = index_of(out)
    assert index["big.txt"]["status"] == "failed" and "over the 8,000-byte limit" in index["big.txt"]["message"]
    assert index["small.txt"]["status"] == "done"
    refused = batch(src, "-o", tmp_path / "o2", "--max-bytes", -5)
    assert refused.exit_code == 2 and "must be at least 1 byte, not -5" in refused.output
    assert not (tmp_path / "o2").exists()
