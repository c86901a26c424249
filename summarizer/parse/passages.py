"""passages: sections that a phrase, not a heading, sets apart, carved out of the heading tree.

The problems passage inside a review ("在肯定……的同时，必须清醒地认识到……一是……", found by
`problems.find_passage`), the targets paragraph ("主要预期目标是") with the "——" lines after it, the
general requirements ("总体要求是") and the closing words of a part ("过去一年……"). Each becomes a
derived section of the part that holds it; the text after it stays a section of its own.
"""

from __future__ import annotations

from typing import Optional

from schemas.document import SectionKind

from summarizer import lexicon as lx
from summarizer.parse.problems import find_passage
from summarizer.parse.tree import Node, unique_label


def _containing_chain(root: Node, pos: int) -> list[Node]:
    chain = [root]
    node = root
    while True:
        nxt = next((c for c in node.children if c.start <= pos < c.end), None)
        if nxt is None:
            return chain
        chain.append(nxt)
        node = nxt


def _truncate(node: Node, at: int) -> None:
    node.end = min(node.end, at)
    node.body_start = min(node.body_start, node.end)
    node.children = [c for c in node.children if c.start < at]
    for c in node.children:
        _truncate(c, at)


def carve(root: Node, start: int, end: int, label: str, title: str, kind: SectionKind, body_start: Optional[int] = None) -> Optional[Node]:
    """Make [start, end) its own section, a child of the part (一、 level) that holds it."""
    chain = _containing_chain(root, start)
    # the part (一、 level) that holds it; in a report without parts, the deepest section that does
    # (making it a sibling there would leave the text after it in no section)
    holder = next((n for n in reversed(chain[1:]) if n.rank <= 1 and not n.derived), None)
    holder = holder or next((n for n in reversed(chain[1:]) if not n.derived), root)
    later = [c.start for c in holder.children if c.start > start]
    end = min([end, *later])
    if end <= start:
        return None
    new = Node(label, "", title, holder.rank + 1, start, end, min(end, body_start if body_start is not None else start), kind=kind, derived=True)
    kids: list[Node] = []
    for c in holder.children:
        if c.start < start < c.end:
            if c.end > end:  # the text after the passage stays a section of its own
                kids.append(_continuation(c, end))
            _truncate(c, start)
        if c.start >= start and c.end <= end:
            continue  # swallowed (cannot happen: `end` stops at the next child)
        kids.append(c)
    kids.append(new)
    kids.sort(key=lambda n: n.start)
    holder.children = kids
    new.label = unique_label(label, {n.label for n in holder.children if n is not new})
    return new


def _continuation(c: Node, at: int) -> Node:
    """What follows `at` in section c, as a derived section of c's rank and kind (c's children
    from there on move into it)."""
    tail = Node(f"{c.label}{lx.CONTINUED}", "", c.title, c.rank, at, c.end, at, kind=c.kind, derived=True)
    tail.children = [k for k in c.children if k.start >= at]
    return tail


def carve_problems(text: str, root: Node, allowed: list[Node], body_end: int) -> None:
    """The problems passage (see `problems.find_passage`): in a review part if there is one,
    else anywhere in the body."""
    regions = [(n.start, n.end) for n in allowed]
    found = find_passage(text, regions, [(0, body_end)])
    if found:
        carve(root, found.start, found.end, *lx.PROBLEMS_PASSAGE, SectionKind.PROBLEMS, body_start=found.items_start)


def carve_closing(text: str, part: Node, paras: list[tuple[int, int]], root: Node) -> None:
    """Closing words after a part's last area ("过去一年……", "各位代表!……") are not that area."""
    areas = [c for c in part.children if not c.derived]
    if not areas:
        return
    last = areas[-1]
    body_paras = [(ps, pe) for ps, pe in paras if last.start <= ps < last.end]
    for ps, pe in body_paras[2:] if last.body_start >= body_paras[0][1] else body_paras[1:]:
        if text.startswith(lx.CLOSING_OPENERS, ps):
            carve(root, ps, last.end, lx.CLOSING, text[ps:pe][:12], SectionKind.OTHER)
            return


def carve_targets_and_requirements(text: str, part: Node, paras: list[tuple[int, int]], root: Node) -> None:
    """In a part's lead (before its first heading child): the requirements paragraph and the
    paragraph that lists or introduces the targets, with the "——" lines that follow it."""
    lead_end = min([c.start for c in part.children if not c.derived] or [part.end])
    lead = [(ps, pe) for ps, pe in paras if part.body_start <= ps < lead_end]
    i = 0
    while i < len(lead):
        ps, pe = lead[i]
        head = text[ps : min(pe, ps + 200)]
        if part.kind not in (SectionKind.TARGETS,) and lx.TARGETS_TRIGGER_RE.search(text, ps, pe):
            end = pe
            j = i + 1
            while j < len(lead) and text.startswith("——", lead[j][0]):
                end = lead[j][1]
                j += 1
            carve(root, ps, end, *lx.TARGETS_PASSAGE, SectionKind.TARGETS)
            i = j
            continue
        if part.kind != SectionKind.REQUIREMENTS and lx.REQUIREMENTS_TRIGGER_RE.search(head):
            carve(root, ps, pe, *lx.REQUIREMENTS_PASSAGE, SectionKind.REQUIREMENTS)
        i += 1
