"""Personal names: surname table plus boundary rules."""
from kg.extract.rules.names import name_at, surnames


def test_two_and_three_character_names_after_a_surname():
    assert name_at("王建国同志", 0) == "王建国"
    assert name_at("欧阳明月出席", 0) == "欧阳明月"
    assert name_at("李红在会上", 0) == "李红"  # 在 ends a two-character name


def test_words_that_are_not_names():
    assert name_at("党员干部", 0) is None
    assert name_at("书记", 0) is None
    assert "王" in surnames()[0] and "欧阳" in surnames()[1]
