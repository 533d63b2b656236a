"""What one article's record contributes to the graph, as flat rows.

Both ways of assembling a graph start here: :class:`~kg.graph.builder.GraphBuilder`
folds the rows into a networkx graph in one process, and the out-of-core path
(:mod:`kg.runtime.assembly`) writes them to Parquet, partitioned by key, and
folds each partition with pandas (:mod:`kg.graph.aggregate`). Deciding here, once,
which items enter the graph (``min_confidence``), which node a post points at and
how sure each fact is keeps the two paths equal by construction; only the merge
rules (first value wins, best confidence, list unions, fact aggregation) have
two executors, and a test holds them equal.

Three kinds of row, in the order the builder applies them:

- :class:`NodeRow` — a node and properties it brings (``labels`` None: only
  updates a node this article already created);
- :class:`EdgeRow` — a relationship that belongs to one article or to none
  (MENTIONS, ABOUT, PART_OF, REPORTS, MEASURES): the first row of a key wins;
- :class:`FactRow` — one article's report of an aggregated fact (HOLDS, RUNS;
  SCHEMA v2): its article, date, evidence and confidence.

Every row of a record depends on that record only. (Before, a post whose place
the article left out pointed at that place when another article had put it in
the graph: a graph that depended on which articles came first, and on which
machine saw them.)

>>> from kg.extract.records import ArticleRecord
>>> rows = article_rows(ArticleRecord(article={"id": "article:1", "source": "a.txt"}))
>>> rows[0].id, rows[0].labels, rows[0].props["source"]
('article:1', ':Article', 'a.txt')
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from kg.errors import GraphError
from kg.extract.records import ArticleRecord, Mention, organization_id, place_key, stable_id
from kg.graph.schema import label_string
from kg.language.units import is_city


class NodeRow(NamedTuple):
    id: str
    labels: str | None      # ":Place:City"; None: properties for a node created earlier in the article
    props: dict             # None values are absent; lists accumulate; confidence keeps the best


class EdgeRow(NamedTuple):
    src: str
    dst: str
    rel: str
    key: str
    props: dict             # the relationship's properties (first row of a key wins)


class FactRow(NamedTuple):
    src: str
    dst: str
    rel: str
    key: str
    props: dict             # set when the fact is created: title, method
    article: str
    date: str | None
    evidence: Mention | None
    confidence: float | None
    method: str | None


Row = NodeRow | EdgeRow | FactRow


@dataclass
class _Rows:
    out: list
    created: set    # the nodes this article brings: the only ones its relationships may join

    def node(self, node_id: str, labels: list[str] | None, **props) -> str:
        if labels:
            self.created.add(node_id)
        self.out.append(NodeRow(node_id, label_string(labels) if labels else None,
                                {k: v for k, v in props.items() if v is not None}))
        return node_id

    def _check(self, src: str, dst: str, rel: str) -> None:
        if src not in self.created or dst not in self.created:
            raise GraphError(f"{rel} edge to a node the article does not bring: {src} -> {dst}")

    def edge(self, src: str, dst: str, rel: str, key_parts: tuple = (), **props) -> None:
        self._check(src, dst, rel)
        self.out.append(EdgeRow(src, dst, rel, stable_id(rel, src, dst, *key_parts),
                                {k: v for k, v in props.items() if v is not None}))

    def fact(self, src: str, dst: str, rel: str, key_parts: tuple, article: str, date: str | None,
             mention: Mention | None, confidence: float | None, **props) -> None:
        self._check(src, dst, rel)
        props = {k: v for k, v in props.items() if v is not None}
        self.out.append(FactRow(src, dst, rel, stable_id(rel, src, dst, *key_parts), props, article, date or None,
                                mention, confidence, props.get("method")))

    def mention(self, article: str, node: str, mentions: list[Mention], confidence: float | None = None,
                method: str | None = None) -> None:
        if not mentions:
            return
        first = next((m for m in mentions if m.start >= 0), mentions[0])
        self.edge(article, node, "MENTIONS", evidence=first.sentence, offset=first.start, count=len(mentions),
                  confidence=confidence, method=method or None)

    def place_chain(self, chain, confidence: float | None) -> str:
        """The unit and all its ancestors, linked by PART_OF. An ancestor is as
        sure as the unit that brings it in (the gazetteer adds no doubt)."""
        parent = None
        for i, level in enumerate(chain):
            sub = chain[: i + 1]
            labels = ["Place", "City"] if is_city(level.name, level.level) else ["Place"]
            pid = self.node(place_key(sub), labels, name=level.name, level=level.level, adcode=level.adcode,
                            province=chain[0].name, confidence=confidence)
            if parent:
                self.edge(pid, parent, "PART_OF")
            parent = pid
        return parent


def article_rows(record: ArticleRecord, min_confidence: float = 0.0) -> list[Row]:
    """The rows of one record, in the order the builder applies them.

    ``min_confidence`` (setting ``KG_MIN_CONFIDENCE``): an item or fact less
    sure than this brings no row. Confidences (SCHEMA v2): a node carries the
    best over its mentions; MENTIONS and HOLDS the item's and its method; ABOUT
    the home vote's; a fact resting on the home unit too (RUNS, REPORTS by the
    home) and MEASURES the weaker of the two confidences it rests on.
    """
    def enters(confidence: float | None) -> bool:
        return confidence is None or confidence >= min_confidence

    if not record.has_ids():  # a record built by hand (extraction and from_dict assign them)
        record.assign_ids()
    r = _Rows([], set())
    created = r.created
    art = record.article
    a = r.node(art["id"], ["Article"], source=art["source"], title=art.get("title"), date=art.get("date"),
               publisher=art.get("publisher"), url=art.get("url"), chars=art.get("chars"))
    as_of = art.get("date")
    home_conf = record.home_confidence
    home = record.home if record.home and enters(home_conf) else None
    places, left_out = {}, set()
    for p in record.places:
        if enters(p.confidence):
            places[p.key] = pid = r.place_chain(p.chain, p.confidence)
            r.mention(a, pid, p.mentions, p.confidence, p.method)
        elif p.key == home:  # not named surely enough, but the article is about it
            places[p.key] = r.place_chain(p.chain, home_conf)
        else:
            left_out.add(p.key)
    if home in left_out:
        home = None
    if home:
        if home in places:
            r.node(home, None, confidence=home_conf)
        r.edge(a, home, "ABOUT", confidence=home_conf)
    for o in record.officials:
        titles = [t for t in o.titles if enters(t.confidence)]
        if not titles:
            continue
        best = max(titles, key=lambda t: t.confidence or 0.0)
        oid = r.node(o.id, ["Official"], name=o.name, titles=[t.title for t in titles], confidence=best.confidence)
        r.mention(a, oid, o.mentions, best.confidence, best.method)
        ev = next((m for m in o.mentions if m.start >= 0), o.mentions[0] if o.mentions else None)
        for t in titles:
            target = t.place if t.place in created else None
            if target is None and t.organization:
                target = r.node(organization_id(t.organization), ["Organization"], name=t.organization,
                                confidence=t.confidence)
            if target is None:
                continue
            r.fact(oid, target, "HOLDS", (t.title,), a, as_of, ev, t.confidence, title=t.title, method=t.method or None)
    for person in record.persons:
        if enters(person.confidence):
            pid = r.node(person.id, ["Person"], name=person.name, role=person.role, confidence=person.confidence)
            r.mention(a, pid, person.mentions, person.confidence, person.method)
    for org in record.organizations:
        if enters(org.confidence):
            oid = r.node(org.id, ["Organization"], name=org.name, confidence=org.confidence)
            r.mention(a, oid, org.mentions, org.confidence, org.method)
    prog_ids, prog_conf = {}, {}
    for prog in record.programmes:
        if not enters(prog.confidence):
            continue
        gid = r.node(prog.id, ["Programme"], name=prog.name, aliases=prog.aliases, confidence=prog.confidence)
        prog_ids[prog.name], prog_conf[prog.name] = gid, prog.confidence
        r.mention(a, gid, prog.mentions, prog.confidence, prog.method)
        runs = _weakest(prog.confidence, home_conf)
        if home and enters(runs):
            m = next((m for m in prog.mentions if m.start >= 0), prog.mentions[0] if prog.mentions else None)
            r.fact(home, gid, "RUNS", (), a, as_of, m, runs)
    for mt in record.metrics:
        if not enters(mt.confidence):
            continue
        mid = r.node(mt.id, ["Metric"], text=mt.text, value=float(mt.value), unit=mt.unit, subject=mt.subject,
                     qualifier=mt.qualifier, date=mt.date, confidence=mt.confidence)
        r.mention(a, mid, [mt.mention], mt.confidence, mt.method)
        by_home = mt.place in (None, record.home)
        reporter = home if by_home else mt.place
        reports = _weakest(mt.confidence, home_conf) if by_home else mt.confidence
        if reporter and reporter not in left_out and enters(reports):
            r.edge(reporter, mid, "REPORTS", (a,), article=a, evidence=mt.mention.sentence, confidence=reports)
        prog = mt.programme
        measures = _weakest(mt.confidence, prog_conf.get(prog))
        if prog and prog in prog_ids and enters(measures):
            r.edge(mid, prog_ids[prog], "MEASURES", confidence=measures)
    return r.out


def _weakest(*confidences: float | None) -> float | None:
    """A fact resting on several items is as sure as the least sure of them."""
    known = [c for c in confidences if c is not None]
    return min(known) if known else None
