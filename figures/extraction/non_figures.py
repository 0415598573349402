"""Numbers that are not figures: years, dates, times, ordinals, names, timestamps, list numbers.

Two layers. `masked_spans` finds whole patterns (clock times, numeric dates, phone numbers,
URLs, version strings) once per article; `reason_not_figure` then judges each remaining number by
its neighbours. Both return a reason rather than a bare yes/no so that rejections can be shown.
"""

from __future__ import annotations

import re
from functools import lru_cache

from figures import _tables
from figures.extraction.numbers import NumberCore, repetitions_of_measure
from figures.extraction.tokens import looks_plural
from figures.extraction.tokens import verb_like as looks_verb_word
from figures.extraction.units import unit_after

# Tables read in the hot loops below, bound once rather than fetched through their caches per token.
_STOPWORDS = _tables.stopwords()
_MONTHS = _tables.months()
_QUALIFIERS = _tables.qualifiers()
_CHANGE_WORDS = _tables.change_words()
_VERBS = _tables.verbs()
_MODEL_WORDS = _tables.model_words()
_INDEX_NOUNS = _tables.index_nouns()

_MASKS = re.compile(
    r"""
      https?://\S+ | www\.\S+                                  # links
    | [#@]\w+                                                   # hashtags, handles
    | \b\d{4}-\d{2}-\d{2}(?:[T\ ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?  # ISO dates
    | \b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b                         # 05/03/2023
    | \b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?             # 14:30, 2:30 p.m.
    | \b\d{1,2}(?:[.:]\d{2})?\s?(?:[ap]\.m\.|[ap]m\b)           # 5pm, 10.30am, 5 p.m.
    | \b\d{1,2}\s?o'clock\b
    | (?:\+\d{1,3}[\s.-]?)(?:\(?\d{1,4}\)?[\s.-]?){2,5}\d{2,4}  # +44 20 7946 0958
    | \(?\b\d{3}\)?[\s.-]\d{3}[.-]\d{4}\b                        # (555) 123-4567
    | \b0\d{2,4}(?:[ \u00a0]\d{3,4}){1,3}\b                       # 0800 123 456, 020 7946 0958 (a leading 0)
    | \bv?\d+\.\d+\.\d+(?:\.\d+)*\b                             # versions 3.5.2, IP addresses (see below)
    """,
    re.VERBOSE | re.IGNORECASE,
)
_PREV_WORD = re.compile(r"(?P<w>[A-Za-z][A-Za-z.'’]*)[ \u00a0]+$")
_NEXT_WORD = re.compile(r"[ \u00a0]+(?P<w>[A-Za-z][A-Za-z'’-]*)")
_ORDINAL = re.compile(r"(?:st|nd|rd|th)(?![A-Za-z])", re.IGNORECASE)
_LINE_START = re.compile(r"(?:^|\n)[ \t]*\(?$")
_LIST_MARK = re.compile(r"[.)][ \t]")
_YEAR_CUES = _tables.word_class("year_cue")
_FUTURE_YEAR_CUES = _tables.word_class("future_year_cue")
_NUMERAL = re.compile(r"[\d.,]+")
_WEAK_YEAR_CUES = _tables.word_class("weak_year_cue")
_PART_OF = re.compile(r"[ \u00a0]+(?:out[ \u00a0]+)?of[ \u00a0]+(?:the[ \u00a0]+)?\d")
_RANK_PREFIX = re.compile(r"\b(?:last|top|bottom)-$", re.IGNORECASE)
_PRONOUN_ONE = _tables.word_class("pronoun_one")
_AT_ONE_IDIOMS = _tables.word_class("idiom_after_at_one")
_ADDRESS = re.compile(
    r"(?:[-–]\d+)?(?:[ \u00a0]+(?:[A-Z][A-Za-z.]*|\d+(?:st|nd|rd|th))){0,3}"     # "20-24 Harbour", "E 82nd"
    r"[ \u00a0]+(?:%s)\b\.?" % _tables.alternation(list(_tables.word_class("street_word")))
)


