"""Date mentions in news text, resolved to inclusive day ranges. Standard library only.

``find_dates(text, published)`` finds absolute dates ("Friday 5 May 2017", "June 8",
"05/05/2017", "May 2017", "in 2015", "4-5 May") and relative ones ("on Friday",
"last night", "this morning", "last week", "two days ago"), and resolves each to the
range of days ``first..last`` (inclusive) it denotes.

Resolution policy, chosen for news reports, which mostly describe the past:

* Relative dates are resolved against the publication date. Without one they stay
  unresolved (``first = last = None``) but are still returned, with their text.
* A bare weekday ("on Friday", "Friday evening", "Thursday's vote") is the most recent
  such day on or before publication: a Friday paper's "Friday" is that same day.
* "last Friday" is strictly before publication, "next Friday" strictly after;
  "this Friday" and "Friday this week" are in the publication's ISO week (Mon-Sun).
* "last/this/next week" are ISO weeks (Monday-Sunday), "... weekend" the Saturday and
  Sunday of that ISO week, "... month" and "... year" calendar months and years.
* "N days ago" is one day; "N weeks/months/years ago" is the whole ISO week, calendar
  month or calendar year it falls in, since writers round such phrases.
* A month, or a day and month, without a year ("5 May", "June 8", "in January") takes
  the year that puts it nearest the publication date ("January" in a December article
  is the coming one); "this May" takes the publication year.
* Numeric dates read day first, British style ("05/06/2017" is 5 June); month first
  is used only when day first is impossible ("02/22/2016").
* "early", "mid" and "late" narrow a month or year to its first half, middle half or
  second half (overlapping, because the words are vague); "start of", "middle of" and
  "end of" do the same.
* A day that does not exist ("31 April 2017", "Feb 29" in 2017) is returned unresolved.

Deliberately *not* dates: durations ("five weeks"), day numbers alone ("the 27th", a
floor or an anniversary as often as a date), numeric dates without a year ("4/22",
"7-6": scores and fractions), named days ("Good Friday", "Black Friday": "Good Friday
Agreement" is not a date), newspapers and programmes ("Sunday Times", "Mail on Sunday",
"BBC Radio 4's Today programme", ITV's "This Morning"), and "May" where it is a person
("Theresa May") or a verb ("she may go").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from crosscheck.model import DateMention

__all__ = ["find_dates", "same_day_range"]

DayRange = tuple[dt.date, dt.date]

# ---------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------

# English names, spelled out rather than taken from ``calendar``, whose names follow
# the process locale.
MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
_MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# Month words that are also common English words: lower-case, they are a month only
# with a year ("may 2017") or after "of" ("fourth of may"); otherwise "she may go".
_VERB_MONTHS = frozenset({"may", "march", "mar"})

# Monday is 0, as in ``date.weekday()``.
_WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
# "tues", "weds" and "thurs" are not English words, so they stand alone; "mon", "wed",
# "sat", "sun" are, so abbreviations count only in front of a date ("Wed, 22 Jan").
_WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3, "thur": 3,
    "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
_STANDALONE_WEEKDAY_ABBREVIATIONS = ("tues", "weds", "thurs")

_UNIT_ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
)  # fmt: skip
_ORDINALS: dict[str, int] = {
    **{word: i for i, word in enumerate(_UNIT_ORDINALS, start=1)},
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30}

_COUNT_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

# A capitalised word before a weekday that turns it into a named day, not a date.
_NAMED_DAY_QUALIFIERS = frozenset({
    "good", "black", "cyber", "super", "ash", "easter", "palm", "bloody", "holy", "maundy",
    "shrove", "mothering", "giving",
})  # fmt: skip
# A capitalised word after a weekday that makes it a newspaper or programme title.
_TITLE_AFTER_WEEKDAY = re.compile(
    r"\s+(?:Times|Telegraph|Mirror|Express|Herald|Post|People|Mail|Politics|Sport|"
    r"Independent|Star|World|Record|Review|Sun|Night\s+Live|Brunch|Live)\b"
)
_TITLE_BEFORE_SUNDAY = re.compile(r"\b(?:Mail|Independent)\s+on\s+\Z")

# Words that may stand before a capitalised "May"/"March" that is a month; any other
# capitalised word there makes it a surname ("Theresa May 2017", "Mrs May") unless a
# day follows ("Published May 3, 2013"): then only a title does ("Mrs May 5").
_MONTH_CONTEXT_WORDS = frozenset({
    "in", "on", "of", "the", "and", "or", "to", "until", "till", "since", "by", "from",
    "during", "before", "after", "between", "early", "mid", "late", "last", "next", "this",
    *_WEEKDAYS, *_WEEKDAY_ABBREVIATIONS,
})  # fmt: skip
_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lady", "lord", "minister",
})  # fmt: skip
# After a bare "May", words that show it is the person ("since May took office").
_PERSON_AFTER_NAME = re.compile(
    r"(?:[’']s\b|\s+(?:said|says|told|tells|has|had|is|was|will|would|could|should|can|"
    r"did|does|became|becomes|took|takes|called|calls|announced|insisted|added|warned|"
    r"wants|wanted|met|made|makes|promised|urged|denied|admitted|claimed|hopes|hoped|"
    r"refused|faces|faced|must|might|and\s+(?:her|his))\b)"
)
# A year after one of these words is more likely a count ("rose to 2017.").
_COUNT_CONTEXT_WORDS = frozenset({
    "to", "than", "about", "around", "nearly", "almost", "over", "under", "just", "only",
    "some", "approximately", "total", "number", "with", "were", "was", "are", "is", "be",
    "scored", "reached",
})  # fmt: skip

_TIME_OF_DAY = r"morning|afternoon|evening|night|lunchtime"
# (early | mid | late) groups for narrowing a month or year.
_MODIFIERS: dict[str, str] = {
    "early": "early", "start of": "early", "beginning of": "early",
    "mid": "mid", "middle of": "mid",
    "late": "late", "end of": "late",
}  # fmt: skip

# ---------------------------------------------------------------------------------------
# Regular expressions
# ---------------------------------------------------------------------------------------


def _alternation(words: Iterable[str]) -> str:
    """Regex alternation of literal words, longest first so "sept" beats "sep"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MONTH_WORD = rf"\b(?:{_alternation(MONTHS)}|{_alternation(_MONTH_ABBREVIATIONS)})\b"
