"""Load a kg graph into Neo4j: batched, idempotent, incremental, injection-safe.

Why it is shaped this way:
- one ``UNWIND $rows … MERGE`` transaction per batch of thousands of rows,
  grouped by label set and by (type, start label, end label): a round trip per
  row is two orders of magnitude slower (see ``bench/neo4j_load.py``);
- labels and relationship types are written literally into the query text, but
  only from the schema's allow-lists (every statement is in :mod:`kg.neo4j.cypher`);
  everything that comes from articles travels as parameters, so no article text
  is ever parsed as Cypher;
- endpoints are matched *with their label* so ``MATCH``/``MERGE`` use the
  uniqueness constraints created first; a label-less ``MATCH ({id: …})`` scans
  every node;
- nodes merge on ``id`` and relationships on their stable ``key`` (the graph's
  edge key), so loading twice changes nothing and a second batch of articles
  merges into the first: list properties (``titles``, ``aliases``) accumulate;
- every batch is a retryable unit of work (``execute_write``): transient
  errors are retried by the driver, and a server that goes away raises
  :class:`~kg.errors.Neo4jLoadError`, after which a re-run completes the load without
  duplicates because every statement is a MERGE.
"""
from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable

import networkx as nx
from neo4j import Driver
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

from kg.errors import GraphError, Neo4jLoadError
from kg.graph.schema import AGGREGATED, LABELS, LIST_PROPERTIES, RELATIONS, labels_of
from kg.neo4j import cypher
from kg.neo4j.cypher import AGGREGATE_FIELDS


@dataclass
class LoadReport:
    nodes: dict[str, int] = field(default_factory=dict)  # per label set, rows written
    relationships: dict[str, int] = field(default_factory=dict)  # per type, rows written
    batches: int = 0
    seconds: float = 0.0


# -- graph → rows (pure) ---------------------------------------------------------------------


def checked_labels(data: dict, node: str) -> tuple[str, ...]:
    """A node's labels, refused unless every one is in the schema's allow-list."""
    labels = labels_of(data)
    unknown = [x for x in labels if x not in LABELS]
    if not labels or unknown:
        raise GraphError(f"node {node!r}: labels {data.get('labels')!r} are not in the schema's {sorted(LABELS)}")
    return labels


def node_rows(g: nx.MultiDiGraph) -> dict[tuple[str, ...], list[dict]]:
    groups: dict[tuple[str, ...], list[dict]] = defaultdict(list)
    for n, d in g.nodes(data=True):
        props = {k: v for k, v in d.items() if k not in ("labels", "id", "confidence") and k not in LIST_PROPERTIES}
        row = {"id": d.get("id", n), "props": props, "confidence": d.get("confidence")}  # merged: the best
        row.update({k: _listed(d[k]) for k in LIST_PROPERTIES if d.get(k)})
        groups[checked_labels(d, n)].append(row)
    return groups


def relationship_rows(g: nx.MultiDiGraph) -> dict[tuple[str, str, str], list[dict]]:
    """Grouped by (type, start node's primary label, end node's primary label)."""
    primary = {n: checked_labels(d, n)[0] for n, d in g.nodes(data=True)}
    groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for u, v, key, d in g.edges(keys=True, data=True):
        rel = d.get("label")
        if rel not in RELATIONS:
            raise GraphError(f"edge {u!r}→{v!r}: type {rel!r} is not in the schema's {sorted(RELATIONS)}")
        row = {"src": g.nodes[u].get("id", u), "dst": g.nodes[v].get("id", v), "key": str(key)}
        row.update(relationship_properties(rel, d))
        groups[(rel, primary[u], primary[v])].append(row)
    return groups


def relationship_properties(rel: str, d: dict) -> dict:
    """A relationship's properties as Neo4j stores them: ``props`` set as they are,
    and, for an aggregated fact (SCHEMA v2), what merges with what the database
    already holds (``articles``, first/last seen, evidence, confidence; see
    :func:`kg.neo4j.cypher.relationship_statement`). Neo4j stores no list of maps,
    so the evidence objects become three parallel lists: ``evidence`` (sentences),
    ``evidenceArticles`` and ``evidenceOffsets``.

    >>> relationship_properties("HOLDS", {"label": "HOLDS", "title": "市长", "articles": ["a1"], "count": 1,
    ...     "firstSeen": "2021", "lastSeen": "2021", "confidence": 0.9,
    ...     "evidence": [{"article": "a1", "sentence": "市长王五讲话。", "offset": 0}]})["evidenceArticles"]
    ['a1']

    (``count`` is the size of ``articles``: the batched loader recomputes it after merging with what
    the database holds, the bulk importer takes it as it is.)
    """
    if rel not in AGGREGATED:
        return {"props": {k: v for k, v in d.items() if k != "label"}}
    evidence, articles = (_listed(d.get(k)) for k in ("evidence", "articles"))
    return {"props": {k: v for k, v in d.items() if k not in AGGREGATE_FIELDS and k != "label"},
            "articles": articles, "count": len(articles), "firstSeen": d.get("firstSeen"), "method": d.get("method"),
            "lastSeen": d.get("lastSeen"), "confidence": d.get("confidence"),
            "evidence": [e["sentence"] for e in evidence], "evidenceArticles": [e["article"] for e in evidence],
            "evidenceOffsets": [e["offset"] for e in evidence]}


