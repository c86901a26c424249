"""governments: which reports are one government's, and which of its reports pair.

A government is known by the name its report gives itself (the metadata's region), else by its
file name without the year. Two names are one government when they are level by level (宁夏 and
宁夏回族自治区, 深圳市光明区 and 光明区); a government's reports pair where the plan year of one is
the review year of the other. `track` and `series` group and pair reports by these rules.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional, Sequence

from schemas.summary import DocumentSummary

from summarizer import lexicon as lx

def government_levels(name: str) -> tuple[tuple[str, str], ...]:
    """A government's name as (name, administrative class) from the top down: 深圳市光明区 →
    (深圳, 市), (光明, 区); 宁夏回族自治区 → (宁夏, 自治区); 宁夏 → (宁夏, "")."""
    name = re.sub(r"\s+", "", name)
    levels: list[tuple[str, str]] = []
    pos = 0
    while pos < len(name):
        m = lx.GOVERNMENT_LEVEL_RE.match(name, pos)
        if not m:
            levels.append((name[pos:], ""))
            break
        base, suffix = m.group(1), m.group(2)
        ethnic = lx.ETHNIC_TAIL_RE.match(base) if suffix.startswith(lx.AUTONOMOUS) else None
        if ethnic:  # 宁夏回族自治区 is 宁夏's
            base = ethnic.group(1)
        levels.append((base, lx.ADMIN_SUFFIX_CLASSES.get(suffix, suffix)))
        pos = m.end()
    return tuple(levels)


def same_government(a: str, b: str) -> bool:
    """Whether two names are one government: the same names level by level from the bottom up,
    where a level without its class (宁夏) matches any, and a name without its higher units
    (光明区) matches one with them (深圳市光明区)."""
    la, lb = government_levels(a), government_levels(b)
    if not la or not lb:
        return False
    for (na, sa), (nb, sb) in zip(reversed(la), reversed(lb)):
        if na != nb or (sa and sb and sa != sb):
            return False
    return True


def government_name(s: DocumentSummary) -> str:
    """The region the report names, else its file name without the year (宁夏_2025.docx → 宁夏)."""
    if s.metadata.region:
        return s.metadata.region
    stem = re.split(r"[\\/]", s.source.path)[-1].rsplit(".", 1)[0]
    return lx.FILE_NAME_YEAR_RE.sub("", stem) or stem


def group_governments(summaries: Sequence[DocumentSummary]) -> list[list[int]]:
    """Indices of the summaries, grouped by government, in the order they first appear."""
    names = [government_name(s) for s in summaries]
    parent = list(range(len(summaries)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(names)):
        for j in range(i):
            if same_government(names[i], names[j]):
                parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(names)):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def display_name(names: Iterable[str]) -> str:
    """The fullest of a government's names (宁夏回族自治区 over 宁夏)."""
    names = list(dict.fromkeys(names))
    return max(names, key=lambda n: (len(n), -names.index(n)))


def government_labels(summaries: Sequence[DocumentSummary]) -> list[str]:
    """Each summary's government, by its fullest name among the summaries."""
    out = [""] * len(summaries)
    for group in group_governments(summaries):
        name = display_name(government_name(summaries[i]) for i in group)
        for i in group:
            out[i] = name
    return out


def review_year(s: DocumentSummary) -> Optional[int]:
    md = s.metadata
    return md.review_year if md.review_year is not None else (md.plan_year - 1 if md.plan_year else None)


def consecutive(docs: list[DocumentSummary]) -> list[tuple[DocumentSummary, DocumentSummary]]:
    """(earlier, later) for each report whose plan year is the review year of another; where the
    later year has several reports, those of the same kind (政府工作报告, 计划) are taken."""
    out = []
    for a in docs:
        n = a.metadata.plan_year
        if n is None:
            continue
        later = [b for b in docs if b is not a and review_year(b) == n]
        same_kind = [b for b in later if b.metadata.doc_type == a.metadata.doc_type]
        out += [(a, b) for b in (same_kind or later)]
    return out
