"""Write the graph (GraphML in the APOC convention, node-link JSON) and read the
GraphML back. (Per-article JSON lines are streamed by :mod:`kg.build`.)"""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from kg.graph import LIST_PROPERTIES


class GraphFileError(ValueError):
    """A graph file that cannot be read; the message names the file."""


def _scalar_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """GraphML holds scalars only: lists become JSON arrays, None is left out."""
    out = nx.MultiDiGraph()

    def fix(d: dict) -> dict:
        return {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
                for k, v in d.items() if v is not None}

    for n, d in g.nodes(data=True):
        out.add_node(n, **fix(d))
    for u, v, k, d in g.edges(keys=True, data=True):
        out.add_edge(u, v, key=k, **fix(d))
    return out


def write_graphml(g: nx.MultiDiGraph, path: Path) -> None:
    """Key ids are the attribute names (``named_key_ids``): APOC reads labels only
    from a ``<data key="labels">``; ``label`` on edges is the relationship type."""
    nx.write_graphml(_scalar_graph(g), path, encoding="utf-8", named_key_ids=True)


def write_node_link(g: nx.MultiDiGraph, path: Path) -> None:
    """Endpoints go under ``from``/``to``: edges have a ``source`` property of
    their own (the article file) that networkx's default keys would overwrite."""
    data = nx.node_link_data(g, edges="edges", source="from", target="to")
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def read_graph(path: Path) -> nx.MultiDiGraph:
    """A graph written by ``kg build`` (the file, or its output folder); lists
    come back from their JSON form."""
    path = Path(path)
    if path.is_dir():
        path = path / "graph.graphml"
    if not path.exists():
        raise GraphFileError(f"{path}: no such file (run `kg build` first)")
    try:
        g = nx.read_graphml(path, force_multigraph=True)
    except (OSError, SyntaxError, nx.NetworkXError) as exc:  # ElementTree's ParseError is a SyntaxError
        raise GraphFileError(f"{path}: not a readable GraphML file: {exc}") from exc
    for _, d in g.nodes(data=True):
        for k in LIST_PROPERTIES & d.keys():
            if isinstance(d[k], str):
                d[k] = json.loads(d[k])
    return g
