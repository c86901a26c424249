"""Views: the Chinese words the views print (table headings, section titles, the sentences of
contrast of a comparison), in one place (`rules.labels` is another thing: the names of figures)."""

from __future__ import annotations

from summarizer.lexicon.targets import BINDING, EXPECTED

#: The first column of every table of indicators.
INDICATOR_COLUMN = "指标"
#: Targets: a table's title (2026年目标), a column, and what a sentence of contrast ranks.
TARGETS = "目标"
#: The brief: its headline table (主要指标 2025) and targets table, the titles of its parts
#: (2026年任务), and the region of a report that never names one.
HEADLINE_TITLE = "主要指标"
HEADLINE_COLUMNS = (INDICATOR_COLUMN, "数值", "变化", "时期")
TARGET_COLUMNS = (INDICATOR_COLUMN, TARGETS, "类型")
ACHIEVEMENTS_TITLE = "成绩"
TASKS_TITLE = "任务"
PROBLEMS_TITLE = "问题"
UNKNOWN_REGION = "未知地区"
#: A target's kind as a brief shows it: binding, expected, or stated without a number.
TARGET_KINDS = {True: BINDING, False: EXPECTED, None: ""}
QUALITATIVE_KIND = "定性"
#: A comparison's sentences of contrast: what they rank (growth rates, targets), the sentence,
#: and the caveat on a figure that is not of the full year.
GROWTH = "增速"
CONTRAST = "{indicator}{what}:{hi_names}最高({hi_figures}),{lo_names}最低({lo_figures}){caveat}。"
PARTIAL_YEAR_CAVEAT = "({label}为{period}数据)"
