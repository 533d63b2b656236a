"""Write the graph (GraphML in the APOC convention, node-link JSON) and read the
GraphML back. (Per-article JSON lines are streamed by :mod:`kg.runtime.build`.)"""
from __future__ import annotations

import json
import re
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from kg.errors import GraphFileError, IncompleteBuild
from kg.graph.schema import AGGREGATED, EDGE_LIST_PROPERTIES, LIST_PROPERTIES, SCHEMA_VERSION, label_string, labels_of

MANIFEST = "manifest.json"   # written last by kg build: version, inputs, counts, status
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0
_GRAPHML_HEAD = ('<?xml version=\'1.0\' encoding=\'utf-8\'?>\n'
                 '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                 'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                 'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')


def _key_types(items) -> dict[str, str]:
    """GraphML type per attribute: the widest of its values (int < double < string)."""
    seen: dict[str, set] = {}
    for d in items:
        for k, v in d.items():
            seen.setdefault(k, set()).add(str if isinstance(v, (list, dict)) else type(v))
    out = {}
    for k, types in seen.items():
        if types <= {bool}:
            out[k] = "boolean"
        elif types <= {int}:
            out[k] = "int"
        elif types <= {int, float}:
            out[k] = "double"
        else:
            out[k] = "string"
    return out


def write_graphml(g: nx.MultiDiGraph, path: Path) -> None:
    """The graph as GraphML: :func:`write_graphml_items` over its nodes and edges."""
    write_graphml_items(lambda: g.nodes(data=True), lambda: g.edges(keys=True, data=True), path)


def write_graphml_items(nodes, edges, path: Path) -> None:
    """GraphML as networkx writes it with ``named_key_ids`` (key id = attribute
    name), which is what APOC reads: labels from ``<data key="labels">``, the
    relationship type from the edge's ``label``. Lists are JSON arrays.

    Our own writer because networkx's either builds the whole document in memory
    (ElementTree) or makes a Python element per value (lxml): this one streams
    plain text, about four times faster, in constant memory. Characters XML
    cannot carry are dropped rather than failing the whole file.

    ``nodes()`` and ``edges()`` give ``(id, data)`` and ``(source, target, key,
    data)``; each is called twice (the key types, then the elements), so the
    graph need not be in memory: the out-of-core path streams its aggregate
    tables through here (:mod:`kg.runtime.assembly`).
    """
    node_types = _key_types(d for _, d in nodes())
    edge_types = _key_types(d for _, _, _, d in edges())

    tags: dict[tuple[str, str], str] = {}

    def data(d: dict, scope: str) -> str:
        parts = []
        for k, v in d.items():
            if v is None:
                continue
            tag = tags[(scope, k)]
            if isinstance(v, str):
                v = escape(v)
            elif isinstance(v, (list, dict)):
                v = escape(json.dumps(v, ensure_ascii=False))
            else:
                v = str(v)
            parts.append(f"{tag}{v}</data>")
        return "".join(parts)

    edge_types.setdefault("key", "string")  # every relationship carries its stable key, for APOC's import too
    with path.open("w", encoding="utf-8") as fh:
        fh.write(_GRAPHML_HEAD)
        for scope, types in (("node", node_types), ("edge", edge_types)):
            for k, t in types.items():
                key_id = edge_key_id(k, node_types) if scope == "edge" else k
                tags[(scope, k)] = f"<data key={quoteattr(key_id)}>"
                fh.write(f'  <key id={quoteattr(key_id)} for="{scope}" attr.name={quoteattr(k)} attr.type="{t}" />\n')
        fh.write('  <key id="schema" for="graph" attr.name="schema" attr.type="int" />\n')
        fh.write('  <graph edgedefault="directed">\n')
        fh.write(f'    <data key="schema">{SCHEMA_VERSION}</data>\n')
        for n, d in nodes():
            fh.write(_NOT_XML.sub("", f'    <node id={quoteattr(n)}>{data(d, "node")}</node>\n'))
        for u, v, k, d in edges():
            fh.write(_NOT_XML.sub("", f'    <edge source={quoteattr(u)} target={quoteattr(v)} id={quoteattr(k)}>'
                                      f'{data({**d, "key": k}, "edge")}</edge>\n'))
        fh.write("  </graph>\n</graphml>\n")


