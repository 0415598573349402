"""Where and when a figure holds: the place and the named event its clause ties it to, and the day
or period it is about.

A place is taken only where the text gives one for the figure's own clause: "12 people were killed
in Lviv", "40 over the Odesa region", "a strike on Kharkiv killed six" (the target of an attack is where
its dead are counted; "an attack on Lviv and the surrounding region" is a wider place than Lviv).
Adjectives are not places
("Russian drones"), and a place named in another clause of the sentence belongs to that clause. A
country, "across the country" and "nationwide" give national scope: a national total, compared with
figures that name no place. A named fire, storm or quake ("the Ridge fire", "Storm Agnes") is
an event scope, read from the clause or from a heading line above it.

A figure's day is the date phrase of its own clause ("on Saturday", "on 10 September"), the one a
report verb governs winning ("the toll issued on Saturday" over "the quake that struck on Friday");
else a date the sentence gives; else the entry stamp of a live page, else the article's date. A
weekend, a month or a year is a period, not a day ("over the weekend", "in July", "in 2021"): figures
about different periods are different quantities.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from figures import _tables
from figures.extraction.clauses import Clause, Spans, clause_at, starting_within
from figures.extraction.tokens import WEEKDAYS, Sentence, Token, looks_verb

# Tables read in the hot loops below, bound once rather than fetched through their caches per token.
_STOPWORDS = _tables.stopwords()
_NUMBER_WORDS = _tables.number_words()
_MONTHS = _tables.months()
_COUNTRIES = _tables.countries()

_LOCATIVE = _tables.word_class("place_preposition")
_PLACE_SETS = _tables.word_class("place_set_noun")
_ATTACK_NOUNS = _tables.word_class("attack_noun")
_AREA_NOUNS = _tables.word_class("area_noun")
# a place's last word, normalised for its key: "Odesa Oblast" and "the Odesa region" are one place
_SUFFIXES = {**{w: "region" for w in _tables.word_class("suffix_as_region")},
             **{w: w for w in _tables.word_class("suffix_kept")},
             **{w: "" for w in _tables.word_class("suffix_dropped")}}
_NATIONAL_NOUNS = _tables.word_class("national_noun")
_NATIONAL_WORDS = _tables.word_class("national_word")
_NATIONAL_KEYS = _NATIONAL_NOUNS | _NATIONAL_WORDS
_EVENT_NOUNS = _tables.word_class("event_noun")   # "the Ridge fire"
_NAMED_AFTER = _tables.word_class("event_title")   # "Storm Daniel"
_PERIOD_WORDS = _tables.word_class("part_of_day")
_REPORT_WORDS = _tables.word_class("report_word")
_SPANS = _tables.word_class("span_noun")
_CLOCK_WORDS = _tables.word_class("clock_word")
_TODAY = _tables.word_class("today_word")


@dataclass(frozen=True, slots=True)
class Anchor:
    """A place or event phrase: token span [first, stop), as written, and its comparison key."""

    first: int
    stop: int
    name: str
    key: str          # "" for national scope


@dataclass(frozen=True, slots=True)
class When:
    """A time phrase: token span, the day or period start it names (None: not resolvable), and its kind."""

    first: int
    stop: int
    day: dt.date | None
    period: str       # "day", "weekend", "week", "month", "year"
    report: bool      # governed by a report word: "the toll issued on Saturday"
    timed: bool = False  # a count as of a clock time: "as of 3:20 a.m.", "by 2 pm" (not "took off at 1 pm")
    as_of: bool = False  # "as of September 10": the count stood so then
    weekday: int | None = None  # the weekday named (0 = Monday), known even when the day is not


@lru_cache(maxsize=None)
def _countries() -> frozenset[str]:
    return _COUNTRIES


def _bare(low: str) -> str:
    return low[:-2] if low.endswith(("'s", "’s")) else low


def _is_name(tok: Token) -> bool:
    return tok.is_word and tok.text[0].isupper() and _name_word(tok.low)


@lru_cache(maxsize=65536)
def _name_word(low: str) -> bool:
    low = _bare(low)
    return low not in _STOPWORDS and low not in _MONTHS and low not in WEEKDAYS


@lru_cache(maxsize=None)
def _time_words() -> frozenset[str]:
    return (frozenset(_MONTH_INDEX) | frozenset(WEEKDAYS) | _TODAY | _SPANS
            | {"yesterday", "weekend", "week", "this", "since"})


@lru_cache(maxsize=None)
def _time_starters() -> frozenset[str]:
    """The time words, a clock's colon and clock words ("pm", "GMT"): a sentence with none of them
    (and no four-digit token) holds no time phrase. One set, so that one pass over the tokens tells."""
    return _time_words() | _CLOCK_WORDS | {":"}


def place_key(name: str) -> str:
    """"the Odesa Oblast" and "Odesa region" -> "odesa region"; "the city of Lakeport" -> "lakeport";
    "across the country", a country -> "" (national scope: compared with figures that name no place;
    the checker keeps two countries' figures apart by the `place` as written)."""
    words = [_bare(w) for w in name.lower().replace("’", "'").split() if w not in {"the", "of"}]
    if words and words[-1] in _SUFFIXES:
        suffix = _SUFFIXES[words[-1]]
        words = words[:-1] + ([suffix] if suffix else [])
    key = " ".join(words)
    return "" if key in _NATIONAL_KEYS or key in _countries() else key


_REGION_NOUNS = _tables.word_class("region_noun")


def _name_run(tokens: list[Token], i: int) -> int:
    """Index after a run of name tokens starting at i ("Ocean Heights", "Odesa Oblast"), one space
    apart: a headline's last word and the next line's first are not one name."""
    j = i
    while j < len(tokens) and (_is_name(tokens[j]) or (j > i and tokens[j].low in _REGION_NOUNS)):
        if j > i and tokens[j].start - tokens[j - 1].end != 1:
            break
        j += 1
    return j


def _place_after(tokens: list[Token], i: int) -> Anchor | None:
    """The place a locative preposition at token i introduces, if it names one."""
    j = i + 1
    if j < len(tokens) and tokens[j].low == "the":
        j += 1
    if j < len(tokens) and tokens[j].low in _NATIONAL_NOUNS:
        return Anchor(i, j + 1, tokens[j].text, "")                  # "across the country"
    k = j
    while k < len(tokens) and k - j < 4 and tokens[k].is_word and tokens[k].low not in _AREA_NOUNS \
            and (tokens[k].text[0].islower() or (_is_name(tokens[k]) and not _is_name_start(tokens, k))):
        k += 1                                                       # "the eastern Libyan city of"
    if k < len(tokens) and tokens[k].low in _AREA_NOUNS:
        if k + 2 < len(tokens) and tokens[k + 1].low == "of" and _is_name(tokens[k + 2]):
            stop = _name_run(tokens, k + 2)
            return _anchor(tokens, i, k + 2, stop)
        if tokens[k].low == "capital" and k == j:
            return Anchor(i, k + 1, "the capital", "capital")
        names = [m for m in range(j, k) if _is_name(tokens[m])]
        if tokens[k].low == "area" and names:
            return _anchor(tokens, i, names[0], k)                   # "in the Ocean Heights area"
        return None
    if j < len(tokens) and _is_name(tokens[j]):
        stop = _name_run(tokens, j)
        if stop < len(tokens) and _describes(tokens[stop]):
            return None                                              # "in Russian strikes": an adjective
        owner = [k for k in range(j, stop - 1) if tokens[k].low.endswith(("'s", "’s"))]
        if owner:
            j = owner[-1] + 1                                        # "in Ukraine's Odesa region"
        anchor = _anchor(tokens, i, j, stop)
        wider = _SURROUNDING.get(tuple(t.low for t in tokens[stop:stop + 4]))
        if anchor is not None and wider:                             # "on Lviv and the surrounding region"
            return Anchor(anchor.first, stop + 4, f"{anchor.name} {wider}", f"{anchor.key} {wider}")
        return anchor
    return None


_SURROUNDING = {tuple(phrase.split()): "and surroundings" for phrase in _tables.word_class("surrounding_phrase")}


def _describes(tok: Token) -> bool:
    """A lower-case noun right after a name makes the name an adjective ("Russian strikes", "Lviv
    hospitals"); a region word or a function word does not ("Odesa region", "Lviv on Friday")."""
    return (tok.is_word and tok.text[:1].islower() and tok.low not in _REGION_NOUNS and tok.low not in _SUFFIXES
            and tok.low not in _STOPWORDS and not looks_verb(tok) and tok.low not in _PLACE_TAIL_WORDS)


_PLACE_TAIL_WORDS = _tables.word_class("place_tail_word")


def _is_name_start(tokens: list[Token], k: int) -> bool:
    """A name that is the place itself, not a demonym before an area noun ("German city of")."""
    stop = _name_run(tokens, k)
    return not (stop < len(tokens) and tokens[stop].low in _AREA_NOUNS and tokens[stop].text[0].islower())


def _anchor(tokens: list[Token], first: int, name_first: int, stop: int) -> Anchor | None:
    if stop + 1 <= len(tokens) and stop < len(tokens) and tokens[stop].low in _SUFFIXES and tokens[stop].is_word:
        stop += 1                                                    # "the Odesa region"
    name = " ".join(t.text for t in tokens[name_first:stop])
    if not name or tokens[stop - 1].low in _EVENT_NOUNS:
        return None                                                  # "in the Ridge fire": an event
    return Anchor(first, stop, name, place_key(name))


#: The words that may open a place phrase (`places` reads only from these).
_PLACE_CUES = _LOCATIVE | _NATIONAL_WORDS | _PLACE_SETS | {"on", "city", "town", "village"}


def places(sentence: Sentence) -> tuple[Anchor, ...]:
    """Every place phrase of the sentence, in order."""
    tokens = sentence.tokens
    found: list[Anchor] = []
    for i in sentence.where(_PLACE_CUES):
        tok = tokens[i]
        low = tok.low
        if low in _LOCATIVE and tok.is_word:
            anchor = _place_after(tokens, i)
        elif low == "on" and i > 0 and tokens[i - 1].low in _ATTACK_NOUNS:
            anchor = _place_after(tokens, i)                         # "a strike on Kharkiv killed six"
        elif low in _NATIONAL_WORDS:
            anchor = Anchor(i, i + 1, tok.text, "")
        elif low == "on" and i + 1 < len(tokens) and _is_name(tokens[i + 1]) and tokens[i + 1].low.endswith(("'s", "’s")):
            anchor = _anchor(tokens, i, i + 1, i + 2)                 # "On Lisbon's main square"
        elif low in _PLACE_SETS and i >= 2 and tokens[i - 2].low in _LOCATIVE and (
                tokens[i - 1].text[:1].isdigit() or tokens[i - 1].low in _NUMBER_WORDS):
            anchor = Anchor(i - 2, i + 1, f"{tokens[i - 1].text} {tok.text}", f"{tokens[i - 1].low} {low}")
        elif low in {"city", "town", "village"} and i + 2 < len(tokens) and tokens[i + 1].low == "of" \
                and _is_name(tokens[i + 2]):
            anchor = _anchor(tokens, i, i + 2, _name_run(tokens, i + 2))   # "approached the city of Lviv"
        else:
            continue
        if anchor is not None and (not found or anchor.first >= found[-1].stop):
            found.append(anchor)
    return Spans(found)


def subject_place(tokens: list[Token], clauses: tuple[Clause, ...], first: int,
                  place_names: frozenset[str]) -> Anchor | None:
    """A name near the figure, in its clause, that is the subject of a verb there and that the article
    elsewhere uses as a place: "Kyiv endured a barrage in which 15 were hurt" when the article also
    writes "throughout Kyiv"."""
    if not place_names:
        return None
    clause = clauses[clause_at(clauses, first)]
    for k in range(first - 1, max(clause.first, first - _SUBJECT_REACH) - 1, -1):
        tok = tokens[k]
        if tok.text[:1].isdigit():
            return None                           # another figure stands between
        if tok.low in place_names and _is_name(tok) and k + 1 < len(tokens) and (
                k == clause.first or looks_verb(tokens[k + 1])):
            return _anchor(tokens, k, k, k + 1)   # "... a day after Kyiv endured a barrage in which 15 were hurt"
    return None


_SUBJECT_REACH = 15


def population_place(tokens: list[Token], first: int) -> Anchor | None:
    """The place a population figure counts: "Ridgeville, a town of 65,000", "Ridgeville has a
    population of", "home to 2 million" after a name. A place elsewhere in the sentence ("cut off by
    the floods near X") is where something else happened, so only the name the figure describes counts."""
    j = first - 1
    while j >= 0 and tokens[j].low in {"of", "to", "about", "some", "around", "nearly", "over", "roughly"}:
        j -= 1
    while j >= 0 and tokens[j].is_word and not _is_name(tokens[j]) and first - j < 8:
        j -= 1                                    # "a coastal town", "has a population"
    if j >= 1 and tokens[j].text == ",":
        j -= 1
    if j >= 0 and _is_name(tokens[j]):
        k = j
        while k > 0 and _is_name(tokens[k - 1]):
            k -= 1
        return _anchor(tokens, k, k, j + 1)
    return None


_SETTLEMENTS = _tables.word_class("settlement_noun")


_POPULATION_PHRASE = _tables.word_class("population_phrase_word")
_REFERENCE_REACH = 400     # characters back within which "the town" may refer to the place named last


class PlaceMentions:
    """Where an article names each of its places (`layout` place names, countries left out), found
    in one pass over the text the first time a figure asks, then looked up by bisection."""

    def __init__(self, text: str, place_names: frozenset[str]) -> None:
        self._text = text
        self._names = sorted({n.title() for n in place_names if n not in _COUNTRIES}, key=len, reverse=True)
        self._starts: list[int] | None = None

    def _read(self) -> None:
        self._starts, self._ends, self._written = [], [], []
        self._leads: list[bool] = []      # after each mention: is its place named most so far, alone?
        if self._names:
            pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in self._names) + r")\b")
            counts: dict[str, int] = {}
            most, at_most = 0, 0
            for m in pattern.finditer(self._text):
                name = m.group()
                counts[name] = counts.get(name, 0) + 1
                if counts[name] > most:
                    most, at_most = counts[name], 1
                elif counts[name] == most:
                    at_most += 1
                self._starts.append(m.start())
                self._ends.append(m.end())
                self._written.append(name)
                self._leads.append(counts[name] == most and at_most == 1)

    def referred_to(self, offset: int) -> str | None:
        """The place "the town" at `offset` refers to: the one named last before it, within reach,
        with no other name written between, and named there at least as often as any other place."""
        if self._starts is None:
            self._read()
        k = bisect_right(self._starts, offset) - 1
        if k < 0 or offset - self._ends[k] > _REFERENCE_REACH or _other_name_between(self._text, self._ends[k], offset):
            return None
        return self._written[k] if self._leads[k] else None


