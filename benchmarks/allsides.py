"""Accuracy on dated real coverage (issue 22): AllSides 2012-2018, the second corpus of
the real-news harness, beside ECB+ (``benchmarks/realnews.py``).

A *story* is one AllSides topic-day with articles from three or more outlets (2,064 of
them); a seeded sample of them is used. Not every article of a topic-day is about one
event, as in a real folder of coverage. Articles keep their outlet and date, and claims
are paired within crosscheck's default window (7 days), as a user's run would.

Cases, each a change to one story, as on ECB+, except where ECB+'s annotations decided:

- ``count``: a figure that another outlet of the story gives too, with the same word
  after it ("12 people", "five officers"), neither hedged ("more than 12"), is changed
  in *one* sentence of one article (not every mention: an outlet that gets a figure
  wrong often gets it wrong once).
- ``dated_conflict``, ``dated_update``, ``followup``: a casualty figure so shared,
  raised in one article that is published the same day (a conflict), two days later (an
  update of a developing figure) or 21 days later (a follow-up of the same incident,
  still an update).
- ``quote_word``, ``quote_negation``, ``misattribution``, ``copy_*``: as on ECB+.

Precision: every conflict and update on the untouched stories, a seeded sample of them
judged blind (``benchmarks/judgements/``, see :mod:`benchmarks.judging`).
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import json
import random
import re
from collections import defaultdict
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

from crosscheck import config
from crosscheck.embed import Embedder
from crosscheck.model import Article

from . import realnews
from .common import EVAL, ROOT, CachingEmbedder, jsonl_records
from .realnews import (
    _CASUALTY,
    _FUNCTION,
    _NOT_COUNTS,
    _NUMBER,
    _OPEN_HEDGE,
    CachingEngine,
    Case,
    Story,
    _case_id,
    _splice,
    changed_number,
    number_value,
    write_number,
)

ALLSIDES = EVAL / "allsides" / "articles-2012-2018.jsonl.gz"
STORIES = 80  # topic-days in the sample the cases change
UNTOUCHED = 300  # topic-days in the sample judged for precision (holds the first)
DATED = {"dated_conflict": 0, "dated_update": 2, "followup": 21}  # kind: days later


def load_stories(
    n: int | None = STORIES, seed: int = 0, path: Path = ALLSIDES, min_outlets: int = 3
) -> list[Story]:
    """A seeded sample of ``n`` topic-days with ``min_outlets`` or more outlets (None:
    all), in date order; each article keeps its outlet and publication date. The sample
    of ``n`` holds the sample of any smaller ``n`` (``random.sample`` draws in order)."""
    days = _topic_days(path)
    keys = sorted(k for k, rs in days.items() if len({r["outlet"] for r in rs}) >= min_outlets)
    if n is not None:
        keys = sorted(random.Random(f"allsides-{seed}").sample(keys, min(n, len(keys))))
    return [_story(day, topic, days[(day, topic)]) for day, topic in keys]


@functools.cache
def _topic_days(path: Path) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """The corpus's records by ``(published, topic)``, read once a process (the sample
    of cases, the untouched sample and the month spans all draw on it)."""
    days: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            days[(r["published"], r["topic"])].append(r)
    return dict(days)


def _story(day: str, topic: str, records: Sequence[dict[str, Any]]) -> Story:
    articles = tuple(_article(r) for r in sorted(records, key=lambda r: r["id"]))
    return Story(f"{day}/{topic}", articles, {}, {})


def _article(r: dict[str, Any]) -> Article:
    return Article(
        id=r["id"],
        outlet=r["outlet"],
        text=r["text"],
        title=r["title"],
        url=r["url"],
        published=dt.date.fromisoformat(r["published"]),
    )


def month_spans(stories: Sequence[Story], seed: int = 0, path: Path = ALLSIDES) -> list[Story]:
    """Each topic-day of ``stories`` with the same topic's articles of one later day,
    ``PAIR_WINDOW_DAYS + 1`` to ``FOLLOWUP_WINDOW_DAYS`` days on (chosen at random among
    those the corpus has): a month of a topic's coverage, where a follow-up meets the
    story it follows, as in a user's folder. Topic-days without such a day are left out."""
    by_day = _topic_days(path)
    topic_days: dict[str, list[dt.date]] = defaultdict(list)
    for day, topic in sorted(by_day):
        topic_days[topic].append(dt.date.fromisoformat(day))
    rng = random.Random(f"allsides-spans-{seed}")
    lo, hi = config.PAIR_WINDOW_DAYS + 1, config.FOLLOWUP_WINDOW_DAYS
    out = []
    for story in stories:
        day, topic = story.event.split("/", 1)
        first = dt.date.fromisoformat(day)
        later = [d for d in topic_days[topic] if lo <= (d - first).days <= hi]
        if not later:
            continue
        then = rng.choice(later).isoformat()
        records = sorted(by_day[(then, topic)], key=lambda r: r["id"])
        articles = story.articles + tuple(_article(r) for r in records)
        out.append(Story(f"{story.event}+{then}", articles, {}, {}))
    return out


