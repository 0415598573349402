"""Find the numbers in a text, with their spans, values and the precision they are written to.

A "number core" is the numeric part of a figure only: "4.2bn" in "$4.2bn", "two million" in
"two million rubles", "tens of thousands" in "tens of thousands of homes". Currencies, units,
bounds and ranges are attached around cores by `figures.extraction.figures_in`.

Number words are found here (so that their offsets are known) and valued by text2num, which
knows English number grammar ("one hundred and twenty"); scale abbreviations ("bn", "m") and
vague plurals are data in `figures/data/`.
"""

from __future__ import annotations

import math
import re
import unicodedata
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

    def negated(self) -> "NumberCore":
        """The core with its sign turned ("-$5.2 million", "($45.20)": the sign stands outside the digits)."""
        return NumberCore(self.start, self.end, -self.value, -self.high, -self.low, self.resolution, self.kind,
                          self.money_scale, self.scale_start, self.multiplier)

    def without_scale(self) -> "NumberCore":
        """The core with its scale word dropped ("100m" read as 100 and a unit "m")."""
        m = self.multiplier
        return NumberCore(self.start, self.scale_start, self.value / m, self.low / m, self.high / m,
                          max(self.resolution / m, 1e-12), self.kind, False, self.scale_start, 1.0)


_DIGITS = re.compile(
    r"""
      (?<![\d_.,/'\u00a0\u2009\u202f])  # not inside a number (after a letter: see _glued_to_word)
      (?:\d{1,3}(?:,\d{3})+              # 3,000
      | \d{1,3}(?:[\u00a0\u2009\u202f']\d{3})+(?!\d)   # 1\u00a0000, 1\u202f000, 1'000 (no-break, thin, Swiss)
      | \d{1,3}(?:[ ]\d{3})+(?![ ]?[\d,.]?\d)            # 30 000 (see _space_grouped for "in 2020 300")
      | \d+)                              # 120
      (?:\.\d+)?                          # 4.5
      (?![,.]?\d)                         # not "1,25" or "3.5.2"
    | (?<![\w.,])\.\d+(?![,.]?\d)        # .5
    """,
    re.VERBOSE,
)
_GROUP_SEPARATORS = re.compile(r"[,\u00a0\u2009\u202f' ]")
_DATE_WORD_BEFORE = re.compile(r"(?P<w>[A-Za-z]+)\.?[ \u00a0]+$")


def digits_of(surface: str) -> str:
    """A numeral without its group separators: "30 000" and "1'000" -> "30000", "1000"."""
    return _GROUP_SEPARATORS.sub("", surface)


def is_grouped(surface: str) -> bool:
    """Whether a numeral is written in groups of three ("3,000", "30 000"): never a year or an id."""
    return _GROUP_SEPARATORS.search(surface) is not None


def _space_grouped(text: str, m: re.Match[str]) -> list[tuple[int, int]]:
    """The spans of one digit match: itself, or, for groups split by plain spaces after a month or
    day name ("on March 5 300 people"), each group as its own number. A space is the
    only separator that also stands between two numbers."""
    surface = m.group()
    if " " not in surface:
        return [m.span()]
    before = _DATE_WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
    if before is None or before.group("w").lower() not in _tables.months():
        return [m.span()]
    spans, pos = [], m.start()
    for part in surface.split(" "):
        spans.append((pos, pos + len(part)))
        pos += len(part) + 1
    return spans


#: Space inside a run of number words: any whitespace but a paragraph break ("five\n\nmillion").
_SP = r"(?:[^\S\n]|\n(?![^\S\n]*\n))+"
_HALVES = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}


