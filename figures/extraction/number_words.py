"""Numbers written in words: "one hundred and twenty", "a dozen", "tens of thousands", "two-thirds".

The runs are found here with a pattern built from the number-word tables, so that their offsets
are known, and valued by text2num, which knows English number grammar; what it refuses is
written out in `words_value`.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from text_to_num import text2num

from figures import _tables
from figures.extraction.number_core import (
    HALVES, SP, NumberCore, resolution_of_value, scale_after,
)

# Tables read in the hot loops below, bound once rather than fetched through their caches per token.
_NUMBER_WORDS = _tables.number_words()
_SCALES = _tables.scales()
_VAGUE_NUMBERS = _tables.vague_numbers()
_FRACTIONS = _tables.fractions()
_PARTS = frozenset({"half", "quarter"})     # the fractions that may stand before a unit


@lru_cache(maxsize=None)
def _word_pattern(ignore_case: bool) -> re.Pattern[str]:
    """Number words, vague plurals and fractions. Run case-sensitively on lower-cased text (about
    three times faster than re.IGNORECASE), or with IGNORECASE when lower-casing changes offsets."""
    words = _NUMBER_WORDS
    starters = [w for w, kind in words.items() if kind != "scale"]
    scales = [w for w, kind in words.items() if kind == "scale"]
    any_word = list(words) + ["dozen"]
    ordinals = _tables.word_class("ordinal_word")
    return re.compile(
        r"""
          (?P<half>\bhalf(?:%(sp)s|-)a(?:%(sp)s|-)(?:million|billion|dozen)\b)
          | (?P<fraction>%(not_a_half_of)s\b(?:%(fractions)s)\b(?=\s+(?:of|to|an?)\b)
                         | (?<=between\s)(?:%(fractions)s)\b(?=\s+and\b)      # "between a quarter and a third"
                         | %(not_a_half_of)s\bhalf\b(?=\s+(?:%(half_of)s)\b)(?!\s+the\s+(?:battle|time|fun)\b))   # "lost half its value"; not "half the battle"
          | (?P<by_fraction>(?<=\bby\s)(?:%(fractions)s)\b(?=\s*(?:[,.;:)]|$)|\s+(?:%(after_by)s)\b))  # "cut by a third"
          | (?P<unit_fraction>\b(?:%(part_fractions)s)(?=[ \u00a0-][a-z]))   # "a quarter mile", "a half-hour": if a unit follows
          | (?P<words>
              \b(?:an?%(sp)s(?=(?:%(scales)s|dozen)\b)(?:%(scales)s|dozen)  # "a hundred", "a dozen"
                | (?:%(starters)s))                # or a non-scale word
              (?:(?:(?:%(sp)s|-)(?:and%(sp)s)?|-and-)(?:%(any)s)      # twenty-five, one hundred and twenty, a hundred-and-fifty
                | (?:(?<=thousand)|(?<=million)|(?<=billion)|(?<=trillion)),%(sp)s   # "four million, three
                  (?=(?:(?:%(any)s)(?:%(sp)s|-)(?:and%(sp)s)?)*?(?:hundred|thousand|million|billion)\b)   # hundred and ten"
                  (?:%(any)s))*
              (?:%(sp)sand%(sp)san?%(sp)s(?:half|quarter|third)(?!-)     # "three and a half"
                | -and-an?-(?:half|quarter|third))?                        # "two-and-a-half(-hour)"
              \b
              (?!-(?:%(ordinals)s)\b|%(sp)s(?:%(spaced_ordinals)s)\b)   # not "twenty-first", "one hundredth"
          )
          | (?P<vague>\b(?:%(vague)s)\b)         # after the words: "a dozen" is exact, "dozens" vague
        """
        % {
            "sp": SP,
            "vague": _tables.alternation(list(_VAGUE_NUMBERS)),
            "fractions": _tables.alternation(list(_FRACTIONS)),
            "after_by": _tables.alternation(sorted(_tables.word_class("after_change_amount"))),
            # "half the staff", "half its value"; not "the second half the visitors won", "a half the size";
            # nor, before "of", "the first half of the year", "the second quarter of 2024"
            "half_of": _tables.alternation(sorted(_tables.word_class("half_of_determiner"))),
            "not_a_half_of": "".join(rf"(?<!\b{w}\s)" for w in sorted(_tables.word_class("half_naming"))),
            # "a half", "a quarter" and "half" only: "a third day", "a fifth year" are ordinals, and
            # "three quarters", "one quarter" count quarters of a year as often as parts of a unit
            "part_fractions": _tables.alternation([f for f in _FRACTIONS if f.split()[0] in ("a", "half")
                                                   and re.split(r"[ -]", f)[-1] in _PARTS]),
            "starters": _tables.alternation(starters),
            "scales": _tables.alternation(scales),
            "any": _tables.alternation(any_word),
            "ordinals": _tables.alternation(list(ordinals)),
            "spaced_ordinals": _tables.alternation(list(ordinals - {"second"})),   # "one second" is a time
        },
        re.VERBOSE | (re.IGNORECASE if ignore_case else 0),
    )


@lru_cache(maxsize=None)
def word_hint() -> re.Pattern[str]:
    """Any number word, scale, vague plural or fraction at the start of a word ("tens", "dozens",
    "two-thirds"): a cheap test that skips the word pattern in most sentences. At the start of a
    word only, so that "money", "often" and "tone" do not wake the full pattern."""
    stems = set(_NUMBER_WORDS) | {"dozen", "scores", "half", "third", "quarter", "fifth", "tenth"}
    stems |= {w.split()[-1].split("-")[-1] for w in _FRACTIONS}
    return re.compile(r"\b(?:%s)" % _tables.alternation(sorted(stems)))


def _article_before(lowered: str, at: int, floor: int) -> int | None:
    """Where an "a" or "an" (a whole word, then only white space) before `at` begins, not before `floor`."""
    j = at
    while j > floor and lowered[j - 1].isspace():
        j -= 1
    if j == at:
        return None
    for word in ("an", "a"):
        k = j - len(word)
        if k >= floor and lowered.startswith(word, k) and (k == 0 or not (lowered[k - 1].isalnum() or lowered[k - 1] == "_")):
            return k
    return None


def word_matches(text: str) -> list[re.Match[str]]:
    """Every run of number words in `text`, left to right, as the word pattern's `finditer` gives
    them. Every run opens with a word of `word_hint` or with "a"/"an" before one (each table entry
    does, which tests/test_number_forms.py checks), so the pattern is tried only at those places,
    not at every character of the text: the same matches in a third of the time."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return list(_word_pattern(True).finditer(text))
    pattern = _word_pattern(False)
    out: list[re.Match[str]] = []
    end = 0
    for hint in word_hint().finditer(lowered):
        at = hint.start()
        if at < end:
            continue                               # inside the run read before
        article = _article_before(lowered, at, end)
        for start in ((article, at) if article is not None else (at,)):
            m = pattern.match(lowered, start)
            if m is not None:
                out.append(m)
                end = m.end()
                break
    return out


