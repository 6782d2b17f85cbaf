from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from crosscheck.errors import InputError
from crosscheck.ingest import load
from crosscheck.segment import segment


def test_txt_uses_the_file_stem_and_a_dateline(tmp_path: Path) -> None:
    (tmp_path / "wire.txt").write_text(" date 2017-05-05 PA Wire\n\nLabour lost 275 seats.\n")
    [article] = load([tmp_path]).articles
    assert (article.id, article.outlet, article.published) == ("wire", "wire", dt.date(2017, 5, 5))


def test_markdown_front_matter(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\noutlet: The Ledger\ntitle: Rally\nurl: https://x.example/a\npublished: 2017-05-06\n"
        "---\nCorbyn held a rally in Manchester on Friday evening.\n"
    )
    [a] = load([tmp_path]).articles
    assert (a.outlet, a.title, a.url, a.published) == (
        "The Ledger",
        "Rally",
        "https://x.example/a",
        dt.date(2017, 5, 6),
    )
    assert a.text.startswith("Corbyn held")


def test_html_keeps_the_article_and_drops_furniture(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_text(
        "<html><head><title>T</title><meta property='og:site_name' content='Courier'>"
        "<meta property='article:published_time' content='2017-05-06T09:00:00Z'></head><body>"
        "<nav>Home News Sport</nav><article><h1>Corbyn rallies in Manchester</h1>"
        "<p>Corbyn told a crowd of 200 supporters that Labour &amp; its allies would fight on.</p>"
        "<figure><figcaption>Photograph: Jane Doe/PA</figcaption></figure>"
        "<aside>Related stories: crowd of 5,000</aside><p>He left at 9pm.</p></article>"
        "<footer>Sign up to our newsletter</footer><script>alert(1)</script></body></html>"
    )
    [a] = load([tmp_path]).articles
    assert (a.outlet, a.published) == ("Courier", dt.date(2017, 5, 6))
    assert "Labour & its allies" in a.text
    for junk in ("Home News", "Jane Doe", "5,000", "newsletter", "alert"):
        assert junk not in a.text
    assert [s.text for s in segment(a)][-1] == "He left at 9pm."


def test_json_and_jsonl_records(tmp_path: Path) -> None:
    record = {"id": "r1", "outlet": "Civic Post", "published": "2017-05-06", "text": "Hello there."}
    (tmp_path / "one.json").write_text(json.dumps(record))
    (tmp_path / "many.jsonl").write_text(
        json.dumps({"text": "First.", "source": "S1"}) + "\n\n" + json.dumps({"body": "Second."})
    )
    corpus = load([tmp_path])
    got = {(a.id, a.outlet) for a in corpus.articles}
    assert got == {("r1", "Civic Post"), ("many-1", "S1"), ("many-2", "many")}


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("bad.json", "{not json", "not valid JSON"),
        ("bad.jsonl", '{"text": "ok"}\n{broken', "line 2 is not valid JSON"),
        ("notext.json", '{"title": "no body"}', "has no text field"),
        ("front.md", "---\n- a list\n---\nbody", "front matter is not a mapping"),
        ("bin.txt", b"\x00\x01\x02binary".decode("latin-1"), "binary"),
    ],
)
def test_a_bad_file_is_named_and_the_rest_is_read(
    tmp_path: Path, name: str, content: str, reason: str
) -> None:
    (tmp_path / name).write_text(content, encoding="latin-1")
    (tmp_path / "good.txt").write_text("Labour lost 275 seats.")
    corpus = load([tmp_path])
    assert [a.id for a in corpus.articles] == ["good"]
    [warning] = corpus.warnings
    assert name in warning and reason in warning


def test_duplicate_ids_are_renamed_not_lost(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "a.txt").write_text("One.")
    (tmp_path / "x" / "a.txt").write_text("Two.")
    corpus = load([tmp_path])
    assert sorted(a.id for a in corpus.articles) == ["a", "a~2"]
    assert "renamed" in corpus.warnings[0]


def test_a_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load([tmp_path / "nope"])


def test_cp1252_and_utf16_are_decoded(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Caf\u00e9 \u201cquoted\u201d".encode("cp1252"))
    (tmp_path / "b.txt").write_bytes("Caf\u00e9 owner said".encode("utf-16"))
    texts = {a.id: a.text for a in load([tmp_path]).articles}
    assert texts == {"a": "Café “quoted”", "b": "Café owner said"}


def test_readme_in_a_folder_is_not_an_article(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# About this corpus\n")
    (tmp_path / "a.txt").write_text("Text.")
    assert [a.id for a in load([tmp_path]).articles] == ["a"]
