"""The number grammar: numbers and vague amounts in running text, as intervals.

Reporters round, hedge and generalise, so every amount becomes an
:class:`~crosscheck.model.Interval` with its hedge kept: "around 200" is [180, 220],
"nearly half a million" is [450000, 500000), "hundreds" is [200, 1000), "more than
half" is (0.5, 1]. How a hedge bends an interval is decided in one place, the tables
right below: :data:`HEDGES` (and :data:`POST_HEDGES`) say which rule a phrase
invokes, :data:`HEDGE_RULES` says what each rule does, :data:`VAGUE` gives the
interval of each vague amount, and :func:`rounding_margin` says how far a round
number may stand from the truth.

Two steps, as elsewhere in crosscheck: :func:`find_amounts` finds what the text
*states* (the number or range as written, its hedge, unit, counted noun and
subject); :func:`find_quantities` turns each into a
:class:`~crosscheck.model.Quantity` with its interval. :func:`parse_number` reads a
string that is one number and nothing else ("twenty-one thousand", "4,000", "2.5bn").

Units. A plain count has unit ``""``. Money keeps its currency sign: "£", "$", "€",
and "C$", "A$", "HK$", "NZ$" for dollars that are not US dollars; values are in whole
currency units (pence and cents are divided by 100). Proportions have unit
``"share"`` and run 0..1 ("12 per cent" is 0.12, "two-thirds" is 2/3).

Deliberately *not* quantities: years ("in 2017", "the 2017 election"), dates ("June
8", "5 May"), times ("7pm", "10:30"), ordinals ("1st", "second"), numbers in names
("Radio 4", "Article 50", "G20", "COVID-19", "Windows 10"), phone numbers, codes
("192.168.1.2", "2017-05-05", "5/17/2018"), numbers glued to other words ("180ml",
"5G", "1960s"), and the pronoun "one" ("one of the few places").

Standard library only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TypeVar

from crosscheck.model import Interval, Quantity

__all__ = [
    "HEDGES",
    "HEDGE_RULES",
    "POST_HEDGES",
    "VAGUE",
    "Amount",
    "Hedge",
    "amount_interval",
    "find_amounts",
    "find_quantities",
    "parse_number",
    "rounding_margin",
    "singular",
]


# =====================================================================================
# The interval rules: every semantic decision about hedges lives in these tables.
# =====================================================================================


class Hedge(StrEnum):
    """How a hedge bends the number it qualifies (N, or the range lo..hi)."""

    BARE = "bare"  # "just 4,000": as the bare number, round numbers widened
    EXACT = "exact"  # "exactly 4,000": [N, N], no widening
    APPROX = "approx"  # "around 200": [0.9 lo, 1.1 hi]
    NEARLY = "nearly"  # "nearly 500": [0.9 lo, hi)
    MORE = "more"  # "more than 200": (lo, inf)
    AT_LEAST = "at_least"  # "at least 200": [lo, inf)
    LESS = "less"  # "fewer than 200": [0, hi)
    AT_MOST = "at_most"  # "up to 200": [0, hi]
    JUST_OVER = "just_over"  # "just over 200": (lo, 1.1 hi]
    RANGE = "range"  # ranges and vague amounts: the stated bounds as they are


#: Share of the value an approximate hedge allows either way ("around 200" = ±10%).
APPROX_SHARE = 0.10
#: Widest share of the value a round number may stand for ("4,000" = ±5% at most).
ROUND_SHARE = 0.05


def _minus(x: float, share: float) -> float:
    return x - share * abs(x)


def _plus(x: float, share: float) -> float:
    return x + share * abs(x)


def _floor(high: float) -> float:
    """The low end of "less than N": counts, money and shares are not negative."""
    return 0.0 if high > 0 else -math.inf


#: Hedge rule → interval, from the stated bounds ``lo..hi`` (equal for one number).
HEDGE_RULES: dict[Hedge, Callable[[float, float], Interval]] = {
    Hedge.EXACT: lambda lo, hi: Interval(lo, hi),
    Hedge.APPROX: lambda lo, hi: Interval(_minus(lo, APPROX_SHARE), _plus(hi, APPROX_SHARE)),
    Hedge.NEARLY: lambda lo, hi: Interval(_minus(lo, APPROX_SHARE), hi, high_open=True),
    Hedge.MORE: lambda lo, hi: Interval(lo, math.inf, low_open=True, high_open=True),
    Hedge.AT_LEAST: lambda lo, hi: Interval(lo, math.inf, high_open=True),
    Hedge.LESS: lambda lo, hi: Interval(_floor(hi), hi, high_open=True),
    Hedge.AT_MOST: lambda lo, hi: Interval(_floor(hi), hi),
    Hedge.JUST_OVER: lambda lo, hi: Interval(lo, _plus(hi, APPROX_SHARE), low_open=True),
}

#: Hedges written before the number, matched case-insensitively, longest first.
HEDGES: dict[str, Hedge] = {
    # as the bare number
    "just": Hedge.BARE,
    "only": Hedge.BARE,
    "a mere": Hedge.BARE,
    "mere": Hedge.BARE,
    "merely": Hedge.BARE,
    # exact: no rounding allowed
    "exactly": Hedge.EXACT,
    "precisely": Hedge.EXACT,
    "equal to": Hedge.EXACT,
    "equals": Hedge.EXACT,
    "equals to": Hedge.EXACT,
    "equaling to": Hedge.EXACT,
    # approximately: ±10%
    "around": Hedge.APPROX,
    "about": Hedge.APPROX,
    "approximately": Hedge.APPROX,
    "approx": Hedge.APPROX,
    "approx.": Hedge.APPROX,
    "roughly": Hedge.APPROX,
    "some": Hedge.APPROX,
    "an estimated": Hedge.APPROX,
    "estimated": Hedge.APPROX,
    "estimated at": Hedge.APPROX,
    "circa": Hedge.APPROX,
    "c.": Hedge.APPROX,
    "ca.": Hedge.APPROX,
    "~": Hedge.APPROX,
    "in the region of": Hedge.APPROX,
    "of the order of": Hedge.APPROX,
    "on the order of": Hedge.APPROX,
    # nearly: a little under N
    "nearly": Hedge.NEARLY,
    "almost": Hedge.NEARLY,
    "close to": Hedge.NEARLY,
    "just under": Hedge.NEARLY,
    "just below": Hedge.NEARLY,
    "just short of": Hedge.NEARLY,
    "just shy of": Hedge.NEARLY,
    "slightly less than": Hedge.NEARLY,
    "slightly fewer than": Hedge.NEARLY,
    "slightly under": Hedge.NEARLY,
    "a little under": Hedge.NEARLY,
    "a little less than": Hedge.NEARLY,
    "not quite": Hedge.NEARLY,
    "nigh on": Hedge.NEARLY,
    # more than N
    "more than": Hedge.MORE,
    "over": Hedge.MORE,
    "above": Hedge.MORE,
    "in excess of": Hedge.MORE,
    "upwards of": Hedge.MORE,
    "north of": Hedge.MORE,
    "well over": Hedge.MORE,
    "well above": Hedge.MORE,
    "greater than": Hedge.MORE,
    "larger than": Hedge.MORE,
    "bigger than": Hedge.MORE,
    "higher than": Hedge.MORE,
    "exceeding": Hedge.MORE,
    "exceed": Hedge.MORE,
    "exceeds": Hedge.MORE,
    "exceeded": Hedge.MORE,
    "surpass": Hedge.MORE,
    "surpassing": Hedge.MORE,
    ">": Hedge.MORE,
    # at least N
    "at least": Hedge.AT_LEAST,
    "no fewer than": Hedge.AT_LEAST,
    "no less than": Hedge.AT_LEAST,
    "not less than": Hedge.AT_LEAST,
    "not fewer than": Hedge.AT_LEAST,
    "a minimum of": Hedge.AT_LEAST,
    "at least or equal to": Hedge.AT_LEAST,
    "greater than or equal to": Hedge.AT_LEAST,
    "more than or equal to": Hedge.AT_LEAST,
    "equal to or more than": Hedge.AT_LEAST,
    "equal to or greater than": Hedge.AT_LEAST,
    "bigger or equal than": Hedge.AT_LEAST,
    "greater or equal than": Hedge.AT_LEAST,
    "higher or equal than": Hedge.AT_LEAST,
    "larger or equal than": Hedge.AT_LEAST,
    ">=": Hedge.AT_LEAST,  # also matches "> =": symbols are tokens
    "≥": Hedge.AT_LEAST,
    # less than N
    "less than": Hedge.LESS,
    "fewer than": Hedge.LESS,
    "under": Hedge.LESS,
    "below": Hedge.LESS,
    "well under": Hedge.LESS,
    "well below": Hedge.LESS,
    "lower than": Hedge.LESS,
    "smaller than": Hedge.LESS,
    "<": Hedge.LESS,
    # at most N
    "at most": Hedge.AT_MOST,
    "no more than": Hedge.AT_MOST,
    "not more than": Hedge.AT_MOST,
    "up to": Hedge.AT_MOST,
    "a maximum of": Hedge.AT_MOST,
    "as many as": Hedge.AT_MOST,
    "as much as": Hedge.AT_MOST,
    "not exceeding": Hedge.AT_MOST,
    "less than or equal to": Hedge.AT_MOST,
    "fewer than or equal to": Hedge.AT_MOST,
    "equal to or less than": Hedge.AT_MOST,
    "equal to or fewer than": Hedge.AT_MOST,
    "less or equal than": Hedge.AT_MOST,
    "lower or equal than": Hedge.AT_MOST,
    "smaller or equal than": Hedge.AT_MOST,
    "<=": Hedge.AT_MOST,
    "≤": Hedge.AT_MOST,
    # a little over N
    "just over": Hedge.JUST_OVER,
    "just above": Hedge.JUST_OVER,
    "just more than": Hedge.JUST_OVER,
    "just in excess of": Hedge.JUST_OVER,
    "slightly more than": Hedge.JUST_OVER,
    "slightly over": Hedge.JUST_OVER,
    "slightly above": Hedge.JUST_OVER,
    "a little over": Hedge.JUST_OVER,
    "a little more than": Hedge.JUST_OVER,
}

#: Hedges written after the number ("200 or more", "100+", "200-odd").
POST_HEDGES: dict[str, Hedge] = {
    "or more": Hedge.AT_LEAST,
    "or more than": Hedge.AT_LEAST,
    "and more": Hedge.AT_LEAST,
    "or over": Hedge.AT_LEAST,
    "and over": Hedge.AT_LEAST,
    "or above": Hedge.AT_LEAST,
    "and above": Hedge.AT_LEAST,
    "or greater": Hedge.AT_LEAST,
    "or greater than": Hedge.AT_LEAST,
    "+": Hedge.AT_LEAST,
    "-plus": Hedge.AT_LEAST,
    "or less": Hedge.AT_MOST,
    "or less than": Hedge.AT_MOST,
    "or fewer": Hedge.AT_MOST,
    "or under": Hedge.AT_MOST,
    "and under": Hedge.AT_MOST,
    "or below": Hedge.AT_MOST,
    "and below": Hedge.AT_MOST,
    "or so": Hedge.APPROX,
    "or thereabouts": Hedge.APPROX,
    "-odd": Hedge.JUST_OVER,
}

#: "less than 5000 or equal": "or equal (to)" closes the open end of a comparison.
_OR_EQUAL = ("or equal", "or equal to")
_INCLUSIVE = {Hedge.MORE: Hedge.AT_LEAST, Hedge.LESS: Hedge.AT_MOST}

#: Vague amounts: no number, only an order of magnitude. The hedge is the phrase.
VAGUE: dict[str, Interval] = {
    "a couple of": Interval(2, 3),
    "a few": Interval(2, 9),
    "a handful of": Interval(2, 9),
    "a handful": Interval(2, 9),
    "several": Interval(3, 9),
    "a dozen": Interval(12, 12),
    "dozens": Interval(24, 100, high_open=True),
    "scores of": Interval(40, 100, high_open=True),
    "hundreds": Interval(200, 1_000, high_open=True),
    "thousands": Interval(2_000, 10_000, high_open=True),
    "tens of thousands": Interval(20_000, 100_000, high_open=True),
    "hundreds of thousands": Interval(200_000, 1_000_000, high_open=True),
    "millions": Interval(2e6, 1e9, high_open=True),
    "tens of millions": Interval(2e7, 1e8, high_open=True),
    "hundreds of millions": Interval(2e8, 1e9, high_open=True),
    "billions": Interval(2e9, 1e12, high_open=True),
    "tens of billions": Interval(2e10, 1e11, high_open=True),
    "hundreds of billions": Interval(2e11, 1e12, high_open=True),
}

#: Vague counts that a multiplier scales: "a few hundred" = [200, 900].
_SCALABLE_VAGUE: dict[str, Interval] = {
    "a few": VAGUE["a few"],
    "several": VAGUE["several"],
    "a couple": VAGUE["a couple of"],
    "a couple of": VAGUE["a couple of"],
}


def rounding_margin(value: float) -> float:
    """How far a bare round number may stand from the truth, in its own unit.

    Reporters round: "4,000" may be 3,800 or 4,200. For an integer with trailing zeros
    the margin is the smaller of half a unit of its last non-zero digit's place and
    ``ROUND_SHARE`` (5%) of the value: 4,000 → 200, 200 → 10, 250 → 5, 2.5e9 → 5e7.
    Numbers that are not round (275, 2.5, 7) get 0: they are taken as exact.
    """
    if value == 0 or not math.isfinite(value) or value != int(value):
        return 0.0
    n, place = abs(int(value)), 1
    while n % 10 == 0:
        n //= 10
        place *= 10
    if place == 1:
        return 0.0
    return min(place / 2, ROUND_SHARE * abs(value))


# =====================================================================================
# Lexicon
# =====================================================================================


def _words(text: str) -> frozenset[str]:
    """A closed word class, written as one string of space-separated words."""
    return frozenset(text.split())


_UNITS = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_NUMBER_WORDS = {**_UNITS, **_TEENS, **_TENS}
#: Scale words after a number ("four thousand", "seventy-five thousands").
_SCALES = {
    "thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6,
    "billion": 1e9, "billions": 1e9, "trillion": 1e12, "trillions": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7, "dozen": 12.0, "dozens": 12.0,
}  # fmt: skip
_HUNDRED = ("hundred", "hundreds")
#: Abbreviated multipliers written after a space ("10 bln"), case-insensitive.
_SPACED_SCALES = {
    "bn": 1e9, "bln": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "trn": 1e12, "tln": 1e12,
}  # fmt: skip
#: Multipliers glued to digits ("4k", "£2.5bn", "10M"), case-sensitive.
_GLUED_SCALES = {
    "k": 1e3, "K": 1e3, "M": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "MM": 1e6,
    "b": 1e9, "B": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12, "tln": 1e12,
}  # fmt: skip
#: Glued multipliers that are only read as such on money ("£10m"; "10m" is ten metres).
_MONEY_GLUED_SCALES = {"m": 1e6, "T": 1e12}

#: Fraction words → denominator. Singular forms take "a"/"one", plurals a numerator.
_FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
}  # fmt: skip
_SINGULAR_FRACTIONS = {w for w in _FRACTIONS if not w.endswith("s")}

_ORDINALS = _words(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
    "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth "
    "hundredth thousandth millionth billionth trillionth"
)

_MONTHS = _words(
    "January February March April May June July August September October November "
    "December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
)

#: Words after which a number is a name or a reference, not an amount ("Radio 4").
_NAME_WORDS = _words(
    "radio channel article articles section sections page pages chapter chapters clause "
    "paragraph para room platform gate route flight figure fig table version season "
    "episode series level tier stage grade act part volume vol item amendment rule "
    "schedule appendix annex junction terminal studio exhibit psalm verse category unit "
    "phase type"
)
#: The same, only when capitalised ("Number 10", "Year 6", "No. 10").
_CAPITAL_NAME_WORDS = frozenset({"Number", "Year", "No", "Nos", "Line", "Bus", "Band"})

#: Last words of street names: "24 Independent Street" is an address.
_STREET_WORDS = _words(
    "Street St Road Rd Avenue Ave Lane Drive Way Place Square Terrace Crescent Close "
    "Boulevard Blvd Court Gardens Row Parade Hill"
)

#: Words before a 4-digit number that make it a year ("in 2017", "since 1997").
_YEAR_WORDS = _words(
    "in since by from until till of before after during to year years early late mid "
    "circa c the this that last next between and summer winter spring autumn"
)

#: Verbs of change: "rose from 200 to 300" is two numbers, not a range.
_CHANGE_WORDS = _words(
    "rose risen rise rises rising fell fallen fall falls falling increased increase "
    "increases increasing decreased decrease decreases dropped drop drops climbed climb "
    "grew grown grow jumped jump cut cuts reduced reduce raised raise went gone up down "
    "slumped soared surged plunged doubled halved tripled shrank shrunk expanded changed "
    "moved revised boosted lifted lowered slashed trimmed swelled upgraded downgraded "
    "increasing growth change"
)

#: Nouns of time: "3 in 10 years" is not a proportion.
_TIME_NOUNS = _words(
    "second seconds minute minutes hour hours day days week weeks month months year "
    "years decade decades century centuries game games match matches"
)

_DETERMINERS = _words(
    "the a an its their his her our your my this that these those all both each every any some no"
)

#: Words that end a noun phrase: function words, auxiliaries, common verbs, adverbs.
_STOP = _words(
    """
    the a an this that these those its their his her our your my some any each every no
    all both either neither such of in on at by for with from to into onto over under above
    below after before since until till during through across against among amongst between
    within without about around near per than via toward towards upon off out up down and
    or but nor so yet as while whereas because if though although when where which who
    whom whose whether then he she it they we you i me him them us is are was were be been
    being am has have had having do does did will would shall should can could may might
    must said says say told according not also only just still even ever never ago twice
    once again already now later earlier each apiece respectively altogether overall
    instead there here what how why more less most least very too out compared against
    lost won took gained got gave made saw left voted elected including beyond behind beside
    besides despite like unlike past inside outside throughout versus vs plus minus
    worldwide nationwide based annually apiece
    """
)
#: Predicates that end a noun phrase ("nine injured last week" counts no weeks) and,
#: as a title-case verb before a number, do not make it part of a name ("Quake Kills 10").
_PREDICATES = _words(
    "dead died killed kills injured injures wounded wounds hurt missing shot arrested "
    "detained evacuated rescued displaced"
)
#: Words that may sit inside a noun phrase but are never its head ("400 extra seats").
_MODIFIERS = _words("more extra additional fewer new other further odd")

#: Auxiliaries and verbs that may stand between a name and its number ("Labour has lost
#: 275"); other function words break the link.
_AUXILIARIES = _words(
    "has have had is are was were will would could should may might must can been be "
    "also already now still just only reportedly"
)
_SUBJECT_VERBS = _words("lost won took gained got gave made saw left said says told voted")
_SUBJECT_BREAKERS = _STOP - _AUXILIARIES - _SUBJECT_VERBS
#: How many amounts back an elided noun is looked for; how many words a name may have.
_ELISION_REACH = 4
_NAME_REACH = 5
#: Words before a noun-less amount that make it an ellipsis of an earlier one.
_ELLIPSIS_WORDS = _words("and or but while whereas than to versus vs , with")
_PRONOUNS = _words("he she it they we i you this that there these those")
_CURRENCY_NOUNS = _words("pound pence penny sterling dollar cent euro")

#: After "one", these make it a pronoun or an idiom ("one of", "one day", "one another").
_ONE_BLOCKERS_BEFORE = _words(
    "the this that which no any every each another such someone anyone no-one last first next"
)
_ONE_IDIOMS = _words("day another way thing hand moment point side time")
_ONE_IDIOMS_ALLOW = frozenset({"last"})  # "one last time"

_IRREGULAR_PLURALS = {
    "people": "people", "police": "police", "staff": "staff", "media": "media",
    "data": "data", "men": "man", "women": "woman", "children": "child",
    "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose", "lives": "life",
    "wives": "wife", "knives": "knife", "halves": "half", "series": "series",
    "species": "species", "news": "news", "crises": "crisis", "analyses": "analysis",
    "personnel": "personnel", "cattle": "cattle", "sheep": "sheep", "aircraft": "aircraft",
    "troops": "troop", "votes": "vote", "euros": "euro",
}  # fmt: skip
#: The plural of each singular the table makes ("child" → "children"), for naming counts.
PLURALS = {one: many for many, one in _IRREGULAR_PLURALS.items() if one != many} | {
    "person": "people"
}
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "’s", "'s")

_TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady"})

# --- currency ------------------------------------------------------------------------

#: Currency written before the number ("£2.5bn", "US$ 150 million", "USD 200").
_CURRENCY_PREFIXES = {
    "£": "£", "$": "$", "€": "€",
    "US$": "$", "US $": "$", "us $": "$", "U.S.$": "$", "U.S. $": "$", "u.s $": "$",
    "u.s. $": "$", "usd$": "$", "USD$": "$",
    "C$": "C$", "C $": "C$", "c $": "C$", "CA$": "C$", "CAD$": "C$", "cad$": "C$",
    "A$": "A$", "AU$": "A$", "AUD$": "A$", "aud$": "A$",
    "HK$": "HK$", "HK $": "HK$", "hk $": "HK$",
    "NZ$": "NZ$", "NZD$": "NZ$", "nzd$": "NZ$",
    "USD": "$", "usd": "$", "GBP": "£", "gbp": "£", "EUR": "€", "eur": "€",
    "CAD": "C$", "AUD": "A$", "HKD": "HK$", "NZD": "NZ$",
    # the code after the sign, as Australian and Asian papers write it ("$US160 million")
    "$US": "$", "$A": "A$", "$NZ": "NZ$", "$HK": "HK$", "$C": "C$",
    # other currencies' signs and codes: "¥500 million", "S$40 million", "Rs 500 crore"
    "¥": "¥", "JPY": "¥", "S$": "S$", "SG$": "S$", "SGD": "S$", "₹": "₹", "Rs": "₹",
    "Rs.": "₹", "INR": "₹", "RM": "RM", "MYR": "RM", "R$": "R$", "BRL": "R$", "₩": "₩",
}  # fmt: skip
_CURRENCY_PREFIX_RE = re.compile(
    r"(?<![A-Za-z.$£€])(?:"
    + "|".join(re.escape(k) for k in sorted(_CURRENCY_PREFIXES, key=len, reverse=True))
    + r")\s?(?=[-−]?\s?[\d.])"
)
#: Currency written after the number: phrase → (unit, divisor to whole units).
_CURRENCY_SUFFIXES: dict[str, tuple[str, float]] = {
    "pounds": ("£", 1), "pound": ("£", 1), "pounds sterling": ("£", 1), "sterling": ("£", 1),
    "pence": ("£", 100), "penny": ("£", 100),
    "dollars": ("$", 1), "dollar": ("$", 1), "us dollars": ("$", 1), "us dollar": ("$", 1),
    "u.s. dollars": ("$", 1), "american dollars": ("$", 1), "cents": ("$", 100),
    "cent": ("$", 100), "canadian dollars": ("C$", 1), "australian dollars": ("A$", 1),
    "hong kong dollars": ("HK$", 1), "new zealand dollars": ("NZ$", 1),
    "euros": ("€", 1), "euro": ("€", 1),
    "usd": ("$", 1), "gbp": ("£", 1), "eur": ("€", 1), "cad": ("C$", 1), "aud": ("A$", 1),
    "hkd": ("HK$", 1), "nzd": ("NZ$", 1), "£": ("£", 1), "$": ("$", 1), "€": ("€", 1),
}  # fmt: skip
#: Glued to the digits only: "50p".
_GLUED_CURRENCY_SUFFIXES = {"p": ("£", 100.0)}

#: Per cent: phrase → noun it implies ("percentage points" are counted as such).
_PERCENT: dict[str, str] = {
    "%": "",
    "per cent": "",
    "percent": "",
    "percents": "",
    "per-cent": "",
    "percentage": "",
    "percentage point": "percentage point",
    "percentage points": "percentage point",
    "percentage-point": "percentage point",
}

# =====================================================================================
# Public types and functions
# =====================================================================================


@dataclass(frozen=True)
class Amount:
    """An amount as the text states it, before the interval rules.

    ``low``/``high`` are the stated bounds in the amount's unit (equal for one number;
    0.12 for "12%", 2.5e9 for "£2.5bn", the table bounds for a vague amount).
    ``rule`` says how the hedge bends them (``None`` for a bare number);
    ``rounding`` is the ± margin a bare round number stands for (see
    :func:`rounding_margin`), already in the unit. ``hedge`` is the hedge phrase as
    written, lower-case ("around", "more than", "hundreds"), "" for none. Offsets are
    ``[start, end)`` into the text given to :func:`find_amounts`.
    """

    start: int
    end: int
    text: str
    low: float
    high: float
    rule: Hedge | None = None
    hedge: str = ""
    unit: str = ""
    noun: str = ""
    subject: str = ""
    rounding: float = 0.0
    low_open: bool = False
    high_open: bool = False


def amount_interval(amount: Amount) -> Interval:
    """The interval an amount stands for, by :data:`HEDGE_RULES`.

    A bare number (or one hedged with "just") is widened by its rounding margin;
    ranges and vague amounts keep their bounds; shares stated at most 1 are capped at 1
    ("more than half" = (0.5, 1], "100%" = [0.95, 1]).
    """
    a = amount
    if a.rule in (None, Hedge.BARE, Hedge.RANGE):
        interval = Interval(a.low - a.rounding, a.high + a.rounding, a.low_open, a.high_open)
    else:
        interval = HEDGE_RULES[a.rule](a.low, a.high)
    if a.unit == "share" and a.high <= 1 and interval.low < 1 < interval.high:
        interval = replace(interval, high=1.0, high_open=False)  # a share is at most all
    return interval


def find_amounts(text: str) -> list[Amount]:
    """Every number and vague amount in ``text``, sorted by start, non-overlapping."""
    return _Scanner(text).scan()


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text`` as an interval with its hedge, unit, noun and subject.

    Sorted by start and non-overlapping; ``Quantity.text == text[start:end]`` covers
    the hedge and the number ("around 200", "£2.5bn", "12 per cent"), not the noun.
    """
    return [
        Quantity(
            start=a.start,
            end=a.end,
            text=a.text,
            interval=amount_interval(a),
            hedge=a.hedge,
            unit=a.unit,
            noun=a.noun,
            subject=a.subject,
        )
        for a in find_amounts(text)
    ]


