"""The Chinese-language knowledge of the tool, as data.

Every heading pattern, keyword list and phrase that the pure stages (clean, split, classify,
rules, verify) recognise lives here, so that tuning the tool for a new kind of report means
editing one file. Nothing in this module does any work beyond compiling regular expressions.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------------------------------------
# Characters
# ---------------------------------------------------------------------------------------------

#: Whitespace that scraped pages put where an ASCII space or nothing belongs (zero-width ones included).
SPACE_CHARS = " \t\u00a0\u3000\u2002\u2003\u2009\u200b\u200c\u200d\u2060\ufeff"
#: Full-width forms that mean their ASCII form (８．５％, ＧＤＰ); read as ASCII everywhere. Chinese
#: punctuation (，：；（）) is not among them: it is how Chinese is written.
FULLWIDTH_FORMS = {
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
    **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
    "％": "%", "．": ".", "＋": "+", "－": "-", "﹪": "%",
}
#: The character that decoders put where a byte sequence was damaged.
DAMAGED_CHAR = "\ufffd"
#: Sentence terminators (full-width and the ASCII forms scraped pages often carry).
SENTENCE_END = "。；;！!？?"
#: A line that ends like this ends its sentence (or is a heading's or list's own line): the line
#: break after it is a paragraph's end. Closing quotes and brackets after it count with it.
LINE_END_MARKS = "。！？；：!?;:…"
LINE_CLOSERS = "”’」』）)》】"
#: A line that ends with one of these stops inside a sentence (……制定《⏎条例⏎》……, ……的⏎主要目标).
CONTINUING_LINE_ENDS = "，,、（(《“‘「『的是在为对把将了以并而从向于被由至按同"
#: A line that starts with one of these continues the line before.
CONTINUING_LINE_STARTS = "，,、。；;：:！？）)》」』”’%的了是并而或等"
#: A line that opens like this starts a paragraph of its own.
PARAGRAPH_OPENERS = ("——", "各位代表")
#: Punctuation inside a line that makes it running text rather than a title or a heading.
CLAUSE_MARKS = "，,、；;。：:"
#: In a wrapped text, a line without such punctuation is still running text from this length on
#: (titles, date and speaker lines are shorter), or when the line before ran on into it.
RUNNING_LINE_MIN = 20
#: A text is broken inside its sentences (a page's fixed-width lines) when at least this share of
#: its running-text lines end without a sentence end; its lines are then joined more freely.
WRAPPED_MIN_SHARE = 0.4
WRAPPED_MIN_LINES = 5
#: A line this long is a text that lost its line breaks: it is broken again before each heading
#: marker or paragraph opener that follows a sentence end.
LOST_BREAKS_LINE = 3000
#: Chinese numerals used in headings and inline enumerations, in order.
CN_DIGITS = "一二三四五六七八九十"
CN_ORDINALS = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十",
]

# ---------------------------------------------------------------------------------------------
# Page chrome (clean)
# ---------------------------------------------------------------------------------------------

#: A whole line that is navigation, a widget, a publication line or a footer element.
CHROME_LINE_PATTERNS = [
    r"^(当前位置|您的位置|你的位置|所在位置)\s*[:：]",  # breadcrumbs with a label
    r"^首页\s*[>＞›»]",  # breadcrumbs
    r"[>＞›»]\s*(信息公开|政务公开|政府信息公开|规划计划|发展规划|新闻中心|工作动态)",
    r"^(字号|字体|【字体|【字号)\s*[:：]?",
    r"【\s*(大|中|小)\s*(中|小)?\s*(小)?\s*】",
    r"(打印本页|关闭窗口|【打印】|【关闭】|保存本页|收藏本页|扫一扫在手机打开|在手机上打开)",
    r"^分享到\s*[:：]?",
    r"^(日期|发布日期|发布时间|信息来源|来源|发文机关|浏览次数|访问量|作者)\s*[:：].{0,80}$",
    r"(信息来源|发布时间|发布日期)\s*[:：]",
    r"^文件已失效$",
    r"^(网站地图|网站概况|版权保护|隐私声明|联系我们|网站标识码|ICP备|粤ICP|京ICP|备案号|主办单位|承办单位|技术支持|咨询投诉电话)",
    r"(网站标识码|ICP备\d|公网安备|备案号\s*[:：])",
    r"^(原文链接|免责声明)\s*[:：]?",
    r"^本站.{0,20}(部分信息来源|信息来源于)",
    r"^(TOP|top|Top|返回顶部|客服|电话|微信|微博|footer|header)$",
    # link-sharing sites that wrap a copied page
    r"^(添加链接|link之家|链接快照平台|相关文章推荐|相关推荐|热门推荐|猜你喜欢)$",
    r"^[•·●◆▪]\s*\S",
    r"\s[·•]\s.*\d+\s*(分钟|小时|天|周|月|年)前",
]
CHROME_LINE_RES = [re.compile(p) for p in CHROME_LINE_PATTERNS]
#: Only lines up to this length can be page chrome: body paragraphs are longer.
CHROME_MAX_LINE = 220
#: Short navigation labels (新闻, 政务) before the title are chrome when they stand alone.
NAV_LABEL_RE = re.compile(r"^[\u4e00-\u9fff]{1,4}$")
#: A line after which everything left is the site's footer.
FOOTER_START_RES = [
    re.compile(p)
    for p in (
        r"^分享到\s*[:：]?",
        r"^(网站地图|原文链接|免责声明)",
        r"^(扫一扫在手机打开|【打印本页】|【关闭窗口】)",
    )
]
#: The footer rule only fires when at most this much text follows the marker.
FOOTER_MAX_TAIL = 2500

# ---------------------------------------------------------------------------------------------
# Headings (split)
# ---------------------------------------------------------------------------------------------

_CN = "[一二三四五六七八九十]{1,3}"
#: Line-start heading styles, outermost first. The rank orders nesting: a heading nests under
#: the nearest open heading of a smaller rank.
HEADING_STYLES = [
    # (name, rank, regex matched at the start of a line; group "n" is the ordinal)
    ("part", 0, re.compile(rf"^第(?P<n>{_CN})(部分|章)\s*")),
    ("cn", 1, re.compile(rf"^(?P<n>{_CN})\s*[、.．]\s*")),
    ("paren_cn", 2, re.compile(rf"^[(（]\s*(?P<n>{_CN})\s*[)）]\s*")),
    ("num", 3, re.compile(r"^(?P<n>\d{1,2})\s*(?:[、．]|\.(?!\d))\s*")),
    ("paren_num", 4, re.compile(r"^[(（]\s*(?P<n>\d{1,2})\s*[)）]\s*")),
]
#: Unnumbered part headings ("2024年工作回顾", "2025年工作安排建议", "加强政府自身建设"): short lines
#: without sentence punctuation that say what part of a report they open.
PLAIN_HEADING_MAX = 24
PLAIN_HEADING_FORBIDDEN = "。，,；;：:！!？?、"
PLAIN_HEADING_RE = re.compile(
    r"(\d{4}年.{0,8}(工作|计划|安排|任务|目标|要求|回顾|总结|部署)|工作回顾|回顾|工作安排|工作建议|主要任务|重点工作|重点任务|"
    r"目标任务|总体要求|自身建设|政府建设|十[四五六]五)"
)
#: Unnumbered headings stand above numbered parts only when the first comes this far before them.
PLAIN_PART_MIN_LEAD = 1500
#: Short lines that are no part heading even when they match (title, source, salutation).
PLAIN_HEADING_NOT = ("政府工作报告", "计划执行情况", "各位代表", "来源", "名词解释", "注释")
#: Inline enumerations inside a paragraph: (name, rank, regex for one marker, ordinal kind).
#: A marker counts only after a sentence boundary and only as part of a run 一是, 二是, ...
INLINE_STYLES = [
    ("paren_num", 4, r"[(（]\s*(?P<n>\d{1,2})\s*[)）]", "num"),
    ("circled", 5, r"(?P<n>[①②③④⑤⑥⑦⑧⑨⑩])", "circled"),
    ("shi", 6, r"(?P<n>[一二三四五六七八九十]{1,2})\s*是", "cn"),
]
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
#: What may stand right before an inline marker: the start of the text or a boundary.
INLINE_BOUNDARY = "。；;：:！!？?，,\n "
#: An inline item alone on its line and at most this long is a heading in all but name.
INLINE_HEADING_MAX = 40
#: A heading line longer than this is a heading with its body on the same line.
TITLE_MAX = 48
#: A short title taken from a heading that shares its line with the body stops at one of these.
TITLE_STOPS = "。；;：:！!？?"

# ---------------------------------------------------------------------------------------------
# Section kinds (classify)
# ---------------------------------------------------------------------------------------------

#: Title keywords per kind, tried in this order (the first kind with a hit wins).
KIND_TITLE_KEYWORDS: list[tuple[str, tuple[str, ...]]] = [
    ("glossary", ("名词解释", "名词注释", "注释", "附注", "术语解释")),
    ("problems", ("存在的问题", "存在问题", "问题和不足", "问题与不足", "困难和问题", "困难和挑战", "不足之处")),
    ("review", ("执行情况", "工作回顾", "回顾", "主要成绩", "取得的成绩", "完成情况", "工作总结", "发展成就")),
    ("targets", ("主要目标", "预期目标", "预期性指标", "约束性指标", "主要指标", "目标任务")),
    ("requirements", ("总体要求", "总体思路", "指导思想", "基本思路")),
    ("measures", ("保障措施", "保障机制", "组织保障")),
    ("tasks", ("主要任务", "工作安排", "重点工作", "重点任务", "工作任务", "计划", "工作部署", "主要工作", "年工作")),
]
#: A part about the next plan period ("“十五五”时期主要目标任务"), not the plan year.
OUTLOOK_TITLE_RE = re.compile(r"(十[一二三四五六七八九]五|五年规划|[一-龥]{0,2}规划时期|未来五年|今后五年)")
#: A title that names a single year's work ("2026年工作安排", "关于2026年工作") is no outlook.
PLAN_YEAR_TITLE_RE = re.compile(r"\d{4}年(工作|重点|主要|经济|目标)|今年")
#: The government's own part ("全面加强政府自身建设", "努力建设人民满意政府"); "政府工作" alone is
#: no sign of it ("2025年政府工作任务", "对今年政府工作的建议" are the plan).
GOVERNMENT_TITLE_RE = re.compile(r"(政府自身建设|政府建设|政府治理|满意的?政府|服务型政府|法治政府|廉洁政府|自身建设|政府现代化|提升政府$|加强政府$)")
#: Words of a plan in a part's title: a title with one of them is no government part.
PLAN_TITLE_WORDS = ("任务", "建议", "部署", "安排", "今年", "目标")
#: Words that place a part's sentences in the plan year ("今年", "明年" of a plan) and in the
#: review year ("去年", "过去一年"), counted in a part's text with the plan and review years.
PLAN_YEAR_WORDS_RE = re.compile(r"今年|明年")
REVIEW_YEAR_WORDS_RE = re.compile(r"去年|过去(?:的)?一年|一年来|刚刚过去的")
#: Words of several years (a plan period's review or outlook).
SEVERAL_YEARS_WORDS_RE = re.compile(r"五年|十[一二三四五六七八九]五|规划期")
#: A part without a title keyword is an outlook when it speaks this often of several years and
#: never of the plan year.
OUTLOOK_MIN_SEVERAL_YEARS = 3
#: Markers of past results (a review) and of plans (a plan part), counted in a part's text.
PAST_MARKER_RES = [re.compile(p) for p in (r"过去一年", r"一年来", r"去年", r"了[，,。；]", r"取得", r"完成", r"实现", r"建成", r"获批")]
FUTURE_MARKER_RES = [re.compile(p) for p in (r"今年", r"明年", r"要", r"将", r"力争", r"加快", r"推动", r"确保")]
#: A glossary block starts at a short line like these and runs to the end of the document.
GLOSSARY_LINE_RE = re.compile(r"^(附件\s*\d*\s*[:：]?\s*)?(有关)?(名词解释|名词注释|注释|术语解释)\s*[:：]?$")
#: 附件 on its own line right before a glossary belongs to it.
ANNEX_LINE_RE = re.compile(r"^附件\s*\d*\s*[:：]?$")

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
#: A lead that only announces the difficulties ("……还面临不少困难和挑战").
PROBLEMS_SUMMARY_RE = re.compile(r"(?:面临|存在|遇到|还有|有|面对)[^，,。]{0,16}(?:困难|挑战|问题|不足|短板|弱项)|^[，,]?[^，,。]{0,10}(?:困难|挑战|问题|不足)[^，,。]{0,3}$")
#: "主要是：" and its kin between the lead and the list.
PROBLEMS_LIST_LEAD_RE = re.compile(r"\s*(?:主要是|主要表现在|主要表现为|具体表现为|突出表现在|主要有|集中表现在)\s*[：:，,]?")
#: A sentence that answers the problems: the passage ends before it.
PROBLEMS_RESPONSE_RE = re.compile(
    r"(高度重视|切实(加以)?解决|认真(加以)?解决|努力(加以)?解决|着力解决|采取(有力|有效|切实)?措施|我们(将|要|一定|必须|决心)"
    r"|^对此|对这些(问题|困难)|对(以上|上述)(问题|困难)|针对这些|下大力气|加以改进|认真对待|在今后工作中|在今后的工作中)"
)
#: A clause opening like this answers the problems before it ("必须直面问题", "要坚持问题导向").
PROBLEMS_RESPONSE_OPENERS = ("必须", "我们将", "我们要", "我们一定", "要坚持", "要直面", "对此", "对这些")
#: A paragraph that continues an enumerated problems list.
PROBLEMS_CONTINUATION_RE = re.compile(r"\s*(?:[一二三四五六七八九十]{1,2}是|[(（]\d{1,2}[)）]|[①②③④⑤⑥⑦⑧⑨⑩]|——)")
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
#: Openings of the paragraphs that close a review part ("过去一年……", "各位代表!……").
CLOSING_OPENERS = (
    "过去一年", "过去五年", "回顾过去", "这些成绩的取得", "成绩来之不易", "各位代表",
    "与此同时", "此外,我区", "一年来,", "五年来,",
)
#: A paragraph that introduces the target list ("主要目标如下", "主要预期目标是").
#: A line break may stand between its words (今年经济社会发展的主要预期目标⏎是：).
TARGETS_TRIGGER_RE = re.compile(
    r"(主要\n?(预期)?\n?目标\n?(建议)?\n?(如下|是|为)|主要\n?(经济)?\n?指标[^。]{0,20}(如下|是)|预期\n?目标\n?(建议)?\n?(如下|是|为)|主要预期性指标)"
)
#: Words of a plan period: a targets sentence with one of them before its trigger sets the
#: period's targets ("今后五年，……预期目标是……年均增长7%"), not the plan year's.
PERIOD_TARGETS_RE = re.compile(r"今后五年|未来五年|五年内|十[一二三四五六七八九]五|到(?:19|20)\d{2}年|年均|纲要")
#: How far before a trigger its paragraph is read for the plan year.
TRIGGER_CONTEXT_MAX = 400
#: Words of the plan year before a trigger (今年经济社会发展的主要预期目标是).
PLAN_YEAR_CONTEXT_RE = re.compile(r"今年|明年")
#: "经济增长预期目标为7%左右": the words a trigger ends with when the target's indicator stands
#: before it (stripped from that indicator).
TARGET_WORD_TAIL_RE = re.compile(r"的?(?:主要)?(?:预期)?(?:目标|指标)(?:建议)?$")
#: A sentence that speaks about the targets just listed ("确定4.5%左右的增长目标，……", "实现上述目标，
#: ……", "经济增长目标设定为6%左右，是……", "这里要着重说明，提出……"): the list is over.
TARGETS_AFTERWORD_RE = re.compile(
    r"^(?:这里要着重说明|需要说明的是|需要指出的是)|^(?:实现|完成|确定|提出|设定|上述|以上|这些|这一|这个)|^[^，,。]{0,12}目标(?:设定|定为|确定)"
)
#: A list read after its trigger goes on over at most this many lines (a list printed one target
#: per paragraph; "——" lines).
TARGET_LIST_MAX_LINES = 16
#: A clause that raises the stakes of the target before it ("、力争达到8%", "，在实际工作中争取更好结果").
TARGET_STRETCH_RE = re.compile(r"^(?:在实际工作中|根据实际情况|实际工作中)?(?:力争|努力争取|争取|努力)")
#: A clause that states a target without a number ("居民收入增长与经济增长同步").
QUALITATIVE_TARGET_WORDS = ("同步", "高于", "快于", "不低于", "一致", "正增长", "稳中提质", "保稳提质", "稳量提质", "合理水平",
                            "完成国家下达", "国家下达", "保持稳定", "持续改善", "达到国家要求", "优秀水平", "只增不减", "持平")
#: A paragraph that states the general requirements ("总体要求是").
REQUIREMENTS_TRIGGER_RE = re.compile(
    r"(总体要求是|总体思路是|指导思想是|做好\d{4}年[^。,，]{0,12}工作[,，]\s*要|以习近平新时代中国特色社会主义思想为指导)"
)

# ---------------------------------------------------------------------------------------------
# Document metadata
# ---------------------------------------------------------------------------------------------

DOC_TYPES = [
    # (doc_type, keywords in the title)
    ("政府工作报告", ("政府工作报告",)),
    ("计划执行情况与计划", ("国民经济和社会发展计划", "社会发展计划执行情况", "计划执行情况")),
]
DOC_TYPE_OTHER = "other"
#: Words that end in 区 but name no region.
REGION_STOPWORDS = {
    "全区", "我区", "本区", "辖区", "城区", "片区", "园区", "社区", "街区", "景区", "校区", "湾区",
    "新区", "先行区", "示范区", "合作区", "开发区", "高新区", "试验区", "自贸区", "功能区", "核心区",
    "老城区", "中心城区", "各区", "全市各区", "市辖区", "行政区", "保护区", "集聚区", "承载区", "风险区",
}
#: Where a report names itself: the first characters (title, congress, speaker, 我代表……人民政府)
#: and the last (the seal).
REGION_HEAD_CHARS = 1200
REGION_TAIL_CHARS = 200
_ADMIN_SUFFIX = r"(?:自治区|自治州|自治县|自治旗|特别行政区|地区|省|市|盟|县|区|旗|州)"
_GOV_NAME = rf"[\u4e00-\u9fff]{{1,14}}?{_ADMIN_SUFFIX}"
#: A government's name: at least two characters before an administrative suffix.
GOV_NAME_RE = re.compile(rf"[\u4e00-\u9fff]{{2,}}{_ADMIN_SUFFIX}")
#: Units above a district or county, printed before its name (深圳市光明区).
HIGHER_UNITS = ("省", "市", "自治区", "自治州", "地区", "盟")
REGION_SELF_RES = [
    # the congress the report is delivered to
    re.compile(rf"在(?P<r>{_GOV_NAME})第[一二三四五六七八九十]+届\s*人民代表大会"),
    # the speaker line: 四川省人民政府省长 施小琳, 北京市市长 殷勇, 西藏自治区代理主席 嘎玛泽登
    re.compile(rf"(?:^|\n|\s|日)(?P<r>{_GOV_NAME})(?:人民政府)?(?:代理|代)?(?:省长|市长|主席|区长|县长|州长|旗长|盟长)"),
    # 我代表北京市人民政府
    re.compile(rf"代表(?P<r>{_GOV_NAME})人民政府"),
    # the State Council
    re.compile(r"(?P<r>国务院)(?:总理|向大会)"),
    re.compile(r"我代表(?P<r>国务院)"),
]
#: How the body of a report without a title says what it is: the government, in its own name,
#: reports to the congress ("我代表国务院，向大会报告过去五年的工作", "我代表省人民政府，向大会报告工作").
DOC_TYPE_BODY_RES = [("政府工作报告", re.compile(r"作政府工作报告|我代表(?:[^，。]{0,16}人民政府|国务院)[，,]?\s*向[^。]{0,30}(?:作|报告)"))]
#: Province-level governments by the name their reports use for themselves, with the full name.
PROVINCES = {
    "北京": "北京市", "天津": "天津市", "上海": "上海市", "重庆": "重庆市", "河北": "河北省", "山西": "山西省",
    "辽宁": "辽宁省", "吉林": "吉林省", "黑龙江": "黑龙江省", "江苏": "江苏省", "浙江": "浙江省", "安徽": "安徽省",
    "福建": "福建省", "江西": "江西省", "山东": "山东省", "河南": "河南省", "湖北": "湖北省", "湖南": "湖南省",
    "广东": "广东省", "海南": "海南省", "四川": "四川省", "贵州": "贵州省", "云南": "云南省", "陕西": "陕西省",
    "甘肃": "甘肃省", "青海": "青海省", "台湾": "台湾省", "内蒙古": "内蒙古自治区", "广西": "广西壮族自治区",
    "西藏": "西藏自治区", "宁夏": "宁夏回族自治区", "新疆": "新疆维吾尔自治区", "香港": "香港特别行政区", "澳门": "澳门特别行政区",
}
#: How a province-level government speaks of itself (全省, 我省; 全区 of an autonomous region; 全市
#: of a municipality), by the suffix of its full name.
SELF_WORDS = {"省": ("全省", "我省"), "自治区": ("全区", "我区"), "市": ("全市", "我市")}
#: Where a report never names itself, the province it names most is taken only when it speaks of
#: itself as one (全省 at least this often) and names that province this often and this many
#: times more than any other.
PROVINCE_MIN_SELF_WORDS = 5
PROVINCE_MIN_MENTIONS = 5
PROVINCE_MARGIN = 3
#: The title: 2025年北京市政府工作报告, 深圳市光明区2022年国民经济和社会发展计划……
REGION_TITLE_RE = re.compile(
    r"^(?:\d{4}年)?(?P<r>[\u4e00-\u9fff]{2,16}?)(?:人民政府|政府)?(?:\d{4}年)?(?:政府工作报告|国民经济和社会发展|关于)"
)
#: The seal: 深圳市龙岗区人民政府 on a line of its own at the end.
REGION_SEAL_RE = re.compile(rf"(?:^|\n)(?P<r>{_GOV_NAME})人民政府\s*(?:\n|$)")
#: Province-level names printed without their suffix (2025年宁夏政府工作报告).
SHORT_PROVINCE_NAMES = ("内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门")
NATIONAL = "全国"
NATIONAL_NAMES = ("国务院", "中华人民共和国", "全国", "中央人民政府")
#: A unit starting like this is no name (全省, 本市, 我区, 各县).
REGION_NOT_PREFIXES = ("全", "本", "我", "各", "该", "此", "省", "市", "自治")
#: The year a report is delivered: the congress line.
DELIVERY_YEAR_RE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^\n]{0,30}人民代表大会")
YEAR_RE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年")
#: A year the review or plan of a report without years in its titles is read from: the two
#: consecutive years it names most (the review year and the plan year), at least this often each.
YEAR_PAIR_MIN_MENTIONS = 1
LATER_YEAR_MIN_MENTIONS = 5

# ---------------------------------------------------------------------------------------------
# Numbers and metrics (rules, verify)
# ---------------------------------------------------------------------------------------------

#: Units as printed, longest first, with their scale against the base unit of their family.
UNITS: list[tuple[str, str, float]] = [
    # (unit, family, factor to the family's base)
    ("万亿元", "yuan", 1e12), ("千亿元", "yuan", 1e11), ("百亿元", "yuan", 1e10),
    ("亿元", "yuan", 1e8), ("千万元", "yuan", 1e7), ("百万元", "yuan", 1e6), ("万元", "yuan", 1e4),
    ("元", "yuan", 1.0),
    ("万美元", "usd", 1e4), ("亿美元", "usd", 1e8), ("美元", "usd", 1.0),
    ("个百分点", "pp", 1.0), ("百分点", "pp", 1.0),
    ("%", "pct", 1.0), ("％", "pct", 1.0), ("倍", "times", 1.0),
    ("万平方米", "m2", 1e4), ("平方米", "m2", 1.0), ("平方公里", "km2", 1.0), ("公顷", "ha", 1.0),
    ("万亩", "mu", 1e4), ("亩", "mu", 1.0),
    ("公里", "km", 1.0), ("千米", "km", 1.0), ("米", "m", 1.0),
    ("万人次", "person_times", 1e4), ("人次", "person_times", 1.0),
    ("万人", "person", 1e4), ("人", "person", 1.0),
    ("万户", "household", 1e4), ("户", "household", 1.0),
    ("万个", "count", 1e4), ("万家", "count", 1e4), ("万套", "count", 1e4), ("万间", "count", 1e4),
    ("万辆", "count", 1e4), ("亿吨", "ton", 1e8), ("万吨", "ton", 1e4), ("吨", "ton", 1.0),
    ("万亿斤", "jin", 1e12), ("亿斤", "jin", 1e8), ("万斤", "jin", 1e4), ("公斤", "kg", 1.0), ("斤", "jin", 1.0),
    ("亿千瓦时", "kwh", 1e8), ("万千瓦时", "kwh", 1e4), ("千瓦时", "kwh", 1.0), ("万千瓦", "kw", 1e4), ("千瓦", "kw", 1.0),
    ("万标箱", "teu", 1e4), ("标箱", "teu", 1.0), ("万元/人", "yuan_per_person", 1e4), ("元/人", "yuan_per_person", 1.0),
    ("岁", "years_of_age", 1.0),
]
#: Count words: a number followed by one of these is a count (no scale).
COUNT_UNITS = "个家所项套间座条台辆支名批场次件宗处栋张份款只株棵类期轮所"
#: Chinese numerals with their values, for 八千亿, 三成, 千亿.
CN_NUM = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_BIG_UNITS = {"万": 1e4, "亿": 1e8}

#: Words of change, with their sign. 增速 and 增幅 state a growth rate.
CHANGE_WORDS = {
    "增长": 1, "增速": 1, "增幅": 1, "涨幅": 1, "提高": 1, "提升": 1, "上升": 1, "上涨": 1, "增加": 1, "正增长": 1,
    "下降": -1, "降低": -1, "减少": -1, "回落": -1, "负增长": -1, "收窄": -1,
    "微增": 1, "微涨": 1, "微降": -1,
}
#: Qualifiers printed before a change word (同比增长, 同口径增长, 按可比价格计算增长).
CHANGE_QUALIFIERS = ("同口径", "同比", "环比", "按可比价格计算", "按可比价计算", "按自然口径计算", "自然口径", "年均")
#: Comparators printed with targets, as they read.
COMPARATORS_AFTER = ("以上", "左右", "以内", "以下", "之内", "上下")
COMPARATORS_BEFORE = ("超过", "突破", "不低于", "不少于", "不高于", "不超过", "力争达到", "达到", "超", "达", "约", "近")
#: Verbs between an indicator and its target (城镇调查失业率控制在5.5%以内) that belong to neither.
TARGET_VERBS = ("控制在", "保持在", "稳定在", "继续保持", "保持", "稳定", "实现", "完成", "达到", "力争", "在", "为")
#: Verbs that stand between an indicator and its value; they belong to neither.
VALUE_VERBS = ("预计全年实现", "预计实现", "预计完成", "力争实现", "力争", "实现", "完成", "达到", "控制在", "保持在", "保持", "为", "达", "共", "累计", "推动完成",
               "平均值为", "平均值", "均值为", "均值", "平均为", "迈上", "跨上", "跨过", "稳定在", "由", "从")
#: Words that may stand between an indicator's name and its value without being either
#: (城镇新增就业人口970万人, 国内生产总值2000年达89404亿元).
INDICATOR_TAIL_RE = re.compile(r"(?:人口|人数)?(?:(?:19|20)\d{2}年(?:底|末)?)?")
#: A clause after an indicator's figure-less clause that gives its figure for a time it names
#: ("粮食产量屡创历史新高，去年达到1.09万亿斤", "外贸出口从7月份开始回升，全年达到1949亿美元").
TIMED_FIGURE_CLAUSE_RE = re.compile(r"(?:去年|全年|(?:19|20)\d{2}年)(?:全年)?(?=达到|达|实现|为|完成|增长|突破|超过)")
#: A level printed as where a period ended ("从1997年的7.4万亿元增加到2002年的10.2万亿元"): the
#: words from the start to the end.
FROM_TO_RE = re.compile(r"(?:从|由)(?:(?:19|20)\d{2}年(?:的)?)?(?P<from>[^，,。；;]{1,16}?)(?:增加|提高|增长|扩大|上升|发展|减少|下降)?到(?:(?P<year>(?:19|20)\d{2})年(?:的)?)?")
#: After a change, the level of the same indicator may follow in its own clause ("增长6.1%、突破2万亿元",
#: "增长5.8%、增速全国第3，总量达到60013亿元").
TOTAL_AFTER_CHANGE_RE = re.compile(
    r"[、，,]\s*(?:(?:增速|高于|居)[^、，,；;。]{0,14}[、，,]\s*)?(?:经济)?(?:总量|规模)?(?:达到|达|迈上|跨上|跨过|为)?"
)
#: Names printed before one indicator name that make it a list of indicators (城乡居民……分别增长4.7%、6.6%).
URBAN_RURAL_LEAD_RE = re.compile(r"(城乡|城镇(?:居民|常住居民)?(?:、|和|与))$")
#: GDP printed without its name in the opening results sentence ("……，全年增长4.8%、总量达5.3万亿元").
UNNAMED_GDP_RE = re.compile(r"(?:^|[，,。；;])(?P<lead>全年(?:经济)?|经济)(?=增长\s*\d)")
#: Period expressions printed with a metric.
PERIOD_RE = re.compile(
    r"(前[一二三四]季度|第[一二三四]季度|上半年|下半年|预计全年|全年|\d{1,2}\s*[-—–~至]\s*\d{1,2}\s*月)"
)

#: Words that qualify a headline figure, kept with it (预计 …, 初步统计 …, 平均为5.3%, 超3.6万亿元).
METRIC_QUALIFIERS = ("初步统计", "初步核算", "初步预计", "预计", "实际", "平均", "均值", "超过", "突破", "跨上", "跨过", "迈上", "超", "约")
#: Headline indicators: the canonical name and the aliases reports print.
HEADLINE_INDICATORS: list[tuple[str, tuple[str, ...]]] = [
    ("地区生产总值", ("地区生产总值(GDP)", "地区生产总值（GDP）", "地区生产总值", "国内生产总值", "GDP", "生产总值", "经济总量")),
    ("规上工业增加值", ("规模以上工业增加值", "规上工业企业增加值", "规上工业增加值", "规模以上工业企业增加值", "规模工业增加值")),
    ("规上工业总产值", ("规模以上工业总产值", "规上工业总产值", "规上工业企业总产值")),
    ("固定资产投资", ("固定资产投资总额", "固定资产投资完成额", "固定资产投资额", "固定资产投资", "全社会固定资产投资")),
    ("社会消费品零售总额", ("社会消费品零售总额", "社消零总额", "社消零")),
    ("一般公共预算总收入", ("一般公共预算总收入",)),
    ("一般公共预算收入", ("地方一般公共预算收入", "一般公共预算收入", "地方一般公共财政预算收入", "一般公共财政预算收入")),
    ("财政收入", ("全国财政收入", "国家财政收入", "公共财政收入", "地方财政收入", "财政总收入", "财政收入")),
    ("外贸进出口总额", ("外贸进出口总额", "进出口总额", "外贸进出口", "进出口总值", "进出口贸易总额", "货物进出口总额", "对外贸易总额", "进出口")),
    ("出口", ("出口总额", "外贸出口", "出口")),
    ("货物贸易", ("货物贸易",)),
    ("服务贸易", ("服务贸易",)),
    ("产业投资", ("产业投资",)),
    ("城镇调查失业率", ("城镇调查失业率",)),
    ("城镇登记失业率", ("城镇登记失业率",)),
    ("居民消费价格", ("居民消费价格指数", "居民消费价格", "CPI")),
    ("粮食产量", ("粮食总产量", "粮食产量", "粮食总产")),
    ("城镇新增就业", ("城镇新增就业", "新增城镇就业")),
    ("城镇居民人均可支配收入", ("城镇居民人均可支配收入", "城镇常住居民人均可支配收入", "城镇居民家庭人均可支配收入")),
    ("农村居民人均可支配收入", ("农村居民人均可支配收入", "农村常住居民人均可支配收入")),
    ("居民人均可支配收入", ("全体居民人均可支配收入", "居民人均可支配收入", "人均可支配收入")),
    # the rural income before 2013's change of survey: another indicator than 农村居民人均可支配收入
    ("农村居民人均纯收入", ("农村居民人均纯收入", "农村居民家庭人均纯收入", "农民人均纯收入")),
]
#: Change words that only CHANGE_WORDS lists: a rate printed after them is a headline change too (CPI微降0.1%).
EXTRA_METRIC_CHANGE_WORDS = ("微增", "微涨", "微降")
#: A change stated without a number that means a change of 0 (居民消费价格指数持平); 基本持平 is no figure.
FLAT_CHANGE_RE = re.compile(r"(?:涨幅|增速|增幅)?持平(?!于)")
#: A second figure of the same change by another definition, in brackets right after it
#: ("增长1.7%（同口径增长2.5%以上）"): kept in the metric's quote.
ALT_DEFINITION_RE = re.compile(r"\s*[（(][^（()）]{0,6}(?:同口径|自然口径|可比口径)[^（()）]{0,16}[）)]")
#: Definitions a figure may be printed under; a target and a result are compared only under the same one.
DEFINITION_WORDS = ("同口径", "自然口径", "可比口径")
#: A rank between an indicator's level and its change ("达到5.53万亿元、稳居全国前十强、增长4.8%").
RANK_CLAUSE_RE = re.compile(r"\s*(?:稳居|位居|居|排名|排|列|高于|低于|好于|快于)[^、，,；;。]{0,12}")
#: A paragraph of a review part that speaks of several years (the five-year review of a report
#: that closes a plan period): one of these in its first sentences.
MULTI_YEAR_OPENING_RE = re.compile(
    r"(?:这|过去|过去的|回首过去|回望过去|回顾过去|近)五年|五年来|五年间|的五年[，,。！!]"
    r"|(?:^|[。！!？?])(?:——)?“?十[一二三四五六七八九]五”?(?:时期|以来)"
)
#: A paragraph of a review part that returns to the review year ("刚刚过去的2025年，……", "一年来，……").
SINGLE_YEAR_OPENING_RE = re.compile(
    r"^(?:各位代表[！!，,：:]\s*)?(?:过去(?:的)?一年|刚刚过去的|一年来|这一年|去年|(?:19|20)\d{2}年(?:是|，|,|极|很|在|我们|全省|全市|全区|全国|全年|以来))"
)
#: Inside a paragraph of several years, a sentence that turns to the review year by these words
#: ends the passage ("过去五年，……。过去一年，……"); a sentence opening on the year's number
#: ("2007年，国内生产总值达到24.66万亿元，比2002年增长65.5%") is still part of the five years.
BACK_TO_THE_YEAR_RE = re.compile(r"^(?:各位代表[！!，,：:]\s*)?(?:过去(?:的)?一年|刚刚过去的|一年来|这一年|去年)")
#: Period label of a headline figure read in such a passage.
MULTI_YEAR_PERIOD = "五年"
#: A sentence that speaks of several years whatever paragraph it sits in ("五年来，地区生产总值
#: 年均增长6%", "“十四五”时期累计完成投资……").
MULTI_YEAR_SENTENCE_RE = re.compile(r"五年来|五年间|过去五年|这五年|近五年|十[一二三四五六七八九]五”?(?:时期|期间|以来)|年均|(?:^|[。；;，,])五年(?![规计内前后])")
#: A sentence that speaks of the review year by name or by one of these words.
REVIEW_YEAR_SENTENCE_RE = re.compile(r"去年|过去(?:的)?一年|一年来|刚刚过去的")
#: A sentence that speaks of the plan: its year, its targets or what is to be done.
PLAN_SENTENCE_RE = re.compile(r"今年|明年|目标|预期|力争|确保|争取|计划|要(?:实现|确保|推动|着力|加快|坚持)|将(?:实现|达到|力争)")
#: A paragraph that opens on the plan year: the plan begins there (今年是……, 做好今年的工作……).
PLAN_OPENING_RE = re.compile(r"^(?:各位代表[！!，,：:]\s*)?(?:(?:今年|明年)(?:是|，|,|以来|经济社会发展|要|我们|政府工作)|做好今年)")
#: Results stand where a report reviews its year; elsewhere (a closing paragraph, the front of a
#: report without a review heading, a plan part that recalls last year) a sentence must say so.
#: Indicators where less is better (城镇调查失业率5.5%以内, 单位GDP能耗下降2%) and where neither
#: side is (居民消费价格涨幅2%左右: both an overshoot and a shortfall miss): words of the printed name.
LOWER_IS_BETTER_WORDS = ("失业率", "能耗", "排放", "PM2.5", "PM10", "污染", "事故", "负债率", "债务率")
NEITHER_SIDE_WORDS = ("居民消费价格", "消费价格", "CPI", "物价")
#: Comparators of a target by how they bound it.
AT_LEAST_COMPARATORS = ("以上", "不低于", "不少于", "达到", "达")
ABOVE_COMPARATORS = ("超过", "突破", "超")
AT_MOST_COMPARATORS = ("以内", "以下", "之内", "不高于", "不超过")
ABOUT_COMPARATORS = ("左右", "上下", "约")
#: A result printed as a bound below (近5%: less than it).
BELOW_COMPARATORS = ("近",)
#: Words of a decrease in a target ("单位GDP能耗下降2%左右"): the target's number is negative.
DECREASE_WORDS = ("下降", "降低", "减少", "回落", "压减", "缩小", "收窄")
#: Words of a rate in a target's name or text (涨幅, 增速): the target is a rate of change, not a level.
RATE_WORDS = ("增长", "增速", "增幅", "涨幅", "上涨", "下降", "降低", "减少", "回落", "提高", "压减", "收窄")
#: Province-level names with the words between the short name and 自治区 (宁夏回族自治区 is 宁夏).
ETHNIC_NAME_WORDS = ("回族", "壮族", "维吾尔", "蒙古族", "藏族")
#: Characters before a bare 生产总值 that make it the region's (全市生产总值, 全省生产总值).
GDP_BARE_PREFIX_CHARS = "省市区县国疆州盟旗藏夏西蒙古年内"
#: A bare name that stands for GDP in a targets list or a results sentence (经济增长5.5%左右).
GDP_BARE_NAMES = ("经济", "经济增长", "经济增速", "全年经济", "全年")
#: Short names that only count standing alone or after the region (全省出口, 全年进出口): after
#: another noun they name a part (机电产品出口, 海洋生产总值).
BARE_ALIASES = ("出口", "进出口", "生产总值", "货物贸易", "服务贸易", "产业投资")
#: Names that mention a headline indicator without being it: per-capita and per-unit figures,
#: shares of GDP, parts of an indicator.
NOT_HEADLINE_RE = re.compile(
    r"(人均(?:地区|国内)?生产总值|人均GDP|单位(?:地区|国内)?生产总值|单位GDP|万元(?:地区|国内)?生产总值|生产总值的比[例重]"
    r"|占(?:地区|国内)?生产总值|相当于|能耗|比重|占比|增加值率|排放"
    # a relation between two indicators (全员劳动生产率增速高于地区生产总值增速, 居民收入与经济增长同步)
    r"|高于|快于|低于|慢于|同步)"
)
#: Target lists mark binding indicators in a heading or phrase like this.
BINDING_RE = re.compile(r"约束性")
EXPECTED_RE = re.compile(r"预期性")
#: Words that lead a target clause without belonging to the indicator (力争GDP增长7%).
TARGET_LEAD_WORDS = ("力争", "确保", "争取", "努力", "全年", "其中", "以及", "和", "及", "实现", "今年", "明年")
#: Targets stated without a number.
QUALITATIVE_TARGETS = ("正增长", "负增长", "持平", "基本同步", "同步增长")
#: A metric's change is searched up to here: what follows 其中 is about a part of the indicator.
METRIC_CLAUSE_BREAK = "其中"
#: What may stand before a value's number (超5200亿元, 约1.5亿元).
VALUE_PREFIXES = ("超过", "超", "约", "近", "达到", "达", "突破", "累计", "共", "全年")
#: Verbs that name no indicator when they stand before a figure alone (建成116个, 贯通90公里).
BARE_METRIC_VERBS = ("建成", "贯通", "新增", "完成", "实现", "出台", "新建", "开工", "累计", "达到", "达", "突破", "超过", "改造", "打造", "推动", "推进", "落实", "开展", "举办", "引进", "培育", "帮助", "服务")
#: A phrase ending in one of these was cut off mid-way ("打造国际科技及").
DANGLING_ENDINGS = "及和与的、等并或"
#: Words that state a rate of growth the same way (for matching gold annotations).
CHANGE_SYNONYMS = (("增速", "增长"), ("增幅", "增长"))

# ---------------------------------------------------------------------------------------------
# Problems themes (compare)
# ---------------------------------------------------------------------------------------------

#: Themes for the problems matrix, each with the words that signal it.
PROBLEM_THEMES: list[tuple[str, tuple[str, ...]]] = [
    ("外部环境", ("外部环境", "国际", "全球", "不确定", "需求不足", "下行")),
    ("产业发展", ("产业", "制造业", "龙头企业", "服务业", "产业链", "企业经营")),
    ("创新能力", ("创新", "科技", "人才", "研发", "核心技术")),
    ("发展空间", ("空间", "土地", "厂房", "用地")),
    ("公共服务", ("教育", "医疗", "养老", "托育", "文体", "公共服务", "民生", "住房")),
    ("城市品质", ("城市功能", "城区环境", "城市品质", "城市规划", "交通", "商业配套", "城中村")),
    ("安全治理", ("安全", "风险", "事故", "历史遗留", "治理")),
    ("政府建设", ("干部", "政府系统", "作风", "担当")),
]


def compile_alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of literal words, longest first, so that 社消零总额 beats 社消零."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
