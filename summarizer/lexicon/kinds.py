"""Section kinds: what a part of a report is by its title and content (classify, split)."""

from __future__ import annotations

import re

#: Title keywords per kind, tried in this order (the first kind with a hit wins).
KIND_TITLE_KEYWORDS: list[tuple[str, tuple[str, ...]]] = [
    ("glossary", ("名词解释", "名词注释", "注释", "附注", "术语解释")),
    ("problems", ("存在的问题", "存在问题", "问题和不足", "问题与不足", "困难和问题", "困难和挑战", "不足之处")),
    ("review", ("执行情况", "工作回顾", "回顾", "主要成绩", "取得的成绩", "完成情况", "工作总结", "发展成就")),
    ("targets", ("主要目标", "预期目标", "预期性指标", "约束性指标", "主要指标", "目标任务")),
    ("requirements", ("总体要求", "总体思路", "指导思想", "基本思路")),
    ("measures", ("保障措施", "保障机制", "组织保障")),
    ("tasks", ("主要任务", "工作安排", "重点工作", "重点任务", "工作任务", "计划", "工作部署", "主要工作", "年工作")),
]
#: A part about the next plan period ("“十五五”时期主要目标任务"), not the plan year.
OUTLOOK_TITLE_RE = re.compile(r"(十[一二三四五六七八九]五|五年规划|[一-龥]{0,2}规划时期|未来五年|今后五年)")
#: A title that names a single year's work ("2026年工作安排", "关于2026年工作") is no outlook.
PLAN_YEAR_TITLE_RE = re.compile(r"\d{4}年(工作|重点|主要|经济|目标)|今年")
#: A title with 今年 names a year as much as one with its number (对今年政府工作的建议).
PLAN_YEAR_TITLE_WORD = "今年"
#: The government's own part ("全面加强政府自身建设", "努力建设人民满意政府"); "政府工作" alone is
#: no sign of it ("2025年政府工作任务", "对今年政府工作的建议" are the plan).
GOVERNMENT_TITLE_RE = re.compile(r"(政府自身建设|政府建设|政府治理|满意的?政府|服务型政府|法治政府|廉洁政府|自身建设|政府现代化|提升政府$|加强政府$)")
#: Words of a plan in a part's title: a title with one of them is no government part.
PLAN_TITLE_WORDS = ("任务", "建议", "部署", "安排", "今年", "目标")
#: Words that place a part's sentences in the plan year ("今年", "明年" of a plan) and in the
#: review year ("去年", "过去一年"), counted in a part's text with the plan and review years.
PLAN_YEAR_WORDS_RE = re.compile(r"今年|明年")
REVIEW_YEAR_WORDS_RE = re.compile(r"去年|过去(?:的)?一年|一年来|刚刚过去的")
#: Words of several years (a plan period's review or outlook).
SEVERAL_YEARS_WORDS_RE = re.compile(r"五年|十[一二三四五六七八九]五|规划期")
#: A part without a title keyword is an outlook when it speaks this often of several years and
#: never of the plan year.
OUTLOOK_MIN_SEVERAL_YEARS = 3
#: Markers of past results (a review) and of plans (a plan part), counted in a part's text.
PAST_MARKER_RES = [re.compile(p) for p in (r"过去一年", r"一年来", r"去年", r"了[，,。；]", r"取得", r"完成", r"实现", r"建成", r"获批")]
FUTURE_MARKER_RES = [re.compile(p) for p in (r"今年", r"明年", r"要", r"将", r"力争", r"加快", r"推动", r"确保")]
#: A glossary block starts at a short line like these and runs to the end of the document.
GLOSSARY_LINE_RE = re.compile(r"^(附件\s*\d*\s*[:：]?\s*)?(有关)?(名词解释|名词注释|注释|术语解释)\s*[:：]?$")
#: 附件 on its own line right before a glossary belongs to it.
ANNEX_LINE_RE = re.compile(r"^附件\s*\d*\s*[:：]?$")
#: Openings of the paragraphs that close a review part ("过去一年……", "各位代表!……").
CLOSING_OPENERS = (
    "过去一年", "过去五年", "回顾过去", "这些成绩的取得", "成绩来之不易", "各位代表",
    "与此同时", "此外,我区", "一年来,", "五年来,",
)
#: A paragraph that states the general requirements ("总体要求是").
REQUIREMENTS_TRIGGER_RE = re.compile(
    r"(总体要求是|总体思路是|指导思想是|做好\d{4}年[^。,，]{0,12}工作[,，]\s*要|以习近平新时代中国特色社会主义思想为指导)"
)
