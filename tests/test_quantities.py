"""The number grammar, table-driven: text → quantities as intervals.

Hand-written cases first (they never touch ``../shared``), then the public specs in
``../shared/eval`` (see ``number_specs.py``), one test per source asserting an
in-scope pass rate.
"""

from __future__ import annotations

import itertools
import math
import os
import time
from pathlib import Path

import pytest

from crosscheck.model import Interval, Quantity
from crosscheck.quantities import (
    HEDGES,
    POST_HEDGES,
    VAGUE,
    Hedge,
    amount_interval,
    find_amounts,
    find_quantities,
    parse_number,
    rounding_margin,
    singular,
)
from tests.number_specs import SpecCase, iter_spec_cases, pass_rates

INF = math.inf


def only(text: str, span: str) -> Quantity:
    """The quantity of ``text`` whose text is ``span``; fails when there is none."""
    found = find_quantities(text)
    hits = [q for q in found if q.text == span]
    assert hits, f"{span!r} not found in {text!r}: got {[q.text for q in found]}"
    return hits[0]


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def same(got: Interval, low: float, high: float, low_open: bool, high_open: bool) -> None:
    assert close(got.low, low) and close(got.high, high), got
    assert (got.low_open, got.high_open) == (low_open, high_open), got


# --- intervals ------------------------------------------------------------------------
# (text, quantity text, low, high, low_open, high_open)

