"""Which nodes, edges and table rows each view shows (pure: graph in, View out).

Views stay small whatever the corpus size: the overview keeps the top nodes by
degree and folds metrics into counts on their city; entity pages cap each kind
of neighbour. Tooltips and tables are plain text; the renderer never treats
them as HTML.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain

import networkx as nx

from kg.graph.schema import labels_of
from kg.views.charts import bar_chart, timeline_chart

# Below this, a node or a fact is drawn faded (dashed border) and a page checkbox hides it: the calibrated share
# of right extractions at that confidence is under four in five (kg.extract.confidence).
LOW_CONFIDENCE = 0.8
CHART_BARS = 15  # bars of a chart at most: the most frequent, the count of all said in its title


@dataclass
class View:
    kind: str                       # overview | city | official | programme
    key: str                        # graph node id of the entity (overview: "overview")
    title: str
    nodes: list[dict] = field(default_factory=list)    # id, label, group, tip, url?, value?
    edges: list[dict] = field(default_factory=list)    # from, to, label?, tip, dashes?, rel (the English type)
    table_title: str = ""
    table_columns: list[str] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)
    note: str = ""                  # what was capped or folded, said on the page
    charts: list[str] = field(default_factory=list)  # static SVG (kg.views.charts: every string escaped)


def page_name(kind: str, node_id: str) -> str:
    """The file of an entity's page: its id made safe for a file name; an id with characters beyond ASCII letters,
    digits, ``_-:`` gets a digest too, so two ids that differ only there never share a page.

    >>> page_name("city", "place:371400"), page_name("official", "official:王") == page_name("official", "official:李")
    ('city-place-371400.html', False)
    """
    safe = re.sub(r"[^A-Za-z0-9_-]", "-", node_id)
    if re.search(r"[^A-Za-z0-9_:-]", node_id):
        safe = "-".join(x for x in (re.sub(r"-{2,}", "-", safe).strip("-"),
                                    hashlib.sha1(node_id.encode("utf-8")).hexdigest()[:8]) if x)
    return f"{kind}-{safe}.html"


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


def _quoted(sentence: str, limit: int = 60) -> str:
    """A sentence as a link's text: in quotes, cut to ``limit`` characters."""
    return f"“{display(sentence, limit)}”"


def evidence_links(g: nx.MultiDiGraph, n: str, limit: int = 3) -> list[dict]:
    """Links to the sentences behind a node on their article pages: {text, href}, at most ``limit``."""
    out: list[dict] = []
    for u, _, d in chain(g.in_edges(n, data=True), g.out_edges(n, data=True)):
        ev = d.get("evidence")
        pairs = [(e.get("sentence"), e.get("article")) for e in ev] if isinstance(ev, list) else \
            [(ev, d.get("article") or (u if kind_of(g, u) == "Article" else None))] if ev else []
        for sentence, article in pairs:
            href = sentence_link(article, sentence) if sentence and article in g else ""
            if href and all(x["href"] != href for x in out):
                out.append({"text": f"{_quoted(sentence)} — {article_label(g, article)}", "href": href})
        if len(out) >= limit:
            break
    return out[:limit]


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
    lines = [f"{kind_of(g, n)}: {display(name_of(g, n))}"]
    if d.get("confidence") is not None and float(d["confidence"]) < LOW_CONFIDENCE:
        lines.append(f"low confidence 低置信度: {float(d['confidence']):.2f}")
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
    head = f"{REL_ZH.get(rel, rel)} {rel}" + (f": {d['title']}" if d.get("title") else "")
    if d.get("count"):
        span = "–".join(dict.fromkeys(x for x in (d.get("firstSeen"), d.get("lastSeen")) if x))
        head += f" ({d['count']} article{'s' if d['count'] > 1 else ''}{', ' + span if span else ''})"
    return "\n".join([head] + [f"“{s}” — {a}" for s, a in edge_evidence(g, u, d)[:1]])


