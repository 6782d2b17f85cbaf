"""Hostile and broken input mixed with the seed articles: every bad file is named in a
warning, the seed findings still come out, and nothing raises a traceback."""

from __future__ import annotations

import errno
import json
import os
import shutil
import socket
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from crosscheck.cli import EXIT_SKIPPED, app
from crosscheck.ingest import load

from .conftest import require_shared
from .expected import matches

SEED = "Labour lost 275 seats, and Corbyn said: “We will fight on.”\n"


def _hostile(folder: Path) -> dict[str, str]:
    """Write every hostile case into ``folder``; returns file name → expected reason
    (None where the file must be read, not skipped)."""
    skipped = {}
    (folder / "empty.txt").write_text("")
    skipped["empty.txt"] = "no article text"
    (folder / "random.txt").write_bytes(bytes((i * 7919 + 13) % 256 for i in range(4000)))
    skipped["random.txt"] = "binary"
    (folder / "nul.html").write_bytes(b"<html>\x00\x00\x00</html>")
    skipped["nul.html"] = "binary"
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    skipped["dangling.txt"] = "does not exist"
    (folder / "huge.txt").write_bytes(b"word " * 10_000_001)  # 50 MB
    skipped["huge.txt"] = "limit for one file"
    (folder / "broken.json").write_text('{"text": "Truncated rec')
    skipped["broken.json"] = "not valid JSON"
    (folder / "broken.jsonl").write_text('{"text": "fine"}\n{"text": \n')
    skipped["broken.jsonl"] = "line 2 is not valid JSON"
    (folder / "nobody.json").write_text(json.dumps({"title": "no text"}))
    skipped["nobody.json"] = "no text field"
    # Read, not skipped:
    (folder / "bom.txt").write_bytes("\ufeff".encode() + SEED.encode())
    (folder / "cp1252.txt").write_bytes(SEED.replace("“", "\u201c").encode("cp1252"))
    (folder / "latin1.txt").write_bytes("Le café a reçu 40 clients.".encode("latin-1"))
    (folder / "utf16.txt").write_bytes(SEED.encode("utf-16"))
    (folder / "utf16le.txt").write_bytes(SEED.encode("utf-16-le"))
    (folder / "broken.html").write_text("<html><body><p>Unclosed <b>tags <p>Labour lost 275 seats.")
    (folder / "long-sentence.txt").write_text("word " * 400_000 + "\nLabour lost 275 seats.\n")
    (folder / "only-furniture.txt").write_text("Sign up to read this article\nDownload the app\n")
    (folder / "greek.txt").write_text("Ο δήμαρχος είπε ότι 200 άνθρωποι ήρθαν στη συγκέντρωση.")
    return skipped


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("hostile")
    seeds = require_shared("corpus", "seeds")
    for seed in seeds.glob("*.txt"):
        shutil.copy(seed, folder / seed.name)
    # The same article twice under two names, and a duplicate id from a JSON record.
    first = sorted(seeds.glob("*.txt"))[0]
    shutil.copy(first, folder / "copy-of-first.txt")
    (folder / "dup-id.json").write_text(json.dumps({"id": first.stem, "text": SEED}))
    return folder, _hostile(folder)


