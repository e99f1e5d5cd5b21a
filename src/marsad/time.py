"""time stage: find date expressions in a document and resolve them to intervals.

Every expression becomes a :class:`~marsad.records.DateMention`: an interval
``[earliest, latest]`` with an ACLED ``time_precision`` (1 = one day, 2 = at most 8 days,
3 = wider), the phrase it came from and the rule that read it.

How an expression is read
-------------------------
Hand-written rules come first (they are exact and fast); ``dateparser`` (configured once:
past dates preferred, the publication date as the relative base, the first day of a month
when the day is missing) is the fallback for whatever they miss, and only runs on phrases
made of date words, so "Tu-22", "620" or "2 killed" never reach it.

* Absolute: "4 February 2017", "February 4, 2017", "2017-02-04", "May 2015", "in 2014",
  "the 1990s", "summer 2015". A day and month without a year ("on 12 March") is the most
  recent such day on or before publication.
* Relative to publication: "today", "yesterday", "last night", "on Sunday" (most recent
  Sunday, publication day included), "last Tuesday" (strictly before), "this/last week",
  "this/last month", "this/last year", "earlier this month", "last November" (the most
  recent November before the current month), bare "November", "two years ago",
  "in recent weeks" (the four weeks before publication), "the past two weeks".
* Modifiers: early / mid / late X and the beginning / middle / end of X are the first,
  middle and last third of X (for a month: days 1-10, 11-20, 21-end; for a year: Jan-Apr,
  May-Aug, Sep-Dec); "the first/second half of X".
* Context: "the same month" (and "that month", "the same year", "the same day",
  "the following day", "two days later") refer to the last date resolved earlier in the text.
* Ranges: "between 3 and 5 March", "from November to January", "2014-2016";
  "since X" is ``[X.earliest, published]``; "for over two years now" / "for the past year"
  locate an interval ending at publication (rule ``ongoing-for``).
* Durations that do not locate anything ("halt for two weeks", "in over a year",
  "two years") ARE returned by :func:`find_dates`, with rule ``duration`` and the interval of
  that length ending at publication; consumers that date events must ignore rules starting
  with ``duration`` (:func:`date_for_event` does).

Precision is computed from the interval the expression names before clamping ("this month"
is precision 3 even on the 4th); then any interval that contains the publication date is
clamped to end on it, unless the expression is explicitly about the future ("tomorrow",
"next week", "later this month"). Impossible dates ("31 February") give ``None``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any, NamedTuple

from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.tokens import Doc, Span, Token

from marsad.nlp import doc_text
from marsad.records import TIME_DAY, TIME_MONTH, TIME_WEEK, DateMention

__all__ = [
    "date_for_event",
    "find_dates",
    "precision_for",
    "resolve_expression",
]

# ---------------------------------------------------------------------------------------
# small date helpers


def precision_for(earliest: date, latest: date) -> int:
    """ACLED time_precision for an interval: 1 day -> 1, at most 8 days -> 2, else 3."""
    days = (latest - earliest).days + 1
    if days <= 1:
        return TIME_DAY
    if days <= 8:
        return TIME_WEEK
    return TIME_MONTH


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_iv(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), _month_end(year, month)


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _shift_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _shift_months(day: date, months: int) -> date:
    year, month = _add_months(day.year, day.month, months)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_MIN_DAY = date(1000, 1, 1)
_MAX_DAY = date(2999, 12, 31)


# ---------------------------------------------------------------------------------------
# internal result type


class _Res(NamedTuple):
    earliest: date
    latest: date
    precision: int
    rule: str
    confidence: float
    gran: str  # day | week | month | year | season | decade | range | other
    future: bool = False  # explicitly about the future: never clamped


def _res(
    earliest: date,
    latest: date,
    rule: str,
    gran: str,
    confidence: float = 0.9,
    *,
    future: bool = False,
    precision: int | None = None,
) -> _Res:
    if precision is None:
        precision = precision_for(earliest, latest)
    return _Res(earliest, latest, precision, rule, confidence, gran, future)


@dataclass(frozen=True, slots=True)
class _Ctx:
    """What earlier text resolved: for "the same month", "that day", "two days later"."""

    last_month: tuple[int, int] | None = None
    last_day: date | None = None
    last_year: int | None = None


_NO_CTX = _Ctx()

# ---------------------------------------------------------------------------------------
# vocabulary

_MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _name:
        _MONTHS[_name.lower()] = _i
        _MONTHS[_name[:3].lower()] = _i
_MONTHS["sept"] = 9

_WEEKDAYS: dict[str, int] = {}
for _i, _name in enumerate(calendar.day_name):
    _WEEKDAYS[_name.lower()] = _i
    _WEEKDAYS[_name[:3].lower()] = _i
_WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "a": 1,
    "an": 1,
    "single": 1,
}
# vague quantities: the number used, and a flag telling the caller the count is fuzzy
_VAGUE = {"few": 3, "a few": 3, "several": 4, "couple": 2, "a couple": 2, "some": 3}

_MON_RE = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
)
_WD_RE = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues|tue|weds|wed|thurs|thur|thu|fri|sat|sun)"
)
_UNIT_RE = r"(?:day|week|fortnight|month|year|decade)s?"
_NUM_RE = r"(?:\d{1,3}|a couple of|a couple|couple of|a few|few|several|some|[a-z]+)"
_TOD_RE = r"(?:\s+(?:morning|afternoon|evening|night|overnight))?"
_QUAL_RE = (
    r"(?:(?P<qual>just over|well over|over|more than|nearly|almost|about|around|some"
    r"|roughly|approximately|at least|close to|less than|under|just)\s+)?"
)

_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}


def _unit(word: str) -> str:
    return word[:-1] if word.endswith("s") else word


def _number(word: str | None) -> tuple[int, bool] | None:
    """The count a number word stands for, and whether it is vague ("a few")."""
    if word is None:
        return 1, False
    word = re.sub(r"\s+of$", "", word.strip())
    if word.isdigit():
        return int(word), False
    if word in _VAGUE:
        return _VAGUE[word], True
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word], False
    return None


def _minus(pub: date, n: int, unit: str) -> date:
    """pub minus n units (calendar months and years; days for day/week/fortnight)."""
    if unit in _UNIT_DAYS:
        return pub - timedelta(days=n * _UNIT_DAYS[unit])
    if unit == "month":
        return _shift_months(pub, -n)
    if unit == "year":
        return _shift_years(pub, -n)
    if unit == "decade":
        return _shift_years(pub, -10 * n)
    raise ValueError(unit)


def _plus(pub: date, n: int, unit: str) -> date:
    if unit in _UNIT_DAYS:
        return pub + timedelta(days=n * _UNIT_DAYS[unit])
    if unit == "month":
        return _shift_months(pub, n)
    if unit == "year":
        return _shift_years(pub, n)
    if unit == "decade":
        return _shift_years(pub, 10 * n)
    raise ValueError(unit)


# ---------------------------------------------------------------------------------------
# normalisation

_DASHES = str.maketrans({"–": "-", "—": "-", "‒": "-", "−": "-", "’": "'", "‘": "'"})
_LEAD_RE = re.compile(
    r"^(?:(?:in|on|at|during|of|around|about|circa|approximately|sometime in|some time in"
    r"|as of|as recently as|as early as|as late as)\s+)+"
)
_ORD_RE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")


def _normalize(text: str) -> str:
    s = text.translate(_DASHES).lower().strip()
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"(?<=\d)'s\b", "s", s)
    s = s.replace(",", " ")
    s = re.sub(r"(?<=[a-z])\.(?=\s|$)", "", s)  # "feb." -> "feb"
    s = re.sub(r"\bmid\s*-\s*(?=[a-z0-9])", "mid ", s)
    s = _ORD_RE.sub(r"\1", s)
    s = re.sub(r"[\s\"()\[\]]+", " ", s).strip(" .;:!?")
    s = _LEAD_RE.sub("", s)
    return s


# ---------------------------------------------------------------------------------------
# point expressions

_REL_DAY = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "earlier today": 0,
    "today's": 0,
    "yesterday": -1,
    "last night": -1,
    "overnight": -1,
    "yesterday morning": -1,
    "yesterday afternoon": -1,
    "yesterday evening": -1,
    "the day before yesterday": -2,
    "tomorrow": 1,
    "the day after tomorrow": 2,
}

_ISO_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC_RE = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})")
_WEEKDAY_RE = re.compile(
    rf"(?:(?P<rel>last|this|past|previous|next|coming|early|late)\s+)?(?:on\s+)?"
    rf"(?P<wd>{_WD_RE}){_TOD_RE}"
)
_REL_PERIOD_RE = re.compile(
    r"(?:(?P<pre>earlier|later)\s+)?(?P<rel>last|this|next|past|previous|coming|this past)\s+"
    r"(?P<what>week|weekend|month|year)"
)
_WEEKEND_RE = re.compile(r"(?:over\s+)?the\s+weekend")
_MONTH_REL_RE = re.compile(
    rf"(?:(?P<rel>last|this|next|past|previous|coming)\s+)?(?P<mon>{_MON_RE})"
    r"(?:\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year)?"
)
_DAY_MON_RE = re.compile(
    rf"(?:{_WD_RE}\s+)?(?:the\s+)?(?P<d>\d{{1,2}})\s+(?:of\s+)?(?P<mon>{_MON_RE})"
    r"(?:\s+(?P<y>\d{4}))?"
)
_MON_DAY_RE = re.compile(
    rf"(?:{_WD_RE}\s+)?(?P<mon>{_MON_RE})\s+(?:the\s+)?(?P<d>\d{{1,2}})(?:\s+(?P<y>\d{{4}}))?"
)
_MON_YEAR_RE = re.compile(rf"(?:the\s+month\s+of\s+)?(?P<mon>{_MON_RE})\s+(?:of\s+)?(?P<y>\d{{4}})")
_YEAR_RE = re.compile(r"(?:the\s+)?(?:year\s+)?(?P<y>\d{4})")
_DECADE_RE = re.compile(r"(?:the\s+)?(?P<d>\d{3})0s")
_SEASON_RE = re.compile(
    r"(?:(?P<rel>last|this|next|past|previous)\s+)?(?:the\s+)?"
    r"(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>\d{4}))?"
)
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}


def _year_ok(year: int) -> bool:
    return 1000 <= year <= 2999


def _season_iv(season: str, year: int) -> tuple[date, date]:
    if season == "winter":  # December of the year before to February
        return date(year - 1, 12, 1), _month_end(year, 2)
    first, last = _SEASON_MONTHS[season]
    return date(year, first, 1), _month_end(year, last)


def _day_month(day: int, month: int, year: int | None, pub: date) -> _Res | None:
    if year is not None:
        if not _year_ok(year):
            return None
        found = _safe_date(year, month, day)
        if found is None:
            return None
        return _res(found, found, "absolute-day", "day", 0.95)
    if _safe_date(2000, month, day) is None:  # impossible in any year ("31 February")
        return None
    for back in range(9):  # most recent occurrence on or before publication
        found = _safe_date(pub.year - back, month, day)
        if found is not None and found <= pub:
            return _res(found, found, "day-month", "day", 0.85)
    return None


def _bare_month(month: int, pub: date) -> tuple[int, int]:
    """A month named without a year: this year's if it has begun, else last year's."""
    return (pub.year, month) if month <= pub.month else (pub.year - 1, month)


def _point(s: str, pub: date, ctx: _Ctx) -> _Res | None:
    if s in _REL_DAY:
        day = pub + timedelta(days=_REL_DAY[s])
        return _res(day, day, "relative-day", "day", 0.95, future=_REL_DAY[s] > 0)

    m = _ISO_RE.fullmatch(s)
    if m:
        year, month, day = (int(g) for g in m.groups())
        return _day_month(day, month, year, pub) if 1 <= month <= 12 else None
    m = _NUMERIC_RE.fullmatch(s)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if y < 100:
            y += 2000 if y <= (pub.year % 100) + 1 else 1900
        # day-first (the usage of most conflict reporting), month-first when that is impossible
        found = _safe_date(y, b, a) or _safe_date(y, a, b)
        return _res(found, found, "absolute-day", "day", 0.8) if found else None

    m = _DAY_MON_RE.fullmatch(s) or _MON_DAY_RE.fullmatch(s)
    if m:
        year = int(m.group("y")) if m.group("y") else None
        return _day_month(int(m.group("d")), _MONTHS[m.group("mon")], year, pub)

    m = _MON_YEAR_RE.fullmatch(s)
    if m:
        year = int(m.group("y"))
        if not _year_ok(year):
            return None
        first, last = _month_iv(year, _MONTHS[m.group("mon")])
        return _res(first, last, "absolute-month", "month", 0.95)

    m = _WEEKDAY_RE.fullmatch(s)
    if m:
        return _weekday(_WEEKDAYS[m.group("wd")], m.group("rel"), pub)

    m = _REL_PERIOD_RE.fullmatch(s)
    if m:
        return _rel_period(m.group("pre"), m.group("rel"), m.group("what"), pub)
    if _WEEKEND_RE.fullmatch(s):
        return _weekend(pub, include_current=True)

    m = _MONTH_REL_RE.fullmatch(s)
    if m:
        return _named_month(_MONTHS[m.group("mon")], m.group("rel"), m.group("yrel"), pub)

    m = _YEAR_RE.fullmatch(s)
    if m:
        year = int(m.group("y"))
        if not _year_ok(year):
            return None
        return _res(date(year, 1, 1), date(year, 12, 31), "absolute-year", "year", 0.9)

    m = _DECADE_RE.fullmatch(s)
    if m:
        start = int(m.group("d")) * 10
        if not _year_ok(start):
            return None
        return _res(date(start, 1, 1), date(start + 9, 12, 31), "absolute-decade", "decade", 0.8)

    m = _SEASON_RE.fullmatch(s)
    if m and (m.group("rel") or m.group("y") or m.group("s") != "fall"):
        return _season(m.group("s"), m.group("rel"), m.group("y"), pub)

    return _contextual(s, pub, ctx)


def _weekday(wd: int, rel: str | None, pub: date) -> _Res:
    back = (pub.weekday() - wd) % 7
    if rel in ("last", "past", "previous"):
        back = back or 7
        day = pub - timedelta(days=back)
        return _res(day, day, "relative-weekday", "day", 0.85)
    if rel in ("next", "coming"):
        ahead = (wd - pub.weekday()) % 7 or 7
        day = pub + timedelta(days=ahead)
        return _res(day, day, "relative-weekday", "day", 0.8, future=True)
    if rel == "this":
        day = pub - timedelta(days=pub.weekday()) + timedelta(days=wd)
        return _res(day, day, "relative-weekday", "day", 0.8, future=day > pub)
    # "on Sunday", "early Sunday": the most recent one, publication day included
    day = pub - timedelta(days=back)
    return _res(day, day, "relative-weekday", "day", 0.9)


def _weekend(pub: date, *, include_current: bool) -> _Res:
    saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
    if not include_current and saturday + timedelta(days=1) >= pub:
        saturday -= timedelta(days=7)
    return _res(saturday, saturday + timedelta(days=1), "relative-weekend", "week", 0.8)


def _rel_period(pre: str | None, rel: str, what: str, pub: date) -> _Res | None:
    if rel == "this past":
        rel = "past"
    if what == "weekend":
        if rel in ("next", "coming"):
            sat = pub + timedelta(days=(5 - pub.weekday()) % 7 or 7)
            return _res(sat, sat + timedelta(days=1), "relative-weekend", "week", future=True)
        return _weekend(pub, include_current=rel == "this")
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[rel]
    if what == "week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(days=7 * step)
        first, last = monday, monday + timedelta(days=6)
    elif what == "month":
        year, month = _add_months(pub.year, pub.month, step)
        first, last = _month_iv(year, month)
    else:
        first, last = date(pub.year + step, 1, 1), date(pub.year + step, 12, 31)
    res = _res(first, last, f"relative-{what}", what, 0.9, future=step > 0)
    return _apply_modifier(pre, res, pub) if pre else res


def _named_month(month: int, rel: str | None, yrel: str | None, pub: date) -> _Res:
    if yrel is not None:
        year = pub.year + {"last": -1, "this": 0, "next": 1}[yrel]
    elif rel in ("last", "past", "previous"):  # most recent one before the current month
        year = pub.year if month < pub.month else pub.year - 1
    elif rel in ("next", "coming"):
        year = pub.year if month > pub.month else pub.year + 1
    elif rel == "this":
        year = pub.year
    else:
        year = _bare_month(month, pub)[0]
    first, last = _month_iv(year, month)
    rule = "relative-month-name" if (rel or yrel) else "month-name"
    return _res(first, last, rule, "month", 0.9 if (rel or yrel) else 0.8, future=first > pub)


def _season(season: str, rel: str | None, year_text: str | None, pub: date) -> _Res | None:
    if year_text:
        year = int(year_text)
        if not _year_ok(year):
            return None
        first, last = _season_iv(season, year)
        return _res(first, last, "absolute-season", "season", 0.85)
    year = pub.year + (1 if season == "winter" and pub.month == 12 else 0)
    first, last = _season_iv(season, year)
    if rel in ("last", "past", "previous"):
        while last >= pub:
            first, last = _season_iv(season, first.year + (1 if season == "winter" else 0) - 1)
    elif rel == "next":
        while first <= pub:
            first, last = _season_iv(season, last.year + 1)
        return _res(first, last, "relative-season", "season", 0.8, future=True)
    elif first > pub:  # "this summer" before summer: future
        return _res(first, last, "relative-season", "season", 0.7, future=True)
    return _res(first, last, "relative-season", "season", 0.8)


# ---------------------------------------------------------------------------------------
# expressions that refer to earlier text

_SAME_RE = re.compile(
    r"(?:the\s+)?(?P<which>same|that|very same)\s+(?P<what>day|week|month|year|time)"
)
_NEXTPREV_RE = re.compile(
    r"(?:the\s+)?(?P<which>next|following|previous|preceding|subsequent)\s+"
    r"(?P<what>day|week|month|year)"
)
_DAY_AFTER_RE = re.compile(r"the\s+day\s+(?P<which>before|after)")
_LATER_RE = re.compile(
    rf"{_QUAL_RE}(?P<n>{_NUM_RE})\s+(?P<u>{_UNIT_RE})\s+(?P<dir>later|earlier|afterwards|after)"
)


def _contextual(s: str, pub: date, ctx: _Ctx) -> _Res | None:
    m = _SAME_RE.fullmatch(s)
    if m:
        what = m.group("what")
        if what == "month" and ctx.last_month:
            first, last = _month_iv(*ctx.last_month)
            return _res(first, last, "same-month", "month", 0.8)
        if what == "year" and ctx.last_year:
            y = ctx.last_year
            return _res(date(y, 1, 1), date(y, 12, 31), "same-year", "year", 0.8)
        if what in ("day", "time") and ctx.last_day:
            return _res(ctx.last_day, ctx.last_day, "same-day", "day", 0.75)
        if what == "week" and ctx.last_day:
            monday = ctx.last_day - timedelta(days=ctx.last_day.weekday())
            return _res(monday, monday + timedelta(days=6), "same-week", "week", 0.75)
        return None
    m = _NEXTPREV_RE.fullmatch(s) or _DAY_AFTER_RE.fullmatch(s)
    if m:
        which = m.group("which")
        step = -1 if which in ("previous", "preceding", "before") else 1
        what = m.groupdict().get("what") or "day"
        return _shifted(what, step, ctx)
    m = _LATER_RE.fullmatch(s)
    if m:
        count = _number(m.group("n"))
        if count is None or count[1]:
            return None
        step = -count[0] if m.group("dir") == "earlier" else count[0]
        return _shifted(_unit(m.group("u")), step, ctx, rule="relative-to-previous")
    return None


def _shifted(what: str, step: int, ctx: _Ctx, rule: str = "next-previous") -> _Res | None:
    if what in _UNIT_DAYS and ctx.last_day:
        day = ctx.last_day + timedelta(days=step * _UNIT_DAYS[what])
        if what == "day":
            return _res(day, day, rule, "day", 0.7)
        return _res(day - timedelta(days=3), day + timedelta(days=3), rule, "week", 0.6)
    if what == "month" and ctx.last_month:
        first, last = _month_iv(*_add_months(*ctx.last_month, step))
        return _res(first, last, rule, "month", 0.7)
    if what == "year" and ctx.last_year:
        y = ctx.last_year + step
        return _res(date(y, 1, 1), date(y, 12, 31), rule, "year", 0.7)
    return None


# ---------------------------------------------------------------------------------------
# relative spans counted back from publication

_AGO_RE = re.compile(rf"{_QUAL_RE}(?P<n>{_NUM_RE})\s+(?P<u>{_UNIT_RE})\s+ago")
_PAST_N_RE = re.compile(
    r"(?:(?:over|in|during|within|throughout|for)\s+)?(?:the|this)\s+"
    rf"(?P<rel>past|last|previous|preceding)\s+(?:(?P<n>{_NUM_RE})\s+)?(?P<u>{_UNIT_RE})"
    r"(?:\s+or\s+so)?"
)
_RECENT_RE = re.compile(r"(?:in\s+)?(?:recent|the\s+recent)\s+(?P<u>days|weeks|months|years)")
_RECENT_SPAN = {
    "days": (7, "day"),
    "weeks": (4, "week"),
    "months": (3, "month"),
    "years": (3, "year"),
}
_FOR_RE = re.compile(
    rf"for\s+(?:the\s+(?P<rel>past|last|previous)\s+)?{_QUAL_RE}(?:(?P<n>{_NUM_RE})\s+)?"
    rf"(?P<u>{_UNIT_RE})(?:\s+(?P<now>now|already|so far|and counting))?"
)
_DURATION_RE = re.compile(rf"{_QUAL_RE}(?:(?P<n>{_NUM_RE})\s+)?(?P<u>{_UNIT_RE})")


def _ago(m: re.Match[str], pub: date) -> _Res | None:
    count = _number(m.group("n"))
    if count is None:
        return None
    n, vague = count
    unit = _unit(m.group("u"))
    qual = m.group("qual") or ""
    if vague:  # "a few days ago": between 2n and 1 units back
        first, last = _minus(pub, 2 * n, unit), _minus(pub, 1, unit)
        return _res(first, last, "ago", unit, 0.6)
    if qual in ("over", "more than", "just over", "well over"):
        first, last = _minus(pub, n + 1, unit), _minus(pub, n, unit)
        return _res(first, last, "ago", unit, 0.65)
    if qual in ("nearly", "almost", "less than", "under"):
        first, last = _minus(pub, n, unit), _minus(pub, max(n - 1, 0), unit)
        return _res(first, last, "ago", unit, 0.65)
    center = _minus(pub, n, unit)
    if unit == "day" and not qual:
        return _res(center, center, "ago", "day", 0.9)
    # "two years ago" is good to about half a unit either way
    half = {"day": 1, "week": 3, "fortnight": 7, "month": 15, "year": 182, "decade": 1826}[unit]
    first, last = center - timedelta(days=half), min(center + timedelta(days=half), pub)
    return _res(first, last, "ago", unit, 0.75)


def _counted_back(m: re.Match[str], pub: date) -> _Res | None:
    count = _number(m.group("n"))
    if count is None:
        return None
    unit = _unit(m.group("u"))
    first = _minus(pub, count[0], unit)
    return _res(first, pub, "past-n", "range", 0.85)


def _for(m: re.Match[str], pub: date) -> _Res | None:
    count = _number(m.group("n")) if m.group("n") else (1 if m.group("rel") else 2, True)
    if count is None:
        return None
    n, _vague = count
    unit = _unit(m.group("u"))
    if m.group("n") is None and m.group("u").endswith("s") and not m.group("rel"):
        n = 2  # "for years", "for months"
    qual = m.group("qual") or ""
    first = _minus(pub, n, unit)
    if qual in ("over", "more than", "just over", "well over", "at least"):
        # "over two years": a little more than two years back, by up to half a unit
        first = _minus(pub, n, unit) - (_minus(pub, 0, unit) - _minus(pub, 1, unit)) / 2
    if m.group("rel") or m.group("now"):
        return _res(first, pub, "ongoing-for", "range", 0.75)
    return _res(_minus(pub, n, unit), pub, "duration", "range", 0.3)


def _duration(m: re.Match[str], pub: date) -> _Res | None:
    if m.group("n") is None and not m.group("u").endswith("s"):
        return None  # a bare "year" / "month" is not a date
    count = _number(m.group("n")) if m.group("n") else (2, True)
    if count is None:
        return None
    unit = _unit(m.group("u"))
    return _res(_minus(pub, count[0], unit), pub, "duration", "range", 0.3)


def _relative_span(s: str, pub: date) -> _Res | None:
    m = _AGO_RE.fullmatch(s)
    if m:
        return _ago(m, pub)
    m = _PAST_N_RE.fullmatch(s)
    if m:
        return _counted_back(m, pub)
    m = _RECENT_RE.fullmatch(s)
    if m:
        n, unit = _RECENT_SPAN[m.group("u")]
        return _res(_minus(pub, n, unit), pub, "recent", "range", 0.7)
    if s in ("recently", "lately", "in recent times"):
        return _res(pub - timedelta(days=30), pub, "recent", "range", 0.5)
    m = _FOR_RE.fullmatch(s)
    if m:
        return _for(m, pub)
    m = _DURATION_RE.fullmatch(s)
    if m:
        return _duration(m, pub)
    return None


# ---------------------------------------------------------------------------------------
# modifiers, ranges, since

_MOD_RE = re.compile(
    r"(?P<mod>early|earlier|mid|middle|late|later|the\s+(?:beginning|start|end|middle|close)\s+of"
    r"|(?:beginning|start|end|middle)\s+of"
    r"|the\s+(?:first|second|last|latter)\s+(?:half|part|days|weeks|week)\s+of)"
    r"\s*(?:-\s*)?(?:on\s+|in\s+)?(?:the\s+)?(?P<rest>.+)"
)


def _thirds(res: _Res, which: int) -> tuple[date, date]:
    """The first (0), middle (1) or last (2) third of an interval."""
    first, last = res.earliest, res.latest
    if res.gran == "month":
        lo = first.replace(day=(1, 11, 21)[which])
        hi = last if which == 2 else first.replace(day=(10, 20)[which])
        return lo, hi
    if res.gran == "year":
        y = first.year
        return date(y, 4 * which + 1, 1), _month_end(y, 4 * which + 4)
    days = (last - first).days + 1
    cut1, cut2 = days // 3, days - days // 3
    bounds = ((0, cut1 - 1), (cut1, cut2 - 1), (cut2, days - 1))[which]
    return first + timedelta(days=bounds[0]), first + timedelta(days=bounds[1])


def _apply_modifier(mod: str, base: _Res, pub: date) -> _Res | None:
    mod = re.sub(r"\s+", " ", mod)
    if base.gran == "day" or (base.latest - base.earliest).days < 2:
        return base._replace(rule=base.rule + "+modifier")
    rule = f"modifier-{mod.split()[-2] if ' of' in mod else mod}"
    if mod in ("earlier", "later"):
        if not base.earliest <= pub <= base.latest:
            return base._replace(rule=rule)
        if mod == "earlier":
            return _res(base.earliest, pub, rule, base.gran, 0.85, precision=base.precision)
        if pub >= base.latest:
            return None
        return _res(pub + timedelta(days=1), base.latest, rule, base.gran, 0.8, future=True)
    if "half" in mod:
        if base.gran == "year":
            mid = date(base.earliest.year, 6, 30)
        elif base.gran == "month":
            mid = base.earliest.replace(day=15)
        else:
            mid = base.earliest + timedelta(days=(base.latest - base.earliest).days // 2)
        if "first" in mod:
            first, last = base.earliest, mid
        else:
            first, last = mid + timedelta(days=1), base.latest
    elif mod.startswith("the first") and ("week" in mod or "days" in mod):
        first, last = base.earliest, min(base.earliest + timedelta(days=6), base.latest)
    elif ("last" in mod or "latter" in mod) and ("week" in mod or "days" in mod):
        first, last = max(base.latest - timedelta(days=6), base.earliest), base.latest
    else:
        if mod in ("early",) or any(w in mod for w in ("beginning", "start", "first")):
            which = 0
        elif mod in ("mid", "middle") or "middle" in mod:
            which = 1
        else:  # late, end, close, last, second, latter
            which = 2
        first, last = _thirds(base, which)
    return _res(first, last, rule, "part", min(base.confidence, 0.85), future=first > pub)


_RANGE_RES = (
    re.compile(r"(?:from|between)\s+(?P<a>.+?)\s+(?:to|until|till|through|and|-)\s+(?P<b>.+)"),
    re.compile(r"(?P<a>.+?)\s*(?:-|\bto\b|\buntil\b|\btill\b|\bthrough\b)\s*(?P<b>.+)"),
)
_BARE_DAY_RE = re.compile(r"\d{1,2}")
_DAY_YEAR_RE = re.compile(r"(\d{1,2})\s+(\d{4})")
_TWO_DIGIT_RE = re.compile(r"\d{2}")
_HAS_YEAR_RE = re.compile(r"\b\d{4}\b")


def _range(s: str, pub: date, ctx: _Ctx) -> _Res | None:
    for pattern in _RANGE_RES:
        m = pattern.fullmatch(s)
        if not m:
            continue
        a, b = m.group("a").strip(), m.group("b").strip()
        found = _range_parts(a, b, pub, ctx)
        if found is not None:
            return found
    return None


def _range_parts(a: str, b: str, pub: date, ctx: _Ctx) -> _Res | None:
    day_year = _DAY_YEAR_RE.fullmatch(b)
    if day_year and not _HAS_YEAR_RE.search(a):  # "March 3-5 2016": the year serves both
        a, b = f"{a} {day_year.group(2)}", day_year.group(1)
    right = _resolve(b, pub, ctx)
    if right is None or right.rule.startswith(("duration", "since")):
        # "3 - 5 March"? b may need a's month: "March 3-5"
        left = _resolve(a, pub, ctx)
        if left is None or left.gran != "day" or not _BARE_DAY_RE.fullmatch(b):
            return None
        end = _safe_date(left.earliest.year, left.earliest.month, int(b))
        if end is None or end < left.earliest:
            return None
        return _res(left.earliest, end, "range", "range", 0.9)
    if _BARE_DAY_RE.fullmatch(a):  # "3 and 5 March"
        if right.gran != "day":
            return None
        start = _safe_date(right.earliest.year, right.earliest.month, int(a))
        if start is None:
            return None
        if start > right.earliest:  # "30 - 2 April" -> 30 March
            year, month = _add_months(start.year, start.month, -1)
            start = _safe_date(year, month, int(a))
            if start is None:
                return None
        return _res(start, right.latest, "range", "range", 0.9)
    if _TWO_DIGIT_RE.fullmatch(b) is None and _TWO_DIGIT_RE.fullmatch(a) is not None:
        return None
    left = _resolve(a, pub, ctx)
    if left is None or left.rule.startswith(("duration", "since")):
        return None
    if left.earliest > right.earliest and not _HAS_YEAR_RE.search(a):
        # "from November to January": the November before that January
        left = _resolve(a, right.earliest - timedelta(days=1), ctx)
        if left is None:
            return None
    if left.earliest > right.latest:
        return None
    return _res(left.earliest, right.latest, "range", "range", 0.85, future=right.future)


_YEAR_SPAN_RE = re.compile(r"(?P<a>\d{4})\s*(?:-|/|to)\s*(?P<b>\d{2}|\d{4})")
_SINCE_RE = re.compile(r"(?:ever\s+)?since\s+(?:the\s+)?(?P<rest>.+)")


def _resolve(s: str, pub: date, ctx: _Ctx) -> _Res | None:
    """Resolve a normalised phrase (no clamping)."""
    if not s:
        return None
    m = _SINCE_RE.fullmatch(s)
    if m:
        base = _resolve(m.group("rest"), pub, ctx)
        if base is None or base.earliest > pub or base.rule.startswith("duration"):
            return None
        return _res(base.earliest, pub, "since", "range", min(base.confidence, 0.85))
    found = _point(s, pub, ctx) or _relative_span(s, pub)
    if found is not None:
        return found
    m = _YEAR_SPAN_RE.fullmatch(s)
    if m:
        a, b = int(m.group("a")), m.group("b")
        end = int(b) if len(b) == 4 else (a // 100) * 100 + int(b)
        if _year_ok(a) and _year_ok(end) and a < end:
            return _res(date(a, 1, 1), date(end, 12, 31), "range", "range", 0.85)
        return None
    m = _MOD_RE.fullmatch(s)
    if m:
        rest = m.group("rest")
        if rest in ("month", "week", "year"):  # "the end of the month": the current one
            rest = f"this {rest}"
        base = _resolve(rest, pub, ctx)
        if base is None or base.rule.startswith(("duration", "since", "ongoing", "past-n")):
            return None
        found = _apply_modifier(m.group("mod"), base, pub)
        if found is not None and found.earliest > pub and base.rule == "month-name":
            # "mid-December" written on 5 December: last year's, as past dates are preferred
            year = base.earliest.year - 1
            first, last = _month_iv(year, base.earliest.month)
            found = _apply_modifier(m.group("mod"), base._replace(earliest=first, latest=last), pub)
        return found
    return _range(s, pub, ctx)


# ---------------------------------------------------------------------------------------
# dateparser fallback

_DP_WORDS = frozenset(
    set(_MONTHS)
    | set(_WEEKDAYS)
    | {"today", "yesterday", "tomorrow", "ago", "last", "next", "this", "in", "on", "at"}
    | {"the", "of", "am", "pm", "a.m", "p.m", "gmt", "utc", "noon", "midnight", "and"}
    | {"day", "days", "week", "weeks", "fortnight", "fortnights", "month", "months"}
    | {"year", "years", "hour", "hours", "from", "now", "a", "an", "morning", "evening"}
)
_DP_ANCHORS = frozenset(set(_MONTHS) | set(_WEEKDAYS) | {"today", "yesterday", "tomorrow", "ago"})
_DP_TOKEN_RE = re.compile(r"\d{1,4}(?::\d{2})*|[a-z.]+")


def _dateparser_ok(s: str) -> bool:
    if re.search(r"[a-z]-\d|\d-[a-z]", s):  # "tu-22", "f-16"
        return False
    tokens = s.replace("/", " ").replace("-", " ").split()
    if not tokens or len(tokens) > 8:
        return False
    for token in tokens:
        if not _DP_TOKEN_RE.fullmatch(token):
            return False
        if not token[0].isdigit() and token.rstrip(".") not in _DP_WORDS:
            return False
    return any(t.rstrip(".") in _DP_ANCHORS for t in tokens)


@lru_cache(maxsize=64)
def _date_data_parser(pub: date) -> Any:
    from dateparser.date import DateDataParser

    settings = {
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": datetime(pub.year, pub.month, pub.day),
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    return DateDataParser(languages=["en"], settings=settings)


def _dateparser(s: str, pub: date) -> _Res | None:
    if not _dateparser_ok(s):
        return None
    try:
        data = _date_data_parser(pub).get_date_data(s)
    except Exception:  # dateparser raises on odd input; a failed parse is "not a date"
        return None
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    period = data.period or "day"
    if period == "month":
        first, last = _month_iv(day.year, day.month)
    elif period == "year":
        first, last = date(day.year, 1, 1), date(day.year, 12, 31)
    elif period == "week":
        first, last = day - timedelta(days=day.weekday()), day + timedelta(days=6 - day.weekday())
    else:
        first = last = day
    return _res(first, last, "dateparser", period, 0.6, future=first > pub)


# ---------------------------------------------------------------------------------------
# public API: one phrase


@lru_cache(maxsize=65536)
def _resolve_cached(
    norm: str,
    pub: date,
    last_month: tuple[int, int] | None,
    last_day: date | None,
    last_year: int | None,
) -> _Res | None:
    ctx = _Ctx(last_month, last_day, last_year)
    try:
        found = _resolve(norm, pub, ctx)
    except (ValueError, OverflowError):  # out-of-range arithmetic: not a usable date
        found = None
    if found is None:
        found = _dateparser(norm, pub)
    if found is None:
        return None
    if found.earliest < _MIN_DAY or found.latest > _MAX_DAY or found.earliest > found.latest:
        return None
    if not found.future and found.earliest <= pub < found.latest:
        found = found._replace(latest=pub)
    return found


_CONTEXT_WORDS_RE = re.compile(
    r"\b(?:same|that|following|next|previous|preceding|subsequent|later|earlier|before|after"
    r"|afterwards)\b"
)


def _resolve_norm(norm: str, pub: date, ctx: _Ctx) -> _Res | None:
    if _CONTEXT_WORDS_RE.search(norm):
        return _resolve_cached(norm, pub, ctx.last_month, ctx.last_day, ctx.last_year)
    return _resolve_cached(norm, pub, None, None, None)


def _mention(res: _Res, start: int, end: int, text: str) -> DateMention:
    return DateMention(
        start=start,
        end=end,
        text=text,
        earliest=res.earliest,
        latest=res.latest,
        precision=res.precision,
        rule=res.rule,
        confidence=res.confidence,
    )


def resolve_expression(
    text: str, published: date, *, last_month: tuple[int, int] | None = None
) -> DateMention | None:
    """Resolve one date phrase relative to the publication date; None if it is not a date.

    ``last_month`` is the (year, month) last resolved earlier in the text, for
    "the same month". The mention spans the whole phrase (start=0, end=len(text)).
    """
    if isinstance(published, datetime):
        published = published.date()
    norm = _normalize(text)
    last_year = last_month[0] if last_month else None
    res = _resolve_norm(norm, published, _Ctx(last_month, None, last_year))
    if res is None:
        return None
    return _mention(res, 0, len(text), text)


# ---------------------------------------------------------------------------------------
# finding expressions in text

_MF = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MA = rf"(?:{_MF}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?=\s*\d))"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_D = r"(?:[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_Y = r"(?:1[89]\d\d|20\d\d)(?!\d)"
_N = (
    r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
    r"|twenty|thirty|forty|fifty|a|an|a\s+couple\s+of|couple\s+of|a\s+few|few|several)"
)
_U = r"(?:days?|weeks?|fortnights?|months?|years?|decades?)\b"
_Q = (
    r"(?:(?:just\s+over|well\s+over|over|more\s+than|nearly|almost|about|around|some|roughly"
    r"|approximately|at\s+least|close\s+to|less\s+than|under)\s+)?"
)
_REL = r"(?:last|this|next|past|previous|coming)"
_SEAS = r"(?:spring|summer|autumn|winter)"
_TOD = r"(?:\s+(?:morning|afternoon|evening|night))?"

_ABS_DAY = (
    rf"(?:{_WD},?\s+)?(?:(?:the\s+)?{_D}\s+(?:of\s+)?{_MA}(?:,?\s*{_Y})?"
    rf"|{_MA}\s+{_D}(?:,?\s*{_Y})?)"
)
_MON_YEAR = rf"{_MA},?\s+(?:of\s+)?{_Y}"
_REL_WORDS = (
    r"today|tonight|yesterday(?:\s+(?:morning|afternoon|evening))?|tomorrow|last\s+night"
    r"|this\s+(?:morning|afternoon|evening)|the\s+day\s+(?:before|after)\s+(?:yesterday|tomorrow)"
)
_REL_PERIOD = (
    rf"(?:(?:earlier|later)\s+)?(?:this\s+past|{_REL})\s+(?:week(?:end)?|month|year|{_MF}|{_SEAS}"
    rf"|fall)(?:\s+(?:morning|afternoon|evening|night))?"
)
_MON_REL_YEAR = rf"{_MF}\s+(?:of\s+)?(?:last|this|next)\s+year"
_WEEKDAY = rf"(?:{_REL}\s+)?{_WD}{_TOD}"
_SEASON_YEAR = rf"(?:the\s+)?(?:{_SEAS}|fall)\s+(?:of\s+)?{_Y}"
_DECADE = r"(?:the\s+)?(?:1[89]|20)\d0s\b"
_POINT = (
    rf"(?:{_ABS_DAY}|{_MON_YEAR}|{_MON_REL_YEAR}|{_REL_PERIOD}|{_WEEKDAY}|{_SEASON_YEAR}"
    rf"|{_DECADE}|{_REL_WORDS}|{_MF}|{_Y})"
)
_MOD = (
    r"(?:early|mid|late|(?:the\s+)?(?:beginning|start|end|middle|close)\s+of(?:\s+the)?"
    r"|the\s+(?:first|second|last|latter)\s+(?:half|part|week|days)\s+of(?:\s+the)?)"
)
_MODDED = rf"{_MOD}[\s-]*(?:{_POINT}|(?:month|week|year)\b)"
_PT = rf"(?:{_MODDED}|{_POINT})"
_DATE_PREP_LOOKBEHIND = (
    r"(?:(?<=\bin )|(?<=\bof )|(?<=\bby )|(?<=\buntil )|(?<=\bsince )|(?<=\bduring )"
    r"|(?<=\bfrom )|(?<=\bthrough )|(?<=\bbefore )|(?<=\bafter )|(?<=\bbetween ))"
)
_SCAN_PATTERNS = [
    rf"\b(?:between|from)\s+(?:{_PT}|{_D})\s+(?:and|to|until|till|through|-)\s+{_PT}",
    rf"\b{_D}\s*(?:-|to|and)\s*{_D}\s+(?:of\s+)?{_MA}(?:,?\s*{_Y})?",
    rf"\b{_MA}\s+{_D}\s*-\s*{_D}(?:,?\s*{_Y})?",
    rf"\b{_Y}\s*(?:-|to)\s*(?:{_Y}|\d\d(?!\d))",
    rf"\b{_MF}\s*(?:-|to|until|through)\s*{_MF}(?:,?\s*{_Y})?",
    rf"\b(?:ever\s+)?since\s+(?:the\s+)?{_PT}",
    rf"\bfor\s+(?:the\s+(?:past|last|previous)\s+)?{_Q}(?:{_N}\s+)?{_U}(?:\s+(?:now|already|so\s+far))?",
    rf"\b(?:(?:over|during|within|throughout)\s+)?(?:the|this)\s+(?:past|last|previous|preceding)"
    rf"\s+(?:{_N}\s+)?{_U}",
    r"\b(?:in\s+)?recent\s+(?:days|weeks|months|years)\b",
    rf"\b{_Q}{_N}\s+{_U}\s+(?:ago|earlier|later)\b",
    rf"\b{_Q}{_N}\s+{_U}",
    r"\b(?:the\s+)?(?:same|following|next|previous|preceding)\s+(?:day|week|month|year)\b",
    r"\bthat\s+(?:day|month|year)\b",
    r"\bthe\s+day\s+(?:before|after)\b(?!\s+(?:yesterday|tomorrow))",
    rf"\b{_MODDED}",
    rf"\b(?:{_ABS_DAY}|{_MON_YEAR}|{_MON_REL_YEAR}|{_REL_PERIOD}|{_WEEKDAY}|{_SEASON_YEAR})",
    rf"\b(?:{_DECADE}|{_REL_WORDS})\b",
    r"\d{4}-\d{2}-\d{2}\b",
    r"\b\d{1,2}/\d{1,2}/\d{4}\b",
    rf"{_DATE_PREP_LOOKBEHIND}{_Y}",
]
_SCAN_RES = [re.compile(p, re.IGNORECASE) for p in _SCAN_PATTERNS]
# bare month names: capitalised, and "May"/"March" only after a date preposition
_BARE_MONTH_RES = [
    # a capitalised month name, not followed by a capitalised word ("June Carr" is a name)
    re.compile(
        r"\b(?:January|February|April|June|July|August|September|October|November|December)\b"
        r"(?![ \t]+[A-Z][a-z.])"
    ),
    # any month after a date preposition ("in May", "until March")
    re.compile(rf"{_DATE_PREP_LOOKBEHIND}{_MF}\b"),
]
_PREP_BEFORE_RE = re.compile(
    r"\b(?:in|of|by|until|since|during|from|through|before|after|between|early|late|mid)[\s-]*$",
    re.IGNORECASE,
)
_NOT_YEAR_BEFORE_RE = re.compile(
    r"(?:\b(?:at|ext|no|nos|number|room|route|suite|flight|unit|box|page|p|pp)\.?|#)\s*$",
    re.IGNORECASE,
)
_MONTH_NAMES = frozenset(name.lower() for name in calendar.month_name if name)
# What counts people or things, not a year: "over 2000 fighters", "at least 1200 people"
_COUNT_BEFORE_RE = re.compile(
    r"\b(?:over|around|about|some|nearly|almost|approximately|roughly|than|least|up to)\s+$",
    re.IGNORECASE,
)
_WORD_AFTER_RE = re.compile(r"[ \t]+[A-Za-z]")


def _plausible(text: str, start: int, end: int, norm: str, published: date) -> bool:
    """Filter spaCy's guesses: street numbers are not years, "June Carr" is not June."""
    before = text[max(0, start - 20) : start]
    if norm.isdigit():
        if _COUNT_BEFORE_RE.search(before) and _WORD_AFTER_RE.match(text, end):
            return False  # "over 2000 Al Shabaab crossed", "some 1500 fighters": a count
        if _PREP_BEFORE_RE.search(before):
            return True
        year = int(norm)
        return 1900 <= year <= published.year + 10 and not _NOT_YEAR_BEFORE_RE.search(before)
    if norm in _MONTH_NAMES:
        if _PREP_BEFORE_RE.search(before):
            return True
        piece = text[start:end]
        if not piece[:1].isupper() or norm in ("may", "march"):
            return False
        return re.match(r"[ \t]+[A-Z][a-z.]", text[end : end + 3]) is None
    return True


