"""HTML → main text with paragraphs kept, and the page's own metadata."""
from loaders.html import html_to_text


def test_main_text_paragraphs_and_head_metadata():
    body = "<p>第一段。</p><p>" + "第二段很长。" * 50 + "</p>"
    html = (f'<html><head><meta property="og:title" content="标题"><link rel="canonical" href="https://x.example/1">'
            f'</head><body><nav>导航</nav><article>{body}</article><script>alert(1)</script></body></html>')
    text, meta = html_to_text(html)
    assert meta == {"title": "标题", "url": "https://x.example/1"}
    lines = [line for line in text.split("\n") if line.strip()]
    assert lines[0] == "第一段。" and "导航" not in text and "alert" not in text
