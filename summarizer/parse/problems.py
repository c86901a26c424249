"""problems: where a report admits its difficulties, and the distinct problems it names.

Pure functions over the cleaned text (cleaned offsets in, cleaned offsets out):
- `find_passage` finds the passage by its phrases ("我们也清醒看到……困难和挑战：", "要看到……面临
  诸多困难挑战", "把问题说透"), at the end of the review or, failing that, anywhere, and ends it
  before the sentence that answers it ("对此，我们将高度重视……");
- `split_items` cuts the passage into one item per distinct problem: at 一是/二是 (and (1), ①),
  at ；and 。, and at ， where a sentence lists problems that each have their own predicate
  ("有效需求不足，部分企业生产经营困难，群众就业增收面临压力").
Every item is a span of the passage, so it is verbatim by construction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from summarizer import lexicon as lx

_SENT_END = "。！!？?"
_LEAD_STOP_RE = re.compile(r"[：:。；;]")


@dataclass(frozen=True)
class Passage:
    start: int  # the sentence that admits the difficulties
    end: int
    items_start: int  # after the lead ("……困难和挑战，主要是：")


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    ps = text.rfind("\n", 0, pos) + 1
    pe = text.find("\n", pos)
    return ps, (len(text) if pe < 0 else pe)


def _sentence_start(text: str, pos: int, floor: int) -> int:
    i = pos
    while i > floor and text[i - 1] not in _SENT_END + "\n":
        i -= 1
    return i


def _split(text: str, start: int, end: int, stops: str, *, keep: bool = False) -> list[tuple[int, int]]:
    """[start, end) cut after each character of `stops`: the spans with their stop (`keep`) or
    without it; a rest after the last stop is a span of its own."""
    out = []
    pos = start
    for m in re.finditer(f"[{stops}]", text[start:end]):
        out.append((pos, start + (m.end() if keep else m.start())))
        pos = start + m.end()
    if pos < end:
        out.append((pos, end))
    return out


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return _split(text, start, end, _SENT_END, keep=True)


def _lead_end(text: str, trigger_end: int, end: int) -> int:
    """Where the items begin. The trigger's sentence is a lead when it only announces the
    difficulties ("……还面临不少困难和挑战。" / "……困难和挑战，主要是："); otherwise the
    problems start right after the admission ("我们清醒地认识到，区域发展不平衡……")."""
    m = _LEAD_STOP_RE.search(text, trigger_end, end)
    seg_end = m.start() if m else end
    segment = text[trigger_end:seg_end]
    pos = trigger_end
    announces = m is None or m.group(0) in "：:" or (m.group(0) == "。" and len(re.findall(r"[，,]", segment)) <= 2)
    # "……困难和挑战，主要是：" / "……老问题、新挑战仍然不少，主要是：": the sentence names the list to come
    introduces = m is not None and m.group(0) in "：:" and lx.PROBLEMS_LIST_LEAD_RE.fullmatch(re.split(r"[，,]", segment)[-1])
    if (lx.PROBLEMS_SUMMARY_RE.search(segment) and announces) or introduces:
        pos = m.end() if m else end
    else:
        while pos < end and text[pos] in "，,：: ":
            pos += 1
    # "主要是：" / "主要表现在：" after the lead
    lead = lx.PROBLEMS_LIST_LEAD_RE.match(text, pos, end)
    if lead:
        pos = lead.end()
    return pos


def _response_start(text: str, s: int, e: int) -> int:
    """Where the answer begins in a sentence that holds one: the sentence itself, or its first
    clause of response when problems come before it in the same sentence ("……一些领域腐败问题
    依然多发，必须直面问题、应对挑战，切实加以解决。")."""
    for a, b in _split(text, s, e, "，,", keep=True):
        clause = text[a:b]
        if _is_response(clause) or clause.startswith(lx.PROBLEMS_RESPONSE_OPENERS):
            return a
    return s


def _is_response(sentence: str) -> bool:
    return bool(lx.PROBLEMS_RESPONSE_RE.search(sentence))


def _passage_at(text: str, m: re.Match, floor: int, ceiling: int, *, weak: bool = False) -> Optional[Passage]:
    ps, pe = _paragraph(text, m.start())
    colon = re.compile(r"[：:]").search(text, m.end(), pe)
    if weak and colon and not re.search(f"[{_SENT_END}；;]", text[m.end() : colon.start()]):
        weak = False  # "……仍存在一些不足：一是……": a lead like any other
    if weak:
        # a plain statement of difficulties: the paragraph that holds it is the passage,
        # less an opening sentence of context ("当前，……正处于……的关键时期。")
        start = max(ps, floor)
        items_start = start
        first = _sentences(text, start, pe)[:1]
        if first and first[0][1] <= m.start() and not lx.PROBLEM_PREDICATE_RE.search(text[first[0][0] : first[0][1]]):
            items_start = first[0][1]
        own = next(((a, b) for a, b in _sentences(text, start, pe) if a <= m.start() < b), None)
        if own and own[0] >= items_start and _announces(text, m, own):
            start, items_start = own  # "但是，……仍然存在一些突出矛盾和问题。": the sentence only announces them
    else:
        start = _sentence_start(text, m.start(), max(ps, floor))
        items_start = _lead_end(text, m.end(), pe)
    end = pe
    # enumerated items in the paragraphs that follow (一是……, (1)……, ①……, ——……)
    nxt = pe + 1
    while nxt < ceiling:
        q_s, q_e = _paragraph(text, nxt)
        if not _continues(text, q_s, q_e):
            break
        if lx.PROBLEMS_LIST_LEAD_RE.fullmatch(text, q_s, q_e) and q_e + 1 < ceiling:
            q_e = _paragraph(text, q_e + 1)[1]  # "主要是：" alone on its line: the list is the next paragraph
        end = q_e
        nxt = q_e + 1
    # the answer to the problems is not one of them
    for s, e in _sentences(text, items_start, end):
        if _is_response(text[s:e]):
            end = _response_start(text, s, e)
            break
    end = min(end, ceiling)
    while end > items_start and text[end - 1] in " \n":
        end -= 1
    if end - items_start < 8:
        return None
    if weak and len(split_items(text, items_start, end)) < 2:
        return None  # a difficulty mentioned in passing ("面临不少困难和挑战，我们迎难而上") is no list of problems
    return Passage(start, end, items_start)


def _continues(text: str, s: int, e: int) -> bool:
    """Whether the paragraph [s, e) goes on with the problems: an enumerated item (一是……, ——……),
    a list's lead ("主要是：", alone on its line or before the list), or a paragraph that opens by
    stating more of them ("政府工作仍存在一些缺点和不足，……")."""
    lead = lx.PROBLEMS_LIST_LEAD_RE.match(text, s, e)
    if lx.PROBLEMS_CONTINUATION_RE.match(text, s, e) or (lead and (lead.end() == e or lead.group(0).rstrip()[-1:] in "：:")):
        return True  # an item, or the list's lead (on its own line, or with the list after it)
    first = re.split(r"[，,。；;：:]", text[s:e], maxsplit=1)[0]
    return bool(lx.PROBLEMS_SUMMARY_RE.search(first)) and not _is_response(text[s:e])


def _announces(text: str, m: re.Match, sentence: tuple[int, int]) -> bool:
    """Whether the trigger's sentence only announces the difficulties: it ends soon after the
    trigger's words ("……存在一些突出矛盾和问题。") and lists none of them."""
    rest = text[m.end() : sentence[1]]
    return len(rest) <= lx.ANNOUNCE_TAIL_MAX and not re.search(r"[，,；;：:]", rest)


def find_passage(text: str, regions: list[tuple[int, int]], fallback: list[tuple[int, int]]) -> Optional[Passage]:
    """The problems passage: a strong admission ("清醒认识到", "要看到……困难") in `regions`
    (the review parts), else a plain statement of difficulties there ("仍然面临不小压力和
    挑战"), else a strong admission anywhere in `fallback` (the whole body), else a plain statement
    there (a report that weighs this year's outlook: "但是，经济社会发展中仍然存在一些突出矛盾和问题。……")."""
    for rx, where, weak in (
        (lx.PROBLEMS_TRIGGER_RE, regions, False),
        (lx.PROBLEMS_WEAK_TRIGGER_RE, regions, True),
        (lx.PROBLEMS_TRIGGER_RE, fallback, False),
        (lx.PROBLEMS_WEAK_TRIGGER_RE, fallback, True),
    ):
        for a, b in where:
            for m in rx.finditer(text, a, b):
                found = _passage_at(text, m, a, b, weak=weak)
                if found:
                    return found
    return None


# ---------------------------------------------------------------------------------------------
# Items
# ---------------------------------------------------------------------------------------------

_MARKER_RE = re.compile(r"(?:(?<=[。；;：:，,\n])|^)\s*" + lx.PROBLEM_ITEM_MARKER)


def _has_predicate(clause: str) -> bool:
    return bool(lx.PROBLEM_PREDICATE_RE.search(clause))


def _starts_without_subject(clause: str) -> bool:
    return clause.startswith(lx.PROBLEM_NO_SUBJECT_OPENERS)


def _comma_items(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """One sentence piece → items: a new item at each comma clause that states a problem of
    its own (a predicate, and a subject of its own); clauses of context join their neighbour."""
    clauses = _split(text, s, e, "，,")
    items: list[list[int]] = []
    pending: Optional[int] = None  # start of context clauses waiting for their problem
    for a, b in clauses:
        clause = text[a:b].strip()
        if not clause:
            continue
        own = _has_predicate(clause) and not _starts_without_subject(clause)
        if own:
            items.append([pending if pending is not None else a, b])
            pending = None
        elif items and (pending is None) and (_starts_without_subject(clause) or _has_predicate(clause)):
            items[-1][1] = b  # it continues the problem before it
        elif pending is None:
            pending = a
    if pending is not None:
        if items:
            items[-1][1] = e
        else:
            items.append([pending, e])
    return [(a, b) for a, b in items]


def split_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Items of the passage text [start, end) (see the module docstring). Where the report
    numbers its problems (一是……二是……), each numbered item is one problem, as its author
    grouped it; otherwise items are cut at ；/。 and at ， between problems of their own."""
    # where each marker itself begins (the pattern takes the whitespace before it too)
    markers = [m.end() - len(m.group(0).lstrip()) for m in _MARKER_RE.finditer(text, start, end)]
    bounds = sorted({start, *[p for p in markers if start < p < end]})
    segments = [(a, b) for a, b in zip(bounds, bounds[1:] + [end])]
    out: list[tuple[int, int]] = []
    numbered = len(markers) >= 2
    for a, b in segments:
        m = _MARKER_RE.match(text, a, b)
        if m:
            a = m.end()
        if numbered:
            if m:
                s, e = _strip(text, a, b)
                if e - s >= 4:
                    out.append((s, e))
            else:  # text before the first number: a problem only if it states one
                out += [(s, e) for s, e in (_strip(text, *p) for p in _pieces(text, a, b)) if e - s >= 4 and _has_predicate(text[s:e]) and not lx.PROBLEMS_SUMMARY_RE.search(text[s:e])]
            continue
        for ps, pe in _pieces(text, a, b):
            for s, e in _comma_items(text, ps, pe):
                s, e = _strip(text, s, e)
                if e - s >= 4:
                    out.append((s, e))
    return out


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(a, b) for a, b in _split(text, start, end, "；;。！!？?\n") if text[a:b].strip()]


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \n，,：:；;。":
        s += 1
    lead = lx.PROBLEMS_LIST_LEAD_RE.match(text, s, e)  # "主要是：经济总量不大": the list's lead is no part of its item
    if lead and lead.group(0).rstrip()[-1:] in "：:，," and lead.end() < e:
        s = lead.end()
        while s < e and text[s] in " \n":
            s += 1
    while e > s and text[e - 1] in " \n，,：:；;。":
        e -= 1
    if text[s:e].endswith(lx.ET_CETERA):
        e -= len(lx.ET_CETERA)
    while e > s and text[e - 1] in " ，,；;":
        e -= 1
    return s, e


def first_clause(text: str, s: int, e: int) -> int:
    """End of the item's own first clause (its summary): a clause that only frames the next
    ("同先进地区相比，营商环境存在差距") runs on to it, so that the summary says something."""
    m = _CLAUSE_STOP_RE.search(text, s, e)
    if m and lx.PROBLEM_FRAME_CLAUSE_RE.search(text[s : m.start()]) and text[m.start()] in "，,":
        m = _CLAUSE_STOP_RE.search(text, m.end(), e)
    return m.start() if m else e


_CLAUSE_STOP_RE = re.compile(r"[，,：:。；;]")
