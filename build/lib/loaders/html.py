"""HTML → main text and page metadata, with selectolax (lexbor)."""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

_DROP = "script, style, noscript, nav, header, footer, aside, form, iframe, svg, button, select"
_MAIN = ("article", "main", "#content", ".content", ".article", ".TRS_Editor", "#zoom", ".main")
_META = {
    "title": ("og:title", "ArticleTitle", "title"),
    "date": ("article:published_time", "PubDate", "pubdate", "publishdate", "date"),
    "publisher": ("og:site_name", "ContentSource", "source", "SiteName"),
    "url": ("og:url",),
}
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote"}


def _meta(tree: LexborHTMLParser, names: tuple[str, ...]) -> str | None:
    for name in names:
        for attr in ("property", "name"):
            node = tree.css_first(f'meta[{attr}="{name}"]')
            if node is not None and (node.attributes.get("content") or "").strip():
                return node.attributes["content"].strip()
    return None


def _text_with_breaks(node) -> str:
    """Text with a newline at every block boundary, so paragraphs survive."""
    for block in node.traverse(include_text=False):
        if block.tag in _BLOCKS:
            block.insert_before("\n")
            block.insert_after("\n")
    return node.text(deep=True, separator="")


def html_to_text(html: str) -> tuple[str, dict]:
    """Return the page's main text (paragraphs on lines) and what its <head> says."""
    tree = LexborHTMLParser(html)
    meta = {key: _meta(tree, names) for key, names in _META.items()}
    if not meta["title"] and tree.css_first("title") is not None:
        meta["title"] = tree.css_first("title").text(strip=True) or None
    canonical = tree.css_first('link[rel="canonical"]')
    if not meta["url"] and canonical is not None:
        meta["url"] = canonical.attributes.get("href")
    for node in tree.css(_DROP):
        node.decompose()
    root = None
    for selector in _MAIN:
        root = tree.css_first(selector)
        if root is not None and len(root.text(strip=True)) > 200:
            break
        root = None
    root = root or tree.body or tree.root
    text = _text_with_breaks(root) if root is not None else ""
    return text, {k: v for k, v in meta.items() if v}