_ENDS_WORDCHAR_RE = re.compile(r"[\w-]")
_TRIM_LEAD_RE = re.compile(r"^(?:(?:in|on|at|during|of)\s+)+", re.IGNORECASE)


_KEYWORD_RE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday|days?\b|weeks?|weekend|fortnights?|months?|years?|decades?"
    r"|today|tonight|yesterday|tomorrow|night|morning|afternoon|evening|recent"
    r"|spring|summer|autumn|winter|fall|\d{4}|\d{3}0s)",
    re.IGNORECASE,
)
_WINDOW_BEFORE, _WINDOW_AFTER = 90, 60


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around date keywords: the only places a date pattern can match."""
    windows: list[tuple[int, int]] = []
    for m in _KEYWORD_RE.finditer(text):
        start = max(0, m.start() - _WINDOW_BEFORE)
        end = min(len(text), m.end() + _WINDOW_AFTER)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _date_entities(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of spaCy's DATE entities (without building every entity Span)."""
    if not len(doc):
        return []
    array = doc.to_array([ENT_IOB, ENT_TYPE])
    date_hash = doc.vocab.strings["DATE"]
    spans: list[tuple[int, int]] = []
    current: list[int] | None = None
    for i in (array[:, 1] == date_hash).nonzero()[0].tolist():
        token = doc[i]
        if current is not None and current[2] == i - 1 and array[i, 0] != 3:  # 3 = B
            current[1], current[2] = token.idx + len(token), i
            continue
        if current is not None:
            spans.append((current[0], current[1]))
        current = [token.idx, token.idx + len(token), i]
    if current is not None:
        spans.append((current[0], current[1]))
    return spans


