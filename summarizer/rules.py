"""Rules: what the text already structures, extracted without a model (and so exactly).

- targets: the `——地区生产总值增长8%;` lines and inline lists (主要预期目标是: …; …;) of the
  targets sections, with comparator, number, unit and binding/expected;
- problems: the 一是……二是…… items of the problems passage;
- headline metrics: the main indicators of the review year (地区生产总值, 规上工业增加值, 固定资产投资,
  社会消费品零售总额, 一般公共预算收入, …) with value, change and period as printed.

Every item's text is a slice of the cleaned text, so its span maps exactly to the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from schemas.document import Section, SectionKind
from schemas.summary import Metric, Problem, SourceSpan, Target, VerificationStatus

from . import lexicon as lx
from .document import ParsedDocument
from .numbers import first_number
from .problems import first_clause, split_items
from .verify import signed_change

_NUM = r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]*[一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万亿]*)"
_UNIT = lx.compile_alternation([u for u, _, _ in lx.UNITS])
_QUAL = lx.compile_alternation(list(lx.CHANGE_QUALIFIERS))
_BEFORE = lx.compile_alternation(list(lx.COMPARATORS_BEFORE))
_AFTER = lx.compile_alternation(list(lx.COMPARATORS_AFTER))
_CHANGE = lx.compile_alternation(["增长", "下降", "增速", "增幅", "提高", "降低", "回落"])

#: A change as printed: 同比增长8.9%, 按自然口径计算下降9.9%, 增速7%, 增长7%以上.
CHANGE_RE = re.compile(rf"(?:(?:{_QUAL})\s*)?(?:{_CHANGE})\s*(?:了)?\s*{_NUM}\s*(?:%|％|个百分点|百分点|倍)(?:{_AFTER})?")
#: A level as printed: 4759亿元, 超5200亿元, 900亿元以上, 突破千亿元.
LEVEL_RE = re.compile(rf"(?:(?:{_BEFORE})\s*)?{_NUM}\s*(?:余|多)?\s*(?:{_UNIT}|[万亿]+)(?:{_AFTER})?")
#: A target without a number.
QUALITATIVE_TARGET_RE = re.compile(r"(?:实现)?(?P<t>" + lx.compile_alternation(lx.QUALITATIVE_TARGETS) + ")")
_VERBS_RE = re.compile(r"(?:" + lx.compile_alternation(list(lx.VALUE_VERBS)) + r")+$")
_LEAD_RE = re.compile(r"^(?:" + lx.compile_alternation(lx.TARGET_LEAD_WORDS) + ")+")


def _span(doc: ParsedDocument, path: str, start: int, end: int, quote_max: int = 300) -> SourceSpan:
    a, b = doc.clean.to_original(start, end)
    quote = doc.clean.text[start:end] if end - start <= quote_max else None
    return SourceSpan(section_path=path, start=a, end=b, quote=quote)


def canonical_indicator(name: str) -> Optional[str]:
    for canonical, aliases in lx.HEADLINE_INDICATORS:
        if any(a in name for a in aliases):
            return canonical
    return None


def comparator_of(target: str) -> Optional[str]:
    for word in lx.COMPARATORS_BEFORE:
        if target.startswith(word) or re.match(rf"^(?:{_CHANGE})?{re.escape(word)}", target):
            return {"达": "达到", "力争达到": "达到"}.get(word, word)
    for word in lx.COMPARATORS_AFTER:
        if target.endswith(word):
            return word
    return None


# ---------------------------------------------------------------------------------------------
# Targets
# ---------------------------------------------------------------------------------------------


def _target_clauses(text: str, base: int) -> list[tuple[int, int]]:
    """Clauses of a targets passage: each "——" line, or each ;-separated part of an inline list
    that follows a colon ("主要预期目标是: A;B;C。")."""
    out = []
    for line in re.finditer(r"[^\n]+", text):
        s, e = line.start(), line.end()
        chunk = text[s:e]
        if chunk.startswith("——"):
            s += 2
            # the first sentence only ("控制在3%以内。其他约束性指标根据……执行。")
            stop = re.search(r"[。;；]", text[s:e])
            out.append((base + s, base + (s + stop.start() if stop else e)))
            continue
        if not lx.TARGETS_TRIGGER_RE.search(chunk):
            continue
        colon = re.search(r"[:：]", chunk)
        if not colon:
            continue
        pos = s + colon.end()
        for part in re.finditer(r"[^;；。]+", text[pos:e]):
            out.append((base + pos + part.start(), base + pos + part.end()))
    return out


def parse_target(clause: str) -> Optional[tuple[str, str, int]]:
    """(indicator, target as printed, offset of the target in the clause) or None."""
    best = None
    for rx in (CHANGE_RE, LEVEL_RE):
        m = rx.search(clause)
        if m and (best is None or m.start() < best.start()):
            best = m
    if best is not None:
        target, at = best.group(0), best.start()
    else:
        q = QUALITATIVE_TARGET_RE.search(clause)
        if not q:
            return None
        target, at = q.group("t"), q.start("t")
    indicator = _VERBS_RE.sub("", clause[:at].strip(" ,，、:："))
    indicator = _LEAD_RE.sub("", indicator).strip(" ,，、")
    if not indicator or len(indicator) > 30:
        return None
    return indicator, target.strip(), at


def extract_targets(doc: ParsedDocument) -> list[Target]:
    out: list[Target] = []
    seen: set[tuple[int, int]] = set()
    for section in doc.tree.of_kind(SectionKind.TARGETS):
        text = doc.own_text_spans(section)
        for start, end in text:
            for cs, ce in _target_clauses(doc.clean.text[start:end], start):
                if (cs, ce) in seen:
                    continue
                seen.add((cs, ce))
                clause = doc.clean.text[cs:ce]
                parsed = parse_target(clause)
                if not parsed:
                    continue
                indicator, target, at = parsed
                number, unit = first_number(target)
                binding = _binding(doc, section, cs)
                t_start = cs + at
                out.append(
                    Target(
                        indicator=indicator,
                        canonical=canonical_indicator(indicator),
                        target=target,
                        comparator=comparator_of(target),
                        number=number,
                        unit=unit,
                        binding=binding,
                        source=_span(doc, section.path, cs, max(ce, t_start + len(target))),
                    )
                )
    return out


def _binding(doc: ParsedDocument, section: Section, pos: int) -> Optional[bool]:
    """约束性 / 预期性 from the section's title or the heading line above the clause."""
    if lx.BINDING_RE.search(section.title):
        return True
    if lx.EXPECTED_RE.search(section.title):
        return False
    before = doc.clean.text[section.clean_start : pos]
    last_b = max((m.start() for m in lx.BINDING_RE.finditer(before)), default=-1)
    last_e = max((m.start() for m in lx.EXPECTED_RE.finditer(before)), default=-1)
    if last_b == last_e == -1:
        return None
    return last_b > last_e


