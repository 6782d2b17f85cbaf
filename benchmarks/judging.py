"""Blind judging of the real-news harness's findings (issue 22).

A judge sees the two articles and the finding, and nothing else: not the rule that made
it, not the change under test, not an earlier verdict (``../shared/eval/JUDGING.md``).
:func:`write_packets` writes one such packet a finding, in a seeded order, so that the
first N packets are a seeded sample; the verdicts go, one JSON line a finding, into
``benchmarks/judgements/<corpus>.jsonl`` (``id``, ``verdict``, ``cause``, ``reason``,
``judge``, and ``explanation``: the finding as the judge read it). A verdict holds while
the finding still reads so: one whose explanation changed (another speaker named, another
class) counts as unjudged until judged again; the last line for an id wins.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from crosscheck.model import Finding
from crosscheck.report import finding_id

from .common import ROOT
from .realnews import Story

DIR = ROOT / "benchmarks" / "judgements"
SAMPLE_SEED = "blind-0"


def path(corpus: str) -> Path:
    """The blind judgements of one corpus ("ecbplus", "allsides")."""
    return DIR / f"{corpus}.jsonl"


def order(findings: Sequence[tuple[str, Finding]], seed: str = SAMPLE_SEED) -> list[int]:
    """The findings' indexes in the sample's order: by a hash of the seed and the
    finding's id, so the order holds while other findings come and go."""
    key = [hashlib.sha1(f"{seed}|{finding_id(f)}".encode()).hexdigest() for _, f in findings]
    return sorted(range(len(findings)), key=lambda n: key[n])


def packet(event: str, f: Finding, story: Story) -> str:
    """What a judge reads: the finding as a user sees it, then both articles whole."""
    lines = [
        f"# Finding {finding_id(f)}",
        "",
        f"kind: {f.kind.value}",
        f"severity: {f.severity.value}",
        f"explanation: {f.explanation}",
        "",
    ]
    for n, s in enumerate(f.sides, 1):
        lines += [
            f"side {n}: article {s.article} ({s.outlet}), characters {s.start}-{s.end}",
            f"  claim: {s.text}",
            f"  sentence: {s.sentence}",
            "",
        ]
    for s in dict.fromkeys(s.article for s in f.sides):
        a = story.article(s)
        lines += [
            f"## Article {a.id}",
            f"outlet: {a.outlet}",
            f"published: {a.published or 'unknown'}",
            f"title: {a.title}",
            "",
            a.text,
            "",
        ]
    return "\n".join(lines)


def write_packets(
    findings: Sequence[tuple[str, Finding]], stories: Sequence[Story], out: Path
) -> None:
    """One packet a finding under ``out`` (``0001-<id>.md`` …, in the sample's order)."""
    by_event = {s.event: s for s in stories}
    out.mkdir(parents=True, exist_ok=True)
    for rank, n in enumerate(order(findings), 1):
        event, f = findings[n]
        name = f"{rank:04d}-{finding_id(f)}.md"
        (out / name).write_text(packet(event, f, by_event[event]), encoding="utf-8")


def pooled(
    recall: Mapping[str, Any], kinds: Sequence[str], right_kind: bool = False
) -> float | None:
    """Recall over the cases of ``kinds`` together (found, or found as the right kind)."""
    parts = [recall[k] for k in kinds if k in recall]
    n = sum(p["cases"] for p in parts)
    if not n:
        return None
    hit = sum(round(p["right_kind"] * p["cases"]) if right_kind else p["found"] for p in parts)
    return round(hit / n, 4)


def summary(corpus: str, recall: Mapping[str, Any], prec: Mapping[str, Any]) -> dict[str, Any]:
    """The headline figures of one corpus: recall per family of change, and the blind
    precision (shares true, arguable and false of the judged sample)."""

    verdicts = prec["verdicts"]
    judged = prec["realnews_judged"]

    def share(v: str) -> float | None:
        return round(verdicts.get(v, 0) / judged, 4) if judged else None

    return {
        f"{corpus}_count_recall": pooled(recall, ["count"]),
        f"{corpus}_quote_recall": pooled(
            recall, ["quote_word", "quote_negation", "misattribution"]
        ),
        f"{corpus}_copy_recall": pooled(recall, ["copy_count", "copy_quote", "copy_name"]),
        f"{corpus}_dated_told_apart": pooled(recall, ["dated_conflict", "dated_update"], True),
        f"{corpus}_followup_recall": pooled(recall, ["followup"]),
        f"{corpus}_false_share": share("false"),
        f"{corpus}_true_share": share("true"),
        f"{corpus}_arguable_share": share("arguable"),
        f"{corpus}_judged": judged,
        f"{corpus}_unjudged": prec["realnews_unjudged"],
    }
