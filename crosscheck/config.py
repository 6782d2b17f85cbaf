"""Thresholds and defaults, in one place.

Similarities are cosine similarities of L2-normalised all-MiniLM-L6-v2 embeddings.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MODEL = "all-MiniLM-L6-v2"  # resolved to the packaged weights in embed.py

# Pairing: how many neighbours FAISS returns per unit, and the similarity a pair needs.
# 25 neighbours a row: on ECB+ (6 topics) gold same-event pair recall is 0.26 at 10,
# 0.39 at 25, 0.46 at 50 (the ceiling the similarity threshold allows), for 1.0x, 1.5x
# and 1.8x the pairs to compare; the findings were the same at 10 and 50.
NEIGHBOURS = 25
# Blocking: claims of articles published more than this many days apart are not paired
# (a follow-up weeks later is another story; ECB+ pairs one earthquake with another
# years apart). Articles without a date are paired with all.
PAIR_WINDOW_DAYS = 7
# ... except a follow-up: two articles up to this many days apart, each with a sentence
# giving a developing figure (a toll, arrests) that pairs with the other's (from
# SENTENCE_PAIR_MIN), compare those figures, as updates. On AllSides (benchmarks
# "allsides", "followups"): 3 of 12 planted follow-ups (21 days on) found (4 within the
# window); 150 month spans of real coverage (a topic-day and the same topic's coverage
# of a day 8-31 days on) give one follow-up update, judged true blind (a bombing's
# injured, 176 then more than 260). Linking by any sentence pair found 4 of 12 but 3
# updates there, 2 judged false (a bombing's toll against an attack's of months before);
# only near paraphrases (NEAR_PARAPHRASE_MIN) of the figures' sentences, 1 of 12.
FOLLOWUP_WINDOW_DAYS = 31
SENTENCE_PAIR_MIN = 0.55  # two sentences are "about the same thing" from here up
# Numbers are compared between closer pairs: sentences of one story at 0.55-0.7 often
# give different figures for different facts (ECB+ topics, see benchmarks).
QUANTITY_PAIR_MIN = 0.7
QUOTE_PAIR_MIN = 0.60  # two quotes may be one utterance from here up
# ... and so may two quotes that share this many normalised words in a row (a remark
# one outlet quotes at more length embeds far from the part another quotes), unless
# more than QUOTE_SHARED_RUN_MAX_QUOTES quotes share them (a common phrase).
QUOTE_SHARED_RUN = 4
QUOTE_SHARED_RUN_MAX_QUOTES = 20
# A number without a fact slot is compared in paired sentences only when the words
# around it (FRAME_REACH either side) share FRAME_SHARED_MIN content words with those
# around the other (one, in near paraphrases). On ECB+ sentence pairs at 0.7-0.8,
# figures that share fewer count different things: a player's game points and his
# career points, one team's offer and another's, a quake's depth and its distance.
FRAME_REACH = 5
FRAME_SHARED_MIN = 2
# Such a figure conflicts only in near paraphrases (NEAR_PARAPHRASE_MIN), and not when
# the two are more than this many times apart. Judged by hand on the untouched ECB+
# stories, figures without a slot in sentences paired at 0.7-0.8 were 13 false to 0
# true (one player's game and career points, a patch for 32-bit and for 64-bit
# browsers); of those more than 10x apart, 8 false to 0 true (game points against a
# career's, 15,800 m² against 170,000 sq ft), while 1.2 against 12 miles deep was true.
SENTENCE_FIGURE_MAX_RATIO = 10.0
# A kind of people ("civilians", "officers") counted more than this many times another
# outlet's total for the slot is of another event: on AllSides a war's "tens of
# thousands of civilians" killed, recalled in a background paragraph, against a
# bombing's three dead (two findings, both judged false blind), the only part-against-
# whole findings on the untouched stories of either corpus.
PART_MAX_RATIO = 10.0
# A sports statistic or a span of time without a slot conflicts only in near-identical
# sentences: judged on ECB+, such figures at 0.8-0.9 were 6 false to 1 true (29 and 39
# catches in two seasons, 24 and 20 points in two games, an age and years since).
NEAR_IDENTICAL_MIN = 0.9
# A cue of another event ("days after", "could", "last year") scopes a number when it
# stands at most this many words before it, in its clause (crosscheck/slots.py): at 8,
# "just days after a powerful quake levelled buildings and killed one person" escaped.
SCOPE_REACH = 12
# Negation and name conflicts need sentences that say nearly the same thing.
NEAR_PARAPHRASE_MIN = 0.80

# Quotes: share of word overlap (difflib ratio over normalised words) from which two
# quotes are read as one utterance quoted differently, rather than two utterances.
QUOTE_SAME_UTTERANCE_MIN = 0.55
# A fragment (a few quoted words) must match this share of its words, in order,
# inside the other quote to count as a drifted excerpt of it.
FRAGMENT_MATCH_MIN = 0.6
FRAGMENT_MAX_WORDS = 8
# Two quotes given to two named people are two remarks, unless they share this share of
# their words (difflib ratio) over at least this many: then one outlet has the speaker
# wrong, and the words still drifted.
DRIFT_ACROSS_SPEAKERS_MIN_WORDS = 8
DRIFT_ACROSS_SPEAKERS_MIN_RATIO = 0.8
# Two quotes that each put this many words in a row in place of the other's are two
# lines of a speech sharing some words, not one line misquoted.
TWO_LINES_MIN_WORDS = 3
# A translated remark that two outlets quote alike over this many words but for one
# change comes from one translation: its changed word is drift, as in any quote.
ONE_TRANSLATION_MIN_WORDS = 12
# How far back (characters) a sentence naming a quote's speaker may give the day the
# quote was said on ("Jay Carney on Tuesday reiterated ..." a paragraph before).
REMARK_DAY_REACH = 1500

# Independence: articles whose word 5-gram shingles overlap this much are one source.
SYNDICATION_JACCARD_MIN = 0.6

# Quantity severity by the ratio between the nearest bounds of disjoint intervals.
# Below QUANTITY_MIN_RATIO two disjoint intervals only touch ("more than 4" vs "4").
QUANTITY_MIN_RATIO = 1.1
QUANTITY_HIGH_RATIO = 3.0
QUANTITY_MEDIUM_RATIO = 1.5

# Approximate search. An all-against-all exact search grows with the square of the
# rows; an inverted-file index (IVF) with 4·√n lists probed 32 deep does not. On MiniLM
# vectors of ECB+ sentences (python -m benchmarks --only ann) the two cost about the
# same from 2,000 to 10,000 rows, IVF took 0.82 of the time at 15,503 and 0.41 at
# 100,000 (noised copies), and kept 0.97 of the exact top 10 and 0.996 of the pairs
# above the sentence threshold. Exact search is kept up to 20,000 rows, where it costs
# little more.
ANN_MIN_ROWS = 20_000
IVF_LISTS_PER_SQRT = 4
IVF_PROBES = 32

# Extraction runs in worker processes for corpora of this many articles and more, in
# chunks of this many (below it, starting the workers costs more than it saves).
PARALLEL_MIN_ARTICLES = 400
PARALLEL_CHUNK_ARTICLES = 50
# Sentence pairs are compared in worker processes from this many pairs up.
PARALLEL_MIN_PAIRS = 20_000

ENCODE_BATCH_SIZE = 64
DATE_PAIR_MIN = 0.65  # dates are compared only between closely paired sentences
DATE_HIGH_DAYS = 30
# ... and the two sentences, dates left out, must share this share of content words.
DATE_CONTEXT_MIN = 0.3

# Sentence rules: after leaving out negators, the rest must match this share (difflib).
NEGATION_REST_MIN = 0.8
# ... and the stretch that adds or drops the negator has at most this many words.
NEGATION_MAX_CHANGED_WORDS = 3
NAME_REST_MIN = 0.7

# Quotes shorter than this are too common to corroborate or to misattribute.
CORROBORATION_MIN_WORDS = 5
MISATTRIBUTION_MIN_WORDS = 6

# Resource bounds. A file over MAX_FILE_BYTES is skipped with a warning (a 50 MB dump is
# not an article); a "sentence" over MAX_SENTENCE_CHARS (no punctuation for pages) is
# not a claim: the encoder reads only its first 256 tokens anyway.
MAX_FILE_BYTES = 5_000_000
MAX_SENTENCE_CHARS = 3_000

# --- The fast tier: `--model static` (issue 8) -------------------------------------------
# Static token vectors distilled from DEFAULT_MODEL with model2vec (crosscheck/static.py).
STATIC_MODEL = "static"
# Distillation, chosen on ECB+ (all 43 topics) by gold-pair recall at an equal number of
# proposed pairs: 256 PCA dimensions keep what 384 do (0.292 vs 0.296 recall at MiniLM's
# pair count) in two thirds of the memory, 128 lose 0.04; a SIF coefficient of 1e-5
# ranks better than model2vec's default 1e-4 (0.292 vs 0.254), 3e-6 to 3e-5 are level,
# and at 1e-5 unrelated same-story sentences score as under MiniLM (median 0.23 vs 0.21).
STATIC_PCA_DIMS = 256
STATIC_SIF_COEFFICIENT = 1e-5
STATIC_DISTIL_SECONDS = 60  # the one-time distillation: 48 s on 2 cores (load 2.5)
# Static vectors rank neighbours less well than MiniLM's and score related sentences
# lower (ECB+ gold-pair median 0.47 vs 0.52); same-story pairs in general score as under
# MiniLM (+0.015 from 0.5 to 0.9). With MiniLM's 25 neighbours and 0.55, ECB+ gold-pair
# recall is 0.74 of MiniLM's on the first 6 topics and 0.82 on all 43. A wider neighbour
# list buys more recall per extra pair than a lower threshold: 50 and 0.50 keep 1.04 and
# 1.11 of it (1.7x and 2.2x the pairs), 25 and 0.45 keep 0.96 and 1.05 (2.0x, 2.1x).
STATIC_NEIGHBOURS = 50
STATIC_SENTENCE_PAIR_MIN = 0.50
# Static vectors weigh words, not how they relate: two sentences of one kind of story
# ("scored 13 runs", "scored 33 runs") score high whatever the event. Numbers from
# different real events of one ECB+ topic (43 topics) conflict 91 times under MiniLM at
# 0.7; static vectors give 292 at 0.7, 159 at 0.75, 81 at 0.8, 16 at 0.85. 0.8 keeps the
# false alarms at MiniLM's level; every planted quantity pair scores 0.93 or more.
STATIC_QUANTITY_PAIR_MIN = 0.80


@dataclass(frozen=True)
class Thresholds:
    """The cosine similarities that gate pairing and the rules, and the neighbours kept
    per row: each model has its own scale (defaults: all-MiniLM-L6-v2's, above)."""

    neighbours: int = NEIGHBOURS
    sentence_pair_min: float = SENTENCE_PAIR_MIN
    quote_pair_min: float = QUOTE_PAIR_MIN
    quantity_pair_min: float = QUANTITY_PAIR_MIN
    date_pair_min: float = DATE_PAIR_MIN
    near_paraphrase_min: float = NEAR_PARAPHRASE_MIN


STATIC_THRESHOLDS = Thresholds(
    neighbours=STATIC_NEIGHBOURS,
    sentence_pair_min=STATIC_SENTENCE_PAIR_MIN,
    quantity_pair_min=STATIC_QUANTITY_PAIR_MIN,
)
