"""classify: section kinds and document metadata.

Takes the tree from `split` (and the cleaned text); gives every section a `SectionKind` and the
document its region, type, review year and plan year. Parts (一、…) take their kind from title
keywords; their areas inherit it unless a short title of their own says otherwise
((一)预期性指标 under 总体思路和主要目标). Metadata comes from the title and the part titles;
what the text does not say stays None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from schemas.document import DocumentMetadata, SectionKind

from summarizer import lexicon as lx
from summarizer.parse.tree import Node

#: An area's own title overrides the kind it inherits only when it is this short: long titles
#: ("圆满完成年度目标任务,……") mention keywords without being about them.
SHORT_TITLE = 12


def kind_of_title(title: str) -> Optional[SectionKind]:
    for kind, words in lx.KIND_TITLE_KEYWORDS:
        if any(w in title for w in words):
            return SectionKind(kind)
    return None


@dataclass
class PartSignals:
    """What a top-level part says about itself, beyond its title."""

    title_kind: Optional[SectionKind]
    outlook: bool  # the title names the next plan period ("十五五"时期), not a year
    government: bool  # the government's own work (政府自身建设)
    targets_sentence: bool  # the plan year's 主要预期目标 sentence is in it
    past: int  # review-year markers: 过去一年, the review year, 一年来, 了
    future: int  # plan-year markers: 今年, the plan year, 要, 将
    areas: int  # heading children (not inline items)
    plan_year: int = 0  # 今年 / 明年 and the plan year, named
    review_year: int = 0  # 去年 / 过去一年 and the review year, named
    several_years: int = 0  # 五年, 十四五, 规划期
    title_year: bool = False  # the title names a year (2025年工作安排)


def part_signals(part: Node, text: str, years: tuple[Optional[int], Optional[int]] = (None, None)) -> PartSignals:
    title = part.title
    body = text[part.body_start : part.end]
    review, plan = years
    return PartSignals(
        title_kind=kind_of_title(title),
        outlook=bool(lx.OUTLOOK_TITLE_RE.search(title)) and not lx.PLAN_YEAR_TITLE_RE.search(title),
        government=bool(lx.GOVERNMENT_TITLE_RE.search(title)) and not any(w in title for w in lx.PLAN_TITLE_WORDS),
        targets_sentence=any(not lx.RESULTS_LIST_TRIGGER_RE.search(m.group(0)) for m in lx.TARGETS_TRIGGER_RE.finditer(body)),
        past=sum(len(rx.findall(body)) for rx in lx.PAST_MARKER_RES),
        future=sum(len(rx.findall(body)) for rx in lx.FUTURE_MARKER_RES),
        areas=sum(1 for c in part.children if not c.derived and not c.inline),
        plan_year=len(lx.PLAN_YEAR_WORDS_RE.findall(body)) + (body.count(f"{plan}{lx.YEAR_WORD}") if plan else 0),
        review_year=len(lx.REVIEW_YEAR_WORDS_RE.findall(body)) + (body.count(f"{review}{lx.YEAR_WORD}") if review else 0),
        several_years=len(lx.SEVERAL_YEARS_WORDS_RE.findall(body)),
        title_year=bool(lx.YEAR_RE.search(title)) or lx.PLAN_YEAR_TITLE_WORD in title,
    )


def _title_decides(sig: PartSignals) -> Optional[SectionKind]:
    """The kind a part's title gives, where the content does not outvote it: a title naming the
    next plan period over a part that speaks of the plan year is a plan part ("全力推动'十五五'开好
    局、起好步" over 今年's targets), and a plan title over a part about the period is its outlook."""
    if sig.government:
        return SectionKind.OTHER
    speaks_of_plan_year = sig.plan_year >= 2 and sig.plan_year >= sig.several_years
    if sig.outlook and sig.title_kind != SectionKind.REVIEW:
        return None if speaks_of_plan_year else SectionKind.OUTLOOK
    if sig.title_kind in (SectionKind.TASKS, SectionKind.TARGETS, SectionKind.REQUIREMENTS) and not sig.title_year and sig.plan_year == 0 and sig.several_years >= lx.OUTLOOK_MIN_SEVERAL_YEARS:
        return SectionKind.OUTLOOK  # "“十二五”时期的主要目标和任务"
    if sig.title_kind in (SectionKind.TASKS, SectionKind.TARGETS, SectionKind.REQUIREMENTS) and _reviews(sig):
        return SectionKind.REVIEW  # "坚持综合施策……主要指标争先进位明显": a plan word in a review's title
    if sig.title_kind is not None and sig.title_kind != SectionKind.PROBLEMS:
        return sig.title_kind
    return None


def _reviews(sig: PartSignals) -> bool:
    """A part whose content is plainly a review: it names the review year and never the plan year,
    states no targets, and speaks in the past more than of plans."""
    return not sig.title_year and not sig.targets_sentence and sig.plan_year == 0 and sig.review_year >= 2 and sig.past > 2 * sig.future


def decide_part_kinds(signals: list[PartSignals]) -> list[SectionKind]:
    """Kinds of the top-level parts, by title, position and content together.

    The parts of a report come in order: the review of the past year (and often of the plan
    period), sometimes the next plan period, the plan year's requirements, targets and tasks,
    and the government's own work. A title keyword is one signal; where a title says nothing a
    reader could use (福建's "一、牢记殷殷嘱托，在接续奋斗中……"), the content decides: the
    主要预期目标 sentence or plan-year language make a plan part, past results a review, a part
    about the plan period that never speaks of the plan year after the review an outlook."""
    kinds: list[Optional[SectionKind]] = [_title_decides(sig) for sig in signals]
    seen_plan = False
    for i, sig in enumerate(signals):
        k = kinds[i]
        if k in (SectionKind.TASKS, SectionKind.TARGETS, SectionKind.REQUIREMENTS):
            seen_plan = True
        if k is not None:
            continue
        seen_review = SectionKind.REVIEW in kinds[:i]
        if seen_review and not seen_plan and sig.plan_year == 0 and sig.several_years >= lx.OUTLOOK_MIN_SEVERAL_YEARS:
            kinds[i] = SectionKind.OUTLOOK
        elif sig.targets_sentence or sig.plan_year > sig.review_year:
            kinds[i] = SectionKind.TASKS
        elif not seen_plan and sig.review_year > sig.plan_year:
            kinds[i] = SectionKind.REVIEW
        elif (seen_plan and sig.areas) or sig.future > 1.5 * sig.past + 2:
            kinds[i] = SectionKind.TASKS
        elif not seen_plan and sig.past > sig.future and not seen_review:
            kinds[i] = SectionKind.REVIEW
        else:
            kinds[i] = SectionKind.OTHER
        seen_plan = seen_plan or kinds[i] == SectionKind.TASKS
    # a plan part that holds the year's areas is the tasks part, whatever its title stresses
    # ("2025年工作总体要求和重点任务", "目标任务和主要工作"), unless a later part holds them
    if SectionKind.TASKS not in kinds:
        plan = [i for i, k in enumerate(kinds) if k in (SectionKind.TARGETS, SectionKind.REQUIREMENTS)]
        with_areas = [i for i in plan if signals[i].areas >= 2]
        chosen = with_areas[-1] if with_areas else (plan[-1] if plan else None)
        if chosen is not None:
            kinds[chosen] = SectionKind.TASKS
    return [k or SectionKind.OTHER for k in kinds]


def classify_parts(root: Node, text: str = "") -> None:
    parts = [p for p in root.children if not p.derived and p.label != lx.WHOLE]  # a text without parts is review and plan at once
    if parts and text:
        years = years_named(text)
        for part, kind in zip(parts, decide_part_kinds([part_signals(p, text, years) for p in parts])):
            part.kind = kind
    for part in root.children:
        if part.kind is None:
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
    for where in (lx.BOOK_TITLE_RE.sub("", title or ""), lx.BOOK_TITLE_RE.sub("", text[:600])):  # 《政府工作报告》 named is another document
        found = next((name for name, words in lx.DOC_TYPES if any(w in where for w in words)), None)
        if found:
            doc_type = found
            break
    else:  # no title: what the body says it is
        head = text[: lx.REGION_HEAD_CHARS]
        doc_type = next((name for name, rx in lx.DOC_TYPE_BODY_RES if rx.search(head)), doc_type)
    return DocumentMetadata(
        title=title,
        region=_region(text, title),
        doc_type=doc_type,
        **_years(text, root, title, doc_type),
    )


def _years(text: str, root: Node, title: Optional[str], doc_type: str) -> dict[str, Optional[int]]:
    """Review and plan year from the part titles and the title; else the year the report was
    delivered (the congress line, "2025年1月14日在……人民代表大会") is the plan year. The plan
    year follows the review year."""
    review = _year_of(root, SectionKind.REVIEW, title, before=lx.REVIEW_TITLE_WORD)
    plan = _year_of(root, (SectionKind.TASKS, SectionKind.TARGETS), title, after=lx.PLAN_TITLE_JOINER)
    if plan is None:
        m = lx.DELIVERY_YEAR_RE.search(text[: lx.REGION_HEAD_CHARS])
        if m:
            plan = int(m.group("y"))
        elif title and doc_type == lx.WORK_REPORT and len(lx.YEAR_RE.findall(title)) == 1:
            plan = int(lx.YEAR_RE.search(title).group("y"))
    if review is not None and plan is not None and plan != review + 1:
        plan = review + 1 if plan <= review else plan  # a plan year is never the year reviewed
    if review is None and plan is not None:
        review = plan - 1
    if plan is None and review is not None:
        plan = review + 1
    if review is None:  # no year in the titles or the congress line: the years the text names most
        review, plan = years_named(text)
    return {"review_year": review, "plan_year": plan}


def years_named(text: str) -> tuple[Optional[int], Optional[int]]:
    """(review year, plan year) as the two consecutive years a report names most: the pair of which
    the less named is named most (2024 and 2025 in a report of 2025, which also names 2020, 2035
    and the five years). A later year named far more often than that pair, whose next year is
    hardly named, is the review year of a report that speaks of its plan year as 今年 (a
    five-year review comparing 1997 with 2002 names 1997 as often as 2002). Deadlines and events
    ahead (到2007年, 2005年前, 2008年北京奥运会) are not counted."""
    counts: dict[int, int] = {}
    for m in lx.YEAR_RE.finditer(text):
        deadline = lx.DEADLINE_BEFORE_RE.search(text, max(0, m.start() - 2), m.start()) and not lx.YEAR_SPAN_START_RE.search(text, max(0, m.start() - 40), m.start())
        if deadline or lx.DEADLINE_AFTER_RE.match(text, m.end("y")):
            continue  # 到2007年, 2005年前: a deadline, not a year the report speaks of
        y = int(m.group("y"))
        counts[y] = counts.get(y, 0) + 1
    pairs = [(min(n, counts.get(y + 1, 0)), n + counts.get(y + 1, 0), y) for y, n in counts.items()]
    best = max(pairs, default=None)
    if best is None or best[0] < lx.YEAR_PAIR_MIN_MENTIONS:
        return None, None
    review = best[2]
    later = [y for y, n in counts.items() if y > review + 1 and 4 * counts.get(y + 1, 0) < n and n >= max(lx.LATER_YEAR_MIN_MENTIONS, 1.5 * best[0])]
    if later:
        review = max(later)
    return review, review + 1


def _title_line(text: str, root: Node) -> Optional[str]:
    head = text[: root.children[0].end] if root.children else text
    words = [w for _, ws in lx.DOC_TYPES for w in ws]
    for line in head.split("\n")[:12]:
        if len(line) <= 80 and any(w in lx.BOOK_TITLE_RE.sub("", line) for w in words) and not line.startswith("《"):
            return line
    return None


def _region(text: str, title: Optional[str]) -> Optional[str]:
    """The government that reports, from where a report names itself: the congress line
    ("在宁夏回族自治区第十三届人民代表大会……"), the speaker line ("四川省人民政府省长 施小琳"),
    "我代表北京市人民政府" / "我代表国务院", the title, the seal at the end; else a province the
    body names far more than any other while speaking of itself as one (`_province_named`). A
    place the report merely mentions is no answer, and unknown beats a wrong one."""
    head = text[: lx.REGION_HEAD_CHARS]
    found: list[str] = []
    for rx in lx.REGION_SELF_RES:
        found += [m.group("r") for m in rx.finditer(head)]
    # the title; where no line is one (a text whose line breaks were lost), the text's opening words
    opening = title or text[: lx.REGION_OPENING_CHARS]
    found += [m.group("r") for m in lx.REGION_TITLE_RE.finditer(opening)]
    found += [m.group("r") for m in lx.REGION_SEAL_RE.finditer(text[-lx.REGION_TAIL_CHARS :])]
    names = [n for n in (_government_name(f) for f in found) if n]
    if not names:
        return _province_named(text)
    if any(n == lx.NATIONAL for n in names):
        return lx.NATIONAL
    # the fullest form of the first name (宁夏 → 宁夏回族自治区 when the text prints both)
    first = names[0]
    return max((n for n in names if n.startswith(first) or first.startswith(n)), key=len)


#: Each province by its name and the other names its reports call it by.
_PROVINCE_NAMES_RE = {short: re.compile("|".join((short, *lx.PROVINCE_OTHER_NAMES.get(short, ())))) for short in lx.PROVINCES}


def _province_named(text: str) -> Optional[str]:
    """A province-level government that never names itself where reports do (a repost without
    title, congress and speaker lines, "我代表省人民政府"): the province it names far more than any
    other, where it speaks of itself as one (全省, 我省)."""
    counts = sorted(((len(_PROVINCE_NAMES_RE[short].findall(text)), short) for short in lx.PROVINCES), reverse=True)
    (top, short), (second, _) = counts[0], counts[1]
    full = lx.PROVINCES[short]
    suffix = next((sfx for sfx in lx.SELF_WORDS if full.endswith(sfx)), None)
    if suffix is None or top < lx.PROVINCE_MIN_MENTIONS or top < lx.PROVINCE_MARGIN * max(second, 1):
        return None
    if sum(text.count(w) for w in lx.SELF_WORDS[suffix]) < lx.PROVINCE_MIN_SELF_WORDS:
        return None
    return full


def _government_name(name: str) -> Optional[str]:
    """The reporting government in a matched name: the last administrative unit of a chain
    (深圳市光明区 → 光明区); a short province-level name as printed (宁夏)."""
    name = name.strip()
    if name in lx.NATIONAL_NAMES:
        return lx.NATIONAL
    if lx.GOV_NAME_RE.fullmatch(name):
        # the last unit of a chain: split after a higher unit (省, 市, 自治州, 地区, 盟)
        for i in range(len(name) - 3, 1, -1):
            if name[:i].endswith(lx.HIGHER_UNITS) and lx.GOV_NAME_RE.fullmatch(name[i:]):
                name = name[i:]
                break
        if name not in lx.REGION_STOPWORDS and not name.startswith(lx.REGION_NOT_PREFIXES):
            return name
        return None
    if name in lx.SHORT_PROVINCE_NAMES:
        return name
    return None


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
        if after and len(years) == 1 and lx.REVIEW_TITLE_WORD not in title:
            return int(years[0].group("y"))
    return None
