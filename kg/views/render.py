"""Render views as self-contained HTML with pyvis.

pyvis builds the network (nodes, options); the page comes from our own
template because pyvis's always links Bootstrap and a CDN (or, with
``cdn_resources="local"``, rewrites a ``lib/`` folder in the working
directory, pyvis #174), renders tooltips as HTML, and ``write_html`` writes
without an explicit encoding. Ours loads the vis-network copy that ships
inside pyvis from the views folder's own ``assets/`` (written once, not
inlined: 700 kB per page times thousands of entity pages), embeds the data as escaped JSON (``tojson``: ``<`` becomes
``\\u003c``), turns tooltips into text nodes in the browser, and autoescapes
every other string: article text can never become markup or script.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from kg.views.select import LOW_CONFIDENCE, REL_ZH, ArticlePage, View

VIS = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
TEMPLATES = Path(__file__).parent / "templates"

# label → (colour, shape); the legend is drawn from this table too.
STYLE = {
    "City": ("#e4572e", "dot"),
    "Place": ("#f3a712", "dot"),
    "Official": ("#29335c", "diamond"),
    "Person": ("#7a7a7a", "triangle"),
    "Organization": ("#669bbc", "square"),
    "Programme": ("#2a9d8f", "box"),
    "Metric": ("#a8c686", "ellipse"),
    "Article": ("#bbbbbb", "text"),
}


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))


def write_assets(folder: Path) -> None:
    """vis-network's script and stylesheet beside the pages (both free of remote URLs)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("vis-network.min.js", "vis-network.css"):
        (folder / name).write_bytes((VIS / name).read_bytes())


