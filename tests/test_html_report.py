"""The HTML report: pure checks on the markup, then the page in headless Chromium.

The browser tests skip when Selenium, chromium or chromedriver is missing (see
``tests/browser.py``), except under CI (``CI=true``), where they fail instead.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from crosscheck import report as text_report
from crosscheck.embed import Embedder
from crosscheck.html_report import finding_id, to_html
from crosscheck.model import Article, Finding, FindingKind, Report, Severity, Side
from crosscheck.pipeline import build_report

from . import browser
from .conftest import require_shared

if TYPE_CHECKING:
    from selenium.webdriver.chrome.webdriver import WebDriver

INJECTION = '<script>window.__pwned=1</script> and <img src=x onerror="window.__pwned=1">'
LEDGER_URL = "https://ledger.example/2017/05/rally?a=1&b=2"


def _side(
    article: str, outlet: str, sentence: str, claim: str, *, url: str = "", offset: int = 100
) -> Side:
    """A side whose claim is the first occurrence of ``claim`` in ``sentence``, with the
    sentence at ``offset`` in its article."""
    lo = sentence.index(claim)
    return Side(
        article=article,
        outlet=outlet,
        text=claim,
        sentence=sentence,
        start=offset + lo,
        end=offset + lo + len(claim),
        sentence_start=offset,
        sentence_end=offset + len(sentence),
        published="2017-05-06",
        url=url,
    )


def _quantity() -> Finding:
    a = _side(
        "ledger",
        "The Ledger",
        "Corbyn was cheered by around 200 supporters.",
        "around 200",
        url=LEDGER_URL,
    )
    b = _side("wire", "Metro Wire", "Corbyn was cheered by some 2,000 supporters.", "some 2,000")
    return Finding(
        FindingKind.QUANTITY_CONFLICT,
        Severity.HIGH,
        "The Ledger says around 200 supporters; Metro Wire says some 2,000",
        (a, b),
        detail="ratio 8.18",
    )


def _drift() -> Finding:
    said = "Corbyn said: “{}”"
    a_quote = "I have been in touch with Andy and he’s hard at work for the people of the region."
    b_quote = "I have spoken to Andy and he is working hard for the people of region."
    return Finding(
        FindingKind.QUOTE_DRIFT,
        Severity.MEDIUM,
        "Jeremy Corbyn is quoted differently",
        (
            _side("ledger", "The Ledger", said.format(a_quote), a_quote),
            _side("wire", "Metro Wire", said.format(b_quote), b_quote, offset=7),
        ),
        detail="-been in touch with +spoken to; -he's +he is; +working; -at work; -the",
        subtype="substitution",
    )


def _injected() -> Finding:
    sentence = f"The mayor said: “We will {INJECTION} win,” to the crowd."
    claim = f"We will {INJECTION} win,"
    return Finding(
        FindingKind.CORROBORATION,
        Severity.INFO,
        f"both quote the mayor: {INJECTION}",
        (
            _side("evil", f"Evil {INJECTION}", sentence, claim, url="javascript:alert(1)"),
            _side("wire", "Metro Wire", sentence, claim),
        ),
        detail=INJECTION,
    )


def _report(*findings: Finding) -> Report:
    articles = (
        Article("evil", f"Evil {INJECTION}", "", title=INJECTION, url="javascript:alert(1)"),
        Article("ledger", "The Ledger", "", title="Rally", url=LEDGER_URL),
        Article("wire", "Metro Wire", ""),
    )
    return Report(
        articles=articles, findings=findings, model="m", warnings=(f"skipped {INJECTION}",)
    )


# --- pure checks on the markup ----------------------------------------------------------


@pytest.mark.parametrize("finding", [_injected()])
def test_article_markup_is_escaped_text(finding: Finding) -> None:
    page = to_html(_report(finding))
    assert page.count("<script") == 1  # the page's own filter script, nothing else
    assert "<img" not in page and 'onerror="' not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "onerror=&quot;window.__pwned=1&quot;" in page
    assert "javascript:" not in page.split("<script>")[0]  # never a link target
    script = page.split("<script>")[1].split("</script>")[0]
    assert "pwned" not in script and "Metro Wire" not in script


@pytest.mark.parametrize("findings", [(_quantity(), _drift(), _injected())])
def test_page_has_no_external_references(findings: tuple[Finding, ...]) -> None:
    page = to_html(_report(*findings))
    source = LEDGER_URL.replace("&", "&amp;")
    # Article text is escaped, so every "<" left in the page opens one of its own tags.
    for tag in re.findall(r"<[a-zA-Z][^>]*>", page):
        name = tag[1:].split()[0].rstrip(">").lower()
        assert name not in ("link", "img", "iframe", "object", "embed", "base"), tag
        assert not re.search(r"\bsrc\s*=", tag), tag
        for target in re.findall(r'\bhref="([^"]*)"', tag):
            assert name == "a" and (target.startswith("#") or target == source), tag
    assert not re.search(r"@import|url\(", page)
    assert page.count(f'href="{source}"') == 2  # article + side


@pytest.mark.parametrize("finding", [_quantity()])
def test_both_sides_with_the_claim_marked(finding: Finding) -> None:
    page = to_html(_report(finding))
    for side in finding.sides:
        assert f'<strong class="outlet">{side.outlet}</strong>' in page
        where = f"{side.article} @{side.start}-{side.end}"
        assert where in page  # the detail line; the mark's title holds it too
        # The number is the claim and the difference both.
        claim = f'<mark class="claim" title="{where}"><mark class="diff">{side.text}</mark></mark>'
        assert claim in page


@pytest.mark.parametrize(
    ("finding", "marked"),
    [
        (
            _drift(),
            [["been in touch with", "he’s", "at work", "the"], ["spoken to", "he is working"]],
        ),
    ],
)
def test_quote_drift_marks_the_words_in_the_detail(
    finding: Finding, marked: list[list[str]]
) -> None:
    page = to_html(_report(finding))
    sentences = re.findall(r'<blockquote class="sentence">(.*?)</blockquote>', page)
    assert len(sentences) == 2
    for sentence, words in zip(sentences, marked, strict=True):
        assert re.findall(r'<mark class="diff">(.*?)</mark>', sentence) == words
    # "the" is marked where it was dropped ("of the region"), not at its first use.
    assert 'of <mark class="diff">the</mark> region' in sentences[0]


def _pair(kind: FindingKind, a: str, b: str, detail: str = "", speakers: str = "") -> Finding:
    """Two whole-sentence claims (quotes when ``speakers`` is "A|B")."""
    sa, sb = _side("ledger", "The Ledger", a, a), _side("wire", "Metro Wire", b, b)
    if speakers:
        names = speakers.split("|")
        sa = _side("ledger", "The Ledger", f"“{a},” said {names[0]}.", a)
        sb = _side("wire", "Metro Wire", f"“{b},” said {names[1]}.", b)
        sa, sb = replace(sa, speaker=names[0]), replace(sb, speaker=names[1])
    return Finding(kind, Severity.HIGH, "why", (sa, sb), detail=detail)


@pytest.mark.parametrize(
    ("finding", "marked"),
    [
        (
            _pair(
                FindingKind.NAME_CONFLICT,
                "Supporters packed into the Manchester Convention Centre for the event.",
                "Supporters packed into Manchester Central Library for the event.",
                detail="-Convention Centre +Central Library",
            ),
            [["Convention Centre"], ["Central Library"]],
        ),
        (
            _pair(
                FindingKind.NEGATION_CONFLICT,
                "Mayor Andy Burnham did not attend the rally.",
                "Mayor Andy Burnham attended the rally.",
            ),
            [["did not attend"], ["attended"]],
        ),
        (
            _pair(
                FindingKind.MISATTRIBUTION,
                "These results are a warning",
                "These results are a warning",
                speakers="Tom Watson|Ian Lavery",
            ),
            [["Tom Watson"], ["Ian Lavery"]],
        ),
    ],
)
def test_the_words_that_differ_are_marked(finding: Finding, marked: list[list[str]]) -> None:
    page = to_html(_report(finding))
    sentences = re.findall(r'<blockquote class="sentence">(.*?)</blockquote>', page)
    found = [re.findall(r'<mark class="diff">(.*?)</mark>', s) for s in sentences]
    assert found == marked


@pytest.mark.parametrize("findings", [(_quantity(), _drift(), _injected())])
def test_filters_and_summary_cover_every_kind_and_outlet(findings: tuple[Finding, ...]) -> None:
    page = to_html(_report(*findings))
    for f in findings:
        assert f'value="{f.kind.value}" checked' in page
        assert f'value="{f.severity.value}" checked' in page
        assert (
            f'<code class="fid" title="finding id, as in the JSON report">{finding_id(f)}' in page
        )
    assert page.count('<article class="finding') == len(findings)
    assert '<span class="pair">Metro Wire</span> ↔ <span class="pair">The Ledger</span>' in page
    assert "3 articles from 3 outlets; 2 conflicts, 1 corroborations" in page


@pytest.mark.parametrize("finding", [_quantity()])
def test_shared_claims_make_one_fact(finding: Finding) -> None:
    a = finding.sides[0]
    c = _side("post", "Civic Post", "Corbyn was cheered by around 200 people.", "around 200")
    agree = Finding(FindingKind.CORROBORATION, Severity.INFO, "agree", (a, c))
    page = to_html(_report(finding, agree))
    [fact] = re.findall(r'<article class="fact conflict" data-findings="f1 f2">.*?</article>', page)
    assert '<span class="outlets">Civic Post, The Ledger</span> <span class="agree">agree' in fact
    assert '<span class="outlets">Metro Wire</span><q' in fact


@pytest.mark.parametrize("findings", [(), (_quantity(), _drift(), _injected())])
def test_same_report_same_bytes(findings: tuple[Finding, ...]) -> None:
    assert to_html(_report(*findings)) == to_html(_report(*findings))
    assert to_html(_report(*findings)).startswith('<!DOCTYPE html>\n<html lang="en">')


@pytest.mark.parametrize("finding", [_quantity(), _drift()])
def test_finding_id_is_the_json_id(finding: Finding) -> None:
    assert finding_id(finding) == text_report.finding_id(finding)


# --- the page in headless Chromium ------------------------------------------------------


@pytest.fixture(scope="module")
def driver() -> Iterator[WebDriver]:
    reason = browser.missing()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} (CI=true: the browser tests must not be skipped)")
        pytest.skip(reason)
    with browser.chromium() as d:
        yield d


@pytest.fixture(scope="module")
def seed_report(embedder: Embedder) -> Report:
    seeds = require_shared("corpus", "seeds")
    return build_report(sorted(seeds.glob("*.txt")), embedder=embedder)


def _open(driver: WebDriver, report: Report, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(to_html(report), encoding="utf-8")
    driver.get(page.as_uri())


def _shown(driver: WebDriver) -> dict[str, bool]:
    """Each finding's element id → whether it is displayed."""
    from selenium.webdriver.common.by import By

    return {
        el.get_attribute("id") or "": el.is_displayed()
        for el in driver.find_elements(By.CSS_SELECTOR, ".finding")
    }


