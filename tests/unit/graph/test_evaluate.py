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