_CAPITALISED = re.compile(r"[A-Z][A-Za-z’'-]+")


def _other_name_between(text: str, start: int, end: int) -> bool:
    """Whether a capitalised word that does not open a sentence stands in text[start:end] ("Rescuers
    reached Millbrook"): then "the town" after it may be that other place."""
    for m in _CAPITALISED.finditer(text, start, end):
        before = text[start:m.start()].rstrip()
        opens = not before or before[-1] in ".!?\"“”\n" or text[m.start() - 1] == "\n"
        if not opens and m.group().lower() not in _STOPWORDS and m.group().lower() not in _time_words():
            return True
    return False


def named_before(tokens: list[Token], first: int, offset: int, mentions: PlaceMentions) -> Anchor | None:
    """The place a population figure's "the city" or "the coastal town, home to 40,000 people" refers
    to (`PlaceMentions.referred_to`). The settlement noun must head the figure's own phrase: only
    words of a population phrase ("home to", "which has a population of", "of about") stand between
    it and the figure. Anything less certain leaves the figure without a place rather than guess."""
    k = first - 1
    while k >= 0 and first - k <= 9 and (tokens[k].low in _POPULATION_PHRASE or tokens[k].text == ","):
        k -= 1
    if k < 1 or tokens[k].low not in _SETTLEMENTS:
        return None
    j = k - 1
    while j >= 0 and k - j <= 3 and tokens[j].low != "the" and tokens[j].is_word and tokens[j].text[:1].islower():
        j -= 1                                    # "the coastal town", "the small port city"
    if j < 0 or tokens[j].low != "the":
        return None
    name = mentions.referred_to(offset)
    return Anchor(first, first, name, place_key(name)) if name else None


