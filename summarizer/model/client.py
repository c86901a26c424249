"""The one model interface: (prompt, response model, variables) → validated object + usage.

Everything provider-specific hides here: the openai client pointed at any OpenAI-compatible
base URL, the instructor mode that makes the server constrain its output to the schema
(named tool call for llama-cpp-python, json_schema for OpenAI / vLLM / llama-server / Ollama),
tenacity retries on transient failures (429, 5xx, timeouts, connection errors) with
exponential backoff, jitter and Retry-After, no retry on other 4xx, a capped number of
validation re-asks, and a clear `ExtractionError` (attempts, last raw output) when it gives up.
"""

from __future__ import annotations

import email.utils
import json
import logging
import random
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Generic, Optional, TypeVar

import httpx2
import instructor
import openai
from instructor.core import IncompleteOutputException, InstructorRetryException
from instructor.v2.core.errors import ResponseParsingError
from pydantic import BaseModel, ValidationError
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt

from summarizer.errors import (
    AuthenticationFailed,
    ConfigError,
    EndpointError,
    EndpointUnreachable,
    ExtractionError,
    ModelNotFound,
)
from summarizer.model.prompts import Prompt
from summarizer.settings import Settings

T = TypeVar("T", bound=BaseModel)

# instructor logs every failed attempt at ERROR level; our errors say it once, better.
logging.getLogger("instructor").setLevel(logging.CRITICAL)

#: Upper bound of one backoff wait, and of a Retry-After we honour.
MAX_WAIT = 60.0
#: Failures that mean "the model's answer did not fit the schema" (re-asked, then reported).
_PARSE_ERRORS = (ValidationError, json.JSONDecodeError, ResponseParsingError)
#: Generation cap per request: the schemas bound the answer far below this.
MAX_TOKENS = 1200


@dataclass(frozen=True)
class Endpoint:
    base_url: str
    api_key: str
    model: str
    mode: str  # tools | json_schema | json
    llama_cpp: bool = False  # llama-cpp-python's server: takes repeat_penalty, prefers tool calls
    embedded: bool = False

    @property
    def instructor_mode(self) -> instructor.Mode:
        return {"tools": instructor.Mode.TOOLS, "json_schema": instructor.Mode.JSON_SCHEMA, "json": instructor.Mode.JSON}[self.mode]


@dataclass
class Completion(Generic[T]):
    value: T
    prompt_tokens: int
    completion_tokens: int
    calls: int
    seconds: float


# ---------------------------------------------------------------------------------------------
# Endpoint discovery
# ---------------------------------------------------------------------------------------------


def make_openai_client(base_url: str, api_key: Optional[str], settings: Settings) -> openai.OpenAI:
    # max_retries=0: retries happen in one place (ModelClient), where a cassette miss or a dead
    # server is not mistaken for a flaky connection.
    return openai.OpenAI(base_url=base_url, api_key=api_key or "sk-no-key", timeout=settings.timeout, max_retries=0)


def discover_endpoint(base_url: str, settings: Settings, *, embedded: bool = False, client: Optional[openai.OpenAI] = None) -> Endpoint:
    """Ask the server which models it serves; choose the model and the instructor mode."""
    client = client or make_openai_client(base_url, settings.api_key, settings)
    try:
        page = client.models.list()
        models = [m.model_dump() for m in page.data]
    except openai.AuthenticationError:
        raise AuthenticationFailed(
            f"the server at {base_url} refused the API key",
            hint="set the right key with --api-key or OPENAI_API_KEY",
        ) from None
    except openai.APIConnectionError as exc:
        raise EndpointUnreachable(
            f"nothing answers at {base_url}",
            hint="is the server running? check --base-url / SUMMARIZER_BASE_URL / OPENAI_BASE_URL",
        ) from exc
    except openai.APIStatusError as exc:
        raise EndpointError(f"the server at {base_url} answered {exc.status_code} to a model listing") from None
    ids = [m.get("id") for m in models]
    llama_cpp = any(m.get("owned_by") == "me" for m in models)  # llama-cpp-python's signature
    model = settings.model
    if model is None:
        if len(ids) == 1 or (embedded and ids):
            model = ids[0]
        elif not ids:
            raise ModelNotFound(f"the server at {base_url} lists no models", hint="name one with --model")
        else:
            raise ConfigError(
                f"the server at {base_url} serves {len(ids)} models; choose one with --model",
                hint="available: " + ", ".join(str(i) for i in ids[:10]),
            )
    elif ids and model not in ids and not llama_cpp:
        # llama-cpp-python answers for any model name with its one model
        raise ModelNotFound(
            f"the server at {base_url} does not serve model {model!r}",
            hint="available: " + ", ".join(str(i) for i in ids[:10]),
        )
    mode = settings.mode
    if mode == "auto":
        # json_schema everywhere: OpenAI, vLLM, llama-server and Ollama take it as is, and
        # llama-cpp-python gets it translated to json_object+schema (see _llama_cpp_dialect)
        mode = "json_schema"
    return Endpoint(base_url=base_url, api_key=settings.api_key or "sk-no-key", model=str(model), mode=mode, llama_cpp=llama_cpp, embedded=embedded)