# An abbreviation's full stop belongs to the date only when more of the date follows
# ("Oct. 2"); at "second of Aug." it ends the sentence.
_MONTH = rf"(?P<mon>{_MONTH_WORD}(?:\.(?=\s*\d))?)"
_FULL_MONTH = rf"(?P<mon>\b(?:{_alternation(MONTHS)})\b)"

_WEEKDAY_WORD = rf"\b(?:{_alternation(_WEEKDAYS)})\b"
_ANY_WEEKDAY_WORD = rf"\b(?:{_alternation(_WEEKDAYS)}|{_alternation(_WEEKDAY_ABBREVIATIONS)})\b"
# A weekday in front of a date: "Friday 5 May", "Friday, May 5", "Wed, 22 of Jan".
_WEEKDAY_PREFIX = rf"(?:(?P<wd>{_ANY_WEEKDAY_WORD})\.?(?:\s*,\s*|\s+)(?:the\s+)?)?"

_ORDINAL_WORD = (
    rf"\b(?:(?:{_alternation(_TENS)})[\s-]+(?:{_alternation(_UNIT_ORDINALS)})"
    rf"|{_alternation(_ORDINALS)})\b"
)
_DAY_DIGITS = r"(?:3[01]|[12]\d|0?[1-9])"
_SUFFIX = r"(?:st|nd|rd|th)"
# Digits that are not part of a larger number, money or a decimal.
_NOT_AFTER_NUMBER = r"(?<![\w.,/£$€%])(?<!\d-)"
_NOT_BEFORE_NUMBER = r"(?![\d%]|[.,:]\d)"
_YEAR = r"(?P<year>[12]\d{3})\b(?![.,/-]\d)"
# Before a year, a comma or space; without a year, "last year" and the like may follow
# a day and month ("on 5 May last year", "in April last year").
_COMMA = r"(?:\s*,\s*|\s+)"
_YEAR_OR_RELATIVE = rf"(?:{_COMMA}(?:of\s+)?{_YEAR}|\s+(?P<yrel>last|this|next)\s+year\b)?"