def parse_number(text: str) -> float | None:
    """The value of a string that is one number and nothing else, else ``None``.

    Digits ("4,000", "2.5"), multipliers ("4k", "2.5bn", "1.2 million"), words
    ("twenty-one thousand", "two hundred and fifty", "half a million") and a sign
    ("minus five", "-3"). No currency, per cent or hedge: see :func:`find_amounts`.
    """
    scanner = _Scanner(text.strip())
    if not scanner.toks:
        return None
    got = scanner.signed_numeral(0)
    if got is None or got[1].end != len(scanner.toks):
        return None
    sign, num = got
    return sign * num.value


def singular(word: str) -> str:
    """A lower-case noun in the singular: votes → vote, cities → city, people → people."""
    w = word.lower()
    if w in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[w]
    if len(w) > 4 and w.endswith("ies") and not w.endswith("series"):
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(_NOT_PLURAL_ENDINGS):
        return w[:-1]
    return w


def _verb_like(word: str) -> bool:
    """An auxiliary, a past form or an adverb: may stand between a name and the verb
    before a number ("Labour has lost", "Labour narrowly won", "Trump won decisively")."""
    return word in _AUXILIARIES or word in _IRREGULAR_PASTS or word.endswith(("ed", "ly"))


#: Past forms that do not end in -ed, of verbs that take a figure ("won 40 seats").
_IRREGULAR_PASTS = frozenset("won lost got took held gave beat drew led ran".split())
#: A preposition that joins a verb to its figure ("won by 4,000 votes", "won with 35
#: percent"): the holder stands before the verb.
_FIGURE_PREPOSITIONS = frozenset(("by", "with"))


