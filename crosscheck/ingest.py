"""Files → Article. The only module that reads user files.

Formats: ``.txt`` (an optional first line ``date YYYY-MM-DD`` gives the publication
date), ``.md`` (YAML front matter: outlet, title, url, published), ``.html``/``.htm``
(main text only: navigation, headers, footers, asides, scripts and forms are dropped),
``.json`` (one record or a list of records) and ``.jsonl`` (one record a line). A record
carries ``text`` (or ``body``/``content``) plus optional ``id``, ``outlet``, ``title``,
``url``, ``published``. Where no outlet is given, the file stem stands in.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import stat
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from . import config
from .errors import InputError
from .model import Article, has_surrogate, without_surrogates

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl")
_TEXT_KEYS = ("text", "body", "content", "article")
_OUTLET_KEYS = ("outlet", "source", "site", "publisher", "site_name")
_DATE_KEYS = ("published", "date", "published_at", "publish_date", "pubdate")
_DATELINE = re.compile(r"\A\s*(?:date|published)\s*:?\s*(\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)


@dataclass
class Corpus:
    """What ingest read: the articles, and one warning per file or record it skipped."""

    articles: list[Article] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def parse_date(value: object) -> dt.date | None:
    """An ISO date (or the date part of an ISO timestamp) → date; anything else → None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    return None


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Every article file under ``paths``, in a stable order. Directories are walked
    recursively; ``README`` files and hidden files inside them are not articles. A
    dangling link is yielded too, so that reading it names it in a warning."""
    for path in paths:
        if path.is_dir():
            for p in sorted(walk(path)):
                rel = p.relative_to(path).parts
                if any(part.startswith(".") for part in rel):
                    continue
                if p.suffix.lower() not in SUFFIXES or p.stem.upper() == "README":
                    continue
                if p.is_file() or (p.is_symlink() and not p.exists()):
                    yield p
        elif path.exists() or path.is_symlink():
            yield path
        else:
            raise InputError(f"{path}: no such file or directory")


def walk(root: Path) -> Iterator[Path]:
    """Every entry under folder ``root``, as ``root.rglob("*")`` gives them (links to
    folders listed, not entered), by a loop rather than recursion: folders nested a
    thousand deep are read, not a RecursionError."""
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as entries:
                found = list(entries)
        except OSError:
            continue  # an unreadable folder holds nothing to read, as for rglob
        for entry in found:
            yield folder / entry.name
            if entry.is_dir(follow_symlinks=False):
                stack.append(folder / entry.name)


def read_text(path: Path) -> str:
    """Decode a file: UTF-8 (with or without BOM), UTF-16 (with BOM, or plainly
    UTF-16LE/BE by its zero bytes), else cp1252 (a superset of printable Latin-1).

    Raises InputError for a dangling link, a file over ``MAX_FILE_BYTES`` and binary
    data; OSError (permissions) is left to the caller."""
    if path.is_symlink() and not path.exists():
        raise InputError(f"{path}: a link to {os.readlink(path)}, which does not exist")
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        # A FIFO would block for ever, a device (/dev/zero) never end.
        raise InputError(f"{path}: not a regular file (a pipe, a device or a socket)")
    too_big = (
        f"{path}: over the {config.MAX_FILE_BYTES / 1e6:.0f} MB limit for one file; "
        "split it into articles"
    )
    if info.st_size > config.MAX_FILE_BYTES:
        raise InputError(too_big)
    with path.open("rb") as f:
        raw = f.read(config.MAX_FILE_BYTES + 1)  # the size said is not trusted
    if len(raw) > config.MAX_FILE_BYTES:
        raise InputError(too_big)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16", errors="replace")
    elif raw[1::2].count(0) > len(raw) // 4 and not raw[0::2].count(0):
        text = raw.decode("utf-16-le", errors="replace")
    elif raw[0::2].count(0) > len(raw) // 4 and not raw[1::2].count(0):
        text = raw.decode("utf-16-be", errors="replace")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\ufffd")
    if "\x00" in text or controls > max(8, len(text) // 20):
        raise InputError(f"{path}: looks like a binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load(paths: Iterable[Path | str]) -> Corpus:
    """Read every article under ``paths``. A file that cannot be read is skipped with a
    warning naming it and the reason; the rest of the corpus is still read."""
    return assemble(read_one(path) for path in iter_files(Path(p) for p in paths))


@dataclass(frozen=True)
class FileRead:
    """What one file gave: its articles, or (``error``, naming the file) why it could not
    be read."""

    path: Path
    articles: tuple[Article, ...] = ()
    error: str | None = None


def read_one(path: Path) -> FileRead:
    """The articles in one file. Needs nothing from the other files, so files can be read
    anywhere (``crosscheck.ray_engine`` reads them in Ray tasks); a file that cannot be
    read gives an ``error`` instead of raising."""
    try:
        articles = tuple(_read_file(path))
    except (InputError, OSError, ValueError, yaml.YAMLError) as exc:
        msg = str(exc) if str(exc).startswith(str(path)) else f"{path}: {exc}"
        return FileRead(path, error=msg)
    except RecursionError:
        return FileRead(path, error=f"{path}: nested too deeply to read (JSON or YAML)")
    return FileRead(path, articles)


def assemble(reads: Iterable[FileRead]) -> Corpus:
    """The corpus of files read, in the order of ``reads``: one warning per file that
    could not be read (logged at INFO too), one per file without article text, and an
    article id met before renamed ``id~2``, ``id~3``… with a warning naming both files."""
    corpus = Corpus()
    seen: dict[str, str] = {}
    for read in reads:
        path = read.path
        if read.error is not None:
            corpus.warnings.append(one_line(f"skipped {read.error}"))
            log.info("skipped %s", read.error)  # the warning reaches the user with the corpus
            continue
        if not read.articles:
            corpus.warnings.append(one_line(f"skipped {path}: no article text"))
        for article in read.articles:
            article = _clean_fields(article)
            if article.id in seen:
                new_id = _free_id(article.id, seen)
                corpus.warnings.append(
                    one_line(
                        f"{path}: article id {article.id!r} already used by "
                        f"{seen[article.id]}; renamed to {new_id!r}"
                    )
                )
                article = replace(article, id=new_id)
            seen[article.id] = str(path)
            corpus.articles.append(article)
    return corpus


def one_line(text: str) -> str:
    """``text`` with its line breaks written out ("\\n"): a name or a warning is one
    line, and a file name with a newline forges no line of its own."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


