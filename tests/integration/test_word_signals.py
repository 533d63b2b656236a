"""The segmenter's words and the people found as evidence about places (the real pkuseg pipeline)."""


def _places(nlp, text):
    return {p.name for p in nlp(text)._.kg_places}


def test_a_short_name_inside_a_longer_word_is_not_the_unit(nlp):
    """长白山 holds 白山 (a prefecture's short name); the segmenter keeps the mountain whole."""
    found = _places(nlp, "延吉市围绕长白山旅游发展民宿产业，新增民宿120家。")
    assert "白山市" not in found and "延吉市" in found


def test_a_short_name_inside_an_officials_name_is_not_the_unit(nlp):
    found = _places(nlp, "邳州市召开会议。市委书记魏东海主持会议并讲话。")
    assert "东海县" not in found and "邳州市" in found
