"""Blocking keeps the work near-linear without changing what is found: syndication's
prefix filter finds every copy a full comparison finds (templated articles too), and
quotes by one speaker are paired only within the date window."""

from __future__ import annotations

import datetime as dt
import random

import numpy as np
import pytest

from crosscheck import config
from crosscheck.embed import Embedder
from crosscheck.model import Article, Claim, ClaimKind, FindingKind, Quote
from crosscheck.pipeline import (
    _same_speaker_pairs,
    _same_story_text,
    _shingles,
    analyse,
    find_syndicated,
)

WORDS = ["the", "council", "said", "a", "bridge", "will", "close", "for", "repairs", "after"]
WORDS += ["the", "vote", "on", "budget", "cuts"]


def _all_pairs(articles: list[Article], window: int | None) -> list[tuple[str, str]]:
    """The definition: every later article compared with every earlier original
    published at most ``window`` days before it (or undated)."""
    order = sorted(articles, key=lambda a: (a.published is None, a.published or 0, a.id))
    shingles = {a.id: _shingles(a) for a in articles}
    original_of: dict[str, str] = {}
    for i, a in enumerate(order):
        if a.id in original_of:
            continue
        for b in order[i + 1 :]:
            apart = (b.published - a.published).days if a.published and b.published else 0
            if window is not None and apart > window:
                continue
            if b.id not in original_of and _same_story_text(shingles[a.id], shingles[b.id]):
                original_of[b.id] = a.id
    return sorted(original_of.items())


@pytest.mark.parametrize(("seed", "window"), [(s, w) for s in range(4) for w in (None, 2)])
def test_the_prefix_filter_finds_every_copy_a_full_comparison_finds(
    seed: int, window: int | None
) -> None:
    rng = random.Random(seed)
    originals = [" ".join(rng.choices(WORDS, k=rng.randint(30, 300))) for _ in range(40)]
    articles = []
    for n in range(150):
        words = rng.choice(originals).split()
        for _ in range(rng.randint(0, len(words) // 10)):  # edit some words
            words[rng.randrange(len(words))] = rng.choice([*WORDS, "Mayor", "2,000"])
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 8))
        articles.append(Article(id=f"a{n:03d}", outlet=f"o{n % 7}", text=" ".join(words),
                                published=day if n % 5 else None))  # fmt: skip
    expected = _all_pairs(articles, window)
    assert len(expected) > 20  # the corpus does have copies, and near-misses
    assert find_syndicated(articles, window) == expected
    if window is not None:  # copies published too far apart are left alone
        assert len(expected) < len(_all_pairs(articles, None))


def test_templated_articles_are_not_all_compared_with_each_other(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # issue 23: one-line articles of one template made every pair a candidate (1.9
    # million exact comparisons for 4,000 of them); their rare words decide now
    from crosscheck import pipeline

    rng = random.Random(23)
    places = ["Leeds", "York", "Bath", "Hull", "Derby", "Ely", "Wells", "Ripon"]
    articles = [
        Article(
            id=f"t{n:04d}",
            outlet=f"o{n % 50}",
            text=f"Officials said that {rng.randint(2, 400)} people were injured when a fire "
            f"broke out in {rng.choice(places)} on Monday.",
        )
        for n in range(1200)
    ]
    compared = 0
    same_story = pipeline._same_story_text

    def counted(a: np.ndarray, b: np.ndarray) -> bool:
        nonlocal compared
        compared += 1
        return same_story(a, b)

    monkeypatch.setattr(pipeline, "_same_story_text", counted)
    found = find_syndicated(articles)
    monkeypatch.undo()
    assert found == _all_pairs(articles, None)
    pairs = len(articles) * (len(articles) - 1) // 2
    assert compared < pairs / 20  # the sketch compared 28% of the 719,400 pairs


def test_a_follow_up_weeks_later_is_compared_as_an_update(embedder: Embedder) -> None:
    # issue 22: a report three weeks on that recalls the incident is past the pairing
    # window, but its toll is the same fact still; two months on, it is left alone
    first = Article(
        id="early", outlet="Daily", published=dt.date(2013, 5, 21),
        text="A tornado tore through Moore, Oklahoma, on Monday, killing 24 people and "
        "flattening two schools. Rescuers searched the rubble overnight.",
    )  # fmt: skip
    later = "The tornado that tore through Moore, Oklahoma, killed 51 people and flattened "
    later += "two schools. Residents began to rebuild this week."
    for days, found in ((3, True), (21, True), (60, False)):
        late = Article(id="late", outlet="Courier", text=later,
                       published=first.published + dt.timedelta(days=days))  # fmt: skip
        report = analyse([first, late], embedder)
        updates = [f for f in report.findings if f.kind is FindingKind.UPDATE]
        assert bool(updates) == found, days
        assert all("gave 24 on 2013-05-21" in f.explanation for f in updates)


def _quote(article: str, speaker: str) -> Claim:
    q = Quote(words="we will rebuild the bridge", speaker=speaker, speaker_key=speaker)
    return Claim(ClaimKind.QUOTE, article, article, 0, 1, "", 0, 1, "", 0, quote=q)


def test_one_speakers_quotes_pair_within_the_window_only() -> None:
    quotes = [_quote(a, "smith") for a in "abcd"]
    sources = ["a", "b", "c", "d"]
    days: list[int | None] = [0, 3, 30, None]
    vectors = _unit_rows(4)
    pairs = _same_speaker_pairs(quotes, vectors, sources, days, config.PAIR_WINDOW_DAYS, 25)
    assert pairs == [(0, 1), (0, 3), (1, 3), (2, 3)]
    assert len(_same_speaker_pairs(quotes, vectors, sources, days, None, 25)) == 6


def test_a_much_quoted_speakers_quotes_meet_their_k_nearest_within_the_window() -> None:
    # More than k + 1 quotes: each meets its k most similar quotes of the speaker in
    # other outlets (as sentences pair), never one outside the window.
    quotes = [_quote(f"x{i}", "smith") for i in range(40)]
    sources = [f"o{i % 4}" for i in range(40)]
    days: list[int | None] = [i % 20 if i % 9 else None for i in range(40)]
    vectors = _unit_rows(40)
    pairs = _same_speaker_pairs(quotes, vectors, sources, days, 7, 3)
    allowed = set(_same_speaker_pairs(quotes, vectors, sources, days, 7, 40))
    assert set(pairs) <= allowed
    for i in range(40):
        sims = sorted(
            ((float(vectors[i] @ vectors[j]), j) for j in range(40)
             if (min(i, j), max(i, j)) in allowed),
            reverse=True,
        )  # fmt: skip
        assert all((min(i, j), max(i, j)) in pairs for _, j in sims[:3])
    assert len(pairs) <= 40 * 3


def _unit_rows(n: int) -> np.ndarray:
    rng = np.random.default_rng(n)
    v = rng.normal(size=(n, 8)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)