def _clean_fields(a: Article) -> Article:
    """``a`` with each lone surrogate (a JSON "\\ud800", a file name's byte that is not
    UTF-8) as U+FFFD: no encoder, tokenizer or database takes one; and a line break in a
    name written out ("\\n"), in a title or URL a space: a name is one line of a table
    or a message, never two."""

    def name(s: str) -> str:
        return one_line(without_surrogates(s))

    def line(s: str) -> str:
        return " ".join(without_surrogates(s).splitlines())

    names = (a.id, a.outlet, a.title, a.url, a.source)
    if not has_surrogate(a.text) and not any(
        has_surrogate(s) or "\n" in s or "\r" in s for s in names
    ):
        return a
    return replace(
        a, id=name(a.id), outlet=name(a.outlet), text=without_surrogates(a.text),
        title=line(a.title), url=line(a.url), source=name(a.source),
    )  # fmt: skip


def _free_id(base: str, seen: dict[str, str]) -> str:
    n = 2
    while f"{base}~{n}" in seen:
        n += 1
    return f"{base}~{n}"


def _read_file(path: Path) -> Iterator[Article]:
    suffix = path.suffix.lower()
    text = read_text(path)
    if suffix in (".json", ".jsonl"):
        yield from _read_records(path, text, jsonl=suffix == ".jsonl")
        return
    if suffix in (".html", ".htm"):
        article = _read_html(path, text)
    elif suffix in (".md", ".markdown"):
        article = _read_markdown(path, text)
    else:
        published = None
        m = _DATELINE.match(text)
        if m:
            published = parse_date(m[1])
        article = Article(
            id=path.stem, outlet=path.stem, text=text, published=published, source=str(path)
        )
    if article.text.strip():
        yield article


