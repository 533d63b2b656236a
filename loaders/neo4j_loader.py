"""Load a kg graph into Neo4j: batched, idempotent, incremental, injection-safe.

Why it is shaped this way:
- one ``UNWIND $rows … MERGE`` transaction per batch of thousands of rows,
  grouped by label set and by (type, start label, end label): a round trip per
  row is two orders of magnitude slower (see ``bench/neo4j_load.py``);
- labels and relationship types are written literally into the query text, but
  only from the schema's allow-list (:data:`kg.graph.LABELS`,
  :data:`kg.graph.RELATIONS`); everything that comes from articles travels as
  parameters, so no article text is ever parsed as Cypher;
- endpoints are matched *with their label* so ``MATCH``/``MERGE`` use the
  uniqueness constraints created first; a label-less ``MATCH ({id: …})`` scans
  every node;
- nodes merge on ``id`` and relationships on their stable ``key`` (the graph's
  edge key), so loading twice changes nothing and a second batch of articles
  merges into the first: list properties (``titles``, ``aliases``) accumulate;
- every batch is a retryable unit of work (``execute_write``): transient
  errors are retried by the driver, and a server that goes away raises
  :class:`LoadFailed`, after which a re-run completes the load without
  duplicates because every statement is a MERGE.
"""
from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable

import networkx as nx
from neo4j import Driver
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

from kg.export import read_graph
from kg.graph import LABELS, LIST_PROPERTIES, RELATIONS


class LoadFailed(RuntimeError):
    """The load stopped part-way; re-running it is safe and completes it."""


@dataclass
class LoadReport:
    nodes: dict[str, int] = field(default_factory=dict)  # per label set, rows written
    relationships: dict[str, int] = field(default_factory=dict)  # per type, rows written
    batches: int = 0
    seconds: float = 0.0


# -- graph → rows (pure) ---------------------------------------------------------------------
__all__ = ["LoadFailed", "LoadReport", "Neo4jLoader", "counts", "read_graph"]


def labels_of(data: dict, node: str) -> tuple[str, ...]:
    labels = tuple(x for x in str(data.get("labels", "")).split(":") if x)
    unknown = [x for x in labels if x not in LABELS]
    if not labels or unknown:
        raise LoadFailed(f"node {node!r}: labels {data.get('labels')!r} are not in the schema's {sorted(LABELS)}")
    return labels


def node_rows(g: nx.MultiDiGraph) -> dict[tuple[str, ...], list[dict]]:
    groups: dict[tuple[str, ...], list[dict]] = defaultdict(list)
    for n, d in g.nodes(data=True):
        props = {k: v for k, v in d.items() if k not in ("labels", "id") and k not in LIST_PROPERTIES}
        row = {"id": d.get("id", n), "props": props}
        row.update({k: list(d[k]) for k in LIST_PROPERTIES if d.get(k)})
        groups[labels_of(d, n)].append(row)
    return groups


def relationship_rows(g: nx.MultiDiGraph) -> dict[tuple[str, str, str], list[dict]]:
    """Grouped by (type, start node's primary label, end node's primary label)."""
    primary = {n: labels_of(d, n)[0] for n, d in g.nodes(data=True)}
    groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for u, v, key, d in g.edges(keys=True, data=True):
        rel = d.get("label")
        if rel not in RELATIONS:
            raise LoadFailed(f"edge {u!r}→{v!r}: type {rel!r} is not in the schema's {sorted(RELATIONS)}")
        props = {k: val for k, val in d.items() if k != "label"}
        groups[(rel, primary[u], primary[v])].append({"src": g.nodes[u].get("id", u), "dst": g.nodes[v].get("id", v),
                                                      "key": str(key), "props": props})
    return groups


# -- Cypher (labels and types only from the allow-lists) ------------------------------------
def _name(word: str, allowed: set[str]) -> str:
    if word not in allowed:  # the only place a name enters query text
        raise ValueError(f"{word!r} is not an allowed label or relationship type")
    return f"`{word}`"


