"""The one protocol every model strategy implements.

- **what to ask**: `shown_size` (how much of an area a call shows; 0: nothing to ask), `prompt`,
  `render` (the areas as the model sees them) and the packing bounds `unit_budget` /
  `unit_max_areas`;
- **the response model**: `response_model`;
- **how answers become items**: `build` (and `follow_up`, a second ask where the first answer is
  weak), and `direct` for items made without any call (the rule picks).
"""

from __future__ import annotations

from typing import Callable

from pydantic import BaseModel

from schemas.document import SectionKind

from summarizer.model.areas import Area
from summarizer.model.extract import Items, Unit, UnitAnswer
from summarizer.model.prompts import Prompt, load_prompt
from summarizer.parse.document import ParsedDocument

#: ask(unit) → its answer (from the cache or the model)
Ask = Callable[[Unit], UnitAnswer]


class Strategy:
    name: str = ""
    #: False: no call is ever made (`plan_units` plans none)
    uses_model: bool = True
    #: prompt name per kind of area
    prompts: dict[SectionKind, str] = {}
    #: prompts of second asks, per kind (if any)
    retry_prompts: dict[SectionKind, str] = {}
    #: areas share one call while what they show stays under this many characters ...
    unit_budget: int = 900
    #: ... and at most this many areas go into one call
    unit_max_areas: int = 3
    #: prompt and generated tokens of a report, the mean over the gold reports as measured by
    #: `python -m bench.picks` (bench/results.md); `doctor` estimates minutes from them
    report_tokens: tuple[int, int] = (0, 0)

    def prompt_names(self) -> tuple[str, ...]:
        return (*self.prompts.values(), *self.retry_prompts.values())

    def prompt(self, unit: Unit) -> Prompt:
        names = self.retry_prompts if unit.retry else self.prompts
        return load_prompt(names[unit.kind])

    def shown_size(self, area: Area, kind: SectionKind) -> int:
        return len(area.text)

    def render(self, unit: Unit) -> str:
        raise NotImplementedError

    def response_model(self, unit: Unit) -> type[BaseModel]:
        raise NotImplementedError

    def follow_up(self, answer: UnitAnswer, ask: Ask) -> UnitAnswer:
        return answer

    def build(self, doc: ParsedDocument, answer: UnitAnswer, keep_unverified: bool, out: Items) -> None:
        raise NotImplementedError

    def direct(self, doc: ParsedDocument, kind: SectionKind, out: Items) -> None:
        """Items made without a call (none by default)."""

    def fallback(self, doc: ParsedDocument, unit: Unit, out: Items) -> bool:
        """Items for a unit the model gave no valid answer for; False: none (the areas are
        named in the warnings)."""
        return False