def test_every_bad_file_is_named_with_its_reason(mixed: tuple[Path, dict[str, str]]) -> None:
    folder, skipped = mixed
    corpus = load([folder])
    for name, reason in skipped.items():
        hits = [w for w in corpus.warnings if name in w]
        assert hits and reason in hits[0], (name, corpus.warnings)
    assert any("renamed" in w for w in corpus.warnings)
    read = {Path(a.source).name for a in corpus.articles}
    assert {"bom.txt", "cp1252.txt", "latin1.txt", "utf16.txt", "utf16le.txt"} <= read
    texts = {Path(a.source).name: a.text for a in corpus.articles}
    assert texts["utf16le.txt"].startswith("Labour lost 275") and "café" in texts["latin1.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_an_unreadable_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text(SEED)
    (tmp_path / "secret.txt").chmod(0)
    corpus = load([tmp_path])
    assert corpus.articles == [] and "secret.txt" in corpus.warnings[0]


def test_an_unreadable_file_is_named_even_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "secret.txt").write_text(SEED)
    real = Path.open

    def denied(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", denied)
    corpus = load([tmp_path])
    assert corpus.articles == [] and "Permission denied" in corpus.warnings[0]


def test_the_report_still_finds_the_seed_findings(mixed: tuple[Path, dict[str, str]]) -> None:
    folder, skipped = mixed
    expected = json.loads(require_shared("corpus", "seeds", "expected.json").read_text("utf-8"))
    out = folder.parent / "report.json"
    result = CliRunner().invoke(
        app, ["report", str(folder), "--format", "json", "--output", str(out), "--no-progress"]
    )
    assert result.exit_code == EXIT_SKIPPED, result.output
    assert "Traceback" not in result.output
    for name in skipped:
        assert name in result.output
    data = json.loads(out.read_text("utf-8"))

    from crosscheck.model import Finding, FindingKind, Severity, Side

    findings = [
        Finding(FindingKind(f["kind"]), Severity(f["severity"]), f["explanation"],
                tuple(Side(c["article"], c["outlet"], c["text"], c["sentence"], c["start"],
                           c["end"], c["sentence_start"], c["sentence_end"])
                      for c in f["claims"]))
        for f in data["findings"]
    ]  # fmt: skip
    for item in expected["must_find"]:
        assert any(matches(f, item) for f in findings if f.kind.is_conflict), item["id"]
    assert {"copy": "copy-of-first", "original": "000_6aa0c8a8b0c373bf"} in data["syndicated"] or {
        "copy": "000_6aa0c8a8b0c373bf",
        "original": "copy-of-first",
    } in data["syndicated"]


# --- round two (issue 16): input that would hang or blow up ---------------------------


def _warning(paths: list[Path]) -> str:
    corpus = load(paths)
    assert not corpus.articles
    (warning,) = corpus.warnings
    return warning


def test_a_fifo_given_as_a_path_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert "not a regular file" in _warning([fifo])


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_or_a_link_to_one_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    assert "not a regular file" in _warning([Path("/dev/zero")])
    assert "not a regular file" in _warning([link])


def test_yaml_aliases_in_front_matter_are_refused(tmp_path: Path) -> None:
    # "A billion laughs": nine levels of nine aliases, a few hundred bytes.
    levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for n in range(1, 9):
        prev, name = chr(96 + n), chr(97 + n)
        levels.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    md = tmp_path / "laughs.md"
    md.write_text("---\n" + "\n".join(levels) + "\ntitle: *i\n---\nLabour lost 275 seats.\n")
    assert "YAML alias" in _warning([md])


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("deep.json", "[" * 100_000 + "]" * 100_000),
        ("deep.jsonl", '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n"),
        ("deep.md", "---\nx: " + "[" * 100_000 + "]" * 100_000 + "\n---\nLabour lost 275 seats.\n"),
    ],
)
def test_deeply_nested_input_skips_that_file_with_a_warning(
    tmp_path: Path, name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_text(text)
    warning = _warning([path])
    assert str(path) in warning and "nested too deeply" in warning


# --- no escapes: nothing in an article or a file name acts on the reader's terminal --------


ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[31m"


def _escaping_corpus(folder: Path) -> None:
    (folder / "a.md").write_text(
        "---\noutlet: 'Evil\x1b[31m Daily'\ntitle: 'Hi\x1b]0;pwned\x07'\n---\n"
        f"Labour lost 275 seats{ESCAPES}, and Corbyn said: “We will fight on.”\n"
    )
    (folder / "b.md").write_text(
        "---\noutlet: 'Other \u202eswen'\n---\n"
        "Labour lost 75 seats, and Corbyn said: “We will fight on.”\n"
    )
    (folder / f"bad{ESCAPES}.json").write_text('{"text": "trunc')


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_control_characters_never_reach_the_terminal(tmp_path: Path, fmt: str) -> None:
    _escaping_corpus(tmp_path)
    result = CliRunner().invoke(app, ["report", str(tmp_path), "-f", fmt, "--no-progress"])
    assert result.exit_code in (0, 1, EXIT_SKIPPED), result.output
    assert "Traceback" not in result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\u202e" not in result.output
    assert "\\x1b" in result.output  # shown, not obeyed
    assert "bad" in result.output  # the broken file is still named


def test_bidirectional_overrides_are_shown_not_obeyed_in_html(tmp_path: Path) -> None:
    _escaping_corpus(tmp_path)
    out = tmp_path / "r.html"
    result = CliRunner().invoke(
        app, ["report", str(tmp_path), "-f", "html", "-o", str(out), "--no-progress"]
    )
    assert "Traceback" not in result.output
    page = out.read_text("utf-8")
    assert "\u202e" not in page and "&lt;U+202E&gt;" in page


def test_articles_dated_at_the_ends_of_the_calendar_are_reported(tmp_path: Path) -> None:
    for name, day, when in (("a", "9999-12-31", "tomorrow"), ("b", "0001-01-01", "yesterday")):
        (tmp_path / f"{name}.md").write_text(
            f"---\npublished: {day}\noutlet: {name.upper()}\n---\n"
            f"The council met {when}, officials said. Labour lost 275 seats.\n"
        )
    result = CliRunner().invoke(app, ["report", str(tmp_path), "-f", "json", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output


# --- --output is checked before the analysis runs ----------------------------------------


def _corpus(folder: Path) -> Path:
    arts = folder / "arts"
    arts.mkdir()
    (arts / "a.txt").write_text(SEED)
    (arts / "b.txt").write_text(SEED.replace("275", "257"))
    return arts


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("missing/r.json", "does not exist"),
        (".", "is a folder"),
        ("arts", "is a folder"),
        ("arts/a.txt", "one of the input articles"),
    ],
)
def test_a_bad_output_is_refused_before_the_analysis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, message: str
) -> None:
    arts = _corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    before = (arts / "a.txt").read_text()
    result = CliRunner().invoke(app, ["report", str(arts), "-f", "json", "-o", where])
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output
    assert (arts / "a.txt").read_text() == before  # nothing lost


@pytest.mark.parametrize("fmt", ["table", "json", "html"])
def test_lone_surrogates_in_a_record_or_a_file_name_are_read_and_written(
    tmp_path: Path, fmt: str
) -> None:
    # issue 23: a JSON "\ud800" ended in exit 4; a file name that is not UTF-8 broke a
    # strict UTF-8 output
    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / "a.json").write_text('{"outlet": "A", "text": "Labour lost 275 seats \\ud800 today."}')
    (arts / os.fsdecode(b"b\xff.txt")).write_text("Labour lost 382 seats today.\n")
    out = tmp_path / f"r.{fmt}"
    result = CliRunner().invoke(
        app, ["report", str(arts), "-f", fmt, "-o", str(out), "--no-progress"]
    )
    assert result.exit_code == 0, result.output
    written = out.read_bytes().decode("utf-8")  # strict: no lone surrogate written
    assert "382" in written and "275" in written


