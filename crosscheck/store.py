"""The on-disk corpus: SQLite for articles, sentences, claims and embeddings; FAISS index
files beside it.

Layout of a store directory::

    crosscheck.sqlite        articles, sentences, claims, units (what is embedded), vectors
    sentences-<gen>.faiss    exact inner-product index over sentence units, ids = unit ids
    quotes-<gen>.faiss       the same over quote units
    .lock                    taken (flock) by every writer

SQLite is the source of truth: it also keeps every vector, so an index file is a cache
that can always be rebuilt. A write embeds what is new, writes index files for the next
generation ``gen+1`` under temporary names and renames them, then commits the database
with ``generation = gen+1``. An interrupted write leaves the old generation in force (the
database transaction is rolled back; orphan files are removed by the next writer); a
missing or damaged index file is rebuilt from the vectors.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import functools
import hashlib
import json
import logging
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from . import __version__, index
from .config import DEFAULT_MODEL
from .embed import Embedder, model_version
from .engine import LOCAL, Engine
from .errors import StoreError
from .model import (
    Article,
    Claim,
    ClaimKind,
    DateMention,
    Extraction,
    Interval,
    Quantity,
    Quote,
)

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

DB_NAME = "crosscheck.sqlite"
SCHEMA_VERSION = 1
# What the stored claims are, raised whenever what extraction reads changes: 2 reads
# fact slots (role, scope, part) into every quantity; 3 reads the slots' later
# lexicon (quotes, speakers and slots of issue 22, casualty predicates of several
# words, the recent past). A store indexed by an older extraction is re-extracted by
# ``index`` (no text is embedded again) and refused by ``check``.
EXTRACTION_VERSION = 3
UNIT_KINDS = ("sentences", "quotes")
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id TEXT PRIMARY KEY, outlet TEXT NOT NULL, title TEXT NOT NULL, url TEXT NOT NULL,
    published TEXT, source TEXT NOT NULL, text TEXT NOT NULL, content_hash TEXT NOT NULL
);
CREATE TABLE sentences (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    paragraph INTEGER NOT NULL, PRIMARY KEY (article_id, idx)
);
CREATE TABLE claims (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, kind TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    sentence_index INTEGER NOT NULL, sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL, payload TEXT NOT NULL, speaker_key TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX claims_speaker ON claims(speaker_key) WHERE speaker_key != '';
CREATE TABLE units (
    id INTEGER PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, kind TEXT NOT NULL, text_hash TEXT NOT NULL
);
CREATE INDEX units_article ON units(article_id);
CREATE TABLE vectors (text_hash TEXT PRIMARY KEY, vector BLOB NOT NULL);
"""


@dataclass
class UpdateStats:
    """What an ``index`` run did."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    embedded: int = 0  # texts encoded by the model (the rest came from the cache)
    reextracted: int = 0  # unchanged articles whose claims an older extraction made


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def content_hash(a: Article) -> str:
    meta = [a.id, a.outlet, a.title, a.url, a.published.isoformat() if a.published else ""]
    return hashlib.sha256(json.dumps([meta, a.text]).encode("utf-8")).hexdigest()


def unit_text(c: Claim) -> str:
    """What is embedded for a claim: a quote's own words, else its sentence."""
    return c.quote.words if c.quote else c.text


# --- claims to rows and back ------------------------------------------------------------


def _payload(c: Claim) -> str:
    data: dict[str, Any] = {"text": c.text, "sentence": c.sentence, "outlet": c.outlet}
    if c.quantity:
        data["quantity"] = asdict(c.quantity)
    if c.quote:
        data["quote"] = asdict(c.quote)
    if c.date:
        d = asdict(c.date)
        d["first"] = c.date.first.isoformat() if c.date.first else None
        d["last"] = c.date.last.isoformat() if c.date.last else None
        data["date"] = d
    return json.dumps(data, ensure_ascii=False)


_T = TypeVar("_T")
_SIMPLE: dict[str, type | tuple[type, ...]] = {
    "str": str,
    "int": int,
    "bool": bool,
    "float": (int, float),
}


def _typed(obj: _T) -> _T:
    """``obj`` (a dataclass of the model read back from the store), when every field of
    a plain type holds that type; ValueError naming the field otherwise (SQLite keeps
    whatever a damaged row holds: text where a number belongs, bytes where text)."""
    for name, wanted, optional in _plain_fields(type(obj)):  # type: ignore[arg-type]
        value = getattr(obj, name)
        if value is None and optional:
            continue
        if not isinstance(value, wanted) or (isinstance(value, bool) and bool not in wanted):
            raise ValueError(f"{type(obj).__name__}.{name} holds {value!r:.40}")
    return obj