def _candidates(doc: Doc, text: str) -> list[tuple[int, int]]:
    spans: set[tuple[int, int]] = set(_date_entities(doc))
    windows = _windows(text)
    for pattern in (*_SCAN_RES, *_BARE_MONTH_RES):
        for w_start, w_end in windows:
            for m in pattern.finditer(text, w_start, w_end):
                start, end = m.span()
                # never inside a longer token ("Tu-22", "A320", "2-5km")
                if start > 0 and _ENDS_WORDCHAR_RE.match(text[start - 1]):
                    continue
                if end < len(text) and (text[end].isalnum() or text[end] == "_"):
                    continue
                spans.add((start, end))
    trimmed: set[tuple[int, int]] = set()
    for start, end in spans:
        piece = text[start:end]
        lead = _TRIM_LEAD_RE.match(piece)
        if lead and lead.end() < len(piece):
            start += lead.end()
            piece = text[start:end]
        stripped = piece.rstrip(" ,.;:'’")
        end = start + len(stripped)
        if end > start:
            trimmed.add((start, end))
    return sorted(trimmed)


def _update_ctx(ctx: _Ctx, res: _Res) -> _Ctx:
    if res.rule.startswith(("duration", "since", "ongoing", "recent", "past-n")):
        return ctx
    first, last = res.earliest, res.latest
    last_month, last_day, last_year = ctx.last_month, ctx.last_day, ctx.last_year
    if (first.year, first.month) == (last.year, last.month):
        last_month = (first.year, first.month)
    if first.year == last.year:
        last_year = first.year
    if first == last:
        last_day = first
    return _Ctx(last_month, last_day, last_year)