def edge_key_id(name: str, node_names) -> str:
    """The GraphML key id of an edge attribute: its name, unless a node attribute
    has that name too (``title``, ``confidence``): graphml.xsd wants each key id
    declared once, so the edge's gets an ``e_`` prefix (its ``attr.name`` stays the
    name, which is what networkx and APOC read)."""
    return f"e_{name}" if name in node_names else name


def write_node_link(g: nx.MultiDiGraph, path: Path) -> None:
    """The graph as node-link JSON: :func:`write_node_link_items` over its nodes and edges."""
    write_node_link_items(g.nodes(data=True), g.edges(keys=True, data=True), path, g.graph)


def write_node_link_items(nodes, edges, path: Path, graph_attrs: dict | None = None) -> None:
    """networkx's node-link layout (``nodes``, ``edges``, endpoints ``source`` and
    ``target``), written one element at a time instead of through one in-memory
    copy of the graph and one string: ``networkx.node_link_graph(data)`` reads it
    with no keywords, and d3 or vis take ``edges`` as their links.
    """
    dumps = lambda obj: json.dumps(obj, ensure_ascii=False)  # noqa: E731
    with path.open("w", encoding="utf-8") as fh:
        fh.write(f'{{"directed": true, "multigraph": true, "graph": {dumps(graph_attrs or {})},\n"nodes": [')
        for i, (n, d) in enumerate(nodes):
            fh.write(("," if i else "") + "\n" + dumps({**d, "id": n}))
        fh.write('\n],\n"edges": [')
        for i, (u, v, k, d) in enumerate(edges):
            fh.write(("," if i else "") + "\n" + dumps({**d, "source": u, "target": v, "key": k}))
        fh.write("\n]}\n")


def read_manifest(folder: Path) -> dict | None:
    """The ``manifest.json`` a build writes last into its output folder, if any."""
    try:
        return json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def read_graph(path: Path) -> nx.MultiDiGraph:
    """A graph written by ``kg build`` (the file, or its output folder), or exported from a database ``kg load``
    wrote with ``apoc.export.graphml.all`` (:func:`read_apoc_export`); lists come back from their JSON form. A build folder whose manifest says the last
    build did not finish is refused (:class:`~kg.errors.IncompleteBuild`)."""
    path = Path(path)
    if path.is_dir():
        path = path / "graph.graphml"
    manifest = read_manifest(path.parent)
    if manifest is not None and manifest.get("status") != "complete":
        raise IncompleteBuild(f"{path.parent}: the last kg build there did not finish (status "
                              f"{manifest.get('status')!r}); run `kg build` again, it completes or redoes it")
    if not path.exists() and (path.parent / "assembly" / "import").is_dir():
        raise GraphFileError(f"{path}: not written, the graph of this out-of-core build is past graph_files_max; "
                             f"it is for Neo4j: `make neo4j-import CSV={path.parent / 'assembly' / 'import'}` "
                             f"(server stopped), or a larger KG_GRAPH_FILES_MAX")
    if not path.exists():
        raise GraphFileError(f"{path}: no such file (run `kg build` first)")
    try:
        g = read_apoc_export(path) if _is_apoc_export(path) else nx.read_graphml(path, force_multigraph=True)
    except (OSError, SyntaxError, nx.NetworkXError) as exc:  # ElementTree's ParseError is a SyntaxError
        raise GraphFileError(f"{path}: not a readable GraphML file: {exc}") from exc
    g.graph.pop("schema", None)  # the file's format version, checked above; not a property of the graph
    for _, d in g.nodes(data=True):
        for k in LIST_PROPERTIES & d.keys():
            if isinstance(d[k], str):
                d[k] = json.loads(d[k])
    for _, _, d in g.edges(data=True):
        d.pop("key", None)  # the edge's own key, written as data for APOC
        if d.get("label") in AGGREGATED and "articles" not in d:
            raise GraphFileError(f"{path}: written by an older kg (graph contract v1: one edge per article); "
                                 f"build it again with `kg build`")
        if d.get("label") in AGGREGATED:
            for k in EDGE_LIST_PROPERTIES & d.keys():
                if isinstance(d[k], str):
                    d[k] = json.loads(d[k])
    return g


_GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"
_XML_TYPES = {"boolean": lambda s: s.strip().lower() == "true", "int": int, "long": int, "float": float,
              "double": float, "string": str}


def _is_apoc_export(path: Path) -> bool:
    """APOC's exporter writes the labels as an attribute of each node element (``<node id="n0" labels=":Place">``);
    kg writes them as data only."""
    with open(path, "rb") as f:
        head = f.read(1 << 16)
    return re.search(rb"<node id=\"[^\"]*\" labels=", head) is not None


