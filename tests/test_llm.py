"""The model interface against a local fake server: retries on 429/5xx with Retry-After,
no retry on 4xx, clear errors for a dead endpoint, a refused key, a missing model and a
malformed reply; and the request dialect for llama-cpp-python."""

from __future__ import annotations

import pytest

from schemas.responses import review_response
from summarizer.errors import AuthenticationFailed, ConfigError, EndpointError, EndpointUnreachable, ExtractionError, ModelNotFound
from summarizer.model.client import ModelClient, backoff_wait, discover_endpoint, retry_after_seconds
from summarizer.model.prompts import load_prompt
from summarizer.settings import resolve_settings

from tests.fakeserver import FakeServer

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
PROMPT = load_prompt("review")
VARS = {"count": 1, "areas": "【1】(一)经济\n地区生产总值增长5%。"}


def _client(fake: FakeServer, sleeps=None, **settings):
    s = resolve_settings({"base_url": fake.base_url, "max_retries": 3, **settings})[0]
    endpoint = discover_endpoint(fake.base_url, s)
    return ModelClient(endpoint, s, sleep=(sleeps.append if sleeps is not None else lambda _: None))


def test_429_then_success_honours_retry_after():
    sleeps: list[float] = []
    script = [(429, {"Retry-After": "7"}, {"error": {"message": "slow down"}})]
    with FakeServer(script=script) as fake:
        done = _client(fake, sleeps).complete(PROMPT, review_response(1), VARS)
    assert len(fake.chat_requests) == 2 and done.calls == 1
    assert sleeps and sleeps[0] >= 7.0
    assert done.value.areas[0].summary == "概括"


def test_5xx_retried_until_it_gives_up():
    script = [(503, {}, {"error": {"message": "overloaded"}})] * 5
    with FakeServer(script=script) as fake:
        with pytest.raises(EndpointError) as info:
            _client(fake).complete(PROMPT, review_response(1), VARS)
    assert len(fake.chat_requests) == 4  # 1 + max_retries
    assert "503" in str(info.value)


def test_400_is_not_retried():
    script = [(400, {}, {"error": {"message": "bad request: context length exceeded"}})]
    with FakeServer(script=script) as fake:
        with pytest.raises(EndpointError) as info:
            _client(fake).complete(PROMPT, review_response(1), VARS)
    assert len(fake.chat_requests) == 1
    assert "400" in str(info.value) and "context length" in str(info.value)


def test_401_is_a_key_problem():
    script = [(401, {}, {"error": {"message": "invalid api key"}})]
    with FakeServer(script=script) as fake:
        with pytest.raises(AuthenticationFailed):
            _client(fake).complete(PROMPT, review_response(1), VARS)
    assert len(fake.chat_requests) == 1


def test_malformed_reply_is_reasked_then_reported_with_the_raw_output():
    with FakeServer(content='{"areas": [{"summary": 42') as fake:
        with pytest.raises(ExtractionError) as info:
            _client(fake, max_reasks=1).complete(PROMPT, review_response(1), VARS)
    assert len(fake.chat_requests) == 2  # the answer and one re-ask
    assert info.value.attempts == 2
    assert info.value.last_output == '{"areas": [{"summary": 42'


def test_nothing_listening():
    s = resolve_settings({"base_url": "http://127.0.0.1:9/v1"})[0]
    with pytest.raises(EndpointUnreachable) as info:
        discover_endpoint("http://127.0.0.1:9/v1", s)
    assert "nothing answers" in str(info.value)


def test_model_not_served():
    with FakeServer() as fake:
        s = resolve_settings({"base_url": fake.base_url, "model": "gpt-9"})[0]
        with pytest.raises(ModelNotFound) as info:
            discover_endpoint(fake.base_url, s)
    assert "gpt-9" in str(info.value) and "fake-model" in info.value.hint


def test_several_models_need_a_choice():
    with FakeServer(model="a", also_serves=("b",)) as fake:
        s = resolve_settings({"base_url": fake.base_url})[0]
        with pytest.raises(ConfigError) as info:
            discover_endpoint(fake.base_url, s)
        assert "serves 2 models" in str(info.value) and "a, b" in info.value.hint
        chosen = resolve_settings({"base_url": fake.base_url, "model": "b"})[0]
        assert discover_endpoint(fake.base_url, chosen).model == "b"


def test_the_only_model_is_taken():
    with FakeServer(model="solo") as fake:
        s = resolve_settings({"base_url": fake.base_url})[0]
        assert discover_endpoint(fake.base_url, s).model == "solo"


def test_key_refused_at_discovery():
    with FakeServer() as fake:
        fake.httpd.RequestHandlerClass.do_GET = lambda self: self._send(401, {"error": {"message": "no"}})
        s = resolve_settings({"base_url": fake.base_url})[0]
        with pytest.raises(AuthenticationFailed):
            discover_endpoint(fake.base_url, s)


def test_llama_cpp_gets_json_object_with_schema_and_no_repeat_penalty():
    with FakeServer(owned_by="me") as fake:
        client = _client(fake)
        assert client.endpoint.llama_cpp and client.endpoint.mode == "json_schema"
        client.complete(PROMPT, review_response(2), {"count": 2, "areas": "【1】a\n\n【2】b"})
    body = fake.chat_requests[0]
    assert body["response_format"]["type"] == "json_object"
    assert body["response_format"]["schema"]["properties"]["areas"]["minItems"] == 2
    assert body["repeat_penalty"] == 1.0 and body["temperature"] == 0.0
    assert "tools" not in body


def test_other_servers_get_json_schema_and_nothing_extra():
    with FakeServer() as fake:
        _client(fake).complete(PROMPT, review_response(1), VARS)
    body = fake.chat_requests[0]
    assert body["response_format"]["type"] == "json_schema" and "repeat_penalty" not in body


def test_tools_mode_sends_a_named_tool_choice():
    with FakeServer(owned_by="me") as fake:
        done = _client(fake, mode="tools").complete(PROMPT, review_response(1), VARS)
    body = fake.chat_requests[0]
    assert body["tool_choice"]["function"]["name"] == body["tools"][0]["function"]["name"]
    assert done.value.areas[0].summary == "概括"


def test_backoff_grows_and_respects_retry_after():
    class State:
        def __init__(self, n, exc=None):
            self.attempt_number = n
            self.outcome = type("O", (), {"exception": lambda self_: exc})() if exc else None

    wait = backoff_wait(1.0, rng=lambda: 1.0)
    assert [wait(State(n)) for n in (1, 2, 3)] == [1.0, 2.0, 4.0]
    exc = type("E", (Exception,), {})()
    exc.response = type("R", (), {"headers": {"retry-after": "30"}})()
    assert wait(State(1, exc)) == 30.0
    assert retry_after_seconds(exc) == 30.0


def test_a_dead_embedded_server_is_reported_with_its_log():
    """A connection error while the embedded server is in use asks the server what happened."""
    from summarizer.errors import ServerDied
    from summarizer.model.client import Endpoint

    def health():
        raise ServerDied("the embedded server stopped (exit code -9) while in use", log_tail="Killed")

    s = resolve_settings({"base_url": "http://127.0.0.1:9/v1", "max_retries": 1})[0]
    endpoint = Endpoint(base_url="http://127.0.0.1:9/v1", api_key="x", model="m", mode="json_schema", llama_cpp=True, embedded=True)
    client = ModelClient(endpoint, s, health_check=health, sleep=lambda _: None)
    with pytest.raises(ServerDied) as info:
        client.complete(PROMPT, review_response(1), VARS)
    assert info.value.log_tail == "Killed"
