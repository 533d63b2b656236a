"""The pkuseg model in a form that loads fast, written once at install time.

spaCy stores pkuseg's model as msgpack: a 2.6-million-entry feature table, a
1.1-million-entry bigram list that only training reads, and the weights in an
``.npz``. Decoding that took ~3.5 s of every start. Here the feature names
are one UTF-8 file in index order (the index is the line number, so the dict
is rebuilt by ``split`` + ``zip`` in C), the bigrams are dropped, and the
weights are a plain ``.npy`` that is memory-mapped: worker processes share
its pages instead of each holding 100 MB.

The segmenter itself is spacy-pkuseg's, unchanged: only its loading differs,
and a test checks the output equals the original model's.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

FORMAT = 1
FILES = ("features.txt", "unigram.txt", "weights.npy", "processors.json")


def save(seg, folder: Path) -> None:
    """Write a loaded ``spacy_pkuseg.pkuseg`` to ``folder``."""
    fe, model, post = seg.feature_extractor, seg.model, seg.postprocesser
    names = sorted(fe.feature_to_idx, key=fe.feature_to_idx.__getitem__)
    if any(fe.feature_to_idx[n] != i for i, n in enumerate(names)):
        raise ValueError("pkuseg feature indexes are not 0..n-1")
    if any("\n" in n for n in names) or any("\n" in w for w in fe.unigram):
        raise ValueError("a pkuseg feature name contains a line break")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "features.txt").write_text("\n".join(names), encoding="utf-8")
    (folder / "unigram.txt").write_text("\n".join(sorted(fe.unigram)), encoding="utf-8")
    np.save(folder / "weights.npy", np.ascontiguousarray(model.w, dtype=np.float64))
    processors = {
        "format": FORMAT,
        "n_tag": model.n_tag,
        "n_feature": model.n_feature,
        "tag_to_idx": fe.tag_to_idx,
        "do_process": post.do_process,
        "common_words": sorted(post.common_words),
        "other_words": sorted(post.other_words),
    }
    (folder / "processors.json").write_text(json.dumps(processors, ensure_ascii=False), encoding="utf-8")


def load(folder: Path):
    """A ``spacy_pkuseg.pkuseg`` with an empty user dictionary."""
    import spacy_pkuseg
    from spacy_pkuseg.feature_extractor import FeatureExtractor
    from spacy_pkuseg.model import Model

    meta = json.loads((folder / "processors.json").read_text(encoding="utf-8"))
    if meta.get("format") != FORMAT:
        raise ValueError(f"{folder}: segmenter format {meta.get('format')}, expected {FORMAT}; run `kg setup`")

    fe = FeatureExtractor.__new__(FeatureExtractor)
    names = (folder / "features.txt").read_text(encoding="utf-8").split("\n")
    fe.feature_to_idx = dict(zip(names, range(len(names))))
    fe.unigram = set((folder / "unigram.txt").read_text(encoding="utf-8").split("\n"))
    fe.bigram = set()  # read by training only
    fe.tag_to_idx = meta["tag_to_idx"]

    model = Model.__new__(Model)
    model.n_tag, model.n_feature = meta["n_tag"], meta["n_feature"]
    model.n_transition_feature = model.n_tag * (model.n_feature + model.n_tag)
    model.w = np.load(folder / "weights.npy", mmap_mode="r")
    if model.w.shape != (model.n_transition_feature,):
        raise ValueError(f"{folder}/weights.npy has shape {model.w.shape}, expected ({model.n_transition_feature},)")

    seg = spacy_pkuseg.pkuseg.__new__(spacy_pkuseg.pkuseg)
    seg.postag = False
    seg.preprocesser = spacy_pkuseg.Preprocesser(None)
    post = spacy_pkuseg.Postprocesser(None, None)
    post.do_process = meta["do_process"]
    post.common_words, post.other_words = set(meta["common_words"]), set(meta["other_words"])
    seg.postprocesser = post
    seg.feature_extractor, seg.model = fe, model
    seg.idx_to_tag = {idx: tag for tag, idx in fe.tag_to_idx.items()}
    seg.n_feature, seg.n_tag = len(fe.feature_to_idx), len(fe.tag_to_idx)
    return seg
