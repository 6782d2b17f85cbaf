"""Reading, extraction and embedding as a Ray Data pipeline (``--engine ray``).

Each step is a ``map_batches`` over a dataset of the driver's work list: files are read
in Ray tasks (``ingest.read_one``), articles are segmented and their claims extracted
in Ray tasks (``engine.extract_one``), and texts are embedded by a pool of actors that
each load the model once. Results travel back pickled, each with its row number, and
the driver puts them back in order. What needs the whole corpus runs in the calling
process: duplicate ids and skipped-file warnings (``ingest.assemble``), and, in
``pipeline`` and ``store``, syndication, pairing and comparison. So the findings are the
same bytes as the local engine's.

Where it runs: with ``RAY_ADDRESS`` set, on that cluster (``auto`` for one started by
``ray start --head`` on this machine, ``HOST:6379``, or ``ray://HOST:10001``); otherwise
on a private Ray instance on this machine. A program that called ``ray.init`` itself
keeps its Ray. Every node needs crosscheck (the same version) and the model installed,
and must see the files at the paths the driver names (relative paths are taken from the
driver's working directory).

``CROSSCHECK_RAY_ACTORS``: how many actors embed (each holds a copy of the model;
default 2 on this machine, one per CPU on a cluster), and the CPUs of the private
instance. Ray logs to stderr only with ``--verbose`` (this module logging at INFO);
its workers' output stays in Ray's session logs (``/tmp/ray/session_latest/logs``).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import pickle
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import ray
import ray.data

from . import ingest
from .embed import Embedder
from .engine import extract_one
from .errors import CrosscheckError, UsageError
from .model import Article, Extraction

log = logging.getLogger(__name__)

ACTORS_ENV = "CROSSCHECK_RAY_ACTORS"
DEFAULT_LOCAL_ACTORS = 2
# Files or articles handed to one Ray task, at most: enough to pay for starting it.
ROWS_PER_TASK = 16

Stage = Callable[["ray.data.Dataset"], "ray.data.Dataset"]


class RayEngine:
    """The engine protocol of ``crosscheck.engine`` on Ray Data.

    ``actors``: embedding actors (each loads the model once); default
    ``CROSSCHECK_RAY_ACTORS``, else 2 on a private instance, else one per cluster CPU.
    ``verbose``: let Ray log to stderr; default, when this module logs at INFO."""

    name = "ray"

    def __init__(self, actors: int | None = None, verbose: bool | None = None):
        self.actors = actors
        self.verbose = verbose

    def load(self, paths: Iterable[Path | str]) -> ingest.Corpus:
        # Folders are listed here, so the order of files is ingest.load's.
        files = [str(p) for p in ingest.iter_files(Path(p) for p in paths)]
        if not files:
            return ingest.Corpus()
        reads = self._run(
            lambda ds: ds.map_batches(
                functools.partial(_read_files, cwd=os.getcwd()),
                batch_size=self._per_task(len(files)),
            ),
            [{"i": i, "path": p} for i, p in enumerate(files)],
        )
        return ingest.assemble(reads)

    def extract(self, articles: Sequence[Article]) -> list[Extraction]:
        if not articles:
            return []
        return self._run(
            lambda ds: ds.map_batches(_extract, batch_size=self._per_task(len(articles))),
            [{"i": i, "data": pickle.dumps(a)} for i, a in enumerate(articles)],
        )

    def encode(self, embedder: Embedder, texts: Sequence[str], progress: bool) -> np.ndarray:
        """``embedder.encode(texts)``, the same bytes, with the model loaded in the actors
        only (``embedder`` gives its name and batch size)."""
        groups = _groups(texts, embedder.batch_size)
        self._start()
        size = max(1, min(self._actors(), len(groups)))
        parts = self._run(
            lambda ds: ds.map_batches(
                _Encoder,
                batch_size=1,  # a row is already one batch of the model's
                compute=ray.data.ActorPoolStrategy(size=size),
                fn_constructor_kwargs={"model": embedder.name, "batch_size": embedder.batch_size},
            ),
            [{"i": i, "data": pickle.dumps([texts[j] for j in g])} for i, g in enumerate(groups)],
            progress=progress,
        )
        out = np.zeros((len(texts), parts[0].shape[1]), dtype=np.float32)
        for group, vectors in zip(groups, parts, strict=True):
            out[group] = vectors
        return out

    # --- running ----------------------------------------------------------------------

    def _verbose(self) -> bool:
        return log.isEnabledFor(logging.INFO) if self.verbose is None else self.verbose

    def _start(self) -> None:
        if ray.is_initialized():
            return
        verbose = self._verbose()
        if not verbose:
            # Ray's start-up notices (and Ray Data's execution plans) are not ours to show.
            for name in ("ray", "ray.data"):
                logging.getLogger(name).setLevel(logging.ERROR)
            # Ray's C++ side writes to stderr past Python's logging: an error line about
            # actor restarts for any Ray Data actor pool (ray-project/ray#57733), and a
            # notice of this very setting while Ray starts (hence _no_stderr below). The
            # Ray processes started from here inherit it: their log files keep only
            # fatal errors.
            os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")
        options: dict[str, Any] = {
            "include_dashboard": False,
            "log_to_driver": False,  # workers' stdout would be copied to ours
            "configure_logging": False,
        }
        if not os.environ.get("RAY_ADDRESS"):
            # "local": a private instance, even when `ray start` left one running here.
            options.update(address="local", num_cpus=_env_actors() or DEFAULT_LOCAL_ACTORS)
        try:
            with contextlib.nullcontext() if verbose else _no_stderr():
                ray.init(**options)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            where = os.environ.get("RAY_ADDRESS") or "this machine"
            raise UsageError(f"cannot start Ray on {where}: {exc}") from exc

    def _cpus(self) -> int:
        resources = ray.cluster_resources()  # type: ignore[no-untyped-call, unused-ignore]
        return max(1, int(resources.get("CPU", 1)))

    def _actors(self) -> int:
        if self.actors is not None:
            return self.actors
        return _env_actors() or self._cpus()

    def _per_task(self, rows: int) -> int:
        # Every CPU gets a share, of up to ROWS_PER_TASK rows a task.
        return max(1, min(ROWS_PER_TASK, -(-rows // self._cpus())))

    def _run(self, stage: Stage, rows: list[dict[str, Any]], progress: bool = False) -> list[Any]:
        """The ``result`` of ``stage`` for each of ``rows``, unpickled, in the order of
        ``rows`` (each carries its number ``i``, whatever order Ray finishes them in). A
        crosscheck error sent back as a result is raised here."""
        self._start()
        ray.data.DataContext.get_current().enable_progress_bars = progress or self._verbose()
        out: list[bytes | None] = [None] * len(rows)
        # Ray prints task failures and retries to sys.stdout, where the report goes.
        with contextlib.redirect_stdout(sys.stderr):
            dataset = stage(ray.data.from_items(rows))
            for batch in dataset.iter_batches(batch_size=None, batch_format="numpy"):
                for i, blob in zip(batch["i"], batch["result"], strict=True):
                    out[int(i)] = bytes(blob)
        results = [pickle.loads(b) for b in out if b is not None]
        if len(results) != len(rows):
            raise RuntimeError(f"Ray returned {len(results)} results for {len(rows)} rows")
        for result in results:
            if isinstance(result, CrosscheckError):
                raise result
        return results


@contextlib.contextmanager
def _no_stderr() -> Iterator[None]:
    """File descriptor 2 to /dev/null: where Ray's C++ code writes, past Python."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _env_actors() -> int | None:
    value = os.environ.get(ACTORS_ENV)
    if not value:
        return None
    if not value.isdigit() or int(value) < 1:
        raise UsageError(f"{ACTORS_ENV} must be a whole number from 1 up, not {value!r}")
    return int(value)


