"""The two things a loader yields: a clean article, or a bad input that names the file and the reason."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field


@dataclass
class Article:
    source: str                      # input file name (relative to the input root) or record id
    text: str                        # cleaned body: what the extractors read
    title: str | None = None
    date: str | None = None          # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    publisher: str | None = None
    url: str | None = None
    reporters: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    # Header/footer lines split off the body. Kept because they name the
    # publisher and so the home city (德州新闻网, 宁乡市融媒体中心).
    boilerplate: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        """Content hash: the same text read twice is the same article."""
        return "article:" + hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict:
        return {"id": self.id, **asdict(self)}


@dataclass(frozen=True)
class BadInput:
    """An input that is not an article (empty, binary, undecodable, too large,
    malformed JSON…): reported with its reason, never raised, never dropped."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"
