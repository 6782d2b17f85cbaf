"""Accuracy on real news (issue 14): ECB+ stories, seeded perturbations, and precision
judged by hand on the untouched stories.

A *story* is one ECB+ event (86 of them: 43 topics × 2 real events), one article per
document and each document its own outlet, rebuilt from its tokens (``detokenise``):
a sentence a line, except that a quote running over several sentences stays in one
paragraph. ECB+ articles carry no dates.

A *case* changes one story, one way, and asks whether crosscheck reports the change:

- ``count``: a number that another outlet of the story gives for the same thing is
  changed in one article. "The same thing" comes from ECB+'s own cross-document
  coreference (annotated by others): mentions of one participant instance ("Three
  people", "3") whose number is the same in two documents. Every mention of that
  instance in the changed article gets the new number.
- ``quote_word``, ``quote_negation``: a quote that another outlet carries (six or more
  words in a row the same) gets one content word swapped, or a negation added or
  removed, inside the shared words.
- ``misattribution``: such a quote's named speaker, whom the other outlet names too,
  is replaced by another name.
- ``copy_count``, ``copy_quote``, ``copy_name``: a new outlet's near-copy of one article
  with one figure, one quoted word or one name changed.

A case is *found* when a conflict (or update) finding has one side on the changed words of the
changed article and the other side in an article that carries the fact (the copy's
original, for copies). It is found *as the right kind* when that finding's kind is the
one the change calls for.

Precision: every conflict (and update) crosscheck reports on the untouched stories has an id
(``crosscheck.report.finding_id``); ``benchmarks/realnews_judgements.jsonl`` holds one
hand judgement a line (``id``, ``verdict`` true / arguable / false, ``reason``). The
share false is over the judged findings of the current run; findings not yet judged
are counted and written out for judging (``--realnews-dump``).
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from crosscheck.embed import Embedder
from crosscheck.engine import LOCAL, extract_one
from crosscheck.model import Article, Extraction, Finding, FindingKind, Report
from crosscheck.pipeline import analyse
from crosscheck.report import finding_id

from .common import ECB_DIR, ROOT, CachingEmbedder, detokenise, jsonl_records

JUDGEMENTS = ROOT / "benchmarks" / "realnews_judgements.jsonl"
VERDICTS = ("true", "arguable", "false")

# --- stories ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    """An ECB+ cross-document mention: its instance, type and tokenised text."""

    instance: str
    type: str
    text: str


@dataclass(frozen=True)
class Story:
    """One ECB+ event: its articles, where each ECB+ sentence sits in its article's
    text, and each sentence's annotated mentions."""

    event: str
    articles: tuple[Article, ...]
    where: Mapping[tuple[str, int], tuple[int, int]]  # (doc, sent) → (start, end)
    mentions: Mapping[tuple[str, int], tuple[Mention, ...]]

    def article(self, doc: str) -> Article:
        return next(a for a in self.articles if a.id == doc)


def build_article(doc: str, sentences: Sequence[str]) -> tuple[Article, list[tuple[int, int]]]:
    """One ECB+ document as an article (outlet: the document id), a sentence a line
    unless a quote is still open, and each sentence's span in its text."""
    text, spans = "", []
    depth, straight = 0, 0  # curly quotes open; straight quote marks seen
    for n, s in enumerate(sentences):
        if n:
            text += " " if depth > 0 or straight % 2 else "\n"
        spans.append((len(text), len(text) + len(s)))
        text += s
        depth = max(0, depth + s.count("“") - s.count("”"))
        straight += s.count('"')
    return Article(id=doc, outlet=doc, text=text), spans


def load_stories(path: Path = ECB_DIR) -> list[Story]:
    """Every ECB+ event as a story, in event order."""
    rows: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    with (path / "sentences.jsonl").open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            rows[r["subtopic"]][r["doc"]].append(r)
    out = []
    for event in sorted(rows, key=_event_order):
        articles, where, mentions = [], {}, {}
        for doc in sorted(rows[event]):
            records = sorted(rows[event][doc], key=lambda r: r["sent"])
            article, spans = build_article(doc, [detokenise(r["text"]) for r in records])
            articles.append(article)
            for r, span in zip(records, spans, strict=True):
                where[(doc, r["sent"])] = span
                mentions[(doc, r["sent"])] = tuple(
                    Mention(m["instance"], m["type"], m["text"]) for m in r["xdoc_mentions"]
                )
        out.append(Story(event, tuple(articles), where, mentions))
    return out


def _event_order(event: str) -> tuple[int, str]:
    topic, kind = event.split("_", 1)
    return int(topic), kind


