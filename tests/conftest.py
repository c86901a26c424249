"""Shared fixtures: every test runs with its own user directories and no endpoint settings, and
HTTP is replayed from cassettes/<test_module>/<test>.yaml."""

from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
GOLD_DIR = SEEDS_DIR / "expected"
SEED_FILES = sorted(SEEDS_DIR.glob("*.txt"))
SEED_IDS = [p.name[:3] for p in SEED_FILES]

_ENDPOINT_VARS = [
    "OPENAI_BASE_URL", "OPENAI_API_KEY", "SUMMARIZER_BASE_URL", "SUMMARIZER_API_KEY", "SUMMARIZER_MODEL",
    "SUMMARIZER_MODE", "SUMMARIZER_MODEL_PATH", "SUMMARIZER_THREADS", "SUMMARIZER_CTX", "SUMMARIZER_PORT",
    "SUMMARIZER_TIMEOUT", "SUMMARIZER_MAX_RETRIES", "SUMMARIZER_WORKERS",
]


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Tests never read or write a user's real cache, config or logs."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("SUMMARIZER_CONFIG", str(home / "config.toml"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "xdg-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    for var in _ENDPOINT_VARS:
        monkeypatch.delenv(var, raising=False)
    return home


@pytest.fixture(scope="module")
def vcr_config():
    return {
        "match_on": ["method", "path", "json_body"],
        "decode_compressed_response": True,
        "filter_headers": ["authorization", "x-api-key", "openai-organization"],
    }


@pytest.fixture(scope="module")
def vcr_cassette_dir(request):
    return str(ROOT / "cassettes" / request.module.__name__.split(".")[-1])


def _json_body(r1, r2):
    """Two requests match when their JSON bodies are equal (key order does not matter)."""

    def load(r):
        body = r.body or b""
        if isinstance(body, bytes):
            body = body.decode("utf-8")
        return json.loads(body) if body else None

    assert load(r1) == load(r2)


def pytest_recording_configure(config, vcr):
    vcr.register_matcher("json_body", _json_body)


#: The server the cassettes were recorded against: `summarizer serve --port 8765` (the embedded
#: llama-cpp-python server with the packaged model). Replays match on method, path and JSON body.
RECORD_URL = "http://127.0.0.1:8765/v1"


def make_vcr():
    import vcr

    v = vcr.VCR(
        match_on=["method", "path", "json_body"],
        decode_compressed_response=True,
        filter_headers=["authorization", "x-api-key", "openai-organization"],
    )
    v.register_matcher("json_body", _json_body)
    return v


@contextmanager
def recorded(config, cassette: str, mode: str | None = None):
    """Replay (or, with --record-mode=once/all/rewrite, record) cassettes/<cassette>."""
    mode = mode or config.getoption("--record-mode", default="none") or "none"
    mode = {"rewrite": "all"}.get(mode, mode)  # pytest-recording's "rewrite" is vcr's "all"
    with make_vcr().use_cassette(str(ROOT / "cassettes" / cassette), record_mode=mode, allow_playback_repeats=False) as cas:
        yield cas


def gold(seed: Path) -> dict:
    return json.loads((GOLD_DIR / (seed.stem + ".json")).read_text(encoding="utf-8"))


def replay_settings(cache_dir, **more):
    """Settings that replay the recorded server. max_retries=0: a cassette miss must fail at
    once, not look like a flaky connection."""
    from summarizer.settings import resolve_settings

    return resolve_settings({"base_url": RECORD_URL, "cache_dir": str(cache_dir), "max_retries": 0, **more})[0]


@pytest.fixture(scope="session")
def seed_summaries(request, tmp_path_factory):
    """Every seed summarized once from cassettes/test_pipeline/<seed>.yaml (a fresh runtime per
    seed, so each cassette stands alone). The answer cache is kept under "_cache"."""
    from summarizer.pipeline import Runtime, summarize_file

    cache = tmp_path_factory.mktemp("pipeline-cache")
    out = {}
    for seed in SEED_FILES:
        with recorded(request.config, f"test_pipeline/{seed.name[:3]}.yaml"):
            with Runtime.open(replay_settings(cache)) as runtime:
                out[seed.name[:3]] = summarize_file(seed, runtime)
    out["_cache"] = cache
    return out


@pytest.fixture(scope="session")
def extractive_summaries(request, tmp_path_factory):
    """Every seed summarized in the extractive style, from cassettes/test_pipeline_extractive/."""
    from summarizer.pipeline import Runtime, summarize_file

    cache = tmp_path_factory.mktemp("extractive-cache")
    out = {}
    for seed in SEED_FILES:
        with recorded(request.config, f"test_pipeline_extractive/{seed.name[:3]}.yaml"):
            with Runtime.open(replay_settings(cache, style="extractive")) as runtime:
                out[seed.name[:3]] = summarize_file(seed, runtime)
    return out