class _NoAliases(yaml.SafeLoader):
    """YAML without anchors' aliases: front matter never needs them, and nested aliases
    ("a billion laughs") make a few hundred bytes expand past any memory."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise InputError("front matter uses a YAML alias (*name); write the value out")
        return super().compose_node(parent, index)


def _read_markdown(path: Path, text: str) -> Article:
    meta: dict[str, Any] = {}
    body = text
    m = re.match(r"\A---\n(.*?)\n---[ \t]*\n?", text, re.DOTALL)
    if m:
        loaded = yaml.load(m[1], Loader=_NoAliases)  # a SafeLoader without aliases
        if loaded is not None and not isinstance(loaded, dict):
            raise InputError(f"{path}: front matter is not a mapping of keys to values")
        meta = loaded or {}
        body = text[m.end() :]
    return _from_meta(path, meta, body, default_id=path.stem)


def _read_records(path: Path, text: str, jsonl: bool) -> Iterator[Article]:
    records: list[tuple[str, Any]] = []
    if jsonl:
        for n, line in enumerate(text.split("\n"), 1):
            if line.strip():
                try:
                    records.append((f"line {n}", json.loads(line)))
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}: line {n} is not valid JSON ({exc.msg})") from None
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{path}: not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
            ) from None
        items = data if isinstance(data, list) else [data]
        records = [(f"record {n}", item) for n, item in enumerate(items, 1)]
    for n, (where, record) in enumerate(records, 1):
        if not isinstance(record, dict):
            raise InputError(f"{path}: {where} is not an object")
        body = next((record[k] for k in _TEXT_KEYS if isinstance(record.get(k), str)), None)
        if body is None:
            raise InputError(f"{path}: {where} has no text field ({', '.join(_TEXT_KEYS)})")
        default_id = path.stem if len(records) == 1 else f"{path.stem}-{n}"
        article = _from_meta(path, record, body, default_id=default_id)
        if article.text.strip():
            yield article


def _from_meta(path: Path, meta: dict[str, Any], body: str, default_id: str) -> Article:
    def first(keys: Iterable[str]) -> Any:
        return next((meta[k] for k in keys if meta.get(k) not in (None, "")), None)

    return Article(
        id=str(meta.get("id") or default_id),
        outlet=str(first(_OUTLET_KEYS) or path.stem),
        text=body,
        title=str(meta.get("title") or ""),
        url=str(meta.get("url") or ""),
        published=parse_date(first(_DATE_KEYS)),
        source=str(path),
    )


# --- HTML -------------------------------------------------------------------------------

# fmt: off
_SKIP_TAGS = {
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button",
    "iframe", "svg", "figure", "figcaption", "template", "select", "head",
}
# fmt: on
# fmt: off
_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "section", "article", "main", "tr", "table", "pre", "hr", "dd", "dt",
}
# fmt: on
_VOID_TAGS = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "col"}


class _MainText(HTMLParser):
    """Collects metadata and the visible text of block elements, outside page furniture.
    If the page has an ``<article>`` element, only text inside it is kept."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self._in_title = False
        self._skip_depth = 0
        self._stack: list[str] = []
        self._open: Counter[str] = Counter()  # the tags on the stack, for stray end tags
        self.all_text: list[str] = []
        self.article_text: list[str] = []
        self._article_depth = 0
        self.has_article = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"])
        elif tag == "link" and a.get("rel", "").lower() == "canonical" and a.get("href"):
            self.meta.setdefault("canonical", a["href"])
        if tag == "title":
            self._in_title = True
        if tag in _VOID_TAGS:
            if tag in _BLOCK_TAGS:
                self._emit("\n")
            return
        self._stack.append(tag)
        self._open[tag] += 1
        if tag in _SKIP_TAGS or self._skip_depth:
            self._skip_depth += 1
        if tag == "article":
            self._article_depth += 1
            self.has_article = True
        if tag in _BLOCK_TAGS:
            self._emit("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if not self._open[tag]:
            return  # a stray end tag in broken HTML
        while self._stack:
            open_tag = self._stack.pop()
            self._open[open_tag] -= 1
            if self._skip_depth:
                self._skip_depth -= 1
            if open_tag == "article":
                self._article_depth -= 1
            if open_tag in _BLOCK_TAGS:
                self._emit("\n")
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if not self._skip_depth:
            self._emit(data)

    def _emit(self, text: str) -> None:
        self.all_text.append(text)
        if self._article_depth:
            self.article_text.append(text)


def _read_html(path: Path, text: str) -> Article:
    parser = _MainText()
    parser.feed(text)
    parser.close()
    raw = "".join(parser.article_text if parser.has_article else parser.all_text)
    paragraphs = [re.sub(r"[ \t\u00a0]+", " ", p).strip() for p in raw.split("\n")]
    body = "\n\n".join(p for p in paragraphs if p)
    meta = parser.meta
    record = {
        "outlet": meta.get("og:site_name") or meta.get("publisher") or meta.get("author"),
        "title": meta.get("og:title") or parser.title.strip(),
        "url": meta.get("og:url") or meta.get("canonical"),
        "published": meta.get("article:published_time")
        or meta.get("date")
        or meta.get("datepublished")
        or meta.get("pubdate"),
    }
    return _from_meta(path, record, body, default_id=path.stem)
