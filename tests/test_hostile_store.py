"""Hostile conditions around the store and the process (issue 16): a store that cannot
be written, a full disk, damaged store contents, and errors nobody foresaw. Each ends
in a message that names the store and the problem, and an exit code that means what
the README says: never a traceback, never 1 (which ``check`` users read as "conflict
found"), and the store keeps what it held."""

from __future__ import annotations

import errno
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crosscheck import cli, pipeline, store
from crosscheck.cli import EXIT_ERROR, app
from crosscheck.store import DB_NAME, Store

A = "Labour lost 275 seats, and Corbyn said: “We will fight on.”\n"
B = "Labour lost 382 seats, and Corbyn said: “We will fight on.”\n"


def _indexed(tmp_path: Path) -> tuple[Path, Path]:
    """A store holding one article, and a second article to add or check."""
    (tmp_path / "a.txt").write_text(A)
    (tmp_path / "b.txt").write_text(B)
    st = tmp_path / "store"
    result = CliRunner().invoke(app, ["index", str(tmp_path / "a.txt"), "-s", str(st)])
    assert result.exit_code == 0, result.output
    return st, tmp_path / "b.txt"


def _stored(st: Path) -> list[str]:
    with Store.open(st) as s:
        return s.article_ids()


def _clean(result: object) -> None:
    """No traceback reached the user: the command ended by its own exit code."""
    exc = getattr(result, "exception", None)
    assert exc is None or isinstance(exc, SystemExit), repr(exc)
    assert "Traceback" not in getattr(result, "output", "")


def _raise(exc: BaseException) -> Callable[..., None]:
    def fail(*args: object, **kwargs: object) -> None:
        raise exc

    return fail


WRITE_FAILURES = {
    "read-only database": (
        sqlite3.OperationalError("attempt to write a readonly database"),
        "read-only",
    ),
    "read-only folder": (PermissionError(errno.EACCES, "Permission denied"), "read-only"),
    "disk full in the database": (
        sqlite3.OperationalError("database or disk is full"),
        "no space",
    ),
    "disk full in the index files": (
        OSError(errno.ENOSPC, "No space left on device"),
        "no space",
    ),
}


@pytest.mark.parametrize("rebuild", [False, True], ids=["update", "rebuild"])
@pytest.mark.parametrize("case", sorted(WRITE_FAILURES))
def test_a_store_that_cannot_be_written_is_told_and_left_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str, rebuild: bool
) -> None:
    # --rebuild too (issue 23): the old store was deleted first, "it is unchanged" was
    # said, and 0 articles were left once space was freed
    st, new = _indexed(tmp_path)
    exc, told = WRITE_FAILURES[case]
    target = "_write_indexes" if "index files" in case else "_insert"
    monkeypatch.setattr(Store, target, _raise(exc))
    args = ["index", str(new), "-s", str(st), "--no-progress"] + (["--rebuild"] if rebuild else [])
    result = CliRunner().invoke(app, args)
    _clean(result)
    assert result.exit_code == EXIT_ERROR, result.output
    assert str(st) in result.output and told in result.output
    assert "unchanged" in result.output
    assert "--rebuild" not in result.output  # the advice that would destroy a good store
    monkeypatch.undo()
    assert _stored(st) == ["a"]
    assert not (st / store.REBUILD_DIR).exists()
    with Store.open(st) as s:
        assert s.index("sentences").ntotal == 1
    # written again once the cause is gone, the same command does its work
    assert CliRunner().invoke(app, args).exit_code == 0
    assert _stored(st) == (["b"] if rebuild else ["a", "b"])


def test_a_full_disk_while_writing_an_index_file_leaves_no_stray_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    st, new = _indexed(tmp_path)
    import faiss

    def half_written(idx: object, path: str) -> None:
        Path(path).write_bytes(b"partial")
        raise RuntimeError("Error in faiss::FileIOWriter: write error: No space left on device")

    monkeypatch.setattr(faiss, "write_index", half_written)
    result = CliRunner().invoke(app, ["index", str(new), "-s", str(st), "--no-progress"])
    _clean(result)
    assert result.exit_code == EXIT_ERROR and "unchanged" in result.output
    assert not list(st.glob("*.tmp"))
    monkeypatch.undo()
    assert _stored(st) == ["a"]
    with Store.open(st) as s:
        assert s.index("sentences").ntotal == 1


