"""Property-based tests of the extractors: on any text they never crash, intervals are
ordered, and every span points into the text it came from."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosscheck.dates import find_dates
from crosscheck.extract import find_quotes
from crosscheck.quantities import find_quantities

# Text built from pieces that exercise the grammars, plus arbitrary characters.
PIECES = st.sampled_from(
    [
        "around ", "nearly ", "more than ", "just ", "hundreds of ", "£", "$", "4,000", "200",
        "2.5bn ", "half a million ", "12 per cent ", "two-thirds ", " votes", " seats", "“",
        "”", '"', "said ", "Mr Corbyn ", "he ", ", ", ". ", ":", "\n", "\n\n", "Friday ",
        "5 May ", "2017 ", "last night ", "‘", "’", "-", "–", "k ", "m ", " and ", "of ",
    ]
)  # fmt: skip
TEXTS = st.one_of(
    st.lists(PIECES, max_size=40).map("".join),
    st.text(max_size=300),
    st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=40).map("".join),
)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXTS)
def test_quantities_are_ordered_intervals_inside_the_text(text: str) -> None:
    found = find_quantities(text)
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.interval.low <= q.interval.high
    assert all(a.end <= b.start for a, b in pairwise(found))


@SETTINGS
@given(TEXTS)
def test_quotes_point_into_the_text(text: str) -> None:
    for span, speaker, _ in find_quotes(text):
        assert 0 <= span.open_mark < span.start < span.end <= len(text)
        assert text[span.start : span.end].strip() == text[span.start : span.end]
        assert speaker == speaker.strip()


@SETTINGS
@given(TEXTS)
def test_dates_point_into_the_text(text: str) -> None:
    for d in find_dates(text):
        assert text[d.start : d.end] == d.text
        assert (d.first is None) == (d.last is None)
        assert d.first is None or d.last is None or d.first <= d.last
