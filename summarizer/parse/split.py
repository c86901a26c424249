"""split: cleaned text → a tree of sections, by the document's own heading grammar.

Takes a `CleanText`; gives `Node`s (cleaned offsets) in document order:
- line-start headings 第一部分 / 一、 / (一)（一） / 1. 1、 / (1)（1）, nested by rank;
- a glossary block (名词解释, 注释) at the end as its own section;
- passages that a phrase, not a heading, sets apart: the problems passage inside a review
  ("在肯定……的同时，必须清醒地认识到……一是……"), the targets paragraph ("主要预期目标是"),
  the general requirements ("总体要求是") and the closing words of a part ("过去一年……");
- inline enumerations inside a paragraph (一是……二是……, (1)……(2)……, ①……②……).

Kinds are assigned by `classify`; this module only decides where sections begin and end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Optional

from schemas.document import SectionKind

from summarizer import lexicon as lx
from summarizer.parse.problems import find_passage

_WS = " \n"
#: Names of the sections the split derives: the front matter, an annex, closing words.
FRONT, ANNEX, CLOSING, WHOLE = "卷首", "附件", "结语", "全文"


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
    if len(n) == 2 and n[0] == "十":
        return 10 + digits.get(n[1], 0)
    if len(n) == 2 and n[1] == "十":
        return digits.get(n[0], 0) * 10
    if len(n) == 3 and n[1] == "十":
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


# ---------------------------------------------------------------------------------------------
# Headings
# ---------------------------------------------------------------------------------------------


@dataclass
class _Heading:
    style: str
    rank: int
    ordinal: int
    marker: str
    label: str


def match_heading(line: str) -> Optional[_Heading]:
    for style, rank, rx in lx.HEADING_STYLES:
        m = rx.match(line)
        if not m or m.end() >= len(line):
            continue
        n = m.group("n")
        ordinal = ordinal_value(n)
        if not ordinal:
            continue
        marker = m.group(0).strip()
        label = {
            "part": f"第{n}部分",
            "cn": n,
            "paren_cn": f"({n})",
            "num": n,
            "paren_num": f"({n})",
        }[style]
        return _Heading(style, rank, ordinal, marker, label)
    return None


def _fits_sequence(parent: Node, heading: _Heading, last_ordinal: dict[tuple[int, str], int]) -> bool:
    """A heading must continue its siblings' numbering (one skipped number is tolerated, for
    damaged text); this keeps a body line that happens to start with "1." or "二、" a body line."""
    last = last_ordinal.get((id(parent), heading.style), 0)
    return last < heading.ordinal <= last + 2


def is_plain_heading(line: str) -> bool:
    """A part heading printed without a number ("2024年工作回顾", "加强政府自身建设"): a short
    line without sentence punctuation that names a year's work or a part of a report."""
    if not 4 <= len(line) <= lx.PLAIN_HEADING_MAX or any(ch in lx.PLAIN_HEADING_FORBIDDEN for ch in line):
        return False
    if any(w in line for w in lx.PLAIN_HEADING_NOT):
        return False
    return bool(lx.PLAIN_HEADING_RE.search(line))


def _body_start(text: str, paras: list[tuple[int, int]]) -> int:
    """Where the body begins: the first paragraph that is a full sentence (title, source, date
    and speaker lines and the salutation come before it)."""
    return next((ps for ps, pe in paras if pe - ps > 20 and "。" in text[ps:pe]), 0)