def test_a_rebuild_replaces_the_store_and_what_an_interrupted_one_left(tmp_path: Path) -> None:
    st, new = _indexed(tmp_path)
    left = st / store.REBUILD_DIR
    left.mkdir()
    (left / store.DB_NAME).write_bytes(b"half a database")
    (st / f"{store.DB_NAME}-journal").write_bytes(b"a journal of the old store")
    result = CliRunner().invoke(
        app, ["index", str(new), "-s", str(st), "--rebuild", "--no-progress"]
    )
    assert result.exit_code == 0, result.output
    assert _stored(st) == ["b"]
    assert sorted(p.name for p in st.iterdir() if not p.name.startswith(".")) == [
        "crosscheck.sqlite",
        "quotes-1.faiss",
        "sentences-1.faiss",
    ]
    with Store.open(st) as s:
        assert s.index("sentences").ntotal == 1


def test_check_add_of_a_draft_named_like_a_stored_article_keeps_both(tmp_path: Path) -> None:
    # issue 23: ids are file stems; the draft silently replaced the stored article (and
    # was never compared with it)
    wire, desk = tmp_path / "wire", tmp_path / "desk"
    wire.mkdir()
    desk.mkdir()
    (wire / "report.md").write_text("---\noutlet: Wire\n---\n" + A)
    (desk / "report.md").write_text("---\noutlet: Desk\n---\n" + B)
    st = tmp_path / "store"
    runner = CliRunner()
    assert runner.invoke(app, ["index", str(wire), "-s", str(st), "--no-progress"]).exit_code == 0
    result = runner.invoke(app, ["check", str(desk / "report.md"), "-s", str(st), "--add"])
    _clean(result)
    assert "already stored from" in result.output and "'report~2'" in result.output
    assert "275" in result.output and "382" in result.output  # compared with the stored one
    assert result.exit_code == 1, result.output
    with Store.open(st) as s:
        assert s.article_ids() == ["report", "report~2"]
        assert s.articles(["report"])[0].outlet == "Wire"
    # the same draft, edited and added again, updates its own entry
    (desk / "report.md").write_text("---\noutlet: Desk\n---\n" + B + "More.\n")
    again = runner.invoke(app, ["check", str(desk / "report.md"), "-s", str(st), "--add"])
    _clean(again)
    with Store.open(st) as s:
        assert s.article_ids() == ["report", "report~2"]
        assert s.articles(["report~2"])[0].text.endswith("More.\n")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through file modes")
def test_a_really_read_only_store(tmp_path: Path) -> None:
    st, new = _indexed(tmp_path)
    for f in [st, *st.iterdir()]:
        f.chmod(0o555 if f.is_dir() else 0o444)
    try:
        result = CliRunner().invoke(app, ["index", str(new), "-s", str(st), "--no-progress"])
        _clean(result)
        assert result.exit_code == EXIT_ERROR and "read-only" in result.output
    finally:
        for f in [st, *st.iterdir()]:
            f.chmod(0o755 if f.is_dir() else 0o644)
    assert _stored(st) == ["a"]


def test_check_add_on_a_store_that_cannot_be_written_still_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    st, new = _indexed(tmp_path)
    monkeypatch.setattr(
        Store, "_insert", _raise(sqlite3.OperationalError("attempt to write a readonly database"))
    )
    result = CliRunner().invoke(app, ["check", str(new), "-s", str(st), "--add", "-f", "json"])
    _clean(result)
    assert result.exit_code == EXIT_ERROR
    assert '"conflicts"' in result.stdout  # the check's result is not lost
    assert "read-only" in result.stderr


def test_a_store_another_program_holds_is_not_called_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # issue 23: `check` while `index` held the write lock said "damaged …; rebuild it"
    st, new = _indexed(tmp_path)
    monkeypatch.setattr(store, "_select_in", _raise(sqlite3.OperationalError("database is locked")))
    result = CliRunner().invoke(app, ["check", str(new), "-s", str(st)])
    _clean(result)
    assert result.exit_code == EXIT_ERROR
    assert "held by another program" in result.output and "not damaged" in result.output
    assert "--rebuild" not in result.output


