"""Dates written in Chinese text → ISO strings (day, month, year or a period)."""
from __future__ import annotations

import re

_FULL = re.compile(r"(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})[日号])?)?")
_RANGE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})[日号]?(?:到|至|—|-|～|~)(?:(\d{1,2})月)?(\d{1,2})[日号]")


def _iso(y: str, m: str | None = None, d: str | None = None) -> str | None:
    year = int(y)
    if not 1900 < year < 2100:
        return None
    out = f"{year:04d}"
    if m:
        if not 1 <= int(m) <= 12:
            return out
        out += f"-{int(m):02d}"
        if d and 1 <= int(d) <= 31:
            out += f"-{int(d):02d}"
    return out


def find_date(text: str) -> str | None:
    """The first explicit date in ``text``: ``2019-12-05``, ``2019-12``, ``2019``,
    or a period ``2019-12-10/2019-12-19`` (``从2019年12月10日到19日``)."""
    m = _RANGE.search(text)
    if m:
        y, m1, d1, m2, d2 = m.groups()
        start, end = _iso(y, m1, d1), _iso(y, m2 or m1, d2)
        if start and end:
            return f"{start}/{end}"
    m = _FULL.search(text)
    return _iso(*m.groups()) if m else None


def year_of(text: str) -> int | None:
    m = re.search(r"(\d{4})", text or "")
    return int(m.group(1)) if m else None
