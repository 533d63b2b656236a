"""kg_sentences: sentence starts at 。！？； and line breaks (Chinese news layout).

Besides ``Token.is_sent_start`` it stores the text and the sentence spans as
``doc._.kg_sentences``: the later components read those instead of
``doc.text`` and ``doc.sents``, which spaCy rebuilds from the tokens on every
access (together they were nine tenths of the extraction time).
"""
import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from kg.language.text import MAX_SENTENCE_CHARS, Sentences, split_sentences


@Language.factory("kg_sentences", assigns=["token.is_sent_start", "doc._.kg_sentences"],
                  default_config={"max_sentence_chars": MAX_SENTENCE_CHARS})
def make_sentences(nlp: Language, name: str, max_sentence_chars: int):
    return SentenceSetter(max_sentence_chars)


class SentenceSetter:
    def __init__(self, max_sentence_chars: int):
        self.max_sentence_chars = max_sentence_chars

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        starts = {s for s, _ in split_sentences(text, self.max_sentence_chars)}
        offsets = doc.to_array("IDX").tolist()  # no Token objects: they cost more than the rules
        flags = [1 if i == 0 or off in starts else -1 for i, off in enumerate(offsets)]
        if flags:
            # One array write: setting Token.is_sent_start rescans the Doc for every token.
            doc.from_array([SENT_START], numpy.array(flags, dtype="int64").view("uint64").reshape(-1, 1))
        # The same spans as doc.sents: from one sentence start to the next.
        token_starts = [off for off, flag in zip(offsets, flags) if flag == 1]
        ends = token_starts[1:] + [len(text)]
        doc._.kg_sentences = Sentences(text, list(zip(token_starts, ends)))
        return doc
