"""Fuzzing (issue 16): random and mutated inputs (bytes, JSON, JSONL, YAML front matter,
HTML, text) through ingest and extraction, and mutated store rows through
``Store.open`` and ``check``. Every case must end without a traceback, in bounded time;
a store case must end in an exit code the README gives. The seed is fixed, so a
failure is reproducible: its case is named in the assertion."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crosscheck import baseline
from crosscheck.cli import app
from crosscheck.engine import extract_one
from crosscheck.errors import InputError
from crosscheck.ingest import load
from crosscheck.model import Finding, FindingKind, Report, Severity, Side
from crosscheck.store import DB_NAME

SECONDS_PER_CASE = 10.0  # a hang guard, far above any case's real time (< 0.5 s)
ARTICLE = (
    "Labour lost 382 seats on 4 May 2017, and Jeremy Corbyn said: “We will fight on.”\n"
    "“It was a difficult night,” he told the BBC. Turnout was 35 per cent.\n"
)
SEEDS = {
    "a.json": json.dumps(
        {
            "id": "a",
            "outlet": "Ledger",
            "published": "2017-05-05",
            "title": "Results",
            "text": ARTICLE,
        }
    ),
    "b.jsonl": "\n".join(
        json.dumps({"id": f"b{i}", "outlet": f"O{i}", "text": ARTICLE}) for i in range(3)
    ),
    "c.md": "---\ntitle: Results\noutlet: Wire\npublished: 2017-05-05\nurl: http://x\n---\n"
    + ARTICLE,
    "d.html": "<html><head><title>Results</title></head><body><nav>Menu</nav><article>"
    "<h1>Results</h1><p>" + ARTICLE.replace("\n", "</p><p>") + "</p></article></body></html>",
    "e.txt": ARTICLE,
}
NOISE = [b"\x00", b"\xff", b"\x1b[2J", "\u202e".encode(), b"{", b"}", b"[", b'"', b"---\n",
         b"<b>", b"</i>", b"&#0;", b"&", b"*a", b"&a ", b": ", b"\n", b"\r", b"\t", b"9" * 40,
         b"\xe2\x80", b"<!--", b"<script>", b"\\u0000", b"1e999", b"NaN"]  # fmt: skip


def _mutate(data: bytes, rng: random.Random) -> bytes:
    """A few random edits: insert noise, delete a stretch, repeat a stretch, flip a byte."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        if not out:
            out += rng.choice(NOISE)
            continue
        at = rng.randrange(len(out))
        op = rng.randrange(4)
        if op == 0:
            out[at:at] = rng.choice(NOISE) * rng.choice([1, 1, 3, 200])
        elif op == 1:
            del out[at : at + rng.randint(1, 40)]
        elif op == 2:
            out[at:at] = out[at : at + rng.randint(1, 80)] * rng.randint(2, 50)
        else:
            out[at] = rng.randrange(256)
    return bytes(out)


def _cases(n: int) -> list[tuple[str, bytes]]:
    rng = random.Random(16)
    cases = []
    for i in range(n):
        if i % 10 == 9:
            name, data = f"random{i}.txt", rng.randbytes(rng.randint(0, 3000))
        else:
            seed = sorted(SEEDS)[i % len(SEEDS)]
            name, data = f"{i}{seed}", _mutate(SEEDS[seed].encode(), rng)
        cases.append((name, data))
    return cases


@pytest.mark.parametrize("start", range(0, 300, 50))
def test_mutated_files_are_read_or_skipped_never_a_traceback(tmp_path: Path, start: int) -> None:
    for name, data in _cases(300)[start : start + 50]:
        path = tmp_path / name
        path.write_bytes(data)
        began = time.perf_counter()
        corpus = load([path])  # raises nothing: a bad file is a warning
        for article in corpus.articles:
            extract_one(article)
        seconds = time.perf_counter() - began
        assert seconds < SECONDS_PER_CASE, f"{name}: {seconds:.1f} s"
        assert corpus.articles or corpus.warnings, name
        path.unlink()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzzstore")
    for name in ("a.json", "c.md", "e.txt"):
        (folder / name).write_text(SEEDS[name])
    result = CliRunner().invoke(app, ["index", str(folder), "-s", str(folder / "store")])
    assert result.exit_code == 0, result.output
    return folder / "store"


