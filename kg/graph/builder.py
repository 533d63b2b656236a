"""Article records → one networkx MultiDiGraph following ``../shared/SCHEMA.md`` (version 2).

Ids are deterministic (content hash for articles; adcode or name path for
places; name + post place for officials; canonical name for programmes), so
re-runs never duplicate and the same official or programme seen in two
articles is one node whose posts and aliases accumulate.

**One edge per fact.** A post (``HOLDS``: official, title, holder) or a place
running a programme (``RUNS``) reported by 2,000 articles is one relationship
that lists them: ``articles`` (Article ids, in input order), ``count``,
``firstSeen``/``lastSeen`` (the earliest and latest of their dates), up to
three ``evidence`` objects ``{article, sentence, offset}`` and the best
``confidence`` — how career databases model a post, and what keeps a city page
or a Cypher answer from repeating one fact per article. Facts that belong to
one article stay per article: ``MENTIONS`` (article → entity, with its first
evidence sentence, offset and count), ``ABOUT``, ``REPORTS`` (a figure is
reported by one article: ``article``, ``evidence``). No relationship has a
property named ``source`` (node-link JSON's endpoint key).

>>> from kg.extract.records import ArticleRecord
>>> b = GraphBuilder()
>>> b.add(ArticleRecord(article={"id": "article:1", "source": "a.txt", "date": "2021-06"}))
>>> dict(b.graph.nodes["article:1"])["source"]
'a.txt'
"""
from __future__ import annotations

import networkx as nx

from kg.errors import GraphError
from kg.extract.records import ArticleRecord, Mention, organization_id, place_key, stable_id
from kg.graph.schema import label_string
from kg.language.units import is_city


# Evidence objects kept on an aggregated fact (SCHEMA v2: "a short list, at most 3").
EVIDENCE_PER_FACT = 3


