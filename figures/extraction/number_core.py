"""The number core record, and what digits and words share: scale words, precision, spacing.

A "number core" is the numeric part of a figure only: "4.2bn" in "$4.2bn", "two million" in
"two million rubles", "tens of thousands" in "tens of thousands of homes". `numbers` finds the
cores written in digits, `number_words` those written in words; both build them from here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from figures import _tables

# Tables read in the hot loops below, bound once rather than fetched through their caches per token.
_SCALES = _tables.scales()


@dataclass(slots=True)
class NumberCore:
    """A number as written: its span, value, and the interval and precision the words allow."""

    start: int
    end: int
    value: float
    low: float
    high: float
    resolution: float      # size of the last digit written ("3,000": 1000, "4.2bn": 1e8)
    kind: str              # "digits", "words", "vague", "fraction"
    money_scale: bool      # its scale word ("m", "k") is one that only money takes
    scale_start: int       # where the scale word begins (== end when there is none)
    multiplier: float = 1.0

    def negated(self) -> "NumberCore":
        """The core with its sign turned ("-$5.2 million", "($45.20)": the sign stands outside the digits)."""
        return NumberCore(self.start, self.end, -self.value, -self.high, -self.low, self.resolution, self.kind,
                          self.money_scale, self.scale_start, self.multiplier)

    def without_scale(self) -> "NumberCore":
        """The core with its scale word dropped ("100m" read as 100 and a unit "m")."""
        m = self.multiplier
        return NumberCore(self.start, self.scale_start, self.value / m, self.low / m, self.high / m,
                          max(self.resolution / m, 1e-12), self.kind, False, self.scale_start, 1.0)


GROUP_SEPARATORS = re.compile(r"[,\u00a0\u2009\u202f' ]")

_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")


def digits_of(surface: str) -> str:
    """A numeral without its group separators: "30 000", "1'000" and "1.234.567" -> "30000", "1000",
    "1234567" (points are group separators only where two or more stand: one is a decimal point);
    "1,5", which the digit pattern reads only before a scale word, is a decimal comma: "1.5"."""
    if surface.isdigit():
        return surface                           # most numerals: nothing to take out
    if "," in surface and _DECIMAL_COMMA.fullmatch(surface):
        return surface.replace(",", ".")         # "1,5" before a scale word ("1,5 million")
    plain = GROUP_SEPARATORS.sub("", surface)
    return plain.replace(".", "") if plain.count(".") > 1 else plain


#: Space inside a run of number words: any whitespace but a paragraph break ("five\n\nmillion").
SP = r"(?:[^\S\n]|\n(?![^\S\n]*\n))+"
HALVES = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}


def power_of_ten(exponent: int) -> float:
    """10 ** exponent as a float, infinite (or zero) past the float range instead of OverflowError:
    a 400-digit number is read as infinite rather than lose its whole article."""
    return float(f"1e{exponent}")


def resolution_of_digits(digits: str, multiplier: float) -> float:
    """The size of the last significant digit written, in the figure's own units.

    "497.1" -> 0.1; "4.2" x 1e9 -> 1e8; "3,000" -> 1000 and "20" x 1e6 -> 1e7 (round thousands
    and round scaled numbers are read as rounded); "40" -> 1 (a count of tens is read as exact).
    """
    plain = digits_of(digits)
    if "." in plain:
        return power_of_ten(-len(plain.split(".")[1])) * multiplier
    stripped = plain.rstrip("0")
    zeros = len(plain) - len(stripped) if stripped else 0
    if zeros < 3 and multiplier == 1.0:
        zeros = 0
    return power_of_ten(zeros) * multiplier


def resolution_of_value(value: float) -> float:
    if not math.isfinite(value) or value <= 0 or value != int(value) or value < 1000:
        return 1.0
    zeros = 0
    v = int(value)
    while v % 10 == 0:
        v //= 10
        zeros += 1
    return 10.0 ** zeros


@lru_cache(maxsize=None)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    folded, exact, _ = _SCALES
    scale_exact = re.compile(r"[ ]?-?(?:%s)(?![A-Za-z])" % _tables.alternation(list(exact)))
    scale_folded = re.compile(r"[ ]?-?(?:%s)(?![A-Za-z])" % _tables.alternation(list(folded)), re.IGNORECASE)
    return scale_exact, scale_folded


def _one_scale(text: str, end: int) -> tuple[int, float, bool] | None:
    scale_exact, scale_folded = _patterns()
    folded, exact, money_only = _SCALES
    m = scale_exact.match(text, end)
    if m:
        word = m.group().strip(" -")
        return m.end(), exact[word], word in money_only
    m = scale_folded.match(text, end)
    if m:
        word = m.group().strip(" -").lower()
        return m.end(), folded[word], word in money_only
    return None


def scale_after(text: str, end: int) -> tuple[int, float, bool] | None:
    """Scale words right after a number ("bn", "hundred million"): (new end, multiplier, money-only)."""
    first = _one_scale(text, end)
    if first is None or first[2]:
        return first
    stop, multiplier, _ = first
    more = _one_scale(text, stop)
    while more is not None and not more[2] and more[1] > multiplier:
        stop, multiplier = more[0], multiplier * more[1]
        more = _one_scale(text, stop)
    return stop, multiplier, False


def within(a: float, b: float, ratio: float) -> bool:
    """Whether two non-zero magnitudes are within `ratio` times of each other (52.50 and 120 within 3;
    a wage and a transfer fee not; the sides 40 and 15 of a parcel within 10)."""
    low, high = sorted((abs(a), abs(b)))
    return low > 0 and high <= ratio * low

