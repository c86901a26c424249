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
from summarizer.parse.tree import uncovered
from summarizer.rules.figures import (
    LEAD_RE, RANGE_RE, TARGET_CHANGE, TARGET_VALUE_RE, canonical_indicator, comparator_of, falls,
)
from summarizer.rules.numbers import first_number

_TVERBS_RE = re.compile(r"(?:" + lx.compile_alternation(list(lx.TARGET_VERBS)) + r")+$")


def _targets_passages(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Where target lists are printed in [start, end) of a targets section: each "——" line (its
    first sentence), and the lists its triggers introduce (`_list_after`, up to `limit`)."""
    out = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        s, e = start + line.start(), start + line.end()
        if text.startswith("——", s):
            out.append(_dash_item(text, s, e))
            continue
        dash = text.find("——", s, min(e, s + _LABEL_MAX + 8))
        if dash > s and not TARGET_VALUE_RE.search(text, s, dash):  # "(一)预期性指标——地区生产总值增长8%；"
            out.append(_dash_item(text, dash, e))
            continue
        trigger = lx.TARGETS_TRIGGER_RE.search(text, s, e)
        if trigger:
            out += _list_after(text, trigger.end(), limit)
    return out


def _dash_item(text: str, s: int, e: int) -> tuple[int, int]:
    """The target of a "——" line: its first sentence."""
    stop = re.search(r"[。;；]", text[s + 2 : e])
    return s + 2, s + 2 + stop.start() if stop else e


def _list_after(text: str, pos: int, limit: int) -> list[tuple[int, int]]:
    """The sentences of the list a trigger introduces: the rest of its line ("主要预期目标是：……；
    ……。") as long as its sentences state targets, then the lines after it where the list goes on
    there (the trigger's line ends before any target, or a line ends in ；/，, or the next opens with
    ——) and opens with a target. A paragraph after a finished list ("确定4.5%左右的增长目标，……")
    is no part of it."""
    colon = _COLON_RE.match(text, pos)
    pos = colon.end() if colon else pos
    line_end = text.find("\n", pos)
    line_end = limit if line_end < 0 or line_end > limit else line_end
    out: list[tuple[int, int]] = []
    for m in re.finditer(r"[^。]+。?", text[pos:line_end]):
        sentence = text[pos + m.start() : pos + m.end()]
        if out and (not _states_targets(text, pos + m.start(), pos + m.end()) or lx.TARGETS_AFTERWORD_RE.match(sentence)):
            return out  # "继续实施积极的就业政策。", "确定以上目标，……": the list is over
        out.append((pos + m.start(), pos + m.end()))
    nxt, last, last_dash = line_end + 1, text[pos:line_end].rstrip(), False
    for _ in range(lx.TARGET_LIST_MAX_LINES):
        if nxt >= limit:
            break
        le = text.find("\n", nxt)
        le = limit if le < 0 or le > limit else le
        dash = text.startswith("——", nxt)
        goes_on = dash or not out or last.endswith(_LIST_GOES_ON)
        first = _dash_item(text, nxt, le) if dash else _first_sentence(text, nxt, le)
        if (goes_on or last_dash) and _LABEL_LINE_RE.fullmatch(text, nxt, le):
            nxt = le + 1  # "预期性指标", "约束性指标": a label inside the list
            continue
        if not goes_on or lx.HEADING_MARKER_RE.match(text, nxt) or not _states_targets(text, *first) or lx.TARGETS_AFTERWORD_RE.match(text, first[0], first[1]):
            break
        out += [first] if dash else [(nxt + m.start(), nxt + m.end()) for m in re.finditer(r"[^。]+。?", text[nxt:le])]
        nxt, last, last_dash = le + 1, text[first[0] : first[1]].rstrip() if dash else text[nxt:le].rstrip(), dash
    return out


_LIST_GOES_ON = ("；", ";", "，", ",", "：", ":")
#: A short line without punctuation between a trigger and its list, or inside it (预期性指标).
_LABEL_MAX = 12
_LABEL_LINE_RE = re.compile(rf"[^，,。；;：:\n]{{1,{_LABEL_MAX}}}")


def _first_sentence(text: str, s: int, e: int) -> tuple[int, int]:
    stop = text.find("。", s, e)
    return s, (stop + 1 if stop >= 0 else e)


def _states_targets(text: str, s: int, e: int) -> bool:
    return any(parse_target(text[a:b]) for a, b in _clauses_of(text, s, e))


_COLON_RE = re.compile(r"[ \t]*[:：，,]?[ \t]*")


def _clauses_of(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Clauses of a target sentence: split at ，；, and at 、 where both sides state a value
    and the right one names its own indicator or raises the stakes (、力争达到8%)."""
    out = []
    for m in re.finditer(r"[^，,；;。]+", text[s:e]):
        a, b = s + m.start(), s + m.end()
        clause = text[a:b]
        if lx.RESPECTIVELY in clause or not TARGET_VALUE_RE.search(clause):
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
    indicator = lx.TARGET_WORD_TAIL_RE.sub("", indicator)
    return LEAD_RE.sub("", indicator).strip(lx.INDICATOR_TRIM)


def parse_target(clause: str) -> list[tuple[str, str, int, int]]:
    """(indicator, target as stated, start, end of the target in the clause) for each target of
    one clause; several where one clause lists them with 分别 ("城镇、农村居民人均可支配收入分别
    增长5%、6.5%左右", "城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内")."""
    values = list(TARGET_VALUE_RE.finditer(clause))
    if not values:
        q = lx.QUALITATIVE_TARGET_RE.search(clause)
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
    if lx.RESPECTIVELY in clause[: first.start()] or indicator.endswith(lx.RESPECTIVELY):
        names = [n for n in re.split(rf"[{''.join(lx.LIST_JOINERS)}]", indicator.replace(lx.RESPECTIVELY, "")) if n]
        if len(names) > 1 and all(len(n) <= 3 for n in names[:-1]) and len(names[-1]) > len(names[0]):
            rest = names[-1][len(names[0]) :]  # 一、二、三产增加值 → 一产增加值, 二产增加值, 三产增加值
            names = [n + rest for n in names[:-1]] + names[-1:]
        nums = values
        if len(names) == 1 and names[0].startswith(lx.URBAN_AND_RURAL) and len(nums) == 2:
            rest = names[0][len(lx.URBAN_AND_RURAL) :]
            names = [lx.URBAN + rest, lx.RURAL + rest]  # 城乡居民…分别增长8%和10%
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
    """The plan year's targets: the lists of the targets sections, and those any plan-year trigger
    introduces wherever it stands (`plan_year_triggers`), each clause read once."""
    out: list[Target] = []
    seen: set[tuple[int, int]] = set()
    text = doc.clean.text
    for part in doc.tree.sections:
        for section in part.walk():
            if section.kind == SectionKind.TARGETS:  # its heading line too: "（一）预期性指标——……"
                for start, end in uncovered(section.clean_start, section.clean_end, [(c.clean_start, c.clean_end) for c in section.children]):
                    _read(doc, section, _targets_passages(text, start, end, part.clean_end), seen, out)
    for section, trigger, limit in plan_year_triggers(doc):
        if TARGET_VALUE_RE.match(text, trigger.end()):  # 今年经济增长预期目标为7%左右
            _read(doc, section, [(_clause_start(text, trigger.start()), _clause_stop(text, trigger.end(), limit))], seen, out, trigger)
        else:
            _read(doc, section, _list_after(text, trigger.end(), limit), seen, out)
    return out


def _read(doc: ParsedDocument, section: Section, passages, seen: set, out: list[Target], trigger=None) -> None:
    text = doc.clean.text
    for ps, pe in passages:
        for cs, ce in _clauses_of(text, ps, pe):
            if (cs, ce) in seen:
                continue
            seen.add((cs, ce))
            clause = text[cs:ce]
            if trigger is not None and cs < trigger.start() < ce:  # the trigger is part of the clause
                clause = _lead(text[cs : trigger.start()]) + text[trigger.end() : ce]
            if out and lx.TARGET_STRETCH_RE.match(clause.strip()) and out[-1].source.end <= doc.clean.to_original(cs, ce)[0] + 2:
                out[-1].note = clause.strip()  # "、力争达到8%": the stretch of the target before
                continue
            for indicator, target, a, b in parse_target(clause):
                if lx.ANNUAL_AVERAGE in target:
                    continue  # an average over the plan period is no target of the year
                t = _target(doc, section, indicator, target, cs, ce)
                if not any((o.canonical or o.indicator, o.target) == (t.canonical or t.indicator, t.target) for o in out):
                    out.append(t)  # a target restated ("提出国内生产总值增长8%左右，主要是……") is the same target


def _lead(words: str) -> str:
    """The indicator's words before a trigger that the target follows: after 今年 / 明年 where the
    sentence names its year ("中央提出今年经济增长" → "经济增长")."""
    last = None
    for last in lx.PLAN_YEAR_CONTEXT_RE.finditer(words):
        pass
    return words[last.end() :] if last else words


def plan_year_triggers(doc: ParsedDocument):
    """(deepest section, trigger match, end of its part) for each targets trigger outside the
    targets sections that sets the plan year's targets: not in a glossary or annex, not of a plan
    period (今后五年, “十五五”, 年均), and, outside a plan part, only where its sentence names the
    plan year (今年, 明年, the year's number): "主要经济指标情况如下" in a review lists results."""
    text = doc.clean.text
    plan_year = doc.tree.metadata.plan_year
    for part in doc.tree.sections:
        if part.kind == SectionKind.GLOSSARY or (part.derived and part.path == lx.ANNEX):
            continue
        for trigger in lx.TARGETS_TRIGGER_RE.finditer(text, part.body_start, part.clean_end):
            if lx.RESULTS_LIST_TRIGGER_RE.search(trigger.group(0)):
                continue  # 主要经济指标情况如下: how the indicators went, a list of results
            section = _deepest(part, trigger.start())
            if section.kind == SectionKind.TARGETS and not section.derived:
                continue  # read with its section (a derived one, cut around a trigger, is read here too)
            context = text[_sentence_start(text, trigger.start()) : trigger.end()]
            if lx.PERIOD_TARGETS_RE.search(context):
                continue
            paragraph = text[max(text.rfind("\n", 0, trigger.start()) + 1, trigger.start() - lx.TRIGGER_CONTEXT_MAX) : trigger.end()]
            if part.kind not in _PLAN_PARTS and not _last_names_plan_year(paragraph, doc.tree.metadata.review_year, plan_year):
                continue  # "主要经济指标情况如下" in a review; "今年是……。……主要预期目标是" sets the year's
            yield section, trigger, part.clean_end


_PLAN_PARTS = (SectionKind.TASKS, SectionKind.TARGETS, SectionKind.REQUIREMENTS)


def _last_names_plan_year(text: str, review_year: Optional[int], plan_year: Optional[int]) -> bool:
    """Whether the last year `text` speaks of is the plan year (今年, 明年, its number) rather than
    the review year (去年, 过去一年, 以来, its number)."""
    review = rf"|{review_year}{lx.YEAR_WORD}" if review_year else ""
    plan = rf"|{plan_year}{lx.YEAR_WORD}" if plan_year else ""
    cues = list(re.finditer(rf"(?P<plan>{lx.PLAN_YEAR_CONTEXT_RE.pattern}{plan})|(?P<review>{lx.REVIEW_YEAR_SENTENCE_RE.pattern}|{lx.REVIEW_SINCE}{review})", text))
    return bool(cues) and cues[-1].group("plan") is not None


def names_plan_year(text: str, plan_year: Optional[int]) -> bool:
    return bool(lx.PLAN_YEAR_CONTEXT_RE.search(text)) or (plan_year is not None and f"{plan_year}{lx.YEAR_WORD}" in text)


def _deepest(section: Section, pos: int) -> Section:
    for child in section.children:
        if child.clean_start <= pos < child.clean_end:
            return _deepest(child, pos)
    return section


def _sentence_start(text: str, pos: int) -> int:
    return max(text.rfind(ch, 0, pos) for ch in "。！？!?\n") + 1


def _clause_start(text: str, pos: int) -> int:
    return max(text.rfind(ch, 0, pos) for ch in "。！？!?\n，,；;") + 1


def _clause_stop(text: str, pos: int, limit: int) -> int:
    stop = re.compile("[。！？!?\n，,；;]").search(text, pos, limit)
    return stop.start() if stop else limit


def target_numbers(target: str, indicator: str = "") -> tuple[Optional[float], Optional[str], Optional[float]]:
    """A printed target's number, unit and the other end of a range, negative for a fall
    (下降3%左右 → -3.0, "%", None; 增长4.5-5% → 4.5, "%", 5.0: the unit is printed once, at the end)."""
    number, unit = first_number(target)
    rng = RANGE_RE.search(target)
    if rng is not None:
        number = float(rng.group(1))
        unit = unit or first_number(target[rng.start(2) :])[1]
    sign = -1.0 if falls(target, indicator) else 1.0
    upper = sign * float(rng.group(2)) if rng else None
    return (sign * number if number is not None else None), unit, upper


def _target(doc: ParsedDocument, section: Section, indicator: str, target: str, cs: int, ce: int) -> Target:
    number, unit, upper = target_numbers(target, indicator)
    return Target(
        indicator=indicator,
        canonical=canonical_indicator(indicator),
        target=target,
        comparator=comparator_of(target),
        number=number,
        unit=unit,
        upper=upper,
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



def read_sentences(doc: ParsedDocument, spans: list[tuple[int, int]]) -> list[Target]:
    """The targets the rules read from given sentences (cleaned spans): a sentence the model
    pointed at where no trigger introduced the year's targets (model.pointer)."""
    out: list[Target] = []
    for s, e in spans:
        section = _deepest(next((p for p in doc.tree.sections if p.clean_start <= s < p.clean_end), doc.tree.sections[0]), s)
        _read(doc, section, [(s, e)], set(), out)
    return out
