"""spaCy components of kg, one factory per module; importing this registers them.

Order in the pipeline: kg_sentences → kg_home_city → kg_places → kg_officials →
kg_programmes → kg_metrics. Each reads the Doc's text on character offsets and
writes plain records (``kg.extract.records``) to a ``Doc._`` attribute and spans to
``doc.spans`` (via ``Doc.char_span``, so a token boundary never hides an entity).
Each factory declares what it ``assigns`` and ``requires``, so
``nlp.analyze_pipes()`` shows the contract and warns when the order breaks it
(``tests/unit/extract/test_components.py`` checks there is no problem), and a
``default_config`` for what can be changed without code (``nlp.add_pipe(name,
config={...})``). ``doc._.kg_meta`` (title, publisher, page chrome) is set by
the caller, :func:`kg.extract.batch.extract`, before the pipeline runs.
"""
from spacy.tokens import Doc

PIPELINE = ("kg_sentences", "kg_home_city", "kg_places", "kg_officials", "kg_programmes", "kg_metrics")

for _name in ("kg_meta", "kg_sentences", "kg_home", "kg_home_method", "kg_place_hits", "kg_places", "kg_officials",
              "kg_persons", "kg_programmes", "kg_metrics"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def add_spans(doc: Doc, key: str, items) -> None:
    """Record (start, end, label) character ranges as a SpanGroup."""
    spans, n = [], len(doc._.kg_sentences.text)  # Doc.text would join every token again
    for start, end, label in items:
        if 0 <= start < end <= n:
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
    doc.spans[key] = spans


from kg.extract.components import sentences, home_city, places, officials, programmes, metrics  # noqa: E402,F401,I001