# fmt: off
INTERVALS = [
    # exact numbers, and round numbers widened by min(half a unit of the last non-zero
    # digit's place, 5%)
    ("Labour lost 275 seats", "275", 275, 275, False, False),
    ("won by 4,000 votes", "4,000", 3800, 4200, False, False),
    ("a crowd of 200", "200", 190, 210, False, False),
    ("400 extra seats", "400", 380, 420, False, False),
    ("250 people", "250", 245, 255, False, False),
    ("1,500 jobs", "1,500", 1450, 1550, False, False),
    ("10 people", "10", 9.5, 10.5, False, False),
    ("7 people", "7", 7, 7, False, False),
    ("2.5 metres", "2.5", 2.5, 2.5, False, False),
    ("4,137 votes", "4,137", 4137, 4137, False, False),
    ("1,234,567 people", "1,234,567", 1234567, 1234567, False, False),
    ("zero tolerance, 0 votes", "0", 0, 0, False, False),
    # multipliers
    ("a £2.5bn package", "£2.5bn", 2.45e9, 2.55e9, False, False),
    ("4k runners", "4k", 3800, 4200, False, False),
    ("£10m deal", "£10m", 9.5e6, 10.5e6, False, False),
    ("$1.2 million", "$1.2 million", 1.15e6, 1.25e6, False, False),
    ("1.2 million people", "1.2 million", 1.15e6, 1.25e6, False, False),
    ("€3tn of debt", "€3tn", 2.85e12, 3.15e12, False, False),
    ("10 bln roubles", "10 bln", 9.5e9, 10.5e9, False, False),
    ("a 100k salary", "100k", 95000, 105000, False, False),
    ("it cost $2.174T", "$2.174T", 2.1735e12, 2.1745e12, False, False),
    ("13 lakh people", "13 lakh", 1.25e6, 1.35e6, False, False),
    # number words
    ("four thousand votes", "four thousand", 3800, 4200, False, False),
    ("half a million voters", "half a million", 475000, 525000, False, False),
    ("two hundred and fifty people", "two hundred and fifty", 245, 255, False, False),
    ("twenty-one thousand fans", "twenty-one thousand", 20500, 21500, False, False),
    ("twenty-one fans", "twenty-one", 21, 21, False, False),
    ("a quarter of a million", "a quarter of a million", 245000, 255000, False, False),
    ("a million people", "a million", 950000, 1.05e6, False, False),
    ("two and a half million", "two and a half million", 2.45e6, 2.55e6, False, False),
    ("half a dozen eggs", "half a dozen", 6, 6, False, False),
    ("three dozen eggs", "three dozen", 36, 36, False, False),
    ("one hundred and sixteen", "one hundred and sixteen", 116, 116, False, False),
    ("nineteen hundred seventy-three", "nineteen hundred seventy-three", 1973, 1973, False, False),
    ("fifty - two", "fifty - two", 52, 52, False, False),
    ("Twenty-six people die", "Twenty-six", 26, 26, False, False),
    ("a hundred and two", "a hundred and two", 102, 102, False, False),
    ("minus five point five", "minus five point five", -5.5, -5.5, False, False),
    ("minus 5 degrees", "minus 5", -5, -5, False, False),
    ("three million, two hundred & forty", "three million, two hundred & forty",
     3000235, 3000245, False, False),
    # "just", "only", "a mere": the bare number's interval; "exactly": exact
    ("won by just 4,000 votes", "just 4,000", 3800, 4200, False, False),
    ("only 200 turned up", "only 200", 190, 210, False, False),
    ("a mere 40 people", "a mere 40", 38, 42, False, False),
    ("exactly 4,000 votes", "exactly 4,000", 4000, 4000, False, False),
    ("precisely 200", "precisely 200", 200, 200, False, False),
    # approximately: ±10%
    ("the crowd of around 200 supporters", "around 200", 180, 220, False, False),
    ("about 30 young men", "about 30", 27, 33, False, False),
    ("some 2,000 people", "some 2,000", 1800, 2200, False, False),
    ("an estimated 275 seats", "an estimated 275", 247.5, 302.5, False, False),
    ("roughly £2bn", "roughly £2bn", 1.8e9, 2.2e9, False, False),
    ("approximately 20,708 cases", "approximately 20,708", 18637.2, 22778.8, False, False),
    ("~200 people", "~200", 180, 220, False, False),
    ("c. 500 people", "c. 500", 450, 550, False, False),
    ("200 or so people", "200 or so", 180, 220, False, False),
    # nearly: [0.9N, N)
    ("nearly half a million people", "nearly half a million", 450000, 500000, False, True),
    ("almost 300 seats", "almost 300", 270, 300, False, True),
    ("close to 50%", "close to 50%", 0.45, 0.5, False, True),
    ("just under 4,000", "just under 4,000", 3600, 4000, False, True),
    ("not quite 100", "not quite 100", 90, 100, False, True),
    # comparatives
    ("more than 200 people", "more than 200", 200, INF, True, True),
    ("over 300 floors", "over 300", 300, INF, True, True),
    ("in excess of £1m", "in excess of £1m", 1e6, INF, True, True),
    ("upwards of 500", "upwards of 500", 500, INF, True, True),
    ("at least 200", "at least 200", 200, INF, False, True),
    ("no fewer than 12", "no fewer than 12", 12, INF, False, True),
    ("fewer than 1,500", "fewer than 1,500", 0, 1500, False, True),
    ("less than 2,015 deaths", "less than 2,015", 0, 2015, False, True),
    ("under 18", "under 18", 0, 18, False, True),
    ("at most 100", "at most 100", 0, 100, False, False),
    ("no more than 50", "no more than 50", 0, 50, False, False),
    ("up to 700 workers", "up to 700", 0, 700, False, False),
    ("just over 200", "just over 200", 200, 220, True, False),
    ("slightly more than £2bn", "slightly more than £2bn", 2e9, 2.2e9, True, False),
    ("200 or more", "200 or more", 200, INF, False, True),
    ("100+ sources", "100+", 100, INF, False, True),
    ("five hundred or less", "five hundred or less", 0, 500, False, False),
    ("x > 10", "> 10", 10, INF, True, True),
    ("x >= 30", ">= 30", 30, INF, False, True),
    ("below -30", "below -30", -INF, -30, False, True),
    ("more than 10 but fewer than 20", "more than 10 but fewer than 20", 10, 20, True, True),
    ("at most 100 and at least 20", "at most 100 and at least 20", 20, 100, False, False),
    # ranges
    ("between 200 and 300 people", "between 200 and 300", 200, 300, False, False),
    ("200-300 people", "200-300", 200, 300, False, False),
    ("200–300 people", "200–300", 200, 300, False, False),
    ("200 to 300 people", "200 to 300", 200, 300, False, False),
    ("two or three people", "two or three", 2, 3, False, False),
    ("£5-10m", "£5-10m", 5e6, 1e7, False, False),
    ("20-30% of voters", "20-30%", 0.2, 0.3, False, False),
    ("5k-20k", "5k-20k", 5000, 20000, False, False),
    ("between 10 and 20 million", "between 10 and 20 million", 1e7, 2e7, False, False),
    ("from one thousand to one thousand and five hundred",
     "from one thousand to one thousand and five hundred", 1000, 1500, False, False),
    ("some 200-300 protesters", "some 200-300", 180, 330, False, False),
    ("between negative ten and fifteen", "between negative ten and fifteen",
     -10, 15, False, False),
    # shares
    ("12 per cent of the vote", "12 per cent", 0.12, 0.12, False, False),
    ("12% of the vote", "12%", 0.12, 0.12, False, False),
    ("12 percent", "12 percent", 0.12, 0.12, False, False),
    ("40% of voters", "40%", 0.38, 0.42, False, False),
    ("a 98 % rating", "98 %", 0.98, 0.98, False, False),
    ("20.5 per cent", "20.5 per cent", 0.205, 0.205, False, False),
    ("twenty percent", "twenty percent", 0.19, 0.21, False, False),
    ("a 12pc rise", "12pc", 0.12, 0.12, False, False),
    ("half of the vote", "half", 0.5, 0.5, False, False),
    ("two-thirds of voters", "two-thirds", 2 / 3, 2 / 3, False, False),
    ("three quarters of members", "three quarters", 0.75, 0.75, False, False),
    ("a quarter of the seats", "a quarter", 0.25, 0.25, False, False),
    ("a third of members", "a third", 1 / 3, 1 / 3, False, False),
    ("one in five voters", "one in five", 0.2, 0.2, False, False),
    ("nine out of ten", "nine out of ten", 0.9, 0.9, False, False),
    ("won with more than half of the vote", "more than half", 0.5, 1, True, False),
    ("nearly half of them", "nearly half", 0.45, 0.5, False, True),
    ("less than a third of the seats", "less than a third", 0, 1 / 3, False, True),
    ("more than 90% of staff", "more than 90%", 0.9, 1, True, False),
    ("100% of staff", "100%", 0.95, 1, False, False),
    ("more than 100% of target", "more than 100%", 1, INF, True, True),
    ("a 240 percent rise", "240 percent", 2.35, 2.45, False, False),
    ("up 5 percentage points", "5 percentage points", 0.05, 0.05, False, False),
    # vague amounts
    ("dozens of people", "dozens", 24, 100, False, True),
    ("hundreds of council seats", "hundreds", 200, 1000, False, True),
    ("thousands marched", "thousands", 2000, 10000, False, True),
    ("tens of thousands of people", "tens of thousands", 20000, 100000, False, True),
    ("hundreds of thousands", "hundreds of thousands", 200000, 1e6, False, True),
    ("millions of viewers", "millions", 2e6, 1e9, False, True),
    ("billions of dollars", "billions", 2e9, 1e12, False, True),
    ("a dozen eggs", "a dozen", 12, 12, False, False),
    ("a few days", "a few", 2, 9, False, False),
    ("several films", "several", 3, 9, False, False),
    ("a handful of MPs", "a handful", 2, 9, False, False),
    ("a couple of days", "a couple", 2, 3, False, False),
    ("scores of injured", "scores", 40, 100, False, True),
    ("a few hundred people", "a few hundred", 200, 900, False, False),
    ("several thousand", "several thousand", 3000, 9000, False, False),
    ("more than a dozen", "more than a dozen", 12, INF, True, True),
    ("only a few", "only a few", 2, 9, False, False),
    # money in whole units
    ("50p a bag", "50p", 0.475, 0.525, False, False),
    ("470 pence a share", "470 pence", 4.65, 4.75, False, False),
    ("50 cents more", "50 cents", 0.475, 0.525, False, False),
    ("420 million pounds", "420 million pounds", 4.15e8, 4.25e8, False, False),
    ("323 million euros", "323 million euros", 3.225e8, 3.235e8, False, False),
    ("$ 2.75 a share", "$ 2.75", 2.75, 2.75, False, False),
    ("US$ 150 million", "US$ 150 million", 1.45e8, 1.55e8, False, False),
    ("-15€ loss", "-15€", -15, -15, False, False),
]
# fmt: on


