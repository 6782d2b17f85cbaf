"""--engine ray: the same corpus, extractions, vectors, findings and store as the local
engine, on a local Ray started once for this module."""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from crosscheck import engine as engine_mod
from crosscheck.cli import app
from crosscheck.embed import Embedder
from crosscheck.engine import LOCAL
from crosscheck.errors import UsageError
from crosscheck.pipeline import build_report, check
from crosscheck.report import Format, render, render_check
from crosscheck.store import DB_NAME, Store

from .conftest import require_shared
from .test_hostile import _hostile

runner = CliRunner()


def require_ray() -> None:
    """Skips the test when Ray is not installed, except under CI (``CI=true``), where
    that is a failure: the dev extra installs it."""
    if importlib.util.find_spec("ray") is None:
        reason = "ray is not installed: pip install 'crosscheck[ray]' (the dev extra has it)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " (CI=true: this must not be skipped)")
        pytest.skip(reason)


@pytest.fixture(scope="module")
def ray_engine() -> Iterator[Any]:
    require_ray()
    import ray

    from crosscheck.ray_engine import RayEngine

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        yield RayEngine()
    finally:
        ray.shutdown()


@pytest.fixture(scope="module")
def seeds() -> list[Path]:
    return sorted(require_shared("corpus", "seeds").glob("*.txt"))


def test_help_does_not_import_ray() -> None:
    code = (
        "import sys; from crosscheck.cli import app; import crosscheck.engine; "
        "print('ray' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("argv", [["report"], ["index", "--store", "s"]])
def test_without_ray_the_engine_is_a_usage_error(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` raises ImportError
    monkeypatch.delitem(sys.modules, "crosscheck.ray_engine", raising=False)
    with pytest.raises(UsageError, match=r"pip install 'crosscheck\[ray\]'"):
        engine_mod.get("ray")
    (tmp_path / "a.txt").write_text("Labour lost 275 seats.")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, [*argv, "a.txt", "--engine", "ray", "--no-progress"])
    assert result.exit_code == 2 and "pip install 'crosscheck[ray]'" in result.output
    assert "Traceback" not in result.output


def test_an_unknown_engine_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="local, ray"):
        engine_mod.get("spark")


@pytest.mark.parametrize("value", ["0", "two", "-1"])
def test_a_bad_actor_count_is_a_usage_error(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    require_ray()
    from crosscheck.ray_engine import ACTORS_ENV, _env_actors

    monkeypatch.setenv(ACTORS_ENV, value)
    with pytest.raises(UsageError, match=ACTORS_ENV):
        _env_actors()


@pytest.mark.parametrize(
    ("texts", "size", "groups"),
    [(["a", "ccc", "bb", "dddd", "e"], 2, [[3, 1], [2, 0], [4]]), ([], 64, [[]])],
)
def test_texts_are_grouped_longest_first(
    texts: list[str], size: int, groups: list[list[int]]
) -> None:
    require_ray()
    from crosscheck.ray_engine import _groups

    assert _groups(texts, size) == groups


@pytest.mark.parametrize("relative", [True, False])
def test_load_equals_local_with_bad_files(
    ray_engine: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    relative: bool,
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    skipped = _hostile(folder)
    (folder / "one.json").write_text(json.dumps({"id": "bom", "text": "Labour lost 275 seats."}))
    monkeypatch.chdir(tmp_path)  # the workers read "corpus/..." from the driver's directory
    paths = ["corpus"] if relative else [str(folder)]
    caplog.set_level(logging.INFO, logger="crosscheck")

    def logged() -> list[str]:
        return [r.getMessage() for r in caplog.records if r.name.startswith("crosscheck")]

    local = LOCAL.load(paths)
    local_log = logged()
    caplog.clear()
    remote = ray_engine.load(paths)
    assert remote == local
    assert logged() == local_log and local_log
    assert len(local.warnings) >= len(skipped) + 1  # every bad file, and the renamed id
    assert any("renamed to 'bom~2'" in w for w in remote.warnings)


def test_extract_and_encode_equal_local(
    ray_engine: Any, seeds: list[Path], embedder: Embedder
) -> None:
    articles = LOCAL.load(seeds).articles
    extractions = ray_engine.extract(articles)
    assert extractions == LOCAL.extract(articles)
    texts = sorted({c.text for x in extractions for c in x.claims})
    vectors = ray_engine.encode(Embedder(embedder.name), texts, False)
    assert vectors.dtype == np.float32 and vectors.flags.c_contiguous
    assert vectors.tobytes() == embedder.encode(texts).tobytes()  # bit for bit
    assert ray_engine.encode(embedder, [], False).shape == (0, embedder.dim)
    assert ray_engine.extract([]) == []


def test_seed_findings_are_byte_identical(
    ray_engine: Any, seeds: list[Path], embedder: Embedder
) -> None:
    local = render(build_report(seeds, embedder=embedder), Format.JSON)
    remote = render(build_report(seeds, embedder=embedder, engine=ray_engine), Format.JSON)
    assert json.loads(remote)["findings"]
    assert remote == local


def _tables(store: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(store / DB_NAME)
    try:
        names = ["meta", "articles", "sentences", "claims", "units", "vectors"]
        return {n: conn.execute(f"SELECT * FROM {n} ORDER BY 1, 2").fetchall() for n in names}
    finally:
        conn.close()


def test_the_store_built_on_ray_is_the_local_store(
    ray_engine: Any, seeds: list[Path], embedder: Embedder, tmp_path: Path
) -> None:
    draft, stored = seeds[0], seeds[1:]
    for name, runner_engine in (("local", LOCAL), ("ray", ray_engine)):
        with Store.open(tmp_path / name, create=True) as st:
            st.update(runner_engine.load(stored).articles, embedder, engine=runner_engine)
    assert _tables(tmp_path / "ray") == _tables(tmp_path / "local")
    for index in sorted((tmp_path / "local").glob("*.faiss")):
        assert (tmp_path / "ray" / index.name).read_bytes() == index.read_bytes()
    checked = []
    for name in ("local", "ray"):
        with Store.open(tmp_path / name) as st:
            results, warnings = check([draft], st, embedder)
            checked.append(render_check(results, Format.JSON, embedder.name, warnings))
    assert checked[0] == checked[1]


def test_cli_report_on_ray_prints_the_same_json_and_nothing_else(
    seeds: list[Path], embedder: Embedder
) -> None:
    require_ray()
    # Its own process: the CLI starts (and quietens) a private Ray of its own.
    local = render(build_report(seeds, embedder=embedder), Format.JSON)
    cli_args = [*map(str, seeds), "--format", "json", "--engine", "ray"]
    out = subprocess.run(
        [sys.executable, "-c", "from crosscheck.cli import app; app()", "report", *cli_args],
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "RAY_ADDRESS"},
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout == local
    assert out.stderr == ""