def test_seed_report_findings_are_visible(
    driver: WebDriver, seed_report: Report, tmp_path: Path
) -> None:
    assert seed_report.findings
    _open(driver, seed_report, tmp_path)
    shown = _shown(driver)
    assert len(shown) == len(seed_report.findings) and all(shown.values())
    text = driver.find_element("id", "f1").text
    for side in seed_report.findings[0].sides:
        assert side.outlet in text
    n = len(seed_report.findings)
    assert driver.find_element("id", "shown").text == f"{n} of {n} findings shown"


def test_kind_filter_hides_and_shows_its_findings(
    driver: WebDriver, seed_report: Report, tmp_path: Path
) -> None:
    _open(driver, seed_report, tmp_path)
    kind = seed_report.findings[0].kind
    ids = {f"f{n}" for n, f in enumerate(seed_report.findings, 1) if f.kind is kind}
    box = driver.find_element("css selector", f'input[name="kind"][value="{kind.value}"]')
    box.click()
    assert {i for i, on in _shown(driver).items() if not on} == ids
    # The fact view follows: no fact is left showing only hidden findings.
    for fact in driver.find_elements("css selector", ".fact"):
        refs = set((fact.get_attribute("data-findings") or "").split())
        assert fact.is_displayed() == bool(refs - ids)
    box.click()
    assert all(_shown(driver).values())


