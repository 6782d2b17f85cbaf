"""Report → one self-contained HTML page: a summary, filters, every finding with its
sides next to each other, and a per-fact view of what each outlet says.

The page has no external references: styles and a small script are inline, and the
script holds no article text (filters work on ``data-`` attributes whose values are
codes, not text). Article text is untrusted, so every piece of it goes through
:func:`html.escape`. The same report gives the same bytes.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from html import escape
from itertools import combinations, pairwise

from . import __version__
from .compare import words
from .model import Article, Fact, Finding, FindingKind, Report, Severity, Side
from .report import shown_bidi

Span = tuple[int, int]  # [start, end) character offsets into a sentence

_SEVERITY_ORDER = (Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)
_TOKEN = re.compile(r"\w+(?:['’]\w+)*")
_WEB_URL = re.compile(r"https?://\S+", re.IGNORECASE)


def to_html(report: Report) -> str:
    """The report as one HTML5 document (UTF-8 text, no external references)."""
    outlets = sorted({a.outlet for a in report.articles} | _finding_outlets(report.findings))
    codes = {outlet: f"o{n}" for n, outlet in enumerate(outlets)}
    body = [
        '<header class="top">',
        "<h1>crosscheck report</h1>",
        f'<p class="headline">{_e(_headline(report))}</p>',
        f'<p class="meta">model {_e(report.model)} · crosscheck {_e(__version__)}</p>',
        "</header>",
        _filters(report.findings, outlets, codes),
        _summary(report),
        _findings(report.findings, codes),
        _facts(report.findings),
        _figures(report.facts),
        _extras(report),
        f"<script>{_SCRIPT}</script>",
    ]
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>crosscheck report</title>\n"
        f"<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(part for part in body if part)
        + "\n</body>\n</html>\n"
    )


def finding_id(finding: Finding) -> str:
    """The finding's stable id, as in the JSON report: a hash of its identity."""
    return hashlib.sha1(finding.identity.encode("utf-8")).hexdigest()[:12]


# --- small helpers ----------------------------------------------------------------------


def _e(text: object) -> str:
    """Text made safe for element content and quoted attribute values; bidirectional
    controls are shown, not obeyed (see :func:`crosscheck.report.safe_text`)."""
    return escape(shown_bidi(str(text)), quote=True)


def _label(kind: FindingKind) -> str:
    return kind.value.replace("_", " ")


def _where(side: Side) -> str:
    return f"{side.article} @{side.start}-{side.end}"


def _web_url(url: str) -> str:
    """``url`` when it is an http(s) address, else "": an article could carry a
    ``javascript:`` URL, which must never become a link."""
    url = url.strip()
    return url if _WEB_URL.fullmatch(url) else ""


def _finding_outlets(findings: Iterable[Finding]) -> set[str]:
    return {s.outlet for f in findings for s in f.sides}


def _headline(report: Report) -> str:
    conflicts = sum(1 for f in report.findings if f.kind.is_conflict)
    outlets = len({a.outlet for a in report.articles})
    return (
        f"{len(report.articles)} articles from {outlets} outlets; {conflicts} conflicts, "
        f"{len(report.findings) - conflicts} corroborations"
    )


# --- filters ----------------------------------------------------------------------------


def _filters(findings: Sequence[Finding], outlets: Sequence[str], codes: dict[str, str]) -> str:
    if not findings:
        return ""
    kinds = Counter(f.kind for f in findings)
    severities = Counter(f.severity for f in findings)

    def box(name: str, value: str, text: str, n: int) -> str:
        return (
            f'<label><input type="checkbox" name="{name}" value="{_e(value)}" checked> '
            f'{_e(text)} <span class="n">{n}</span></label>'
        )

    kind_boxes = [box("kind", k.value, _label(k), kinds[k]) for k in FindingKind if k in kinds]
    sev_boxes = [
        box("severity", s.value, s.value, severities[s]) for s in _SEVERITY_ORDER if s in severities
    ]
    options = ['<option value="">any outlet</option>'] + [
        f'<option value="{codes[o]}">{_e(o)}</option>' for o in outlets
    ]
    return (
        '<form id="filters" class="filters" aria-label="Filter findings">'
        f"<fieldset><legend>Kind</legend>{''.join(kind_boxes)}</fieldset>"
        f"<fieldset><legend>Severity</legend>{''.join(sev_boxes)}</fieldset>"
        '<fieldset><legend>Outlet</legend><select name="outlet" aria-label="Outlet">'
        f"{''.join(options)}</select></fieldset>"
        f'<p id="shown" class="shown">{len(findings)} of {len(findings)} findings shown</p>'
        "</form>"
    )


