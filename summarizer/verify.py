"""verify: is what the model said in the source?

Takes a claim (a summary, a metric's value or change, a commitment) and the text of the section
it came from; gives a verdict. Every number in the claim must be found in the source after
normalisation (亿元/万元, %, 个百分点, full-width digits, Chinese numerals such as 八千亿 or 三成);
a change must keep its direction (增长 3% is not 下降 3%); a quote must be found in the source,
exactly or, for a close paraphrase, approximately. Nothing here talks to a model.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Optional

from schemas.summary import VerificationStatus

from summarizer import lexicon as lx
from summarizer.rules.figures import CHANGE_WORD_RE, change_sign
from summarizer.rules.numbers import Quantity, normalise_digits, quantities, rates, same_quantity

#: A paraphrase located with at least this similarity counts as found (status fuzzy).
FUZZY_MIN_RATIO = 0.6
_PUNCT = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"})


@dataclass(frozen=True)
class Located:
    start: int  # in the source text
    end: int
    status: VerificationStatus


class Source:
    """A section's text, with its quantities found once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.quantities = quantities(text)
        self._folded = _fold(text)

    def missing_numbers(self, claim: str) -> list[Quantity]:
        """The quantities of `claim` that the source does not state."""
        return [q for q in quantities(claim) if not any(same_quantity(q, s) for s in self.quantities)]

    def change_direction_ok(self, change: str) -> bool:
        """增长 3% in the claim needs an increase of 3% in the source (or an unsigned 3%)."""
        qs = rates(change)
        if not CHANGE_WORD_RE.search(change) or not qs:
            return True
        sign = change_sign(change)
        for s in self.quantities:
            if not same_quantity(qs[0], s):
                continue
            before = self.text[max(0, s.start - 12) : s.start]
            found = CHANGE_WORD_RE.findall(before)
            if not found or lx.CHANGE_WORDS[found[-1]] == sign:
                return True
        return False

    def locate(self, quote: str) -> Optional[Located]:
        """Where `quote` stands in the source: exactly, or as a close paraphrase."""
        quote = quote.strip()
        if not quote:
            return None
        pos = self.text.find(quote)
        if pos >= 0:
            return Located(pos, pos + len(quote), VerificationStatus.VERIFIED)
        folded = _fold(quote)
        pos = self._folded.find(folded)
        if pos >= 0:  # same text once punctuation width and digits are folded
            return Located(pos, pos + len(folded), VerificationStatus.VERIFIED)
        return self._fuzzy(folded)

    def _fuzzy(self, folded: str) -> Optional[Located]:
        src = self._folded
        matcher = difflib.SequenceMatcher(None, src, folded, autojunk=False)
        best: Optional[tuple[float, int, int]] = None
        for block in matcher.get_matching_blocks():
            if block.size < 2:
                continue
            start = max(0, block.a - block.b)
            for width in (len(folded), int(len(folded) * 1.3)):
                window = src[start : start + width]
                ratio = difflib.SequenceMatcher(None, folded, window, autojunk=False).ratio()
                if best is None or ratio > best[0]:
                    best = (ratio, start, start + len(window))
        if best and best[0] >= FUZZY_MIN_RATIO:
            return Located(best[1], best[2], VerificationStatus.FUZZY)
        return None


def _fold(text: str) -> str:
    """Same length as `text` (so positions carry over): digits and punctuation to one width."""
    return normalise_digits(text).translate(_PUNCT)


@dataclass(frozen=True)
class Verdict:
    status: VerificationStatus
    located: Optional[Located] = None
    reason: str = ""


def verify_statement(claim: str, source: Source) -> Verdict:
    """A sentence in our own words (a summary): its numbers must all be in the source."""
    missing = source.missing_numbers(claim)
    if missing:
        return Verdict(VerificationStatus.UNVERIFIED, reason="number(s) not in the source: " + ", ".join(q.text for q in missing))
    located = source.locate(claim) if len(claim) <= 80 else None
    exact = located is not None and located.status == VerificationStatus.VERIFIED
    return Verdict(VerificationStatus.VERIFIED if exact else VerificationStatus.FUZZY, located if exact else None)


def verify_quote(claim: str, source: Source) -> Verdict:
    """A phrase meant to be taken from the source (a commitment, a metric's value)."""
    missing = source.missing_numbers(claim)
    if missing:
        return Verdict(VerificationStatus.UNVERIFIED, reason="number(s) not in the source: " + ", ".join(q.text for q in missing))
    located = source.locate(claim)
    if located is None:
        return Verdict(VerificationStatus.UNVERIFIED, reason=f"not found in the source: {claim}")
    return Verdict(located.status, located)


def verify_change(change: str, source: Source) -> Verdict:
    verdict = verify_quote(change, source) if change else Verdict(VerificationStatus.VERIFIED)
    if verdict.status == VerificationStatus.UNVERIFIED:
        # a change is often printed around other words (同比增长8.9% vs 增长8.9%): numbers decide
        missing = source.missing_numbers(change)
        if missing:
            return verdict
        verdict = Verdict(VerificationStatus.FUZZY)
    if not source.change_direction_ok(change):
        return Verdict(VerificationStatus.UNVERIFIED, reason=f"direction of the change differs from the source: {change}")
    return verdict