@lru_cache(maxsize=None)
def _name_exempt() -> frozenset[str]:
    """Capitalised words that may stand right before a figure without making it a name."""
    return frozenset(
        _STOPWORDS | set(_QUALIFIERS) | set(_CHANGE_WORDS)
        | {w for phrase in _QUALIFIERS for w in phrase.split()}
        | set(_VERBS) | set(_tables.weekdays()) | _tables.word_class("name_exempt")
    )


# Every mask needs one of these; most news text has none of them, so the full pattern is skipped.
# Tested as plain substrings and a digit-led pattern (which `re` scans only from digits), not as one
# alternation tried at every character: a third of the time.
_MASK_CHARACTERS = ":/+#@"
_MASK_WORDS = ("o'clock", "www")
_MASK_DIGIT_HINT = re.compile(r"\d(?:\s?[ap]\.?m|\.\d+\.\d|[.-]\d{4}\b)|\b0\d{2,4}[ \u00a0]\d", re.IGNORECASE)


def _may_hold_masks(text: str) -> bool:
    if any(c in text for c in _MASK_CHARACTERS):
        return True
    low = text.lower()
    return any(w in low for w in _MASK_WORDS) or _MASK_DIGIT_HINT.search(text) is not None


# Two or more point groups of three digits are thousands ("1.234.567 euros"), not a version; an IP
# address (four groups, each at most 255: "192.168.100.200") stays masked. Tested on each masked
# match, not in the pattern, where a lookahead would rescan a long run of groups from each group.
_POINT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")
_IP_ADDRESS = re.compile(r"(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)")


def _masked(m: re.Match[str]) -> bool:
    surface = m.group()
    return not (_POINT_THOUSANDS.fullmatch(surface) and not _IP_ADDRESS.fullmatch(surface))


def masked_spans(text: str) -> list[tuple[int, int]]:
    """Spans of clock times, numeric dates, phone numbers, links, versions and IP addresses in `text`."""
    if not _may_hold_masks(text):
        return []
    return [m.span() for m in _MASKS.finditer(text) if _masked(m)]


_PREV_WORD_REACH = 24         # characters before a number where the word before it may begin


def _last_before(text: str, start: int, floor: int = 0) -> str:
    """The character a pattern ending in `$` meets last when searched up to `start`: `$` also
    matches before one final line break, so that break is passed over ("" when there is none)."""
    j = start - 1 if start > floor and text[start - 1] == "\n" else start
    return text[j - 1] if j > floor else ""


def word_before(text: str, start: int, floor: int) -> str | None:
    """The word right before `start`, one space apart, with its dots ("No." of "No. 1"); None when
    none stands there (not before `floor`)."""
    if _last_before(text, start, floor) not in (" ", "\u00a0"):
        return None                               # the word must be followed by a space (the pattern's end)
    m = _PREV_WORD.search(text, max(floor, start - _PREV_WORD_REACH), start)
    return m.group("w") if m else None


def _next_word(text: str, end: int) -> str | None:
    m = _NEXT_WORD.match(text, end)
    return m.group("w") if m else None


#: the day a day goes on to, and the month after it: "27-28 June", "3 and 4 May"
_NEXT_DAY_OF_MONTH = re.compile(r"(?:[-–]|[ \u00a0](?:and|to|or)[ \u00a0])\d{1,2}(?:st|nd|rd|th)?[ \u00a0]+(?P<month>[A-Z][a-z]+\.?)")


def _is_month(word: str | None) -> bool:
    return word is not None and word[:1].isupper() and word.lower().rstrip(".") in _MONTHS


_SCORE_AFTER = re.compile(r"[-–](\d{1,3})(?![\d%]|[.,]\d|[-–]?[A-Za-z])")
_YEAR_SPAN = re.compile(r"(?<!\d)(?:1[89]|20)\d\d[-–/]$")
_SCORE_BEFORE = re.compile(r"(?<![\d.,])(\d{1,3})[-–]$")


