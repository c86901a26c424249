"""Endpoint resolution: flag > environment > config file > embedded default."""

from __future__ import annotations

import pytest

from summarizer.errors import ConfigError
from summarizer.settings import resolve_settings


def test_default_is_the_embedded_model():
    s, src = resolve_settings({})
    assert s.embedded and s.base_url is None and src["base_url"] == "default"


def test_order_flag_env_config(isolated_user_dirs, monkeypatch):
    cfg = isolated_user_dirs / "config.toml"
    cfg.write_text('base_url = "http://config:1/v1"\nmodel = "from-config"\nthreads = 3\n', encoding="utf-8")
    s, src = resolve_settings({})
    assert (s.base_url, s.model, s.threads) == ("http://config:1/v1", "from-config", 3)
    assert src["base_url"].startswith("config:")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://openai-env:2/v1")
    s, src = resolve_settings({})
    assert s.base_url == "http://openai-env:2/v1" and src["base_url"] == "env:OPENAI_BASE_URL"
    monkeypatch.setenv("SUMMARIZER_BASE_URL", "http://ours:3/v1")
    s, src = resolve_settings({})
    assert s.base_url == "http://ours:3/v1" and src["base_url"] == "env:SUMMARIZER_BASE_URL"
    s, src = resolve_settings({"base_url": "http://flag:4/v1", "model": None})
    assert s.base_url == "http://flag:4/v1" and src["base_url"] == "flag"
    assert s.model == "from-config"  # a flag left out does not hide lower levels


def test_api_key_from_openai_env(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    s, src = resolve_settings({})
    assert s.api_key == "sk-test" and src["api_key"] == "env:OPENAI_API_KEY"


def test_numbers_from_the_environment_are_parsed(monkeypatch):
    monkeypatch.setenv("SUMMARIZER_THREADS", "6")
    monkeypatch.setenv("SUMMARIZER_TIMEOUT", "12.5")
    s, _ = resolve_settings({})
    assert s.threads == 6 and s.timeout == 12.5


@pytest.mark.parametrize(
    "flags,message",
    [
        ({"mode": "magic"}, "mode 'magic'"),
        ({"base_url": "localhost:8000"}, "must start with http"),
        ({"threads": "many"}, "not a valid number"),
        ({"workers": 0}, "workers must be at least 1"),
    ],
)
def test_bad_settings_are_clear_errors(flags, message):
    with pytest.raises(ConfigError) as info:
        resolve_settings(flags)
    assert message in str(info.value)


def test_unknown_config_key(isolated_user_dirs):
    (isolated_user_dirs / "config.toml").write_text("base_ur = 'x'\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        resolve_settings({})
    assert "unknown key(s) base_ur" in str(info.value)


def test_broken_config_file(isolated_user_dirs):
    (isolated_user_dirs / "config.toml").write_text("base_url = \n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        resolve_settings({})
    assert "cannot be read" in str(info.value)