def _looks_plural(word: str) -> bool:
    if word in _IRREGULAR_PLURALS:
        return word not in ("series", "species", "news", "data", "media", "staff")
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(_NOT_PLURAL_ENDINGS)
        and word not in _STOP
    )


# =====================================================================================
# Tokens
# =====================================================================================

_TOKEN_RE = re.compile(
    r"""
      (?P<code>\d+(?:\.\d+){2,})                          # 192.168.1.2, 1.2.3: a code
    | (?P<num>
          \d{1,3}(?:,\d{3})+(?![\d])(?:\.\d+)?            # 1,234,567.89
        | \d{1,2}(?:,\d{2})+,\d{3}(?![\d])(?:\.\d+)?      # 12,34,567 (Indian grouping)
        | \d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?![\d])(?:\.\d+)?  # 1 234 567 (thin space)
        | \d{1,3}(?:\x20\d{3})+(?![\d,]|\.\d)             # 40 000
        | \d+(?:\.\d+)?
        | \.\d+
      )
    | (?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)
    | (?P<sym>\S)
    """,
    re.VERBOSE,
)

#: Text that holds digits but no amounts: web addresses, e-mail, phone numbers.
_NOT_AMOUNTS_RE = re.compile(
    r"""
      (?:https?://|www\.)\S+
    | (?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+
    | \+\d[\d\x20().\-/]{6,}\d
    | \(?\b0\d{2,4}\)?[\x20-]\d{3,4}[\x20-]?\d{3,4}\b
    | \b\d{3}-\d{3,4}-\d{4}\b
    """,
    re.VERBOSE,
)
_TIME_AFTER_RE = re.compile(r"\s?(?:[ap]\.?m\b\.?|o['’]clock\b)", re.IGNORECASE)
_SENTENCE_BREAK_RE = re.compile(r"[.!?]['’\"”]?\s|\n")


