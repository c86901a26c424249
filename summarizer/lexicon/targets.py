"""Targets: how a report introduces, lists and qualifies the plan year's targets."""

from __future__ import annotations

import re

from summarizer.lexicon.characters import compile_alternation

#: A paragraph that introduces the target list ("主要目标如下", "主要预期目标是").
#: A line break may stand between its words (今年经济社会发展的主要预期目标⏎是：).
TARGETS_TRIGGER_RE = re.compile(
    r"(主要\n?(预期)?\n?目标\n?(建议)?\n?(如下|是|为)|主要\n?(经济)?\n?指标[^。]{0,20}(如下|是)|预期\n?目标\n?(建议)?\n?(如下|是|为)|主要预期性指标)"
)
#: A trigger that introduces how the indicators went (主要经济指标情况如下, 主要指标完成情况是): a list
#: of results, not of targets, wherever it stands.
RESULTS_LIST_TRIGGER_RE = re.compile(r"指标\n?(?:完成|执行|运行)?\n?情况")
#: Words of a plan period: a targets sentence with one of them before its trigger sets the
#: period's targets ("今后五年，……预期目标是……年均增长7%"), not the plan year's.
PERIOD_TARGETS_RE = re.compile(r"今后五年|未来五年|五年内|十[一二三四五六七八九]五|到(?:19|20)\d{2}年|年均|纲要")
#: How far before a trigger its paragraph is read for the plan year.
TRIGGER_CONTEXT_MAX = 400
#: Words of the plan year before a trigger (今年经济社会发展的主要预期目标是).
PLAN_YEAR_CONTEXT_RE = re.compile(r"今年|明年")
#: "经济增长预期目标为7%左右": the words a trigger ends with when the target's indicator stands
#: before it (stripped from that indicator).
TARGET_WORD_TAIL_RE = re.compile(r"的?(?:主要)?(?:预期)?(?:目标|指标)(?:建议)?$")
#: A sentence that speaks about the targets just listed ("确定4.5%左右的增长目标，……", "实现上述目标，
#: ……", "经济增长目标设定为6%左右，是……", "这里要着重说明，提出……"): the list is over.
TARGETS_AFTERWORD_RE = re.compile(
    r"^(?:这里要着重说明|需要说明的是|需要指出的是)|^(?:实现|完成|确定|提出|设定|上述|以上|这些|这一|这个)|^[^，,。]{0,12}目标(?:设定|定为|确定)"
)
#: A list read after its trigger goes on over at most this many lines (a list printed one target
#: per paragraph; "——" lines).
TARGET_LIST_MAX_LINES = 16
#: A clause that raises the stakes of the target before it ("、力争达到8%", "，在实际工作中争取更好结果").
TARGET_STRETCH_RE = re.compile(r"^(?:在实际工作中|根据实际情况|实际工作中)?(?:力争|努力争取|争取|努力)")
#: A clause that states a target without a number ("居民收入增长与经济增长同步").
QUALITATIVE_TARGET_WORDS = ("同步", "高于", "快于", "不低于", "一致", "正增长", "稳中提质", "保稳提质", "稳量提质", "合理水平",
                            "完成国家下达", "国家下达", "保持稳定", "持续改善", "达到国家要求", "优秀水平", "只增不减", "持平")
#: Verbs between an indicator and its target (城镇调查失业率控制在5.5%以内) that belong to neither.
TARGET_VERBS = ("控制在", "保持在", "稳定在", "继续保持", "保持", "稳定", "实现", "完成", "达到", "力争", "在", "为")
#: Target lists mark binding indicators in a heading or phrase like this.
BINDING, EXPECTED = "约束性", "预期性"
BINDING_RE = re.compile(BINDING)
EXPECTED_RE = re.compile(EXPECTED)
#: Words that lead a target clause without belonging to the indicator (力争GDP增长7%).
TARGET_LEAD_WORDS = ("力争", "确保", "争取", "努力", "全年", "其中", "以及", "和", "及", "实现", "今年", "明年")
#: Targets stated without a number, and a clause that states one (外贸进出口总额实现正增长); 正增长
#: is met by any growth above 0.
POSITIVE_GROWTH = "正增长"
QUALITATIVE_TARGETS = (POSITIVE_GROWTH, "负增长", "持平", "基本同步", "同步增长")
QUALITATIVE_TARGET_RE = re.compile(r"(?:实现)?(?P<t>" + compile_alternation(QUALITATIVE_TARGETS) + ")")
#: Characters trimmed from both ends of a target's indicator (经济增长的 → 经济增长).
INDICATOR_TRIM = " ,，、的"