# --- numbers, as the harness reads them (independent of crosscheck's grammar) ----------


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORDS = (  # in order: a word's index is its value
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
_NUMBER = re.compile(
    r"(?<![\w.,$£€])(?<!\w-)(\d{1,3}(?:,\d{3})+|\d+)(?![\w.,]\d|\w|-year|-yr)|\b("
    + "|".join(_WORDS[1:] + list(_TENS))
    + r")\b(?![ -](?:year|yr)s?[ -]old)",
    re.IGNORECASE,
)
_OPEN_HEDGE = re.compile(
    r"\b(?:more than|over|at least|upwards of|up to|as many as|fewer than|less than|under|"
    r"nearly|almost)\s+$",
    re.IGNORECASE,
)
_PREDICATES = _wordset("dead killed injured hurt wounded died was is of other others")
_NOT_COUNTS = re.compile(
    r"year[s-]? ?old|\bage[ds]?\b|p\.?m\b|a\.?m\b|o'clock|percent|per cent|%|"
    r"\b(?:19|20)\d\d\b|minute|second|hour|mile|kilomet|km\b|magnitude|feet|foot",
    re.IGNORECASE,
)


def number_value(token: str) -> int | None:
    """The integer a number token writes ("3", "1,200", "Three", "forty"), else None."""
    t = token.lower().replace(",", "")
    if t.isdigit():
        return int(t)
    if t in _WORDS:
        return _WORDS.index(t)
    return _TENS.get(t)


def write_number(value: int, like: str) -> str:
    """``value`` written as ``like`` is: in words (capitalised as it is) or digits."""
    if like.replace(",", "").isdigit():
        return f"{value:,}" if "," in like else str(value)
    word = _WORDS[value] if value < len(_WORDS) else str(value)
    return word.capitalize() if like[:1].isupper() else word


def changed_number(value: int, rng: random.Random) -> int:
    """A clearly different number: at least twice or at most half the value, so that
    no hedge or rounding of either makes them agree."""
    if value <= 2:
        return value + rng.choice([3, 4, 5])
    if rng.random() < 0.5 or value < 6:
        return value * 2 + rng.randint(1, 3)
    return max(1, value // 2 - rng.randint(0, 1))


# --- cases ------------------------------------------------------------------------------

KINDS = (
    "count",
    "quote_word",
    "quote_negation",
    "misattribution",
    "copy_count",
    "copy_quote",
    "copy_name",
)
# What a change calls for: the finding kinds that name it correctly.
EXPECTED = {
    "count": ("quantity_conflict", "update"),
    "quote_word": ("quote_drift",),
    "quote_negation": ("quote_drift", "negation_conflict"),
    "misattribution": ("misattribution",),
    "copy_count": ("edited_copy",),
    "copy_quote": ("edited_copy",),
    "copy_name": ("edited_copy",),
    # Dated cases (AllSides, benchmarks/allsides.py): the same change on the same day, and
    # with the changed article published later (days, or weeks for a follow-up).
    "dated_conflict": ("quantity_conflict",),
    "dated_update": ("update",),
    "followup": ("update",),
}
# Kinds whose tallies are also kept per group ("casualty" or "other").
GROUPED = ("count", "dated_conflict", "dated_update", "followup")
_CASUALTY = re.compile(
    r"\b(?:kill|dead|die|death|fatal|injur|wound|hurt|shot|shoot|victim|casualt|hospital)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Case:
    """One change to one story. ``targets``: the spans of the changed article's new text
    that a finding must touch; ``carriers``: the articles that carry the fact."""

    id: str
    kind: str
    event: str
    article: str
    text: str
    targets: tuple[tuple[int, int], ...]
    carriers: tuple[str, ...]
    before: str
    after: str
    group: str = ""  # count cases: "casualty" or "other"; quote cases: the shared words
    copy_of: str = ""  # copies: the original's id
    later_days: int = 0  # dated cases: the changed article is published this much later
    site: str = ""  # AllSides count cases: the figure changed (see allsides.site_id)


def apply(story: Story, case: Case) -> list[Article]:
    """The story's articles with the case's change made. A copy is published on its
    original's day; a dated case moves the changed article ``later_days`` on."""
    if case.copy_of:
        original = story.article(case.copy_of)
        copy = replace(original, id=case.article, outlet=case.article, text=case.text)
        return [*story.articles, copy]
    return [_changed(a, case) if a.id == case.article else a for a in story.articles]


def _changed(article: Article, case: Case) -> Article:
    published = article.published
    if published is not None and case.later_days:
        published += dt.timedelta(days=case.later_days)
    return replace(article, text=case.text, published=published)


def _splice(text: str, edits: Sequence[tuple[int, int, str]]) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with each ``(start, end, new)`` edit made; the new spans, in order."""
    out, spans, shift = text, [], 0
    for start, end, new in sorted(edits):
        out = out[: start + shift] + new + out[end + shift :]
        spans.append((start + shift, start + shift + len(new)))
        shift += len(new) - (end - start)
    return out, spans


def _case_id(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:10]


def _mention_number(sentence: str, mention: Mention) -> tuple[int, int, int] | None:
    """Where the number of ``mention`` stands in its (detokenised) sentence, and its
    value: ``(start, end, value)``; None when it has no count or cannot be placed."""
    surface = detokenise(mention.text)
    if _NOT_COUNTS.search(surface) or re.search(r"\d\s*[-–]\s*\d", surface):
        return None  # not a count, or a score or record ("9-14")
    numbers = list(_NUMBER.finditer(surface))
    if len(numbers) != 1:
        return None
    at = [m.start() for m in re.finditer(re.escape(surface), sentence)]
    if len(at) != 1:
        return None
    n = numbers[0]
    value = number_value(n.group(0))
    start = at[0] + n.start()
    tail = sentence[start + len(n.group(0)) : start + len(n.group(0)) + 12]
    if value is None or value == 0 or _NOT_COUNTS.match(tail.strip() or "x"):
        return None
    if _OPEN_HEDGE.search(sentence[:start]):
        return None  # "more than 200": another lower bound need not contradict it
    if n.group(0).isdigit() and (
        re.search(r"[A-Z][\w.]*\s$", sentence[:start]) or re.match(r"\s+[A-Z][a-z]", tail)
    ):
        return None  # a number in a name: "Internet Explorer 8", "8 Block"
    if re.match(r"\s*[-–]\s*\d", tail):
        return None  # a score or a record: "20-13"
    after = re.match(r"\s*([a-z]+)", tail)
    if value == 1 and after and after.group(1) not in _PREDICATES:
        return None  # "one person": a new number would need a plural noun
    return start, start + len(n.group(0)), value


def _words_near(text: str, start: int, end: int) -> tuple[str, str]:
    before = re.findall(r"[a-z]+", text[max(0, start - 30) : start].lower())
    after = re.findall(r"[a-z]+", text[end : end + 30].lower())
    return (before[-1] if before else ""), (after[0] if after else "")


def _same_count(text: str, value: int, spans: Sequence[tuple[int, int]]) -> set[tuple[int, int]]:
    """Other places where the article gives the same count: the same number with the
    same word right before or after it as an annotated mention ("mother of 12" in the
    headline and the body), or with a casualty word of the same kind in its sentence.
    An outlet that reports another figure reports it throughout."""
    near = {_words_near(text, s, e) for s, e in spans}
    stems = {
        _casualty_class(m.group(0))
        for s, _ in spans
        for m in _CASUALTY.finditer(_sentence_at(text, s))
    }
    out = set()
    for m in _NUMBER.finditer(text):
        if number_value(m.group(0)) != value or (m.start(), m.end()) in spans:
            continue
        b, a = _words_near(text, m.start(), m.end())
        around = {
            _casualty_class(x.group(0)) for x in _CASUALTY.finditer(_sentence_at(text, m.start()))
        }
        if any((b == nb and b) or (a == na and a) for nb, na in near) or (stems & around):
            out.add((m.start(), m.end()))
    return out


def _casualty_class(word: str) -> str:
    """Casualty words of one kind: deaths, injuries, shootings, victims."""
    w = word.lower()
    if w.startswith(("kill", "dead", "die", "death", "fatal")):
        return "death"
    if w.startswith(("injur", "wound", "hurt", "hospital")):
        return "injury"
    return w[:4]


def _sentence_at(text: str, at: int) -> str:
    lo = text.rfind("\n", 0, at) + 1
    hi = text.find("\n", at)
    return text[lo : hi if hi >= 0 else len(text)]


def count_cases(stories: Iterable[Story], seed: int = 0, per_instance: int = 2) -> list[Case]:
    """``count`` cases: an instance's number, the same in two or more documents,
    changed in up to ``per_instance`` of them."""
    rng = random.Random(f"count-{seed}")
    out = []
    for story in stories:
        texts = {a.id: a.text for a in story.articles}
        found: dict[str, dict[str, list[tuple[int, int, int, str]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for (doc, sent), mentions in sorted(story.mentions.items()):
            lo, hi = story.where[(doc, sent)]
            sentence = texts[doc][lo:hi]
            for m in mentions:
                if not m.type.startswith(("HUMAN_PART", "NON_HUMAN_PART")):
                    continue
                placed = _mention_number(sentence, m)
                if placed:
                    s, e, v = placed
                    found[m.instance][doc].append((lo + s, lo + e, v, sentence))
        for instance in sorted(found):
            by_doc = found[instance]
            values = {d: {v for _, _, v, _ in ms} for d, ms in by_doc.items()}
            docs = sorted(d for d, vs in values.items() if len(vs) == 1)
            rng.shuffle(docs)
            for doc in docs[:per_instance]:
                (value,) = values[doc]
                said = {x for _, _, _, x in by_doc[doc]}
                copies = {d for d, t in texts.items() if d != doc and any(x in t for x in said)}
                carriers = tuple(
                    sorted({d for d in by_doc if d != doc and value in values[d]} | copies)
                )
                if not carriers:
                    continue
                new = changed_number(value, rng)
                text = texts[doc]
                spans = sorted(
                    {(s, e) for s, e, _, _ in by_doc[doc]}
                    | _same_count(text, value, [(s, e) for s, e, _, _ in by_doc[doc]])
                )
                edits = [(s, e, write_number(new, text[s:e])) for s, e in spans]
                new_text, targets = _splice(text, edits)
                written = edits[0][2]
                sentences = " / ".join(sorted({x for _, _, _, x in by_doc[doc]}))
                out.append(
                    Case(
                        id=_case_id("count", story.event, doc, instance),
                        kind="count",
                        event=story.event,
                        article=doc,
                        text=new_text,
                        targets=tuple(targets),
                        carriers=carriers,
                        before=f"{value}: {sentences}",
                        after=written,
                        group="casualty" if _CASUALTY.search(sentences) else "other",
                    )
                )
    return out


# Quotes, found by their marks alone (curly, or straight in pairs on one line).
_QUOTE = re.compile(r"“([^“”\n]+)”|(?<![\w])\"([^\"\n]+)\"")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*|\d+")
_FUNCTION = _wordset(
    """
    a an the and or but of to in on at for by with as is are was were be been being it
    its that this these those there he she they we i you me him her them us my your his
    our their so all from has have had do does did about up out just not no never will
    would can could should may might must shall what which who whom when where why how if
    then than too very also into over some any more most such only own same other
    """
)
_AUXILIARIES = _wordset(
    "is are was were will would can could should has have had do does did must may might"
)
_NEGATED = re.compile(r"\b(?:not|never)\s+|n[’']t\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Quote:
    doc: str
    start: int  # the quoted words, without the marks
    end: int
    words: tuple[tuple[str, int, int], ...]  # (normalised word, start, end) in article text


def _quotes(article: Article) -> list[_Quote]:
    out = []
    for m in _QUOTE.finditer(article.text):
        g = 1 if m.group(1) is not None else 2
        s, e = m.start(g), m.end(g)
        words = tuple(
            (w.group(0).lower().replace("’", "'"), s + w.start(), s + w.end())
            for w in _WORD.finditer(article.text[s:e])
        )
        out.append(_Quote(article.id, s, e, words))
    return out


def _shared(a: _Quote, b: _Quote, min_words: int = 6) -> tuple[int, int] | None:
    """The longest run of words ``a`` shares with ``b``, as word indexes of ``a``."""
    wa, wb = [w for w, _, _ in a.words], [w for w, _, _ in b.words]
    m = difflib.SequenceMatcher(a=wa, b=wb, autojunk=False).find_longest_match(
        0, len(wa), 0, len(wb)
    )
    return (m.a, m.a + m.size) if m.size >= min_words else None


def _carried_quotes(story: Story) -> list[tuple[_Quote, tuple[int, int], list[str]]]:
    """Each quote some article of another outlet of the story shares six or more words
    in a row with: the quote, the shared run (word indexes) and the articles that carry
    it. Two articles of one outlet (AllSides has them) are not compared by crosscheck,
    which finds where outlets disagree: neither carries the other's quote."""
    quotes = {a.id: _quotes(a) for a in story.articles}
    outlet = {a.id: a.outlet.strip().lower() for a in story.articles}
    out = []
    for doc in sorted(quotes):
        for q in quotes[doc]:
            best: tuple[int, int] | None = None
            carriers = []
            for other in sorted(quotes):
                if outlet[other] == outlet[doc]:
                    continue
                runs = [r for r in (_shared(q, o) for o in quotes[other]) if r]
                if runs:
                    carriers.append(other)
                    run = max(runs, key=lambda r: r[1] - r[0])
                    if best is None or run[1] - run[0] > best[1] - best[0]:
                        best = run
            if best:
                out.append((q, best, carriers))
    return out


def quote_cases(stories: Iterable[Story], seed: int = 0) -> list[Case]:
    """``quote_word`` and ``quote_negation`` cases, one of each per carried quote (where
    the quote allows it), and ``misattribution`` cases where both outlets name the
    speaker."""
    rng = random.Random(f"quote-{seed}")
    stories = list(stories)
    vocabulary = _vocabulary(stories)
    out = []
    for story in stories:
        texts = {a.id: a.text for a in story.articles}
        for q, (lo, hi), carriers in _carried_quotes(story):
            text = texts[q.doc]
            run = q.words[lo:hi]
            shared = text[run[0][1] : run[-1][2]]
            content = [w for w in run if _content(w[0])]
            if content:
                word, s, e = rng.choice(content)
                new = _replacement(word, text[s].isupper(), vocabulary, rng)
                new_text, _ = _splice(text, [(s, e, new)])
                out.append(
                    _quote_case("quote_word", story, q, carriers, new_text, s, e, new, shared)
                )
            negation = _negate(text, run)
            if negation:
                s, e, new = negation
                new_text, _ = _splice(text, [(s, e, new)])
                out.append(
                    _quote_case("quote_negation", story, q, carriers, new_text, s, e, new, shared)
                )
            swap = _speaker_swap(story, q, carriers, rng)
            if swap:
                s, e, new = swap
                new_text, _ = _splice(text, [(s, e, new)])
                out.append(
                    _quote_case("misattribution", story, q, carriers, new_text, s, e, new, shared)
                )
    return out


def _content(word: str) -> bool:
    return word not in _FUNCTION and len(word) >= 4 and word.isalpha()


def _vocabulary(stories: Iterable[Story]) -> list[str]:
    """The content words of every quote of the stories, sorted."""
    return sorted(
        {w for story in stories for a in story.articles for q in _quotes(a) for w, _, _ in q.words
         if _content(w)}
    )  # fmt: skip


def _replacement(word: str, capital: bool, vocabulary: Sequence[str], rng: random.Random) -> str:
    """Another quoted word of the corpus for ``word``, with the same ending where one
    exists ("adapting" → "scrambling"), capitalised like it."""
    same_ending = [v for v in vocabulary if v != word and v[-2:] == word[-2:]]
    new = rng.choice(same_ending or [v for v in vocabulary if v != word])
    return new.capitalize() if capital else new


def _quote_case(
    kind: str,
    story: Story,
    q: _Quote,
    carriers: list[str],
    new_text: str,
    start: int,
    end: int,
    new: str,
    shared: str,
) -> Case:
    old = story.article(q.doc).text
    shift = len(new) - (end - start)
    # The quote's words in the new text (a speaker swap lies outside them).
    qs, qe = q.start, q.end + (shift if start < q.end else 0)
    return Case(
        id=_case_id(kind, story.event, q.doc, q.start),
        kind=kind,
        event=story.event,
        article=q.doc,
        text=new_text,
        targets=((qs, qe),),
        carriers=tuple(carriers),
        before=old[start:end],
        after=new,
        group=shared,
    )


def _negate(text: str, run: Sequence[tuple[str, int, int]]) -> tuple[int, int, str] | None:
    """An edit that negates the words of ``run``: "not" after its first auxiliary, or
    its first "not"/"never"/"n't" taken out."""
    start, end = run[0][1], run[-1][2]
    m = _NEGATED.search(text, start, end)
    if m:
        if m.group(0).lower().startswith("n") and not m.group(0)[0].isalpha():
            return None
        if m.group(0).lower().startswith(("n’t", "n't")):
            return m.start(), m.end(), "" if text[m.start() - 2 : m.start()] != "ca" else "n"
        return m.start(), m.end(), ""
    for w, _, e in run[:-1]:
        if w in _AUXILIARIES:
            return e, e, " not"
    return None


_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+")
_OUTLET = re.compile(
    r"\b(?:Press|News|Times|Post|Herald|Journal|Agency|Network|Radio|TV|Fair|Magazine)\b"
)
_ROLE_ENDINGS = _wordset("Police Officer Department Office Service Ministry Council Court")
_REPLACEMENTS = ["Maria Delgado", "Peter Hollis", "Anne Whitlock", "David Okoro", "Rachel Baines"]
_SAID = re.compile(r"\b(?:said|says|told|added|stated|explained|according to)\b")


def _attribution(text: str, q: _Quote) -> tuple[int, int]:
    """The stretch around a quote that attributes it: from the start of the sentence
    before its opening mark, to the end of the sentence after its closing mark."""
    before = max(text.rfind("\n", 0, q.start), text.rfind(". ", 0, q.start - 1)) + 1
    after_end = len(text)
    for stop in ("\n", ". "):
        at = text.find(stop, q.end + 1)
        if at >= 0:
            after_end = min(after_end, at)
    return before, after_end


def _speaker_swap(
    story: Story, q: _Quote, carriers: Sequence[str], rng: random.Random
) -> tuple[int, int, str] | None:
    """An edit that gives the quote to someone else: a full name next to a speech verb
    in the quote's attribution, whose surname the attribution of the same words in a
    carrying article names too."""
    text = story.article(q.doc).text
    lo, hi = _attribution(text, q)
    names = []
    for part_lo, part_hi in ((lo, q.start - 1), (q.end + 1, hi)):
        part = text[part_lo:part_hi]
        if not _SAID.search(part):
            continue
        for m in _NAME.finditer(part):
            if part_lo + m.start() > 0 and text[part_lo + m.start() - 1] in '“"':
                continue
            if re.search(r"\b(?:told|to|by|for|with)\s+(?:the\s+)?$", part[: m.start()]):
                continue  # the listener or the medium, not the speaker: "told Agence-France"
            if _OUTLET.search(m.group(0)) or m.group(0).split()[-1] in _ROLE_ENDINGS:
                continue  # an outlet or an office, not a person: "Surrey Police"
            names.append((part_lo + m.start(), part_lo + m.end(), m.group(0)))
    if len(names) != 1:
        return None
    s, e, name = names[0]
    surname = name.split()[-1]
    confirmed = False
    for other in carriers:
        for o in _quotes(story.article(other)):
            if _shared(q, o):
                olo, ohi = _attribution(story.article(other).text, o)
                around = story.article(other).text[olo:ohi]
                inside = story.article(other).text[o.start : o.end]
                if re.search(rf"\b{re.escape(surname)}\b", around.replace(inside, " ")):
                    confirmed = True
    if not confirmed:
        return None
    return s, e, rng.choice([r for r in _REPLACEMENTS if surname not in r])


def copy_cases(stories: Iterable[Story], seed: int = 0) -> list[Case]:
    """``copy_*`` cases: one article of each story copied by a new outlet with one edit
    each way it allows (a number, a quoted word, a name)."""
    rng = random.Random(f"copy-{seed}")
    stories = list(stories)
    vocabulary = _vocabulary(stories)
    out = []
    for story in stories:
        bodies = [a for a in story.articles if len(a.text.split("\n")) >= 5]
        if not bodies:
            continue
        original = rng.choice(bodies)
        text = original.text
        copy_id = f"copy-of-{original.id}"
        edits: list[tuple[str, int, int, str]] = []
        numbers = [
            m
            for m in _NUMBER.finditer(text)
            if number_value(m.group(0))
            and not m.group(0).startswith("0")
            and not _NOT_COUNTS.search(text[max(0, m.start() - 3) : m.end() + 12])
            and not re.search(r"[A-Z][\w.]*\s$", text[: m.start()])
            and not _in_url(text, m.start())
        ]
        if numbers:
            m = rng.choice(numbers)
            value = number_value(m.group(0)) or 0
            edits.append(
                (
                    "copy_count",
                    m.start(),
                    m.end(),
                    write_number(changed_number(value, rng), m.group(0)),
                )
            )
        quoted = [
            (w, s, e) for q in _quotes(original) if len(q.words) >= 6 for w, s, e in q.words
            if _content(w)
        ]  # fmt: skip
        if quoted:
            w, s, e = rng.choice(quoted)
            edits.append(("copy_quote", s, e, _replacement(w, text[s].isupper(), vocabulary, rng)))
        # A person's surname: the second word of a two-word name inside a sentence.
        names = [
            m
            for m in re.finditer(
                r"(?<![\w.])[a-z]+,? ([A-Z][a-z]+) ([A-Z][a-z]{2,})\b(?! [A-Z])", text
            )
            if m.group(1) not in _NOT_NAMES and not _in_url(text, m.start())
        ]
        if names:
            m = rng.choice(names)
            surname = rng.choice([n for n in _SURNAMES if n != m.group(2)])
            edits.append(("copy_name", m.start(2), m.end(2), surname))
        for kind, s, e, new in edits:
            new_text, targets = _splice(text, [(s, e, new)])
            out.append(
                Case(
                    id=_case_id(kind, story.event, original.id, s),
                    kind=kind,
                    event=story.event,
                    article=copy_id,
                    text=new_text,
                    targets=tuple(targets),
                    carriers=(original.id,),
                    before=text[s:e],
                    after=new,
                    copy_of=original.id,
                )
            )
    return out


# fmt: off
_NOT_NAMES = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "June", "July", "August", "September", "October",
    "November", "December", "The", "This", "That", "When", "After", "Police",
}
# fmt: on
_SURNAMES = "Hartley Moreno Fischer Okafor Lindqvist Brennan Castillo".split()


def _in_url(text: str, at: int) -> bool:
    line_start = text.rfind("\n", 0, at) + 1
    word_start = max(text.rfind(" ", 0, at), line_start - 1) + 1
    return bool(re.match(r"https?:|www\.", text[word_start:at] or text[line_start:at]))


# --- running and scoring ----------------------------------------------------------------


class CachingEngine:
    """The local engine with extraction cached by article text: a case changes one
    article of a story, so the others are extracted once."""

    name = "local"

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str, str], Extraction] = {}

    def load(self, paths: Iterable[Path | str]) -> Any:
        return LOCAL.load(paths)

    def extract(self, articles: Sequence[Article]) -> list[Extraction]:
        out = []
        for a in articles:
            key = (a.id, a.outlet, a.text)
            if key not in self._cache:
                self._cache[key] = extract_one(a)
            out.append(self._cache[key])
        return out

    def encode(self, embedder: Embedder, texts: Sequence[str], progress: bool) -> Any:
        return embedder.encode(texts, progress=progress)