@functools.cache
def _plain_fields(cls: type) -> list[tuple[str, tuple[type, ...], bool]]:
    """The fields of dataclass ``cls`` of a plain type: (name, types, may be None)."""
    out = []
    for f in fields(cls):
        kinds = str(f.type).replace(" ", "").split("|")
        wanted = tuple(t for k in kinds if k in _SIMPLE for t in _flat(_SIMPLE[k]))
        if wanted:
            out.append((f.name, wanted, "None" in kinds))
    return out


def _flat(t: type | tuple[type, ...]) -> tuple[type, ...]:
    return t if isinstance(t, tuple) else (t,)


def _claim(row: sqlite3.Row) -> Claim:
    data = json.loads(row["payload"])
    quantity = quote = date = None
    if "quantity" in data:
        q = data["quantity"]
        quantity = _typed(Quantity(**{**q, "interval": _typed(Interval(**q["interval"]))}))
    if "quote" in data:
        quote = _typed(Quote(**data["quote"]))
    if "date" in data:
        d = data["date"]
        first = dt.date.fromisoformat(d["first"]) if d["first"] else None
        last = dt.date.fromisoformat(d["last"]) if d["last"] else None
        date = _typed(DateMention(d["start"], d["end"], d["text"], first, last))
    return _typed(
        Claim(
            kind=ClaimKind(row["kind"]),
            article_id=row["article_id"],
            outlet=data["outlet"],
            start=row["start"],
            end=row["end"],
            text=data["text"],
            sentence_start=row["sentence_start"],
            sentence_end=row["sentence_end"],
            sentence=data["sentence"],
            sentence_index=row["sentence_index"],
            quantity=quantity,
            quote=quote,
            date=date,
        )
    )


def _article(row: sqlite3.Row) -> Article:
    return _typed(
        Article(
            id=row["id"],
            outlet=row["outlet"],
            text=row["text"],
            title=row["title"],
            url=row["url"],
            published=dt.date.fromisoformat(row["published"]) if row["published"] else None,
            source=row["source"],
        )
    )


# --- the store --------------------------------------------------------------------------

_P = ParamSpec("_P")
_R = TypeVar("_R")
# What a damaged row or meta value raises while it is read: a payload that is not JSON
# or lacks a field, an unknown claim kind, a bad date or number, a vector of the wrong
# length.
_DAMAGE = (ValueError, KeyError, TypeError, sqlite3.DatabaseError)


