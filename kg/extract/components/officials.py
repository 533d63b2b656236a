"""kg_officials: officials with their posts, and other named persons."""
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components import add_spans
from kg.extract.gazetteer import load_gazetteer
from kg.extract.ner import load_tagger, person_at
from kg.extract.records import place_key
from kg.extract.rules.officials import Context, PlaceRef, find_people
from kg.settings import load_settings


@Language.factory("kg_officials", assigns=["doc._.kg_officials", "doc._.kg_persons", "doc._.kg_places", "doc.spans"],
                  requires=["doc._.kg_sentences", "doc._.kg_home", "doc._.kg_place_hits"],
                  default_config={"spans_key": "officials"})
def make_officials(nlp: Language, name: str, spans_key: str):
    return Officials(spans_key)


def outside_names(places: list, people: list) -> list:
    """A place's mentions inside a person's name (魏东海 holds 东海) are not mentions of it; a place left with none
    is dropped. Mentions from page chrome (no offset) stay.

    >>> from kg.extract.records import Mention, Official, Place
    >>> p = Place("东海县", "county", "320722", [], [Mention(4, 6, "东海", "")])
    >>> outside_names([p], [Official("魏东海", [], [Mention(3, 6, "魏东海", "")])])
    []
    """
    # A titled mention runs from the title (乌兰浩特市委书记王某): only the name's own characters count.
    spans = sorted((m.end - len(person.name), m.end) for person in people for m in person.mentions
                   if m.text.endswith(person.name))
    kept = []
    for place in places:
        place.mentions = [m for m in place.mentions
                          if m.start < 0 or not any(s <= m.start and m.end <= e for s, e in spans)]
        if place.mentions:
            kept.append(place)
    return kept


class Officials:
    def __init__(self, spans_key: str):
        self.spans_key = spans_key
        self.gaz = load_gazetteer()
        self.ner = load_settings().ner  # the tagger itself loads on first use

    def context(self, doc: Doc) -> Context:
        refs = [PlaceRef(h.start, h.end, place_key(h.chain), h.chain[-1].level, h.chain[-1].name)
                for h in doc._.kg_place_hits or [] if h.kind != "ref"]
        ctx = Context(places=refs)
        if doc._.kg_home is not None:
            chain = self.gaz.chain(doc._.kg_home)
            ref = lambda i: PlaceRef(-1, -1, place_key(chain[:i + 1]), chain[i].level, chain[i].name)  # noqa: E731
            ctx.home, ctx.province = ref(len(chain) - 1), ref(0)
            ctx.lineage = [ref(i) for i in range(len(chain) - 1, -1, -1)]
            league = [i for i, c in enumerate(chain) if c.name.endswith("盟")]
            ctx.league = ref(league[0]) if league else None
        return ctx

    def __call__(self, doc: Doc) -> Doc:
        sentences = doc._.kg_sentences
        lengths = dict(doc.to_array(["IDX", "LENGTH"]).tolist()) if len(doc) else {}  # token start → length
        is_word = lambda s, e: lengths.get(s) == e - s  # noqa: E731  the segmenter saw one word there
        tagger = load_tagger(self.ner)
        officials, persons = find_people(sentences.text, self.context(doc), sentences, is_word,
                                         person_at(tagger, sentences.text, sentences))
        doc._.kg_officials, doc._.kg_persons = officials, persons
        doc._.kg_places = outside_names(doc._.kg_places or [], officials + persons)
        add_spans(doc, self.spans_key, [(m.start, m.end, "OFFICIAL") for o in officials for m in o.mentions[:1]])
        return doc
