"""The headline indicators as data: every canonical indicator's printed aliases name it, and the
names that only mention one (per head, per unit, a share of GDP, a relation between two
indicators) name none. Table-driven over lexicon.HEADLINE_INDICATORS, with the forms reports print.
"""

from __future__ import annotations

import pytest

from summarizer import lexicon as lx
from summarizer.rules.figures import canonical_indicator

#: Printed names → the canonical indicator they are (national and local forms, region prefixes).
IS = [
    ("国内生产总值", "地区生产总值"), ("地区生产总值(GDP)", "地区生产总值"), ("全省地区生产总值", "地区生产总值"),
    ("全市生产总值", "地区生产总值"), ("经济增长", "地区生产总值"), ("GDP", "地区生产总值"),
    ("全国财政收入", "财政收入"), ("国家财政收入", "财政收入"), ("公共财政收入", "财政收入"),
    ("地方一般公共预算收入", "一般公共预算收入"), ("对外贸易总额", "外贸进出口总额"), ("进出口贸易总额", "外贸进出口总额"),
    ("外贸出口", "出口"), ("新增城镇就业", "城镇新增就业"), ("城镇新增就业人口", "城镇新增就业"),
    ("城镇居民家庭人均可支配收入", "城镇居民人均可支配收入"), ("农民人均纯收入", "农村居民人均纯收入"),
    ("农村居民家庭人均纯收入", "农村居民人均纯收入"), ("居民消费价格总水平", "居民消费价格"), ("全社会消费品零售总额", "社会消费品零售总额"),
    ("粮食总产量", "粮食产量"), ("规模以上工业增加值", "规上工业增加值"), ("城镇调查失业率", "城镇调查失业率"),
]
#: Names that mention a headline indicator without being it.
IS_NOT = [
    "人均地区生产总值", "人均国内生产总值", "单位国内生产总值能耗", "单位GDP二氧化碳排放", "单位地区生产总值能耗",
    "全员劳动生产率增速高于地区生产总值增速", "居民收入增长与经济增长同步", "研发经费支出相当于地区生产总值的比例",
    "数字经济核心产业增加值占地区生产总值比重", "万元地区生产总值用水量",
]


@pytest.mark.parametrize("printed,canonical", IS)
def test_an_alias_names_its_indicator(printed, canonical):
    assert canonical_indicator(printed) == canonical


@pytest.mark.parametrize("printed", IS_NOT)
def test_a_name_that_only_mentions_an_indicator_is_none(printed):
    assert canonical_indicator(printed) is None


def test_every_alias_of_the_lexicon_names_its_own_indicator():
    for canonical, aliases in lx.HEADLINE_INDICATORS:
        for alias in aliases:
            assert canonical_indicator(alias) == canonical, (alias, canonical)


def test_full_width_forms_are_their_ascii():
    assert "".join(lx.FULLWIDTH_FORMS.get(c, c) for c in "增长８．５％，ＧＤＰ") == "增长8.5%，GDP"
