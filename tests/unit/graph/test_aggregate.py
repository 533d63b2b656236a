"""The out-of-core fold (kg.graph.aggregate) against the in-memory one (GraphBuilder):
the same graph from the same rows, on records made to collide, and the rules one by one."""
import random

import networkx as nx
import pandas as pd
import pytest

from conftest import tiny_record
from kg.errors import GraphError
from kg.extract.records import ArticleRecord, Mention, Official, Place, PlaceLevel, Programme, Title, place_key
from kg.graph.aggregate import columns, fold_edges, fold_nodes
from kg.graph.builder import GraphBuilder
from kg.graph.rows import FactRow, NodeRow, article_rows
from kg.graph.schema import same_graph

CHAIN = [PlaceLevel("山东省", "province", "370000"), PlaceLevel("德州市", "prefecture", "371400")]
CITY = place_key(CHAIN)


def folded(records, min_confidence=0.0) -> nx.MultiDiGraph:
    nodes, edges = {}, {}
    for seq, r in enumerate(records):
        n, e = columns(article_rows(r, min_confidence), seq)
        for k, v in n.items():
            nodes.setdefault(k, []).extend(v)
        for k, v in e.items():
            edges.setdefault(k, []).extend(v)
    g = nx.MultiDiGraph()
    for node, d in fold_nodes(pd.DataFrame(nodes)):
        g.add_node(node, **d)
    for u, v, k, d in fold_edges(pd.DataFrame(edges)):
        g.add_edge(u, v, key=k, **d)
    return g


def built(records, min_confidence=0.0) -> nx.MultiDiGraph:
    b = GraphBuilder(min_confidence)
    for r in records:
        b.add(r)
    return b.graph


def colliding(rng: random.Random, i: int) -> ArticleRecord:
    """Two articles' ids, three names, two titles, confidences from a short list (ties, 0.0):
    everything meets everything."""
    art = rng.randrange(6)
    date = rng.choice([None, "", "2020", "2021-03", "2019-12-01"])
    conf = lambda: rng.choice([None, 0.0, 0.5, 0.8, 0.8, 0.95])  # noqa: E731
    officials = [Official(name, [Title(t, CITY, None, rng.choice(["", "a", "b"]), conf())
                                 for t in rng.sample(["市长", "市委书记"], k=rng.choice((1, 2)))],
                          [Mention(rng.choice((-1, 0, 5)), 3, name, f"{name}讲话{i}。")] if rng.random() < 0.8 else [])
                 for name in rng.sample(["王一", "李二", "张三"], k=2)]
    progs = [Programme(p, rng.sample(["甲", "乙", "丙"], k=rng.randrange(3)),
                       [Mention(0, 2, p, f"实施{p}{i}。")], rng.choice(["quote", ""]), conf())
             for p in rng.sample(["百千工程", "红色驿站", "接诉即办"], k=2)]
    return ArticleRecord(article={"id": f"article:{art}", "source": f"{art}-{rng.randrange(3)}.txt",
                                  "title": rng.choice([None, f"标题{i}"]), "date": date},
                         home=CITY, home_method=rng.choice(["title", "dateline"]),
                         places=[Place("德州市", "prefecture", "371400", CHAIN, [Mention(0, 1, "市", "全市。")],
                                       "gazetteer", conf())],
                         officials=officials, programmes=progs)


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("min_confidence", [0.0, 0.8])
def test_the_fold_of_colliding_records_is_the_builders_graph(seed, min_confidence):
    rng = random.Random(seed)
    records = [colliding(rng, i) for i in range(40)]
    assert same_graph(folded(records, min_confidence), built(records, min_confidence))


def test_a_fact_keeps_the_method_of_the_article_that_raised_its_confidence():
    records = []
    for i, (conf, method) in enumerate([(0.5, "a"), (0.9, "b"), (0.9, "c"), (0.7, "d")]):
        r = tiny_record(source=f"{i}.txt")
        r.officials[0].titles[0].confidence, r.officials[0].titles[0].method = conf, method
        records.append(r)
    g = folded(records)
    (holds,) = [d for _, _, d in g.edges(data=True) if d["label"] == "HOLDS"]
    assert holds["method"] == "b" and holds["confidence"] == 0.9 and holds["count"] == 4
    assert same_graph(g, built(records))


def test_rows_come_in_the_builders_order_and_refuse_a_node_the_article_does_not_bring():
    rows = article_rows(tiny_record())
    assert isinstance(rows[0], NodeRow) and rows[0].labels == ":Article"
    assert any(isinstance(r, FactRow) and r.rel == "HOLDS" for r in rows)
    bad = tiny_record()
    bad.home = "place:nowhere"
    with pytest.raises(GraphError, match="does not bring"):
        article_rows(bad)


def test_a_property_the_columns_do_not_know_is_an_error_not_a_loss():
    rows = article_rows(tiny_record())
    rows[0].props["colour"] = "red"
    with pytest.raises(ValueError, match="colour"):
        columns(rows, 0)


def test_a_list_repeating_an_item_keeps_it_once_in_both_folds():
    r = tiny_record()
    r.officials[0].titles = [Title("市长", CITY, None, "a", 0.9), Title("市长", CITY, None, "b", 0.8)]
    g = built([r])
    (official,) = [d for _, d in g.nodes(data=True) if d["labels"] == ":Official"]
    assert official["titles"] == ["市长"]
    assert same_graph(folded([r]), g)


def test_a_value_of_the_wrong_type_refuses_its_record_only():
    r = tiny_record()
    r.article = {**r.article, "date": 2021}
    with pytest.raises(ValueError, match="date 2021"):
        columns(article_rows(r), 0)
