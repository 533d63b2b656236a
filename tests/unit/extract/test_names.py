"""Personal names: surname table plus boundary rules (and the segmenter's word boundaries)."""
from kg.extract.rules.names import name_at, surnames


def words(*spans):
    """An ``is_word`` hook from the (start, end) spans a segmenter saw as words."""
    return lambda s, e: (s, e) in spans


def test_two_and_three_character_names():
    assert name_at("市长杜明亮出席", 2) == "杜明亮"
    assert name_at("书记庞伟到村里", 2) == "庞伟"  # 到 ends the name
    assert name_at("欧阳明辉说", 0) == "欧阳明辉"


def test_word_after_a_two_character_name_ends_it():
    assert name_at("贺平强调要落实", 0) == "贺平"
    assert name_at("庞伟帮村民卖菜", 0) == "庞伟"


def test_segmenter_keeps_a_three_character_name_before_such_a_word():
    # 戴志强|调研: the segmenter saw the three characters as one word.
    assert name_at("戴志强调研时说", 0, is_word=words((0, 3), (3, 5))) == "戴志强"
    assert name_at("戴志强调研时说", 0) == "戴志"


def test_segmenter_word_boundary_after_a_two_character_name():
    # 薛冰|荣获: two words, so the third character is not the name's.
    assert name_at("薛冰荣获称号", 0, is_word=words((0, 2), (2, 4))) == "薛冰"
    assert name_at("薛冰荣获称号", 0) == "薛冰荣"
    assert name_at("薛冰洁荣获称号", 0, is_word=words((0, 2), (2, 3))) == "薛冰洁"


def test_not_names():
    assert name_at("任组长", 0) is None
    assert name_at("关于党", 2) is None


def test_compound_surnames_and_a_preposition_after_the_name():
    assert name_at("王建国同志", 0) == "王建国"
    assert name_at("欧阳明月出席", 0) == "欧阳明月"
    assert name_at("李红在会上", 0) == "李红"  # 在 ends a two-character name


def test_words_that_are_not_names():
    assert name_at("党员干部", 0) is None
    assert name_at("书记", 0) is None
    assert "王" in surnames()[0] and "欧阳" in surnames()[1]


def test_quan_ends_a_given_name_but_a_scope_word_after_a_name_does_not_join_it():
    assert name_at("赵德全出席会议", 0) == "赵德全"
    assert name_at("王明全市调研", 0) == "王明"


def test_a_name_ends_before_a_function_character_even_when_matched_exactly():
    """``stop=set()`` matches a name exactly (甲、乙等市委常委): 等 after it ends it, it does not void it."""
    assert name_at("邵北等县委常委", 0, stop=set()) == "邵北"


def test_a_leader_taking_charge_of_a_unit_is_no_name():
    """州领导包县、乡领导包村: 包 is a surname, 包县 the practice of a leader in charge of a county."""
    assert name_at("包县、", 0) is None and name_at("包村。", 0) is None
    assert name_at("包明、", 0) == "包明"


def test_transliterated_names():
    from kg.extract.rules.names import transliterated_name_at
    assert transliterated_name_at("其木格日乐主持会议", 0) == "其木格日乐"
    assert transliterated_name_at("艾买提·托合提说", 0) == "艾买提·托合提"
    assert transliterated_name_at("达瓦说", 0) is None            # two characters: only with a tagger's word
    assert transliterated_name_at("达瓦说", 0, tagged=2) == "达瓦"
    assert transliterated_name_at("巴彦花镇", 0) is None          # a place: no name ends before 镇
    assert transliterated_name_at("·明", 0) is None


def test_hui_and_northwestern_surnames():
    assert name_at("虎振东出席", 0) == "虎振东" and name_at("海小燕、", 0) == "海小燕"


def test_xiang_opens_a_given_name_but_is_a_preposition_after_one():
    assert name_at("钟向阳指出", 0) == "钟向阳"
    assert name_at("李向东主持会议", 0) == "李向东"
    assert name_at("王明向群众介绍", 0) == "王明"


def test_given_names_of_characters_that_also_follow_names():
    """欣, 正, 进 alone are given names (王欣参加, 李正表示); after a two-character name they are the verb that
    follows it (王凯|正在, 王强|来调研) unless the segmenter keeps the three characters as one word (王春来)."""
    assert name_at("县长王欣参加", 2) == "王欣" and name_at("县长王欣，", 2) == "王欣"
    assert name_at("县长李正表示", 2) == "李正" and name_at("县长张进出席", 2) == "张进"
    assert name_at("县长王萌欣慰地说", 2) == "王萌" and name_at("书记王凯正在调研", 2) == "王凯"
    assert name_at("县长王强来调研", 2) == "王强" and name_at("书记李明进企业走访", 2) == "李明"
    assert name_at("副主任王春来带队", 3, is_word=words((3, 6))) == "王春来"


def test_wei_opens_a_given_name_but_not_a_word_with_the_surname():
    assert name_at("县委书记张为民讲话", 4) == "张为民"
    assert name_at("县委书记曾为当地群众办实事", 4) is None
    assert name_at("县委书记成为大家的榜样", 4) is None
    assert name_at("县长王成为群众解难题", 2) == "王成"  # 成为 ends no name that starts before it


def test_lai_is_the_verb_of_a_visit_after_a_post():
    assert name_at("总书记来过之后", 3) is None
    assert name_at("市长张明来到社区", 2) == "张明"


def test_common_surnames_of_the_hundred_most_common():
    assert [name_at(f"县长{n}参加", 2) for n in ("傅立新", "赖建文", "洪亮", "阎志刚", "萧红")] == \
        ["傅立新", "赖建文", "洪亮", "阎志刚", "萧红"]


def test_transliterated_names_of_yi_and_mongolian_with_an_adverb_after():
    from kg.extract.rules.names import transliterated_name_at
    assert transliterated_name_at("沙马拉哈先后5次主持", 0) == "沙马拉哈"
    assert transliterated_name_at("额尔敦毕力格正忙着筹备", 0) == "额尔敦毕力格"
    assert transliterated_name_at("巴特尔吉日嘎拉正带领牧民", 0) == "巴特尔吉日嘎拉"


def test_words_a_rare_surname_begins_after_a_post_are_no_names():
    assert name_at("纪委书记全员参与", 4) is None and name_at("书记盘活资源", 2) is None
    assert name_at("县纪委书记盘志勇说", 5) == "盘志勇"
