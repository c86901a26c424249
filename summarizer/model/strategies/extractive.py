"""Extractive: each area's sentences are numbered and the model answers with the numbers of
those that carry the area's main results (review) or most concrete commitments (tasks), and
the number of the area it answers. What the reader sees are the report's own sentences; an
answer that names another area is dropped, never given to the wrong one."""

from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel

from schemas.document import SectionKind
from schemas.responses import picks_response

from summarizer.model.areas import Area
from summarizer.model.extract import Items, Unit, UnitAnswer
from summarizer.model.items import picked_items, usable
from summarizer.model.strategies.base import Strategy
from summarizer.parse.document import ParsedDocument

#: A sentence shown to the model is cut after this many characters (it is still quoted whole):
#: long sentences cost prompt tokens and say their point early.
PICK_SENTENCE_SHOWN = 120


class Extractive(Strategy):
    name = "extractive"
    prompts = {SectionKind.REVIEW: "review_pick", SectionKind.TASKS: "tasks_pick"}
    #: bench/results.md, "pickers on the picks gold" (6 reports)
    report_tokens = (11644, 274)

    def render(self, unit: Unit) -> str:
        return "\n\n".join(f"【{i}】{numbered(a)}" for i, a in enumerate(unit.areas, 1))

    def response_model(self, unit: Unit) -> type[BaseModel]:
        return picks_response(len(unit.areas))

    def build(self, doc: ParsedDocument, answer: UnitAnswer, keep_unverified: bool, out: Items) -> None:
        for area, picks in answers_by_area(answer, out):
            picked_items(doc, area, answer.unit.kind, valid_picks(area, picks, out), out)


def numbered(area: Area) -> str:
    """The area as the picking model sees it: its title, then "[k]sentence" per sentence."""
    lines = [area.title]
    for k in range(len(area.sentences)):
        lines.append(f"[{k + 1}]{area.sentence(k)[:PICK_SENTENCE_SHOWN]}")
    return "\n".join(lines)


def answers_by_area(answer: UnitAnswer, out: Items) -> Iterator[tuple[Area, list[int]]]:
    """(area, picks) for each answer that names its own area; an answer for another area (a
    shifted list) is dropped, never given to the wrong area."""
    for i, (area, got) in enumerate(zip(answer.unit.areas, answer.answer.areas), 1):  # type: ignore[attr-defined]
        if got.area != i:
            out.dropped.append(f"{area.section.path}: the answer named area {got.area}, not {i}")
            continue
        yield area, list(got.picks)


def valid_picks(area: Area, picks: list[int], out: Items) -> list[int]:
    """The picked sentences (0-based), valid and in the order of the text; not the heading, not
    a sub-heading lead, not repeated."""
    chosen: list[int] = []
    for k in picks:
        if not 1 <= k <= len(area.sentences):
            out.dropped.append(f"{area.section.path}: picked sentence {k} of {len(area.sentences)}")
            continue
        if k - 1 not in chosen and usable(area, k - 1):
            chosen.append(k - 1)
    return sorted(chosen)
