"""split + classify on the five sample reports, against the reference facts in seeds/expected."""

from __future__ import annotations

import pytest

from schemas.document import SectionKind
from summarizer.parse.document import areas, parse_bytes, parse_document

from tests.conftest import SEED_FILES, SEED_IDS, gold

DOCS = {p.name[:3]: parse_document(p) for p in SEED_FILES}


@pytest.mark.parametrize("seed", SEED_FILES, ids=SEED_IDS)
def test_metadata(seed):
    g = gold(seed)
    m = DOCS[seed.name[:3]].tree.metadata
    assert (m.region, m.doc_type, m.review_year, m.plan_year) == (g["region"], g["doc_type"], g["review_year"], g["plan_year"])


@pytest.mark.parametrize("seed", SEED_FILES, ids=SEED_IDS)
def test_review_and_task_areas(seed):
    g = gold(seed)
    tree = DOCS[seed.name[:3]].tree
    assert len(areas(tree, SectionKind.REVIEW)) == g["review_areas"]
    assert len(areas(tree, SectionKind.TASKS)) == g["task_areas"]


@pytest.mark.parametrize("seed", SEED_FILES, ids=SEED_IDS)
def test_problems_section_and_items(seed):
    g = gold(seed)
    problems = DOCS[seed.name[:3]].tree.of_kind(SectionKind.PROBLEMS)
    sections = [s for s in problems if s.level == 2]
    if not g["problems"]:
        assert problems == []
        return
    assert len(sections) == 1
    items = sections[0].children
    assert len(items) == len(g["problems"])
    assert [i.marker for i in items] == [f"{n}是" for n in "一二三四五六"[: len(items)]]
    # each item's short title carries the gist that the reference names
    for item, expected in zip(items, g["problems"]):
        head = expected.split(",")[0][:6]
        assert head[:4] in item.title, (item.title, expected)


@pytest.mark.parametrize("seed", SEED_FILES, ids=SEED_IDS)
def test_targets_section_holds_every_target(seed):
    g = gold(seed)
    doc = DOCS[seed.name[:3]]
    targets = doc.tree.of_kind(SectionKind.TARGETS)
    assert targets
    text = "\n".join(doc.text_of(s) for s in targets)
    for t in g["targets"]:
        assert t["target"] in text


@pytest.mark.parametrize("seed", SEED_FILES, ids=SEED_IDS)
def test_glossary_and_chrome_are_not_areas(seed):
    tree = DOCS[seed.name[:3]].tree
    glossary = tree.of_kind(SectionKind.GLOSSARY)
    assert bool(glossary) == (seed.name[:3] in ("001", "002"))
    for s in glossary:
        assert s.level == 1 and not s.children
        assert "名词解释" in s.title


def test_paths_are_unique_and_follow_markers():
    for doc in DOCS.values():
        paths = [s.path for s in doc.tree.walk()]
        assert len(paths) == len(set(paths))
    tree = DOCS["002"].tree
    s = tree.find("三 > (一) > 3 > (2)")
    assert s is not None and s.title == "大力培育软件和信息服务业" and s.level == 4
    assert tree.find("三 > (一) > 3").title == "发展壮大生产性服务业"


def test_heading_sharing_its_line_gets_a_short_title_and_keeps_its_body():
    doc = DOCS["000"]
    s = doc.tree.find("一 > (一)")
    assert s.title == "经济高质量发展基础更加牢固"
    assert doc.body_of(s).startswith("坚持稳中求进工作总基调")
    assert doc.text_of(s).startswith("(一)经济高质量发展基础更加牢固。坚持")


def test_derived_passages_in_the_government_work_report():
    tree = DOCS["001"].tree
    part = tree.find("二")
    kinds = [(c.path, c.kind) for c in part.children if c.derived]
    assert ("二 > 要求", SectionKind.REQUIREMENTS) in kinds
    assert ("二 > 目标", SectionKind.TARGETS) in kinds
    closing = tree.find("一 > 结语")
    assert closing is not None and closing.kind == SectionKind.OTHER
    assert tree.find("一 > (七)").clean_end <= closing.clean_start


def _tree(text: str):
    return parse_bytes(text.encode("utf-8"), "t.txt").tree


