"""Strategies without a model call.

- `RulePicks` ("rules"): each area shows the sentences the rule ranks highest
  (`rules.picks.rank_sentences`: figures, result or commitment words, named things; no policy
  lines, leads, lessons or visions), in a millisecond.
- `LeadPicks` ("lead"): each area shows its first sentences after its heading, as the report
  orders them: the baseline every picker is measured against (bench.picks), and a style of its own.
- `RulesOnly` ("rules-only", `--no-model`): the rules' half of the summary alone (metadata,
  headline metrics, problems, targets); no area items.
"""

from __future__ import annotations

from schemas.document import SectionKind

from summarizer.model.areas import Area, area_texts
from summarizer.model.extract import Items
from summarizer.model.items import picked_items
from summarizer.model.strategies.base import Strategy
from summarizer.parse.document import ParsedDocument, areas
from summarizer.rules.picks import lead_sentences, rank_sentences

#: Sentences shown per area.
PICKS_SHOWN = 3


class _RulePicked(Strategy):
    """Each area shows the first PICKS_SHOWN sentences of `order`, made without a call."""

    uses_model = False

    def order(self, area: Area, kind: SectionKind) -> list[int]:
        raise NotImplementedError

    def direct(self, doc: ParsedDocument, kind: SectionKind, out: Items) -> None:
        for section in areas(doc.tree, kind):
            for area in area_texts(doc, section):
                picked_items(doc, area, kind, self.order(area, kind)[:PICKS_SHOWN], out, origin="rule")


class RulePicks(_RulePicked):
    name = "rules"

    def order(self, area: Area, kind: SectionKind) -> list[int]:
        return [s.index for s in rank_sentences(area.text, area.sentences, area.title, kind == SectionKind.REVIEW)]


class LeadPicks(_RulePicked):
    name = "lead"

    def order(self, area: Area, kind: SectionKind) -> list[int]:
        return lead_sentences(area.text, area.sentences, area.title)


class RulesOnly(Strategy):
    name = "rules-only"
    uses_model = False