_DAY_MONTH = re.compile(
    _WEEKDAY_PREFIX
    + rf"(?:{_NOT_AFTER_NUMBER}(?P<day>{_DAY_DIGITS}){_SUFFIX}?(?P<dot>\.)?"
    + rf"(?:\s*(?:-|–|\s+to\s+)\s*(?P<day2>{_DAY_DIGITS}){_SUFFIX}?)?"
    + rf"|(?P<dword>{_ORDINAL_WORD})(?=\s+of\b))"
    + rf"(?:\s*-\s*|\s+)(?:of\s+)?{_MONTH}"
    + _YEAR_OR_RELATIVE,
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(
    _WEEKDAY_PREFIX
    + _MONTH
    + rf"(?:\s*[-/]\s*|\s+(?:the\s+)?|,\s*(?={_DAY_DIGITS}{_SUFFIX}))"
    + rf"(?:(?P<day>{_DAY_DIGITS}){_SUFFIX}?(?:\s*[-–]\s*(?P<day2>{_DAY_DIGITS}){_SUFFIX}?)?"
    + rf"{_NOT_BEFORE_NUMBER}|(?P<dword>{_ORDINAL_WORD}))"
    + _YEAR_OR_RELATIVE,
    re.IGNORECASE,
)
_ISO = re.compile(
    _WEEKDAY_PREFIX
    + rf"{_NOT_AFTER_NUMBER}(?P<year>[12]\d{{3}})(?P<sep>[-/.])"
    + rf"(?:(?P<month>1[0-2]|0?[1-9])|(?P<mon>{_MONTH_WORD}))"
    + rf"(?P=sep)(?P<day>{_DAY_DIGITS})(?![\w/]|[.,-]\d)",
    re.IGNORECASE,
)
_NUMERIC = re.compile(
    _WEEKDAY_PREFIX
    + rf"{_NOT_AFTER_NUMBER}(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})"
    + r"(?:(?P=sep)|,(?=\d{4}))(?P<year>\d{4}|\d{2})(?![\w/]|[.,-]\d)",
    re.IGNORECASE,
)
_MODIFIER = r"(?P<mod>early|mid|late|(?:the\s+)?(?:start|beginning|middle|end)\s+of)"
_MONTH_YEAR = re.compile(
    rf"(?:{_MODIFIER}[\s-]+)?{_MONTH}{_COMMA}(?:of\s+)?{_YEAR}",
    re.IGNORECASE,
)
_BARE_MONTH = re.compile(
    r"(?:\b(?P<trig>in|since|until|till|during|from|by|before|after|throughout)\s+)?"
    rf"(?:(?P<rel>last|next|this)\s+|{_MODIFIER}[\s-]+)?"
    rf"{_FULL_MONTH}(?!\s*\d)(?:\s+(?P<yrel>last|this|next)\s+year\b)?",
    re.IGNORECASE,
)
_BARE_YEAR = re.compile(
    r"(?:\b(?P<trig>in|since|of|by|during|until|till|from|before|after|throughout)\s+)?"
    r"(?:\b(?P<mod>early|mid|late)[\s-]+)?"
    r"(?<![\w.,£$€/])(?<!\d-)(?P<year>(?:18|19|20)\d{2})\b(?![.,]\d|\s*[-/–]\s*\d|%)",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    r"(?:\b(?P<rel>this\s+past|this\s+coming|last|next|this|past|coming)\s+)?"
    rf"(?P<wd>{_WEEKDAY_WORD}|\b(?:{_alternation(_STANDALONE_WEEKDAY_ABBREVIATIONS)})\b)"
    rf"(?:\s+(?P<tod>{_TIME_OF_DAY})\b|\s+(?:of\s+)?(?P<wkrel>this|next|last)\s+week\b)?",
    re.IGNORECASE,
)
_WEEK_WEEKDAY = re.compile(
    rf"\b(?P<wkrel>this|next|last)\s+week(?:\s+on)?\s+(?P<wd>{_WEEKDAY_WORD})"
    rf"(?:\s+(?P<tod>{_TIME_OF_DAY})\b)?",
    re.IGNORECASE,
)
# "Thursday the 21st", "Saturday the second": the month is the nearest that fits.
_WEEKDAY_THE_DAY = re.compile(
    rf"(?P<wd>{_WEEKDAY_WORD})\s+the\s+"
    rf"(?:(?P<day>{_DAY_DIGITS}){_SUFFIX}\b|(?P<dword>{_ORDINAL_WORD})(?=\s*(?:[^\w\s]|$)))",
    re.IGNORECASE,
)
_RELATIVE_DAY = re.compile(
    r"\b(?:the\s+day\s+(?P<dayrel>before\s+yesterday|after\s+tomorrow)"
    rf"|(?P<word>yesterday|today|tomorrow)(?:\s+(?:{_TIME_OF_DAY})\b)?"
    r"|(?P<tonight>tonight)|(?P<lastnight>last\s+night)"
    r"|(?P<thistod>this\s+(?:morning|afternoon|evening)))\b",
    re.IGNORECASE,
)
_RELATIVE_PERIOD = re.compile(
    r"\b(?P<rel>last|this|next)\s+(?P<unit>week|weekend|month|year)\b", re.IGNORECASE
)
_AGO = re.compile(
    rf"\b(?P<count>\d{{1,3}}|a\s+couple\s+of|{_alternation(_COUNT_WORDS)})\s+"
    r"(?P<unit>day|week|month|year)s?\s+ago\b",
    re.IGNORECASE,
)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+\Z")
# What may follow a year standing alone: punctuation, a possessive, the end.
_AFTER_YEAR = re.compile(r"[,;:!?)]|\.(?:\s|\Z)|[’']s\b|\s*\Z")

# ---------------------------------------------------------------------------------------
# Calendar arithmetic
# ---------------------------------------------------------------------------------------


def _date_or_none(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when that day does not exist (31 April, 29 Feb 2017)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_range(year: int, month: int) -> DayRange:
    last_day = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last_day)


def _shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def _iso_week(day: dt.date, weeks: int = 0) -> DayRange:
    """Monday..Sunday of the ISO week ``weeks`` weeks after the one holding ``day``."""
    monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=weeks)
    return monday, monday + dt.timedelta(days=6)


