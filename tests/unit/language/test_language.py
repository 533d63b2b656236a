"""Language knowledge: dates with one year bound, unit words, titles."""
from kg.language import dates, titles, units


def test_one_year_bound_for_text_metadata_and_bylines():
    assert dates.find_date("1900年成立") is None and dates.parse_date("1900-01-01") is None
    assert dates.find_date("1901年成立") == "1901" and dates.parse_date("1901-03") == "1901-03"
    assert dates.find_full_date("发布时间：2021年6月4日") == "2021-06-04"
    assert dates.find_full_date("2021年6月") is None  # a byline date needs its day
    assert dates.starts_with_date("2021-06-04 10:30 来源：本网") and not dates.starts_with_date("全市2021年")


def test_post_head_strips_the_rank_prefix_not_characters():
    """``lstrip("常务副")`` turned 常委 into 委 (it strips any of those characters)."""
    assert titles.post_head("常委") == "常委"
    assert titles.post_head("常务副县长") == "县长"
    assert titles.post_head("副主任") == "主任"
    assert titles.post_head("务工组长") == "务工组长"


def test_self_reference_words_by_kind_of_unit():
    assert units.self_reference_pattern("县").findall("我县各乡镇和县委、县政府") == ["我县", "县委", "县政府"]
    assert units.province_body_pattern().findall("省委、省政府和自治区党委") == ["省", "省", "自治区"]


def test_is_city_and_suffixes():
    assert units.is_city("北京市", "province") and not units.is_city("河北省", "province")
    assert units.strip_unit_suffix("东城区") == "东城" and units.strip_unit_suffix("和县") == "和县"


def test_name_boundary_words_are_disjoint_and_well_formed():
    from kg.language import names

    assert all(len(w) == 2 for w in names.WORDS_AFTER_NAME)
    assert not any(w[0] in names.AFTER_NAME for w in names.WORDS_AFTER_NAME if w not in ("书记", "主任"))
    assert names.AMBIGUOUS_SURNAMES <= names.NOT_IN_NAME


def test_sentences_without_punctuation_are_cut_at_clauses_or_the_limit():
    from kg.language.text import Sentences, split_sentences

    text = ("全县各乡镇" * 30 + "，") * 10 + "没有标点" * 200
    spans = split_sentences(text, max_chars=400)
    assert all(e - s <= 400 for s, e in spans) and spans[0][1] == 151 * 2
    assert "".join(text[s:e] for s, e in spans) == text
    assert len(Sentences(text, spans).at(len(text) - 1)) <= 400
