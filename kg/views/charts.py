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

from kg.language.dates import iso_parts

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


def _year(iso: str) -> float | None:
    """An ISO date (YYYY, YYYY-MM, YYYY-MM-DD) as a fractional year, at the start of its period;
    an interval (``2019-12-10/2019-12-19``, how figures of a period are dated) by its start; None for
    anything else (a date as a source wrote it, 10/2019, is left off the axis instead of failing the views).

    >>> _year("2019-10"), _year("2019-10/2019-12"), _year("10/2019")
    (2019.75, 2019.75, None)
    """
    parts = iso_parts(iso)
    if parts is None:
        return None
    year, month, day = parts
    return year + (month - 1) / 12 + (day - 1) / 365


def timeline_chart(title: str, rows: list[tuple[str, str, str]], colour: str = "#29335c") -> str:
    """One row per (label, first, last) ISO date: a bar from the first to the last report (a dot when they are the
    same), on a year axis; rows without a date are left out.

    >>> svg = timeline_chart("posts", [("市委书记 德州市", "2019-10", "2021-06"), ("市长", "2020", "2020"), ("x", "", "")])
    >>> svg.count('class="span"'), ">2019<" in svg and ">2021<" in svg
    (2, True)
    """
    rows = [(label, first, last or first) for label, first, last in rows
            if first and _year(first) is not None and _year(last or first) is not None]
    if not rows:
        return ""
    lo = min(_year(f) for _, f, _ in rows)
    hi = max(_year(last) for _, _, last in rows)
    lo, hi = float(int(lo)), float(int(hi) + 1)
    height = TOP + len(rows) * (BAR_HEIGHT + GAP) + 22
    width = LABEL_W + PLOT_W + 20
    x = lambda year: LABEL_W + PLOT_W * (year - lo) / (hi - lo)  # noqa: E731
    parts = [f'<svg class="kg-chart kg-timeline" role="img" viewBox="0 0 {width} {height}" width="100%" '
             f'style="max-width: {width}px" aria-label="{escape(title)}">',
             f'<text x="0" y="16" font-size="14" font-weight="bold">{escape(title)}</text>']
    axis_y = height - 8
    for year in range(int(lo), int(hi) + 1):
        parts.append(f'<line x1="{x(year):.1f}" y1="{TOP - 4}" x2="{x(year):.1f}" y2="{axis_y - 10}" stroke="#ddd"/>'
                     f'<text x="{x(year):.1f}" y="{axis_y}" font-size="11" text-anchor="middle">{year}</text>')
    for i, (label, first, last) in enumerate(rows):
        y = TOP + i * (BAR_HEIGHT + GAP)
        x0, x1 = x(_year(first)), x(_year(last))
        short = label if len(label) <= 14 else label[:13] + "…"
        span = f"{first}–{last}" if last != first else first
        parts.append(f'<g><title>{escape(label)}: {escape(span)}</title>'
                     f'<text x="{LABEL_W - 6}" y="{y + 13}" font-size="12" text-anchor="end">{escape(short)}</text>'
                     f'<rect class="span" x="{x0:.1f}" y="{y + 3}" width="{max(6.0, x1 - x0):.1f}" '
                     f'height="{BAR_HEIGHT - 6}" rx="6" fill="{colour}"/></g>')
    parts.append("</svg>")
    return "".join(parts)