def _touches(side_start: int, side_end: int, targets: Sequence[tuple[int, int]]) -> bool:
    return any(side_start < e and s < side_end for s, e in targets)


def _reported(f: Finding) -> bool:
    """A finding that tells a reader two outlets differ: a conflict, or an update of a
    developing figure (not a conflict, but a claim about the figure, judged as one)."""
    return f.kind.is_conflict or f.kind is FindingKind.UPDATE


def matching(report: Report, case: Case) -> list[Finding]:
    """The conflict findings that report the case's change: one side on its targets in
    the changed article, the other in an article that carries the fact."""
    out = []
    for f in report.findings:
        if not _reported(f):
            continue
        mine = [s for s in f.sides if s.article == case.article]
        theirs = [s for s in f.sides if s.article in case.carriers]
        if any(_touches(s.start, s.end, case.targets) for s in mine) and theirs:
            out.append(f)
    return out


@dataclass
class Tally:
    cases: int = 0
    found: int = 0
    right_kind: int = 0
    missed: list[dict[str, Any]] = field(default_factory=list)

    def rate(self, n: int) -> float | None:
        return round(n / self.cases, 4) if self.cases else None


def run_cases(
    stories: Sequence[Story],
    cases: Sequence[Case],
    embedder: Embedder,
    engine: CachingEngine | None = None,
    window: int | None = None,
    same_fact: Collection[str] = (),
) -> dict[str, Any]:
    """Run every case and tally found / found as the right kind, per kind and group;
    claims are paired within ``window`` days (None: undated ECB+, no limit). Cases
    whose ``site`` is in ``same_fact`` (a checker found the fact in a carrier) are
    tallied under ``<kind>:same_fact`` too."""
    engine = engine or CachingEngine()
    by_event = {s.event: s for s in stories}
    tallies: dict[str, Tally] = defaultdict(Tally)
    copy_corroborations = 0
    for case in cases:
        story = by_event[case.event]
        report = analyse(apply(story, case), embedder, engine=engine, window=window)
        hits = matching(report, case)
        right = [f for f in hits if f.kind.value in EXPECTED[case.kind]]
        keys = [case.kind] + ([f"{case.kind}:{case.group}"] if case.kind in GROUPED else [])
        keys += [f"{case.kind}:same_fact"] if case.site and case.site in same_fact else []
        for key in keys:
            t = tallies[key]
            t.cases += 1
            t.found += bool(hits)
            t.right_kind += bool(right)
            if not hits and len(t.missed) < 40:
                t.missed.append(
                    {"case": case.id, "event": case.event, "article": case.article,
                     "before": case.before[:200], "after": case.after}
                )  # fmt: skip
        if case.copy_of:
            copy_corroborations += sum(
                1
                for f in report.findings
                if f.kind is FindingKind.CORROBORATION
                and {s.article for s in f.sides} == {case.article, case.copy_of}
            )
    out: dict[str, Any] = {}
    for key in sorted(tallies):
        t = tallies[key]
        out[key] = {
            "cases": t.cases,
            "found": t.found,
            "recall": t.rate(t.found),
            "right_kind": t.rate(t.right_kind),
            "missed": t.missed,
        }
    out["copy_corroborations"] = copy_corroborations
    return out