@pytest.mark.parametrize(("text", "span", "low", "high", "low_open", "high_open"), INTERVALS)
def test_interval(
    text: str, span: str, low: float, high: float, low_open: bool, high_open: bool
) -> None:
    same(only(text, span).interval, low, high, low_open, high_open)


# --- hedge, unit, noun, subject ----------------------------------------------------------
# (text, quantity text, hedge, unit, noun, subject)

# fmt: off
LABELS = [
    # currency written as other papers write it (issue 22): the code after the sign, and
    # other currencies' signs and codes, not dropped and not read as "million" alone
    ("The deal is worth $US160 million", "$US160 million", "", "$", "", ""),
    ("The club paid $A2 million for it", "$A2 million", "", "A$", "", ""),
    ("It cost ¥500 million", "¥500 million", "", "¥", "", ""),
    ("It cost S$40 million", "S$40 million", "", "S$", "", ""),
    ("It cost Rs 500 crore", "Rs 500 crore", "", "₹", "", ""),
    ("a litre costs RM2.70", "RM2.70", "", "RM", "", ""),
    ("Corbyn told the crowd of around 200 supporters", "around 200", "around", "",
     "supporter", ""),
    ("won by just 4,000 votes out of an electorate of half a million", "just 4,000",
     "just", "", "vote", ""),
    ("won by just 4,000 votes out of an electorate of half a million", "half a million",
     "", "", "electorate", ""),
    ("racking up 400 extra seats as Labour lost 275 and UKIP 100", "400", "", "", "seat", ""),
    ("racking up 400 extra seats as Labour lost 275 and UKIP 100", "275", "", "", "seat",
     "Labour"),
    ("racking up 400 extra seats as Labour lost 275 and UKIP 100", "100", "", "", "seat",
     "UKIP"),
    ("the loss of hundreds of council seats", "hundreds", "hundreds", "", "seat", ""),
    ("He has been elected by nearly half a million people twice in the last two years",
     "nearly half a million", "nearly", "", "people", ""),
    ("He has been elected by nearly half a million people twice in the last two years",
     "two", "", "", "year", ""),
    ("Andy Burnham won with more than half of the vote", "more than half", "more than",
     "share", "vote", "Andy Burnham"),
    # the holder of a figure joined to its verb by "by" or "with" (issue 22)
    ("Andy Street won by 4,000 votes", "4,000", "", "", "vote", "Andy Street"),
    ("Trump won decisively with 35 percent of the vote", "35 percent", "", "share", "vote",
     "Trump"),
    ("The legislation needed 51 votes today", "51", "", "", "vote", ""),
    ("two-thirds of voters backed it", "two-thirds", "", "share", "voter", ""),
    ("Just five weeks before the general election", "Just five", "just", "", "week", ""),
    ("the Tories won 400 seats", "400", "", "", "seat", "Tories"),
    ("the Liberal Democrats have won 12 seats", "12", "", "", "seat", "Liberal Democrats"),
    ("Labour narrowly won 30 councils", "30", "", "", "council", "Labour"),
    ("a £2.5bn package of funding", "£2.5bn", "", "£", "package", ""),
    ("£2.5bn of funding for schools", "£2.5bn", "", "£", "funding", ""),
    ("12 per cent of the vote", "12 per cent", "", "share", "vote", ""),
    ("a turnout of 60%", "60%", "", "share", "turnout", ""),
    ("Polls put Labour 40%, Conservatives 38%", "38%", "", "share", "", "Conservatives"),
    ("a majority of 4,000", "4,000", "", "", "majority", ""),
    ("a 4,000-vote majority", "4,000", "", "", "vote", ""),
    ("six police officers", "six", "", "", "officer", ""),
    # a measure written as one word with its number
    ("a magnitude-5.2 quake hit", "5.2", "", "", "magnitude", ""),
    ("a magnitude 5.2 quake hit", "5.2", "", "", "magnitude", ""),
    ("a quake measuring 5.6 on the Richter scale", "5.6", "", "", "magnitude", ""),
    ("4,000 registered voters", "4,000", "", "", "voter", ""),
    ("200 people attended", "200", "", "", "people", ""),
    ("30 cities", "30", "", "", "city", ""),
    ("12 councillors", "12", "", "", "councillor", ""),
    ("millions of pounds", "millions", "millions", "£", "", ""),
    ("more than a dozen eggs", "more than a dozen", "more than", "", "egg", ""),
    ("the Tories lost 20 and Labour 30", "30", "", "", "", "Labour"),
    ("Labour took 1,152 seats while the Lib Dems gained 28 and the Greens 20", "20", "", "",
     "seat", "Greens"),
    ("Labour took 1,152 seats while the Lib Dems gained 28 and the Greens 20", "28", "", "",
     "seat", "Lib Dems"),
    ("Yesterday 200 people marched", "200", "", "", "people", ""),
    ("Nevada has recorded more than 222 coronavirus deaths", "more than 222", "more than",
     "", "death", "Nevada"),
    ("He won 400 seats", "400", "", "", "seat", ""),
    ("Retail sales plunged 20.5 %", "20.5 %", "", "share", "", ""),
    ("up to 700 contract workers", "up to 700", "up to", "", "worker", ""),
    ("200-odd people", "200-odd", "odd", "", "people", ""),
    ("US$ 150 million loan", "US$ 150 million", "", "$", "loan", ""),
    ("C$300 million charge", "C$300 million", "", "C$", "charge", ""),
    ("HK$ 10 billion", "HK$ 10 billion", "", "HK$", "", ""),
    ("5 Australian dollars", "5 Australian dollars", "", "A$", "", ""),
    ("USD 200 fee", "USD 200", "", "$", "fee", ""),
    ("a 12-cent dividend", "12-cent", "", "$", "dividend", ""),
    ("One subscription gives access", "One", "", "", "subscription", ""),
]
# fmt: on