# ---------------------------------------------------------------------------------------------
# Retries
# ---------------------------------------------------------------------------------------------


def is_transient(exc: BaseException) -> bool:
    if isinstance(exc, (openai.APITimeoutError, openai.APIConnectionError, openai.RateLimitError, openai.InternalServerError)):
        return True
    return isinstance(exc, openai.APIStatusError) and exc.status_code >= 500


def retry_after_seconds(exc: BaseException) -> Optional[float]:
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if not headers:
        return None
    if headers.get("retry-after-ms"):
        try:
            return float(headers["retry-after-ms"]) / 1000
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value)
        return max(0.0, parsed.timestamp() - time.time()) if parsed else None


def backoff_wait(base: float = 1.0, rng: Callable[[], float] = random.random) -> Callable[[RetryCallState], float]:
    """Exponential backoff with full jitter; a server's Retry-After wins when it asks for longer."""

    def wait(state: RetryCallState) -> float:
        exp = min(MAX_WAIT, base * 2 ** (state.attempt_number - 1))
        delay = exp * (0.5 + 0.5 * rng())
        exc = state.outcome.exception() if state.outcome else None
        asked = retry_after_seconds(exc) if exc else None
        if asked is not None:
            delay = max(delay, min(asked, MAX_WAIT))
        return delay

    return wait


# ---------------------------------------------------------------------------------------------
# The client
# ---------------------------------------------------------------------------------------------