# --- summary ----------------------------------------------------------------------------


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A table of ``rows``, whose cells are HTML already."""
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _summary(report: Report) -> str:
    """Counts per kind and per outlet pair, and the articles read. Cells are escaped
    here, since :func:`_table` takes HTML."""
    kinds = Counter(f.kind for f in report.findings)
    by_kind = [
        (f'<a href="#kind-{k.value}">{_e(_label(k))}</a>', kinds[k])
        for k in FindingKind
        if k in kinds
    ]
    pairs: dict[tuple[str, str], Counter[FindingKind]] = defaultdict(Counter)
    for f in report.findings:
        for pair in combinations(sorted({s.outlet for s in f.sides}), 2):
            pairs[pair][f.kind] += 1
    pair_rows = []
    for (a, b), counts in sorted(pairs.items(), key=lambda item: (-_conflicts(item[1]), item[0])):
        kinds_text = ", ".join(f"{n} {_label(k)}" for k, n in sorted(counts.items()))
        agree = counts[FindingKind.CORROBORATION]
        pair_rows.append(
            (
                f'<span class="pair">{_e(a)}</span> ↔ <span class="pair">{_e(b)}</span>',
                _conflicts(counts),
                agree,
                _e(kinds_text),
            )
        )
    articles = [_article_row(a) for a in report.articles]
    parts = ['<section id="summary" class="summary"><h2>Summary</h2><div class="tables">']
    if by_kind:
        parts.append("<div><h3>By kind</h3>" + _table(["kind", "findings"], by_kind) + "</div>")
    if pair_rows:
        parts.append(
            "<div><h3>By outlet pair</h3>"
            + _table(["outlets", "conflicts", "agree", "kinds"], pair_rows)
            + "</div>"
        )
    parts.append(
        '<div class="wide"><h3>Articles</h3>'
        + _table(["outlet", "article", "title", "published"], articles)
        + "</div>"
    )
    parts.append("</div></section>")
    return "".join(parts)


def _conflicts(counts: Counter[FindingKind]) -> int:
    return sum(n for k, n in counts.items() if k.is_conflict)


def _article_row(a: Article) -> tuple[str, str, str, str]:
    url = _web_url(a.url)
    title = _e(a.title or "—")
    if url:
        title = f'<a class="source" href="{_e(url)}" rel="noopener noreferrer">{title}</a>'
    published = a.published.isoformat() if a.published else "—"
    return _e(a.outlet), f"<code>{_e(a.id)}</code>", title, published


# --- findings ---------------------------------------------------------------------------


def _findings(findings: Sequence[Finding], codes: dict[str, str]) -> str:
    parts = ['<section id="findings"><h2>Findings</h2>']
    if not findings:
        parts.append('<p class="empty">No findings: the outlets neither disagree nor agree.</p>')
    seen: set[FindingKind] = set()
    for n, f in enumerate(findings, 1):
        anchor = ""
        if f.kind not in seen:  # the summary links to the first finding of each kind
            seen.add(f.kind)
            anchor = f'<span id="kind-{f.kind.value}"></span>'
        parts.append(anchor + _finding(n, f, codes))
    parts.append("</section>")
    return "\n".join(parts)


def _finding(n: int, f: Finding, codes: dict[str, str]) -> str:
    outlets = " ".join(sorted({codes[s.outlet] for s in f.sides}))
    badges = [
        f'<span class="badge kind">{_e(_label(f.kind))}</span>',
        f'<span class="badge sev-{f.severity.value}">{_e(f.severity.value)}</span>',
    ]
    if f.subtype:
        badges.append(f'<span class="badge">{_e(f.subtype)}</span>')
    diffs = _differences(f)
    sides = "".join(_side(s, d) for s, d in zip(f.sides, diffs, strict=True))
    detail = ""
    if f.detail:
        detail = f'<p class="detail">Difference: <code>{_e(f.detail)}</code></p>'
    return (
        f'<article class="finding sev-{f.severity.value}" id="f{n}" data-kind="{f.kind.value}" '
        f'data-severity="{f.severity.value}" data-outlets="{outlets}">'
        f'<header><a class="num" href="#f{n}">#{n}</a> {"".join(badges)}'
        f'<code class="fid" title="finding id, as in the JSON report">{finding_id(f)}</code>'
        f"</header>"
        f'<p class="why">{_e(f.explanation)}</p>'
        f'<div class="sides">{sides}</div>{detail}</article>'
    )


def _side(s: Side, diffs: Sequence[Span]) -> str:
    url = _web_url(s.url)
    link = ""
    if url:
        link = f' · <a class="source" href="{_e(url)}" rel="noopener noreferrer">source</a>'
    speaker = f' · <span class="speaker">{_e(s.speaker)}</span>' if s.speaker else ""
    date = _e(s.published) if s.published else "undated"
    return (
        '<div class="side">'
        f'<p class="who"><strong class="outlet">{_e(s.outlet)}</strong> · '
        f"<time>{date}</time>{speaker}{link}</p>"
        f'<blockquote class="sentence">{_marked(s, diffs)}</blockquote>'
        f'<p class="where">{_e(_where(s))}</p>'
        "</div>"
    )


def _claim_span(s: Side) -> Span:
    """The claim inside its sentence: ``[start - sentence_start, end - sentence_start)``,
    clamped to the sentence."""
    lo = min(max(0, s.start - s.sentence_start), len(s.sentence))
    return lo, min(max(lo, s.end - s.sentence_start), len(s.sentence))


def _marked(s: Side, diffs: Sequence[Span]) -> str:
    """The sentence, escaped, with the claim in ``<mark class="claim">`` and the words
    that differ from the other side in ``<mark class="diff">``. The text is cut at every
    span edge, so the marks nest properly whatever the spans are."""
    text = s.sentence
    lo, hi = _claim_span(s)
    diffs = _merge(diffs, text)
    cuts = sorted({0, len(text), lo, hi, *(p for d in diffs for p in d)})
    out = []
    for a, b in pairwise(cuts):
        if a == lo and lo < hi:
            out.append(f'<mark class="claim" title="{_e(_where(s))}">')
        piece = _e(text[a:b])
        if any(x <= a and b <= y for x, y in diffs):
            piece = f'<mark class="diff">{piece}</mark>'
        out.append(piece)
        if b == hi and lo < hi:
            out.append("</mark>")
    return "".join(out)


def _merge(spans: Iterable[Span], text: str) -> list[Span]:
    """Spans in order, those apart by white space only joined ("did not attend")."""
    out: list[Span] = []
    for a, b in sorted(spans):
        if out and not text[out[-1][1] : a].strip():
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


# --- which words differ -----------------------------------------------------------------


def _differences(f: Finding) -> list[list[Span]]:
    """For each side, the spans (in its sentence) where it differs from the other side.

    - quantity and date conflicts: the number or date itself (the claim);
    - quote drift and name conflicts: the words ``detail`` lists (``-removed +added``,
      removed words on the first side, added ones on the second);
    - misattribution: the speaker's name, where the sentence gives it;
    - negation conflicts: the words one sentence has and the other lacks.
    """
    none: list[list[Span]] = [[] for _ in f.sides]
    if f.kind in (FindingKind.QUANTITY_CONFLICT, FindingKind.DATE_CONFLICT):
        return [[_claim_span(s)] for s in f.sides]
    if f.kind is FindingKind.MISATTRIBUTION:
        return [_speaker_spans(s) for s in f.sides]
    if len(f.sides) != 2:
        return none
    if f.kind in (FindingKind.QUOTE_DRIFT, FindingKind.NAME_CONFLICT) and f.detail:
        return list(_detail_spans(f.sides[0], f.sides[1], f.detail))
    if f.kind is FindingKind.NEGATION_CONFLICT:
        return list(_aligned_spans(f.sides[0], f.sides[1]))
    return none


def _speaker_spans(s: Side) -> list[Span]:
    at = s.sentence.find(s.speaker) if s.speaker else -1
    return [(at, at + len(s.speaker))] if at >= 0 else []


def _tokens(s: Side) -> list[tuple[str, Span]]:
    """The claim's normalised words (as the quote rule compares them), each with the
    span in the sentence of the token it came from ("can't" gives "can" and "not")."""
    lo, hi = _claim_span(s)
    return [
        (w, (lo + m.start(), lo + m.end()))
        for m in _TOKEN.finditer(s.sentence[lo:hi])
        for w in words(m.group())
    ]


def _changed(a: Sequence[str], b: Sequence[str]) -> tuple[set[int], set[int]]:
    """Indices of the words of ``a`` and of ``b`` outside their longest common blocks."""
    in_a: set[int] = set()
    in_b: set[int] = set()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag != "equal":
            in_a.update(range(i1, i2))
            in_b.update(range(j1, j2))
    return in_a, in_b


def _aligned_spans(a: Side, b: Side) -> tuple[list[Span], list[Span]]:
    ta, tb = _tokens(a), _tokens(b)
    in_a, in_b = _changed([w for w, _ in ta], [w for w, _ in tb])
    return [ta[i][1] for i in sorted(in_a)], [tb[j][1] for j in sorted(in_b)]


def _parse_detail(detail: str) -> list[tuple[list[str], list[str]]]:
    """``"-been in touch +spoken; +working"`` → ``[(removed, added), ...]`` as normalised
    words."""
    changes = []
    for part in detail.split(";"):
        part = part.strip()
        if part.startswith("+"):
            removed, added = "", part[1:]
        else:
            removed, _, added = part.partition(" +")
        changes.append((words(removed.removeprefix("-")), words(added)))
    return changes


def _find(seq: Sequence[str], phrase: Sequence[str], start: int, changed: set[int]) -> int:
    """Where ``phrase`` occurs in ``seq``, at ``start`` or later if it can (else
    anywhere), preferring an occurrence the alignment marks as changed; -1 if nowhere."""
    n = len(phrase)
    hits = [i for i in range(len(seq) - n + 1) if list(seq[i : i + n]) == list(phrase)]
    for pool in ([i for i in hits if i >= start], hits):
        for i in pool:
            if all(k in changed for k in range(i, i + n)):
                return i
        if pool:
            return pool[0]
    return -1


def _detail_spans(a: Side, b: Side, detail: str) -> tuple[list[Span], list[Span]]:
    """The detail's removed words located in ``a`` and its added words in ``b``.

    The detail lists changes in text order but not where they are; a common word ("the")
    can occur several times, so each is looked for after the previous change, preferring
    a place where the two claims differ."""
    ta, tb = _tokens(a), _tokens(b)
    wa, wb = [w for w, _ in ta], [w for w, _ in tb]
    in_a, in_b = _changed(wa, wb)
    spans: tuple[list[Span], list[Span]] = ([], [])
    cursor = [0, 0]
    for change in _parse_detail(detail):
        for side, (toks, ws, changed) in enumerate(((ta, wa, in_a), (tb, wb, in_b))):
            phrase = change[side]
            at = _find(ws, phrase, cursor[side], changed) if phrase else -1
            if at >= 0:
                spans[side].append((toks[at][1][0], toks[at + len(phrase) - 1][1][1]))
                cursor[side] = at + len(phrase)
    return spans


# --- facts: what each outlet says -------------------------------------------------------


def _clusters(findings: Sequence[Finding]) -> list[list[int]]:
    """Findings that share a claim (same article and offsets), as groups of indices in
    report order: one group per fact."""
    parent = list(range(len(findings)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[tuple[str, int, int], int] = {}
    for i, f in enumerate(findings):
        for s in f.sides:
            j = first.setdefault((s.article, s.start, s.end), i)
            parent[root(i)] = root(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(findings)):
        groups[root(i)].append(i)
    return sorted(groups.values())


def _facts(findings: Sequence[Finding]) -> str:
    """Per fact, each version of the claim and the outlets that give it: outlets that
    agree are listed together."""
    if not findings:
        return ""
    parts = [
        '<section id="facts"><h2>Facts: what each outlet says</h2>',
        '<p class="hint">Findings that share a claim are one fact. Outlets listed together '
        "give the same words.</p>",
    ]
    for group in _clusters(findings):
        members = [findings[i] for i in group]
        conflict = any(f.kind.is_conflict for f in members)
        lead = next((f for f in members if f.kind.is_conflict), members[0])
        refs = " ".join(f'<a href="#f{i + 1}">#{i + 1}</a>' for i in group)
        status = "conflict" if conflict else "agreement"
        items = "".join(_version(sides) for sides in _versions(members))
        ids = " ".join(f"f{i + 1}" for i in group)
        parts.append(
            f'<article class="fact {status}" data-findings="{ids}">'
            f'<p class="fact-head"><span class="badge {status}">{status}</span> '
            f'{_e(lead.explanation)} <span class="refs">{refs}</span></p>'
            f'<ul class="versions">{items}</ul></article>'
        )
    parts.append("</section>")
    return "\n".join(parts)


def _figures(facts: Sequence[Fact]) -> str:
    """Per figure of a story (a fact slot), what each outlet says, in publication order
    (a developing figure's timeline), who agrees and who is the outlier."""
    if not facts:
        return ""
    parts = [
        '<section id="figures"><h2>Figures: what each outlet says</h2>',
        '<p class="hint">Each figure as each outlet gives it, earliest first; an outlier '
        "is an outlet whose figure the others' do not allow.</p>",
    ]
    for f in facts:
        status = "conflict" if f.outliers or not f.agree else "agreement"
        rows = "".join(
            f'<tr class="{"outlier" if v.side.outlet in f.outliers else ""}">'
            f"<td>{_e(v.side.outlet)}</td><td>{_e(v.side.text)}</td>"
            f"<td>{_e(v.side.published)}</td><td>{_e(v.side.sentence)}</td></tr>"
            for v in f.values
        )
        verdict = (
            f"outlier: {', '.join(f.outliers)}"
            if f.outliers
            else "all agree"
            if f.agree
            else "no two agree"
        )
        parts.append(
            f'<article class="figure {status}"><p class="fact-head">'
            f'<span class="badge {status}">{_e(verdict)}</span> {_e(f.slot)}</p>'
            "<table><thead><tr><th>outlet</th><th>says</th><th>published</th>"
            f"<th>sentence</th></tr></thead><tbody>{rows}</tbody></table></article>"
        )
    parts.append("</section>")
    return "\n".join(parts)


def _versions(members: Sequence[Finding]) -> list[list[Side]]:
    """The distinct claims of one fact, grouped by their normalised words: each group is
    one version, given by the outlets of its sides. Where the fact is a misattribution,
    the speaker is part of the version (same words, different person)."""
    by_speaker = any(f.kind is FindingKind.MISATTRIBUTION for f in members)
    versions: dict[tuple[tuple[str, ...], str], list[Side]] = defaultdict(list)
    seen: set[tuple[str, int, int]] = set()
    for s in (s for f in members for s in f.sides):
        if (s.article, s.start, s.end) not in seen:
            seen.add((s.article, s.start, s.end))
            key = tuple(words(s.text)) or (s.text,)
            versions[key, s.speaker.lower() if by_speaker else ""].append(s)
    return list(versions.values())


def _version(sides: Sequence[Side]) -> str:
    outlets = sorted({s.outlet for s in sides})
    where = "; ".join(_where(s) for s in sides)
    agree = ' <span class="agree">agree</span>' if len(outlets) > 1 else ""
    speakers = sorted({s.speaker for s in sides if s.speaker})
    said = f' <span class="speaker">— {_e(", ".join(speakers))}</span>' if speakers else ""
    return (
        f'<li><span class="outlets">{_e(", ".join(outlets))}</span>{agree}'
        f'<q title="{_e(where)}">{_e(" ".join(sides[0].text.split()))}</q>{said}</li>'
    )


# --- syndicated copies and warnings -----------------------------------------------------


def _extras(report: Report) -> str:
    parts = []
    if report.syndicated:
        items = "".join(
            f"<li><code>{_e(c)}</code> is a copy of <code>{_e(o)}</code></li>"
            for c, o in report.syndicated
        )
        parts.append(
            '<section id="syndicated"><h2>Syndicated copies</h2>'
            '<p class="hint">A copy is one source with its original and is never paired.</p>'
            f"<ul>{items}</ul></section>"
        )
    if report.warnings:
        items = "".join(f"<li>{_e(w)}</li>" for w in report.warnings)
        parts.append(f'<section id="warnings"><h2>Warnings</h2><ul>{items}</ul></section>')
    return "\n".join(parts)


# --- style and behaviour ----------------------------------------------------------------

_CSS = """
:root { --ink: #1d232a; --muted: #5b6570; --line: #d8dde3; --bg: #f6f7f9; --card: #fff;
  --high: #c62828; --medium: #d97706; --low: #2f6fb3; --info: #2e7d32;
  --claim: #fff3a8; --diff: #ffd0c9; --diff-ink: #8a1c10; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.25rem 2rem 3rem; background: var(--bg); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; max-width: 82rem; margin-inline: auto; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 .6rem; border-bottom: 1px solid var(--line);
  padding-bottom: .2rem; }
h3 { font-size: .95rem; margin: 0 0 .4rem; color: var(--muted); }
code { font: .85em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
a { color: #1f5fa8; }
.headline { font-size: 1.05rem; margin: 0; }
.meta, .hint, .where, .shown { color: var(--muted); font-size: .85rem; margin: .2rem 0; }
.filters { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap;
  gap: .4rem 1.2rem; align-items: center; background: var(--card); margin: 1rem 0;
  padding: .5rem .9rem; border: 1px solid var(--line); border-radius: 8px;
  box-shadow: 0 1px 3px rgba(0,0,0,.06); }
.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap;
  gap: .15rem .7rem; align-items: center; }
.filters legend { float: left; font-weight: 600; margin-right: .5rem; font-size: .85rem; }
.filters label { font-size: .88rem; white-space: nowrap; cursor: pointer; }
.filters .n { color: var(--muted); font-size: .8rem; }
.filters select { font: inherit; font-size: .88rem; }
.shown { margin-left: auto; }
.tables { display: grid; grid-template-columns: minmax(14rem, 1fr) minmax(0, 2.4fr);
  gap: 1rem; align-items: start; }
@media (max-width: 50rem) { .tables { grid-template-columns: 1fr; } }
.pair { white-space: nowrap; }
.tables .wide { grid-column: 1 / -1; }
table { border-collapse: collapse; width: 100%; background: var(--card); font-size: .88rem;
  border: 1px solid var(--line); }
th, td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid var(--line);
  vertical-align: top; }
th { background: #eef1f4; font-weight: 600; }
.finding, .fact, .figure { background: var(--card); border: 1px solid var(--line);
  border-left: 5px solid var(--muted); border-radius: 8px; padding: .7rem 1rem;
  margin: 0 0 .9rem; break-inside: avoid; }
.finding, .fact, [id^="kind-"] { scroll-margin-top: 6rem; }  /* clear the sticky filters */
.finding.sev-high { border-left-color: var(--high); }
.finding.sev-medium { border-left-color: var(--medium); }
.finding.sev-low { border-left-color: var(--low); }
.finding.sev-info { border-left-color: var(--info); }
.finding header { display: flex; align-items: center; gap: .4rem; flex-wrap: wrap; }
.num { font-weight: 700; text-decoration: none; color: var(--ink); margin-right: .2rem; }
.fid { margin-left: auto; color: var(--muted); }
.badge { display: inline-block; font-size: .75rem; font-weight: 600; padding: .05rem .5rem;
  border-radius: 999px; background: #e9edf1; color: var(--ink); text-transform: uppercase;
  letter-spacing: .03em; }
.badge.kind { background: #e3e8f7; color: #273a7a; }
.badge.sev-high, .badge.conflict { background: #fde2e1; color: var(--high); }
.badge.sev-medium { background: #fdecd2; color: #9a4f00; }
.badge.sev-low { background: #dde9f7; color: var(--low); }
.badge.sev-info, .badge.agreement { background: #dcefdc; color: var(--info); }
.why { margin: .4rem 0 .6rem; font-weight: 500; }
.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
  gap: .8rem; }
.side { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem;
  background: #fbfcfd; min-width: 0; }
.who { margin: 0 0 .3rem; font-size: .9rem; }
.who time, .speaker { color: var(--muted); }
.sentence { margin: 0; overflow-wrap: anywhere; }
mark.claim { background: var(--claim); padding: 0 .1em; border-radius: 2px; }
mark.diff { background: var(--diff); color: var(--diff-ink); font-weight: 600;
  text-decoration: underline 2px; text-underline-offset: 2px; }
.where { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  font-size: .78rem; margin: .35rem 0 0; }
.detail { margin: .6rem 0 0; font-size: .88rem; }
.fact.conflict, .figure.conflict { border-left-color: var(--high); }
.fact.agreement, .figure.agreement { border-left-color: var(--info); }
.fact-head { margin: 0 0 .3rem; }
.refs { font-size: .85rem; }
.versions { margin: 0; padding-left: 1.1rem; }
.versions li { margin: .2rem 0; }
.outlets { font-weight: 600; margin-right: .4rem; }
.outlets::after { content: ":"; }
.agree { font-size: .75rem; color: var(--info); font-weight: 600; margin-right: .4rem; }
.versions q { overflow-wrap: anywhere; }
.empty { color: var(--muted); }
[hidden] { display: none !important; }
@media print {
  body { background: #fff; padding: 0; max-width: none; font-size: 11pt; }
  .filters { display: none !important; }
  .finding[hidden], .fact[hidden] { display: block !important; }
  .finding, .fact, .side, table { box-shadow: none; }
  a.source::after { content: " <" attr(href) ">"; font-size: .8em; color: var(--muted);
    overflow-wrap: anywhere; }
  mark.claim, mark.diff, .badge { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"""

# Reads only data- attributes and form values: no article text reaches the script.
_SCRIPT = """
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var facts = Array.prototype.slice.call(document.querySelectorAll(".fact"));
  function checked(name) {
    var boxes = form.querySelectorAll("input[name=" + name + "]:checked");
    return Array.prototype.map.call(boxes, function (box) { return box.value; });
  }
  function apply() {
    var kinds = checked("kind"), severities = checked("severity");
    var outlet = form.elements.outlet.value, shown = 0;
    findings.forEach(function (el) {
      var visible = kinds.indexOf(el.dataset.kind) >= 0 &&
        severities.indexOf(el.dataset.severity) >= 0 &&
        (outlet === "" || el.dataset.outlets.split(" ").indexOf(outlet) >= 0);
      el.hidden = !visible;
      if (visible) { shown += 1; }
    });
    facts.forEach(function (el) {
      el.hidden = !el.dataset.findings.split(" ").some(function (id) {
        var finding = document.getElementById(id);
        return finding !== null && !finding.hidden;
      });
    });
    document.getElementById("shown").textContent =
      shown + " of " + findings.length + " findings shown";
  }
  form.addEventListener("change", apply);
  apply();
})();
"""
