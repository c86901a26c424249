"""picks: which sentences of an area a reader should see first, by rule.

A review area reports results: figures achieved, things built, opened or completed, ranks and
firsts. A task area makes commitments: a number, a deadline, a named project or regulation.
Each sentence of an area gets a score from what it carries (figures, result or commitment
words, named things) less what marks a policy line without an outcome (坚持…, 深入实施…, when
nothing else follows); sub-heading leads, heading echoes and sentences that are not results at
all (lessons, a long-range vision, the answer to a problems passage) are never picked.

`rank_sentences(text, sentences, title, kind)` gives the indexes of the sentences worth showing,
best first; `lead_sentences` gives the first body sentences (the baseline: "lead-1"). The model
strategies use the ranking to choose the candidates they show the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer import lexicon as lx
from summarizer.rules.numbers import quantities

#: A sentence this short without a figure is a sub-heading lead ("一是综合实力稳步增强。").
LEAD_MAX = 20
#: A figure counts this much, up to FIGURES_MAX figures.
FIGURE_WEIGHT = 2.0
FIGURES_MAX = 4
WORD_WEIGHT = 1.0
WORDS_MAX = 3
NAMED_WEIGHT = 1.0
POLICY_PENALTY = 2.0


@dataclass(frozen=True)
class Scored:
    index: int  # of the sentence in the area
    score: float


def _core(text: str) -> str:
    return re.sub(r"[。；;，,！!？?\s]", "", text)


def is_heading_echo(sentence: str, title: str, margin: int = 6) -> bool:
    core, head = _core(sentence), _core(title)
    return bool(core) and (core in head or (head in core and len(core) < len(head) + margin))


def is_lead(sentence: str) -> bool:
    """A sub-heading inside an area: short, no figure (or an enumeration marker and no figure)."""
    s = sentence.strip().rstrip("。；;")
    if re.search(r"\d", s):
        return False
    return len(s) <= LEAD_MAX or (bool(lx.LEAD_MARKER_RE.match(s)) and len(s) <= 2 * LEAD_MAX)


def showable(sentence: str, title: str) -> bool:
    """Could this sentence stand for its area at all?"""
    return not (is_heading_echo(sentence, title) or is_lead(sentence) or lx.NOT_A_RESULT_RE.search(sentence))


def score_sentence(sentence: str, review: bool) -> float:
    figures = [q for q in quantities(sentence) if q.family is not None]
    words = lx.RESULT_WORDS if review else lx.COMMITMENT_WORDS
    hits = sum(w in sentence for w in words)
    named = len(lx.NAMED_THING_RE.findall(sentence))
    score = FIGURE_WEIGHT * min(len(figures), FIGURES_MAX) + WORD_WEIGHT * min(hits, WORDS_MAX) + NAMED_WEIGHT * min(named, 2)
    body = lx.OPENING_MARKER_RE.sub("", sentence)
    if body.startswith(lx.POLICY_OPENERS) and not figures and named == 0 and hits <= 1:
        score -= POLICY_PENALTY
    return score


def rank_sentences(text: str, sentences: list[tuple[int, int]], title: str, review: bool) -> list[Scored]:
    """Showable sentences, best first (ties: the earlier one)."""
    scored = [
        Scored(i, score_sentence(text[a:b], review))
        for i, (a, b) in enumerate(sentences)
        if showable(text[a:b], title)
    ]
    return sorted(scored, key=lambda s: (-s.score, s.index))


def lead_sentences(text: str, sentences: list[tuple[int, int]], title: str) -> list[int]:
    """The baseline: the area's sentences in order, less its heading."""
    return [i for i, (a, b) in enumerate(sentences) if not is_heading_echo(text[a:b], title) and _core(text[a:b]) != _core(title)]
