"""inline: enumerations inside a paragraph (一是……二是……, (1)……(2)……, ①……②……) as sections.

A run of markers counts from 1 after a sentence boundary; each item runs to the next marker, the
last to the end of its paragraph. Items become inline children of the section that holds them,
and lists nested in an item become its own children.
"""

from __future__ import annotations

import re
from typing import Optional

from summarizer import lexicon as lx
from summarizer.parse.tree import Node, ordinal_value, split_title, trim


_INLINE_RES = [(name, rank, re.compile(rx), kind) for name, rank, rx, kind in lx.INLINE_STYLES]

InlineItem = tuple[int, int, str]  # (start, end, marker)


def _boundary_ok(text: str, pos: int, floor: int) -> bool:
    if pos <= floor:
        return True
    prev = text[pos - 1]
    if prev == " " and pos - 1 > floor:
        prev = text[pos - 2]
    return prev in lx.INLINE_BOUNDARY


def find_inline_runs(text: str, start: int, end: int, skip: frozenset[str] = frozenset()) -> list[tuple[str, list[InlineItem]]]:
    """Runs of 一是/二是… (or (1)/(2)…, ①/②…) inside [start, end), of the family that starts
    first. Each item runs to the next marker; the last one to the end of its paragraph."""
    best: Optional[tuple[str, list[list[tuple[int, int, str]]]]] = None
    for name, _rank, rx, _kind in _INLINE_RES:
        if name in skip:
            continue
        markers = [
            (m.start(), ordinal_value(m.group("n")), m.group(0))
            for m in rx.finditer(text, start, end)
            if _boundary_ok(text, m.start(), start)
        ]
        runs: list[list[tuple[int, int, str]]] = []
        i = 0
        while i < len(markers):
            if markers[i][1] != 1:
                i += 1
                continue
            run = [markers[i]]
            j = i + 1
            while j < len(markers):
                if markers[j][1] == run[-1][1] + 1:
                    run.append(markers[j])
                elif markers[j][1] == 1:
                    # a list nested in the last item (一是……十是 under 七是) when the run goes
                    # on after it (八是); otherwise a new run starts here
                    k = j
                    while k + 1 < len(markers) and markers[k + 1][1] == markers[k][1] + 1:
                        k += 1
                    if k + 1 < len(markers) and markers[k + 1][1] == run[-1][1] + 1:
                        j = k + 1
                        continue
                    break
                j += 1
            if len(run) >= 2:
                runs.append(run)
            i = j if len(run) >= 2 else i + 1
        if runs and (best is None or runs[0][0][0] < best[1][0][0][0]):
            best = (name, runs)
    if best is None:
        return []
    name, runs = best
    out = []
    for run in runs:
        items: list[InlineItem] = []
        for k, (pos, _ordinal, marker) in enumerate(run):
            if k + 1 < len(run):
                item_end = run[k + 1][0]
            else:
                nl = text.find("\n", pos, end)
                item_end = end if nl < 0 else nl
                # items that each open a paragraph and the last a short heading-like one
                # ("七是坚持民生至上，更大力度增进群众福祉"): its body runs on, as a heading's does
                if nl >= 0 and nl - pos <= lx.INLINE_HEADING_MAX and "。" not in text[pos:nl] and all(
                    p == start or text[p - 1] == "\n" for p, _o, _m in run
                ):
                    item_end = end
            items.append((pos, item_end, marker))
        if out and any(a < items[0][0] < b for _n, prev in out for a, b, _m in prev):
            continue  # a list inside an item of the run before (the 十件实事 under 七是) is that item's text
        out.append((name, items))
    return out


def add_inline_items(text: str, node: Node, skip: frozenset[str] = frozenset()) -> None:
    for child in node.children:
        add_inline_items(text, child, skip)
    new: list[Node] = []
    for a, b in node.own_regions():
        for family, items in find_inline_runs(text, a, b, skip):
            for s, e, marker in items:
                marker_clean = marker.replace(" ", "")
                m_end = s + len(marker)
                while m_end < e and text[m_end] == " ":
                    m_end += 1
                title, body_start = split_title(text, m_end, e)
                label = marker_clean if family != "paren_num" else "(" + marker_clean.strip("()（）") + ")"
                item = Node(label, marker_clean, title, node.rank + 1, s, e, body_start, inline=True)
                trim(text, item)
                add_inline_items(text, item, skip | {family})
                new.append(item)
    if new:
        node.children = sorted(node.children + new, key=lambda n: n.start)
