"""Regression against a stored baseline of findings: which findings appeared, which
disappeared, which changed.

A finding's identity is its kind plus, for each side, the article id and the claim's
text (see ``Finding.identity``): it does not depend on file order, run order, offsets
or similarity scores, so only a change a reader would notice changes it. Severity,
subtype and explanation are compared for identical findings ("changed").
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .ingest import read_text
from .model import Report
from .report import finding_id

BASELINE_VERSION = 1
_COMPARED = ("severity", "subtype", "explanation")


def entries(report: Report) -> list[dict[str, Any]]:
    """The baseline entries of a report, sorted by id."""
    out = []
    for f in report.findings:
        out.append(
            {
                "id": finding_id(f),
                "kind": f.kind.value,
                "severity": f.severity.value,
                "subtype": f.subtype,
                "explanation": f.explanation,
                "claims": sorted(
                    ({"article": s.article, "outlet": s.outlet, "text": s.text} for s in f.sides),
                    key=lambda c: (c["article"], c["text"]),
                ),
            }
        )
    return sorted(out, key=lambda e: (e["kind"], e["id"]))


def to_text(report: Report) -> str:
    """The baseline file for a report (JSON, stable bytes)."""
    data = {"baseline_version": BASELINE_VERSION, "findings": entries(report)}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def load(path: Path) -> list[dict[str, Any]]:
    """The entries of the baseline file at ``path``, read as an article is (a regular
    file, at most the file size limit, any of the encodings) and checked entry by entry:
    InputError naming the file and the first problem."""
    try:
        data = json.loads(read_text(path))
    except FileNotFoundError:
        raise InputError(f"{path}: no baseline here; write one with --update-baseline") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read the baseline ({exc.strerror or exc})") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not a crosscheck baseline ({exc})") from None
    except RecursionError:
        raise InputError(f"{path}: not a crosscheck baseline (nested too deeply)") from None
    if not isinstance(data, dict) or data.get("baseline_version") != BASELINE_VERSION:
        raise InputError(f"{path}: not a crosscheck baseline of version {BASELINE_VERSION}")
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise InputError(f"{path}: its findings are not a list of entries")
    for n, e in enumerate(findings, 1):
        problem = _problem(e)
        if problem:
            raise InputError(f"{path}: finding {n} of the baseline {problem}")
    return findings


def _problem(e: object) -> str:
    """What is wrong with one baseline entry; "" when nothing is. Each field a baseline
    writes is, when present, of the type it writes."""
    if not isinstance(e, dict):
        return "is not an object"
    if not isinstance(e.get("id"), str):
        return "has no id (a string)"
    for key in ("kind", "severity", "subtype", "explanation"):
        if key in e and not isinstance(e[key], str):
            return f"has a {key} that is not a string"
    claims = e.get("claims", [])
    if not isinstance(claims, list) or not all(
        isinstance(c, dict) and all(isinstance(v, str) for v in c.values()) for c in claims
    ):
        return "has claims that are not objects of strings"
    return ""


@dataclass
class Diff:
    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    changed: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    unchanged: int = 0

    @property
    def clean(self) -> bool:
        return not (self.added or self.removed or self.changed)


def diff(baseline: list[dict[str, Any]], report: Report) -> Diff:
    """How ``report``'s findings differ from the ``baseline`` entries."""
    old = {e["id"]: e for e in baseline}
    new = {e["id"]: e for e in entries(report)}
    result = Diff()
    for key in sorted(new.keys() - old.keys(), key=lambda k: (new[k]["kind"], k)):
        result.added.append(new[key])
    for key in sorted(old.keys() - new.keys(), key=lambda k: (old[k].get("kind", ""), k)):
        result.removed.append(old[key])
    for key in sorted(old.keys() & new.keys()):
        if any(old[key].get(f) != new[key].get(f) for f in _COMPARED):
            result.changed.append((old[key], new[key]))
        else:
            result.unchanged += 1
    return result


def _describe(e: dict[str, Any]) -> str:
    sides = " ~ ".join(
        f'{c.get("outlet") or c.get("article")} "{c.get("text", "")}"' for c in e.get("claims", [])
    )
    return f"{e.get('kind', '?')} {e.get('severity', '?')} [{e['id']}] {sides}"


def render(d: Diff, path: Path) -> str:
    """A readable diff, one line a finding: ``+`` added, ``-`` removed, ``~`` changed."""
    if d.clean:
        return f"baseline {path}: all {d.unchanged} findings as expected\n"
    lines = [
        f"baseline {path}: {len(d.added)} added, {len(d.removed)} removed, "
        f"{len(d.changed)} changed, {d.unchanged} as expected"
    ]
    lines += [f"+ {_describe(e)}\n    {e.get('explanation', '')}" for e in d.added]
    lines += [f"- {_describe(e)}\n    {e.get('explanation', '')}" for e in d.removed]
    for old, new in d.changed:
        changes = "; ".join(
            f"{f}: {old.get(f)!r} -> {new.get(f)!r}" for f in _COMPARED if old.get(f) != new.get(f)
        )
        lines.append(f"~ {_describe(new)}\n    {changes}")
    return "\n".join(lines) + "\n"
