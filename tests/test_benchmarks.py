"""Smoke test of the benchmark suite: every section runs on tiny inputs and returns
the figures it documents. Nothing here asserts on speed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from benchmarks import accuracy, ann, check, common, ecb, scaling, speed
from benchmarks.__main__ import table
from crosscheck.embed import Embedder

from .conftest import require_shared


@pytest.mark.parametrize(
    ("tokens", "text"),
    [
        ("A 6 . 1 quake hit .", "A 6.1 quake hit."),
        ("About 120 , 000 people", "About 120,000 people"),
        ("On May 2 , 2013 , at 1 : 35", "On May 2, 2013, at 1:35"),
        ("`` We appreciate it , '' he said .", "“We appreciate it,” he said."),
        ("her family 's privacy", "her family's privacy"),
        ("they did n't say", "they didn't say"),
        ("I ’ m sure it ’ s July ’ s", "I’m sure it’s July’s"),
        ("the boy ( 15 ) left", "the boy (15) left"),
        ("the U . S . Marshals at 5 p . m . local", "the U.S. Marshals at 5 p.m. local"),
        ('He said " yes " and " no " .', 'He said "yes" and "no".'),
        (
            "a 90 - day course for $ 3 billion , a 24 % drop",
            "a 90-day course for $3 billion, a 24% drop",
        ),
        ("Thomas ' carrier", "Thomas' carrier"),
        ("“ Mean Girls ” star", "“Mean Girls” star"),
    ],
)
def test_detokenise(tokens: str, text: str) -> None:
    assert common.detokenise(tokens) == text


@pytest.fixture(scope="module")
def pool() -> list[common.EcbSentence]:
    """The sentences of four ECB+ documents of topic 1: two per event."""
    require_shared("eval", "ecbplus")
    docs = common.by_doc(common.by_topic(common.load_ecb())[1])
    pick = [d for d in sorted(docs) if d.endswith("ecb")][:2]
    pick += [d for d in sorted(docs) if d.endswith("ecbplus")][:2]
    return [s for d in pick for s in docs[d]]


def test_synth_articles_cycle_outlets_and_are_deterministic(pool: list[common.EcbSentence]) -> None:
    first = common.synth_articles(6, sentences_per_article=5, outlets=4, pool=pool)
    assert [a.outlet for a in first] == [f"outlet-{i % 4:02d}" for i in range(6)]
    assert all(len(a.text.split("\n\n")) == 2 for a in first)  # paragraphs of 3 and 2
    assert first == common.synth_articles(6, sentences_per_article=5, outlets=4, pool=pool)


def test_encoder_vs_pipeline(embedder: Embedder, pool: list[common.EcbSentence]) -> None:
    articles = common.synth_articles(3, sentences_per_article=4, pool=pool)
    out = speed.encoder_vs_pipeline(articles, embedder, repeats=1)
    for key in ("encoder_sentences_per_s", "pipeline_sentences_per_s", "pipeline_vs_encoder"):
        assert isinstance(out[key], float) and out[key] > 0
    assert out["texts_embedded"] > 0
    assert set(out["pipeline_breakdown_s"]) >= {"encode", "pair", "compare_and_rest"}


def test_faiss_vs_paraphrase_mining_on_hand_made_vectors() -> None:
    rng = np.random.default_rng(0)
    base = rng.normal(size=(5, 16))
    vectors = np.concatenate([base, base + rng.normal(scale=0.05, size=base.shape)])
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    sources = ["a"] * 5 + ["b"] * 5
    out = speed.faiss_vs_paraphrase_mining(vectors, sources, repeats=1)
    assert out["faiss_pair_overlap"] == 1.0  # every near-copy pair, found both ways
    assert out["paraphrase_mining_pairs"] >= 5
    assert out["faiss_vs_paraphrase_mining"] > 0


def test_number_specs() -> None:
    out = accuracy.number_specs(require_shared("eval"))
    assert 0 < out["number_spec_pass_rate"] <= 1
    assert out["number_spec_total"] == sum(s["total"] for s in out["by_source"].values())
    assert out["out_of_scope_categories"]


def test_vitaminc() -> None:
    out = accuracy.vitaminc(path=require_shared("eval", "vitaminc_sample"))
    assert out["vitaminc_n"] > 0
    assert 0 <= out["vitaminc_numeric_accuracy"] <= 1
    assert set(out["library"]) == {
        "accuracy",
        "refutes_precision",
        "refutes_recall",
        "predicted_conflicts",
    }
    assert sum(out["missed_refutes_why"].values()) <= out["vitaminc_refutes"]


def test_seeds(embedder: Embedder) -> None:
    out = accuracy.seeds(embedder, require_shared("corpus", "seeds"))
    assert 0 <= out["seeds_must_find"] <= 1
    assert isinstance(out["seeds_false_alarms"], int)


def test_ecb_sections(embedder: Embedder, pool: list[common.EcbSentence]) -> None:
    recall = ecb.pair_recall(embedder, pool=pool)
    assert recall["ecb_gold_pairs"] > 0 and 0 <= recall["ecb_pair_recall"] <= 1
    conflicts = ecb.cross_event_conflicts(embedder, pool=pool)
    assert conflicts["cross_event_article_pairs"] == 4  # 2 docs × 2 docs
    assert conflicts["same_event_article_pairs"] == 2
    assert isinstance(conflicts["ecb_cross_event_conflicts"], int)
    assert conflicts["ecb_cross_event_conflict_rate"] >= 0


@pytest.fixture
def cache_dir(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "cache"


def test_check_speed(embedder: Embedder, cache_dir: Path) -> None:
    require_shared("eval", "ecbplus")
    out = check.check_speed(embedder, sizes=(2, 3), repeats=1, cold=False, cache_dir=cache_dir)
    assert {"check_2_s", "check_3_s", "check_3_vs_2", "warm_check_s"} <= set(out)
    again = check.check_speed(embedder, sizes=(2, 3), repeats=1, cold=False, cache_dir=cache_dir)
    assert again["stores"][3]["store_build_s"] == "cached"


def test_scaling_row() -> None:
    require_shared("eval", "ecbplus")
    row = scaling.run_size(250, model="default")
    assert {"articles", "sentences", "analyse_s", "extract_s", "peak_rss_mb"} <= set(row)
    assert (row["articles"], row["sentences"]) == (10, 250)
    assert row["texts_embedded"] > 0


def test_news_year_is_deterministic_dated_and_shared_between_outlets() -> None:
    require_shared("eval", "ecbplus")
    first, second = common.news_year(60), common.news_year(60)
    assert first == second
    assert all(a.published for a in first)
    assert len({a.outlet for a in first}) > 5
    sentences = [s for a in first for s in a.text.replace("\n\n", " ").split(". ")]
    assert len(set(sentences)) < len(sentences)  # outlets tell the same facts


def test_ann_rows() -> None:
    import numpy as np

    rng = np.random.default_rng(0)
    v = rng.normal(size=(500, 16)).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    row = ann.compare(v, v[:50])
    assert row["rows"] == 500 and 0 <= row["recall_at_10"] <= 1
    exact = ann.recall_at_k(np.array([[1, 2], [3, 4]]), np.array([[2, 1], [3, 5]]))
    assert exact == 0.75


def test_table_marks_targets() -> None:
    text = table({"pipeline_vs_encoder": 0.5, "number_spec_pass_rate": 0.95})
    assert "MISSED" in text and "ok" in text


# --- the speaker dev set (issue 15) ----------------------------------------------------


def test_speaker_verdicts() -> None:
    from benchmarks.speakers import same_person, verdict
    from crosscheck.model import Quote

    assert same_person("GM Theo Epstein", "Theo Epstein")
    assert same_person("Mr. Ali", "Faud Ali")
    assert not same_person("Jeremy Ortiz", "Chela Ortiz")
    assert verdict(None, "") == "right"
    assert verdict(Quote("w"), "Ann Lee") == "none"
    assert verdict(Quote("w", "Bo Lee", "lee", named=True), "Ann Lee") == "wrong_named"
    assert verdict(Quote("w", "Lee", "lee"), "Ann Lee") == "right"


def test_speaker_dev_set_is_well_formed() -> None:
    from benchmarks.speakers import DEV, FORMS, POSITIONS, load_dev

    golds, written = load_dev(DEV)
    assert len(golds) >= 300 and len({g.qid for g in golds}) == len(golds)
    assert {g.form for g in golds} <= set(FORMS)
    assert {g.position for g in golds} <= set(POSITIONS)
    for g in golds:
        if g.article in written:  # our own articles: the offset opens a quote
            assert written[g.article].text[g.start - 1] == "“", g.qid


def test_allsides_speaker_dev_set_is_well_formed_and_placed() -> None:
    from benchmarks.allsides import articles_by_id
    from benchmarks.speakers import DEV_ALLSIDES, FORMS, POSITIONS, load_dev

    require_shared("eval", "allsides")
    golds, _ = load_dev(DEV_ALLSIDES)
    assert len(golds) >= 300 and len({g.qid for g in golds}) == len(golds)
    assert {g.form for g in golds} <= set(FORMS)
    assert {g.position for g in golds} <= set(POSITIONS)
    articles = articles_by_id({g.article for g in golds})
    for g in golds:  # the offset is the first quoted character, after its mark
        assert articles[g.article].text[g.start - 1] in '“"', g.qid


def test_speaker_benchmark_runs() -> None:
    from benchmarks.speakers import speakers

    require_shared("eval", "ecbplus")
    out = speakers()
    assert out["speakers_quotes"] >= 300
    assert 0 <= out["speakers_wrong_named"] <= out["speakers_wrong"] <= 1
    assert set(out["by_form"]) >= {"plain_name", "pronoun", "continuation"}
