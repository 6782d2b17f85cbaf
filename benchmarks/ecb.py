"""ECB+: recall of the pairing against gold same-event sentence pairs, and conflicts
reported between articles about two different real events of one topic (each one a
false alarm by construction)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import Any

from crosscheck.config import Thresholds
from crosscheck.embed import Embedder
from crosscheck.pair import mine_pairs
from crosscheck.pipeline import analyse

from .common import EcbSentence, by_doc, by_topic, ecb_article, load_action_pairs, load_ecb

Key = tuple[str, int]  # (doc, sentence number)


def topic_ids(limit: int | None = None) -> list[int]:
    """ECB+ topic numbers in order; the first ``limit`` of them when given."""
    topics = list(by_topic(load_ecb()))
    return topics[:limit] if limit else topics


def pair_recall(
    embedder: Embedder,
    topics: Iterable[int] | None = None,
    pool: Sequence[EcbSentence] | None = None,
    thresholds: Thresholds | None = None,
) -> dict[str, Any]:
    """Share of ECB+ gold same-event cross-document sentence pairs that the pipeline's
    pairing proposes. Per topic (one story folder), each document is one outlet: its
    sentences are embedded and paired with ``mine_pairs(vectors, doc_ids, neighbours,
    sentence_pair_min)``, as :func:`analyse` pairs sentences, with the model's
    ``embedder.thresholds`` (or ``thresholds``).

    Also: recall among the proposed pairs that reach the thresholds of the stricter
    rules, the share of gold pairs whose cosine reaches ``sentence_pair_min`` at all
    (the ceiling any top-k search can reach), and the share of proposed pairs that join
    two different events of the topic (hard negatives). ``pool``: the sentences to use
    (default: all of ECB+); gold pairs outside it are left out."""
    import numpy as np

    t = thresholds or embedder.thresholds
    pool = load_ecb() if pool is None else pool
    groups = by_topic(pool)
    chosen = set(groups) if topics is None else set(topics) & set(groups)
    subtopic = {(s.doc, s.sent): s.subtopic for s in pool}
    topic_of = {(s.doc, s.sent): s.topic for s in pool}
    gold = {
        (min(a, b), max(a, b))
        for a, b in load_action_pairs()
        if topic_of.get(a) in chosen and b in topic_of and a[0] != b[0]
    }
    proposed: dict[tuple[Key, Key], float] = {}
    gold_cos: list[float] = []
    for topic in sorted(chosen):
        sentences = groups[topic]
        keys = [(s.doc, s.sent) for s in sentences]
        vectors = embedder.encode([s.text for s in sentences])
        for i, j, score in mine_pairs(
            vectors, [s.doc for s in sentences], t.neighbours, t.sentence_pair_min
        ):
            a, b = keys[i], keys[j]
            proposed[(min(a, b), max(a, b))] = score
        row = {k: n for n, k in enumerate(keys)}
        topic_gold = [(a, b) for a, b in gold if a in row and b in row]
        if topic_gold:
            va = vectors[[row[a] for a, _ in topic_gold]]
            vb = vectors[[row[b] for _, b in topic_gold]]
            gold_cos += np.einsum("ij,ij->i", va, vb).tolist()

    def recall(min_score: float) -> float | None:
        hits = sum(1 for p in gold if proposed.get(p, -1.0) >= min_score)
        return round(hits / len(gold), 4) if gold else None

    cross_event = sum(1 for a, b in proposed if subtopic[a] != subtopic[b])
    return {
        "ecb_pair_recall": recall(t.sentence_pair_min),
        "ecb_pair_recall_at_quantity_min": recall(t.quantity_pair_min),
        "ecb_pair_recall_at_near_paraphrase": recall(t.near_paraphrase_min),
        "ecb_gold_pairs": len(gold),
        "ecb_gold_cosine_reaches_min": round(
            sum(c >= t.sentence_pair_min for c in gold_cos) / len(gold_cos), 4
        )
        if gold_cos
        else None,
        "ecb_proposed_pairs": len(proposed),
        "ecb_proposed_gold_share": round(len(gold & proposed.keys()) / len(proposed), 4)
        if proposed
        else None,
        "ecb_proposed_cross_event_share": round(cross_event / len(proposed), 4)
        if proposed
        else None,
        "topics": len(chosen),
        "sentences": sum(len(groups[topic]) for topic in chosen),
        "neighbours": t.neighbours,
        "sentence_pair_min": t.sentence_pair_min,
    }


def static_vs_minilm(
    minilm: Embedder,
    static: Embedder,
    topics: Iterable[int] | None = None,
    pool: Sequence[EcbSentence] | None = None,
) -> dict[str, Any]:
    """``static_pair_recall_vs_minilm``: :func:`pair_recall` of the static model over
    that of MiniLM on the same topics, each model with its own thresholds (as the
    pipeline pairs with it); with both runs' figures, the number of pairs each proposes,
    and the static model's recall with MiniLM's thresholds (why it has its own)."""
    topics = list(topics) if topics is not None else None
    base = pair_recall(minilm, topics, pool)
    fast = pair_recall(static, topics, pool)
    same = pair_recall(static, topics, pool, thresholds=minilm.thresholds)

    def ratio(a: float | None, b: float | None) -> float | None:
        return round(a / b, 4) if a is not None and b else None

    return {
        "static_pair_recall_vs_minilm": ratio(fast["ecb_pair_recall"], base["ecb_pair_recall"]),
        "static_ecb_pair_recall": fast["ecb_pair_recall"],
        "minilm_ecb_pair_recall": base["ecb_pair_recall"],
        "static_proposed_pairs_vs_minilm": ratio(
            fast["ecb_proposed_pairs"], base["ecb_proposed_pairs"]
        ),
        "static_pair_recall_vs_minilm_at_minilm_thresholds": ratio(
            same["ecb_pair_recall"], base["ecb_pair_recall"]
        ),
        "static": fast,
        "minilm": base,
        "static_at_minilm_thresholds": same,
    }


def _event_pairs(docs: dict[str, list[EcbSentence]]) -> tuple[int, int]:
    """(cross-event, same-event) article pairs among one topic's documents."""
    cross = same = 0
    for a, b in combinations(sorted(docs), 2):
        if docs[a][0].subtopic != docs[b][0].subtopic:
            cross += 1
        else:
            same += 1
    return cross, same


