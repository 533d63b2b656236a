"""Neo4j load throughput: batched UNWIND/MERGE vs one row per transaction.

Starts its own Neo4j (scripts/neo4j_server.py) on free ports, loads a synthetic
graph of --articles articles (1,500 ≈ 108k relationships) with the batched
loader, then a slice of it one row per transaction (the same statements with
batch size 1; the whole graph that way would take many minutes), and prints
relationships per second for both.

    .venv/bin/python bench/neo4j_load.py [--articles 1500] [--single-articles 100]
"""
from __future__ import annotations

import argparse
import secrets
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "scripts")]

import neo4j_server  # noqa: E402
from neo4j import GraphDatabase  # noqa: E402
from synthetic_graph import synthetic_graph  # noqa: E402

from kg.neo4j.loader import Neo4jLoader  # noqa: E402


def timed_load(driver, g, batch_size: int) -> tuple[float, int]:
    Neo4jLoader(driver).wipe()
    t0 = time.perf_counter()
    report = Neo4jLoader(driver, batch_size=batch_size).load(g)
    return time.perf_counter() - t0, sum(report.relationships.values())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=1500)
    ap.add_argument("--single-articles", type=int, default=100)
    ap.add_argument("--batch-size", type=int, default=5000)
    args = ap.parse_args()
    big, small = synthetic_graph(args.articles), synthetic_graph(args.single_articles)
    with tempfile.TemporaryDirectory() as tmp:
        inst = neo4j_server.Instance(Path(tmp), neo4j_server.free_port(), neo4j_server.free_port())
        password = secrets.token_urlsafe(12)
        inst.start(password)
        try:
            with GraphDatabase.driver(inst.uri, auth=("neo4j", password)) as driver:
                timed_load(driver, small, args.batch_size)  # warm-up: constraints, JIT, page cache
                rows = []
                secs, rels = timed_load(driver, big, args.batch_size)
                rows.append((f"batched ({args.batch_size}/tx)", args.articles, big.number_of_nodes(), rels, secs))
                secs, rels = timed_load(driver, small, args.batch_size)
                rows.append((f"batched ({args.batch_size}/tx)", args.single_articles, small.number_of_nodes(), rels, secs))
                secs, rels = timed_load(driver, small, 1)
                rows.append(("one row per transaction", args.single_articles, small.number_of_nodes(), rels, secs))
        finally:
            inst.stop()
    print("\n| loader | articles | nodes | relationships | seconds | relationships/s |\n|---|---:|---:|---:|---:|---:|")
    for name, arts, nodes, rels, secs in rows:
        print(f"| {name} | {arts:,} | {nodes:,} | {rels:,} | {secs:.1f} | {rels / secs:,.0f} |")
    print(f"\nbatched is {rows[1][3] / rows[1][4] / (rows[2][3] / rows[2][4]):.0f}× one-row-per-transaction "
          f"on the same {args.single_articles}-article graph")


if __name__ == "__main__":
    main()
