"""Checking a new article against a stored corpus (use 2 of the design brief): warm
check time against stores of ~10 and ~1,000 articles, and a cold CLI check with a
breakdown of where its time goes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from crosscheck import extract, segment
from crosscheck.embed import Embedder
from crosscheck.model import Article, Claim, ClaimKind
from crosscheck.pipeline import check_article
from crosscheck.store import Store

from .common import (
    CACHE_DIR,
    CachingEmbedder,
    by_doc,
    by_topic,
    corpus_key,
    library_key,
    load_ecb,
    synth_articles,
    timed,
    vector_cache_path,
)

DRAFT_OUTLET = "draft-desk"


def draft_article() -> Article:
    """The article to check: the longest real ECB+ document of the first topic, under
    an outlet no stored article has."""
    docs = by_doc(by_topic(load_ecb())[1])
    doc = max(sorted(docs), key=lambda d: len(docs[d]))
    text = "\n".join(s.text for s in docs[doc])
    return Article(id=f"draft-{doc}", outlet=DRAFT_OUTLET, text=text)


def store_corpus(n: int, draft: Article) -> list[Article]:
    """``n`` synthetic articles that never use the draft's sentences."""
    return synth_articles(n, seed=1, exclude=draft.text.split("\n"))


def cached_store(
    articles: Sequence[Article], embedder: Embedder, cache_dir: Path = CACHE_DIR
) -> tuple[Path, float | None]:
    """A store of ``articles`` under ``cache_dir``, built once per corpus and library
    version; returns its path and the build time (``None`` when it was cached). Vectors
    come from the benchmark's vector cache when it has them, so the build time is not
    an embedding benchmark."""
    key = f"store-{len(articles)}-{corpus_key(articles)}-{library_key()}"
    path = cache_dir / key
    if (path / "crosscheck.sqlite").exists():
        return path, None
    for old in cache_dir.glob(f"store-{len(articles)}-*"):
        shutil.rmtree(old, ignore_errors=True)  # an older corpus or library version
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=key + ".", dir=cache_dir))
    caching = CachingEmbedder(embedder, vector_cache_path(embedder, cache_dir))
    with Store.open(tmp, embedder.name, create=True) as store:
        seconds, _ = timed(lambda: store.update(articles, caching))
    caching.save()
    tmp.rename(path)
    return path, seconds


def warm_check(
    store_path: Path, draft: Article, embedder: Embedder, repeats: int = 10
) -> dict[str, Any]:
    """Best-of-``repeats`` time of :func:`check_article` for ``draft`` against an open
    store, after one untimed check (which loads the index and warms the caches). The
    draft's sentences are not in the store, so every check encodes them again, as a
    check of a freshly edited draft does."""
    with Store.open(store_path) as store:
        first_s, result = timed(check_article, draft, store, embedder)
        best = min(timed(check_article, draft, store, embedder)[0] for _ in range(repeats))
        articles = len(store.article_ids())
        # Stored quotes compared with the draft's whatever their similarity: those of
        # each speaker key of the draft's quotes ("" is an unresolved speaker).
        keys = [c.quote.speaker_key for c in _quotes(draft) if c.quote]
        by_speaker = store.quote_units_by_speaker(keys)
    return {
        "articles": articles,
        "first_check_s": round(first_s, 4),
        "check_s": round(best, 4),
        "conflicts": len(result.conflicts),
        "corroborations": len(result.corroborations),
        "same_speaker_quotes": {k or "(unresolved)": len(v) for k, v in by_speaker.items()},
    }


def _quotes(article: Article) -> list[Claim]:
    claims = extract.extract(article, segment.segment(article))
    return [c for c in claims if c.kind is ClaimKind.QUOTE]


def check_speed(
    embedder: Embedder,
    sizes: Sequence[int] = (10, 1000),
    repeats: int = 10,
    cold: bool = True,
    cache_dir: Path = CACHE_DIR,
) -> dict[str, Any]:
    """Warm check times against stores of each of ``sizes`` (two sizes: small, large)
    and, with ``cold``, a cold CLI check against the large one with its breakdown.
    Stores are kept under ``cache_dir`` between runs."""
    draft = draft_article()
    out: dict[str, Any] = {"draft_sentences": len(draft.text.split("\n")), "stores": {}}
    paths = {}
    for n in sizes:
        path, build_s = cached_store(store_corpus(n, draft), embedder, cache_dir)
        paths[n] = path
        out["stores"][n] = warm_check(path, draft, embedder, repeats) | {
            "store_build_s": round(build_s, 1) if build_s is not None else "cached"
        }
    small, large = min(sizes), max(sizes)
    out[f"check_{small}_s"] = out["stores"][small]["check_s"]
    out[f"check_{large}_s"] = out["stores"][large]["check_s"]
    out[f"check_{large}_vs_{small}"] = round(
        out["stores"][large]["check_s"] / out["stores"][small]["check_s"], 3
    )
    out["warm_check_s"] = out["stores"][large]["check_s"]
    if cold:
        out |= cold_cli(paths[large], draft)
    return out


# --- the cold CLI check ---------------------------------------------------------------


def _write_draft(draft: Article, folder: Path) -> Path:
    path = folder / "draft.md"
    path.write_text(f"---\noutlet: {draft.outlet}\n---\n{draft.text}\n", encoding="utf-8")
    return path


def _wall(cmd: list[str], repeats: int) -> tuple[float, subprocess.CompletedProcess[str]]:
    best = float("inf")
    proc = None
    for _ in range(repeats):
        seconds, proc = timed(lambda: subprocess.run(cmd, capture_output=True, text=True))
        best = min(best, seconds)
    assert proc is not None
    return best, proc


def importtime(module: str) -> dict[str, float]:
    """Cumulative import seconds of ``module`` and of torch inside it, from a fresh
    interpreter's ``-X importtime`` log."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        check=True,
    )
    cumulative: dict[str, float] = {}
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if m:
            cumulative.setdefault(m.group(4), int(m.group(2)) / 1e6)
    return {name: round(cumulative.get(name, 0.0), 3) for name in ("torch", module)}


def cold_cli(store_path: Path, draft: Article, repeats: int = 3) -> dict[str, Any]:
    """Wall time of ``crosscheck check FILE --store DIR --format json`` in a fresh
    process (best of ``repeats``; the OS file cache is warm after the first), and
    where a fresh process spends it, each part measured in its own subprocess:
    interpreter start, imports (``-X importtime``), then a step-by-step replay of the
    command (import the CLI, import sentence-transformers, load the model, open the
    store, check)."""
    cli = Path(sys.executable).parent / "crosscheck"
    with tempfile.TemporaryDirectory() as tmp:
        draft_file = _write_draft(draft, Path(tmp))
        wall_s, proc = _wall(
            [str(cli), "check", str(draft_file), "--store", str(store_path), "--format", "json"],
            repeats,
        )
        if proc.returncode not in (0, 1):  # 1: a conflict was found, by design
            raise RuntimeError(f"crosscheck check failed ({proc.returncode}): {proc.stderr}")
        python_s, _ = _wall([sys.executable, "-c", "pass"], repeats)
        imports = importtime("sentence_transformers")
        steps = subprocess.run(
            [sys.executable, "-m", "benchmarks.cold", str(store_path), str(draft_file)],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parents[1],
        )
    breakdown = json.loads(steps.stdout)
    return {
        "cold_cli_check_s": round(wall_s, 3),
        "cold_breakdown_s": {
            "python_start": round(python_s, 3),
            **{f"import_{k}": v for k, v in imports.items()},
            **breakdown,
        },
    }
