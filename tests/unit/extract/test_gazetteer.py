"""The gazetteer API the rules use (names, hierarchy, the City label)."""


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
