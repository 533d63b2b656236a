"""Out-of-core assembly at scale: synthetic records through kg.runtime.assembly.

    python bench/assembly.py --articles 1000000 --workers 2 --partitions 128 --out /tmp/asm
    NEO4J_PASSWORD=… python bench/assembly.py --articles 100000 --import-neo4j   # + neo4j-admin, queries

Reports the time of each stage, rows per second, disk used and the peak
resident memory of the whole process tree (this process, the Dask scheduler
and its workers), sampled every 0.2 s. With ``--refold`` it then folds again
without new rows: the cost of re-aggregating after an incremental shard.
With ``--import-neo4j`` the import files go through ``neo4j-admin database
import full`` into the provisioned server (scripts/neo4j_server.py), which is
then started and asked one question.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from synthetic_records import chunks  # noqa: E402

from kg.runtime.assembly import assemble, fold_task  # noqa: E402,F401


class PeakRSS:
    """Peak resident memory of this process and all its descendants."""

    def __init__(self):
        self.peak, self._stop = 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for p in [me, *me.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(0.2)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--chunk", type=int, default=20_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--partitions", type=int, default=64)
    ap.add_argument("--out", type=Path, default=Path("/tmp/kg-assembly-bench"))
    ap.add_argument("--refold", action="store_true")
    ap.add_argument("--import-neo4j", action="store_true")
    args = ap.parse_args()

    from dask.distributed import Client, LocalCluster

    report: dict = {"articles": args.articles, "workers": args.workers, "partitions": args.partitions}
    with PeakRSS() as rss:
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None,
                          memory_limit="1.5GiB") as cluster, Client(cluster) as client:
            t0 = time.perf_counter()
            result = assemble(chunks(args.articles, args.chunk), args.out, partitions=args.partitions, client=client)
            report["assemble_s"] = round(time.perf_counter() - t0, 1)
            if args.refold:
                t1 = time.perf_counter()
                client.gather(client.map(fold_task, range(args.partitions), rows=str(args.out / "rows"),
                                         out=str(args.out), pure=False))
                report["refold_s"] = round(time.perf_counter() - t1, 1)
    rows = result.node_rows + result.edge_rows
    report.update(rows=rows, rows_per_s=round(rows / report["assemble_s"]),
                  nodes=sum(result.nodes.values()), relationships=sum(result.relationships.values()),
                  errors=len(result.errors), peak_rss_gib=round(rss.peak / 2**30, 2),
                  disk_gib={k: round(du(args.out / k) / 2**30, 2) for k in ("rows", "graph", "import")})
    print(json.dumps(report, indent=1))
    if args.import_neo4j:
        server = [sys.executable, str(ROOT / "scripts" / "neo4j_server.py")]
        subprocess.run(server + ["stop"], check=False)
        t = time.perf_counter()
        subprocess.run(server + ["import", str(args.out / "import")], check=True)
        print(json.dumps({"neo4j_import_s": round(time.perf_counter() - t, 1)}))
        from kg.neo4j.connection import connect

        queries = {
            "counts": "MATCH (n) RETURN count(n) AS nodes",
            "busiest cities": "MATCH (c:City)<-[:ABOUT]-(a:Article) WITH c, count(a) AS n ORDER BY n DESC LIMIT 3 "
                              "RETURN c.name AS city, n",
            "longest-reported post": "MATCH (o:Official)-[h:HOLDS]->(p) RETURN o.name AS official, h.title AS title, "
                                     "p.name AS place, h.count AS articles, h.firstSeen AS first, h.lastSeen AS last "
                                     "ORDER BY h.count DESC LIMIT 1",
        }
        with connect("bolt://127.0.0.1:7687", "neo4j", os.environ["NEO4J_PASSWORD"]) as driver:
            for name, q in queries.items():
                t = time.perf_counter()
                records = [dict(r) for r in driver.execute_query(q).records]
                print(json.dumps({name: records, "seconds": round(time.perf_counter() - t, 2)}, ensure_ascii=False))
        subprocess.run(server + ["stop"], check=False)


if __name__ == "__main__":
    main()
