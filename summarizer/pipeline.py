"""pipeline: one document from file to `DocumentSummary`.

read → clean → split → classify (pure) → rules (targets, problems, headline metrics) →
extract (review and task areas, by the strategy the settings choose) → verify → aggregate.
`Runtime` holds what documents share: settings, the strategy, the answer cache and the model,
which is started (embedded server) or discovered (any other endpoint) only when a cache miss
needs it — a re-run of an unchanged document touches no server at all.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from schemas.document import SectionKind
from schemas.summary import DocumentSource, DocumentSummary, Usage

from summarizer.errors import EndpointError, ExtractionError, LocalServerError
from summarizer.model.cache import AnswerCache
from summarizer.model.extract import Items, Unit, UnitAnswer, answer_unit, plan_units
from summarizer.model.pointer import PROMPT as POINT_PROMPT, Pointed, needed, point
from summarizer.model.prompts import load_prompt
from summarizer.model.provider import ModelProvider
from summarizer.model.strategies import RULES_ONLY, STRATEGIES, get_strategy
from summarizer.model.strategies.base import Strategy
from summarizer.parse.document import ParsedDocument, parse_document, quotes_as_printed
from summarizer.rules.headline import extract_headline_metrics
from summarizer.rules.mentions import absence_warnings, indicator_mentions
from summarizer.rules.problems import extract_problems, problems_span
from summarizer.rules.targets import extract_targets
from summarizer.settings import Settings

__all__ = ["MODEL_KINDS", "ModelProvider", "Runtime", "StrategyRun", "run_strategy", "summarize_file", "summarize_parsed"]

#: Kinds the model reads, in the order they are processed (one prompt prefix at a time).
MODEL_KINDS = (SectionKind.REVIEW, SectionKind.TASKS)

#: progress(event, **info): "plan" (units=N, items=Items: what the rules and the direct
#: strategies found, ready to show), "unit_start" (index, unit), "unit_done" (index, unit,
#: cached, items: the items this unit added)
Progress = Callable[..., None]


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
    def strategy(self) -> Strategy:
        """Chosen once, from the settings: --no-model runs the rules alone."""
        return get_strategy(RULES_ONLY if self.rules_only else self.settings.summary_style)

    @property
    def model_id(self) -> str:
        """What the answers depend on: the model and the strategy, or the strategy alone where
        it asks no model."""
        if not self.strategy.uses_model:
            return self.strategy.name
        return f"{self.model.model_id}:{self.strategy.name}"

    def close(self) -> None:
        self.model.close()
        self.cache.close()

    def __enter__(self) -> "Runtime":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def prompt_versions() -> dict[str, str]:
    names = {n for s in STRATEGIES for n in get_strategy(s).prompt_names()} | {POINT_PROMPT}
    return {name: load_prompt(name).version for name in sorted(names)}


def _add_usage(usage: Usage, answer: UnitAnswer) -> None:
    u = answer.usage
    usage.units.append(u)
    usage.calls += u.calls
    usage.cached_units += int(u.cached)
    usage.prompt_tokens += u.prompt_tokens
    usage.completion_tokens += u.completion_tokens


def _answer(unit: Unit, runtime: Runtime) -> UnitAnswer:
    def ask(u: Unit) -> UnitAnswer:
        return answer_unit(u, runtime.cache, runtime.model.model_id, runtime.model.get)

    return unit.strategy.follow_up(ask(unit), ask)


def _new_items(items: Items, before: tuple[int, int]) -> Items:
    return Items(achievements=items.achievements[before[0] :], tasks=items.tasks[before[1] :])


@dataclass
class StrategyRun:
    """What the strategy added to a document: items, usage, the areas without an answer."""

    items: Items
    usage: Usage
    failed: list[str]
    units: list[Unit]


def run_strategy(doc: ParsedDocument, runtime: Runtime, progress: Optional[Progress] = None) -> StrategyRun:
    """Direct items first (reported with the rules' brief in the "plan" event), then one call
    per unit, each unit's items reported as they arrive."""
    t0 = time.monotonic()
    shown = progress is not None  # the early brief is built only for someone who shows it
    progress = progress or (lambda *a, **k: None)
    strategy = runtime.strategy
    items = Items()
    for kind in MODEL_KINDS:
        strategy.direct(doc, kind, items)
    units: list[Unit] = [u for kind in MODEL_KINDS for u in plan_units(doc, kind, strategy)]
    run = StrategyRun(items, Usage(), [], units)
    progress("plan", units=len(units), path=doc.raw.path, summary=_summary(doc, runtime, run) if shown else None)
    for i, unit in enumerate(units):
        progress("unit_start", index=i, unit=unit)
        before = (len(items.achievements), len(items.tasks))
        try:
            answer = _answer(unit, runtime)
        except ExtractionError as exc:  # one bad area never sinks the report ...
            if strategy.fallback(doc, unit, items):
                items.notes.append(f"no valid answer from the model for {', '.join(unit.paths)} ({exc.message}): the rule's picks are shown")
            else:
                run.failed.append(f"{', '.join(unit.paths)}: no valid answer from the model ({exc.message})")
                if len(run.failed) == len(units):
                    raise  # ... but a model that answers nothing usable is an error, not a summary
            progress("unit_done", index=i, unit=unit, cached=False, items=_new_items(items, before))
            continue
        strategy.build(doc, answer, runtime.keep_unverified, items)
        _add_usage(run.usage, answer)
        progress("unit_done", index=i, unit=unit, cached=answer.usage.cached, items=_new_items(items, before))
    run.usage.seconds = round(time.monotonic() - t0, 3)
    return run


def summarize_parsed(doc: ParsedDocument, runtime: Runtime, *, progress: Optional[Progress] = None) -> DocumentSummary:
    run = run_strategy(doc, runtime, progress)
    return _summary(doc, runtime, run, pointed=None if runtime.rules_only else _point(doc, runtime, run))


def _point(doc: ParsedDocument, runtime: Runtime, run: StrategyRun) -> Optional[Pointed]:
    """Where the rules read no targets or no results, the model points at the sentences (model.pointer)."""
    targets, metrics = extract_targets(doc), extract_headline_metrics(doc)
    if needed(doc, targets, metrics) is None:
        return None
    try:
        pointed = point(doc, targets, metrics, runtime.cache, runtime.model.model_id, runtime.model.get)
    except (ExtractionError, EndpointError, LocalServerError) as exc:
        if runtime.strategy.uses_model and not isinstance(exc, ExtractionError):
            raise  # the strategy needs the model anyway: its error is the report's
        return Pointed(notes=[f"the model could not point at the sentences the rules did not read: {exc.message}"])
    for u in pointed.usage:
        run.usage.units.append(u)
        run.usage.calls += u.calls
        run.usage.cached_units += int(u.cached)
        run.usage.prompt_tokens += u.prompt_tokens
        run.usage.completion_tokens += u.completion_tokens
    return pointed


def _summary(doc: ParsedDocument, runtime: Runtime, run: StrategyRun, pointed: Optional[Pointed] = None) -> DocumentSummary:
    items, failed = run.items, run.failed
    warnings = list(doc.tree.warnings)
    warnings.extend(f"area without a summary: {f}" for f in failed)
    warnings.extend(items.notes)
    if items.dropped:
        verb = "kept, marked unverified" if runtime.keep_unverified else "dropped"
        warnings.append(f"{len(items.dropped)} model output(s) not found in the source were {verb}")
        warnings.extend(f"  {d}" for d in items.dropped[:20])
    metrics, targets = extract_headline_metrics(doc), extract_targets(doc)
    if pointed is not None:
        metrics, targets = metrics or pointed.metrics, targets or pointed.targets
        warnings.extend(pointed.notes)
    mentions = indicator_mentions(doc, metrics)
    warnings.extend(absence_warnings(doc, targets, metrics, mentions))
    summary = DocumentSummary(
        source=DocumentSource(
            path=doc.raw.path, sha256=doc.raw.sha256, chars=len(doc.raw.text), encoding=doc.raw.encoding,
            format=doc.raw.format, extractor=doc.raw.extractor, script=doc.raw.script,
        ),
        metadata=doc.tree.metadata,
        headline_metrics=metrics,
        achievements=list(items.achievements),
        problems=extract_problems(doc),
        problems_passage=problems_span(doc),
        targets=targets,
        tasks=list(items.tasks),
        mentions=mentions,
        warnings=warnings,
        dropped_unverified=len(items.dropped),
        model=runtime.model.model_name if run.units or run.usage.units else None,
        style=None if runtime.rules_only else runtime.strategy.name,
        prompt_versions=prompt_versions(),
        fingerprint=run_fingerprint(runtime.model_id),
        usage=run.usage.model_copy(deep=True),
    )
    return quotes_as_printed(doc, summary)


def summarize_file(path: str | Path, runtime: Runtime, *, progress: Optional[Progress] = None) -> DocumentSummary:
    doc = parse_document(path, max_bytes=runtime.settings.max_bytes)
    return summarize_parsed(doc, runtime, progress=progress)


def run_fingerprint(model_id: str) -> str:
    """What an output depends on besides its input: the prompts and the model."""
    parts = [model_id] + [f"{k}={v}" for k, v in sorted(prompt_versions().items())]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]