def _reads(method: Callable[_P, _R]) -> Callable[_P, _R]:
    """A reading method of :class:`Store`: damaged contents become a StoreError that
    names the store and says how to rebuild it; a store another program holds, one that
    says so."""

    @functools.wraps(method)
    def read(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return method(*args, **kwargs)
        except _DAMAGE as exc:
            store = args[0]
            assert isinstance(store, Store)
            if isinstance(exc, sqlite3.OperationalError) and _unwritable_reason(exc) == "busy":
                raise _busy(store.path, exc) from None
            raise _damaged(store.path, exc) from None

    return read


def _busy(path: Path, exc: Exception) -> StoreError:
    return StoreError(
        f"{path}: the store is held by another program ({exc}), most likely an `index` "
        "writing to it; run again when it is done (the store is not damaged)"
    )


def _newer(stored: str, ours: int) -> bool:
    """A version a store records is above this crosscheck's ``ours``."""
    return stored.isdigit() and int(stored) > ours


class Store:
    """An open corpus store. Use :meth:`open`; close it (or use ``with``) when done.

    Reading methods never write. :meth:`update` takes the writer lock."""

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = path
        self.conn = conn
        self._indexes: dict[str, Any] = {}
        self._sources: dict[int, tuple[str, str, int | None]] = {}

    # opening ----------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, model: str | None = None, create: bool = False) -> Store:
        """Open the store in directory ``path``. With ``create``, make it (empty, for
        ``model``, by default all-MiniLM-L6-v2) if it does not exist. Refuses a store
        built with another ``model``; ``model=None`` accepts the store's own."""
        path = Path(path)
        db = path / DB_NAME
        if path.exists() and not path.is_dir():
            raise StoreError(f"{path}: is a file, not a store folder; give a folder for --store")
        if not db.exists():
            if not create:
                raise StoreError(
                    f"{path}: no crosscheck store here; build one with "
                    f"`crosscheck index PATHS --store {path}`"
                )
            try:
                path.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"{path}: cannot make the store folder ({exc.strerror})") from None
            with _lock(path):
                if not db.exists():
                    _create(db, model or DEFAULT_MODEL)
        conn = _connect(db)
        store = cls(path, conn)
        try:
            meta = store.meta
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise _damaged(path, exc) from None
        if _newer(meta.get("schema_version", ""), SCHEMA_VERSION):
            conn.close()
            raise StoreError(
                f"{path}: made by a newer crosscheck (store schema "
                f"{meta['schema_version']}; this one reads {SCHEMA_VERSION}); upgrade "
                "crosscheck to use it"
            )
        if meta.get("schema_version") != str(SCHEMA_VERSION) or "model" not in meta:
            conn.close()
            raise StoreError(
                f"{path}: not a crosscheck store of schema {SCHEMA_VERSION}; "
                f"rebuild it with `crosscheck index PATHS --store {path} --rebuild`"
            )
        try:
            _check_meta(meta)
        except ValueError as exc:
            conn.close()
            raise _damaged(path, exc) from None
        if model is not None and meta["model"] != model:
            conn.close()
            raise StoreError(
                f"{path}: built with model {meta['model']!r}, not {model!r}; use "
                f"--model {meta['model']} or rebuild it with --rebuild"
            )
        built, installed = meta.get("model_version", ""), model_version(meta["model"])
        if built and built != installed:
            # New vectors would not be comparable with the stored ones.
            conn.close()
            raise StoreError(
                f"{path}: its vectors come from {built}, but this installation makes "
                f"{installed or 'other vectors'}; rebuild it with "
                f"`crosscheck index PATHS --store {path} --rebuild`"
            )
        return store

    @property
    def current(self) -> bool:
        """The stored claims come from this version's extraction (stores made before
        extraction versions were recorded are version 1)."""
        return self.meta.get("extraction_version", "1") == str(EXTRACTION_VERSION)

    def require_current(self) -> None:
        """Raise :class:`StoreError` when the stored claims come from an older
        extraction: comparing a new article with them would miss what it now reads."""
        if not self.current:
            stored = self.meta.get("extraction_version", "1")
            if _newer(stored, EXTRACTION_VERSION):
                raise StoreError(
                    f"{self.path}: indexed by a newer crosscheck (extraction {stored}; this "
                    f"one reads {EXTRACTION_VERSION}); upgrade crosscheck to use it"
                )
            raise StoreError(
                f"{self.path}: indexed by an older crosscheck (extraction "
                f"{stored}, now {EXTRACTION_VERSION}); "
                f"update it with `crosscheck index PATHS --store {self.path}` (nothing is "
                "embedded again)"
            )

    def require_dim(self, dim: int) -> None:
        """Raise :class:`StoreError` when the stored vectors are not of ``dim`` values
        (the model's): their meta says a model that makes other vectors."""
        stored = self.meta.get("dim")
        if stored is not None and int(stored) != dim:
            raise _damaged(
                self.path,
                ValueError(f"its vectors have {stored} values, {self.model} makes {dim}"),
            )

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def meta(self) -> dict[str, str]:
        return {r["key"]: r["value"] for r in self.conn.execute("SELECT key, value FROM meta")}

    @property
    def model(self) -> str:
        return self.meta["model"]

    @property
    def generation(self) -> int:
        return int(self.meta.get("generation", "0"))

    # reading ----------------------------------------------------------------------------

    @_reads
    def article_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY id")]

    @_reads
    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        if ids is None:
            rows = self.conn.execute("SELECT * FROM articles ORDER BY id").fetchall()
        else:
            rows = _select_in(self.conn, "SELECT * FROM articles WHERE id IN ({})", list(ids))
        return sorted((_article(r) for r in rows), key=lambda a: a.id)

    @_reads
    def claims(self, article_ids: Iterable[str]) -> list[Claim]:
        """Every claim of these articles, in article and offset order."""
        rows = _select_in(
            self.conn, "SELECT * FROM claims WHERE article_id IN ({})", list(article_ids)
        )
        return sorted(
            (_claim(r) for r in rows), key=lambda c: (c.article_id, c.start, c.end, c.kind)
        )

    @_reads
    def unit_claims(self, unit_ids: Iterable[int]) -> dict[int, Claim]:
        """The claim behind each embedded unit id."""
        sql = (
            "SELECT units.id AS unit_id, claims.* FROM units JOIN claims "
            "ON claims.article_id = units.article_id AND claims.seq = units.seq "
            "WHERE units.id IN ({})"
        )
        return {r["unit_id"]: _claim(r) for r in _select_in(self.conn, sql, list(unit_ids))}

    @_reads
    def quote_units_by_speaker(self, keys: Iterable[str]) -> dict[str, list[int]]:
        """Unit ids of stored quotes attributed to each (non-empty) speaker key."""
        sql = (
            "SELECT claims.speaker_key AS k, units.id AS unit_id FROM claims JOIN units "
            "ON claims.article_id = units.article_id AND claims.seq = units.seq "
            "WHERE units.kind = 'quotes' AND claims.speaker_key IN ({}) ORDER BY units.id"
        )
        out: dict[str, list[int]] = {}
        for r in _select_in(self.conn, sql, sorted(set(keys) - {""})):
            out.setdefault(r["k"], []).append(r["unit_id"])
        return out

    @_reads
    def unit_source(self, unit_id: int) -> tuple[str, str, int | None]:
        """``(article id, outlet, day)`` of an embedded unit; the day is the ordinal of
        the article's publication date, ``None`` when it has none."""
        if unit_id not in self._sources:
            row = self.conn.execute(
                "SELECT articles.id, articles.outlet, articles.published FROM units "
                "JOIN articles ON articles.id = units.article_id WHERE units.id = ?",
                (unit_id,),
            ).fetchone()
            self._sources[unit_id] = (row[0], row[1], _day(row[2])) if row else ("", "", None)
        return self._sources[unit_id]

    @_reads
    def units_where(self, bars: Callable[[str, str, int | None], bool]) -> np.ndarray:
        """The ids (sorted, ``int64``) of the embedded units whose article's ``(id,
        outlet, day)``, as :meth:`unit_source` gives them, ``bars`` holds for."""
        import numpy as np

        articles = self.conn.execute("SELECT id, outlet, published FROM articles")
        barred = {a for a, outlet, published in articles if bars(a, outlet, _day(published))}
        units = self.conn.execute("SELECT id, article_id FROM units ORDER BY id")
        return np.array([u for u, a in units if a in barred], dtype=np.int64)

    @_reads
    def vectors(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """Cached vectors for the texts that have one (keyed by text)."""
        by_hash = {text_hash(t): t for t in texts}
        rows = _select_in(
            self.conn,
            "SELECT text_hash, vector FROM vectors WHERE text_hash IN ({})",
            list(by_hash),
        )
        dim = int(self.meta.get("dim", "0"))
        return {by_hash[r[0]]: _vector(r[1], dim) for r in rows}

    def index(self, kind: str) -> Any:
        """The FAISS index of ``kind`` ("sentences" or "quotes"), loaded once; rebuilt in
        memory from the stored vectors when its file is missing or damaged. None while the
        store has never embedded anything."""
        if kind not in self._indexes:
            self._indexes[kind] = self._load_index(kind, self.generation)
        return self._indexes[kind]

    @_reads
    def _load_index(self, kind: str, gen: int) -> Any:
        import faiss

        file = self.path / f"{kind}-{gen}.faiss"
        expected = self.conn.execute(
            "SELECT COUNT(*) FROM units WHERE kind = ?", (kind,)
        ).fetchone()[0]
        if file.exists():
            try:
                idx = faiss.read_index(str(file))
                dim = int(self.meta.get("dim", idx.d))
                if idx.ntotal == expected and idx.d == dim:
                    return idx
                log.warning(
                    "%s holds %d vectors of %d values, not %d of %d: rebuilding it",
                    file, idx.ntotal, idx.d, expected, dim,
                )  # fmt: skip
            except RuntimeError as exc:
                log.warning("%s is damaged (%s): rebuilding it from the stored vectors", file, exc)
        elif expected:
            log.warning("%s is missing: rebuilding it from the stored vectors", file)
        return self._rebuild_index(kind)

    def _rebuild_index(self, kind: str) -> Any:
        import numpy as np

        if "dim" not in self.meta:
            return None

        rows = self.conn.execute(
            "SELECT units.id, vectors.vector FROM units JOIN vectors USING (text_hash) "
            "WHERE units.kind = ? ORDER BY units.id",
            (kind,),
        ).fetchall()
        dim = int(self.meta["dim"])
        ids = np.array([r[0] for r in rows], dtype=np.int64)
        vecs = (
            np.stack([_vector(r[1], dim) for r in rows])
            if rows
            else np.zeros((0, dim), dtype=np.float32)
        )
        return index.build_with_ids(vecs, ids, dim)

    # writing ----------------------------------------------------------------------------

    def update(
        self,
        articles: Sequence[Article],
        embedder: Embedder,
        prune: bool = False,
        progress: bool = False,
        engine: Engine = LOCAL,
    ) -> UpdateStats:
        """Add new and changed articles, embedding only texts not embedded before; with
        ``prune``, remove stored articles that are not among ``articles``. ``engine``
        extracts and embeds what is new."""
        if embedder.name != self.model:
            raise StoreError(f"{self.path}: built with model {self.model!r}, not {embedder.name!r}")
        try:
            return self._update(articles, embedder, prune, progress, engine)
        except (sqlite3.DatabaseError, OSError) as exc:
            # what it reads is checked where it is read (@_reads): other errors are not
            # damage, and must not end in the advice to rebuild a good store
            raise failure(self.path, exc) from None

    def _update(
        self,
        articles: Sequence[Article],
        embedder: Embedder,
        prune: bool,
        progress: bool,
        engine: Engine,
    ) -> UpdateStats:
        stats = UpdateStats()
        with _lock(self.path):
            self._clean_orphans()
            gen = self.generation
            indexes = {kind: self._load_index(kind, gen) for kind in UNIT_KINDS}
            stored = {
                r[0]: r[1] for r in self.conn.execute("SELECT id, content_hash FROM articles")
            }
            removed_units: list[int] = []
            new_units: list[tuple[int, str, str]] = []  # (unit id, kind, text)
            todo = []
            stale = not self.current
            for article in sorted(articles, key=lambda a: a.id):
                h = content_hash(article)
                if stored.get(article.id) == h and not stale:
                    stats.unchanged += 1
                else:
                    todo.append((article, h))
            extractions = engine.extract([a for a, _ in todo])
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                for (article, h), extraction in zip(todo, extractions, strict=True):
                    if article.id in stored:
                        removed_units += self._delete(article.id)
                        if stored[article.id] == h:
                            stats.reextracted += 1  # the same text, extracted again
                        else:
                            stats.updated.append(article.id)
                    else:
                        stats.added.append(article.id)
                    new_units += self._insert(article, h, extraction)
                if prune:
                    keep = {a.id for a in articles}
                    for article_id in sorted(set(stored) - keep):
                        removed_units += self._delete(article_id)
                        stats.removed.append(article_id)
                stats.embedded = self._embed_missing(
                    [t for _, _, t in new_units], embedder, progress, engine
                )
                changed = bool(stats.added or stats.updated or stats.removed or stats.reextracted)
                if changed:
                    self._write_indexes(indexes, removed_units, new_units, gen + 1)
                    self._set_meta(generation=str(gen + 1), crosscheck_version=__version__)
                left = set(stored) - {a.id for a in articles} - set(stats.removed)
                if stale and not left:  # every stored article was extracted again
                    self._set_meta(extraction_version=str(EXTRACTION_VERSION))
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            if changed:
                self._indexes, self._sources = indexes, {}
                self._drop_generation(gen)
        return stats

    def _drop_generation(self, gen: int) -> None:
        for kind in UNIT_KINDS:
            with contextlib.suppress(FileNotFoundError):
                (self.path / f"{kind}-{gen}.faiss").unlink()

    def _delete(self, article_id: str) -> list[int]:
        ids = [
            r[0]
            for r in self.conn.execute("SELECT id FROM units WHERE article_id = ?", (article_id,))
        ]
        for table in ("units", "claims", "sentences"):
            self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        return ids

    def _insert(self, a: Article, h: str, x: Extraction) -> list[tuple[int, str, str]]:
        self.conn.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (a.id, a.outlet, a.title, a.url, a.published.isoformat() if a.published else None,
             a.source, a.text, h),
        )  # fmt: skip
        self.conn.executemany(
            "INSERT INTO sentences VALUES (?, ?, ?, ?, ?)",
            [(a.id, s.index, s.start, s.end, s.paragraph) for s in x.sentences],
        )
        units = []
        for seq, c in enumerate(x.claims):
            key = c.quote.speaker_key if c.quote else ""
            self.conn.execute(
                "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (a.id, seq, c.kind.value, c.start, c.end, c.sentence_index, c.sentence_start,
                 c.sentence_end, _payload(c), key),
            )  # fmt: skip
            kind = {ClaimKind.SENTENCE: "sentences", ClaimKind.QUOTE: "quotes"}.get(c.kind)
            if kind:
                text = unit_text(c)
                cur = self.conn.execute(
                    "INSERT INTO units (article_id, seq, kind, text_hash) VALUES (?, ?, ?, ?)",
                    (a.id, seq, kind, text_hash(text)),
                )
                units.append((int(cur.lastrowid or 0), kind, text))
        return units

    def _embed_missing(
        self, texts: Sequence[str], embedder: Embedder, progress: bool, engine: Engine
    ) -> int:
        have = self.vectors(texts)
        missing = sorted(set(texts) - set(have))
        if not missing:
            return 0
        vecs = engine.encode(embedder, missing, progress)
        self.require_dim(int(vecs.shape[1]))
        self.conn.executemany(
            "INSERT OR REPLACE INTO vectors VALUES (?, ?)",
            [(text_hash(t), v.tobytes()) for t, v in zip(missing, vecs, strict=True)],
        )
        if "dim" not in self.meta:
            self._set_meta(dim=str(vecs.shape[1]))
        return len(missing)

    def _write_indexes(
        self,
        indexes: dict[str, Any],
        removed: list[int],
        new_units: list[tuple[int, str, str]],
        gen: int,
    ) -> None:
        import faiss
        import numpy as np

        vectors = self.vectors([t for _, _, t in new_units])
        for kind in UNIT_KINDS:
            idx = indexes[kind]
            if removed and idx is not None:
                idx.remove_ids(np.array(removed, dtype=np.int64))
            mine = [(uid, t) for uid, k, t in new_units if k == kind]
            if idx is None:  # the first vectors of this store: now the dimension is known
                idx = indexes[kind] = index.build_with_ids(
                    np.zeros((0, 0), np.float32), np.zeros(0, np.int64), int(self.meta["dim"])
                )
            if mine:
                vecs = np.stack([vectors[t] for _, t in mine])
                idx.add_with_ids(vecs, np.array([uid for uid, _ in mine], dtype=np.int64))
            final = self.path / f"{kind}-{gen}.faiss"
            tmp = final.with_name(final.name + ".tmp")
            try:
                faiss.write_index(idx, str(tmp))
                with open(tmp, "rb") as fh:
                    os.fsync(fh.fileno())
                tmp.replace(final)
            except (OSError, RuntimeError) as exc:
                tmp.unlink(missing_ok=True)
                if isinstance(exc, OSError):
                    raise
                # FAISS reports a failed write as RuntimeError; the disk is the likely cause
                raise OSError(errno.EIO, f"cannot write {final.name} ({exc})") from None

    def _set_meta(self, **values: str) -> None:
        self.conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", sorted(values.items()))

    def _clean_orphans(self) -> None:
        """Remove index files of generations other than the current one (left by an
        interrupted write). Called under the writer lock."""
        keep = {f"{kind}-{self.generation}.faiss" for kind in UNIT_KINDS}
        for file in self.path.glob("*.faiss*"):
            if file.name not in keep:
                file.unlink()


