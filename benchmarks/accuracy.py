"""Accuracy on public data nobody on the team wrote: number specs, VitaminC numeric
contradictions, and the seed articles' acceptance figures."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

from crosscheck import compare, config
from crosscheck.embed import Embedder
from crosscheck.model import Article, Claim, ClaimKind, FindingKind, Quantity
from crosscheck.pipeline import build_report
from crosscheck.quantities import find_quantities
from tests.expected import matches

from .common import EVAL, SEEDS_DIR, VITAMINC_DIR, detokenise

# --- number specs -----------------------------------------------------------------------


def number_specs(eval_dir: Path = EVAL) -> dict[str, Any]:
    """In-scope pass rate of :mod:`crosscheck.quantities` over the public number specs
    (``tests.number_specs``), overall and per source, and how many cases each
    out-of-scope category leaves out."""
    from tests.number_specs import iter_spec_cases, pass_rates

    cases = list(iter_spec_cases(eval_dir))
    rates = pass_rates(cases)
    passed = sum(p for p, _, _ in rates.values())
    total = sum(t for _, t, _ in rates.values())
    out_of_scope = Counter(f"{c.source}: {c.reason}" for c in cases if not c.in_scope)
    return {
        "number_spec_pass_rate": round(passed / total, 4) if total else None,
        "number_spec_passed": passed,
        "number_spec_total": total,
        "number_spec_out_of_scope": sum(out_of_scope.values()),
        "by_source": {
            source: {"passed": p, "total": t, "rate": round(p / t, 4) if t else None}
            for source, (p, t, _) in sorted(rates.items())
        },
        "out_of_scope_categories": dict(out_of_scope.most_common()),
        "failures": {source: f[:5] for source, (_, _, f) in sorted(rates.items()) if f},
    }


# --- VitaminC ---------------------------------------------------------------------------


@dataclass(frozen=True)
class VitaminCPair:
    id: str
    claim: str
    evidence: str
    refutes: bool  # label: REFUTES (True) or SUPPORTS (False)


def load_vitaminc(path: Path = VITAMINC_DIR) -> list[VitaminCPair]:
    """The SUPPORTS and REFUTES pairs of the sample (NOT ENOUGH INFO left out),
    detokenised like ECB+ ("$ 95 million" → "$95 million")."""
    pairs = []
    for file in sorted(path.glob("*.jsonl")):
        for line in file.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            label = r["label"].strip().lower()
            if label in ("supports", "refutes"):
                pairs.append(
                    VitaminCPair(
                        r["id"],
                        detokenise(r["claim"]),
                        detokenise(r["evidence"]),
                        label == "refutes",
                    )
                )
    return pairs


def _quantity_claims(article_id: str, text: str) -> list[Claim]:
    """The quantities of ``text`` as QUANTITY claims of one one-sentence article."""
    return [
        Claim(
            kind=ClaimKind.QUANTITY,
            article_id=article_id,
            outlet=article_id,
            start=q.start,
            end=q.end,
            text=q.text,
            sentence_start=0,
            sentence_end=len(text),
            sentence=text,
            sentence_index=0,
            quantity=q,
        )
        for q in find_quantities(text)
    ]


def _library_conflict(a: Sequence[Claim], b: Sequence[Claim], similarity: float) -> bool:
    """crosscheck's own quantity rule, both ways (as the pipeline calls it)."""
    articles = {
        "claim": Article("claim", "claim", a[0].sentence),
        "evidence": Article("evidence", "evidence", b[0].sentence),
    }
    findings = compare.compare_quantities(a, b, similarity, articles) + compare.compare_quantities(
        b, a, similarity, articles
    )
    return any(f.kind is FindingKind.QUANTITY_CONFLICT for f in findings)


def _relaxed_slot(x: Quantity, y: Quantity) -> bool:
    """Same unit, and the same counted noun or no noun on one side; no two different
    named subjects. Looser than the library's rule, which needs a noun on both sides."""
    if x.unit != y.unit or (x.noun and y.noun and x.noun != y.noun):
        return False
    return not (x.subject and y.subject and x.subject.lower() != y.subject.lower())


