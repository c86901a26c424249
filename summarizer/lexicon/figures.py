"""Figures: units, changes, comparators, qualifiers and the words between a name and its figure."""

from __future__ import annotations

import re

#: Words of change, with their sign. 增速 and 增幅 state a growth rate.
CHANGE_WORDS = {
    "增长": 1, "增速": 1, "增幅": 1, "涨幅": 1, "提高": 1, "提升": 1, "上升": 1, "上涨": 1, "增加": 1, "正增长": 1,
    "下降": -1, "降低": -1, "减少": -1, "回落": -1, "负增长": -1, "收窄": -1,
    "微增": 1, "微涨": 1, "微降": -1,
}
#: Qualifiers printed before a change word (同比增长, 同口径增长, 按可比价格计算增长).
CHANGE_QUALIFIERS = ("同口径", "同比", "环比", "按可比价格计算", "按可比价计算", "按自然口径计算", "自然口径", "年均")
#: Words between a change word and its number (增长了5%, 涨幅控制在3%以内).
CHANGE_LINK_WORDS = ("了", "控制在", "保持在", "为")
#: Names of a rate. 涨幅持平 is a change of 0; a rate that moved to a figure has that figure
#: (涨幅回落到2.6%, 增速回升至5%).
RATE_NAMES = ("涨幅", "增速", "增幅")
RATE_REACHED = rf"(?:{'|'.join(RATE_NAMES)})(?:回落|回升|下降|提高|上升|降|升)(?:到|至)"
#: What a change is set against, printed before it (比上年增长, 同比下降).
CHANGE_BASES = ("比上年", "同比")
#: Whether a change is net of prices (实际增长7.7%, 名义增长9%).
PRICE_BASES = ("实际", "名义")
#: Verbs of a result before its figure (实现增长8%, 完成投资300亿元).
RESULT_VERBS = ("实现", "完成")
#: A clause that opens like this (after a result verb) gives a change of the indicator of the
#: clause before ("完成投资300亿元，增长8%", "达到5.53万亿元、按可比价格计算增长4.8%").
CHANGE_OPENERS = (
    *CHANGE_BASES, "同口径", "自然口径", "按自然口径计算", "按可比价格计算", "按可比价计算",
    "增长", "下降", "增速", "增幅", "提高", "降低", "回落", "上涨",
)
#: Words before a clause's first figure that are not the indicator's name (全年完成投资, 其中实现).
METRIC_LEAD_WORDS = ("全年", "累计", "共", "完成", "实现", "其中")
#: Comparators printed with targets, as they read.
COMPARATORS_AFTER = ("以上", "左右", "以内", "以下", "之内", "上下")
COMPARATORS_BEFORE = ("超过", "突破", "不低于", "不少于", "不高于", "不超过", "力争达到", "达到", "超", "达", "约", "近")
#: Comparators read as another: 达 and 力争达到 are read as 达到.
COMPARATOR_READINGS = {"达": "达到", "力争达到": "达到"}
#: A result printed with one of these (达到5.2%) states its number, not a bound.
EXACT_RESULT_COMPARATORS = ("达到", "达")
#: 分别: a list of figures after it goes, in order, to the names before it.
RESPECTIVELY = "分别"
#: Words between 分别 and its list of figures (分别实际增长, 分别达到), and those of them a list of
#: figures may follow directly.
REACH_VERBS = ("达到", "达", "为")
LIST_VERBS = (*REACH_VERBS, "是", "控制在")
RESPECTIVELY_LEAD_WORDS = (*CHANGE_BASES, *PRICE_BASES, "扣除价格因素", "按可比价格计算", *LIST_VERBS)
RESPECTIVELY_TAIL_WORDS = (*CHANGE_BASES, *PRICE_BASES, *LIST_VERBS)
#: Verbs that stand between an indicator and its value; they belong to neither.
VALUE_VERBS = ("预计全年实现", "预计实现", "预计完成", "力争实现", "力争", "实现", "完成", "达到", "控制在", "保持在", "保持", "为", "达", "共", "累计", "推动完成",
               "平均值为", "平均值", "均值为", "均值", "平均为", "迈上", "跨上", "跨过", "稳定在", "由", "从", "首次")
