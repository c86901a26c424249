"""Reports in the forms they are published in, made from our plain-text seeds: a saved web page
(GBK, with navigation, breadcrumbs, share widgets and a footer), a printed PDF (several pages,
a CJK font, running headers and page numbers) and a traditional-script repost. Used by the
tests and by `python -m bench.formats`.

Each maker starts from the seed's *cleaned* text (the report without the site it was copied
from), one paragraph per line, as the publisher's source would have it.
"""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

from summarizer.parse.clean import clean_text
from summarizer.read.script import to_traditional

_HEADING_RE = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])")


def report_lines(seed: Path | str) -> list[str]:
    """The seed's report, one paragraph per line (NBSP, which GBK cannot encode, as a space)."""
    text = Path(seed).read_text(encoding="utf-8").replace("\xa0", " ")
    return clean_text(text).text.split("\n")


def html_page(lines: list[str], *, charset: str = "gb2312", table: list[list[str]] | None = None) -> bytes:
    """A government site's page around the report, encoded as `charset` declares."""
    e = html.escape
    title, body = lines[0], lines[1:]
    paras = [f'<p style="text-indent:2em">{e(ln)}</p>' for ln in body]
    if table:
        rows = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in table)
        paras.insert(len(paras) // 2, f'<table border="1"><tbody>{rows}</tbody></table>')
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>{e(title)}_发展规划_区政府在线</title>
<script type="text/javascript">var nav = "首页 > 信息公开"; document.write("<div>分享</div>");</script>
<style>.content p {{ margin: 0 }}</style></head>
<body>
<div class="top-header"><div class="logo"><a href="/"><img src="logo.png" alt="区政府在线"/></a></div>
<ul class="main-nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">信息公开</a> &gt; <a href="/ghjh/">规划计划</a> &gt; <a href="/fzgh/">发展规划</a></div>
<div class="main"><div class="sidebar"><h3>相关栏目</h3><ul><li><a href="#">工作动态</a></li><li><a href="#">通知公告</a></li><li><a href="#">政策解读</a></li></ul></div>
<div class="article">
<h1 class="article-title">{e(title)}</h1>
<div class="article-info">发布日期：2024-03-25 &nbsp; 来源：发展和改革局 &nbsp; 字号：【大 中 小】</div>
<div class="content TRS_Editor">
{chr(10).join(paras)}
</div>
<div class="bdsharebuttonbox">分享到：<a class="bds_weixin">微信</a><a class="bds_tsina">微博</a></div>
<div class="print-close">【打印本页】【关闭窗口】</div>
<div class="related"><h4>相关文章</h4><ul><li><a href="#">关于2023年预算执行情况的报告</a></li><li><a href="#">2023年统计公报</a></li></ul></div>
</div></div>
<div class="footer"><p>主办单位：区人民政府办公室 承办单位：区政务服务数据管理局</p><p>版权所有 ICP备12345678号 网站标识码：4403110001</p></div>
</body></html>"""
    codec = {"gb2312": "gbk", "gbk": "gbk"}.get(charset.lower(), charset)
    return page.encode(codec)


def pdf_bytes(
    lines: list[str],
    *,
    justify: bool = False,
    indent: bool = True,
    header: str | None = None,
    encrypt: str | None = None,
) -> bytes:
    """The report as printed: A4 pages in STSong-Light (reportlab's built-in CJK font), a
    centred title, headings in a larger size, a running header and "— N —" page numbers."""
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle(
        "body", fontName="STSong-Light", fontSize=12, leading=20, wordWrap="CJK",
        firstLineIndent=24 if indent else 0, alignment=TA_JUSTIFY if justify else TA_LEFT,
    )
    heading = ParagraphStyle("heading", parent=body, fontSize=14, leading=24, firstLineIndent=24 if indent else 0)
    title = ParagraphStyle("title", parent=body, fontSize=18, leading=30, firstLineIndent=0, alignment=TA_CENTER)
    running = header if header is not None else lines[0][:24]

    def furniture(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("STSong-Light", 9)
        if doc.page > 1:
            canvas.drawCentredString(A4[0] / 2, A4[1] - 40, running)
        canvas.drawCentredString(A4[0] / 2, 30, f"— {doc.page} —")
        canvas.restoreState()

    story = [Paragraph(html.escape(lines[0]), title)]
    for ln in lines[1:]:
        style = heading if _HEADING_RE.match(ln) and len(ln) < 40 else body
        story.append(Paragraph(html.escape(ln), style))
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, encrypt=encrypt, title="report")
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return out.getvalue()


def image_only_pdf() -> bytes:
    """A scan: two pages that are each one picture, no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    picture = Image.new("L", (200, 280), 255)
    draw = ImageDraw.Draw(picture)
    for y in range(20, 260, 12):
        draw.line((20, y, 180, y), fill=0, width=3)  # lines of "text", as a scanner sees them
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    for _ in range(2):
        c.drawImage(ImageReader(picture), 40, 40, width=A4[0] - 80, height=A4[1] - 80)
        c.showPage()
    c.save()
    return out.getvalue()


def traditional(text: str) -> str:
    """The text as reposted for Hong Kong / Taiwan readers: OpenCC's simplified → traditional."""
    return to_traditional(text)
