"""The out-of-core fold: the rows of :mod:`kg.graph.rows` as columns, and the
merge rules of :class:`~kg.graph.builder.GraphBuilder` applied to one partition
of them with pandas.

A corpus too large for one networkx graph (~85 KB per article: 100,000 reports
need ~8.5 GiB) is assembled in partitions instead: every row goes to the
partition of its key (a node's id, a relationship's key), so each partition
holds *all* the rows of its keys and is folded alone, in memory bounded by the
partition, on any worker. :mod:`kg.runtime.assembly` moves the rows (Parquet
files) and runs the folds (Dask); this module is the pure part.

Every row carries ``order`` (the article's place in the input, then the row's
place in the article): "first" below means least ``order``, which is what the
in-memory fold sees first. The rules, column by column:

- node: labels and each scalar property — the first non-null value;
  ``confidence`` — the maximum; ``titles``, ``aliases`` — the union in order of
  first appearance (absent when empty); ``sources`` of an Article — its
  distinct sources in order, when there are two or more;
- relationship of one article (MENTIONS, ABOUT, PART_OF, REPORTS, MEASURES) —
  the first row of its key, whole;
- fact (HOLDS, RUNS) — the first row of each article only; ``articles`` in
  order, ``count``, ``firstSeen``/``lastSeen`` the least and greatest date, the
  first three ``evidence`` objects, ``confidence`` the maximum, ``method`` that
  of the last row that raised the confidence (the creating row's otherwise).

>>> from kg.extract.records import ArticleRecord
>>> rows = article_rows(ArticleRecord(article={"id": "article:1", "source": "a.txt"}))
>>> nodes, edges = columns(rows, seq=0)
>>> nodes_df, edges_df = pd.DataFrame(nodes), pd.DataFrame(edges)
>>> [(n, d["source"]) for n, d in fold_nodes(nodes_df)]
[('article:1', 'a.txt')]
"""
from __future__ import annotations

from itertools import chain
from typing import Iterator

import pandas as pd

from kg.graph.builder import EVIDENCE_PER_FACT
from kg.graph.rows import FactRow, NodeRow, Row, article_rows

# Rows of one article: order = seq << ORDER_BITS | row index (2^20 rows per article: far more than any text gives).
ORDER_BITS = 20
NODE_TEXT = ("labels", "source", "title", "date", "publisher", "url", "name", "level", "adcode", "province", "role",
             "text", "unit", "subject", "qualifier")
NODE_INT = ("chars",)
NODE_FLOAT = ("value", "confidence")
NODE_LISTS = ("titles", "aliases")
NODE_SCALARS = NODE_TEXT[1:] + NODE_INT + ("value",)   # first non-null wins (labels too; confidence: the best)
EDGE_TEXT = ("src", "dst", "rel", "key", "article", "date", "evidence", "method", "title")
EDGE_BOOL = ("fact", "cited")     # a fact row; a fact row with an evidence mention
EDGE_INT = ("offset", "count")
EDGE_FLOAT = ("confidence",)
# The properties a relationship of one article may carry (EdgeRow.props), in the graph's order.
EDGE_PROPS = ("article", "evidence", "offset", "count", "confidence", "method")

__all__ = ["ORDER_BITS", "article_rows", "columns", "fold_nodes", "fold_edges"]


def columns(rows: list[Row], seq: int) -> tuple[dict[str, list], dict[str, list]]:
    """One article's rows as node and relationship columns (plain lists, for
    Parquet); ``seq`` is the article's place in the input. A property the
    columns do not know is an error, not a loss."""
    nodes: dict[str, list] = {c: [] for c in ("id", "order", *NODE_TEXT, *NODE_INT, *NODE_FLOAT, *NODE_LISTS)}
    edges: dict[str, list] = {c: [] for c in ("order", *EDGE_BOOL, *EDGE_TEXT, *EDGE_INT, *EDGE_FLOAT)}
    base = seq << ORDER_BITS
    for i, row in enumerate(rows):
        if isinstance(row, NodeRow):
            unknown = set(row.props) - set(nodes)
            if unknown:
                raise ValueError(f"node property not in the out-of-core columns: {sorted(unknown)}")
            for c, col in nodes.items():
                col.append(row.props.get(c))
            nodes["id"][-1], nodes["order"][-1], nodes["labels"][-1] = row.id, base | i, row.labels
        elif isinstance(row, FactRow):
            unknown = set(row.props) - {"title", "method"}
            if unknown:
                raise ValueError(f"{row.rel} property not in the out-of-core columns: {sorted(unknown)}")
            m = row.evidence
            values = {"order": base | i, "fact": True, "cited": m is not None, "src": row.src, "dst": row.dst,
                      "rel": row.rel, "key": row.key,
                      "article": row.article, "date": row.date, "evidence": m.sentence if m else None,
                      "offset": m.start if m else None, "confidence": row.confidence, "method": row.method,
                      "title": row.props.get("title")}
            for c, col in edges.items():
                col.append(values.get(c))
        else:
            unknown = set(row.props) - set(EDGE_PROPS)
            if unknown:
                raise ValueError(f"{row.rel} property not in the out-of-core columns: {sorted(unknown)}")
            values = {**row.props, "order": base | i, "fact": False, "cited": False, "src": row.src, "dst": row.dst,
                      "rel": row.rel, "key": row.key}
            for c, col in edges.items():
                col.append(values.get(c))
    _check(nodes, NODE_TEXT, NODE_INT, NODE_FLOAT, NODE_LISTS)
    _check(edges, EDGE_TEXT, EDGE_INT, EDGE_FLOAT, ())
    return nodes, edges


