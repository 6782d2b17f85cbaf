"""Shared pieces: where the public data lives, ECB+ loading and detokenising, synthetic
corpora, timing and memory helpers, and an embedder that caches its vectors."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from crosscheck.embed import Embedder
from crosscheck.model import Article

if TYPE_CHECKING:
    import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CROSSCHECK_SHARED", ROOT.parent / "shared"))
EVAL = SHARED / "eval"
ECB_DIR = EVAL / "ecbplus"
SEEDS_DIR = SHARED / "corpus" / "seeds"
VITAMINC_DIR = EVAL / "vitaminc_sample"
CACHE_DIR = Path(os.environ.get("CROSSCHECK_BENCH_CACHE", "/tmp/crosscheck-benchmarks"))

T = TypeVar("T")


# --- detokenising ECB+ ------------------------------------------------------------------

# Order matters: numbers are rejoined before the generic "space before punctuation"
# rules, and quote marks are resolved before apostrophes.
_DETOKENISE: list[tuple[re.Pattern[str], str]] = [
    (re.compile(pattern), repl)
    for pattern, repl in [
        (r"(\d) , (?=\d{3}\b)", r"\1,"),  # "120 , 000" → "120,000" (not "May 2 , 2013")
        (r"(\d) : (?=\d)", r"\1:"),  # "1 : 35" → "1:35"
        (r" \. (?=[a-z0-9])", "."),  # "6 . 1", "www . bbc", "p . m" (never a sentence end)
        (r"``\s*", "“"),
        (r"\s*''", "”"),
        (r"“ ", "“"),
        (r" ”", "”"),
        (r"‘ ", "‘"),
        (r" [’‘] ?(?=(?:s|d|m|t|re|ve|ll)\b)", "’"),  # "July ’ s", "I ’ m" → "July’s", "I’m"
        (r" ’", "’"),
        (r" (?='(?:s|d|m|re|ve|ll)\b)", ""),  # "her family 's" → "family's"
        (r" (?=n[’']t\b)", ""),  # "did n't" → "didn't"
        (r"(?<=s) '(?= )", "'"),  # "Thomas ' carrier" → "Thomas' carrier"
        (r"\s*/\s*", "/"),  # URLs and "and / or"
        (r" _ ", "_"),
        (r"(?<=\w) - (?=\w)", "-"),  # "90 - day" → "90-day"
        (r"([$£€]) (?=\d)", r"\1"),  # "$ 3 billion" → "$3 billion"
        (r"(?<=\d) %", "%"),  # "24 %" → "24%"
        (r"([(\[]) ", r"\1"),
        (r" (?=[)\],.;:?!%])", ""),
    ]
]


def jsonl_records(path: Path) -> list[dict[str, Any]]:
    """The records of a JSON-lines file, blank lines skipped; none when it is absent."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _abbreviation(m: re.Match[str]) -> str:
    return m.group(0).replace(" ", "")


_ABBREVIATION = re.compile(r"(?<![\w.])[A-Za-z] \.(?: [A-Za-z] \.)+")  # "U . S ." → "U.S."


def _straight_quotes(text: str) -> str:
    """Attach stand-alone ``"`` tokens to their word: open quotes to the word after,
    close quotes to the word before, telling them apart by alternation."""
    out: list[str] = []
    inside = False
    glue_next = False
    tokens = text.split(" ")
    for n, token in enumerate(tokens):
        if token == '"':
            if (inside or n == len(tokens) - 1) and out:
                out[-1] += '"'
            else:
                glue_next = True
            inside = not inside
            continue
        if glue_next:
            token, glue_next = '"' + token, False
        if token.startswith('"') and not token.endswith('"'):
            inside = True
        elif token.endswith('"') and not token.startswith('"'):
            inside = False
        out.append(token)
    if glue_next:
        out.append('"')
    return " ".join(out)


def detokenise(text: str) -> str:
    """Rejoin ECB+'s space-separated tokens into running text: "6 . 1" → "6.1",
    "120 , 000" → "120,000", "`` x ''" → “x”, "family 's" → "family's", "did n't" →
    "didn't", "I ’ m" → "I’m", " ," → ",", "( x )" → "(x)"."""
    text = _straight_quotes(" ".join(text.split()))
    text = _ABBREVIATION.sub(_abbreviation, text)
    for pattern, repl in _DETOKENISE:
        text = pattern.sub(repl, text)
    return text


# --- ECB+ -------------------------------------------------------------------------------


@dataclass(frozen=True)
class EcbSentence:
    topic: int
    subtopic: str  # "1_ecb" or "1_ecbplus": two different real events of one topic
    doc: str
    sent: int
    text: str  # detokenised


@functools.lru_cache(maxsize=2)
def load_ecb(path: Path = ECB_DIR) -> tuple[EcbSentence, ...]:
    """Every ECB+ sentence, detokenised, in file order (documents in sentence order)."""
    out = []
    with (path / "sentences.jsonl").open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            out.append(
                EcbSentence(r["topic"], r["subtopic"], r["doc"], r["sent"], detokenise(r["text"]))
            )
    return tuple(out)