def find_dates(doc: Doc, published: date) -> list[DateMention]:
    """Every date expression in ``doc``, sorted by start, offsets into ``doc.text``.

    Candidates are spaCy DATE entities plus the patterns above; overlapping candidates are
    settled longest-first among those that resolve. "The same month" and the like are
    resolved against the previous date in the text. Bare durations are returned with rule
    ``duration`` (see the module docstring).
    """
    if isinstance(published, datetime):
        published = published.date()
    text = doc_text(doc)
    # a context rich enough that contextual phrases count as resolvable while choosing
    probe = _Ctx((published.year, published.month), published, published.year)
    viable: list[tuple[int, int, str]] = []
    for start, end in _candidates(doc, text):
        norm = _normalize(text[start:end])
        if not _plausible(text, start, end, norm, published):
            continue
        if _resolve_norm(norm, published, probe) is not None:
            viable.append((start, end, norm))
    viable.sort(key=lambda c: (c[0] - c[1], c[0]))
    chosen: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for start, end, norm in viable:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        chosen.append((start, end, norm))
    chosen.sort()
    mentions: list[DateMention] = []
    ctx = _NO_CTX
    for start, end, norm in chosen:
        res = _resolve_norm(norm, published, ctx)
        if res is None:
            continue
        mentions.append(_mention(res, start, end, text[start:end]))
        ctx = _update_ctx(ctx, res)
    return mentions