# ---------------------------------------------------------------------------------------------
# Problems
# ---------------------------------------------------------------------------------------------


def problems_section(doc: ParsedDocument) -> Optional[Section]:
    """The problems passage (the outermost one), or None where the report has none we found."""
    found = doc.tree.of_kind(SectionKind.PROBLEMS)
    return min(found, key=lambda s: s.level) if found else None


def extract_problems(doc: ParsedDocument) -> list[Problem]:
    """One item per distinct problem of the passage, each a verbatim span of it."""
    section = problems_section(doc)
    if section is None:
        return []
    text = doc.clean.text
    out: list[Problem] = []
    for s, e in split_items(text, section.body_start, section.clean_end):
        cut = first_clause(text, s, e)
        out.append(
            Problem(
                summary=text[s:cut],
                detail=text[cut:e].lstrip("，,：: "),
                source=_span(doc, _deepest_path(section, s), s, e),
            )
        )
    return out


def _deepest_path(section: Section, pos: int) -> str:
    for child in section.children:
        if child.clean_start <= pos < child.clean_end:
            return _deepest_path(child, pos)
    return section.path


# ---------------------------------------------------------------------------------------------
# Headline metrics
# ---------------------------------------------------------------------------------------------

_ALIASES = sorted(((a, c) for c, aliases in lx.HEADLINE_INDICATORS for a in aliases), key=lambda x: -len(x[0]))
_ALIAS_RE = re.compile("|".join(re.escape(a) for a, _ in _ALIASES))
_ALIAS_CANON = dict(_ALIASES)
_SENTENCE_STOP = re.compile("[" + re.escape(lx.SENTENCE_END) + r"\n]|" + lx.METRIC_CLAUSE_BREAK)


