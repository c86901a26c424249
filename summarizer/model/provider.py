"""provider: the model, made ready on first use and released at the end.

For the embedded default it starts the llama-cpp-python server (`server.EmbeddedServer`: files,
self-test, the way it ends) and points a `client.ModelClient` at it; for any other endpoint it
discovers the model behind the URL. It also names the model for the answer cache without
starting anything.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable, Optional

from summarizer.model.client import Endpoint, ModelClient, discover_endpoint
from summarizer.model.files import MODEL_SHA256
from summarizer.model.server import EmbeddedServer
from summarizer.settings import EMBEDDED_MODEL, Settings


class ModelProvider:
    """The model, made ready on first use and released by `close()`.

    `model_id` names the answers a model gives (part of every cache key). For the embedded
    model it is known without starting anything (alias and weights), so a fully cached run
    starts no server; for another endpoint it is the model named with --model or, failing
    that, the one the server lists (one model listing, no model call), so answers cached from
    one model are never served for another at the same URL."""

    def __init__(self, settings: Settings, *, client_factory: Optional[Callable[[Endpoint], ModelClient]] = None) -> None:
        self.settings = settings
        self._client: Optional[ModelClient] = None
        self._endpoint: Optional[Endpoint] = None
        self._server: Optional[EmbeddedServer] = None
        self._lock = threading.RLock()
        self._client_factory = client_factory

    @property
    def model_id(self) -> str:
        s = self.settings
        if s.embedded:
            if s.model_path:
                p = Path(s.model_path)
                weights = f"{p.name}:{p.stat().st_size if p.exists() else 0}"
            else:
                weights = MODEL_SHA256[:16]
            return f"embedded:{s.model or EMBEDDED_MODEL}:{weights}:{s.mode}"
        model = s.model or self._remote_endpoint().model
        return f"{s.base_url}:{model}:{s.mode}"

    def _remote_endpoint(self) -> Endpoint:
        with self._lock:
            if self._endpoint is None:
                self._endpoint = discover_endpoint(self.settings.base_url, self.settings)  # type: ignore[arg-type]
            return self._endpoint

    def get(self) -> ModelClient:
        with self._lock:
            if self._client is None:
                self._client = self._start()
            return self._client

    def _start(self) -> ModelClient:
        s = self.settings
        health = None
        if s.embedded:
            server = EmbeddedServer(s)
            server.start()
            self._server = server
            endpoint = discover_endpoint(server.base_url, s, embedded=True)
            health = server.check_alive
        else:
            endpoint = self._remote_endpoint()
        if self._client_factory:
            return self._client_factory(endpoint)
        return ModelClient(endpoint, s, health_check=health)

    @property
    def model_name(self) -> Optional[str]:
        if self._client is not None:
            return self._client.model
        if self._endpoint is not None:
            return self._endpoint.model
        return self.settings.model or (EMBEDDED_MODEL if self.settings.embedded else None)

    def close(self) -> None:
        with self._lock:
            if self._server is not None:
                self._server.stop()
                self._server = None
            self._client = None