def _narrow(days: DayRange, modifier: str | None) -> DayRange:
    """First half ("early"), middle half ("mid") or second half ("late") of a range."""
    if modifier is None:
        return days
    first, last = days
    length = (last - first).days + 1
    half = (length + 1) // 2
    kind = _MODIFIERS[re.sub(r"^the\s+|\s+", " ", modifier.lower()).strip()]
    if kind == "early":
        return first, first + dt.timedelta(days=half - 1)
    if kind == "late":
        return last - dt.timedelta(days=half - 1), last
    quarter = dt.timedelta(days=length // 4)
    return first + quarter, last - quarter


def _weekday_relative(published: dt.date, weekday: int, relation: str | None) -> dt.date:
    """Resolve a weekday name against the publication date.

    ``relation`` None: on or before; "last"/"past": strictly before; "next"/"coming":
    strictly after; "this": in the publication's ISO week.
    """
    back = (published.weekday() - weekday) % 7
    if relation is None:
        return published - dt.timedelta(days=back)
    if relation in ("last", "past", "this past"):
        return published - dt.timedelta(days=back or 7)
    if relation in ("next", "coming", "this coming"):
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
    return _iso_week(published)[0] + dt.timedelta(days=weekday)


def _nearest_day_with_weekday(published: dt.date, day: int, weekday: int) -> dt.date | None:
    """The date with day-of-month ``day`` falling on ``weekday`` nearest to publication,
    searching three months either side; past wins a tie."""
    best: dt.date | None = None
    for offset in range(-3, 4):
        year, month = _shift_month(published.year, published.month, offset)
        candidate = _date_or_none(year, month, day)
        if candidate is None or candidate.weekday() != weekday:
            continue
        distance = abs((candidate - published).days)
        if best is None or distance < abs((best - published).days):
            best = candidate
    return best


def _publication_year(published: dt.date | None, relation: str | None) -> int | None:
    """The year of a date written without one: the publication year, moved by "last
    year" / "next year" when given; None when the publication date is unknown."""
    if published is None:
        return None
    return published.year + (_RELATIVE_OFFSETS[relation.lower()] if relation else 0)


def _nearest_year(published: dt.date, month: int) -> int:
    """The year that puts ``month`` nearest the publication month: news writes a month
    without a year for one within months of it ("January" in a December article is the
    coming one, "December" in a January article the one just gone); past wins a tie."""
    here = published.year * 12 + published.month - 1
    return min(
        (published.year - 1, published.year, published.year + 1),
        key=lambda y: (abs(y * 12 + month - 1 - here), y * 12 + month - 1 > here),
    )


def _two_digit_year(year: int) -> int:
    """'17 is 2017, '71 is 1971: a fixed pivot at 50."""
    return 2000 + year if year < 50 else 1900 + year


# ---------------------------------------------------------------------------------------
# Context checks
# ---------------------------------------------------------------------------------------


def _word_before(text: str, position: int) -> str:
    """The word ending just before ``position`` (spaces between allowed); "" when a
    digit or punctuation mark comes first."""
    found = _WORD_BEFORE.search(text, max(0, position - 40), position)
    return found.group(1) if found else ""


def _is_sentence_start(text: str, position: int) -> bool:
    """True when only spaces and opening quotes separate ``position`` from the start of
    the text, a line break or a sentence-ending mark."""
    before = text[max(0, position - 200) : position].rstrip(" \t\"'“”‘’([")
    return not before or before[-1] in ".!?\n"


def _is_title_case_name(text: str, start: int) -> bool:
    """A capitalised word mid-sentence is a title ("BBC Radio 4's Today programme")."""
    return text[start].isupper() and not _is_sentence_start(text, start)


def _month_number(word: str) -> int:
    key = word.rstrip(".").lower()
    return MONTHS.get(key) or _MONTH_ABBREVIATIONS[key]


def _month_word_is_month(text: str, match: re.Match[str], *, has_year: bool, has_day: bool) -> bool:
    """Whether the matched month word is a month, not "may" the verb or "May" the name."""
    word = match.group("mon").rstrip(".")
    if word.lower() not in _VERB_MONTHS:
        return True
    before = _word_before(text, match.start("mon"))
    if word[0].islower():
        return has_year or before.lower() == "of"
    if has_day:
        return before.lower() not in _TITLES
    return not before[:1].isupper() or before.lower() in _MONTH_CONTEXT_WORDS


def _day_number(match: re.Match[str]) -> int | None:
    """The day of month from a ``day`` (digits) or ``dword`` (ordinal word) group."""
    groups = match.groupdict()
    if groups.get("day"):
        return int(groups["day"])
    word = groups.get("dword")
    if not word:
        return None
    parts = re.split(r"[\s-]+", word.lower())
    if len(parts) == 1:
        return _ORDINALS.get(parts[0])
    value = _TENS[parts[0]] + _ORDINALS[parts[1]]
    return value if value <= 31 else None


# ---------------------------------------------------------------------------------------
# Rules: each turns one regex match into a candidate mention, or rejects it (None)
# ---------------------------------------------------------------------------------------


class _Candidate(NamedTuple):
    start: int
    end: int
    days: DayRange | None


# A rule's builder: (match, whole text, publication date) -> candidate, or None to reject.
_Builder = Callable[[re.Match[str], str, dt.date | None], _Candidate | None]


def _whole(match: re.Match[str], days: DayRange | None) -> _Candidate:
    return _Candidate(match.start(), match.end(), days)


def _single_day(day: dt.date | None) -> DayRange | None:
    return (day, day) if day else None


def _day_and_month(match: re.Match[str], text: str, published: dt.date | None) -> _Candidate | None:
    """Day and month, with or without a year and weekday: "5 May 2017", "Friday, May 5",
    "4-5 May" (a range), "fourth of July", "Jan first"."""
    groups = match.groupdict()
    day = _day_number(match)
    if day is None:
        return None
    year_text = groups.get("year")
    if groups.get("dot") and not year_text:
        return None  # "... to 16. May will ..." is a sentence break, not "16. May 2017"
    if not _month_word_is_month(text, match, has_year=bool(year_text), has_day=True):
        return None
    last_day = int(groups["day2"]) if groups.get("day2") else day
    if last_day < day:
        return None
    month = _month_number(groups["mon"])
    if year_text:
        year: int | None = int(year_text)
    elif groups["yrel"] or published is None:
        year = _publication_year(published, groups["yrel"])
    else:
        year = _nearest_year(published, month)
    if year is None:
        return _whole(match, None)
    first, last = _date_or_none(year, month, day), _date_or_none(year, month, last_day)
    return _whole(match, (first, last) if first and last else None)


def _iso_date(match: re.Match[str], text: str, published: dt.date | None) -> _Candidate | None:
    """Year first: "2017-05-05", "2015.5.13", "2019-sep-1"."""
    month = int(match["month"]) if match["month"] else _month_number(match["mon"])
    day = _date_or_none(int(match["year"]), month, int(match["day"]))
    return _whole(match, _single_day(day))


def _numeric_date(match: re.Match[str], text: str, published: dt.date | None) -> _Candidate | None:
    """Numeric with a year: "05/05/2017" (day first), "9-18-15" (month first, as day
    first is impossible). Two-digit years pivot at 50."""
    first, second, year_text = int(match["a"]), int(match["b"]), match["year"]
    if match["sep"] == "." and len(year_text) != 4:
        return None  # "1.5.20" is a version number more often than a date
    year = int(year_text) if len(year_text) == 4 else _two_digit_year(int(year_text))
    if 1 <= second <= 12 and 1 <= first <= 31:
        day, month = first, second
    elif 1 <= first <= 12 and 1 <= second <= 31:
        day, month = second, first
    else:
        return None
    return _whole(match, _single_day(_date_or_none(year, month, day)))


def _month_and_year(
    match: re.Match[str], text: str, published: dt.date | None
) -> _Candidate | None:
    """A whole month: "May 2017", "early May 2017", "the end of May 2017"."""
    if not _month_word_is_month(text, match, has_year=True, has_day=False):
        return None
    days = _month_range(int(match["year"]), _month_number(match["mon"]))
    return _whole(match, _narrow(days, match["mod"]))


def _bare_month(match: re.Match[str], text: str, published: dt.date | None) -> _Candidate | None:
    """A month without a year: "in May", "last May", "early June", "since April".

    Only capitalised, and only after a preposition, "last/next/this" or a modifier, so
    "Theresa May" and "April said" are not months. The year is the one that puts the
    month nearest the publication date ("this May": the publication year); "last May"
    is the latest May before the publication month, "next May" the first after it.
    """
    month_word, trigger, relation = match["mon"], match["trig"], match["rel"]
    if not month_word[0].isupper() or not (trigger or relation or match["mod"]):
        return None
    if month_word.lower() in _VERB_MONTHS:
        if (trigger or "").lower() == "by":
            return None  # "a speech by May"
        if trigger and _PERSON_AFTER_NAME.match(text, match.end()):
            return None  # "since May took office"; "last May was" is still a month
        if not _month_word_is_month(text, match, has_year=False, has_day=False):
            return None
    start = match.start("rel" if relation else "mod" if match["mod"] else "mon")
    if published is None:
        return _Candidate(start, match.end(), None)
    month, year = _month_number(month_word), published.year
    relation = (relation or "").lower()
    if match["yrel"]:
        year += _RELATIVE_OFFSETS[match["yrel"].lower()]
    elif relation == "last" and month >= published.month:
        year -= 1
    elif relation == "next" and month <= published.month:
        year += 1
    elif relation not in ("last", "next", "this"):
        year = _nearest_year(published, month)
    return _Candidate(start, match.end(), _narrow(_month_range(year, month), match["mod"]))


def _bare_year(match: re.Match[str], text: str, published: dt.date | None) -> _Candidate | None:
    """A whole year: "in 2015", "since 2010", "mid-2016", "2015's result".

    Years 1800-2099, and only after a preposition or modifier or before punctuation or
    a possessive; not after a word that introduces a count ("rose to 2017."), nor as a
    decade ("the 1930's").
    """
    year_end = match.end("year")
    after = _AFTER_YEAR.match(text, year_end)
    if not (match["trig"] or match["mod"] or after):
        return None
    before = _word_before(text, match.start()).lower()
    if after and after.group().endswith("s") and before == "the":
        return None  # "the 1930's" is a decade
    if not match["trig"] and before in _COUNT_CONTEXT_WORDS:
        return None
    start = match.start("mod") if match["mod"] else match.start("year")
    year = int(match["year"])
    days = (dt.date(year, 1, 1), dt.date(year, 12, 31))
    return _Candidate(start, year_end, _narrow(days, match["mod"]))


def _is_named_weekday(text: str, match: re.Match[str]) -> bool:
    """Whether a weekday is part of a name: "Good Friday", "Sunday Times", "Mail on
    Sunday"."""
    start, end = match.start("wd"), match.end("wd")
    before = _word_before(text, start)
    if before[:1].isupper() and before.lower() in _NAMED_DAY_QUALIFIERS and not match["rel"]:
        return True
    if match["wd"].lower() == "sunday" and _TITLE_BEFORE_SUNDAY.search(text, 0, start):
        return True
    return bool(_TITLE_AFTER_WEEKDAY.match(text, end))


def _weekday_number(word: str) -> int:
    key = word.rstrip(".").lower()
    return _WEEKDAYS[key] if key in _WEEKDAYS else _WEEKDAY_ABBREVIATIONS[key]


_RELATIVE_OFFSETS = {"last": -1, "this": 0, "next": 1}


def _weekday(match: re.Match[str], text: str, published: dt.date | None) -> _Candidate | None:
    """A weekday: "on Friday", "Friday evening", "last Friday", "Friday next week"."""
    if _is_named_weekday(text, match):
        return None
    if published is None:
        return _whole(match, None)
    weekday = _weekday_number(match["wd"])
    if match["wkrel"]:
        monday = _iso_week(published, _RELATIVE_OFFSETS[match["wkrel"].lower()])[0]
        return _whole(match, _single_day(monday + dt.timedelta(days=weekday)))
    relation = re.sub(r"\s+", " ", match["rel"].lower()) if match["rel"] else None
    return _whole(match, _single_day(_weekday_relative(published, weekday, relation)))


def _week_weekday(match: re.Match[str], text: str, published: dt.date | None) -> _Candidate | None:
    """A weekday of a named week: "next week on Friday", "this week Friday"."""
    if published is None:
        return _whole(match, None)
    monday = _iso_week(published, _RELATIVE_OFFSETS[match["wkrel"].lower()])[0]
    return _whole(match, _single_day(monday + dt.timedelta(days=_weekday_number(match["wd"]))))


def _weekday_the_day(
    match: re.Match[str], text: str, published: dt.date | None
) -> _Candidate | None:
    """A weekday and day of month, "Thursday the 21st": the 21st, in the month nearest
    publication (within three months) where it is a Thursday."""
    day = _day_number(match)
    if day is None:
        return None
    if published is None:
        return _whole(match, None)
    found = _nearest_day_with_weekday(published, day, _weekday_number(match["wd"]))
    return _whole(match, _single_day(found))


def _relative_day(match: re.Match[str], text: str, published: dt.date | None) -> _Candidate | None:
    """A day named relative to publication: "yesterday", "today", "tonight", "last
    night", "this morning", "tomorrow evening", "the day before yesterday"."""
    if _is_title_case_name(text, match.start()) or re.match(
        r"\s+(?:programme|program|show)\b", text[match.end() :]
    ):
        return None  # "BBC Radio 4's Today programme", ITV's "This Morning"
    if published is None:
        return _whole(match, None)
    if match["dayrel"]:
        offset = -2 if match["dayrel"].lower().startswith("before") else 2
    elif match["word"]:
        offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[match["word"].lower()]
    else:
        offset = -1 if match["lastnight"] else 0
    return _whole(match, _single_day(published + dt.timedelta(days=offset)))


def _relative_period(
    match: re.Match[str], text: str, published: dt.date | None
) -> _Candidate | None:
    """A period relative to publication: "last week" (from the previous ISO week's
    Monday to the day before: on a weekend "last week" is as often the week just
    ending), "this weekend", "next month", "last year"."""
    if published is None:
        return _whole(match, None)
    offset = _RELATIVE_OFFSETS[match["rel"].lower()]
    unit = match["unit"].lower()
    if unit == "week" and offset == -1:
        monday = _iso_week(published, -1)[0]
        return _whole(match, (monday, max(monday, published - dt.timedelta(days=1))))
    if unit == "week":
        return _whole(match, _iso_week(published, offset))
    if unit == "weekend":
        monday = _iso_week(published, offset)[0]
        return _whole(match, (monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)))
    if unit == "month":
        return _whole(match, _month_range(*_shift_month(published.year, published.month, offset)))
    year = published.year + offset
    return _whole(match, (dt.date(year, 1, 1), dt.date(year, 12, 31)))


