"""Where the per-article work runs: reading files, extracting claims and embedding.

The default engine runs it in this process. ``crosscheck.ray_engine`` runs the same
steps as a Ray Data pipeline, on this machine or a cluster. Pairing and comparing always
run in the calling process, on what the engine returns, so both engines give the same
findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from . import extract, ingest, segment
from .errors import UsageError
from .model import Article, Extraction

if TYPE_CHECKING:
    import numpy as np

    from .embed import Embedder

ENGINES = ("local",)


class Engine(Protocol):
    name: str

    def load(self, paths: Iterable[Path | str]) -> ingest.Corpus:
        """Every article under ``paths``, with warnings for what was skipped."""
        ...

    def extract(self, articles: Sequence[Article]) -> list[Extraction]:
        """Each article's sentences and claims, in the order of ``articles``."""
        ...

    def encode(self, embedder: Embedder, texts: Sequence[str], progress: bool) -> np.ndarray:
        """``embedder``'s vectors for ``texts``: rows in order, as ``Embedder.encode``."""
        ...


def extract_one(article: Article) -> Extraction:
    sentences = segment.segment(article)
    return Extraction(article.id, tuple(sentences), tuple(extract.extract(article, sentences)))


class Local:
    """Everything in this process."""

    name = "local"

    def load(self, paths: Iterable[Path | str]) -> ingest.Corpus:
        return ingest.load(paths)

    def extract(self, articles: Sequence[Article]) -> list[Extraction]:
        return [extract_one(a) for a in articles]

    def encode(self, embedder: Embedder, texts: Sequence[str], progress: bool) -> np.ndarray:
        return embedder.encode(texts, progress=progress)


LOCAL = Local()


def get(name: str) -> Engine:
    """The engine called ``name`` (``local`` or ``ray``)."""
    if name == "local":
        return LOCAL
    raise UsageError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")