def _listed(value) -> list:
    """A list property, also as GraphML read by plain networkx leaves it (a JSON string)."""
    if isinstance(value, str):
        return json.loads(value)
    return list(value or [])


def _batches(rows: list[dict], size: int) -> Iterable[list[dict]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


# -- the loader -----------------------------------------------------------------------------
class Neo4jLoader:
    def __init__(self, driver: Driver, database: str | None = None, batch_size: int = 5000,
                 on_batch: Callable[[str, int], None] | None = None) -> None:
        self.driver = driver
        self.database = database
        self.batch_size = batch_size
        self.on_batch = on_batch  # (what, rows) after each committed batch: progress, tests

    def _session(self):
        return self.driver.session(database=self.database)

    def ensure_schema(self) -> None:
        with self._session() as s:
            for stmt in cypher.schema_statements():
                s.run(stmt).consume()
            s.run(cypher.AWAIT_INDEXES).consume()  # online before the load: MERGE and the queries seek through them

    def refuse_v1(self) -> None:
        """A database loaded by a kg of graph contract v1 (one HOLDS per article, with a
        ``source``) cannot take v2 facts: they would stand beside the old ones."""
        with self._session() as s:
            if s.run(cypher.V1_FACTS).single()["v1"]:
                raise Neo4jLoadError("the database holds a graph of an older kg (contract v1: one HOLDS or RUNS "
                                     "per article, with a source property); load this graph with --wipe")

    def wipe(self) -> None:
        """Delete everything, in transactions of 10,000 (needs an auto-commit transaction)."""
        with self._session() as s:
            s.run(cypher.WIPE).consume()

    def load(self, g: nx.MultiDiGraph) -> LoadReport:
        t0 = time.perf_counter()
        report = LoadReport()
        nodes, relationships = node_rows(g), relationship_rows(g)  # a graph off-schema is refused before any write
        try:
            self.refuse_v1()
            self.ensure_schema()
            for labels, rows in sorted(nodes.items()):
                stmt = cypher.node_statement(labels)
                for batch in _batches(rows, self.batch_size):
                    self._write(stmt, batch, f"nodes :{':'.join(labels)}", report)
                report.nodes[":" + ":".join(labels)] = len(rows)
            for (rel, a, b), rows in sorted(relationships.items()):
                stmt = cypher.relationship_statement(rel, a, b)
                for batch in _batches(rows, self.batch_size):
                    self._write(stmt, batch, f"relationships (:{a})-[:{rel}]->(:{b})", report)
                report.relationships[rel] = report.relationships.get(rel, 0) + len(rows)
        except (ServiceUnavailable, SessionExpired) as exc:
            raise Neo4jLoadError(f"Neo4j went away after {report.batches} committed batches: {exc}. "
                             f"Every batch is a MERGE, so running the load again completes it "
                             f"without duplicates.") from exc
        except Neo4jError as exc:
            raise Neo4jLoadError(f"Neo4j refused the load after {report.batches} committed batches: "
                             f"{exc.code}: {exc.message}") from exc
        report.seconds = time.perf_counter() - t0
        return report

    def _write(self, stmt: str, rows: list[dict], what: str, report: LoadReport) -> None:
        def work(tx):
            return tx.run(stmt, rows=rows).single()["written"]

        with self._session() as s:
            written = s.execute_write(work)
        if written != len(rows):  # a relationship whose end node is missing matches nothing
            raise Neo4jLoadError(f"{what}: wrote {written} of {len(rows)} rows; the graph refers to nodes it "
                             f"does not contain")
        report.batches += 1
        if self.on_batch:
            self.on_batch(what, len(rows))


def counts(driver: Driver, database: str | None = None) -> tuple[dict[str, int], dict[str, int]]:
    """Nodes per label and relationships per type, as the database holds them."""
    with driver.session(database=database) as s:
        labels = {r["label"]: r["n"] for r in s.run(cypher.LABEL_COUNTS)}
        rels = {r["type"]: r["n"] for r in s.run(cypher.RELATION_COUNTS)}
    return labels, rels
