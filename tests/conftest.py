"""Shared fixtures: every test runs with its own user directories and no endpoint settings, and
HTTP is replayed from cassettes/<test_module>/<test>.yaml."""

from __future__ import annotations

import json
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


def gold(seed: Path) -> dict:
    return json.loads((GOLD_DIR / (seed.stem + ".json")).read_text(encoding="utf-8"))
