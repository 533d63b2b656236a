"""Records → graph: labels, hierarchy, provenance, confidence, and refusing dangling edges."""
import pytest

from conftest import tiny_record
from kg.errors import GraphError
from kg.extract.records import ArticleRecord
from kg.graph.builder import GraphBuilder, build_graph, mark_excluded
from kg.graph.schema import label_counts, relation_counts


def test_one_article_makes_the_schemas_nodes_and_edges(tiny_graph):
    assert label_counts(tiny_graph) == {"Article": 1, "Place": 2, "City": 1, "Official": 1, "Programme": 1,
                                        "Metric": 1}
    assert relation_counts(tiny_graph)["HOLDS"] == 1 and relation_counts(tiny_graph)["PART_OF"] == 1


def test_the_same_article_twice_changes_nothing(tiny_graph):
    builder = GraphBuilder()
    builder.add(tiny_record())
    builder.add(tiny_record())
    assert sorted(builder.graph.edges(keys=True)) == sorted(tiny_graph.edges(keys=True))


def test_an_edge_to_a_missing_node_is_refused():
    record = tiny_record()
    record.home = "place:nowhere"
    builder = GraphBuilder()
    with pytest.raises(GraphError, match="does not bring"):
        builder.add(record)
    assert builder.graph.number_of_nodes() == 0  # refused before the graph was touched


def test_a_post_points_at_a_place_of_its_own_article_only():
    """Whether a post's place is in the graph from another article must not change
    the post: the graph may not depend on which articles came first."""
    first = tiny_record(source="a.txt")
    second = tiny_record(source="b.txt")
    second.article = {**second.article, "id": "article:b"}
    (official,) = second.officials
    (title,) = official.titles
    second.places = [p for p in second.places if p.key != title.place]
    second.home, second.metrics, second.programmes = None, [], []
    builder = GraphBuilder()
    builder.add(first)
    builder.add(second)
    holds = [d for _, _, d in builder.graph.edges(data=True) if d["label"] == "HOLDS"]
    assert [h["articles"] for h in holds] == [[first.article["id"]]]


def test_the_same_text_under_two_names_is_one_article_with_both():
    builder = GraphBuilder()
    builder.add(tiny_record(source="a.txt"))
    other = tiny_record(source="a.txt")
    other.article = {**other.article, "source": "copy/a.txt"}
    builder.add(other)
    (article,) = [d for _, d in builder.graph.nodes(data=True) if d["labels"] == ":Article"]
    assert article["source"] == "a.txt" and article["sources"] == ["a.txt", "copy/a.txt"]


def _edges(g, rel):
    return [d for _, _, d in g.edges(data=True) if d["label"] == rel]


def test_nodes_and_facts_carry_confidence(tiny_graph):
    record = tiny_record()
    extracted = [d for _, d in tiny_graph.nodes(data=True) if d["labels"] != ":Article"]
    assert extracted and all(0 < d["confidence"] <= 1 for d in extracted)
    for rel in ("MENTIONS", "ABOUT", "HOLDS", "RUNS", "REPORTS", "MEASURES"):
        assert all(0 < d["confidence"] <= 1 for d in _edges(tiny_graph, rel)), rel
    holds = _edges(tiny_graph, "HOLDS")[0]
    assert holds["confidence"] == record.officials[0].titles[0].confidence
    assert _edges(tiny_graph, "ABOUT")[0]["confidence"] == record.home_confidence
    # a fact resting on the home unit is as sure as the weaker of the two
    assert _edges(tiny_graph, "RUNS")[0]["confidence"] == min(record.programmes[0].confidence, record.home_confidence)


def test_mentions_and_holds_carry_the_method():
    record = tiny_record()
    record.officials[0].titles[0].method = "title+name+lac"
    record.programmes[0].method = "quoted+head"
    builder = GraphBuilder()
    builder.add(record)
    assert _edges(builder.graph, "HOLDS")[0]["method"] == "title+name+lac"
    assert "quoted+head" in {d.get("method") for d in _edges(builder.graph, "MENTIONS")}


def test_a_node_keeps_its_best_confidence_over_articles():
    low, high = tiny_record(source="a.txt"), tiny_record(source="b.txt")
    low.programmes[0].confidence, high.programmes[0].confidence = 0.6, 0.9
    builder = GraphBuilder()
    builder.add(high)
    builder.add(low)
    prog = next(d for _, d in builder.graph.nodes(data=True) if d["labels"] == ":Programme")
    assert prog["confidence"] == 0.9


def test_min_confidence_keeps_low_items_out_of_the_graph():
    record = tiny_record()
    record.programmes[0].confidence = 0.3
    record.metrics[0].confidence = 0.95
    builder = GraphBuilder(min_confidence=0.5)
    builder.add(record)
    counts = label_counts(builder.graph)
    assert "Programme" not in counts and counts["Metric"] == 1 and counts["Official"] == 1
    assert "RUNS" not in relation_counts(builder.graph) and "MEASURES" not in relation_counts(builder.graph)
    # the default lets everything in
    assert label_counts(build_graph([record]))["Programme"] == 1


def test_an_official_enters_with_the_titles_that_pass():
    record = tiny_record()
    record.officials[0].titles[0].confidence = 0.2
    g = build_graph([record], min_confidence=0.5)
    assert "Official" not in label_counts(g) and "HOLDS" not in relation_counts(g)


def test_a_doubtful_home_vote_drops_about_and_the_homes_facts():
    record = tiny_record()
    record.home_confidence = 0.4
    record.metrics[0].place = None  # reported by the home, not by a unit named with the figure
    g = build_graph([record], min_confidence=0.5)
    rels = relation_counts(g)
    assert "ABOUT" not in rels and "RUNS" not in rels and "REPORTS" not in rels
    assert label_counts(g)["City"] == 1  # the city is still named in the text


def test_excluded_items_are_marked_in_the_record():
    record = tiny_record()
    record.programmes[0].confidence = 0.3
    record.officials[0].titles[0].confidence = 0.3
    d = mark_excluded(record.to_dict(), 0.5)
    assert d["programmes"][0]["excluded"] and d["officials"][0]["titles"][0]["excluded"]
    assert d["officials"][0]["excluded"] and "excluded" not in d["metrics"][0] and "home_excluded" not in d
    assert ArticleRecord.from_dict(d).programmes[0].name == record.programmes[0].name