def read_apoc_export(path: Path) -> nx.MultiDiGraph:
    """The graph of a GraphML file that Neo4j's ``CALL apoc.export.graphml.all(file, {useTypes: true})`` wrote
    from a database ``kg load`` filled: the same graph ``kg build`` wrote, so that ``kg load`` of it changes nothing.

    APOC's file differs from kg's in five ways, undone here: it orders a node's labels its own way (:City:Place); its node ids are positions (n0, n1…), the kg id is
    the ``id`` property; an edge's key is its ``key`` property; lists are JSON (and the key of one, ``evidence``,
    is not declared at all, which networkx refuses); a fact's evidence is stored flat in Neo4j (``evidence``,
    ``evidenceArticles``, ``evidenceOffsets``, :mod:`kg.neo4j.loader`) and comes back as the graph's objects.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "apoc.graphml"
    >>> _ = f.write_text('''<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
    ... <key id="id" for="node" attr.name="id" attr.type="string"/>
    ... <key id="articles" for="edge" attr.name="articles" attr.type="string" attr.list="string"/>
    ... <graph id="G" edgedefault="directed">
    ... <node id="n0" labels=":Official"><data key="labels">:Official</data><data key="id">official:1</data></node>
    ... <node id="n1" labels=":Place"><data key="labels">:Place</data><data key="id">place:2</data></node>
    ... <edge id="e0" source="n0" target="n1" label="HOLDS"><data key="label">HOLDS</data>
    ... <data key="articles">["a1"]</data><data key="evidence">["市长王五讲话。"]</data>
    ... <data key="evidenceArticles">["a1"]</data><data key="evidenceOffsets">[0]</data>
    ... <data key="key">HOLDS:9</data></edge></graph></graphml>''', encoding="utf-8")
    >>> g = read_apoc_export(f)
    >>> list(g.edges(keys=True, data="evidence"))
    [('official:1', 'place:2', 'HOLDS:9', [{'article': 'a1', 'sentence': '市长王五讲话。', 'offset': 0}])]
    """
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    keys: dict[tuple[str, str], tuple[str, str, bool]] = {}
    for k in root.iter(_GRAPHML_NS + "key"):
        keys[(k.get("for", "all"), k.get("id"))] = (k.get("attr.name") or k.get("id"), k.get("attr.type", "string"),
                                                    k.get("attr.list") is not None)

    def data_of(element, domain: str) -> dict:
        out = {}
        for d in element.findall(_GRAPHML_NS + "data"):
            key = d.get("key")
            name, kind, is_list = keys.get((domain, key)) or keys.get(("all", key)) or (key, "string", False)
            text = d.text or ""
            if is_list or (text.startswith("[") and name in LIST_PROPERTIES | EDGE_LIST_PROPERTIES | _FLAT_EVIDENCE):
                out[name] = json.loads(text)
            else:
                out[name] = _XML_TYPES.get(kind, str)(text)
        return out

    graph = root.find(_GRAPHML_NS + "graph")
    if graph is None:
        raise GraphFileError(f"{path}: no graph element")
    g = nx.MultiDiGraph()
    ids: dict[str, str] = {}
    for n in graph.iter(_GRAPHML_NS + "node"):
        d = data_of(n, "node")
        if "id" not in d:
            raise GraphFileError(f"{path}: node {n.get('id')} has no id property: not a database kg load wrote")
        ids[n.get("id")] = d["id"]
        d["labels"] = label_string(sorted(labels_of(d), key=lambda label: label == "City"))  # kg's order: kind first
        g.add_node(d["id"], **d)
    for e in graph.iter(_GRAPHML_NS + "edge"):
        d = data_of(e, "edge")
        d.setdefault("label", e.get("label"))
        if "evidenceArticles" in d:
            d["evidence"] = [{"article": a, "sentence": s, "offset": o} for s, a, o in
                             zip(d["evidence"], d.pop("evidenceArticles"), d.pop("evidenceOffsets", []))]
        g.add_edge(ids[e.get("source")], ids[e.get("target")], key=d.pop("key", None), **d)
    return g


# How kg load stores a fact's evidence objects in Neo4j: three parallel lists.
_FLAT_EVIDENCE = frozenset({"evidenceArticles", "evidenceOffsets"})
