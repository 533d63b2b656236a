"""Baidu LAC as evidence for the officials rule: a veto where the rule's context is weak."""
import pytest

from kg.errors import SettingError
from kg.extract.ner import load_tagger, person_at
from kg.extract.rules.officials import find_people
from kg.language.text import Sentences
from test_officials import people


def stub(names):
    """A ``person_at`` that sees exactly these names (start → length)."""
    return lambda i: names.get(i)


def test_tagger_vetoes_role_words_followed_by_ordinary_words(gaz):
    text = "村民汤家富说，党员常态化参与巡逻。"
    _, _, ctx = people(gaz, text)
    _, persons = find_people(text, ctx, person_at=stub({2: 3}))
    assert {p.name: p.role for p in persons} == {"汤家富": "villager"}


def test_without_tagger_a_conjunction_surname_is_no_name(gaz):
    offs, _, _ = people(gaz, "镇领导和村干部座谈。")
    assert offs == {}


def test_tagger_confirms_a_name_with_a_conjunction_surname(gaz):
    text = "镇党委书记向德明主持会议。"
    _, _, ctx = people(gaz, text)
    assert [o.name for o in find_people(text, ctx, person_at=stub({}))[0]] == []
    assert [o.name for o in find_people(text, ctx, person_at=stub({5: 3}))[0]] == ["向德明"]


def test_byline_names_after_a_space():
    from kg.extract.rules.officials import Context

    _, persons = find_people("本报讯（通讯员 钟小川 葛文静）昨日召开会议。", Context(), person_at=stub({8: 3, 12: 3}))
    assert {p.name: p.role for p in persons} == {"钟小川": "reporter", "葛文静": "reporter"}


def test_unknown_setting_is_refused():
    with pytest.raises(SettingError):
        load_tagger("crf")
    assert load_tagger("none") is None and person_at(None, "", Sentences.of("")) is None


def test_lac_tags_person_names():
    tagger = load_tagger("lac")
    text = "县委书记钟立平强调，村民郝二柱说。"
    at = person_at(tagger, text, Sentences.of(text))
    assert at(4) == 3 and at(12) == 3 and at(0) is None
