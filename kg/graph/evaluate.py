"""Precision/recall/F1 of a built graph against gold files (shared/gold format).

Matching follows GUIDELINES.md: places by name up to the unit suffix (德州 =
德州市); officials by name, with title recall; programmes by name or alias
(a long name containing the other counts); metrics by value and an
overlapping subject. One prediction matches at most one gold item.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg.graph.schema import labels_of
from kg.language.units import strip_unit_suffix

_QUOTES = "“”\"'‘’「」『』《》〈〉【】"


def norm(s) -> str:
    s = unicodedata.normalize("NFKC", str(s or ""))
    return re.sub(r"\s+", "", "".join(ch for ch in s if ch not in _QUOTES))


def place_name(s) -> str:
    return strip_unit_suffix(norm(s))


@dataclass
class Score:
    tp: int = 0
    pred: int = 0
    gold: int = 0
    missed: list = field(default_factory=list)
    extra: list = field(default_factory=list)

    def add(self, tp: int, pred: int, gold: int) -> None:
        self.tp += tp
        self.pred += pred
        self.gold += gold

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else float(self.gold == 0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _match(preds, golds, same, exact=None) -> list[tuple]:
    """One-to-one; pairs that match ``exact`` are taken before looser ones."""
    pairs, used, done = [], set(), set()
    for test in ([exact] if exact else []) + [same]:
        for gi, g in enumerate(golds):
            if gi in done:
                continue
            for i, p in enumerate(preds):
                if i not in used and test(p, g):
                    used.add(i)
                    done.add(gi)
                    pairs.append((p, g))
                    break
    return pairs


def _overlap(a: str, b: str) -> bool:
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    return a in b or b in a or len(set(a) & set(b)) / len(set(a) | set(b)) >= 0.34


def evaluate(graph: nx.MultiDiGraph, gold_dir: Path) -> dict:
    """Scores per entity type over every ``*.gold.json`` in ``gold_dir``, and under
    ``"articles"`` what each article missed and added (``kg eval --misses``)."""
    scores = {k: Score() for k in ("officials", "places", "programmes", "metrics")}
    details: dict[str, dict] = {}
    titles_hit = titles_n = home_ok = home_n = posts_hit = posts_n = 0
    articles = {re.sub(r"\.(txt|html?|jsonl?)$", "", Path(d.get("source", "")).name): n
                for n, d in graph.nodes(data=True) if "Article" in labels_of(d)}
    for path in sorted(Path(gold_dir).glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = re.sub(r"\.(txt|html?|jsonl?)$", "", Path(gold["doc"]).name)
        aid = articles.get(doc)
        out = list(graph.out_edges(aid, data=True)) if aid else []
        mentioned = [graph.nodes[v] | {"_id": v} for _, v, d in out if d.get("label") == "MENTIONS"]
        by = lambda lab: [d for d in mentioned if lab in labels_of(d)]  # noqa: E731
        # places
        pp = sorted({place_name(d.get("name")) for d in by("Place") + by("City")})
        gp = sorted({place_name(p["name"]) for p in gold.get("places", [])})
        scores["places"].add(len(set(pp) & set(gp)), len(pp), len(gp))
        detail = details[doc] = {"places": _diff(gp, pp)}
        # officials and their titles
        po: dict[str, set] = {}
        held: dict[str, set] = {}   # names of the places and bodies an official's posts are at
        for d in by("Official"):
            titles = set(d.get("titles") or [])  # read_graph restores list properties
            for _, v, e in graph.out_edges(d["_id"], data=True):
                if e.get("label") == "HOLDS" and e.get("title"):
                    titles.add(e["title"])
                    name = graph.nodes[v].get("name")
                    held.setdefault(norm(d.get("name")), set()).update({place_name(name), norm(name)})
            po.setdefault(norm(d.get("name")), set()).update(titles)
        go = {norm(o["name"]): o.get("titles", []) for o in gold.get("officials", [])}
        scores["officials"].add(len(set(po) & set(go)), len(po), len(go))
        detail["officials"] = _diff(sorted(go), sorted(po))
        missed_titles = []
        gplace = {norm(o["name"]): o.get("place") for o in gold.get("officials", [])}
        for name in sorted(set(po) & set(go)):
            if gplace.get(name):  # 德州市委 held counts for 德州
                posts_n += 1
                k = place_name(gplace[name])
                posts_hit += any(k == x or (len(k) >= 2 and x.startswith(k)) for x in held.get(name, ()))
            for gt in go[name]:
                titles_n += 1
                hit = any(_same_title(pt, gt) for pt in po[name])
                titles_hit += hit
                if not hit:
                    missed_titles.append(f"{name} {gt} (found: {'、'.join(sorted(po[name])) or '-'})")
        detail["titles"] = {"missed": missed_titles, "extra": []}
        # programmes
        pg = sorted({norm(d.get("name")) for d in by("Programme")})
        gg = [[norm(g["name"])] + [norm(a) for a in g.get("aliases") or []] for g in gold.get("programmes", [])]
        same = lambda p, g: p in g or any(min(len(p), len(x)) >= 4 and (p in x or x in p) for x in g)  # noqa: E731
        pairs = _match(pg, gg, same, exact=lambda p, g: p in g)
        scores["programmes"].add(len(pairs), len(pg), len(gg))
        detail["programmes"] = {"missed": [g[0] for g in gg if not any(g is x for _, x in pairs)],
                                "extra": [p for p in pg if p not in {x for x, _ in pairs}]}
        # metrics
        pm, seen = [], set()
        for d in by("Metric"):
            k = (float(d.get("value", "nan")), norm(d.get("subject")))
            if k not in seen:
                seen.add(k)
                pm.append(d)
        gm = gold.get("metrics", [])
        same_m = lambda p, g: abs(float(p["value"]) - float(g["value"])) <= 1e-6 * max(1.0, abs(float(g["value"]))) \
            and _overlap(p.get("subject"), g.get("subject"))  # noqa: E731
        pairs = _match(pm, gm, same_m)
        scores["metrics"].add(len(pairs), len(pm), len(gm))
        metric = lambda d: f"{d.get('text')} {d.get('subject') or ''}".strip()  # noqa: E731
        detail["metrics"] = {"missed": [metric(g) for g in gm if not any(g is x for _, x in pairs)],
                             "extra": [metric(p) for p in pm if not any(p is x for x, _ in pairs)]}
        # home city
        if gold.get("home_city"):
            home_n += 1
            about = {place_name(graph.nodes[v].get("name")) for _, v, d in out if d.get("label") == "ABOUT"}
            right = place_name(gold["home_city"]["name"]) in about
            home_ok += right
            if not right:
                detail["home"] = {"missed": [gold["home_city"]["name"]], "extra": sorted(about)}
    result = {k: {"precision": round(s.precision, 3), "recall": round(s.recall, 3), "f1": round(s.f1, 3),
                  "tp": s.tp, "pred": s.pred, "gold": s.gold} for k, s in scores.items()}
    result["titles_recall"] = round(titles_hit / titles_n, 3) if titles_n else None
    result["posts_placed"] = round(posts_hit / posts_n, 3) if posts_n else None
    result["home_city"] = f"{home_ok}/{home_n}"
    result["macro_f1"] = round(sum(s.f1 for s in scores.values()) / len(scores), 3)
    result["articles"] = {doc: {k: v for k, v in d.items() if v["missed"] or v["extra"]} for doc, d in details.items()}
    return result


def _same_title(predicted: str, gold: str) -> bool:
    """市委副书记 found for 副书记, or 市长 for 副市长: one contains the other (≥ 2 / 3 characters)."""
    p, g = norm(predicted), norm(gold)
    return p == g or (len(g) >= 2 and g in p) or (len(p) >= 3 and p in g)


def _diff(gold: list[str], predicted: list[str]) -> dict[str, list[str]]:
    return {"missed": [g for g in gold if g not in predicted], "extra": [p for p in predicted if p not in gold]}