@pytest.mark.parametrize(("text", "span", "hedge", "unit", "noun", "subject"), LABELS)
def test_labels(text: str, span: str, hedge: str, unit: str, noun: str, subject: str) -> None:
    q = only(text, span)
    assert (q.hedge, q.unit, q.noun, q.subject) == (hedge, unit, noun, subject)


# --- what is not a quantity ----------------------------------------------------------------
# (text, the quantity texts that must be found: usually none)

# fmt: off
NOT_QUANTITIES = [
    # a date with the month abbreviated (issue 22: "Dec. 27" became 27 people killed)
    ("The attack on Dec. 27 left many dead", []),
    ("the Sept. 11 attacks", []),
    ("On Jan. 5, 12 people died", ["12"]),
    # identifiers read as counts (issue 22)
    ("Apple sold the iPhone 11 last year", []),
    ("The S&P 500 rose on Friday", []),
    ("It was a category 4 storm", []),
    ("Residents of Unit 3 were evacuated", []),
    ("type 2 diabetes affects 30 people", ["30"]),
    ("Mr Corbyn might go before the general election, on June 8", []),
    ("he told BBC Radio 4’s Today programme", []),
    ("a victory rally in one of the few places Labour actually won", []),
    ("in 2017 Labour lost", []),
    ("since 1997", []),
    ("the 2017 election", []),
    ("from 1789 to 1797", []),
    ("on 8 June", []),
    ("on 5 May 2017", []),
    ("On July 17, Long shot", []),
    ("Friday 9 June", []),
    ("at 7pm", []),
    ("at 7 pm", []),
    ("at 7.30am", []),
    ("at 10:30", []),
    ("at 2 p.m.", []),
    ("the 1st of May", []),
    ("the 21st century", []),
    ("twenty-first century", []),
    ("the second half", []),
    ("a third term", []),
    ("cut in half", []),
    ("an hour and a half", []),
    ("half-time", []),
    ("the G20 summit", []),
    ("a 5G network", []),
    ("a 10km run", []),
    ("the 1960s", []),
    ("100’s of premium titles", []),
    ("Article 50 was triggered", []),
    ("Channel 4 News", []),
    ("see page 12", []),
    ("under section 5", []),
    ("No. 10 said", []),
    ("Number 10 said", []),
    ("for Windows 10 users", []),
    ("the COVID-19 outbreak", []),
    ("date 2017-05-05 PA Wire", []),
    ("they won 3-1", []),
    ("Call 020 7946 0000 now", []),
    ("Call +44 20 7946 0000 now", []),
    ("see www.example.com/2017/05/5 for details", []),
    ("write to news@example.com", []),
    ("on 5/17/2018", []),
    ("version 192.168.1.2", []),
    ("at 24 Independent Street", []),
    ("No one is innocent. Another one bites the dust.", []),
    ("The one you mentioned is invalid", []),
    ("Which one do you prefer?", []),
    ("one day he will", []),
    ("One second please", []),
    ("1m isn't a number", []),
    ("the 180ml bottle", []),
    ("Book a first class seat", []),
    ("an 'A' certificate", []),
    ("<>30", []),
    ("x>10 and y<20", [">10", "<20"]),
    ("won 400 seats in 2017", ["400"]),
    ("2000 people marched in 2000", ["2000"]),
    ("rose from 200 to 300", ["200", "300"]),
    ("One one. Twenty one", ["One", "one", "Twenty one"]),
    ("Let's try one last time", ["one"]),
]
# fmt: on


