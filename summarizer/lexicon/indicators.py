"""Headline indicators: their names as printed, the names that only mention one, which way is better."""

from __future__ import annotations

import re

from summarizer.lexicon.characters import PAIR_JOINERS

#: The canonical name of GDP, which a figure printed without a name in a review stands for.
GDP_CANONICAL = "地区生产总值"
#: Residents' income: per head (a name with something before it is no residents' income:
#: 低收入农户人均可支配收入), and its urban and rural indicators.
PER_CAPITA_INCOME = "人均可支配收入"
URBAN_INCOME, RURAL_INCOME = "城镇居民人均可支配收入", "农村居民人均可支配收入"
#: The urban and the rural side of a pair of indicators, and the word for both (城乡居民人均可支配收入).
URBAN, RURAL, URBAN_AND_RURAL = "城镇", "农村", "城乡"
#: Words right before an indicator's name that make it a ratio (人均/年均, 单位, 万元 GDP), and after it
#: (地区生产总值能耗, 生产总值的比例): the name is no headline indicator there.
RATIO_NAME_PREFIXES = ("均", "单位", "万元")
RATIO_AFTER_NAME_RE = re.compile(r"(?:的)?(?:比[例重]|能耗|占比|增加值率)")
#: Names printed before one indicator name that make it a list of indicators (城乡居民……分别增长4.7%、6.6%).
URBAN_RURAL_LEAD_RE = re.compile(rf"({URBAN_AND_RURAL}|{URBAN}(?:居民|常住居民)?(?:{'|'.join(PAIR_JOINERS)}))$")
#: A name that stands for two indicators at once, read as one (城乡居民人均可支配收入, 城镇、农村居民……).
PAIRED_NAMES_LEAD_RE = re.compile(rf"{URBAN_AND_RURAL}|{URBAN}[{''.join(PAIR_JOINERS)}]")
#: GDP printed without its name in the opening results sentence ("……，全年增长4.8%、总量达5.3万亿元").
UNNAMED_GDP_RE = re.compile(r"(?:^|[，,。；;])(?P<lead>全年(?:经济)?|经济)(?=增长\s*\d)")
#: Headline indicators: the canonical name and the aliases reports print.
HEADLINE_INDICATORS: list[tuple[str, tuple[str, ...]]] = [
    (GDP_CANONICAL, ("地区生产总值(GDP)", "地区生产总值（GDP）", "地区生产总值", "国内生产总值", "GDP", "生产总值", "经济总量")),
    ("规上工业增加值", ("规模以上工业增加值", "规上工业企业增加值", "规上工业增加值", "规模以上工业企业增加值", "规模工业增加值")),
    ("规上工业总产值", ("规模以上工业总产值", "规上工业总产值", "规上工业企业总产值")),
    ("固定资产投资", ("固定资产投资总额", "固定资产投资完成额", "固定资产投资额", "固定资产投资", "全社会固定资产投资")),
    ("社会消费品零售总额", ("社会消费品零售总额", "社会消费品零售额", "社消零总额", "社消零")),
    ("一般公共预算总收入", ("一般公共预算总收入",)),
    ("一般公共预算收入", ("地方一般公共预算收入", "一般公共预算收入", "地方一般公共财政预算收入", "一般公共财政预算收入")),
    ("财政收入", ("全国财政收入", "国家财政收入", "公共财政收入", "地方财政收入", "财政总收入", "财政收入")),
    ("外贸进出口总额", ("外贸进出口总额", "进出口总额", "外贸进出口", "进出口总值", "进出口贸易总额", "货物进出口总额", "对外贸易总额", "进出口")),
    ("出口", ("出口总额", "外贸出口", "出口")),
    ("货物贸易", ("货物贸易",)),
    ("服务贸易", ("服务贸易",)),
    ("产业投资", ("产业投资",)),
    ("城镇调查失业率", ("城镇调查失业率",)),
    ("城镇登记失业率", ("城镇登记失业率",)),
    ("居民消费价格", ("居民消费价格指数", "居民消费价格", "CPI")),
    ("粮食产量", ("粮食总产量", "粮食产量", "粮食总产")),
    ("城镇新增就业", ("城镇新增就业", "新增城镇就业")),
    (URBAN_INCOME, ("城镇居民人均可支配收入", "城镇常住居民人均可支配收入", "城镇居民家庭人均可支配收入")),
    (RURAL_INCOME, ("农村居民人均可支配收入", "农村常住居民人均可支配收入")),
    ("居民人均可支配收入", ("全体居民人均可支配收入", "居民人均可支配收入", "人均可支配收入")),
    # the rural income before 2013's change of survey: another indicator than 农村居民人均可支配收入
    ("农村居民人均纯收入", ("农村居民人均纯收入", "农村居民家庭人均纯收入", "农民人均纯收入")),
]
#: Results stand where a report reviews its year; elsewhere (a closing paragraph, the front of a
#: report without a review heading, a plan part that recalls last year) a sentence must say so.
#: Indicators where less is better (城镇调查失业率5.5%以内, 单位GDP能耗下降2%) and where neither
#: side is (居民消费价格涨幅2%左右: both an overshoot and a shortfall miss): words of the printed name.
LOWER_IS_BETTER_WORDS = ("失业率", "能耗", "排放", "PM2.5", "PM10", "污染", "事故", "负债率", "债务率")
NEITHER_SIDE_WORDS = ("居民消费价格", "消费价格", "CPI", "物价")
#: Characters before a bare 生产总值 that make it the region's (全市生产总值, 全省生产总值).
GDP_BARE_PREFIX_CHARS = "省市区县国疆州盟旗藏夏西蒙古年内"
#: A bare name that stands for GDP in a targets list or a results sentence (经济增长5.5%左右).
GDP_BARE_NAMES = ("经济", "经济增长", "经济增速", "全年经济", "全年")
#: Short names that only count standing alone or after the region (全省出口, 全年进出口): after
#: another noun they name a part (机电产品出口, 海洋生产总值).
BARE_ALIASES = ("出口", "进出口", "生产总值", "货物贸易", "服务贸易", "产业投资")
#: A headline name that is not the government's whole indicator but a part of it, by what stands
#: before it in its clause: a quoted name (“新三样”出口), a partner (对东盟进出口), an effect
#: (中欧班列……带动陕西进出口415.4亿元: its amount; 拉动地区生产总值增长1.2个百分点: its share of
#: the growth; but 带动一般公共预算收入增长6.6% is the revenue's own growth).
NAMED_PART_BEFORE = "”’」』\"'"
PARTNER_LEAD_RE = re.compile(r"对(?!外)")  # 对东盟, 对“一带一路”沿线国家; 对外贸易 is the whole
EFFECT_LEAD_WORDS = ("带动", "拉动")
#: The mark of a list of figures of one subject (猕猴桃综合产值增长8.5%、出口增长53.6%).
LIST_MARK = "、"
#: Names that mention a headline indicator without being it: per-capita and per-unit figures,
#: shares of GDP, parts of an indicator.
NOT_HEADLINE_RE = re.compile(
    r"(人均(?:地区|国内)?生产总值|人均GDP|单位(?:地区|国内)?生产总值|单位GDP|万元(?:地区|国内)?生产总值|生产总值的比[例重]"
    r"|占(?:地区|国内)?生产总值|相当于|能耗|比重|占比|增加值率|排放"
    # a relation between two indicators (全员劳动生产率增速高于地区生产总值增速, 居民收入与经济增长同步)
    r"|高于|快于|低于|慢于|同步)"
)
#: Names printed in two pieces: the head opens a clause of the sentence and a later clause opens
#: with the property and its figure (粮食生产再获丰收，总产达到557亿斤; 全国粮食连续四年增产，
#: 2007年产量达到50150万吨): canonical, heads, properties.
SPLIT_NAMES: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    ("粮食产量", ("粮食",), ("总产量", "总产", "产量")),
]
#: …but never a property that goes on into another one (总产值 is an output's value, not the output).
SPLIT_PROPERTY_NOT_BEFORE = r"(?!值)"
#: Words that may stand before the head of a split name at its clause's start (全国粮食……).
SPLIT_HEAD_LEADS = ("全国", "全省", "全市", "全区", "全州", "全县", "全盟", "全年", "去年")
