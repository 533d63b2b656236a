"""Article records → one networkx MultiDiGraph following SCHEMA.md.

Ids are deterministic (content hash for articles; adcode or name path for
places; name + post place for officials; canonical name for programmes), so
re-runs never duplicate and the same official or programme seen in two
articles is one node whose posts and aliases accumulate. Every edge from an
article's facts carries provenance: the source, the evidence sentence, the
character offset.
"""
from __future__ import annotations

import networkx as nx

from kg.errors import GraphError
from kg.extract.records import ArticleRecord, Mention, place_key, stable_id
from kg.graph.schema import label_string
from kg.language.units import is_city


class GraphBuilder:
    def __init__(self) -> None:
        self.graph = nx.MultiDiGraph()
        self._sentences: dict[str, str] = {}   # the current article's evidence, by value

    # -- nodes ----------------------------------------------------------------------
    def _node(self, node_id: str, labels: list[str], **props) -> str:
        g = self.graph
        if node_id not in g:
            g.add_node(node_id, id=node_id, labels=label_string(labels))
        attrs = g.nodes[node_id]
        for k, v in props.items():
            if v is None:
                continue
            if isinstance(v, list):
                merged = list(attrs.get(k) or [])
                merged += [x for x in v if x not in merged]
                attrs[k] = merged
            elif k not in attrs:
                attrs[k] = v
        return node_id

    def _edge(self, src: str, dst: str, rel: str, key_parts: tuple = (), **props) -> None:
        if src not in self.graph or dst not in self.graph:  # networkx would add a node without labels
            raise GraphError(f"{rel} edge to a node not in the graph: {src} -> {dst}")
        key = stable_id(rel, src, dst, *key_parts)
        if not self.graph.has_edge(src, dst, key):
            if props.get("evidence") is not None:  # one string per sentence, however many edges cite it
                props["evidence"] = self._sentences.setdefault(props["evidence"], props["evidence"])
            self.graph.add_edge(src, dst, key=key, label=rel, **{k: v for k, v in props.items() if v is not None})

    def _mention(self, article: str, node: str, mentions: list[Mention]) -> None:
        if not mentions:
            return
        first = next((m for m in mentions if m.start >= 0), mentions[0])
        self._edge(article, node, "MENTIONS", evidence=first.sentence, offset=first.start, count=len(mentions))

    # -- one article ------------------------------------------------------------------
    def add(self, record: ArticleRecord) -> None:
        self._sentences = {}
        art = record.article
        a = self._node(art["id"], ["Article"], source=art["source"], title=art.get("title"), date=art.get("date"),
                       publisher=art.get("publisher"), url=art.get("url"), chars=art.get("chars"))
        attrs = self.graph.nodes[a]
        if attrs["source"] != art["source"]:  # the same text under another name: one Article, every name kept
            attrs.setdefault("sources", [attrs["source"]])
            if art["source"] not in attrs["sources"]:
                attrs["sources"].append(art["source"])
        src, as_of = art["source"], art.get("date")
        places = {}
        for p in record.places:
            pid = self._place_chain(p.chain)
            places[p.key] = pid
            self._mention(a, pid, p.mentions)
        if record.home:
            self._edge(a, record.home, "ABOUT")
        home = record.home
        for o in record.officials:
            oid = self._node(stable_id("official", o.name, o.home_place), ["Official"], name=o.name,
                             titles=[t.title for t in o.titles])
            self._mention(a, oid, o.mentions)
            ev = o.mentions[0] if o.mentions else None
            for t in o.titles:
                target = t.place if t.place in self.graph else None
                if target is None and t.organization:
                    target = self._node(stable_id("org", t.organization), ["Organization"], name=t.organization)
                if target is None:
                    continue
                self._edge(oid, target, "HOLDS", (t.title, a), title=t.title, source=src, asOf=as_of,
                           evidence=ev.sentence if ev else None, offset=ev.start if ev else None)
        for person in record.persons:
            pid = self._node(stable_id("person", person.name, person.role, home), ["Person"], name=person.name,
                             role=person.role)
            self._mention(a, pid, person.mentions)
        for org in record.organizations:
            self._mention(a, self._node(stable_id("org", org.name), ["Organization"], name=org.name), org.mentions)
        prog_ids = {}
        for prog in record.programmes:
            gid = self._node(stable_id("programme", prog.name), ["Programme"], name=prog.name, aliases=prog.aliases)
            prog_ids[prog.name] = gid
            self._mention(a, gid, prog.mentions)
            if home:
                m = prog.mentions[0] if prog.mentions else None
                self._edge(home, gid, "RUNS", (a,), source=src, evidence=m.sentence if m else None)
        for mt in record.metrics:
            mid = self._node(stable_id("metric", art["id"], mt.value, mt.unit, mt.subject), ["Metric"], text=mt.text,
                             value=float(mt.value), unit=mt.unit, subject=mt.subject, qualifier=mt.qualifier,
                             date=mt.date)
            self._mention(a, mid, [mt.mention])
            reporter = mt.place or home
            if reporter:
                self._edge(reporter, mid, "REPORTS", (a,), source=src, evidence=mt.mention.sentence)
            prog = mt.programme or _programme_in(mt.mention.sentence, record)
            if prog and prog in prog_ids:
                self._edge(mid, prog_ids[prog], "MEASURES")

    def _place_chain(self, chain) -> str:
        """Create the unit and all its ancestors, linked by PART_OF."""
        parent = None
        for i, level in enumerate(chain):
            sub = chain[: i + 1]
            labels = ["Place", "City"] if is_city(level.name, level.level) else ["Place"]
            pid = self._node(place_key(sub), labels, name=level.name,
                             level=level.level, adcode=level.adcode, province=chain[0].name)
            if parent:
                self._edge(pid, parent, "PART_OF")
            parent = pid
        return parent


def _programme_in(sentence: str, record: ArticleRecord) -> str | None:
    """The programme a figure is reported under: one named in the same sentence."""
    best = None
    for prog in record.programmes:
        for name in [prog.name] + prog.aliases:
            if name and name in sentence and (best is None or len(name) > len(best[1])):
                best = (prog.name, name)
    return best[0] if best else None


def build_graph(records) -> nx.MultiDiGraph:
    builder = GraphBuilder()
    for record in records:
        builder.add(record)
    return builder.graph