def build_heading_tree(text: str, paras: list[tuple[int, int]], stop: int, *, plain: bool = False, plain_rank: int = 1) -> Node:
    """The tree of numbered headings; with `plain`, unnumbered part headings (see
    `is_plain_heading`) after the start of the body are parts too, of rank `plain_rank` (0 when
    they stand above numbered parts)."""
    root = Node("", "", "", -1, 0, stop, 0)
    stack = [root]
    last_ordinal: dict[tuple[int, str], int] = {}
    body = _body_start(text, paras) if plain else 0
    for ps, pe in paras:
        if ps >= stop:
            break
        line = text[ps:pe]
        h = match_heading(line)
        if h is None and plain and ps > body and is_plain_heading(line):
            while stack[-1].rank >= plain_rank:
                stack.pop()
            node = Node(unique_label(line[:12], {c.label for c in stack[-1].children}), "", line, plain_rank, ps, stop, pe)
            stack[-1].children.append(node)
            stack.append(node)
            continue
        if h is None:
            continue
        while stack[-1].rank >= h.rank:
            stack.pop()
        parent = stack[-1]
        if not _fits_sequence(parent, h, last_ordinal):
            continue
        last_ordinal[(id(parent), h.style)] = h.ordinal
        marker_end = ps + text[ps:pe].index(h.marker) + len(h.marker)
        while marker_end < pe and text[marker_end] == " ":
            marker_end += 1
        title, body_start = split_title(text, marker_end, pe)
        node = Node(h.label, h.marker, title, h.rank, ps, stop, body_start)
        parent.children.append(node)
        stack.append(node)
    _close(root, stop)
    return root


def _close(node: Node, end: int) -> None:
    """Set each child's end to the next sibling's start (or the parent's end), trimmed."""
    node.end = end
    for i, child in enumerate(node.children):
        nxt = node.children[i + 1].start if i + 1 < len(node.children) else end
        _close(child, nxt)


def _trim(text: str, node: Node) -> None:
    while node.end > node.start and text[node.end - 1] in _WS:
        node.end -= 1
    node.body_start = min(node.body_start, node.end)
    for c in node.children:
        _trim(text, c)


# ---------------------------------------------------------------------------------------------
# Passages set apart by a phrase
# ---------------------------------------------------------------------------------------------


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
    tail = Node(f"{c.label}续", "", c.title, c.rank, at, c.end, at, kind=c.kind, derived=True)
    tail.children = [k for k in c.children if k.start >= at]
    return tail


def carve_problems(text: str, root: Node, allowed: list[Node], body_end: int) -> None:
    """The problems passage (see `problems.find_passage`): in a review part if there is one,
    else anywhere in the body."""
    regions = [(n.start, n.end) for n in allowed]
    found = find_passage(text, regions, [(0, body_end)])
    if found:
        carve(root, found.start, found.end, "问题", "存在的问题", SectionKind.PROBLEMS, body_start=found.items_start)


def carve_closing(text: str, part: Node, paras: list[tuple[int, int]], root: Node) -> None:
    """Closing words after a part's last area ("过去一年……", "各位代表!……") are not that area."""
    areas = [c for c in part.children if not c.derived]
    if not areas:
        return
    last = areas[-1]
    body_paras = [(ps, pe) for ps, pe in paras if last.start <= ps < last.end]
    for ps, pe in body_paras[2:] if last.body_start >= body_paras[0][1] else body_paras[1:]:
        if text.startswith(lx.CLOSING_OPENERS, ps):
            carve(root, ps, last.end, CLOSING, text[ps:pe][:12], SectionKind.OTHER)
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
            carve(root, ps, end, "目标", "主要目标", SectionKind.TARGETS)
            i = j
            continue
        if part.kind != SectionKind.REQUIREMENTS and lx.REQUIREMENTS_TRIGGER_RE.search(head):
            carve(root, ps, pe, "要求", "总体要求", SectionKind.REQUIREMENTS)
        i += 1


# ---------------------------------------------------------------------------------------------
# Inline enumerations
# ---------------------------------------------------------------------------------------------

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
                _trim(text, item)
                add_inline_items(text, item, skip | {family})
                new.append(item)
    if new:
        node.children = sorted(node.children + new, key=lambda n: n.start)


# ---------------------------------------------------------------------------------------------
# The whole split
# ---------------------------------------------------------------------------------------------


def find_glossary(text: str, paras: list[tuple[int, int]]) -> Optional[int]:
    """Start (cleaned offset) of a glossary block: a 名词解释 line in the last part of the text."""
    for i, (ps, pe) in enumerate(paras):
        if ps < len(text) // 3:
            continue
        line = text[ps:pe]
        if lx.GLOSSARY_LINE_RE.match(line):
            if i > 0 and lx.ANNEX_LINE_RE.match(text[paras[i - 1][0] : paras[i - 1][1]]):
                return paras[i - 1][0]
            return ps
    return None