_SCORE_REACH = 4              # characters before a number where a score's first side ("89-") may begin


def _is_score(text: str, start: int, end: int) -> bool:
    """Two whole numbers joined by a dash, the second not larger: a score or a vote, never a range
    (a range is written low to high): "89-89", "2-0", "6-3"."""
    digits = text[start:end]
    if not digits.isdigit() or len(digits) > 3:
        return False
    after = _SCORE_AFTER.match(text, end)
    if after and int(after.group(1)) <= int(digits):
        return True
    if _last_before(text, start) not in ("-", "–"):
        return False                              # no dash before: no first side
    before = _SCORE_BEFORE.search(text, max(0, start - _SCORE_REACH), start)
    return before is not None and int(digits) <= int(before.group(1))


_NAME_PREFIX_REACH = 12       # characters before a number back to where the name hyphened to it ("Kh-101") may begin
_YEAR_SPAN_REACH = 5          # characters before a number where the year opening a span ("2020-21") may begin
_RANK_PREFIX_REACH = len("bottom-")  # characters before a number where a rank prefix ("top-10", "bottom-3") may begin
_LINE_START_REACH = 8         # characters before a list number back to the start of its line ("\n  (3) ")


#: the name a number is hyphened to, with the apostrophes of a romanised name ("Chang'e-6", "Su-34")
_NAME_BEFORE_HYPHEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*$")
_ZERO_IDIOMS = frozenset({"net", "absolute"})      # "net zero", "absolute zero": a goal and a temperature, no count
_YEAR_PREFIX = re.compile(r"(?<![A-Za-z])(?:pre|post|mid)[-‑]$", re.IGNORECASE)
_NUMBER_SIGNS = frozenset({"No", "Nos"})      # the abbreviation of "number", as written before one


