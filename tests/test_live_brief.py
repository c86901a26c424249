"""The first screen at once: `summarize` shows the rules' brief before any model call returns,
then each area's items as they arrive (plain output through a pipe, a live view on a terminal)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time

import pytest
from rich.console import Console

from schemas.summary import Achievement, SourceSpan
from summarizer.cli.live import LiveBrief
from summarizer.model.extract import Items
from summarizer.pipeline import Runtime, summarize_file
from summarizer.settings import resolve_settings

from tests.conftest import ROOT, SEED_FILES
from tests.fakeserver import FakeServer

SEED = SEED_FILES[0]
#: the stand-in server answers every completion after this many seconds
SLOW = 30.0


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_the_rules_brief_is_printed_before_any_model_call_returns():
    with FakeServer(latency=SLOW) as fake:
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "SUMMARIZER_MAX_RETRIES": "0"}
        t0 = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-m", "summarizer", "summarize", str(SEED), "--base-url", fake.base_url, "--width", "120"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT,
        )
        try:
            seen = []
            for line in proc.stdout:  # type: ignore[union-attr]
                seen.append(line)
                if "2023年目标" in line:  # the targets table: the rules' brief is out
                    break
            elapsed = time.monotonic() - t0
            assert elapsed < SLOW, f"the first screen took {elapsed:.1f} s"
            text = "".join(seen)
            assert "光明区 · 计划执行情况与计划" in text and "主要指标 2022" in text and "1. 顶尖创新资源导入不足" in text
            assert len(fake.chat_requests) <= 1 and fake.in_flight <= 1  # the first call is still waiting
        finally:
            proc.kill()
            proc.wait()


def _rules_summary(tmp_path):
    settings = resolve_settings({"cache_dir": str(tmp_path)})[0]
    with Runtime.open(settings, rules_only=True) as rt:
        return summarize_file(SEED, rt)


def _achievement(summary, text):
    return Achievement(area="经济发展", summary=text, source=SourceSpan(section_path="一", start=0, end=1))


def test_plain_output_grows_area_by_area(tmp_path):
    rules = _rules_summary(tmp_path)
    out = io.StringIO()
    view = LiveBrief(Console(file=out, width=100), live=False)
    view("plan", units=2, path=str(SEED), summary=rules)
    first = out.getvalue()
    assert "主要指标 2022" in first and "call(s)" not in first  # no usage line before the calls
    view("unit_done", index=0, unit=None, cached=False, items=Items(achievements=[_achievement(rules, "地区生产总值增长6.5%。")]))
    assert out.getvalue().startswith(first) and "成绩 · 经济发展: 地区生产总值增长6.5%。" in out.getvalue()
    view.finish(rules)
    assert "call(s)" in out.getvalue().splitlines()[-1]


def test_live_view_on_a_terminal_ends_with_the_whole_brief(tmp_path):
    rules = _rules_summary(tmp_path)
    out = io.StringIO()
    view = LiveBrief(Console(file=out, width=100, force_terminal=True, height=30), live=True)
    view("plan", units=1, path=str(SEED), summary=rules)
    assert "asking the model about 1 more part(s)" in out.getvalue()
    view("unit_done", index=0, unit=None, cached=False, items=Items(achievements=[_achievement(rules, "地区生产总值增长6.5%。")]))
    final = rules.model_copy(update={"achievements": [_achievement(rules, "地区生产总值增长6.5%。")]})
    view.finish(final)
    tail = out.getvalue().rsplit("\x1b[?25h", 1)[-1]  # what stays on screen after the live view
    assert "经济发展" in tail and "2023年目标" in tail and "call(s)" in tail
