"""ClaimPair → Finding: typed rules, one function per kind of claim.

Each rule returns a finding only when it can say why, in terms a reader can check
against both sentences: the two numbers and their intervals, the words a quote changed,
the two speakers, the two dates, the two names, the negation one side adds.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from . import config
from .config import Thresholds
from .dates import MONTHS
from .extract import speakers_differ
from .model import (
    Article,
    Claim,
    ClaimKind,
    Finding,
    FindingKind,
    Interval,
    Quantity,
    Severity,
    Side,
)
from .quantities import PLURALS
from .slots import WEEKDAY

_NEGATORS = {"not", "no", "never", "nobody", "none", "nothing", "neither", "nor", "without"}
# What negates a reported sentence's clause: "without" heads a phrase of manner
# ("confirmed without opposition" is "confirmed unanimously"), not the clause's opposite.
_CLAUSE_NEGATORS = _NEGATORS - {"without"}
_MODALS = {"can", "could", "will", "would", "may", "might", "shall", "should", "must"}
# fmt: off
_STOPWORDS = {
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "by", "with",
    "as", "is", "are", "was", "were", "be", "been", "it", "its", "that", "this", "there", "he",
    "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "so", "all",
    "from", "has", "have", "had", "do", "does", "did", "about", "up", "out", "just",
}
# fmt: on
_NEGATED = [
    # written without the apostrophe ("I cant speak for", "dont")
    (
        r"\b(can|don|doesn|didn|isn|wasn|aren|weren|won|wouldn|couldn|shouldn|hasn|haven)t\b",
        r"\1't",
    ),
    # "ain't no" is one negation (negative concord): "there ain't no recession"
    (r"\bain't(?=\s+(?:no|nothing|nobody|none|never|nowhere)\b)", "is"),
    (r"\bain't\b", "is not"),
    (r"\bcan't\b", "can not"),
    (r"\bwon't\b", "will not"),
    (r"\bshan't\b", "shall not"),
    (r"n't\b", " not"),
]
_CONTRACTIONS = [
    *_NEGATED,
    (r"'re\b", " are"),
    (r"'ve\b", " have"),
    (r"'ll\b", " will"),
    (r"'m\b", " am"),
    (r"\bim\b", "i am"),  # written without the apostrophe, as a post may be
    (r"\blet's\b", "let us"),
    # "'s" after these is "is" or "has" (both function words), never a possessive
    (r"\b(there|here|that|what|who|where|it|he|she)'s\b", r"\1 is"),
    (r"'d\b", " would"),
]


def words(text: str) -> list[str]:
    """Normalised words for comparing quotes: curly marks straightened, case folded,
    contractions spelled out, punctuation dropped (apostrophes inside words kept)."""
    return list(_words(text))


@functools.lru_cache(maxsize=1 << 16)
def _words(text: str) -> tuple[str, ...]:
    # Cached: a sentence is compared with up to NEIGHBOURS others, each time from here.
    t = text.replace("’", "'").replace("‘", "'").lower()
    for pattern, repl in _CONTRACTIONS:
        t = re.sub(pattern, repl, t)
    return tuple(re.findall(r"[\w]+(?:'[\w]+)*", t))


# Quotes are compared on normalised words: how an outlet writes a word is not what the
# speaker said. Spoken forms, numbers and spelling variants have one form each; a
# censored or bleeped word, and the word it stands for, are one token; an ellipsis is
# a gap where the outlet left words out.
_SPOKEN = {
    "gonna": "going to", "wanna": "want to", "gotta": "got to", "kinda": "kind of",
    "sorta": "sort of", "lemme": "let me", "gimme": "give me", "'cause": "because",
    "cuz": "because", "y'all": "you all", "ain't": "is not", "dunno": "do not know",
    "ok": "okay",
}  # fmt: skip
_NUMBERS = {
    w: str(n)
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {
    w: f"{n + 1}th"
    for n, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
        "twentieth".split()
    )
}
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_SPELLING = {
    "offence": "offense", "defence": "defense", "licence": "license", "pretence": "pretense",
    "centre": "center", "theatre": "theater", "metre": "meter", "litre": "liter",
    "fibre": "fiber", "programme": "program", "grey": "gray", "judgement": "judgment",
    "cheque": "check", "tyre": "tire", "travelled": "traveled", "travelling": "traveling",
    "cancelled": "canceled", "labelled": "labeled", "modelling": "modeling",
    "fulfil": "fulfill", "enrol": "enroll", "sceptical": "skeptical", "aluminium": "aluminum",
    # titles written short, and short words written shorter
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
    "lt": "lieutenant", "sgt": "sergeant", "capt": "captain", "atty": "attorney",
    "till": "until", "til": "until",
    # months written short ("Sept. 11" / "September 11th")
    "feb": "february", "aug": "august", "sept": "september", "oct": "october",
    "nov": "november", "dec": "december",
}  # fmt: skip
_OUR_WORDS = (
    "four",
    "your",
    "hour",
    "pour",
    "tour",
    "flour",
    "sour",
    "dour",
    "course",
    "source",
    "journ",
    "court",
)
_CENSORED = re.compile(
    r"\b[A-Za-z][*#@$\-—–]{2,}[A-Za-z]*\b|\b[A-Za-z][*#@$]+[A-Za-z]+\b"
    r"|\b(?:fuck\w*|shit\w*|bullshit|bitch\w*|bastard\w*|goddamn\w*|asshole\w*|crap\w*)",
    re.IGNORECASE,
)
_GAP = "xgapx"  # stands for an ellipsis: the outlet left words out here
_CENSORED_WORD = "xcensoredx"


def _canonical(word: str) -> str:
    w = _SPELLING.get(word, word)
    w = _NUMBERS.get(w, w)
    if m := _ORDINAL.match(w):
        return f"{m[1]}th"
    if len(w) > 5 and "our" in w[2:] and not any(x in w for x in _OUR_WORDS):
        w = w.replace("our", "or")  # colour, honour, labour, neighbourhood
    for uk, us in (("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ise", "ize")):
        if w.endswith(uk) and len(w) - len(uk) >= 4:
            return w[: -len(uk)] + us
    return w


def quote_words(text: str) -> list[str]:
    """Normalised words of a quote, without editorial insertions in brackets ("her (Tara
    Reid) family", "(sic)"): the outlet's words, not the speaker's. Acronyms lose their
    dots (F.B.I. = FBI), spoken forms are spelled out (gonna = going to), numbers are
    digits (ten = 10, eleventh = 11th), British and American spellings are one, a
    censored word is one token, and an ellipsis is a gap (see ``_GAP``)."""
    words = [n for n, _ in _quote_tokens(text)]
    # A day after its month is the day, however written ("September 11th" / "Sept. 11").
    return [
        w[:-2] if i and words[i - 1] in MONTHS and _DAY_ORDINAL.fullmatch(w) else w
        for i, w in enumerate(words)
    ]


_DAY_ORDINAL = re.compile(r"\d{1,2}(?:st|nd|rd|th)")


def shown_as(text: str) -> Callable[[str], str]:
    """How a quote writes each of its normalised words ("labor" → "labour"), for a
    reader's view of a difference; a word it does not have is shown as it is."""
    shown: dict[str, str] = {}
    for n, w in _quote_tokens(text):
        shown.setdefault(n, w)
    return lambda n: shown.get(n, n)


@functools.lru_cache(maxsize=1 << 14)
def _quote_tokens(text: str) -> tuple[tuple[str, str], ...]:
    """``(normalised, as written)`` for each word of a quote (see :func:`quote_words`)."""
    # An editor's bracketed letters inside a word change its case or form ("[i]t",
    # "Member[s]"): the word stays; a bracketed phrase of its own is the editor's.
    t = re.sub(r"(?<=\w)\[(\w{1,3})\]|\[(\w{1,3})\](?=\w)", r"\1\2", text)
    t = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", t)
    t = re.sub(r"(?i)\bw/o\b", " without ", t)
    t = re.sub(r"(?i)\bw/(?=\s)", " with ", t)
    t = re.sub(r"\b((?:[A-Za-z]\.){2,})", lambda m: m.group(1).replace(".", ""), t)
    t = _CENSORED.sub(f" {_CENSORED_WORD} ", t)
    t = re.sub(r"\.{3,}|…", f" {_GAP} ", t)
    t = _TIME.sub(_clock, t)
    out: list[tuple[str, str]] = []
    for w in words(t):
        if w.endswith("'s") and len(w) > 2:
            # "the president's coming": "is" or "has" written short, or a possessive;
            # the noun is the word, "'s" a light one (see _LIGHT)
            out += [(_canonical(w[:-2]), w), ("'s", w)]
            continue
        out += [(_canonical(x), w) for x in _SPOKEN.get(w, w).split()]
    return tuple(out)


# A time of day, however written, is one token: "6:41pm PST", "6.41 p.m." and "18:41"
# are "1841" (the zone dropped), "6pm" is "1800".
_TIME = re.compile(
    r"\b(\d{1,2})(?:(?:[:.](\d{2}))?\s*([ap])\.?m\b\.?|:(\d{2})\b)"
    r"(?:\s*(?:[ECMP][SD]T|GMT|UTC|BST|CET|ET|PT)\b)?",
    re.IGNORECASE,
)


def _clock(m: re.Match[str]) -> str:
    half = (m[3] or "").lower()
    hour = int(m[1]) % 12 + (12 if half == "p" else 0) if half else int(m[1])
    return f"{hour:02d}{m[2] or m[4] or '00'}" if hour < 24 else m[0]


# --- sides and explanations -------------------------------------------------------------


def side(claim: Claim, article: Article) -> Side:
    """One side of a finding: the claim, its sentence, and where they stand."""
    return Side(
        article=claim.article_id,
        outlet=claim.outlet,
        text=claim.text,
        sentence=claim.sentence,
        start=claim.start,
        end=claim.end,
        sentence_start=claim.sentence_start,
        sentence_end=claim.sentence_end,
        published=article.published.isoformat() if article.published else "",
        url=article.url,
        speaker=claim.quote.speaker if claim.quote else "",
    )