def cross_event_conflicts(
    embedder: Embedder,
    topics: Iterable[int] | None = None,
    pool: Sequence[EcbSentence] | None = None,
    examples: int = 8,
) -> dict[str, Any]:
    """Run :func:`analyse` per ECB+ topic on its documents (one article per document,
    outlet = document id, both subtopics together: the same kind of story, two
    different real events) and count conflict findings whose two sides come from
    documents of different subtopics: each is a false alarm by construction. Rates are
    per article pair. Same-event conflicts are counted for information (some are real
    discrepancies between outlets, some false alarms). ``pool``: as for
    :func:`pair_recall`."""
    groups = by_topic(load_ecb() if pool is None else pool)
    chosen = sorted(set(groups) if topics is None else set(topics) & set(groups))
    cross_kinds: Counter[str] = Counter()
    same_kinds: Counter[str] = Counter()
    cross_pairs = same_pairs = articles = 0
    shown: dict[str, list[str]] = {"cross": [], "same": []}
    for topic in chosen:
        docs = by_doc(groups[topic])
        event = {doc: sentences[0].subtopic for doc, sentences in docs.items()}
        report = analyse([ecb_article(d, s) for d, s in sorted(docs.items())], embedder)
        articles += len(docs)
        cross, same = _event_pairs(docs)
        cross_pairs, same_pairs = cross_pairs + cross, same_pairs + same
        for f in report.findings:
            if not f.kind.is_conflict:
                continue
            where = "cross" if len({event[s.article] for s in f.sides}) > 1 else "same"
            (cross_kinds if where == "cross" else same_kinds)[f.kind.value] += 1
            if len(shown[where]) < examples:
                shown[where].append(f"[{f.kind.value}] {f.explanation}")
    cross_total, same_total = sum(cross_kinds.values()), sum(same_kinds.values())
    return {
        "ecb_cross_event_conflicts": cross_total,
        "ecb_cross_event_conflict_rate": round(cross_total / cross_pairs, 4)
        if cross_pairs
        else None,
        "ecb_same_event_conflicts": same_total,
        "ecb_same_event_conflict_rate": round(same_total / same_pairs, 4) if same_pairs else None,
        "cross_event_by_kind": dict(cross_kinds.most_common()),
        "same_event_by_kind": dict(same_kinds.most_common()),
        "cross_event_article_pairs": cross_pairs,
        "same_event_article_pairs": same_pairs,
        "topics": len(chosen),
        "articles": articles,
        "cross_event_examples": shown["cross"],
        "same_event_examples": shown["same"],
    }