def load_action_pairs(path: Path = ECB_DIR) -> list[tuple[tuple[str, int], tuple[str, int]]]:
    """ECB+ gold: pairs of ``(doc, sent)`` keys of cross-document sentences that describe
    the same event action."""
    pairs = []
    with (path / "action_pairs.jsonl").open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            pairs.append(((r["a_doc"], r["a_sent"]), (r["b_doc"], r["b_sent"])))
    return pairs


def by_doc(sentences: Iterable[EcbSentence]) -> dict[str, list[EcbSentence]]:
    docs: dict[str, list[EcbSentence]] = defaultdict(list)
    for s in sentences:
        docs[s.doc].append(s)
    return dict(docs)


def by_topic(sentences: Iterable[EcbSentence]) -> dict[int, list[EcbSentence]]:
    topics: dict[int, list[EcbSentence]] = defaultdict(list)
    for s in sentences:
        topics[s.topic].append(s)
    return dict(sorted(topics.items()))


def ecb_article(doc: str, sentences: Sequence[EcbSentence], outlet: str | None = None) -> Article:
    """One ECB+ document as an article, a sentence a line; the outlet is the doc id."""
    return Article(id=doc, outlet=outlet or doc, text="\n".join(s.text for s in sentences))


def _usable(text: str) -> bool:
    """A sentence worth putting in a synthetic article: not a dateline, byline or URL."""
    return len(text.split()) >= 5 and "http" not in text and "www." not in text


def synth_articles(
    n: int,
    sentences_per_article: int = 20,
    outlets: int = 10,
    seed: int = 0,
    exclude: Iterable[str] = (),
    pool: Sequence[EcbSentence] | None = None,
    per_paragraph: int = 3,
) -> list[Article]:
    """``n`` articles of real news sentences: article ``i`` takes
    ``sentences_per_article`` sentences of ECB+ topic ``i mod 43`` (so outlets write
    about the same stories, as in real use), drawn without replacement from a shuffled
    copy of that topic's sentences until it runs out, then reshuffled (so sentences
    repeat only beyond ~16,000 drawn), in paragraphs of ``per_paragraph`` sentences.
    Outlets cycle over ``outlets`` names. ``exclude``: sentence texts never to use (an
    article held out for checking)."""
    skip = set(exclude)
    topics = [
        [s.text for s in group if _usable(s.text) and s.text not in skip]
        for group in by_topic(pool if pool is not None else load_ecb()).values()
    ]
    topics = [t for t in topics if t]
    rng = random.Random(seed)
    queues: list[list[str]] = [[] for _ in topics]
    articles = []
    for i in range(n):
        t = i % len(topics)
        body = []
        for _ in range(sentences_per_article):
            if not queues[t]:
                queues[t] = rng.sample(topics[t], len(topics[t]))
            body.append(queues[t].pop())
        paragraphs = [
            " ".join(body[k : k + per_paragraph]) for k in range(0, len(body), per_paragraph)
        ]
        articles.append(
            Article(
                id=f"synth-{i:05d}",
                outlet=f"outlet-{i % outlets:02d}",
                text="\n\n".join(paragraphs),
            )
        )
    return articles


_DIGITS = re.compile(r"\d[\d,.]*")


