"""Names of figures: the words around a figure that say, or do not say, what it measures (rules.labels)."""

from __future__ import annotations

import re

from summarizer.lexicon.figures import BARE_METRIC_VERBS

#: Words left at the end of a figure's name that are no part of it (优良天数比例首次, ……分别).
TRAILING_ADVERBS = ("首次", "分别", "均", "持续", "再次", "稳定", "累计", "共", "全部", "已", "总计", "合计", "同比", "比上年", "全年", "年均")
#: Verbs that open a clause and count what follows them (the object is the indicator).
OBJECT_VERBS = ("推出", "提供", "精准帮扶", "帮扶", "帮助", "吸纳", "带动", "培训", "救助", "资助", "惠及", "招引", "发放")
#: A name that is only such a verb names nothing: the figure is named by what it counts.
COUNTING_VERBS = (*BARE_METRIC_VERBS, *OBJECT_VERBS, "签约", "认定", "创建", "获批", "入选", "启动", "组建", "建设")
#: Words that end the noun phrase after a figure (the predicate begins).
OBJECT_END_RE = re.compile(r"均|全部|都|已|达到|达|实现|获得|超过|提升|增长|下降")
#: A place is not what a figure counts ("全区27个河流断面").
PLACE_RE = re.compile(r"全[区市省县国州盟旗]|本[区市省县]")
