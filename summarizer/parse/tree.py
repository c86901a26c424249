"""tree: the section tree while `split` builds it, and the helpers of every step that builds it.

`Node` is a section with cleaned offsets; `paragraphs` gives the lines of a cleaned text,
`ordinal_value` reads a heading's number, `split_title` and `unique_label` name a section, and
`trim` keeps trailing whitespace out of every section.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Optional

from schemas.document import SectionKind

from summarizer import lexicon as lx

_WS = " \n"


@dataclass
class Node:
    """A section while the tree is built (cleaned offsets)."""

    label: str  # path component: "三", "(二)", "3", "一是", or a name for derived sections
    marker: str  # as printed
    title: str
    rank: int  # heading style rank (smaller is outer); derived sections take their parent's + 1
    start: int
    end: int
    body_start: int
    kind: Optional[SectionKind] = None
    derived: bool = False
    inline: bool = False  # an item of an inline enumeration (一是……), not a heading line
    children: list["Node"] = field(default_factory=list)

    def walk(self) -> Iterator["Node"]:
        yield self
        for c in self.children:
            yield from c.walk()

    def own_regions(self) -> list[tuple[int, int]]:
        """The parts of the body that no child covers."""
        return uncovered(self.body_start, self.end, [(c.start, c.end) for c in self.children])


def uncovered(start: int, end: int, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of [start, end) outside the (sorted) `covered` spans."""
    out = []
    pos = start
    for a, b in covered:
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if end > pos:
        out.append((pos, end))
    return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        if line:
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


# ---------------------------------------------------------------------------------------------
# Ordinals
# ---------------------------------------------------------------------------------------------


def ordinal_value(n: str) -> int:
    """一 → 1, 十二 → 12, 3 → 3, ③ → 3."""
    n = n.strip()
    if n.isascii() and n.isdigit():
        return int(n)
    if n in lx.CIRCLED:
        return lx.CIRCLED.index(n) + 1
    if n in lx.CN_ORDINALS:
        return lx.CN_ORDINALS.index(n) + 1
    digits = {c: i + 1 for i, c in enumerate(lx.CN_DIGITS)}
    if len(n) == 2 and n[0] == lx.CN_TEN:
        return 10 + digits.get(n[1], 0)
    if len(n) == 2 and n[1] == lx.CN_TEN:
        return digits.get(n[0], 0) * 10
    if len(n) == 3 and n[1] == lx.CN_TEN:
        return digits.get(n[0], 0) * 10 + digits.get(n[2], 0)
    return 0


# ---------------------------------------------------------------------------------------------
# Titles
# ---------------------------------------------------------------------------------------------


def unique_label(label: str, taken: set[str]) -> str:
    """`label`, or `label2`, `label3` … where siblings already use it (paths stay unique)."""
    if label not in taken:
        return label
    k = 2
    while f"{label}{k}" in taken:
        k += 1
    return f"{label}{k}"


def split_title(text: str, start: int, end: int) -> tuple[str, int]:
    """The short title of a heading or item whose text spans [start, end), and where its body
    starts. A heading alone on its line is all title; one that shares its line with the body
    ends at the first sentence stop ("(一)经济高质量发展基础更加牢固。坚持……")."""
    para_end = text.find("\n", start, end)
    line_end = end if para_end < 0 else para_end
    line = text[start:line_end]
    stops = [i for i, ch in enumerate(line) if ch in lx.TITLE_STOPS]
    if len(line) <= 100 and (not stops or stops == [len(line) - 1]):
        return line.rstrip(lx.TITLE_STOPS + " "), line_end
    if stops and stops[0] <= lx.TITLE_MAX:
        return line[: stops[0]].strip(), start + stops[0] + 1
    comma = next((i for i, ch in enumerate(line[: lx.TITLE_MAX]) if ch in ",，"), None)
    if comma:
        return line[:comma].strip(), start + comma + 1
    return line[: lx.TITLE_MAX // 2].strip(), start + lx.TITLE_MAX // 2


def trim(text: str, node: Node) -> None:
    while node.end > node.start and text[node.end - 1] in _WS:
        node.end -= 1
    node.body_start = min(node.body_start, node.end)
    for c in node.children:
        trim(text, c)