#: Words that may stand between an indicator's name and its value without being either
#: (城镇新增就业人口970万人, 国内生产总值2000年达89404亿元).
INDICATOR_TAIL_RE = re.compile(r"(?:人口|人数)?(?:(?:19|20)\d{2}年(?:底|末)?)?")
#: A clause after an indicator's figure-less clause that gives its figure for a time it names
#: ("粮食产量屡创历史新高，去年达到1.09万亿斤", "外贸出口从7月份开始回升，全年达到1949亿美元").
TIMED_FIGURE_CLAUSE_RE = re.compile(r"(?:去年|全年|(?:19|20)\d{2}年)(?:全年)?(?=达到|达|实现|为|完成|增长|突破|超过)")
#: A level printed as where a period ended ("从1997年的7.4万亿元增加到2002年的10.2万亿元"): the
#: words from the start to the end.
FROM_TO_RE = re.compile(r"(?:从|由)(?:(?:19|20)\d{2}年(?:的)?)?(?P<from>[^，,。；;]{1,16}?)(?:增加|提高|增长|扩大|上升|发展|减少|下降)?到(?:(?P<year>(?:19|20)\d{2})年(?:的)?)?")
#: After a change, the level of the same indicator may follow in its own clause ("增长6.1%、突破2万亿元",
#: "增长5.8%、增速全国第3，总量达到60013亿元").
TOTAL_AFTER_CHANGE_RE = re.compile(
    r"[、，,]\s*(?:(?:增速|高于|居)[^、，,；;。]{0,14}[、，,]\s*)?(?:经济)?(?:总量|规模)?(?:达到|达|迈上|跨上|跨过|为)?"
)
#: Period expressions printed with a metric.
PERIOD_RE = re.compile(
    r"(前[一二三四]季度|第[一二三四]季度|上半年|下半年|预计全年|全年|\d{1,2}\s*[-—–~至]\s*\d{1,2}\s*月)"
)
#: Words that qualify a headline figure, kept with it (预计 …, 初步统计 …, 平均为5.3%, 超3.6万亿元).
METRIC_QUALIFIERS = ("初步统计", "初步核算", "初步预计", "预计", "实际", "平均", "均值", "超过", "突破", "跨上", "跨过", "迈上", "超", "约")
#: Change words that only CHANGE_WORDS lists: a rate printed after them is a headline change too (CPI微降0.1%).
EXTRA_METRIC_CHANGE_WORDS = ("微增", "微涨", "微降")
#: A change stated without a number that means a change of 0 (居民消费价格指数持平); 基本持平 is no figure.
FLAT_CHANGE_RE = re.compile(rf"(?:{'|'.join(RATE_NAMES)})?持平(?!于)")
#: A second figure of the same change by another definition, in brackets right after it
#: ("增长1.7%（同口径增长2.5%以上）"): kept in the metric's quote.
ALT_DEFINITION_RE = re.compile(r"\s*[（(][^（()）]{0,6}(?:同口径|自然口径|可比口径)[^（()）]{0,16}[）)]")
#: Definitions a figure may be printed under; a target and a result are compared only under the same one.
#: 计算 may follow one (同口径计算增长2.5%).
DEFINITION_WORDS = ("同口径", "自然口径", "可比口径")
DEFINITION_TAIL = "计算"
#: Words of an average before a printed result (平均为5.3%, 均值).
AVERAGE_WORDS = ("平均为", "均值")
#: A rank between an indicator's level and its change ("达到5.53万亿元、稳居全国前十强、增长4.8%").
RANK_CLAUSE_RE = re.compile(r"\s*(?:稳居|位居|居|排名|排|列|高于|低于|好于|快于)[^、，,；;。]{0,12}")
#: Comparators of a target by how they bound it.
AT_LEAST_COMPARATORS = ("以上", "不低于", "不少于", "达到", "达")
ABOVE_COMPARATORS = ("超过", "突破", "超")
AT_MOST_COMPARATORS = ("以内", "以下", "之内", "不高于", "不超过")
ABOUT_COMPARATORS = ("左右", "上下", "约")
#: A result printed as a bound below (近5%: less than it).
BELOW_COMPARATORS = ("近",)
#: Words of a decrease in a target ("单位GDP能耗下降2%左右"): the target's number is negative.
DECREASE_WORDS = ("下降", "降低", "减少", "回落", "压减", "缩小", "收窄")
#: Words of a rate in a target's name or text (涨幅, 增速): the target is a rate of change, not a level.
RATE_WORDS = ("增长", "增速", "增幅", "涨幅", "上涨", "下降", "降低", "减少", "回落", "提高", "压减", "收窄")
#: A metric's change is searched up to here: what follows 其中 is about a part of the indicator.
METRIC_CLAUSE_BREAK = "其中"
#: What may stand before a value's number (超5200亿元, 约1.5亿元).
VALUE_PREFIXES = ("超过", "超", "约", "近", "达到", "达", "突破", "累计", "共", "全年")
#: Verbs that name no indicator when they stand before a figure alone (建成116个, 贯通90公里).
BARE_METRIC_VERBS = ("建成", "贯通", "新增", "完成", "实现", "出台", "新建", "开工", "累计", "达到", "达", "突破", "超过", "改造", "打造", "推动", "推进", "落实", "开展", "举办", "引进", "培育", "帮助", "服务")
#: A phrase ending in one of these was cut off mid-way ("打造国际科技及").
DANGLING_ENDINGS = "及和与的、等并或"
#: Words that state a rate of growth the same way (for matching gold annotations).
CHANGE_SYNONYMS = (("增速", "增长"), ("增幅", "增长"))