def _ago(match: re.Match[str], text: str, published: dt.date | None) -> _Candidate | None:
    """A time ago: "two days ago" (that day), "three weeks ago" (that ISO week), "a
    month ago" (that calendar month), "two years ago" (that calendar year)."""
    if published is None:
        return _whole(match, None)
    count_text = re.sub(r"\s+", " ", match["count"].lower())
    count = 2 if count_text == "a couple of" else _COUNT_WORDS.get(count_text) or int(count_text)
    unit = match["unit"].lower()
    if unit == "day":
        return _whole(match, _single_day(published - dt.timedelta(days=count)))
    if unit == "week":
        return _whole(match, _iso_week(published - dt.timedelta(weeks=count)))
    if unit == "month":
        return _whole(match, _month_range(*_shift_month(published.year, published.month, -count)))
    year = published.year - count
    return _whole(match, (dt.date(year, 1, 1), dt.date(year, 12, 31)))


# What each rule cannot match without, checked first: a month or weekday among the
# text's words, or a cheap search. The rules' optional openings ("in", "Friday,") make
# the regex engine try them at every position of every sentence.
_Trigger = frozenset[str] | re.Pattern[str] | None
_ANY_MONTH = frozenset(MONTHS) | frozenset(_MONTH_ABBREVIATIONS)
_ANY_WEEKDAY = frozenset(_WEEKDAYS) | frozenset(_WEEKDAY_ABBREVIATIONS)
_TRIGGER_WORD = re.compile(r"[a-z]+")
_ASCII_LOOKALIKES = str.maketrans("İıſ\u212a", "Iisk")