def news_year(
    n: int,
    sentences_per_article: int = 25,
    days: int = 365,
    outlets: int = 20,
    per_story: int = 5,
    seed: int = 0,
) -> list[Article]:
    """``n`` articles of a synthetic year of news, for scaling runs: stories on random
    days, each covered by about ``per_story`` outlets within three days. A story is an
    ECB+ topic (one of 43) with its own facts: sentences spliced from two of the topic's
    sentences (the first half of one, the second half of another) with the story's own
    numbers, so that stories of one topic read alike but are not copies. Each article
    tells ``sentences_per_article`` of its story's facts in its own order, drops a word
    from some, and gives one fact in fifty another number. Deterministic in ``seed``."""
    topics = [
        [s.text.split() for s in group if _usable(s.text)]
        for group in by_topic(load_ecb()).values()
    ]
    rng = random.Random(seed)
    stories = max(1, n // per_story)
    facts_per_story = sentences_per_article + sentences_per_article // 2

    def story_facts(story: int) -> tuple[int, list[str]]:
        r = random.Random(f"{seed}-{story}")
        pool = topics[story % len(topics)]
        facts = []
        for _ in range(facts_per_story):
            a, b = r.choice(pool), r.choice(pool)
            words = a[: len(a) // 2] + b[len(b) // 2 :]
            text = " ".join(words)
            facts.append(_DIGITS.sub(lambda _: str(r.randint(2, 5000)), text))
        return r.randrange(days), facts

    articles = []
    for i in range(n):
        day, facts = story_facts(rng.randrange(stories))
        body = []
        for fact in rng.sample(facts, min(sentences_per_article, len(facts))):
            words = fact.split()
            if len(words) > 6 and rng.random() < 0.3:
                del words[rng.randrange(1, len(words) - 1)]
            if rng.random() < 0.02:
                words = [_DIGITS.sub(str(rng.randint(2, 5000)), w) for w in words]
            text = " ".join(words)
            body.append(text if text.endswith((".", "!", "?", '"')) else text + ".")
        paragraphs = [" ".join(body[k : k + 3]) for k in range(0, len(body), 3)]
        articles.append(
            Article(
                id=f"news-{i:07d}",
                outlet=f"outlet-{rng.randrange(outlets):02d}",
                text="\n\n".join(paragraphs),
                published=dt.date(2024, 1, 1) + dt.timedelta(days=day + rng.randrange(3)),
            )
        )
    return articles


def corpus_key(articles: Iterable[Article]) -> str:
    h = hashlib.sha256()
    for a in articles:
        h.update(f"{a.id}\0{a.outlet}\0{a.text}\0".encode())
    return h.hexdigest()[:16]


# --- timing, memory, machine ------------------------------------------------------------


def timed(fn: Callable[..., T], *args: Any) -> tuple[float, T]:
    """``(seconds, result)`` of one call ``fn(*args)``, by the performance counter."""
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MiB: ``VmHWM`` of
    ``/proc/self/status`` where there is one (``ru_maxrss`` of a child started by
    fork and exec also counts the parent's memory at the fork), else ``ru_maxrss``."""
    peak = _status_mb("VmHWM:")
    if peak is not None:
        return peak
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(kib / 1024 if sys.platform != "darwin" else kib / 2**20, 1)


def rss_mb() -> float:
    """This process's resident memory now, in MiB (``VmRSS``; 0 where there is none)."""
    return _status_mb("VmRSS:") or 0.0


def reset_peak_rss() -> bool:
    """Hand this process's free memory back to the system (glibc's ``malloc_trim``)
    and set its peak resident memory to the present (``/proc/self/clear_refs``), so
    that the peak read after some work is that work's: not an earlier peak, and not
    less than the work allocated because it refilled pages freed before. False where
    the peak cannot be reset (not Linux)."""
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _status_mb(field: str) -> float | None:
    """A memory line of ``/proc/self/status`` in MiB; None without one."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def _run(cmd: list[str]) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return ""


def load_average() -> float:
    """The 1-minute load average: other work on the machine slows every timing."""
    return round(os.getloadavg()[0], 2)


def machine() -> dict[str, Any]:
    """Where the figures were measured: date, CPUs, memory, CPU model, versions."""
    import torch

    cpu = ""
    for line in _run(["lscpu"]).splitlines():
        if line.startswith("Model name:"):
            cpu = line.split(":", 1)[1].strip()
    mem = ""
    for line in _run(["free", "-h"]).splitlines():
        if line.startswith("Mem:"):
            mem = line.split()[1]
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": int(_run(["nproc"]) or os.cpu_count() or 0),
        "cpu": cpu or platform.processor(),
        "memory": mem,
        "python": platform.python_version(),
        "torch": torch.__version__,
        "torch_threads": torch.get_num_threads(),
        "load_average_1m": load_average(),
    }


# --- embedding --------------------------------------------------------------------------


class CachingEmbedder(Embedder):
    """An :class:`Embedder` that remembers every vector it computed (by text), and can
    keep them on disk. For the accuracy sections only, where the same ECB+ sentences are
    embedded several times: the speed sections use a plain :class:`Embedder`."""

    def __init__(self, base: Embedder, path: Path | None = None):
        super().__init__(base.name, base.batch_size)
        self._model = base._model
        self._base = base
        self.path = path
        self._cache: dict[str, np.ndarray] = {}
        if path is not None and path.exists():
            self._read(path)

    def _load(self) -> Any:
        return self._base._load()

    def encode(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        import numpy as np

        missing = sorted(set(texts) - self._cache.keys())
        if missing:
            self._cache.update(zip(missing, self._base.encode(missing, progress), strict=True))
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts]).astype(np.float32, copy=False)

    def remember(self, texts: Sequence[str], vectors: np.ndarray) -> None:
        """Keep vectors computed elsewhere (rows in the order of ``texts``)."""
        self._cache.update(zip(texts, vectors, strict=True))

    def _read(self, path: Path) -> None:
        import numpy as np

        with np.load(path, allow_pickle=False) as data:
            texts = [str(t) for t in data["texts"]]
            self._cache.update(zip(texts, data["vectors"], strict=True))

    def save(self) -> None:
        """Write the cache to ``path`` (atomically: a temporary file, then a rename)."""
        import numpy as np

        if self.path is None or not self._cache:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        texts = sorted(self._cache)
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(tmp, texts=np.array(texts), vectors=np.stack([self._cache[t] for t in texts]))
        tmp.replace(self.path)


def vector_cache_path(embedder: Embedder, cache_dir: Path = CACHE_DIR) -> Path:
    """Where :class:`CachingEmbedder` keeps the vectors of ``embedder``'s model."""
    name = re.sub(r"[^\w.-]+", "_", embedder.name)
    return cache_dir / f"vectors-{name}.npz"


def library_key() -> str:
    """A hash of crosscheck's source: stores cached by the benchmarks are rebuilt when
    the library changes (its extraction decides what a store holds)."""
    import crosscheck

    h = hashlib.sha256()
    for path in sorted(Path(crosscheck.__file__).parent.glob("*.py")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:12]
