"""China's administrative divisions, province down to village, from JioNLP.

JioNLP (PyPI ``jionlp``) ships a maintained five-level table of divisions
(``dictionary/china_location.zip``: name, adcode and short name down to the
county, township and village names below). We read that file directly rather
than import JioNLP, which is slow to import and brings models we do not use.
The parsed index is pickled into the cache at install time (``kg setup``).
"""
from __future__ import annotations

import importlib.util
import io
import pickle
import zipfile
from array import array
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import GazetteerError

LEVELS = ("province", "prefecture", "county", "township", "village")
_FORMAT = 4  # bump when the pickled layout changes


@dataclass(frozen=True)
class Unit:
    """One administrative unit, as the rest of kg sees it."""

    idx: int
    name: str
    level: str
    adcode: str | None
    short: str | None
    parent: int  # -1 for a province

    @property
    def is_city(self) -> bool:
        """City label: prefecture-level units, county-level cities, municipalities (SCHEMA.md)."""
        return self.level == "prefecture" or (self.level in ("county", "province") and self.name.endswith("市"))


class Gazetteer:
    """Parallel arrays plus name and short-name indexes.

    Every build and every worker process holds one, so it is kept compact:
    levels, parents and adcodes are machine arrays (a 12-digit adcode is an
    int64, not a 60-byte string), index values are tuples.
    """

    def __init__(self, names, levels, parents, adcodes, shorts, source: str):
        self.names: list[str] = names
        self.levels = array("b", levels)
        self.parents = array("i", parents)
        bad = next((a for a in adcodes if a is not None and not (a.isdigit() and a[0] != "0")), None)
        if bad is not None:
            raise GazetteerError(f"{source}: adcode {bad!r} is not a number")
        self._adcodes = array("q", [int(a) if a else 0 for a in adcodes])
        self.shorts: list[str | None] = shorts
        self.source = source
        by_name: dict[str, list[int]] = {}
        by_short: dict[str, list[int]] = {}
        for i, name in enumerate(names):
            by_name.setdefault(name, []).append(i)
            if shorts[i] and len(shorts[i]) >= 2 and shorts[i] != name:
                by_short.setdefault(shorts[i], []).append(i)
        self.by_name: dict[str, tuple[int, ...]] = {k: tuple(v) for k, v in by_name.items()}
        self.by_short: dict[str, tuple[int, ...]] = {k: tuple(v) for k, v in by_short.items()}
        self.max_len = max(len(n) for n in names)
        # Longest full or short name starting with each two-character prefix: a
        # scan position whose prefix is absent needs no lookup at all.
        self.longest_from: dict[str, int] = {}
        for name in (*self.by_name, *self.by_short):
            key = name[:2]
            if len(name) > self.longest_from.get(key, 0):
                self.longest_from[key] = len(name)

    def adcode(self, idx: int) -> str | None:
        code = self._adcodes[idx]
        return str(code) if code else None

    def unit(self, idx: int) -> Unit:
        return Unit(idx, self.names[idx], LEVELS[self.levels[idx]], self.adcode(idx), self.shorts[idx], self.parents[idx])

    def lookup(self, name: str) -> list[Unit]:
        return [self.unit(i) for i in self.by_name.get(name, ())]

    def ancestors(self, idx: int) -> list[int]:
        """Parents from the nearest up to the province."""
        out = []
        while (idx := self.parents[idx]) >= 0:
            out.append(idx)
        return out

    # -- building -----------------------------------------------------------------
    @classmethod
    def from_lines(cls, lines, source: str) -> "Gazetteer":
        """Parse JioNLP's tab-indented table: depth = level, ``name\\tadcode\\tshort``.

        Pseudo-units are folded away: a municipality repeats its own name one
        level down, and 省直辖县级行政区划 only groups counties under the province.
        """
        names, levels, parents, adcodes, shorts = [], [], [], [], []
        stack: list[int] = []  # index of the current unit at each depth (-1 = folded)
        for raw in lines:
            line = raw.rstrip("\r\n")
            if not line.strip():
                continue
            depth = len(line) - len(line.lstrip("\t"))
            parts = line.strip("\t").split("\t")
            name = parts[0].strip()
            stack = stack[:depth]
            parent = next((p for p in reversed(stack) if p >= 0), -1)
            folded = depth == 1 and (name == names[parent] or "直辖" in name)
            if folded:
                stack.append(-1)
                continue
            idx = len(names)
            names.append(name)
            levels.append(min(depth, 4))
            parents.append(parent)
            adcodes.append(parts[1].strip() if len(parts) > 1 and parts[1].strip() else None)
            shorts.append(parts[2].strip() if len(parts) > 2 and parts[2].strip() else None)
            stack.append(idx)
        return cls(names, levels, parents, adcodes, shorts, source)

    @classmethod
    def from_jionlp(cls) -> "Gazetteer":
        spec = importlib.util.find_spec("jionlp")
        if spec is None or not spec.submodule_search_locations:
            raise GazetteerError("the gazetteer needs the 'jionlp' package (pip install jionlp)")
        path = Path(next(iter(spec.submodule_search_locations))) / "dictionary" / "china_location.zip"
        with zipfile.ZipFile(path) as zf:
            member = next(n for n in zf.namelist() if n.endswith(".txt"))
            with zf.open(member) as fh:
                lines = io.TextIOWrapper(fh, encoding="utf-8")
                return cls.from_lines(lines, source=f"jionlp:{path.name}")

    def __getstate__(self):
        return {"format": _FORMAT, **self.__dict__}

    def __setstate__(self, state):
        if state.pop("format", None) != _FORMAT:
            raise GazetteerError("stale gazetteer cache")
        self.__dict__.update(state)


def build_cache(path: Path) -> Gazetteer:
    gaz = Gazetteer.from_jionlp()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(pickle.dumps(gaz, protocol=pickle.HIGHEST_PROTOCOL))
    tmp.replace(path)
    return gaz


@lru_cache(maxsize=1)
def load_gazetteer(cache: Path | None = None) -> Gazetteer:
    """The process-wide gazetteer: from the install-time cache, else parsed."""
    if cache is None:
        from kg.settings import load_settings

        cache = load_settings().gazetteer_cache
    if cache.exists():
        try:
            return pickle.loads(cache.read_bytes())
        except Exception:  # stale or partial cache: rebuild below
            pass
    try:
        return build_cache(cache)
    except OSError:
        return Gazetteer.from_jionlp()