# ---------------------------------------------------------------------------------------
# dating an event

PUBLICATION_PAST_DAYS = 30  # a past-tense report with no date: the month before publication
PUBLICATION_PRESENT_DAYS = 7  # present tense: the week before publication

_CLAUSE_POS = frozenset({"VERB", "AUX"})
_BREAK_OPENERS = frozenset({"today", "presently", "currently", "now", "nowadays", "so far"})
_MODALS = frozenset({"will", "would", "could", "may", "might", "shall", "should", "can", "must"})


def _token_at(doc: Doc, char: int) -> Token | None:
    """The token covering ``char`` (or the next one after it), by binary search."""
    n = len(doc)
    if not n:
        return None
    lo, hi = 0, n - 1
    while lo < hi:  # the last token starting at or before char
        mid = (lo + hi + 1) // 2
        if doc[mid].idx <= char:
            lo = mid
        else:
            hi = mid - 1
    token = doc[lo]
    if token.idx + len(token) <= char and lo + 1 < n:
        return doc[lo + 1]
    return token


def _span_of(doc: Doc, mention: DateMention) -> Span | None:
    return doc.char_span(mention.start, mention.end, alignment_mode="expand")


def _clause_chain(token: Token) -> list[Token]:
    """The verbal ancestors of a token (itself first if it is a verb), up to the root."""
    chain: list[Token] = []
    current = token
    while True:
        if current.pos_ in _CLAUSE_POS:
            chain.append(current)
        if current.head.i == current.i:
            break
        current = current.head
    if not chain:
        chain.append(current)
    return chain


