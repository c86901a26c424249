"""Time scope: words that put a sentence in the review year, several years or the plan."""

from __future__ import annotations

import re

#: What follows a year's number (2025年), and what after it makes a paragraph open on that year
#: (2026年是……, 2026年，……).
YEAR_WORD = "年"
YEAR_OPENS = r"(?:是|，|,)"
#: The period of a figure of the whole year, as printed (the default of a figure without one).
FULL_YEAR = "全年"
#: An average over years (年均增长6%): never the figure or the target of one year.
ANNUAL_AVERAGE = "年均"
#: 以来 after a time (2020年以来) looks back from the review: a word of the review year.
REVIEW_SINCE = "以来"
#: A paragraph of a review part that speaks of several years (the five-year review of a report
#: that closes a plan period): one of these in its first sentences.
MULTI_YEAR_OPENING_RE = re.compile(
    r"(?:这|过去|过去的|回首过去|回望过去|回顾过去|近)五年|五年来|五年间|的五年[，,。！!]"
    r"|(?:^|[。！!？?])(?:——)?“?十[一二三四五六七八九]五”?(?:时期|以来)"
)
#: A paragraph of a review part that returns to the review year ("刚刚过去的2025年，……", "一年来，……").
SINGLE_YEAR_OPENING_RE = re.compile(
    r"^(?:各位代表[！!，,：:]\s*)?(?:过去(?:的)?一年|刚刚过去的|一年来|这一年|去年|(?:19|20)\d{2}年(?:是|，|,|极|很|在|我们|全省|全市|全区|全国|全年|以来))"
)
#: Inside a paragraph of several years, a sentence that turns to the review year by these words
#: ends the passage ("过去五年，……。过去一年，……"); a sentence opening on the year's number
#: ("2007年，国内生产总值达到24.66万亿元，比2002年增长65.5%") is still part of the five years.
BACK_TO_THE_YEAR_RE = re.compile(r"^(?:各位代表[！!，,：:]\s*)?(?:过去(?:的)?一年|刚刚过去的|一年来|这一年|去年)")
#: A part whose title names one year (2025年, 一年) is no passage of several years, whatever else it says.
ONE_YEAR_TITLE_RE = re.compile(r"20\d{2}年|一年")
#: Period label of a headline figure read in such a passage.
MULTI_YEAR_PERIOD = "五年"
#: A sentence that speaks of several years whatever paragraph it sits in ("五年来，地区生产总值
#: 年均增长6%", "“十四五”时期累计完成投资……").
MULTI_YEAR_SENTENCE_RE = re.compile(r"五年来|五年间|过去五年|这五年|近五年|十[一二三四五六七八九]五”?(?:时期|期间|以来)|年均|(?:^|[。；;，,])五年(?![规计内前后])")
#: A sentence that speaks of the review year by name or by one of these words.
REVIEW_YEAR_SENTENCE_RE = re.compile(r"去年|过去(?:的)?一年|一年来|刚刚过去的")
#: A sentence that speaks of the plan: its year, its targets or what is to be done.
PLAN_SENTENCE_RE = re.compile(r"今年|明年|目标|预期|力争|确保|争取|计划|要(?:实现|确保|推动|着力|加快|坚持)|将(?:实现|达到|力争)")
#: A paragraph that opens on the plan year: the plan begins there (今年是……, 做好今年的工作……).
PLAN_OPENING_RE = re.compile(r"^(?:各位代表[！!，,：:]\s*)?(?:(?:今年|明年)(?:是|，|,|以来|经济社会发展|要|我们|政府工作)|做好今年)")
