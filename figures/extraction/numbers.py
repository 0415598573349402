"""Find the numbers in a text, with their spans, values and the precision they are written to.

`scan` gives every number core (see `number_core`) of a text: digits with their separators,
signs, scale words and powers of ten, fractions and mixed numbers (here), and numbers written in
words (`number_words`). Currencies, units, bounds and ranges are attached around cores by
`figures.extraction.reader`; scale abbreviations ("bn", "m") and vague plurals are data in
`figures/data/`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right, insort

from figures import _tables
from figures.extraction import countries
from figures.extraction.number_core import (
    HALVES, SP, NumberCore, digits_of, power_of_ten, resolution_of_digits, resolution_of_value, scale_after,
)
from figures.extraction.number_words import word_core, word_hint, word_matches, words_value

__all__ = ["NumberCore", "digits_of", "long_number_at", "may_hold_numbers", "scan", "sign_before",
           "words_value"]


# The first character (a digit or a point) is read before the lookbehinds, so that the pattern
# starts with a character set: `re` then skips every other character without trying the pattern
# there, which makes this scan five times faster. The lookbehinds, moved past that character, test
# the same character before the number ("(?<!X\d)" after a digit is "(?<!X)" before it).
_DIGITS = re.compile(
    r"""
      [\d.]
      (?:
        (?<=\d)(?<![\d_.,/'\u00a0\u2009\u202f]\d)   # not inside a number (after a letter: see _glued_to_word)
        (?:\d?(?:,\d{2})+,\d{3}(?![,.]?\d)             # 1,44,900: lakhs and crores, as India groups them
        | \d{0,2}(?:,\d{3})+                         # 3,000
        | \d{0,2}(?:[\u00a0\u2009\u202f']\d{3})+(?!\d)   # 1\u00a0000, 1\u202f000, 1'000 (no-break, thin, Swiss)
        | \d{0,2}(?:[ ]\d{3})+(?![ ]?[\d,.]?\d)            # 30 000 (see _space_grouped for "in 2020 300")
        | \d{0,2}(?:\.\d{3}){2,}(?![,.]?\d)             # 1.234.567 (two or more point groups: never a decimal)
        | \d{0,2},\d{1,2}(?=[ ]?(?:million|billion|trillion|mln|bln|bn|mn)\b)   # 1,5 million: a decimal comma
        | \d{0,2},\d{1,2}(?=[ \u00a0]?[%A-Za-z€$£¥]|[.;:!?)]|$)  # 3,4% or EUR 41,20: one only with a unit or currency (`decimal_comma`)
        | \d*)                                         # 120
        (?:\.\d+)?                                     # 4.5
        (?![,.]?\d)                                    # not "1,25" or "3.5.2"
      | (?<=\.)(?<![\w.,]\.)\d+(?![,.]?\d)             # .5
      )
    """,
    re.VERBOSE,
)
_DATE_WORD_BEFORE = re.compile(r"(?P<w>[A-Za-z]+)\.?[ \u00a0]+$")


_DATE_WORD_REACH = 12         # characters before space-grouped digits where a month or day name may begin


def _space_grouped(text: str, m: re.Match[str]) -> list[tuple[int, int]]:
    """The spans of one digit match: itself, or, for groups split by plain spaces after a month or
    day name ("on March 5 300 people"), each group as its own number. A space is the
    only separator that also stands between two numbers."""
    surface = m.group()
    if " " not in surface:
        return [m.span()]
    before = _DATE_WORD_BEFORE.search(text, max(0, m.start() - _DATE_WORD_REACH), m.start())
    if before is None or before.group("w").lower() not in _tables.months():
        return [m.span()]
    spans, pos = [], m.start()
    for part in surface.split(" "):
        spans.append((pos, pos + len(part)))
        pos += len(part) + 1
    return spans


_ANY_DIGIT = re.compile(r"[\d¼½¾⅐-⅞]")


def may_hold_numbers(text: str) -> bool:
    """A cheap test that rules out most text with no number in digits or words."""
    return (_ANY_DIGIT.search(text) is not None or word_hint().search(text.lower()) is not None
            or " of" in text and _ONE_OF_A_MEASURE.search(text) is not None)



_SIGN = re.compile(r"(?:(?<![\w-])minus[ -]?|(?<![\w.,)\]%-])[-−+])$", re.IGNORECASE)
_SIGN_REACH = 6               # characters before a number (or its currency) where its sign ("minus-", "−") may begin


def _signed_start(text: str, start: int) -> tuple[int, float]:
    """Where a number begins once its sign is counted, and the sign ("minus-5", "$-50.8bn")."""
    m = _SIGN.search(text, max(0, start - _SIGN_REACH), start)
    if not m:
        return start, 1.0
    return m.start(), (1.0 if m.group() == "+" else -1.0)


def sign_before(text: str, start: int) -> tuple[int, float] | None:
    """A sign written before a currency that stands before the digits ("-$5.2 million", "−€3bn"):
    (where the sign begins, the sign), or None."""
    m = _SIGN.search(text, max(0, start - _SIGN_REACH), start)
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
#: the exponent is marked: a caret, "**", a minus sign (not a hyphen: "3 x 10-12 reps") or superscript
#: digits ("6.02 x 10^23", "1.99×10−30", "3×10⁸"); "4 x 100m" is four lengths of 100 metres, not 4
#: times ten to the nought
_TIMES_TEN = re.compile(r"[ \u00a0]?[×x*][ \u00a0]?10(?P<exp>(?:\^|\*\*)[-−⁻]?\d{1,3}|[−⁻]\d{1,3}|[-−⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?![\d.,])")
# " and a half", " and a quarter": the part written after a number ("3 and a half years") or after
# a unit ("an hour and a half"); after a unit, not before a hyphen ("and a half-eaten apple")
_AND_A_PART = SP + r"and" + SP + r"an?" + SP + r"(?P<part>half|quarter)"
_AND_A_PART_AFTER = re.compile(_AND_A_PART + r"\b", re.IGNORECASE)
_UNIT_AND_A_PART = re.compile(_AND_A_PART + r"(?![\w-])", re.IGNORECASE)
# "an hour and a half", "a mile and a half": the article counts one of the word after it, and the
# part comes after that word (the reader keeps it only when that word is a unit)
_ONE_BEFORE_A_PART = re.compile(r"\b(?P<one>an?)(?=" + SP + r"[a-z]+" + _AND_A_PART + r"(?![\w-]))", re.IGNORECASE)


# "a foot of snow", "an inch of rain", "a kilo of tomatoes": one of a spelled measure before "of";
# not the units more often in idioms ("a cup of tea", "a ton of work", "an ounce of sense": the
# word class `idiom_measure`), and not "$5 a kilo of", where "a kilo" is what the price is per
_ONE_MEASURE_WORDS = sorted({row["alias"] for name in _tables.UNIT_TABLES for row in _tables.read_rows(name)
                             if row["dimension"] in ("length", "mass", "volume", "area") and row["alias"].isalpha()
                             and row["alias"].islower() and len(row["alias"]) >= 4 and not row["alias"].endswith("s")}
                            - _tables.word_class("idiom_measure"))
_ONE_OF_A_MEASURE = re.compile(r"\b(?P<one>an?)(?=" + SP + r"(?:%s)" % _tables.alternation(_ONE_MEASURE_WORDS)
                               + SP + r"of\b)", re.IGNORECASE)
# a price right before: "$5 a kilo of", "€3.20 a dozen", "£2m a year" (a currency sign or code, digits,
# maybe a scale word); or a fraction: "half an inch"
# (an ISO code in capitals only: "for 2015 a foot of snow" is no price)
_PRICED_BEFORE = re.compile(r"(?:[$€£¥₹]|\b[A-Z]{3}[ \u00a0]?)[\d.,]*\d(?:[ \u00a0]?(?i:%s))?[ \u00a0]*$|\b(?i:per)[ \u00a0]+$"
                            r"|\b(?i:%s)[ \u00a0]+$"
                            % (_tables.alternation(sorted(_tables.scales()[0])), _tables.alternation(sorted(_tables.fractions()))))


_INCHES_AFTER_FEET = re.compile(r"(?<=\d)'[ \u00a0]?(?P<inches>\d{1,2}(?:\.\d+)?)(?=[ \u00a0]?[\"″])")


def part_after_unit(text: str, end: int) -> tuple[float, int] | None:
    """"two hours and a half", "a mile and a half": the part written after a measure's unit, and
    where it ends."""
    m = _UNIT_AND_A_PART.match(text, end)
    return (HALVES[m.group("part").lower()], m.end()) if m else None


def is_lone_article(text: str, core: NumberCore) -> bool:
    """Whether the core is the "a" of "a mile and a half": a figure only with a unit after it."""
    return core.end - core.start <= 2 and text[core.start:core.end].lower() in ("a", "an")


def _times_ten(text: str, end: int) -> tuple[int, int] | None:
    """Scientific notation after a number: "1.99×10−30", "6.02 x 10^23" -> (end, exponent)."""
    m = _TIMES_TEN.match(text, end)
    if not m:
        return None
    return m.end(), int(m.group("exp").lstrip("^*").translate(_SUPERSCRIPTS).replace("−", "-"))


def _unit_follows(text: str, end: int, spelled: bool = False) -> bool:
    """A unit of measure (not money) is written right after `end`: "3/4 inch", "1/2 cup". `spelled`:
    only a unit written as a word of three letters or more, never one that is a unit only when
    nothing follows it ("a quarter mile", but not "a quarter in 2023" nor "a quarter m/m")."""
    table = _tables.suffixes()
    pos = end + 1 if text[end:end + 1] in (" ", "\u00a0", "-") else end
    m = table.exact.match(text, pos)
    entry = table.by_exact.get(m.group()) if m else None
    if entry is None:
        m = table.folded.match(text, pos)
        entry = table.by_folded.get(m.group().lower()) if m else None
    if entry is None or entry.dimension == "currency":
        return False
    return not spelled or (m is not None and m.group().isalpha() and len(m.group()) >= 3 and not entry.lone)


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


#: Round numbers written as plurals, before "of": "100s of users", "1000s of people", "10s of thousands".
_DIGIT_PLURAL = re.compile(
    r"(?<![\w.,])(?P<n>10|100|1,?000)s(?=[ \u00a0]+of\b)(?:[ \u00a0]+of[ \u00a0]+(?P<scale>thousands|millions|billions)\b)?",
    re.IGNORECASE)
_PLURAL_WORDS = {"10": "tens", "100": "hundreds", "1000": "thousands"}
_THE_BEFORE = re.compile(r"\b(?:%s)(?:[ \u00a0]+[A-Za-z]+)?[ \u00a0]+$"
                         % _tables.alternation(sorted(_tables.word_class("thing_determiner"))), re.IGNORECASE)
_THE_REACH = 24               # characters before "100s" where a determiner making it a thing may stand


def _digit_plural_cores(text: str) -> list[NumberCore]:
    """Vague numbers written in digits as the plurals of round numbers ("100s of users" is hundreds,
    "10s of thousands" tens of thousands); a decade ("the 1990s") has no "of" after it."""
    out = []
    for m in _DIGIT_PLURAL.finditer(text):
        if _THE_BEFORE.search(text, max(0, m.start() - _THE_REACH), m.start()):
            continue                                # "the final 100s of the lap", "the 100s of each race"
        phrase = _PLURAL_WORDS[m.group("n").replace(",", "")]
        if m.group("scale"):
            phrase += " of " + m.group("scale").lower()
        bounds = _tables.vague_numbers().get(phrase)
        if bounds is None:
            continue                                # "10s of people": no such vague number
        low, high = bounds
        out.append(NumberCore(m.start(), m.end(), (low + high) / 2.0, low, high, resolution_of_value(low), "vague",
                              False, m.end()))
    return out


_GLUED_PREFIX_REACH = 4       # characters before digits where a currency code written against them ("USD10m") may begin


def _glued_to_word(text: str, start: int) -> bool:
    """Digits written against a word ("Su34", "G20", "COVID19") are part of a name, unless the
    word is a currency ("USD10m", "RM23.50")."""
    m = _tables.glued_currency_prefix().search(text, max(0, start - _GLUED_PREFIX_REACH), start)
    if m is None:
        return True
    if m.group() in _tables.scaled_currency_prefixes():
        return not (scaled_number_at(text, start) or local_letter_sum(text, m.group(), start))
    if m.group() in _tables.scale_word_currency_prefixes():
        return not scaled_by_word_at(text, start)          # "COP29" is a summit, "PEN4bn" soles
    return m.group() in _tables.long_currency_prefixes() and not long_number_at(text, start)


_LONG_NUMBER = re.compile(r"\d{2}|\d[.,]\d")
_GROUPED_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?![\d,])")
_PLAIN_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def long_number_at(text: str, start: int) -> bool:
    """Two or more digits, or a decimal, start at `start` ("PS14,300", "PS1.9m"; not "PS5")."""
    return _LONG_NUMBER.match(text, start) is not None


_POINT_GROUPED = re.compile(r"[-−+]?\d{1,3}\.\d{3}")


def one_point_group(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is digits with one point before three more ("25.000", "-1.500")."""
    return _POINT_GROUPED.fullmatch(text, start, end) is not None


def point_grouped(text: str, core: NumberCore) -> NumberCore | None:
    """The core read with its one point as a thousands separator ("Rp 25.000" is 25,000), for an
    amount in a currency that has no minor digits; None when the digits are not one group of three
    after a point, or a scale word follows them ("¥2.451 trillion" is a decimal)."""
    if core.kind != "digits" or core.multiplier != 1.0 or not one_point_group(text, core.start, core.scale_start):
        return None                                # "¥2.451 trillion" keeps its decimal point
    grouped = text[core.start:core.scale_start].replace(".", "")
    resolution = resolution_of_digits(grouped.lstrip("-−+"), core.multiplier)
    return NumberCore(core.start, core.end, core.value * 1000, core.low * 1000, core.high * 1000, resolution,
                      core.kind, core.money_scale, core.scale_start, core.multiplier)


_TWO_DECIMAL_NUMBER = re.compile(r"[1-9]\d*\.\d\d(?![\d,]|\.\d)")     # not "R0.95", an epidemic's R


def scaled_number_at(text: str, start: int) -> bool:
    """A number in thousands groups, with two decimals, or with a scale word starts at `start`
    ("R15,000", "R18.95", "R2.3bn", "R4 million"; not "R2", "R5")."""
    if _GROUPED_NUMBER.match(text, start) or _TWO_DECIMAL_NUMBER.match(text, start):
        return True
    return scaled_by_word_at(text, start)


#: What may follow a local letter sum's number (`local_letter_sum`): a function word or a clause's punctuation.
_AFTER_LOCAL_SUM = re.compile(r"[ \u00a0]+(?P<word>[A-Za-z]+)\b|[,;:.)]|$")
_STOPWORDS = _tables.stopwords()


def local_letter_sum(text: str, alias: str, start: int) -> bool:
    """A letter that is a currency only against a scaled number ("R2.3bn", "N156bn", "Sh4.8 billion";
    `scaled` in currencies.tsv) is one against a plain number too where the article names, or names a
    city of, the country whose tender it writes, and a function word or punctuation follows the
    number: "fares rose by Sh20 after" in a Nairobi story, "N617 a litre" in a Lagos one. A noun after
    it keeps the name: "N95 masks", "the R5 road", "a P45 form" are never sums."""
    plain = _PLAIN_NUMBER.match(text, start)
    if plain is None:
        return False
    after = _AFTER_LOCAL_SUM.match(text, plain.end())
    if after is None or after.group("word") is not None and after.group("word").lower() not in _STOPWORDS:
        return False
    if text[max(0, start - len(alias) - 4):start - len(alias)].lower() == "the ":
        return False                               # "the N95": a name
    code = _tables.currency_prefixes()[1].get(alias)
    return code is not None and code in countries.currencies_of(countries.placed(text))


def scaled_by_word_at(text: str, start: int) -> bool:
    """A number with a scale word starts at `start` ("4 billion", "1.2bn"; not "10" nor "15,000")."""
    plain = _PLAIN_NUMBER.match(text, start)
    return plain is not None and scale_after(text, plain.end()) is not None


_CHANGE_BY_REACH = 48         # characters before "by a third" within which the verb of the change must stand
_CHANGE_OBJECT_WORDS = 4      # words at most between that verb and "by" ("cut its running costs by a third")
_WORD = re.compile(r"[A-Za-z'’-]+")
#: Words between a change verb and "by" that end the verb's phrase: "cut rates and were joined by a third".
_NOT_OBJECT = _tables.word_class("change_phrase_end")


def _changed_before(text: str, start: int) -> bool:
    """A change verb ("cut", "fell", "reduced") governs the "by" before `start`: it stands a few words
    before it with only its object between ("cut leaks by a third", "fell by half"), no comma, joiner
    or other verb; "followed by a third" and "cut rates and were joined by a third" are no change."""
    window = text[max(0, start - _CHANGE_BY_REACH):start]
    words = _WORD.findall(window)
    if not words or words[-1].lower() != "by":
        return False
    changes = _tables.change_words()
    between = words[:-1]
    for k in range(len(between) - 1, max(-1, len(between) - 2 - _CHANGE_OBJECT_WORDS), -1):
        word = between[k].lower()
        if word in changes:
            tail = window[window.rfind(between[k]):]
            return not any(c in tail for c in ",;:.") and not any(w.lower() in _NOT_OBJECT for w in between[k + 1:])
        if word in _NOT_OBJECT:
            return False
    return False


def scan(text: str) -> list[NumberCore]:
    """Every number core in `text`, left to right, non-overlapping."""
    found: list[NumberCore] = _fraction_cores(text) if _HAS_FRACTION.search(text) else []
    plurals = _digit_plural_cores(text) if "0s" in text else []
    found += plurals
    taken = sorted((c.start, c.end) for c in found)    # spans read already, kept in order (see _digit_core)
    for m in _DIGITS.finditer(text):
        for start, end in _space_grouped(text, m):
            core = _digit_core(text, start, end, taken)
            if core is not None:
                found.append(core)
    words_end = -1
    digits_read = sorted((c.start, c.end) for c in found)    # digits and fractions: they never overlap
    digit_starts = [s for s, _ in digits_read]
    plural_spans = [(p.start, p.end) for p in plurals]
    plural_starts = [p.start for p in plurals]
    for m in word_matches(text):
        if m.start() < words_end:
            continue                               # inside "a quarter of a million", read as one
        if plurals and in_spans(plural_spans, plural_starts, m.start()):
            continue                               # the "thousands" of "10s of thousands"
        if m.lastgroup == "unit_fraction" and (in_spans(digits_read, digit_starts, m.start())
                                                or _AND_BEFORE.search(text, max(0, m.start() - _AND_REACH), m.start())):
            continue                               # the "a half" of "2 and a half hours", "two and a half-hours"
        if m.lastgroup == "by_fraction" and not _changed_before(text, m.start()):
            continue                               # "followed by a third", "joined by a third": an ordinal
        core = word_core(text, m)
        if m.lastgroup == "unit_fraction" and (core is None or not _unit_follows(text, core.end, spelled=True)):
            continue                               # "a half-eaten apple", "a quarter final": no unit, no figure
        if core is not None and text[m.start():m.end()].lower() == "a dozen" and _PRICED_BEFORE.search(
                text, max(0, m.start() - 16), m.start()):
            continue                               # "$4.82 a dozen": what the price is per, no count of its own
        if core is not None:
            found.append(core)
            words_end = core.end
    if "'" in text:                             # the inches of "6'3\"", which the digit pattern skips as
        read = {c.start for c in found}              # the inside of a Swiss "1'000"
        for m in _INCHES_AFTER_FEET.finditer(text):
            core = None if m.start("inches") in read else _digit_core(text, m.start("inches"), m.end("inches"), taken)
            if core is not None:
                found.append(core)
    if "and a" in text:
        found += [NumberCore(m.start(), m.end(), 1.0, 1.0, 1.0, 1.0, "words", False, m.end())
                  for m in _ONE_BEFORE_A_PART.finditer(text)]
    if " of" in text:
        spans = sorted((c.start, c.end) for c in found)
        found += [NumberCore(m.start(), m.end(), 1.0, 1.0, 1.0, 1.0, "words", False, m.end())
                  for m in _ONE_OF_A_MEASURE.finditer(text) if not _inside(spans, m.start())
                  and not _PRICED_BEFORE.search(text, max(0, m.start() - 16), m.start())]
    if len(found) > 1:
        found.sort(key=lambda c: c.start)
    return found


# "and" after a number: "5 and a half", "two and a half-hours" (not "the road and a half mile of track")
_AND_BEFORE = re.compile(r"(?:\d|\b(?:%s))[ \u00a0]+and[ \u00a0]+$" % _tables.alternation(list(_tables.number_words())),
                         re.IGNORECASE)
_AND_REACH = 24               # characters before "a half" where the number and the "and" joining it may begin


def in_spans(spans: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Whether `offset` falls inside one of `spans` (sorted, not overlapping; `starts` their starts)."""
    i = bisect_right(starts, offset) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


TIMES_SIGNS = frozenset("x×")          # the signs of "4 x 100m" and "3×10⁸"
_REPETITIONS = re.compile(r"(?<![\w.,])\d{1,2}$")      # the count before "x": "4x400m", "10x"


_REPEATED_RATIO = 10          # how many times its count a repeated measure is, at least ("4x100m"; "a 3x3m room")


def _repeated_measure(text: str, times_at: int, end: int) -> bool:
    """Whether text[times_at] is the "x" of repetitions of a measure: a small count glued before it and
    a unit after the digits that end at `end`, the measure many times the count ("a 4x400m relay",
    "6x800 metres"; "a 4x4" is a car, "a 3x3m room" a room's sides)."""
    if text[times_at:times_at + 1] not in TIMES_SIGNS:
        return False
    count = _REPETITIONS.search(text, max(0, times_at - 3), times_at)
    measure = _PLAIN_NUMBER.match(text, times_at + 1, end)
    return count is not None and measure is not None and measure.end() == end \
        and float(measure.group()) >= _REPEATED_RATIO * float(count.group()) and _unit_follows(text, end)


def repetitions_of_measure(text: str, end: int) -> bool:
    """Whether the count ending at `end` is glued to the "x" of repetitions of a measure ("4x400m")."""
    digits = _PLAIN_NUMBER.match(text, end + 1)
    return digits is not None and _repeated_measure(text, end, digits.end())


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether `offset` falls inside one of `spans` (sorted, not overlapping): a bisection, so that a
    text of thousands of fractions costs linear time, not a scan of every fraction per number."""
    i = bisect_right(spans, (offset, math.inf)) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


def _digit_core(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> NumberCore | None:
    """The core of the digits text[start:end], with its sign, scale word or power of ten."""
    if start and text[start - 1].isalpha() and _glued_to_word(text, start) and not _repeated_measure(text, start - 1, end):
        return None
    if start and text[start - 1] == "^":
        return None                                # a power written with a caret ("5 m^3"), not a figure
    if taken and _inside(taken, start):
        return None                                # inside a fraction or a power of ten already read
    surface = text[start:end]
    start, sign = _signed_start(text, start)
    plain = digits_of(surface)
    multiplier, money_scale, scale_start = 1.0, False, end
    value = sign * float(plain)
    resolution = 0.0                           # computed below, once the multiplier is known
    scaled = scale_after(text, end)
    if scaled:
        end, multiplier, money_scale = scaled
        value *= multiplier
    elif text[end:end + 2].lstrip()[:1] in ("×", "x", "*"):          # "1.99×10−30", "6.02 x 10^23"
        power = _times_ten(text, end)
        if power is not None:
            end, exponent = power
            multiplier = power_of_ten(exponent)
            value = sign * float(f"{plain}e{exponent}")      # exact: 1.99e-30, not 1.99 * 1e-30
            scale_start = end                  # the power is part of the number, not a scale word
            insort(taken, (start, end))
    elif text[end + 1:end + 4].lower() == "and":
        half = _AND_A_PART_AFTER.match(text, end)           # "3 and a half years"
        if half and "." not in plain:
            part = HALVES[half.group("part").lower()]
            value += sign * part
            end = scale_start = half.end()
            resolution = part
    if not resolution:
        resolution = resolution_of_digits(surface, multiplier)
    return NumberCore(start, end, value, value, value, resolution, "digits", money_scale, scale_start, multiplier)


_BARE_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")


def decimal_comma(text: str, core: NumberCore) -> bool:
    """Whether the core is a decimal comma written without a scale word ("3,4%", "EUR 41,20", "233,5 km"):
    a figure only with a unit or currency, since "3,4 and 5" lists two numbers."""
    return core.multiplier == 1.0 and core.kind == "digits" and _BARE_DECIMAL_COMMA.fullmatch(
        text, core.start, core.scale_start) is not None

