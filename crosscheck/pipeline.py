"""The only module that calls every stage: files → Report."""

from __future__ import annotations

import bisect
import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import compare, config, ingest
from .copies import compare_copy
from .embed import Embedder
from .engine import LOCAL, Engine, can_fork, extract_one, in_workers, workers
from .errors import InputError
from .facts import compare_facts, developing_slot
from .model import Article, CheckResult, Claim, ClaimKind, Finding, FindingKind, Report
from .pair import Pairs, mine_pairs, neighbours
from .store import Store

if TYPE_CHECKING:
    import numpy as np


def _shingles(a: Article) -> np.ndarray:
    """The article's word 5-grams, each as a stable 64-bit hash: sorted, unique."""
    import numpy as np

    w = re.findall(r"\w+", a.text.lower())
    n = max(1, len(w) - 4)
    hashes = (
        int.from_bytes(hashlib.blake2b(" ".join(w[i : i + 5]).encode(), digest_size=8).digest())
        for i in range(n)
    )
    return np.unique(np.fromiter(hashes, dtype=np.uint64, count=n))


def _same_story_text(a: np.ndarray, b: np.ndarray) -> bool:
    """Shingle sets (as from :func:`_shingles`) overlapping by ``SYNDICATION_JACCARD_MIN``."""
    import numpy as np

    small, large = sorted((len(a), len(b)))
    if not small or small / large < config.SYNDICATION_JACCARD_MIN:
        return False  # the overlap cannot exceed the smaller set
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / (small + large - shared) >= config.SYNDICATION_JACCARD_MIN


def find_syndicated(
    articles: Sequence[Article], window: int | None = None
) -> list[tuple[str, str]]:
    """``(copy, original)`` id pairs of near-identical articles (a syndicated wire story):
    word 5-gram shingles overlapping by at least ``SYNDICATION_JACCARD_MIN``, published
    at most ``window`` days apart (``None``: any; an undated article pairs with all). The
    original is the earlier published, then the smaller id.

    Only articles that share a shingle of their prefixes are compared (prefix filtering,
    exact): with each article's shingles ordered rarest first across the corpus, two
    articles overlapping by a share J of their union share one of their first
    ``n - ceil(J n) + 1`` shingles; the prefix kept is ``n - floor(J n) + 1`` long, which
    holds that one whatever the rounding of ``J n``. Shingles of one article only cannot
    be shared and are not indexed; a phrase every article repeats (a template) comes
    last, past the prefixes, so templated articles are not all compared with each other."""
    import numpy as np

    shingles = {a.id: _shingles(a) for a in articles}
    order = sorted(articles, key=lambda a: (a.published is None, a.published or 0, a.id))
    day = [a.published.toordinal() if a.published else None for a in order]
    every = [shingles[a.id] for a in order]
    # how many articles hold each shingle, read off for every article's shingles at once
    _, inverse, counts = np.unique(
        np.concatenate(every) if every else np.zeros(0, np.uint64),
        return_inverse=True,
        return_counts=True,
    )
    frequency = np.split(counts[inverse], np.cumsum([len(hs) for hs in every])[:-1])
    by_hash: dict[int, list[int]] = defaultdict(list)
    prefixes: list[list[int]] = []
    for n, (hs, df) in enumerate(zip(every, frequency, strict=True)):
        rank = np.lexsort((hs, df))[: len(hs) - int(config.SYNDICATION_JACCARD_MIN * len(hs)) + 1]
        shared = hs[rank][df[rank] > 1].tolist()  # the prefix, rarest first, then by hash
        prefixes.append(shared)
        for h in shared:
            by_hash[h].append(n)  # in rank order
    copy = [False] * len(order)
    original_of: dict[str, str] = {}
    for n, a in enumerate(order):
        if copy[n]:
            continue
        later: set[int] = set()  # the later candidates not yet copies, within the window
        for h in prefixes[n]:
            # Copies leave the lists: a story copied by thousands of outlets is read
            # once by its original, not by every copy against every other.
            members = by_hash[h] = [m for m in by_hash[h] if not copy[m]]
            later.update(m for m in members[bisect.bisect_right(members, n) :]
                         if _near_in_time(day[n], day[m], window))  # fmt: skip
        for m in sorted(later):
            if _same_story_text(shingles[a.id], shingles[order[m].id]):
                copy[m] = True
                original_of[order[m].id] = a.id
    return sorted(original_of.items())