def _groups(texts: Sequence[str], size: int) -> list[list[int]]:
    """The runs of positions in ``texts`` that ``Embedder.encode`` embeds together.

    sentence-transformers sorts texts longest first (``np.argsort`` of minus their
    length in characters) and pads each run of ``size`` to its longest; a vector's last
    bits depend on that padding. Each actor gets whole runs, so the vectors are the same
    bytes as encoding in one process. No texts: one empty run, so that an actor still
    gives the model's dimension."""
    order = np.argsort([-len(t) for t in texts]).tolist()
    return [order[i : i + size] for i in range(0, len(order), size)] or [[]]


# --- what runs on the workers ------------------------------------------------------------


def _read_files(batch: dict[str, np.ndarray], cwd: str) -> dict[str, list[Any]]:
    # The paths are the driver's: a relative one is read from the driver's directory.
    here = contextlib.chdir(cwd) if os.path.isdir(cwd) else contextlib.nullcontext()
    with here:
        reads = [pickle.dumps(ingest.read_one(Path(str(p)))) for p in batch["path"]]
    return {"i": list(batch["i"]), "result": reads}


def _extract(batch: dict[str, np.ndarray]) -> dict[str, list[Any]]:
    out = [pickle.dumps(extract_one(pickle.loads(blob))) for blob in batch["data"]]
    return {"i": list(batch["i"]), "result": out}


class _Encoder:
    """An actor's model, loaded once. A model that cannot load is sent back as the
    result (a Ray actor that fails to start is retried, then reported without it)."""

    def __init__(self, model: str, batch_size: int) -> None:
        self.embedder = Embedder(model, batch_size=batch_size)
        self.error: CrosscheckError | None = None
        try:
            self.embedder.dim  # noqa: B018  (loads the model now, not in the first batch)
        except CrosscheckError as exc:
            self.error = exc

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, list[Any]]:
        out = [
            pickle.dumps(self.error or self.embedder.encode(pickle.loads(blob)))
            for blob in batch["data"]
        ]
        return {"i": list(batch["i"]), "result": out}
