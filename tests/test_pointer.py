"""Where the rules read nothing, the model points at the sentence and the rules read it (issue:
"right on reports nobody tuned for"). Replayed from cassettes recorded against the embedded model
server (cassettes/test_pointer/*.yaml): the targets of a report that introduces them with words
no rule knows, and results printed where no rule looks, are read from the sentences the model
names; every figure is the report's; a report the rules read needs no call; --no-model asks
nothing."""

from __future__ import annotations

from summarizer.model.pointer import result_candidates, target_candidates
from summarizer.parse.document import parse_bytes
from summarizer.pipeline import Runtime, summarize_parsed
from summarizer.rules.headline import extract_headline_metrics
from summarizer.rules.targets import extract_targets

from tests.conftest import recorded, replay_settings

#: Targets introduced without a trigger the rules know (目标安排), results printed in the plan part
#: next to the plan year (今年), where no rule takes a result.
UNREAD = (
    "某某省2025年政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n"
    "一、2024年工作回顾\n过去一年，我们坚持稳中求进工作总基调，各项工作取得新成效。\n"
    "二、2025年工作安排\n全省地区生产总值增长5.1%，一般公共预算收入增长2.3%，城镇新增就业61万人，为做好今年工作打下了基础。\n"
    "今年全省发展的目标安排：地区生产总值增长5%左右，城镇调查失业率5.5%左右，居民消费价格涨幅2%左右。\n"
    "（一）扩大有效需求。要加快推进重大项目建设。\n（二）推进科技创新。要加快建设创新平台。\n"
)
#: The same report as the rules read it.
READ = UNREAD.replace("今年全省发展的目标安排：", "今年经济社会发展的主要预期目标是：").replace(
    "过去一年，我们坚持稳中求进工作总基调，各项工作取得新成效。", "过去一年，全省地区生产总值增长5.1%，一般公共预算收入增长2.3%。"
)


def _doc(text: str):
    return parse_bytes(text.encode("utf-8"), "某某省_2025.txt")


def test_the_rules_alone_read_nothing_from_the_unread_report():
    doc = _doc(UNREAD)
    assert extract_targets(doc) == [] and extract_headline_metrics(doc) == []
    texts = [doc.clean.text[a:b] for a, b in target_candidates(doc)]
    assert any("目标安排" in t for t in texts)
    assert any("5.1%" in doc.clean.text[a:b] for a, b in result_candidates(doc))


def test_the_model_points_and_the_rules_read(request, tmp_path):
    doc = _doc(UNREAD)
    with recorded(request.config, "test_pointer/unread.yaml"):
        with Runtime.open(replay_settings(tmp_path, style="rules")) as runtime:
            s = summarize_parsed(doc, runtime)
    targets = {t.canonical: t for t in s.targets}
    assert targets["地区生产总值"].target == "增长5%左右" and targets["城镇调查失业率"].comparator == "左右"
    assert all(t.origin == "model" and t.source.quote in doc.raw.text for t in s.targets)
    metrics = {m.canonical: m for m in s.headline_metrics}
    assert metrics["地区生产总值"].change == "增长5.1%" and all(m.origin == "model" for m in s.headline_metrics)
    # the model also named the targets sentence; the rules take no result from it
    assert "城镇调查失业率" not in metrics and "居民消费价格" not in metrics
    assert s.usage.calls == 2 and any("pointed" in w for w in s.warnings)


def test_a_report_the_rules_read_asks_nothing(tmp_path):
    """No cassette: any request would fail (replay settings, blocked network)."""
    with Runtime.open(replay_settings(tmp_path, style="rules")) as runtime:
        s = summarize_parsed(_doc(READ), runtime)
    assert s.usage.calls == 0 and s.targets and s.headline_metrics
    assert all(t.origin == "rule" for t in s.targets)


def test_no_model_asks_nothing(tmp_path):
    with Runtime.open(replay_settings(tmp_path), rules_only=True) as runtime:
        s = summarize_parsed(_doc(UNREAD), runtime)
    assert s.usage.calls == 0 and s.targets == [] and s.headline_metrics == []