def untouched(
    stories: Sequence[Story],
    embedder: Embedder,
    engine: CachingEngine | None = None,
    window: int | None = None,
) -> list[tuple[str, Finding]]:
    """Every conflict (and update) reported on the untouched stories, with its story."""
    engine = engine or CachingEngine()
    out = []
    for story in stories:
        report = analyse(story.articles, embedder, engine=engine, window=window)
        out += [(story.event, f) for f in report.findings if _reported(f)]
    return out


def load_judgements(path: Path = JUDGEMENTS) -> dict[str, dict[str, str]]:
    """Hand judgements by finding id."""
    out = {}
    for j in jsonl_records(path):
        if j.get("verdict") not in VERDICTS:
            raise ValueError(f"{path}: bad verdict in {json.dumps(j)}")
        out[j["id"]] = j
    return out


def finding_record(event: str, f: Finding) -> dict[str, Any]:
    """One untouched-story finding as judges read it."""
    return {
        "id": finding_id(f),
        "event": event,
        "kind": f.kind.value,
        "subtype": f.subtype,
        "explanation": f.explanation,
        "similarity": f.similarity,
        "sides": [{"article": s.article, "text": s.text, "sentence": s.sentence} for s in f.sides],
    }


def precision(
    findings: Sequence[tuple[str, Finding]], judgements: Mapping[str, Mapping[str, str]]
) -> dict[str, Any]:
    """Verdict counts over the judged findings of this run, overall and per kind."""
    verdicts: Counter[str] = Counter()
    per_kind: dict[str, Counter[str]] = defaultdict(Counter)
    unjudged = 0
    for _, f in findings:
        j = judgements.get(finding_id(f))
        if j is None or j.get("explanation", f.explanation) != f.explanation:
            unjudged += 1  # never judged, or judged as it read before (another speaker …)
            continue
        verdicts[j["verdict"]] += 1
        per_kind[f.kind.value][j["verdict"]] += 1
    judged = sum(verdicts.values())
    return {
        "realnews_conflicts": len(findings),
        "realnews_judged": judged,
        "realnews_unjudged": unjudged,
        "realnews_false_share": round(verdicts["false"] / judged, 4) if judged else None,
        "verdicts": dict(verdicts),
        "by_kind": {k: dict(v) for k, v in sorted(per_kind.items())},
        "conflicts_by_kind": dict(Counter(f.kind.value for _, f in findings).most_common()),
    }


