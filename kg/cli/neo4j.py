"""``kg load``, ``kg csv`` and ``kg query``: the Neo4j side of the command line.

Connection settings come from options or the usual Neo4j environment
variables (``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, as in
``.env`` for docker compose); no credential is written in code.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from rich.table import Table

from kg.cli.common import add_graph_argument, console, results
from kg.errors import KGError, QueryParameterError
from kg.settings import load_settings


def connect(args, settings):
    from kg.neo4j.connection import connect as verified_driver

    password = args.password or os.environ.get("NEO4J_PASSWORD")
    return verified_driver(args.uri, args.user, password, settings.neo4j_retry_seconds)


def cmd_load(args) -> int:
    from kg.graph.export import read_graph
    from kg.neo4j.loader import Neo4jLoader, counts

    settings = load_settings()
    path = Path(args.graph)
    graph = read_graph(path)
    with connect(args, settings) as driver:
        loader = Neo4jLoader(driver, database=args.database, batch_size=args.batch_size or settings.load_batch_size)
        if args.wipe:
            loader.wipe()
            console.print(f"wiped the database at {args.uri}")
        try:
            report = loader.load(graph)
        except KGError as exc:  # the load stopped part-way, or the graph is off the schema
            raise type(exc)(f"{path}: {exc}") from exc
        labels, rels = counts(driver, args.database)
    table = Table(title=f"kg load {path} → {args.uri}")
    for col in ("what", "rows written", "now in database"):
        table.add_column(col, justify="left" if col == "what" else "right")
    for lab, n in sorted(report.nodes.items()):
        table.add_row(lab, str(n), "")
    for lab, n in sorted(labels.items()):
        table.add_row(f"  :{lab}", "", str(n))
    for rel in sorted(set(report.relationships) | set(rels)):
        table.add_row(f"[{rel}]", str(report.relationships.get(rel, 0)), str(rels.get(rel, 0)))
    console.print(table)
    n_rels = sum(report.relationships.values())
    console.print(f"{report.batches} batches in {report.seconds:.1f} s ({n_rels / max(report.seconds, 1e-9):,.0f} "
                  f"relationships/s)")
    return 0


def cmd_csv(args) -> int:
    from kg.graph.export import read_graph
    from kg.neo4j.bulk import write_import_csv

    export = write_import_csv(read_graph(Path(args.graph)), Path(args.out))
    console.print(f"{len(export.nodes)} node files, {len(export.relationships)} relationship files in {export.folder}; "
                  f"with the server stopped, import them into a new database with:")
    print(export.command(args.database))
    console.print(f"then, with the server started, create the constraints and indexes: paste {export.schema} into "
                  f"Neo4j Browser, or cypher-shell -f {export.schema}. With the server this project provisions "
                  f"(no Docker), `make neo4j-stop` and `make neo4j-import CSV={export.folder}` do both.")
    return 0


def cmd_query(args) -> int:
    from neo4j.exceptions import Neo4jError

    from kg.errors import QueryFailed
    from kg.neo4j import queries as cypher_library

    settings = load_settings()
    folder = Path(args.queries or settings.queries_dir)
    if args.list or not args.name:
        table = Table(title=f"queries in {folder}")
        for col in ("name", "answers", "parameters (example)"):
            table.add_column(col)
        for q in cypher_library.library(folder).values():
            table.add_row(q.name, q.summary, ", ".join(f"{k}={v}" for k, v in q.params.items()))
        results.print(table)
        return 0
    query = cypher_library.get(folder, args.name)
    params = query.bind(dict(_split_param(p) for p in args.param))
    with connect(args, settings) as driver:
        try:
            records, _, keys = driver.execute_query(query.statement, params, database_=args.database)
        except Neo4jError as exc:
            raise QueryFailed(f"{query.path}: {exc.code}: {exc.message}") from exc
    rows = [{k: _plain(r[k]) for k in keys} for r in records]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    table = Table(title=f"{query.name} {params}")
    for k in keys:
        table.add_column(k)
    for row in rows:
        table.add_row(*(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in row.values()))
    results.print(table)
    console.print(f"{len(rows)} rows")
    return 0


def cmd_guide(args) -> int:
    import time

    from kg.neo4j import guide
    from kg.neo4j import queries as cypher_library

    folder = Path(args.queries or load_settings().queries_dir)
    html = guide.guide_html(cypher_library.library(folder).values())
    if args.out:
        Path(args.out).write_text(html, encoding="utf-8")
        console.print(f"wrote {args.out}")
        return 0
    server = guide.serve(html, args.port)
    console.print("the query guide is served; in Neo4j Browser run (Ctrl-C here to stop):")
    print(f":play {server.url}")
    try:
        while True:
            time.sleep(3600)
    finally:
        server.shutdown()


def _split_param(raw: str) -> tuple[str, str]:
    name, sep, value = raw.partition("=")
    if not sep:
        raise QueryParameterError(f"--param {raw!r}: expected NAME=VALUE")
    return name, value


def _plain(value):
    """Paths, nodes and relationships as JSON-friendly values."""
    from neo4j.graph import Node, Relationship
    from neo4j.graph import Path as GraphPath

    if isinstance(value, GraphPath):
        return [_plain(n) for n in value.nodes]
    if isinstance(value, Node):
        return dict(value)
    if isinstance(value, Relationship):
        return {"type": value.type, **dict(value)}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def add_parsers(sub) -> None:
    from dotenv import load_dotenv

    load_dotenv(Path.cwd() / ".env")  # never overrides variables already set

    def connection(p):
        p.add_argument("--uri", default=os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"),
                       help="Bolt URI (env NEO4J_URI; default bolt://127.0.0.1:7687)")
        p.add_argument("--user", default=os.environ.get("NEO4J_USERNAME", "neo4j"),
                       help="user (env NEO4J_USERNAME; default neo4j)")
        p.add_argument("--password", help="password (env NEO4J_PASSWORD)")
        p.add_argument("--database", help="database (default: the server's default)")

    lp = sub.add_parser("load", help="load a built graph into Neo4j (idempotent, batched)",
                        description="Load graph.graphml into Neo4j: constraints first, then batched UNWIND/MERGE "
                                    "transactions. Loading again changes nothing; loading another build merges "
                                    "into what is there. Exit status 1 if the load stopped part-way (re-run it).")
    add_graph_argument(lp)
    connection(lp)
    lp.add_argument("--wipe", action="store_true", help="delete everything in the database first")
    lp.add_argument("--batch-size", type=int, help="rows per transaction (default: settings, 5000)")
    lp.set_defaults(func=cmd_load)

    cp = sub.add_parser("csv", help="write CSV files for neo4j-admin database import (bulk, offline)",
                        description="Write one CSV file per label set and per relationship type for "
                                    "`neo4j-admin database import full`, and print the command. For graphs too big "
                                    "for `kg load`; the import replaces the target database.")
    add_graph_argument(cp)
    cp.add_argument("--out", default="out/import", help="folder for the CSV files (default: out/import)")
    cp.add_argument("--database", default="neo4j", help="database the printed command imports into (default: neo4j)")
    cp.set_defaults(func=cmd_csv)

    qp = sub.add_parser("query", help="run a query of the queries/ library",
                        description="Run one of the Cypher files in queries/ and print a table. Parameters "
                                    "default to the examples in the file's header.")
    qp.add_argument("name", nargs="?", help="query name (file name without .cypher)")
    qp.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="a query parameter")
    qp.add_argument("--list", action="store_true", help="list the queries")
    qp.add_argument("--json", action="store_true", help="print rows as JSON")
    qp.add_argument("--queries", help="folder of .cypher files (default: the project's queries/)")
    connection(qp)
    qp.set_defaults(func=cmd_query)

    gp = sub.add_parser("guide", help="serve the query library as a Neo4j Browser guide (:play)",
                        description="Serve a Browser guide of the queries/ library on localhost (one slide per "
                                    "question, its :param lines and query runnable with a click) and print the "
                                    ":play command to run in Neo4j Browser; or write it to a file with --out.")
    gp.add_argument("--port", type=int, default=8765, help="port on localhost (default 8765)")
    gp.add_argument("--out", help="write the guide HTML to this file instead of serving it")
    gp.add_argument("--queries", help="folder of .cypher files (default: the project's queries/)")
    gp.set_defaults(func=cmd_guide)
