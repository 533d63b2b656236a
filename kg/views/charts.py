"""Static SVG charts for the pages (inline, so without a namespace), drawn at build time: no script, no network,
the same bytes for the same data.

Ours rather than a charting library's: pygal (tried) writes a random chart id, the generation date and an inline
script into every SVG, so its output is neither byte-stable (the views are tested byte-identical across renders)
nor script-free; a horizontal bar chart is forty lines. Every string is escaped.

>>> svg = bar_chart("figures by subject", [("党员", 3), ("<b>群众</b>", 1)])
>>> svg.count('class="bar"'), "&lt;b&gt;群众&lt;/b&gt;" in svg, "<script" in svg
(2, True, False)
"""
from __future__ import annotations

from html import escape

BAR_HEIGHT, GAP, LABEL_W, PLOT_W, TOP = 18, 6, 180, 360, 28


def bar_chart(title: str, rows: list[tuple[str, float]], colour: str = "#29335c") -> str:
    """Horizontal bars, one per (label, value), longest first as given; the value is written after each bar."""
    top = max((v for _, v in rows), default=0) or 1
    height = TOP + len(rows) * (BAR_HEIGHT + GAP) + 8
    width = LABEL_W + PLOT_W + 60
    parts = [f'<svg class="kg-chart" role="img" viewBox="0 0 {width} {height}" '
             f'width="100%" style="max-width: {width}px" aria-label="{escape(title)}">',
             f'<text x="0" y="16" font-size="14" font-weight="bold">{escape(title)}</text>']
    for i, (label, value) in enumerate(rows):
        y = TOP + i * (BAR_HEIGHT + GAP)
        w = max(1.0, PLOT_W * float(value) / top)
        short = label if len(label) <= 14 else label[:13] + "…"
        parts.append(f'<g><title>{escape(label)}: {escape(_num(value))}</title>'
                     f'<text x="{LABEL_W - 6}" y="{y + 13}" font-size="12" text-anchor="end">{escape(short)}</text>'
                     f'<rect class="bar" x="{LABEL_W}" y="{y}" width="{w:.1f}" height="{BAR_HEIGHT}" fill="{colour}"/>'
                     f'<text x="{LABEL_W + w + 4:.1f}" y="{y + 13}" font-size="12">{escape(_num(value))}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def _num(value: float) -> str:
    value = float(value)
    return f"{value:,.0f}" if value.is_integer() else f"{value:,.4g}"
