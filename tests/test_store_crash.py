"""kill -9 at several points of an index run, and two writers at once: the store always
opens afterwards, with the old content or the new, and a later run completes it.

Each run happens in a child process with a small deterministic embedder (the store's
own code paths, no model), which kills itself at the chosen point."""

from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from crosscheck import config
from crosscheck.model import Article
from crosscheck.pipeline import check_article
from crosscheck.store import Store

CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from crosscheck import store as store_mod, extract
    from crosscheck.model import Article
    from tests.test_store_crash import FakeEmbedder

    def die(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)

    path, point, first, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    articles = [
        Article(id=f"a{n}", outlet=f"outlet{n % 3}",
                text=f"Story {n} says {n * 100} people came. “We are here,” said Jo Bloggs.")
        for n in range(first, first + count)
    ]
    if point == "embed":
        FakeEmbedder.encode = die
    elif point == "insert":
        real, calls = extract.extract, []
        def extract_then_die(*a, **k):
            calls.append(1)
            if len(calls) == 2:
                die()
            return real(*a, **k)
        extract.extract = extract_then_die
    elif point == "before-commit":
        store_mod.Store._set_meta = die
    elif point == "after-commit":
        store_mod.Store._drop_generation = die
    with store_mod.Store.open(path, model="fake-model", create=True) as st:
        st.update(articles, FakeEmbedder())
    """
)


class FakeEmbedder:
    """A deterministic stand-in for the model: a text's vector is seeded by its hash."""

    name = "fake-model"
    thresholds = config.Thresholds()

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        rows = []
        for t in texts:
            seed = int(hashlib.sha1(t.encode()).hexdigest()[:8], 16)
            v = np.random.default_rng(seed).standard_normal(16).astype(np.float32)
            rows.append(v / np.linalg.norm(v))
        return np.stack(rows)


def _run(
    path: Path, point: str, first: int = 0, count: int = 3
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CHILD, str(path), point, str(first), str(count)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _state(path: Path) -> tuple[list[str], int]:
    with Store.open(path) as st:
        ids = st.article_ids()
        idx = st.index("sentences")
        return ids, idx.ntotal if idx is not None else 0


@pytest.mark.parametrize("point", ["embed", "insert", "before-commit", "after-commit"])
def test_kill_9_mid_index_leaves_old_or_new_content(tmp_path: Path, point: str) -> None:
    store = tmp_path / "store"
    assert _run(store, "none").returncode == 0
    old = _state(store)
    assert old[0] == ["a0", "a1", "a2"]

    killed = _run(store, point, first=3)
    assert killed.returncode == -signal.SIGKILL, killed.stderr

    ids, ntotal = _state(store)
    expected_new = ["a0", "a1", "a2", "a3", "a4", "a5"]
    assert ids in (old[0], expected_new)
    assert ntotal == (old[1] if ids == old[0] else 2 * old[1])
    # ... and checks an article against it.
    draft = Article(
        "draft", "elsewhere", "Story 1 says 900 people came. “We are here,” said Jo Bloggs."
    )
    with Store.open(store) as st:
        result = check_article(draft, st, FakeEmbedder())  # type: ignore[arg-type]
    assert result.article.id == "draft"

    # A later run completes the update and cleans up what the killed one left behind.
    assert _run(store, "none", first=3).returncode == 0
    assert _state(store) == (expected_new, 2 * old[1])
    with Store.open(store) as st:
        gen = st.generation
    files = sorted(p.name for p in store.glob("*.faiss*"))
    assert files == [f"quotes-{gen}.faiss", f"sentences-{gen}.faiss"]


def test_two_concurrent_writers_are_serialised(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert _run(store, "none", first=0, count=1).returncode == 0
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(store), "none", str(first), "20"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for first in (100, 200)
    ]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    ids, ntotal = _state(store)
    assert len(ids) == 41
    assert ntotal == 41 * 2  # two sentences an article, none lost or doubled
