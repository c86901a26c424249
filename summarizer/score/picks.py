"""picks: how good a picker's sentences are, against the gold in tests/corpus/picks/.

The gold names, for each review and task area of ten reports, the sentences a reader should see
(`best`, best first) and others that would also do (`acceptable`); an area is identified by its
heading line as printed. A picker gives, for each area of the tool (a `Section`), its sentences
best first. The scorer

- finds the tool's area for each gold area: the area whose text starts with the gold heading
  ("heading"), else the area whose text contains it ("inside": the tool took several gold
  areas as one; only the picks that lie inside the gold area's text are scored for it);
- counts, for k = 1, 2, 3, the picks among the first k that are a `best` sentence (precision) and
  that are `best` or `acceptable` (precision, fine); the denominator is the picks shown among the
  first k, and an area with no pick at all (or no area found) counts as one wrong pick.

A pick and a gold sentence are the same sentence when they are equal without whitespace, or one
holds the other and the shorter is at least half the longer (a source that fuses a sub-theme
phrase with its sentence, a trimmed pick).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from schemas.document import Section, SectionKind

from summarizer.parse.document import ParsedDocument, areas

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "tests" / "corpus" / "picks"
CORPUS_DIR = ROOT.parent / "shared" / "corpus"
PARTS = {"review": SectionKind.REVIEW, "tasks": SectionKind.TASKS}
KS = (1, 2, 3)

#: picks for one report: section path → the area's sentences, best first
Picks = dict[str, list[str]]


@dataclass
class GoldArea:
    part: str
    heading: str
    best: list[str]
    acceptable: list[str]


@dataclass
class GoldReport:
    file: str
    path: Path
    areas: list[GoldArea]


def load_gold(gold_dir: Path = GOLD_DIR, corpus_dir: Path = CORPUS_DIR) -> list[GoldReport]:
    out = []
    for fp in sorted(gold_dir.glob("*.json")):
        data = json.loads(fp.read_text(encoding="utf-8"))
        where, name = data["source"].split("/", 1)
        path = ROOT / where / name if where == "seeds" else corpus_dir / where / name
        gold_areas = [GoldArea(a["part"], a["heading"], a["best"], a["acceptable"]) for a in data["areas"]]
        out.append(GoldReport(data["file"], path, gold_areas))
    return out


def norm(text: str) -> str:
    return re.sub(r"\s+", "", text).rstrip("…")


def same_sentence(pick: str, gold: str) -> bool:
    p, g = norm(pick), norm(gold)
    if not p or not g:
        return False
    if p == g:
        return True
    short, long_ = sorted((p, g), key=len)
    return short in long_ and 2 * len(short) >= len(long_)


@dataclass
class Match:
    gold: GoldArea
    section: Optional[Section]
    how: str  # "heading", "inside" or "none"
    text: str  # the gold area's own text (without whitespace) for "inside", else ""


def match_areas(doc: ParsedDocument, report: GoldReport) -> list[Match]:
    out = []
    for part, kind in PARTS.items():
        gold = [g for g in report.areas if g.part == part]
        sections = areas(doc.tree, kind)
        flat = {s.path: norm(doc.text_of(s)) for s in sections}
        for i, g in enumerate(gold):
            head = norm(g.heading)
            found = next((s for s in sections if flat[s.path].startswith(head)), None)
            if found is not None:
                out.append(Match(g, found, "heading", ""))
                continue
            inside = next((s for s in sections if head in flat[s.path]), None)
            if inside is None:
                out.append(Match(g, None, "none", ""))
                continue
            text = flat[inside.path]
            start = text.index(head)
            nxt = [text.find(norm(h.heading), start + 1) for h in gold[i + 1 :]]
            end = min([n for n in nxt if n > start] or [len(text)])
            out.append(Match(g, inside, "inside", text[start:end]))
    return out


@dataclass
class Tally:
    areas: int = 0
    right: dict[int, int] = field(default_factory=lambda: {k: 0 for k in KS})
    fine: dict[int, int] = field(default_factory=lambda: {k: 0 for k in KS})
    shown: dict[int, int] = field(default_factory=lambda: {k: 0 for k in KS})

    def add(self, picks: list[str], gold: GoldArea) -> None:
        self.areas += 1
        for k in KS:
            top = picks[:k]
            if not top:
                self.shown[k] += 1  # nothing shown for this area: one wrong pick
                continue
            self.shown[k] += len(top)
            self.right[k] += sum(any(same_sentence(p, s) for s in gold.best) for p in top)
            self.fine[k] += sum(any(same_sentence(p, s) for s in gold.best + gold.acceptable) for p in top)

    def precision(self, k: int) -> float:
        return self.right[k] / self.shown[k] if self.shown[k] else 0.0

    def fine_precision(self, k: int) -> float:
        return self.fine[k] / self.shown[k] if self.shown[k] else 0.0

    def as_dict(self) -> dict:
        return {
            "areas": self.areas,
            **{f"p@{k}": round(self.precision(k), 3) for k in KS},
            **{f"fine@{k}": round(self.fine_precision(k), 3) for k in KS},
        }


def score_report(doc: ParsedDocument, report: GoldReport, picks: Picks, tallies: dict[str, Tally]) -> dict[str, int]:
    """Add one report's picks to `tallies` (by part); returns how the areas were matched."""
    how: dict[str, int] = {}
    for m in match_areas(doc, report):
        how[m.how] = how.get(m.how, 0) + 1
        got = picks.get(m.section.path, []) if m.section is not None else []
        if m.how == "inside":
            got = [p for p in got if norm(p) and norm(p) in m.text]
        tallies.setdefault(m.gold.part, Tally()).add(got, m.gold)
    return how


def score_picker(picker: Callable[[ParsedDocument], Picks], parse: Callable[[Path], ParsedDocument], gold: Optional[list[GoldReport]] = None) -> dict[str, dict]:
    """Precision by part ("review", "tasks") of one picker over the whole gold."""
    tallies: dict[str, Tally] = {}
    for report in gold or load_gold():
        doc = parse(report.path)
        score_report(doc, report, picker(doc), tallies)
    return {part: t.as_dict() for part, t in tallies.items()}