def test_outlet_filter_keeps_the_findings_of_that_outlet(
    driver: WebDriver, seed_report: Report, tmp_path: Path
) -> None:
    from selenium.webdriver.support.ui import Select

    _open(driver, seed_report, tmp_path)
    outlet = seed_report.findings[-1].sides[0].outlet
    Select(driver.find_element("name", "outlet")).select_by_visible_text(outlet)
    expected = {
        f"f{n}": any(s.outlet == outlet for s in f.sides)
        for n, f in enumerate(seed_report.findings, 1)
    }
    assert _shown(driver) == expected
    Select(driver.find_element("name", "outlet")).select_by_value("")
    assert all(_shown(driver).values())


@pytest.mark.parametrize("outlets", [("alpha-news", "beta-times")])
def test_injected_markup_renders_as_text_and_never_runs(
    driver: WebDriver, embedder: Embedder, tmp_path: Path, outlets: tuple[str, str]
) -> None:
    quote = f"We will open the new library {INJECTION} for every family in the borough"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / f"{outlets[0]}.txt").write_text(
        "The council met on Monday evening to discuss the new library plan.\n"
        f"“{quote},” said Jane Harper.\nResidents had waited three years for a decision.\n"
    )
    (corpus / f"{outlets[1]}.txt").write_text(
        "Councillors gathered at the town hall, where a packed gallery heard the debate.\n"
        f"Council leader Jane Harper said: “{quote}.”\nOpposition members questioned the cost.\n"
    )
    report = build_report([corpus], embedder=embedder)
    assert any(INJECTION in s.sentence for f in report.findings for s in f.sides)
    _open(driver, report, tmp_path)
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    assert driver.execute_script("return document.images.length") == 0
    assert driver.execute_script("return document.scripts.length") == 1
    finding = driver.find_element("id", "f1")
    assert finding.is_displayed() and INJECTION in finding.text


