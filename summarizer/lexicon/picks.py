"""Picks: what makes a sentence of an area worth showing first, or never (rules.picks)."""

from __future__ import annotations

import re

from summarizer.lexicon.numbers import CN_DIGITS

#: Words that say something was achieved (review areas).
RESULT_WORDS = (
    "建成", "完成", "开通", "通车", "获批", "获评", "入选", "落地", "投用", "投产", "竣工", "开工", "揭牌", "启用",
    "首次", "首个", "首家", "第一", "前列", "新高", "突破", "达到", "实现", "新增", "增长", "提升至", "位居", "荣获",
    "成功举办", "创建", "成为", "认定", "挂牌", "签约", "引进", "落户", "清零", "覆盖",
)
#: Words that make a commitment concrete (task areas).
COMMITMENT_WORDS = (
    "建成", "完成", "开工", "新建", "新增", "改造", "开通", "办好", "举办", "出台", "制定", "修订", "力争", "不少于",
    "以上", "确保", "启动", "投用", "年底", "年内", "全面完成", "全覆盖", "清零", "实施", "达到", "突破", "争创",
)
#: Openers of a policy line: a method, not an outcome, unless the sentence goes on to report one.
POLICY_OPENERS = (
    "坚持", "深入实施", "全面落实", "深入推进", "持续", "着力", "加快", "大力", "积极", "不断", "扎实", "统筹", "强化",
    "健全", "完善", "优化", "深化", "推动", "促进", "加强", "聚焦", "围绕", "坚定", "牢固", "始终", "全力", "更加",
    "进一步", "切实", "主动",
)
#: Sentences that are no result and no commitment: lessons, a long-range vision, an answer.
NOT_A_RESULT_RE = re.compile(
    r"(?:深刻体会|深切体会|启示|经验|到20[3-5]\d年|远景目标|展望|对于这些问题|对此|我们将|我们一定|必须|这些成绩的取得|成绩来之不易)"
)
#: Things named in a sentence (a regulation, a programme, an event).
NAMED_THING_RE = re.compile(rf"《[^》]{{2,30}}》|“[^”]{{2,20}}”|第[{CN_DIGITS}\d]+[届批期]|\d+号线")
#: The marker of a sub-heading lead (一是, (一), (1), 1.), and the optional one a sentence opens
#: with before its first words (一是坚持……).
LEAD_MARKER_RE = re.compile(rf"^\s*(?:[{CN_DIGITS}]{{1,2}}是|[(（][{CN_DIGITS}\d]{{1,2}}[)）]|\d{{1,2}}[.、．])")
OPENING_MARKER_RE = re.compile(rf"^[\s　]*(?:[{CN_DIGITS}]{{1,2}}是|[(（][{CN_DIGITS}\d]{{1,2}}[)）])?")
