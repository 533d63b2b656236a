"""kg_sentences: sentence starts at 。！？； and line breaks (Chinese news layout)."""
from spacy.language import Language
from spacy.tokens import Doc

from kg.rules.text import split_sentences


@Language.factory("kg_sentences")
def make_sentences(nlp: Language, name: str):
    return SentenceSetter()


class SentenceSetter:
    def __call__(self, doc: Doc) -> Doc:
        starts = {s for s, _ in split_sentences(doc.text)}
        for i, token in enumerate(doc):
            token.is_sent_start = i == 0 or token.idx in starts
        return doc
