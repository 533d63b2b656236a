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
from kg.graph.schema import LABELS, LIST_PROPERTIES, RELATIONS  # noqa: F401  (allow-lists, re-exported for callers)

# Delete everything, 10,000 nodes per transaction (needs an auto-commit transaction).
WIPE = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
LABEL_COUNTS = "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n"
RELATION_COUNTS = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n"


def name(word: str, allowed: frozenset[str]) -> str:
    """A label or type, backquoted; :class:`NameNotAllowed` for anything else."""
    if word not in allowed:  # the only place a name enters query text
        raise NameNotAllowed(f"{word!r} is not an allowed label or relationship type")
    return f"`{word}`"


def constraint_statements() -> list[str]:
    """One uniqueness constraint on ``id`` per label: MERGE and MATCH use its index."""
    return [f"CREATE CONSTRAINT kg_{label.lower()}_id IF NOT EXISTS FOR (n:{name(label, LABELS)}) "
            f"REQUIRE n.id IS UNIQUE" for label in sorted(LABELS)]


def node_statement(labels: tuple[str, ...]) -> str:
    """Merge a batch of nodes of one label set on ``id``; list properties are unions."""
    primary, *extra = labels
    lines = ["UNWIND $rows AS row", f"MERGE (n:{name(primary, LABELS)} {{id: row.id}})", "SET n += row.props"]
    lines += [f"SET n:{name(x, LABELS)}" for x in extra]
    for prop in sorted(LIST_PROPERTIES):  # union, so posts and aliases accumulate across loads
        lines.append(f"SET n.{prop} = CASE WHEN row.{prop} IS NULL THEN n.{prop} ELSE "
                     f"coalesce(n.{prop}, []) + [x IN row.{prop} WHERE NOT x IN coalesce(n.{prop}, [])] END")
    lines.append("RETURN count(n) AS written")
    return "\n".join(lines)


def relationship_statement(rel: str, src_label: str, dst_label: str) -> str:
    """Merge a batch of relationships of one type on their stable ``key``,
    endpoints matched with their label (so through the constraint's index)."""
    return "\n".join([
        "UNWIND $rows AS row",
        f"MATCH (a:{name(src_label, LABELS)} {{id: row.src}})",
        f"MATCH (b:{name(dst_label, LABELS)} {{id: row.dst}})",
        f"MERGE (a)-[r:{name(rel, RELATIONS)} {{key: row.key}}]->(b)",
        "SET r += row.props",
        "RETURN count(r) AS written",
    ])
