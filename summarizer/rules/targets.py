"""targets: the plan year's targets, read without a model.

The `——地区生产总值增长8%;` lines and the inline lists (主要预期目标是: …; …;) of the targets
sections, with comparator, number, unit and binding/expected. Every target's text is a slice of
the cleaned text, so its span maps exactly to the original.
"""

from __future__ import annotations

import re
from typing import Optional

from schemas.document import Section, SectionKind
from schemas.summary import Target

from summarizer import lexicon as lx
from summarizer.parse.document import ParsedDocument, span_of
from summarizer.rules.figures import (
    LEAD_RE, RANGE_RE, TARGET_CHANGE, TARGET_VALUE_RE, canonical_indicator, comparator_of,
)
from summarizer.rules.numbers import first_number

#: A target without a number.
QUALITATIVE_TARGET_RE = re.compile(r"(?:实现)?(?P<t>" + lx.compile_alternation(lx.QUALITATIVE_TARGETS) + ")")
_TVERBS_RE = re.compile(r"(?:" + lx.compile_alternation(list(lx.TARGET_VERBS)) + r")+$")


def _targets_passages(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where target lists are printed in [start, end): each "——" line (its first sentence), and
    the sentences after "主要预期目标是：" for as long as they state targets."""
    out = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        s, e = start + line.start(), start + line.end()
        if text.startswith("——", s):
            stop = re.search(r"[。;；]", text[s + 2 : e])
            out.append((s + 2, s + 2 + stop.start() if stop else e))
            continue
        trigger = lx.TARGETS_TRIGGER_RE.search(text, s, e)
        if not trigger:
            continue
        colon = re.compile(r"[:：]").search(text, trigger.end(), e)
        pos = colon.end() if colon else trigger.end()
        for m in re.finditer(r"[^。]+。?", text[pos:e]):
            a, b = pos + m.start(), pos + m.end()
            if out and out[-1][1] >= pos and not _clauses_of(text, a, b):
                break  # "确定以上目标，……": the list is over
            out.append((a, b))
    return out


def _clauses_of(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Clauses of a target sentence: split at ，；, and at 、 where both sides state a value
    and the right one names its own indicator or raises the stakes (、力争达到8%)."""
    out = []
    for m in re.finditer(r"[^，,；;。]+", text[s:e]):
        a, b = s + m.start(), s + m.end()
        clause = text[a:b]
        if "分别" in clause or not TARGET_VALUE_RE.search(clause):
            out.append((a, b))
            continue
        pos = a
        for d in re.finditer("、", clause):
            right = clause[d.end() :]
            v = TARGET_VALUE_RE.search(right)
            own = v and re.match(r"^[\u4e00-\u9fff“”]{2,}", right[: v.start()] or "")
            if (own or lx.TARGET_STRETCH_RE.match(right)) and TARGET_VALUE_RE.search(text, pos, a + d.start()):
                out.append((pos, a + d.start()))
                pos = a + d.end()
        out.append((pos, b))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _indicator_before(clause: str, at: int) -> str:
    indicator = clause[:at].strip(" ,，、:：")
    indicator = _TVERBS_RE.sub("", indicator)
    return LEAD_RE.sub("", indicator).strip(" ,，、")


def parse_target(clause: str) -> list[tuple[str, str, int, int]]:
    """(indicator, target as stated, start, end of the target in the clause) for each target of
    one clause; several where one clause lists them with 分别 ("城镇、农村居民人均可支配收入分别
    增长5%、6.5%左右", "城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内")."""
    values = list(TARGET_VALUE_RE.finditer(clause))
    if not values:
        q = QUALITATIVE_TARGET_RE.search(clause)
        if q:  # 外贸进出口总额实现正增长
            indicator = _indicator_before(clause, q.start("t"))
            if indicator and len(indicator) <= 30:
                return [(indicator, q.group("t"), q.start("t"), q.end("t"))]
        if q or any(w in clause for w in lx.QUALITATIVE_TARGET_WORDS):
            text = clause.strip(" ，,、")
            lead = LEAD_RE.match(text)
            text = text[lead.end() :] if lead else text
            if 4 <= len(text) <= 40:
                at = clause.index(text)
                return [(text, text, at, at + len(text))]
        return []
    first = values[0]
    indicator = _indicator_before(clause, first.start())
    if "分别" in clause[: first.start()] or indicator.endswith("分别"):
        names = [n for n in re.split(r"[、和及与]", indicator.replace("分别", "")) if n]
        if len(names) > 1 and all(len(n) <= 3 for n in names[:-1]) and len(names[-1]) > len(names[0]):
            rest = names[-1][len(names[0]) :]  # 一、二、三产增加值 → 一产增加值, 二产增加值, 三产增加值
            names = [n + rest for n in names[:-1]] + names[-1:]
        nums = values
        if len(names) == 1 and names[0].startswith("城乡") and len(nums) == 2:
            names = ["城镇" + names[0][2:], "农村" + names[0][2:]]  # 城乡居民…分别增长8%和10%
        if len(names) == len(nums) and len(names) > 1:
            shared_after = next((w for w in lx.COMPARATORS_AFTER if nums[-1].group(0).endswith(w)), "")
            change = re.match(rf"(?:{TARGET_CHANGE})", clause[first.start() :])
            out = []
            for i, (name, v) in enumerate(zip(names, nums)):
                target = v.group(0)
                if change and not target.startswith(change.group(0)):
                    target = change.group(0) + target
                if shared_after and not target.endswith(tuple(lx.COMPARATORS_AFTER)):
                    target += shared_after
                out.append((name, target, v.start(), v.end()))
            return out
    if not indicator or len(indicator) > 30:
        return []
    return [(indicator, first.group(0).strip(), first.start(), first.end())]


def extract_targets(doc: ParsedDocument) -> list[Target]:
    out: list[Target] = []
    seen: set[tuple[int, int]] = set()
    text = doc.clean.text
    for section in doc.tree.of_kind(SectionKind.TARGETS):
        for start, end in doc.own_text_spans(section):
            for ps, pe in _targets_passages(text, start, end):
                for cs, ce in _clauses_of(text, ps, pe):
                    if (cs, ce) in seen:
                        continue
                    seen.add((cs, ce))
                    clause = text[cs:ce]
                    if out and lx.TARGET_STRETCH_RE.match(clause.strip()) and out[-1].source.end <= doc.clean.to_original(cs, ce)[0] + 2:
                        out[-1].note = clause.strip()  # "、力争达到8%": the stretch of the target before
                        continue
                    for indicator, target, a, b in parse_target(clause):
                        out.append(_target(doc, section, indicator, target, cs, ce))
    return out


def _target(doc: ParsedDocument, section: Section, indicator: str, target: str, cs: int, ce: int) -> Target:
    number, unit = first_number(target)
    rng = RANGE_RE.search(target)
    return Target(
        indicator=indicator,
        canonical=canonical_indicator(indicator),
        target=target,
        comparator=comparator_of(target),
        number=float(rng.group(1)) if rng else number,
        unit=unit,
        upper=float(rng.group(2)) if rng else None,
        binding=_binding(doc, section, cs),
        source=span_of(doc, section.path, cs, ce),
    )


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

