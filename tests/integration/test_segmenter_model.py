"""The fast-loading pkuseg format segments exactly like spacy-pkuseg's own loader."""
import contextlib
import io
import json

import pytest

from conftest import ROOT
from kg.errors import ModelFormatError
from kg.extract import segmenter
from kg.extract.provision import (
    extract_model,
    fetch_pkuseg_sdist,
)
from kg.settings import load_settings

SENTENCES = [
    "市委书记王建国在全市党史学习教育动员大会上强调，要把“我为群众办实事”实践活动抓实抓细。",
    "截至10月底，全县共排查整改问题1.2万个，群众满意度达97.5%以上。",
    "呼和浩特市赛罕区敕勒川路街道办事处组织党员志愿者开展“三服务”活动。",
    "ＡＢＣ公司2021年营收3.5亿元，同比增长12％。",
    "a-b.c_d,e|f/g*h:i 测试　１２３４５６ 𠀀𪚥",
    "",
]


@pytest.fixture(scope="module")
def original(tmp_path_factory):
    """The model as spacy-pkuseg loads it from the pinned sdist (the slow path)."""
    import spacy_pkuseg

    settings = load_settings()
    raw = extract_model(fetch_pkuseg_sdist(settings, log=lambda m: None), tmp_path_factory.mktemp("raw"))
    with contextlib.redirect_stderr(io.StringIO()):
        return spacy_pkuseg.pkuseg(str(raw))


@pytest.fixture(scope="module")
def fast():
    return segmenter.load(load_settings().model_dir)


@pytest.mark.pipeline
def test_fast_format_segments_like_the_original(original, fast):
    texts = SENTENCES + [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for text in texts:
        assert fast.cut(text) == original.cut(text)


@pytest.mark.pipeline
def test_feature_table_fills_by_character_group_up_to_the_original(original):
    seg = segmenter.load(load_settings().model_dir)
    assert seg.table_fraction < 0.01
    seg.cut(SENTENCES[0])
    assert 0.05 < seg.table_fraction < 0.9
    seg.load_all()
    assert seg.feature_extractor.feature_to_idx == original.feature_extractor.feature_to_idx




@pytest.mark.pipeline
def test_weights_are_memory_mapped_not_copied(fast):
    import numpy as np

    assert isinstance(fast.model.w, np.memmap)
    assert fast.feature_extractor.bigram == set()  # training-only table is not loaded


@pytest.mark.pipeline
def test_save_then_load_round_trips(tmp_path, original):
    """save() writes what load() reads, and a format change is named, not misread."""
    segmenter.save(original, tmp_path / "m")
    again = segmenter.load(tmp_path / "m")
    assert again.cut(SENTENCES[0]) == original.cut(SENTENCES[0])
    meta = json.loads((tmp_path / "m" / "processors.json").read_text(encoding="utf-8"))
    meta["format"] = segmenter.FORMAT + 1
    (tmp_path / "m" / "processors.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ModelFormatError, match="kg setup"):
        segmenter.load(tmp_path / "m")


