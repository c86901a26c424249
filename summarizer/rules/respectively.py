"""respectively: figures that a sentence hands out to several indicators with 分别.

"城镇居民人均可支配收入9422元，农村居民人均纯收入2936元，扣除价格因素，分别实际增长7.7%和6.8%",
"城镇居民人均可支配收入和农村居民人均纯收入分别实际增长8.4%和11.4%",
"城镇调查失业率、居民消费价格涨幅分别为5.2%和0.2%": a list of K figures after 分别 belongs, in
order, to the K indicators named right before it: in its own clause, and in the clauses before
that each name one indicator without a figure of the list's kind (a clause with no name and no
figure, 扣除价格因素, is passed over). A change word printed once (分别增长7.7%和6.8%) is every
figure's, and so is a comparator printed once (分别控制在5%和3%以内). A second list right after the
first (分别达到9422元和2936元，实际增长7.7%和6.8%) is handed out the same way. Pure functions over
the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from summarizer import lexicon as lx
from summarizer.rules.figures import AFTER, BEFORE, CHANGE, LEVEL, NUM, UNIT
from summarizer.rules.numbers import APPROX, MAGNITUDES

#: The units of a rate in a list (cleaned text prints % in ASCII only).
_RATE = "|".join(("%", *lx.POINT_UNITS, lx.TIMES))
_ITEM = rf"(?:(?:{CHANGE})\s*)?(?:(?:{BEFORE})\s*)?{NUM}\s*(?:{APPROX})?\s*(?:{_RATE}|{UNIT}|[{MAGNITUDES}]+)(?:{AFTER})?"
#: A list of figures: 7.7%和6.8%, 9422元、2936元.
_LIST_RE = re.compile(rf"(?P<first>{_ITEM})(?:\s*(?:{'|'.join(lx.LIST_JOINERS)})\s*{_ITEM})+")
_ITEM_RE = re.compile(_ITEM)
#: Words between 分别 (or the clause that continues it) and its list: 实际, 比上年, 达到, 增长 …
_LEAD_RE = re.compile(rf"(?:{'|'.join(lx.RESPECTIVELY_LEAD_WORDS)}|{CHANGE})*")
_CHANGE_WORD_RE = re.compile(rf"(?:{CHANGE})")
_RATE_RE = re.compile(_RATE)
#: A lead word that ends right before a position (to walk back from a list over its lead words).
_LEAD_TAIL_RE = re.compile(rf"(?:{'|'.join(lx.RESPECTIVELY_TAIL_WORDS)}|{CHANGE})$")
_CHANGE_FIGURE_RE = re.compile(rf"(?:{CHANGE})\s*{NUM}")
_LEVEL_FIGURE_RE = re.compile(LEVEL)
_AFTER_WORDS = tuple(lx.COMPARATORS_AFTER)
#: A list's words after 分别 up to the list (to run on into it from a name).
_UP_TO_RESPECTIVELY = rf"[^。；;！!？?，,]*?{lx.RESPECTIVELY}"


@dataclass(frozen=True)
class Handed:
    """One indicator's figure from a 分别 list."""

    name_start: int  # where the indicator's name starts (an alias match of the caller's)
    value: Optional[str]  # a level (9422元)
    change: Optional[str]  # a change (实际增长7.7%)
    end: int  # the end of the list that gave it


