"""picks: which sentences of an area a reader should see first, by rule.

A review area reports results: figures achieved, things built, opened or completed, ranks and
firsts. A task area makes commitments: a number, a deadline, a named project or regulation.
Each sentence of an area gets a score from what it carries (figures, result or commitment
words, named things) less what marks a policy line without an outcome (坚持…, 深入实施…, when
nothing else follows); sub-heading leads, heading echoes and sentences that are not results at
all (lessons, a long-range vision, the answer to a problems passage) are never picked.

`rank_sentences(text, sentences, title, kind)` gives the indexes of the sentences worth showing,
best first; `lead_sentences` gives the first body sentences (the baseline: "lead-1"). The model
strategies use the ranking to choose the candidates they show the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.rules.numbers import quantities

#: Words that say something was achieved (review areas).
RESULT_WORDS = (
    "建成", "完成", "开通", "通车", "获批", "获评", "入选", "落地", "投用", "投产", "竣工", "开工", "揭牌", "启用",
    "首次", "首个", "首家", "第一", "前列", "新高", "突破", "达到", "实现", "新增", "增长", "提升至", "位居", "荣获",
    "成功举办", "创建", "成为", "认定", "挂牌", "签约", "引进", "落户", "清零", "覆盖",
)
#: Words that make a commitment concrete (task areas).
COMMITMENT_WORDS = (
    "建成", "完成", "开工", "新建", "新增", "改造", "开通", "办好", "举办", "出台", "制定", "修订", "力争", "不少于",
    "以上", "确保", "启动", "投用", "年底", "年内", "全面完成", "全覆盖", "清零", "实施", "达到", "突破", "争创",
)
#: Openers of a policy line: a method, not an outcome, unless the sentence goes on to report one.
POLICY_OPENERS = (
    "坚持", "深入实施", "全面落实", "深入推进", "持续", "着力", "加快", "大力", "积极", "不断", "扎实", "统筹", "强化",
    "健全", "完善", "优化", "深化", "推动", "促进", "加强", "聚焦", "围绕", "坚定", "牢固", "始终", "全力", "更加",
    "进一步", "切实", "主动",
)
#: Sentences that are no result and no commitment: lessons, a long-range vision, an answer.
NOT_A_RESULT_RE = re.compile(
    r"(?:深刻体会|深切体会|启示|经验|到20[3-5]\d年|远景目标|展望|对于这些问题|对此|我们将|我们一定|必须|这些成绩的取得|成绩来之不易)"
)
#: Things named in a sentence (a regulation, a programme, an event).
NAMED_RE = re.compile(r"《[^》]{2,30}》|“[^”]{2,20}”|第[一二三四五六七八九十\d]+[届批期]|\d+号线")
#: A sentence this short without a figure is a sub-heading lead ("一是综合实力稳步增强。").
LEAD_MAX = 20
_LEAD_MARKER_RE = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,2}是|[(（][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[.、．])")
#: A figure counts this much, up to FIGURES_MAX figures.
FIGURE_WEIGHT = 2.0
FIGURES_MAX = 4
WORD_WEIGHT = 1.0
WORDS_MAX = 3
NAMED_WEIGHT = 1.0
POLICY_PENALTY = 2.0


@dataclass(frozen=True)
class Scored:
    index: int  # of the sentence in the area
    score: float


def _core(text: str) -> str:
    return re.sub(r"[。；;，,！!？?\s]", "", text)


def is_heading_echo(sentence: str, title: str, margin: int = 6) -> bool:
    core, head = _core(sentence), _core(title)
    return bool(core) and (core in head or (head in core and len(core) < len(head) + margin))


def is_lead(sentence: str) -> bool:
    """A sub-heading inside an area: short, no figure (or an enumeration marker and no figure)."""
    s = sentence.strip().rstrip("。；;")
    if re.search(r"\d", s):
        return False
    return len(s) <= LEAD_MAX or (bool(_LEAD_MARKER_RE.match(s)) and len(s) <= 2 * LEAD_MAX)


def showable(sentence: str, title: str) -> bool:
    """Could this sentence stand for its area at all?"""
    return not (is_heading_echo(sentence, title) or is_lead(sentence) or NOT_A_RESULT_RE.search(sentence))


def score_sentence(sentence: str, review: bool) -> float:
    figures = [q for q in quantities(sentence) if q.family is not None]
    words = RESULT_WORDS if review else COMMITMENT_WORDS
    hits = sum(w in sentence for w in words)
    named = len(NAMED_RE.findall(sentence))
    score = FIGURE_WEIGHT * min(len(figures), FIGURES_MAX) + WORD_WEIGHT * min(hits, WORDS_MAX) + NAMED_WEIGHT * min(named, 2)
    body = re.sub(r"^[\s　]*(?:[一二三四五六七八九十]{1,2}是|[(（][一二三四五六七八九十\d]{1,2}[)）])?", "", sentence)
    if body.startswith(POLICY_OPENERS) and not figures and named == 0 and hits <= 1:
        score -= POLICY_PENALTY
    return score


def rank_sentences(text: str, sentences: list[tuple[int, int]], title: str, review: bool) -> list[Scored]:
    """Showable sentences, best first (ties: the earlier one)."""
    scored = [
        Scored(i, score_sentence(text[a:b], review))
        for i, (a, b) in enumerate(sentences)
        if showable(text[a:b], title)
    ]
    return sorted(scored, key=lambda s: (-s.score, s.index))


def lead_sentences(text: str, sentences: list[tuple[int, int]], title: str) -> list[int]:
    """The baseline: the area's sentences in order, less its heading."""
    return [i for i, (a, b) in enumerate(sentences) if not is_heading_echo(text[a:b], title) and _core(text[a:b]) != _core(title)]
