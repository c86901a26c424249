"""Small direct completions against an OpenAI-compatible server, outside the model client: the
one-token self-test that proves the embedded server can compute, and the short fixed-prompt
speed measurement of `summarizer doctor`.

Plain urllib, one attempt each, no retries: a retry would only hide the crash we look for.
Every request asks `/v1/completions` (no chat template, so the token counts are the text's own)
at temperature 0 and reads the server's `usage`.
"""

from __future__ import annotations

import http.client
import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Optional

from summarizer.errors import EndpointError, EndpointUnreachable

#: the self-test and the generation measurement continue a count, which never ends early
COUNT_PROMPT = "1, 2, 3, 4, 5,"
#: the prompt-speed passage: fixed, in the language and register of the reports (about 150 tokens)
READ_PROMPT = (
    "过去一年，全区坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，统筹疫情防控和经济社会发展，"
    "经济运行总体平稳。全年地区生产总值增长6.5%，规模以上工业增加值增长8.0%，固定资产投资增长12.3%，"
    "社会消费品零售总额增长4.1%，一般公共预算收入80.8亿元。新开工重大项目42个，新增高新技术企业310家，"
    "城镇新增就业1.2万人，居民人均可支配收入增长5.2%。同时也要清醒地看到，创新资源导入不足，产业链韧性有待增强，"
    "公共服务供给与群众期待仍有差距。新的一年，全区将坚持以高质量发展为主题，"
)
GEN_TOKENS = 32
RUNS = 3
TIMEOUT = 120.0


@dataclass(frozen=True)
class Timed:
    """One completion: the tokens the server counted and the seconds it took, end to end."""

    prompt_tokens: int
    completion_tokens: int
    seconds: float


@dataclass(frozen=True)
class Speed:
    """Prompt processing and generation speed, each from its own request (the fastest of `runs`)."""

    prompt_tokens: int
    prompt_s: float
    gen_tokens: int
    gen_s: float
    runs: int = 1

    @property
    def prompt_tps(self) -> float:
        return self.prompt_tokens / self.prompt_s if self.prompt_s > 0 else 0.0

    @property
    def gen_tps(self) -> float:
        return self.gen_tokens / self.gen_s if self.gen_s > 0 else 0.0


def complete(base_url: str, prompt: str, max_tokens: int, *, model: Optional[str] = None, timeout: float = TIMEOUT) -> Timed:
    """POST one completion; raise `EndpointUnreachable` if the connection fails or drops (what a
    crashing server does) and `EndpointError` for an HTTP error or an answer without usage."""
    body: dict = {"prompt": prompt, "max_tokens": max_tokens, "temperature": 0}
    if model:
        body["model"] = model
    request = urllib.request.Request(
        base_url.rstrip("/") + "/completions",
        data=json.dumps(body).encode("utf-8"),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    t0 = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            answer = json.loads(r.read() or b"{}")
    except urllib.error.HTTPError as exc:
        detail = exc.read()[:300].decode("utf-8", "replace")
        raise EndpointError(f"a {max_tokens}-token completion was answered with HTTP {exc.code}: {detail}") from exc
    except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise EndpointUnreachable(f"a {max_tokens}-token completion got no answer ({reason})") from exc
    except ValueError as exc:
        raise EndpointError(f"a {max_tokens}-token completion was answered with something that is not JSON") from exc
    seconds = time.monotonic() - t0
    usage = answer.get("usage") or {}
    try:
        return Timed(int(usage["prompt_tokens"]), int(usage["completion_tokens"]), seconds)
    except (KeyError, TypeError, ValueError) as exc:
        raise EndpointError(f"a {max_tokens}-token completion was answered without token counts: {str(answer)[:200]}") from exc


def self_test(base_url: str, *, model: Optional[str] = None, timeout: float = TIMEOUT) -> Timed:
    """Ask for one token: a server that lists its model but cannot compute fails here."""
    return complete(base_url, COUNT_PROMPT, 1, model=model, timeout=timeout)


def measure_speed(base_url: str, *, model: Optional[str] = None, timeout: float = TIMEOUT, runs: int = RUNS) -> Speed:
    """Prompt speed from a fixed passage answered with one token; generation speed from
    `GEN_TOKENS` tokens continuing a count (its prompt is a handful of tokens, so the time is
    almost all generation). Each is measured `runs` times and the fastest kept: on a shared
    machine a slow run measures the neighbours, not the build. The passage starts with the run's
    number, so no run finds it in the server's prefix cache."""
    reads = [complete(base_url, f"{n}. {READ_PROMPT}", 1, model=model, timeout=timeout) for n in range(1, runs + 1)]
    writes = [complete(base_url, COUNT_PROMPT, GEN_TOKENS, model=model, timeout=timeout) for _ in range(runs)]
    read = min(reads, key=lambda t: t.seconds / max(t.prompt_tokens, 1))
    write = min(writes, key=lambda t: t.seconds / max(t.completion_tokens, 1))
    return Speed(read.prompt_tokens, read.seconds, write.completion_tokens, write.seconds, runs)


def seconds_per_report(speed: Speed, prompt_tokens: int, gen_tokens: int) -> float:
    """What a report of `prompt_tokens` + `gen_tokens` (a strategy's measured per-report tokens)
    costs at this speed. The measured speeds are the fastest of a few runs without a grammar, so
    this is the least a report takes here; the prefix cache makes the prompt part smaller."""
    prompt = prompt_tokens / speed.prompt_tps if speed.prompt_tps > 0 else 0.0
    gen = gen_tokens / speed.gen_tps if speed.gen_tps > 0 else 0.0
    return prompt + gen
