"""batch, against the local fake server (the plumbing, not the model): outputs for good files,
failure rows for bad ones, zero calls on a second run, resumption after an interruption, no
partial files, and the exit status of the command."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from schemas.summary import DocumentSummary
from summarizer import batch as batch_mod
from summarizer import write as write_mod
from summarizer.batch import find_reports, load_index, run_batch, write_atomic
from summarizer.cli import app
from summarizer.parse.document import parse_document
from summarizer.model.extract import plan_units
from summarizer.pipeline import MODEL_KINDS, Runtime
from summarizer.settings import resolve_settings

from tests.conftest import SEED_FILES
from tests.fakeserver import FakeServer

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])


@pytest.fixture
def corpus(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for p in SEED_FILES:
        shutil.copy(p, src / p.name)
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    (src / "gbk.txt").write_bytes(SEED_FILES[3].read_text(encoding="utf-8").replace("\xa0", " ").encode("gbk"))
    (src / "notes.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)  # a format we do not read: listed
    return src


def _units(path) -> int:
    doc = parse_document(path)
    return sum(len(plan_units(doc, kind)) for kind in MODEL_KINDS)


def _runtime(fake, tmp_path, **kw):
    settings = resolve_settings({"base_url": fake.base_url, "cache_dir": str(tmp_path / "cache"), "max_retries": 0, **kw})[0]
    return Runtime.open(settings)


def test_good_files_summarized_bad_ones_reported_and_nothing_redone(corpus, tmp_path):
    out = tmp_path / "out"
    inputs = find_reports(corpus)
    assert [p.name for p in inputs][-3:] == ["binary.txt", "empty.txt", "gbk.txt"]
    with FakeServer() as fake, _runtime(fake, tmp_path) as rt:
        result = run_batch(inputs, corpus, out, rt)
        first_calls = len(fake.chat_requests)
        status = {r.input.rsplit("/", 1)[-1]: r for r in result.rows}
        assert status["empty.txt"].status == "failed" and "is empty" in status["empty.txt"].message
        assert status["binary.txt"].status == "failed" and "binary" in status["binary.txt"].message
        done = [r for r in result.rows if r.status == "done"]
        assert len(done) == 6 and not result.ok
        for r in done:
            summary = DocumentSummary.model_validate_json(open(r.json_path, encoding="utf-8").read())
            assert summary.source.sha256 and open(r.markdown_path, encoding="utf-8").read().startswith("# ")
        assert first_calls > 0
        again = run_batch(inputs, corpus, out, rt)
        assert len(fake.chat_requests) == first_calls  # second run: zero model calls
        assert [r.status for r in again.rows if r.status != "failed"] == ["skipped"] * 6
    index = load_index(out)
    assert index is not None and len(index.documents) == 8
    assert not list(out.rglob("*.tmp"))


def test_interrupted_run_resumes_without_redoing_finished_documents(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    inputs = [p for p in find_reports(corpus) if p.name.startswith("00")]
    real = batch_mod.summarize_file
    seen = []

    def flaky(path, runtime, progress=None):
        seen.append(path.name)
        if len(seen) == 3:
            raise KeyboardInterrupt  # Ctrl-C while the third document is in the model
        return real(path, runtime, progress=progress)

    with FakeServer() as fake, _runtime(fake, tmp_path) as rt:
        monkeypatch.setattr(batch_mod, "summarize_file", flaky)
        result = run_batch(inputs, corpus, out, rt)
        assert result.interrupted
        assert [r.status for r in result.rows] == ["done", "done", "interrupted", "interrupted", "interrupted"]
        assert sorted(p.name for p in out.glob("*.json")) == sorted([inputs[0].stem + ".json", inputs[1].stem + ".json", "index.json"])
        monkeypatch.setattr(batch_mod, "summarize_file", real)
        calls_before = len(fake.chat_requests)
        resumed = run_batch(inputs, corpus, out, rt)
        assert [r.status for r in resumed.rows] == ["skipped", "skipped", "done", "done", "done"]
        # the finished documents made no new requests: exactly the three others' units did
        assert len(fake.chat_requests) - calls_before == sum(_units(p) for p in inputs[2:])
        assert calls_before == sum(_units(p) for p in inputs[:2])
    for j in out.glob("0*.json"):
        DocumentSummary.model_validate_json(j.read_text(encoding="utf-8"))  # never partial


def test_changed_input_is_redone(corpus, tmp_path):
    out = tmp_path / "out"
    one = [corpus / SEED_FILES[0].name]
    with FakeServer() as fake, _runtime(fake, tmp_path) as rt:
        run_batch(one, corpus, out, rt)
        one[0].write_text(one[0].read_text(encoding="utf-8") + "\n补充说明。", encoding="utf-8")
        rows = run_batch(one, corpus, out, rt).rows
    assert rows[0].status == "done"


def test_atomic_write_leaves_old_file_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "a.json"
    write_atomic(target, "old")

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(write_mod.os, "replace", boom)
    with pytest.raises(OSError):
        write_atomic(target, "new")
    assert target.read_text() == "old" and not list(tmp_path.glob("*.tmp"))


def test_workers_overlap_requests(corpus, tmp_path):
    inputs = [p for p in find_reports(corpus) if p.name.startswith("00")][:4]
    with FakeServer(latency=0.05) as fake, _runtime(fake, tmp_path, workers=4) as rt:
        result = run_batch(inputs, corpus, tmp_path / "out", rt, workers=4)
    assert all(r.status == "done" for r in result.rows)
    assert fake.max_in_flight >= 2


def test_dead_server_stops_the_batch(corpus, tmp_path):
    inputs = [p for p in find_reports(corpus) if p.name.startswith("00")]
    settings = resolve_settings({"base_url": "http://127.0.0.1:9/v1", "cache_dir": str(tmp_path / "c"), "max_retries": 0})[0]
    with Runtime.open(settings) as rt:
        result = run_batch(inputs, corpus, tmp_path / "out", rt)
    assert result.fatal and "nothing answers" in result.fatal
    assert all(r.status == "not run" for r in result.rows)


def test_batch_command_exit_status_and_table(corpus, tmp_path):
    with FakeServer() as fake:
        args = ["batch", str(corpus), "-o", str(tmp_path / "out"), "--base-url", fake.base_url, "-q", "--width", "160"]
        result = CliRunner().invoke(app, args)
    assert result.exit_code == 1  # two bad files (the .doc is skipped, not failed)
    assert "6 summarized, 0 already current, 2 failed, 1 skipped (format not read)" in result.output
    assert "is empty" in result.output and "Traceback" not in result.output
    index = json.loads((tmp_path / "out" / "index.json").read_text(encoding="utf-8"))
    assert len(index["documents"]) == 9
    doc = next(d for d in index["documents"] if d["input"].endswith("notes.doc"))
    assert doc["status"] == "unsupported" and "old binary Word document (.doc)" in doc["message"] and ".docx" in doc["message"]


def test_batch_of_a_missing_folder_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["batch", str(tmp_path / "nope"), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and "no such folder" in result.output
