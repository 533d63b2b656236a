"""The spaCy factories: the assigns/requires contract holds in pipeline order,
configs are read, and the pipeline runs without the pkuseg model (char segmenter)."""
import pytest

from kg.extract.components import PIPELINE, home_city, metrics, officials, places, programmes, sentences
from kg.extract.pipeline import build_nlp
from kg.settings import load_settings


@pytest.fixture(scope="module")
def char_nlp():
    return build_nlp(load_settings(segmenter="char"))


def test_every_factory_declares_its_contract(char_nlp):
    assert tuple(char_nlp.pipe_names) == PIPELINE
    for name in PIPELINE:
        assert char_nlp.get_pipe_meta(name).assigns, name
    assert all(not problems for problems in char_nlp.analyze_pipes(pretty=False)["problems"].values())
    for module in (sentences, home_city, places, officials, programmes, metrics):  # one factory per module
        short = module.__name__.rsplit(".", 1)[-1]
        assert f"kg_{short}" in PIPELINE and callable(getattr(module, f"make_{short}"))


def test_config_changes_behaviour_without_code(char_nlp):
    assert char_nlp.get_pipe_meta("kg_home_city").default_config["title_weight"] == 4.0
    assert char_nlp.get_pipe_config("kg_metrics")["spans_key"] == "metrics"
    doc = char_nlp("德州市召开会议。全市建成驿站30个。")
    assert [s.text for s in doc.spans["metrics"]] == ["30个"]
    assert doc._.kg_home is not None
