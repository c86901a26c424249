"""The robustness suite's machinery: the facts the rules read from a report, and how often a
meaning-preserving transform (tests/transforms.py) leaves them unchanged.

Facts, as the suite compares them:
- targets: (indicator, number, upper end, comparator) for each target — the canonical indicator
  where there is one, else the printed name;
- headline metrics: (indicator, value, change) for each;
- the problems passage: its first and last characters;
- metadata: region, document type, review year and plan year (reported beside the facts).

Printed strings are compared after NFKC normalisation (full-width ８％ is 8%) without whitespace,
so that a transform's own change of printing is no difference.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from summarizer.parse.document import ParsedDocument, parse_bytes
from summarizer.read.reader import read_document
from summarizer.parse.clean import clean_text
from summarizer.rules.headline import extract_headline_metrics
from summarizer.rules.problems import problems_section
from summarizer.rules.targets import extract_targets

from tests.transforms import TRANSFORMS, Transform

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
PASSAGE_ENDS = 24


def norm(s: Optional[str]) -> Optional[str]:
    if s is None:
        return None
    return "".join(unicodedata.normalize("NFKC", s).split())


@dataclass(frozen=True)
class Facts:
    targets: tuple
    metrics: tuple
    passage: Optional[tuple[str, str]]
    metadata: tuple

    def differences(self, other: "Facts") -> list[str]:
        out = []
        for name in ("targets", "metrics", "passage"):
            a, b = getattr(self, name), getattr(other, name)
            if a != b:
                if isinstance(a, tuple) and isinstance(b, tuple) and name != "passage":
                    lost = sorted(set(a) - set(b), key=str)
                    new = sorted(set(b) - set(a), key=str)
                    out.append(f"{name}: lost {lost} new {new}")
                else:
                    out.append(f"{name}: {a} -> {b}")
        return out


def facts(doc: ParsedDocument) -> Facts:
    targets = tuple(sorted((((t.canonical or norm(t.indicator)), t.number, t.upper, t.comparator) for t in extract_targets(doc)), key=repr))
    metrics = tuple(sorted((((m.canonical or norm(m.indicator)), norm(m.value), norm(m.change)) for m in extract_headline_metrics(doc)), key=repr))
    section = problems_section(doc)
    passage = None
    if section is not None:
        body = norm(doc.clean.text[section.clean_start : section.clean_end]) or ""
        passage = (body[:PASSAGE_ENDS], body[-PASSAGE_ENDS:])
    md = doc.tree.metadata
    return Facts(targets, metrics, passage, (md.region, md.doc_type, md.review_year, md.plan_year))


def report_paths() -> list[Path]:
    """Every report of the corpus and the seeds."""
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    for sub, pattern in (("provincial-2025", "*.docx"), ("provincial-2026", "*.txt"), ("national", "*.txt")):
        paths += sorted((CORPUS / sub).glob(pattern))
    return paths


def base_text(path: Path) -> str:
    """The report as its publisher's source has it: the cleaned text, one paragraph per line."""
    return clean_text(read_document(path).text).text


def parse_text(data: str | bytes, suffix: str = ".txt", name: str = "report") -> ParsedDocument:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return parse_bytes(raw, name + suffix)


@dataclass
class Outcome:
    report: str
    transform: str
    same: bool
    same_metadata: bool
    differences: list[str] = field(default_factory=list)


def run(paths: list[Path], transforms: list[Transform] = TRANSFORMS) -> list[Outcome]:
    out = []
    for path in paths:
        text = base_text(path)
        before = facts(parse_text(text, name=path.stem))
        for t in transforms:
            try:
                after = facts(parse_text(t.apply(text), t.suffix, path.stem))
            except Exception as e:  # a crash is a difference, reported as such
                out.append(Outcome(path.name, t.name, False, False, [f"{type(e).__name__}: {e}"]))
                continue
            diffs = before.differences(after)
            out.append(Outcome(path.name, t.name, not diffs, before.metadata == after.metadata, diffs))
    return out


def table(outcomes: list[Outcome]) -> list[tuple[str, int, int, int]]:
    """(transform, pairs, identical facts, identical metadata) per transform, then the total."""
    rows = []
    names = list(dict.fromkeys(o.transform for o in outcomes))
    for name in names + ["all"]:
        sel = [o for o in outcomes if name in ("all", o.transform)]
        rows.append((name, len(sel), sum(o.same for o in sel), sum(o.same_metadata for o in sel)))
    return rows


def format_table(rows) -> str:
    lines = ["| transform | pairs | same facts | same metadata |", "|---|---|---|---|"]
    for name, n, same, meta in rows:
        lines.append(f"| {name} | {n} | {same} ({same / n:.0%}) | {meta} ({meta / n:.0%}) |")
    return "\n".join(lines)
