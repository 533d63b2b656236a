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

from kg.extract.records import ArticleRecord
from kg.graph.rows import FactRow, NodeRow, Row, article_rows


# Evidence objects kept on an aggregated fact (SCHEMA v2: "a short list, at most 3").
EVIDENCE_PER_FACT = 3


class GraphBuilder:
    """The in-memory fold of :func:`~kg.graph.rows.article_rows`: each record's rows
    applied to one networkx graph, in input order. (The out-of-core fold of the
    same rows is :mod:`kg.graph.aggregate`; the merge rules are those of
    :meth:`apply`, and a test holds the two equal.)

    ``min_confidence`` (setting ``KG_MIN_CONFIDENCE``): an extracted item or fact
    whose confidence is below it stays out of the graph (its record keeps it,
    marked ``excluded`` by :func:`mark_excluded`). The default 0 keeps everything."""

    def __init__(self, min_confidence: float = 0.0) -> None:
        self.graph = nx.MultiDiGraph()
        self.min_confidence = min_confidence
        self._sentences: dict[str, str] = {}   # the current article's evidence, by value
        self._fact_articles: dict[str, set[str]] = {}  # a fact's articles as a set: membership in O(1)

    def add(self, record: ArticleRecord) -> None:
        """One article's record. Its rows are made (and checked) before the graph
        is touched, so a record that cannot be merged leaves no trace."""
        rows = article_rows(record, self.min_confidence)
        self._sentences = {}
        for row in rows:
            self.apply(row)

    def apply(self, row: Row) -> None:
        """The merge rules. A node: its first value of each property wins, list
        properties accumulate in order, ``confidence`` keeps the best, and a second
        ``source`` of an Article (the same text under another name) goes to
        ``sources``. A relationship of one article: its first row wins. A fact:
        see :meth:`_fact`."""
        if isinstance(row, NodeRow):
            self._node(row)
        elif isinstance(row, FactRow):
            self._fact(row)
        elif not self.graph.has_edge(row.src, row.dst, row.key):
            props = row.props
            if "evidence" in props:  # one string per sentence, however many edges cite it
                props["evidence"] = self._sentences.setdefault(props["evidence"], props["evidence"])
            self.graph.add_edge(row.src, row.dst, key=row.key, label=row.rel, **props)

    def _node(self, row: NodeRow) -> None:
        g = self.graph
        if row.id not in g:
            g.add_node(row.id, id=row.id, labels=row.labels)
        attrs = g.nodes[row.id]
        for k, v in row.props.items():
            if isinstance(v, list):
                if not v and k not in attrs:
                    continue  # no empty lists: Neo4j cannot tell one from a missing property
                merged = list(attrs.get(k) or [])
                for x in v:  # each item once, in order of first appearance
                    if x not in merged:
                        merged.append(x)
                attrs[k] = merged
            elif k == "confidence":  # the best over the node's mentions, in every article
                attrs[k] = max(attrs.get(k, v), v)
            elif k not in attrs:
                attrs[k] = v
            elif k == "source" and attrs[k] != v:  # the same text under another name: one Article, every name kept
                attrs.setdefault("sources", [attrs["source"]])
                if v not in attrs["sources"]:
                    attrs["sources"].append(v)

    def _fact(self, row: FactRow) -> None:
        """The one edge of a fact, created or joined by an article (SCHEMA v2):
        ``articles`` in input order (an article counts once), ``count``,
        ``firstSeen``/``lastSeen`` (earliest and latest date), the first
        ``EVIDENCE_PER_FACT`` evidence objects, the best ``confidence`` and the
        ``method`` of the article that last raised it."""
        data = self.graph.get_edge_data(row.src, row.dst, row.key)
        if data is None:
            self.graph.add_edge(row.src, row.dst, key=row.key, label=row.rel, **row.props,
                                articles=[], count=0, firstSeen=None, lastSeen=None, evidence=[])
            data = self.graph.edges[row.src, row.dst, row.key]
        seen = self._fact_articles.setdefault(row.key, set())
        if row.article in seen:
            return
        seen.add(row.article)
        data["articles"].append(row.article)
        data["count"] = len(data["articles"])
        if row.date:
            data["firstSeen"] = min(data["firstSeen"] or row.date, row.date)
            data["lastSeen"] = max(data["lastSeen"] or row.date, row.date)
        m = row.evidence
        if m is not None and len(data["evidence"]) < EVIDENCE_PER_FACT:
            data["evidence"].append({"article": row.article, "sentence": m.sentence, "offset": m.start})
        if row.confidence is not None and row.confidence > (data.get("confidence") or -1.0):
            data["confidence"] = row.confidence
            if row.method:
                data["method"] = row.method


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
