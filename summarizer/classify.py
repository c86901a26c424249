"""classify: section kinds and document metadata.

Takes the tree from `split` (and the cleaned text); gives every section a `SectionKind` and the
document its region, type, review year and plan year. Parts (一、…) take their kind from title
keywords; their areas inherit it unless a short title of their own says otherwise
((一)预期性指标 under 总体思路和主要目标). Metadata comes from the title and the part titles;
what the text does not say stays None.
"""

from __future__ import annotations

from collections import Counter
from typing import Optional

from schemas.document import DocumentMetadata, SectionKind

from . import lexicon as lx
from .split import Node

#: An area's own title overrides the kind it inherits only when it is this short: long titles
#: ("圆满完成年度目标任务,……") mention keywords without being about them.
SHORT_TITLE = 12


def kind_of_title(title: str) -> Optional[SectionKind]:
    for kind, words in lx.KIND_TITLE_KEYWORDS:
        if any(w in title for w in words):
            return SectionKind(kind)
    return None


def classify_parts(root: Node) -> None:
    for part in root.children:
        if part.kind is None or not part.derived:
            part.kind = kind_of_title(part.title) or SectionKind.OTHER
        for child in part.children:
            _inherit(child, part.kind)


def _inherit(node: Node, parent_kind: SectionKind) -> None:
    if not node.derived:
        own = kind_of_title(node.title) if len(node.title) <= SHORT_TITLE else None
        node.kind = own or parent_kind
    for child in node.children:
        _inherit(child, node.kind or parent_kind)


def extract_metadata(text: str, root: Node) -> DocumentMetadata:
    title = _title_line(text, root)
    doc_type = lx.DOC_TYPE_OTHER
    for where in (title or "", text[:600]):
        found = next((name for name, words in lx.DOC_TYPES if any(w in where for w in words)), None)
        if found:
            doc_type = found
            break
    return DocumentMetadata(
        title=title,
        region=_region(text, title),
        doc_type=doc_type,
        review_year=_year_of(root, SectionKind.REVIEW, title, before="执行情况"),
        plan_year=_year_of(root, (SectionKind.TASKS, SectionKind.TARGETS), title, after="与"),
    )


def _title_line(text: str, root: Node) -> Optional[str]:
    head = text[: root.children[0].end] if root.children else text
    words = [w for _, ws in lx.DOC_TYPES for w in ws]
    for line in head.split("\n")[:12]:
        if len(line) <= 80 and any(w in line for w in words) and not line.startswith("《"):
            return line
    return None


def _region(text: str, title: Optional[str]) -> Optional[str]:
    """The region named in the title, else the one the front of the document names most."""
    counts = Counter(m.group("region") for m in lx.REGION_RE.finditer(text))
    for stop in lx.REGION_STOPWORDS:
        counts.pop(stop, None)
    if title:
        for m in lx.REGION_RE.finditer(title):
            if m.group("region") not in lx.REGION_STOPWORDS:
                return m.group("region")
    front = Counter(m.group("region") for m in lx.REGION_RE.finditer(text[:1500]))
    candidates = [r for r in front if r in counts]
    if not candidates:
        return None
    best = max(candidates, key=lambda r: counts[r])
    return best if counts[best] >= 2 else None


def _year_of(root: Node, kinds, title: Optional[str], before: str = "", after: str = "") -> Optional[int]:
    """The year in the title of the first part of these kinds; else the title's own year next
    to the words that mark it (…2022年…执行情况 / 与2023年计划)."""
    kinds = kinds if isinstance(kinds, tuple) else (kinds,)
    for part in root.children:
        if part.kind in kinds and not part.derived:
            m = lx.YEAR_RE.search(part.title)
            if m:
                return int(m.group("y"))
    if title:
        years = list(lx.YEAR_RE.finditer(title))
        if before and before in title:
            cut = title.index(before)
            found = [m for m in years if m.start() < cut]
            if found:
                return int(found[-1].group("y"))
        if after and after in title:
            cut = title.index(after)
            found = [m for m in years if m.start() > cut]
            if found:
                return int(found[0].group("y"))
        if after and len(years) == 1 and "执行情况" not in title:
            return int(years[0].group("y"))
    return None