PAGED = ("City", "Official", "Programme")  # kinds that have a page of their own
# Relation names as the pages show them (the English type stays in the tooltip and the filter).
REL_ZH = {"HOLDS": "任职", "RUNS": "开展", "PART_OF": "隶属", "MENTIONS": "提及", "REPORTS": "报告", "MEASURES": "衡量",
          "ABOUT": "关于", "same article": "同文", "co-mentioned": "同现"}
# Bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/F): in a label they reverse the text around it.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f]")
LABEL_MAX = 24  # characters of a label drawn on the network; the full name is in the tooltip and the details


def display(text: str, limit: int | None = None) -> str:
    """Text as a page shows it: bidi controls removed, and cut to ``limit`` characters with an ellipsis.

    >>> display("\u202e伊斯兰堡"), display("一二三四五六", 4)
    ('伊斯兰堡', '一二三…')
    """
    text = _BIDI.sub("", str(text))
    return text if limit is None or len(text) <= limit else text[:limit - 1] + "…"


def _node(g, n, **extra) -> dict:
    k = kind_of(g, n)
    name = name_of(g, n)
    node = {"id": n, "label": display(name, LABEL_MAX), "group": k, "tip": tip_of(g, n, extra.pop("extra_tip", [])),
            "links": evidence_links(g, n), "keys": search_keys(name), "confidence": g.nodes[n].get("confidence")}
    if k in PAGED:
        node["url"] = page_name(k.lower(), n)
    node.update(extra)
    return node


def search_keys(name: str) -> list[str]:
    """What a search box matches a node by: its name, the name in Traditional script, its pinyin and the pinyin's
    initials, all lower case: 長沙 and changsha both find 长沙市.

    >>> search_keys("长沙市")
    ['长沙市', '長沙市', 'changshashi', 'css']
    """
    return list(_search_keys(name))


@lru_cache(maxsize=65536)
def _search_keys(name: str) -> tuple[str, ...]:
    """Cached: every page draws its neighbours, so one name is keyed on many pages."""
    from pypinyin import Style, lazy_pinyin

    name = display(name)
    keys = [name, _s2t().convert(name), "".join(lazy_pinyin(name)).lower(),
            "".join(lazy_pinyin(name, style=Style.FIRST_LETTER)).lower()]
    return tuple(dict.fromkeys(k for k in keys if k))


def _s2t():
    """OpenCC's Simplified → Traditional converter, made once."""
    global _S2T
    if _S2T is None:
        from opencc import OpenCC

        _S2T = OpenCC("s2t")
    return _S2T


_S2T = None


def _ancestor_in(g, n, shown: set[str]) -> str | None:
    seen = set()
    while n not in shown and n not in seen:
        seen.add(n)
        parents = out_edges(g, n, "PART_OF")
        if not parents:
            return None
        n = parents[0][0]
    return n if n in shown else None