def followups(
    embedder: Embedder,
    untouched: int | None = UNTOUCHED,
    seed: int = 0,
    dump: Path | None = None,
    judgements: Path | None = None,
) -> dict[str, Any]:
    """Precision of follow-ups on untouched coverage: the findings between articles
    further apart than the pairing window (``PAIR_WINDOW_DAYS``), on the month spans
    (:func:`month_spans`) of the ``untouched`` topic-days, against the blind judgements.
    The untouched topic-days alone are single days: no follow-up can show there."""
    from . import judging

    spans = month_spans(load_stories(untouched, seed), seed)
    if not isinstance(embedder, CachingEmbedder):
        embedder = CachingEmbedder(embedder)
    published = {a.id: a.published for s in spans for a in s.articles}
    found = []
    for story, f in realnews.untouched(spans, embedder, window=config.PAIR_WINDOW_DAYS):
        x, y = (published[s.article] for s in f.sides[:2])
        if x and y and abs((x - y).days) > config.PAIR_WINDOW_DAYS:
            found.append((story, f))
    if dump is not None:
        judging.write_packets(found, spans, dump)
    prec = realnews.precision(
        found, realnews.load_judgements(judgements or judging.path("allsides"))
    )
    return {
        "allsides_followup_spans": len(spans),
        "allsides_followup_findings": len(found),
        "allsides_followup_unjudged": prec["realnews_unjudged"],
        "allsides_followup_false": prec["verdicts"].get("false", 0),
        "followup_precision": prec,
    }


def articles_by_id(ids: Collection[str], path: Path = ALLSIDES) -> dict[str, Article]:
    """The AllSides articles with these ids."""
    out = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] in ids:
                out[r["id"]] = _article(r)
    return out


# --- count cases, found without annotations ----------------------------------------------

_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_NOT_COUNTED = re.compile(  # durations and scores are not counts of a story's facts
    r"(?:year|month|week|day|hour|minute|second|decade|centur|time|point)", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s|\n")


_PLURALS = frozenset("people men women children police staff personnel".split())
_LISTS = frozenset("things ways takeaways reasons questions lessons facts moments".split())


def sentence_around(text: str, at: int) -> tuple[int, int]:
    """The span of the sentence holding ``text[at]``: from after the last sentence end
    (or line break) before it, to the next one."""
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, at):
        start = m.end()
    end = _SENTENCE_END.search(text, at)
    return start, end.start() + 1 if end else len(text)


def counts(text: str) -> list[tuple[int, int, int, str]]:
    """Each plain count of ``text`` as the harness reads it: ``(start, end, value, word)``
    with the lower-case word right after the number ("12 people" → 12, "people"). Left
    out: ones, hedged figures ("more than 12"), numbers in names, dates, times, ages,
    percentages and measures, scores and ranges."""
    out = []
    for m in _NUMBER.finditer(text):
        value = number_value(m.group(0))
        nxt = _NEXT_WORD.match(text, m.end())
        if value is None or value < 2 or nxt is None:
            continue
        word = nxt.group(1)
        if not (word.endswith("s") or word in _PLURALS) or word in _LISTS:
            continue  # a count of things is a plural: "12 people", "five officers"
        tail = text[m.end() : m.end() + 14]
        if word in _FUNCTION or _NOT_COUNTED.match(word) or _NOT_COUNTS.match(tail.strip()):
            continue
        if 1900 <= value <= 2099 and m.group(0).isdigit():
            continue  # a year
        if _OPEN_HEDGE.search(text[max(0, m.start() - 30) : m.start()]):
            continue
        if re.search(r"(?:[A-Z][\w.]*\s*|[#№/])$", text[max(0, m.start() - 20) : m.start()]):
            continue  # "Proposition 8", "No. 2", "May 5", "9/11"
        if re.match(r"\s*(?:[-–]|to|or|and)\s*\d", tail):
            continue  # a score, a range or a list of figures
        out.append((m.start(), m.end(), value, word))
    return out