def _relaxed_conflict(a: Sequence[Claim], b: Sequence[Claim]) -> bool:
    """Some quantity has same-slot partners on the other side, none overlapping it,
    and the nearest is at least ``QUANTITY_MIN_RATIO`` away."""
    for xs, ys in ((a, b), (b, a)):
        for xc in xs:
            x = xc.quantity
            assert x is not None
            same = [y.quantity for y in ys if y.quantity and _relaxed_slot(x, y.quantity)]
            if not same or any(x.interval.overlaps(y.interval) for y in same):
                continue
            if min(x.interval.gap_ratio(y.interval) for y in same) >= config.QUANTITY_MIN_RATIO:
                return True
    return False


def _why_not(a: Sequence[Claim], b: Sequence[Claim]) -> str:
    """Why the library rule finds no conflict in a pair: no two numbers count the same
    thing (``no_same_slot``); every same-slot pair overlaps (``overlap``); the only
    disjoint ones are less than ``QUANTITY_MIN_RATIO`` apart (``below_min_ratio``);
    or a disjoint pair is set aside by the several-figures guard (``guarded``)."""
    gaps = [
        x.quantity.interval.gap_ratio(y.quantity.interval)
        for x in a
        for y in b
        if x.quantity and y.quantity and compare._same_slot(x.quantity, y.quantity)
    ]
    if not gaps:
        return "no_same_slot"
    if max(gaps) == 1.0:
        return "overlap"
    return "guarded" if max(gaps) >= config.QUANTITY_MIN_RATIO else "below_min_ratio"


def _has_slot(a: Sequence[Claim], b: Sequence[Claim], slot: Callable[..., bool]) -> bool:
    return any(slot(x.quantity, y.quantity) for x in a for y in b if x.quantity and y.quantity)


def _scores(predicted: Sequence[bool], gold: Sequence[bool]) -> dict[str, Any]:
    tp = sum(p and g for p, g in zip(predicted, gold, strict=True))
    fp = sum(p and not g for p, g in zip(predicted, gold, strict=True))
    fn = sum(g and not p for p, g in zip(predicted, gold, strict=True))
    correct = sum(p == g for p, g in zip(predicted, gold, strict=True))
    return {
        "accuracy": round(correct / len(gold), 4) if gold else None,
        "refutes_precision": round(tp / (tp + fp), 4) if tp + fp else None,
        "refutes_recall": round(tp / (tp + fn), 4) if tp + fn else None,
        "predicted_conflicts": tp + fp,
    }


