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
from functools import lru_cache
from pathlib import Path

from kg.errors import GazetteerError
from kg.extract.records import PlaceLevel
from kg.language.units import LEVELS, is_city

_FORMAT = 5  # bump when the pickled layout changes


class Gazetteer:
    r"""China's administrative units, numbered ``0 … len-1``, with name indexes.

    Rules ask it questions (:meth:`named`, :meth:`parents_of`, :meth:`province_of`,
    :meth:`is_city`, :meth:`chain` …) and never index its tables, so the layout
    can change without touching a rule. Every build and every worker process
    holds one, so it is kept compact: levels, parents and adcodes are machine
    arrays (a 12-digit adcode is an int64, not a 60-byte string), index values
    are tuples.

    >>> gaz = Gazetteer.from_lines(["山东省\t370000\t山东", "\t德州市\t371400\t德州",
    ...                             "\t\t乐陵市\t371481\t乐陵"], source="example")
    >>> [gaz.name(i) for i in gaz.named("乐陵市")], gaz.short_named("德州")
    (['乐陵市'], (1,))
    >>> [gaz.name(i) for i in gaz.parents_of(2)], gaz.name(gaz.province_of(2)), gaz.is_city(2)
    (['德州市', '山东省'], '山东省', True)
    >>> [(c.name, c.level) for c in gaz.chain(2)]
    [('山东省', 'province'), ('德州市', 'prefecture'), ('乐陵市', 'county')]
    """

    def __init__(self, names, levels, parents, adcodes, shorts, source: str):
        self._names: list[str] = names
        self._levels = array("b", levels)
        self._parents = array("i", parents)
        bad = next((a for a in adcodes if a is not None and not (a.isdigit() and a[0] != "0")), None)
        if bad is not None:
            raise GazetteerError(f"{source}: adcode {bad!r} is not a number")
        self._adcodes = array("q", [int(a) if a else 0 for a in adcodes])
        self._shorts: list[str | None] = shorts
        self.source = source
        by_name: dict[str, list[int]] = {}
        by_short: dict[str, list[int]] = {}
        for i, name in enumerate(names):
            by_name.setdefault(name, []).append(i)
            if shorts[i] and len(shorts[i]) >= 2 and shorts[i] != name:
                by_short.setdefault(shorts[i], []).append(i)
        self._by_name: dict[str, tuple[int, ...]] = {k: tuple(v) for k, v in by_name.items()}
        self._by_short: dict[str, tuple[int, ...]] = {k: tuple(v) for k, v in by_short.items()}
        self.max_len = max(len(n) for n in names)
        # Longest full or short name starting with each two-character prefix: a
        # scan position whose prefix is absent needs no lookup at all.
        self._longest_from: dict[str, int] = {}
        for name in (*self._by_name, *self._by_short):
            key = name[:2]
            if len(name) > self._longest_from.get(key, 0):
                self._longest_from[key] = len(name)

    # -- one unit -----------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._names)

    def name(self, idx: int) -> str:
        return self._names[idx]

    def short(self, idx: int) -> str | None:
        """JioNLP's short form (德州 for 德州市), if it has one."""
        return self._shorts[idx]

    def depth(self, idx: int) -> int:
        """0 province, 1 prefecture, 2 county, 3 township, 4 village."""
        return self._levels[idx]

    def level(self, idx: int) -> str:
        return LEVELS[self._levels[idx]]

    def adcode(self, idx: int) -> str | None:
        code = self._adcodes[idx]
        return str(code) if code else None

    def is_city(self, idx: int) -> bool:
        """The schema's ``City`` label (:func:`kg.language.units.is_city`)."""
        return is_city(self._names[idx], self.level(idx))

    def is_grouping(self, idx: int) -> bool:
        """A row that only groups units (中山市's 市直辖行政区划 above its towns), not a unit."""
        return "直辖" in self._names[idx]

    # -- the hierarchy --------------------------------------------------------------------
    def parents_of(self, idx: int) -> list[int]:
        """Parents from the nearest up to the province."""
        out = []
        while (idx := self._parents[idx]) >= 0:
            out.append(idx)
        return out

    def province_of(self, idx: int) -> int:
        """The province-level unit above ``idx`` (``idx`` itself for a province)."""
        while (parent := self._parents[idx]) >= 0:
            idx = parent
        return idx

    def chain(self, idx: int) -> list[PlaceLevel]:
        """The unit and its parents as records, province first."""
        ids = [idx] + self.parents_of(idx)
        return [PlaceLevel(self._names[i], LEVELS[self._levels[i]], self.adcode(i)) for i in reversed(ids)]

    def units(self, depth: int) -> list[int]:
        """Every unit at one depth."""
        return [i for i, lv in enumerate(self._levels) if lv == depth]

    def children(self) -> dict[int, list[int]]:
        """Each unit's direct children (computed; for tools, not for the hot path)."""
        out: dict[int, list[int]] = {}
        for i, p in enumerate(self._parents):
            if p >= 0:
                out.setdefault(p, []).append(i)
        return out

    # -- names ------------------------------------------------------------------------------
    def named(self, name: str) -> tuple[int, ...]:
        """Units whose full name is ``name`` (there are dozens of 东风村).

        JioNLP writes most gachas as ``满都拉图嘎查村`` (some as ``…嘎查``);
        reports write ``满都拉图嘎查``: that name finds both."""
        ids = self._by_name.get(name, ())
        if name.endswith("嘎查"):
            ids += self._by_name.get(name + "村", ())
        return ids

    def short_named(self, short: str) -> tuple[int, ...]:
        """Units whose short name is ``short`` (德州 → 德州市)."""
        return self._by_short.get(short, ())

    def longest_name_from(self, prefix: str) -> int:
        """Length of the longest full or short name starting with these two characters; 0 if none."""
        return self._longest_from.get(prefix, 0)

    def words(self, max_depth: int) -> set[str]:
        """Full and short names of the units down to ``max_depth``."""
        out = {n for n, lv in zip(self._names, self._levels) if lv <= max_depth}
        return out | {s for s, lv in zip(self._shorts, self._levels) if s and lv <= max_depth}

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