def count_cases(stories: Sequence[Story], seed: int = 0, per_story: int = 4) -> list[Case]:
    """``count`` cases and, for casualty figures, the dated trio: a figure another outlet
    gives for the same word, changed in one sentence of one article. At most
    ``per_story`` figures a story, chosen at random."""
    rng = random.Random(f"allsides-count-{seed}")
    out = []
    for story in stories:
        found = {a.id: counts(a.text) for a in story.articles}
        outlet = {a.id: a.outlet for a in story.articles}
        sites = []
        for doc in sorted(found):
            for s, e, value, word in found[doc]:
                carriers = tuple(
                    sorted(
                        d
                        for d in found
                        if outlet[d] != outlet[doc]
                        and any(v == value and w == word for _, _, v, w in found[d])
                    )
                )
                if carriers:
                    sites.append((doc, s, e, value, word, carriers))
        rng.shuffle(sites)
        seen: set[tuple[int, str]] = set()
        for doc, s, e, value, word, carriers in sites:
            if (value, word) in seen or len(seen) >= per_story:
                continue
            seen.add((value, word))
            text = story.article(doc).text
            lo, hi = sentence_around(text, s)
            sentence = text[lo:hi]
            group = "casualty" if _CASUALTY.search(sentence) else "other"
            new = changed_number(value, rng)
            kinds = [("count", new, 0)]
            if group == "casualty":
                raised = value * 2 + rng.randint(1, 3)  # a toll that rises
                kinds += [(kind, raised, days) for kind, days in DATED.items()]
            for kind, number, days in kinds:
                written = write_number(number, text[s:e])
                new_text, targets = _splice(text, [(s, e, written)])
                out.append(
                    Case(
                        id=_case_id(kind, story.event, doc, s),
                        kind=kind,
                        event=story.event,
                        article=doc,
                        text=new_text,
                        targets=tuple(targets),
                        carriers=carriers,
                        before=f"{value} {word}: {sentence.strip()}",
                        after=written,
                        group=group,
                        later_days=days,
                        site=site_id(story.event, doc, s),
                    )
                )
    return out


def site_id(event: str, doc: str, start: int) -> str:
    """The id of one figure a count case changes: the dated cases of a casualty figure
    share it with its count case."""
    return _case_id("site", event, doc, start)


# --- whether a count case's figure is one fact: checked blind ----------------------------
#
# The count cases are found without annotations: a figure that another outlet gives with
# the same word after it. That is not always the same fact ("the two candidates" of a
# debate and of a primary; a tornado's toll and that of one in 1999). A checker (a
# helper who never sees crosscheck's output) reads the article and the carriers and says
# whether some carrier gives the same figure for the same thing; recall is reported over
# the figures so checked, and over all.

CASE_CHECKS = ROOT / "benchmarks" / "judgements" / "allsides_cases.jsonl"


def _marked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    out, last = [], 0
    for s, e in sorted(spans):
        out += [text[last:s], "⟦", text[s:e], "⟧"]
        last = e
    return "".join([*out, text[last:]])


def case_packet(
    story: Story, doc: str, start: int, end: int, value: int, word: str, carriers: Sequence[str]
) -> str:
    """What a checker reads for one figure: the article with the figure marked, and each
    carrier with its mentions of the same number and word marked."""
    a = story.article(doc)
    lo, hi = sentence_around(a.text, start)
    lines = [
        f"# Figure {site_id(story.event, doc, start)}",
        "",
        f"figure: {a.text[start:end]} {word}",
        f"sentence: {a.text[lo:hi].strip()}",
        f"article: {doc} ({a.outlet}, {a.published})",
        f"carriers: {', '.join(carriers)}",
        "",
        f"## Article {doc} (the figure marked ⟦ ⟧)",
        f"outlet: {a.outlet}",
        f"published: {a.published}",
        f"title: {a.title}",
        "",
        _marked(a.text, [(start, end)]),
        "",
    ]
    for c in carriers:
        ca = story.article(c)
        same = [(s, e) for s, e, v, w in counts(ca.text) if v == value and w == word]
        lines += [
            f"## Carrier {c} (its mentions of {value} {word} marked ⟦ ⟧)",
            f"outlet: {ca.outlet}",
            f"published: {ca.published}",
            f"title: {ca.title}",
            "",
            _marked(ca.text, same),
            "",
        ]
    return "\n".join(lines)


