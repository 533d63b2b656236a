"""kg_programmes: named campaigns, initiatives and mechanisms."""
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components import add_spans
from kg.extract.rules.programmes import find_programmes


@Language.factory("kg_programmes", assigns=["doc._.kg_programmes", "doc.spans"], requires=["doc._.kg_sentences"],
                  default_config={"spans_key": "programmes"})
def make_programmes(nlp: Language, name: str, spans_key: str):
    return Programmes(spans_key)


class Programmes:
    def __init__(self, spans_key: str):
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        sentences = doc._.kg_sentences
        progs = find_programmes(sentences.text, sentences, (doc._.kg_meta or {}).get("date"))
        doc._.kg_programmes = progs
        add_spans(doc, self.spans_key, [(m.start, m.end, "PROGRAMME") for p in progs for m in p.mentions])
        return doc
