"""The headline indicators as data: every canonical indicator's printed aliases name it, and the
names that only mention one (per head, per unit, a share of GDP, a relation between two
indicators) name none. Table-driven over lexicon.HEADLINE_INDICATORS, with the forms reports print.
And the lexicon as the place of the Chinese words: nine in ten of the package's Chinese string
literals are in it, each topic's names its own.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

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
    ("农村居民家庭人均纯收入", "农村居民人均纯收入"), ("居民消费价格总水平", "居民消费价格"), ("全社会消费品零售总额", "社会消费品零售总额"), ("社会消费品零售额", "社会消费品零售总额"),
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


# ---------------------------------------------------------------------------------------------
# The lexicon is where the Chinese words are
# ---------------------------------------------------------------------------------------------

PACKAGE = Path(__file__).resolve().parent.parent / "summarizer"
_CJK = re.compile("[\u4e00-\u9fff]")


def _chinese_literals(path: Path) -> int:
    """String constants with a Chinese character in a module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    return sum(
        1 for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and id(node) not in docstrings and _CJK.search(node.value)
    )


def test_nine_in_ten_chinese_literals_are_in_the_lexicon():
    lexicon = PACKAGE / "lexicon"
    counts = {p: _chinese_literals(p) for p in PACKAGE.rglob("*.py")}
    inside = sum(n for p, n in counts.items() if lexicon in p.parents)
    outside = {str(p.relative_to(PACKAGE)): n for p, n in counts.items() if n and lexicon not in p.parents}
    assert inside >= 0.9 * sum(counts.values()), sorted(outside.items(), key=lambda kv: -kv[1])


def test_no_name_is_defined_in_two_topics():
    """Every topic is star-imported into one namespace: a name defined twice would silently be
    the later topic's."""
    defined: dict[str, list[str]] = {}
    for path in sorted((PACKAGE / "lexicon").glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = node.targets if isinstance(node, ast.Assign) else []
            targets += [node.target] if isinstance(node, ast.AnnAssign) else []
            names = [n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)]
            names += [node.name] if isinstance(node, (ast.FunctionDef, ast.ClassDef)) else []
            for name in names:
                if not name.startswith("_"):
                    defined.setdefault(name, []).append(path.stem)
    assert {n: topics for n, topics in defined.items() if len(topics) > 1} == {}
