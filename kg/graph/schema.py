"""The graph contract (``../shared/SCHEMA.md``) as code: allowed labels and
relationship types, list-valued properties, and the ``":A:B"`` label string.

Everything that writes labels or types into Cypher text takes them from these
allow-lists (:mod:`kg.neo4j.cypher`); everything that reads a node's labels
goes through :func:`labels_of`, so the APOC string form is parsed in one place.

>>> labels_of({"labels": ":Place:City"})
('Place', 'City')
>>> label_string(["Place", "City"])
':Place:City'
"""
from __future__ import annotations

import sys
from typing import Iterable

import networkx as nx

LABELS = frozenset({"Article", "City", "Place", "Official", "Person", "Organization", "Programme", "Metric"})
RELATIONS = frozenset({"MENTIONS", "ABOUT", "HOLDS", "PART_OF", "RUNS", "REPORTS", "MEASURES"})
# Node properties that are lists (JSON arrays in GraphML); they accumulate when a node is seen again.
LIST_PROPERTIES = frozenset({"titles", "aliases", "sources"})
# Relationship types that aggregate one fact over its articles (SCHEMA v2), and their list properties.
AGGREGATED = frozenset({"HOLDS", "RUNS"})
EDGE_LIST_PROPERTIES = frozenset({"articles", "evidence"})
SCHEMA_VERSION = 2


def labels_of(data: dict) -> tuple[str, ...]:
    """A node's labels from its ``labels`` attribute (``":Place:City"`` → ``("Place", "City")``)."""
    return tuple(x for x in str(data.get("labels", "")).split(":") if x)


def label_string(labels: Iterable[str]) -> str:
    """The APOC form of a label list, interned (every node of a kind shares one string)."""
    return sys.intern(":" + ":".join(labels))


def has_label(data: dict, label: str) -> bool:
    return label in labels_of(data)


def label_counts(g: nx.MultiDiGraph) -> dict[str, int]:
    """Nodes per label (a ``:Place:City`` node counts for both).

    >>> g = nx.MultiDiGraph(); g.add_node("c", labels=":Place:City")
    >>> label_counts(g)
    {'Place': 1, 'City': 1}
    """
    counts: dict[str, int] = {}
    for _, d in g.nodes(data=True):
        for lab in labels_of(d):
            counts[lab] = counts.get(lab, 0) + 1
    return counts


def relation_counts(g: nx.MultiDiGraph) -> dict[str, int]:
    """Relationships per type (the edge attribute ``label``)."""
    counts: dict[str, int] = {}
    for _, _, d in g.edges(data=True):
        counts[d["label"]] = counts.get(d["label"], 0) + 1
    return counts


def same_graph(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> bool:
    """The same nodes and edges (with keys), every property equal."""
    return (dict(a.nodes(data=True)) == dict(b.nodes(data=True))
            and {(u, v, k): d for u, v, k, d in a.edges(keys=True, data=True)}
            == {(u, v, k): d for u, v, k, d in b.edges(keys=True, data=True)})