def test_a_window_wider_than_the_calendar_is_a_usage_error(tmp_path: Path) -> None:
    # issue 23: --window-days 2**63 ended in exit 4 (an OverflowError in numpy)
    arts = _corpus(tmp_path)
    result = CliRunner().invoke(app, ["report", str(arts), "--window-days", str(2**63)])
    assert result.exit_code == 2 and "--window-days" in result.output, result.output


def test_an_output_the_file_system_refuses_is_an_error_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # issue 23: on a read-only file system the cleanup of the temporary file raised again
    arts = _corpus(tmp_path)

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(Path, "write_text", refuse)
    monkeypatch.setattr(Path, "unlink", refuse)
    result = CliRunner().invoke(
        app, ["report", str(arts), "-f", "json", "-o", str(tmp_path / "r.json"), "--no-progress"]
    )
    assert result.exit_code == 2 and "Read-only file system" in result.output, result.output
    assert "Traceback" not in result.output


def test_a_newline_in_a_file_or_outlet_name_forges_no_line(tmp_path: Path) -> None:
    # issue 23: the one control character not written out
    arts = tmp_path / "arts"
    arts.mkdir()
    forged = "x\ncrosscheck: error: forged"
    (arts / f"{forged}.txt").write_text("Labour lost 275 seats today.\n")
    (arts / "b.json").write_text(
        json.dumps({"outlet": f"B{forged}", "text": "Labour lost 382 seats today."})
    )
    (arts / f"{forged}2.json").write_text("{not json")
    result = CliRunner().invoke(app, ["report", str(arts), "--no-progress"])
    assert result.exit_code == 3, result.output  # the bad JSON file is skipped
    lines = result.output.splitlines()
    assert not any(line.startswith("crosscheck: error: forged") for line in lines), result.output
    assert "x\\ncrosscheck" in result.output  # written out, as the other controls are