def options(n_nodes: int, physics: bool) -> dict:
    groups = {k: {"color": {"background": c, "border": c}, "shape": s,
                  "font": {"color": "#ffffff" if s == "box" else "#222222"}} for k, (c, s) in STYLE.items()}
    return {
        "groups": groups,
        "nodes": {"font": {"size": 14, "face": "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif"},
                  "scaling": {"min": 8, "max": 40}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "font": {"size": 10, "align": "middle"},
                  "color": {"color": "#9aa5b1", "highlight": "#29335c"}, "smooth": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
        "layout": {"randomSeed": 7},  # the same graph, the same picture on every load
        "physics": {"enabled": physics, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
                    "stabilization": {"enabled": physics, "iterations": min(400, 50 + 3 * n_nodes), "fit": True}},
    }


def positions(view: View) -> dict[str, tuple[float, float]]:
    """Layout computed here for views too big to settle in the browser (pyvis #169)."""
    g = nx.Graph()
    g.add_nodes_from(n["id"] for n in view.nodes)
    g.add_edges_from((e["from"], e["to"]) for e in view.edges)
    scale = 60 * len(view.nodes) ** 0.5
    return {n: (float(x) * scale, float(y) * scale) for n, (x, y) in nx.spring_layout(g, seed=7, iterations=60).items()}


def grouped_positions(view: View) -> dict[str, tuple[float, float]]:
    """The overview's layout: each region (province) on its own spot of a circle, in name order, its nodes laid out
    around it by networkx (fixed seed); nodes of no region in the middle. The same graph gives the same picture,
    and a city sits with its region."""
    import math

    regions = sorted({n.get("region") or "" for n in view.nodes} - {""})
    members_of = {r: [n["id"] for n in view.nodes if (n.get("region") or "") == r] for r in [""] + regions}
    spread = {r: 90 * len(m) ** 0.5 for r, m in members_of.items()}  # a cluster's half-width, canvas units
    # the ring long enough for the clusters (discs of radius `spread`) side by side, and clear of the middle one
    widest = max(spread.values())
    radius = max(sum(2.4 * spread[r] for r in regions) / (2 * math.pi), spread[""] + 1.2 * widest,
                 1.2 * widest / math.sin(math.pi / len(regions)) if len(regions) > 1 else 0)
    out: dict[str, tuple[float, float]] = {}
    for i, region in enumerate([""] + regions):
        members = members_of[region]
        if not members:
            continue
        sub = nx.Graph()
        sub.add_nodes_from(members)
        sub.add_edges_from((e["from"], e["to"]) for e in view.edges if e["from"] in sub and e["to"] in sub)
        angle = 2 * math.pi * (i - 1) / max(1, len(regions))
        cx, cy = (0.0, 0.0) if region == "" else (radius * math.cos(angle), radius * math.sin(angle))
        scale = spread[region]
        layout = nx.spring_layout(sub, seed=7, iterations=60) if len(members) > 1 else {members[0]: (0.0, 0.0)}
        norms = sorted(math.hypot(float(x), float(y)) for x, y in layout.values())
        reach = norms[int(0.9 * (len(norms) - 1))] or norms[-1] or 1.0  # one stray node must not squeeze the rest
        for n, (x, y) in layout.items():  # into a disc of radius `scale` around the region's spot
            k = min(1.0, reach / (math.hypot(float(x), float(y)) or 1.0)) / reach
            out[n] = (round(cx + float(x) * k * scale, 2), round(cy + float(y) * k * scale, 2))
    return out


def network(view: View, physics_max: int) -> Network:
    physics = len(view.nodes) <= physics_max and view.kind != "overview"
    net = Network(directed=True, height="100%", width="100%")
    pos = {} if physics else (grouped_positions(view) if view.kind == "overview" else positions(view))
    for n in view.nodes:
        extra = {k: n[k] for k in ("tip", "url", "value", "links", "keys", "region") if k in n}
        if _low(n):
            extra.update(low=True, opacity=0.55, shapeProperties={"borderDashes": [4, 3]})
        if n["id"] in pos:
            extra.update(x=pos[n["id"]][0], y=pos[n["id"]][1], physics=False)
        net.add_node(n["id"], label=n["label"], group=n["group"], shape=STYLE.get(n["group"], ("", "dot"))[1], **extra)
    # Network.add_edge scans every edge for duplicates (quadratic, pyvis #304);
    # our edges are already unique, so they go straight into the list.
    net.edges.extend({"from": e["from"], "to": e["to"], "label": e.get("label", ""), "tip": e.get("tip", ""),
                      "dashes": bool(e.get("dashes")), "rel": e.get("rel", ""),
                      **{k: e[k] for k in ("firstSeen", "lastSeen", "links") if e.get(k)},
                      **({"low": True, "color": {"opacity": 0.35}} if _low(e) else {})} for e in view.edges)
    net.options = options(len(view.nodes), physics)
    return net


def _low(item: dict) -> bool:
    c = item.get("confidence")
    return c is not None and float(c) < LOW_CONFIDENCE


def render_view(view: View, physics_max: int, index_url: str = "index.html") -> str:
    net = network(view, physics_max)
    nodes, edges, _heading, _h, _w, _opts = net.get_network_data()
    for n in nodes:  # pyvis puts the label into `title` when none is given; tooltips come from `tip`
        n.pop("title", None)
    legend = [(k, c, s) for k, (c, s) in STYLE.items() if any(n["group"] == k for n in view.nodes)]
    rels = sorted({(e.get("rel", ""), bool(e.get("dashes"))) for e in view.edges if e.get("rel")})
    relations = [(rel, REL_ZH.get(rel, rel), dashed) for rel, dashed in rels]
    shapes = {s: _shape_svg(s, c) for _, (c, s) in STYLE.items()}
    dated = sorted({e[k][:4] for e in view.edges for k in ("firstSeen", "lastSeen") if e.get(k)})
    return _env().get_template("view.html").render(view=view, nodes=nodes, edges=edges, options=net.options,
                                                   legend=legend, relations=relations, shapes=shapes,
                                                   low=LOW_CONFIDENCE, years=dated, index_url=index_url)


def _shape_svg(shape: str, colour: str) -> str:
    """The legend's swatch of a node shape, as vis-network draws it (a constant of ours: no text goes in)."""
    body = {"dot": '<circle cx="7" cy="7" r="6"/>', "diamond": '<polygon points="7,0 14,7 7,14 0,7"/>',
            "triangle": '<polygon points="7,1 13,13 1,13"/>', "square": '<rect x="1" y="1" width="12" height="12"/>',
            "box": '<rect x="0" y="3" width="14" height="8" rx="2"/>', "ellipse": '<ellipse cx="7" cy="7" rx="7" ry="4"/>',
            "text": '<text x="1" y="11" font-size="10">Aa</text>'}.get(shape, '<circle cx="7" cy="7" r="6"/>')
    return f'<svg width="14" height="14" fill="{colour}" aria-hidden="true">{body}</svg>'


def render_article(page: ArticlePage, index_url: str = "index.html") -> str:
    """An article's reader page: plain HTML, no script; every string autoescaped."""
    colours = [(k, c) for k, (c, _) in STYLE.items()]
    return _env().get_template("article.html").render(page=page, colours=colours, index_url=index_url)


def render_index(title: str, sections: list[tuple[str, list[dict]]], counts: dict[str, int],
                 note: str | None = None) -> str:
    return _env().get_template("index.html").render(title=title, sections=sections, counts=counts, note=note)
