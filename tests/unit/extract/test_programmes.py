from kg.extract.rules.programmes import find_programmes


def names(text):
    progs = find_programmes(text)
    return {p.name: p for p in progs}


def test_national_campaign_and_its_aliases_are_one_programme():
    found = names("我区“不忘初心、牢记使命”主题教育扎实开展。第二批主题教育期间，主题教育成效明显。")
    assert list(found) == ["不忘初心、牢记使命主题教育"]
    assert "第二批主题教育" in found["不忘初心、牢记使命主题教育"].aliases


def test_quoted_name_with_head():
    found = names("全县开展“红色驿站”建设年活动，推进“3+2”专项整治和“乡村大讲堂”。")
    assert {"红色驿站建设年活动", "3+2专项整治", "乡村大讲堂"} <= set(found)


def test_verb_introduced_quotes_and_lists():
    found = names("街道开展“邻里夜谈”“板凳会”，组织“书记进党校”“青年论坛”等活动。")
    assert {"邻里夜谈", "板凳会", "书记进党校", "青年论坛"} <= set(found)


def test_enumerated_clauses_of_activities():
    text = "组织开展系列实践活动——“文明宣讲”凝聚共识，“清洁家园”改善环境，“爱心助学”温暖学子。"
    assert {"文明宣讲", "清洁家园", "爱心助学"} <= set(names(text))


def test_slogans_formulas_facilities_and_modifiers_are_not_programmes():
    text = ("按照“守初心、担使命”的要求，增强“四个意识”，建立“党员服务站”，扎实推进“僵尸”企业清理，"
            "用“钉钉子”精神抓落实。")
    assert names(text) == {}


def test_sibling_mechanisms_and_unquoted_strong_heads():
    found = names("建立三项机制，即干部帮扶机制、问题交办机制、群众评议机制。市纪委开展违规吃喝问题专项整治。")
    assert {"干部帮扶机制", "问题交办机制", "群众评议机制", "违规吃喝问题专项整治"} <= set(found)