def region_of(g: nx.MultiDiGraph, n: str) -> str:
    """The province a node belongs with on the overview: a place's own, an official's first post's, a programme's
    first place's; '' for what belongs to none (中共中央, national leaders).

    The overview draws each province's nodes together, so that a city sits with its region."""
    kind = kind_of(g, n)
    if kind == "Official":
        n = next((p for p, _ in out_edges(g, n, "HOLDS") if kind_of(g, p) in ("City", "Place")), None)
    elif kind == "Programme":
        n = next((p for p, _ in in_edges(g, n, "RUNS")), None)
    seen = set()
    while n is not None and n not in seen:
        seen.add(n)
        if g.nodes[n].get("province"):
            return str(g.nodes[n]["province"])
        parents = out_edges(g, n, "PART_OF")
        if not parents:
            return str(g.nodes[n].get("name") or "") if g.nodes[n].get("level") == "province" else ""
        n = parents[0][0]
    return ""


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
        view.nodes.append(_node(g, n, extra_tip=extra, value=1 + degree[n] + metric_count[n], region=region_of(g, n)))
    seen_edges = set()
    for u, v, d in g.edges(data=True):
        rel = d.get("label")
        if rel not in ("HOLDS", "RUNS", "PART_OF"):
            continue
        a = u if u in shown else (_ancestor_in(g, u, shown) if rel == "RUNS" else None)
        b = v if v in shown else _ancestor_in(g, v, shown)
        if a is None or b is None or a == b:
            continue
        label = d.get("title") or ("" if rel == "PART_OF" else REL_ZH[rel])
        if (a, b, label) in seen_edges:
            continue
        seen_edges.add((a, b, label))
        folded = "" if (a, b) == (u, v) else f" (at {name_of(g, v if rel == 'HOLDS' else u)})"
        view.edges.append({"from": a, "to": b, "label": label + folded, "tip": edge_tip(g, u, rel, d),
                           "dashes": rel == "PART_OF", "rel": rel, "confidence": d.get("confidence"),
                           **_span(d)})
    if len(candidates) > len(kept):
        view.note = (f"Showing the {len(kept)} best-connected of {len(candidates)} cities, officials and "
                     f"programmes; every one has its own page in the index.")
    view.note += " Metrics are folded into their city (node size, tooltip); see the city pages."
    view.note += (" Each province's nodes are drawn together; those of none (national bodies and leaders, such as"
                  " 中共中央 and its officials) stand in the middle.")
    orphans = sum(1 for n in kept if not any(e["from"] == n or e["to"] == n for e in view.edges))
    if orphans:
        view.note += (f" {orphans} node(s) have no fact linking them to another shown here (named in reports only, "
                      "such as a national leader): hover for their evidence.")
    return view


def city_view(g: nx.MultiDiGraph, city: str, cap: int) -> View:
    view = View("city", city, name_of(g, city))
    area = _descendants(g, city)
    view.nodes.append(_node(g, city))
    for parent, d in out_edges(g, city, "PART_OF"):
        view.nodes.append(_node(g, parent))
        view.edges.append({"from": city, "to": parent, "label": REL_ZH["PART_OF"], "tip": "隶属 PART_OF",
                           "dashes": True, "rel": "PART_OF"})
    children = [c for c, _ in in_edges(g, city, "PART_OF")]
    for child in children[:cap]:
        view.nodes.append(_node(g, child))
        view.edges.append({"from": child, "to": city, "label": "", "tip": "隶属 PART_OF", "dashes": True,
                           "rel": "PART_OF"})
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
                               "tip": edge_tip(g, o, "HOLDS", d), "rel": "HOLDS",
                               "confidence": d.get("confidence"), **_span(d)})
    progs = {}
    for place in sorted(area):
        for p, d in out_edges(g, place, "RUNS"):
            progs.setdefault(p, d)
    for p in sorted(progs)[:cap]:
        view.nodes.append(_node(g, p))
        view.edges.append({"from": city, "to": p, "label": REL_ZH["RUNS"], "tip": edge_tip(g, city, "RUNS", progs[p]),
                           "rel": "RUNS", "confidence": progs[p].get("confidence"), **_span(progs[p])})
    view.table_title = "Reported figures 数据"
    view.table_columns = ["subject 主体", "figure 数值", "value", "unit", "qualifier", "place", "article", "evidence"]
    for place in sorted(area):
        for m, d in out_edges(g, place, "REPORTS"):
            md = g.nodes[m]
            view.table.append([md.get("subject") or "", md.get("text") or "", _num(md.get("value")),
                               md.get("unit") or "", md.get("qualifier") or "", name_of(g, place),
                               _cited(g, d.get("article"), d.get("evidence", "")), d.get("evidence", "")])
    view.table.sort(key=lambda r: (r[0], r[1]))
    subjects = Counter(row[0] for row in view.table if row[0])
    if subjects:
        top = sorted(subjects.items(), key=lambda kv: (-kv[1], kv[0]))[:CHART_BARS]
        view.charts.append(bar_chart(f"报告的数据 Figures reported, by subject (top {len(top)} of {len(subjects)})",
                                     [(display(s), n) for s, n in top]))
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
                           "tip": edge_tip(g, official, "HOLDS", d), "rel": "HOLDS",
                           "confidence": d.get("confidence"), **_span(d)})
        first = (d.get("evidence") or [None])[0] if isinstance(d.get("evidence"), list) else None
        view.table.append([d.get("title", ""), name_of(g, target), str(d.get("count") or ""),
                           d.get("firstSeen") or "", d.get("lastSeen") or "",
                           {"text": f"“{first['sentence']}” — {article_label(g, first.get('article'))}",
                            "href": sentence_link(first.get("article"), first["sentence"])} if first else ""])
    posts = [(f"{d.get('title', '')} {name_of(g, target)}", d.get("firstSeen") or "", d.get("lastSeen") or "")
             for target, d in out_edges(g, official, "HOLDS")]
    timeline = timeline_chart("任职时间 Posts over time (first to last report)", sorted(posts, key=lambda p: (p[1], p[0])))
    if timeline:
        view.charts.append(timeline)
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
            view.edges.append({"from": official, "to": x, "label": REL_ZH[label], "dashes": True,
                               "tip": f"{REL_ZH[label]} {label}: in {n} article(s)", "rel": label})
    return view