def test_a_draft_with_a_lone_surrogate_is_checked_and_the_store_is_not_called_damaged(
    tmp_path: Path,
) -> None:
    # issue 23: a JSON "\ud800" reached SQLite and the intact store was called damaged
    st, _ = _indexed(tmp_path)
    draft = tmp_path / "draft.json"
    draft.write_text('{"outlet": "Desk", "text": "Labour lost 382 seats \\ud800 on Friday."}')
    result = CliRunner().invoke(app, ["check", str(draft), "-s", str(st), "-f", "json"])
    _clean(result)
    assert result.exit_code == 1, result.output  # the 275 / 382 conflict
    assert "damaged" not in result.output and "\ufffd" in result.stdout


@pytest.mark.parametrize(
    ("key", "value", "told"),
    [("extraction_version", "99", "newer crosscheck"), ("schema_version", "9", "newer crosscheck")],
)
def test_a_store_of_a_newer_crosscheck_is_not_called_older(
    tmp_path: Path, key: str, value: str, told: str
) -> None:
    st, new = _indexed(tmp_path)
    conn = sqlite3.connect(st / DB_NAME)
    with conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = ?", (value, key))
    conn.close()
    result = CliRunner().invoke(app, ["check", str(new), "-s", str(st)])
    _clean(result)
    assert result.exit_code == EXIT_ERROR and told in result.output, result.output
    assert "older" not in result.output and "--rebuild" not in result.output


@pytest.mark.parametrize("command", ["check", "index"])
def test_a_meta_whose_model_makes_other_vectors_is_damage_not_a_crash(
    tmp_path: Path, command: str
) -> None:
    # issue 23: model and version agreed with each other, not with the stored vectors'
    # dimension: exit 4 (numpy could not stack them)
    from crosscheck.embed import model_version

    st, new = _indexed(tmp_path)
    conn = sqlite3.connect(st / DB_NAME)
    with conn:
        conn.execute("UPDATE meta SET value = 'static' WHERE key = 'model'")
        conn.execute(
            "UPDATE meta SET value = ? WHERE key = 'model_version'", (model_version("static"),)
        )
    conn.close()
    args = [command, str(new), "-s", str(st)] + (["--no-progress"] if command == "index" else [])
    result = CliRunner().invoke(app, args)
    _clean(result)
    assert result.exit_code == EXIT_ERROR, result.output
    assert "its vectors have 384 values" in result.output and "--rebuild" in result.output


# Damage done to a store's contents behind crosscheck's back: (SQL, what it breaks).
DAMAGE = {
    "payload not JSON": "UPDATE claims SET payload = 'not json'",
    "payload without its fields": "UPDATE claims SET payload = '{}'",
    "unknown claim kind": "UPDATE claims SET kind = 'rumour'",
    "vector of the wrong length": "UPDATE vectors SET vector = x'00010203'",
    "vector that is text": "UPDATE vectors SET vector = 'abc'",
    "generation not a number": "UPDATE meta SET value = 'x' WHERE key = 'generation'",
    "negative generation": "UPDATE meta SET value = '-2' WHERE key = 'generation'",
    "dimension not a number": "UPDATE meta SET value = 'wide' WHERE key = 'dim'",
    "dimension zero": "UPDATE meta SET value = '0' WHERE key = 'dim'",
    "bad publication date": "UPDATE articles SET published = '2017-13-45'",
    "bad date in a claim": (
        "UPDATE claims SET payload = json_set(payload, '$.date.first', '2017-02-30') "
        "WHERE kind = 'date'"
    ),
}


@pytest.mark.parametrize("command", ["check", "index"])
@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_damaged_store_contents_are_a_store_error(tmp_path: Path, case: str, command: str) -> None:
    st, new = _indexed(tmp_path)
    (tmp_path / "a.txt").write_text(A + "Turnout was 35 per cent on 4 May 2017.\n")
    CliRunner().invoke(app, ["index", str(tmp_path / "a.txt"), "-s", str(st)])
    conn = sqlite3.connect(st / DB_NAME)
    conn.execute(DAMAGE[case])
    conn.commit()
    conn.close()
    for f in st.glob("*.faiss"):
        f.unlink()  # read the vectors again, as after a lost index file
    args = [command, str(new), "-s", str(st)] + (["--no-progress"] if command == "index" else [])
    result = CliRunner().invoke(app, args)
    _clean(result)
    if result.exit_code != 0:  # some damage is never read by this command
        assert result.exit_code == EXIT_ERROR, result.output
        assert str(st) in result.output and "damaged" in result.output
        assert "--rebuild" in result.output


