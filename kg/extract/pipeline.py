"""Build the spaCy pipeline: Chinese tokenizer (pkuseg by default) + kg components."""
from __future__ import annotations

import gc
from contextlib import contextmanager
from functools import lru_cache

from spacy.language import Language

from kg.extract.gazetteer import load_gazetteer
from kg.extract.provision import load_tokenizer_pipeline
from kg.language.titles import COMMON_TITLES, POSTS
from kg.settings import Settings, load_settings


def user_dictionary() -> list[str]:
    """Words pkuseg should keep whole: county-level and higher unit names and
    their short forms, and the common titles. Matching does not depend on it
    (it is on characters), but cleaner tokens help the name checks."""
    gaz = load_gazetteer()
    words = gaz.words(max_depth=2)
    words |= set(POSTS) | set(COMMON_TITLES)
    return sorted(w for w in words if len(w) >= 2)


def build_nlp(settings: Settings | None = None) -> Language:
    import kg.extract.components  # noqa: F401  registers the factories
    from kg.extract.components import PIPELINE

    settings = settings or load_settings()
    with _frozen():
        nlp = load_tokenizer_pipeline(settings)
        load_gazetteer()
        if settings.segmenter == "pkuseg":
            nlp.tokenizer.pkuseg_update_user_dict(user_dictionary())
        config = {"kg_sentences": {"max_sentence_chars": settings.max_sentence_chars}}
        for name in PIPELINE:
            nlp.add_pipe(name, config=config.get(name, {}))
    return nlp


@contextmanager
def _frozen():
    """Load without the cyclic GC, then freeze what was loaded.

    The segmenter tables and the gazetteer are millions of objects that live
    as long as the process: collecting while they are created doubles the
    gazetteer's load time, and scanning them in every later full collection
    is wasted work. Freezing them also keeps their pages shared after fork.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


@lru_cache(maxsize=4)
def get_nlp(segmenter: str | None = None) -> Language:
    """One pipeline per process and segmenter (the model loads once)."""
    return build_nlp(load_settings(segmenter=segmenter))
