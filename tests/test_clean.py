"""clean: page chrome goes, the report stays, and every character maps back to the original."""

from __future__ import annotations

import pytest

from summarizer.parse.clean import clean_text, is_chrome_line
from summarizer.read.reader import read_document

from tests.conftest import SEED_FILES, SEED_IDS

# (seed, a line of chrome that must go, a line of the report that must stay)
CHROME = [
    ("000", "首页 > 信息公开 > 政府信息公开", "一、2022年国民经济和社会发展执行情况"),
    ("000", "字号:", "(一)预期性指标"),
    ("000", "分享到:", "4.推进数字政府建设。"),
    ("001", "link之家", "政府工作报告"),
    ("001", "无邪的丝瓜", "各位代表:"),
    ("001", "网站标识码:4403070005", "有关名词解释"),
    ("002", "免责声明:", "宝安区2024年国民经济和社会发展计划"),
    ("003", "【字体:", "一、2022年国民经济和社会发展计划执行情况"),
    ("003", "文件已失效", "(九)聚焦共建共治共享,探索现代化治理新路径"),
    ("004", "发布时间:2023-05-06", "——地区生产总值1080亿元,增长14.0%(全市各行政区第一)。"),
]


def _seed(seed_id):
    return read_document(SEED_FILES[SEED_IDS.index(seed_id)])


@pytest.mark.parametrize("seed_id,chrome,body", CHROME)
def test_chrome_removed_body_kept(seed_id, chrome, body):
    clean = clean_text(_seed(seed_id).text)
    lines = clean.text.split("\n")
    assert not any(chrome in line for line in lines)
    assert any(line.startswith(body) for line in lines)
    assert any(chrome.split(">")[0].strip() in r.text for r in clean.removed)


@pytest.mark.parametrize("path", SEED_FILES, ids=SEED_IDS)
def test_every_cleaned_character_maps_to_its_original(path):
    raw = read_document(path)
    clean = clean_text(raw.text)
    assert len(clean.offsets) == len(clean.text)
    assert list(clean.offsets) == sorted(set(clean.offsets))  # strictly increasing
    for i, ch in enumerate(clean.text):
        orig = raw.text[clean.offsets[i]]
        assert ch == orig or (ch == " " and orig in " \t\u00a0\u3000") or (ch == "\n" and orig in "\r\n"), i


@pytest.mark.parametrize("path", SEED_FILES, ids=SEED_IDS)
def test_no_indentation_or_blank_lines_left(path):
    clean = clean_text(read_document(path).text)
    for line in clean.text.split("\n"):
        assert line and line == line.strip()
        assert "\u00a0" not in line and "\u3000" not in line


def test_whitespace_between_cjk_dropped_between_ascii_words_kept():
    clean = clean_text("标题\n一是 外部环境\u3000更趋复杂。PCT  国际 专利 Patent   Cooperation\n")
    assert "一是外部环境更趋复杂。PCT国际专利Patent Cooperation" in clean.text


def test_crlf_and_cr_line_ends():
    clean = clean_text("第一行\r\n\r\n第二行\r第三行")
    assert clean.text == "第一行\n第二行\n第三行"
    assert clean.original_slice(0, len(clean.text)) == "第一行\r\n\r\n第二行\r第三行"


def test_damaged_characters_counted_and_warned():
    clean = clean_text("一、执行情况\n地区生产总值\ufffd\ufffd亿元,增长3%。\n")
    assert clean.damaged_chars == 2
    assert any("2 damaged" in w for w in clean.warnings)


def test_footer_rule_needs_a_short_tail():
    body = "正文段落。" * 800
    clean = clean_text(f"标题\n一、执行情况\n{body}\n分享到:\n{body}\n")
    assert clean.text.count("正文段落") == 1600  # a share widget in the middle is not a footer


def test_to_original_maps_spans():
    original = "首页 > 信息公开\n\n\u3000\u3000一、执行情况\n\u3000\u3000正文。"
    clean = clean_text(original)
    start = clean.text.index("一、")
    a, b = clean.to_original(start, start + 6)
    assert original[a:b] == "一、执行情况"
    with pytest.raises(ValueError):
        clean.to_original(0, len(clean.text) + 1)