def test_folders_nested_a_thousand_deep_are_read(tmp_path: Path) -> None:
    # issue 23: rglob recursed until a RecursionError (exit 4)
    deep = tmp_path / "arts"
    deep.mkdir()
    (deep / "loop").symlink_to(deep)  # a link to a folder is listed, not entered
    folders = []
    for _ in range(1000):
        deep = deep / "d"
        deep.mkdir()
        folders.append(deep)
    (deep / "a.txt").write_text(SEED)
    try:
        result = CliRunner().invoke(app, ["report", str(tmp_path / "arts"), "-f", "json"])
    finally:  # from the deepest up: shutil.rmtree itself recurses too deep for this
        (deep / "a.txt").unlink()
        for folder in reversed(folders):
            folder.rmdir()
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["articles"]) == 1


def test_update_baseline_onto_an_input_article_is_refused(tmp_path: Path) -> None:
    # issue 23: --output refused this, --update-baseline overwrote the article
    arts = _corpus(tmp_path)
    before = (arts / "a.txt").read_text()
    result = CliRunner().invoke(
        app, ["report", str(arts), "--baseline", str(arts / "a.txt"), "--update-baseline"]
    )
    assert result.exit_code == 2, result.output
    assert "--baseline" in result.output and "one of the input articles" in result.output
    assert (arts / "a.txt").read_text() == before


