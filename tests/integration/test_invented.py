"""Extraction on invented reports (tests/data/invented): a floor under what the rules do on text they were
not written to, scored by kg's own evaluator with the development set's guidelines.

Measured when the floor was set (kg eval, 68 reports): macro F1 0.956 (officials 0.990, places 0.978, programmes
0.914, metrics 0.941), home 68/68; the rules of the release before scored 0.904 on the same files.
"""
from pathlib import Path

from conftest import ROOT, run_kg
from kg.graph.evaluate import evaluate
from kg.graph.export import read_graph

INVENTED = ROOT / "tests" / "data" / "invented"  # reports/*.txt, gold/*.gold.json


def test_invented_reports_score_above_the_floor(tmp_path: Path):
    proc = run_kg("build", INVENTED / "reports", "--out", tmp_path / "out", "--quiet", "--no-views")
    assert proc.returncode == 0, proc.stderr
    scores = evaluate(read_graph(tmp_path / "out"), INVENTED / "gold")
    f1 = {k: scores[k]["f1"] for k in ("officials", "places", "programmes", "metrics")}
    assert scores["macro_f1"] >= 0.94, f1
    assert f1["officials"] >= 0.97 and f1["places"] >= 0.95 and f1["programmes"] >= 0.88 and f1["metrics"] >= 0.90, f1
    assert scores["home_city"] == "68/68"


def test_later_invented_sets_score_above_their_floor(tmp_path: Path):
    """Sets G and H (tests/data/invented_g, invented_h; 24 reports) were written after the rules of
    2026-12-07's release, by helpers that had not seen them, and measured before any change: G macro
    0.901, H 0.910. Classes were then added (posts in brackets after names; Tibetan and Yi
    transliterations; withheld names 王某 are no officials; unquoted 计划/工作法 names): G 0.905, H 0.936,
    the other sets unchanged.

    Sets I and J (20 reports) were written the same way on 2026-12-07 and first measured after that day's
    officials and programme classes from G and H: I 0.929, J 0.911. Their classes (a committee's working group,
    short transliterated names, common words after a post, places inside words or names, title campaigns…):
    I 0.945, J 0.930.

    Sets K (programmes as local reports write them) and L (who and where: chains of titles, seconded cadres,
    places the gazetteer lacks) were written after those, first measured K 0.938, L 0.901; after their classes
    (a repeated headline votes once, posts at the one township named, chains across a comma…) K 0.948, L 0.936.

    Set M (10 typical reports: round-ups, meetings, features, 纪委 and 组织部 reports) was written last and only
    measured, never looked into: 0.960.

    Set N (10 reports spread over banners, autonomous prefectures, a 地区 and counties of the south and west) was
    written on 2026-12-08 and first measured after that day's general classes: 0.940 (the rules of the day
    before scored it 0.923); its classes (Yi and Mongolian transliterations, 苏木长, quoted names tied to a
    programme, a day set for an activity, figures of what a unit has): 0.969."""
    for folder, floor in ((ROOT / "tests" / "data" / "invented_g", 0.90), (ROOT / "tests" / "data" / "invented_h", 0.92),
                          (ROOT / "tests" / "data" / "invented_i", 0.93), (ROOT / "tests" / "data" / "invented_j", 0.91),
                          (ROOT / "tests" / "data" / "invented_k", 0.93), (ROOT / "tests" / "data" / "invented_l", 0.92),
                          (ROOT / "tests" / "data" / "invented_m", 0.95), (ROOT / "tests" / "data" / "invented_n", 0.95)):
        out = tmp_path / folder.name
        proc = run_kg("build", folder / "reports", "--out", out, "--quiet", "--no-views")
        assert proc.returncode == 0, proc.stderr
        scores = evaluate(read_graph(out), folder / "gold")
        assert scores["macro_f1"] >= floor, (folder.name, scores["macro_f1"])
