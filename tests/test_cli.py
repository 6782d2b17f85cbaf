from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from crosscheck.cli import app

from .conftest import require_shared

runner = CliRunner()


def test_help_does_not_import_torch() -> None:
    code = "import sys; from crosscheck.cli import app; print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_report_help_ends_with_an_example() -> None:
    result = runner.invoke(app, ["report", "--help"])
    assert result.exit_code == 0 and "Example: crosscheck report" in result.output


def test_a_missing_path_exits_2_with_a_message(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "no such file or directory" in result.output
    assert "Traceback" not in result.output


def test_an_empty_folder_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(tmp_path)])
    assert result.exit_code == 2 and "no articles" in result.output


def test_report_json_to_a_file(tmp_path: Path) -> None:
    seeds = require_shared("corpus", "seeds")
    out = tmp_path / "r.json"
    files = [str(p) for p in sorted(seeds.glob("*.txt"))]
    result = runner.invoke(
        app, ["report", *files, "--format", "json", "--output", str(out), "--no-progress"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text("utf-8"))
    assert {f["kind"] for f in data["findings"]} >= {"quote_drift", "corroboration"}


def test_report_html_is_one_self_contained_page(tmp_path: Path) -> None:
    seeds = require_shared("corpus", "seeds")
    out = tmp_path / "r.html"
    files = [str(p) for p in sorted(seeds.glob("*.txt"))]
    result = runner.invoke(app, ["report", *files, "-f", "html", "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    page = out.read_text("utf-8")
    assert page.lstrip().lower().startswith("<!doctype html") and "quote drift" in page.lower()


def test_each_skipped_file_is_named_once_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Labour lost 275 seats in the council elections.\n")
    (tmp_path / "broken.json").write_text("{not json")
    crosscheck = Path(sys.executable).parent / "crosscheck"
    out = subprocess.run(
        [str(crosscheck), "report", str(tmp_path), "--no-progress"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 3, out.stderr  # a report, with inputs skipped
    assert out.stderr.count("broken.json") == 1, out.stderr
    assert "crosscheck: warning: skipped" in out.stderr
