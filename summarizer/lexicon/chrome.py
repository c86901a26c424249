"""Page chrome: the lines of a web page that are not the report (clean)."""

from __future__ import annotations

import re

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
#: A PDF page's number on a line of its own ("— 3 —", "第3页 共20页", "3/20", "iv").
PDF_PAGE_NUMBER_RE = re.compile(
    r"^[\s\-—–－_·•]*(?:第\s*)?[0-9０-９ivxlcdmIVXLCDM]{1,4}(?:\s*页)?(?:\s*[/／]\s*[0-9０-９]{1,4}|\s*共\s*[0-9０-９]{1,4}\s*页)?[\s\-—–－_·•]*$"
)
#: The footer rule only fires when at most this much text follows the marker.
FOOTER_MAX_TAIL = 2500