def reason_not_figure(
    text: str,
    core: NumberCore,
    *,
    sentence_start: int,
    has_currency: bool,
    has_unit: bool,
    bounded: bool,
) -> str | None:
    """Why the number `core` is not a figure, or None when it is one."""
    start, end = core.start, core.end
    after = text[end:end + 1]
    prev = word_before(text, start, sentence_start)
    nxt = _next_word(text, end)

    if core.kind == "words":
        surface = text[start:end]
        if surface.lower() == "zero" and (after in "-‑" and text[end + 1:end + 2].isalpha()
                                          or prev is not None and prev.lower() in _ZERO_IDIOMS):
            return "idiom"                      # "zero-emission buses", "net zero by 2050", "absolute zero"
        if surface[0].isupper() and not surface.isupper() and start > sentence_start and nxt is not None \
                and nxt[0].isupper() and not _is_month(nxt) and (prev is None or not prev[0].isupper()):
            return "name"                       # "the Six Nations", "a Big Ten school" is below (a name before it)
        if surface.isupper() and after in "-‑" and text[end + 1:end + 2].isupper():
            return "name"                       # "TEN-T corridors"
        if surface[0].isupper() and start > sentence_start and prev and prev[0].isupper() and not (
                surface.isupper() and prev.isupper() and len(surface) > 1 and _leads_to_figure(prev.lower())):
            return "name"                       # "Formula One", "AMERICA ONE" (not "UP TO TWO FEET", "KILLS FIVE")
        if surface[0].isupper() and start >= 2 and text[start - 1] in "-‑" and text[start - 2].isalnum():
            return "name"                       # "7-Eleven": a capitalised number word hyphened on
        if surface.lower() == "one":
            if prev and prev.lower() in _PRONOUN_ONE:
                return "pronoun"                # "the one", "no one"
            if nxt and nxt.lower() in _tables.word_class("idiom_after_one"):
                return "idiom"                  # "one another", "one day"
            if prev and prev.lower() == "at" and nxt and nxt.lower() in _AT_ONE_IDIOMS:
                return "idiom"                  # "at one point", "at one stage" (not "won by one point")
            if text[end:end + 4].lower() == "-off":
                return "idiom"                  # "a one-off payment"
        if _HYPHEN_IDIOM.match(text, end):
            return "idiom"                      # "one-way", "a two-sided deal", "a three-way race"
        if _SAME_WORD_PAIR.search(text, max(0, start - 12), start) and _SAME_WORD_PAIR.search(
                text, max(0, start - 12), start).group("w").lower() == surface.lower():
            return "idiom"                      # the last word of "one-on-one", "one-to-one"
        if prev and prev.lower().rstrip(".") in _INDEX_NOUNS and not has_unit and not has_currency \
                and not bounded and core.value < _SPELLED_INDEX_LIMIT and _ENDS_INDEX.match(text, end):
            return "index"                      # "the world number three.", "day five of the trial"; not "last week three soldiers"
        return None
    if core.kind != "digits":
        return None

    numeral = _NUMERAL.search(text, start, core.scale_start)
    digits = numeral.group() if numeral else ""                       # without its sign
    ordinal = _ORDINAL.match(text, core.scale_start) if core.scale_start == end else None
    if ordinal and (not has_unit or _ordinal_suffix(digits) == ordinal.group().lower()):
        return "ordinal"                        # "21st", "3rd"; not "15st" (stone: 15th is the ordinal)
    if after in "/⁄" and after and text[end + 1:end + 2].isdigit() and not has_unit:
        return "name"                           # "9/11", "24/7" (a fraction before a unit is read as one)
    if after.isalpha() and not has_unit and not has_currency and not repetitions_of_measure(text, end):
        return "code"                           # 5G, 1990s, 3D; not the 4 legs of "a 4x400m relay"
    if after in "-‑" and after and not has_unit and _CAPITAL_NUMBER_WORD.match(text, end + 1):
        return "name"                           # "7-Eleven"
    if start >= 2 and text[start - 1] in "-‑" and text[start - 2].isalpha():
        floor = max(0, start - _NAME_PREFIX_REACH)
        word = _NAME_BEFORE_HYPHEN.search(text[floor:start - 1])
        at = floor + word.start() if word is not None else 0
        glued = at > 0 and text[at - 1].isdigit() and _unit_ends_at(text, at, start - 1)
        if word and any(ch.isupper() for ch in word.group()) and not glued:
            return "name"                       # Su-34, Kh-101, COVID-19 (not "now-18", nor the 12 of "10GW-12GW")
    if not has_unit and not has_currency and _ADDRESS.match(text, end):
        return "address"                        # 49 Zorro Ranch Road
    dash_before = _last_before(text, start) in ("-", "–", "/")
    if len(digits) == 4 and _YEAR_PREFIX.search(text, max(0, start - 6), start) and 1800 <= core.value <= 2100:
        return "year"                           # "pre-2011 cars", "post-2020 models", "the mid-1990s"
    if len(digits) == 2 and dash_before and _YEAR_SPAN.search(text, max(0, start - _YEAR_SPAN_REACH), start):
        return "year"                           # "the 2020-21 season"
    if _is_score(text, start, core.scale_start):
        return "score"                          # "tied at 89-89", "won 2-0", "a 6-3 ruling"
    if start >= 1 and text[start - 1] == "#" or dash_before and _RANK_PREFIX.search(
            text, max(0, start - _RANK_PREFIX_REACH), start):
        return "rank"                           # #3, last-16, top-10
    if prev is not None and prev.lower() in _PHONE_CUES and not has_unit and not has_currency:
        return "phone"                          # "dial 999", "or dial 111" (not "call 2,000 reservists")
    if nxt is not None and nxt.isupper() and nxt.lower() in _TIME_ZONES and len(digits) == 4 and digits.isdigit() \
            and int(digits[:2]) < 24 and int(digits[2:]) < 60:
        return "time"                           # "at 0930 GMT", "1415 UTC"
    if nxt is not None and nxt.lower() in _tables.word_class("postcode_word"):
        return "postcode"                       # the 90049 ZIP Code
    if nxt in _MODEL_WORDS and not has_unit and not has_currency:
        return "name"                           # a fleet of 737 Max jets, the 14 Pro Max
    if (not has_unit and _LIST_MARK.match(text, end)
            and _LINE_START.search(text, max(0, start - _LINE_START_REACH), start)):
        return "list number"
    if _is_month(prev) or (_is_month(nxt) and not has_unit and not has_currency):
        return "date"
    if not has_unit and not has_currency and core.value <= 31 and len(digits) <= 2:
        day = _NEXT_DAY_OF_MONTH.match(text, end)
        if day is not None and _is_month(day.group("month")):
            return "date"                       # "on 27-28 June", "the 3 and 4 May meeting"
    if prev and prev.rstrip(".") in _NUMBER_SIGNS and not has_unit and not has_currency:
        return "index"                          # "the No 9 shirt", "Nos 3 and 4" (written with a capital)
    if prev and not has_currency:
        low = prev.lower()
        if (low.rstrip(".") in _INDEX_NOUNS or low.endswith("s") and low[:-1] in _INDEX_NOUNS
                and _LISTED_AFTER.match(text, end)) and not bounded and not has_unit and "." not in digits:
            return "index"                      # day 500, Article 5, flight 370, junctions 10 (and 11)
        camel = any(ch.isupper() for ch in prev[1:]) and not prev.isupper()
        if (prev[0].isupper() or camel) and low not in _name_exempt() and not _is_month(prev) and not has_unit \
                and not (low in _INSTRUCTION_VERBS and nxt is not None and nxt[:1].islower() and not looks_verb_word(nxt)):
            return "name"                       # Boeing 737, Windows 10, iPhone 11
    plain = digits.replace(",", "")
    if not has_currency and not has_unit and plain.isdigit():
        if len(plain) >= 9 and "," not in digits:
            return "timestamp"
        if (len(plain) == 4 and "," not in digits and 2100 < int(plain) < 2200 and not bounded
                and prev is not None and prev.lower() in _FUTURE_YEAR_CUES):
            return "year"                       # "by 2120", "until 2150"
        if len(plain) == 4 and "," not in digits and 1000 <= int(plain) <= 2100 and not bounded:
            if text[end:end + 2] in ("'s", "’s"):
                return "year"
            plural_noun = nxt is not None and nxt[:1].islower() and nxt.endswith("s") and not nxt.endswith("ss")
            counted = prev is not None and prev.lower() in _VERBS        # "intercepted 1000"
            part_of = _PART_OF.match(text, end) is not None                       # "1000 of the 1200"
            cue = prev.lower() if prev else ""
            if cue in _YEAR_CUES and not (cue in _WEAK_YEAR_CUES and not 1900 <= int(plain) <= 2100):
                return "year"                   # "in 2023", "the 2022 elections", not "of the 1200 drones"
            if not (plural_noun or counted or part_of):
                return "year"
    return None