def _tense(trigger: Token) -> str:
    """'past', 'present' or 'modal' for the clause of a trigger word."""
    chain = _clause_chain(trigger)
    for head in chain:
        aux = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in _MODALS for a in aux):
            return "modal"
        if head.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
            return "past"
        if head.tag_ == "VBN" and any(a.lemma_ == "have" for a in aux):
            return "past"
        if head.tag_ == "VBN" and head.dep_ == "ROOT" and not aux:
            return "past"  # a toll without its "were": "2 civilians killed."
        has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children)
        if any(a.tag_ in ("VBZ", "VBP") for a in aux) or (
            head.tag_ in ("VBZ", "VBP") and (has_subject or head.dep_ == "ROOT")
        ):
            return "present"
        # a subjectless "VBP" is usually a bare infinitive ("made aid drops halt")
        if head.tag_ == "MD":
            return "modal"
        # infinitives, gerunds and bare participles take the tense of the clause above
    return "present"


def _since_governs(doc: Doc, date_root: Token, trigger: Token, sent: Span) -> bool:
    """True when a "since" above the date (and not above the trigger) makes it a start."""
    trigger_ancestors = {t.i for t in trigger.ancestors} | {trigger.i}
    for anc in date_root.ancestors:
        if anc.i < sent.start or anc.i >= sent.end:
            break
        if anc.i in trigger_ancestors:
            return False
        if anc.lower_ == "since":
            return trigger.i not in {t.i for t in anc.subtree}
    return False


