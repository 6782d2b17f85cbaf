"""The types passed between pipeline stages. Standard library only.

Every span is a pair of character offsets ``[start, end)`` into ``Article.text``
(the clean body), so a report can quote and highlight exactly what it read.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from enum import StrEnum


class ClaimKind(StrEnum):
    QUANTITY = "quantity"
    QUOTE = "quote"
    DATE = "date"
    SENTENCE = "sentence"


class FindingKind(StrEnum):
    QUANTITY_CONFLICT = "quantity_conflict"
    QUOTE_DRIFT = "quote_drift"
    MISATTRIBUTION = "misattribution"
    DATE_CONFLICT = "date_conflict"
    NAME_CONFLICT = "name_conflict"
    NEGATION_CONFLICT = "negation_conflict"
    EDITED_COPY = "edited_copy"  # what a near-copy of another outlet's article changed
    UPDATE = "update"  # a developing figure that a later report raised or lowered
    CORROBORATION = "corroboration"

    @property
    def is_conflict(self) -> bool:
        """Outlets disagree: not a corroboration, and not an update of a figure."""
        return self not in (FindingKind.CORROBORATION, FindingKind.UPDATE)


class Severity(StrEnum):
    INFO = "info"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 3}

_SURROGATE = re.compile("[\ud800-\udfff]")


def has_surrogate(text: str) -> bool:
    """``text`` holds a lone surrogate (a JSON "\\ud800", a file name's byte that is not
    UTF-8), which no encoder, tokenizer, database or UTF-8 stream takes."""
    return _SURROGATE.search(text) is not None


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate as U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


@dataclass(frozen=True, slots=True)
class Article:
    """One article: ``text`` is the clean body every offset refers to."""

    id: str
    outlet: str
    text: str
    title: str = ""
    url: str = ""
    published: dt.date | None = None
    source: str = ""  # the file it came from, for messages


@dataclass(frozen=True, slots=True)
class Sentence:
    article_id: str
    index: int  # position among the article's sentences
    start: int
    end: int
    text: str
    paragraph: int = 0  # index of the paragraph (blank-line or line separated) it sits in


@dataclass(frozen=True, slots=True)
class Interval:
    """A set of real numbers ``low..high``; an open end excludes its bound.

    ``math.inf`` is allowed as ``high`` ("more than 200").
    """

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def __post_init__(self) -> None:
        if math.isnan(self.low) or math.isnan(self.high) or self.low > self.high:
            raise ValueError(f"bad interval {self.low}..{self.high}")

    def overlaps(self, other: Interval) -> bool:
        """True when some number lies in both intervals."""
        # The intersection runs from the larger low to the smaller high; at a tie the
        # open end wins, since it excludes the bound.
        if self.low != other.low:
            lo, lo_open = max((self.low, self.low_open), (other.low, other.low_open))
        else:
            lo, lo_open = self.low, self.low_open or other.low_open
        if self.high != other.high:
            hi, hi_open = min((self.high, self.high_open), (other.high, other.high_open))
        else:
            hi, hi_open = self.high, self.high_open or other.high_open
        return lo < hi or (lo == hi and not lo_open and not hi_open)

    def gap_ratio(self, other: Interval) -> float:
        """How far apart two disjoint intervals are, as upper/lower bound ratio (>= 1).

        1.0 when they overlap; ``math.inf`` when the lower one reaches zero.
        """
        if self.overlaps(other):
            return 1.0
        lower, upper = (self, other) if self.high <= other.low else (other, self)
        if lower.high <= 0:
            return math.inf if upper.low > 0 else 1.0
        return upper.low / lower.high


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number or vague amount found in a text, as an interval with its hedge.

    ``unit`` is a currency sign ("£", "$", "€"), "share" for proportions (per cent and
    fractions, as 0..1), or "" for a plain count. ``noun`` is the thing counted,
    lower-case and singular ("supporter", "seat", "vote"), "" when unknown.
    ``subject`` is who or what the number is about when the text names it ("Labour").
    """

    start: int
    end: int
    text: str
    interval: Interval
    hedge: str = ""  # "around", "nearly", "more than", "hundreds", "just", "" ...
    unit: str = ""
    noun: str = ""
    subject: str = ""
    # The fact slot (crosscheck/slots.py): the role the number fills ("killed", "votes",
    # "" when none is known), the event it belongs to ("" this story's; "year:2004",
    # "other", "recent", "hypothetical"), and whether it counts part of the role's total.
    role: str = ""
    scope: str = ""
    part: bool = False


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date or relative date; ``first..last`` is the day range it denotes.

    Unresolved relative dates ("Friday" with no publication date) have
    ``first = last = None`` and keep their text.
    """

    start: int
    end: int
    text: str
    first: dt.date | None
    last: dt.date | None


@dataclass(frozen=True, slots=True)
class Quote:
    """Quoted words and who said them. ``speaker_key`` is the lower-case surname used
    to compare speakers across outlets ("corbyn"); "" when unresolved."""

    words: str
    speaker: str = ""
    speaker_key: str = ""  # surnames joined by "+" for a joint statement ("meron+zadan")
    fragment: bool = False  # a few words inside a sentence, not a whole utterance
    # The speaker is named in the attribution itself ("said Tom Watson") as a person with
    # a full name or title, not resolved from "he said" or a bare single word.
    named: bool = False


@dataclass(frozen=True, slots=True)
class Claim:
    """The unit that is compared. ``start``/``end`` span the claim itself (a number, a
    quote, a date, or the whole sentence); ``sentence_start``/``sentence_end`` span the
    sentence (or sentences, for a quote) around it."""

    kind: ClaimKind
    article_id: str
    outlet: str
    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    sentence: str
    sentence_index: int
    quantity: Quantity | None = None
    quote: Quote | None = None
    date: DateMention | None = None

    @property
    def key(self) -> tuple[str, int, int, str]:
        return (self.article_id, self.start, self.end, self.kind.value)


@dataclass(frozen=True, slots=True)
class Extraction:
    """What extraction makes of one article, on any engine: its sentences (page
    furniture left out) and its claims, both in text order."""

    article_id: str
    sentences: tuple[Sentence, ...]
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class ClaimPair:
    """Two claims from independent sources that may be about the same thing."""

    a: Claim
    b: Claim
    similarity: float  # cosine similarity of what was embedded for each side


@dataclass(frozen=True, slots=True)
class Side:
    article: str
    outlet: str
    text: str
    sentence: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    published: str = ""
    url: str = ""
    speaker: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    kind: FindingKind
    severity: Severity
    explanation: str
    sides: tuple[Side, ...]
    detail: str = ""  # e.g. the word-level difference of a quote ("-been in touch +spoken")
    subtype: str = ""  # e.g. quote drift class: substitution, insertion, negation, ...
    similarity: float = 0.0

    @property
    def identity(self) -> str:
        """Stable identity: kind plus each side's article and claim text, order-free."""
        sides = sorted(f"{s.article}|{s.text}" for s in self.sides)
        return f"{self.kind.value}|" + "||".join(sides)


@dataclass(frozen=True, slots=True)
class FactValue:
    """What one article says of a fact: its reading (the intersection of what it
    states, as an interval) and the mention that states it most narrowly."""

    interval: Interval
    side: Side


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact of a story, read by two or more outlets: ``slot`` names it ("people
    killed"), ``values`` are the articles' readings in publication order, ``agree`` the
    outlets whose readings share a value with the most others, ``outliers`` the rest."""

    slot: str
    values: tuple[FactValue, ...]
    agree: tuple[str, ...]
    outliers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Report:
    articles: tuple[Article, ...]
    findings: tuple[Finding, ...]
    model: str
    syndicated: tuple[tuple[str, str], ...] = ()  # (copy id, original id)
    warnings: tuple[str, ...] = field(default=())
    facts: tuple[Fact, ...] = ()


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One new article checked against a stored corpus: its conflicts and
    corroborations (findings whose first side is the new article), its claims that no
    stored article speaks to (``new``: sentence claims), and stored articles it copies."""

    article: Article
    findings: tuple[Finding, ...]
    new: tuple[Claim, ...]
    copies_of: tuple[str, ...] = ()

    @property
    def conflicts(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.kind.is_conflict)

    @property
    def corroborations(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if not f.kind.is_conflict)