def _connect(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db, isolation_level=None, timeout=60)
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise _damaged(db.parent, exc) from None
    return conn


def _create(db: Path, model: str) -> None:
    tmp = db.with_name(db.name + ".new")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    with conn:
        conn.executescript(_SCHEMA)
        conn.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("schema_version", str(SCHEMA_VERSION)), ("model", model), ("generation", "0"),
             ("crosscheck_version", __version__), ("model_version", model_version(model)),
             ("extraction_version", str(EXTRACTION_VERSION))],
        )  # fmt: skip
    conn.close()
    tmp.replace(db)  # a store appears whole, or not at all


def _day(published: str | None) -> int | None:
    """The ordinal of a stored publication date; None for none."""
    return dt.date.fromisoformat(published).toordinal() if published else None


def _damaged(path: Path, exc: Exception) -> StoreError:
    return StoreError(
        f"{path}: the store is damaged or not a crosscheck store ({exc}); rebuild it with "
        f"`crosscheck index PATHS --store {path} --rebuild`"
    )


def _vector(blob: bytes, dim: int) -> np.ndarray:
    """A stored vector; ValueError when it is not ``dim`` float32 values."""
    import numpy as np

    if not isinstance(blob, bytes) or (dim and len(blob) != 4 * dim):
        raise ValueError(f"a stored vector has {len(blob)} bytes, not {4 * dim}")
    return np.frombuffer(blob, dtype=np.float32)