class ModelClient:
    """Turns (prompt, response model, variables) into a validated object plus token usage."""

    def __init__(
        self,
        endpoint: Endpoint,
        settings: Settings,
        *,
        health_check: Optional[Callable[[], None]] = None,
        sleep: Callable[[float], None] = time.sleep,
        backoff_base: float = 1.0,
    ) -> None:
        self.endpoint = endpoint
        self.settings = settings
        self._health_check = health_check
        self._sleep = sleep
        self._backoff_base = backoff_base
        self._openai = make_openai_client(endpoint.base_url, endpoint.api_key, settings)
        mode = endpoint.instructor_mode
        create = self._openai.chat.completions.create
        if endpoint.llama_cpp and mode == instructor.Mode.JSON_SCHEMA:
            create = _llama_cpp_dialect(create)
        self._instructor = instructor.Instructor(client=self._openai, create=instructor.patch(create=create, mode=mode), mode=mode)
        self._local = threading.local()
        self._instructor.on("completion:response", self._count)

    @property
    def model(self) -> str:
        return self.endpoint.model

    def _count(self, response: Any) -> None:
        acc = getattr(self._local, "acc", None)
        if acc is None:
            return
        usage = getattr(response, "usage", None)
        acc["calls"] += 1
        if usage is not None:
            acc["prompt"] += int(getattr(usage, "prompt_tokens", 0) or 0)
            acc["completion"] += int(getattr(usage, "completion_tokens", 0) or 0)
        choices = getattr(response, "choices", None) or []
        if choices:
            msg = choices[0].message
            calls = getattr(msg, "tool_calls", None) or []
            acc["last"] = calls[0].function.arguments if calls else (msg.content or "")

    def request_options(self) -> dict[str, Any]:
        options: dict[str, Any] = {"temperature": self.settings.temperature, "max_tokens": MAX_TOKENS}
        if self.endpoint.llama_cpp:
            # the default repeat penalty (1.1) pushes a model away from copying digits it has
            # just read, which is exactly what we ask of it
            options["extra_body"] = {"repeat_penalty": 1.0}
        return options

    def complete(self, prompt: Prompt, response_model: type[T], variables: dict[str, Any], context: Optional[dict] = None) -> Completion[T]:
        messages = prompt.messages(**variables)
        self._local.acc = acc = {"calls": 0, "prompt": 0, "completion": 0, "last": None}
        t0 = time.monotonic()
        retrying = Retrying(
            stop=stop_after_attempt(self.settings.max_retries + 1),
            wait=backoff_wait(self._backoff_base),
            retry=retry_if_exception(is_transient),
            sleep=self._sleep,
            reraise=True,
        )
        try:
            value = retrying(self._once, messages, response_model, context)
        except (openai.APITimeoutError,) as exc:
            raise EndpointError(
                f"the model server did not answer within {self.settings.timeout:.0f} s ({self.settings.max_retries + 1} attempts)",
                hint="raise --timeout, or use a faster server",
            ) from exc
        except openai.APIConnectionError as exc:
            if self._health_check:
                self._health_check()  # raises ServerDied with the log tail for the embedded server
            raise EndpointUnreachable(
                f"lost the connection to {self.endpoint.base_url} ({self.settings.max_retries + 1} attempts)",
                hint="is the server still running?",
            ) from exc
        except openai.AuthenticationError as exc:
            raise AuthenticationFailed(f"the server at {self.endpoint.base_url} refused the API key", hint="check --api-key / OPENAI_API_KEY") from exc
        except openai.NotFoundError as exc:
            raise ModelNotFound(f"the server answered 404 for model {self.endpoint.model!r}: {_message(exc)}", hint="check --model") from exc
        except openai.RateLimitError as exc:
            raise EndpointError(f"still rate-limited after {self.settings.max_retries + 1} attempts", hint="lower --workers or retry later") from exc
        except openai.APIStatusError as exc:
            raise EndpointError(f"the model server answered {exc.status_code}: {_message(exc)}") from exc
        finally:
            self._local.acc = None
        return Completion(value, acc["prompt"], acc["completion"], acc["calls"], time.monotonic() - t0)

    def _once(self, messages: list[dict], response_model: type[T], context: Optional[dict]) -> T:
        try:
            value, _raw = self._instructor.chat.completions.create_with_completion(
                model=self.endpoint.model,
                messages=messages,
                response_model=response_model,
                max_retries=self.settings.max_reasks,  # re-asks after the first answer
                context=context,
                **self.request_options(),
            )
            return value
        except InstructorRetryException as exc:
            cause = exc.__cause__
            if isinstance(cause, openai.APIError):
                raise cause from None
            if cause is not None and not isinstance(cause, _PARSE_ERRORS):
                raise cause  # a bug, not the model's fault: let it show
            last = self._local.acc.get("last") if self._local.acc else None
            raise ExtractionError(
                f"the model gave no valid {response_model.__name__} after {exc.n_attempts} attempt(s): {_short(str(exc))}",
                attempts=exc.n_attempts,
                last_output=last,
                hint="a larger model follows the schema better: --model-path (a bigger GGUF) or --base-url",
            ) from None
        except IncompleteOutputException:
            last = self._local.acc.get("last") if self._local.acc else None
            raise ExtractionError(
                f"the model's answer was cut off at {MAX_TOKENS} tokens",
                attempts=1,
                last_output=last,
            ) from None
        except httpx2.HTTPError as exc:  # pragma: no cover - openai wraps these
            raise openai.APIConnectionError(request=getattr(exc, "request", None)) from exc


def _llama_cpp_dialect(create: Callable[..., Any]) -> Callable[..., Any]:
    """llama-cpp-python's server takes a schema as response_format {"type": "json_object",
    "schema": ...} and turns it into a grammar; it does not know {"type": "json_schema"}, which
    is what instructor's JSON_SCHEMA mode sends. Translate. (Unlike a tool call, this puts no
    schema text into the prompt: the grammar alone holds the answer to the schema.)"""

    def adapted(**kwargs: Any) -> Any:
        fmt = kwargs.get("response_format")
        if isinstance(fmt, dict) and fmt.get("type") == "json_schema":
            kwargs["response_format"] = {"type": "json_object", "schema": fmt["json_schema"]["schema"]}
        return create(**kwargs)

    return adapted


def _message(exc: openai.APIStatusError) -> str:
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        err = body.get("error", body)
        if isinstance(err, dict):
            return str(err.get("message") or err)[:300]
        return str(err)[:300]
    return _short(str(exc))


def _short(text: str, n: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
