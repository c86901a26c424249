"""The embedded model server: llama-cpp-python's OpenAI-compatible server on 127.0.0.1.

`EmbeddedServer(settings)` is a context manager: entering it assembles/verifies the packaged
model (or takes `--model-path`), starts `python -m llama_cpp.server` on a free port, waits until
`/v1/models` answers, then runs a self-test (a one-token completion) and gives the base URL;
leaving it (normally, on an error or on Ctrl-C) stops the process. The child also gets SIGTERM
from the kernel if this process dies, so no server is ever left behind.

The self-test is what makes a bad build fail in seconds at start: a llama-cpp-python compiled
for CPU instructions this machine lacks loads the model and lists it, and crashes (SIGILL) only
on its first computation. Every exit of the process is explained by `diagnose.explain_exit`.
"""

from __future__ import annotations

import ctypes
import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import deque
from pathlib import Path
from typing import Optional

from summarizer.model import probe
from summarizer.model.diagnose import explain_exit, system_info
from summarizer.errors import (
    EndpointError, LocalExtraMissing, ModelFileError, PortInUse, ServerDied, ServerProcessError, ServerStartFailed,
)
from summarizer.model.files import INSTALL_HINT, ensure_model
from summarizer.settings import EMBEDDED_MODEL, Settings

#: Modules the server needs beyond llama_cpp itself (the [server] extra).
SERVER_MODULES = ("llama_cpp", "uvicorn", "fastapi", "sse_starlette", "starlette_context", "pydantic_settings")
START_TIMEOUT = 180.0
#: how long a process whose connection just dropped is given to finish dying, so its exit is seen
EXIT_GRACE = 3.0


def local_extra_missing() -> list[str]:
    return [m for m in SERVER_MODULES if importlib.util.find_spec(m) is None]


def require_local_extra() -> None:
    missing = local_extra_missing()
    if missing:
        raise LocalExtraMissing(
            f"the embedded model needs the 'local' extra (missing: {', '.join(missing)})",
            hint=INSTALL_HINT + "; or point the tool at a server with --base-url",
        )


def resolve_model_path(settings: Settings) -> Path:
    if settings.model_path:
        path = Path(settings.model_path).expanduser()
        if not path.is_file():
            raise ModelFileError(f"model file {path} does not exist")
        with path.open("rb") as f:
            if f.read(4) != b"GGUF":
                raise ModelFileError(f"model file {path} is not a GGUF file")
        return path
    return ensure_model(settings.cache_path)


def port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:  # pragma: no cover - runs in the child
    """Linux: have the kernel send SIGTERM to the server if this process dies."""
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def server_command(settings: Settings, model_path: Path, port: int) -> list[str]:
    return [
        sys.executable, "-m", "llama_cpp.server",
        "--model", str(model_path),
        "--model_alias", settings.model or EMBEDDED_MODEL,
        "--host", "127.0.0.1",
        "--port", str(port),
        "--n_ctx", str(settings.n_ctx),
        "--n_threads", str(settings.threads),
        "--n_threads_batch", str(settings.threads),
        # the server keeps logits for every position by default: n_ctx × vocabulary floats
        # (~5 GB at 8192 × 152k); chat completions never read them
        "--logits_all", "false",
        "--verbose", "true",
    ]


