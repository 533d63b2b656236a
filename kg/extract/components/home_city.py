"""kg_home_city: the unit that 我市 / 全市 / 市委 refer to (see kg.extract.rules.home)."""
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.gazetteer import load_gazetteer
from kg.extract.rules.home import WEIGHT_BODY, WEIGHT_CHROME, WEIGHT_TITLE, Weights, home_method, resolve_home


@Language.factory("kg_home_city", assigns=["doc._.kg_home", "doc._.kg_home_method"], requires=["doc._.kg_sentences"],
                  default_config={"title_weight": WEIGHT_TITLE, "chrome_weight": WEIGHT_CHROME,
                                  "body_weight": WEIGHT_BODY})
def make_home_city(nlp: Language, name: str, title_weight: float, chrome_weight: float, body_weight: float):
    return HomeCity(Weights(title_weight, chrome_weight, body_weight))


class HomeCity:
    def __init__(self, weights: Weights):
        self.gaz = load_gazetteer()
        self.weights = weights

    def __call__(self, doc: Doc) -> Doc:
        meta = doc._.kg_meta or {}
        result = resolve_home(doc._.kg_sentences.text, self.gaz, meta.get("title"), meta.get("boilerplate"),
                              meta.get("publisher"), self.weights)
        doc._.kg_home = result.idx
        doc._.kg_home_method = home_method(result, self.gaz)
        return doc