def _usable(mention: DateMention, published: date) -> bool:
    return not mention.rule.startswith("duration") and mention.earliest <= published


def _synthetic(doc: Doc, trigger_start: int, published: date, rule: str) -> DateMention:
    token = _token_at(doc, trigger_start)
    start = token.idx if token is not None else trigger_start
    text = token.text if token is not None else ""
    days = PUBLICATION_PAST_DAYS if rule == "publication-past" else PUBLICATION_PRESENT_DAYS
    earliest = published - timedelta(days=days)
    return DateMention(
        start=start,
        end=start + len(text),
        text=text,
        earliest=earliest,
        latest=published,
        precision=precision_for(earliest, published),
        rule=rule,
        confidence=0.4 if rule == "publication-past" else 0.5,
    )


def _continues(sent: Span, trigger: Token | None, previous: DateMention, published: date) -> bool:
    """Does this dateless sentence go on with the story of the previous dated one?"""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if not words:
        return False
    opener = words[0].lower_
    pair = f"{opener} {words[1].lower_}" if len(words) > 1 else opener
    if opener in _BREAK_OPENERS or pair in _BREAK_OPENERS:
        return False
    tense = _tense(trigger) if trigger is not None else "present"
    if tense == "past":
        return True
    if tense == "present":  # a present-tense sentence only continues a date reaching now
        return previous.latest >= published - timedelta(days=PUBLICATION_PRESENT_DAYS)
    return False


