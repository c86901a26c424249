"""extract: the model's share of the work, and only that.

Review areas become achievements, task areas tasks; targets, problems and headline metrics come
from `rules` and never reach the model. How an area is asked about and how the answer becomes
items is the strategy's business (`summarizer.model.strategies`); this module plans the calls,
answers them from the cache or the model, and hands the answers back to the strategy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Optional

from pydantic import BaseModel

from schemas.document import SectionKind
from schemas.summary import Achievement, SectionUsage, Task

from summarizer.model.areas import Area, area_texts
from summarizer.model.cache import AnswerCache, cache_key
from summarizer.model.client import ModelClient
from summarizer.model.prompts import Prompt
from summarizer.parse.document import ParsedDocument, areas

if TYPE_CHECKING:
    from summarizer.model.strategies.base import Strategy

__all__ = ["Area", "Items", "Unit", "UnitAnswer", "answer_unit", "area_texts", "plan_units"]


@dataclass
class Unit:
    """One call: areas of one kind, asked about the way a strategy asks."""

    kind: SectionKind
    areas: list[Area]
    strategy: "Strategy"
    retry: bool = False  # a second ask (see Strategy.follow_up)

    @property
    def prompt(self) -> Prompt:
        return self.strategy.prompt(self)

    @property
    def response_model(self) -> type[BaseModel]:
        return self.strategy.response_model(self)

    def rendered(self) -> str:
        return self.strategy.render(self)

    def variables(self) -> dict[str, object]:
        return {"count": len(self.areas), "areas": self.rendered()}

    @property
    def paths(self) -> list[str]:
        return [a.section.path for a in self.areas]


def plan_units(doc: ParsedDocument, kind: SectionKind, strategy: Optional["Strategy"] = None) -> list[Unit]:
    """Neighbouring areas packed into calls while the text shown stays under the strategy's
    budget and area count (fewer calls, fewer repeated instructions)."""
    if strategy is None:
        from summarizer.model.strategies import get_strategy

        strategy = get_strategy("abstractive")
    if not strategy.uses_model:
        return []
    units: list[Unit] = []
    current: list[Area] = []
    size = 0
    for section in areas(doc.tree, kind):
        for area in area_texts(doc, section):
            shown = strategy.shown_size(area, kind)
            if shown == 0:
                continue  # nothing to ask about this area
            if current and (size + shown > strategy.unit_budget or len(current) >= strategy.unit_max_areas):
                units.append(Unit(kind, current, strategy))
                current, size = [], 0
            current.append(area)
            size += shown
    if current:
        units.append(Unit(kind, current, strategy))
    return units


@dataclass
class UnitAnswer:
    unit: Unit
    answer: BaseModel
    usage: SectionUsage


def unit_cache_key(unit: Unit, model_id: str) -> str:
    return cache_key(unit.rendered(), unit.prompt.id, model_id, unit.response_model.model_json_schema())


def answer_unit(unit: Unit, cache: AnswerCache, model_id: str, client_factory: Callable[[], ModelClient]) -> UnitAnswer:
    """The answer to one call: from the cache, else from the model (and then cached)."""
    key = unit_cache_key(unit, model_id)
    prompt = unit.prompt
    hit = cache.get(key)
    if hit is not None:
        answer = unit.response_model.model_validate(hit.value)
        usage = SectionUsage(section_paths=unit.paths, prompt=prompt.id, cached=True)
        return UnitAnswer(unit, answer, usage)
    client = client_factory()
    done = client.complete(prompt, unit.response_model, unit.variables())
    cache.put(
        key,
        prompt=prompt.id,
        model=model_id,
        value=done.value.model_dump(mode="json"),
        prompt_tokens=done.prompt_tokens,
        completion_tokens=done.completion_tokens,
    )
    usage = SectionUsage(
        section_paths=unit.paths,
        prompt=prompt.id,
        calls=done.calls,
        prompt_tokens=done.prompt_tokens,
        completion_tokens=done.completion_tokens,
        seconds=round(done.seconds, 3),
    )
    return UnitAnswer(unit, done.value, usage)


@dataclass
class Items:
    """What the model's half adds to a summary, and what was dropped on the way (and why)."""

    achievements: list[Achievement] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    #: what the reader should know besides (an area shown by the rule for want of an answer)
    notes: list[str] = field(default_factory=list)
    #: section path → the sentences shown for it, best first (what the picks scorer reads)
    picks: dict[str, list[str]] = field(default_factory=dict)
