"""Articles → :class:`Extraction` records, streamed through ``nlp.pipe``."""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from kg.gazetteer import load_gazetteer
from kg.records import Extraction, Organization, place_key
from kg.rules.places import chain_of
from loaders.article import Article


def _doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.kg_meta = {"source": article.source, "title": article.title, "publisher": article.publisher,
                     "boilerplate": article.boilerplate}
    return doc


def to_extraction(doc: Doc, article: Article) -> Extraction:
    gaz = load_gazetteer()
    home = doc._.kg_home
    home_key = place_key(chain_of(gaz, home)) if home is not None else None
    orgs: dict[str, Organization] = {}
    for off in doc._.kg_officials or []:
        for t in off.titles:
            if t.organization and t.organization not in orgs:
                orgs[t.organization] = Organization(t.organization, None, off.mentions[:1])
    return Extraction(
        article=article.to_dict() | {"text": None, "chars": len(article.text)},
        home=home_key,
        places=doc._.kg_places or [],
        officials=doc._.kg_officials or [],
        persons=doc._.kg_persons or [],
        organizations=list(orgs.values()),
        programmes=doc._.kg_programmes or [],
        metrics=doc._.kg_metrics or [],
    )


def extract(nlp: Language, articles: Iterable[Article], batch_size: int = 16) -> Iterator[tuple[Article, Extraction]]:
    """Stream: memory stays flat whatever the number of articles."""
    pairs = ((_doc(nlp, a), a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield article, to_extraction(doc, article)
