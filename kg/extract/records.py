"""What extraction produces for one article: plain, JSON-serializable records.

The spaCy components fill these; the graph builder, the JSON-lines export and
(later) parallel workers only ever see these records, never spaCy objects.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field


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


@dataclass
class Official:
    name: str
    titles: list[Title]
    mentions: list[Mention] = field(default_factory=list)

    @property
    def home_place(self) -> str | None:
        return next((t.place for t in self.titles if t.place), None)


@dataclass
class Person:
    name: str
    role: str
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Organization:
    name: str                       # qualified: 德州市委, 宁乡市委组织部
    place: str | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Programme:
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


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


@dataclass
class ArticleRecord:
    """Everything found in one article."""

    article: dict
    home: str | None = None                 # key of the home Place
    places: list[Place] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    programmes: list[Programme] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "ArticleRecord":
        def mentions(items):
            return [Mention(**m) for m in items]

        return cls(
            article=d["article"],
            home=d.get("home"),
            places=[Place(p["name"], p["level"], p["adcode"], [PlaceLevel(**c) for c in p["chain"]],
                          mentions(p["mentions"])) for p in d.get("places", [])],
            officials=[Official(o["name"], [Title(**t) for t in o["titles"]], mentions(o["mentions"]))
                       for o in d.get("officials", [])],
            persons=[Person(p["name"], p["role"], mentions(p["mentions"])) for p in d.get("persons", [])],
            organizations=[Organization(o["name"], o.get("place"), mentions(o["mentions"]))
                           for o in d.get("organizations", [])],
            programmes=[Programme(p["name"], p["aliases"], mentions(p["mentions"])) for p in d.get("programmes", [])],
            metrics=[Metric(**{**m, "mention": Mention(**m["mention"])}) for m in d.get("metrics", [])],
        )
