"""labels: what a figure measures, in words a reader can use.

`figures.clause_metrics` names a figure by the words of its clause before it. That works for
"地区生产总值增长5%" and fails where the clause opens with a verb ("推出119个改革举措" gives
"推出") or an adverb is left at the end ("优良天数比例首次突破80%" gives "优良天数比例首次"), and
a 分别 list ("入园率和普惠率分别达96%、92%") loses every value but the first. Here:

- trailing adverbs (首次, 分别, 均 …) are dropped from the name;
- a name that is only a verb or a place (启动, 全区) becomes the noun phrase the
  figure counts, the words after it in its clause ("推出119个改革举措" → 改革举措); failing that the
  figure is shown with its clause (or not at all where the clause is long);
- a 分别 list gives one metric per name and value where the counts agree, else one metric whose
  value keeps every value as printed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from summarizer import lexicon as lx
from summarizer.rules.figures import ClauseMetric, clause_metrics
from summarizer.rules.numbers import MAGNITUDES

#: The noun phrase after a figure: up to this many characters, up to a break or another figure.
OBJECT_MAX = 12
_OBJECT_RE = re.compile(r"[\u4e00-\u9fff“”《》]{2,%d}" % OBJECT_MAX)
_NAME_SPLIT_RE = re.compile(rf"[{''.join(lx.LIST_JOINERS)}]")
#: A clause shown in place of a name is at most this long.
CLAUSE_LABEL_MAX = 16


def _strip_adverbs(name: str) -> str:
    changed = True
    while changed and name:
        changed = False
        for word in lx.TRAILING_ADVERBS:
            if name.endswith(word) and len(name) > len(word):
                name, changed = name[: -len(word)], True
    return name.strip(" ，,")


def _verb_only(name: str) -> bool:
    return not name or name in lx.COUNTING_VERBS or any(name == v or name.endswith(v) and len(name) - len(v) <= 1 for v in lx.COUNTING_VERBS)


def _object_after(text: str, found: ClauseMetric) -> Optional[str]:
    m = _OBJECT_RE.match(text, found.end)
    if not m:
        return None
    words = m.group(0)
    cut = lx.OBJECT_END_RE.search(words, 2)  # "河流断面均达Ⅳ类": the object ends before 均达
    if cut:
        words = words[: cut.start()]
    return words.strip("“”") or None


def _clause_of(text: str, found: ClauseMetric) -> str:
    a = max(text.rfind(ch, 0, found.start) for ch in "，,；;。\n：:") + 1
    return text[a : found.end].strip()


def label(text: str, found: ClauseMetric) -> Optional[str]:
    """The name a reader should see for this figure, or None where no clause can stand for it."""
    name = _strip_adverbs(found.indicator)
    opener = next((v for v in lx.OBJECT_VERBS if name.startswith(v) and len(name) - len(v) >= 2), None)
    if opener:
        name = name[len(opener) :]  # "提供就业岗位11.2万个": the 就业岗位 counted
    if not _verb_only(name) and not lx.PLACE_RE.fullmatch(name):
        return name
    obj = _object_after(text, found)
    if obj:
        return obj
    clause = _clause_of(text, found)
    return clause if len(clause) <= CLAUSE_LABEL_MAX else None


_UNIT_OR_COUNT = lx.compile_alternation([u for u, _, _ in lx.UNITS]) + "|[" + lx.COUNT_UNITS + "]"
_MORE_VALUE_RE = re.compile(
    rf"\s*[{''.join(lx.LIST_JOINERS)}]\s*(?:{'|'.join(lx.REACH_VERBS)})?\s*"
    rf"(\d+(?:\.\d+)?\s*(?:{'|'.join((*lx.PERCENT_SIGNS, lx.POINTS, lx.TIMES))}|[{MAGNITUDES}]*(?:{_UNIT_OR_COUNT})?))"
)


def _respectively(text: str, found: ClauseMetric) -> list[ClauseMetric]:
    """"A和B分别达96%、92%": one metric per name and value where the counts agree, else one
    metric whose value keeps every value as printed."""
    if not found.indicator.endswith(lx.RESPECTIVELY) and lx.RESPECTIVELY not in text[found.start : found.end]:
        return [found]
    seg = text[found.start : found.end]
    if found.value and found.change and seg.find(found.value) > seg.find(found.change):
        # "分别增长1.2%和2.3%": the second rate was read as a level
        return [replace(found, indicator=n, value=None, change=v) for n, v in _pairs(found.indicator, [found.change, found.value])] or [found]
    first = found.value or found.change or ""
    values, pos = [first], found.end
    while (m := _MORE_VALUE_RE.match(text, pos)) is not None:
        values.append(m.group(1).strip())
        pos = m.end()
    if len(values) == 1:
        return [found]
    as_change = found.value is None
    names = [n for n in _NAME_SPLIT_RE.split(_strip_adverbs(found.indicator)) if n]
    if len(names) == len(values):
        return [
            replace(found, indicator=n, value=None if as_change else v, change=v if as_change else None, end=pos)
            for n, v in zip(names, values)
        ]
    joined = text[found.start + len(found.indicator) : pos].strip()
    joined = "、".join(values) if len(joined) > 40 else joined
    return [replace(found, value=None if as_change else joined, change=joined if as_change else found.change, end=pos)]


def _pairs(indicator: str, values: list[str]) -> list[tuple[str, str]]:
    names = [n for n in _NAME_SPLIT_RE.split(_strip_adverbs(indicator)) if n]
    return list(zip(names, values)) if len(names) == len(values) else []


def labelled_metrics(text: str, start: int, end: int) -> list[ClauseMetric]:
    """`clause_metrics` of [start, end) with names a reader can use and 分别 lists kept whole;
    a figure that neither a name nor a short clause can label is left out."""
    out: list[ClauseMetric] = []
    for found in clause_metrics(text, start, end):
        for m in _respectively(text, found):
            name = label(text, m)
            if name:
                out.append(replace(m, indicator=name))
    return out

