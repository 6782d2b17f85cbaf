"""Throughput: the bare encoder against the whole report pipeline, the static model
against MiniLM, and FAISS pairing against sentence-transformers' paraphrase mining on
the same vectors."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from crosscheck import compare, config, extract, segment
from crosscheck.config import Thresholds
from crosscheck.embed import Embedder
from crosscheck.model import Article, ClaimKind
from crosscheck.pair import mine_pairs
from crosscheck.pipeline import analyse, find_syndicated

from .common import CachingEmbedder, timed

if TYPE_CHECKING:
    import numpy as np


class _Recorder(Embedder):
    """Delegates to ``base`` and keeps every list of texts it was asked to encode."""

    def __init__(self, base: Embedder):
        super().__init__(base.name, base.batch_size)
        self._base = base
        self.calls: list[list[str]] = []

    def _load(self) -> Any:
        return self._base._load()

    def encode(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        self.calls.append(list(texts))
        return self._base.encode(texts, progress)


def pipeline_texts(articles: Sequence[Article], embedder: Embedder) -> list[str]:
    """The texts :func:`crosscheck.pipeline.analyse` embeds for ``articles`` (unique
    sentence texts and quote words), recorded from one run of it."""
    recorder = _Recorder(embedder)
    analyse(articles, recorder)
    return [t for call in recorder.calls for t in call]


def bare_encode(embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
    """``SentenceTransformer.encode`` itself, with the arguments the pipeline uses."""
    vectors: np.ndarray = embedder._load().encode(
        list(texts),
        batch_size=embedder.batch_size,
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )
    return vectors


def encoder_vs_pipeline(
    articles: Sequence[Article],
    embedder: Embedder,
    repeats: int = 3,
    cache: CachingEmbedder | None = None,
) -> dict[str, Any]:
    """Sentences per second of the bare encoder and of the whole report pipeline
    (:func:`analyse`: text to findings) over the same texts, best of ``repeats`` runs
    of each, alternating, with a warm model; and where the pipeline's time goes.

    Both rates count the same sentences: the texts the pipeline embeds. With
    ``cache``, the encoded vectors are handed to it for later sections."""
    warmup_s, texts = timed(pipeline_texts, articles, embedder)  # warms model and caches
    encoder_runs, pipeline_runs = [], []
    findings = 0
    for _ in range(repeats):
        seconds, vectors = timed(bare_encode, embedder, texts)
        encoder_runs.append(seconds)
        seconds, report = timed(analyse, articles, embedder)
        pipeline_runs.append(seconds)
        findings = len(report.findings)
    encoder_s, pipeline_s = min(encoder_runs), min(pipeline_runs)
    if cache is not None:
        cache.remember(texts, vectors)
    row = dict(zip(texts, vectors, strict=True))
    breakdown = pipeline_breakdown(articles, row, encoder_s, pipeline_s)
    return {
        "articles": len(articles),
        "texts_embedded": len(texts),
        "encoder_s": round(encoder_s, 3),
        "pipeline_s": round(pipeline_s, 3),
        "encoder_sentences_per_s": round(len(texts) / encoder_s, 1),
        "pipeline_sentences_per_s": round(len(texts) / pipeline_s, 1),
        "pipeline_vs_encoder": round(encoder_s / pipeline_s, 3),
        "findings": findings,
        "warmup_s": round(warmup_s, 1),
        "encoder_runs_s": [round(t, 2) for t in encoder_runs],
        "pipeline_runs_s": [round(t, 2) for t in pipeline_runs],
        "pipeline_breakdown_s": breakdown,
    }


def pipeline_breakdown(
    articles: Sequence[Article],
    vectors: Mapping[str, np.ndarray],
    encoder_s: float,
    pipeline_s: float,
    thresholds: Thresholds | None = None,
) -> dict[str, float]:
    """Seconds of each stage of :func:`analyse`, each timed once on its own with the
    library's functions; ``vectors``: each embedded text's vector; ``encode`` is the
    bare encoder's best time and ``compare_and_rest`` what remains of ``pipeline_s``.
    ``thresholds``: the model's (default: MiniLM's)."""
    import numpy as np

    t = thresholds or Thresholds()
    articles = sorted(articles, key=lambda a: a.id)
    syndication_s, syndicated = timed(lambda: find_syndicated(articles))
    copies = {copy for copy, _ in syndicated}
    kept = [a for a in articles if a.id not in copies]
    segment_s, parts = timed(lambda: [(a, segment.segment(a)) for a in kept])
    extract_s, per_article = timed(lambda: [extract.extract(a, s) for a, s in parts])
    claims = [c for cs in per_article for c in cs]
    outlet = {a.id: a.outlet.strip().lower() for a in articles}
    sentences = compare.by_kind(claims, ClaimKind.SENTENCE)
    quotes = [c for c in compare.by_kind(claims, ClaimKind.QUOTE) if c.quote]
    groups = [
        (sentences, [c.text for c in sentences], t.sentence_pair_min),
        (quotes, [c.quote.words for c in quotes if c.quote], t.quote_pair_min),
    ]
    pair_s = 0.0
    for group, texts, min_score in groups:
        if group:
            rows = np.stack([vectors[t] for t in texts])
            sources = [outlet[c.article_id] for c in group]
            pair_s += timed(mine_pairs, rows, sources, t.neighbours, min_score)[0]
    parts_s = {
        "syndication": syndication_s,
        "segment": segment_s,
        "extract": extract_s,
        "encode": encoder_s,
        "pair": pair_s,
    }
    parts_s["compare_and_rest"] = max(0.0, pipeline_s - sum(parts_s.values()))
    return {k: round(v, 3) for k, v in parts_s.items()}


def static_vs_minilm(
    articles: Sequence[Article],
    minilm: Embedder,
    static: Embedder,
    repeats: int = 3,
) -> dict[str, Any]:
    """``static_vs_minilm_throughput``: sentences per second of ``static.encode`` over
    those of ``minilm.encode`` on the same texts (the ones :func:`analyse` embeds for
    ``articles``), best of ``repeats`` runs of each, alternating, both models warm. Also
    the whole pipeline's rate with the static model and where its time goes (with the
    static model, encoding no longer dominates), and the static model's load time (it
    includes the one-time distillation when the cache was empty)."""
    load_s, _ = timed(static.encode, ["warm up"])
    minilm.encode(["warm up"])
    texts = pipeline_texts(articles, static)  # the same texts whatever the model
    static_runs, minilm_runs, pipeline_runs = [], [], []
    vectors = None
    for _ in range(repeats):
        seconds, vectors = timed(static.encode, texts)
        static_runs.append(seconds)
        minilm_runs.append(timed(minilm.encode, texts)[0])
        pipeline_runs.append(timed(analyse, articles, static)[0])
    static_s, minilm_s, pipeline_s = min(static_runs), min(minilm_runs), min(pipeline_runs)
    assert vectors is not None
    row = dict(zip(texts, vectors, strict=True))
    return {
        "static_vs_minilm_throughput": round(minilm_s / static_s, 1),
        "static_sentences_per_s": round(len(texts) / static_s, 1),
        "minilm_sentences_per_s": round(len(texts) / minilm_s, 1),
        "static_pipeline_sentences_per_s": round(len(texts) / pipeline_s, 1),
        "texts_embedded": len(texts),
        "static_dim": static.dim,
        "static_load_s": round(load_s, 1),
        "static_runs_s": [round(t, 3) for t in static_runs],
        "minilm_runs_s": [round(t, 2) for t in minilm_runs],
        "static_pipeline_runs_s": [round(t, 2) for t in pipeline_runs],
        "static_pipeline_breakdown_s": pipeline_breakdown(
            articles, row, static_s, pipeline_s, static.thresholds
        ),
    }


def sentence_vectors(
    articles: Sequence[Article], embedder: Embedder
) -> tuple[np.ndarray, list[str]]:
    """The vectors of the articles' sentence claims (one row per sentence, as
    :func:`analyse` pairs them) and each row's source (outlet)."""
    rows = []
    sources = []
    for a in sorted(articles, key=lambda a: a.id):
        for c in extract.extract(a, segment.segment(a)):
            if c.kind is ClaimKind.SENTENCE:
                rows.append(c.text)
                sources.append(a.outlet.strip().lower())
    return embedder.encode(rows), sources