_EVENT_ARTICLE_REACH = 3      # tokens before a name within which "the" makes it an event's ("the Ridge fire")


def events(sentence: Sentence) -> tuple[Anchor, ...]:
    """Named events of the sentence: "the Ridge fire", "Canyon Fire", "Storm Agnes"."""
    tokens = sentence.tokens
    if _EVENT_NOUNS.isdisjoint(sentence.words) and _NAMED_AFTER.isdisjoint(sentence.words):
        return ()                                # no fire, blaze, storm ... named here
    found: list[Anchor] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if _is_name(tok) and tok.low not in _EVENT_NOUNS:
            stop = _name_run(tokens, i)
            while stop > i and tokens[stop - 1].low in _EVENT_NOUNS:
                stop -= 1
            named = i > 0 and any(tokens[m].low == "the" for m in range(max(0, i - _EVENT_ARTICLE_REACH), i))
            if stop < len(tokens) and tokens[stop].low in _EVENT_NOUNS and stop > i and (named or i == 0):
                name = " ".join(t.text for t in tokens[i:stop + 1])
                found.append(Anchor(i, stop + 1, name, _event_key(tokens[i:stop], tokens[stop])))
                i = stop + 1
                continue
            i = max(stop, i + 1)
            continue
        if tok.low in _NAMED_AFTER and i + 1 < len(tokens) and _is_name(tokens[i + 1]):
            stop = _name_run(tokens, i + 1)
            name = " ".join(t.text for t in tokens[i:stop])
            found.append(Anchor(i, stop, name, name.lower()))
            i = stop
            continue
        i += 1
    return Spans(found)