@pytest.mark.parametrize(("text", "spans"), NOT_QUANTITIES)
def test_not_quantities(text: str, spans: list[str]) -> None:
    assert [q.text for q in find_quantities(text)] == spans


# --- whole sentences from news ---------------------------------------------------------------
# (sentence, [(quantity text, low, high)])

# fmt: off
SENTENCES = [
    (
        "Just five weeks before the general election, Theresa May looked on course for a "
        "big Tory majority at Westminster – though not perhaps a landslide - as her party "
        "romped home in a string of local votes, racking up 400 extra seats as Labour lost "
        "275 and UKIP 100",
        [("Just five", 5, 5), ("400", 380, 420), ("275", 275, 275), ("100", 95, 105)],
    ),
    (
        "And in the crunch contest for the West Midlands Metro Mayoralty, the Tory candidate "
        "Andy Street - and former boss of John Lewis - won by just 4,000 votes out of an "
        "electorate of half a million.",
        [("just 4,000", 3800, 4200), ("half a million", 475000, 525000)],
    ),
    (
        "Corbyn told the crowd of around 200 supporters: “I have been in touch with Andy to "
        "congratulate him and he’s already hard at work on behalf of the people of the "
        "Greater Manchester region",
        [("around 200", 180, 220)],
    ),
    (
        "But he said: “He has been elected by nearly half a million people twice in the last "
        "two years",
        [("nearly half a million", 450000, 500000), ("two", 2, 2)],
    ),
    (
        "Following the local election mauling – with the loss of hundreds of council seats, "
        "including in Labour strongholds - Mr Lavery was asked if Mr Corbyn might go before "
        "the general election, on June 8",
        [("hundreds", 200, 1000)],
    ),
    (
        "“People were aware that he was arriving at a certain time and Jeremy did exactly "
        "what was expected,” he told BBC Radio 4’s Today programme",
        [],
    ),
    (
        "where former MPs Steve Rotheram and Andy Burnham won with more than half of the vote",
        [("more than half", 0.5, 1)],
    ),
    (
        "The 2008 telecast delivered 32 million total viewers, a 24 % drop compared with the "
        "previous year's ceremony.",
        [("32 million", 3.15e7, 3.25e7), ("24 %", 0.24, 0.24)],
    ),
    (
        "Nugroho said: “We have recorded 24 people dead and 249 people injured”, adding that "
        "more than 300 buildings have been damaged in the quake.",
        [("24", 24, 24), ("249", 249, 249), ("more than 300", 300, INF)],
    ),
    (
        "On Rotten Tomatoes, the film has a rating of 5 %, based on 40 reviews, with an "
        "average rating of 2.5/10.",
        [("5 %", 0.05, 0.05), ("40", 38, 42)],
    ),
    (
        "As of December 26, 2018, Night School has grossed $77.3 million in the United "
        "States and Canada, and $25 million in other territories.",
        [("$77.3 million", 7.725e7, 7.735e7), ("$25 million", 2.45e7, 2.55e7)],
    ),
    (
        "Police said fewer than 1,500 people took part, while organisers put the figure at "
        "some 10,000.",
        [("fewer than 1,500", 0, 1500), ("some 10,000", 9000, 11000)],
    ),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_sentence(sentence: str, expected: list[tuple[str, float, float]]) -> None:
    found = find_quantities(sentence)
    assert [q.text for q in found] == [t for t, _, _ in expected]
    for q, (_, low, high) in zip(found, expected, strict=True):
        assert close(q.interval.low, low) and close(q.interval.high, high), q


ALL_TEXTS = (
    [t for t, *_ in INTERVALS]
    + [t for t, *_ in LABELS]
    + [t for t, _ in NOT_QUANTITIES]
    + [s for s, _ in SENTENCES]
)


@pytest.mark.parametrize("text", ALL_TEXTS[::7])
def test_spans_are_sorted_non_overlapping_and_exact(text: str) -> None:
    found = find_quantities(text)
    for q in found:
        assert text[q.start : q.end] == q.text
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


# --- the tables themselves --------------------------------------------------------------------


def _expected_rule(rule: Hedge, n: float) -> Interval:
    return {
        Hedge.BARE: Interval(190, 210),
        Hedge.EXACT: Interval(n, n),
        Hedge.APPROX: Interval(0.9 * n, 1.1 * n),
        Hedge.NEARLY: Interval(0.9 * n, n, high_open=True),
        Hedge.MORE: Interval(n, INF, low_open=True, high_open=True),
        Hedge.AT_LEAST: Interval(n, INF, high_open=True),
        Hedge.LESS: Interval(0, n, high_open=True),
        Hedge.AT_MOST: Interval(0, n),
        Hedge.JUST_OVER: Interval(n, 1.1 * n, low_open=True),
    }[rule]


@pytest.mark.parametrize(("phrase", "rule"), sorted(HEDGES.items()))
def test_every_hedge_phrase_applies_its_rule(phrase: str, rule: Hedge) -> None:
    q = only(f"They said {phrase} 200 people came.", f"{phrase} 200")
    want = _expected_rule(rule, 200)
    assert q.hedge == phrase
    same(q.interval, want.low, want.high, want.low_open, want.high_open)


@pytest.mark.parametrize(("phrase", "rule"), sorted(POST_HEDGES.items()))
def test_every_post_hedge_applies_its_rule(phrase: str, rule: Hedge) -> None:
    joiner = "" if phrase[0] in "+-" else " "
    span = f"200{joiner}{phrase}"
    want = _expected_rule(rule, 200)
    same(
        only(f"They said {span} people came.", span).interval,
        want.low,
        want.high,
        want.low_open,
        want.high_open,
    )


@pytest.mark.parametrize(("phrase", "interval"), sorted(VAGUE.items()))
def test_every_vague_amount_has_its_interval(phrase: str, interval: Interval) -> None:
    span = phrase.removesuffix(" of")
    assert only(f"They said {phrase} people came.", span).interval == interval


@pytest.mark.parametrize(
    ("value", "margin"),
    [
        (275, 0),
        (4000, 200),
        (200, 10),
        (400, 20),
        (250, 5),
        (10, 0.5),
        (7, 0),
        (0, 0),
        (500_000, 25_000),
        (2.5e9, 5e7),
        (1_234_000, 500),
        (2.5, 0),
        (-200, 10),
        (100, 5),
    ],
)
def test_rounding_margin(value: float, margin: float) -> None:
    assert close(rounding_margin(value), margin)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("4,000", 4000),
        ("2.5bn", 2.5e9),
        ("4k", 4000),
        ("1.2 million", 1.2e6),
        ("twenty-one thousand", 21000),
        ("two hundred and fifty", 250),
        ("half a million", 5e5),
        ("a quarter of a million", 2.5e5),
        ("one hundred fifteen", 115),
        ("hundred fifteen", 115),
        ("thousand nine hundred twenty", 1920),
        ("seventy-five thousands", 75000),
        (
            "fifty-three billion two hundred forty-three thousand seven hundred twenty-four",
            53000243724,
        ),
        ("minus five", -5),
        ("-3", -3),
        ("twelve point ninety-nine", 12.99),
        ("nine point nought four", 9.04),
        ("ninety", 90),
        ("zero", 0),
        ("3 dozen", 36),
        ("thousand thousand two hundreds", None),
        ("sixty fifteen", None),
        ("sixty hundred", None),
        ("five zero", None),
        ("twenty first", None),
        ("", None),
        ("4,000 votes", None),
        ("around 200", None),
        ("£5", None),
    ],
)
def test_parse_number(text: str, value: float | None) -> None:
    got = parse_number(text)
    assert (got is None) == (value is None), got
    assert got is None or value is None or close(got, value)


