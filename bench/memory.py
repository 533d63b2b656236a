"""Peak memory of `kg build` on texts with no sentence punctuation (the reliability
issue: a 100,000-character line once took 4.7 GB, a 3 MB one 23 GB).

Each file is one line of Chinese text without 。！？；, of 1 MB, 3 MB and 7.9 MB
(just under the 8 MB article limit); the real `kg` executable builds it, and the
peak RSS of its process tree is sampled every 0.1 s (bench/scale.py's `run`).
The 10,000-article corpus figure comes from `bench/scale.py --big 10000`.

    .venv/bin/python bench/memory.py
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from scale import run  # noqa: E402

PHRASE = "全县各级党组织深入开展主题教育活动市委书记王建国出席会议并讲话共组织宣讲120场覆盖群众3万人次"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, nargs="+", default=[1, 3, 7.9])
    ap.add_argument("--work", type=Path, default=ROOT / "bench" / ".work-memory")
    args = ap.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    rows = []
    for mb in args.mb:
        size = int(mb * 1_000_000)
        text = (PHRASE * (size // len(PHRASE.encode()) + 1)).encode()[:size].decode("utf-8", errors="ignore")
        folder = args.work / f"in-{mb}"
        folder.mkdir()
        (folder / "line.txt").write_text(text, encoding="utf-8")
        r = run(["build", folder, "--out", args.work / f"out-{mb}", "--no-views", "--quiet", "--no-cache"],
                f"{mb} MB unpunctuated")
        entities = (args.work / f"out-{mb}" / "entities.jsonl").stat().st_size
        rows.append((mb, len(text), r, entities))
    print("\n| input | characters | time | peak RSS | entities.jsonl |\n|---|---:|---:|---:|---:|")
    for mb, chars, r, entities in rows:
        print(f"| {mb} MB, one line, no sentence marks | {chars:,} | {r['secs']:.1f} s | "
              f"{r['rss'] / 2**30:.2f} GiB | {entities / 1e6:.1f} MB |")


if __name__ == "__main__":
    main()