def faiss_vs_paraphrase_mining(
    vectors: np.ndarray,
    sources: Sequence[Hashable],
    repeats: int = 3,
    k: int = config.NEIGHBOURS,
    min_score: float = config.SENTENCE_PAIR_MIN,
    top_k: int = 100,
) -> dict[str, Any]:
    """Time of :func:`crosscheck.pair.mine_pairs` against
    ``sentence_transformers.util.paraphrase_mining_embeddings`` (its default
    ``top_k=100``, ``max_pairs`` high enough never to truncate) on ``vectors``
    (``float32``, ``(n, dim)``, L2-normalised), best of ``repeats``; and the share of
    paraphrase mining's cross-source pairs scoring at least ``min_score`` that
    ``mine_pairs`` also finds. ``mine_pairs`` keeps only ``k`` neighbours per row, so
    in a dense cluster (more than ``k`` near-duplicates) it finds fewer."""
    import torch
    from sentence_transformers.util import paraphrase_mining_embeddings

    tensor = torch.from_numpy(vectors)
    faiss_s = mining_s = float("inf")
    ours: set[tuple[int, int]] = set()
    theirs: set[tuple[int, int]] = set()
    for _ in range(repeats):
        seconds, mined = timed(lambda: mine_pairs(vectors, sources, k, min_score))
        faiss_s, ours = min(faiss_s, seconds), {(i, j) for i, j, _ in mined}
        seconds, pm = timed(
            lambda: paraphrase_mining_embeddings(
                tensor, top_k=top_k, max_pairs=max(1, len(vectors) * top_k)
            )
        )
        mining_s = min(mining_s, seconds)
        theirs = {
            (min(int(i), int(j)), max(int(i), int(j)))
            for score, i, j in pm
            if score >= min_score and sources[int(i)] != sources[int(j)]
        }
    return {
        "vectors": len(vectors),
        "mine_pairs_s": round(faiss_s, 4),
        "paraphrase_mining_s": round(mining_s, 4),
        "faiss_vs_paraphrase_mining": round(faiss_s / mining_s, 3) if mining_s else None,
        "mine_pairs_pairs": len(ours),
        "paraphrase_mining_pairs": len(theirs),
        "faiss_pair_overlap": round(len(ours & theirs) / len(theirs), 4) if theirs else 1.0,
        "mine_pairs_only": len(ours - theirs),
        "k": k,
        "top_k": top_k,
        "min_score": min_score,
    }
