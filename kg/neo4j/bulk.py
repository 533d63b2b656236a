"""A kg graph as CSV files for ``neo4j-admin database import full``: the bulk path.

The batched loader (:mod:`kg.neo4j.loader`) merges into a live database
and is the right tool up to a few million relationships and for adding
articles to a database in use. Past that, Neo4j's offline importer writes the
store directly, at hundreds of thousands of rows per second, into a new (or
overwritten) database while the server is stopped. This module writes its
input: one node file per label set, one relationship file per type, headers
typed (``value:double``, ``titles:string[]``), the same ids, keys, labels and
properties as the batched loader.
"""
from __future__ import annotations

import csv
import shlex
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg.graph.schema import LIST_PROPERTIES
from kg.neo4j.cypher import schema_statements
from kg.neo4j.loader import checked_labels, relationship_rows

ARRAY_DELIMITER = ";"
_TYPES = {bool: "boolean", int: "long", float: "double"}


@dataclass
class CsvExport:
    folder: Path
    # one file per group, or (header, part, part, …) when a group is written in parts (kg.runtime.assembly)
    nodes: list[Path | tuple[Path, ...]] = field(default_factory=list)
    relationships: list[Path | tuple[Path, ...]] = field(default_factory=list)
    schema: Path | None = None     # the constraints and indexes, to run once the server is up again

    @classmethod
    def from_folder(cls, folder: Path) -> "CsvExport":
        """The files a ``kg csv`` run wrote to ``folder``, found by their names."""
        folder = Path(folder)
        nodes, rels = _groups(folder, "nodes"), _groups(folder, "relationships")
        if not nodes:
            raise FileNotFoundError(f"{folder}: no nodes_*.csv (write them with `kg csv GRAPH --out {folder}`)")
        schema = folder / "schema.cypher"
        return cls(folder, nodes, rels, schema if schema.exists() else None)

    def arguments(self, database: str = "neo4j") -> list[str]:
        """The arguments of ``neo4j-admin`` that import these files (server stopped)."""
        args = ["database", "import", "full", database, "--overwrite-destination=true",
                f"--array-delimiter={ARRAY_DELIMITER}", "--multiline-fields=true"]
        return (args + [f"--nodes={_files(p)}" for p in self.nodes]
                + [f"--relationships={_files(p)}" for p in self.relationships])

    def command(self, database: str = "neo4j") -> str:
        """The neo4j-admin invocation that imports these files (server stopped)."""
        return shlex.join(["neo4j-admin"] + self.arguments(database))


def _groups(folder: Path, kind: str) -> list[Path | tuple[Path, ...]]:
    """``kind_X.csv`` files, and ``kind_X.header.csv`` with the parts in ``kind_X/``."""
    out: list[Path | tuple[Path, ...]] = []
    for p in sorted(folder.glob(f"{kind}_*.csv")):
        if p.name.endswith(".header.csv"):
            parts = sorted((folder / p.name[: -len(".header.csv")]).glob("*.csv"))
            if parts:
                out.append((p, *parts))
        else:
            out.append(p)
    return out


def _files(group: Path | tuple[Path, ...]) -> str:
    """The importer's form of a group: its files, comma-separated, the header first."""
    return ",".join(map(str, group)) if isinstance(group, tuple) else str(group)


def _column(name: str, values: list) -> str:
    lists = [v for v in values if isinstance(v, list)]
    if name in LIST_PROPERTIES or lists:
        items = {type(x) for v in lists for x in v}
        return f"{name}:long[]" if items and items <= {int} else f"{name}:string[]"
    kinds = {type(v) for v in values if v is not None}
    if kinds and kinds <= {int}:
        return f"{name}:long"
    if kinds and kinds <= {int, float}:
        return f"{name}:double"
    if kinds == {bool}:
        return f"{name}:boolean"
    return name


def cell(name: str, value) -> object:
    """A property as a CSV field of the importer (lists joined by the array delimiter)."""
    if value is None:
        return ""
    if isinstance(value, list):  # the delimiter inside an item becomes its full-width form
        return ARRAY_DELIMITER.join(str(x).replace(ARRAY_DELIMITER, "；") for x in value)
    return value


def _write(path: Path, header: list[str], rows) -> None:
    """Minimal quoting: an absent property is an empty, unquoted field, which the
    importer leaves out (a quoted "" would become an empty string)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, quoting=csv.QUOTE_MINIMAL)
        out.writerow(header)
        for row in rows:
            out.writerow(row)


def write_import_csv(g: nx.MultiDiGraph, folder: Path) -> CsvExport:
    """The CSV files, and ``schema.cypher``: the importer creates no constraint or
    index, so the ones `kg load` creates are written out to run after the import."""
    folder.mkdir(parents=True, exist_ok=True)
    export = CsvExport(folder)
    export.schema = folder / "schema.cypher"
    export.schema.write_text("// Constraints and indexes of kg (what kg load creates): run once after the import.\n"
                             + "".join(f"{s};\n" for s in schema_statements()), encoding="utf-8")
    groups: dict[tuple[str, ...], list[str]] = {}
    for n, d in g.nodes(data=True):
        groups.setdefault(checked_labels(d, n), []).append(n)
    for labels, members in sorted(groups.items()):
        props = sorted({k for n in members for k in g.nodes[n] if k not in ("id", "labels")})
        header = ["id:ID"] + [_column(p, [g.nodes[n].get(p) for n in members]) for p in props] + [":LABEL"]
        path = folder / f"nodes_{'_'.join(labels)}.csv"
        rows = ([g.nodes[n].get("id", n)] + [cell(p, g.nodes[n].get(p)) for p in props] + [";".join(labels)]
                for n in members)
        _write(path, header, rows)
        export.nodes.append(path)
    by_type: dict[str, list[dict]] = {}
    for (rel, _start, _end), rows in relationship_rows(g).items():
        by_type.setdefault(rel, []).extend({**row, "props": {**row["props"], **{k: v for k, v in row.items()
                                                                                if k not in ("src", "dst", "key",
                                                                                             "props")}}}
                                           for row in rows)
    for rel, rows in sorted(by_type.items()):
        props = sorted({k for r in rows for k in r["props"]})
        header = [":START_ID", ":END_ID", ":TYPE", "key"] + [_column(p, [r["props"].get(p) for r in rows])
                                                             for p in props]
        path = folder / f"relationships_{rel}.csv"
        _write(path, header, ([r["src"], r["dst"], rel, r["key"]] + [cell(p, r["props"].get(p)) for p in props]
                                     for r in rows))
        export.relationships.append(path)
    return export