@pytest.mark.parametrize(
    ("word", "one"),
    [
        ("votes", "vote"),
        ("supporters", "supporter"),
        ("people", "people"),
        ("councillors", "councillor"),
        ("cities", "city"),
        ("seats", "seat"),
        ("women", "woman"),
        ("churches", "church"),
        ("boxes", "box"),
        ("series", "series"),
        ("bus", "bus"),
        ("crisis", "crisis"),
        ("Votes", "vote"),
        ("class", "class"),
    ],
)
def test_singular(word: str, one: str) -> None:
    assert singular(word) == one


@pytest.mark.parametrize(
    "text",
    ["a" * 100_000, "1" * 5_000, "1," * 3_000, "x" * 50_000 + "@example.com", "one " * 3_000,
     "FIFTEEN " * 3_000, "Labour won 5 and UKIP 3, " * 600],
)  # fmt: skip
def test_odd_inputs_are_safe_and_linear(text: str) -> None:
    started = time.perf_counter()
    find_quantities(text)
    assert time.perf_counter() - started < 2.0  # quadratic work would take minutes


def test_amounts_keep_the_stated_number_before_the_rules() -> None:
    a = find_amounts("nearly half a million people")[0]
    assert (a.low, a.high, a.rule, a.hedge) == (500_000, 500_000, Hedge.NEARLY, "nearly")
    assert amount_interval(a) == find_quantities("nearly half a million people")[0].interval