def vitaminc(embedder: Embedder | None = None, path: Path = VITAMINC_DIR) -> dict[str, Any]:
    """How often "the numbers conflict" agrees with VitaminC's REFUTES label, on the
    SUPPORTS/REFUTES pairs whose claim and evidence both contain a quantity.

    Three deciders: ``library`` is :func:`crosscheck.compare.compare_quantities` both
    ways (same noun required), given the pair's cosine similarity (1.0 without an
    ``embedder``) but not gated by it; ``pipeline`` additionally requires the
    similarity the pipeline needs before comparing numbers (``QUANTITY_PAIR_MIN``);
    ``relaxed`` also accepts a noun missing on one side."""
    pairs = []
    for p in load_vitaminc(path):
        a, b = _quantity_claims("claim", p.claim), _quantity_claims("evidence", p.evidence)
        if a and b:
            pairs.append((p, a, b))
    similarity = [1.0] * len(pairs)
    if embedder is not None and pairs:
        va = embedder.encode([p.claim for p, _, _ in pairs])
        vb = embedder.encode([p.evidence for p, _, _ in pairs])
        similarity = [round(float(x @ y), 4) for x, y in zip(va, vb, strict=True)]
    gold = [p.refutes for p, _, _ in pairs]
    library = [_library_conflict(a, b, s) for (_, a, b), s in zip(pairs, similarity, strict=True)]
    gated = [c and s >= config.QUANTITY_PAIR_MIN for c, s in zip(library, similarity, strict=True)]
    relaxed = [_relaxed_conflict(a, b) for _, a, b in pairs]
    # What-if: any gap between disjoint intervals counts ("less than 140,000" against
    # "more than 141,000" is 1.007 apart, under QUANTITY_MIN_RATIO).
    with mock.patch.object(config, "QUANTITY_MIN_RATIO", 1.0):
        any_gap = [
            _library_conflict(a, b, s) for (_, a, b), s in zip(pairs, similarity, strict=True)
        ]
    missed = Counter(
        _why_not(a, b) for (_, a, b), c, g in zip(pairs, library, gold, strict=True) if g and not c
    )
    scores = _scores(library, gold)
    examples = [
        f"{'REFUTES' if g else 'SUPPORTS'} / {'conflict' if c else 'no conflict'}: "
        f"{p.claim[:80]!r} vs {p.evidence[:80]!r}"
        for (p, _, _), c, g in zip(pairs, library, gold, strict=True)
        if c != g
    ]
    return {
        "vitaminc_numeric_accuracy": scores["accuracy"],
        "vitaminc_n": len(pairs),
        "vitaminc_refutes": sum(gold),
        "vitaminc_refutes_precision": scores["refutes_precision"],
        "vitaminc_refutes_recall": scores["refutes_recall"],
        "library": scores,
        "pipeline": _scores(gated, gold),
        "relaxed": _scores(relaxed, gold),
        "min_ratio_1": _scores(any_gap, gold),
        "missed_refutes_why": dict(missed.most_common()),
        "same_slot_pairs": sum(_has_slot(a, b, compare._same_slot) for _, a, b in pairs),
        "relaxed_slot_pairs": sum(_has_slot(a, b, _relaxed_slot) for _, a, b in pairs),
        "paired_at_quantity_min": sum(s >= config.QUANTITY_PAIR_MIN for s in similarity),
        "pairs_in_sample": len(load_vitaminc(path)),
        "majority_baseline": round(max(sum(gold), len(gold) - sum(gold)) / len(gold), 4)
        if gold
        else None,
        "errors": examples[:12],
    }


# --- seeds ------------------------------------------------------------------------------


def seeds(embedder: Embedder, path: Path = SEEDS_DIR) -> dict[str, Any]:
    """The seed articles scored against ``expected.json``: how many ``must_find``
    discrepancies are found (as conflicts), how many ``must_not_flag`` pairs are
    flagged as conflicts (false alarms), how many ``must_corroborate`` are corroborated."""
    expected = json.loads((path / "expected.json").read_text(encoding="utf-8"))
    report = build_report(sorted(path.glob("*.txt")), embedder=embedder)
    conflicts = [f for f in report.findings if f.kind.is_conflict]
    corroborations = [f for f in report.findings if not f.kind.is_conflict]
    found = [i["id"] for i in expected["must_find"] if any(matches(f, i) for f in conflicts)]
    flagged = [i["id"] for i in expected["must_not_flag"] if any(matches(f, i) for f in conflicts)]
    corroborated = [
        i["id"] for i in expected["must_corroborate"] if any(matches(f, i) for f in corroborations)
    ]
    total = len(expected["must_find"])
    return {
        "seeds_must_find": round(len(found) / total, 4) if total else None,
        "seeds_must_find_found": len(found),
        "seeds_must_find_total": total,
        "seeds_false_alarms": len(flagged),
        "seeds_must_not_flag_total": len(expected["must_not_flag"]),
        "seeds_must_corroborate": len(corroborated),
        "seeds_must_corroborate_total": len(expected["must_corroborate"]),
        "seeds_conflicts": len(conflicts),
        "missing": sorted(set(i["id"] for i in expected["must_find"]) - set(found)),
        "flagged": flagged,
    }