def _near_in_time(a: int | None, b: int | None, window: int | None) -> bool:
    """Days at most ``window`` apart (``None``: any; an undated one is near all)."""
    return window is None or a is None or b is None or abs(a - b) <= window


def analyse(
    articles: Sequence[Article],
    embedder: Embedder,
    progress: bool = False,
    warnings: Iterable[str] = (),
    engine: Engine = LOCAL,
    window: int | None = config.PAIR_WINDOW_DAYS,
) -> Report:
    """The discrepancy report over ``articles``; ``engine`` runs extraction and
    embedding (pairing and comparing run here). Claims of articles published more than
    ``window`` days apart are not paired (``None``: no limit); an article without a
    date is paired with all."""
    articles = sorted(articles, key=lambda a: a.id)
    syndicated = find_syndicated(articles, window)
    copies = {copy for copy, _ in syndicated}
    # A copy is one source, already counted through its original.
    originals = [a for a in articles if a.id not in copies]
    claims = [c for x in engine.extract(originals) for c in x.claims]
    source = {a.id: a.outlet.strip().lower() for a in articles}
    day = {a.id: a.published.toordinal() if a.published else None for a in articles}

    sentences = compare.by_kind(claims, ClaimKind.SENTENCE)
    quotes = compare.by_kind(claims, ClaimKind.QUOTE)
    sent_vecs, quote_vecs = _embed(engine, embedder, sentences, quotes, progress)

    thresholds = embedder.thresholds  # each model has its own similarity scale
    ctx = compare.Context.of(articles, claims, thresholds)
    findings: list[Finding] = []
    sent_sources = [source[c.article_id] for c in sentences]
    sent_days = [day[c.article_id] for c in sentences]
    sent_pairs = mine_pairs(
        sent_vecs,
        sent_sources,
        thresholds.neighbours,
        thresholds.sentence_pair_min,
        sent_days,
        window,
    )
    findings += _compare_sentence_pairs(sentences, _by_day(sent_pairs, sent_days), ctx)
    # Figures are compared as facts of a story: between articles some sentence of which
    # the pairing joined, wherever in them the figures stand.
    links = _story_links(sentences, sent_pairs)
    figures = compare.by_kind(claims, ClaimKind.QUANTITY)
    later = _followup_links(
        sentences, sent_vecs, sent_sources, sent_days, figures, window, thresholds
    )
    fact_findings, facts = compare_facts(ctx.articles, figures, links, source, followups=later)
    findings += fact_findings
    # A copy is not compared with other outlets, but with its original: what it changed.
    by_id = {a.id: a for a in articles}
    for copy, original in syndicated:
        findings += compare_copy(by_id[original], by_id[copy])

    quote_sources = [source[c.article_id] for c in quotes]
    quote_days = [day[c.article_id] for c in quotes]
    quote_pairs = {
        (i, j): sim
        for i, j, sim in mine_pairs(
            quote_vecs,
            quote_sources,
            thresholds.neighbours,
            thresholds.quote_pair_min,
            quote_days,
            window,
        )
    }
    # A fragment embeds far from the whole remark it comes from, so quotes attributed to
    # the same speaker are compared whatever their similarity.
    # Nor does a remark that one outlet quotes at more length than another; quotes that
    # share a run of words are compared too.
    for i, j in _same_speaker_pairs(
        quotes, quote_vecs, quote_sources, quote_days, window, thresholds.neighbours
    ) + _shared_words_pairs(quotes, quote_sources, quote_days, window):
        if (i, j) not in quote_pairs:
            quote_pairs[(i, j)] = round(float(quote_vecs[i] @ quote_vecs[j]), 4)
    for (i, j), sim in sorted(quote_pairs.items()):
        f = compare.compare_quotes(quotes[i], quotes[j], sim, ctx.articles)
        if f is not None:
            findings.append(f)

    return Report(
        articles=tuple(articles),
        findings=tuple(_dedupe(findings)),
        model=embedder.name,
        syndicated=tuple(syndicated),
        warnings=tuple(warnings),
        facts=tuple(facts),
    )