def _check(cols: dict[str, list], text, ints, floats, lists) -> None:
    """Each value of the type its column holds, or a ValueError naming it (a record edited by
    hand: ``"date": 2021``); one bad record is refused alone, not with its neighbours' batch."""
    for names, ok in ((text, lambda v: type(v) is str), (ints, lambda v: type(v) is int),
                      (floats, lambda v: type(v) in (int, float)),
                      (lists, lambda v: type(v) is list and all(type(x) is str for x in v))):
        for c in names:
            bad = next((v for v in cols[c] if v is not None and not ok(v)), None)
            if bad is not None:
                raise ValueError(f"{c} {bad!r} is not of the type its property holds")


def _value(v):
    """A pandas cell as the graph holds it: None for missing, Python scalars."""
    if v is None or (isinstance(v, float) and v != v):
        return None
    return v.item() if hasattr(v, "item") else v


def fold_nodes(df: pd.DataFrame) -> Iterator[tuple[str, dict]]:
    """(id, attributes) of every node of a partition's node rows."""
    if df.empty:
        return iter(())
    df = df.sort_values("order", kind="stable")
    g = df.groupby("id", sort=False)
    first = g[["labels", *NODE_SCALARS]].first()
    best = g["confidence"].max()
    lists = {}
    for col in NODE_LISTS:
        items = df[["id", col]].explode(col).dropna(subset=[col]).drop_duplicates(keep="first")
        lists[col] = items.groupby("id", sort=False)[col].agg(list).to_dict()
    arts = df.loc[df["source"].notna(), ["id", "source"]].drop_duplicates(keep="first")
    many = arts.groupby("id", sort=False)["source"].agg(list)
    sources = many[many.map(len) > 1].to_dict()

    def nodes():
        for node_id, row in zip(first.index, first.itertuples(index=False)):
            d = {"id": node_id, "labels": row.labels}
            for name, v in zip(NODE_SCALARS, row[1:]):
                v = _value(v)
                if v is not None:
                    d[name] = v
            conf = _value(best[node_id])
            if conf is not None:
                d["confidence"] = conf
            for col in NODE_LISTS:
                if node_id in lists[col]:
                    d[col] = lists[col][node_id]
            if node_id in sources:
                d["sources"] = sources[node_id]
            yield node_id, d
    return nodes()


def fold_edges(df: pd.DataFrame) -> Iterator[tuple[str, str, str, dict]]:
    """(source, target, key, attributes) of every relationship of a partition's rows."""
    if df.empty:
        return iter(())
    df = df.sort_values("order", kind="stable")
    fact = df["fact"].astype(bool)
    return chain(_plain(df[~fact]), _facts(df[fact]))


def _plain(df: pd.DataFrame):
    first = df.drop_duplicates("key", keep="first")
    for row in first[["src", "dst", "key", "rel", *EDGE_PROPS]].itertuples(index=False):
        d = {"label": row.rel}
        for name, v in zip(EDGE_PROPS, row[4:]):
            v = _value(v)
            if v is not None:
                d[name] = v
        yield row.src, row.dst, row.key, d


def _facts(df: pd.DataFrame):
    if df.empty:
        return
    created = {key: (src, dst, rel, _value(title), _value(m)) for key, src, dst, rel, title, m in
               df.drop_duplicates("key", keep="first")[["key", "src", "dst", "rel", "title", "method"]]
               .itertuples(index=False)}
    d = df.drop_duplicates(["key", "article"], keep="first")     # an article counts once
    g = d.groupby("key", sort=False)
    articles = g["article"].agg(list)
    dates = d[d["date"].notna()].groupby("key", sort=False)["date"]
    first_seen, last_seen = dates.min().to_dict(), dates.max().to_dict()
    ev = d[d["cited"].astype(bool)].groupby("key", sort=False).head(EVIDENCE_PER_FACT)
    evidence: dict[str, list] = {}
    for key, art, sentence, offset in ev[["key", "article", "evidence", "offset"]].itertuples(index=False):
        evidence.setdefault(key, []).append({"article": art, "sentence": _value(sentence), "offset": _value(offset)})
    # confidence: the maximum; method: that of the last row which raised it, as the in-memory fold's
    # `confidence > (current or -1.0)` (a stored 0.0 counts as none)
    c = d[d["confidence"].notna()]
    running = c.groupby("key", sort=False)["confidence"].cummax()
    before = running.groupby(c["key"], sort=False).shift(1)
    before = before.where(before.notna() & (before != 0.0), -1.0)
    raised = c[(c["confidence"] > before) & c["method"].notna()]
    method = raised.groupby("key", sort=False)["method"].last().to_dict()
    best = c.groupby("key", sort=False)["confidence"].max().to_dict()
    for key, arts in articles.items():
        src, dst, rel, title, m0 = created[key]
        data = {"label": rel}
        if title is not None:
            data["title"] = title
        m = method.get(key, m0)
        if m is not None:
            data["method"] = m
        data.update(articles=arts, count=len(arts), firstSeen=first_seen.get(key), lastSeen=last_seen.get(key),
                    evidence=evidence.get(key, []))
        if key in best:
            data["confidence"] = _value(best[key])
        yield src, dst, key, data
