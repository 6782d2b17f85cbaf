from __future__ import annotations

import math

import pytest

from crosscheck.model import Interval


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        (Interval(180, 220), Interval(1800, 2200), False),
        (Interval(200, 1000, high_open=True), Interval(275, 275), True),
        (Interval(450_000, 500_000, high_open=True), Interval(500_000, 500_000), False),
        (Interval(450_000, 500_000), Interval(500_000, 500_000), True),
        (Interval(0.5, 1, low_open=True), Interval(0.5, 0.5), False),
        (Interval(100, math.inf, low_open=True), Interval(150, 150), True),
        (Interval(3800, 4200), Interval(38_000, 42_000), False),
    ],
)
def test_overlap_respects_open_ends(a: Interval, b: Interval, overlap: bool) -> None:
    assert a.overlaps(b) is overlap
    assert b.overlaps(a) is overlap


@pytest.mark.parametrize(
    ("a", "b", "ratio"),
    [
        (Interval(180, 220), Interval(1800, 2200), 1800 / 220),
        (Interval(3800, 4200), Interval(38_000, 42_000), 38_000 / 4200),
        (Interval(10, 20), Interval(15, 30), 1.0),
        (Interval(0, 0), Interval(5, 5), math.inf),
    ],
)
def test_gap_ratio_grows_with_the_gap(a: Interval, b: Interval, ratio: float) -> None:
    assert a.gap_ratio(b) == pytest.approx(ratio)
    assert b.gap_ratio(a) == pytest.approx(ratio)


@pytest.mark.parametrize(("low", "high"), [(2, 1), (math.nan, 1)])
def test_a_reversed_interval_is_refused(low: float, high: float) -> None:
    with pytest.raises(ValueError):
        Interval(low, high)