_TIME_ZONES = _tables.word_class("time_zone")
_INSTRUCTION_VERBS = _tables.word_class("instruction_verb")
_PHONE_CUES = _tables.word_class("phone_cue")
#: what may follow a spelled index: the phrase's end, or "of" ("day five of the trial")
_ENDS_INDEX = re.compile(r"[ \u00a0]*(?:[,.;:!?)]|$)|[ \u00a0]+of\b")
_SPELLED_INDEX_LIMIT = 100    # a spelled number after an index noun names an item below this ("round two")


def _plural_follows(nxt: str | None) -> bool:
    """A lower-case plural after the number says what it counts ("March 5 and 300 people": no day)."""
    return nxt is not None and nxt[:1].islower() and looks_plural(nxt)


def _ordinal_suffix(digits: str) -> str:
    """The suffix English writes after the ordinal of `digits`: "st" for 1 and 21, "th" for 11 and 15."""
    last, tens = digits[-1:], digits[-2:-1]
    if tens == "1":
        return "th"
    return {"1": "st", "2": "nd", "3": "rd"}.get(last, "th")


def _unit_ends_at(text: str, at: int, end: int) -> bool:
    """Whether the letters text[at:end], glued to digits before them, are a unit ("10GW-12GW")."""
    found = unit_after(text, at)
    return found is not None and found.end == end


