"""The embedded server's life cycle and every way it can fail, without a model: the server
process is replaced by small stand-ins (one that exits, one that never answers, the fake
OpenAI-compatible server)."""

from __future__ import annotations

import importlib.util
import socket
import sys
import time

import pytest

from summarizer import server as server_mod
from summarizer.errors import LocalExtraMissing, ModelFileError, PortInUse, ServerDied, ServerStartFailed
from summarizer.server import EmbeddedServer, pid_alive, require_local_extra, resolve_model_path
from summarizer.settings import resolve_settings

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent
FAKE = [sys.executable, "-m", "tests.fakeserver", "--port", "{port}"]

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])


def _settings(**kw):
    return resolve_settings(kw)[0]


def test_missing_extra_says_how_to_install(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(server_mod.importlib.util, "find_spec", lambda name, *a: None if name == "llama_cpp" else real(name, *a))
    with pytest.raises(LocalExtraMissing) as info:
        require_local_extra()
    assert "llama_cpp" in str(info.value) and 'pip install ".[local]"' in info.value.hint
    with pytest.raises(LocalExtraMissing):
        EmbeddedServer(_settings()).start()


def test_model_path_must_be_a_gguf(tmp_path):
    with pytest.raises(ModelFileError):
        resolve_model_path(_settings(model_path=str(tmp_path / "none.gguf")))
    junk = tmp_path / "junk.gguf"
    junk.write_bytes(b"not a model")
    with pytest.raises(ModelFileError) as info:
        resolve_model_path(_settings(model_path=str(junk)))
    assert "not a GGUF" in str(info.value)


def test_port_in_use():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        with pytest.raises(PortInUse) as info:
            EmbeddedServer(_settings(port=port), command=FAKE).start()
        assert str(port) in str(info.value)


def test_server_that_exits_shows_its_log(monkeypatch):
    cmd = [sys.executable, "-c", "import sys; print('llama_load_model: failed to load model'); sys.exit(3)"]
    with pytest.raises(ServerStartFailed) as info:
        EmbeddedServer(_settings(), command=cmd).start()
    assert "exited with code 3" in str(info.value)
    assert "failed to load model" in info.value.log_tail


def test_server_that_never_answers_times_out_and_is_stopped():
    cmd = [sys.executable, "-c", "import time; print('loading'); time.sleep(60)"]
    server = EmbeddedServer(_settings(), command=cmd, start_timeout=1.5)
    with pytest.raises(ServerStartFailed) as info:
        server.start()
    assert "did not answer within" in str(info.value)
    assert server.proc is None  # stopped, not orphaned


def test_starts_answers_and_leaves_no_process(monkeypatch):
    monkeypatch.chdir(ROOT)
    with EmbeddedServer(_settings(), command=FAKE) as server:
        pid = server.proc.pid
        assert server.base_url.startswith("http://127.0.0.1:")
        server.check_alive()
    time.sleep(0.2)
    assert not pid_alive(pid)


def test_stopped_on_ctrl_c(monkeypatch):
    monkeypatch.chdir(ROOT)
    pid = None
    with pytest.raises(KeyboardInterrupt):
        with EmbeddedServer(_settings(), command=FAKE) as server:
            pid = server.proc.pid
            raise KeyboardInterrupt
    time.sleep(0.2)
    assert pid is not None and not pid_alive(pid)


def test_death_while_in_use_is_reported(monkeypatch):
    monkeypatch.chdir(ROOT)
    with EmbeddedServer(_settings(), command=FAKE) as server:
        server.proc.kill()
        server.proc.wait()
        with pytest.raises(ServerDied) as info:
            server.check_alive()
        assert "stopped" in str(info.value)