def write_case_packets(stories: Sequence[Story], out: Path, seed: int = 0) -> int:
    """One packet a figure the count cases change, under ``out``; how many."""
    out.mkdir(parents=True, exist_ok=True)
    by_event = {s.event: s for s in stories}
    written = set()
    for case in count_cases(stories, seed):
        if case.site in written:
            continue
        written.add(case.site)
        story = by_event[case.event]
        start, end, value, word = next(
            c
            for c in counts(story.article(case.article).text)
            if site_id(case.event, case.article, c[0]) == case.site
        )
        (out / f"{case.site}.md").write_text(
            case_packet(story, case.article, start, end, value, word, case.carriers),
            encoding="utf-8",
        )
    return len(written)


def load_case_checks(path: Path = CASE_CHECKS) -> dict[str, str]:
    """Each checked figure's verdict: "same" (a carrier gives the same figure for the
    same thing), "different" or "unclear"."""
    return {r["site"]: r["verdict"] for r in jsonl_records(path)}


def thinned(cases: Sequence[Case], seed: int = 0, per_story: int = 3) -> list[Case]:
    """At most ``per_story`` cases of each kind a story, chosen at random: AllSides
    articles carry many quotes, and a case costs a run over its story."""
    rng = random.Random(f"allsides-thin-{seed}")
    groups: dict[tuple[str, str], list[Case]] = defaultdict(list)
    for c in cases:
        groups[(c.event, c.kind)].append(c)
    kept = {c.id for g in groups.values() for c in rng.sample(g, min(per_story, len(g)))}
    return [c for c in cases if c.id in kept]


# --- the harness ------------------------------------------------------------------------


def allsides(
    embedder: Embedder,
    stories: int | None = STORIES,
    untouched: int | None = UNTOUCHED,
    seed: int = 0,
    dump: Path | None = None,
    judgements: Path | None = None,
) -> dict[str, Any]:
    """Recall per kind of change on a seeded sample of ``stories`` AllSides topic-days,
    and precision on ``untouched`` of them (a larger sample that holds the first) against
    the blind judgements."""
    from . import judging

    every = load_stories(max(stories or 0, untouched or 0) or None, seed)
    chosen = {s.event for s in load_stories(stories, seed)} if stories != untouched else None
    sample = [s for s in every if chosen is None or s.event in chosen]
    if not isinstance(embedder, CachingEmbedder):
        embedder = CachingEmbedder(embedder)
    engine = CachingEngine()
    window = config.PAIR_WINDOW_DAYS
    cases = (
        count_cases(sample, seed)
        + thinned(realnews.quote_cases(sample, seed), seed)
        + realnews.copy_cases(sample, seed)
    )
    checks = load_case_checks()
    same = {site for site, verdict in checks.items() if verdict == "same"}
    recall = realnews.run_cases(sample, cases, embedder, engine, window=window, same_fact=same)
    found = realnews.untouched(every, embedder, engine, window=window)
    if dump is not None:
        judging.write_packets(found, every, dump)
    prec = realnews.precision(
        found, realnews.load_judgements(judgements or judging.path("allsides"))
    )
    sites = {c.site for c in cases if c.site}
    return judging.summary("allsides", recall, prec) | {
        # over the figures a checker found in a carrier as the same fact
        "allsides_count_recall_same_fact": judging.pooled(recall, ["count:same_fact"]),
        "allsides_dated_told_apart_same_fact": judging.pooled(
            recall, ["dated_conflict:same_fact", "dated_update:same_fact"], True
        ),
        "allsides_followup_recall_same_fact": judging.pooled(recall, ["followup:same_fact"]),
        "allsides_count_sites": len(sites),
        "allsides_count_sites_checked": {
            v: sum(checks.get(s) == v for s in sites) for v in ("same", "different", "unclear")
        }
        | {"unchecked": sum(s not in checks for s in sites)},
        "stories": len(sample),
        "articles": sum(len(s.articles) for s in sample),
        "untouched_stories": len(every),
        "cases": len(cases),
        "recall": recall,
        "precision": prec,
    }
