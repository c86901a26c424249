"""Guided: the rules choose, the model names the best. For each area the rule ranking
(`rules.picks.rank_sentences`) gives a few candidate sentences; the model sees only those,
shortened and in the order of the text, several areas per call, and answers with one candidate
number per area: the one that carries the main result (review) or the most concrete commitment
(tasks). It is shown first, then the rule's next best up to three. An answer can only name one
of its own area's candidates, so whatever the model says the words shown are the area's own.
A call shows a few hundred characters instead of whole areas and generates two or three tokens
per area; an area with a single candidate needs no call.
"""

from __future__ import annotations

from pydantic import BaseModel

from schemas.document import SectionKind
from schemas.responses import CANDIDATES_MAX, GUIDED_AREAS_MAX, choices_response

from summarizer.model.areas import Area, area_texts
from summarizer.model.extract import Items, Unit, UnitAnswer
from summarizer.model.items import picked_items
from summarizer.model.strategies.base import Strategy
from summarizer.parse.document import ParsedDocument, areas
from summarizer.rules.picks import rank_sentences

#: A candidate is shown to the model cut after this many characters (it is still quoted whole).
CANDIDATE_SHOWN = 50
#: Sentences shown per area.
PICKS_SHOWN = 3


def candidates(area: Area, kind: SectionKind) -> list[int]:
    """The rule's best sentences of the area (indexes), at most CANDIDATES_MAX, best first."""
    ranked = rank_sentences(area.text, area.sentences, area.title, kind == SectionKind.REVIEW)
    return [s.index for s in ranked[:CANDIDATES_MAX]]


def _rule_picks(area: Area, kind: SectionKind) -> list[int]:
    ranked = rank_sentences(area.text, area.sentences, area.title, kind == SectionKind.REVIEW)
    return [s.index for s in ranked[:PICKS_SHOWN]]


class Guided(Strategy):
    name = "guided"
    prompts = {SectionKind.REVIEW: "review_choose", SectionKind.TASKS: "tasks_choose"}
    unit_budget = GUIDED_AREAS_MAX * CANDIDATES_MAX * CANDIDATE_SHOWN
    unit_max_areas = GUIDED_AREAS_MAX
    #: bench/results.md, "pickers on the picks gold" (6 reports)
    report_tokens = (2772, 43)

    def shown_size(self, area: Area, kind: SectionKind) -> int:
        found = candidates(area, kind)
        return 0 if len(found) < 2 else sum(min(CANDIDATE_SHOWN, len(area.sentence(k))) for k in found)

    def direct(self, doc: ParsedDocument, kind: SectionKind, out: Items) -> None:
        """Areas with one candidate or none: nothing to choose, the rule's picks."""
        for section in areas(doc.tree, kind):
            for area in area_texts(doc, section):
                if self.shown_size(area, kind) == 0:
                    picked_items(doc, area, kind, _rule_picks(area, kind), out, origin="rule")

    def fallback(self, doc: ParsedDocument, unit: Unit, out: Items) -> bool:
        """No valid answer: the rule's picks (the model only reorders them)."""
        for area in unit.areas:
            picked_items(doc, area, unit.kind, _rule_picks(area, unit.kind), out, origin="rule")
        return True

    def render(self, unit: Unit) -> str:
        blocks = []
        for i, area in enumerate(unit.areas, 1):
            lines = [f"【{i}】{area.title}"]
            for n, k in enumerate(sorted(candidates(area, unit.kind)), 1):
                lines.append(f"[{n}]{area.sentence(k)[:CANDIDATE_SHOWN]}")
            blocks.append("\n".join(lines))
        return "\n\n".join(blocks)

    def response_model(self, unit: Unit) -> type[BaseModel]:
        return choices_response(len(unit.areas))

    def build(self, doc: ParsedDocument, answer: UnitAnswer, keep_unverified: bool, out: Items) -> None:
        kind = answer.unit.kind
        for area, best in zip(answer.unit.areas, answer.answer.best):  # type: ignore[attr-defined]
            ranked = candidates(area, kind)
            shown = sorted(ranked)
            first = [shown[best - 1]] if 1 <= best <= len(shown) else []
            chosen = first + [k for k in ranked if k not in first]
            picked_items(doc, area, kind, chosen[:PICKS_SHOWN], out)