def _event_key(name: list[Token], noun: Token) -> str:
    kind = {"fires": "fire", "blaze": "fire", "wildfire": "fire"}.get(noun.low, noun.low)
    return " ".join(t.low for t in name) + " " + kind


def heading_event(line: str) -> str | None:
    """The event a short heading line names ("Ridge fire", "Canyon Fire:"), if it is one."""
    words = line.strip().strip("#*-:• ").rstrip(":").split()
    if not 2 <= len(words) <= 4 or not words[0][:1].isupper():
        return None
    text = " ".join(words)
    sentence = Sentence.of(text, 0, len(text))
    found = events(sentence)
    return found[0].key if found and found[0].first == 0 and found[0].stop == len(sentence.tokens) else None


# -- time -------------------------------------------------------------------------------------------

_MONTH_INDEX = _tables.month_numbers()


def _month(tok: Token) -> int | None:
    if tok.low == "may" and tok.text == "may":
        return None                                      # the modal verb, not the month
    return _MONTH_INDEX.get(tok.low) if tok.is_word else None


def _int(tok: Token, lo: int, hi: int) -> int | None:
    text = tok.text
    if not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if lo <= value <= hi else None


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _resolve_month_day(month: int, day: int, year: int | None, base: dt.date | None) -> dt.date | None:
    if year is not None:
        return _safe(year, month, day)
    if base is None:
        return None
    found = _safe(base.year, month, day)
    if found and found > base + dt.timedelta(days=31):
        found = _safe(base.year - 1, month, day)
    return found


