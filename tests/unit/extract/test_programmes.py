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


def test_catalogue_campaigns_and_batch_aliases_are_generic():
    """第二批主题教育 was said of both the 2019 and the 2023 campaign: with the 2023 one named, it is that one."""
    found = names("全县学习贯彻习近平新时代中国特色社会主义思想主题教育动员会召开。第二批主题教育启动后，党员落实“三会一课”。")
    assert set(found) == {"学习贯彻习近平新时代中国特色社会主义思想主题教育", "三会一课"}


def test_catalogue_new_national_campaigns():
    found = names("区委部署党纪学习教育，坚持“四下基层”，全面推行河长制。")
    assert {"党纪学习教育", "四下基层", "河长制"} <= set(found)


def test_review_takes_its_topic_and_the_topic_is_not_a_second_programme():
    found = names("镇里扎实开展精准扶贫“回头看”，各村开展“补短板、强弱项”集体经济清查“回头看”工作。")
    assert {"精准扶贫回头看", "集体经济清查回头看"} <= set(found)
    assert "精准扶贫" not in found and "回头看" in found["精准扶贫回头看"].aliases


def test_demonstration_units_practices_theme_years_and_routines():
    text = ("全乡评出“清洁小院”示范户120户，“山水共护”创新做法获得推广。县里把“乡村治理提升年”与"
            "工作组“一旬一研判”、专班“每周一会商”结合起来。")
    assert {"清洁小院", "山水共护", "乡村治理提升年", "一旬一研判", "每周一会商"} <= set(names(text))


def test_not_theme_years_or_demonstration_effects():
    assert names("评选“优秀好少年”，发挥“头雁”示范作用。") == {}


def test_clauses_closed_by_quoted_activities_after_a_topic():
    text = "方案中，明确了走访群众“敲门问需”，建立台账“亮单公示”，办理诉求“限时回复”，志愿服务“随叫随到”四项任务。"
    assert {"敲门问需", "亮单公示", "限时回复", "随叫随到"} <= set(names(text))


def test_categories_of_one_list_are_not_programmes():
    text = "建立产业发展“急需事”、社会治理“揪心事”、民生服务“烦心事”等“三事”台账。"
    assert not {"急需事", "揪心事", "烦心事"} & set(names(text))


def test_columns_in_title_marks_and_teams_of_a_brand():
    found = names("县融媒体中心开设《民声直通》《书记访谈》栏目，镇里组建6个“溪畔声音”宣讲组。")
    assert {"民声直通", "书记访谈", "溪畔声音"} <= set(found)
    assert "民声直通栏目" in found["民声直通"].aliases


def test_a_quoted_name_with_a_comma_before_a_head_and_the_campaign_inside_it():
    found = names("社区开展了“百日攻坚，我为群众办实事”活动。")
    assert set(found) == {"百日攻坚，我为群众办实事"}


def test_a_verb_then_a_quote_closed_by_a_plain_list_item():
    assert "双联系" in names("深化“双联系”、结对解难题，干部下沉网格。")


def test_unquoted_heads_need_a_real_name():
    assert names("做到项目化推进民生工程，组织实施好本地调查研究及专项整治工作。") == {}