@lru_cache(maxsize=None)
def _word_pattern(ignore_case: bool) -> re.Pattern[str]:
    """Number words, vague plurals and fractions. Run case-sensitively on lower-cased text (about
    three times faster than re.IGNORECASE), or with IGNORECASE when lower-casing changes offsets."""
    words = _tables.number_words()
    starters = [w for w, kind in words.items() if kind != "scale"]
    scales = [w for w, kind in words.items() if kind == "scale"]
    any_word = list(words) + ["dozen"]
    ordinals = _tables.word_class("ordinal_word")
    return re.compile(
        r"""
          (?P<half>\bhalf%(sp)sa%(sp)s(?:million|billion|dozen)\b)
          | (?P<fraction>\b(?:%(fractions)s)\b(?=\s+(?:of|to|an?)\b)
                         | (?<=between\s)(?:%(fractions)s)\b(?=\s+and\b))      # "between a quarter and a third"
          | (?P<words>
              \b(?:an?%(sp)s(?=(?:%(scales)s|dozen)\b)(?:%(scales)s|dozen)  # "a hundred", "a dozen"
                | (?:%(starters)s))                # or a non-scale word
              (?:(?:%(sp)s|-)(?:and%(sp)s)?(?:%(any)s)      # twenty-five, one hundred and twenty
                | (?:(?<=thousand)|(?<=million)|(?<=billion)|(?<=trillion)),%(sp)s   # "four million, three
                  (?=(?:(?:%(any)s)(?:%(sp)s|-)(?:and%(sp)s)?)*?(?:hundred|thousand|million|billion)\b)   # hundred and ten"
                  (?:%(any)s))*
              (?:%(sp)sand%(sp)san?%(sp)s(?:half|quarter|third)(?!-))?     # "three and a half"
              \b
              (?!-(?:%(ordinals)s)\b|%(sp)s(?:%(spaced_ordinals)s)\b)   # not "twenty-first", "one hundredth"
          )
          | (?P<vague>\b(?:%(vague)s)\b)         # after the words: "a dozen" is exact, "dozens" vague
        """
        % {
            "sp": _SP,
            "vague": _tables.alternation(list(_tables.vague_numbers())),
            "fractions": _tables.alternation(list(_tables.fractions())),
            "starters": _tables.alternation(starters),
            "scales": _tables.alternation(scales),
            "any": _tables.alternation(any_word),
            "ordinals": _tables.alternation(list(ordinals)),
            "spaced_ordinals": _tables.alternation(list(ordinals - {"second"})),   # "one second" is a time
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


_ANY_DIGIT = re.compile(r"[\d¼½¾⅐-⅞]")


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


def _power_of_ten(exponent: int) -> float:
    """10 ** exponent as a float, infinite (or zero) past the float range instead of OverflowError:
    a 400-digit number is read as infinite rather than lose its whole article."""
    return float(f"1e{exponent}")


def _resolution_of_digits(digits: str, multiplier: float) -> float:
    """The size of the last significant digit written, in the figure's own units.

    "497.1" -> 0.1; "4.2" x 1e9 -> 1e8; "3,000" -> 1000 and "20" x 1e6 -> 1e7 (round thousands
    and round scaled numbers are read as rounded); "40" -> 1 (a count of tens is read as exact).
    """
    plain = digits_of(digits)
    if "." in plain:
        return _power_of_ten(-len(plain.split(".")[1])) * multiplier
    stripped = plain.rstrip("0")
    zeros = len(plain) - len(stripped) if stripped else 0
    if zeros < 3 and multiplier == 1.0:
        zeros = 0
    return _power_of_ten(zeros) * multiplier


def _resolution_of_value(value: float) -> float:
    if not math.isfinite(value) or value <= 0 or value != int(value) or value < 1000:
        return 1.0
    zeros = 0
    v = int(value)
    while v % 10 == 0:
        v //= 10
        zeros += 1
    return 10.0 ** zeros


_AND_A_PART = re.compile(r" and an? (half|quarter|third)$")


def _words_value(run: str) -> float | None:
    """Value of a run of number words, or None when it is not one.

    text2num reads English number grammar ("one hundred and twenty", "four million three hundred
    and ten"); written here is only what it refuses: a leading "a" ("a hundred and six"), "trillion",
    a trailing "dozen" and "and a half" ("three and a half").
    """
    words = re.sub(r"[\s,]+", " ", run.lower()).strip()
    part = 0.0
    tail = _AND_A_PART.search(words)
    if tail:
        part, words = _HALVES[tail.group(1)], words[:tail.start()]
    dozen = 1.0
    if words.endswith("dozen"):
        dozen = 12.0
        words = words[: -len("dozen")].strip(" -")
    if words in ("", "a", "an"):
        return (1.0 + part) * dozen if dozen > 1 else None
    if words.startswith(("a ", "an ")):
        words = "one " + words.split(" ", 1)[1]
    value = _cardinal(words)
    return None if value is None else (value + part) * dozen


def _cardinal(words: str) -> float | None:
    """text2num's value of a cardinal, with "trillion" (which it lacks) read as a scale around it."""
    if "trillion" in words:
        left, _, right = words.partition("trillion")
        high = _cardinal(left.strip() or "one")
        right = right.strip()
        low = _cardinal(right[4:] if right.startswith("and ") else right) if right else 0.0
        return None if high is None or low is None else high * 1e12 + low
    try:
        return float(text2num(words, "en"))
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


def sign_before(text: str, start: int) -> tuple[int, float] | None:
    """A sign written before a currency that stands before the digits ("-$5.2 million", "−€3bn"):
    (where the sign begins, the sign), or None."""
    m = _SIGN.search(text, max(0, start - 6), start)
    if not m:
        return None
    return m.start(), (1.0 if m.group() == "+" else -1.0)


_VULGAR = "¼½¾⅐⅑⅒⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
_FRACTIONS = re.compile(
    r"""
      (?<![\w.,/⁄])
      (?: (?:(?P<whole>\d{1,3})[ \u00a0-])?                     # "3 1/2", "3-1/2": a mixed number
          (?P<num>\d{1,3})[/⁄](?P<den>\d{1,3})(?![\d/⁄])          # "3/4", "1⁄8"
        | (?:(?P<vwhole>\d{1,3})[ \u00a0]?)?(?P<vulgar>[%s])      # "¾", "2½", "2 ½"
      )
    """ % _VULGAR,
    re.VERBOSE,
)
_OF_OR_RANGE = re.compile(r"[ \u00a0]+(?:of\b|to[ \u00a0]+\d{1,3}[/⁄]\d)")
_HAS_FRACTION = re.compile(r"[/⁄%s]" % _VULGAR)
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_TIMES_TEN = re.compile(r"[ \u00a0]?[×x*][ \u00a0]?10(?:\^|\*\*)?(?P<exp>[-−⁻]?[\d⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?![\d.,])")
_AND_A_PART_AFTER = re.compile(_SP + r"and" + _SP + r"an?" + _SP + r"(?P<part>half|quarter)\b", re.IGNORECASE)


def _times_ten(text: str, end: int) -> tuple[int, int] | None:
    """Scientific notation after a number: "1.99×10−30", "6.02 x 10^23" -> (end, exponent)."""
    m = _TIMES_TEN.match(text, end)
    if not m:
        return None
    return m.end(), int(m.group("exp").translate(_SUPERSCRIPTS).replace("−", "-"))


def _unit_follows(text: str, end: int) -> bool:
    """A unit of measure (not money) is written right after `end`: "3/4 inch", "1/2 cup"."""
    table = _tables.suffixes()
    pos = end + 1 if text[end:end + 1] in (" ", "\u00a0", "-") else end
    m = table.exact.match(text, pos)
    entry = table.by_exact.get(m.group()) if m else None
    if entry is None:
        m = table.folded.match(text, pos)
        entry = table.by_folded.get(m.group().lower()) if m else None
    return entry is not None and entry.dimension != "currency"


def _fraction_cores(text: str) -> list[NumberCore]:
    """Fractions and mixed numbers: "2/3 of voters", "a 3/4 inch pipe", "3 1/2 in", "¾ cup", "2½ miles".

    A bare "a/b" in digits is read as a fraction only before "of", a second fraction or a unit
    ("9/11" and "24/7" are names); a vulgar fraction sign is always a number.
    """
    out = []
    for m in _FRACTIONS.finditer(text):
        if m.group("vulgar"):
            part = unicodedata.numeric(m.group("vulgar"))
            resolution = 0.01
        else:
            num, den = int(m.group("num")), int(m.group("den"))
            if not den or num >= den:
                continue
            part, resolution = num / den, 0.01
            if m.group("whole") is None and not (_OF_OR_RANGE.match(text, m.end()) or _unit_follows(text, m.end())):
                continue
        whole = m.group("whole") or m.group("vwhole")
        value = int(whole) + part if whole else part
        kind = "mixed" if whole else "fraction"
        out.append(NumberCore(m.start(), m.end(), value, value, value, resolution, kind, False, m.end()))
    return out


def _glued_to_word(text: str, start: int) -> bool:
    """Digits written against a word ("Su34", "G20", "COVID19") are part of a name, unless the
    word is a currency ("USD10m", "RM23.50")."""
    m = _tables.glued_currency_prefix().search(text, max(0, start - 4), start)
    if m is None:
        return True
    return m.group() in _tables.long_currency_prefixes() and not long_number_at(text, start)


_LONG_NUMBER = re.compile(r"\d{2}|\d[.,]\d")


def long_number_at(text: str, start: int) -> bool:
    """Two or more digits, or a decimal, start at `start` ("PS14,300", "PS1.9m"; not "PS5")."""
    return _LONG_NUMBER.match(text, start) is not None


def scan(text: str) -> list[NumberCore]:
    """Every number core in `text`, left to right, non-overlapping."""
    found: list[NumberCore] = _fraction_cores(text) if _HAS_FRACTION.search(text) else []
    taken = [(c.start, c.end) for c in found]
    for m in _DIGITS.finditer(text):
        for start, end in _space_grouped(text, m):
            core = _digit_core(text, start, end, taken)
            if core is not None:
                found.append(core)
    for m in _word_matches(text):
        core = _word_core(text, m)
        if core is not None:
            found.append(core)
    if len(found) > 1:
        found.sort(key=lambda c: c.start)
    return found


def _digit_core(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> NumberCore | None:
    """The core of the digits text[start:end], with its sign, scale word or power of ten."""
    if start and text[start - 1].isalpha() and _glued_to_word(text, start):
        return None
    if taken and any(a <= start < b for a, b in taken):
        return None                                # inside a fraction or a power of ten already read
    surface = text[start:end]
    start, sign = _signed_start(text, start)
    plain = digits_of(surface)
    multiplier, money_scale, scale_start = 1.0, False, end
    value = sign * float(plain)
    resolution = 0.0                           # computed below, once the multiplier is known
    scaled = _scale_after(text, end)
    if scaled:
        end, multiplier, money_scale = scaled
        value *= multiplier
    elif text[end:end + 2].lstrip()[:1] in ("×", "x", "*"):          # "1.99×10−30", "6.02 x 10^23"
        power = _times_ten(text, end)
        if power is not None:
            end, exponent = power
            multiplier = _power_of_ten(exponent)
            value = sign * float(f"{plain}e{exponent}")      # exact: 1.99e-30, not 1.99 * 1e-30
            scale_start = end                  # the power is part of the number, not a scale word
            taken.append((start, end))
    elif text[end + 1:end + 4].lower() == "and":
        half = _AND_A_PART_AFTER.match(text, end)           # "3 and a half years"
        if half and "." not in plain:
            part = _HALVES[half.group("part").lower()]
            value += sign * part
            end = scale_start = half.end()
            resolution = part
    if not resolution:
        resolution = _resolution_of_digits(surface, multiplier)
    return NumberCore(start, end, value, value, value, resolution, "digits", money_scale, scale_start, multiplier)


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
    resolution = _resolution_of_value(value) if value == int(value) or not math.isfinite(value) else 0.5
    return NumberCore(start, end, value, value, value, resolution, "words", False, scale_start)
