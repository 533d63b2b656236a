"""The segmenter's words, the tagger and the people found as evidence (the real pkuseg pipeline): places inside words
or names, names at word boundaries."""


def _places(nlp, text):
    return {p.name for p in nlp(text)._.kg_places}


def test_a_short_name_inside_a_longer_word_is_not_the_unit(nlp):
    """长白山 holds 白山 (a prefecture's short name); the segmenter keeps the mountain whole."""
    found = _places(nlp, "延吉市围绕长白山旅游发展民宿产业，新增民宿120家。")
    assert "白山市" not in found and "延吉市" in found


def test_a_short_name_inside_an_officials_name_is_not_the_unit(nlp):
    found = _places(nlp, "邳州市召开会议。市委书记魏东海主持会议并讲话。")
    assert "东海县" not in found and "邳州市" in found


def _officials(nlp, text):
    return {o.name: [t.title for t in o.titles] for o in nlp(text)._.kg_officials}


def test_names_where_a_han_surname_meets_a_transliteration(nlp):
    """刘 + 巴特尔 is one name; 赵立新 + 多次 is a name and a word; 钱德才 + 正 is a name and an adverb."""
    found = _officials(nlp, "苏木党委书记刘巴特尔为学员讲授党课。县委书记赵立新多次深入基层。村党支部书记钱德才正带领村民修路。")
    assert {"刘巴特尔", "赵立新", "钱德才"} <= set(found)
    assert not any(n in found for n in ("刘巴特", "赵立新多次", "钱德才正"))


def test_a_post_a_holder_is_seconded_to_and_a_rank_in_brackets(nlp):
    found = _officials(nlp, "驻村第一书记、市农业农村局干部何晓丽说，茶园增收明显。"
                            "县委宣传部副部长（常务）邱子健介绍了宣讲安排。嘎查党支部书记、嘎查达乌力吉介绍，牧民增收。")
    assert {"何晓丽", "邱子健", "乌力吉"} <= set(found)
    assert "嘎查达" in found["乌力吉"]


def test_a_word_after_a_post_with_its_unit_is_a_name(nlp):
    """镇长海燕: after a post that names its unit, a two-character word is a name (the rule against 书记|项目 is for
    bare posts); 楼 is a surname."""
    found = _officials(nlp, "与镇党委书记马立军、镇长海燕一起调研。县委常委、宣传部部长楼慧芬介绍经验。")
    assert {"海燕", "楼慧芬"} <= set(found)
