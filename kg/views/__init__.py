"""Interactive HTML views of the graph: overview, one page per city, official and
programme, one page per figure subject that several places report (a bar per place), one reader page per article (the sentences the graph cites, entities highlighted), and an index
linking them. Pages are self-contained (no network
request at all) and safe to open on untrusted article text.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from kg.settings import Settings, load_settings
from kg.views import select
from kg.views.render import render_article, render_index, render_view, write_assets

__all__ = ["write_views", "ViewsWritten"]


@dataclass
class ViewsWritten:
    folder: Path
    pages: int
    overview_nodes: int


def _write(path: Path, html: str) -> None:
    path.write_text(html, encoding="utf-8")  # explicit: pyvis's write_html breaks CJK on Windows


def write_views(g: nx.MultiDiGraph, out: Path, settings: Settings | None = None,
                entities: Path | None = None, note: str | None = None) -> ViewsWritten:
    """``entities``: the build's ``entities.jsonl``, whose article texts the article pages show whole;
    ``note``: a line under the index's totals (what a slice of a larger graph leaves out)."""
    settings = settings or load_settings()
    texts = select.article_texts(entities) if entities is not None and entities.exists() else {}
    out.mkdir(parents=True, exist_ok=True)
    write_assets(out / "assets")
    cap, physics_max = settings.view_neighbour_cap, settings.view_physics_max
    overview = select.overview(g, settings.view_max_nodes)
    _write(out / "overview.html", render_view(overview, physics_max))
    sections = []
    builders = (("城市 Cities", "City", select.city_view), ("官员 Officials", "Official", select.official_view),
                ("项目 Programmes", "Programme", select.programme_view))
    pages = 1
    for heading, kind, build in builders:
        entries = []
        for n in sorted(select.nodes_of(g, kind), key=lambda n: select.name_of(g, n)):
            view = build(g, n, cap)
            url = select.page_name(kind.lower(), n)
            _write(out / url, render_view(view, physics_max))
            pages += 1
            detail = f"{len(view.nodes) - 1} linked" + (f", {len(view.table)} rows" if view.table else "")
            if kind == "Official" and g.nodes[n].get("titles"):
                detail = "、".join(g.nodes[n]["titles"][:3]) + " · " + detail
            entries.append({"label": select.name_of(g, n), "url": url, "detail": detail,
                            "keys": select.search_keys(select.name_of(g, n))[1:]})
        sections.append((heading, entries))
    entries = []
    for subject, rows in select.subjects(g).items():
        view = select.subject_view(g, subject, rows)
        url = select.page_name("subject", subject)
        _write(out / url, render_view(view, physics_max))
        pages += 1
        entries.append({"label": subject, "url": url, "detail": f"{len(view.nodes)} places, {len(rows)} figures",
                        "keys": select.search_keys(subject)[1:]})
    sections.append(("数据主题 Figures by subject", entries))
    entries = []
    for a in sorted(select.nodes_of(g, "Article"), key=lambda n: (str(g.nodes[n].get("date") or ""), n)):
        page = select.article_page(g, a, texts)
        url = select.page_name("article", a)
        _write(out / url, render_article(page))
        pages += 1
        entries.append({"label": page.title, "url": url,
                        "detail": " · ".join(v for k, v in page.meta if k != "source") or dict(page.meta).get("source", "")})
    sections.append(("文章 Articles", entries))
    counts = {"articles": len(select.nodes_of(g, "Article")), "cities": len(select.nodes_of(g, "City")),
              "officials": len(select.nodes_of(g, "Official")), "programmes": len(select.nodes_of(g, "Programme")),
              "metrics": len(select.nodes_of(g, "Metric"))}
    _write(out / "index.html", render_index("kg · 知识图谱 views", sections, counts, note))
    return ViewsWritten(out, pages + 1, len(overview.nodes))