def _sides(a: Claim, b: Claim, articles: Mapping[str, Article]) -> tuple[Side, Side]:
    return side(a, articles[a.article_id]), side(b, articles[b.article_id])


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- quotes -----------------------------------------------------------------------------


def _contiguous(short: list[str], long: list[str]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _best_window(short: list[str], long: list[str]) -> tuple[list[str], int, int]:
    """The stretch of ``long`` that best matches ``short`` in order, how many of
    ``short``'s words it matches, and where in ``long`` it starts."""
    best: tuple[int, int, list[str], int] = (0, 0, [], 0)
    n = len(short)
    slack = max(2, n // 4)  # words the retelling may have dropped or added
    for size in range(max(1, n - slack), n + slack + 1):
        for i in range(0, max(1, len(long) - size + 1)):
            window = long[i : i + size]
            sm = difflib.SequenceMatcher(a=short, b=window, autojunk=False)
            matched = sum(b.size for b in sm.get_matching_blocks())
            # More matches first; then the tighter window.
            key = (matched, -len(window))
            if key > best[:2]:
                best = (matched, -len(window), window, i)
    return best[2], best[0], best[3]


def _aligned_inside(
    window: list[str], fragment: list[str], first: bool = False, last: bool = False
) -> bool:
    """A drifted fragment starts and ends on words of the quote it comes from, and
    changes only a word or two in between ("traditional [Labour] values"). Where the
    window is the whole quote's first (``first``) or last (``last``) stretch, both
    quotes start (end) at one point of the remark, and a word that differs there is a
    change, not another extent ("to destroy Mitt." / "… to destroy Brett,")."""
    ops = difflib.SequenceMatcher(a=window, b=fragment, autojunk=False).get_opcodes()
    if not ops:
        return False
    if ops[0][0] != "equal" and not (first and _one_for_one(ops[0])):
        return False
    if ops[-1][0] != "equal" and not (last and _one_for_one(ops[-1])):
        return False
    changed = sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal")
    return changed <= max(1, len(fragment) // 3)


def _one_for_one(op: tuple[str, int, int, int, int]) -> bool:
    """A word replaced by one word: not a lead-in of another length ("AMD's
    transformation" / "accelerate our transformation")."""
    tag, i1, i2, j1, j2 = op
    return tag == "replace" and i2 - i1 == j2 - j1 == 1


def _interior_ops(a: list[str], b: list[str]) -> list[tuple[str, list[str], list[str]]]:
    """The word-level differences of ``a`` → ``b``, without those at either edge: two
    outlets often quote more or less of the same remark, which is not drift; nor are
    words only one side has where a cut is marked (an ellipsis right before or after
    them); words that differ there are."""
    ops: list[tuple[str, int, int, int, int]] = list(
        difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
    )

    def at_cut(i1: int, i2: int, j1: int, j2: int) -> bool:
        edges = (a[i1 - 1 : i1], a[i2 : i2 + 1], b[j1 - 1 : j1], b[j2 : j2 + 1])
        return any(e == [_GAP] for e in edges)

    ops = [op for op in ops if op[0] not in ("insert", "delete") or not at_cut(*op[1:])]
    # Words only one side has at an edge are more or less of the quote; words that
    # differ at an edge ("out of time" / "out of options") are drift, unless one side
    # leads in (or trails off) with far more words than the other, which only a short
    # run of shared words ("will", "the") joins to the rest: each outlet quoted its own
    # stretch of a longer remark.
    while ops and ops[0][0] in ("insert", "delete"):
        ops.pop(0)
    while ops and ops[-1][0] in ("insert", "delete"):
        ops.pop()
    ops = _lead_in_dropped(ops, a, b)
    ops = _lead_in_dropped(ops[::-1], a, b)[::-1]
    return [(tag, a[i1:i2], b[j1:j2]) for tag, i1, i2, j1, j2 in ops if tag != "equal"]


def _lead_in_dropped(
    ops: list[tuple[str, int, int, int, int]], a: list[str], b: list[str]
) -> list[tuple[str, int, int, int, int]]:
    """``ops`` without a leading stretch of two or more changes joined by short shared
    runs (two words or fewer) when one side's changed words are at least twice as
    many as the other's and three more: an outlet's own lead-in to the shared words. A
    single change at the edge ("Adam and Eve" / "Scream and Eve") stays."""
    end = 0
    for k, (tag, i1, i2, _, _) in enumerate(ops):
        if tag == "equal" and i2 - i1 > 2:
            break
        end = k + 1
    while end and ops[end - 1][0] == "equal":
        end -= 1
    changes = [op for op in ops[:end] if op[0] != "equal"]
    if len(changes) < 2:
        return ops
    la = sum(i2 - i1 for _, i1, i2, _, _ in changes)
    lb = sum(j2 - j1 for _, _, _, j1, j2 in changes)
    # The shorter lead-in holds a negator: it may be the change ("everyone was not
    # calling" against "... there wasn't anyone freaking out. Everyone was calling").
    short_side = [
        w for op in ops[:end] for w in (b[op[3] : op[4]] if la > lb else a[op[1] : op[2]])
    ]
    if any(w in _NEGATORS for w in short_side):
        return ops
    long_, short = max(la, lb), min(la, lb)
    return ops[end:] if long_ >= 2 * short and long_ - short >= 3 else ops


_WEB_SUFFIXES = frozenset("com org net co uk www".split())


def _slip(a: str, b: str) -> bool:
    """Two spellings of one long word a letter apart ("damages" / "damaged",
    "population's" / "populations'")."""
    a, b = a.removesuffix("'s").rstrip("'"), b.removesuffix("'s").rstrip("'")
    if a == b:
        return True
    if min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 1:
        return False
    ops = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal") <= 1


def _mistyped_negator(a: str, b: str) -> bool:
    """A negator and a word that is not one, a letter apart in the same place ("not" /
    "now"): one key mistyped, not a remark turned into its opposite, which adds or
    drops a negator ("is not" / "is")."""
    if (a in _NEGATORS) == (b in _NEGATORS) or len(a) != len(b) or len(a) < 3:
        return False
    return sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _short_form(a: str, b: str, cut: frozenset[str]) -> bool:
    """One word is the other's short form, as names are cut ("St." / "Saint" or
    "Street", "Mt." / "Mount"): written with a capital and a stop (``cut``: see
    :func:`cut_words`), two or three of the other's letters in order, the first the
    same; neither a function word nor a word of meaning (not "no" / "not"). Short forms
    of one word only ("Sen.") are spelled out before (``_SPELLING``); these stand for
    more than one."""
    short, long = sorted((a, b), key=len)
    if short not in cut or not (2 <= len(short) <= 3 and len(long) >= max(5, len(short) + 2)):
        return False
    if short[0] != long[0] or not short.isalpha():
        return False
    if any(w in _STOPWORDS | _NEGATORS | _MODALS | _DEGREE for w in (short, long)):
        return False
    rest = iter(long[1:])
    return all(ch in rest for ch in short[1:])


def _abbreviation_of(x: Sequence[str], y: Sequence[str]) -> bool:
    """One side is the initials of the other ("ie" / "internet explorer")."""
    for short, long in ((x, y), (y, x)):
        if len(short) == 1 and len(long) >= 2 and short[0] == "".join(w[0] for w in long):
            return True
    return False


def classify_drift(
    a: list[str],
    b: list[str],
    shown_a: Callable[[str], str] = str,
    shown_b: Callable[[str], str] = str,
    names: frozenset[str] = frozenset(),
    translated: bool = False,
    cut: frozenset[str] = frozenset(),
) -> tuple[str, str] | None:
    """How quote ``b`` differs from quote ``a``: ``(class, detail)`` or None when only
    the extent, function words or the wording differ (see :func:`_wording`). Classes,
    by precedence: negation, modality, substitution, insertion (b has words a lacks),
    deletion (b lacks words a has). ``detail`` lists the changes as ``-removed +added``,
    each word as its quote writes it (``shown_a``, ``shown_b``: see :func:`shown_as`);
    ``names``: the normalised words either quote writes as a name (see
    :func:`names_in`); ``cut``: the words either quote writes short (see
    :func:`cut_words`); ``translated``: the remark reached the outlets in translation
    (see :func:`translated_quote`), so that only a change of negation, modality,
    degree, number or name is drift, not another word for the same thing."""
    # Words left out at an ellipsis are the outlet's cut, not the speaker's change; a
    # compound written apart ("data center" / "datacenter") or a time's ":00" is not one.
    ops = [
        (t, x, y)
        for t, x, y in _interior_ops(a, b)
        if _GAP not in x
        and _GAP not in y
        and "".join(x) != "".join(y)
        and not all(w.strip("0") == "" for w in x + y)
    ]
    # ... nor a typing slip in a long word ("damages" / "damaged") or one that makes a
    # negator of another word ("it is now apparent" / "it is not apparent"), a name's
    # short form ("St." / "Saint"), an abbreviation of the words it stands for ("IE" /
    # "Internet Explorer"), a web address's ".com".
    ops = [
        (t, x, y)
        for t, x, y in ops
        if not (
            len(x) == len(y) == 1
            and (_slip(x[0], y[0]) or _short_form(x[0], y[0], cut) or _mistyped_negator(*x, *y))
        )
        and not _abbreviation_of(x, y)
        and not all(w in _WEB_SUFFIXES for w in x + y)
    ]
    if ops and Counter(w for _, x, _ in ops for w in x) == Counter(w for _, _, y in ops for w in y):
        return None  # the same words in another order ("thinnest and lightest")
    if any(min(len(x), len(y)) >= config.TWO_LINES_MIN_WORDS for _, x, y in ops):
        # Several words in a row on each side in place of each other: two lines of a
        # speech that share some words ("When I say 'watch,' you know what I'm talking
        # about" / "You got to go out and watch. You know what I'm talking about"), not
        # one line misquoted, which changes a word or two.
        return None
    changed = [w for _, x, y in ops for w in x + y]
    if not any(w not in _STOPWORDS or w in _NEGATORS or w in _MODALS for w in changed):
        return None
    detail = "; ".join(
        " ".join(
            filter(
                None,
                [
                    "-" + " ".join(map(shown_a, x)) if x else "",
                    "+" + " ".join(map(shown_b, y)) if y else "",
                ],
            )
        )
        for _, x, y in ops
    )
    # Negation flips the meaning when the changed words add or take out a negator, not
    # when one moves ("I feel we weren't" / "I didn't feel we were"), nor when one
    # outlet quotes more of a remark that has more of them.
    removed = sum(w in _NEGATORS for _, x, _ in ops for w in x)
    added = sum(w in _NEGATORS for _, _, y in ops for w in y)
    if removed % 2 != added % 2:
        return "negation", detail
    if any(_MODALS & set(x) and _MODALS & set(y) and set(x) != set(y) for _, x, y in ops):
        return "modality", detail
    if translated and len(ops) == 1 and len(a) - len(ops[0][1]) >= config.ONE_TRANSLATION_MIN_WORDS:
        # Word for word the same but for one change, over a long stretch: one
        # translation that both outlets carry, not two translators' choices.
        translated = False
    # One outlet turned the remark into its own words about the speaker ("within my
    # authority" / "he was within his legal authority"): a paraphrase in quote marks,
    # whose added or dropped words are the outlet's as much as the speaker's.
    revoiced = _revoiced(ops)
    if all(
        _wording(
            x, y, names, translated, "" if x and y else _word_after(x or y, a if x else b), revoiced
        )
        for _, x, y in ops
    ):
        return None  # how the remark was taken down, not what it says
    tags = {tag for tag, _, _ in ops}
    if "replace" in tags or tags == {"insert", "delete"}:
        return "substitution", detail
    return ("insertion", detail) if tags == {"insert"} else ("deletion", detail)


# Words that change what a remark says when they come or go: degree and quantity ("almost",
# "only", "all"), besides negators, modals, numbers and names. Emphasis ("really",
# "very", "even") and fillers do not: "I really think" and "I think" are one remark, and
# "just" is a filler in speech far more often than "only" ("I just want to wish").
_DEGREE = {
    "almost", "nearly", "only", "all", "every", "each", "always", "some", "many",
    "most", "few", "fewer", "more", "less", "least", "much", "any", "both", "half", "hardly",
    "barely", "scarcely", "partly", "entirely", "completely", "totally", "again", "still",
    "already", "yet", "ever", "too", "also",
}  # fmt: skip
_COURTESY = frozenset({"mr", "mrs", "ms", "dr", "mister"})  # before a name, not one
_LIGHT = _STOPWORDS | _COURTESY | {
    # emphasis and fillers
    "really", "very", "so", "even", "truly", "actually", "certainly", "indeed", "quite",
    "absolutely", "well", "oh", "uh", "um", "ah", "like", "now", "then", "here",
    # persons and their forms: a remark re-voiced ("I look forward" / "looks forward")
    "me", "him", "us", "them", "mine", "yours", "hers", "ours", "theirs", "myself",
    "himself", "herself", "ourselves", "themselves", "am", "being", "who", "which", "what",
    "got", "get", "going", "will", "would",
    # "'s" split from its noun (see _quote_tokens)
    "'s",
}  # fmt: skip
# Forms of one word that the suffixes do not join ("say" / "said", "man" / "men").
_IRREGULAR = {
    "said": "say", "says": "say", "told": "tell", "tells": "tell", "thought": "think",
    "made": "make", "went": "go", "gone": "go", "came": "come", "took": "take",
    "taken": "take", "gave": "give", "given": "give", "won": "win", "lost": "lose",
    "left": "leave", "felt": "feel", "kept": "keep", "knew": "know", "known": "know",
    "saw": "see", "seen": "see", "became": "become", "brought": "bring", "bought": "buy",
    "built": "build", "meant": "mean", "men": "man", "women": "woman", "children": "child",
    "people": "person",
}  # fmt: skip


def _lemma(word: str) -> str:
    """One form for the forms of a word ("experiences" / "experience", "said" / "say")."""
    return _stem(_IRREGULAR.get(word, word))


def _weighty(w: str, names: frozenset[str]) -> bool:
    """A word whose coming or going changes what a remark says: a negator, a modal, a
    word of degree, a name, a number."""
    return w in _NEGATORS or w in _MODALS or w in _DEGREE or w in names or w[:1].isdigit()


def _revoiced(ops: Sequence[tuple[str, list[str], list[str]]]) -> bool:
    """A change puts a first person on one side where the other has a third ("my" /
    "his", "I" / "he"): the same remark told by someone else."""
    gone = {w for _, x, _ in ops for w in x}
    come = {w for _, _, y in ops for w in y}
    return bool(
        (gone & _FIRST_SINGULAR and come & _THIRD_SINGULAR)
        or (gone & _THIRD_SINGULAR and come & _FIRST_SINGULAR)
    )


_FIRST_SINGULAR = frozenset("i me my mine myself".split())
_THIRD_SINGULAR = frozenset("he him his himself she her hers herself".split())


def _word_after(run: list[str], words: list[str]) -> str:
    """The word that follows ``run`` where it first stands in ``words`` ("" if none)."""
    n = len(run)
    for i in range(len(words) - n):
        if words[i : i + n] == run:
            return words[i + n]
    return ""


def _wording(
    x: list[str],
    y: list[str],
    names: frozenset[str],
    translated: bool = False,
    after: str = "",
    revoiced: bool = False,
) -> bool:
    """One difference between two quotes of one remark (``x`` in one, ``y`` in the
    other) is wording, not meaning: it adds, drops or changes no negator, modal,
    number, name or word of degree, and what it changes besides is only light words
    (function words, emphasis, fillers, persons: "I look" / "he looks") and the forms of
    a word ("experiences" / "experience", "said" / "says"). A content word put in or
    left out ("started deliberately", "traditional Labour values") is drift, except in
    a remark one outlet re-voiced (``revoiced``: "my authority" / "his legal
    authority"), where only a word put for another is."""

    if any(_weighty(w, names) for w in x + y):
        return False
    if translated:
        return True  # each outlet's translator chose their own words
    if not (x and y) and _wished(x or y) and after in _PERFORMATIVES:
        return True  # "I wish my successor" / "I just want to wish my successor"
    if not (x and y) and tuple(x or y) in _FILLERS:
        return True  # "we will, you know, get it done"
    rest_x = sorted(_lemma(w) for w in x if w not in _LIGHT)
    rest_y = sorted(_lemma(w) for w in y if w not in _LIGHT)
    if revoiced and not (rest_x and rest_y):
        return True  # words a re-voicing outlet put in or left out, none put for another
    return rest_x == rest_y


def _wished(words: list[str]) -> bool:
    """Words that frame a verb as wished ("want to", "just wanted to"): before a verb
    that does what it says ("I want to thank", "I just want to wish you well"), how the
    speaker put it, which a transcript keeps and a summary drops; before another verb
    ("we want to cut taxes" / "we cut taxes") a change of what the remark claims."""
    rest = [w for w in words if w not in _LIGHT]
    return words[-1:] == ["to"] and bool(rest) and all(w in _VOLITION for w in rest)


_VOLITION = frozenset({"want", "wants", "wanted"})
# Fillers of more than one word, which transcripts keep and summaries drop.
_FILLERS = frozenset({("you", "know"), ("i", "mean"), ("you", "see")})
# Verbs that do what they say when said ("I wish you", "I thank", "I apologise").
_PERFORMATIVES = frozenset(
    "wish thank say congratulate welcome apologise apologize express extend offer "
    "acknowledge send".split()
)


def cut_words(text: str) -> frozenset[str]:
    """The normalised words that ``text`` writes short: a capital, a letter or two and
    a stop ("St. Peter", "Main St. tomorrow")."""
    return frozenset(w.lower() for w in _CUT.findall(text))


_CUT = re.compile(r"\b([A-Z][a-z]{1,2})\.(?=\s)")


def names_in(text: str) -> frozenset[str]:
    """The normalised words that ``text`` writes with a capital inside a sentence (not
    first, not "I"): names, in the eyes of a quote's comparison ("traditional Labour
    values")."""
    text = text.strip()
    out: set[str] = set()
    for m in _CAPITALISED.finditer(text):
        if m.group(0).lower() not in _FIRST_PERSON and not _SENTENCE_OPENS.search(
            text, 0, m.start()
        ):
            out.update(quote_words(m.group(0)))
    return frozenset(out - _COURTESY)


def translated_quote(c: Claim, articles: Mapping[str, Article]) -> bool:
    """The article tells that the quote reached it in translation: a language, an
    interpreter or a translation named around the quote ("said in German", "through
    an interpreter"), or anywhere as the language of a remark ("The pope was speaking
    in Latin"); a speaker it introduces by a nationality whose language is not English
    ("German Chancellor Angela Merkel", "the Greek prime minister George Papandreou");
    or an attribution whose subject is of such a country ("China's ministry of commerce
    said")."""
    assert c.quote is not None
    text = articles[c.article_id].text
    around = text[max(0, c.sentence_start - 300) : c.sentence_end + 300]
    if _IN_LANGUAGE.search(around) or _spoken_in_another_language(text):
        return True
    if _FOREIGN_SUBJECT.search(_without(c)):
        return True
    surname = c.quote.speaker.split()[-1] if c.quote.speaker else ""
    if not surname:
        return False
    return any(
        _FOREIGN_BEFORE.search(text, max(0, m.start() - 60), m.start())
        for m in re.finditer(rf"\b{re.escape(surname)}\b", text)
    )


# Languages other than English, and nationalities that speak one: a closed class.
_LANGUAGES = (
    "German|French|Spanish|Italian|Portuguese|Dutch|Greek|Russian|Ukrainian|Polish|Czech|"
    "Hungarian|Romanian|Swedish|Norwegian|Danish|Finnish|Turkish|Arabic|Hebrew|Persian|"
    "Farsi|Urdu|Hindi|Chinese|Mandarin|Cantonese|Japanese|Korean|Vietnamese|Thai|"
    "Indonesian|Latin|Kurdish|Pashto|Dari|Serbian|Croatian|Bulgarian"
)
_NATIONALITIES = (
    _LANGUAGES + "|Mexican|Brazilian|Argentine|Argentinian|Colombian|Venezuelan|Cuban|"
    "Chilean|Peruvian|Bolivian|Iranian|Iraqi|Syrian|Saudi|Yemeni|Egyptian|Libyan|Tunisian|"
    "Algerian|Moroccan|Lebanese|Jordanian|Palestinian|Israeli|Qatari|Emirati|Afghan|"
    "Pakistani|Austrian|Swiss|Belgian|North Korean|South Korean|Taiwanese|Malaysian|"
    "Sudanese|Somali|Ethiopian|Congolese|Malian|Nigerien|Haitian|Vatican|Catalan"
)
# After a language's name, what makes it the language, not an adjective of another
# thing ("in Greek stocks", "in Chinese goods"): a mark, the end, or a function word.
_AS_A_LANGUAGE = (
    r"(?=\s*(?:[.,;:!?)\"”’']|$)|\s+(?:and|or|to|with|at|on|in|during|before|after|when|"
    r"while|as|for|by|from|that|which|but|so|because|then|saying|said|says|he|she|they)\b)"
)
_IN_LANGUAGE = re.compile(
    rf"\b(?:in|into|from)\s+(?:{_LANGUAGES})\b{_AS_A_LANGUAGE}"
    r"|\b(?:interpreter|translat(?:ed|ion|or|ing))\b"
)
# Countries whose language is not English, and capitals that stand for their
# governments, as an attribution's subject names them.
_FOREIGN_PLACES = (
    "China|Russia|Iran|Iraq|Syria|Greece|Germany|France|Spain|Italy|Portugal|Japan|"
    "North Korea|South Korea|Korea|Mexico|Brazil|Argentina|Colombia|Venezuela|Cuba|Chile|"
    "Turkey|Egypt|Israel|Saudi Arabia|Pakistan|Afghanistan|Ukraine|Poland|Hungary|Libya|"
    "Yemen|Lebanon|Qatar|Taiwan|Vietnam|Indonesia|Sudan|Somalia|Ethiopia|Austria|"
    "Belgium|Netherlands|Sweden|Norway|Denmark|Finland|Switzerland|Vatican|Beijing|Moscow|"
    "Tehran|Baghdad|Damascus|Berlin|Paris|Madrid|Rome|Tokyo|Pyongyang|Seoul|Ankara|Cairo|Kiev"
)
# Offices as news writes them in lower case ("the Greek prime minister George ...").
_OFFICE_WORDS = (
    "prime|foreign|finance|defen[cs]e|interior|deputy|vice|minister|president|chancellor|"
    "leader|king|queen|pope|spokes(?:man|woman|person)|ambassador|envoy|official|general|"
    "commander|opposition|head|chief|former|the"
)
# A nationality, then at most three words of a title or an office, right before a name.
_FOREIGN_BEFORE = re.compile(
    rf"\b(?:{_NATIONALITIES})\s+(?:[A-Z][\w.'’-]*,?\s+|(?:{_OFFICE_WORDS})\s+){{0,3}}$"
)
# An attribution whose subject belongs to such a country: "China's ministry of commerce
# said", "the Iranian foreign ministry said".
_FOREIGN_SUBJECT = re.compile(
    rf"\b(?:(?:{_FOREIGN_PLACES})['’]s|{_NATIONALITIES})\s+(?:[a-z][\w'’-]*\s+){{0,3}}?"
    r"(?:said|says|told|stated|announced|declared|added)\b"
)
# A remark said in another language, wherever the article tells it: a verb or noun of
# speech, then "in Latin" within the clause; or an English version of what was said
# ("An English version of it includes an image of the Eiffel Tower").
_SPOKEN_IN = re.compile(
    r"\b(?:said|says|spoke|speaking|speaks|announced|announcing|told|telling|addressed|"
    r"delivered|read|wrote|written|statement|remarks|speech|address|message|video|interview)"
    rf"\b[^.;\n]{{0,60}}?\bin\s+(?:{_LANGUAGES})\b{_AS_A_LANGUAGE}"
    r"|\bEnglish[ -](?:language\s+)?(?:version|translation|transcript|subtitles)\b"
)


_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
_FIRST_PERSON = {"i", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d", "i'll", "i’ll"}
# What a sentence opens after: the start of the text, a stop, a colon, a mark, a bracket.
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?:\"“‘(\[—–-])\W*$")


_DRIFT_SEVERITY = {
    "negation": Severity.HIGH,
    "modality": Severity.MEDIUM,
    "substitution": Severity.MEDIUM,
    "insertion": Severity.MEDIUM,
    "deletion": Severity.LOW,
}


def compare_quotes(
    a: Claim, b: Claim, similarity: float, articles: Mapping[str, Article]
) -> Finding | None:
    """Quote rule: identical → corroboration; same words, two named speakers →
    misattribution; one an excerpt of the other → nothing; else, when they are one
    remark (the shorter quote matches a stretch of the longer), drift, classified.

    An unresolved speaker is never named for both sides: the same words quoted by an
    outlet that names no speaker corroborate the words, not who said them."""
    assert a.quote is not None and b.quote is not None
    if _posted_by_another(a, articles) or _posted_by_another(b, articles):
        return None  # a post's shorthand of someone's words: neither theirs nor the outlet's
    wa, wb = quote_words(a.quote.words), quote_words(b.quote.words)
    ka, kb = a.quote.speaker_key, b.quote.speaker_key
    named_apart = speakers_differ(ka, kb)
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if not [w for w in short if w != _GAP]:
        return None
    if wa == wb or _contiguous(short, long):
        # Only speakers the attributions name as people count: "he said" resolved to
        # the wrong antecedent must not accuse an outlet of misattribution.
        named = a.quote.named and b.quote.named and not _names_each_other(a, b)
        if named_apart and named and len(short) >= config.MISATTRIBUTION_MIN_WORDS:
            return Finding(
                FindingKind.MISATTRIBUTION,
                Severity.HIGH,
                f"the same words are given to {a.quote.speaker} by {a.outlet} and to "
                f"{b.quote.speaker} by {b.outlet}: “{_short(a.quote.words, 60)}”",
                _sides(a, b, articles),
                similarity=similarity,
            )
        if wa == wb and not named_apart and len(wa) >= config.CORROBORATION_MIN_WORDS:
            if ka and ka == kb:
                who = f"quote {a.quote.speaker or b.quote.speaker} identically"
            else:
                who = "carry the same quoted words"  # whose, at most one of them says
            return Finding(
                FindingKind.CORROBORATION,
                Severity.INFO,
                f"{a.outlet} and {b.outlet} {who}: “{_short(a.quote.words, 60)}”",
                _sides(a, b, articles),
                similarity=similarity,
            )
        return None  # an excerpt, or too short to tell
    one = _one_remark(a, b, wa, wb, articles)
    if one is None or _carried(wa, b, articles) or _carried(wb, a, articles):
        return None  # two remarks; or two remarks of a speech, each outlet carrying both
    if _chanted(a) or _chanted(b):
        return None  # a crowd's chant or a sign's words: said many times, many ways
    ref, new, wr, wn = one
    # Two named people: two remarks, unless the words are all but the same, when one
    # outlet has the speaker wrong (see misattribution) and the words still drifted.
    if named_apart and (
        min(len(wr), len(wn)) < config.DRIFT_ACROSS_SPEAKERS_MIN_WORDS
        or difflib.SequenceMatcher(a=wr, b=wn, autojunk=False).ratio()
        < config.DRIFT_ACROSS_SPEAKERS_MIN_RATIO
    ):
        return None
    rq, nq = ref.quote, new.quote
    assert rq is not None and nq is not None
    names = names_in(rq.words) | names_in(nq.words)
    translated = translated_quote(ref, articles) or translated_quote(new, articles)
    cut = cut_words(rq.words) | cut_words(nq.words)
    drift = classify_drift(wr, wn, shown_as(rq.words), shown_as(nq.words), names, translated, cut)
    if named_apart and rq.named and nq.named and not _names_each_other(ref, new):
        # Nearly the same words, given by name to two people: a misattribution first
        # (whether or not the words also drifted).
        subtype, detail = drift or ("", "")
        changed = f" ({subtype}: {_short(detail, 60)})" if drift else ""
        return Finding(
            FindingKind.MISATTRIBUTION,
            Severity.HIGH,
            f"nearly the same words are given to {rq.speaker} by {ref.outlet} and to "
            f"{nq.speaker} by {new.outlet}: “{_short(rq.words, 60)}”{changed}",
            (side(ref, articles[ref.article_id]), side(new, articles[new.article_id])),
            detail=detail,
            subtype=subtype,
            similarity=similarity,
        )
    if drift is None or _said_on_other_occasions(ref, new, articles):
        return None
    if _said_many_times(ref) or _said_many_times(new):
        return None  # one of several sayings, each perhaps worded its own way
    subtype, detail = drift
    shorter = nq if subtype == "deletion" else rq if subtype == "insertion" else None
    left_out = (Counter(wr) - Counter(wn)) + (Counter(wn) - Counter(wr))
    if shorter is not None and shorter.fragment and not any(_weighty(w, names) for w in left_out):
        # A few words woven into the outlet's own sentence ("saying he “built his campaign
        # on prejudice”"): the outlet chose which words to quote, and one it left out,
        # with no negator, number, name or word of degree, changes nothing it claims.
        return None
    if named_apart:
        who = f"the same remark (given to {rq.speaker} and to {nq.speaker})"
    else:
        who = rq.speaker or nq.speaker or "the speaker"
    return Finding(
        FindingKind.QUOTE_DRIFT,
        _DRIFT_SEVERITY[subtype],
        f"{who} is quoted differently by {ref.outlet} and {new.outlet} ({subtype}: "
        f"{_short(detail, 80)})",
        (side(ref, articles[ref.article_id]), side(new, articles[new.article_id])),
        detail=detail,
        subtype=subtype,
        similarity=similarity,
    )


@functools.lru_cache(maxsize=256)
def _spoken_in_another_language(text: str) -> bool:
    """The article tells anywhere that a remark was made in another language (see
    ``_SPOKEN_IN``): read once an article, not once for each pair of its quotes."""
    return _SPOKEN_IN.search(text) is not None


def _remark_day(c: Claim, articles: Mapping[str, Article]) -> str:
    """The day of the week a quote was said on, as its article tells it: the day its
    sentence names outside the quote, nearest before it, else first after it ("Asked
    Monday about the report, Carney said"); else, in the last sentence of the few
    paragraphs before that names the speaker and a day, the first day after the name
    ("Jay Carney on Tuesday reiterated ...", "Fiorina called it quits Wednesday after
    the primary Tuesday night"); "" when none. A day that owns a thing ("Tuesday's
    primary") is not a day of speaking."""
    assert c.quote is not None
    text = articles[c.article_id].text

    def days(lo: int, hi: int) -> list[str]:
        return [
            m.group()
            for m in WEEKDAY.finditer(text, lo, hi)
            if not text.startswith(("'", "’"), m.end())
        ]

    if before := days(c.sentence_start, c.start):
        return before[-1]
    if after := days(c.end, c.sentence_end):
        return after[0]
    surname = c.quote.speaker.split()[-1] if c.quote.speaker else ""
    if not surname:
        return ""
    lo = max(0, c.sentence_start - config.REMARK_DAY_REACH)
    starts = [lo] + [m.end() for m in _SENTENCE_END.finditer(text, lo, c.sentence_start)]
    ends = [*starts[1:], c.sentence_start]
    for start, end in reversed(list(zip(starts, ends, strict=True))):
        name = re.search(rf"\b{re.escape(surname)}\b", text[start:end])
        if name and (named := days(start + name.end(), end)):
            return named[0]
    return ""


_SENTENCE_END = re.compile(r"[.?!]\s|\n")


def _remark_year(c: Claim) -> str:
    """The year a quote's attribution says it was said in ("he said in 2009", "in a
    2009 speech", "In 2009, Obama said"); "" when it names none."""
    assert c.quote is not None
    m = _SAID_IN_YEAR.search(_without(c, " “…” "))  # no year read across the quote
    return next((y for y in m.groups() if y), "") if m else ""


# Verbs of saying: what an attribution does.
_SAYING = (
    r"(?:said|says|say|told|tells|repeated|repeats|called|calls|asked|asks|warned|warns|urged|"
    r"urges|insisted|insists|argued|argues|vowed|promised|declared|used|uses|referred|wrote)"
)
_SAID_IN_YEAR = re.compile(
    rf"\b{_SAYING}\b[^.;“”\"]{{0,40}}?\bin\s+(?:[A-Z][a-z]+\.?\s+(?:\d{{1,2}},?\s+)?)?"
    r"((?:19|20)\d\d)\b"
    r"|\b((?:19|20)\d\d)\s+(?:speech|interview|address|statement|remarks|debate|hearing|"
    r"testimony|rally|letter|memo|email)"
    rf"|\b[Ii]n\s+((?:19|20)\d\d),?\s+(?:[\w.'’-]+\s+){{1,4}}{_SAYING}\b"
)


def _said_many_times(c: Claim) -> bool:
    """The attribution says the speaker said it often ("called out Rubio many times,
    asking the audience to watch for ..."): the quote is one of several sayings."""
    return bool(_MANY_TIMES.search(_without(c)))


# The speaker said it often: an adverb of repetition on a verb of saying, not on another
# verb ("a store that has been repeatedly attacked").
_MANY_TIMES = re.compile(
    rf"\b{_SAYING}\b(?:\s+[\w.'’-]+){{0,3}}?\s+(?:(?:many|several|countless|numerous|multiple)"
    r"\s+times|repeatedly|again\s+and\s+again|time\s+and\s+again|over\s+and\s+over)\b"
    rf"|\b(?:repeatedly|often|frequently|routinely)\s+{_SAYING}\b",
    re.IGNORECASE,
)


def _said_on_other_occasions(a: Claim, b: Claim, articles: Mapping[str, Article]) -> bool:
    """The two articles say the two quotes were said on different days or in different
    years (one attribution names a year, the other names another or stands in an
    article of another year): two statements, each quoted faithfully, not one drifted."""
    day_a, day_b = _remark_day(a, articles), _remark_day(b, articles)
    if day_a and day_b and day_a != day_b:
        return True
    year_a, year_b = _remark_year(a), _remark_year(b)
    if not (year_a or year_b):
        return False

    def published(c: Claim) -> str:
        day = articles[c.article_id].published
        return str(day.year) if day else ""

    year_a, year_b = year_a or published(a), year_b or published(b)
    return bool(year_a and year_b and year_a != year_b)


_CHANT = re.compile(
    r"\b(?:chant(?:s|ed|ing)?|sang|sing(?:s|ing)?|signs?\s+(?:that\s+)?(?:read|reading|said|saying))"
    r"\b[^“”\"]{0,12}$",
    re.IGNORECASE,
)


def _chanted(c: Claim) -> bool:
    """The quote is introduced as a chant, a song or a sign ("Dozens chanted “…”")."""
    return bool(_CHANT.search(c.sentence[: c.start - c.sentence_start].rstrip(' “"')))


def _posted_by_another(c: Claim, articles: Mapping[str, Article]) -> bool:
    """The quote stands in a social post the article embeds ("… pic.twitter.com/x —
    Jim Acosta (@Acosta) March 15, 2017"), posted by someone other than the speaker the
    attribution names (or by anyone, when it names none): the poster's hurried
    rendering of another's words, which the article carries as the post has it, not a
    quote of its own."""
    assert c.quote is not None
    text = articles[c.article_id].text
    line_end = text.find("\n", c.end)
    post = _POST_SIGNATURE.search(text, c.end, line_end if line_end >= 0 else len(text))
    if post is None:
        return False
    poster = {w.lower() for w in re.findall(r"[\w'’-]+", post.group(1))} | {post.group(2).lower()}
    speaker = set(c.quote.speaker_key.split("+")) - {""}
    return not (speaker and any(s in p for s in speaker for p in poster))


# How an embedded post signs off: "— Name (@handle) Month D, YYYY".
_POST_SIGNATURE = re.compile(
    r"[—–-]\s*([^()—–\n]{1,60}?)\s*\(@(\w{1,15})\)\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}"
)


def _carried(words_: list[str], other: Claim, articles: Mapping[str, Article]) -> bool:
    """The other article quotes these words too, word for word: "“The man is
    petrified,” the judge said. “The man is an emotional wreck.”" in both outlets is
    two remarks, not one drifted."""
    return len(words_) >= 3 and _contiguous(words_, quote_words(articles[other.article_id].text))


def _names_each_other(a: Claim, b: Claim) -> bool:
    """One outlet's attribution also names the other's speaker ("said Oregon State
    Police Lt. Gregg Hastings" / "said Lt. Gregg Hastings"; "Jenna Coleman … welcome
    Peter Capaldi …, adding"): the two speakers may be one person read two ways, or the
    sentence may name both, so neither names the other wrong."""
    assert a.quote is not None and b.quote is not None

    def outside(c: Claim) -> set[str]:
        return {w.lower() for w in re.findall(r"[\w’'-]+", _without(c))}

    return bool(set(b.quote.speaker_key.split("+")) & outside(a)) or bool(
        set(a.quote.speaker_key.split("+")) & outside(b)
    )


def _one_remark(
    a: Claim, b: Claim, wa: list[str], wb: list[str], articles: Mapping[str, Article]
) -> tuple[Claim, Claim, list[str], list[str]] | None:
    """When two quotes are one remark, ``(reference, retelling, its words, theirs)``:
    the words compared are the stretch of the longer quote that the shorter one
    quotes (an outlet often quotes more of a remark) and the shorter one. A few words
    ("traditional Labour values") are one remark with a longer quote only when the
    speaker is the same, or one outlet names none (it weaves the words into its own
    sentence); otherwise the earlier article is the reference."""
    assert a.quote is not None and b.quote is not None
    ka, kb = a.quote.speaker_key, b.quote.speaker_key
    ref, new = sorted((a, b), key=lambda c: _published_order(c, articles))
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    whole = difflib.SequenceMatcher(a=wa, b=wb, autojunk=False).ratio()
    similar_length = len(long) <= len(short) + 2
    if whole >= config.QUOTE_SAME_UTTERANCE_MIN and (
        similar_length or len(short) > config.FRAGMENT_MAX_WORDS
    ):
        wr, wn = (wa, wb) if ref is a else (wb, wa)
        return ref, new, wr, wn
    if similar_length or len(short) < 3:
        return None  # two different remarks
    if len(short) <= config.FRAGMENT_MAX_WORDS and (ka != kb if ka and kb else not (ka or kb)):
        return None  # a few words, given to two people or to nobody
    window, matched, at = _best_window(short, long)
    content = [w for w in short if w not in _STOPWORDS]
    if matched < max(2, math.ceil(config.FRAGMENT_MATCH_MIN * len(short))):
        return None
    if sum(w in window for w in content) < 2:
        return None
    # The window, or the window reaching one word further to the quote's first or last
    # word: the best match leaves out an edge word the fragment changed.
    tries = [(at, at + len(window))]
    tries += [(at, at + len(window) + 1)] if at + len(window) == len(long) - 1 else []
    tries += [(at - 1, at + len(window))] if at == 1 else []
    for lo, hi in tries:
        if _aligned_inside(long[lo:hi], short, lo == 0, hi == len(long)):
            window = long[lo:hi]
            break
    else:
        return None
    # The longer quote is the reference: the shorter one retells part of it.
    long_claim, short_claim = (b, a) if short is wa else (a, b)
    return long_claim, short_claim, window, short


def _published_order(c: Claim, articles: Mapping[str, Article]) -> tuple[bool, str, str, int]:
    published = articles[c.article_id].published
    return (published is None, published.isoformat() if published else "", c.article_id, c.start)


# --- quantities -------------------------------------------------------------------------


# Counted nouns so generic that two figures for them in loosely similar sentences are
# usually about different things ("eight years ago" / "485 years" in prison).
_GENERIC_NOUNS = {"year", "month", "week", "day", "hour", "minute", "second", "time", "season"}
# Counted nouns of sports statistics and spans of time: a player's line for one game
# and another, an age and the years since, read alike in any two articles of a story.
_OCCASION_NOUNS = _GENERIC_NOUNS | {
    "point", "yard", "game", "pass", "carry", "rebound", "shot", "touchdown", "goal", "run",
    "hit", "inning", "assist", "catch", "reception", "start", "win", "loss", "match", "round",
}  # fmt: skip


_TALLY_NOUNS = {"record", "score", "tally"}


def _same_slot(x: Quantity, y: Quantity) -> bool:
    """Two numbers count the same thing: same counted noun and unit, and no two
    different named subjects ("Labour lost 275" is not "UKIP lost 100")."""
    if x.noun != y.noun or x.unit != y.unit:
        return False
    if not x.noun and not x.unit:
        return False  # a bare count of nothing named: no slot to compare. Money and
    # shares say what they measure even without a noun ("cost £12m", "rose 4 per cent").
    if x.noun in _TALLY_NOUNS:
        return False  # "an 18-30 record" is wins and losses, not a range of 18 to 30
    return not (x.subject and y.subject and x.subject.lower() != y.subject.lower())


def _exact(i: Interval) -> bool:
    return i.low == i.high


def describe(q: Quantity) -> str:
    """ "around 200 supporters" — the number as written, with the thing counted."""
    if not q.noun or q.unit == "share":
        return q.text
    return f"{q.text} {q.noun if q.interval.high == 1 else plural(q.noun)}"


def plural(noun: str) -> str:
    """The plural of a counted noun as quantities give it, singular ("child" → "children")."""
    if noun in PLURALS:
        return PLURALS[noun]
    if noun.endswith("s") or noun in {"people", "staff", "police", "personnel", "sheep"}:
        return noun
    if noun.endswith(("ch", "sh", "x")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    return noun + "s"


def fmt_interval(i: Interval) -> str:
    def num(v: float) -> str:
        if math.isinf(v):
            return "∞"
        return f"{v:,.0f}" if abs(v) >= 100 or v == int(v) else f"{v:.3g}"

    return f"{'(' if i.low_open else '['}{num(i.low)}, {num(i.high)}{')' if i.high_open else ']'}"


def _stem(word: str) -> str:
    if word.endswith("sses"):
        return word[:-2]  # "businesses" / "business", "classes" / "class"
    if word.endswith("ss"):
        return word  # not a plural
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def frame(c: Claim) -> frozenset[str]:
    """The content words around a quantity claim's number (stemmed, its noun and other
    numbers left out): what the number is said about."""
    assert c.quantity is not None
    lo, hi = c.start - c.sentence_start, c.end - c.sentence_start
    return _frame(c.sentence, lo, hi, c.quantity.noun)


@functools.lru_cache(maxsize=1 << 16)
def _frame(sentence: str, lo: int, hi: int, noun: str) -> frozenset[str]:
    before = words(sentence[:lo])[-config.FRAME_REACH :]
    after = words(sentence[hi:])[: config.FRAME_REACH]
    noun_stem = _stem(noun)
    return frozenset(
        _stem(w)
        for w in before + after
        if w not in _STOPWORDS and not w[:1].isdigit() and len(w) > 2 and _stem(w) != noun_stem
    )


def _frames_agree(x: Claim, y: Claim, near_paraphrase: bool) -> bool:
    shared = len(frame(x) & frame(y))
    return shared >= (1 if near_paraphrase else config.FRAME_SHARED_MIN)


# A figure per unit of time or per head ("$22 million per season", "£5 a head", "500
# annually") and a sum over several ("a combined 157 games", "a total of 40", "12 in
# all") measure something else than a plain figure of the same noun.
_RATE = re.compile(
    r"^\s*(?:[a-z]+\s+){0,2}?(?:(?:per|a|an|each|every)\s+(?:year|season|month|week|day|"
    r"night|hour|minute|game|match|head|person|capita|annum)|annually|apiece|yearly|monthly|"
    r"weekly|daily)\b",
    re.IGNORECASE,
)
_SUM_BEFORE = re.compile(r"\b(?:combined|total\s+of|overall|cumulative)\s+$", re.IGNORECASE)
_SUM_AFTER = re.compile(
    r"^\s*(?:[a-z]+\s+){0,2}?(?:combined|in\s+all|altogether|in\s+total)\b", re.IGNORECASE
)


def _measure(c: Claim) -> str:
    """What a figure measures besides its noun: "rate", "sum" or ""."""
    before = c.sentence[: c.start - c.sentence_start]
    after = c.sentence[c.end - c.sentence_start :]
    if _RATE.match(after):
        return "rate"
    if _SUM_BEFORE.search(before) or _SUM_AFTER.match(after):
        return "sum"
    return ""


def _counted_of(c: Claim) -> str:
    """What the figure's noun is of, as the words right after it say ("1,800 pages of
    transcripts" → "transcript", "hundreds of pages of related material" → "material"):
    the last word of the phrase after "of", one form of it; "" when none follows."""
    m = _OF_PHRASE.match(c.sentence, c.end - c.sentence_start)
    return _lemma(m.group(1).lower()) if m else ""


# After a figure: its noun (or "of" and its noun, after "hundreds"), then "of" and a short
# phrase up to a word that ends it.
_OF_PHRASE = re.compile(
    r"\s+(?:of\s+)?[a-z-]+\s+of\s+(?:(?:the|a|an|its|their|his|her)\s+)?"
    r"(?:[a-z-]+\s+){0,2}?([a-z-]+)(?=\s+(?:from|in|on|at|with|by|for|to|that|which|and|or|"
    r"was|were|is|are|had|has)\b|\s+[A-Z]|\s*[,.;:]|\s*$)"
)


def in_parentheses(c: Claim) -> bool:
    """A figure in brackets right after another ("$1 million ($1.52 million)", "10
    kilometres (6 miles)") converts or restates it."""
    lo = c.start - c.sentence_start
    return c.sentence[:lo].rstrip().endswith("(")


def quantity_severity(ratio: float) -> Severity:
    """How severe a disagreement of two figures is, by the ratio between their nearest
    bounds (``QUANTITY_HIGH_RATIO``, ``QUANTITY_MEDIUM_RATIO``)."""
    if ratio >= config.QUANTITY_HIGH_RATIO:
        return Severity.HIGH
    return Severity.MEDIUM if ratio >= config.QUANTITY_MEDIUM_RATIO else Severity.LOW


def compare_quantities(
    a: Sequence[Claim],
    b: Sequence[Claim],
    similarity: float,
    articles: Mapping[str, Article],
    near_paraphrase_min: float = config.NEAR_PARAPHRASE_MIN,
) -> list[Finding]:
    """Quantity rule for two paired sentences (``a``, ``b``: every quantity claim of
    each). A number the sentence rule compares (``_in_sentence_rule``) conflicts only
    when no number on the other side counting the same thing overlaps it; then the
    nearest such comparable number is reported. Equal exact numbers for the same
    thing corroborate each other.
    ``near_paraphrase_min``: the model's (see :class:`crosscheck.config.Thresholds`)."""
    out = []
    others = [(c, c.quantity) for c in b if c.quantity is not None]
    mine = [(c, c.quantity) for c in a if c.quantity is not None]
    for x_claim in a:
        x = x_claim.quantity
        assert x is not None
        if not _in_sentence_rule(x_claim):
            continue
        alike = [(c, q) for c, q in others if _same_slot(x, q)]
        same = [(c, q) for c, q in alike if _in_sentence_rule(c)]
        if not same:
            continue
        if any(x.interval.overlaps(q.interval) for c, q in alike if not _in_sentence_rule(c)):
            continue  # the other sentence gives x's figure too, in a phrase not compared
        overlapping = [(c, q) for c, q in same if x.interval.overlaps(q.interval)]
        if overlapping:
            equal = [c for c, q in overlapping if _exact(x.interval) and q.interval == x.interval]
            if equal:
                out.append(
                    Finding(
                        FindingKind.CORROBORATION,
                        Severity.INFO,
                        f"{x_claim.outlet} and {equal[0].outlet} both give {describe(x)}",
                        _sides(x_claim, equal[0], articles),
                        similarity=similarity,
                    )
                )
            continue
        y_claim, y = min(same, key=lambda cq: (x.interval.gap_ratio(cq[1].interval), cq[0].start))
        mine_same = [q for _, q in mine if _same_slot(x, q)]
        if (len(same) > 1 or len(mine_same) > 1) and not (
            similarity >= near_paraphrase_min
            and len(same) == len(mine_same)
            and mine_same.index(x) == [q for _, q in same].index(y)
        ):
            # Several figures for one noun ("178 of 369 punches"): compare only the
            # figure in the same place of a near-identical sentence.
            continue
        if any(_same_slot(y, q) and y.interval.overlaps(q.interval) for c, q in mine):
            continue  # y agrees with another number of this sentence: x counts something else
        if not _frames_agree(x_claim, y_claim, similarity >= near_paraphrase_min):
            continue  # the words around the two numbers say they count different things
        if _measure(x_claim) != _measure(y_claim):
            continue  # "$22 million per season" and "$200 million"; "a combined 157 games"
        of_x, of_y = _counted_of(x_claim), _counted_of(y_claim)
        if of_x and of_y and of_x != of_y:
            continue  # "pages of related material" and "pages of transcripts": two sets
        rest_x = [q for c, q in mine if c is not x_claim]
        rest_y = [q for c, q in others if c is not y_claim]
        if (
            rest_x
            and rest_y
            and not any(p.interval.overlaps(q.interval) for p in rest_x for q in rest_y)
        ):
            continue  # every other figure differs too: two occasions (two games, two seasons)
        if x.interval.gap_ratio(y.interval) < config.QUANTITY_MIN_RATIO:
            continue  # "over four days" and "four days": a hedge apart, not a conflict
        ratio = x.interval.gap_ratio(y.interval)
        if ratio > config.SENTENCE_FIGURE_MAX_RATIO:
            continue  # an order of magnitude apart: a game's points and a career's
        if similarity < near_paraphrase_min:
            continue  # a figure without a slot conflicts only in a near paraphrase
        if x.noun in _OCCASION_NOUNS and similarity < config.NEAR_IDENTICAL_MIN:
            continue  # a game's statistics or a span of time: one sentence, two occasions
        severity = quantity_severity(ratio)
        out.append(
            Finding(
                FindingKind.QUANTITY_CONFLICT,
                severity,
                f"{x_claim.outlet} says {describe(x)} {fmt_interval(x.interval)}; "
                f"{y_claim.outlet} says {describe(y)} {fmt_interval(y.interval)}: "
                "the ranges do not overlap",
                _sides(x_claim, y_claim, articles),
                detail=f"ratio {ratio:.2f}" if not math.isinf(ratio) else "ratio ∞",
                similarity=similarity,
            )
        )
    return out


# --- dates ------------------------------------------------------------------------------


def compare_dates(
    a: Sequence[Claim],
    b: Sequence[Claim],
    similarity: float,
    articles: Mapping[str, Article],
    date_pair_min: float = config.DATE_PAIR_MIN,
    figures: tuple[Sequence[Claim], Sequence[Claim]] = ((), ()),
) -> list[Finding]:
    """Date rule: two closely paired sentences that each name one resolved date, for
    day ranges that do not overlap, and that share enough words besides their dates to
    be about one event ("in 2010 she spent time at the clinic" and "her June 2012
    accident" are about two). ``figures``: the two sentences' quantity claims; where
    they count one thing differently, the sentences report two periods ("162,000 jobs
    last month", "176,000 jobs in May"), each dated rightly."""
    ra = [c for c in a if c.date and c.date.first and c.date.last and not _stamp(c)]
    rb = [c for c in b if c.date and c.date.first and c.date.last and not _stamp(c)]
    if any(_dates_a_noun_or_deadline(c) or _dates_an_earlier_step(c) for c in ra + rb):
        return []
    if _two_periods(*figures):
        return []
    if similarity < date_pair_min or len(ra) != 1 or len(rb) != 1:
        return []
    x, y = ra[0], rb[0]
    if _content_overlap(_without(x), _without(y)) < config.DATE_CONTEXT_MIN:
        return []
    dx, dy = x.date, y.date
    assert dx and dy and dx.first and dx.last and dy.first and dy.last
    if dx.first <= dy.last and dy.first <= dx.last:
        return []
    days = min(abs((dx.first - dy.last).days), abs((dy.first - dx.last).days))
    return [
        Finding(
            FindingKind.DATE_CONFLICT,
            Severity.HIGH if days > config.DATE_HIGH_DAYS else Severity.MEDIUM,
            f"{x.outlet} dates it {x.text!s} ({_days(dx.first, dx.last)}); {y.outlet} "
            f"{y.text} ({_days(dy.first, dy.last)})",
            (side(x, articles[x.article_id]), side(y, articles[y.article_id])),
            detail=f"{days} day(s) apart",
            similarity=similarity,
        )
    ]


def _dates_a_noun_or_deadline(c: Claim) -> bool:
    """The date belongs to a thing the sentence names, not to what it reports: a
    possessive ("in Tuesday's Indiana primary", "after Wednesday's ousting") or a
    deadline ("before Friday", "by Friday", "until Friday")."""
    lo, hi = c.start - c.sentence_start, c.end - c.sentence_start
    return bool(
        re.match(r"['’]s\b", c.sentence[hi:]) or _DEADLINE.search(c.sentence[max(0, lo - 20) : lo])
    )


def _dates_an_earlier_step(c: Claim) -> bool:
    """The date is of an earlier step of the story the sentence looks back on ("a move
    that was first announced in May", "originally planned for June")."""
    lo = c.start - c.sentence_start
    return bool(_EARLIER_STEP.search(c.sentence[max(0, lo - 40) : lo]))


_EARLIER_STEP = re.compile(
    r"\b(?:first|originally|initially|previously|earlier)\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE
)


def _two_periods(a: Sequence[Claim], b: Sequence[Claim]) -> bool:
    """The two sentences count one thing (noun and unit) differently and never alike:
    readings of two periods or occasions, not one fact given two dates."""

    def counted(cs: Sequence[Claim]) -> dict[tuple[str, str], list[Interval]]:
        out: dict[tuple[str, str], list[Interval]] = {}
        for c in cs:
            if c.quantity is not None and c.quantity.noun:
                out.setdefault((c.quantity.noun, c.quantity.unit), []).append(c.quantity.interval)
        return out

    ca, cb = counted(a), counted(b)
    return any(not any(x.overlaps(y) for x in ca[k] for y in cb[k]) for k in ca.keys() & cb.keys())


_DEADLINE = re.compile(r"\b(?:before|by|until|till|no later than|ahead of)\s+$", re.IGNORECASE)


def _stamp(c: Claim) -> bool:
    """A date that stamps the report rather than dating the event: written in digits
    ("27/09/2013-Turkmenistan to hold ..."), or in brackets ("announced today (14
    October 2011)")."""
    return bool(re.fullmatch(r"\d+[/.-]\d+[/.-]\d+", c.text)) or in_parentheses(c)


def _without(c: Claim, joint: str = " ") -> str:
    """The claim's sentence without the claim's own text (``joint`` in its place): for
    a quote, its attribution."""
    lo, hi = c.start - c.sentence_start, c.end - c.sentence_start
    return c.sentence[:lo] + joint + c.sentence[hi:]


def _content_overlap(a: str, b: str) -> float:
    """Jaccard overlap of the content words (not stopwords) of two texts."""
    wa = {w for w in words(a) if w not in _STOPWORDS}
    wb = {w for w in words(b) if w not in _STOPWORDS}
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def _days(first: object, last: object) -> str:
    return str(first) if first == last else f"{first}..{last}"


# --- names and negation (sentence level) -----------------------------------------------

_NAME_TOKEN = re.compile(r"[A-Z][\w'’-]*")


def _unquoted_tokens(claim: Claim, quote_spans: Iterable[tuple[int, int]]) -> tuple[str, ...]:
    """The sentence's tokens outside quote marks (``quote_spans``: those of its article
    that may cross it, or more), case kept."""
    base, text = claim.sentence_start, claim.sentence
    inside = tuple(
        (s, e)
        for qs, qe in quote_spans
        if (s := max(qs - base, 0)) < (e := min(qe - base, len(text)))
    )
    return _tokens_outside(text, inside)


@functools.lru_cache(maxsize=1 << 16)
def _tokens_outside(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[str, ...]:
    # Cached like _words: each sentence is compared with up to NEIGHBOURS others.
    for s, e in spans:
        text = text[:s] + " " * (e - s) + text[e:]
    text = text.replace("’", "'")
    for pattern, repl in _NEGATED:  # "cant", "can't" and "can not" are one
        text = re.sub(pattern, repl, text, flags=re.IGNORECASE)
    return tuple(re.findall(r"[\w]+(?:'[\w]+)*", text))


# Words that say what kind of place a name is, not which: "Betty Ford Center" and
# "Betty Ford Clinic" are one place.
_PLACE_KINDS = {
    "center", "centre", "clinic", "hospital", "hall", "house", "building", "library",
    "stadium", "arena", "park", "square", "street", "road", "court", "station", "airport",
    "school", "college", "university", "church", "hotel", "theatre", "theater", "museum",
    "ocean", "sea", "basin", "river", "lake", "bay", "gulf", "island", "islands", "mountain",
    "mount", "valley", "region", "province", "county", "state", "district", "city", "town",
}  # fmt: skip


_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "prof", "cllr", "rev"}


def _title_case(tokens: Sequence[str]) -> bool:
    return sum(t[:1].isupper() for t in tokens) > 0.6 * len(tokens)


def _aliases(x: Sequence[str], y: Sequence[str]) -> bool:
    """Two names for one thing: they share a word, one word starts the other ("Tees" /
    "Teesside"), or they differ only in the kind of place ("Center" / "Clinic")."""
    xs = {w.lower().removesuffix("'s").removesuffix("’s") for w in x}
    ys = {w.lower().removesuffix("'s").removesuffix("’s") for w in y}
    if xs & ys or (xs | ys) <= _PLACE_KINDS or xs <= _TITLES or ys <= _TITLES:
        return True  # "Sarah Okafor said" / "Ms Okafor said": a title for a first name
    if _acronym(x, y) or _acronym(y, x):
        return True  # "AFC" / "American Football Conference", "U K" / "UK"
    if any(_abbreviates(u, v) or _abbreviates(v, u) for u in xs for v in ys):
        return True  # "Ark" / "Arkansas", "Mt" / "Mount", "Katie" / "Kathryn"
    # A spelling variant ("Technicolor" / "Technicolour", "KO" / "KOs").
    if difflib.SequenceMatcher(a=" ".join(sorted(xs)), b=" ".join(sorted(ys))).ratio() >= 0.8:
        return True
    return any(
        u.startswith(v) or v.startswith(u) for u in xs for v in ys if min(len(u), len(v)) >= 4
    )


def _acronym(short: Sequence[str], long: Sequence[str]) -> bool:
    """``short`` spells the initials of ``long``, or the same letters with stops or
    spaces ("U K" / "UK")."""
    letters = "".join(short).replace(".", "").lower()
    words_ = [w for w in long if w.lower() not in ("of", "the", "and")]
    initials = "".join(w[0] for w in words_).lower()
    joined = "".join(long).replace(".", "").lower()
    return len(letters) >= 2 and ((letters == initials and len(words_) >= 2) or letters == joined)


def _abbreviates(short: str, long: str) -> bool:
    """``short`` is a short form of ``long``: at most four of its letters in order, from
    the first one ("Mt" / "Mount", "Ark" / "Arkansas"), or a pet form of a first name
    ("Katie" / "Kathryn", "Bobby" / "Robert" is beyond it)."""
    if len(short) < 2 or len(short) >= len(long) or short[0] != long[0]:
        return False
    if short.endswith(("ie", "y")) and short[:3] == long[:3]:
        return True
    rest = iter(long[1:])
    return len(short) <= 4 and all(ch in rest for ch in short[1:])


def compare_sentences(
    a: Claim,
    b: Claim,
    similarity: float,
    articles: Mapping[str, Article],
    quote_spans: Callable[[Claim], Iterable[tuple[int, int]]],
    near_paraphrase_min: float = config.NEAR_PARAPHRASE_MIN,
) -> list[Finding]:
    """Name and negation rules for two paired sentences that say nearly the same words
    (outside quotes), and corroboration for two sentences that say the same words.

    The negation rule asks for lexical closeness only: a negation lowers the embedding
    similarity of two otherwise identical sentences well below ``NEAR_PARAPHRASE_MIN``."""
    ta = _unquoted_tokens(a, quote_spans(a))
    tb = _unquoted_tokens(b, quote_spans(b))
    if words(a.text) == words(b.text):
        # A sentence that is mostly a quote is corroborated by the quote rule.
        if min(len(ta), len(tb)) < config.CORROBORATION_MIN_WORDS:
            return []
        return [
            Finding(
                FindingKind.CORROBORATION,
                Severity.INFO,
                f"{a.outlet} and {b.outlet} say the same: “{_short(a.text, 70)}”",
                _sides(a, b, articles),
                similarity=similarity,
            )
        ]
    la, lb = [t.lower() for t in ta], [t.lower() for t in tb]
    if len(la) < 4 or len(lb) < 4:
        return []
    out = []
    neg_a = sum(w in _CLAUSE_NEGATORS for w in la)
    neg_b = sum(w in _CLAUSE_NEGATORS for w in lb)
    memo: list[float] = []

    def rest() -> float:
        """How alike the two are besides their negators (asked for only when needed)."""
        if not memo:
            memo.append(
                difflib.SequenceMatcher(
                    a=[w for w in la if w not in _CLAUSE_NEGATORS],
                    b=[w for w in lb if w not in _CLAUSE_NEGATORS],
                    autojunk=False,
                ).ratio()
            )
        return memo[0]

    if (
        (neg_a == 0) != (neg_b == 0)
        and rest() >= config.NEGATION_REST_MIN
        and _local_negation(la, lb)
    ):
        negated, plain = (a, b) if neg_a else (b, a)
        out.append(
            Finding(
                FindingKind.NEGATION_CONFLICT,
                Severity.HIGH,
                f"{negated.outlet} says “{_short(negated.text, 70)}”; {plain.outlet} says the "
                f"opposite: “{_short(plain.text, 70)}”",
                _sides(a, b, articles),
                similarity=similarity,
            )
        )
    if similarity < near_paraphrase_min or _title_case(ta) or _title_case(tb):
        return out  # in a Title Case headline every word looks like a name
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=la, b=lb, autojunk=False).get_opcodes():
        xa, xb = ta[i1:i2], tb[j1:j2]
        if tag != "replace" or not (1 <= len(xa) <= 3 and 1 <= len(xb) <= 3):
            continue
        if not all(_NAME_TOKEN.fullmatch(t) for t in xa + xb) or i1 == 0 or j1 == 0:
            continue  # not a proper name, or the capital only opens the sentence
        if _aliases(xa, xb) or rest() < config.NAME_REST_MIN:
            continue
        out.append(
            Finding(
                FindingKind.NAME_CONFLICT,
                Severity.MEDIUM,
                f"{a.outlet} names {' '.join(xa)} where {b.outlet} names {' '.join(xb)} in the "
                "same sentence",
                _sides(a, b, articles),
                detail=f"-{' '.join(xa)} +{' '.join(xb)}",
                similarity=similarity,
            )
        )
    return out


def _local_negation(a: Sequence[str], b: Sequence[str]) -> bool:
    """The negator is added or taken out on its own (with an auxiliary at most: "did
    not attend" / "attended"), not with a stretch of the sentence around it ("was not
    one person, but probably" / "was probably"): a shorter sentence is not its opposite."""
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        changed = [*a[i1:i2], *b[j1:j2]]
        if tag != "equal" and any(w in _CLAUSE_NEGATORS for w in changed):
            return max(i2 - i1, j2 - j1) <= config.NEGATION_MAX_CHANGED_WORDS
    return False


def by_kind(claims: Iterable[Claim], kind: ClaimKind) -> list[Claim]:
    return [c for c in claims if c.kind is kind]


# --- putting the rules together ---------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """What the rules look up beyond the two claims of a pair: the articles, the claims
    inside each sentence (keyed by article id and sentence index), and each article's
    quote spans."""

    articles: Mapping[str, Article]
    parts: Mapping[tuple[str, int], Sequence[Claim]]
    quote_spans: Mapping[str, Sequence[tuple[int, int]]]
    thresholds: Thresholds = field(default_factory=Thresholds)  # the embedding model's

    @classmethod
    def of(
        cls,
        articles: Iterable[Article],
        claims: Iterable[Claim],
        thresholds: Thresholds | None = None,
    ) -> Context:
        parts: dict[tuple[str, int], list[Claim]] = {}
        spans: dict[str, list[tuple[int, int]]] = {}
        for c in claims:
            if c.kind in (ClaimKind.QUANTITY, ClaimKind.DATE):
                parts.setdefault((c.article_id, c.sentence_index), []).append(c)
            elif c.kind is ClaimKind.QUOTE:
                spans.setdefault(c.article_id, []).append((c.start, c.end))
        return cls({a.id: a for a in articles}, parts, spans, thresholds or Thresholds())

    @functools.cached_property
    def _quote_index(self) -> dict[str, tuple[list[tuple[int, int]], list[int]]]:
        """Per article, its quote spans in order and the furthest end of those up to
        each: what finds the spans over a sentence without reading all of a much-quoted
        article's."""
        out = {}
        for aid, spans in self.quote_spans.items():
            ordered = sorted(spans)
            out[aid] = (ordered, list(itertools.accumulate((e for _, e in ordered), max)))
        return out

    def quotes_over(self, c: Claim) -> Sequence[tuple[int, int]]:
        """The quote spans of ``c``'s article that cross its sentence."""
        spans, reach = self._quote_index.get(c.article_id, ([], []))
        start, end = c.sentence_start, c.sentence_start + len(c.sentence)
        lo = bisect.bisect_right(reach, start)  # those before lo end by its start
        hi = bisect.bisect_left(spans, (end,))  # those from hi start at its end or after
        return [s for s in spans[lo:hi] if s[1] > start]


def _in_sentence_rule(c: Claim) -> bool:
    """Numbers with a fact slot are compared story-wide (crosscheck/facts.py); those of
    another event, a year's history or what did not happen, and conversions in
    brackets, are not compared at all."""
    q = c.quantity
    return (
        q is not None
        and not q.role
        and not q.scope
        and not in_parentheses(c)
        and not _PARTITIVE_WHOLE.search(c.sentence[: c.start - c.sentence_start])
    )


# "28 of 41 passes": 41 is the whole of which 28 is a part, not another count of passes.
_PARTITIVE_WHOLE = re.compile(
    r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def sentence_figure(c: Claim) -> Claim:
    """The claim with the interval it is compared by: a part of a count ("four
    others") says only that the count is at least that."""
    q = c.quantity
    if q is None or not q.part or math.isinf(q.interval.high):
        return c
    i = q.interval
    return replace(c, quantity=replace(q, interval=Interval(i.low, math.inf, i.low_open, True)))


def compare_sentence_pair(a: Claim, b: Claim, similarity: float, ctx: Context) -> list[Finding]:
    """Every sentence-level rule for two paired sentences (SENTENCE claims): their
    quantities both ways, their dates, names, negation and corroboration."""
    t = ctx.thresholds
    if words(a.text) == words(b.text):
        # The same sentence cannot conflict with itself; it corroborates, once.
        return compare_sentences(
            a,
            b,
            similarity,
            ctx.articles,
            ctx.quotes_over,
            t.near_paraphrase_min,
        )
    in_a = ctx.parts.get((a.article_id, a.sentence_index), ())
    in_b = ctx.parts.get((b.article_id, b.sentence_index), ())
    # Every figure of each sentence goes in: those the sentence rule does not compare
    # (with a slot, of another event) still say that a figure the rule does compare
    # may count something else ("the 32-bit version, the 64-bit version").
    qa = [sentence_figure(c) for c in by_kind(in_a, ClaimKind.QUANTITY)]
    qb = [sentence_figure(c) for c in by_kind(in_b, ClaimKind.QUANTITY)]
    da, db = by_kind(in_a, ClaimKind.DATE), by_kind(in_b, ClaimKind.DATE)
    if similarity < t.quantity_pair_min:
        qa = qb = []
    elif similarity < t.near_paraphrase_min:
        qa = [c for c in qa if c.quantity and c.quantity.noun not in _GENERIC_NOUNS]
    return (
        compare_quantities(qa, qb, similarity, ctx.articles, t.near_paraphrase_min)
        + compare_quantities(qb, qa, similarity, ctx.articles, t.near_paraphrase_min)
        + compare_dates(
            da,
            db,
            similarity,
            ctx.articles,
            t.date_pair_min,
            (by_kind(in_a, ClaimKind.QUANTITY), by_kind(in_b, ClaimKind.QUANTITY)),
        )
        + compare_sentences(
            a,
            b,
            similarity,
            ctx.articles,
            ctx.quotes_over,
            t.near_paraphrase_min,
        )
    )