# --- public specs in ../shared/eval ------------------------------------------------------------

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
SOURCES = [
    "recognizers/NumberModel",
    "recognizers/NumberRangeModel",
    "recognizers/Percent",
    "recognizers/Currency",
    "quantulum3",
    "text2num",
]
MIN_PASS_RATE = 0.9


@pytest.fixture(scope="module")
def spec_cases() -> list[SpecCase]:
    if not EVAL.is_dir():
        reason = f"{EVAL} is absent: the public specs sit beside the checkout"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " (CI=true: this must not be skipped)")
        pytest.skip(reason)
    return list(iter_spec_cases(EVAL))


@pytest.mark.parametrize("source", SOURCES)
def test_public_spec_pass_rate(source: str, spec_cases: list[SpecCase]) -> None:
    passed, total, failures = pass_rates(c for c in spec_cases if c.source == source)[source]
    assert total >= 9, f"only {total} in-scope cases for {source}"
    rate = passed / total
    listing = "\n".join(failures)
    assert rate >= MIN_PASS_RATE, f"{source}: {passed}/{total} = {rate:.3f}\n{listing}"


def test_every_excluded_spec_case_says_why(spec_cases: list[SpecCase]) -> None:
    assert spec_cases
    for case in spec_cases:
        assert case.in_scope == (case.reason == ""), case
