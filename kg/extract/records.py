"""What extraction produces for one article: plain, JSON-serializable records.

The spaCy components fill these; the graph builder, the JSON-lines export and
(later) parallel workers only ever see these records, never spaCy objects.

Every extracted item carries the evidence it rests on (``method``) and how far
that evidence is trusted (``confidence``, its measured precision, from
:mod:`kg.extract.confidence`): a rule sets the method, the confidence follows
from it on construction. Records written before these fields existed still
load: their items get their kind's pooled confidence.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import ClassVar

from kg.extract.confidence import confidence_of


def stable_id(kind: str, *parts: object) -> str:
    """Deterministic id: the same entity gets the same id on every run."""
    key = "\x1f".join("" if p is None else str(p) for p in parts)
    return f"{kind}:{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}"


@dataclass
class Mention:
    start: int          # character offsets into the article text
    end: int
    text: str
    sentence: str       # the evidence sentence


@dataclass
class PlaceLevel:
    name: str
    level: str
    adcode: str | None = None


@dataclass
class Place:
    name: str
    level: str
    adcode: str | None
    chain: list[PlaceLevel]            # province first, this unit last
    mentions: list[Mention] = field(default_factory=list)
    method: str = ""                   # the best evidence over its mentions
    confidence: float | None = None    # None: that method's calibrated value
    id: str | None = None             # the graph node's id (assign_ids)

    KIND: ClassVar[str] = "place"

    def __post_init__(self):
        _rate(self)

    @property
    def key(self) -> str:
        return place_key(self.chain)


def place_key(chain: list[PlaceLevel]) -> str:
    last = chain[-1]
    if last.adcode:
        return f"place:{last.adcode}"
    return stable_id("place", *[c.name for c in chain])


@dataclass
class Title:
    title: str                  # organization-qualified form: 市委书记, 省委常委, 村党委书记
    place: str | None = None    # key of the Place whose post it is
    organization: str | None = None
    method: str = ""
    confidence: float | None = None

    KIND: ClassVar[str] = "title"

    def __post_init__(self):
        _rate(self)


@dataclass
class Official:
    name: str
    titles: list[Title]
    mentions: list[Mention] = field(default_factory=list)
    id: str | None = None             # the graph node's id (assign_ids)

    @property
    def home_place(self) -> str | None:
        return next((t.place for t in self.titles if t.place), None)

    @property
    def best_title(self) -> Title | None:
        """The post the official is most surely named with (the node's confidence)."""
        return max(self.titles, key=lambda t: t.confidence or 0.0, default=None)


@dataclass
class Person:
    name: str
    role: str
    mentions: list[Mention] = field(default_factory=list)
    method: str = ""
    confidence: float | None = None
    id: str | None = None             # the graph node's id (assign_ids)

    KIND: ClassVar[str] = "person"

    def __post_init__(self):
        _rate(self)


@dataclass
class Organization:
    name: str                       # qualified: 德州市委, 宁乡市委组织部
    place: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    method: str = ""                # that of the title it was read from: as sure as that title
    confidence: float | None = None
    id: str | None = None             # the graph node's id (assign_ids)

    KIND: ClassVar[str] = "title"

    def __post_init__(self):
        _rate(self)


@dataclass
class Programme:
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    method: str = ""
    confidence: float | None = None
    id: str | None = None             # the graph node's id (assign_ids)

    KIND: ClassVar[str] = "programme"

    def __post_init__(self):
        _rate(self)


@dataclass
class Metric:
    text: str
    value: float
    unit: str
    subject: str
    qualifier: str | None
    date: str | None
    mention: Mention
    place: str | None = None        # key of the reporting Place
    programme: str | None = None    # name of the Programme it is reported under
    method: str = ""
    confidence: float | None = None
    id: str | None = None             # the graph node's id (assign_ids)

    KIND: ClassVar[str] = "metric"

    def __post_init__(self):
        _rate(self)


# The version of the record's layout (entities.jsonl), in step with the graph contract (SCHEMA.md).
RECORD_SCHEMA = 2


@dataclass
class ArticleRecord:
    """Everything found in one article."""

    article: dict
    home: str | None = None                 # key of the home Place
    home_method: str = ""                   # how clear the home vote was (kg.extract.rules.home.home_method)
    home_confidence: float | None = None
    places: list[Place] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    programmes: list[Programme] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
    schema: int = RECORD_SCHEMA

    def __post_init__(self):
        if self.home is not None and self.home_confidence is None:
            self.home_confidence = confidence_of("home", self.home_method)

    def has_ids(self) -> bool:
        items = (*self.places, *self.officials, *self.persons, *self.organizations, *self.programmes, *self.metrics)
        return all(x.id is not None for x in items)

    def assign_ids(self) -> "ArticleRecord":
        """Give every item the id of its graph node, and every figure the place
        that reports it and the programme it is reported under, so that
        entities.jsonl and the graph name the same things (the graph builder
        uses these ids; it computes none of its own)."""
        art = self.article["id"]
        for p in self.places:
            p.id = p.key
        for o in self.officials:
            o.id = stable_id("official", o.name, o.home_place)
        for p in self.persons:
            p.id = stable_id("person", p.name, p.role, self.home)
        for o in self.organizations:
            o.id = organization_id(o.name)
        for p in self.programmes:
            p.id = stable_id("programme", p.name)
        for m in self.metrics:
            m.id = stable_id("metric", art, m.value, m.unit, m.subject)
            m.place = m.place or self.home
            m.programme = m.programme or programme_in(m.mention.sentence, self.programmes)
        return self

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "ArticleRecord":
        """Read a record back; fields it lacks (an older version's) take their defaults,
        fields this version does not know are ignored."""
        def mentions(items):
            return [_make(Mention, m) for m in items]

        record = cls(
            article=d["article"],
            home=d.get("home"),
            home_method=d.get("home_method", ""),
            home_confidence=d.get("home_confidence"),
            places=[_make(Place, p, chain=[_make(PlaceLevel, c) for c in p["chain"]], mentions=mentions(p["mentions"]))
                    for p in d.get("places", [])],
            officials=[Official(o["name"], [_make(Title, t) for t in o["titles"]], mentions(o["mentions"]), o.get("id"))
                       for o in d.get("officials", [])],
            persons=[_make(Person, p, mentions=mentions(p["mentions"])) for p in d.get("persons", [])],
            organizations=[_make(Organization, o, mentions=mentions(o["mentions"])) for o in d.get("organizations", [])],
            programmes=[_make(Programme, p, mentions=mentions(p["mentions"])) for p in d.get("programmes", [])],
            metrics=[_make(Metric, m, mention=_make(Mention, m["mention"])) for m in d.get("metrics", [])],
        )
        return record if d.get("schema") == RECORD_SCHEMA else record.assign_ids()


def organization_id(name: str) -> str:
    return stable_id("org", name)


def programme_in(sentence: str, programmes: list[Programme]) -> str | None:
    """The programme a figure is reported under: the one named in its sentence
    (the longest name or alias, when several are)."""
    best = None
    for prog in programmes:
        for name in [prog.name] + prog.aliases:
            if name and name in sentence and (best is None or len(name) > len(best[1])):
                best = (prog.name, name)
    return best[0] if best else None


def _rate(item) -> None:
    """An item built without a confidence gets its method's calibrated one."""
    if item.confidence is None:
        item.confidence = confidence_of(item.KIND, item.method)


def _make(cls, d: dict, **parts):
    """``cls`` from the keys of ``d`` it knows, with ``parts`` already converted."""
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in d.items() if k in names and k not in parts}, **parts)
