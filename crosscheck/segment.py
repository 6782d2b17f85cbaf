"""Article → Sentence with offsets, page furniture left out.

Paragraphs are lines; blank lines are ignored. A sentence ends at ``.``, ``!``, ``?``
or ``…`` (with any closing quote marks or brackets after it) when the next word starts
a new sentence and the word before is not an abbreviation or an initial.

Page furniture never becomes a sentence: subscription and app prompts, sign-in links,
photo credits, share widgets, "Related stories" lists, bylines and section labels.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from . import config
from .dates import find_dates
from .model import Article, Sentence

log = logging.getLogger(__name__)

# fmt: off
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt",
    "capt", "cllr", "rev", "no", "vs", "etc", "e.g", "i.e", "inc", "ltd", "co", "jr", "sr",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s",
    "u.k", "approx", "est", "fig", "vol", "mt", "ft",
}
# fmt: on

# Candidate boundary: terminal punctuation, closing marks, then either whitespace or
# (after a closing quote) directly the next sentence, as in `values.”Our regional`.
_BOUNDARY = re.compile(r"[.!?…]+(?:[”\"’)\]]+\s*|\s+)(?=[“\"‘(\[]?[A-Z0-9£$€])")

# Phrases that mark a line as page furniture wherever it stands.
_FURNITURE = re.compile(
    r"""
    \bsign\ (?:up|in)\b | \bsubscri(?:be|ption|bers?)\b | \bnewsletter\b
    | \b(?:download|get)\ (?:the|our)\ app\b | ^one\ app\b | \bstart\ reading\b
    | ^(?:related\ (?:stories|articles|content|topics)|our\ picks|top\ stories
        |most\ (?:read|popular)|more\ (?:from|on\ this)|read\ more|advertisement
        |share\ (?:this|on)|follow\ us)\b
    | \b(?:photograph|photo|picture|image|credit)s?\s*: | \bgetty\ images\b
    | \bpa\ (?:wire|images|media)\b | \bap\ photo\b | /\s*(?:reuters|afp|pa)\b
    | \bpremium\ titles\b | \bglobal\ sources\b | \b(?:days?|weeks?|months?)\ free\b
    | \balready\ a\ member\b | \bcurated\b | \bclick\ here\b | \ball\ rights\ reserved\b
    | ^©
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Once a paywall cuts the article off, the rest of the page is promotion.
_PAYWALL = re.compile(
    r"^(?:sign up to read|subscribe to (?:read|continue)|to continue reading|log in to read)",
    re.IGNORECASE,
)
_BODY_MIN_WORDS = 8  # a line this long (with an ending) is body text, not a label
_HEADLINE_MIN_WORDS = 5


def split_sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Sentence spans ``(start, end)`` inside ``text[start:end]``, whitespace trimmed."""
    end = len(text) if end is None else end
    cursor = start
    for m in _BOUNDARY.finditer(text, start, end):
        punct_end = m.start() + len(m.group(0).rstrip())
        word = _word_before(text, cursor, m.start())
        if word and _is_abbreviation(word):
            continue
        yield from _trimmed(text, cursor, punct_end)
        cursor = m.end()
    yield from _trimmed(text, cursor, end)


def _word_before(text: str, start: int, end: int) -> str:
    """The run of word characters and dots that ends at ``end`` (not before ``start``),
    read backwards: a search of ``text[start:end]`` would read the whole sentence so
    far at every candidate boundary, the square of a run of initials ("A. A. A. …")."""
    i = end
    while i > start and (text[i - 1].isalnum() or text[i - 1] in "._"):
        i -= 1
    return text[i:end]


def _is_abbreviation(word: str) -> bool:
    w = word.lower().strip(".")
    return w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha() and word[0].isupper())


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Non-empty lines as ``(start, end)`` spans, whitespace trimmed."""
    pos = 0
    for line in text.split("\n"):
        yield from _trimmed(text, pos, pos + len(line))
        pos += len(line) + 1