def constraint_statements() -> list[str]:
    return [f"CREATE CONSTRAINT kg_{label.lower()}_id IF NOT EXISTS FOR (n:{_name(label, LABELS)}) "
            f"REQUIRE n.id IS UNIQUE" for label in sorted(LABELS)]


def node_statement(labels: tuple[str, ...]) -> str:
    primary, *extra = labels
    lines = ["UNWIND $rows AS row", f"MERGE (n:{_name(primary, LABELS)} {{id: row.id}})", "SET n += row.props"]
    lines += [f"SET n:{_name(x, LABELS)}" for x in extra]
    for prop in sorted(LIST_PROPERTIES):  # union, so posts and aliases accumulate across loads
        lines.append(f"SET n.{prop} = CASE WHEN row.{prop} IS NULL THEN n.{prop} ELSE "
                     f"coalesce(n.{prop}, []) + [x IN row.{prop} WHERE NOT x IN coalesce(n.{prop}, [])] END")
    lines.append("RETURN count(n) AS written")
    return "\n".join(lines)


def relationship_statement(rel: str, src_label: str, dst_label: str) -> str:
    return "\n".join([
        "UNWIND $rows AS row",
        f"MATCH (a:{_name(src_label, LABELS)} {{id: row.src}})",
        f"MATCH (b:{_name(dst_label, LABELS)} {{id: row.dst}})",
        f"MERGE (a)-[r:{_name(rel, RELATIONS)} {{key: row.key}}]->(b)",
        "SET r += row.props",
        "RETURN count(r) AS written",
    ])


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
            for stmt in constraint_statements():
                s.run(stmt).consume()

    def wipe(self) -> None:
        """Delete everything, in transactions of 10,000 (needs an auto-commit transaction)."""
        with self._session() as s:
            s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()

    def load(self, g: nx.MultiDiGraph) -> LoadReport:
        t0 = time.perf_counter()
        report = LoadReport()
        nodes, relationships = node_rows(g), relationship_rows(g)  # a graph off-schema is refused before any write
        try:
            self.ensure_schema()
            for labels, rows in sorted(nodes.items()):
                stmt = node_statement(labels)
                for batch in _batches(rows, self.batch_size):
                    self._write(stmt, batch, f"nodes :{':'.join(labels)}", report)
                report.nodes[":" + ":".join(labels)] = len(rows)
            for (rel, a, b), rows in sorted(relationships.items()):
                stmt = relationship_statement(rel, a, b)
                for batch in _batches(rows, self.batch_size):
                    self._write(stmt, batch, f"relationships (:{a})-[:{rel}]->(:{b})", report)
                report.relationships[rel] = report.relationships.get(rel, 0) + len(rows)
        except (ServiceUnavailable, SessionExpired) as exc:
            raise LoadFailed(f"Neo4j went away after {report.batches} committed batches: {exc}. "
                             f"Every batch is a MERGE, so running the load again completes it "
                             f"without duplicates.") from exc
        except Neo4jError as exc:
            raise LoadFailed(f"Neo4j refused the load after {report.batches} committed batches: "
                             f"{exc.code}: {exc.message}") from exc
        report.seconds = time.perf_counter() - t0
        return report

    def _write(self, stmt: str, rows: list[dict], what: str, report: LoadReport) -> None:
        def work(tx):
            return tx.run(stmt, rows=rows).single()["written"]

        with self._session() as s:
            written = s.execute_write(work)
        if written != len(rows):  # a relationship whose end node is missing matches nothing
            raise LoadFailed(f"{what}: wrote {written} of {len(rows)} rows; the graph refers to nodes it "
                             f"does not contain")
        report.batches += 1
        if self.on_batch:
            self.on_batch(what, len(rows))


def counts(driver: Driver, database: str | None = None) -> tuple[dict[str, int], dict[str, int]]:
    """Nodes per label and relationships per type, as the database holds them."""
    with driver.session(database=database) as s:
        labels = {r["label"]: r["n"] for r in s.run(
            "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n")}
        rels = {r["type"]: r["n"] for r in s.run("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")}
    return labels, rels