def _may_match(trigger: _Trigger, text: str, words: frozenset[str]) -> bool:
    if trigger is None:
        return True
    if isinstance(trigger, frozenset):
        return not trigger.isdisjoint(words)
    return trigger.search(text) is not None


_RULES: tuple[tuple[_Trigger, re.Pattern[str], _Builder], ...] = (
    (_ANY_MONTH, _DAY_MONTH, _day_and_month),
    (_ANY_MONTH, _MONTH_DAY, _day_and_month),
    (re.compile(r"[12]\d{3}[-/.]"), _ISO, _iso_date),
    (re.compile(r"\d[/.-]\d"), _NUMERIC, _numeric_date),
    (_ANY_MONTH, _MONTH_YEAR, _month_and_year),
    (_ANY_MONTH, _BARE_MONTH, _bare_month),
    (re.compile(r"(?:18|19|20)\d\d"), _BARE_YEAR, _bare_year),
    (_ANY_WEEKDAY, _WEEKDAY_THE_DAY, _weekday_the_day),
    (_ANY_WEEKDAY, _WEEK_WEEKDAY, _week_weekday),
    (_ANY_WEEKDAY, _WEEKDAY, _weekday),
    (None, _RELATIVE_DAY, _relative_day),
    (None, _RELATIVE_PERIOD, _relative_period),
    (frozenset({"ago"}), _AGO, _ago),
)

