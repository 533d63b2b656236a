"""kg_metrics: reported quantities with normalized values."""
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components import add_spans
from kg.extract.rules.metrics import find_metrics


@Language.factory("kg_metrics", assigns=["doc._.kg_metrics", "doc.spans"], requires=["doc._.kg_sentences"],
                  default_config={"spans_key": "metrics"})
def make_metrics(nlp: Language, name: str, spans_key: str):
    return Metrics(spans_key)


class Metrics:
    def __init__(self, spans_key: str):
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        sentences = doc._.kg_sentences
        metrics = find_metrics(sentences.text, sentences)
        doc._.kg_metrics = metrics
        add_spans(doc, self.spans_key, [(m.mention.start, m.mention.end, "METRIC") for m in metrics])
        return doc
