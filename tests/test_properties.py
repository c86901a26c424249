"""Property tests of the pure stages on generated reports: offsets always map back exactly, and
sections of one level never overlap."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer.parse.clean import normalised
from summarizer.parse.document import parse_bytes

CN = "一二三四五六七八九十"
WORDS = ["经济", "发展", "推进", "建设", "完成", "增长", "产业", "民生", "改革", "创新", "项目", "城区"]
SPACES = ["", " ", "\u00a0\u00a0", "\u3000\u3000", "\t"]
CHROME = ["首页 > 信息公开 > 规划计划", "字号:", "分享到:", "网站地图 | 联系我们", "【字体: 大 中 小】"]


@st.composite
def sentence(draw):
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6))
    number = draw(st.one_of(st.none(), st.decimals(min_value=0, max_value=9999, places=1)))
    tail = f"{number}亿元" if number is not None else ""
    return "".join(words) + tail + draw(st.sampled_from(["。", ";", ",", "!"]))


@st.composite
def paragraph(draw):
    sentences = draw(st.lists(sentence(), min_size=1, max_size=4))
    if draw(st.booleans()):  # an inline enumeration
        n = draw(st.integers(min_value=2, max_value=4))
        sentences += [f"{CN[i]}是{draw(sentence())}" for i in range(n)]
    return "".join(sentences)


@st.composite
def report(draw):
    lines = [draw(st.sampled_from(CHROME)), "某区2023年国民经济和社会发展计划"]
    for i in range(draw(st.integers(min_value=1, max_value=3))):
        lines.append(f"{CN[i]}、{draw(st.sampled_from(['2022年执行情况', '主要目标', '主要任务', '其他']))}")
        for j in range(draw(st.integers(min_value=0, max_value=3))):
            same_line = draw(st.booleans())
            head = f"({CN[j]}){draw(sentence())[:-1]}"
            lines.append(head + ("。" + draw(paragraph()) if same_line else ""))
            for k in range(draw(st.integers(min_value=0, max_value=2))):
                lines.append(f"{k + 1}.{draw(paragraph())}")
            if draw(st.booleans()):
                lines.append(draw(paragraph()))
            if draw(st.booleans()):
                lines.append(draw(st.sampled_from(CHROME)))
    if draw(st.booleans()):
        lines.append("名词解释")
        lines.append("1.某某:指某某。")
    sep = draw(st.sampled_from(["\n", "\r\n", "\n\n"]))
    return sep.join(draw(st.sampled_from(SPACES)) + line + draw(st.sampled_from(SPACES)) for line in lines)


def _normal(ch: str) -> str:
    return " " if ch in " \t\u00a0\u3000" else "\n" if ch in "\r\n" else ch


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report())
def test_sections_map_back_exactly_and_never_overlap(text):
    doc = parse_bytes(text.encode("utf-8"), "gen.txt")
    original, clean = doc.raw.text, doc.clean
    removed = [(r.start, r.end) for r in clean.removed]
    by_level: dict[int, list[tuple[int, int]]] = {}
    for s in doc.tree.walk():
        assert 0 <= s.clean_start <= s.body_start <= s.clean_end <= len(clean.text)
        section_text = clean.text[s.clean_start : s.clean_end]
        offsets = clean.offsets[s.clean_start : s.clean_end]
        if section_text:
            assert (s.start, s.end) == (offsets[0], offsets[-1] + 1)
            # the section's text is the original's characters at its offsets …
            assert "".join(_normal(original[o]) for o in offsets) == section_text
            # … and whatever else original[start:end] holds is whitespace or removed chrome
            mapped = set(offsets)
            for pos in range(s.start, s.end):
                if pos not in mapped:
                    assert original[pos] in " \t\r\n\u00a0\u3000" or any(a <= pos < b for a, b in removed), repr(original[pos])
        by_level.setdefault(s.level, []).append((s.clean_start, s.clean_end))
        for child in s.children:
            assert s.clean_start <= child.clean_start and child.clean_end <= s.clean_end
    for spans in by_level.values():
        spans.sort()
        for (a1, b1), (a2, b2) in zip(spans, spans[1:]):
            assert b1 <= a2, (a1, b1, a2, b2)


# ---------------------------------------------------------------------------------------------
# Real paragraphs, shuffled, truncated and merged: the whole pure pipeline and the rules never
# raise, and every item they give quotes the text it points at.
# ---------------------------------------------------------------------------------------------

from pathlib import Path as _Path  # noqa: E402

from summarizer.rules.headline import extract_headline_metrics
from summarizer.rules.problems import extract_problems
from summarizer.rules.targets import extract_targets  # noqa: E402

_ROOT = _Path(__file__).resolve().parents[1]
_SOURCES = sorted((_ROOT.parent / "shared" / "corpus" / "provincial-2026").glob("*.txt"))[:6] + sorted((_ROOT / "seeds").glob("*.txt"))
REAL_PARAGRAPHS = [
    line.strip() for p in _SOURCES for line in p.read_text(encoding="utf-8").splitlines() if line.strip()
]


@st.composite
def real_report(draw):
    paras = draw(st.lists(st.sampled_from(REAL_PARAGRAPHS), min_size=1, max_size=40))
    out = []
    for p in paras:
        action = draw(st.sampled_from(["keep", "truncate", "merge"]))
        if action == "truncate":
            p = p[: draw(st.integers(min_value=0, max_value=len(p)))]
        if action == "merge" and out:
            out[-1] += p
            continue
        out.append(p)
    return "\n".join(out)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(real_report())
def test_real_paragraphs_in_any_order_never_break_the_rules(text):
    if not text.strip():
        return
    doc = parse_bytes(text.encode("utf-8"), "real.txt")
    for item in [*extract_targets(doc), *extract_problems(doc), *extract_headline_metrics(doc)]:
        span = item.source
        assert 0 <= span.start <= span.end <= len(doc.raw.text)
        if span.quote is not None:
            # the cleaned quote is the original less squeezed whitespace and the line breaks it joined
            # inside sentences, with full-width forms read as ASCII
            squeeze = str.maketrans("", "", " \t\r\n\u00a0\u3000\u2002\u2003\u2009\u200b\u200c\u200d\u2060\ufeff")
            assert normalised(doc.raw.text[span.start : span.end]).translate(squeeze) == span.quote.translate(squeeze)
