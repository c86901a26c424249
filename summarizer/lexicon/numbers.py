"""Numbers as printed: Chinese numerals and magnitudes, units, rates, approximations, ranges."""

from __future__ import annotations

#: Units as printed, longest first, with their scale against the base unit of their family.
UNITS: list[tuple[str, str, float]] = [
    # (unit, family, factor to the family's base)
    ("万亿元", "yuan", 1e12), ("千亿元", "yuan", 1e11), ("百亿元", "yuan", 1e10),
    ("亿元", "yuan", 1e8), ("千万元", "yuan", 1e7), ("百万元", "yuan", 1e6), ("万元", "yuan", 1e4),
    ("元", "yuan", 1.0),
    ("万美元", "usd", 1e4), ("亿美元", "usd", 1e8), ("美元", "usd", 1.0),
    ("个百分点", "pp", 1.0), ("百分点", "pp", 1.0),
    ("%", "pct", 1.0), ("％", "pct", 1.0), ("倍", "times", 1.0),
    ("万平方米", "m2", 1e4), ("平方米", "m2", 1.0), ("平方公里", "km2", 1.0), ("公顷", "ha", 1.0),
    ("万亩", "mu", 1e4), ("亩", "mu", 1.0),
    ("公里", "km", 1.0), ("千米", "km", 1.0), ("米", "m", 1.0),
    ("万人次", "person_times", 1e4), ("人次", "person_times", 1.0),
    ("万人", "person", 1e4), ("人", "person", 1.0),
    ("万户", "household", 1e4), ("户", "household", 1.0),
    ("万个", "count", 1e4), ("万家", "count", 1e4), ("万套", "count", 1e4), ("万间", "count", 1e4),
    ("万辆", "count", 1e4), ("亿吨", "ton", 1e8), ("万吨", "ton", 1e4), ("吨", "ton", 1.0),
    ("万亿斤", "jin", 1e12), ("亿斤", "jin", 1e8), ("万斤", "jin", 1e4), ("公斤", "kg", 1.0), ("斤", "jin", 1.0),
    ("亿千瓦时", "kwh", 1e8), ("万千瓦时", "kwh", 1e4), ("千瓦时", "kwh", 1.0), ("万千瓦", "kw", 1e4), ("千瓦", "kw", 1.0),
    ("万标箱", "teu", 1e4), ("标箱", "teu", 1.0), ("万元/人", "yuan_per_person", 1e4), ("元/人", "yuan_per_person", 1.0),
    ("岁", "years_of_age", 1.0),
]
#: Count words: a number followed by one of these is a count (no scale).
COUNT_UNITS = "个家所项套间座条台辆支名批场次件宗处栋张份款只株棵类期轮所"
#: Chinese numerals with their values, for 八千亿, 三成, 千亿.
CN_NUM = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
#: The big magnitudes, 万 (10⁴) and 亿 (10⁸): after a numeral (八千亿) or an Arabic number (3.1万户).
WAN, YI = "万", "亿"
CN_BIG_UNITS = {WAN: 1e4, YI: 1e8}
#: Every character of a Chinese numeral (一亿二千万, 两万), and those of them that make it a number
#: rather than a zero or a bare magnitude (万元GDP: a unit).
CN_NUMERAL_CHARS = "".join(CN_NUM) + "".join(CN_SMALL_UNITS) + "".join(CN_BIG_UNITS)
CN_NONZERO_CHARS = "".join(d for d, value in CN_NUM.items() if value) + "".join(CN_SMALL_UNITS)
#: A numeral followed by 成 counts tenths: 三成 is 30%.
TENTHS = "成"
#: Chinese numerals used in headings and inline enumerations, in order; 十 makes the tens (十二, 二十).
CN_DIGITS = "一二三四五六七八九十"
CN_TEN = "十"
CN_ORDINALS = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十",
]
#: Words after a number that make it approximate (3300余万元, 2000多家).
APPROX_WORDS = ("余", "多")
#: Units of a rate: per cent (also full-width), percentage points (百分点 is 个百分点 said short)
#: and times (增长1倍); a rate's unit read as one of two (％ is %, 百分点 is 个百分点).
PERCENT_SIGNS = ("%", "％")
POINTS, POINTS_SHORT = "个百分点", "百分点"
POINT_UNITS = (POINTS, POINTS_SHORT)
TIMES = "倍"
RATE_UNIT_READINGS = {"%": "%", "％": "%", POINTS: POINTS, POINTS_SHORT: POINTS}
#: What stands between the two ends of a range (4.5-5%, 5%—5.5%, 5至6%).
RANGE_MARKS = "-—–~～至到"
