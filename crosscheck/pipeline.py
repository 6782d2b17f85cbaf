"""The only module that calls every stage: files → Report."""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from . import compare, config, extract, ingest, segment
from .embed import Embedder
from .errors import InputError
from .model import Article, Claim, ClaimKind, Finding, Report
from .pair import mine_pairs

log = logging.getLogger(__name__)


def find_syndicated(articles: Sequence[Article]) -> list[tuple[str, str]]:
    """``(copy, original)`` id pairs of near-identical articles (a syndicated wire story):
    word 5-gram shingles overlapping by at least ``SYNDICATION_JACCARD_MIN``. The
    original is the earlier published, then the smaller id."""
    shingles = {}
    for a in articles:
        w = re.findall(r"\w+", a.text.lower())
        shingles[a.id] = {tuple(w[i : i + 5]) for i in range(max(1, len(w) - 4))}
    order = sorted(articles, key=lambda a: (a.published is None, a.published or 0, a.id))
    original_of: dict[str, str] = {}
    for i, a in enumerate(order):
        if a.id in original_of:
            continue
        for b in order[i + 1 :]:
            if b.id in original_of or not shingles[a.id] or not shingles[b.id]:
                continue
            sa, sb = shingles[a.id], shingles[b.id]
            if len(sa & sb) / len(sa | sb) >= config.SYNDICATION_JACCARD_MIN:
                original_of[b.id] = a.id
    return sorted(original_of.items())


def analyse(
    articles: Sequence[Article],
    embedder: Embedder,
    progress: bool = False,
    warnings: Iterable[str] = (),
) -> Report:
    """The discrepancy report over ``articles``."""
    articles = sorted(articles, key=lambda a: a.id)
    by_id = {a.id: a for a in articles}
    syndicated = find_syndicated(articles)
    copies = {copy for copy, _ in syndicated}
    claims: list[Claim] = []
    quote_spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for article in articles:
        if article.id in copies:
            continue  # one source, already counted through its original
        found = extract.extract(article, segment.segment(article))
        claims.extend(found)
        quote_spans[article.id] = [(c.start, c.end) for c in found if c.kind is ClaimKind.QUOTE]
    source = {a.id: a.outlet.strip().lower() for a in articles}

    sentences = compare.by_kind(claims, ClaimKind.SENTENCE)
    quotes = compare.by_kind(claims, ClaimKind.QUOTE)
    texts = [c.text for c in sentences] + [c.quote.words for c in quotes if c.quote]
    unique = sorted(set(texts))
    vectors = embedder.encode(unique, progress=progress)
    row = {t: i for i, t in enumerate(unique)}
    sent_vecs = vectors[[row[c.text] for c in sentences]] if sentences else vectors[:0]
    quote_vecs = vectors[[row[c.quote.words] for c in quotes if c.quote]] if quotes else vectors[:0]

    per_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind in (ClaimKind.QUANTITY, ClaimKind.DATE):
            per_sentence[(c.article_id, c.sentence_index)].append(c)

    findings: list[Finding] = []
    sent_sources = [source[c.article_id] for c in sentences]
    for i, j, sim in mine_pairs(
        sent_vecs, sent_sources, config.NEIGHBOURS, config.SENTENCE_PAIR_MIN
    ):
        a, b = sentences[i], sentences[j]
        in_a, in_b = (
            per_sentence[(a.article_id, a.sentence_index)],
            per_sentence[(b.article_id, b.sentence_index)],
        )
        qa, qb = (
            compare.by_kind(in_a, ClaimKind.QUANTITY),
            compare.by_kind(in_b, ClaimKind.QUANTITY),
        )
        findings += compare.compare_quantities(qa, qb, sim, by_id)
        findings += compare.compare_quantities(qb, qa, sim, by_id)
        da, db = compare.by_kind(in_a, ClaimKind.DATE), compare.by_kind(in_b, ClaimKind.DATE)
        findings += compare.compare_dates(da, db, sim, by_id)
        findings += compare.compare_sentences(a, b, sim, by_id, lambda aid: quote_spans[aid])

    quote_pairs = {
        (i, j): sim
        for i, j, sim in mine_pairs(
            quote_vecs,
            [source[c.article_id] for c in quotes],
            config.NEIGHBOURS,
            config.QUOTE_PAIR_MIN,
        )
    }
    # A fragment embeds far from the whole remark it comes from, so quotes attributed to
    # the same speaker are compared whatever their similarity.
    for i, j in _same_speaker_pairs(quotes, source):
        if (i, j) not in quote_pairs:
            quote_pairs[(i, j)] = round(float(quote_vecs[i] @ quote_vecs[j]), 4)
    for (i, j), sim in sorted(quote_pairs.items()):
        f = compare.compare_quotes(quotes[i], quotes[j], sim, by_id)
        if f is not None:
            findings.append(f)

    return Report(
        articles=tuple(articles),
        findings=tuple(_dedupe(findings)),
        model=embedder.name,
        syndicated=tuple(syndicated),
        warnings=tuple(warnings),
    )


def _same_speaker_pairs(quotes: Sequence[Claim], source: dict[str, str]) -> list[tuple[int, int]]:
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(quotes):
        if c.quote and c.quote.speaker_key:
            by_speaker[c.quote.speaker_key].append(i)
    pairs = []
    for members in by_speaker.values():
        for n, i in enumerate(members):
            for j in members[n + 1 :]:
                if source[quotes[i].article_id] != source[quotes[j].article_id]:
                    pairs.append((i, j))
    return pairs


def _dedupe(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per identity (the most similar pair wins), most severe first."""
    best: dict[str, Finding] = {}
    for f in findings:
        key = f.identity
        if key not in best or f.similarity > best[key].similarity:
            best[key] = f
    return sorted(
        best.values(),
        key=lambda f: (
            -f.severity.rank,
            f.kind.value,
            [(s.article, s.start, s.end) for s in f.sides],
        ),
    )


def build_report(
    paths: Iterable[Path | str],
    model: str = config.DEFAULT_MODEL,
    progress: bool = False,
    embedder: Embedder | None = None,
) -> Report:
    """Read the articles under ``paths`` and report where their outlets disagree.

    Pass an ``embedder`` to reuse a loaded model across calls."""
    corpus = ingest.load(paths)
    if not corpus.articles:
        raise InputError("no articles found in " + ", ".join(str(p) for p in paths))
    return analyse(corpus.articles, embedder or Embedder(model), progress, corpus.warnings)
