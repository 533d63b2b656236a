"""Throughput, scaling, memory, cold start and incremental builds, in one run.

Every number comes from running the real ``kg`` executable on a corpus from
``bench/corpus.py``; ratios compare numbers measured in this same run.

1. bare pkuseg: the segmenter alone on a sample of the corpus (chars/s) —
   the floor of this design on this machine;
2. ``kg build --workers 1`` and ``--workers 2`` on --n articles, end to end
   (model load, extraction, graph, GraphML/JSON; no HTML views);
3. incremental: 1% new articles added, the cached re-run vs a full build of
   the grown corpus, and the two graphs compared;
4. cold start: a one-article build in a fresh process (median of 3);
5. peak RSS (sum over the process tree, sampled every 0.1 s) of a --big build.

    .venv/bin/python bench/scale.py --n 2000 --big 10000
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from corpus import Generator  # noqa: E402

KG = [sys.executable, "-m", "kg.cli"]


def run(args: list, label: str) -> dict:
    """Run kg; wall time and peak RSS of its whole process tree."""
    t0 = time.perf_counter()
    proc = psutil.Popen([*KG, *map(str, args)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    peak_sum = peak_one = 0
    while proc.poll() is None:
        try:
            procs = [proc, *proc.children(recursive=True)]
            rss = [p.memory_info().rss for p in procs]
            peak_sum, peak_one = max(peak_sum, sum(rss)), max(peak_one, max(rss))
        except psutil.Error:
            pass
        time.sleep(0.1)
    secs = time.perf_counter() - t0
    err = proc.stderr.read().decode()
    if proc.returncode != 0:
        raise SystemExit(f"{label}: kg exited {proc.returncode}\n{err[-3000:]}")
    print(f"  {label}: {secs:.1f} s, peak RSS {peak_sum / 2**30:.2f} GiB", flush=True)
    return {"secs": secs, "rss": peak_sum, "rss_one": peak_one}


def corpus_chars(folder: Path) -> tuple[int, int, list[str]]:
    from loaders import Article, iter_articles

    texts = [a.text for a in iter_articles([folder]) if isinstance(a, Article)]
    return len(texts), sum(map(len, texts)), texts


def bare_pkuseg(texts: list[str]) -> float:
    from kg.extract import segmenter
    from kg.settings import load_settings

    seg = segmenter.load(load_settings().model_dir)
    seg.load_all()  # the whole feature table up front: time segmentation only
    t0 = time.perf_counter()
    chars = 0
    for text in texts:
        seg.cut(text)
        chars += len(text)
    return chars / (time.perf_counter() - t0)


def same_graph(a: Path, b: Path) -> bool:
    from kg.graph.export import read_graph
    from kg.graph.schema import same_graph as same

    return same(read_graph(a), read_graph(b))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000, help="corpus for throughput, scaling and incremental runs")
    ap.add_argument("--big", type=int, default=10000, help="corpus for peak RSS (0: skip)")
    ap.add_argument("--sample", type=int, default=500, help="articles for the bare pkuseg measurement")
    ap.add_argument("--work", type=Path, default=ROOT / "bench" / ".work")
    args = ap.parse_args()
    work = args.work
    shutil.rmtree(work, ignore_errors=True)
    gen = Generator(ROOT / "seeds")
    corpus, grow = work / "corpus", max(1, args.n // 100)
    gen.write(corpus, args.n)
    n, chars, texts = corpus_chars(corpus)
    print(f"corpus: {n:,} articles, {chars:,} characters ({chars / n:,.0f} per article)", flush=True)

    rows = {}
    bare = bare_pkuseg(texts[:args.sample])
    print(f"  bare pkuseg: {bare:,.0f} chars/s", flush=True)
    one = run(["build", corpus, "--out", work / "w1", "--no-views", "--quiet", "--workers", 1], "kg build, 1 worker")
    two = run(["build", corpus, "--out", work / "w2", "--no-views", "--quiet", "--workers", 2, "--no-cache"],
              "kg build, 2 workers")
    rows["1 worker"], rows["2 workers"] = one, two

    gen.write(corpus, args.n + grow, start=args.n)
    inc = run(["build", corpus, "--out", work / "inc", "--no-views", "--quiet", "--cache", work / "w1" / "cache.sqlite"],
              f"incremental (+{grow} articles)")
    full = run(["build", corpus, "--out", work / "full", "--no-views", "--quiet", "--workers", 1, "--no-cache"],
               f"full build of {args.n + grow}")
    identical = same_graph(work / "inc", work / "full")

    single = work / "one"
    single.mkdir()
    shutil.copy(next(corpus.rglob("0000000.txt")), single)
    cold = [run(["build", single, "--out", work / "one-out", "--no-views", "--quiet", "--no-cache"], "cold start")["secs"]
            for _ in range(3)]

    big = None
    if args.big:
        big_corpus = work / "big"
        gen.write(big_corpus, args.big)
        big_n, big_chars, _ = corpus_chars(big_corpus)
        big = run(["build", big_corpus, "--out", work / "big-out", "--no-views", "--quiet", "--no-cache"],
                  f"{args.big:,} articles, 1 worker")
        big.update(n=big_n, chars=big_chars)

    print(f"\nmachine: {os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB; "
          f"corpus {n:,} articles, {chars:,} chars\n")
    print("| measurement | time | chars/s | articles/s | vs bare pkuseg | peak RSS |\n|---|---:|---:|---:|---:|---:|")
    print(f"| bare pkuseg (segmenter only, {args.sample} articles) | | {bare:,.0f} | | 1.00 | |")
    for name, r in rows.items():
        print(f"| kg build, {name}, {n:,} articles | {r['secs']:.1f} s | {chars / r['secs']:,.0f} | "
              f"{n / r['secs']:.1f} | {chars / r['secs'] / bare:.2f} | {r['rss'] / 2**30:.2f} GiB |")
    print(f"| incremental: +{grow} new articles, cached re-run | {inc['secs']:.1f} s | | | | {inc['rss'] / 2**30:.2f} GiB |")
    print(f"| full build of the same {args.n + grow} articles | {full['secs']:.1f} s | | | | |")
    print(f"| cold start: one-article build (median of 3) | {statistics.median(cold):.2f} s | | | | |")
    if big:
        print(f"| kg build, 1 worker, {big['n']:,} articles | {big['secs']:.1f} s | {big['chars'] / big['secs']:,.0f} | "
              f"{big['n'] / big['secs']:.1f} | | {big['rss'] / 2**30:.2f} GiB |")
    print(f"\n2 workers / 1 worker: {one['secs'] / two['secs']:.2f}×; "
          f"end to end, 1 worker / bare pkuseg: {chars / one['secs'] / bare:.2f}; "
          f"full / incremental: {full['secs'] / inc['secs']:.1f}×; incremental graph identical to full: {identical}")


if __name__ == "__main__":
    main()
