"""The fast-loading segmenter format: feature groups, and old models asking for `kg setup`
(no model needed; the model-level checks are in tests/integration/test_segmenter_model.py)."""
import pytest

from kg.extract import segmenter
from kg.extract.provision import ModelMissing, load_tokenizer_pipeline
from kg.settings import load_settings


def test_group_is_the_first_character_looked_up():
    assert segmenter.group_of("c.国") == "国"
    assert segmenter.group_of("c-2c-1.党.史") == "党"
    assert segmenter.group_of("w-1.国家") == "国"
    assert segmenter.group_of("ww.l.**noWord*人民") == "*"
    assert segmenter.group_of("ww.r.国家*人民") == "国"
    assert segmenter.group_of("$$") == ""
    assert segmenter.group_of("zz.unknown kind") == ""  # kept in the always-loaded group
    assert segmenter.text_groups("党史2021") >= {"党", "史", "*", ""}


def test_a_model_of_an_older_format_asks_for_setup(tmp_path):
    settings = load_settings(home=tmp_path)
    settings.model_dir.mkdir(parents=True)
    (settings.model_dir / "kg-model.sha256").write_text(settings.pkuseg_sha256)  # format 0: spaCy's msgpack
    with pytest.raises(ModelMissing, match="kg setup"):
        load_tokenizer_pipeline(settings)