def _check_meta(meta: dict[str, str]) -> None:
    """Raise ValueError when a meta value the store runs on is not what it must be."""
    if int(meta.get("generation", "0")) < 0:
        raise ValueError(f"generation {meta['generation']!r} is negative")
    if "dim" in meta and int(meta["dim"]) <= 0:
        raise ValueError(f"dim {meta['dim']!r} is not a positive number")


def failure(path: Path, exc: sqlite3.DatabaseError | OSError) -> StoreError:
    """The message for a database or file error met while opening or writing the store
    at ``path``: it cannot be written (read-only, full disk, busy), or it is damaged."""
    if _unwritable_reason(exc):  # every OSError has one
        return _unwritable(path, exc)
    return _damaged(path, exc)


def _unwritable_reason(exc: Exception) -> str:
    """Why a write failed, when the store itself is not at fault; "" otherwise."""
    code = exc.errno if isinstance(exc, OSError) else None
    text = str(exc).lower()
    if code in (errno.EACCES, errno.EPERM, errno.EROFS) or "readonly" in text:
        return "read-only"
    if code in (errno.ENOSPC, errno.EDQUOT) or "full" in text:
        return "full"
    if "locked" in text or "busy" in text:
        return "busy"
    return "other" if isinstance(exc, OSError) else ""


