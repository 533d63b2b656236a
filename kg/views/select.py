"""Which nodes, edges and table rows each view shows (pure: graph in, View out).

Views stay small whatever the corpus size: the overview keeps the top nodes by
degree and folds metrics into counts on their city; entity pages cap each kind
of neighbour. Tooltips and tables are plain text; the renderer never treats
them as HTML.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import chain

import networkx as nx

from kg.graph.schema import labels_of


@dataclass
class View:
    kind: str                       # overview | city | official | programme
    key: str                        # graph node id of the entity (overview: "overview")
    title: str
    nodes: list[dict] = field(default_factory=list)    # id, label, group, tip, url?, value?
    edges: list[dict] = field(default_factory=list)    # from, to, label?, tip, dashes?
    table_title: str = ""
    table_columns: list[str] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)
    note: str = ""                  # what was capped or folded, said on the page


def page_name(kind: str, node_id: str) -> str:
    return f"{kind}-{re.sub(r'[^A-Za-z0-9_-]', '-', node_id)}.html"


# -- reading the graph ----------------------------------------------------------------------
def kind_of(g: nx.MultiDiGraph, n: str) -> str:
    labels = labels_of(g.nodes[n])
    return "City" if "City" in labels else next(iter(labels), "Node")


def name_of(g: nx.MultiDiGraph, n: str) -> str:
    d = g.nodes[n]
    if kind_of(g, n) == "Metric":
        return f"{d.get('subject') or ''} {d.get('text') or ''}".strip()
    return str(d.get("name") or d.get("title") or d.get("text") or n)


def nodes_of(g: nx.MultiDiGraph, *kinds: str) -> list[str]:
    return [n for n in g if kind_of(g, n) in kinds]


def out_edges(g, n, rel):
    return [(v, d) for _, v, d in g.out_edges(n, data=True) if d.get("label") == rel]


def in_edges(g, n, rel):
    return [(u, d) for u, _, d in g.in_edges(n, data=True) if d.get("label") == rel]


def article_label(g: nx.MultiDiGraph, article: str | None) -> str:
    """How an article is cited: its headline, else its input name."""
    d = g.nodes[article] if article in g else {}
    return str(d.get("title") or d.get("source") or "")


def edge_evidence(g: nx.MultiDiGraph, u: str, d: dict) -> list[tuple[str, str]]:
    """(sentence, article) pairs of one edge: an aggregated fact lists its evidence
    objects (SCHEMA v2); MENTIONS and REPORTS carry one sentence of one article."""
    ev = d.get("evidence")
    if isinstance(ev, list):
        return [(e["sentence"], article_label(g, e.get("article"))) for e in ev]
    if ev:
        return [(ev, article_label(g, d.get("article") or u))]
    return []


def evidence_of(g: nx.MultiDiGraph, n: str, limit: int = 3) -> list[tuple[str, str]]:
    """(sentence, article) pairs behind a node, from the edges that carry evidence."""
    found: list[tuple[str, str]] = []
    # Lazily: a city has thousands of edges and three sentences are enough.
    for u, _, d in chain(g.in_edges(n, data=True), g.out_edges(n, data=True)):
        for pair in edge_evidence(g, u, d):
            if pair not in found:
                found.append(pair)
        if len(found) >= limit:
            break
    return found[:limit]


def tip_of(g: nx.MultiDiGraph, n: str, extra: list[str] = ()) -> str:
    d = g.nodes[n]
    lines = [f"{kind_of(g, n)}: {name_of(g, n)}"]
    if d.get("titles"):
        lines.append("职务: " + "、".join(d["titles"]))
    if d.get("aliases"):
        lines.append("又称: " + "、".join(d["aliases"][:6]))
    if d.get("level"):
        lines.append(f"level: {d['level']}" + (f" · adcode {d['adcode']}" if d.get("adcode") else ""))
    lines += list(extra)
    for sentence, source in evidence_of(g, n):
        lines.append(f"“{sentence}” — {source}")
    return "\n".join(lines)


def edge_tip(g: nx.MultiDiGraph, u: str, rel: str, d: dict) -> str:
    head = rel + (f": {d['title']}" if d.get("title") else "")
    if d.get("count"):
        span = "–".join(dict.fromkeys(x for x in (d.get("firstSeen"), d.get("lastSeen")) if x))
        head += f" ({d['count']} article{'s' if d['count'] > 1 else ''}{', ' + span if span else ''})"
    return "\n".join([head] + [f"“{s}” — {a}" for s, a in edge_evidence(g, u, d)[:1]])


PAGED = ("City", "Official", "Programme")  # kinds that have a page of their own


def _node(g, n, **extra) -> dict:
    k = kind_of(g, n)
    node = {"id": n, "label": name_of(g, n), "group": k, "tip": tip_of(g, n, extra.pop("extra_tip", []))}
    if k in PAGED:
        node["url"] = page_name(k.lower(), n)
    node.update(extra)
    return node


def _ancestor_in(g, n, shown: set[str]) -> str | None:
    seen = set()
    while n not in shown and n not in seen:
        seen.add(n)
        parents = out_edges(g, n, "PART_OF")
        if not parents:
            return None
        n = parents[0][0]
    return n if n in shown else None


def _descendants(g, place: str) -> set[str]:
    """The place and every unit under it (PART_OF points up)."""
    todo, seen = [place], {place}
    while todo:
        for child, _ in in_edges(g, todo.pop(), "PART_OF"):
            if child not in seen:
                seen.add(child)
                todo.append(child)
    return seen


# -- views ----------------------------------------------------------------------------------
def overview(g: nx.MultiDiGraph, max_nodes: int) -> View:
    candidates = nodes_of(g, "City", "Official", "Programme")
    degree = dict(g.degree(candidates))
    kept = sorted(candidates, key=lambda n: (-degree[n], n))[:max_nodes]
    shown = set(kept)
    metric_count: Counter = Counter()
    for m in nodes_of(g, "Metric"):
        for place, _ in in_edges(g, m, "REPORTS"):
            city = _ancestor_in(g, place, shown)
            if city:
                metric_count[city] += 1
    view = View("overview", "overview", "总览 Overview")
    for n in kept:
        extra = [f"reported figures: {metric_count[n]}"] if kind_of(g, n) == "City" else []
        view.nodes.append(_node(g, n, extra_tip=extra, value=1 + degree[n] + metric_count[n]))
    seen_edges = set()
    for u, v, d in g.edges(data=True):
        rel = d.get("label")
        if rel not in ("HOLDS", "RUNS", "PART_OF"):
            continue
        a = u if u in shown else (_ancestor_in(g, u, shown) if rel == "RUNS" else None)
        b = v if v in shown else _ancestor_in(g, v, shown)
        if a is None or b is None or a == b:
            continue
        label = d.get("title") or ("" if rel == "PART_OF" else rel)
        if (a, b, label) in seen_edges:
            continue
        seen_edges.add((a, b, label))
        folded = "" if (a, b) == (u, v) else f" (at {name_of(g, v if rel == 'HOLDS' else u)})"
        view.edges.append({"from": a, "to": b, "label": label + folded, "tip": edge_tip(g, u, rel, d),
                           "dashes": rel == "PART_OF"})
    if len(candidates) > len(kept):
        view.note = (f"Showing the {len(kept)} best-connected of {len(candidates)} cities, officials and "
                     f"programmes; every one has its own page in the index.")
    view.note += " Metrics are folded into their city (node size, tooltip); see the city pages."
    return view


def city_view(g: nx.MultiDiGraph, city: str, cap: int) -> View:
    view = View("city", city, name_of(g, city))
    area = _descendants(g, city)
    view.nodes.append(_node(g, city))
    for parent, d in out_edges(g, city, "PART_OF"):
        view.nodes.append(_node(g, parent))
        view.edges.append({"from": city, "to": parent, "label": "PART_OF", "tip": "PART_OF", "dashes": True})
    children = [c for c, _ in in_edges(g, city, "PART_OF")]
    for child in children[:cap]:
        view.nodes.append(_node(g, child))
        view.edges.append({"from": child, "to": city, "label": "", "tip": "PART_OF", "dashes": True})
    shown = {n["id"] for n in view.nodes}
    holders = defaultdict(list)
    for place in sorted(area):
        for o, d in in_edges(g, place, "HOLDS"):
            holders[o].append((place, d))
    for o in sorted(holders)[:cap]:
        view.nodes.append(_node(g, o))
        for place, d in holders[o]:
            target = place if place in shown else city
            at = "" if target == place else f" ({name_of(g, place)})"
            view.edges.append({"from": o, "to": target, "label": d.get("title", "") + at,
                               "tip": edge_tip(g, o, "HOLDS", d)})
    progs = {}
    for place in sorted(area):
        for p, d in out_edges(g, place, "RUNS"):
            progs.setdefault(p, d)
    for p in sorted(progs)[:cap]:
        view.nodes.append(_node(g, p))
        view.edges.append({"from": city, "to": p, "label": "RUNS", "tip": edge_tip(g, city, "RUNS", progs[p])})
    view.table_title = "Reported figures 数据"
    view.table_columns = ["subject 主体", "figure 数值", "value", "unit", "qualifier", "place", "article", "evidence"]
    for place in sorted(area):
        for m, d in out_edges(g, place, "REPORTS"):
            md = g.nodes[m]
            view.table.append([md.get("subject") or "", md.get("text") or "", _num(md.get("value")),
                               md.get("unit") or "", md.get("qualifier") or "", name_of(g, place),
                               article_label(g, d.get("article")), d.get("evidence", "")])
    view.table.sort(key=lambda r: (r[0], r[1]))
    hidden = max(0, len(children) - cap) + max(0, len(holders) - cap) + max(0, len(progs) - cap)
    if hidden:
        view.note = f"{hidden} further neighbours are not drawn (cap {cap} per kind)."
    return view


def official_view(g: nx.MultiDiGraph, official: str, cap: int) -> View:
    view = View("official", official, name_of(g, official))
    view.nodes.append(_node(g, official))
    shown = {official}
    view.table_title = "Posts 职务"
    view.table_columns = ["title 职务", "place / body", "articles", "first seen", "last seen", "evidence"]
    for target, d in out_edges(g, official, "HOLDS"):
        if target not in shown:
            view.nodes.append(_node(g, target))
            shown.add(target)
        view.edges.append({"from": official, "to": target, "label": d.get("title", ""),
                           "tip": edge_tip(g, official, "HOLDS", d)})
        evidence = edge_evidence(g, official, d)
        view.table.append([d.get("title", ""), name_of(g, target), str(d.get("count") or ""),
                           d.get("firstSeen") or "", d.get("lastSeen") or "",
                           f"“{evidence[0][0]}” — {evidence[0][1]}" if evidence else ""])
    articles = [a for a, _ in in_edges(g, official, "MENTIONS")]
    co_officials, co_programmes = Counter(), Counter()
    for a in articles:
        for x, _ in out_edges(g, a, "MENTIONS"):
            if x != official and kind_of(g, x) == "Official":
                co_officials[x] += 1
            elif kind_of(g, x) == "Programme":
                co_programmes[x] += 1
    for counter, label in ((co_programmes, "same article"), (co_officials, "co-mentioned")):
        for x, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:cap]:
            if x not in shown:
                view.nodes.append(_node(g, x))
                shown.add(x)
            view.edges.append({"from": official, "to": x, "label": label, "dashes": True,
                               "tip": f"{label} in {n} article(s)"})
    return view


def programme_view(g: nx.MultiDiGraph, programme: str, cap: int) -> View:
    view = View("programme", programme, name_of(g, programme))
    view.nodes.append(_node(g, programme))
    runs = in_edges(g, programme, "RUNS")
    for place, d in runs[:cap]:
        view.nodes.append(_node(g, place))
        view.edges.append({"from": place, "to": programme, "label": "RUNS", "tip": edge_tip(g, place, "RUNS", d)})
    view.table_title = "Reported under this programme 相关数据"
    view.table_columns = ["place", "subject 主体", "figure 数值", "value", "unit", "article"]
    for m, _ in in_edges(g, programme, "MEASURES"):
        md = g.nodes[m]
        for place, d in in_edges(g, m, "REPORTS"):
            view.table.append([name_of(g, place), md.get("subject") or "", md.get("text") or "",
                               _num(md.get("value")), md.get("unit") or "", article_label(g, d.get("article"))])
    view.table.sort()
    if len(runs) > cap:
        view.note = f"{len(runs) - cap} further places are not drawn (cap {cap})."
    return view


def _num(value) -> str:
    if value is None:
        return ""
    value = float(value)
    return f"{value:,.0f}" if value.is_integer() else f"{value:,.4g}"
