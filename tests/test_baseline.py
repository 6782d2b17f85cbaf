"""The CI regression: a baseline of findings, and a readable diff when it breaks."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crosscheck import baseline
from crosscheck.cli import app
from crosscheck.embed import Embedder
from crosscheck.model import Finding, FindingKind, Report, Severity, Side
from crosscheck.pipeline import build_report

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def _finding(text_b: str, severity: Severity = Severity.HIGH) -> Finding:
    a = Side("a", "A", "around 200", "s", 0, 10, 0, 10)
    b = Side("b", "B", text_b, "s", 0, 10, 0, 10)
    return Finding(FindingKind.QUANTITY_CONFLICT, severity, "why", (a, b), similarity=0.91)


def _report(*findings: Finding) -> Report:
    return Report(articles=(), findings=findings, model="m")


def test_identity_ignores_side_order_and_scores() -> None:
    f = _finding("some 2,000")
    g = Finding(f.kind, f.severity, f.explanation, f.sides[::-1], similarity=0.5)
    assert baseline.entries(_report(f)) == baseline.entries(_report(g))


@pytest.mark.parametrize(
    ("now", "added", "removed", "changed"),
    [
        ((), 0, 1, 0),
        ((_finding("some 2,000"), _finding("some 3,000")), 1, 0, 0),
        ((_finding("some 2,000", Severity.LOW),), 0, 0, 1),
        ((_finding("some 2,000"),), 0, 0, 0),
    ],
)
def test_diff_sorts_findings_into_added_removed_changed(
    now: tuple[Finding, ...], added: int, removed: int, changed: int
) -> None:
    old = baseline.entries(_report(_finding("some 2,000")))
    d = baseline.diff(old, _report(*now))
    assert (len(d.added), len(d.removed), len(d.changed)) == (added, removed, changed)
    assert d.clean is (added == removed == changed == 0)


@pytest.fixture(scope="module")
def corpus_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("corpus") / "articles"
    shutil.copytree(ROOT / "articles", target)
    return target


def test_the_committed_baseline_holds(embedder: Embedder) -> None:
    expected = baseline.load(ROOT / "reports" / "baseline.json")
    d = baseline.diff(expected, build_report([ROOT / "articles"], embedder=embedder))
    assert d.clean, baseline.render(d, Path("reports/baseline.json"))


def test_removing_an_article_fails_with_a_diff_naming_its_findings(
    corpus_copy: Path, tmp_path: Path
) -> None:
    corpus = tmp_path / "articles"
    shutil.copytree(corpus_copy, corpus)
    (corpus / "daily-courier.html").unlink()
    result = runner.invoke(
        app, ["report", str(corpus), "--baseline", str(ROOT / "reports" / "baseline.json"),
              "--no-progress"],
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    assert "removed" in result.output
    assert "- misattribution high" in result.output and "Daily Courier" in result.output


def test_changing_a_planted_number_fails_with_a_diff(corpus_copy: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "articles"
    shutil.copytree(corpus_copy, corpus)
    wire = corpus / "metro-wire.txt"
    wire.write_text(wire.read_text("utf-8").replace("some 2,000 supporters", "some 210 supporters"))
    result = runner.invoke(
        app, ["report", str(corpus), "--baseline", str(ROOT / "reports" / "baseline.json"),
              "--no-progress"],
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    assert "- quantity_conflict high" in result.output and '"some 2,000"' in result.output


def test_update_baseline_writes_what_then_holds(corpus_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    args = ["report", str(corpus_copy), "--baseline", str(path), "--no-progress"]
    assert runner.invoke(app, [*args, "--update-baseline"]).exit_code == 0
    result = runner.invoke(app, args)
    assert result.exit_code == 0 and "as expected" in result.output


@pytest.mark.parametrize("content", ["", "{}", '{"baseline_version": 1, "findings": 3}', "[1]"])
def test_a_bad_baseline_file_exits_2(tmp_path: Path, content: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(content)
    result = runner.invoke(app, ["report", str(ROOT / "articles"), "--baseline", str(path)])
    assert result.exit_code == 2 and "baseline" in result.output


def _entry(**fields: object) -> str:
    e = {"id": "a1", "kind": "quote_drift", "severity": "low", "claims": []} | fields
    return json.dumps({"baseline_version": 1, "findings": [e]})


BAD_BASELINES = {
    # issue 23: each ended in exit 4 (a bug in crosscheck), or hung, or ate memory
    "ids of mixed types": json.dumps(
        {"baseline_version": 1, "findings": [{"id": "a", "kind": "x"}, {"id": 3, "kind": "x"}]}
    ),
    "a list as id": _entry(id=["a"]),
    "a null kind": _entry(kind=None),
    "claims that are not objects": _entry(claims=["a", 1]),
    "a claim's field not a string": _entry(claims=[{"article": 1}]),
    "an entry that is not an object": json.dumps({"baseline_version": 1, "findings": [3]}),
    "nested 100,000 deep": '{"baseline_version": 1, "findings": ' + "[" * 100_000,
}


@pytest.mark.parametrize("case", sorted(BAD_BASELINES))
def test_a_malformed_baseline_is_named_not_a_crash(tmp_path: Path, case: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(BAD_BASELINES[case])
    result = runner.invoke(app, ["report", str(ROOT / "articles"), "--baseline", str(path)])
    assert result.exit_code == 2, result.output
    assert str(path) in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("kind", ["folder", "pipe", "device"])
def test_a_baseline_that_is_no_regular_file_is_refused_at_once(tmp_path: Path, kind: str) -> None:
    # a pipe hung for ever; /dev/zero read until memory ran out
    path = tmp_path / "b.json"
    if kind == "folder":
        path.mkdir()
    elif kind == "pipe":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    result = runner.invoke(app, ["report", str(ROOT / "articles"), "--baseline", str(path)])
    assert result.exit_code == 2 and str(path) in result.output, result.output


def test_a_baseline_with_a_byte_order_mark_is_read(corpus_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    args = ["report", str(corpus_copy), "--baseline", str(path), "--no-progress"]
    assert runner.invoke(app, [*args, "--update-baseline"]).exit_code == 0
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = runner.invoke(app, args)
    assert result.exit_code == 0 and "as expected" in result.output, result.output


def test_update_baseline_needs_a_file() -> None:
    result = runner.invoke(app, ["report", "--update-baseline"])
    assert result.exit_code == 2 and "--baseline" in result.output