# ---------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------


def _built(
    build: _Builder,
    match: re.Match[str],
    scan: str,
    published: dt.date | None,
) -> _Candidate | None:
    """A rule's reading, or None when it falls off the calendar ("tomorrow" in an
    article dated 9999-12-31, "yesterday" on 0001-01-01)."""
    try:
        return build(match, scan, published)
    except OverflowError:
        return None


def find_dates(text: str, published: dt.date | None = None) -> list[DateMention]:
    """Find date mentions in ``text`` and resolve each to an inclusive day range.

    ``published`` is the article's publication date; relative dates ("Friday",
    "last night") and dates without a year ("5 May") are resolved against it, and are
    returned unresolved (``first = last = None``) when it is None (the default).
    Mentions are sorted by start, never overlap, and satisfy
    ``text[m.start:m.end] == m.text``. Where several readings overlap, the longest
    wins ("Friday 5 May 2017" rather than "Friday" and "5 May 2017").
    """
    # The rules read the text with the four letters that IGNORECASE matches to ASCII
    # ones ("ſunday") replaced, one for one: the words they match are their keys.
    scan = text if text.isascii() else text.translate(_ASCII_LOOKALIKES)
    words = frozenset(_TRIGGER_WORD.findall(scan.lower()))
    candidates = [
        candidate
        for trigger, pattern, build in _RULES
        if _may_match(trigger, scan, words)
        for match in pattern.finditer(scan)
        if (candidate := _built(build, match, scan, published)) is not None
    ]
    # Longest first; at equal length the earlier start, then the earlier rule.
    order = sorted(
        range(len(candidates)),
        key=lambda i: (candidates[i].start - candidates[i].end, candidates[i].start, i),
    )
    taken: list[_Candidate] = []
    for i in order:
        candidate = candidates[i]
        if all(candidate.end <= t.start or candidate.start >= t.end for t in taken):
            taken.append(candidate)
    taken.sort(key=lambda c: c.start)
    return [
        DateMention(
            start=c.start,
            end=c.end,
            text=text[c.start : c.end],
            first=c.days[0] if c.days else None,
            last=c.days[1] if c.days else None,
        )
        for c in taken
    ]


def same_day_range(a: DateMention, b: DateMention) -> bool | None:
    """Whether two mentions can denote the same day: True when their day ranges
    overlap ("4-5 May" and "Friday 5 May 2017"), False when they are disjoint, None
    when either is unresolved (nothing to compare)."""
    if a.first is None or a.last is None or b.first is None or b.last is None:
        return None
    return a.first <= b.last and b.first <= a.last
