"""The robustness suite: every report of the corpus and the seeds, transformed in ways that keep
its meaning (tests/transforms.py: lines broken inside sentences, full-width figures, headings
without numbers, part titles without keywords, no title or speaker lines, the year's results
paragraph moved after the five-year review, no line breaks at all, traditional script, a web
page and a PDF around it), must give the same targets, headline metrics and problems passage as
the report itself (tests/robustness.py says what "the same" is).

The bar: at least 97% of (report, transform) pairs identical, and at least 90% for each
transform. `python -m bench.robustness` prints the table with the differences.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from tests.robustness import Outcome, format_table, report_paths, run, table
from tests.transforms import TRANSFORMS, full_width, remove_line_breaks, wrap_lines

from .test_corpus import _require_corpus

OVERALL_MIN = 0.97
EACH_MIN = 0.90


@pytest.fixture(scope="module", autouse=True)
def corpus_present():
    _require_corpus()


@lru_cache(maxsize=1)
def outcomes() -> tuple[Outcome, ...]:
    return tuple(run(report_paths(), TRANSFORMS))


def test_every_report_and_transform_is_run():
    paths = report_paths()
    assert len(paths) == 5 + 31 + 21 + 14
    assert len(outcomes()) == len(paths) * len(TRANSFORMS)


def test_the_same_facts_after_meaning_preserving_transforms():
    rows = table(list(outcomes()))
    print("\n" + format_table(rows))
    *per_transform, (_, n, same, _) = rows
    assert same / n >= OVERALL_MIN, format_table(rows)
    for name, n_t, same_t, _ in per_transform:
        assert same_t / n_t >= EACH_MIN, (name, same_t, n_t, [o.differences for o in outcomes() if o.transform == name and not o.same][:5])


def test_no_transform_crashes_the_rules():
    crashed = [o for o in outcomes() if any(d.split(":")[0].endswith(("Error", "Exception")) for d in o.differences)]
    assert not crashed, [(o.report, o.transform, o.differences) for o in crashed]


def test_the_transforms_change_the_text():
    """A transform that left the text as it was would pass without testing anything."""
    text = (
        "2025年某市政府工作报告\n各位代表：\n一、2024年工作回顾\n过去一年，全市地区生产总值增长5.3%，一般公共预算收入增长2.1%，"
        "城镇新增就业62.2万人，居民消费价格上涨0.2%。\n（一）产业发展\n新建项目120个，完成投资300亿元。\n"
        "二、2025年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。"
    )
    for t in TRANSFORMS:
        out = t.apply(text)
        assert out != text, t.name
    assert "５．３％" in full_width(text)
    assert "\n" not in remove_line_breaks(text)
    assert wrap_lines(text).count("\n") > text.count("\n")