@dataclass(frozen=True)
class _Tok:
    kind: str  # "num", "word", "sym", "code", "blocked"
    text: str
    low: str
    start: int
    end: int


def _tokenize(text: str) -> list[_Tok]:
    blocked = [(m.start(), m.end()) for m in _NOT_AMOUNTS_RE.finditer(text)]
    toks = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "sym"
        if any(s < m.end() and m.start() < e for s, e in blocked):
            kind = "blocked"
        toks.append(_Tok(kind, m.group(), m.group().lower(), m.start(), m.end()))
    return toks


_V = TypeVar("_V")
_PhraseIndex = dict[str, list[tuple[tuple[str, ...], str, _V]]]


def _index(table: Iterable[tuple[str, _V]]) -> _PhraseIndex[_V]:
    """Phrases by first token, longest first, for :meth:`_Scanner.phrase`."""
    index: _PhraseIndex[_V] = {}
    for key, value in table:
        words = tuple(m.group().lower() for m in _TOKEN_RE.finditer(key))
        index.setdefault(words[0], []).append((words, key, value))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


_HEDGE_INDEX = _index(HEDGES.items())
_POST_INDEX = _index([*POST_HEDGES.items(), *((k, None) for k in _OR_EQUAL)])
_VAGUE_INDEX = _index(VAGUE.items())
_SCALABLE_INDEX = _index(_SCALABLE_VAGUE.items())
_SUFFIX_INDEX = _index(_CURRENCY_SUFFIXES.items())
_PERCENT_INDEX = _index(_PERCENT.items())


# =====================================================================================
# The scanner
# =====================================================================================


@dataclass(frozen=True)
class _Num:
    """A numeral: its value and token span ``[start, end)``."""

    value: float
    start: int
    end: int
    spelled: bool = False  # written (at least partly) in words
    scale: float = 1.0  # the multiplier used ("bn" → 1e9), 1 when none
    fraction: str = ""  # "plural" / "singular" / "bare": a fraction with no multiplier
    digits: str = ""  # the digit token, when the numeral is exactly one such token


@dataclass
class _Val:
    """A numeral with its currency or per cent: one stated value."""

    num: _Num
    start: int
    end: int
    value: float  # in the unit
    unit: str = ""
    divisor: float = 1.0  # written value / divisor = value in the unit (% and pence)
    noun: str = ""  # a noun the unit implies ("percentage point")
    share_ok: bool = True  # a fraction that reads as a proportion


@dataclass
class _Found:
    """An amount under construction, in token indices."""

    start: int
    end: int
    low: float
    high: float
    rule: Hedge | None = None
    hedge: str = ""
    unit: str = ""
    rounding: float = 0.0
    low_open: bool = False
    high_open: bool = False
    noun: str = ""
    subject: str = ""