def _unwritable(path: Path, exc: Exception) -> StoreError:
    """The store could not be written; it still holds what it held before."""
    detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    advice = {
        "read-only": "the store is read-only; give write access to the folder and its "
        "files, or copy it somewhere writable",
        "full": "no space is left on the disk; free some and run the same command again",
        "busy": "another program holds the store; run again when it is done",
    }.get(_unwritable_reason(exc), "run the same command again")
    return StoreError(f"{path}: cannot write the store ({detail}); it is unchanged; {advice}")


def _select_in(conn: sqlite3.Connection, sql: str, values: list[Any]) -> list[sqlite3.Row]:
    """Run ``sql`` with ``IN ({})`` filled for ``values``, in chunks under SQLite's limit."""
    rows: list[sqlite3.Row] = []
    for i in range(0, len(values), 500):
        chunk = values[i : i + 500]
        rows += conn.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall()
    return rows


@contextlib.contextmanager
def _lock(path: Path) -> Iterator[None]:
    """The writer lock: one ``index`` at a time per store; others wait for it."""
    try:
        fh = open(path / ".lock", "a")  # noqa: SIM115 (closed below)
    except OSError as exc:
        raise _unwritable(path, exc) from None
    with fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


REBUILD_DIR = ".rebuild"  # inside the store folder: the new store while it is built