def test_print_shows_every_finding_and_no_filters(
    driver: WebDriver, seed_report: Report, tmp_path: Path
) -> None:
    _open(driver, seed_report, tmp_path)
    kind = seed_report.findings[0].kind.value
    driver.find_element("css selector", f'input[name="kind"][value="{kind}"]').click()
    assert not all(_shown(driver).values())
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert all(_shown(driver).values())
        assert not driver.find_element("id", "filters").is_displayed()
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_figures_are_not_facts_of_the_filter_script() -> None:
    # The filter script hides each ".fact" by its findings; a figure has none.
    from crosscheck.model import Fact, FactValue, Interval

    a = Side("a", "Wire", "three", "Three people died.", 0, 5, 0, 18)
    b = Side("b", "Post", "nine", "Nine people died.", 0, 4, 0, 17)
    fact = Fact(
        "people killed", (FactValue(Interval(3, 3), a), FactValue(Interval(9, 9), b)), (), ()
    )
    page = to_html(
        Report((Article("a", "Wire", ""), Article("b", "Post", "")), (), "m", facts=(fact,))
    )
    assert 'id="figures"' in page and "people killed" in page
    assert all("data-findings=" in tag for tag in re.findall(r'<article class="fact [^>]*>', page))
    assert '<article class="figure conflict">' in page
