"""compare's contrasts and charts: ties named together, levels never ranked or charted with
rates, the rate cited without the level printed beside it, a range target charted in its unit."""

from __future__ import annotations

import io

from rich.console import Console

from schemas.document import DocumentMetadata
from schemas.summary import DocumentSource, DocumentSummary, Metric, Target
from summarizer.aggregate.compare import build_comparison, ranked
from summarizer.render.comparison import markdown, print_comparison

from tests.test_track import result, target


def _quoted(item: Target | Metric, quote: str) -> Target | Metric:
    return item.model_copy(update={"source": item.source.model_copy(update={"quote": quote})})


def _report(region: str, targets: list[Target] = (), metrics: list[Metric] = ()) -> DocumentSummary:
    return DocumentSummary(
        source=DocumentSource(path=f"c/{region}_2026.txt", sha256="0" * 64, chars=1, encoding="utf-8"),
        metadata=DocumentMetadata(region=region, doc_type="政府工作报告", review_year=2025, plan_year=2026),
        targets=[_quoted(t, t.indicator + t.target) for t in targets],
        headline_metrics=[_quoted(m, m.indicator + (m.value or "") + "、" + (m.change or "")) for m in metrics],
    )


GDP = "地区生产总值"


def test_ties_are_named_together():
    gdp = ["增长4.5%左右", "增长5%左右", "增长4.5%左右", "增长5.5%左右", "增长4.5%左右", "增长5.5%左右"]
    c = build_comparison([_report(f"{n}省", [target(GDP, g)]) for n, g in zip("甲乙丙丁戊己", gdp)])
    assert c.contrasts == ["地区生产总值目标:丁省、己省最高(增长5.5%左右),甲省、丙省、戊省最低(增长4.5%左右)。"]


def test_tied_figures_printed_differently_are_each_cited():
    c = build_comparison([_report("甲省", [target(GDP, "增长4.5%左右")]), _report("乙省", [target(GDP, "增长4.5%")]), _report("丙省", [target(GDP, "增长6%")])])
    assert c.contrasts == ["地区生产总值目标:丙省最高(增长6%),甲省、乙省最低(增长4.5%左右、增长4.5%)。"]


def test_a_rate_is_cited_without_the_level_beside_it():
    incomes = [("上海市", "9.2万元", "增长4.1%"), ("陕西省", None, "增长5.6%"), ("云南省", None, "增长4.6%")]
    c = build_comparison([_report(r, metrics=[result("居民人均可支配收入", value=v, change=ch)]) for r, v, ch in incomes])
    assert c.contrasts == ["居民人均可支配收入增速:陕西省最高(增长5.6%),上海市最低(增长4.1%)。"]
    assert c.metrics[0].cells["上海市"].text == "9.2万元 增长4.1%"  # the table shows all that is printed


def test_levels_are_never_ranked_or_charted_with_rates():
    c = build_comparison([
        _report("甲省", [target("居民人均可支配收入", "增长5%")]),
        _report("乙省", [target("居民人均可支配收入", "增长6%")]),
        _report("丙省", [target("居民人均可支配收入", "达到5.2%")]),
        _report("丁省", [target("城镇调查失业率", "5.5%左右")]),
        _report("戊省", [target("城镇调查失业率", "5%以内")]),
    ])
    income = next(r for r in c.targets if r.indicator == "居民人均可支配收入")
    assert {label: cell.kind for label, cell in income.cells.items()} == {"甲省": "rate", "乙省": "rate", "丙省": "level"}
    assert [label for label, _ in ranked(income)] == ["甲省", "乙省"]
    assert c.contrasts == ["城镇调查失业率目标:丁省最高(5.5%左右),戊省最低(5%以内)。", "居民人均可支配收入目标:乙省最高(增长6%),甲省最低(增长5%)。"]
    buf = io.StringIO()
    print_comparison(c, Console(file=buf, width=100, color_system=None))
    chart = buf.getvalue().split("居民人均可支配收入 target (%)")[1].split("\n\n")[0]
    assert "甲省" in chart and "乙省" in chart and "丙省" not in chart


def test_a_range_target_is_charted_in_its_unit():
    """增长4.5-5% prints its unit once, after the range: the rules take it from the end
    (rules/targets.py); compare reads it as track does, a rate in %, charted from its lower end,
    and so does a target a model gave without a unit."""
    ranged = target(GDP, "增长4.5-5%")
    assert ranged.unit == "%" and (ranged.number, ranged.upper) == (4.5, 5.0)
    unitless = build_comparison([_report("黑龙江省", [ranged.model_copy(update={"unit": None})]), _report("吉林省", [target(GDP, "增长5%左右")])])
    assert (unitless.targets[0].cells["黑龙江省"].number, unitless.targets[0].cells["黑龙江省"].kind) == (4.5, "rate")
    c = build_comparison([_report("黑龙江省", [ranged]), _report("吉林省", [target(GDP, "增长5%左右")]), _report("山西省", [target(GDP, "增长4.5%—5%")])])
    cells = c.targets[0].cells
    assert (cells["黑龙江省"].number, cells["黑龙江省"].kind) == (4.5, "rate")
    assert c.contrasts == ["地区生产总值目标:吉林省最高(增长5%左右),黑龙江省、山西省最低(增长4.5-5%、增长4.5%—5%)。"]
    buf = io.StringIO()
    print_comparison(c, Console(file=buf, width=100, color_system=None))
    chart = buf.getvalue().split("地区生产总值 target (%)")[1]
    assert "黑龙江省" in chart.split("\n\n")[0]
    assert "黑龙江省" in markdown(c).split("## Contrasts")[1]


def test_compare_on_report_files_never_takes_a_product_groups_exports(tmp_path):
    """Through the command line: 甲省 prints only the exports of “新三样”, so its 出口 cell is empty
    and no contrast ranks it; 乙省's exports are its own."""
    import json

    from typer.testing import CliRunner

    from summarizer.cli import app

    head = "2026年{p}政府工作报告\n各位代表：\n现在，我代表{p}人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n"
    plan = "\n二、2026年工作安排\n今年主要预期目标是：地区生产总值增长5%左右。\n"
    (tmp_path / "甲省_2026.txt").write_text(head.format(p="甲省") + "过去一年，全省地区生产总值增长5.6%，新能源汽车、锂电池“新三样”出口增长88%。" + plan, encoding="utf-8")
    (tmp_path / "乙省_2026.txt").write_text(head.format(p="乙省") + "过去一年，全省地区生产总值增长5.2%，出口增长6.1%。" + plan, encoding="utf-8")
    result = CliRunner().invoke(app, ["compare", str(tmp_path / "甲省_2026.txt"), str(tmp_path / "乙省_2026.txt"), "--no-model", "--json", "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    exports = next(row for row in data["metrics"] if row["indicator"] == "出口")
    assert list(exports["cells"]) == ["乙省"] and exports["cells"]["乙省"]["text"] == "增长6.1%"
    assert not any("88%" in c for c in data["contrasts"])
