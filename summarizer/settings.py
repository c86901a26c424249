"""Settings: one frozen object, one lookup order — flag > environment > config file > default.

`resolve_settings(flags)` takes the options given on the command line (None where not given)
and gives a `Settings` plus, for `doctor`, where each value came from. The config file is TOML
at `$SUMMARIZER_CONFIG` or `<user config dir>/summarizer/config.toml`, with the same keys as
`Settings` (base_url, api_key, model, mode, model_path, threads, n_ctx, timeout, ...).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Optional

import platformdirs

from summarizer.errors import ConfigError
from summarizer.model.strategies.names import RULES_ONLY, STRATEGIES

APP = "summarizer"
#: The model name the embedded server registers (its alias for the GGUF it serves).
EMBEDDED_MODEL = "qwen2.5-coder-1.5b-instruct-q4_k_m"
MODES = ("auto", "tools", "json_schema", "json")


def _default_threads() -> int:
    n = os.cpu_count() or 2
    return max(1, min(n, 8))


#: The style of the embedded default (bench/results.md: the picker that wins on the gold).
EMBEDDED_STYLE = "rules"
#: How areas are summarized: "auto" or a model strategy's name (summarizer/model/strategies).
STYLES = ("auto", *(name for name in STRATEGIES if name != RULES_ONLY))


@dataclass(frozen=True)
class Settings:
    base_url: Optional[str] = None  # None: start the embedded server
    api_key: Optional[str] = None
    model: Optional[str] = None  # None: the server's only model / the embedded one
    mode: str = "auto"  # instructor mode: auto | tools | json_schema | json
    style: str = "auto"  # auto | a strategy (auto: EMBEDDED_STYLE for the embedded model, else abstractive)
    model_path: Optional[str] = None  # GGUF for the embedded server; None: the packaged model
    threads: int = field(default_factory=_default_threads)
    n_ctx: int = 4096  # an area is cut at 3,600 characters (~2,200 tokens): 4096 holds any call
    port: int = 0  # embedded server port; 0 picks a free one
    timeout: float = 900.0  # seconds per model request (a CPU model is slow)
    max_retries: int = 3  # transient failures (429, 5xx, timeouts, connection errors)
    max_reasks: int = 1  # schema-validation failures sent back to the model
    temperature: float = 0.0
    cache_dir: Optional[str] = None  # None: the user cache dir
    use_cache: bool = True
    max_bytes: int = 2 * 1024 * 1024
    workers: int = 1
    target_band: float = 0.5  # track: ± percentage points of a 左右 rate target (5%左右 is 4.5%-5.5%)
    target_level_band: float = 0.02  # track: ± share of a 左右 level target in other units (亿元, 万吨)

    @property
    def embedded(self) -> bool:
        return self.base_url is None

    @property
    def summary_style(self) -> str:
        """How areas are summarized. With the embedded model: EMBEDDED_STYLE (the sentences that
        carry the results, chosen as bench/results.md measured best); a model behind another
        endpoint writes its own sentence (abstractive), unless told otherwise."""
        if self.style != "auto":
            return self.style
        return EMBEDDED_STYLE if self.embedded else "abstractive"

    @property
    def cache_path(self) -> Path:
        return Path(self.cache_dir) if self.cache_dir else Path(platformdirs.user_cache_dir(APP))


ENV_VARS: dict[str, tuple[str, ...]] = {
    "base_url": ("SUMMARIZER_BASE_URL", "OPENAI_BASE_URL"),
    "api_key": ("SUMMARIZER_API_KEY", "OPENAI_API_KEY"),
    "model": ("SUMMARIZER_MODEL",),
    "mode": ("SUMMARIZER_MODE",),
    "style": ("SUMMARIZER_STYLE",),
    "model_path": ("SUMMARIZER_MODEL_PATH",),
    "threads": ("SUMMARIZER_THREADS",),
    "n_ctx": ("SUMMARIZER_CTX",),
    "port": ("SUMMARIZER_PORT",),
    "timeout": ("SUMMARIZER_TIMEOUT",),
    "max_retries": ("SUMMARIZER_MAX_RETRIES",),
    "cache_dir": ("SUMMARIZER_CACHE_DIR",),
    "workers": ("SUMMARIZER_WORKERS",),
    "target_band": ("SUMMARIZER_TARGET_BAND",),
    "target_level_band": ("SUMMARIZER_TARGET_LEVEL_BAND",),
}


def config_file_path() -> Path:
    env = os.environ.get("SUMMARIZER_CONFIG")
    return Path(env) if env else Path(platformdirs.user_config_dir(APP)) / "config.toml"


def _load_config_file(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"config file {path} cannot be read: {exc}") from None
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(f"config file {path}: unknown key(s) {', '.join(unknown)}", hint=f"known keys: {', '.join(sorted(known))}")
    return data


_INT = {"threads", "n_ctx", "port", "max_retries", "max_reasks", "workers", "max_bytes"}
_FLOAT = {"timeout", "temperature", "target_band", "target_level_band"}
_BOOL = {"use_cache"}


def _coerce(name: str, value: Any) -> Any:
    try:
        if name in _INT:
            return int(value)
        if name in _FLOAT:
            return float(value)
        if name in _BOOL:
            return value if isinstance(value, bool) else str(value).strip().lower() in ("1", "true", "yes", "on")
        return str(value)
    except (TypeError, ValueError):
        raise ConfigError(f"setting {name}={value!r} is not a valid number") from None


def resolve_settings(flags: dict[str, Any] | None = None, env: dict[str, str] | None = None) -> tuple[Settings, dict[str, str]]:
    """Settings and, per key, where the value came from ("flag", "env:NAME", "config", "default")."""
    flags = {k: v for k, v in (flags or {}).items() if v is not None}
    env = dict(os.environ if env is None else env)
    cfg_path = config_file_path() if "SUMMARIZER_CONFIG" not in env else Path(env["SUMMARIZER_CONFIG"])
    config = _load_config_file(cfg_path)
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for f in fields(Settings):
        name = f.name
        if name in flags:
            values[name], sources[name] = flags[name], "flag"
            continue
        var = next((v for v in ENV_VARS.get(name, ()) if env.get(v)), None)
        if var:
            values[name], sources[name] = env[var], f"env:{var}"
            continue
        if name in config:
            values[name], sources[name] = config[name], f"config:{cfg_path}"
            continue
        sources[name] = "default"
    settings = replace(Settings(), **{k: _coerce(k, v) for k, v in values.items()})
    if settings.mode not in MODES:
        raise ConfigError(f"mode {settings.mode!r} is not one of {', '.join(MODES)}")
    if settings.style not in STYLES:
        raise ConfigError(f"style {settings.style!r} is not one of {', '.join(STYLES)}")
    if settings.base_url is not None and not settings.base_url.startswith(("http://", "https://")):
        raise ConfigError(f"base URL {settings.base_url!r} must start with http:// or https://")
    if settings.workers < 1:
        raise ConfigError("workers must be at least 1")
    if settings.max_bytes < 1:
        raise ConfigError(f"the size limit (--max-bytes, max_bytes) must be at least 1 byte, not {settings.max_bytes}")
    if settings.target_band < 0 or settings.target_level_band < 0:
        raise ConfigError("the band of 左右 (target_band, target_level_band) cannot be negative")
    return settings, sources
