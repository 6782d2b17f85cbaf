"""The fast tier: ``Embedder("static")``, distilled from the packaged MiniLM weights once
per test session into a throwaway cache, so that a fresh machine (CI) distils here."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from crosscheck import config, static
from crosscheck.cli import app
from crosscheck.config import STATIC_MODEL, STATIC_PCA_DIMS, Thresholds
from crosscheck.embed import Embedder
from crosscheck.errors import ModelError

from .test_sample_corpus import (
    ARTICLES,
    PLANTED,
    TRAPS,
    Sample,
    flagged,
    item_id,
    reported,
    sample_report,
)

TEXTS = [
    "The earthquake killed 12 people in northern Chile on Tuesday.",
    "Twelve people died when an earthquake struck northern Chile.",
    "The central bank raised interest rates by half a point.",
]


@pytest.fixture(scope="session")
def static_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """``$CROSSCHECK_CACHE`` for the session: an empty folder, filled by the first load."""
    root = tmp_path_factory.mktemp("crosscheck-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CROSSCHECK_CACHE", str(root))
        yield root


@pytest.fixture(scope="session")
def static_embedder(static_cache: Path) -> Embedder:
    model = Embedder(STATIC_MODEL)
    model.encode(["warm up"])  # distils into static_cache
    return model


def test_static_rows_are_float32_and_unit_length(static_embedder: Embedder) -> None:
    vectors = static_embedder.encode(TEXTS)
    assert vectors.dtype == np.float32 and vectors.shape == (3, STATIC_PCA_DIMS)
    assert static_embedder.dim == STATIC_PCA_DIMS
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors.flags["C_CONTIGUOUS"]


def test_related_sentences_score_higher_than_unrelated(static_embedder: Embedder) -> None:
    a, b, c = static_embedder.encode(TEXTS)
    assert float(a @ b) > float(a @ c) + 0.2


@pytest.mark.parametrize("texts", [[], ["🙂"]], ids=["none", "no-known-word-piece"])
def test_static_edge_inputs(static_embedder: Embedder, texts: list[str]) -> None:
    """No text: an empty (0, dim) array. No known word piece: a zero row, which pairs
    with nothing (every threshold is above 0)."""
    vectors = static_embedder.encode(texts)
    assert vectors.shape == (len(texts), STATIC_PCA_DIMS) and not vectors.any()


def test_static_vectors_are_deterministic(static_embedder: Embedder) -> None:
    """The same texts give the same bits: twice in one model, and from a second model
    read back from the cache."""
    first = static_embedder.encode(TEXTS)
    np.testing.assert_array_equal(first, static_embedder.encode(TEXTS))
    np.testing.assert_array_equal(first, Embedder(STATIC_MODEL).encode(TEXTS))
    # A text's vector does not depend on the batch it comes in.
    np.testing.assert_array_equal(first[1:2], static_embedder.encode(TEXTS[1:2]))


def test_the_cache_is_reused(
    static_embedder: Embedder, static_cache: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = static.model_dir()
    assert folder.parent == static_cache and folder.is_dir()
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    with caplog.at_level(logging.INFO, logger="crosscheck.static"):
        Embedder(STATIC_MODEL).encode(TEXTS)
    messages = [r.getMessage() for r in caplog.records]
    assert not any("distilling" in m for m in messages)
    assert any("loaded the static model" in m for m in messages)
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == before
    # The rename left nothing half-written beside it.
    assert [p.name for p in static_cache.iterdir()] == [folder.name]


def test_encoding_with_a_distilled_model_needs_no_torch(static_cache: Path) -> None:
    """Once distilled, static vectors are numpy work: a fresh process that encodes with
    them never imports torch or sentence-transformers (a cold report in about 2 s)."""
    code = (
        "import sys; from crosscheck.embed import Embedder; "
        "Embedder('static').encode(['x']); "
        "print(sorted({'torch', 'sentence_transformers'} & set(sys.modules)))"
    )
    env = os.environ | {"CROSSCHECK_CACHE": str(static_cache)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        (config.DEFAULT_MODEL, Thresholds()),
        (
            STATIC_MODEL,
            Thresholds(
                neighbours=config.STATIC_NEIGHBOURS,
                sentence_pair_min=config.STATIC_SENTENCE_PAIR_MIN,
                quantity_pair_min=config.STATIC_QUANTITY_PAIR_MIN,
            ),
        ),
    ],
)
def test_each_model_has_its_thresholds(model: str, expected: Thresholds) -> None:
    """Without loading the model. MiniLM's are config.py's."""
    assert Embedder(model).thresholds == expected
    assert Thresholds().sentence_pair_min == config.SENTENCE_PAIR_MIN


def test_the_recipe_names_what_the_vectors_depend_on() -> None:
    name = static.recipe()
    assert "model2vec0.10" in name and f"pca{STATIC_PCA_DIMS}" in name and "sif" in name


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"CROSSCHECK_CACHE": "/c", "XDG_CACHE_HOME": "/x"}, "/c"),
        ({"XDG_CACHE_HOME": "/x"}, "/x/crosscheck"),
        ({"HOME": "/h"}, "/h/.cache/crosscheck"),
    ],
)
def test_cache_root(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: str) -> None:
    for name in ("CROSSCHECK_CACHE", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert static.cache_root() == Path(expected)


@pytest.mark.parametrize("damage", ["garbage", "empty"])
def test_a_damaged_cache_is_a_model_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    monkeypatch.setenv("CROSSCHECK_CACHE", str(tmp_path))
    folder = static.model_dir()
    folder.mkdir()
    if damage == "garbage":
        (folder / "model.safetensors").write_bytes(b"not a model")
        (folder / "tokenizer.json").write_text("{", "utf-8")
        (folder / "config.json").write_text("{}", "utf-8")
    with pytest.raises(ModelError, match=r"cannot be read.*delete that folder"):
        Embedder(STATIC_MODEL).encode(TEXTS)


def test_an_unwritable_cache_is_a_model_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", "utf-8")
    monkeypatch.setenv("CROSSCHECK_CACHE", str(blocker / "cache"))
    with pytest.raises(ModelError, match="CROSSCHECK_CACHE"):
        Embedder(STATIC_MODEL).encode(TEXTS)


def test_without_model2vec_it_is_a_model_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CROSSCHECK_CACHE", str(tmp_path))
    for name in [m for m in sys.modules if m == "model2vec" or m.startswith("model2vec.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "model2vec", None)  # import model2vec → ImportError
    with pytest.raises(ModelError, match="model2vec"):
        Embedder(STATIC_MODEL).encode(TEXTS)


class _FakeStatic:
    """What ``model2vec.distill.distill`` returns, as far as :func:`static.distil` uses it."""

    def __init__(self, payload: str):
        self.payload = payload

    def save_pretrained(self, path: Path) -> None:
        (Path(path) / "model.safetensors").write_text(self.payload, "utf-8")


@pytest.mark.parametrize("outcome", ["lost-race", "fails"])
def test_distil_leaves_no_partial_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, outcome: str
) -> None:
    """Another process renames its copy into place while this one distils: that copy is
    kept. A failed distillation is a ModelError. Either way no temporary folder is left."""
    import model2vec.distill

    target = tmp_path / static.recipe()

    def fake_distill(*args: Any, **kwargs: Any) -> _FakeStatic:
        if outcome == "fails":
            raise RuntimeError("out of memory")
        target.mkdir()
        (target / "model.safetensors").write_text("winner", "utf-8")
        return _FakeStatic("loser")

    monkeypatch.setattr(model2vec.distill, "distill", fake_distill)
    if outcome == "fails":
        with pytest.raises(ModelError, match=r"cannot distil the static model.*out of memory"):
            static.distil(target)
        assert list(tmp_path.iterdir()) == []
    else:
        static.distil(target)
        assert (target / "model.safetensors").read_text("utf-8") == "winner"
        assert [p.name for p in tmp_path.iterdir()] == [target.name]


# --- the sample corpus ------------------------------------------------------------------


@pytest.fixture(scope="module")
def static_sample(static_embedder: Embedder) -> Sample:
    return sample_report(static_embedder)


# Static vectors weigh rare words most: two hospital names ("Castlegate", "Elmsworth
# General") outweigh the rest of two otherwise identical sentences (cosine 0.685; MiniLM
# 0.818), below the near-paraphrase similarity the name rule needs.
STATIC_MISSES = {"name:fire-daily-courier~fire-pennine-observer"}


@pytest.mark.parametrize(
    "item",
    [
        pytest.param(
            b,
            marks=pytest.mark.xfail(strict=True, reason="a known miss of static vectors")
            if item_id(b) in STATIC_MISSES
            else (),
        )
        for b in PLANTED
    ],
    ids=[item_id(b) for b in PLANTED],
)
def test_static_reports_planted_item(static_sample: Sample, item: tuple[str, ...]) -> None:
    """24 of the 25 planted findings (MiniLM: 25)."""
    assert reported(static_sample, item), f"not reported: {item[5]}"


@pytest.mark.parametrize("item", TRAPS, ids=[item_id(b) for b in TRAPS])
def test_static_reports_no_trap(static_sample: Sample, item: tuple[str, ...]) -> None:
    assert not flagged(static_sample, item), item[5]


def test_cli_report_with_model_static(static_embedder: Embedder, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    args = ["report", str(ARTICLES), "--model", "static", "-f", "json", "-o", str(out)]
    result = CliRunner().invoke(app, [*args, "--no-progress"])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text("utf-8"))
    assert data["model"] == STATIC_MODEL and data["findings"]