def test_full_width_and_ascii_markers_nest_by_rank():
    tree = _tree(
        "某某区2023年国民经济和社会发展计划\n"
        "一、2022年计划执行情况\n"
        "（一）经济运行\n"
        "1、工业生产稳定。全年增长5%。\n"
        "（1）先进制造业。占比提高。\n"
        "（2）传统产业。转型升级。\n"
        "2．投资稳步增长。完成1.5亿元。\n"
        "(二)民生改善\n"
        "二、2023年主要任务\n"
        "(一)推动产业发展\n"
    )
    paths = [s.path for s in tree.walk()]
    assert "一 > (一) > 1 > (1)" in paths and "一 > (一) > 1 > (2)" in paths
    assert "一 > (一) > 2" in paths and "一 > (二)" in paths and "二 > (一)" in paths
    assert tree.find("一").kind == SectionKind.REVIEW and tree.find("二 > (一)").kind == SectionKind.TASKS
    assert tree.metadata.region == "某某区" and tree.metadata.plan_year == 2023


def test_a_number_is_not_a_heading():
    tree = _tree("一、执行情况\n1.5亿元的资金已经到位。\n2022年完成投资。\n五、六个片区协同发展。\n二、主要任务\n")
    # decimals and years are body text; 五、 right after 一、 breaks the numbering, so it is too
    assert [s.path for s in tree.walk() if s.marker] == ["一", "二"]


def test_inline_enumeration_needs_a_boundary_and_a_run():
    tree = _tree("一、执行情况\n(一)概况\n我们统一是非标准。一是稳增长成效明显。投资增长。二是惠民生扎实推进。\n")
    items = tree.find("一 > (一)").children
    assert [i.marker for i in items] == ["一是", "二是"]
    assert items[0].title == "稳增长成效明显"
    lone = _tree("一、执行情况\n(一)概况\n一是只有一项,没有二。\n").find("一 > (一)")
    assert lone.children == []


def test_a_difficulty_mentioned_in_passing_is_no_problems_passage():
    tree = _tree("一、2022年工作回顾\n(一)经济\n面临不少困难和挑战,我们迎难而上。\n二、2023年工作安排\n(一)产业\n")
    assert tree.of_kind(SectionKind.PROBLEMS) == []


def test_a_plain_list_of_difficulties_is_a_problems_passage():
    tree = _tree(
        "一、2022年工作回顾\n(一)经济\n经济增长较快。\n当前仍面临不少困难和挑战,有效需求不足,部分企业经营困难,群众就业增收面临压力。\n"
        "二、2023年工作安排\n(一)产业\n"
    )
    (passage,) = tree.of_kind(SectionKind.PROBLEMS)
    assert passage.path.startswith("一")


def test_text_without_headings_is_one_section_with_a_warning():
    tree = _tree("这是一段没有任何标题的文字,讲述了某区的发展情况。" * 5)
    assert len(tree.sections) == 1 and tree.sections[0].path == "全文"
    assert any("no headings" in w for w in tree.warnings)


def test_a_list_nested_in_the_last_item_is_its_text_and_the_run_goes_on_after_it():
    body = "一是扩大内需。要加快推进。\n二是发展产业。要加快推进。\n三是坚持民生至上，增进群众福祉\n办好十件实事：\n一是建学校。\n二是修道路。\n四是加强安全。要加快推进。\n"
    tree = _tree("一、2022年工作回顾\n(一)经济\n增长较快。\n(二)民生\n增长较快。\n二、2023年工作安排\n" + body)
    part = tree.sections[-1] if tree.sections[-1].kind == SectionKind.TASKS else tree.sections[-2]
    assert [c.marker for c in part.children if c.inline] == ["一是", "二是", "三是", "四是"]


def test_an_annex_after_the_closing_words_is_no_part_of_the_plan():
    text = "一、2022年工作回顾\n(一)经济\n增长较快。\n二、2023年工作安排\n(一)产业\n要加快。\n(二)民生\n要加快。\n" + "各位代表！让我们团结奋斗。\n" * 3 + "附件1\n2023年十件民生实事\n一、为老年人提供服务。\n二、提升保障水平。\n三、治理污水。\n"
    tree = _tree(text)
    assert tree.sections[-1].path == "附件" and tree.sections[-1].kind == SectionKind.OTHER
    assert len([s for s in tree.sections if not s.derived]) == 2
