"""Precision per extraction method: the numbers behind ``kg/extract/confidence.py``.

Reads a build's ``entities.jsonl`` and a folder of gold files, matches every
extracted item to the gold the way ``kg/graph/evaluate.py`` does (places by
name up to the unit suffix, programmes by name or alias one to one, metrics by
value and an overlapping subject one to one, titles by the official's name and
a matching title, persons by name, the home unit by name) and prints, per kind
and method, the items found (n), those that matched (tp), the precision and the
smoothed value ``(tp + 1) / (n + 2)`` that becomes the method's confidence;
then the ``COUNTS`` table to paste into ``kg/extract/confidence.py``.

    python -m kg.cli build /tmp/split/in-visible --out /tmp/cf-out --quiet --no-views --no-cache
    python bench/calibrate.py /tmp/cf-out/entities.jsonl /tmp/split/gold-visible

Only ever run it on the visible development set: the blind set measures the
result, it must not tune it.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.extract.confidence import smoothed  # noqa: E402
from kg.extract.records import ArticleRecord  # noqa: E402
from kg.graph.evaluate import _match, _overlap, _same_title, norm, place_name  # noqa: E402

KINDS = ("place", "title", "person", "programme", "metric", "home")


def _doc(name: str) -> str:
    return re.sub(r"\.(txt|html?|jsonl?)$", "", Path(name).name)


def judge(record: ArticleRecord, gold: dict) -> list[tuple[str, str, bool]]:
    """(kind, method, matched) for every item of one article."""
    out = []
    gp = {place_name(p["name"]) for p in gold.get("places", [])}
    for p in record.places:
        out.append(("place", p.method, place_name(p.name) in gp))
    go = {norm(o["name"]): o.get("titles", []) for o in gold.get("officials", [])}
    for o in record.officials:
        for t in o.titles:
            out.append(("title", t.method, any(_same_title(t.title, g) for g in go.get(norm(o.name), []))))
    gpers = {norm(p["name"]) for p in gold.get("persons", [])}
    for p in record.persons:
        out.append(("person", p.method, norm(p.name) in gpers))
    progs = {}
    for p in record.programmes:
        progs.setdefault(norm(p.name), p.method)
    gg = [[norm(g["name"])] + [norm(a) for a in g.get("aliases") or []] for g in gold.get("programmes", [])]
    same = lambda p, g: p in g or any(min(len(p), len(x)) >= 4 and (p in x or x in p) for x in g)  # noqa: E731
    hit = {p for p, _ in _match(list(progs), gg, same, exact=lambda p, g: p in g)}
    out += [("programme", method, name in hit) for name, method in progs.items()]
    metrics, seen = [], set()
    for m in record.metrics:
        k = (m.value, norm(m.subject))
        if k not in seen:
            seen.add(k)
            metrics.append(m)
    gm = gold.get("metrics", [])
    same_m = lambda p, g: abs(p.value - float(g["value"])) <= 1e-6 * max(1.0, abs(float(g["value"]))) \
        and _overlap(p.subject, g.get("subject"))  # noqa: E731
    hit_m = {id(p) for p, _ in _match(metrics, gm, same_m)}
    out += [("metric", m.method, id(m) in hit_m) for m in metrics]
    if record.home and gold.get("home_city"):
        home = next((p for p in record.places if p.key == record.home), None)
        right = home is not None and place_name(home.name) == place_name(gold["home_city"]["name"])
        out.append(("home", record.home_method, right))
    return out


def calibrate(entities: Path, gold_dir: Path) -> dict[str, dict[str, tuple[int, int]]]:
    golds = {_doc(json.loads(p.read_text(encoding="utf-8"))["doc"]): json.loads(p.read_text(encoding="utf-8"))
             for p in sorted(gold_dir.glob("*.gold.json"))}
    counts: dict[str, dict[str, list[int]]] = {k: defaultdict(lambda: [0, 0]) for k in KINDS}
    for line in entities.read_text(encoding="utf-8").splitlines():
        record = ArticleRecord.from_dict(json.loads(line))
        gold = golds.get(_doc(record.article["source"]))
        if gold is None:
            continue
        for kind, method, right in judge(record, gold):
            counts[kind][method][0] += right
            counts[kind][method][1] += 1
    return {k: {m: tuple(v) for m, v in sorted(c.items())} for k, c in counts.items()}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("entities", type=Path)
    ap.add_argument("gold", type=Path)
    args = ap.parse_args(argv)
    counts = calibrate(args.entities, args.gold)
    print(f"{'kind':10} {'method':24} {'tp':>4} {'n':>4} {'precision':>9} {'smoothed':>8}")
    for kind, table in counts.items():
        for method, (tp, n) in table.items():
            print(f"{kind:10} {method or '-':24} {tp:4} {n:4} {tp / n:9.3f} {smoothed(tp, n):8.3f}")
    print("\nCOUNTS = {")
    for kind, table in counts.items():
        print(f'    "{kind}": {{' + ", ".join(f'"{m}": {v}' for m, v in table.items()) + "},")
    print("}")


if __name__ == "__main__":
    main()