def find_annex(text: str, paras: list[tuple[int, int]], before: int) -> Optional[int]:
    """Start of an annex that is not the glossary ("附件1" / "2025年省十件民生实事" after the closing
    words): a line of its own in the last two thirds of the text, before `before`."""
    for i, (ps, pe) in enumerate(paras):
        if ps < len(text) // 3 or ps >= before:
            continue
        if lx.ANNEX_LINE_RE.match(text[ps:pe]):
            nxt = paras[i + 1] if i + 1 < len(paras) else None
            if nxt and lx.GLOSSARY_LINE_RE.match(text[nxt[0] : nxt[1]]):
                return None  # the glossary's own 附件 line
            return ps
    return None


def _plain_parts_above(text: str, paras: list[tuple[int, int]], root: Node) -> bool:
    """Unnumbered headings that stand above the numbered parts ("“十四五”时期发展成就和2025年工作
    回顾" … "“十五五”时期主要目标和2026年重点工作", then 一、二、三 inside the second): at least
    two, the first one well before the first numbered part."""
    first = next((c.start for c in root.children if c.rank <= 1 and not c.derived), None)
    if first is None:
        return False
    body = _body_start(text, paras)
    plain = [ps for ps, pe in paras if body < ps < root.end and is_plain_heading(text[ps:pe]) and not match_heading(text[ps:pe])]
    return len(plain) >= 2 and plain[0] < first - lx.PLAIN_PART_MIN_LEAD


def split_text(text: str, classify_parts) -> Node:
    """Build the full tree. `classify_parts(root, text)` assigns kinds to the heading sections before
    the passages are carved out (carving depends on whether a part is a review or a plan)."""
    paras = paragraphs(text)
    glossary_at = find_glossary(text, paras)
    annex_at = find_annex(text, paras, glossary_at if glossary_at is not None else len(text))
    body_end = min(x for x in (glossary_at, annex_at, len(text)) if x is not None)
    root = build_heading_tree(text, paras, body_end)
    if not any(c.rank <= 1 for c in root.children):
        plain = build_heading_tree(text, paras, body_end, plain=True)
        if sum(c.rank == 1 for c in plain.children) >= 2:
            root = plain
    elif _plain_parts_above(text, paras, root):
        root = build_heading_tree(text, paras, body_end, plain=True, plain_rank=0)
    if not root.children:
        whole = Node(WHOLE, "", WHOLE, 1, 0, body_end, 0)
        root.children.append(whole)
    elif root.children[0].start > 0:
        first_line = text[: text.find("\n")] if "\n" in text else text
        front = Node(FRONT, "", first_line[:40], 1, 0, root.children[0].start, 0, kind=SectionKind.OTHER, derived=True)
        root.children.insert(0, front)
    if annex_at is not None:
        annex_end = glossary_at if glossary_at is not None else len(text)
        nl = text.find("\n", annex_at)
        annex_title = text[annex_at : nl if nl >= 0 else len(text)]
        root.children.append(Node(ANNEX, "", annex_title.strip(), 1, annex_at, annex_end, annex_at, kind=SectionKind.OTHER, derived=True))
    if glossary_at is not None:
        title_line = next(
            (text[ps:pe] for ps, pe in paras if ps >= glossary_at and lx.GLOSSARY_LINE_RE.match(text[ps:pe])),
            "名词解释",
        )
        root.children.append(
            Node("名词解释", "", title_line.strip(), 1, glossary_at, len(text), glossary_at, kind=SectionKind.GLOSSARY, derived=True)
        )
    _trim(text, root)
    classify_parts(root, text)
    parts = [n for n in root.children if not n.derived] or [root]
    reviews = [p for p in parts if p.kind == SectionKind.REVIEW] or ([root] if all(p.kind in (None, SectionKind.OTHER) for p in parts) else [])
    carve_problems(text, root, reviews, body_end)
    for part in parts:
        if part is root:
            continue
        carve_closing(text, part, paras, root)
        if part.kind in (SectionKind.TASKS, SectionKind.TARGETS, SectionKind.REQUIREMENTS):
            carve_targets_and_requirements(text, part, paras, root)
    _trim(text, root)
    for part in root.children:
        if part.kind != SectionKind.GLOSSARY and part.label not in (FRONT, ANNEX):
            add_inline_items(text, part)
    classify_parts(root, text)
    return root
