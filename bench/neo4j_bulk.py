"""Bulk import rate: `kg csv` + `neo4j-admin database import full` on a built graph.

Uses the Neo4j that scripts/neo4j_server.py provisions (a fresh instance on free
ports), imports the graph of a build folder, starts the server and checks the
counts against the graph.

    .venv/bin/python bench/neo4j_bulk.py bench/.work/big-out
"""
from __future__ import annotations

import argparse
import secrets
import shlex
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

import neo4j_server  # noqa: E402
from neo4j import GraphDatabase  # noqa: E402

from kg.graph.export import read_graph  # noqa: E402
from kg.graph.schema import label_counts, relation_counts  # noqa: E402
from kg.neo4j.bulk import write_import_csv  # noqa: E402
from kg.neo4j.loader import counts  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("graph", type=Path, help="graph.graphml or a build folder")
    args = ap.parse_args()
    g = read_graph(args.graph)
    nodes, rels = g.number_of_nodes(), g.number_of_edges()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        export = write_import_csv(g, Path(tmp) / "csv")
        t_csv = time.perf_counter() - t0
        inst = neo4j_server.Instance(Path(tmp) / "db", neo4j_server.free_port(), neo4j_server.free_port())
        password = secrets.token_urlsafe(12)
        inst.admin("dbms", "set-initial-password", password)
        t0 = time.perf_counter()
        done = inst.admin(*shlex.split(export.command())[1:])
        t_import = time.perf_counter() - t0
        if done.returncode:
            raise SystemExit(done.stdout[-3000:] + done.stderr[-3000:])
        inst.start(password)
        try:
            with GraphDatabase.driver(inst.uri, auth=("neo4j", password)) as driver:
                ok = counts(driver) == (label_counts(g), relation_counts(g))
        finally:
            inst.stop()
    print("\n| step | nodes | relationships | seconds | relationships/s |\n|---|---:|---:|---:|---:|")
    print(f"| kg csv (write the files) | {nodes:,} | {rels:,} | {t_csv:.1f} | {rels / t_csv:,.0f} |")
    print(f"| neo4j-admin database import full | {nodes:,} | {rels:,} | {t_import:.1f} | {rels / t_import:,.0f} |")
    print(f"\ncounts in the database equal the graph's: {ok}")


if __name__ == "__main__":
    main()