def weekday_before(base: dt.date, weekday: int) -> dt.date:
    """The latest date on or before `base` that falls on `weekday` (0 = Monday)."""
    return base - dt.timedelta(days=(base.weekday() - weekday) % 7)


def _weekend_of(base: dt.date) -> dt.date:
    """The Saturday of the weekend a text means by "the weekend": the one in progress or just past."""
    return weekday_before(base, 5)


_REPORT_WORD_REACH = 3        # tokens before a day word within which a report word ("as of") binds it to the report


def _report_bound(tokens: list[Token], i: int) -> bool:
    for k in range(max(0, i - _REPORT_WORD_REACH), i):
        if tokens[k].low in _REPORT_WORDS or (tokens[k].low == "as" and k + 1 < len(tokens) and tokens[k + 1].low == "of"):
            return True
    return False


_RECORD_WORDS = _tables.word_class("record_word")   # "a record since 1990"
_SINCE_STARTS = _tables.word_class("since_start")


def _long_since(tokens: list[Token], k: int) -> bool:
    """After "since": a start far back ("the start of the war", "February 2022", "2014"), not a
    weekday of the story ("since Tuesday", which is the story's running count)."""
    if k < len(tokens) and tokens[k].low == "the":
        k += 1
    if k >= len(tokens):
        return False
    tok = tokens[k]
    return tok.low in _SINCE_STARTS or _month(tok) is not None or _int(tok, 1000, 2999) is not None


def _as_of(tokens: list[Token], i: int) -> bool:
    return i >= 2 and tokens[i - 2].low == "as" and tokens[i - 1].low == "of"


