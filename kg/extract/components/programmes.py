"""kg_programmes: named campaigns, initiatives and mechanisms."""
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components import add_spans
from kg.extract.rules.programmes import find_programmes


@Language.factory("kg_programmes")
def make_programmes(nlp: Language, name: str):
    return Programmes()


class Programmes:
    def __call__(self, doc: Doc) -> Doc:
        sentences = doc._.kg_sentences
        progs = find_programmes(sentences.text, sentences)
        doc._.kg_programmes = progs
        add_spans(doc, "programmes", [(m.start, m.end, "PROGRAMME") for p in progs for m in p.mentions])
        return doc
