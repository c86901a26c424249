"""A government's series against series gold (tests/corpus/national/series.json's format).

The gold is a list of `{canonical, years: [{year, target, result, verdict}]}`, verdicts as
`series` gives them (met, within_band, missed, no_result, not_comparable, no_target,
no_next_report). Each (indicator, year) of the gold is one cell:

- **judged** (the gold prints both sides: met, within band, missed): agrees where the tool gives
  the same verdict; a printed result the tool calls "no result printed" is counted apart (a wrong
  fact about the report);
- **abstained** (no result, not comparable): agrees where the tool says one of the two, never a
  verdict on a guess;
- **no pair** (no target, no next report): agrees where the tool, too, has no pair and finds a
  target exactly where the gold does.

Every disagreement gets a cause. The series takes track's verdicts as they are, so a cause is
"series logic" only where the series' verdict is not track's verdict on the same pair of reports
(`pair_verdicts`); otherwise it is what the rules read (the target, the result) or the verdict rules.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Mapping, Optional

from schemas.series import GovernmentSeries, SeriesYear
from schemas.track import Verdict

JUDGED = {"met", "within_band", "missed"}
ABSTAIN = {"no_result", "not_comparable", "undecided"}
NO_PAIR = {"no_target", "no_next_report", "no_report"}


def _norm(s: Optional[str]) -> str:
    return unicodedata.normalize("NFKC", s or "").replace(" ", "")


@dataclass
class Cell:
    canonical: str
    year: int
    gold: str
    tool: str
    gold_target: Optional[str]
    gold_result: Optional[str]
    tool_target: Optional[str]
    tool_result: Optional[str]
    tool_reason: str
    agrees: bool
    cause: str = ""

    def line(self) -> str:
        tool = f"{self.tool}" + (f" ({self.tool_reason})" if self.tool_reason else "")
        return (
            f"{self.canonical} {self.year}: gold {self.gold} [target {self.gold_target or '-'}, result {self.gold_result or '-'}], "
            f"tool {tool} [target {self.tool_target or '-'}, result {self.tool_result or '-'}]: {self.cause}"
        )


@dataclass
class SeriesScore:
    cells: list[Cell] = field(default_factory=list)

    def _of(self, kinds: set[str]) -> list[Cell]:
        return [c for c in self.cells if c.gold in kinds]

    @property
    def judged(self) -> int:
        return len(self._of(JUDGED))

    @property
    def agree(self) -> int:
        return sum(c.agrees for c in self._of(JUDGED))

    @property
    def both_judged(self) -> int:
        """Cells where the gold and the tool both print a result and judge it."""
        return sum(c.tool in JUDGED for c in self._of(JUDGED))

    @property
    def printed_called_no_result(self) -> int:
        return sum(c.gold_result is not None and c.tool == "no_result" for c in self.cells)

    @property
    def abstained(self) -> int:
        return len(self._of(ABSTAIN))

    @property
    def abstained_ok(self) -> int:
        return sum(c.agrees for c in self._of(ABSTAIN))

    @property
    def guesses(self) -> int:
        """A verdict where the gold has none."""
        return sum(c.tool in JUDGED and c.gold not in JUDGED for c in self.cells)

    @property
    def no_pair(self) -> int:
        return len(self._of(NO_PAIR))

    @property
    def no_pair_ok(self) -> int:
        return sum(c.agrees for c in self._of(NO_PAIR))

    @property
    def disagreements(self) -> list[Cell]:
        return [c for c in self.cells if not c.agrees]

    @property
    def series_logic(self) -> int:
        return sum(c.cause.startswith("series logic") for c in self.cells)

    def summary(self) -> str:
        return (
            f"judged by the gold {self.judged}: tool agrees {self.agree} (both judged {self.both_judged}); "
            f"printed result called 'no result printed' {self.printed_called_no_result}; "
            f"gold abstains {self.abstained}: tool abstains {self.abstained_ok}; "
            f"no pair in the gold {self.no_pair}: tool agrees {self.no_pair_ok}; "
            f"verdicts where the gold has none {self.guesses}; "
            f"cells {len(self.cells)}, agreeing {len(self.cells) - len(self.disagreements)}; series logic faults {self.series_logic}"
        )


def _tool_texts(y: Optional[SeriesYear]) -> tuple[Optional[str], Optional[str]]:
    if y is None:
        return None, None
    target = y.target.target if y.target is not None else None
    result = " ".join(x for x in (y.result.value, y.result.change) if x) if y.result is not None else None
    return target, result or None


def _agrees(gold: dict, tool: str, tool_target: Optional[str]) -> bool:
    g = gold["verdict"]
    if g in JUDGED:
        return tool == g
    if g in ABSTAIN:
        return tool in ABSTAIN
    return tool in NO_PAIR and (tool_target is not None) == (gold["target"] is not None)


def _cause(gold: dict, tool: str, y: Optional[SeriesYear]) -> str:
    """Why the tool's cell is not the gold's, in terms of what the rules read."""
    g = gold["verdict"]
    tool_target, tool_result = _tool_texts(y)
    if gold["target"] is not None and tool_target is None:
        if "年均" in gold["target"]:
            return "rules: the gold keeps a five-year (年均) target as the year's; the rules read none for the year"
        return "rules: the target is not read"
    if gold["target"] is None and tool_target is not None:
        return "rules: a target the gold does not have"
    if tool == "no_result" and gold["result"] is not None:
        return "rules: the printed result is not read"
    if g in JUDGED and tool == "not_comparable":
        return "rules: the figure read is not the year's own (a level or a five-year figure)"
    if tool in JUDGED and g not in JUDGED:
        return "rules: a figure is read as the year's where the gold has none (" + (gold["result"] or "no result") + " in the gold)"
    if g in JUDGED and tool in JUDGED:
        quote = _norm(y.result.source.quote if y is not None and y.result is not None else "")
        if gold["result"] and _norm(gold["result"]) in quote:
            return "verdict rules: the same figure, another verdict"
        return "rules: another figure is read"
    return "rules"


def score_series(
    g: Optional[GovernmentSeries], gold: list[dict], pair_verdicts: Optional[Mapping[tuple[str, int], Verdict]] = None,
) -> SeriesScore:
    """Every (indicator, year) of the gold against the tool's series of one government (None: the
    tool has none). `pair_verdicts`: track's verdict on each pair of consecutive reports alone,
    by (indicator, year), to tell series logic from the rules."""
    by_indicator = {s.canonical: {y.year: y for y in s.years} for s in g.indicators} if g is not None else {}
    score = SeriesScore()
    for ind in gold:
        canonical = ind["canonical"]
        years = by_indicator.get(canonical)
        for gy in ind["years"]:
            y = years.get(gy["year"]) if years is not None else None
            tool = y.status if y is not None else "no_target"  # an indicator the tool has no series for: no target in any year
            tool_target, tool_result = _tool_texts(y)
            cell = Cell(
                canonical=canonical, year=gy["year"], gold=gy["verdict"], tool=tool, gold_target=gy["target"], gold_result=gy["result"],
                tool_target=tool_target, tool_result=tool_result, tool_reason=y.reason if y is not None and y.verdict is not None else "",
                agrees=_agrees(gy, tool, tool_target),
            )
            pair = pair_verdicts.get((canonical, gy["year"])) if pair_verdicts is not None else None
            if y is not None and pair_verdicts is not None and (y.verdict is not None or pair is not None) and y.verdict != pair:
                cell.cause = f"series logic: the series says {y.verdict}, track on the pair says {pair}"
                cell.agrees = False
            elif not cell.agrees:
                cell.cause = _cause(gy, tool, y)
            score.cells.append(cell)
    return score
