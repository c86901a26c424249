"""Document metadata: who reports, what kind of report, which years."""

from __future__ import annotations

import re

#: The government work report: its kind, the words of its title, and the plan year its title names
#: (2025年政府工作报告).
WORK_REPORT = "政府工作报告"
DOC_TYPES = [
    # (doc_type, keywords in the title)
    (WORK_REPORT, (WORK_REPORT,)),
    ("计划执行情况与计划", ("国民经济和社会发展计划", "社会发展计划执行情况", "计划执行情况")),
]
DOC_TYPE_OTHER = "other"
#: A document named in the body (审议批准的《政府工作报告》): not what the report is.
BOOK_TITLE_RE = re.compile(r"《[^《》]{0,40}》")
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
#: What ends a government's name: its administrative class (no one of them is the start of another,
#: so their order in a pattern does not matter).
ADMIN_SUFFIXES = ("自治区", "自治州", "自治县", "自治旗", "特别行政区", "地区", "省", "市", "盟", "县", "区", "旗", "州")
#: The autonomous classes (自治区, 自治州 …); 自治州, 自治县 and 自治旗 are of the class of 州, 县 and 旗.
AUTONOMOUS = "自治"
ADMIN_SUFFIX_CLASSES = {"自治州": "州", "自治县": "县", "自治旗": "旗"}
_ADMIN_SUFFIX = "(?:" + "|".join(ADMIN_SUFFIXES) + ")"
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
DOC_TYPE_BODY_RES = [(WORK_REPORT, re.compile(r"作政府工作报告|我代表(?:[^，。]{0,16}(?:人民)?政府|国务院)[，,]?\s*向[^。]{0,30}(?:作|报告)"))]
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
SELF_WORDS = {"省": ("全省", "我省", "省委", "省政府"), "自治区": ("全区", "我区", "自治区党委", "自治区政府"), "市": ("全市", "我市", "市委", "市政府")}
#: The names a province's reports also call it by (六个龙江, 齐鲁大地), counted with its own name.
PROVINCE_OTHER_NAMES = {
    "黑龙江": ("龙江",), "山东": ("齐鲁",), "陕西": ("三秦",), "湖北": ("荆楚",), "湖南": ("三湘",), "河北": ("燕赵",),
    "福建": ("八闽",), "广西": ("八桂",), "甘肃": ("陇原",), "江西": ("赣鄱",), "四川": ("巴蜀",),
}
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
#: How much of a text without a title line is read as its title (a text whose line breaks were lost).
REGION_OPENING_CHARS = 80
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
#: A year that is a deadline or an event ahead, not a year the report reviews or plans: 到2007年,
#: 至2010年 (but 截至2003年底 is the review's), 2005年前, 2008年北京奥运会.
DEADLINE_BEFORE_RE = re.compile(r"(?:(?<!截)至|到)\s*$")
#: …unless the clause started a span of years before it (由1997年的……增加到2002年的, 从2003年到2006年).
YEAR_SPAN_START_RE = re.compile(r"[从由自]\s*(?:19|20)\d{2}\s*年[^，。；,;]*$")
DEADLINE_AFTER_RE = re.compile(r"\s*年(?:以前|前|底前|之前)|\s*年[^，。；,;]{0,6}(?:奥运会|世博会|亚运会|全运会)")
#: A plan report's title names the review year before 执行情况 and the plan year after 与
#: (关于2024年计划执行情况与2025年计划草案的报告).
REVIEW_TITLE_WORD, PLAN_TITLE_JOINER = "执行情况", "与"
#: A year the review or plan of a report without years in its titles is read from: the two
#: consecutive years it names most (the review year and the plan year), at least this often each.
YEAR_PAIR_MIN_MENTIONS = 1
LATER_YEAR_MIN_MENTIONS = 5
#: Province-level names with the words between the short name and 自治区 (宁夏回族自治区 is 宁夏).
ETHNIC_NAME_WORDS = ("回族", "壮族", "维吾尔", "蒙古族", "藏族")
#: A government's name level by level from the top (深圳市 光明区): a name of two characters at
#: least and its class; a name before 自治… may end in its people's name (宁夏回族 → 宁夏).
GOVERNMENT_LEVEL_RE = re.compile(r"([\u4e00-\u9fff]{2,}?)(" + "|".join(ADMIN_SUFFIXES) + ")")
ETHNIC_TAIL_RE = re.compile(r"^([\u4e00-\u9fff]{2,}?)(?:" + "|".join(ETHNIC_NAME_WORDS) + r"|[\u4e00-\u9fff]{1,3}族)$")
#: A file name's year and what follows it (宁夏_2025年.docx → 宁夏): the name without it stands for
#: a government whose report never names itself.
FILE_NAME_YEAR_RE = re.compile(r"[_\-\s·]*(?:19|20)\d{2}年?.*$")
#: Words before a target's indicator that name the region, not the indicator (全省地区生产总值).
REGION_WORD_PREFIX_RE = re.compile(r"^(?:全省|全市|全区|全县|全州|全盟|全旗|全国|地方)")
