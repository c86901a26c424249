"""Problems: how a report admits its difficulties and lists them."""

from __future__ import annotations

import re

from summarizer.lexicon.headings import CIRCLED
from summarizer.lexicon.numbers import CN_DIGITS

#: An admission that opens the problems passage: 清醒认识到/看到 on its own, or 也要看到 / 必须看到
#: with a difficulty named in the same sentence, or "把问题说透". The match ends after the verb.
_DIFFICULTY = r"(?:困难|挑战|问题|不足|短板|弱项|差距|矛盾|压力|风险|薄弱环节)"
PROBLEMS_TRIGGER_RE = re.compile(
    r"(?:清醒(?:地)?(?:认识|看|意识)到|清醒认识|把问题说透|问题(?:也|同样)?不容忽视|不容忽视的是"
    rf"|(?:也|还|同时|但)(?:要|应|应当|必须)?(?:清醒(?:地)?)?(?:看到|认识到)(?=[^。]{{0,60}}?{_DIFFICULTY})"
    rf"|必须(?:清醒(?:地)?)?(?:看到|认识到)(?=[^。]{{0,60}}?{_DIFFICULTY}))"
)
#: A plain statement of difficulties, for a review without an admission phrase.
PROBLEMS_WEAK_TRIGGER_RE = re.compile(
    rf"(?:面临|存在|遇到|还有)(?:着)?(?:一些|不少|诸多|许多|不小|较多|很多|多重)[^。；;，,]{{0,10}}?{_DIFFICULTY}"
)
#: How many characters may follow a plain statement's trigger in a sentence that only announces
#: the difficulties ("……存在一些突出矛盾和问题。": "和问题。").
ANNOUNCE_TAIL_MAX = 8
#: A lead that only announces the difficulties ("……还面临不少困难和挑战").
PROBLEMS_SUMMARY_RE = re.compile(r"(?:面临|存在|遇到|还有|有|面对)[^，,。]{0,16}(?:困难|挑战|问题|不足|短板|弱项)|^[，,]?[^，,。]{0,10}(?:困难|挑战|问题|不足)[^，,。]{0,3}$")
#: "主要是：" and its kin between the lead and the list.
PROBLEMS_LIST_LEAD_RE = re.compile(r"\s*(?:主要是|主要表现在|主要表现为|具体表现为|突出表现在|主要有|集中表现在)\s*[：:，,]?")
#: A sentence that answers the problems: the passage ends before it.
PROBLEMS_RESPONSE_RE = re.compile(
    r"(高度重视|切实(加以)?解决|认真(加以)?解决|努力(加以)?解决|着力解决|采取(有力|有效|切实)?措施|我们(将|要|一定|必须|决心)"
    r"|^对此|对(?:于)?(?:这些|以上|上述)(?:问题|困难|矛盾)|^\s*(?:这些|以上|上述)(?:问题|困难|矛盾)|针对这些|下大力气|加以改进|认真对待|在今后工作中|在今后的工作中)"
)
#: A clause opening like this answers the problems before it ("必须直面问题", "要坚持问题导向").
PROBLEMS_RESPONSE_OPENERS = ("必须", "我们将", "我们要", "我们一定", "要坚持", "要直面", "对此", "对这些", "对于这些", "对上述", "对于上述", "对以上", "对于以上")
#: A first clause that only frames the next ("同先进地区相比，营商环境存在差距", "从总体看"): an
#: item's summary runs on to the clause it frames.
PROBLEM_FRAME_CLAUSE_RE = re.compile(
    r"(?:^(?:同|与|和|跟|较|相较于|相对于).{1,16}(?:相比|比较|相较|而言)|^(?:从|就).{0,12}(?:看|来看|而言|来说)"
    r"|^(?:总的|总体|整体|客观)(?:上)?(?:来看|看|而言|来说|地看)|^受.{1,16}影响|^在.{1,24}(?:中|下|时|方面|领域|路上)"
    r"|^[^，,]{0,6}路上|^(?:我们)?(?:也|还|同时)?(?:要|应|必须)?清醒(?:地)?(?:看到|认识到|意识到))$"
)
#: A paragraph that continues an enumerated problems list.
#: The marker of a problem in a list (一是, (1), ①, ——).
PROBLEM_ITEM_MARKER = rf"(?:[{CN_DIGITS}]{{1,2}}是|[(（]\d{{1,2}}[)）]|[{CIRCLED}]|——)"
PROBLEMS_CONTINUATION_RE = re.compile(r"\s*" + PROBLEM_ITEM_MARKER)
#: Words that make a clause state a problem of its own (for splitting lists at ，).
PROBLEM_PREDICATE_RE = re.compile(
    r"(不足|不够|不强|不高|不大|不快|不优|不多|不稳|不牢|不振|不畅|不平衡|不充分|不到位|不健全|不完善|不适应|不匹配|不容忽视|不及预期|"
    r"偏弱|偏慢|偏小|偏低|偏高|偏少|乏力|困难|压力|承压|短板|弱项|薄弱|滞后|突出|较多|较大|较重|较弱|较低|艰巨|有待|亟待|亟需|"
    r"仍需|还需|尚需|需要|尚未|仍然|依然|存在|问题|矛盾|风险|隐患|下滑|下降|加大|加深|增加|差距|制约|瓶颈|堵点|难度|欠缺|缺乏|"
    r"未达到|放缓|严峻|复杂|紧张|任重道远|不少|还要|有差距)"
)
#: A clause opening like this has no subject of its own: it continues the problem before it.
PROBLEM_NO_SUBJECT_OPENERS = (
    "需要", "还需", "仍需", "尚需", "亟需", "亟待", "有待", "特别是", "尤其是", "导致", "影响", "使得", "从而", "但", "而且",
    "并且", "且", "也", "还要", "需", "比如", "如", "甚至", "以及", "进而",
)
#: A problem's text does not end on 等等 ("……等等。").
ET_CETERA = "等等"