class _Scanner:
    """Token-level recursive descent over one text. Indices are token positions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = _tokenize(text)
        self.found: list[_Found] = []

    # --- token helpers --------------------------------------------------------------

    def tok(self, k: int) -> _Tok | None:
        return self.toks[k] if 0 <= k < len(self.toks) else None

    def word(self, k: int) -> str:
        """Lower-case text of a word or symbol token, "" past either end."""
        t = self.tok(k)
        return t.low if t is not None and t.kind in ("word", "sym") else ""

    def is_word(self, k: int) -> bool:
        t = self.tok(k)
        return t is not None and t.kind == "word"

    def is_num(self, k: int) -> bool:
        t = self.tok(k)
        return t is not None and t.kind == "num"

    def gap(self, k: int) -> str:
        """The text between token ``k - 1`` and token ``k``."""
        if k <= 0 or k >= len(self.toks):
            return ""
        return self.text[self.toks[k - 1].end : self.toks[k].start]

    def glued(self, k: int) -> bool:
        return 0 < k < len(self.toks) and self.gap(k) == ""

    def near(self, k: int) -> bool:
        """Token ``k`` follows token ``k - 1`` with at most spaces (one line break)."""
        if not 0 < k < len(self.toks):
            return False
        g = self.gap(k)
        return g.strip() == "" and g.count("\n") <= 1

    def capitalised(self, k: int) -> bool:
        t = self.tok(k)
        return t is not None and t.kind == "word" and t.text[0].isupper()

    def phrase(self, k: int, index: _PhraseIndex[_V]) -> tuple[_V, str, int] | None:
        """The longest phrase of ``index`` at token ``k``: (value, key, end)."""
        for words, key, value in index.get(self.word(k), ()):
            n = len(words)
            if all(self.word(k + m) == words[m] and (m == 0 or self.near(k + m)) for m in range(n)):
                return value, key, k + n
        return None

    def sentence_break(self, a: int, b: int) -> bool:
        """A sentence ends between character offsets ``a`` and ``b``."""
        return _SENTENCE_BREAK_RE.search(self.text, a, b) is not None

    # --- numerals -------------------------------------------------------------------

    def _digits(self, k: int) -> float | None:
        t = self.tok(k)
        if t is None or t.kind != "num":
            return None
        if len(t.text) > 1 and t.text[0] == "0" and t.text[1].isdigit():
            return None  # "07", "0800": codes and phone numbers, not amounts
        digits = re.sub(r"[,\s]", "", t.text)
        if len(digits) > 18:
            return None  # a serial number or an identifier, not an amount
        return float(digits)

    def _small(self, k: int, *, digits: bool) -> tuple[float, int, str] | None:
        """A number below 100 at ``k``: (value, end, kind). Kinds: "digits", "unit",
        "teen", "tens", "compound" ("twenty-one", "fifty two")."""
        if self.is_num(k):
            value = self._digits(k)
            if not digits or value is None or value != int(value) or value >= 100:
                return None
            return value, k + 1, "digits"
        w = self.word(k)
        if w in _UNITS:
            return float(_UNITS[w]), k + 1, "unit"
        if w in _TEENS:
            return float(_TEENS[w]), k + 1, "teen"
        if w in _TENS:
            n = k + 1
            if self.word(n) in ("-", "‑") and self.near(n):
                n += 1
            unit = self.word(n)
            if self.near(n) and _UNITS.get(unit, 0) > 0:
                return float(_TENS[w] + _UNITS[unit]), n + 1, "compound"
            return float(_TENS[w]), k + 1, "tens"
        return None

    def _hundreds_tail(self, k: int, and_ok: bool, digits: bool) -> tuple[float, int]:
        """What follows "hundred": "and fifty", "fifteen"; (value, end), (0, k) if none."""
        n = k
        if self.word(n) in ("and", "&") and self.near(n):
            if not and_ok:
                return 0.0, k
            n += 1
        if not self.near(n):
            return 0.0, k
        small = self._small(n, digits=digits)
        if small is None or small[0] == 0:
            return 0.0, k
        after = small[1]
        following = self.word(after)
        if n > k and (following in _HUNDRED or following in _FRACTIONS):
            # "two hundred and three hundred" is two numbers; "one hundred and three
            # quarters" is a mixed fraction, read by the caller
            return 0.0, k
        return small[0], after

    def _group(self, k: int, *, first: bool, and_ok: bool) -> tuple[float, int, bool] | None:
        """A number below 1000 (or any digits when ``first``): (value, end, spelled).

        "a" counts as one before "hundred" or a scale word; a scale word on its own
        stands for one of it ("thousand nine hundred twenty"): then end == k.
        """
        if self.is_num(k):
            value = self._digits(k)
            if value is None or (not first and (value != int(value) or value >= 1000)):
                return None
            end = k + 1
            if self.word(end) in _HUNDRED and self.near(end):
                value *= 100
                tail, end = self._hundreds_tail(end + 1, and_ok, digits=True)
                value += tail
            return value, end, False
        w = self.word(k)
        nxt = self.word(k + 1)
        if w in ("a", "an") and self.near(k + 1) and (nxt == "hundred" or nxt in _SCALES):
            if nxt.endswith("s"):
                return None
            if nxt == "hundred":
                tail, end = self._hundreds_tail(k + 2, and_ok, digits=False)
                return 100 + tail, end, True
            return 1.0, k + 1, True
        if w == "hundred":
            tail, end = self._hundreds_tail(k + 1, and_ok, digits=False)
            return 100 + tail, end, True
        if w in _SCALES and not w.endswith("s"):
            return 1.0, k, True  # a bare scale word: "thousand nine hundred"
        small = self._small(k, digits=False)
        if small is None:
            return None
        value, end, kind = small
        if (
            self.word(end) in _HUNDRED
            and self.near(end)
            and (kind in ("unit", "compound") or (kind == "teen" and value > 10))
            and value > 0
        ):
            tail, end = self._hundreds_tail(end + 1, and_ok, digits=False)
            value = value * 100 + tail
        return value, end, True

    def _scale_at(
        self, k: int, *, digits_before: bool, money: bool, bare: bool = False
    ) -> tuple[float, int] | None:
        """A multiplier at ``k``: (factor, end). ``bare``: the scale word opens the
        number ("thousand nine hundred")."""
        t = self.tok(k)
        if t is not None and t.text in ("-", "‑") and self.glued(k) and self.glued(k + 1):
            nxt = self.tok(k + 1)  # "a two-million-euro haul", "$2.6-million"
            if nxt is not None and nxt.low in _SCALES and nxt.low not in ("dozen", "dozens"):
                return _SCALES[nxt.low], k + 2
            return None
        if t is None or t.kind != "word":
            return None
        if digits_before and self.glued(k):
            factor = _GLUED_SCALES.get(t.text)
            if factor is None and money:
                factor = _MONEY_GLUED_SCALES.get(t.text)
            return (factor, k + 1) if factor else None
        if not bare and not self.near(k):
            return None
        if t.low in _SCALES:
            return _SCALES[t.low], k + 1
        if digits_before and t.low in _SPACED_SCALES:
            return _SPACED_SCALES[t.low], k + 1
        return None

    def _and_fraction(self, k: int) -> tuple[float, int] | None:
        """ "and a half", "and three quarters" after a whole number: (value, end)."""
        if self.word(k) not in ("and", "&") or not self.near(k) or not self.near(k + 1):
            return None
        frac = self._fraction(k + 1)
        if frac is None or frac[2] == "bare":
            return None
        return frac[0], frac[1]

    def _number(self, k: int, *, money: bool, and_ok: bool) -> _Num | None:
        """A whole number from digits, words, or both, with its multipliers."""
        total, last_scale, pos = 0.0, math.inf, k
        spelled, scale_used, first_digits = False, 1.0, self.is_num(k)
        while True:
            group = self._group(pos, first=pos == k, and_ok=and_ok)
            if group is None:
                break
            value, after, group_spelled = group
            if pos != k and self.is_num(pos) and not first_digits:
                break  # "two million 300": digits after words start a new number
            if after > pos:
                mixed = self._and_fraction(after)
                if mixed is not None:
                    value, after = value + mixed[0], mixed[1]
            scale = self._scale_at(
                after, digits_before=self.is_num(after - 1), money=money, bare=after == pos
            )
            if scale is not None and scale[0] < last_scale:
                factor, after = scale
                total += value * factor
                last_scale, pos, scale_used = factor, after, factor
                spelled = spelled or group_spelled or self.is_word(after - 1)
                if factor == 12.0 or self.glued(after - 1):
                    break  # "three dozen", "4k": nothing follows
                mixed = self._and_fraction(pos)
                if mixed is not None:  # "one million and a half"
                    total += mixed[0] * factor
                    pos = mixed[1]
                    break
                rest = self._rest_after_scale(pos, last_scale, money=money, and_ok=and_ok)
                if rest is not None:
                    total += rest.value
                    pos = rest.end
                    break
                continue
            if after == pos:  # a bare scale word that no larger scale follows
                break
            if pos != k and value >= last_scale:
                break  # "thousand thousand"
            total += value
            pos = after
            spelled = spelled or group_spelled
            break
        if pos == k:
            return None
        digits = self.toks[k].text if pos == k + 1 and self.is_num(k) else ""
        return _Num(total, k, pos, spelled, scale_used, digits=digits)

    def _rest_after_scale(
        self, k: int, last_scale: float, *, money: bool, and_ok: bool
    ) -> _Num | None:
        """ "and fifty" / ", two hundred" after a scale word: a smaller number."""
        sep = self.word(k)
        if sep not in ("and", "&", ",") or not and_ok:
            return None
        if sep == "," and not self.is_word(k - 1):
            return None  # "3 million, 200 of them": digits are a new number
        if not self.near(k + 1):
            return None
        rest = self._number(k + 1, money=money, and_ok=and_ok)
        if rest is None or rest.value >= last_scale or (sep == "," and not rest.spelled):
            return None
        return rest

    def _fraction(self, k: int) -> tuple[float, int, str] | None:
        """ "half", "a third", "two-thirds", "three quarters": (value, end, form)."""
        w = self.word(k)
        if w == "half":
            return 0.5, k + 1, "bare"
        if w == "quarter" and self.word(k + 1) in _SCALES:
            return 0.25, k + 1, "bare"  # "quarter million"
        if w in ("a", "an", "one"):
            numerator = 1
        elif (w in _UNITS and _UNITS[w] > 1) or w == "ten":
            numerator = _NUMBER_WORDS[w]
        else:
            return None
        n = k + 1
        if self.word(n) in ("-", "‑") and self.near(n):
            n += 1
        denominator = self.word(n)
        if denominator not in _FRACTIONS or not self.near(n):
            return None
        if (numerator == 1) != (denominator in _SINGULAR_FRACTIONS):
            return None
        form = "singular" if numerator == 1 else "plural"
        return numerator / _FRACTIONS[denominator], n + 1, form

    def _point_decimals(self, k: int) -> tuple[str, int] | None:
        """Digits spoken after "point": "zero three" → "03", "seventy-one" → "71"."""
        digits, pos = "", k
        while self.near(pos):
            w = self.word(pos)
            if w in ("o", "oh"):
                digits, pos = digits + "0", pos + 1
                continue
            part = self._number(pos, money=False, and_ok=False) if w in _NUMBER_WORDS else None
            if part is None or part.value != int(part.value):
                break
            digits, pos = digits + str(int(part.value)), part.end
        return (digits, pos) if digits else None

    def numeral(self, k: int, *, money: bool = False, and_ok: bool = True) -> _Num | None:
        """A numeral at ``k``: digits, words, fractions, multipliers, spoken decimals."""
        frac = self._fraction(k)
        if frac is not None:
            value, end, form = frac
            n = end
            if self.word(n) == "of" and self.near(n):
                n += 1
            if self.word(n) in ("a", "an") and self.near(n):
                n += 1
            scale = self.word(n)
            if scale in _SCALES and not scale.endswith("s") and self.near(n):
                return _Num(value * _SCALES[scale], k, n + 1, True, _SCALES[scale])
            if form != "bare" or self.word(k) == "half":
                return _Num(value, k, end, True, fraction=form)
        if self.word(k) == "point" and self.near(k + 1) and self.word(k + 1) in _NUMBER_WORDS:
            prev = self.tok(k - 1)
            if prev is None or prev.kind == "sym":
                decimals = self._point_decimals(k + 1)
                if decimals is not None:
                    return _Num(float("0." + decimals[0]), k, decimals[1], True)
        num = self._number(k, money=money, and_ok=and_ok)
        if num is None:
            return None
        n = num.end + 1 if self.word(num.end) in ("-", "‑") else num.end
        last = self.word(num.end - 1)
        if (
            self.near(n)
            and self.word(n) in _ORDINALS
            and (last in _NUMBER_WORDS or last in _HUNDRED)
        ):
            return None  # "twenty-first", "twenty second", "one thousand two hundredth"
        spoken_decimal = num.spelled and self.word(k - 1) != "at"  # not "at one point"
        if spoken_decimal and self.word(num.end) == "point" and self.near(num.end):
            decimals = self._point_decimals(num.end + 1)
            if decimals is not None and num.value == int(num.value):
                value = float(f"{int(num.value)}.{decimals[0]}")
                return replace(num, value=value, end=decimals[1])
        return num

    def signed_numeral(
        self, k: int, *, money: bool = False, and_ok: bool = True
    ) -> tuple[float, _Num] | None:
        """A numeral with an optional sign: "minus five", "-3", "negative one"."""
        w = self.word(k)
        sign, n = 1.0, k
        if w in ("minus", "negative") and self.near(k + 1):
            sign, n = -1.0, k + 1
        elif w in ("-", "−") and self.is_num(k + 1) and self.glued(k + 1):
            prev = self.tok(k - 1)
            if prev is None or not self.glued(k) or prev.text in ("(", "<", ">", "=", *"$£€"):
                sign, n = -1.0, k + 1
        num = self.numeral(n, money=money, and_ok=and_ok)
        return (sign, num) if num is not None else None

    # --- one value: numeral with currency or per cent -------------------------------

    def _currency_prefix(self, k: int) -> tuple[str, int] | None:
        t = self.tok(k)
        if t is None:
            return None
        m = _CURRENCY_PREFIX_RE.match(self.text, t.start)
        if m is None:
            return None
        unit = _CURRENCY_PREFIXES[m.group().strip()]
        end = k
        while end < len(self.toks) and self.toks[end].start < m.end():
            end += 1
        return unit, end

    def _unit_after(self, k: int) -> tuple[str, float, str, int] | None:
        """Per cent or currency after a numeral: (unit, divisor, noun, end)."""
        if not self.near(k):
            return None
        percent = self.phrase(k, _PERCENT_INDEX)
        if percent is not None:
            noun, key, end = percent
            if key == "percentage" and self.word(end) in ("point", "points"):
                return None
            return "share", 100.0, noun, end
        t = self.tok(k)
        if t is not None and t.text in ("-", "‑") and self.glued(k) and self.glued(k + 1):
            hyphenated = self.phrase(k + 1, _SUFFIX_INDEX)
            if hyphenated is not None and self.is_word(k + 1):
                (unit, divisor), _, end = hyphenated
                return unit, divisor, "", end  # "a 12-cent dividend"
        if t is not None and self.glued(k):
            if t.text in _GLUED_CURRENCY_SUFFIXES:
                unit, divisor = _GLUED_CURRENCY_SUFFIXES[t.text]
                return unit, divisor, "", k + 1
            if t.low == "pc":
                return "share", 100.0, "", k + 1
        suffix = self.phrase(k, _SUFFIX_INDEX)
        if suffix is not None:
            (unit, divisor), key, end = suffix
            if key in "$£€" and self.is_num(end) and self.near(end):
                return None  # "5 $10 notes": the sign belongs to the next number
            if key in ("pound", "pounds") and any(
                self.word(j).startswith(("weigh", "heav", "lost", "gain")) for j in range(k - 5, k)
            ):
                return None  # "weighing 200 pounds": a weight
            return unit, divisor, "", end
        return None

    def _is_year(self, num: _Num, end: int) -> bool:
        """A bare 4-digit number that is a year: 1000-2099 after "in", "since", "from"
        ...; 1800-2099 anywhere, unless a plural noun follows ("2000 people")."""
        if not re.fullmatch(r"\d{4}", num.digits) or not 1000 <= num.value <= 2099:
            return False
        if self.word(num.start - 1) in _YEAR_WORDS:
            return True
        if num.value < 1800:
            return False
        nxt = self.tok(end)
        plural_noun = (
            nxt is not None
            and nxt.kind == "word"
            and self.near(end)
            and nxt.low not in _STOP
            and _looks_plural(nxt.low)
        )
        return not plural_noun

    def _context_rejects(
        self, num: _Num, start: int, end: int, *, unit: str = "", range_end: bool = False
    ) -> bool:
        """True when the numeral at tokens ``start..end`` is part of something else: a
        word, a code, a date, a time or a year. ``range_end``: the second number of a
        range ("200-300"), which a hyphen may join to the first."""
        first, last = self.tok(num.start), self.tok(end - 1)
        if first is None or last is None or first.kind == "blocked":
            return True
        before, after = self.tok(start - 1), self.tok(end)
        # glued to a word: "G20", "5G", "180ml", "1st", "100’s"
        if before is not None and self.glued(start) and before.kind in ("word", "num", "code"):
            return True
        if after is not None and self.glued(end):
            if after.kind in ("word", "num", "code"):
                return True
            if after.text in ("’", "'") and self.is_word(end + 1) and self.glued(end + 1):
                return True
            # "10:30", "5/17", "3-1", "2017-05-05": a time, a date, a score, a code
            if after.text in (":", "/") and self.is_num(end + 1) and self.glued(end + 1):
                return True
        joiners = (":", "/", ".") if range_end else (":", "/", "-", "‑", ".")
        if before is not None and self.glued(start) and before.text in joiners:
            pre = self.tok(start - 2)
            if (
                pre is not None
                and self.glued(start - 1)
                and pre.kind in ("num", "word", "code")
                and not (before.text in ("-", "‑") and pre.text.lower() == "magnitude")
            ):
                return True  # "10:30", "5/17", "2017-05", "COVID-19", "SCP-173"; not
                # "magnitude-5.2", a measure written as one word
        if before is not None and self.glued(start) and before.text in ("#", "@", "_"):
            return True  # "#10", "@2"
        if num.digits or not num.spelled:
            if _TIME_AFTER_RE.match(self.text, last.end):
                return True  # "7 pm", "7.30am"
            if self.capitalised(start - 1) and self.toks[start - 1].text in _MONTHS:
                return True  # "June 8"
            if (
                before is not None
                and before.text == "."
                and self.glued(start - 1)
                and self.capitalised(start - 2)
                and self.toks[start - 2].text in _MONTHS
            ):
                return True  # "Dec. 27", "Sept. 11"
            nxt = self.tok(end)
            if nxt is not None and self.near(end) and nxt.text.rstrip(".") in _MONTHS:
                return True  # "8 June"
            if not unit and self._is_year(num, end):
                return True
            if self._address_follows(end):
                return True  # "24 Independent Street"
        if not range_end and before is not None and before.text in ("-", "–") and self.near(start):
            pre = self.tok(start - 2)
            if pre is not None and pre.kind == "num" and self.near(start - 1):
                return True  # the second number of a score: "behind 10 - 3"
        return False

    def _address_follows(self, k: int) -> bool:
        n = k
        while self.capitalised(n) and self.near(n) and n < k + 3:
            if self.toks[n].text.rstrip(".") in _STREET_WORDS and n > k:
                return True
            n += 1
        return False

    def value(
        self,
        k: int,
        *,
        hedged: bool = False,
        and_ok: bool = True,
        money: bool = False,
        range_end: bool = False,
    ) -> _Val | None:
        """One stated value at ``k``: [currency] [sign] numeral [per cent | currency].

        ``money``: read glued "m" as million even without a currency sign (the second
        half of "£5-10m"); ``range_end``: the value ends a range.
        """
        unit, divisor, noun = "", 1.0, ""
        prefix = self._currency_prefix(k)
        n = k
        if prefix is not None:
            unit, n = prefix
        signed = self.signed_numeral(n, money=money or bool(unit), and_ok=and_ok)
        if signed is None:
            return None
        sign, num = signed
        if num.fraction and unit:
            return None
        end = num.end
        if not unit and not num.fraction:
            after = self._unit_after(end)
            if after is not None:
                unit, divisor, noun, end = after
        if num.fraction:
            unit = "share"
        if self._context_rejects(num, k, end, unit=unit, range_end=range_end):
            return None
        value = sign * num.value / divisor
        val = _Val(num, k, end, value, unit, divisor, noun)
        if num.fraction:
            val.share_ok = hedged or self._fraction_reads_as_share(num)
        return val

    def _fraction_reads_as_share(self, num: _Num) -> bool:
        """ "half of the vote", "two-thirds", "a third of": yes; "the second half",
        "cut in half", "an hour and a half", "a third term": no."""
        if num.fraction == "plural":
            return True
        prev, nxt = self.word(num.start - 1), self.word(num.end)
        if prev in ("and", "the", "in", "by", "other", "last") or prev in _ORDINALS:
            return False
        if nxt in ("-", "‑") and self.glued(num.end):
            return False  # "half-time"
        if nxt == "of" or nxt in _DETERMINERS - {"a", "an", "no", "some", "any"}:
            return True
        following = self.tok(num.end)
        end_of_clause = following is None or following.kind == "sym"
        return num.fraction == "singular" and end_of_clause

    # --- amounts --------------------------------------------------------------------

    def _changes_before(self, k: int) -> bool:
        """A verb or noun of change shortly before token ``k``: "rose from 200 to 300"."""
        return any(self.word(j) in _CHANGE_WORDS for j in range(max(0, k - 4), k))

    def _ratio(self, val: _Val) -> _Found | None:
        """ "one in five", "nine out of ten": a share."""
        a = val.num
        if val.unit or a.scale != 1.0 or a.value != int(a.value) or a.value < 1:
            return None
        n = val.end
        if self.word(n) == "in" and self.near(n):
            n += 1
        elif self.word(n) == "out" and self.word(n + 1) == "of" and self.near(n + 1):
            n += 2
        else:
            return None
        if not self.near(n):
            return None
        b = self.numeral(n, and_ok=False)
        if b is None or b.fraction or b.value != int(b.value) or not a.value <= b.value:
            return None
        if self._context_rejects(b, n, b.end) or self.word(b.end) in _TIME_NOUNS:
            return None
        share = a.value / b.value
        return _Found(val.start, b.end, share, share, unit="share")

    def _range_end(self, a: _Val, k: int, connector: str) -> tuple[_Val, _Val] | None:
        """The second value of a range, with units and multipliers shared: "£5-10m",
        "20-30%", "between 200 and 300 million". Returns the two values, or None."""
        b = self.value(k, money=bool(a.unit), range_end=True)
        if b is None or b.num.fraction or a.num.fraction:
            return None
        if a.unit and b.unit and (a.unit, a.divisor) != (b.unit, b.divisor):
            return None
        if not a.unit and b.unit:
            a = _Val(a.num, a.start, a.end, a.value / b.divisor, b.unit, b.divisor, b.noun)
        elif a.unit and not b.unit:
            b = _Val(b.num, b.start, b.end, b.value / a.divisor, a.unit, a.divisor, a.noun)
        if b.num.scale > 1 and a.num.scale == 1 and a.value * b.num.scale <= b.value:
            a = replace(a, value=a.value * b.num.scale)  # "5-10m" → 5m-10m
        if not a.value < b.value:
            return None
        if connector == "or" and (b.value > 10 * a.value or self.word(a.start - 1) == "either"):
            return None  # "10 bln or 10 tln" are alternatives, not a range
        return a, b

    def _range_tail(self, a: _Val) -> _Found | bool | None:
        """ "200-300", "200 to 300", "two or three": the range, None, or False when
        a hyphen joins numbers that make no range ("3-1", "2017-05-05")."""
        k = a.end
        connector = self.word(k)
        if connector in ("-", "–", "—", "‑", "~") and (self.glued(k) or self.near(k)):
            if self.phrase(k, _POST_INDEX) is not None:
                return None  # "200-odd", "100-plus"
            nxt = self.tok(k + 1)
            if nxt is None or not (self.near(k + 1)):
                return None
            pair = self._range_end(a, k + 1, connector)
            if pair is None:
                hyphen_chain = nxt.kind in ("num", "code") and self.glued(k + 1)
                return False if hyphen_chain else None
        elif connector in ("to", "through", "or") and self.near(k) and self.near(k + 1):
            if connector == "to" and self._changes_before(a.start):
                return None
            if self.phrase(k, _POST_INDEX) is not None:
                return None
            pair = self._range_end(a, k + 1, connector)
            if pair is None:
                return None
        else:
            return None
        lo, hi = pair
        return _Found(a.start, hi.end, lo.value, hi.value, Hedge.RANGE, unit=lo.unit)

    def _single(self, v: _Val) -> _Found:
        rounding = 0.0 if v.num.fraction else rounding_margin(v.num.value)
        return _Found(
            v.start,
            v.end,
            v.value,
            v.value,
            unit=v.unit,
            rounding=rounding / v.divisor,
            noun=v.noun,
        )

    def _vague(self, k: int) -> _Found | None:
        """ "hundreds", "tens of thousands", "a few", "several hundred"."""
        scalable = self.phrase(k, _SCALABLE_INDEX)
        if scalable is not None:
            interval, key, end = scalable
            factor, n = 1.0, end
            while self.near(n) and (self.word(n) == "hundred" or self.word(n) in _SCALES):
                w = self.word(n)
                if w.endswith("s"):
                    break  # "a few thousands" is not English
                factor *= 100 if w == "hundred" else _SCALES[w]
                n += 1
            if factor > 1:
                return _Found(
                    k, n, interval.low * factor, interval.high * factor, Hedge.RANGE,
                    hedge=key.removesuffix(" of"),
                )  # fmt: skip
        hit = self.phrase(k, _VAGUE_INDEX)
        if hit is None:
            return None
        interval, key, end = hit
        if key.endswith(" of"):
            end -= 1  # the span is the amount; "of" belongs to the noun phrase
        unit = ""
        if self.word(end) == "of" and self.near(end + 1):
            currency = self.phrase(end + 1, _SUFFIX_INDEX)
            if currency is not None and currency[0][1] == 1:
                unit = currency[0][0]  # "millions of pounds"
        return _Found(
            k,
            end,
            interval.low,
            interval.high,
            Hedge.RANGE,
            hedge=key.removesuffix(" of"),
            unit=unit,
            low_open=interval.low_open,
            high_open=interval.high_open,
        )

    def _bare_one_ok(self, v: _Val, hedged: bool) -> bool:
        """ "one" on its own counts only before a counted noun or among numbers:
        "one seat", "one two three"; not "one of the few", "the one", "one day"."""
        if hedged:
            return True
        prev, nxt = self.word(v.start - 1), self.word(v.end)
        if prev in _NUMBER_WORDS or (nxt in _NUMBER_WORDS and self.near(v.end)):
            return True
        if prev in _ONE_BLOCKERS_BEFORE:
            return False
        if not self.is_word(v.end) or not self.near(v.end):
            return False
        if nxt in _ONE_IDIOMS_ALLOW:
            return True
        return nxt not in _STOP and nxt not in _ONE_IDIOMS

    def _post_hedge(self, f: _Found) -> _Found:
        hit = self.phrase(f.end, _POST_INDEX)
        if hit is None or not self.near(f.end):
            return f
        rule, key, end = hit
        if self.value(end) is not None and self.near(end):
            return f  # "5000 or less than 6000": a second amount, not a hedge
        if key == "+" and not self.glued(f.end):
            return f
        if rule is None:  # "or equal (to)"
            if f.rule in _INCLUSIVE:
                return replace(f, rule=_INCLUSIVE[f.rule], end=end)
            return f
        if f.rule not in (None, Hedge.BARE, Hedge.APPROX, Hedge.EXACT):
            return f
        return replace(f, rule=rule, hedge=key.lstrip("-"), end=end, rounding=0.0)

    def _core(self, k: int, hedged: bool) -> _Found | None:
        """An amount at ``k`` without its pre-hedge."""
        vague = self._vague(k)
        if vague is not None:
            return vague
        before = self.tok(k - 1)
        if not hedged and before is not None and self.glued(k) and before.text in ("<", ">", "="):
            return None  # "<>30", "=<30": an operator this grammar does not read
        v = self.value(k, hedged=hedged)
        if v is None:
            return None
        ratio = self._ratio(v)
        if ratio is not None:
            return ratio
        tail = self._range_tail(v)
        if tail is False:
            return None
        if isinstance(tail, _Found):
            return tail
        if v.num.fraction and not v.share_ok:
            return None
        plain_one = v.num.end == v.num.start + 1 and self.word(v.num.start) == "one"
        if plain_one and not v.unit and v.start == v.num.start and not self._bare_one_ok(v, hedged):
            return None
        return self._single(v)

    def _between(self, k: int) -> _Found | None:
        """ "between 200 and 300", "from 200 to 300" (not after a verb of change)."""
        opener = self.word(k)
        closer = {"between": ("and", "-", "–"), "from": ("to", "-", "–")}.get(opener)
        if closer is None or (opener == "from" and self._changes_before(k)):
            return None
        a = self.value(k + 1, and_ok=False)
        if a is None or not self.near(k + 1) or self.word(a.end) not in closer:
            return None
        pair = self._range_end(a, a.end + 1, self.word(a.end))
        if pair is None:
            return None
        lo, hi = pair
        hedge = "between" if opener == "between" else ""
        return _Found(k, hi.end, lo.value, hi.value, Hedge.RANGE, hedge=hedge, unit=lo.unit)

    def amount_at(self, k: int) -> _Found | None:
        """The amount that starts at token ``k``, hedge included, if any."""
        hedge = self.phrase(k, _HEDGE_INDEX)
        prev = self.tok(k - 1)
        if hedge is not None and not (
            # "<>30", "=<30": not an operator this grammar knows
            not hedge[1][0].isalpha() and self.glued(k) and prev and prev.text in ("<", ">", "=")
        ):
            rule, key, j = hedge
            core = (self._between(j) or self._core(j, hedged=True)) if self.near(j) else None
            if core is not None:
                if rule is Hedge.BARE:  # "just 4,000", "only a few": the bare reading
                    return replace(
                        core, start=k, hedge=core.hedge or key, rule=core.rule or Hedge.BARE
                    )
                hedged = replace(
                    core, start=k, rule=rule, hedge=key, rounding=0.0, low_open=False,
                    high_open=False,
                )  # fmt: skip
                return self._post_hedge(hedged)
        found = self._between(k)
        if found is not None:
            return found
        core = self._core(k, hedged=False)
        if core is None:
            return None
        if core.rule is None:
            core = self._post_hedge(core)
        return core

    # --- names: "Radio 4", "UKIP 100" ---------------------------------------------

    def _capital_run(self, k: int) -> tuple[int, int] | None:
        """Capitalised words ending at token ``k``: (first, last), titles dropped."""
        j = k
        while (
            j > k - _NAME_REACH
            and self.capitalised(j)
            and self.word(j) not in _STOP
            and self.word(j) not in _NUMBER_WORDS
        ):
            if j < k and not self.near(j + 1):
                break
            j -= 1
            if self.word(j) == "&" and self.glued(j) and self.glued(j + 1):
                j -= 1  # "S&P", "AT&T": one name
        first = j + 1
        while first <= k and self.toks[first].text in _TITLES:
            first += 1
        return (first, k) if first <= k else None

    def _sentence_initial(self, k: int) -> bool:
        prev = self.tok(k - 1)
        if prev is None:
            return True
        return prev.kind == "sym" or "\n" in self.gap(k)

    def _elliptical(self, first: int) -> bool:
        """ "... Labour lost 275 and UKIP 100": a name after "and" or a comma, with an
        earlier amount in the same sentence."""
        j = first - 1
        if self.word(j) == "the":  # "and the Greens 20"
            j -= 1
        if self.word(j) not in ("and", ",", ";", "while", "but", "whereas", "with"):
            return False
        if not self.found:
            return False
        last = self.toks[self.found[-1].end - 1].end
        return not self.sentence_break(last, self.toks[first].start)

    def _name_number(self, f: _Found) -> bool:
        """The amount is part of a name or reference: "Radio 4", "Article 50",
        "Windows 10", "Channel Four"."""
        k = f.start - 1
        prev = self.tok(k)
        if prev is None or not self.near(f.start):
            return False
        if prev.low in _NAME_WORDS or prev.text.rstrip(".") in _CAPITAL_NAME_WORDS:
            return True
        if self.word(k) == "." and self.word(k - 1) in ("no", "nos", "number"):
            return True  # "No. 10"
        if prev.kind == "word" and prev.text[:1].islower() and prev.text != prev.low:
            return True  # a name in camel case: "iPhone 11", "iOS 17"
        if f.unit or f.rule not in (None, Hedge.BARE) or not self.capitalised(k):
            return False
        if prev.low in _PREDICATES:
            return False  # a verb in a title-case headline: "Quake Kills 10"
        run = self._capital_run(k)
        if run is None or prev.low in _STOP or prev.low in _NUMBER_WORDS:
            return False
        if self._elliptical(run[0]):
            return False
        return not self._sentence_initial(run[0])

    # --- noun and subject -----------------------------------------------------------

    def _noun_phrase(self, k: int, *, one: bool = False) -> str:
        """The head noun of the words from token ``k``: the first plural-looking word,
        else the last word before a function word; "" when none. ``one``: a count of
        one, whose noun is singular ("one seat", not "one subscription gives")."""
        words: list[str] = []
        n = k
        while len(words) < 4 and self.is_word(n) and self.near(n):
            t = self.toks[n]
            if t.low in _STOP or (t.low.endswith("ly") and t.low not in ("supply", "family")):
                break
            if t.low in _PREDICATES:
                break
            if t.low in _NUMBER_WORDS or t.low in _SCALES or t.low in _HUNDRED:
                break
            if one and not t.text[0].isupper() and t.low not in _MODIFIERS:
                return singular(t.low)
            if t.text[0].isupper():
                if words and not words[-1][0].isupper():
                    break
                words.append(t.text)
                n += 1
                continue
            if _looks_plural(t.low) and t.low not in _MODIFIERS:
                nxt = self.word(n + 1)
                if self.is_word(n + 1) and self.near(n + 1) and _looks_plural(nxt):
                    return singular(nxt)  # "six police officers"
                return singular(t.low)
            words.append(t.low)
            n += 1
        lower = [w for w in words if not w[0].isupper() and w not in _MODIFIERS]
        return singular(lower[-1]) if lower else ""

    def _noun_after(self, f: _Found) -> str:
        k = f.end
        before = f.start - 1  # the token before the number
        if self.word(k) == "magnitude" or "magnitude" in (
            self.word(before),
            self.word(before - 1) if self.word(before) in ("-", "‑") else "",
        ):
            # "a 5.6 magnitude earthquake", "a magnitude 5.2 quake", "a magnitude-5.2 quake"
            return "magnitude"
        if [self.word(n) for n in range(k, k + 3)] == ["on", "the", "richter"]:
            return "magnitude"  # "measuring 5.6 on the Richter scale"
        if self.word(k) in ("-", "‑") and self.glued(k) and self.is_word(k + 1):
            w = self.word(k + 1)
            if self.glued(k + 1) and w not in _STOP and w not in _MODIFIERS:
                return singular(w)  # "a 4,000-vote majority", "a 10-point lead"
            return ""
        if self.word(k) == "of" and self.near(k):
            n = k + 1
            while self.word(n) in _DETERMINERS and self.near(n):
                n += 1
            return self._noun_phrase(n)
        return self._noun_phrase(k, one=f.low == f.high == 1 and not f.unit)

    def _noun_before(self, f: _Found) -> str:
        """ "an electorate of half a million" → "electorate" (when no word follows)."""
        if self.is_word(f.end) and self.near(f.end) and self.word(f.end) not in _STOP:
            return ""
        k = f.start - 1
        if self.word(k) != "of" or not self.near(f.start) or not self.near(k):
            return ""
        w = self.word(k - 1)
        if not self.is_word(k - 1) or w in _STOP or self.capitalised(k - 1):
            return ""
        return singular(w)

    def _subject(self, f: _Found) -> str:
        """Who the amount is about, when a name stands right before it ("and UKIP 100",
        "Labour 40%") or before the verb right before it ("Labour lost 275",
        "the Tories have won 400 seats"); "" otherwise."""
        k = f.start - 1
        if not self.near(f.start):
            return ""
        if self.capitalised(k):
            # a name right before the number: in a list ("Labour 40%") or an ellipsis
            # ("and UKIP 100"), not a sentence opener ("Yesterday 200 people")
            run = self._capital_run(k)
            if run is None or not (f.unit or self._elliptical(run[0])):
                return ""
            return self._name(run)
        if self.word(k) in _FIGURE_PREPOSITIONS and _verb_like(self.word(k - 1)):
            k -= 1  # "won by 4,000 votes": the verb is before the preposition
        verbs = 0
        while (
            verbs < 2
            and self.is_word(k)
            and not self.capitalised(k)
            and self.word(k) not in _DETERMINERS
            and self.word(k) not in _SUBJECT_BREAKERS
            and self.near(k + 1)
            and (verbs == 0 or _verb_like(self.word(k)))
        ):
            k -= 1
            verbs += 1
        if verbs == 0 or not self.capitalised(k) or not self.near(k + 1):
            return ""
        run = self._capital_run(k)
        return self._name(run) if run is not None else ""

    def _name(self, run: tuple[int, int]) -> str:
        words = [t.text for t in self.toks[run[0] : run[1] + 1]]
        words[-1] = re.sub(r"['’]s$", "", words[-1])
        if len(words) == 1 and words[0].lower() in _PRONOUNS:
            return ""
        return " ".join(words)

    def _finish(self, f: _Found, previous: list[_Found]) -> _Found:
        subject = self._subject(f)
        noun = f.noun or self._noun_after(f) or self._noun_before(f)
        if noun in _CURRENCY_NOUNS and f.unit not in ("", "share"):
            noun = ""  # "millions of pounds": the pounds are the unit
        if not noun and (subject or self.word(f.start - 1) in _ELLIPSIS_WORDS):
            noun = self._elided_noun(f, previous)
        return replace(f, noun=noun, subject=subject)

    def _elided_noun(self, f: _Found, previous: list[_Found]) -> str:
        """The noun of an earlier amount in the same clause, for an amount with none:
        "400 seats as Labour lost 275 and UKIP 100" — 275 and 100 count seats too."""
        start = self.toks[f.start].start
        for p in reversed(previous[-_ELISION_REACH:]):
            end = self.toks[p.end - 1].end
            if self.sentence_break(end, start) or ";" in self.text[end:start]:
                return ""
            if p.noun and p.unit == f.unit:
                return p.noun
            start = self.toks[p.start].start
        return ""

    # --- the scan -------------------------------------------------------------------

    def _merge_bounds(self, found: list[_Found]) -> list[_Found]:
        """ "more than 10 and less than 40" → (10, 40)."""
        out: list[_Found] = []
        lower_rules = {Hedge.MORE, Hedge.AT_LEAST}
        upper_rules = {Hedge.LESS, Hedge.AT_MOST}
        for f in found:
            p = out[-1] if out else None
            if p is not None and p.unit == f.unit and {p.rule, f.rule} & lower_rules:
                between = self.text[self.toks[p.end - 1].end : self.toks[f.start].start]
                if between.strip(" ,") in ("and", "but", ",", "") and between.strip():
                    lo_f, hi_f = (p, f) if p.rule in lower_rules else (f, p)
                    bounds = lo_f.rule in lower_rules and hi_f.rule in upper_rules
                    if bounds and lo_f.low < hi_f.high:
                        out[-1] = _Found(
                            p.start, f.end, lo_f.low, hi_f.high, Hedge.RANGE,
                            hedge=p.hedge, unit=f.unit,
                            low_open=lo_f.rule is Hedge.MORE,
                            high_open=hi_f.rule is Hedge.LESS,
                        )  # fmt: skip
                        continue
            out.append(f)
        return out

    def scan(self) -> list[Amount]:
        i = 0
        while i < len(self.toks):
            f = self.amount_at(i)
            if f is not None and not self._name_number(f):
                self.found.append(f)
                i = f.end
            else:
                i += 1
        merged = self._merge_bounds(self.found)
        finished: list[_Found] = []
        for f in merged:
            finished.append(self._finish(f, finished))
        return [self._amount(f) for f in finished]

    def _amount(self, f: _Found) -> Amount:
        start, end = self.toks[f.start].start, self.toks[f.end - 1].end
        return Amount(
            start=start,
            end=end,
            text=self.text[start:end],
            low=f.low,
            high=f.high,
            rule=f.rule,
            hedge=" ".join(f.hedge.split()),
            unit=f.unit,
            noun=f.noun,
            subject=f.subject,
            rounding=f.rounding,
            low_open=f.low_open,
            high_open=f.high_open,
        )
