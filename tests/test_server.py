"""The embedded server's life cycle and every way it can fail, without a model: the server
process is replaced by small stand-ins (one that exits, one that never answers, one that kills
itself with SIGILL or SIGKILL, the fake OpenAI-compatible server, which can also die on a
completion request)."""

from __future__ import annotations

import importlib.util
import socket
import sys
import time

import pytest

from summarizer.model import diagnose
from summarizer.model import probe
from summarizer.model import server as server_mod
from summarizer.errors import EndpointUnreachable, LocalExtraMissing, ModelFileError, PortInUse, ServerDied, ServerStartFailed
from summarizer.model.server import EmbeddedServer, pid_alive, require_local_extra, resolve_model_path
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
        server.check_alive(grace=0)
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
        assert "was killed (SIGKILL) while in use" in str(info.value)


def _kills_itself(signal_name: str) -> list[str]:
    """A stand-in that prints a line and kills itself (without a core file) while starting."""
    return [sys.executable, "-c", (
        "import os, resource, signal; print('llama_model_load: loading', flush=True); "
        f"resource.setrlimit(resource.RLIMIT_CORE, (0, 0)); os.kill(os.getpid(), signal.{signal_name})"
    )]


@pytest.fixture
def no_kernel_log(monkeypatch):
    """The kernel log is unreadable (as in most containers): SIGKILL cannot be confirmed as OOM."""
    monkeypatch.setattr(diagnose, "read_kernel_log", lambda: None)


def test_sigill_while_starting_names_the_build_and_the_rebuild_command():
    with pytest.raises(ServerStartFailed) as info:
        EmbeddedServer(_settings(), command=_kills_itself("SIGILL")).start()
    err = info.value
    assert err.returncode == -4
    assert "illegal instruction (SIGILL) while starting" in err.message
    assert "this llama-cpp-python build uses CPU instructions this machine cannot run" in err.message
    assert "out of memory" not in err.message + err.hint
    assert diagnose.reinstall_command() in err.hint
    assert "--force-reinstall" in err.hint and "--no-cache-dir" in err.hint and "-DGGML_NATIVE=OFF" in err.hint


def test_sigkill_while_starting_gives_the_memory_hint(no_kernel_log):
    with pytest.raises(ServerStartFailed) as info:
        EmbeddedServer(_settings(), command=_kills_itself("SIGKILL")).start()
    err = info.value
    assert err.returncode == -9
    assert "was killed (SIGKILL) while starting: most often by the out-of-memory killer" in err.message
    assert "--n-ctx" in err.hint and "memory" in err.hint
    assert "loading" in err.log_tail


def test_self_test_catches_a_server_that_lists_models_but_dies_on_a_completion(monkeypatch):
    """The bad-build case: /v1/models answers, the first computation is an illegal instruction.
    The start fails in seconds, during the self-test, not later in the first real request."""
    monkeypatch.chdir(ROOT)
    server = EmbeddedServer(_settings(), command=FAKE + ["--die", "ill"])
    t0 = time.monotonic()
    with pytest.raises(ServerStartFailed) as info:
        server.start()
    assert time.monotonic() - t0 < 20
    assert "illegal instruction (SIGILL) during its start-up self-test" in info.value.message
    assert "CPU instructions this machine cannot run" in info.value.message
    assert "CMAKE_ARGS=" in info.value.hint
    assert server.proc is None


def test_self_test_passes_on_a_working_server(monkeypatch):
    monkeypatch.chdir(ROOT)
    with EmbeddedServer(_settings(), command=FAKE) as server:
        assert server.self_test_s is not None and server.started_in >= server.self_test_s


@pytest.mark.parametrize(
    "how, says, hint, log",
    [
        ("ill", "crashed on an illegal instruction (SIGILL) while in use: this llama-cpp-python build uses CPU instructions", "CMAKE_ARGS=", False),
        ("kill", "was killed (SIGKILL) while in use: most often by the out-of-memory killer", "--n-ctx", True),
        ("exit", "exited with code 1 while in use", "full log:", True),
    ],
)
def test_death_in_use_is_explained_by_how_the_process_ended(monkeypatch, no_kernel_log, how, says, hint, log):
    """The server passes its self-test, then dies on the next completion: SIGILL, SIGKILL or exit 1."""
    monkeypatch.chdir(ROOT)
    with EmbeddedServer(_settings(), command=FAKE + ["--die", how, "--after", "1"]) as server:
        with pytest.raises(EndpointUnreachable):
            probe.complete(server.base_url, "1, 2,", 4, timeout=10)
        with pytest.raises(ServerDied) as info:
            server.check_alive()
    assert says in info.value.message
    assert hint in info.value.hint
    assert ("dying by" in info.value.log_tail) is log  # the log tail is shown where it is the explanation


def test_check_alive_on_a_live_server_returns(monkeypatch):
    monkeypatch.chdir(ROOT)
    with EmbeddedServer(_settings(), command=FAKE) as server:
        t0 = time.monotonic()
        server.check_alive(grace=0.2)
        assert time.monotonic() - t0 < 2