class GraphBuilder:
    """``min_confidence`` (setting ``KG_MIN_CONFIDENCE``): an extracted item or fact
    whose confidence is below it stays out of the graph (its record keeps it,
    marked ``excluded`` by :func:`mark_excluded`). The default 0 keeps everything."""

    def __init__(self, min_confidence: float = 0.0) -> None:
        self.graph = nx.MultiDiGraph()
        self.min_confidence = min_confidence
        self._sentences: dict[str, str] = {}   # the current article's evidence, by value
        self._fact_articles: dict[str, set[str]] = {}  # a fact's articles as a set: membership in O(1)

    def _enters(self, confidence: float | None) -> bool:
        return confidence is None or confidence >= self.min_confidence

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
                if not v and k not in attrs:
                    continue  # no empty lists: Neo4j cannot tell one from a missing property
                merged = list(attrs.get(k) or [])
                merged += [x for x in v if x not in merged]
                attrs[k] = merged
            elif k == "confidence":  # the best over the node's mentions, in every article
                attrs[k] = max(attrs.get(k, v), v)
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

    def _fact(self, src: str, dst: str, rel: str, key_parts: tuple, article: str, date: str | None,
              mention: Mention | None, confidence: float | None, **props) -> None:
        """The one edge of a fact, created or joined by this article (SCHEMA v2 aggregation)."""
        if src not in self.graph or dst not in self.graph:
            raise GraphError(f"{rel} edge to a node not in the graph: {src} -> {dst}")
        key = stable_id(rel, src, dst, *key_parts)
        data = self.graph.get_edge_data(src, dst, key)
        if data is None:
            self.graph.add_edge(src, dst, key=key, label=rel, **{k: v for k, v in props.items() if v is not None},
                                articles=[], count=0, firstSeen=None, lastSeen=None, evidence=[])
            data = self.graph.edges[src, dst, key]
        seen = self._fact_articles.setdefault(key, set())
        if article in seen:
            return
        seen.add(article)
        data["articles"].append(article)
        data["count"] = len(data["articles"])
        if date:
            data["firstSeen"] = min(data["firstSeen"] or date, date)
            data["lastSeen"] = max(data["lastSeen"] or date, date)
        if mention is not None and len(data["evidence"]) < EVIDENCE_PER_FACT:
            data["evidence"].append({"article": article, "sentence": mention.sentence, "offset": mention.start})
        if confidence is not None and confidence > (data.get("confidence") or -1.0):
            data["confidence"] = confidence
            if props.get("method"):
                data["method"] = props["method"]

    def _mention(self, article: str, node: str, mentions: list[Mention], confidence: float | None = None,
                 method: str | None = None) -> None:
        if not mentions:
            return
        first = next((m for m in mentions if m.start >= 0), mentions[0])
        self._edge(article, node, "MENTIONS", evidence=first.sentence, offset=first.start, count=len(mentions),
                   confidence=confidence, method=method or None)

    # -- one article ------------------------------------------------------------------
    def add(self, record: ArticleRecord) -> None:
        """One article's record. Confidences (SCHEMA v2): a node carries the best over
        its mentions; MENTIONS and HOLDS the item's and its method; ABOUT the home
        vote's; a fact resting on the home unit too (RUNS, REPORTS by the home) and
        MEASURES the weaker of the two confidences it rests on."""
        self._sentences = {}
        if not record.has_ids():  # a record built by hand (extraction and from_dict assign them)
            record.assign_ids()
        art = record.article
        a = self._node(art["id"], ["Article"], source=art["source"], title=art.get("title"), date=art.get("date"),
                       publisher=art.get("publisher"), url=art.get("url"), chars=art.get("chars"))
        attrs = self.graph.nodes[a]
        if attrs["source"] != art["source"]:  # the same text under another name: one Article, every name kept
            attrs.setdefault("sources", [attrs["source"]])
            if art["source"] not in attrs["sources"]:
                attrs["sources"].append(art["source"])
        as_of = art.get("date")
        home_conf = record.home_confidence
        home = record.home if record.home and self._enters(home_conf) else None
        places, left_out = {}, set()
        for p in record.places:
            if self._enters(p.confidence):
                places[p.key] = pid = self._place_chain(p.chain, p.confidence)
                self._mention(a, pid, p.mentions, p.confidence, p.method)
            elif p.key == home:  # not named surely enough, but the article is about it
                places[p.key] = self._place_chain(p.chain, home_conf)
            else:
                left_out.add(p.key)
        if home in left_out:
            home = None
        if home:
            if home in places:
                self._node(home, [], confidence=home_conf)
            self._edge(a, home, "ABOUT", confidence=home_conf)
        for o in record.officials:
            titles = [t for t in o.titles if self._enters(t.confidence)]
            if not titles:
                continue
            best = max(titles, key=lambda t: t.confidence or 0.0)
            oid = self._node(o.id, ["Official"], name=o.name,
                             titles=[t.title for t in titles], confidence=best.confidence)
            self._mention(a, oid, o.mentions, best.confidence, best.method)
            ev = next((m for m in o.mentions if m.start >= 0), o.mentions[0] if o.mentions else None)
            for t in titles:
                target = t.place if t.place in self.graph else None
                if target is None and t.organization:
                    target = self._node(organization_id(t.organization), ["Organization"], name=t.organization,
                                        confidence=t.confidence)
                if target is None:
                    continue
                self._fact(oid, target, "HOLDS", (t.title,), a, as_of, ev, t.confidence, title=t.title,
                           method=t.method or None)
        for person in record.persons:
            if not self._enters(person.confidence):
                continue
            pid = self._node(person.id, ["Person"], name=person.name,
                             role=person.role, confidence=person.confidence)
            self._mention(a, pid, person.mentions, person.confidence, person.method)
        for org in record.organizations:
            if self._enters(org.confidence):
                oid = self._node(org.id, ["Organization"], name=org.name, confidence=org.confidence)
                self._mention(a, oid, org.mentions, org.confidence, org.method)
        prog_ids, prog_conf = {}, {}
        for prog in record.programmes:
            if not self._enters(prog.confidence):
                continue
            gid = self._node(prog.id, ["Programme"], name=prog.name, aliases=prog.aliases,
                             confidence=prog.confidence)
            prog_ids[prog.name], prog_conf[prog.name] = gid, prog.confidence
            self._mention(a, gid, prog.mentions, prog.confidence, prog.method)
            runs = _weakest(prog.confidence, home_conf)
            if home and self._enters(runs):
                m = next((m for m in prog.mentions if m.start >= 0), prog.mentions[0] if prog.mentions else None)
                self._fact(home, gid, "RUNS", (), a, as_of, m, runs)
        for mt in record.metrics:
            if not self._enters(mt.confidence):
                continue
            mid = self._node(mt.id, ["Metric"], text=mt.text,
                             value=float(mt.value), unit=mt.unit, subject=mt.subject, qualifier=mt.qualifier,
                             date=mt.date, confidence=mt.confidence)
            self._mention(a, mid, [mt.mention], mt.confidence, mt.method)
            by_home = mt.place in (None, record.home)
            reporter = home if by_home else mt.place
            reports = _weakest(mt.confidence, home_conf) if by_home else mt.confidence
            if reporter and reporter not in left_out and self._enters(reports):
                self._edge(reporter, mid, "REPORTS", (a,), article=a, evidence=mt.mention.sentence,
                           confidence=reports)
            prog = mt.programme
            measures = _weakest(mt.confidence, prog_conf.get(prog))
            if prog and prog in prog_ids and self._enters(measures):
                self._edge(mid, prog_ids[prog], "MEASURES", confidence=measures)

    def _place_chain(self, chain, confidence: float | None = None) -> str:
        """Create the unit and all its ancestors, linked by PART_OF. An ancestor is
        as sure as the unit that brings it in (the gazetteer adds no doubt)."""
        parent = None
        for i, level in enumerate(chain):
            sub = chain[: i + 1]
            labels = ["Place", "City"] if is_city(level.name, level.level) else ["Place"]
            pid = self._node(place_key(sub), labels, name=level.name,
                             level=level.level, adcode=level.adcode, province=chain[0].name, confidence=confidence)
            if parent:
                self._edge(pid, parent, "PART_OF")
            parent = pid
        return parent


def _weakest(*confidences: float | None) -> float | None:
    """A fact resting on several items is as sure as the least sure of them."""
    known = [c for c in confidences if c is not None]
    return min(known) if known else None


def mark_excluded(record: dict, min_confidence: float) -> dict:
    """``record`` (an :class:`ArticleRecord` dict, as in entities.jsonl) with
    ``"excluded": true`` on every item :class:`GraphBuilder` leaves out at
    ``min_confidence`` (an official when all its titles are), and
    ``"home_excluded": true`` when the home vote is below it."""
    low = lambda d: d.get("confidence") is not None and d["confidence"] < min_confidence  # noqa: E731
    for kind in ("places", "persons", "organizations", "programmes", "metrics"):
        for item in record.get(kind, []):
            if low(item):
                item["excluded"] = True
    for off in record.get("officials", []):
        for t in off.get("titles", []):
            if low(t):
                t["excluded"] = True
        if off.get("titles") and all(t.get("excluded") for t in off["titles"]):
            off["excluded"] = True
    if record.get("home") and record.get("home_confidence") is not None and record["home_confidence"] < min_confidence:
        record["home_excluded"] = True
    return record


def build_graph(records, min_confidence: float = 0.0) -> nx.MultiDiGraph:
    builder = GraphBuilder(min_confidence)
    for record in records:
        builder.add(record)
    return builder.graph
