"""Run the benchmark suite: ``python -m benchmarks [--quick] [--json FILE]``.

Prints a table of the headline figures and writes every figure, with the details of
each section, as one JSON object. ``--quick`` runs smaller subsets (under 10 minutes on
2 cores) and skips the scaling runs. What each figure means: ``reports/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tabulate import tabulate

from crosscheck import config

from . import markdown

SECTIONS = (
    "speed",
    "faiss",
    "static",
    "ann",
    "specs",
    "vitaminc",
    "seeds",
    "ecb",
    "check",
    "realnews",
    "allsides",
    "followups",
    "speakers",
    "hostile",
    "scaling",
)


@dataclass(frozen=True)
class Settings:
    speed_articles: int
    repeats: int
    ecb_topics: int | None  # the first N topics; None: all 43
    check_sizes: tuple[int, int]
    check_repeats: int
    scale_sizes: tuple[int, ...]  # sentences; () skips the scaling runs
    scale_timeout_s: float = 3600  # per size
    realnews_events: int | None = None  # the first N ECB+ stories; None: all 86
    realnews_dump: Path | None = None  # where to write the untouched stories' conflicts
    allsides_stories: int | None = 80  # AllSides topic-days the cases change
    allsides_untouched: int | None = 300  # AllSides topic-days judged (holds the above)
    judging_dir: Path | None = None  # where to write blind-judging packets, per corpus


QUICK = Settings(
    100, 3, 6, (10, 1000), 10, (), realnews_events=12, allsides_stories=12, allsides_untouched=12
)
FULL = Settings(300, 3, None, (10, 1000), 10, (10_000, 100_000, 1_000_000))

# The follow-ups' precision on month spans (its own section, "followups").
FOLLOWUP_KEYS = (
    "allsides_followup_findings",
    "allsides_followup_false",
    "allsides_followup_unjudged",
)

# (key, target, how the target reads): the rows of the printed table, in order.
HEADLINE: list[tuple[str, Callable[[float], bool] | None, str]] = [
    ("encoder_sentences_per_s", None, ""),
    ("pipeline_sentences_per_s", None, ""),
    ("pipeline_vs_encoder", lambda v: v >= 0.8, ">= 0.8"),
    ("faiss_vs_paraphrase_mining", None, "< 1: FAISS faster"),
    ("faiss_pair_overlap", None, ""),
    ("static_vs_minilm_throughput", lambda v: v >= 20, ">= 20"),
    ("static_pipeline_sentences_per_s", None, ""),
    ("static_pair_recall_vs_minilm", lambda v: v >= 0.95, ">= 0.95"),
    ("ann_recall_at_10", lambda v: v >= 0.95, ">= 0.95"),
    ("ann_pair_recall", None, "exact pairs >= the pairing threshold kept"),
    ("ann_faster_from_rows", None, f"index switches at {config.ANN_MIN_ROWS}"),
    ("number_spec_pass_rate", lambda v: v >= 0.9, ">= 0.9"),
    ("vitaminc_numeric_accuracy", None, ""),
    ("vitaminc_refutes_precision", None, ""),
    ("vitaminc_refutes_recall", None, ""),
    ("vitaminc_n", None, ""),
    ("seeds_must_find", lambda v: v == 1.0, "1.0"),
    ("seeds_false_alarms", lambda v: v == 0, "0"),
    ("ecb_pair_recall", None, ""),
    ("ecb_cross_event_conflicts", None, ""),
    ("ecb_cross_event_conflict_rate", None, "per cross-event article pair"),
    ("ecb_same_event_conflicts", None, ""),
    ("realnews_count_recall", lambda v: v >= 0.8, ">= 0.8"),
    ("realnews_quote_recall", lambda v: v >= 0.8, ">= 0.8"),
    ("realnews_copy_recall", lambda v: v >= 0.9, ">= 0.9"),
    ("realnews_false_share", lambda v: v <= 0.1, "<= 0.1 of judged conflicts"),
    ("realnews_judged", None, ""),
    ("realnews_unjudged", None, "to judge: --realnews-dump"),
    ("realnews_blind_false_share", lambda v: v <= 0.15, "<= 0.15 of the blind sample"),
    ("realnews_blind_judged", None, ">= 60"),
    ("allsides_count_recall", lambda v: v >= 0.8, ">= 0.8"),
    ("allsides_quote_recall", lambda v: v >= 0.85, ">= 0.85"),
    ("allsides_copy_recall", lambda v: v >= 0.9, ">= 0.9"),
    ("allsides_dated_told_apart", lambda v: v >= 0.8, ">= 0.8"),
    ("allsides_followup_recall", None, ""),
    ("allsides_false_share", lambda v: v <= 0.15, "<= 0.15 of the blind sample"),
    ("allsides_followup_findings", None, "on month spans, past the window"),
    ("allsides_followup_false", None, "judged blind"),
    ("allsides_followup_unjudged", None, "to judge: --judging-dir"),
    ("allsides_judged", None, ">= 60"),
    ("allsides_unjudged", None, "to judge: --judging-dir"),
    ("speakers_quotes", None, "hand-annotated dev set"),
    ("speakers_right", lambda v: v >= 0.85, ">= 0.85"),
    ("speakers_wrong", lambda v: v <= 0.03, "<= 0.03"),
    ("speakers_wrong_named", lambda v: v <= 0.01, "<= 0.01"),
    ("speakers_min_form_right", lambda v: v >= 0.7, ">= 0.7 (each form)"),
    ("speakers_allsides_quotes", None, "annotated blind, AllSides"),
    ("speakers_allsides_right", lambda v: v >= 0.85, ">= 0.85"),
    ("speakers_allsides_wrong", lambda v: v <= 0.03, "<= 0.03"),
    ("speakers_allsides_wrong_named", lambda v: v <= 0.005, "<= 0.005"),
    ("speakers_allsides_min_form_right", None, "each form"),
    ("hostile_worst_growth_per_10x", lambda v: v <= 15, "<= 15 (time, memory)"),
    ("hostile_rows_vs_random_rows", lambda v: v <= 2, "<= 2: pairing them costs as any rows"),
    ("check_10_s", None, ""),
    ("check_1000_s", None, ""),
    ("check_1000_vs_10", lambda v: v <= 1.5, "<= 1.5"),
    ("warm_check_s", lambda v: v < 0.5, "< 0.5"),
    ("cold_cli_check_s", None, ""),
    ("peak_rss_mb", None, ""),
]


def _log(message: str) -> None:
    print(f"[benchmarks] {message}", file=sys.stderr, flush=True)


def run(
    settings: Settings,
    sections: Sequence[str] = SECTIONS,
    checkpoint: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """Run the chosen sections; the headline figures at the top level, each section's
    full output under ``details``. ``checkpoint`` is called with the results so far
    after each section (a long run that dies keeps what it measured)."""
    from crosscheck.embed import Embedder

    from . import (
        accuracy,
        allsides,
        ann,
        check,
        common,
        ecb,
        hostile,
        realnews,
        scaling,
        speakers,
        speed,
    )

    start = time.perf_counter()
    host = common.machine()  # its load average: before the suite adds its own
    results: dict[str, Any] = {}
    details: dict[str, Any] = {}

    def section(name: str, fn: Callable[[], dict[str, Any]], keys: Sequence[str]) -> None:
        _log(f"{name} …")
        seconds, out = common.timed(fn)
        details[name] = out | {
            "section_s": round(seconds, 1),
            "load_average_1m": common.load_average(),
        }
        results.update({k: out[k] for k in keys if k in out})
        _log(f"{name}: {seconds:.0f} s")
        if checkpoint is not None:
            checkpoint(results | {"machine": host, "details": details, "partial": True})

    embedder = Embedder()
    embedder.encode(["warm up"])
    caching = common.CachingEmbedder(embedder, common.vector_cache_path(embedder))
    corpus = common.synth_articles(settings.speed_articles)

    if "speed" in sections:
        section(
            "speed",
            lambda: speed.encoder_vs_pipeline(corpus, embedder, settings.repeats, caching),
            ["encoder_sentences_per_s", "pipeline_sentences_per_s", "pipeline_vs_encoder"],
        )
    if "faiss" in sections:
        section(
            "faiss",
            lambda: speed.faiss_vs_paraphrase_mining(
                *speed.sentence_vectors(corpus, caching), repeats=settings.repeats
            ),
            ["faiss_vs_paraphrase_mining", "faiss_pair_overlap"],
        )
    if "ann" in sections:
        section(
            "ann",
            lambda: ann.ann(caching),
            ["ann_recall_at_10", "ann_pair_recall", "ann_faster_from_rows"],
        )
    if "static" in sections:
        static = Embedder(config.STATIC_MODEL)  # distilled on first use if not cached
        section(
            "static_speed",
            lambda: speed.static_vs_minilm(corpus, embedder, static, settings.repeats),
            ["static_vs_minilm_throughput", "static_pipeline_sentences_per_s"],
        )
        topics = ecb.topic_ids(settings.ecb_topics)
        section(
            "static_pairs",
            lambda: ecb.static_vs_minilm(caching, static, topics),
            ["static_pair_recall_vs_minilm"],
        )
    if "specs" in sections:
        section("specs", accuracy.number_specs, ["number_spec_pass_rate"])
    if "vitaminc" in sections:
        section(
            "vitaminc",
            lambda: accuracy.vitaminc(caching),
            [
                "vitaminc_numeric_accuracy",
                "vitaminc_n",
                "vitaminc_refutes_precision",
                "vitaminc_refutes_recall",
            ],
        )
    if "seeds" in sections:
        section(
            "seeds", lambda: accuracy.seeds(embedder), ["seeds_must_find", "seeds_false_alarms"]
        )
    if "ecb" in sections:
        topics = ecb.topic_ids(settings.ecb_topics)
        section("ecb_pairs", lambda: ecb.pair_recall(caching, topics), ["ecb_pair_recall"])
        section(
            "ecb_conflicts",
            lambda: ecb.cross_event_conflicts(caching, topics),
            [
                "ecb_cross_event_conflicts",
                "ecb_cross_event_conflict_rate",
                "ecb_same_event_conflicts",
                "ecb_same_event_conflict_rate",
            ],
        )
    if "realnews" in sections:
        section(
            "realnews",
            lambda: realnews.realnews(
                caching,
                events=settings.realnews_events,
                dump=settings.realnews_dump,
                packets=settings.judging_dir and settings.judging_dir / "ecbplus",
            ),
            [
                "realnews_count_recall",
                "realnews_quote_recall",
                "realnews_copy_recall",
                "realnews_false_share",
                "realnews_judged",
                "realnews_unjudged",
                "realnews_blind_false_share",
                "realnews_blind_judged",
            ],
        )
    if "allsides" in sections:
        section(
            "allsides",
            lambda: allsides.allsides(
                caching,
                stories=settings.allsides_stories,
                untouched=settings.allsides_untouched,
                dump=settings.judging_dir and settings.judging_dir / "allsides",
            ),
            [k for k, _, _ in HEADLINE
             if k.startswith("allsides_") and k not in FOLLOWUP_KEYS],
        )  # fmt: skip
    if "followups" in sections:
        section(
            "followups",
            lambda: allsides.followups(
                caching,
                untouched=settings.allsides_untouched,
                dump=settings.judging_dir and settings.judging_dir / "allsides-followups",
            ),
            ["allsides_followup_spans", *FOLLOWUP_KEYS],
        )
    caching.save()
    if "speakers" in sections:
        section(
            "speakers",
            speakers.speakers,
            [
                "speakers_quotes",
                "speakers_right",
                "speakers_wrong",
                "speakers_wrong_named",
                "speakers_min_form_right",
            ],
        )
        section(
            "speakers_allsides",
            lambda: {
                k.replace("speakers_", "speakers_allsides_", 1): v
                for k, v in speakers.speakers(speakers.DEV_ALLSIDES).items()
            },
            [k for k, _, _ in HEADLINE if k.startswith("speakers_allsides_")],
        )
    if "hostile" in sections:
        section(
            "hostile",
            hostile.growth,
            ["hostile_worst_growth_per_10x", "hostile_rows_vs_random_rows"],
        )
    if "check" in sections:
        section(
            "check",
            lambda: check.check_speed(embedder, settings.check_sizes, settings.check_repeats),
            ["check_10_s", "check_1000_s", "check_1000_vs_10", "warm_check_s", "cold_cli_check_s"],
        )
    results["peak_rss_mb"] = common.peak_rss_mb()
    if "scaling" in sections and settings.scale_sizes:
        section(
            "scaling",
            lambda: scaling.scaling(settings.scale_sizes, settings.scale_timeout_s),
            [],
        )
    results["elapsed_s"] = round(time.perf_counter() - start, 1)
    host["load_average_1m_end"] = common.load_average()
    return results | {"machine": host, "details": details}


def table(results: dict[str, Any]) -> str:
    """The headline figures with their targets, as a terminal table."""
    rows = []
    for key, ok, target in HEADLINE:
        if key not in results:
            continue
        value = results[key]
        verdict = "" if ok is None or value is None else ("ok" if ok(value) else "MISSED")
        rows.append([key, value, target, verdict])
    out = tabulate(rows, headers=["figure", "value", "target", ""], tablefmt="simple")
    scaling = results.get("details", {}).get("scaling", {}).get("scaling")
    if scaling:
        out += "\n\n" + tabulate(scaling, headers="keys", tablefmt="simple")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="crosscheck's benchmark suite (see reports/benchmarks.md).",
        epilog="Example: python -m benchmarks --quick --json /tmp/bench.json",
    )
    parser.add_argument("--quick", action="store_true", help="Smaller subsets, no scaling runs.")
    parser.add_argument("--json", type=Path, help="Write every figure here as JSON.")
    parser.add_argument("--markdown", type=Path, help="Write the results here as Markdown tables.")
    parser.add_argument(
        "--from-json",
        type=Path,
        help="Do not run: read the results of an earlier run (for --markdown).",
    )
    parser.add_argument(
        "--only",
        default=",".join(SECTIONS),
        help=f"Comma-separated sections to run (default: all): {', '.join(SECTIONS)}.",
    )
    parser.add_argument(
        "--scale-sizes",
        help="Comma-separated corpus sizes (sentences) for the scaling runs "
        "(default: 10000,100000,1000000; none with --quick).",
    )
    parser.add_argument(
        "--scale-timeout",
        type=float,
        default=FULL.scale_timeout_s,
        help="Seconds one scaling size may run before it is stopped (default: %(default)s).",
    )
    parser.add_argument(
        "--realnews-dump",
        type=Path,
        help="Write every conflict found on the untouched real-news stories here (JSONL), "
        "for judging by hand into benchmarks/realnews_judgements.jsonl.",
    )
    parser.add_argument(
        "--judging-dir",
        type=Path,
        help="Write a blind-judging packet (the finding and both articles) for every "
        "conflict on the untouched stories here, under ecbplus/ and allsides/, in the "
        "seeded sample's order (see benchmarks/judging.py).",
    )
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else FULL
    settings = dataclasses.replace(
        settings,
        scale_timeout_s=args.scale_timeout,
        realnews_dump=args.realnews_dump,
        judging_dir=args.judging_dir,
    )
    if args.scale_sizes:
        sizes = tuple(int(n) for n in args.scale_sizes.split(","))
        settings = dataclasses.replace(settings, scale_sizes=sizes)
    sections = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
    words = sys.argv[1:] if argv is None else argv
    command = {"command": " ".join(["python -m benchmarks", *words]), "quick": args.quick}

    def write_json(results: dict[str, Any]) -> None:
        if args.json:
            text = json.dumps(results | command, indent=2, default=str) + "\n"
            tmp = args.json.with_name(args.json.name + ".tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(args.json)

    if args.from_json:
        results = json.loads(args.from_json.read_text(encoding="utf-8"))
    else:
        results = run(settings, sections, checkpoint=write_json) | command
        write_json(results)
        if args.json:
            _log(f"wrote {args.json}")
    print(table(results))
    if args.markdown:
        args.markdown.write_text(markdown.render(results, HEADLINE) + "\n", encoding="utf-8")
        _log(f"wrote {args.markdown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
