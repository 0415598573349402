"""Find the numbers in a text, with their spans, values and the precision they are written to.

A "number core" is the numeric part of a figure only: "4.2bn" in "$4.2bn", "two million" in
"two million rubles", "tens of thousands" in "tens of thousands of homes". Currencies, units,
bounds and ranges are attached around cores by `figures.extraction.figures_in`.

Number words are found here (so that their offsets are known) and valued by text2num, which
knows English number grammar ("one hundred and twenty"); scale abbreviations ("bn", "m") and
vague plurals are data in `figures/data/`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from figures import _tables


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

    def without_scale(self) -> "NumberCore":
        """The core with its scale word dropped ("100m" read as 100 and a unit "m")."""
        m = self.multiplier
        return NumberCore(self.start, self.scale_start, self.value / m, self.low / m, self.high / m,
                          max(self.resolution / m, 1e-12), self.kind, False, self.scale_start, 1.0)


_DIGITS = re.compile(
    r"""
      (?<![\d_.,/])                      # not inside a number (after a letter: see _glued_to_word)
      (?:\d{1,3}(?:,\d{3})+|\d+)         # 3,000 or 120
      (?:\.\d+)?                         # 4.5
      (?![,.]?\d)                        # not "1,25" or "3.5.2"
    | (?<![\w.,])\.\d+(?![,.]?\d)        # .5
    """,
    re.VERBOSE,
)


@lru_cache(maxsize=None)
def _word_pattern(ignore_case: bool) -> re.Pattern[str]:
    """Number words, vague plurals and fractions. Run case-sensitively on lower-cased text (about
    three times faster than re.IGNORECASE), or with IGNORECASE when lower-casing changes offsets."""
    words = _tables.number_words()
    starters = [w for w, kind in words.items() if kind != "scale"]
    any_word = list(words) + ["dozen"]
    return re.compile(
        r"""
          (?P<half>\bhalf\s+a\s+(?:million|billion|dozen)\b)
          | (?P<a_scale>\ban?\s+(?:hundred|thousand|million|billion|dozen)\b)
          | (?P<vague>\b(?:%(vague)s)\b)
          | (?P<fraction>\b(?:%(fractions)s)\b(?=\s+(?:of|to|an?)\b)
                         | (?<=between\s)(?:%(fractions)s)\b(?=\s+and\b))      # "between a quarter and a third"
          | (?P<words>
              \b(?:%(starters)s)                 # a run starts with a non-scale word
              (?:(?:\s+|-)(?:and\s+)?(?:%(any)s))*  # twenty-five, one hundred and twenty
              \b
          )
        """
        % {
            "vague": _tables.alternation(list(_tables.vague_numbers())),
            "fractions": _tables.alternation(list(_tables.fractions())),
            "starters": _tables.alternation(starters),
            "any": _tables.alternation(any_word),
        },
        re.VERBOSE | (re.IGNORECASE if ignore_case else 0),
    )


@lru_cache(maxsize=None)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    folded, exact, _ = _tables.scales()
    scale_exact = re.compile(r"[ ]?-?(?:%s)(?![A-Za-z])" % _tables.alternation(list(exact)))
    scale_folded = re.compile(r"[ ]?-?(?:%s)(?![A-Za-z])" % _tables.alternation(list(folded)), re.IGNORECASE)
    return scale_exact, scale_folded


@lru_cache(maxsize=None)
def _word_hint() -> re.Pattern[str]:
    """Any number word, scale, vague plural or fraction as a substring ("teen" in "thirteen"): a
    cheap test that skips the word pattern in most sentences."""
    stems = set(_tables.number_words()) | {"dozen", "scores", "half", "third", "quarter", "fifth", "tenth"}
    stems |= {w.split()[-1].split("-")[-1] for w in _tables.fractions()}
    return re.compile(_tables.alternation(sorted(stems)))


_ANY_DIGIT = re.compile(r"\d")


def may_hold_numbers(text: str) -> bool:
    """A cheap test that rules out most text with no number in digits or words."""
    return _ANY_DIGIT.search(text) is not None or _word_hint().search(text.lower()) is not None


def _word_matches(text: str) -> list[re.Match[str]]:
    lowered = text.lower()
    if len(lowered) != len(text):
        return list(_word_pattern(True).finditer(text))
    if _word_hint().search(lowered) is None:
        return []
    return list(_word_pattern(False).finditer(lowered))


def _resolution_of_digits(digits: str, multiplier: float) -> float:
    """The size of the last significant digit written, in the figure's own units.

    "497.1" -> 0.1; "4.2" x 1e9 -> 1e8; "3,000" -> 1000 and "20" x 1e6 -> 1e7 (round thousands
    and round scaled numbers are read as rounded); "40" -> 1 (a count of tens is read as exact).
    """
    plain = digits.replace(",", "")
    if "." in plain:
        return 10.0 ** -len(plain.split(".")[1]) * multiplier
    stripped = plain.rstrip("0")
    zeros = len(plain) - len(stripped) if stripped else 0
    if zeros < 3 and multiplier == 1.0:
        zeros = 0
    return 10.0 ** zeros * multiplier


def _resolution_of_value(value: float) -> float:
    if value <= 0 or value != int(value) or value < 1000:
        return 1.0
    zeros = 0
    v = int(value)
    while v % 10 == 0:
        v //= 10
        zeros += 1
    return 10.0 ** zeros


def _words_value(run: str) -> float | None:
    """Value of a run of number words, or None when text2num does not accept it."""
    words = re.sub(r"\s+", " ", run.lower()).strip()
    dozen = 1.0
    if words.endswith("dozen"):
        dozen = 12.0
        words = words[: -len("dozen")].strip(" -")
        if not words:
            return 12.0
    try:
        return float(text2num(words, "en")) * dozen
    except ValueError:
        return None


def _one_scale(text: str, end: int) -> tuple[int, float, bool] | None:
    scale_exact, scale_folded = _patterns()
    folded, exact, money_only = _tables.scales()
    m = scale_exact.match(text, end)
    if m:
        word = m.group().strip(" -")
        return m.end(), exact[word], word in money_only
    m = scale_folded.match(text, end)
    if m:
        word = m.group().strip(" -").lower()
        return m.end(), folded[word], word in money_only
    return None


def _scale_after(text: str, end: int) -> tuple[int, float, bool] | None:
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


_SIGN = re.compile(r"(?:(?<![\w-])minus[ -]?|(?<![\w.,)\]%-])[-−+])$", re.IGNORECASE)


def _signed_start(text: str, start: int) -> tuple[int, float]:
    """Where a number begins once its sign is counted, and the sign ("minus-5", "$-50.8bn")."""
    m = _SIGN.search(text, max(0, start - 6), start)
    if not m:
        return start, 1.0
    return m.start(), (1.0 if m.group() == "+" else -1.0)


_FRACTION_DIGITS = re.compile(
    r"(?<![\w.,/⁄])(\d{1,3})[/⁄](\d{1,3})(?![\d/⁄])(?=[ \u00a0]+(?:of\b|to[ \u00a0]+\d{1,3}[/⁄]\d))"
)
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_TIMES_TEN = re.compile(r"[ \u00a0]?[×x*][ \u00a0]?10(?:\^|\*\*)?(?P<exp>[-−⁻]?[\d⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?![\d.,])")


def _times_ten(text: str, end: int) -> tuple[int, int] | None:
    """Scientific notation after a number: "1.99×10−30", "6.02 x 10^23" -> (end, exponent)."""
    m = _TIMES_TEN.match(text, end)
    if not m:
        return None
    return m.end(), int(m.group("exp").translate(_SUPERSCRIPTS).replace("−", "-"))


def _fraction_cores(text: str) -> list[NumberCore]:
    """Fractions in digits before "of": "1/8 of a US gallon", "3/5 of members"."""
    out = []
    for m in _FRACTION_DIGITS.finditer(text):
        num, den = int(m.group(1)), int(m.group(2))
        if den and num < den:
            value = num / den
            out.append(NumberCore(m.start(), m.end(), value, value, value, 0.01, "fraction", False, m.end()))
    return out


def _glued_to_word(text: str, start: int) -> bool:
    """Digits written against a word ("Su34", "G20", "COVID19") are part of a name, unless the
    word is a currency ("USD10m", "RM23.50")."""
    return _tables.glued_currency_prefix().search(text, max(0, start - 4), start) is None


def scan(text: str) -> list[NumberCore]:
    """Every number core in `text`, left to right, non-overlapping."""
    found: list[NumberCore] = _fraction_cores(text) if "/" in text or "⁄" in text else []
    taken = [(c.start, c.end) for c in found]
    for m in _DIGITS.finditer(text):
        start, end = m.span()
        if start and text[start - 1].isalpha() and _glued_to_word(text, start):
            continue
        if taken and any(a <= start < b for a, b in taken):
            continue                               # inside a fraction or a power of ten already read
        surface = m.group()
        start, sign = _signed_start(text, start)
        plain = surface.replace(",", "")
        multiplier, money_scale, scale_start = 1.0, False, end
        value = sign * float(plain)
        scaled = _scale_after(text, end)
        if scaled:
            end, multiplier, money_scale = scaled
            value *= multiplier
        elif text[end:end + 2].lstrip()[:1] in ("×", "x", "*"):          # "1.99×10−30", "6.02 x 10^23"
            power = _times_ten(text, end)
            if power is not None:
                end, exponent = power
                multiplier = 10.0 ** exponent
                value = sign * float(f"{plain}e{exponent}")      # exact: 1.99e-30, not 1.99 * 1e-30
                scale_start = end                  # the power is part of the number, not a scale word
                taken.append((start, end))
        found.append(NumberCore(
            start, end, value, value, value,
            _resolution_of_digits(surface, multiplier), "digits", money_scale, scale_start, multiplier,
        ))
    for m in _word_matches(text):
        core = _word_core(text, m)
        if core is not None:
            found.append(core)
    if len(found) > 1:
        found.sort(key=lambda c: c.start)
    return found


def _word_core(text: str, m: re.Match[str]) -> NumberCore | None:
    kind = m.lastgroup or ""
    start, end = m.span()
    lowered = text[start:end].lower()
    if kind == "vague":
        low, high = _tables.vague_numbers()[lowered]
        return NumberCore(start, end, (low + high) / 2.0, low, high, _resolution_of_value(low), "vague", False, end)
    if kind == "fraction":
        value = _tables.fractions()[lowered]
        return NumberCore(start, end, value, value, value, 0.01, "fraction", False, end)
    if kind == "half":
        value = 0.5 * (12.0 if lowered.endswith("dozen") else _tables.scales()[0][lowered.split()[-1]])
    elif kind == "a_scale":
        word = lowered.split()[-1]
        value = 12.0 if word == "dozen" else _tables.scales()[0][word]
    else:
        parsed = _words_value(lowered)
        if parsed is None:
            return None
        value = parsed
    multiplier, scale_start = 1.0, end
    scaled = _scale_after(text, end)
    if scaled and not scaled[2]:
        end, multiplier = scaled[0], scaled[1]
    value *= multiplier
    return NumberCore(start, end, value, value, value, _resolution_of_value(value), "words", False, scale_start)