@dataclass
class _Candidate:
    metric: Metric
    score: int
    pos: int


def _metric_at(doc: ParsedDocument, section: Section, m: re.Match, limit: int) -> Optional[_Candidate]:
    text = doc.clean.text
    indicator = m.group(0)
    canonical = _ALIAS_CANON[indicator]
    stop = _SENTENCE_STOP.search(text, m.end(), limit)
    end = stop.start() if stop else limit
    window = text[m.end() : end]
    # the value comes first, right after the indicator (and a verb such as 实现 / 完成 / 达)
    verbs = re.match(r"^(?:\(GDP\)|（GDP）)?(?:" + lx.compile_alternation(list(lx.VALUE_VERBS)) + r")*", window)
    after = verbs.end() if verbs else 0
    value = LEVEL_RE.match(window, after)
    change = CHANGE_RE.search(window, value.end() if value else after)
    if change and value is None and change.start() - after > 12:
        change = None  # too far from the indicator to be its change
    if value is None and change is None:
        return None
    if change and change.start() - (value.end() if value else after) > 16:
        change = None
    if value is None and change is None:
        return None
    clause_start = max(text.rfind(ch, section.clean_start, m.start()) for ch in ",，。;；:：\n") + 1
    clause_start = max(clause_start, section.clean_start)
    period_m = None
    for pm in lx.PERIOD_RE.finditer(text, clause_start, m.end() + (value.start() if value else after)):
        period_m = pm
    span_end = m.end() + (change.end() if change else value.end())
    span_start = min(m.start(), period_m.start()) if period_m else m.start()
    value_text = value.group(0) if value else None
    change_text = change.group(0) if change else None
    number, unit = first_number(value_text) if value_text else (None, None)
    change_number, change_unit = signed_change(change_text) if change_text else (None, None)
    metric = Metric(
        indicator=indicator,
        canonical=canonical,
        value=value_text,
        change=change_text,
        period=period_m.group(0) if period_m else None,
        number=number,
        unit=unit,
        change_number=change_number,
        change_unit=change_unit,
        source=_span(doc, section.path, span_start, span_end),
        status=VerificationStatus.VERIFIED,
        origin="rule",
    )
    arabic = bool(value_text and re.search(r"\d", value_text))
    score = 2 * bool(value_text and change_text) + 2 * arabic + bool(value_text) + bool(change_text)
    return _Candidate(metric, score, m.start())


def extract_headline_metrics(doc: ParsedDocument) -> list[Metric]:
    """The best-stated occurrence of each headline indicator in the review part (a value and a
    change in Arabic digits beat a bare mention such as 突破千亿元), in document order."""
    best: dict[str, _Candidate] = {}
    for part in doc.tree.sections:
        if part.kind != SectionKind.REVIEW or part.derived:
            continue
        for section, start, end in _review_regions(doc, part):
            for m in _ALIAS_RE.finditer(doc.clean.text, start, end):
                cand = _metric_at(doc, section, m, end)
                if cand is None:
                    continue
                key = cand.metric.canonical or cand.metric.indicator
                if key not in best or cand.score > best[key].score:
                    best[key] = cand
    return [c.metric for c in sorted(best.values(), key=lambda c: c.pos)]


def _review_regions(doc: ParsedDocument, part: Section):
    """(deepest review section, start, end) for every stretch of review text, problems and
    closing words excluded."""

    def walk(s: Section):
        if s.kind != SectionKind.REVIEW:
            return
        pos = s.body_start
        for c in s.children:
            if c.clean_start > pos:
                yield s, pos, c.clean_start
            yield from walk(c)
            pos = max(pos, c.clean_end)
        if s.clean_end > pos:
            yield s, pos, s.clean_end

    yield from walk(part)
