"""Report → text: a terminal table, Markdown, or JSON. Renderers return strings; they
never print. The JSON layout is documented in ``docs/report-schema.json``."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from enum import StrEnum
from typing import Any

from tabulate import tabulate

from . import __version__
from .model import (
    Article,
    CheckResult,
    Fact,
    Finding,
    Interval,
    Report,
    Side,
    without_surrogates,
)

SCHEMA_VERSION = 1


class Format(StrEnum):
    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"
    HTML = "html"


def finding_id(finding: Finding) -> str:
    """A short stable id: a hash of the finding's identity (kind and both claims)."""
    return hashlib.sha1(finding.identity.encode("utf-8")).hexdigest()[:12]


def render(report: Report, fmt: Format | str) -> str:
    fmt = Format(fmt)
    if fmt is Format.HTML:
        from .html_report import to_html

        return to_html(report)
    if fmt is Format.JSON:
        return to_json(report)
    if fmt is Format.MARKDOWN:
        return safe_text(to_markdown(report))
    return safe_text(to_table(report))


# Characters that act on a terminal or reorder text instead of showing: C0 and C1
# controls but tab and newline (ESC starts a colour, a clear screen, a window title), and
# the bidirectional overrides and isolates (U+202E shows "txt.exe" as "exe.txt").
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe_text(text: str) -> str:
    """``text`` for a terminal or a text format: control characters and bidirectional
    controls written out as escapes ("\\x1b", "<U+202E>"), so that no article, outlet
    or file name can act on the reader's terminal or reorder what it shows."""
    text = without_surrogates(text)  # a file name's byte that is not UTF-8
    return shown_bidi(_CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", text))


def shown_bidi(text: str) -> str:
    """``text`` with its bidirectional controls written out ("<U+202E>"), not obeyed."""
    return _BIDI_CONTROLS.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def _article_json(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "outlet": a.outlet,
        "title": a.title,
        "url": a.url,
        "published": a.published.isoformat() if a.published else "",
    }


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


def _interval_json(i: Interval) -> dict[str, Any]:
    """An interval in JSON: an unbounded end is null."""
    return {
        "low": None if i.low == float("-inf") else i.low,
        "high": None if i.high == float("inf") else i.high,
        "low_open": i.low_open,
        "high_open": i.high_open,
    }


def fact_json(f: Fact) -> dict[str, Any]:
    return {
        "slot": f.slot,
        "values": [
            {"reading": _interval_json(v.interval), "claim": _side_json(v.side)} for v in f.values
        ],
        "agree": list(f.agree),
        "outliers": list(f.outliers),
    }


def fact_line(f: Fact) -> str:
    """One fact in a line: "people killed: Wire 3, Herald 3, Post 9 (outlier: Post)"."""
    says = ", ".join(f"{v.side.outlet} {v.side.text}" for v in f.values)
    if f.outliers:
        return f"{f.slot}: {says} (agree: {', '.join(f.agree)}; outlier: {', '.join(f.outliers)})"
    if f.agree:
        return f"{f.slot}: {says} (all agree)"
    return f"{f.slot}: {says} (no two agree)"


def to_json(report: Report) -> str:
    data = {
        "schema_version": SCHEMA_VERSION,
        "crosscheck_version": __version__,
        "model": report.model,
        "summary": summary(report),
        "articles": [_article_json(a) for a in report.articles],
        "syndicated": [{"copy": c, "original": o} for c, o in report.syndicated],
        "findings": [finding_json(f) for f in report.findings],
        "facts": [fact_json(f) for f in report.facts],
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


def _findings_table(findings: tuple[Finding, ...]) -> str:
    rows = []
    for n, f in enumerate(findings, 1):
        a, b = f.sides[0], f.sides[1]
        kind = f.kind.value.replace("_", " ")
        rows.append(
            [
                n,
                kind,
                f.severity.value,
                f"{a.outlet}: {a.text}",
                f"{b.outlet}: {b.text}",
                f.explanation,
            ]
        )
    return tabulate(
        rows,
        headers=["#", "kind", "severity", "side A", "side B", "why"],
        tablefmt="simple_grid",
        maxcolwidths=[None, 14, 8, 32, 32, 48],
    )


def to_table(report: Report) -> str:
    lines = [_headline(report)]
    if report.findings:
        lines.append(_findings_table(report.findings))
    if report.facts:
        lines.append("figures, by what each outlet says:")
        lines += [f"  {fact_line(f)}" for f in report.facts]
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
    """Escape Markdown syntax and fold runs of white space to one space (edges kept)."""
    text = re.sub(r"\s+", " ", text)
    return "".join("\\" + ch if ch in "\\`*_[]<>|#" else ch for ch in text)


def _findings_markdown(findings: tuple[Finding, ...], level: int = 2) -> list[str]:
    out = []
    for n, f in enumerate(findings, 1):
        out += [f"{'#' * level} {n}. {f.kind.value.replace('_', ' ')} ({f.severity.value})", ""]
        out += [_md_escape(f.explanation), ""]
        for s in f.sides:
            where = f"{s.article} @{s.start}-{s.end}"
            out.append(f"- **{_md_escape(s.outlet)}** ({_md_escape(where)}): {_mark(s)}")
        if f.detail:
            out += ["", f"Difference: `{f.detail}`"]
        out.append("")
    return out


def to_markdown(report: Report) -> str:
    out = ["# crosscheck report", "", _headline(report), ""]
    out += _findings_markdown(report.findings)
    if report.facts:
        out += ["## Figures: what each outlet says", ""]
        for f in report.facts:
            out += [f"### {_md_escape(f.slot)}", ""]
            out += ["| outlet | says | published | |", "|---|---|---|---|"]
            for v in f.values:
                mark = "outlier" if v.side.outlet in f.outliers else ""
                out.append(
                    f"| {_md_escape(v.side.outlet)} | {_mark(v.side)} | "
                    f"{_md_escape(v.side.published)} | {mark} |"
                )
            out.append("")
    if report.syndicated:
        out += ["## Syndicated copies", ""]
        out += [f"- {_md_escape(c)} is a copy of {_md_escape(o)}" for c, o in report.syndicated]
        out.append("")
    if report.warnings:
        out += ["## Warnings", ""] + [f"- {_md_escape(w)}" for w in report.warnings] + [""]
    return "\n".join(out)


# --- check results ----------------------------------------------------------------------


def render_check(
    results: list[CheckResult], fmt: Format | str, model: str, warnings: list[str]
) -> str:
    fmt = Format(fmt)
    if fmt is Format.HTML:
        # The checked articles' findings, as one evidence page.
        findings = tuple(f for r in results for f in r.findings)
        articles = tuple(r.article for r in results)
        return render(Report(articles, findings, model, warnings=tuple(warnings)), fmt)
    if fmt is Format.JSON:
        return check_json(results, model, warnings)
    if fmt is Format.MARKDOWN:
        return safe_text(check_markdown(results, warnings))
    return safe_text(check_table(results, warnings))


def _check_headline(r: CheckResult) -> str:
    copies = f"; a near-copy of {', '.join(r.copies_of)}" if r.copies_of else ""
    return (
        f"{r.article.id} ({r.article.outlet}): {len(r.conflicts)} conflicts, "
        f"{len(r.corroborations)} corroborated, {len(r.new)} sentences new to the corpus{copies}"
    )


def check_json(results: list[CheckResult], model: str, warnings: list[str]) -> str:
    data = {
        "schema_version": SCHEMA_VERSION,
        "crosscheck_version": __version__,
        "model": model,
        "checks": [
            {
                "article": _article_json(r.article),
                "conflicts": [finding_json(f) for f in r.conflicts],
                "corroborations": [finding_json(f) for f in r.corroborations],
                "new": [{"text": c.text, "start": c.start, "end": c.end} for c in r.new],
                "copies_of": list(r.copies_of),
            }
            for r in results
        ],
        "warnings": list(warnings),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def check_table(results: list[CheckResult], warnings: list[str]) -> str:
    lines = []
    for r in results:
        lines.append(_check_headline(r))
        if r.findings:
            lines.append(_findings_table(r.findings))
        lines += [f"  new: {c.text}" for c in r.new]
        lines.append("")
    lines += [f"warning: {w}" for w in warnings]
    return "\n".join(lines).rstrip("\n") + "\n"


def check_markdown(results: list[CheckResult], warnings: list[str]) -> str:
    out = ["# crosscheck check", ""]
    for r in results:
        out += [f"## {_md_escape(r.article.id)}", "", _md_escape(_check_headline(r)), ""]
        out += _findings_markdown(r.findings, level=3)
        if r.new:
            out += ["### New to the corpus", ""]
            out += [f"- {_md_escape(c.text)} (@{c.start}-{c.end})" for c in r.new] + [""]
    if warnings:
        out += ["## Warnings", ""] + [f"- {_md_escape(w)}" for w in warnings] + [""]
    return "\n".join(out)