def realnews(
    embedder: Embedder,
    events: int | None = None,
    seed: int = 0,
    dump: Path | None = None,
    judgements: Path = JUDGEMENTS,
    packets: Path | None = None,
) -> dict[str, Any]:
    """The whole harness: recall per kind of change, and precision on the untouched
    stories against the hand judgements (``judgements``, judged knowing the rules) and
    the blind ones (``benchmarks/judgements/ecbplus.jsonl``). ``events``: the first N
    stories only; ``packets``: where to write the blind-judging packets."""
    from . import judging

    stories = load_stories()[:events] if events else load_stories()
    if not isinstance(embedder, CachingEmbedder):
        embedder = CachingEmbedder(embedder)  # a case re-embeds only what it changed
    engine = CachingEngine()
    cases = count_cases(stories, seed) + quote_cases(stories, seed) + copy_cases(stories, seed)
    recall = run_cases(stories, cases, embedder, engine)
    found = untouched(stories, embedder, engine)
    if dump is not None:
        dump.write_text(
            "".join(json.dumps(finding_record(e, f), ensure_ascii=False) + "\n" for e, f in found),
            encoding="utf-8",
        )
    if packets is not None:
        judging.write_packets(found, stories, packets)
    prec = precision(found, load_judgements(judgements))
    blind = precision(found, load_judgements(judging.path("ecbplus")))
    head = {f"realnews_{kind}_recall": recall[kind]["recall"] for kind in KINDS if kind in recall}
    copies = [recall[k] for k in ("copy_count", "copy_quote", "copy_name") if k in recall]
    quotes = [recall[k] for k in ("quote_word", "quote_negation", "misattribution") if k in recall]

    def pooled(parts: Sequence[Mapping[str, Any]]) -> float | None:
        n = sum(p["cases"] for p in parts)
        return round(sum(p["found"] for p in parts) / n, 4) if n else None

    return {
        "realnews_count_recall": recall.get("count", {}).get("recall"),
        "realnews_quote_recall": pooled(quotes),
        "realnews_copy_recall": pooled(copies),
        **head,
        "realnews_false_share": prec["realnews_false_share"],
        "realnews_judged": prec["realnews_judged"],
        "realnews_unjudged": prec["realnews_unjudged"],
        "realnews_blind_false_share": blind["realnews_false_share"],
        "realnews_blind_judged": blind["realnews_judged"],
        "blind": blind,
        "stories": len(stories),
        "cases": len(cases),
        "recall": recall,
        "precision": prec,
    }