_STAMP_WORDS = re.compile(
    r"\d{1,2}\s*[:.]\s*\d{2}\s*(?:am|pm)?|\d{1,2}\s*(?:am|pm)\b"
    r"|\b(?:published|updated|posted|first|last|modified|on|at|by|am|pm|[ecmp][sd]t|gmt|bst|utc|et|pt)\b"
    r"|[\W_]+|\d+",
    re.IGNORECASE,
)


def is_dateline(line: str) -> bool:
    """A publication stamp ("PUBLISHED: THURSDAY, MAY 2, 2013, 1:32 PM", "May 2, 2013 |
    5:03pm"): nothing but dates, times and stamp words."""
    if len(line) > 200:
        return False  # a stamp is short; and dates are not worth looking for in a page
    dates = find_dates(line)
    if not dates:
        return False
    rest = line
    for d in reversed(dates):
        rest = rest[: d.start] + " " + rest[d.end :]
    return not _STAMP_WORDS.sub(" ", rest).strip()


def is_furniture(line: str) -> bool:
    """True for a line that is page furniture rather than reporting."""
    words = line.split()
    if _FURNITURE.search(line) or is_dateline(line):
        return True
    # Bylines, section labels, "Start reading": short and without a sentence ending.
    return len(words) < 4 and not re.search(r"[.!?”\"]$", line)


def _is_body(line: str) -> bool:
    # Body text, or a headline: long enough to read as a statement.
    return len(line.split()) >= _BODY_MIN_WORDS and not is_furniture(line)


def _opens_with_furniture(sentence: str) -> bool:
    """A furniture phrase in the first three words ("Photo: ...", "Sign up to ...")."""
    m = _FURNITURE.search(sentence)
    return m is not None and len(sentence[: m.start()].split()) < 3


def _is_headline(line: str) -> bool:
    """A short headline above the body ("Nine killed as rioters bomb Greek bank"): five
    words or more, no closing full stop (a banner's slogan has one: "Get all your news
    in one place."), no furniture."""
    words = line.split()
    return (
        _HEADLINE_MIN_WORDS <= len(words) < _BODY_MIN_WORDS
        and not line.rstrip().endswith(".")
        and not is_furniture(line)
    )


def segment(article: Article) -> list[Sentence]:
    """The article's sentences, in order, with offsets into ``article.text``.

    Lines before the first body paragraph that are shorter than a body line (app
    banners, "100s of titles"), except a headline, are furniture, and so is everything
    after a paywall line.
    """
    text = article.text
    out: list[Sentence] = []
    lines = list(paragraphs(text))
    # Without any body-length line (a short text), there is no banner to skip.
    seen_body = not any(_is_body(text[s:e]) for s, e in lines)
    for n, (p_start, p_end) in enumerate(lines):
        line = text[p_start:p_end]
        if _PAYWALL.match(line):
            break
        headline = not seen_body and not _is_body(line) and _is_headline(line)
        if not (seen_body or _is_body(line) or headline):
            continue
        spans = list(split_sentences(text, p_start, p_end))
        if is_furniture(line) and (len(spans) == 1 or not _FURNITURE.search(line)):
            continue  # a furniture line; one with a sentence of reporting keeps it, below
        seen_body = seen_body or not headline
        for s_start, s_end in spans:
            if s_end - s_start > config.MAX_SENTENCE_CHARS:
                log.warning(
                    "%s: skipped a %d-character sentence at %d",
                    article.id,
                    s_end - s_start,
                    s_start,
                )
                continue
            sentence = text[s_start:s_end]
            if is_furniture(sentence) and (
                len(sentence.split()) < _BODY_MIN_WORDS or _opens_with_furniture(sentence)
            ):
                continue
            out.append(Sentence(article.id, len(out), s_start, s_end, sentence, paragraph=n))
    return out
