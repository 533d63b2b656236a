"""How long the views take for a large corpus: writing them, and Chromium drawing the overview and the largest
city page (time from navigation to the first drawing, and the page's JS heap then; target: under 3 s each for
10,000 articles).

    .venv/bin/python bench/views_render.py [--articles 10000]
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from playwright.sync_api import sync_playwright  # noqa: E402
from synthetic_graph import synthetic_graph  # noqa: E402

from kg.views import write_views  # noqa: E402

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10000)
    args = ap.parse_args()
    g = synthetic_graph(args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        written = write_views(g, Path(tmp) / "views")
        write_s = time.perf_counter() - t0
        pages = sorted((Path(tmp) / "views").glob("city-*.html"), key=lambda p: (-p.stat().st_size, p.name))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=FLAGS)
            timings = {}
            largest = pages[0]
            for name, path in (("overview", written.folder / "overview.html"),
                               (f"largest city page ({largest.stat().st_size / 1e6:.1f} MB)", largest)):
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                cdp = page.context.new_cdp_session(page)
                t0 = time.perf_counter()
                page.goto(path.as_uri())
                page.wait_for_function("window.kg && window.kg.drawn", timeout=120_000)
                secs = time.perf_counter() - t0
                heap = cdp.send("Runtime.getHeapUsage")["usedSize"] / 2**20
                rows = page.evaluate("window.kg.rows ? window.kg.rows() : 0")
                timings[name] = (secs, page.evaluate("window.kg.nodes.length"), page.evaluate("window.kg.edges.length"),
                                 rows, heap)
                page.close()
            browser.close()
    print(f"\nsynthetic corpus: {args.articles:,} articles, {g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges")
    print(f"write_views: {written.pages:,} pages in {write_s:.1f} s\n")
    print("| page | nodes drawn | edges drawn | table rows | load → first drawing (s) | JS heap (MB) |\n"
          "|---|---:|---:|---:|---:|---:|")
    for name, (secs, n, e, rows, heap) in timings.items():
        print(f"| {name} | {n:,} | {e:,} | {rows:,} | {secs:.2f} | {heap:.0f} |")


if __name__ == "__main__":
    main()
