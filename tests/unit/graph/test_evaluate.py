"""kg eval's scorer on a graph whose answers are known."""
import json

from kg.graph.evaluate import evaluate, place_name


def test_scores_and_misses(tiny_graph, tmp_path):
    gold = {"doc": "tiny.txt", "home_city": {"name": "德州市", "province": "山东省"},
            "places": [{"name": "德州市", "level": "prefecture"}, {"name": "乐陵市", "level": "county"}],
            "officials": [{"name": "王建国", "titles": ["市委书记"], "place": "德州市"}],
            "programmes": [{"name": "驿站建设行动", "aliases": []}],
            "metrics": [{"text": "30个", "value": 30, "unit": "个", "subject": "驿站"}]}
    (tmp_path / "tiny.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    result = evaluate(tiny_graph, tmp_path)
    assert result["officials"]["f1"] == 1.0 and result["titles_recall"] == 1.0
    assert (result["places"]["tp"], result["places"]["pred"], result["places"]["gold"]) == (1, 1, 2)
    assert result["home_city"] == "1/1" and result["metrics"]["f1"] == 1.0


def test_place_names_match_up_to_their_suffix():
    assert place_name("德州市") == place_name("德州") == "德州"
    assert place_name("“和县”") == "和县"


def test_misses_name_what_each_article_lacks_and_adds(tiny_graph, tmp_path):
    gold = {"doc": "tiny.txt", "places": [{"name": "乐陵市"}],
            "officials": [{"name": "王建国", "titles": ["副市长"], "place": "乐陵市"}],
            "programmes": [{"name": "书香家庭评选", "aliases": []}], "metrics": []}
    (tmp_path / "tiny.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    result = evaluate(tiny_graph, tmp_path)
    article = result["articles"]["tiny"]
    assert article["places"] == {"missed": ["乐陵"], "extra": ["德州"]}
    assert article["titles"]["missed"] == ["王建国 副市长 (found: 市委书记)"]
    assert article["programmes"] == {"missed": ["书香家庭评选"], "extra": ["驿站建设行动"]}
    assert article["metrics"]["extra"] == ["30个 驿站"] and result["posts_placed"] == 0.0