_OF_A_SCALE = re.compile(r"[ \u00a0]+of[ \u00a0]+an?[ \u00a0]+(?P<scale>thousand|million|billion|trillion)\b", re.IGNORECASE)
_AND_A_PART = re.compile(r" and an? (half|quarter|third)$")
_HYPHENED_PART = re.compile(r"-and-(an?)-(half|quarter|third)$")


def words_value(run: str) -> float | None:
    """Value of a run of number words, or None when it is not one.

    text2num reads English number grammar ("one hundred and twenty", "four million three hundred
    and ten"); written here is only what it refuses: a leading "a" ("a hundred and six"), "trillion",
    a trailing "dozen" and "and a half" ("three and a half").
    """
    words = re.sub(r"[\s,]+", " ", run.lower()).strip()
    words = _HYPHENED_PART.sub(r" and \1 \2", words).replace("-and-", " and ")   # "two-and-a-half", "hundred-and-six"
    part = 0.0
    tail = _AND_A_PART.search(words)
    if tail:
        part, words = HALVES[tail.group(1)], words[:tail.start()]
    dozen = 1.0
    if words.endswith("dozen"):
        dozen = 12.0
        words = words[: -len("dozen")].strip(" -")
    if words in ("", "a", "an"):
        return (1.0 + part) * dozen if dozen > 1 else None
    if words.startswith(("a ", "an ")):
        words = "one " + words.split(" ", 1)[1]
    last = words.rsplit(" ", 1)[-1]
    if part and _NUMBER_WORDS.get(last) == "scale":
        part *= _SCALES[0][last]          # "two million and a half" is 2.5 million
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


def word_core(text: str, m: re.Match[str]) -> NumberCore | None:
    kind = m.lastgroup or ""
    start, end = m.span()
    lowered = text[start:end].lower()
    if kind == "vague":
        low, high = _VAGUE_NUMBERS[lowered]
        return NumberCore(start, end, (low + high) / 2.0, low, high, resolution_of_value(low), "vague", False, end)
    if kind in ("fraction", "unit_fraction", "by_fraction"):
        value = _FRACTIONS[lowered]
        of_scale = _OF_A_SCALE.match(text, end)            # "a quarter of a million": a number, not a share
        if of_scale:
            value *= _SCALES[0][of_scale.group("scale").lower()]
            return NumberCore(start, of_scale.end(), value, value, value, resolution_of_value(value), "words",
                              False, of_scale.end())
        return NumberCore(start, end, value, value, value, 0.01, "fraction", False, end)
    if kind == "half":
        value = 0.5 * (12.0 if lowered.endswith("dozen") else _SCALES[0][re.split(r"[\s-]+", lowered)[-1]])
    else:
        parsed = words_value(lowered)
        if parsed is None:
            return None
        value = parsed
    multiplier, scale_start = 1.0, end
    scaled = scale_after(text, end)
    if scaled and not scaled[2]:
        end, multiplier = scaled[0], scaled[1]
    value *= multiplier
    resolution = resolution_of_value(value) if value == int(value) or not math.isfinite(value) else 0.5
    return NumberCore(start, end, value, value, value, resolution, "words", False, scale_start)
