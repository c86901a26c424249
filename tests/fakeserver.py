"""A fake OpenAI-compatible server for tests of the plumbing (retries, errors, batch
throughput and resumption, server start-up). It is not a model and nothing it says is
recorded model output: its answers are the smallest instances of the requested JSON schema
("概括" for every string, empty lists where allowed), or scripted HTTP failures.

Run as a script (`python -m tests.fakeserver --port N`) it serves until killed; tests use
`FakeServer` in-process. As a script it can also stand in for a crashing model server:
`--die ill|kill|exit` ends the process on a completion request (after `--after N` answered ones)
by SIGILL, by SIGKILL or with exit code 1, the three ways the embedded server is seen to end;
`--system-info` first prints a line in the form of llama.cpp's CPU feature line.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Optional


def instance_of(schema: dict, root: Optional[dict] = None) -> Any:
    """The smallest value that satisfies a (simple) JSON schema."""
    root = root or schema
    if "$ref" in schema:
        name = schema["$ref"].split("/")[-1]
        return instance_of(root.get("$defs", {})[name], root)
    kind = schema.get("type")
    if kind == "object":
        return {k: instance_of(v, root) for k, v in schema.get("properties", {}).items()}
    if kind == "array":
        return [instance_of(schema["items"], root) for _ in range(schema.get("minItems", 0))]
    if kind == "string":
        return "概括"
    if kind in ("integer", "number"):
        return 0
    if kind == "boolean":
        return False
    return None


def _schema_of(body: dict) -> tuple[Optional[dict], str]:
    fmt = body.get("response_format") or {}
    if fmt.get("type") == "json_schema":
        return fmt["json_schema"]["schema"], "content"
    if fmt.get("type") == "json_object" and "schema" in fmt:
        return fmt["schema"], "content"
    tools = body.get("tools") or []
    if tools:
        return tools[0]["function"]["parameters"], "tool:" + tools[0]["function"]["name"]
    return None, "content"


class FakeServer:
    """In-process fake. `script` is a list of (status, headers, body) served first, one per
    chat request; after it runs out, valid answers follow. `latency` sleeps per request."""

    def __init__(self, *, latency: float = 0.0, script: Optional[list[tuple[int, dict, Any]]] = None,
                 owned_by: str = "fake", model: str = "fake-model", content: Optional[str] = None,
                 also_serves: tuple[str, ...] = (), die: Optional[str] = None, die_after: int = 0) -> None:
        self.latency = latency
        self.die = die  # "ill", "kill" or "exit": end this process on a completion (script use only)
        self.die_after = die_after
        self.script = list(script or [])
        self.owned_by = owned_by
        self.model = model
        self.also_serves = also_serves
        self.content = content  # a fixed (possibly malformed) answer instead of a schema instance
        self.chat_requests: list[dict] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def __enter__(self) -> "FakeServer":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, payload: Any, headers: Optional[dict] = None) -> None:
                data = json.dumps(payload, ensure_ascii=False).encode("utf-8") if not isinstance(payload, bytes) else payload
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                if self.path.rstrip("/").endswith("/models"):
                    ids = [fake.model, *fake.also_serves]
                    self._send(200, {"object": "list", "data": [{"id": i, "object": "model", "owned_by": fake.owned_by} for i in ids]})
                else:
                    self._send(404, {"error": {"message": "not found"}})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                with fake._lock:
                    fake.chat_requests.append(body)
                    scripted = fake.script.pop(0) if fake.script else None
                    if fake.die and len(fake.chat_requests) > fake.die_after:
                        die(fake.die)
                    fake.in_flight += 1
                    fake.max_in_flight = max(fake.max_in_flight, fake.in_flight)
                try:
                    if fake.latency:
                        time.sleep(fake.latency)
                    if scripted is not None:
                        status, headers, payload = scripted
                        self._send(status, payload, headers)
                        return
                    self._send(200, fake.completion(body))
                finally:
                    with fake._lock:
                        fake.in_flight -= 1

        return Handler

    def completion(self, body: dict) -> dict:
        schema, where = _schema_of(body)
        text = self.content if self.content is not None else json.dumps(instance_of(schema) if schema else {}, ensure_ascii=False)
        message: dict[str, Any] = {"role": "assistant", "content": None}
        if where.startswith("tool:"):
            message["tool_calls"] = [{"id": "call_0", "type": "function", "function": {"name": where[5:], "arguments": text}}]
            finish = "tool_calls"
        else:
            message["content"] = text
            finish = "stop"
        return {
            "id": f"chatcmpl-{len(self.chat_requests)}",
            "object": "chat.completion",
            "created": 0,
            "model": body.get("model", self.model),
            "choices": [{"index": 0, "message": message, "finish_reason": finish}],
            "usage": {"prompt_tokens": 100, "completion_tokens": 10, "total_tokens": 110},
        }


#: the form of llama.cpp's system info line (what a portable AVX2 build reports)
SYSTEM_INFO = "CPU : SSE3 = 1 | SSSE3 = 1 | AVX = 1 | AVX2 = 1 | F16C = 1 | FMA = 1 | BMI2 = 1 | OPENMP = 1 | REPACK = 1 | "


def die(how: str) -> None:  # pragma: no cover - runs in the stand-in process
    """End this process the way a crashing server ends: by SIGILL, by SIGKILL, or exit code 1."""
    print(f"stand-in server: dying by {how}", flush=True)
    if how == "exit":
        os._exit(1)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a crash, but no core file
    os.kill(os.getpid(), {"ill": signal.SIGILL, "kill": signal.SIGKILL}[how])
    time.sleep(60)  # the signal may take a moment: never answer the request that killed us


def main() -> None:  # pragma: no cover - used as a subprocess by the server tests
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--die", choices=["ill", "kill", "exit"])
    parser.add_argument("--after", type=int, default=0, help="completions answered before dying")
    parser.add_argument("--system-info", action="store_true")
    args = parser.parse_args()
    if args.system_info:
        print(SYSTEM_INFO, file=sys.stderr, flush=True)
    fake = FakeServer(owned_by="me", die=args.die, die_after=args.after)
    fake.httpd.server_close()
    fake.httpd = ThreadingHTTPServer(("127.0.0.1", args.port), fake._handler())
    fake.httpd.serve_forever()


if __name__ == "__main__":
    main()
