"""split: cleaned text → a tree of sections, by the document's own heading grammar.

Takes a `CleanText`; gives `Node`s (cleaned offsets) in document order:
- line-start headings 第一部分 / 一、 / (一)（一） / 1. 1、 / (1)（1）, nested by rank;
- a glossary block (名词解释, 注释) at the end as its own section;
- passages that a phrase, not a heading, sets apart (`passages`): the problems passage inside a
  review ("在肯定……的同时，必须清醒地认识到……一是……"), the targets paragraph ("主要预期目标是"),
  the general requirements ("总体要求是") and the closing words of a part ("过去一年……");
- inline enumerations inside a paragraph (`inline`: 一是……二是……, (1)……(2)……, ①……②……).

Kinds are assigned by `classify`; this module only decides where sections begin and end. The
tree is built of `tree.Node`s.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from schemas.document import SectionKind

from summarizer import lexicon as lx
from summarizer.parse.inline import add_inline_items
from summarizer.parse.passages import carve_closing, carve_problems, carve_targets_and_requirements
from summarizer.parse.tree import Node, ordinal_value, paragraphs, split_title, trim, unique_label

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
            "part": lx.PART_LABEL.format(n),
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
        whole = Node(lx.WHOLE, "", lx.WHOLE, 1, 0, body_end, 0)
        root.children.append(whole)
    elif root.children[0].start > 0:
        first_line = text[: text.find("\n")] if "\n" in text else text
        front = Node(lx.FRONT, "", first_line[:40], 1, 0, root.children[0].start, 0, kind=SectionKind.OTHER, derived=True)
        root.children.insert(0, front)
    if annex_at is not None:
        annex_end = glossary_at if glossary_at is not None else len(text)
        nl = text.find("\n", annex_at)
        annex_title = text[annex_at : nl if nl >= 0 else len(text)]
        root.children.append(Node(lx.ANNEX, "", annex_title.strip(), 1, annex_at, annex_end, annex_at, kind=SectionKind.OTHER, derived=True))
    if glossary_at is not None:
        title_line = next(
            (text[ps:pe] for ps, pe in paras if ps >= glossary_at and lx.GLOSSARY_LINE_RE.match(text[ps:pe])),
            lx.GLOSSARY,
        )
        root.children.append(
            Node(lx.GLOSSARY, "", title_line.strip(), 1, glossary_at, len(text), glossary_at, kind=SectionKind.GLOSSARY, derived=True)
        )
    trim(text, root)
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
    trim(text, root)
    for part in root.children:
        if part.kind != SectionKind.GLOSSARY and part.label not in (lx.FRONT, lx.ANNEX):
            add_inline_items(text, part)
    classify_parts(root, text)
    return root
