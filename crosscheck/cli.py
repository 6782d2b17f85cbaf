"""The typer CLI: options in, one library call, text out. Printing and exit codes live
here only.

Exit codes: 0 success; 1 ``check`` found a conflict at or above ``--fail-on``, or
``report --baseline`` found a difference; 2 usage, input or store error (the message
says which file or store, and what to do); 3 success, but some input files were skipped
(each named in a warning on stderr); 4 an internal error (a bug: the message names it);
130 interrupted (Ctrl-C), 143 terminated (SIGTERM), 141 the reader of the output went
away (``| head``). No error ends in a traceback, and none in 1."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import signal
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer

from . import __version__, config
from .errors import CrosscheckError, UsageError
from .model import Severity
from .report import Format, safe_text

app = typer.Typer(
    help="Find where news outlets disagree about the same facts.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_SKIPPED, EXIT_INTERNAL = 0, 1, 2, 3, 4
EXIT_PIPE, EXIT_INTERRUPTED, EXIT_TERMINATED = 141, 130, 143


class _Terminated(Exception):
    """SIGTERM arrived: unwind (a store write rolls back), then exit 143."""


class _ReaderGone(Exception):
    """The reader of stdout closed it (``| head``)."""


def _terminate(signum: int, frame: object) -> None:
    raise _Terminated


def run() -> None:
    """The console entry point: the commands of ``app``, with every signal and every
    unexpected error turned into a message and an exit code of its own."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        code = app(prog_name="crosscheck", standalone_mode=False)
    except typer.Abort:  # end of input at a prompt
        code = EXIT_INTERRUPTED
    except _Terminated:
        typer.echo("crosscheck: terminated", err=True)
        sys.exit(EXIT_TERMINATED)
    except typer.TyperException as exc:  # a bad option or argument: its usage message
        show = getattr(exc, "show", None)
        if show:
            show()
        else:
            typer.echo(f"crosscheck: error: {safe_text(str(exc))}", err=True)
        sys.exit(EXIT_ERROR)
    except _ReaderGone:  # stop without a word; what is left to write goes nowhere
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_PIPE)
    except Exception as exc:
        _internal(exc)
    if code == EXIT_INTERRUPTED:  # typer's answer to Ctrl-C
        typer.echo("crosscheck: interrupted", err=True)
    sys.exit(code if isinstance(code, int) else EXIT_OK)


def _internal(exc: BaseException) -> None:
    typer.echo(
        f"crosscheck: internal error: {type(exc).__name__}: {safe_text(str(exc))}. This is "
        "a bug in crosscheck; please report it with the command that caused it.",
        err=True,
    )
    sys.exit(EXIT_INTERNAL)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"crosscheck {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress.")] = False,
) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(message)s")


def _fail(exc: CrosscheckError) -> typer.Exit:
    typer.echo(f"crosscheck: error: {_one_line(str(exc))}", err=True)
    return typer.Exit(EXIT_ERROR)


def _one_line(message: str) -> str:
    """A message as one line: its controls and line breaks written out (a file name
    with a newline forges no line of its own)."""
    from .ingest import one_line

    return safe_text(one_line(message))


def _warn(warnings: Sequence[str]) -> None:
    for warning in warnings:
        typer.echo(f"crosscheck: warning: {_one_line(warning)}", err=True)


def _destination(output: Path | None, inputs: list[Path], option: str = "--output") -> Path | None:
    """Where ``--output`` (or ``option``) writes, checked before any work is done: a file
    in a folder that exists, not a folder, not one of the input articles; through a link,
    the file it points to; a terminal, ``/dev/null`` or a named pipe written into, never
    replaced; no other device. Raises UsageError naming the problem."""
    from .ingest import walk

    if output is None:
        return None
    target = output.resolve() if output.is_symlink() else output
    if target.is_dir():
        raise UsageError(f"{option} {output}: is a folder; give a file name")
    if not target.parent.is_dir():
        raise UsageError(f"{option} {output}: the folder {target.parent} does not exist")
    if target.exists() and not (target.is_file() or _stream(target)):
        raise UsageError(f"{option} {output}: is a device or a socket, not a file")
    resolved = target.resolve()
    for p in inputs:
        files = walk(p) if p.is_dir() else [p]
        if any(f.resolve() == resolved for f in files):
            raise UsageError(f"{option} {output}: is one of the input articles; write elsewhere")
    return target


