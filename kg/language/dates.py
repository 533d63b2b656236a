"""Dates → ISO strings with their precision: ``2019-12-05``, ``2019-12``,
``2019``, or a period ``2019-12-10/2019-12-19``. The one place that knows what
a date looks like, for article text (:func:`find_date`), page metadata and
bylines (:func:`parse_date`) alike.

>>> find_date("从2019年12月10日到19日，全市开展专项整治")
'2019-12-10/2019-12-19'
>>> parse_date("2021/6/4 10:30")
'2021-06-04'
>>> parse_date("1850-01-01") is None     # outside the years reports are written in
True
"""
from __future__ import annotations

import re

# Reports, and the people and events they date, fall in these years: a four-digit
# number outside them is a count or a code, not a year.
FIRST_YEAR, LAST_YEAR = 1901, 2099

_FULL = re.compile(r"(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})[日号])?)?")
_RANGE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})[日号]?(?:到|至|—|-|～|~)(?:(\d{1,2})月)?(\d{1,2})[日号]")
# Metadata and bylines: 2019-12-05, 2019/12/5, 2019.12.05, 2019年12月5日, 2019-12, 2019.
_NUMERIC = re.compile(r"(\d{4})\s*(?:[-/.年]\s*(\d{1,2}))?\s*(?:[-/.月]\s*(\d{1,2}))?")
_NUMERIC_DAY = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
# A dateline: a line that opens with a day and maybe a time (2019-12-05 10:30).
_ISO = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")
_DATELINE = re.compile(r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(\s+\d{1,2}:\d{2}(:\d{2})?)?")


# A time phrase that opens a clause (截至9月中旬, 今年1至6月, 2023年以来, 目前): when the day, not a thing.
TIME_LEAD = re.compile(r"^(?:截至|截止到?|到|至|自|从)?(?:(?:\d{4}|今|去|明|当)年)?(?:\d{1,2}(?:至\d{1,2})?月(?:份)?)?"
                       r"(?:\d{1,2}[日号])?(?:上旬|中旬|下旬|底|末|初|中)?(?:以来|为止|前|期间)?")


def time_lead(phrase: str) -> str:
    """The time phrase that opens ``phrase``, or ''.

    >>> time_lead("截至9月中旬已完成"), time_lead("今年以来共办结"), time_lead("群众满意度")
    ('截至9月中旬', '今年以来', '')
    """
    m = TIME_LEAD.match(phrase)
    lead = m.group() if m else ""
    return lead if re.search(r"\d|年|月", lead) or lead.endswith("以来") else ""


def iso_date(year: str | int, month: str | int | None = None, day: str | int | None = None) -> str | None:
    """``(2019, 12, 5)`` → ``2019-12-05``; as precise as the parts are valid; None for no valid year."""
    y = int(year)
    if not FIRST_YEAR <= y <= LAST_YEAR:
        return None
    out = f"{y:04d}"
    if month:
        if not 1 <= int(month) <= 12:
            return out
        out += f"-{int(month):02d}"
        if day and 1 <= int(day) <= 31:
            out += f"-{int(day):02d}"
    return out


def find_date(text: str) -> str | None:
    """The first date written out in Chinese in ``text`` (``2019年12月5日``, a
    month, a year, or a period ``从2019年12月10日到19日``)."""
    m = _RANGE.search(text)
    if m:
        y, m1, d1, m2, d2 = m.groups()
        start, end = iso_date(y, m1, d1), iso_date(y, m2 or m1, d2)
        if start and end:
            return f"{start}/{end}"
    m = _FULL.search(text)
    return iso_date(*m.groups()) if m else None


def parse_date(value: object) -> str | None:
    """A metadata date (``2019-12-05``, ``2019/12/5 10:30``, ``2019年12月``) → ISO, else None."""
    if not value:
        return None
    m = _NUMERIC.search(str(value))
    return iso_date(*m.groups()) if m else None


def iso_parts(iso: str) -> tuple[int, int, int] | None:
    """The (year, month, day) an ISO date of kg starts at — ``2019``, ``2019-10``,
    ``2019-10-05`` or a period ``2019-12-10/2019-12-19`` — missing parts 1; None for
    anything else.

    >>> iso_parts("2019-10"), iso_parts("2019-12-10/2019-12-19"), iso_parts("10/2019")
    ((2019, 10, 1), (2019, 12, 10), None)
    """
    m = _ISO.fullmatch(str(iso).strip().split("/")[0])
    return tuple(int(g) if g else 1 for g in m.groups()) if m else None


def find_full_date(line: str) -> str | None:
    """A day written with digits in a byline or dateline (``2019-12-05``, ``2019年12月5日``), else None."""
    m = _NUMERIC_DAY.search(line)
    if not m:
        return None
    iso = iso_date(*m.groups())
    return iso if iso and iso.count("-") == 2 else None


def starts_with_date(line: str) -> bool:
    """Does the line open with a day, as datelines and page chrome do (``2019-12-05 10:30 来源：…``)?"""
    return bool(_DATELINE.match(line))
