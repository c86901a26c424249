"""A saved web page (.html, or .mht/.mhtml) → the text of the report on it.

Government sites publish reports as an article inside a page of navigation, breadcrumbs, a
publication line, share widgets and a footer. This module keeps the article:

1. **charset**: a byte-order mark, else the page's `<meta charset>` / `http-equiv` declaration
   (GB2312 and GBK are read as GB18030, their superset; Big5 as Big5-HKSCS), else the order of
   guesses of plain text files (`decode.decode_text`).
2. **chrome out**: scripts, styles, forms, `<nav>`, `<aside>`, page-level `<header>`/`<footer>`,
   hidden elements, and elements whose class or id names a widget (share, print, breadcrumb,
   QR code, related links …) are dropped, unless one holds most of the page's text (a site
   that calls its whole layout "nav-wrapper" keeps its article).
3. **the article**: the block whose paragraphs hold the most text, not counting link text (the
   way reading-mode extractors score a page), widened to its parent while the parent adds
   paragraphs of its own (an article split over several containers stays whole).
4. **the title**: the page's ArticleTitle meta tag, its `<h1>`, or its `<title>` without the site
   name, put first when the article does not start with it.
5. **text**: one line per paragraph, heading and list item; `<br>` breaks a line; a table row is
   one line with its cells joined by " | " (target tables stay readable row by row).

What is left of the chrome inside the article (a publication line, 【打印本页】) is taken out by
the clean stage, as for a page copied into a .txt file. Offsets of everything downstream index
the text this module returns (`summarizer text FILE` prints it).
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from summarizer.read.decode import decode_declared
from summarizer.errors import InputError
from summarizer.read.extracted import Extracted, library_version

#: What a table row's cells are joined with (as for Word tables).
CELL_SEP = " | "
#: Characters of the article's text a dropped element may hold at most (share of the page's).
MAX_DROPPED_SHARE = 0.5
#: A block counts as a paragraph of the report with this many characters of its own text.
PARAGRAPH_MIN_CHARS = 25

_META_CHARSET_RE = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_WS_RE = re.compile(r"[ \t\r\n\f]+")
_COUNTED_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9]")
_SENTENCE_RE = re.compile(r"[。；;，,：:]")

_DROP_TAGS = frozenset(
    "script style noscript template iframe frame frameset object embed applet svg canvas head title meta link "
    "nav aside form button select option input textarea label map area audio video source track menu dialog".split()
)
_BLOCK_TAGS = frozenset(
    "p div section article main body h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table thead tbody tfoot tr caption "
    "blockquote pre center address figure figcaption hr header footer details summary fieldset legend".split()
)
_CELL_TAGS = frozenset(("td", "th"))
#: class/id words of widgets and navigation (whole words, or the start or end of one).
_CHROME_WORDS = frozenset(
    "nav navbar navigation menu submenu breadcrumb breadcrumbs crumb crumbs bread position location dqwz "
    "share sharing bdshare bdsharebuttonbox jiathis bshare fenxiang social qrcode qr ewm erweima weixin wechat weibo "
    "print printer close dayin guanbi toolbar tools sidebar side-bar footer foot copyright banquan sitemap "
    "search login related relevant recommend xgwz xgxx friendlink links pagination pager skip hidden hide "
    "advert advertisement ads".split()
)
_CHROME_AFFIXES = ("nav", "menu", "crumb", "share", "footer", "sidebar", "toolbar", "copyright", "qrcode")
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_TITLE_WORDS = frozenset(("title", "articletitle", "biaoti", "bt", "wzbt", "tit"))
_TITLE_SPLIT_RE = re.compile(r"\s*(?:_|\||｜|--|—{1,2}|-\s)\s*")


@dataclass(frozen=True)
class Page:
    """The text of a page and how it was decoded."""

    text: str
    encoding: str


def declared_charset(data: bytes) -> Optional[str]:
    """The charset a page declares in its first 8 kB (`<meta charset>` or `http-equiv`)."""
    m = _META_CHARSET_RE.search(data[:8192])
    return m.group(1).decode("ascii", "replace") if m else None


def read_html(data: bytes, name: str) -> Extracted:
    """The reader of saved web pages (.html, .htm)."""
    page = html_text(data, name)
    return Extracted(page.text, page.encoding, library_version("lxml"))


def read_mhtml(data: bytes, name: str) -> Extracted:
    """The reader of pages saved as one file (.mht, .mhtml)."""
    page = mhtml_text(data, name)
    return Extracted(page.text, page.encoding, library_version("lxml"))


def html_text(data: bytes, path: str | Path = "<bytes>", charset: Optional[str] = None) -> Page:
    """The report's text on a saved page (see the module docstring); `charset` is what a
    container (an .mht file) declares, which the page's own declaration overrides."""
    source, encoding = decode_declared(data, declared_charset(data) or charset, path)
    return Page(page_text(source, path), encoding)