# (table, column) pairs a mutation may hit, and what it may write there.
COLUMNS = {
    "meta": ["value"],
    "articles": ["outlet", "title", "published", "text", "content_hash"],
    "claims": ["kind", "start", "end", "sentence_index", "payload", "speaker_key"],
    "units": ["seq", "kind", "text_hash"],
    "vectors": ["vector"],
    "sentences": ["start", "end"],
}
VALUES: list[object] = ["", "x", "{}", "[]", '{"quote": 1}', -1, 0, 2**62, 1.5, b"\x00\x01",
                        b"", "2017-02-30", "9999-99-99", "quote", "sentence"]  # fmt: skip


@pytest.mark.parametrize("case", range(24))
def test_mutated_store_rows_end_in_a_message_and_a_known_exit_code(
    tmp_path: Path, store: Path, case: int
) -> None:
    rng = random.Random(1000 + case)
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    table = sorted(COLUMNS)[case % len(COLUMNS)]
    column, value = rng.choice(COLUMNS[table]), rng.choice(VALUES)
    conn = sqlite3.connect(copy / DB_NAME)
    try:
        rowid = rng.choice([r[0] for r in conn.execute(f"SELECT rowid FROM {table}")])
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", (value, rowid))
        conn.commit()
    except sqlite3.IntegrityError:
        pytest.skip(f"{table}.{column} = {value!r} breaks a constraint; nothing to read")
    finally:
        conn.close()
    if rng.random() < 0.5:
        for f in copy.glob("*.faiss"):
            f.unlink()  # the vectors are read again
    article = tmp_path / "new.txt"
    article.write_text(ARTICLE.replace("382", "275"))
    what = f"{table}.{column} = {value!r}"
    for args in (["check", str(article)], ["index", str(article), "--no-progress"]):
        began = time.perf_counter()
        result = CliRunner().invoke(app, [*args, "-s", str(copy)])
        assert time.perf_counter() - began < SECONDS_PER_CASE, what
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            f"{what}: {args[0]} raised {result.exception!r}"
        )
        assert result.exit_code in (0, 1, 2, 3), f"{what}: {args[0]} exit {result.exit_code}"
        if result.exit_code == 2:
            assert str(copy) in result.output, what


JSON_VALUES: list[object] = [None, 0, 3, -1.5, True, "", "x", [], ["a"], {}, {"id": "a"}, [[1]]]


def _swap_value(doc: object, rng: random.Random) -> object:
    """``doc`` with one value somewhere inside it (or a key's value) replaced by another
    JSON value: well-formed JSON of the wrong shape."""
    if isinstance(doc, dict) and doc and rng.random() < 0.8:
        key = rng.choice(sorted(doc))
        return doc | {key: _swap_value(doc[key], rng)}
    if isinstance(doc, list) and doc and rng.random() < 0.8:
        at = rng.randrange(len(doc))
        return [*doc[:at], _swap_value(doc[at], rng), *doc[at + 1 :]]
    return rng.choice(JSON_VALUES)


def _baseline_report(texts: tuple[str, ...]) -> Report:
    findings = tuple(
        Finding(
            FindingKind.QUANTITY_CONFLICT,
            Severity.HIGH,
            "why",
            (Side("a", "A", "around 200", "s", 0, 10, 0, 10), Side("b", "B", t, "s", 0, 10, 0, 10)),
        )
        for t in texts
    )
    return Report(articles=(), findings=findings, model="m")


@pytest.mark.parametrize("start", range(0, 200, 50))
def test_mutated_baselines_are_read_or_named_never_a_traceback(tmp_path: Path, start: int) -> None:
    # issue 23: the baseline reader as the article reader above: a mutated file is read
    # and compared, or refused with an InputError naming it
    rng = random.Random(23 + start)
    good = baseline.to_text(_baseline_report(("some 2,000", "some 3,000"))).encode()
    now = _baseline_report(("some 2,000", "some 4,000"))
    path = tmp_path / "b.json"
    for i in range(50):
        if i % 5 == 0:
            data = rng.randbytes(rng.randint(0, 500))
        elif i % 2:
            data = _mutate(good, rng)
        else:
            data = json.dumps(_swap_value(json.loads(good), rng)).encode()
        path.write_bytes(data)
        try:
            entries = baseline.load(path)
        except InputError as exc:
            assert str(path) in str(exc), i
            continue
        baseline.render(baseline.diff(entries, now), path)  # raises nothing
