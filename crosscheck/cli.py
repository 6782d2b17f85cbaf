"""The typer CLI: options in, one library call, text out. Printing and exit codes live
here only. Exit codes: 0 success, 2 usage or input error."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from . import __version__, config
from .errors import CrosscheckError
from .report import Format

app = typer.Typer(
    help="Find where news outlets disagree about the same facts.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


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
    typer.echo(f"crosscheck: error: {exc}", err=True)
    return typer.Exit(EXIT_ERROR)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    tmp = output.with_name(output.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(output)
    typer.echo(f"wrote {output}", err=True)


@app.command()
def report(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Article files or folders (default: articles/)."),
    ] = None,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="table, markdown or json.")
    ] = Format.TABLE,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    model: Annotated[
        str, typer.Option(help="sentence-transformers model: a path, or a cached name.")
    ] = config.DEFAULT_MODEL,
    progress: Annotated[bool, typer.Option(help="Show a progress bar while embedding.")] = True,
) -> None:
    """Report where the outlets in a corpus disagree, claim by claim.

    Example: crosscheck report articles/ --format json --output reports/sample.json
    """
    from .pipeline import build_report
    from .report import render

    try:
        result = build_report(paths or [Path("articles")], model=model, progress=progress)
    except CrosscheckError as exc:
        raise _fail(exc) from None
    for warning in result.warnings:
        typer.echo(f"crosscheck: warning: {warning}", err=True)
    _write(render(result, fmt), output)