def _clock(tokens: list[Token], i: int) -> int | None:
    """Index after a clock time at token i ("10 pm", "3:20 a.m.", "08:13"), or None."""
    tok = tokens[i]
    if not tok.text[:1].isdigit():
        return None
    j = i + 1
    if j + 1 < len(tokens) and tokens[j].text == ":" and tokens[j + 1].text.isdigit():
        j += 2
        colon = True
    else:
        colon = False
    if j < len(tokens) and tokens[j].low in {"am", "pm", "a", "p", "gmt", "utc"}:
        k = j + 1
        if tokens[j].low in {"a", "p"} and k + 1 < len(tokens) and tokens[k].text == "." and tokens[k + 1].low == "m":
            k += 2
            if k < len(tokens) and tokens[k].text == ".":
                k += 1
        return k
    return j if colon else None


_RECORD_WORD_REACH = 3        # tokens before "since" within which a record word ("highest since") makes it no total


def times(sentence: Sentence, base: dt.date | None) -> tuple[When, ...]:
    """Every time phrase of the sentence, resolved against `base` (the day the text is written on)."""
    tokens = sentence.tokens
    words = _time_words()
    starters = _time_starters()
    lows = sentence.lows
    if starters.isdisjoint(sentence.words) and not any(len(low) == 4 and low[0].isdigit() for low in lows):
        return ()                                # no month, weekday, year, clock or period word
    found: list[When] = []
    n = len(tokens)
    # only date words and numbers can start a time phrase
    openers = [k for k, low in enumerate(lows) if low in words or low[:1].isdigit()]
    i = 0
    while i < n:
        at = bisect_left(openers, i)
        if at == len(openers):
            break
        i = openers[at]
        tok = tokens[i]
        low = tok.low
        month = _month(tok)
        if month is not None:
            # "March 11", "March 11, 2025", "Sept. 10"; or "in July" (a month)
            j = i + 1
            if j < n and tokens[j].text == ".":
                j += 1
            day = _int(tokens[j], 1, 31) if j < n else None
            if day is not None:
                k = j + 1
                if k < n and tokens[k].low in {"st", "nd", "rd", "th"}:
                    k += 1
                year = None
                if k + 1 < n and tokens[k].text == "," and _int(tokens[k + 1], 1000, 2999):
                    year, k = int(tokens[k + 1].text), k + 2
                elif k < n and _int(tokens[k], 1000, 2999):
                    year, k = int(tokens[k].text), k + 1
                found.append(When(i, k, _resolve_month_day(month, day, year, base), "day", _report_bound(tokens, i),
                                  as_of=_as_of(tokens, i)))
                i = k
                continue
            if i > 0 and tokens[i - 1].low in {"in", "during", "for", "since"} and tokens[i - 1].low != "since":
                year = _int(tokens[j], 1000, 2999) if j < n else None
                y = year or (base.year if base else None)
                start = _safe(y, month, 1) if y else None
                if start and base and not year and start > base:
                    start = _safe(y - 1, month, 1)
                found.append(When(i - 1, j + (1 if year else 0), start, "month", False))
            i += 1
            continue
        day_of_month = _int(tok, 1, 31)
        if day_of_month is not None and i + 1 < n and (m := _month(tokens[i + 1])) is not None:
            k = i + 2                                              # "10 September", "10 September 2023"
            year = _int(tokens[k], 1000, 2999) if k < n else None
            if year:
                k += 1
            found.append(When(i, k, _resolve_month_day(m, day_of_month, year, base), "day", _report_bound(tokens, i)))
            i = k
            continue
        if low in WEEKDAYS and tok.is_word:
            if i + 1 < n and tokens[i + 1].low in {"'s", "’s"}:
                i += 2                                             # "Friday's earthquake": the event's day
                continue
            k = i + 1
            if k < n and tokens[k].low in _PERIOD_WORDS:
                k += 1
            day = weekday_before(base, WEEKDAYS.index(low)) if base else None
            if i > 0 and tokens[i - 1].low == "last" and day == base:
                day = day - dt.timedelta(days=7) if day else None
            if i > 0 and tokens[i - 1].low in {"since", "until", "till", "from", "next", "by"}:
                i = k
                continue
            found.append(When(i, k, day, "day", _report_bound(tokens, i), weekday=WEEKDAYS.index(low)))
            i = k
            continue
        if low == "since" and tok.is_word and _long_since(tokens, i + 1) and not any(
                t.low in _RECORD_WORDS or t.low.endswith("est") for t in tokens[max(0, i - _RECORD_WORD_REACH):i]):
            found.append(When(i, i + 2, None, "cumulative", False))   # "since the start of the war": a total
            i += 1
            continue
        if low == "yesterday":
            found.append(When(i, i + 1, base - dt.timedelta(days=1) if base else None, "day", _report_bound(tokens, i)))
        elif low in _TODAY or (low == "this" and i + 1 < n and tokens[i + 1].low in _PERIOD_WORDS):
            found.append(When(i, i + 1, base, "day", _report_bound(tokens, i)))
        elif low == "weekend" and i > 0 and tokens[i - 1].low in {"the", "this", "last"}:
            start = _weekend_of(base) if base else None
            found.append(When(i - 1, i + 1, start, "weekend", False))
        elif low == "week" and i > 0 and tokens[i - 1].low in {"last", "past", "this"}:
            found.append(When(i - 1, i + 1, None, "week", False))
        elif low in _SPANS and i >= 2 and tokens[i - 2].low in {"these", "past", "last", "first", "those", "next"} and (
                tokens[i - 1].text[:1].isdigit() or tokens[i - 1].low in _NUMBER_WORDS):
            found.append(When(i - 2, i + 1, None, "span", False))     # "in just these two days": a total over days
        elif (year := _int(tok, 1000, 2999)) is not None and i > 0 and tokens[i - 1].low in {"in", "of", "during"}:
            found.append(When(i - 1, i + 1, dt.date(year, 1, 1), "year", False))
        elif tok.text[:1].isdigit() and (stop := _clock(tokens, i)) is not None:
            counted_by = i >= 1 and (tokens[i - 1].low == "by" or _as_of(tokens, i))
            found.append(When(i, stop, None, "day", _report_bound(tokens, i), timed=counted_by))
            i = stop
            continue
        i += 1
    return Spans(found)


