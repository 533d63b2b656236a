"""Every Cypher statement kg writes, in one place (the questions analysts ask
live in ``queries/``, read by :mod:`kg.neo4j.queries`).

Labels and relationship types cannot be query parameters, so they are written
into the text — but only through :func:`name`, which accepts nothing outside
the schema's allow-lists (:data:`kg.graph.schema.LABELS`, ``RELATIONS``).
Everything that comes from articles travels as ``$rows`` parameters.

>>> print(relationship_statement("HOLDS", "Official", "Place").splitlines()[3])
MERGE (a)-[r:`HOLDS` {key: row.key}]->(b)
"""
from __future__ import annotations

from kg.errors import NameNotAllowed
from kg.graph.schema import AGGREGATED, LABELS, LIST_PROPERTIES, RELATIONS  # noqa: F401  (allow-lists, re-exported)

# Delete everything, 10,000 nodes per transaction (needs an auto-commit transaction).
WIPE = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
LABEL_COUNTS = "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n"
RELATION_COUNTS = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n"
# Facts written by graph contract v1 (one relationship per article, with a `source` property).
V1_FACTS = "RETURN EXISTS { MATCH ()-[r:HOLDS|RUNS]->() WHERE r.source IS NOT NULL } AS v1"
# What an aggregated fact merges rather than overwrites (relationship_statement), and its evidence cap.
AGGREGATE_FIELDS = frozenset({"articles", "count", "firstSeen", "lastSeen", "confidence", "method", "evidence"})
EVIDENCE_MAX = 3


def name(word: str, allowed: frozenset[str]) -> str:
    """A label or type, backquoted; :class:`NameNotAllowed` for anything else."""
    if word not in allowed:  # the only place a name enters query text
        raise NameNotAllowed(f"{word!r} is not an allowed label or relationship type")
    return f"`{word}`"


def constraint_statements() -> list[str]:
    """One uniqueness constraint on ``id`` per label: MERGE and MATCH use its index."""
    return [f"CREATE CONSTRAINT kg_{label.lower()}_id IF NOT EXISTS FOR (n:{name(label, LABELS)}) "
            f"REQUIRE n.id IS UNIQUE" for label in sorted(LABELS)]


# Labels whose nodes have a name an analyst looks up (德州市, 周辉, 主题教育).
NAMED = ("Official", "Person", "Place", "City", "Organization", "Programme")
FULLTEXT = "kg_names"
# A new index is populated in the background; the planner seeks only through an online one.
AWAIT_INDEXES = "CALL db.awaitIndexes(300)"


def index_statements() -> list[str]:
    """What makes analysts' lookups fast: a range index on ``name`` for every named
    label (``{name: $city}`` is an index seek, not a label scan), and one full-text
    index with the ``cjk`` analyzer over names, aliases and titles, so that a short
    name (德州) or a part of one finds the node:
    ``CALL db.index.fulltext.queryNodes('kg_names', '德州')`` (queries/find_entity.cypher)."""
    out = [f"CREATE INDEX kg_{label.lower()}_name IF NOT EXISTS FOR (n:{name(label, LABELS)}) ON (n.name)"
           for label in NAMED]
    labels = "|".join(name(label, LABELS) for label in NAMED)
    out.append(f"CREATE FULLTEXT INDEX {FULLTEXT} IF NOT EXISTS FOR (n:{labels}) ON EACH [n.name, n.aliases, n.titles] "
               "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}")
    return out


def schema_statements() -> list[str]:
    """Constraints, then indexes: everything `kg load` creates before it writes."""
    return constraint_statements() + index_statements()


def node_statement(labels: tuple[str, ...]) -> str:
    """Merge a batch of nodes of one label set on ``id``; list properties are unions."""
    primary, *extra = labels
    lines = ["UNWIND $rows AS row", f"MERGE (n:{name(primary, LABELS)} {{id: row.id}})", "SET n += row.props",
             # the best over every load, as in the graph builder
             "SET n.confidence = CASE WHEN n.confidence IS NULL OR row.confidence > n.confidence "
             "THEN row.confidence ELSE n.confidence END"]
    lines += [f"SET n:{name(x, LABELS)}" for x in extra]
    for prop in sorted(LIST_PROPERTIES):  # union, so posts and aliases accumulate across loads
        lines.append(f"SET n.{prop} = CASE WHEN row.{prop} IS NULL THEN n.{prop} ELSE "
                     f"coalesce(n.{prop}, []) + [x IN row.{prop} WHERE NOT x IN coalesce(n.{prop}, [])] END")
    lines.append("RETURN count(n) AS written")
    return "\n".join(lines)


def relationship_statement(rel: str, src_label: str, dst_label: str) -> str:
    """Merge a batch of relationships of one type on their stable ``key``,
    endpoints matched with their label (so through the constraint's index).

    An aggregated fact (``HOLDS``, ``RUNS``: SCHEMA v2) merges with the one the
    database holds: the union of ``articles`` (and ``count``, its size), the
    earlier ``firstSeen`` and later ``lastSeen`` (ISO strings: they compare as
    dates), the best ``confidence``, evidence topped up to three. Loading twice
    changes nothing; loading a second build that shares facts widens them.
    """
    lines = [
        "UNWIND $rows AS row",
        f"MATCH (a:{name(src_label, LABELS)} {{id: row.src}})",
        f"MATCH (b:{name(dst_label, LABELS)} {{id: row.dst}})",
        f"MERGE (a)-[r:{name(rel, RELATIONS)} {{key: row.key}}]->(b)",
        "SET r += row.props",
    ]
    if rel in AGGREGATED:
        lines += [
            "SET r.articles = coalesce(r.articles, []) + [x IN row.articles WHERE NOT x IN coalesce(r.articles, [])]",
            # the method that goes with the best confidence: set before the confidence itself
            "SET r.method = CASE WHEN r.confidence IS NULL OR row.confidence > r.confidence THEN row.method "
            "ELSE r.method END",
            "SET r.count = size(r.articles),",
            "    r.firstSeen = CASE WHEN r.firstSeen IS NULL OR row.firstSeen < r.firstSeen THEN row.firstSeen "
            "ELSE r.firstSeen END,",
            "    r.lastSeen = CASE WHEN r.lastSeen IS NULL OR row.lastSeen > r.lastSeen THEN row.lastSeen "
            "ELSE r.lastSeen END,",
            "    r.confidence = CASE WHEN r.confidence IS NULL OR row.confidence > r.confidence THEN row.confidence "
            "ELSE r.confidence END",
            "WITH r, row, coalesce(r.evidenceArticles, []) AS had",
            "WITH r, row, had, [i IN range(0, size(row.evidence) - 1) WHERE NOT row.evidenceArticles[i] IN had] "
            "AS fresh",
            f"WITH r, row, CASE WHEN size(had) >= {EVIDENCE_MAX} THEN [] "
            f"ELSE fresh[0..({EVIDENCE_MAX} - size(had))] END AS take",
            "SET r.evidence = coalesce(r.evidence, []) + [i IN take | row.evidence[i]],",
            "    r.evidenceArticles = coalesce(r.evidenceArticles, []) + [i IN take | row.evidenceArticles[i]],",
            "    r.evidenceOffsets = coalesce(r.evidenceOffsets, []) + [i IN take | row.evidenceOffsets[i]]",
        ]
    lines.append("RETURN count(r) AS written")
    return "\n".join(lines)