def _stream(path: Path) -> bool:
    """A character device (a terminal, ``/dev/null``) or a named pipe: written into."""
    return path.is_char_device() or path.is_fifo()


def _write(text: str, output: Path | None) -> None:
    if output is None:
        try:
            sys.stdout.flush()
            try:
                fd = sys.stdout.fileno()
            except (AttributeError, OSError, ValueError):  # not a file (a test's buffer)
                sys.stdout.write(text)
                sys.stdout.flush()
                return
            # os.write, not sys.stdout: a write the reader cuts short comes back partial,
            # and the rest must meet the closed pipe (``| head``: exit 141, not 0)
            data = memoryview(text.encode(sys.stdout.encoding or "utf-8", "replace"))
            while data:
                data = data[os.write(fd, data) :]
        except BrokenPipeError:
            raise _ReaderGone from None
        return
    if _stream(output):
        try:
            with open(output, "w", encoding="utf-8") as fh:
                fh.write(text)
        except OSError as exc:
            raise _fail(UsageError(f"{output}: cannot write it ({exc.strerror or exc})")) from None
        return
    tmp = output.with_name(output.name + ".tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(output)
    except OSError as exc:
        with contextlib.suppress(OSError):  # a read-only file system refuses this too
            tmp.unlink(missing_ok=True)
        raise _fail(
            UsageError(f"{output}: cannot write it ({exc.strerror or exc}); nothing was written")
        ) from None
    typer.echo(f"wrote {safe_text(str(output))}", err=True)


FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="table, markdown, json or html.")
]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
]
ProgressOption = Annotated[bool, typer.Option(help="Show a progress bar while embedding.")]
EngineOption = Annotated[
    str,
    typer.Option(
        help="Where reading, extraction and embedding run: local (this process) or ray "
        "(a Ray Data pipeline; a cluster when RAY_ADDRESS is set, see README)."
    ),
]
WindowOption = Annotated[
    int,
    typer.Option(
        "--window-days",
        min=0,
        max=(dt.date.max - dt.date.min).days,  # wider spans no two dates: say 0
        help="Pair claims only from articles published at most this many days apart "
        "(articles without a date pair with all); 0: no limit.",
    ),
]
StoreOption = Annotated[Path, typer.Option("--store", "-s", help="The corpus store directory.")]


@app.command()
def report(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Article files or folders (default: articles/)."),
    ] = None,
    fmt: FormatOption = Format.TABLE,
    output: OutputOption = None,
    model: Annotated[
        str,
        typer.Option(
            help="Embedding model: static (the fast tier, see README), a "
            "sentence-transformers path, or a cached name."
        ),
    ] = config.DEFAULT_MODEL,
    progress: ProgressOption = True,
    baseline: Annotated[
        Path | None,
        typer.Option(
            help="Compare the findings with this baseline: print the differences and exit 1 "
            "when any finding appeared, disappeared or changed. The report itself is "
            "written only with --output."
        ),
    ] = None,
    update_baseline: Annotated[
        bool, typer.Option(help="Write the findings to --baseline instead of comparing.")
    ] = False,
    engine: EngineOption = "local",
    window: WindowOption = config.PAIR_WINDOW_DAYS,
) -> None:
    """Report where the outlets in a corpus disagree, claim by claim.

    Example: crosscheck report articles/ --format json --output reports/sample.json
    """
    from . import baseline as baseline_mod
    from .engine import get
    from .pipeline import build_report
    from .report import render

    if update_baseline and baseline is None:
        raise _fail(UsageError("--update-baseline needs --baseline FILE"))
    try:
        output = _destination(output, paths or [Path("articles")])
        if update_baseline:
            baseline = _destination(baseline, paths or [Path("articles")], "--baseline")
        expected = baseline_mod.load(baseline) if baseline and not update_baseline else None
        result = build_report(
            paths or [Path("articles")],
            model=model,
            progress=progress,
            engine=get(engine),
            window=window or None,
        )
    except CrosscheckError as exc:
        raise _fail(exc) from None
    _warn(result.warnings)
    if baseline is None or output is not None:
        _write(render(result, fmt), output)
    if baseline is not None and update_baseline:
        _write(baseline_mod.to_text(result), baseline)
    elif baseline is not None:
        assert expected is not None
        difference = baseline_mod.diff(expected, result)
        _write(baseline_mod.render(difference, baseline), None)
        if not difference.clean:
            raise typer.Exit(EXIT_FINDINGS)
    if result.warnings:
        raise typer.Exit(EXIT_SKIPPED)