@pytest.mark.parametrize(
    "line,chrome",
    [
        ("当前位置: 首页 > 信息公开", True),
        ("来源:龙华区发展和改革局 日期:2023年07月03日 【字体:", True),
        ("• 输入网页链接,自动生成快照", True),
        ("网站地图 | 网站概况 | 版权保护", True),
        ("(一)预期性指标", False),
        ("2022年,面对复杂多变的内外部环境,全区上下坚持以习近平新时代中国特色社会主义思想为指导。", False),
        ("——地区生产总值增长8%;", False),
    ],
)
def test_chrome_line_patterns(line, chrome):
    assert is_chrome_line(line) is chrome


# ---------------------------------------------------------------------------------------------
# What does not change meaning, normalised once (full-width forms, lines broken inside sentences,
# a text without line breaks), with every cleaned character mapped to its original
# ---------------------------------------------------------------------------------------------


def _maps_back(original: str, c) -> None:
    from summarizer.parse.clean import normalised

    for i, ch in enumerate(c.text):
        o = c.offsets[i]
        inserted = i > 0 and c.offsets[i - 1] == o and ch == "\n"
        assert inserted or normalised(original[o]) == ch or (ch in " \n" and original[o].isspace()), (i, ch, original[o])


def test_full_width_figures_are_read_as_ascii_and_map_back():
    original = "一、过去一年工作回顾\n国内生产总值增长８．５％，ＧＤＰ总量达到１３．６５万亿元。"
    c = clean_text(original)
    assert "增长8.5%，GDP总量达到13.65万亿元。" in c.text
    assert "，" in c.text and "（" not in c.text  # Chinese punctuation stays as it is
    _maps_back(original, c)


def test_a_line_broken_inside_a_sentence_is_joined_and_headings_stay_lines():
    original = "二、2025年工作安排\n今年经济社会发展的\n主要预期目标\n是：地区生产总值增长5%左右；\n城镇调查失业率5.5%左右。\n（一）扩大内需\n贯彻《\n中华人民共和国预算法\n》，制定新的办法。"
    c = clean_text(original)
    lines = c.text.split("\n")
    assert lines[0] == "二、2025年工作安排"
    assert "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右；" in c.text
    assert "（一）扩大内需" in lines
    assert "贯彻《中华人民共和国预算法》，制定新的办法。" in lines
    _maps_back(original, c)


def test_title_date_and_speaker_lines_are_not_joined():
    original = "2025年某省政府工作报告\n——2025年1月14日在某省第十四届人民代表大会第三次会议上\n某省人民政府省长 某某\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。"
    # (the space between CJK characters goes, as everywhere)
    assert clean_text(original).text.split("\n")[:4] == [ln.replace(" ", "") for ln in original.split("\n")[:4]]


def test_a_wrapped_text_is_joined_inside_its_sentences():
    body = "过去一年，我们坚持稳中求进工作总基调，全市地区生产总值增长5.3%，一般公共预算收入增长2.1%，城镇新增就业62.2万人。"
    wrapped = "\n".join(body[i : i + 23] for i in range(0, len(body), 23))
    original = "一、2024年工作回顾\n" + "\n".join([wrapped] * 6)
    c = clean_text(original)
    assert c.text.split("\n")[1:] == [body] * 6
    _maps_back(original, c)


def test_a_text_without_line_breaks_is_broken_again_before_its_headings():
    para = "全市地区生产总值增长5.3%，一般公共预算收入增长2.1%，城镇新增就业62.2万人，各项事业取得新进展。" * 30
    original = "各位代表：现在，我代表市人民政府，向大会报告工作。一、2024年工作回顾" + para + "二、2025年工作安排今年要重点做好以下工作。（一）扩大内需" + para
    c = clean_text(original)
    lines = c.text.split("\n")
    assert any(ln.startswith("一、2024年工作回顾") for ln in lines)
    assert any(ln.startswith("二、2025年工作安排") for ln in lines)
    assert any(ln.startswith("（一）扩大内需") for ln in lines)
    _maps_back(original, c)
    assert c.to_original(0, len(c.text)) == (0, len(original))