def programme_view(g: nx.MultiDiGraph, programme: str, cap: int) -> View:
    view = View("programme", programme, name_of(g, programme))
    view.nodes.append(_node(g, programme))
    runs = in_edges(g, programme, "RUNS")
    for place, d in runs[:cap]:
        view.nodes.append(_node(g, place))
        view.edges.append({"from": place, "to": programme, "label": REL_ZH["RUNS"], "tip": edge_tip(g, place, "RUNS", d),
                           "rel": "RUNS", "confidence": d.get("confidence"), **_span(d)})
    view.table_title = "Reported under this programme 相关数据"
    view.table_columns = ["place", "subject 主体", "figure 数值", "value", "unit", "article"]
    for m, _ in in_edges(g, programme, "MEASURES"):
        md = g.nodes[m]
        for place, d in in_edges(g, m, "REPORTS"):
            view.table.append([name_of(g, place), md.get("subject") or "", md.get("text") or "",
                               _num(md.get("value")), md.get("unit") or "",
                               _cited(g, d.get("article"), d.get("evidence", ""))])
    view.table.sort(key=lambda r: [c["text"] if isinstance(c, dict) else c for c in r])
    if len(runs) > cap:
        view.note = f"{len(runs) - cap} further places are not drawn (cap {cap})."
    return view


def _span(d: dict) -> dict:
    """A fact's first and last report dates, for the pages' date filter (absent when unknown), and links to its
    evidence sentences on their article pages (shown when the edge is clicked)."""
    out = {k: str(d[k]) for k in ("firstSeen", "lastSeen") if d.get(k)}
    ev = d.get("evidence")
    if isinstance(ev, list):
        out["links"] = [{"text": _quoted(e["sentence"]), "href": sentence_link(e.get("article"), e["sentence"])}
                        for e in ev if e.get("article")]
    return out


def _cited(g: nx.MultiDiGraph, article: str | None, sentence: str) -> dict:
    """A table cell citing an article: its headline, linked to the sentence on the article's page."""
    return {"text": article_label(g, article), "href": sentence_link(article, sentence) if sentence else
            (page_name("article", article) if article else "")}


def _num(value) -> str:
    if value is None:
        return ""
    value = float(value)
    return f"{value:,.0f}" if value.is_integer() else f"{value:,.4g}"


# -- article pages ----------------------------------------------------------------------------
def sentence_anchor(sentence: str) -> str:
    """The id of a sentence on its article's page: from the sentence itself, so that any fact's evidence links to
    it without knowing where in the text it stands.

    >>> sentence_anchor("市委书记李猛讲话。")
    's-bdc1a0a49b'
    """
    return "s-" + hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:10]