class EmbeddedServer:
    """Start the embedded server for the duration of a `with` block."""

    def __init__(self, settings: Settings, *, command: Optional[list[str]] = None, start_timeout: float = START_TIMEOUT) -> None:
        self.settings = settings
        self._command = command
        self.start_timeout = start_timeout
        self.proc: Optional[subprocess.Popen] = None
        self.port: Optional[int] = None
        self.log_path = settings.cache_path / "logs" / "server.log"
        self.started_in: Optional[float] = None
        self.self_test_s: Optional[float] = None
        self.launched = False  # whether this instance started a process (and so wrote the log)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def model(self) -> str:
        return self.settings.model or EMBEDDED_MODEL

    def __enter__(self) -> "EmbeddedServer":
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        t0 = time.monotonic()
        if self._command is None:
            require_local_extra()
            model_path = resolve_model_path(self.settings)
        if self.settings.port:
            if not port_is_free(self.settings.port):
                raise PortInUse(
                    f"port {self.settings.port} on 127.0.0.1 is already in use",
                    hint="choose another with --port, or leave it out to pick a free one",
                )
            self.port = self.settings.port
        else:
            self.port = free_port()
        command = self._command or server_command(self.settings, model_path, self.port)
        command = [c.replace("{port}", str(self.port)) for c in command]
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("wb")
        try:
            self.proc = subprocess.Popen(
                command,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
            )
        finally:
            log.close()
        self.launched = True
        deadline = time.monotonic() + self.start_timeout
        try:
            self._wait_ready(deadline)
            self._self_test(deadline)
        except BaseException:
            self.stop()
            raise
        self.started_in = time.monotonic() - t0

    def _wait_ready(self, deadline: float) -> None:
        url = self.base_url + "/models"
        while time.monotonic() < deadline:
            self._raise_if_exited(ServerStartFailed, "while starting")
            try:
                with urllib.request.urlopen(url, timeout=2) as r:
                    json.loads(r.read() or b"{}")
                    return
            except (urllib.error.URLError, OSError, ValueError):
                time.sleep(0.25)
        raise ServerStartFailed(
            f"the embedded server did not answer within {self.start_timeout:.0f} s",
            log_tail=self.log_tail(),
            hint=f"full log: {self.log_path}",
        )

    def _self_test(self, deadline: float) -> None:
        """Ask for one token; only then is the server up. Takes well under a second on a good
        build; a build this CPU cannot run crashes here instead of after minutes of prefill."""
        t0 = time.monotonic()
        try:
            probe.self_test(self.base_url, model=self.model, timeout=max(deadline - t0, 10.0))
        except EndpointError as exc:
            self._raise_if_exited(ServerStartFailed, "during its start-up self-test (a one-token completion)", grace=EXIT_GRACE)
            raise ServerStartFailed(
                f"the embedded server failed its start-up self-test: {exc.message}",
                log_tail=self.log_tail(),
                hint=f"full log: {self.log_path}",
            ) from exc
        self.self_test_s = time.monotonic() - t0

    def check_alive(self, grace: float = EXIT_GRACE) -> None:
        """Raise `ServerDied`, saying why, if the process has exited (or exits within `grace`
        seconds: called after a dropped connection, when a crashing server may still be dying)."""
        self._raise_if_exited(ServerDied, "while in use", grace=grace)

    def _raise_if_exited(self, kind: type[ServerProcessError], when: str, grace: float = 0.0) -> None:
        proc = self.proc
        if proc is None:
            return
        try:
            code = proc.wait(timeout=grace) if grace > 0 else proc.poll()
        except subprocess.TimeoutExpired:
            return
        if code is None:
            return
        cause = explain_exit(code, proc.pid, log_path=str(self.log_path))
        raise kind(
            f"the embedded server {cause.what} {when}" + (f": {cause.why}" if cause.why else ""),
            log_tail=self.log_tail() if cause.show_log else "",
            returncode=code,
            hint=cause.hint,
        )

    def system_info(self) -> Optional[str]:
        """llama.cpp's line of the CPU features this build was compiled with, from the log of the
        process this instance started (None before one was started: the log is a stale one)."""
        if not self.launched:
            return None
        try:
            return system_info(self.log_path.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            return None

    def log_tail(self, lines: int = 15) -> str:
        try:
            with self.log_path.open("r", encoding="utf-8", errors="replace") as f:
                return "".join(deque(f, maxlen=lines)).rstrip()
        except OSError:
            return ""

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)

    def wait(self) -> int:
        """Block until the server exits (for `summarizer serve`)."""
        assert self.proc is not None
        return self.proc.wait()


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