def date_for_event(
    doc: Doc,
    sent_start: int,
    sent_end: int,
    trigger_start: int,
    dates: list[DateMention],
    paragraph_start: int,
    published: date,
    *,
    allow_previous: bool = True,
) -> tuple[DateMention, str]:
    """Choose the date of an event whose trigger word starts at ``trigger_start``.

    1. ``governing-clause``: a date in the sentence attached in the dependency tree to the
       trigger's clause, or to a clause above or below it (closest in the tree, then in
       tokens); ``sentence``: otherwise the nearest date of the sentence, token-wise.
       A date under a "since" that does not also govern the trigger covers
       ``[date.earliest, published]``.
    2. ``previous-in-paragraph``: the nearest preceding date of the paragraph, when the
       sentence continues its story (past tense, or present tense with a date reaching
       publication; not when it opens with "Today", "Currently", ...).
    3. ``publication-past`` / ``publication-present``: a window ending at publication, of
       30 days (precision 3) for past tense, 7 days (precision 2) otherwise.

    Rules starting with ``duration`` and dates wholly after publication are never chosen.
    """
    if isinstance(published, datetime):
        published = published.date()
    trigger = _token_at(doc, trigger_start)
    sent = doc.char_span(sent_start, sent_end, alignment_mode="expand")
    if sent is None and trigger is not None:
        sent = trigger.sent
    in_sentence = [
        m for m in dates if sent_start <= m.start and m.end <= sent_end and _usable(m, published)
    ]
    if in_sentence and trigger is not None and sent is not None:
        trigger_chain = _clause_chain(trigger)
        trigger_pos = {t.i: k for k, t in enumerate(trigger_chain)}
        best: tuple[tuple[int, int, int], DateMention, Token] | None = None
        for mention in in_sentence:
            span = _span_of(doc, mention)
            if span is None:
                continue
            root = span.root
            date_chain = _clause_chain(root)
            score = (99, 1, abs(root.i - trigger.i))
            for i, head in enumerate(date_chain):
                if head.i in trigger_pos:
                    j = trigger_pos[head.i]
                    score = (i + j, 0 if j == 0 or i == 0 else 1, abs(root.i - trigger.i))
                    break
            if best is None or score < best[0]:
                best = (score, mention, root)
        if best is not None and best[1].rule.startswith("past-n") and best[0][0] > 0:
            # "On 9 May, teachers protested to demand their pay for the past sixteen
            # months": a span a clause below the deed tells how long, not when
            told = [m for m in in_sentence if m.rule.startswith("absolute")]
            if told:
                return min(told, key=lambda m: abs(m.start - trigger_start)), "sentence"
        if best is not None:
            score, mention, root = best
            rule = "governing-clause" if score[1] == 0 and score[0] < 99 else "sentence"
            if _since_governs(doc, root, trigger, sent) and not mention.rule.startswith("since"):
                earliest = mention.earliest
                mention = replace(
                    mention,
                    latest=published,
                    precision=precision_for(earliest, published),
                    rule=f"since+{mention.rule}",
                )
            return mention, rule
    if in_sentence:  # no parse to go by: the nearest one
        nearest = min(in_sentence, key=lambda m: abs(m.start - trigger_start))
        return nearest, "sentence"

    if allow_previous and sent is not None:
        before = [
            m
            for m in dates
            if paragraph_start <= m.start and m.end <= sent_start and _usable(m, published)
        ]
        if before:
            previous = max(before, key=lambda m: m.start)
            if _continues(sent, trigger, previous, published):
                return previous, "previous-in-paragraph"

    tense = _tense(trigger) if trigger is not None else "present"
    rule = "publication-past" if tense == "past" else "publication-present"
    return _synthetic(doc, trigger_start, published, rule), rule