def sentence_link(article: str | None, sentence: str) -> str:
    """The address of a sentence on its article's page ('' when the article is unknown)."""
    return f"{page_name('article', article)}#{sentence_anchor(sentence)}" if article else ""


@dataclass
class ArticlePage:
    key: str
    title: str
    meta: list[tuple[str, str]]                 # (label, value): date, publisher, source
    url: str                                    # the original, when known and an http(s) address
    sentences: list[dict] = field(default_factory=list)  # anchor, segments: [{text, kind?, href?, tip?}]
    entities: list[dict] = field(default_factory=list)   # kind, label, href?, tip (the article's entities, listed)
    # The whole text, when the build kept it: paragraphs of units, each {anchor?, segments} (a cited sentence
    # is a unit with its anchor; what lies between is a unit without one).
    paragraphs: list[list[dict]] = field(default_factory=list)


def article_texts(entities: "Path") -> dict[str, dict]:
    """From ``entities.jsonl``: each article's text and where its entities stand in it — article id →
    {"text", "spans": [(start, end, entity id)]}. Articles without their text (older builds) are left out."""
    import json

    out: dict[str, dict] = {}
    with open(entities, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            art = record.get("article") or {}
            if not art.get("text"):
                continue
            spans = []
            for kind in ("places", "officials", "programmes", "organizations"):
                for item in record.get(kind) or []:
                    spans += [(m["start"], m["end"], item.get("id")) for m in item.get("mentions") or []
                              if m.get("start", -1) >= 0]
            for item in record.get("metrics") or []:
                m = item.get("mention") or {}
                if m.get("start", -1) >= 0:
                    spans.append((m["start"], m["end"], item.get("id")))
            out[art["id"]] = {"text": art["text"], "spans": spans}
    return out


def _article_sentences(g: nx.MultiDiGraph, article: str) -> list[tuple[int, str]]:
    """(order, sentence) of every sentence the graph cites from ``article``: MENTIONS evidence (with the mention's
    offset), the evidence objects of HOLDS and RUNS, and REPORTS evidence (no offset: after the others)."""
    found: dict[str, int] = {}

    def add(sentence, offset) -> None:
        if sentence:
            order = int(offset) if offset not in (None, "") else 10**9
            found[sentence] = min(found.get(sentence, order), order)

    for _, _, d in g.out_edges(article, data=True):
        add(d.get("evidence") if isinstance(d.get("evidence"), str) else None, d.get("offset"))
    for x, _ in out_edges(g, article, "MENTIONS"):
        for _, _, d in chain(g.in_edges(x, data=True), g.out_edges(x, data=True)):
            ev = d.get("evidence")
            if isinstance(ev, list):
                for e in ev:
                    if e.get("article") == article:
                        add(e.get("sentence"), e.get("offset"))
            elif d.get("label") == "REPORTS" and d.get("article") == article:
                add(ev, None)
    return sorted(((o, s) for s, o in found.items()), key=lambda t: (t[0], t[1]))


def _surfaces(g: nx.MultiDiGraph, n: str) -> list[str]:
    """The strings an entity is written as in a sentence: its name, aliases, a place's name without its unit suffix
    (德州 for 德州市), a figure's text."""
    d = g.nodes[n]
    kind = kind_of(g, n)
    if kind == "Metric":
        return [str(d["text"])] if d.get("text") else []
    out = [str(d["name"])] if d.get("name") else []
    out += [str(a) for a in d.get("aliases") or []]
    if kind in ("City", "Place") and d.get("name") and len(d["name"]) >= 3 and d["name"][-1] in "市县区省镇乡村旗盟州":
        out.append(d["name"][:-1])
    return [s for s in out if len(s) >= 2]


def _segments(sentence: str, marks: list[tuple[str, dict]]) -> list[dict]:
    """Split ``sentence`` into plain and highlighted segments: leftmost-longest matches of the surfaces."""
    spans: list[tuple[int, int, dict]] = []
    for surface, info in sorted(marks, key=lambda m: -len(m[0])):
        start = sentence.find(surface)
        while start >= 0:
            end = start + len(surface)
            if not any(s < end and start < e for s, e, _ in spans):
                spans.append((start, end, info))
            start = sentence.find(surface, end)
    out, pos = [], 0
    for s, e, info in sorted(spans, key=lambda t: t[0]):
        if s > pos:
            out.append({"text": sentence[pos:s]})
        out.append({"text": sentence[s:e], **info})
        pos = e
    if pos < len(sentence):
        out.append({"text": sentence[pos:]})
    return out


def _mark(g: nx.MultiDiGraph, n: str, confidence=None) -> dict:
    kind = kind_of(g, n)
    confidence = confidence if confidence is not None else g.nodes[n].get("confidence")
    info = {"kind": kind, "tip": f"{kind}: {display(name_of(g, n))}"
                                 + (f" · confidence {float(confidence):.2f}" if confidence else "")}
    if kind in PAGED:
        info["href"] = page_name(kind.lower(), n)
    return info


def _full_text(g: nx.MultiDiGraph, article: str, text: str, spans, cited: list[str]) -> list[list[dict]]:
    """The text as paragraphs of units: every extracted mention marked where it stands, every cited sentence a
    unit with its anchor."""
    marks = sorted(((s, e, n) for s, e, n in spans if n in g and 0 <= s < e <= len(text)), key=lambda x: (x[0], -x[1]))
    kept, last = [], -1
    for s, e, n in marks:  # leftmost-longest, no overlap
        if s >= last:
            kept.append((s, e, n))
            last = e
    info = {n: _mark(g, n) for _, _, n in kept}
    anchors = []
    for sentence in cited:
        pos = text.find(sentence)
        if pos >= 0 and all(not (a < pos + len(sentence) and pos < b) for a, b, _ in anchors):
            anchors.append((pos, pos + len(sentence), sentence_anchor(sentence)))
    anchors.sort()
    paragraphs, start = [], 0
    for line in text.split("\n") + [None]:
        if line is None:
            break
        end = start + len(line)
        if line.strip():
            cuts = sorted({start, end} | {x for a, b, _ in anchors for x in (a, b) if start < x < end})
            units = []
            for a, b in zip(cuts, cuts[1:]):
                anchor = next((name for x, y, name in anchors if x <= a and b <= y), None)
                segs, pos = [], a
                for s, e, n in kept:
                    s, e = max(s, a), min(e, b)
                    if s >= e:
                        continue
                    if s > pos:
                        segs.append({"text": display(text[pos:s])})
                    segs.append({"text": display(text[s:e]), **info[n]})
                    pos = e
                if pos < b:
                    segs.append({"text": display(text[pos:b])})
                if units and units[-1].get("anchor") == anchor:  # one anchored sentence cut by a mark
                    units[-1]["segments"] += segs
                else:
                    units.append({"anchor": anchor, "segments": segs})
            paragraphs.append(units)
        start = end + 1
    return paragraphs


def article_page(g: nx.MultiDiGraph, article: str, texts: dict | None = None) -> ArticlePage:
    """The reader of one article: its headline and metadata, and its text with each entity and figure extracted
    from it marked (colour by type, confidence in the tooltip) and linked to the entity's page; every sentence the
    graph cites carries an anchor that tables and nodes link to. ``texts`` (:func:`article_texts`) gives the whole
    text; without it (a graph alone, an older build) the page shows the cited sentences in text order."""
    d = g.nodes[article]
    url = str(d.get("url") or "")
    page = ArticlePage(article, article_label(g, article) or article,
                       [(k, str(d[k])) for k in ("date", "publisher", "source") if d.get(k)],
                       url if re.match(r"https?://", url) else "")
    marks = []
    for x, e in out_edges(g, article, "MENTIONS"):
        kind = kind_of(g, x)
        confidence = e.get("confidence") or g.nodes[x].get("confidence")
        tip = f"{kind}: {name_of(g, x)}" + (f" · confidence {float(confidence):.2f}" if confidence else "")
        info = {"kind": kind, "tip": tip}
        if kind in PAGED:
            info["href"] = page_name(kind.lower(), x)
        page.entities.append({"label": name_of(g, x), **info})
        marks += [(s, info) for s in _surfaces(g, x)]
    page.entities.sort(key=lambda e: (e["kind"], e["label"]))
    cited = [sentence for _, sentence in _article_sentences(g, article)]
    kept = (texts or {}).get(article)
    if kept:
        page.paragraphs = _full_text(g, article, kept["text"], kept["spans"], cited)
    else:
        for sentence in cited:
            page.sentences.append({"anchor": sentence_anchor(sentence), "segments": _segments(sentence, marks)})
    return page


# -- figures by subject -------------------------------------------------------------------------
def subjects(g: nx.MultiDiGraph, min_places: int = 2, most: int = 200) -> dict[str, list[tuple[str, str, dict]]]:
    """What several places report figures about (群众满意度, 党员干部…): subject → its (metric, place, REPORTS edge)
    rows, for subjects reported by at least ``min_places`` places, the ``most`` most reported."""
    by_subject: dict[str, list[tuple[str, str, dict]]] = defaultdict(list)
    for m in nodes_of(g, "Metric"):
        subject = display(g.nodes[m].get("subject") or "").strip()
        if len(subject) >= 2:
            for place, d in in_edges(g, m, "REPORTS"):
                by_subject[subject].append((m, place, d))
    shared = {s: rows for s, rows in by_subject.items() if len({p for _, p, _ in rows}) >= min_places}
    return dict(sorted(shared.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:most])


def subject_view(g: nx.MultiDiGraph, subject: str, rows: list[tuple[str, str, dict]]) -> View:
    """One subject across places: a bar per place (its largest figure in the subject's most common unit), and every
    figure with its date and article."""
    view = View("subject", subject, f"{subject} · 各地数据 across places")
    places = sorted({p for _, p, _ in rows}, key=lambda p: name_of(g, p))
    for p in places:
        view.nodes.append(_node(g, p))
    unit = Counter(g.nodes[m].get("unit") or "" for m, _, _ in rows).most_common(1)[0][0]
    best: dict[str, float] = {}
    for m, p, _ in rows:
        md = g.nodes[m]
        if (md.get("unit") or "") == unit and md.get("value") is not None:
            best[p] = max(best.get(p, float("-inf")), float(md["value"]))
    bars = sorted(((name_of(g, p), v) for p, v in best.items()), key=lambda kv: (-kv[1], kv[0]))[:CHART_BARS]
    if bars:
        view.charts.append(bar_chart(f"{subject} ({unit or 'value'}), largest figure per place", bars))
    view.table_title = "Figures 数据"
    view.table_columns = ["place", "figure 数值", "value", "unit", "qualifier", "date", "article", "evidence"]
    for m, p, d in rows:
        md = g.nodes[m]
        article = d.get("article")
        date = str(md.get("date") or (g.nodes[article].get("date") if article in g else "") or "")
        view.table.append([name_of(g, p), md.get("text") or "", _num(md.get("value")), md.get("unit") or "",
                           md.get("qualifier") or "", date, _cited(g, article, d.get("evidence", "")),
                           d.get("evidence", "")])
    view.table.sort(key=lambda r: [c["text"] if isinstance(c, dict) else c for c in r])
    dated = sorted((r[5], f"{r[0]} {r[1]}") for r in view.table if r[5])
    if dated:  # over time: when each place reported its figure (the latest 15)
        view.charts.append(timeline_chart(f"{subject}: 报告时间 when each figure was reported",
                                          [(label, day, day) for day, label in dated[-CHART_BARS:]]))
    return view