@app.command()
def index(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders to store.")],
    store: StoreOption,
    model: Annotated[
        str | None,
        typer.Option(help="Embedding model for a new store (default: all-MiniLM-L6-v2)."),
    ] = None,
    prune: Annotated[
        bool, typer.Option(help="Remove stored articles that are not among PATHS.")
    ] = False,
    rebuild: Annotated[
        bool, typer.Option(help="Start the store afresh (after damage, or to change model).")
    ] = False,
    progress: ProgressOption = True,
    engine: EngineOption = "local",
) -> None:
    """Build or update a corpus store: only new or changed articles are embedded.

    Example: crosscheck index articles/ --store .crosscheck
    """
    from . import store as store_mod
    from .embed import Embedder
    from .engine import get

    try:
        runner = get(engine)
        corpus = runner.load(paths)
        _warn(corpus.warnings)
        if prune and corpus.warnings:
            # An unreadable file is not a deleted one: pruning now would lose its article.
            typer.echo("crosscheck: warning: not pruning, since some files were skipped", err=True)
            prune = False
        if rebuild:
            stats = store_mod.rebuild(
                store, corpus.articles, model=model, progress=progress, engine=runner
            )
        else:
            with store_mod.Store.open(store, model=model, create=True) as st:
                stats = st.update(
                    corpus.articles,
                    Embedder(st.model),
                    prune=prune,
                    progress=progress,
                    engine=runner,
                )
    except sqlite3.DatabaseError as exc:
        raise _fail(store_mod.failure(store, exc)) from None
    except CrosscheckError as exc:
        raise _fail(exc) from None
    again = f", {stats.reextracted} extracted again" if stats.reextracted else ""
    typer.echo(
        f"{store}: {len(stats.added)} added, {len(stats.updated)} updated, {stats.unchanged} "
        f"unchanged{again}, {len(stats.removed)} removed; {stats.embedded} texts embedded"
    )
    if corpus.warnings:
        raise typer.Exit(EXIT_SKIPPED)


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="The article file(s) to check.")],
    store: StoreOption,
    fmt: FormatOption = Format.TABLE,
    output: OutputOption = None,
    fail_on: Annotated[
        Severity, typer.Option(help="Exit 1 when a conflict is at least this severe.")
    ] = Severity.LOW,
    add: Annotated[bool, typer.Option(help="Store the article(s) after checking.")] = False,
    window: WindowOption = config.PAIR_WINDOW_DAYS,
) -> None:
    """Check new articles against a stored corpus: conflicts, corroborations, new claims.

    Exit code 1 when a conflict at or above --fail-on is found, else 0.

    Example: crosscheck check draft.md --store .crosscheck --fail-on medium
    """
    from . import store as store_mod
    from .embed import Embedder
    from .pipeline import check as run_check
    from .report import render_check

    try:
        output = _destination(output, paths)
        with store_mod.Store.open(store) as st:
            embedder = Embedder(st.model)
            results, warnings = run_check(paths, st, embedder, window or None)
            _warn(warnings)
            # the report first: a store that cannot take the articles loses no result
            _write(render_check(results, fmt, embedder.name, warnings), output)
            if add:
                st.update([r.article for r in results], embedder)
    except sqlite3.DatabaseError as exc:
        raise _fail(store_mod.failure(store, exc)) from None
    except CrosscheckError as exc:
        raise _fail(exc) from None
    worst = [f.severity.rank for r in results for f in r.conflicts]
    if worst and max(worst) >= fail_on.rank:
        raise typer.Exit(EXIT_FINDINGS)
    if warnings:
        raise typer.Exit(EXIT_SKIPPED)
