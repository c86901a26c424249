"""verify, with hand-made cases: what must be caught and what must pass."""

from __future__ import annotations

import pytest

from schemas.summary import VerificationStatus as V
from summarizer.rules.numbers import parse_cn_number, quantities, same_quantity
from summarizer.verify import Source, verify_change, verify_quote, verify_statement

SOURCE = Source(
    "初步核定,实现地区生产总值4759亿元,增长3%。一般公共预算收入263.2亿元,按自然口径计算下降9.9%。"
    "全市经济总量突破八千亿元。新增学位1.46万个,占比提高6.5个百分点。产业空间约三成。投资１５０亿元。"
)


def _q(text):
    return quantities(text)[0]


@pytest.mark.parametrize(
    "a,b,same",
    [
        ("八千亿", "8000亿元", True),
        ("千亿元", "1000亿元", True),
        ("1.5亿元", "15000万元", True),
        ("三成", "30%", True),
        ("１５０亿元", "150亿元", True),
        ("4759", "4759亿元", True),  # a bare number matches its printed digits
        ("6.5%", "6.5个百分点", False),
        ("3%", "3亿元", False),
        ("4758亿元", "4759亿元", False),
    ],
)
def test_same_quantity(a, b, same):
    assert same_quantity(_q(a), _q(b)) is same


def test_chinese_numerals():
    assert [parse_cn_number(s) for s in ("八千亿", "千亿", "十二", "两万", "一亿二千万", "一百零五")] == [8e11, 1e11, 12, 2e4, 1.2e8, 105]
    assert quantities("一是二是两个方面") == []  # ordinals and words are not quantities
    assert quantities("万元GDP水耗") == []  # 万 alone is a unit


def test_a_fabricated_number_is_caught():
    verdict = verify_statement("地区生产总值4800亿元,增长3%。", SOURCE)
    assert verdict.status == V.UNVERIFIED and "4800亿元" in verdict.reason


def test_numbers_in_other_printings_pass():
    assert verify_statement("经济总量突破8000亿元,新增学位14600个", SOURCE).status != V.UNVERIFIED
    assert verify_statement("地区生产总值增长3%", SOURCE).status != V.UNVERIFIED


def test_percent_is_not_percentage_point():
    assert verify_statement("占比提高6.5%", SOURCE).status == V.UNVERIFIED
    assert verify_statement("占比提高6.5个百分点", SOURCE).status != V.UNVERIFIED


def test_change_keeps_its_direction():
    assert verify_change("下降9.9%", SOURCE).status != V.UNVERIFIED
    assert verify_change("增长9.9%", SOURCE).status == V.UNVERIFIED
    assert verify_change("同比增长3%", SOURCE).status == V.FUZZY  # printed around other words, numbers agree


def test_quotes_exact_fuzzy_and_absent():
    exact = verify_quote("一般公共预算收入263.2亿元", SOURCE)
    assert exact.status == V.VERIFIED and SOURCE.text[exact.located.start : exact.located.end] == "一般公共预算收入263.2亿元"
    assert verify_quote("新增学位1.46万个", SOURCE).status == V.VERIFIED
    fuzzy = verify_quote("实现地区生产总值4759亿元增长3%", SOURCE)
    assert fuzzy.status == V.FUZZY
    assert verify_quote("打造世界一流营商环境", SOURCE).status == V.UNVERIFIED


def test_full_width_digits_and_punctuation_fold():
    assert verify_quote("投资150亿元", SOURCE).status == V.VERIFIED
    assert verify_quote("初步核定，实现地区生产总值4759亿元", SOURCE).status == V.VERIFIED


def test_cut_off_model_text_is_tidied_not_shown_half():
    from schemas.responses import COMMITMENT_MAX, SUMMARY_MAX
    from summarizer.model.strategies.abstractive import is_complete_phrase, tidy_commitment, tidy_summary

    long_commitment = "通过产业链大招商精准招引一批先进制造业上下游重大项目和具有产业凝聚力的重大创新平"
    assert len(long_commitment) == COMMITMENT_MAX
    assert tidy_commitment(long_commitment) == ""  # no clause boundary to fall back to
    assert tidy_commitment("加快推进深大城际、深惠城际大鹏支线、深汕高铁等轨道项目建设,推动外环高速三期开") == "加快推进深大城际、深惠城际大鹏支线、深汕高铁等轨道项目建设"
    assert not is_complete_phrase("打造国际科技及") and is_complete_phrase("新建幼儿园7所")
    cut = "科技引领型产业体系更加完善,科技成果转化模式更加完善,深圳市工程生物产业创新中心累计遴选9批合成生物企业,推动光明区累计"
    assert len(cut) >= SUMMARY_MAX - 1
    assert tidy_summary(cut) == "科技引领型产业体系更加完善,科技成果转化模式更加完善,深圳市工程生物产业创新中心累计遴选9批合成生物企业。"
