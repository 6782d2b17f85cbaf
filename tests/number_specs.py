"""Public number-parsing specs as test cases for :mod:`crosscheck.quantities`.

Reads the gold of other projects from ``../shared/eval`` (nothing is copied into this
repository) and turns each case into a :class:`SpecCase`: the input text, what the
gold expects, and whether the case is *in scope* for crosscheck, with the reason
when it is not. Cases are excluded by category (ordinals, scientific notation,
units of measure, ...), never one by one because they fail.

Reusable outside pytest::

    from tests.number_specs import iter_spec_cases, pass_rates
    rates = pass_rates(iter_spec_cases(Path("../shared/eval")))

Sources (folder under the eval directory → ``SpecCase.source``):

- ``recognizers_text_specs/Number/NumberModel.json`` → ``recognizers/NumberModel``
- ``recognizers_text_specs/Number/NumberRangeModel.json`` → ``recognizers/NumberRangeModel``
- ``recognizers_text_specs/Number/PercentModel.json`` and ``PercentModelPercentMode.json``
  → ``recognizers/Percent``
- ``recognizers_text_specs/Number/NumberModelPercentMode.json``
  → ``recognizers/NumberModelPercentMode`` (out of scope, see its reason)
- ``recognizers_text_specs/NumberWithUnit/CurrencyModel.json`` → ``recognizers/Currency``
- ``quantulum3_tests/quantities.json`` → ``quantulum3``
- ``text2num_en/cases.json`` → ``text2num``
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crosscheck.model import Interval
from crosscheck.quantities import Amount, Hedge, amount_interval, find_amounts, parse_number

#: Which of the found amounts a case compares with its gold.
ALL = "all"  # every amount (NumberModel, quantulum3, text2num running text)
MONEY = "money"  # amounts with a currency unit (CurrencyModel)
SHARE = "share"  # proportions (PercentModel)
RANGE = "range"  # hedged amounts and ranges (NumberRangeModel)
WHOLE = "whole"  # the whole input is one number: parse_number (text2num's text2num)


@dataclass(frozen=True)
class Expected:
    """One gold result, in crosscheck's units (shares 0..1, money in whole units).

    ``value`` for a single number, ``interval`` for a range; ``unit`` is compared
    when not ``None``; ``text`` is the gold span, for messages.
    """

    text: str
    value: float | None = None
    interval: Interval | None = None
    unit: str | None = None


@dataclass(frozen=True)
class SpecCase:
    source: str
    text: str
    expected: tuple[Expected, ...]
    in_scope: bool
    reason: str = ""  # why the case is out of scope; "" when in scope
    compare: str = ALL
    raises: bool = False  # WHOLE only: the gold says the input is not a number


# --- comparing ---------------------------------------------------------------------


def _close(a: float, b: float) -> bool:
    if math.isinf(a) or math.isinf(b):
        return a == b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def _same_interval(got: Interval, want: Interval, unit: str) -> bool:
    """Bounds equal, with the gold's conventions mapped onto crosscheck's:

    - an open-ended low end ("(,100)") is crosscheck's 0 (counts are not negative);
    - an open-ended high end is crosscheck's 1 for shares ("more than half" = (0.5, 1]);
    - a two-number range that the gold writes half-open ("[20,30)") is closed in
      crosscheck ("between 20 and 30" includes 30): only the low end's openness is
      compared for it.
    """
    low_ok = _close(got.low, want.low) or (
        want.low == -math.inf and (got.low == 0 or got.low == -math.inf)
    )
    high_ok = _close(got.high, want.high) or (
        want.high == math.inf and unit == "share" and got.high == 1
    )
    if not (low_ok and high_ok):
        return False
    if math.isfinite(want.low) and got.low_open != want.low_open:
        return False
    both_finite = math.isfinite(want.low) and math.isfinite(want.high)
    half_open_range = both_finite and not want.low_open and want.high_open
    if math.isfinite(want.high) and not half_open_range:
        return got.high_open == want.high_open
    return True


def _selected(case: SpecCase, amounts: list[Amount]) -> list[Amount]:
    if case.compare == MONEY:
        return [a for a in amounts if a.unit not in ("", "share")]
    if case.compare == SHARE:
        return [a for a in amounts if a.unit == "share"]
    if case.compare == RANGE:
        return [a for a in amounts if a.rule not in (None, Hedge.BARE) or a.low != a.high]
    return amounts


def _matches(want: Expected, got: Amount) -> bool:
    # a dimensionless gold fraction is a crosscheck share
    fraction = want.unit == "" and got.unit == "share"
    if want.unit is not None and want.unit != got.unit and not fraction:
        return False
    if want.interval is not None:
        return _same_interval(amount_interval(got), want.interval, got.unit)
    assert want.value is not None
    return _close(got.low, want.value)  # the number as stated, before hedge or rounding


def check(case: SpecCase, finder: Callable[[str], list[Amount]] = find_amounts) -> str | None:
    """Run one case: ``None`` when it passes, else a one-line reason."""
    if case.compare == WHOLE:
        got_value = parse_number(case.text)
        if case.raises:
            return None if got_value is None else f"{case.text!r}: expected no number"
        number = case.expected[0].value
        if got_value is None or number is None or not _close(got_value, number):
            return f"{case.text!r}: got {got_value}, expected {number}"
        return None
    got = _selected(case, finder(case.text))
    want = case.expected
    shown = [f"{a.text!r}={a.low:g}{a.unit}" for a in got]
    if len(got) != len(want) or not all(_matches(w, g) for w, g in zip(want, got, strict=True)):
        expected = [
            f"{w.text!r}={w.value if w.interval is None else w.interval}{w.unit or ''}"
            for w in want
        ]
        return f"{case.text[:90]!r}: got {shown}, expected {expected}"
    return None


def pass_rates(
    cases: Iterable[SpecCase], finder: Callable[[str], list[Amount]] = find_amounts
) -> dict[str, tuple[int, int, list[str]]]:
    """In-scope pass counts per source: {source: (passed, total, failure messages)}."""
    rates: dict[str, tuple[int, int, list[str]]] = {}
    for case in cases:
        if not case.in_scope:
            continue
        passed, total, failures = rates.get(case.source, (0, 0, []))
        failure = check(case, finder)
        if failure is None:
            passed += 1
        else:
            failures.append(failure)
        rates[case.source] = (passed, total + 1, failures)
    return rates


# --- loading -----------------------------------------------------------------------


def iter_spec_cases(eval_dir: Path) -> Iterator[SpecCase]:
    """Every case of every source, in scope or not. ``eval_dir`` is ``shared/eval``."""
    yield from recognizers_cases(eval_dir / "recognizers_text_specs")
    yield from quantulum3_cases(eval_dir / "quantulum3_tests" / "quantities.json")
    yield from text2num_cases(eval_dir / "text2num_en" / "cases.json")


def _load(path: Path) -> Any:
    with path.open(encoding="utf-8") as f:
        return json.load(f)


# --- Microsoft Recognizers-Text ---------------------------------------------------

_WORD_FRACTION = (
    r"(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]*)?"
    r"(?:half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?"
    r"|ninths?|tenths?)"
)
_SIMPLE_FRACTION_RE = re.compile(rf"{_WORD_FRACTION}(?: of)?", re.IGNORECASE)
_MIXED_FRACTION_RE = re.compile(
    r"(?!.* and .* and )[a-z -]+ and (?:a|an|one|two|three|four|five|six|seven|eight|nine)"
    r"[\s-]+(?:half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?)",
    re.IGNORECASE,
)
_RATIO_RE = re.compile(r"[\w-]+ (?:in|out of) [\w -]+", re.IGNORECASE)
_SCALED_FRACTION_RE = re.compile(
    rf"{_WORD_FRACTION}(?: of)?(?: an?)? (?:million|billion|thousand|dozen)", re.I
)
_ORDINAL_AFTER_RE = re.compile(
    r"\s*-?\s*(?:first|second|third|[a-z]*(?:th|ths)|millionths?|trillionths?)\b", re.I
)
_CODE_RE = re.compile(r"\d+\.\d+\.\d+|\d+/\d+/\d+|\+\d[\d-]*-\d")

_RECOGNIZER_UNITS: dict[str, tuple[str, float]] = {
    "Dollar": ("$", 1),
    "United States dollar": ("$", 1),
    "Pound": ("£", 1),
    "British pound": ("£", 1),
    "Euro": ("€", 1),
    "Cent": ("$", 100),
    "Pence": ("£", 100),
    "Penny": ("£", 100),
    "Canadian dollar": ("C$", 1),
    "Australian dollar": ("A$", 1),
    "Hong Kong dollar": ("HK$", 1),
    "New Zealand dollar": ("NZ$", 1),
}

_NUMBER_WORD_RE = re.compile(
    r"\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety)\b",
    re.IGNORECASE,
)


def _recognizer_interval(text: str) -> Interval:
    """ "(20,35]", "[3965,)", "(,100]" → Interval (missing ends are infinite)."""
    m = re.fullmatch(r"([\[(])\s*([-\d.]*)\s*,\s*([-\d.]*)\s*([\])])", text)
    if m is None:
        raise ValueError(f"bad range {text!r}")
    low = float(m.group(2)) if m.group(2) else -math.inf
    high = float(m.group(3)) if m.group(3) else math.inf
    return Interval(low, high, m.group(1) == "(", m.group(4) == ")")


def _number_scope(case: dict[str, Any]) -> str:
    """Why a NumberModel case is out of scope, or ""."""
    text = case["Input"]
    if _CODE_RE.search(text):
        return "digit strings that are codes (IP address, slashed date, phone number)"
    for r in case["Results"]:
        gold = r["Text"]
        kind = r["Resolution"].get("subtype")
        before = text[: r["Start"]]
        after = text[r["End"] + 1 :]
        if kind == "power" or re.search(r"\d[eE][-+]?\d|\^|x10", gold):
            return "scientific and power notation (1e10, 1.1^23): not news copy"
        if "/" in gold or re.search(r"[½⅓⅔¼¾⅙⅛]", gold):
            return "fractions written with digits or glyphs (3/4, 2 1/4, ½)"
        if re.search(r"\bover\b", gold):
            return "'N over M' arithmetic fractions ('one over three', '2000 over 3')"
        if kind == "fraction" and not (
            _SIMPLE_FRACTION_RE.fullmatch(gold)
            or _MIXED_FRACTION_RE.fullmatch(gold)
            or _RATIO_RE.fullmatch(gold)
            or _SCALED_FRACTION_RE.fullmatch(gold.strip())
        ):
            return (
                "compound or ordinal-derived fractions ('twenty-three fifths', 'a "
                "hundredth', 'one billion and three quarters million'): rare in news"
            )
        if _ORDINAL_AFTER_RE.match(after) and kind != "fraction":
            return "the gold takes a number out of an ordinal ('two millionth' → 2)"
        if re.search(r"[A-Za-z]-$", before):
            return "numbers inside hyphenated codes ('SCP-173'): names in crosscheck"
        if re.fullmatch(r"[\d.,]+ ?g", gold):
            return "SI 'G' (giga) suffix: in news copy '5G' is a name, not 5e9"
        value = r["Resolution"].get("value")
        if value and re.fullmatch(r"\d+,\d{1,2}", gold):
            return "European decimal comma ('1,3' = 1.3): ambiguous with thousands"
        if value and re.search(r"\d\.\d{3},\d", gold):
            return "European decimal comma ('1.111,11' = 1111.11)"
    return ""


def _percent_scope(case: dict[str, Any]) -> str:
    for r in case["Results"]:
        value = r["Resolution"].get("value")
        if value in (None, "null"):
            return "the word 'percent' with no number: not an amount"
        gold = r["Text"].lower()
        if gold.startswith(("per", "percent")):
            return "inverted 'per cent of N' form: not English news usage"
        if "/" in gold:
            return "fractions written with digits (1/4)"
    return ""


def _range_scope(case: dict[str, Any]) -> str:
    for r in case["Results"]:
        gold = r["Text"]
        if re.search(r"\b(?:tenth|fifteenth|first|second)\b", gold):
            return "ranges of ordinals ('between the tenth and the fifteenth')"
        if "/" in gold:
            return "fractions written with digits ('more than 1/2')"
    return ""


def _currency_scope(case: dict[str, Any]) -> str:
    for r in case["Results"]:
        if r["Resolution"].get("value") is None:
            continue  # a bare currency name ("dollar"): not an amount, not compared
        unit = r["Resolution"].get("unit", "")
        gold = r["Text"].lower()
        if unit not in _RECOGNIZER_UNITS:
            return "currencies outside crosscheck's £/$/€ family (yen, francs, yuan, bitcoin…)"
        if re.search(r"\bm(?:usd|eur|gbp|aud)\b", gold):
            return "ISO codes with an M (million) prefix ('30 MUSD'): finance shorthand"
        if len(_NUMBER_WORD_RE.findall(gold)) > 1:
            return "compound amounts in one phrase ('3 dollars 50 cents', '15 dollars and 50')"
    return ""


def recognizers_cases(root: Path) -> Iterator[SpecCase]:
    """Microsoft Recognizers-Text English specs (MIT). Gold values are point values;
    ``NotSupported`` (platforms whose implementation fails a case) is ignored: the
    gold stays valid."""
    number = root / "Number"
    for case in _load(number / "NumberModel.json"):
        reason = _number_scope(case)
        expected = tuple(
            Expected(r["Text"], float(r["Resolution"]["value"]))
            for r in case["Results"]
            if r["Resolution"].get("value") is not None
        )
        yield SpecCase("recognizers/NumberModel", case["Input"], expected, not reason, reason)

    for case in _load(number / "NumberModelPercentMode.json"):
        reason = (
            "'N out of M' / 'N in M' is one proportion in crosscheck; this mode's gold "
            "splits it into two integers"
        )
        expected = tuple(
            Expected(r["Text"], float(r["Resolution"]["value"])) for r in case["Results"]
        )
        yield SpecCase("recognizers/NumberModelPercentMode", case["Input"], expected, False, reason)

    for name in ("PercentModel", "PercentModelPercentMode"):
        for case in _load(number / f"{name}.json"):
            reason = _percent_scope(case)
            expected = tuple(
                Expected(r["Text"], float(r["Resolution"]["value"].rstrip("%")) / 100, unit="share")
                for r in case["Results"]
                if r["Resolution"].get("value") not in (None, "null")
            )
            yield SpecCase(
                "recognizers/Percent", case["Input"], expected, not reason, reason, compare=SHARE
            )

    for case in _load(number / "NumberRangeModel.json"):
        reason = _range_scope(case)
        expected = tuple(
            Expected(r["Text"], None, _recognizer_interval(r["Resolution"]["value"]))
            for r in case["Results"]
        )
        yield SpecCase(
            "recognizers/NumberRangeModel", case["Input"], expected, not reason, reason,
            compare=RANGE,
        )  # fmt: skip

    for case in _load(root / "NumberWithUnit" / "CurrencyModel.json"):
        reason = _currency_scope(case)
        expected_money = []
        for r in case["Results"]:
            value = r["Resolution"].get("value")
            unit = r["Resolution"].get("unit", "")
            if value is None or unit not in _RECOGNIZER_UNITS:
                continue
            sign, divisor = _RECOGNIZER_UNITS[unit]
            expected_money.append(Expected(r["Text"], float(value) / divisor, None, sign))
        yield SpecCase(
            "recognizers/Currency", case["Input"], tuple(expected_money), not reason, reason,
            compare=MONEY,
        )  # fmt: skip


# --- quantulum3 ---------------------------------------------------------------------

_QUANTULUM_UNITS: dict[str, tuple[str, float]] = {
    "dimensionless": ("", 1),
    "dollar": ("$", 1),
    "euro": ("€", 1),
    "pound sterling": ("£", 1),
    "percentage": ("share", 100),
    "cent": ("$", 100),
    "penny": ("£", 100),
}


def _quantulum_scope(case: dict[str, Any]) -> str:
    text = case["req"]
    for r in case["res"]:
        unit, surface, value = r["unit"], r["surface"], r["value"]
        if unit in ("dozen", "gross", "baker's dozen"):
            return "counting units as units ('a dozen' = 1 dozen): crosscheck reads 12"
        if unit not in _QUANTULUM_UNITS:
            return (
                "units of measure (metres, days, km/s², $/kg): crosscheck keeps the number "
                "and treats the unit as the counted noun; quantulum's gold normalises units"
            )
        if re.search(r"\d[eE]-?\d|×10|\^", surface):
            return "scientific notation"
        start = text.find(surface)
        before = text[:start] if start >= 0 else ""
        if unit == "dimensionless" and value == int(value) and 1800 <= value <= 2099:
            return "the gold counts a year as a number; crosscheck reads years as dates"
        if re.search(r"(?:\w[\s\"“—]+[A-Z]\w*|[A-Za-z]-)\s?$", before) and unit == "dimensionless":
            return "numbers in names ('Voyager 2', 'English 101', 'South 32')"
        if surface.startswith("(") and value < 0:
            return "accounting negatives in parentheses ('($99.99)')"
    if re.search(r"\b(?:yen|francs?|yuan|rupees?)\b", text, re.IGNORECASE):
        return "currencies outside crosscheck's £/$/€ family"
    return ""


def quantulum3_cases(path: Path) -> Iterator[SpecCase]:
    """quantulum3's English gold (MIT): sentence → values, units, uncertainty (a range
    is value ± uncertainty)."""
    for case in _load(path):
        reason = _quantulum_scope(case)
        expected = []
        for r in case["res"]:
            unit, divisor = _QUANTULUM_UNITS.get(r["unit"], (None, 1))
            value = float(r["value"]) / divisor
            spread = r.get("uncertainty")
            interval = None
            if spread:
                interval = Interval(value - spread / divisor, value + spread / divisor)
            expected.append(Expected(r["surface"], value, interval, unit))
        yield SpecCase("quantulum3", case["req"], tuple(expected), not reason, reason)


# --- text2num -----------------------------------------------------------------------


def _text2num_scope(case: dict[str, Any]) -> str:
    words = case["input"].lower()
    if case["test"] == "test_alpha2digit_formal":
        return "spoken phone numbers, digit by digit ('plus thirty-three nine sixty zero six')"
    if "expected" in case and re.search(r"\bzero\b\s+\w", words) and case["function"] == "text2num":
        return "leading zeros spoken digit by digit ('zero eight' = 8)"
    if case["test"] == "test_alpha2digit_zero" and words.strip() != "zero":
        return "leading zeros spoken digit by digit ('thirteen thousand zero ninety')"
    return ""


def _numbers_in(rendered: str) -> list[float]:
    """The cardinal numbers in alpha2digit's output ("5th" and other ordinals left out)."""
    return [
        float(m.group(1))
        for m in re.finditer(r"(?<![\w.])([-+]?\d+(?:\.\d+)?)(?!\w|\.\d)", rendered)
    ]


def text2num_cases(path: Path) -> Iterator[SpecCase]:
    """text2num's English cases (MIT): ``text2num`` (words → integer, or an error) and
    ``alpha2digit`` (running text with numbers rewritten as digits)."""
    for case in _load(path):
        reason = _text2num_scope(case)
        if case["function"] == "text2num":
            raises = "raises" in case
            whole = () if raises else (Expected(case["input"], float(case["expected"])),)
            yield SpecCase(
                "text2num", case["input"], whole, not reason, reason, WHOLE, raises=raises
            )
            continue
        values = _numbers_in(case["expected"])
        expected = tuple(Expected(str(v), v) for v in values)
        yield SpecCase("text2num", case["input"], expected, not reason, reason)