def test_an_error_nobody_foresaw_is_exit_4_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(A)
    monkeypatch.setattr(pipeline, "build_report", _raise(ZeroDivisionError("division by zero")))
    monkeypatch.setattr(sys, "argv", ["crosscheck", "report", str(tmp_path), "--no-progress"])
    with pytest.raises(SystemExit) as exit_:
        cli.run()
    assert exit_.value.code == cli.EXIT_INTERNAL
    err = capsys.readouterr().err
    assert "internal error: ZeroDivisionError" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("exc", "code", "told"),
    [
        (KeyboardInterrupt(), cli.EXIT_INTERRUPTED, "interrupted"),
        (cli._Terminated(), cli.EXIT_TERMINATED, "terminated"),
    ],
)
def test_a_signal_is_told_and_has_its_own_exit_code(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    exc: BaseException,
    code: int,
    told: str,
) -> None:
    (tmp_path / "a.txt").write_text(A)
    monkeypatch.setattr(pipeline, "build_report", _raise(exc))
    monkeypatch.setattr(sys, "argv", ["crosscheck", "report", str(tmp_path), "--no-progress"])
    with pytest.raises(SystemExit) as exit_:
        cli.run()
    assert exit_.value.code == code
    assert told in capsys.readouterr().err


def test_a_bad_option_is_exit_2_through_the_entry_point(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["crosscheck", "report", "--format", "pdf"])
    with pytest.raises(SystemExit) as exit_:
        cli.run()
    assert exit_.value.code == EXIT_ERROR
    assert "pdf" in capsys.readouterr().err


def test_store_failure_tells_damage_from_a_disk_that_cannot_be_written(tmp_path: Path) -> None:
    full = store.failure(tmp_path, sqlite3.OperationalError("database or disk is full"))
    damaged = store.failure(tmp_path, sqlite3.DatabaseError("file is not a database"))
    assert "no space" in str(full) and "--rebuild" not in str(full)
    assert "damaged" in str(damaged) and "--rebuild" in str(damaged)


def test_a_reader_that_closes_the_pipe_ends_it_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # `crosscheck report | head -1`: no traceback, exit 141 (the shell's code for it)
    (tmp_path / "a.txt").write_text(A)
    monkeypatch.setattr(sys, "argv", ["crosscheck", "report", str(tmp_path), "--no-progress"])
    r, w = os.pipe()
    os.close(r)
    monkeypatch.setattr(sys, "stdout", os.fdopen(w, "w", encoding="utf-8"))
    with pytest.raises(SystemExit) as exit_:
        cli.run()
    assert exit_.value.code == cli.EXIT_PIPE
    assert "Traceback" not in capsys.readouterr().err


def test_a_reader_that_stops_after_a_line_of_a_long_report_gives_141() -> None:
    # issue 23: `report … | head -1` on a long report exited 0, the output cut: the
    # reader went away in the middle of one long write, which came back partial
    import subprocess

    code = (
        "import sys; from crosscheck import cli\n"
        "try:\n    cli._write('a line of the report\\n' * 200_000, None)\n"
        "except cli._ReaderGone:\n    sys.exit(141)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
    assert proc.stdout is not None
    assert proc.stdout.readline() == b"a line of the report\n"
    proc.stdout.close()  # what `head -1` does
    assert proc.wait(timeout=60) == cli.EXIT_PIPE


def test_sigterm_to_a_running_report_is_told_and_exits_143(tmp_path: Path) -> None:
    # A real process and a real signal, sent while the model loads or the report runs.
    import signal
    import subprocess
    import time

    for i in range(40):
        (tmp_path / f"a{i}.txt").write_text(A * 20)
    code = (
        "import sys; from crosscheck.cli import run; "
        f"sys.argv = ['crosscheck', 'report', {str(tmp_path)!r}, '--no-progress']; run()"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not _catches(proc.pid, signal.SIGTERM):
        time.sleep(0.05)  # until crosscheck has put its handler in place
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == cli.EXIT_TERMINATED, (proc.returncode, err[-500:])
    assert "crosscheck: terminated" in err and "Traceback" not in err


def _catches(pid: int, signum: int) -> bool:
    """Process ``pid`` has a handler for ``signum`` (Linux: SigCgt in /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigCgt:"):
            return bool(int(line.split()[1], 16) >> (signum - 1) & 1)
    return False