def _leads_to_figure(low: str) -> bool:
    """Whether a word in capitals before a number word in capitals reads as leading to a figure (a
    function word or a verb: "UP TO TWO FEET", "STORM KILLS FIVE"), not as a name it ends."""
    return low in _STOPWORDS or low in _VERBS or low in _CHANGE_WORDS


_SAME_WORD_PAIR = re.compile(r"\b(?P<w>[A-Za-z]+)-(?:on|to)-$")
_HYPHEN_IDIOM = re.compile(r"-(?:%s)\b" % _tables.alternation(sorted(_tables.word_class("hyphen_idiom"))), re.IGNORECASE)
_CAPITAL_NUMBER_WORD = re.compile(r"(?:%s)\b" % _tables.alternation(sorted(w.capitalize() for w in _tables.number_words())))
_LISTED_AFTER = re.compile(r"(?:,|,?[ \u00a0]+(?:and|or|to|&))[ \u00a0]+\d")   # "junctions 10 and 11", not "days 300 people"
_LIST_END = re.compile(r"[ \u00a0]+(?:and|or)[ \u00a0]+\d")
_LIST_JOINER = re.compile(r"(?:,|,?[ \u00a0]+(?:and|or|to|&))[ \u00a0]+")
_HYPHEN = re.compile(r"[-‑]")
_PHONE_JOINER = re.compile(r"[^\d.;]{0,40}?\b(?:or|and)[ \u00a0]+(?:dial[ \u00a0]+)?")   # "999 in an emergency, or 111"
_DAY_JOINER = re.compile(r"[ \u00a0]*[-–][ \u00a0]*|[ \u00a0]+(?:and|to|or|&)[ \u00a0]+")


def goes_on_from(text: str, skipped: tuple[str, int] | None, core: NumberCore, *, has_unit: bool) -> str | None:
    """Why a number is no figure because it goes on from the number passed over right before it:
    the next item of a list of indices ("junctions 10 and 11", "Articles 5, 6 and 7") or the rest of
    a name joined by a hyphen ("a Boeing 737-800"); None otherwise, and always for a number with a
    unit or currency of its own."""
    if skipped is None or has_unit:
        return None
    reason, end = skipped
    if reason == "index" and _LIST_JOINER.fullmatch(text, end, core.start) and (
            text[end] != "," or _LISTED_AFTER.match(text, core.end) or _LIST_END.match(text, core.end)):
        nxt = _next_word(text, core.end)
        counted = nxt is not None and nxt[:1].islower() and looks_plural(nxt)
        return None if counted else "index"       # not "on day 3 and 40 people were hurt"
    if reason == "name" and core.start == end + 1 and _HYPHEN.match(text, end) and core.kind == "digits":
        return "name"
    if reason == "date" and core.kind == "digits" and _DAY_JOINER.fullmatch(text, end, core.start) \
            and core.value == int(core.value) and 1 <= core.value <= 31 and not _plural_follows(_next_word(text, core.end)):
        return "date"                              # the second day of "Feb. 28-29", "Nov. 12 and 13"
    if reason == "phone" and core.kind == "digits" and _PHONE_JOINER.fullmatch(text, end, core.start) \
            and not _plural_follows(_next_word(text, core.end)):
        return "phone"                             # "dial 999 in an emergency, or 111 for advice"
    return None
