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
