"""Who said it (issue 15): speaker attribution against a hand-annotated dev set.

The dev set (``benchmarks/speakers_dev.jsonl``) holds direct quotes from the ECB+
articles (rebuilt as the real-news harness builds them) and from articles we wrote
(``text`` given in the row), each with who said it, annotated by hand from the text
alone: ``speaker`` (the fullest name the article gives; "" when it never names them),
``form`` (how the attribution refers to them: plain_name, title_role, honorific,
pronoun, nominal, organisation, continuation, none) and ``position`` (after, before,
split, according_to, none).

A quote's speaker is *right* when crosscheck gives the same person (same surname key;
same first name when both give one) or, for a quote nobody is named for, gives none;
*none* when it gives no speaker for a named one; *wrong* when it names someone else,
and *wrong named* when it also marks that speaker as named in the attribution itself
(``Quote.named``): the speakers a misattribution finding is built on.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crosscheck.engine import extract_one
from crosscheck.extract import speaker_key
from crosscheck.model import Article, Quote

from .common import ROOT

DEV = ROOT / "benchmarks" / "speakers_dev.jsonl"
#: Quotes from AllSides articles (issue 22), annotated blind: rows carry
#: ``"corpus": "allsides"`` and the article is read from the AllSides file by id.
DEV_ALLSIDES = ROOT / "benchmarks" / "speakers_allsides.jsonl"
FORMS = (
    "plain_name",
    "title_role",
    "honorific",
    "pronoun",
    "nominal",
    "organisation",
    "continuation",
    "none",
)
POSITIONS = ("after", "before", "split", "according_to", "none")
TITLES = frozenset("mr mrs ms miss dr sir lord lady dame prof".split())


@dataclass(frozen=True)
class Gold:
    qid: str
    article: str
    start: int
    speaker: str
    form: str
    position: str


def load_dev(path: Path = DEV) -> tuple[list[Gold], dict[str, Article]]:
    """The annotated quotes, and the articles written for the dev set (by id)."""
    golds, written = [], {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        if r.get("text"):
            written[r["article"]] = Article(id=r["article"], outlet=r["article"], text=r["text"])
        golds.append(
            Gold(r["qid"], r["article"], r["start"], r["speaker"], r["form"], r["position"])
        )
    return golds, written


_SUFFIXES = re.compile(r"[\s,]+(?:Co|Corp|Inc|Ltd|LLC|plc)\.?$")


def same_person(found: str, gold: str) -> bool:
    """One person: the same surname key, and the gold first name among the words found
    when both give more than a surname ("GM Theo Epstein" is Theo Epstein; "Jeremy
    Ortiz" is not Chela Ortiz). One organisation: the same name without its company
    suffix ("Redline Chemical Co."), or its initials ("FDA")."""
    found, gold = _SUFFIXES.sub("", found), _SUFFIXES.sub("", gold)
    initials = "".join(w[0] for w in gold.split() if w[0].isupper())
    if found.isupper() and len(found) > 1 and found == initials:
        return True
    if speaker_key(found) != speaker_key(gold):
        return False
    given = [w.lower().rstrip(".") for w in found.split() if w.lower().rstrip(".") not in TITLES]
    gold_words = [
        w.lower().rstrip(".") for w in gold.split() if w.lower().rstrip(".") not in TITLES
    ]
    if len(given) < 2 or len(gold_words) < 2:
        return True
    return any(w in given for w in gold_words[:-1])


def verdict(quote: Quote | None, gold: str) -> str:
    """right, none, wrong or wrong_named (see the module's docstring)."""
    found = quote.speaker if quote else ""
    if not found:
        return "right" if not gold else "none"
    if gold and same_person(found, gold):
        return "right"
    return "wrong_named" if quote is not None and quote.named else "wrong"


def attribute(golds: Sequence[Gold], articles: Mapping[str, Article]) -> dict[str, Quote | None]:
    """crosscheck's quote (with its speaker) at each gold quote's start, by qid."""
    quotes: dict[str, dict[int, Quote]] = {}
    for aid in sorted({g.article for g in golds}):
        ex = extract_one(articles[aid])
        quotes[aid] = {c.start: c.quote for c in ex.claims if c.quote is not None}
    return {g.qid: quotes[g.article].get(g.start) for g in golds}


def tally(rows: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Per group: quotes and the share right, none, wrong and wrong named."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for group, v in rows:
        counts[group]["quotes"] += 1
        counts[group][v] += 1
    out = {}
    for group, c in sorted(counts.items()):
        n = c["quotes"]
        out[group] = {
            "quotes": n,
            "right": round(c["right"] / n, 4),
            "none": round(c["none"] / n, 4),
            "wrong": round((c["wrong"] + c["wrong_named"]) / n, 4),
            "wrong_named": round(c["wrong_named"] / n, 4),
        }
    return out


def speakers(path: Path = DEV) -> dict[str, Any]:
    """The dev set's figures: overall, per form and per position. Its articles are
    ECB+'s, AllSides' (``DEV_ALLSIDES``) or written in the rows."""
    golds, written = load_dev(path)
    if path == DEV_ALLSIDES:
        from .allsides import articles_by_id

        articles = articles_by_id({g.article for g in golds})
    else:
        from .realnews import load_stories

        articles = {a.id: a for s in load_stories() for a in s.articles}
    articles |= written
    found = attribute(golds, articles)
    verdicts = {g.qid: verdict(found[g.qid], g.speaker) for g in golds}
    total = tally(("all", verdicts[g.qid]) for g in golds)["all"]
    forms = tally((g.form, verdicts[g.qid]) for g in golds)
    positions = tally((g.position, verdicts[g.qid]) for g in golds)
    wrong = [
        {
            "qid": g.qid,
            "article": g.article,
            "gold": g.speaker,
            "found": (found[g.qid].speaker if found[g.qid] else ""),
            "form": g.form,
            "verdict": verdicts[g.qid],
        }
        for g in golds
        if verdicts[g.qid] != "right"
    ]
    return {
        "speakers_quotes": total["quotes"],
        "speakers_right": total["right"],
        "speakers_wrong": total["wrong"],
        "speakers_wrong_named": total["wrong_named"],
        "speakers_min_form_right": min(
            v["right"] for k, v in forms.items() if k != "none" and v["quotes"] >= 5
        ),
        "by_form": forms,
        "by_position": positions,
        "misses": wrong,
    }