def test_update_baseline_onto_a_link_writes_through(tmp_path: Path) -> None:
    arts = _corpus(tmp_path)
    real, link = tmp_path / "real.json", tmp_path / "link.json"
    real.write_text("{}")
    link.symlink_to(real)
    args = ["report", str(arts), "--baseline", str(link), "--update-baseline", "--no-progress"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and json.loads(real.read_text())


@pytest.mark.parametrize("option", ["-o", "--baseline"])
def test_a_named_pipe_or_a_device_is_written_into_not_replaced(tmp_path: Path, option: str) -> None:
    # issue 23: the output replaced a pipe (or, as root, /dev/null) with a regular file
    arts = _corpus(tmp_path)
    extra = ["--update-baseline"] if option == "--baseline" else ["-f", "json"]
    result = CliRunner().invoke(
        app, ["report", str(arts), option, os.devnull, *extra, "--no-progress"]
    )
    assert result.exit_code == 0, result.output
    assert Path(os.devnull).is_char_device()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    result = CliRunner().invoke(app, ["report", str(arts), option, str(fifo), *extra])
    reader.join(timeout=60)
    assert result.exit_code == 0, result.output
    assert fifo.is_fifo() and json.loads(got[0])


def test_an_output_onto_a_socket_is_refused(tmp_path: Path) -> None:
    arts = _corpus(tmp_path)
    sock = socket.socket(socket.AF_UNIX)
    path = tmp_path / "s.sock"
    sock.bind(str(path))
    try:
        result = CliRunner().invoke(app, ["report", str(arts), "-o", str(path)])
    finally:
        sock.close()
    assert result.exit_code == 2 and "not a file" in result.output
    assert path.is_socket()


def test_an_output_link_is_written_through(tmp_path: Path) -> None:
    arts = _corpus(tmp_path)
    real, link = tmp_path / "real.json", tmp_path / "link.json"
    real.write_text("{}")
    link.symlink_to(real)
    result = CliRunner().invoke(
        app, ["report", str(arts), "-f", "json", "-o", str(link), "--no-progress"]
    )
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and "findings" in json.loads(real.read_text())


@pytest.mark.parametrize("command", ["index", "check"])
def test_a_store_that_is_a_file_is_refused(tmp_path: Path, command: str) -> None:
    (tmp_path / "store").write_text("not a folder")
    (tmp_path / "a.txt").write_text(SEED)
    result = CliRunner().invoke(
        app, [command, str(tmp_path / "a.txt"), "--store", str(tmp_path / "store")]
    )
    assert result.exit_code == 2, result.output
    assert "is a file, not a store folder" in result.output
    assert "Traceback" not in result.output


def test_stray_end_tags_do_not_hide_the_text(tmp_path: Path) -> None:
    # Thousands of unclosed <b> and stray </i>: the reader keeps its place.
    page = tmp_path / "stray.html"
    n = 5000
    page.write_text(
        "<html><body>" + "<b>" * n + "</i>" * n + "<p>Labour lost 275 seats.</p>"
        "<div>Corbyn said: “We will fight on.”</i></div></body></html>"
    )
    (article,) = load([page]).articles
    assert "Labour lost 275 seats." in article.text
    assert "Corbyn said: “We will fight on.”" in article.text


@pytest.mark.parametrize(
    ("shape", "text"),
    [
        ("one quote repeated on one line (96 KB)", '"Yes," he said. ' * 6000),
        (
            "names and pronoun quotes (150 KB)",
            " ".join(f"Ann K{i:05d} met Bob L{i:05d}. “Yes,” he said." for i in range(3000)),
        ),
        (
            "pronoun quotes after names of the other gender (370 KB)",
            " ".join(f"Ms Ann K{i:05d} arrived. “Yes,” he said." for i in range(10000)),
        ),
        (
            "nominal attributions (170 KB)",
            " ".join(
                f"Ann K{i:05d}, a spokesman, spoke. “Yes,” the spokesman said." for i in range(3000)
            ),
        ),
    ],
)
def test_texts_of_many_quotes_are_read_in_linear_time(shape: str, text: str) -> None:
    # Each took minutes when every quote searched the text before it (issue 16); now
    # about a second. A hang guard, not a speed target (benchmarks/hostile.py is).
    from crosscheck.engine import extract_one
    from crosscheck.model import Article

    began = time.perf_counter()
    quotes = [c for c in extract_one(Article("a", "A", text)).claims if c.quote]
    assert time.perf_counter() - began < 30, shape
    assert len(quotes) >= 3000


def test_a_run_of_initials_is_split_in_linear_time() -> None:
    # "A. A. A. …": every full stop follows an initial, so none ends a sentence, and
    # each used to search the whole sentence so far for the word before it (90 KB took
    # about two minutes). A hang guard, not a speed target.
    from crosscheck.segment import split_sentences

    text = "A. " * 30_000
    began = time.perf_counter()
    spans = list(split_sentences(text))
    assert time.perf_counter() - began < 30
    assert spans == [(0, len(text) - 1)]


def test_a_speaker_quoted_thousands_of_times_in_two_outlets_is_paired_linearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every quote of one speaker used to be compared with every quote of the same
    # speaker in the other outlet: 7,700 x 3,800 quotes took 2.2 GB at 200 KB, growing
    # with the square. Each quote now meets its k most similar ones.
    from crosscheck import compare, config
    from crosscheck.pipeline import build_report

    a = '"We will rebuild the bridge by {n} May," Mr Aa Bb said. '
    b = 'Mr Aa Bb told reporters: "The crossing opens again on {n} June." '
    (tmp_path / "a.txt").write_text("".join(a.format(n=i % 28 + 1) for i in range(1000)))
    (tmp_path / "b.txt").write_text("".join(b.format(n=i % 28 + 1) for i in range(1000)))
    compared = []
    compare_quotes = compare.compare_quotes

    def counted(*args: Any) -> Any:
        compared.append(1)
        return compare_quotes(*args)

    monkeypatch.setattr(compare, "compare_quotes", counted)
    report = build_report([tmp_path], model="static", progress=False)
    assert {a.id for a in report.articles} == {"a", "b"}
    assert 0 < len(compared) <= 2 * 2000 * config.STATIC_NEIGHBOURS  # not 1,000,000


def test_a_copy_of_one_sentence_repeated_is_aligned_in_linear_time() -> None:
    # difflib's exact matching of two lists of one repeated sentence reads each against
    # each (8,000 x 4,000 sentences: about 7 s, the square of the length).
    from crosscheck.copies import compare_copy
    from crosscheck.model import Article

    text = '"He said," Mr Aa Bb said. ' * 8000
    original, copy = Article("a", "A", text), Article("b", "B", text[: len(text) // 2])
    began = time.perf_counter()
    assert compare_copy(original, copy) == []
    assert time.perf_counter() - began < 30


def test_a_story_copied_by_thousands_of_outlets_is_found_in_linear_time() -> None:
    # Every pair of articles that share an indexed hash used to be listed before any was
    # compared: 20,000 copies of one wire story took 93 s and 8.7 GB. The original now
    # claims its copies, which leave the lists. A hang guard, not a speed target.
    from crosscheck.model import Article
    from crosscheck.pipeline import find_syndicated

    text = "Labour lost 275 seats in the local elections, the party said on Friday."
    articles = [Article(f"r{i:05d}", f"Outlet {i}", text) for i in range(10_000)]
    began = time.perf_counter()
    found = find_syndicated(articles)
    assert time.perf_counter() - began < 30
    assert found == [(f"r{i:05d}", "r00000") for i in range(1, 10_000)]