def _embed(
    engine: Engine,
    embedder: Embedder,
    sentences: Sequence[Claim],
    quotes: Sequence[Claim],
    progress: bool,
) -> tuple[np.ndarray, np.ndarray]:
    """The vectors of the sentences and of the quotes' words; each distinct text is
    encoded once."""
    texts = [c.text for c in sentences] + [c.quote.words for c in quotes if c.quote]
    unique = sorted(set(texts))
    vectors = engine.encode(embedder, unique, progress)
    row = {t: i for i, t in enumerate(unique)}
    at = [row[t] for t in texts]
    return vectors[at[: len(sentences)]], vectors[at[len(sentences) :]]


def _story_links(sentences: Sequence[Claim], pairs: Pairs) -> list[tuple[str, str]]:
    """The article pairs that some sentence pair joins (each once, in id order)."""
    import numpy as np

    ids = sorted({c.article_id for c in sentences})
    code = {a: n for n, a in enumerate(ids)}
    row = np.array([code[c.article_id] for c in sentences], dtype=np.int64)
    a, b = row[pairs.first], row[pairs.second]
    joined = np.unique(np.minimum(a, b) * len(ids) + np.maximum(a, b))
    return [(ids[int(j) // len(ids)], ids[int(j) % len(ids)]) for j in joined]


def _followup_links(
    sentences: Sequence[Claim],
    vectors: np.ndarray,
    sources: Sequence[str],
    days: Sequence[int | None],
    figures: Sequence[Claim],
    window: int | None,
    thresholds: config.Thresholds,
) -> list[tuple[str, str]]:
    """Article pairs published more than ``window`` days apart, at most
    ``FOLLOWUP_WINDOW_DAYS``, where a sentence of each that gives a developing figure
    (a toll, arrests) pairs with the other as a story's sentences pair: a follow-up
    weeks later that recalls the incident ("the tornado that killed 24 people in
    Moore"). Only such sentences are searched: across weeks, a topic's other sentences
    join one incident to another (a bombing's toll and an attack's of months before)."""
    if window is None or window >= config.FOLLOWUP_WINDOW_DAYS:
        return []
    held = _developing(figures)
    rows = [n for n, c in enumerate(sentences) if (c.article_id, c.sentence_index) in held]
    if len(rows) < 2:
        return []
    found = mine_pairs(
        vectors[rows],
        [sources[n] for n in rows],
        thresholds.neighbours,
        thresholds.sentence_pair_min,
        [days[n] for n in rows],
        config.FOLLOWUP_WINDOW_DAYS,
    )
    out = set()
    for i, j, _ in found:
        di, dj = days[rows[i]], days[rows[j]]
        if di is not None and dj is not None and abs(di - dj) > window:
            a, b = sentences[rows[i]].article_id, sentences[rows[j]].article_id
            out.add((min(a, b), max(a, b)))
    return sorted(out)


def _developing(figures: Iterable[Claim]) -> set[tuple[str, int]]:
    """The sentences (article id, sentence index) that give a developing figure."""
    return {(c.article_id, c.sentence_index) for c in figures if developing_slot(c)}


def _by_day(pairs: Pairs, days: Sequence[int | None]) -> Pairs:
    """``pairs`` in the order of their first row's day (undated last), else as they were:
    compared in that order, a worker process and the word caches of :mod:`compare` meet
    the sentences of a few weeks at a time, not of the whole corpus. The findings do not
    depend on the order (see :func:`_dedupe`)."""
    import numpy as np

    when = np.array([np.iinfo(np.int64).max if d is None else d for d in days], dtype=np.int64)
    return pairs[np.argsort(when[pairs.first], kind="stable")]


def _compare_range(
    sentences: Sequence[Claim],
    pairs: Pairs,
    ctx: compare.Context,
    lo: int,
    hi: int,
) -> list[Finding]:
    out: list[Finding] = []
    for i, j, sim in pairs[lo:hi]:
        out += compare.compare_sentence_pair(sentences[i], sentences[j], sim, ctx)
    return out


# What forked comparison workers read: set just before the fork, inherited by copy.
_FORKED: tuple[Sequence[Claim], Pairs, compare.Context] | None = None


def _compare_forked(bounds: tuple[int, int]) -> list[Finding]:
    assert _FORKED is not None
    return _compare_range(*_FORKED, *bounds)


def _compare_sentence_pairs(
    sentences: Sequence[Claim], pairs: Pairs, ctx: compare.Context
) -> list[Finding]:
    """Every sentence rule over ``pairs``, in pair order. From ``PARALLEL_MIN_PAIRS``
    pairs up they are spread over forked worker processes (``engine.workers``), which
    inherit the claims instead of receiving them; not where torch is loaded."""
    global _FORKED
    n = workers()
    if n <= 1 or len(pairs) < config.PARALLEL_MIN_PAIRS or not can_fork():
        return _compare_range(sentences, pairs, ctx, 0, len(pairs))
    size = -(-len(pairs) // (n * 8))
    chunks = [(lo, min(lo + size, len(pairs))) for lo in range(0, len(pairs), size)]
    _FORKED = (sentences, pairs, ctx)
    try:
        return in_workers(_compare_forked, chunks, "fork")
    finally:
        _FORKED = None


def _same_speaker_pairs(
    quotes: Sequence[Claim],
    vectors: np.ndarray,
    sources: Sequence[str],
    days: Sequence[int | None],
    window: int | None,
    k: int,
) -> list[tuple[int, int]]:
    """Pairs of quotes by one speaker in different outlets, at most ``window`` days
    apart (a quote without a date pairs with all): each quote with the ``k`` most
    similar such quotes, whatever their similarity. That is all of them but for a
    speaker quoted more than ``k + 1`` times, whose quotes are paired as sentences
    are (:func:`mine_pairs`), not each with each: the pairs of a speaker quoted
    thousands of times would grow with the square of the quotes."""
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(quotes):
        if c.quote and c.quote.speaker_key:
            by_speaker[c.quote.speaker_key].append(i)
    pairs: list[tuple[int, int]] = []
    for members in by_speaker.values():
        if len(members) <= k + 1:  # each has at most k others: all of them
            members.sort(key=lambda i: (days[i] is None, days[i] or 0, i))
            pairs += _within_window(members, days, window)
            continue
        found = mine_pairs(
            vectors[members],
            [sources[i] for i in members],
            k,
            -1.0,
            [days[i] for i in members],
            window,
        )
        pairs += ((members[a], members[b]) for a, b, _ in found)
    return sorted((min(i, j), max(i, j)) for i, j in pairs if sources[i] != sources[j])


def _shared_words_pairs(
    quotes: Sequence[Claim],
    sources: Sequence[str],
    days: Sequence[int | None],
    window: int | None,
) -> list[tuple[int, int]]:
    """Pairs of quotes in different outlets, at most ``window`` days apart, that share
    ``QUOTE_SHARED_RUN`` normalised words in a row. A run that more than
    ``QUOTE_SHARED_RUN_MAX_QUOTES`` quotes share ("I don't know what") pairs none."""
    n = config.QUOTE_SHARED_RUN
    by_run: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, c in enumerate(quotes):
        if c.quote is None:
            continue
        w = compare.quote_words(c.quote.words)
        for run in {tuple(w[k : k + n]) for k in range(len(w) - n + 1)}:
            by_run[run].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in by_run.values():
        if len(members) < 2 or len(members) > config.QUOTE_SHARED_RUN_MAX_QUOTES:
            continue
        members = sorted(members, key=lambda i: (days[i] is None, days[i] or 0, i))
        pairs.update(
            (min(i, j), max(i, j))
            for i, j in _within_window(members, days, window)
            if sources[i] != sources[j]
        )
    return sorted(pairs)


def _within_window(
    members: Sequence[int], days: Sequence[int | None], window: int | None
) -> Iterator[tuple[int, int]]:
    """Pairs ``(a, b)`` of ``members``, ``a`` before ``b``, published at most ``window``
    days apart (``None``: any); an undated member pairs with all. ``members`` lists the
    dated ones first, by day, then the undated: each dated one meets only its window."""
    for m, a in enumerate(members):
        for b in members[m + 1 :]:
            if not _near_in_time(days[a], days[b], window):
                # The dated members after b are later still; the undated ones pair with all.
                yield from ((a, c) for c in members[m + 1 :] if days[c] is None)
                break
            yield a, b


def _dedupe(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per identity, most severe first. Of findings with one identity the
    most similar pair wins, then the first by position: the order they come in (from
    worker processes, in any order of pairs) does not matter."""
    best: dict[str, Finding] = {}
    for f in findings:
        key = f.identity
        if key not in best or _rank(f) < _rank(best[key]):
            best[key] = f
    return sorted(best.values(), key=lambda f: (-f.severity.rank, f.kind.value, _where(f)))


def _where(f: Finding) -> list[tuple[str, int, int]]:
    return [(s.article, s.start, s.end) for s in f.sides]


def _rank(f: Finding) -> tuple[float, list[tuple[str, int, int]], int, str, str, str]:
    return (-f.similarity, _where(f), -f.severity.rank, f.explanation, f.detail, f.subtype)


def build_report(
    paths: Iterable[Path | str],
    model: str = config.DEFAULT_MODEL,
    progress: bool = False,
    embedder: Embedder | None = None,
    engine: Engine = LOCAL,
    window: int | None = config.PAIR_WINDOW_DAYS,
) -> Report:
    """Read the articles under ``paths`` and report where their outlets disagree.

    Pass an ``embedder`` to reuse a loaded model across calls."""
    corpus = _load(paths, engine)
    return analyse(
        corpus.articles, embedder or Embedder(model), progress, corpus.warnings, engine, window
    )


def _load(paths: Iterable[Path | str], engine: Engine = LOCAL) -> ingest.Corpus:
    paths = list(paths)
    corpus = engine.load(paths)
    if not corpus.articles:
        raise InputError("no articles found in " + ", ".join(str(p) for p in paths))
    return corpus


def _encode_cached(texts: Sequence[str], store: Store, embedder: Embedder) -> np.ndarray:
    """Vectors for ``texts`` (rows in order), taken from the store's cache where it has
    them: re-checking a draft encodes only the sentences that changed."""
    import numpy as np

    cached = store.vectors(texts)
    missing = sorted(set(texts) - set(cached))
    if missing:
        vecs = embedder.encode(missing)
        store.require_dim(int(vecs.shape[1]))
        cached.update(zip(missing, vecs, strict=True))
    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    return np.stack([cached[t] for t in texts]).astype(np.float32, copy=False)


def check_article(
    article: Article,
    store: Store,
    embedder: Embedder,
    window: int | None = config.PAIR_WINDOW_DAYS,
) -> CheckResult:
    """Check one article against a stored corpus: which of its claims conflict with
    stored coverage from other outlets (published within ``window`` days of it, or
    undated), which are corroborated, which are new.

    The store is searched, not rebuilt; keep one ``Store`` and one ``Embedder`` open to
    check many articles."""
    claims = list(extract_one(article).claims)
    sentences = compare.by_kind(claims, ClaimKind.SENTENCE)
    quotes = [c for c in compare.by_kind(claims, ClaimKind.QUOTE) if c.quote]
    vecs = _encode_cached(
        [c.text for c in sentences] + [c.quote.words for c in quotes if c.quote], store, embedder
    )
    svecs, qvecs = vecs[: len(sentences)], vecs[len(sentences) :]
    own = article.outlet.strip().lower()

    mine = article.published.toordinal() if article.published else None

    def itself(article_id: str, outlet: str) -> bool:
        """The stored article is this one, or of this article's outlet."""
        return article_id == article.id or outlet.strip().lower() == own

    def bars(article_id: str, outlet: str, day: int | None) -> bool:
        """Whether a stored article's units may not be paired with this article's."""
        return itself(article_id, outlet) or not _near_in_time(day, mine, window)

    def skip(unit: int) -> bool:
        return bars(*store.unit_source(unit))

    @functools.cache  # one store scan for both kinds
    def barred() -> np.ndarray:
        return store.units_where(bars)

    thresholds = embedder.thresholds
    k = thresholds.neighbours
    sent_pairs = neighbours(
        store.index("sentences"), svecs, skip, k, thresholds.sentence_pair_min, barred
    )
    quote_idx = store.index("quotes")
    quote_pairs = {
        (q, u): s
        for q, u, s in neighbours(quote_idx, qvecs, skip, k, thresholds.quote_pair_min, barred)
    }
    by_speaker = store.quote_units_by_speaker(
        c.quote.speaker_key for c in quotes if c.quote and c.quote.speaker_key
    )
    for q, c in enumerate(quotes):
        for unit in by_speaker.get(c.quote.speaker_key if c.quote else "", []):
            if (q, unit) not in quote_pairs and not skip(unit):
                quote_pairs[(q, unit)] = round(float(qvecs[q] @ quote_idx.reconstruct(unit)), 4)

    # Follow-ups: stored coverage further away than the window, up to a month, whose
    # sentence giving a developing figure pairs with such a sentence of this one.
    def far(article_id: str, outlet: str, day: int | None) -> bool:
        """Whether a stored article's units are not a follow-up's (or this one's)."""
        if itself(article_id, outlet):
            return True
        if window is None or mine is None or day is None:
            return True  # undated coverage is paired within the window already
        return not window < abs(day - mine) <= config.FOLLOWUP_WINDOW_DAYS

    held = _developing(claims)
    rows = [n for n, c in enumerate(sentences) if (c.article_id, c.sentence_index) in held]
    later_pairs = neighbours(
        store.index("sentences"),
        svecs[rows],
        lambda unit: far(*store.unit_source(unit)),
        k,
        thresholds.sentence_pair_min,
        functools.cache(lambda: store.units_where(far)),
    )
    stored = store.unit_claims(
        {u for _, u, _ in sent_pairs} | {u for _, u in quote_pairs} | {u for _, u, _ in later_pairs}
    )
    others = store.articles({c.article_id for c in stored.values()})
    shingles = _shingles(article)
    copies = tuple(a.id for a in others if _same_story_text(shingles, _shingles(a)))
    stored_claims = store.claims(a.id for a in others)
    ctx = compare.Context.of([article, *others], claims + stored_claims, thresholds)
    findings: list[Finding] = []
    # Figures as facts of the story: against every stored article some sentence pair
    # links to this one (copies aside), wherever in them the figures stand.
    linked = sorted({stored[u].article_id for _, u, _ in sent_pairs} - set(copies))
    figures = compare.by_kind(claims + stored_claims, ClaimKind.QUANTITY)
    stored_held = _developing(figures)
    later = sorted(
        {
            stored[u].article_id
            for _, u, _ in later_pairs
            if (stored[u].article_id, stored[u].sentence_index) in stored_held
        }
    )
    fact_findings, _ = compare_facts(
        ctx.articles,
        figures,
        [(article.id, other) for other in linked],
        {a.id: a.outlet.strip().lower() for a in [article, *others]},
        # a draft differs from stored coverage of unknown time: the desk's conflict
        undated_update=False,
        followups=[(article.id, other) for other in later],
    )
    findings += [_mine_first(f, article.id) for f in fact_findings]
    for other in others:
        if other.id in copies:
            # The stored article is the original unless the new one was published first.
            new_first = (
                article.published and other.published and article.published < other.published
            )
            findings += compare_copy(*((article, other) if new_first else (other, article)))
    for q, unit, sim in sent_pairs:
        if stored[unit].article_id not in copies:
            findings += compare.compare_sentence_pair(sentences[q], stored[unit], sim, ctx)
    for (q, unit), sim in sorted(quote_pairs.items()):
        if stored[unit].article_id not in copies:
            f = compare.compare_quotes(quotes[q], stored[unit], sim, ctx.articles)
            findings += [f] if f else []
    paired = {q for q, unit, _ in sent_pairs if stored[unit].article_id not in copies}
    new = tuple(c for n, c in enumerate(sentences) if n not in paired)
    return CheckResult(article, tuple(_dedupe(findings)), new, copies)


def _mine_first(f: Finding, article_id: str) -> Finding:
    """A check finding with the checked article's side first (an update keeps its
    timeline order)."""
    if f.kind is FindingKind.UPDATE or f.sides[0].article == article_id:
        return f
    return replace(f, sides=f.sides[::-1])


def check(
    paths: Iterable[Path | str],
    store: Store,
    embedder: Embedder,
    window: int | None = config.PAIR_WINDOW_DAYS,
) -> tuple[list[CheckResult], list[str]]:
    """Check every article under ``paths`` against ``store``; also returns ingest warnings.
    Refuses a store indexed by an older extraction (see ``Store.require_current``)."""
    store.require_current()
    corpus = _load(paths)
    drafts, renamed = _apart_from_stored(corpus.articles, store)
    results = [
        check_article(a, store, embedder, window) for a in sorted(drafts, key=lambda a: a.id)
    ]
    return results, corpus.warnings + renamed


def _apart_from_stored(
    articles: Sequence[Article], store: Store
) -> tuple[list[Article], list[str]]:
    """The articles, each whose id a stored article of another file and text has (ids
    are file stems: another folder's "draft.md") given a free id, so that it is checked
    against that article and ``--add`` keeps both; a warning for each renamed."""
    stored = {a.id: a for a in store.articles(a.id for a in articles)}
    ids = store.article_ids()
    taken = set(ids) | {a.id for a in articles}
    out, warnings = [], []
    for a in articles:
        old = stored.get(a.id)
        if old is not None and old.text != a.text and not _same_file(old.source, a.source):
            # the id this file was given before, if it was; else a free one
            before = [b.id for b in store.articles(i for i in ids if i.startswith(f"{a.id}~"))
                      if _same_file(b.source, a.source)]  # fmt: skip
            n = 2
            while f"{a.id}~{n}" in taken:
                n += 1
            new_id = before[0] if before else f"{a.id}~{n}"
            taken.add(new_id)
            warnings.append(
                f"{a.source}: article id {a.id!r} is already stored from {old.source}; "
                f"checked as {new_id!r}"
            )
            a = replace(a, id=new_id)
        out.append(a)
    return out, warnings


def _same_file(a: str, b: str) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except (OSError, RuntimeError, ValueError):
        return a == b