def rebuild(
    path: Path,
    articles: Sequence[Article],
    model: str | None = None,
    progress: bool = False,
    engine: Engine = LOCAL,
) -> UpdateStats:
    """Start the store at ``path`` afresh from ``articles`` (``index --rebuild``). The new
    store is built whole in a folder inside it and only then put in the old one's place,
    so that a failure on the way (a full disk, an interrupt) leaves the old store as it
    was."""
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: is a file, not a store folder; give a folder for --store")
    new = path / REBUILD_DIR
    try:
        path.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(new, ignore_errors=True)  # what an interrupted rebuild left
        with Store.open(new, model=model, create=True) as st:
            stats = st.update(articles, Embedder(st.model), progress=progress, engine=engine)
        with _lock(path):
            # The old index files and journals go first: a journal left beside the new
            # database would be played into it. The database is replaced in one rename;
            # the new index files follow (caches: were they lost, they are rebuilt).
            for file in [*path.glob(f"{DB_NAME}-*"), *path.glob("*.faiss*")]:
                file.unlink(missing_ok=True)
            os.replace(new / DB_NAME, path / DB_NAME)
            for file in new.glob("*.faiss"):
                os.replace(file, path / file.name)
    except (sqlite3.DatabaseError, OSError) as exc:
        raise failure(path, exc) from None
    finally:
        shutil.rmtree(new, ignore_errors=True)
    return stats
