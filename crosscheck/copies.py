"""Edited copies: what a near-copy of another outlet's article changed.

A syndicated copy is one source with its original (crosscheck/pipeline.py finds them by
shingle overlap) and never corroborates it. But what a copy changed (a figure, a quoted
word, a name, a negation) is exactly what a desk wants to see. The two articles are
aligned sentence by sentence; in each pair of sentences that differ, the word-level
differences are classified and reported as ``edited_copy`` findings with both spans:

- ``figure``: a number differs ("some 2,000" → "some 210");
- ``negation``: a "not", "never", "no" is added or taken out;
- ``quote``: words inside quotation marks differ;
- ``name``: a capitalised word inside the sentence differs ("Britney Spears" →
  "Britney Fischer").

Other rewording (a copy editor's "said" for "told", a dropped sentence, a shorter
headline) is not reported.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from .extract import find_quote_spans
from .model import Article, Finding, FindingKind, Sentence, Severity, Side
from .segment import segment


def _words(text: str) -> frozenset[str]:
    """A closed word class, written as one string of space-separated words."""
    return frozenset(text.split())


_TOKEN = re.compile(r"\w+(?:[’'.,:]\w+)*|[^\w\s]")
_NEGATORS = _words("not no never nobody none nothing neither nor without n't")
_NUMBER_WORDS = _words(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions billion billions dozen dozens half "
    "quarter"
)
# Sentences of a copy and its original are paired when this share of their words match.
_SENTENCE_MATCH_MIN = 0.6
# A sentence of the original is looked for this many sentences ahead in the copy, at
# most: a copy keeps the order, and a longer look would compare every sentence of a
# rewritten stretch with every other.
_LOOK_AHEAD = 20
# Above this product of two sequences' lengths (two 500-sentence articles, two
# 500-word sentences), difflib's matching turns on its heuristic for repeated elements.
_EXACT_DIFF_MAX = 250_000
_SEVERITY = {
    "figure": Severity.HIGH,
    "negation": Severity.HIGH,
    "quote": Severity.MEDIUM,
    "name": Severity.MEDIUM,
}
_WHAT = {"figure": "a figure", "negation": "a negation", "quote": "a quote", "name": "a name"}


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _norm(token: str) -> str:
    """A token as compared: case and curly marks do not count."""
    return token.lower().replace("’", "'").replace("‘", "'")


def _matcher(a: Sequence[str], b: Sequence[str]) -> difflib.SequenceMatcher[str]:
    """difflib's matcher of ``a`` and ``b``: exact up to ``_EXACT_DIFF_MAX`` for the
    product of the lengths, with its "popular element" heuristic (autojunk) above it,
    where exact matching of a sequence with one element repeated thousands of times
    (a file of one sentence, a sentence of one word) costs the square of its length."""
    return difflib.SequenceMatcher(a=a, b=b, autojunk=len(a) * len(b) > _EXACT_DIFF_MAX)


def _pairs(a: Sequence[Sentence], b: Sequence[Sentence]) -> list[tuple[Sentence, Sentence]]:
    """Sentences of the original ``a`` and the copy ``b`` that differ but say nearly
    the same words, in order: in each stretch the alignment could not match, each
    sentence of ``a`` with the first of the next ``_LOOK_AHEAD`` unpaired sentences
    of ``b`` that says at least ``_SENTENCE_MATCH_MIN`` of its words."""
    ta = [s.text.lower() for s in a]
    tb = [s.text.lower() for s in b]
    words = [[t for t, _, _ in _tokens(text)] for text in ta + tb]
    wa, wb = words[: len(ta)], words[len(ta) :]
    out = []
    for tag, i1, i2, j1, j2 in _matcher(ta, tb).get_opcodes():
        if tag != "replace":
            continue
        j = j1
        for i in range(i1, i2):
            for k in range(j, min(j2, j + _LOOK_AHEAD)):
                if ta[i] == tb[k]:  # the same words: nothing changed, but paired
                    j = k + 1
                    break
                m = _matcher(wa[i], wb[k])
                if (
                    m.real_quick_ratio() >= _SENTENCE_MATCH_MIN
                    and m.quick_ratio() >= _SENTENCE_MATCH_MIN
                    and m.ratio() >= _SENTENCE_MATCH_MIN
                ):
                    out.append((a[i], b[k]))
                    j = k + 1
                    break
    return out


def _title_case(tokens: Sequence[tuple[str, int, int]]) -> bool:
    words = [t for t, _, _ in tokens if t[:1].isalpha()]
    return sum(w[:1].isupper() for w in words) > 0.6 * len(words)


def _inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _values(tokens: Sequence[str]) -> list[float]:
    """The numbers a stretch of tokens writes, as values: "4" and "4:00", "two" and
    "2", "4.5" and "4 1/2" write the same."""
    text = " ".join(tokens).lower().replace(",", "")
    text = re.sub(r"(\d+) 1 / 2\b", r"\1.5", text)
    out = []
    for m in re.finditer(r"\d+(?:[.:]\d+)?|[a-z]+", text):
        t = m.group(0)
        if t[0].isdigit():
            whole, _, frac = t.replace(":", ".").partition(".")
            out.append(float(whole) + (float(f"0.{frac}") if frac.strip("0") else 0.0))
        elif t in _WORD_VALUES:
            out.append(_WORD_VALUES[t])
    return sorted(out)


_UNITS = (  # in order: a word's index is its value
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_WORD_VALUES = {w: float(n) for n, w in enumerate(_UNITS)} | {
    "thirty": 30.0,
    "forty": 40.0,
    "fifty": 50.0,
    "dozen": 12.0,
}


def _is_name(tokens: Sequence[str]) -> bool:
    return bool(tokens) and all(t[:1].isupper() and t not in _NOT_NAMES for t in tokens)


_NOT_NAMES = _words(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December The A An He She It They We I"
)


def _classify(old: Sequence[str], new: Sequence[str], quoted: bool, opens_sentence: bool) -> str:
    """What kind of change replacing ``old`` by ``new`` is, or "" for mere rewording:
    another number, a negation added or dropped, other words inside a quote, or another
    name. A stretch only one side has (a dropped clause, an added title) is rewording,
    unless it is a negation."""
    lower_old = [t.lower() for t in old]
    lower_new = [t.lower() for t in new]
    neg_old = sum(t in _NEGATORS or t.endswith("n't") for t in lower_old)
    neg_new = sum(t in _NEGATORS or t.endswith("n't") for t in lower_new)
    if neg_old != neg_new:
        return "negation"
    if not old or not new or not any(t[:1].isalnum() for t in (*old, *new)):
        return ""
    values_old, values_new = _values(old), _values(new)
    if values_old and values_new:
        return "figure" if values_old != values_new else ""
    if values_old or values_new:
        return ""  # a number only one side writes: more or less said, not another figure
    if quoted:
        return "quote"
    if not opens_sentence and _is_name(old) and _is_name(new) and len(old) <= 3 >= len(new):
        return "name"
    return ""


def _side(a: Article, s: Sentence, start: int, end: int) -> Side:
    return Side(
        article=a.id,
        outlet=a.outlet,
        text=a.text[start:end],
        sentence=s.text,
        start=start,
        end=end,
        sentence_start=s.start,
        sentence_end=s.end,
        published=a.published.isoformat() if a.published else "",
        url=a.url,
    )


def _span(tokens: Sequence[tuple[str, int, int]], i1: int, i2: int, base: int) -> tuple[int, int]:
    """Article offsets of tokens ``i1..i2`` of a sentence at ``base``; an empty stretch
    (an insertion on the other side) takes the token before it, or after."""
    if i2 > i1:
        return base + tokens[i1][1], base + tokens[i2 - 1][2]
    k = max(0, min(i1 - 1, len(tokens) - 1))
    return base + tokens[k][1], base + tokens[k][2]


def compare_copy(original: Article, copy: Article) -> list[Finding]:
    """The ``edited_copy`` findings of ``copy`` against its ``original``: one per
    changed stretch of words that is a figure, a negation, a quote or a name."""
    quotes = {a.id: [(q.start, q.end) for q in find_quote_spans(a.text)] for a in (original, copy)}
    out = []
    for x, y in _pairs(segment(original), segment(copy)):
        tx, ty = _tokens(x.text), _tokens(y.text)
        sm = _matcher([_norm(t) for t, _, _ in tx], [_norm(t) for t, _, _ in ty])
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == "equal":
                continue
            xs, xe = _span(tx, i1, i2, x.start)
            ys, ye = _span(ty, j1, j2, y.start)
            # Words a quote changed are inside the quote in both articles.
            quoted = _inside(quotes[original.id], xs, xe) and _inside(quotes[copy.id], ys, ye)
            old = [t for t, _, _ in tx[i1:i2]]
            new = [t for t, _, _ in ty[j1:j2]]
            what = _classify(old, new, quoted, opens_sentence=min(i1, j1) == 0)
            if what == "name" and (_title_case(tx) or _title_case(ty)):
                continue  # in a Title Case headline every word looks like a name
            if not what:
                continue
            before = original.text[xs:xe] if i2 > i1 else ""
            after = copy.text[ys:ye] if j2 > j1 else ""
            out.append(
                Finding(
                    FindingKind.EDITED_COPY,
                    _SEVERITY[what],
                    f"{copy.outlet} copies {original.outlet}'s article but changes {_WHAT[what]}: "
                    f"“{before or '…'}” → “{after or '…'}”",
                    (_side(original, x, xs, xe), _side(copy, y, ys, ye)),
                    detail=f"-{before} +{after}".strip(),
                    subtype=what,
                )
            )
    return out
