"""pipeline: one document from file to `DocumentSummary`.

read → clean → split → classify (pure) → rules (targets, problems, headline metrics) →
extract (the model, review and task areas only) → verify → aggregate. `Runtime` holds what
documents share: settings, the answer cache and the model, which is started (embedded server)
or discovered (any other endpoint) only when a cache miss needs it — a re-run of an unchanged
document touches no server at all.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from schemas.document import SectionKind
from schemas.summary import DocumentSource, DocumentSummary, Usage

from summarizer.model.cache import AnswerCache
from summarizer.parse.document import ParsedDocument, parse_document, quotes_as_printed
from summarizer.errors import ExtractionError
from summarizer.model.extract import PICK_PROMPTS, PROMPTS, RETRY_PROMPTS, Items, Unit, answer_unit, build_items, plan_units, reask_weak
from summarizer.model.client import Endpoint, ModelClient, discover_endpoint
from summarizer.model.files import MODEL_SHA256
from summarizer.model.prompts import load_prompt
from summarizer.rules.headline import extract_headline_metrics
from summarizer.rules.mentions import absence_warnings, indicator_mentions
from summarizer.rules.problems import extract_problems, problems_span
from summarizer.rules.targets import extract_targets
from summarizer.model.server import EmbeddedServer
from summarizer.settings import EMBEDDED_MODEL, Settings

#: Kinds the model reads, in the order they are processed (one prompt prefix at a time).
MODEL_KINDS = (SectionKind.REVIEW, SectionKind.TASKS)

RULES_ONLY = "rules-only"

#: progress(event, **info): "plan" (units=N), "unit_start"/"unit_done" (index, unit, cached)
Progress = Callable[..., None]


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


@dataclass
class Runtime:
    settings: Settings
    cache: AnswerCache
    model: ModelProvider
    keep_unverified: bool = False
    #: --no-model: what the rules find (metadata, headline metrics, problems, targets, the
    #: section tree); no model is asked and no server is started.
    rules_only: bool = False

    @classmethod
    def open(cls, settings: Settings, *, keep_unverified: bool = False, rules_only: bool = False, **model_kw) -> "Runtime":
        cache = AnswerCache(settings.cache_path / "answers.sqlite3", enabled=settings.use_cache)
        return cls(settings, cache, ModelProvider(settings, **model_kw), keep_unverified, rules_only)

    @property
    def model_id(self) -> str:
        """What the answers depend on: the model, or "rules-only" under --no-model."""
        return RULES_ONLY if self.rules_only else f"{self.model.model_id}:{self.settings.summary_style}"

    def close(self) -> None:
        self.model.close()
        self.cache.close()

    def __enter__(self) -> "Runtime":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def prompt_versions() -> dict[str, str]:
    return {name: load_prompt(name).version for name in (*PROMPTS.values(), *PICK_PROMPTS.values(), *RETRY_PROMPTS.values())}


def summarize_parsed(doc: ParsedDocument, runtime: Runtime, *, progress: Optional[Progress] = None) -> DocumentSummary:
    t0 = time.monotonic()
    progress = progress or (lambda *a, **k: None)
    style = runtime.settings.summary_style
    units: list[Unit] = [] if runtime.rules_only else [u for kind in MODEL_KINDS for u in plan_units(doc, kind, style)]
    progress("plan", units=len(units), path=doc.raw.path)
    items = Items()
    usage = Usage()
    failed: list[str] = []
    for i, unit in enumerate(units):
        progress("unit_start", index=i, unit=unit)
        try:
            answer = answer_unit(unit, runtime.cache, runtime.model.model_id, runtime.model.get)
            answer = reask_weak(answer, runtime.cache, runtime.model.model_id, runtime.model.get)
        except ExtractionError as exc:  # one bad area never sinks the report ...
            failed.append(f"{', '.join(unit.paths)}: no valid answer from the model ({exc.message})")
            if len(failed) == len(units):
                raise  # ... but a model that answers nothing usable is an error, not a summary
            progress("unit_done", index=i, unit=unit, cached=False)
            continue
        build_items(doc, answer, runtime.keep_unverified, items)
        u = answer.usage
        usage.units.append(u)
        usage.calls += u.calls
        usage.cached_units += int(u.cached)
        usage.prompt_tokens += u.prompt_tokens
        usage.completion_tokens += u.completion_tokens
        progress("unit_done", index=i, unit=unit, cached=u.cached)
    warnings = list(doc.tree.warnings)
    warnings.extend(f"area without a summary: {f}" for f in failed)
    if items.dropped:
        verb = "kept, marked unverified" if runtime.keep_unverified else "dropped"
        warnings.append(f"{len(items.dropped)} model output(s) not found in the source were {verb}")
        warnings.extend(f"  {d}" for d in items.dropped[:20])
    usage.seconds = round(time.monotonic() - t0, 3)
    metrics, targets = extract_headline_metrics(doc), extract_targets(doc)
    mentions = indicator_mentions(doc, metrics)
    warnings.extend(absence_warnings(doc, targets, metrics, mentions))
    summary = DocumentSummary(
        source=DocumentSource(
            path=doc.raw.path, sha256=doc.raw.sha256, chars=len(doc.raw.text), encoding=doc.raw.encoding,
            format=doc.raw.format, extractor=doc.raw.extractor, script=doc.raw.script,
        ),
        metadata=doc.tree.metadata,
        headline_metrics=metrics,
        achievements=items.achievements,
        problems=extract_problems(doc),
        problems_passage=problems_span(doc),
        targets=targets,
        tasks=items.tasks,
        mentions=mentions,
        warnings=warnings,
        dropped_unverified=len(items.dropped),
        model=runtime.model.model_name if units else None,
        style=None if runtime.rules_only else style,
        prompt_versions=prompt_versions(),
        fingerprint=run_fingerprint(runtime.model_id),
        usage=usage,
    )
    return quotes_as_printed(doc, summary)


def summarize_file(path: str | Path, runtime: Runtime, *, progress: Optional[Progress] = None) -> DocumentSummary:
    doc = parse_document(path, max_bytes=runtime.settings.max_bytes)
    return summarize_parsed(doc, runtime, progress=progress)


def run_fingerprint(model_id: str) -> str:
    """What an output depends on besides its input: the prompts and the model."""
    parts = [model_id] + [f"{k}={v}" for k, v in sorted(prompt_versions().items())]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]
