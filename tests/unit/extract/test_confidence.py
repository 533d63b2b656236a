"""Every extracted item says what evidence found it (method) and how far that is trusted (confidence)."""
import json

from kg.extract.confidence import COUNTS, attest, confidence_of, smoothed
from kg.extract.records import ArticleRecord, Place, PlaceLevel, Programme
from kg.extract.rules.home import home_method, resolve_home
from kg.extract.rules.metrics import find_metrics
from kg.extract.rules.officials import Context, find_people
from kg.extract.rules.places import PlaceFinder, hits_to_places
from kg.extract.rules.programmes import find_programmes
from kg.language.text import Sentences
from kg.settings import load_settings


def places(gaz, text, home_name):
    home = gaz.named(home_name)[0]
    return {p.name: p for p in hits_to_places(PlaceFinder(gaz).find(text, home), Sentences.of(text))}


def test_a_methods_confidence_is_its_smoothed_measured_precision():
    assert smoothed(0, 0) == 0.5 and smoothed(2, 2) == 0.75 and smoothed(66, 66) == 0.985
    tp, n = COUNTS["metric"]["number+unit:verb"]
    assert confidence_of("metric", "number+unit:verb") == round((tp + 1) / (n + 2), 3)
    # no method (an older record): the kind's pooled counts
    pooled = [sum(c[i] for c in COUNTS["place"].values()) for i in (0, 1)]
    assert confidence_of("place", "") == smoothed(*pooled)
    assert all(0 < confidence_of(k, m) < 1 for k, t in COUNTS.items() for m in t)


def test_places_carry_the_method_that_resolved_them(gaz):
    found = places(gaz, "湖州市吴兴区织里镇某新社区召开会议，我市干部参加。", "湖州市")
    assert found["织里镇"].method == "gazetteer:full"
    assert found["某新社区"].method == "village-after-township"
    assert found["某新社区"].confidence == confidence_of("place", "village-after-township")
    # 我市 adds a mention to 湖州市, not evidence: the full name stays its method
    assert found["湖州市"].method == "gazetteer:full" and len(found["湖州市"].mentions) == 2
    assert places(gaz, "建设美丽湖州。", "湖州市")["湖州市"].method == "gazetteer:short"


def test_a_place_keeps_its_best_evidence(gaz):
    found = places(gaz, "建设美丽湖州，湖州市召开会议。", "湖州市")
    assert found["湖州市"].method == "gazetteer:full"
    assert found["湖州市"].confidence == max(confidence_of("place", m) for m in ("gazetteer:full", "gazetteer:short"))


def test_officials_titles_carry_their_evidence():
    ctx = Context()
    offs, persons = find_people("市委书记王建国出席。陈明、赵光华等市委常委参加。习近平总书记指出。（记者 张立）", ctx)
    by = {o.name: o for o in offs}
    assert [t.method for t in by["王建国"].titles] == ["title+name"]
    assert by["陈明"].titles[0].method == "name-list"
    assert by["习近平"].titles[0].method == "national-post"
    assert by["王建国"].best_title.confidence == confidence_of("title", "title+name")
    assert {p.name: p.method for p in persons}["张立"] == "role"


def test_a_name_the_tagger_also_sees_is_title_name_lac():
    text = "市委书记王建国出席。"
    offs, _ = find_people(text, Context(), person_at=lambda i: 3 if i == 4 else None)
    assert offs[0].titles[0].method == "title+name+lac"
    assert offs[0].titles[0].confidence > confidence_of("title", "title+name")


def test_programmes_carry_their_signal():
    found = {p.name: p for p in find_programmes(
        "我区“不忘初心、牢记使命”主题教育扎实开展，全县开展“红色驿站”建设年活动，深入开展“屋场夜话”，"
        "全市深入开展违反中央八项规定精神专项整治。")}
    assert found["不忘初心、牢记使命主题教育"].method == "catalogue"
    assert found["红色驿站建设年活动"].method == "quoted+head"
    assert found["屋场夜话"].method == "quoted+verb"
    assert found["违反中央八项规定精神专项整治"].method == "unquoted+head"


def test_metrics_say_where_their_subject_came_from():
    found = {m.text: m for m in find_metrics("全区2.6万个基层党组织参加学习，确定重点调研课题189个，举办研讨167场、1903人次。")}
    assert found["2.6万个"].method == "number+unit"
    assert found["189个"].method == "number+unit:before"
    assert found["1903人次"].method == "carried" and found["1903人次"].subject == "研讨"
    assert found["1903人次"].confidence == confidence_of("metric", "carried")


def test_the_home_vote_has_a_method(gaz):
    body = "湖州市召开会议。湖州市委书记出席。我市干部参加。"
    result = resolve_home(body, gaz, title="湖州市推进主题教育")
    assert gaz.name(result.idx) == "湖州市" and home_method(result, gaz) == "home:clear"


def test_attest_keeps_the_most_trusted_method():
    prog = Programme("屋场夜话", method="quoted+verb")
    attest(prog, "catalogue")
    attest(prog, "quoted+topic")
    attest(prog, "")
    assert prog.method == "catalogue" and prog.confidence == confidence_of("programme", "catalogue")


def test_a_record_without_the_new_fields_still_loads():
    """An old cache entry: no method, no confidence, no home_confidence."""
    old = {"article": {"id": "article:x", "source": "x.txt"}, "home": "place:371400",
           "places": [{"name": "德州市", "level": "prefecture", "adcode": "371400",
                       "chain": [{"name": "山东省", "level": "province", "adcode": "370000"},
                                 {"name": "德州市", "level": "prefecture", "adcode": "371400"}],
                       "mentions": [{"start": 0, "end": 2, "text": "德州", "sentence": "德州。"}]}],
           "officials": [{"name": "王建国", "titles": [{"title": "市委书记", "place": "place:371400", "organization": None}],
                          "mentions": []}],
           "persons": [{"name": "张立", "role": "reporter", "mentions": []}],
           "organizations": [{"name": "中共中央", "place": None, "mentions": []}],
           "programmes": [{"name": "屋场夜话", "aliases": [], "mentions": []}],
           "metrics": [{"text": "30个", "value": 30.0, "unit": "个", "subject": "驿站", "qualifier": None, "date": None,
                        "mention": {"start": 0, "end": 3, "text": "30个", "sentence": "30个。"}, "place": None,
                        "programme": None}]}
    record = ArticleRecord.from_dict(json.loads(json.dumps(old)))
    assert record.places[0].method == "" and record.places[0].confidence == confidence_of("place", "")
    assert record.officials[0].titles[0].confidence == confidence_of("title", "")
    assert record.metrics[0].confidence == confidence_of("metric", "")
    assert record.home_confidence == confidence_of("home", "")
    # and a new record round-trips, ignoring a mark it does not know
    d = record.to_dict()
    d["programmes"][0]["excluded"] = True
    assert ArticleRecord.from_dict(d).to_dict() == record.to_dict()


def test_a_new_record_carries_method_and_confidence_in_its_dict():
    chain = [PlaceLevel("山东省", "province", "370000")]
    d = ArticleRecord({"id": "a", "source": "a.txt"}, places=[Place("山东省", "province", "370000", chain,
                                                                        method="gazetteer:full")]).to_dict()
    assert d["places"][0]["method"] == "gazetteer:full"
    assert d["places"][0]["confidence"] == confidence_of("place", "gazetteer:full")


def test_min_confidence_is_a_setting(monkeypatch):
    assert load_settings().min_confidence == 0.0
    monkeypatch.setenv("KG_MIN_CONFIDENCE", "0.9")
    assert load_settings().min_confidence == 0.9
