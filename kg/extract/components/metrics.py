"""kg_metrics: reported quantities with normalized values."""
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components import add_spans
from kg.extract.rules.metrics import find_metrics


@Language.factory("kg_metrics")
def make_metrics(nlp: Language, name: str):
    return Metrics()


class Metrics:
    def __call__(self, doc: Doc) -> Doc:
        sentences = doc._.kg_sentences
        metrics = find_metrics(sentences.text, sentences)
        doc._.kg_metrics = metrics
        add_spans(doc, "metrics", [(m.mention.start, m.mention.end, "METRIC") for m in metrics])
        return doc