def hand_out(text: str, start: int, end: int, names: list[tuple[int, int]]) -> list[Handed]:
    """The figures that each list in [start, end) (one sentence) gives the indicator names
    (`names`: (start, end) of each, in order) printed before it: a list after 分别, or a list of
    figures of one kind that its clause opens with or that follows the names in their clause
    ("……城镇居民人均可支配收入和农村居民人均纯收入实际增长8.4%和11.4%")."""
    out: list[Handed] = []
    taken = -1
    for m in _LIST_RE.finditer(text, start, end):
        lead_start = _lead_start(text, start, m.start())
        respectively = text.endswith(lx.RESPECTIVELY, start, lead_start)
        anchor = lead_start - len(lx.RESPECTIVELY) if respectively else lead_start
        if m.start() < taken:
            continue
        for items, change_word, list_end in _lists_after(text, lead_start, end):
            changes = bool(change_word) or all(_CHANGE_WORD_RE.match(i) for i in items)
            same_kind = all(bool(_RATE_RE.search(i)) == bool(_RATE_RE.search(items[0])) for i in items)
            chosen = _names_before(text, start, anchor, names, len(items), changes)
            if len(items) < 2 or not same_kind or len(chosen) != len(items):
                continue
            own = (_CHANGE_FIGURE_RE if changes else _LEVEL_FIGURE_RE).search(text, chosen[-1][1], anchor)
            if not respectively and own:
                continue  # the last name has a figure of the list's kind before it: no list of theirs
            taken = list_end
            shared = next((w for w in _AFTER_WORDS if items[-1].endswith(w)), "")
            for (ns, _ne), item in zip(chosen, items):
                if changes and change_word and not _CHANGE_WORD_RE.match(item):
                    item = change_word + item
                if shared and not item.endswith(_AFTER_WORDS):
                    item += shared
                out.append(Handed(ns, None if changes else item, item if changes else None, list_end))
    return out


def _lead_start(text: str, floor: int, pos: int) -> int:
    """Where the words before a list (实际增长, 分别达到) begin: back over lead words from `pos`."""
    i = pos
    while i > floor and _LEAD_TAIL_RE.search(text, floor, i):
        i = _LEAD_TAIL_RE.search(text, floor, i).start()
    return i


def _names_before(text: str, start: int, at: int, names: list[tuple[int, int]], k: int, changes: bool) -> list[tuple[int, int]]:
    """The k names a list at `at` belongs to (see the module's docstring), or fewer."""
    clauses = [(start + c.start(), start + c.end()) for c in re.finditer(r"[^，,；;]+", text[start:at])]
    chosen: list[tuple[int, int]] = []
    for i, (a, b) in enumerate(reversed(clauses)):
        inside = [n for n in names if a <= n[0] and n[1] <= b]
        if i == 0:
            if inside and lx.PAIRED_NAMES_LEAD_RE.search(text, a, inside[0][0]):
                return []  # "城乡居民人均可支配收入分别……": one name for both, read with it
            chosen = inside
        elif lx.RESPECTIVELY in text[a:b]:
            break  # a list of its own
        elif not inside:
            if _ITEM_RE.search(text, a, b):
                break  # a figure of something else
            continue  # 扣除价格因素, 2000年
        elif not chosen and not _ITEM_RE.search(text, a, b):
            chosen = inside  # "农村居民人均纯收入和城镇居民人均可支配收入，2000年分别达到……"
        elif len(inside) == 1 and not (_CHANGE_FIGURE_RE if changes else _LEVEL_FIGURE_RE).search(text, a, b):
            chosen = inside + chosen
        else:
            break
        if len(chosen) >= k:
            break
    return chosen[-k:] if len(chosen) >= k else chosen


def _lists_after(text: str, at: int, end: int) -> list[tuple[list[str], str, int]]:
    """The lists right after a 分别 at `at`, each with its change word: the first, and one more
    when the next clause opens with a list of as many figures."""
    out = []
    pos = at
    for _ in range(2):
        lead = _LEAD_RE.match(text, pos, end)
        words = text[pos : lead.end()]
        m = _LIST_RE.match(text, lead.end(), end)
        if not m:
            break
        items = [i.group(0) for i in _ITEM_RE.finditer(m.group(0))]
        change = _CHANGE_WORD_RE.findall(words)
        qualifier = next((q for q in lx.PRICE_BASES if q in words), "")
        out.append((items, qualifier + change[-1] if change else "", m.end()))
        nxt = re.match(r"\s*[，,]\s*", text[m.end() : end])
        if not nxt or (out and len(out[0][0]) != len(items)):
            break
        pos = m.end() + nxt.end()
    return out


def has_list_after(text: str, pos: int, end: int) -> bool:
    """Whether `pos` (after an indicator's name) runs on into a 分别 list before its own figure:
    "城镇居民人均可支配收入和农村居民人均纯收入分别……" names two indicators, not one."""
    clause = re.match(_UP_TO_RESPECTIVELY, text[pos:end])
    return bool(clause) and not _ITEM_RE.search(clause.group(0))
