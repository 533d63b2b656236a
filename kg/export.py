"""Write the graph (GraphML in the APOC convention, node-link JSON) and read the
GraphML back. (Per-article JSON lines are streamed by :mod:`kg.build`.)"""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from kg.graph import LIST_PROPERTIES


class GraphFileError(ValueError):
    """A graph file that cannot be read; the message names the file."""


def write_graphml(g: nx.MultiDiGraph, path: Path) -> None:
    """Key ids are the attribute names (``named_key_ids``): APOC reads labels only
    from a ``<data key="labels">``; ``label`` on edges is the relationship type.

    Streams through lxml (networkx's other writer builds the whole document in
    memory). GraphML holds scalars only, so list properties are written as
    JSON arrays: converted in place and restored, rather than copying a graph
    that can be gigabytes.
    """
    lists = [(d, k, d[k]) for _, d in g.nodes(data=True) for k in LIST_PROPERTIES & d.keys()]
    for d, k, v in lists:
        d[k] = json.dumps(v, ensure_ascii=False)
    try:
        nx.write_graphml_lxml(g, path, encoding="utf-8", named_key_ids=True)
    finally:
        for d, k, v in lists:
            d[k] = v


def write_node_link(g: nx.MultiDiGraph, path: Path) -> None:
    """networkx's node-link layout (``nodes``, ``edges``), written one element at
    a time instead of through one in-memory copy of the graph and one string.

    Endpoints go under ``from``/``to``: edges have a ``source`` property of
    their own (the article file) that networkx's default keys would overwrite.
    """
    dumps = lambda obj: json.dumps(obj, ensure_ascii=False)  # noqa: E731
    with path.open("w", encoding="utf-8") as fh:
        fh.write(f'{{"directed": true, "multigraph": true, "graph": {dumps(g.graph)},\n"nodes": [')
        for i, (n, d) in enumerate(g.nodes(data=True)):
            fh.write(("," if i else "") + "\n" + dumps({**d, "id": n}))
        fh.write('\n],\n"edges": [')
        for i, (u, v, k, d) in enumerate(g.edges(keys=True, data=True)):
            fh.write(("," if i else "") + "\n" + dumps({**d, "from": u, "to": v, "key": k}))
        fh.write("\n]}\n")


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