_BEFORE_REACH = 10       # tokens an anchor may stand before the figure it belongs to
_SUBORDINATORS = _tables.word_class("subordinator")


_HANDOVER = _tables.word_class("place_handover")


def _elsewhere(tokens: list[Token], stop: int, first: int) -> bool:
    """Whether the words between a figure and a later place hand the place to something else: another
    verb ("killed 800 and damaged buildings in X"), or a part ("died, mostly in X")."""
    for k in range(stop, first):
        low = tokens[k].low
        if low in _HANDOVER:
            return True                          # "died, mostly in X"; "22 were hurt, officials said in X"
        if low in {"and", "or", "but"} and k + 1 < first and looks_verb(tokens[k + 1]):
            return True
    return False


def pick(anchors: tuple, clauses: tuple[Clause, ...], first: int, stop: int, block: int,
         tokens: list[Token] | None = None) -> object | None:
    """The anchor that belongs to the figure at tokens [first, stop): the nearest in its clause after
    it (not past `block`, where the next figure of the clause starts), else the nearest before it in
    its clause, if close and not across "hours after", "as", "when" (another happening's time)."""
    if not anchors:
        return None
    clause = clauses[clause_at(clauses, first)]
    after = [a for a in starting_within(anchors, stop, min(clause.stop - 1, block))
             if stop <= a.first < clause.stop and a.first <= block
             and not (tokens is not None and _elsewhere(tokens, stop, a.first))]
    # a span ending within _BEFORE_REACH of the figure starts no earlier than that less its length
    low = max(clause.first, first - _BEFORE_REACH - anchors.longest()) if isinstance(anchors, Spans) else clause.first
    before = [a for a in starting_within(anchors, low, first)
              if clause.first <= a.first and a.stop <= first and first - a.stop <= _BEFORE_REACH]
    near = before[-1] if before else None
    if near is not None and tokens is not None and any(t.low in _SUBORDINATORS for t in tokens[near.stop:first]):
        near = None
    if after:
        apart = tokens is not None and any(t.text == "," for t in tokens[stop:after[0].first])
        if not (apart and near is not None):
            return after[0]                      # "12 killed in Kyiv"; not "1,100 in X, a figure lower than in Y"
    return near


def in_clause(anchors: tuple, clauses: tuple[Clause, ...], first: int) -> tuple:
    """The anchors that stand in the clause holding token `first`."""
    clause = clauses[clause_at(clauses, first)]
    return tuple(a for a in starting_within(anchors, clause.first, clause.stop - 1) if clause.first <= a.first < clause.stop)
