"""kg_home_city: the unit that 我市 / 全市 / 市委 refer to (see kg.extract.rules.home)."""
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.gazetteer import load_gazetteer
from kg.extract.rules.home import resolve_home


@Language.factory("kg_home_city")
def make_home_city(nlp: Language, name: str):
    return HomeCity()


class HomeCity:
    def __init__(self):
        self.gaz = load_gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        meta = doc._.kg_meta or {}
        result = resolve_home(doc._.kg_sentences.text, self.gaz, meta.get("title"), meta.get("boilerplate"), meta.get("publisher"))
        doc._.kg_home = result.idx
        return doc