def mhtml_text(data: bytes, path: str | Path = "<bytes>") -> Page:
    """The report's text in a page saved as one file (.mht/.mhtml: MIME, the page and its
    images): the first HTML part, read as a page."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
    except Exception:  # noqa: BLE001 - the email parser rarely raises, but a broken file may
        message = None
    parts = message.walk() if message is not None else iter(())
    for part in parts:
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                return html_text(payload, path, part.get_content_charset())
    raise InputError(path, "is a saved web page (.mht) without an HTML part", hint="open it in a browser and save it as .html, or copy its text into a .txt file")


def page_text(source: str, path: str | Path = "<page>") -> str:
    """The report's text in the decoded source of a page."""
    from lxml import etree
    from lxml import html as lxml_html

    source = _XML_DECL_RE.sub("", source, count=1).replace("\x00", "")
    if not source.strip():
        raise InputError(path, "is empty")
    parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, recover=True)
    try:
        root = lxml_html.document_fromstring(source, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(path, f"is not a web page that can be parsed ({exc})") from None
    title = _title(root)
    body = root.find("body")
    if body is None:
        body = root
    _drop_chrome(body)
    article = _article(body)
    lines = list(_lines(article))
    if not any(_COUNTED_RE.search(ln) for ln in lines if not title or _squeeze(ln) != _squeeze(title)):
        # a page whose body is empty, or only the title again: nothing to summarize (a brief
        # built from the <title> alone would claim a report that is not there)
        raise InputError(path, "is a web page with no report text on it (no article, at most a title)", hint="save the page of the report itself, or copy its text into a .txt file")
    if title and not any(_squeeze(title) in _squeeze(ln) for ln in lines[:4]):
        lines.insert(0, title)
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Chrome
# ---------------------------------------------------------------------------------------------


def _is_element(el) -> bool:
    return isinstance(el.tag, str)


def _counted(text: str) -> int:
    return len(_COUNTED_RE.findall(text))


def _words(el) -> list[str]:
    raw = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return [w for w in re.split(r"[^a-z0-9]+", raw) if w]


def _is_chrome(el) -> bool:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag in _DROP_TAGS:
        return True
    if tag in ("header", "footer") and not any(a.tag in ("article", "main") for a in el.iterancestors()):
        return True
    if el.get("hidden") is not None or el.get("aria-hidden") == "true" or _HIDDEN_STYLE_RE.search(el.get("style") or ""):
        return True
    return any(w in _CHROME_WORDS or w.startswith(_CHROME_AFFIXES) or w.endswith(_CHROME_AFFIXES) for w in _words(el))


def _drop_chrome(body) -> None:
    total = _counted(body.text_content()) or 1
    doomed: list = []
    ids: set[int] = set()
    for el in body.iter():
        if not _is_element(el) or el is body or not _is_chrome(el):
            continue
        if any(id(a) in ids for a in el.iterancestors()):
            continue
        if el.tag.lower() not in _DROP_TAGS and total >= 200 and _counted(el.text_content()) > MAX_DROPPED_SHARE * total:
            continue  # a layout wrapper named like a widget: it holds the article
        doomed.append(el)
        ids.add(id(el))
    for el in doomed:
        _remove_keep_tail(el)


def _remove_keep_tail(el) -> None:
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


# ---------------------------------------------------------------------------------------------
# The article
# ---------------------------------------------------------------------------------------------


def _is_block(el) -> bool:
    return _is_element(el) and (el.tag.lower() in _BLOCK_TAGS or el.tag.lower() in _CELL_TAGS)


def _own_text(el) -> tuple[int, int]:
    """(characters, of which in links) of the text directly in a block: its inline content,
    not that of the blocks inside it."""
    chars = links = 0

    def walk(node, in_link: bool) -> None:
        nonlocal chars, links
        if node.text:
            n = _counted(node.text)
            chars += n
            links += n if in_link else 0
        for child in node:
            if not _is_element(child) or not _is_block(child):
                if _is_element(child):
                    walk(child, in_link or child.tag.lower() == "a")
            if child.tail:
                n = _counted(child.tail)
                chars += n
                links += n if in_link else 0

    walk(el, el.tag.lower() == "a")
    return chars, links


def _paragraph_chars(el, own: dict) -> int:
    """Characters in the paragraphs of `el`'s subtree: blocks of mostly non-link text long
    enough to be the report's."""
    total = 0
    for node in el.iter():
        if node in own:
            chars, links, sentence = own[node]
            if chars >= PARAGRAPH_MIN_CHARS and links < 0.3 * chars and sentence:
                total += chars - links
    return total


def _article(body):
    """The element holding the report (see the module docstring, step 3)."""
    own: dict = {}
    for el in body.iter():
        if _is_block(el):
            chars, links = _own_text(el)
            if chars:
                own[el] = (chars, links, bool(_SENTENCE_RE.search(_inline_text(el))))
    score: dict = {}
    depth: dict = {}
    for el, (chars, links, _) in own.items():
        value = chars - links
        if value <= 0:
            continue
        score[el] = score.get(el, 0.0) + value
        parent = el.getparent()
        if parent is not None:
            score[parent] = score.get(parent, 0.0) + value
            grand = parent.getparent()
            if grand is not None:
                score[grand] = score.get(grand, 0.0) + value / 2
    if not score:
        return body
    for el in score:
        depth[el] = sum(1 for _ in el.iterancestors())
    best = max(score, key=lambda e: (score[e], depth[e]))
    current = best
    kept = _paragraph_chars(current, own)
    while current is not body and current.getparent() is not None:
        parent = current.getparent()
        wider = _paragraph_chars(parent, own)
        if wider - kept < max(PARAGRAPH_MIN_CHARS, 0.02 * kept):
            break
        current, kept = parent, wider
    return current


def _inline_text(el) -> str:
    parts = [el.text or ""]
    for child in el:
        if _is_element(child) and not _is_block(child):
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


# ---------------------------------------------------------------------------------------------
# The title
# ---------------------------------------------------------------------------------------------


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _clean_inline(text: str) -> str:
    return _WS_RE.sub(" ", text.replace("\xa0", " ")).strip(" \u3000")


def _title(root) -> Optional[str]:
    """The article's title: its ArticleTitle meta tag; else the longest `<h1>`, `<h2>` or element
    named a title (a site's own name is shorter than a report's title); else `<title>` less the
    site name ("……计划_发展规划_光明区政府在线" → "……计划")."""
    for meta in root.iter("meta"):
        if (meta.get("name") or "").lower() == "articletitle" and _counted(meta.get("content") or "") >= 4:
            return _clean_inline(meta.get("content"))
    candidates = []
    for el in root.iter():
        if not _is_element(el) or el.tag.lower() in ("title", "a") or any(a.tag == "a" for a in el.iter()):
            continue
        if el.tag.lower() in ("h1", "h2") or any(w in _TITLE_WORDS for w in _words(el)):
            text = _clean_inline(el.text_content())
            if 6 <= _counted(text) <= 120:
                candidates.append(text)
    if candidates:
        return max(candidates, key=_counted)
    head_title = root.find(".//title")
    if head_title is not None and head_title.text:
        parts = [p for p in _TITLE_SPLIT_RE.split(_clean_inline(head_title.text)) if p]
        if parts:
            return max(parts, key=_counted)
    return None


# ---------------------------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------------------------


def _lines(el) -> Iterator[str]:
    """One line per block (paragraph, heading, list item), per `<br>` and per table row."""
    buffer: list[str] = []

    def flush() -> Iterator[str]:
        line = _clean_inline("".join(buffer))
        buffer.clear()
        if line:
            yield line

    def add(text: Optional[str], pre: bool) -> Iterator[str]:
        if not text:
            return
        if not pre:
            buffer.append(_WS_RE.sub(" ", text))
            return
        for k, piece in enumerate(text.split("\n")):
            if k:
                yield from flush()
            buffer.append(piece)

    def walk(node, pre: bool) -> Iterator[str]:
        tag = node.tag.lower()
        if tag == "tr":
            yield from flush()
            cells = [_cell_text(c) for c in node if _is_element(c) and c.tag.lower() in _CELL_TAGS]
            if any(cells):
                yield CELL_SEP.join(cells)
            return
        block = _is_block(node)
        if block:
            yield from flush()
        yield from add(node.text, pre)
        for child in node:
            if _is_element(child):
                if child.tag.lower() == "br":
                    yield from flush()
                else:
                    yield from walk(child, pre or child.tag.lower() == "pre")
            yield from add(child.tail, pre)
        if block:
            yield from flush()

    yield from walk(el, el.tag.lower() == "pre")
    yield from flush()


def _cell_text(cell) -> str:
    return " ".join(ln for ln in _lines(cell)).replace(CELL_SEP, " ")
