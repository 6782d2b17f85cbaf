"""Report → text: a terminal table, Markdown, or JSON. Renderers return strings; they
never print. The JSON layout is documented in ``docs/report-schema.json``."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from enum import StrEnum
from typing import Any

from tabulate import tabulate

from . import __version__
from .model import Finding, Report, Side

SCHEMA_VERSION = 1


class Format(StrEnum):
    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"


def finding_id(finding: Finding) -> str:
    """A short stable id: a hash of the finding's identity (kind and both claims)."""
    return hashlib.sha1(finding.identity.encode("utf-8")).hexdigest()[:12]


def render(report: Report, fmt: Format | str) -> str:
    fmt = Format(fmt)
    if fmt is Format.JSON:
        return to_json(report)
    if fmt is Format.MARKDOWN:
        return to_markdown(report)
    return to_table(report)


def summary(report: Report) -> dict[str, Any]:
    kinds = Counter(f.kind.value for f in report.findings)
    severities = Counter(f.severity.value for f in report.findings if f.kind.is_conflict)
    return {
        "articles": len(report.articles),
        "outlets": len({a.outlet for a in report.articles}),
        "findings": len(report.findings),
        "conflicts": sum(1 for f in report.findings if f.kind.is_conflict),
        "by_kind": dict(sorted(kinds.items())),
        "conflicts_by_severity": dict(sorted(severities.items())),
    }


def _side_json(s: Side) -> dict[str, Any]:
    return {
        "article": s.article,
        "outlet": s.outlet,
        "text": s.text,
        "sentence": s.sentence,
        "start": s.start,
        "end": s.end,
        "sentence_start": s.sentence_start,
        "sentence_end": s.sentence_end,
        "speaker": s.speaker,
        "published": s.published,
        "url": s.url,
    }


def finding_json(f: Finding) -> dict[str, Any]:
    return {
        "id": finding_id(f),
        "kind": f.kind.value,
        "severity": f.severity.value,
        "subtype": f.subtype,
        "explanation": f.explanation,
        "detail": f.detail,
        "similarity": round(f.similarity, 3),
        "claims": [_side_json(s) for s in f.sides],
    }


def to_json(report: Report) -> str:
    data = {
        "schema_version": SCHEMA_VERSION,
        "crosscheck_version": __version__,
        "model": report.model,
        "summary": summary(report),
        "articles": [
            {
                "id": a.id,
                "outlet": a.outlet,
                "title": a.title,
                "url": a.url,
                "published": a.published.isoformat() if a.published else "",
            }
            for a in report.articles
        ],
        "syndicated": [{"copy": c, "original": o} for c, o in report.syndicated],
        "findings": [finding_json(f) for f in report.findings],
        "warnings": list(report.warnings),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _headline(report: Report) -> str:
    s = summary(report)
    kinds = ", ".join(f"{n} {k}" for k, n in s["by_kind"].items()) or "none"
    return (
        f"{s['articles']} articles from {s['outlets']} outlets; {s['conflicts']} conflicts, "
        f"{s['findings'] - s['conflicts']} corroborations ({kinds})"
    )


def to_table(report: Report) -> str:
    rows = []
    for n, f in enumerate(report.findings, 1):
        a, b = f.sides[0], f.sides[1]
        rows.append(
            [
                n,
                f.kind.value.replace("_", " "),
                f.severity.value,
                f"{a.outlet}: {a.text}",
                f"{b.outlet}: {b.text}",
                f.explanation,
            ]
        )
    lines = [_headline(report)]
    if rows:
        lines.append(
            tabulate(
                rows,
                headers=["#", "kind", "severity", "side A", "side B", "why"],
                tablefmt="simple_grid",
                maxcolwidths=[None, 12, 8, 34, 34, 48],
            )
        )
    lines += [f"syndicated: {c} is a copy of {o}" for c, o in report.syndicated]
    lines += [f"warning: {w}" for w in report.warnings]
    return "\n".join(lines) + "\n"


def _mark(s: Side) -> str:
    """The sentence with the claim in bold."""
    lo = max(0, s.start - s.sentence_start)
    hi = max(lo, min(len(s.sentence), s.end - s.sentence_start))
    esc = _md_escape
    return esc(s.sentence[:lo]) + "**" + esc(s.sentence[lo:hi]) + "**" + esc(s.sentence[hi:])


def _md_escape(text: str) -> str:
    return "".join("\\" + ch if ch in "\\`*_[]<>|#" else ch for ch in " ".join(text.split()))


def to_markdown(report: Report) -> str:
    out = ["# crosscheck report", "", _headline(report), ""]
    for n, f in enumerate(report.findings, 1):
        out.append(f"## {n}. {f.kind.value.replace('_', ' ')} ({f.severity.value})")
        out.append("")
        out.append(_md_escape(f.explanation))
        out.append("")
        for s in f.sides:
            where = f"{s.article} @{s.start}-{s.end}"
            out.append(f"- **{_md_escape(s.outlet)}** ({_md_escape(where)}): {_mark(s)}")
        if f.detail:
            out += ["", f"Difference: `{f.detail}`"]
        out.append("")
    if report.syndicated:
        out += ["## Syndicated copies", ""]
        out += [f"- {_md_escape(c)} is a copy of {_md_escape(o)}" for c, o in report.syndicated]
        out.append("")
    if report.warnings:
        out += ["## Warnings", ""] + [f"- {_md_escape(w)}" for w in report.warnings] + [""]
    return "\n".join(out)
